#!/bin/sh
# Year report benchmark (SPEC "Quality bars": ≤ 100 ms at 100k records,
# ≤ 1 s at 1M). Builds gopy, fills a fresh database with demo records, then
# times `gopy report` end to end (process start included) and runs
# BenchmarkYearReport in-process against the same database.
#
#   bench/report.sh [RECORDS]        default 1000000
#
# The demo spreads records over the last three years, so "year" (last
# calendar year) holds about a third of them and "all" every one.
set -eu
# Sign in as the demo account that `gopy demo` makes (see README).
export GOPY_USER=demo GOPY_PASSPHRASE=demo
cd "$(dirname "$0")/.."
N=${1:-1000000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
go build -o "$dir/gopy" .
db="$dir/bench.db"
echo "generating $N demo records..."
/usr/bin/time -f "demo: %e s" "$dir/gopy" --db "$db" demo --records "$N" >/dev/null
ls -l "$db" | awk '{printf "database: %.0f MB\n", $5/1048576}'

year=$(( $(date +%Y) - 1 ))
timeit() {
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f "%e s wall, %M KB max resident" "$@" >/dev/null
	else
		start=$(date +%s%N); "$@" >/dev/null; end=$(date +%s%N)
		echo "$(( (end - start) / 1000000 )) ms wall"
	fi
}
for run in 1 2 3; do
	echo "report --period $year --format json (run $run):"
	timeit "$dir/gopy" --db "$db" report --period "$year" --format json
done
for run in 1 2 3; do
	echo "report, every record, --format json (run $run):"
	timeit "$dir/gopy" --db "$db" report --period 01/01/1900..31/12/2199 --format json
done
echo "report, every record, --by-ward --format xlsx:"
timeit "$dir/gopy" --db "$db" report --period 01/01/1900..31/12/2199 --by-ward --format xlsx --out "$dir/r.xlsx"

GOPY_BENCH_DB="$db" go test ./ui/report -run '^$' -bench BenchmarkYearReport -benchtime 5x -benchmem
