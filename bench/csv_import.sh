#!/bin/sh
# CSV ledger import (issue 16.8): time grows with the number of lines, not
# its square. Two measures:
#  1. BenchmarkImportCSV (testing.B): 20k, 80k and 381k rows into a new
#     database, in process;
#  2. the whole process, `gopy import ledger.csv`, for ROWS rows (default
#     381000, the 50 MB ledger of the issue): wall time and peak resident
#     memory (GNU time), progress lines on stderr.
#
#   bench/csv_import.sh [ROWS]          (NOBENCH=1 skips the first)
set -eu
cd "$(dirname "$0")/.."
rows=${1:-381000}
if [ -z "${NOBENCH:-}" ]; then
	go test ./store -run '^$' -count 1 -benchtime 1x -benchmem -bench '^BenchmarkImportCSV$'
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/gopy" .
# The benchmark's ledger: a ward moving from Excel (no ids), labels as stored.
awk -v n="$rows" 'BEGIN {
	print "received_on,channel,classification,name,group,address,people,summary,status"
	split("complaint denunciation proposal report", cls, " ")
	for (i = 0; i < n; i++) {
		d = (i * 7919) % 1095
		y = 2023 + int(d / 365); doy = d % 365; m = 1 + int(doy / 31); dd = 1 + doy % 28
		if (m > 12) m = 12
		printf "%02d/%02d/%d,walk_in,%s,Người Thử Số %d,Tổ dân phố 3,Số %d ngõ %d phố Thử Nghiệm,1,\"Phản ánh số %d về việc đổ rác thải xây dựng ra bờ sông, đề nghị phường kiểm tra xử lý.\",received\n", dd, m, y, cls[1 + i % 4], i, i % 300, i % 40, i
	}
}' > "$tmp/ledger.csv"
echo "ledger: $rows rows, $(du -h "$tmp/ledger.csv" | cut -f1)"
"$tmp/gopy" --db "$tmp/g.db" demo --records 0 --ward HB >/dev/null
if command -v /usr/bin/time >/dev/null 2>&1; then
	/usr/bin/time -f "gopy import: %e s wall, %M KB peak resident" "$tmp/gopy" --db "$tmp/g.db" import "$tmp/ledger.csv"
else
	start=$(date +%s.%N)
	"$tmp/gopy" --db "$tmp/g.db" import "$tmp/ledger.csv"
	echo "gopy import: $(echo "$(date +%s.%N) - $start" | bc) s wall"
fi
