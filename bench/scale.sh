#!/bin/sh
# Province scale (issue 14): every row of the issue's table at a million
# records, each printed with the command behind it.
#
#   bench/scale.sh                 builds gopy, reuses bench/out/m1.db or makes it
#   GOPY_SCALE_DB=FILE bench/scale.sh     another database (e.g. a 100k one)
#   GOPY_SCALE_REBUILD=1 bench/scale.sh   makes the database again (times the demo)
#   GOPY_SCALE_RUNS=N                     start-up and report repetitions (9)
#
# The database (2 GB, about a minute) is built once under bench/out/
# (gitignored); one made before the sealed identities (no user demo) needs
# GOPY_SCALE_REBUILD=1. Cold figures drop the page cache (echo 3 >
# /proc/sys/vm/drop_caches, needs root); without it they are skipped and
# the script says so. Needs go, tmux; /usr/bin/time for peak memory.
set -eu
cd "$(dirname "$0")/.."
out=bench/out
mkdir -p "$out"
bin=$out/gopy
CGO_ENABLED=0 go build -o "$bin" .
db=${GOPY_SCALE_DB:-$out/m1.db}
runs=${GOPY_SCALE_RUNS:-9}
N=${GOPY_SCALE_RECORDS:-1000000}
# Demo databases have the user demo (passphrase demo): the TUI then opens
# signed in, and the commands sign in, without a prompt.
export GOPY_USER=${GOPY_USER:-demo} GOPY_PASSPHRASE=${GOPY_PASSPHRASE:-demo}

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
say() { printf '%-44s %s\n' "$1" "$2"; }

echo "== gopy $("$bin" version) on $(nproc) cores, $(date -u +%FT%TZ)"

# --- demo: time and peak resident
if [ ! -s "$db" ] || [ -n "${GOPY_SCALE_REBUILD:-}" ]; then
	rm -f "$db"
	rm -rf "$db.backups"
	/usr/bin/time -f '%e %M' -o "$out/demo.time" "$bin" --db "$db" demo --records "$N" >/dev/null
	read -r secs kb <"$out/demo.time"
	say "demo --records $N" "$secs s, $((kb / 1024)) MB peak resident"
	echo "   \$ /usr/bin/time -f '%e %M' gopy --db DB demo --records $N"
else
	say "demo --records $N" "(database reused: GOPY_SCALE_REBUILD=1 to time it)"
fi

# --- database size
size=$(stat -c %s "$db")
# Every kind counts as a record, as in `gopy stats` and the issue's table
# (demo --records N makes N records, commitments and information included).
recs=0
for k in feedback sessions petitions commitments information; do
	recs=$((recs + $("$bin" --db "$db" list $k --count)))
done
say "database size" "$((size / 1048576)) MB, $recs records, $((size / recs)) bytes a record"
echo "   \$ stat -c %s DB; gopy list {feedback,sessions,petitions,commitments,information} --count"
if "$bin" --db "$db" stats >/dev/null 2>&1; then
	echo "   \$ gopy --db DB --lang en stats"
	"$bin" --db "$db" --lang en stats | sed 's/^/   /'
fi

# --- TUI start to the tab line, above tmux running echo
session=gopy-scale-$$
cleanup() { tmux kill-session -t "$session" 2>/dev/null || true; }
trap cleanup EXIT
# startup CMD TEXT: ms from `tmux new-session` until TEXT is on the pane.
startup() {
	tmux kill-session -t "$session" 2>/dev/null || true
	t0=$(date +%s%N)
	tmux new-session -d -s "$session" -x 80 -y 24 "$1; sleep 30"
	while ! tmux capture-pane -p -t "$session" 2>/dev/null | grep -qF "$2"; do :; done
	ms "$t0"
	tmux kill-session -t "$session" 2>/dev/null || true
	sleep 0.3
}
tui="env -u NO_COLOR TERM=xterm-256color GOPY_LANG=en $bin --db $db"
base="" gopy=""
for i in $(seq "$runs"); do
	base="$base $(startup 'echo READY' READY)"
	gopy="$gopy $(startup "$tui" '[1 Dashboard]')"
done
b=$(echo "$base" | median) g=$(echo "$gopy" | median)
say "TUI start to the tab line, warm" "$((g - b)) ms above the baseline (gopy $g ms, tmux echo $b ms; medians of $runs)"
echo "   \$ tmux new-session -d -x 80 -y 24 'gopy --db DB' until capture-pane shows '[1 Dashboard]', minus the same with 'echo READY'"

# --- year report, warm and cold
year=$(( $(date +%Y) - 1 ))
rep="$bin --db $db report --period $year --format json"
$rep >/dev/null
w=""
for i in $(seq "$runs"); do
	t0=$(date +%s%N)
	$rep >/dev/null
	w="$w $(ms "$t0")"
done
say "report --period $year --format json, warm" "$(echo "$w" | median) ms (median of $runs:$w)"
if (sync && echo 3 >/proc/sys/vm/drop_caches) 2>/dev/null; then
	c=""
	for i in 1 2 3; do
		sync
		echo 3 >/proc/sys/vm/drop_caches
		t0=$(date +%s%N)
		$rep >/dev/null
		c="$c $(ms "$t0")"
	done
	say "report --period $year --format json, cold" "$(echo "$c" | median) ms (median of 3:$c)"
	echo "   \$ sync; echo 3 > /proc/sys/vm/drop_caches; gopy --db DB report --period $year --format json"
else
	say "report, cold" "not measured: cannot write /proc/sys/vm/drop_caches here"
fi
if [ -x /usr/bin/time ]; then
	/usr/bin/time -f '%M' -o "$out/rep.time" $rep >/dev/null
	say "report resident (peak)" "$(($(cat "$out/rep.time") / 1024)) MB"
fi
# --- the daily backup: compressed, what 11 kept (7 daily + 4 weekly) cost
/usr/bin/time -f '%e %M' -o "$out/backup.time" "$bin" --db "$db" backup --out "$out/backup.db.gz" >/dev/null
read -r secs kb <"$out/backup.time"
bsize=$(stat -c %s "$out/backup.db.gz")
rm -f "$out/backup.db.gz"
say "backup, compressed" "$((bsize / 1048576)) MB in $secs s, $((kb / 1024)) MB resident; 11 kept: $((bsize * 11 / 1048576)) MB"
echo "   \$ gopy --db DB backup --out B.db.gz   (the automatic one, after the first frame, is the same)"
t0=$(date +%s%N)
"$bin" version >/dev/null
say "gopy version (CLI fixed cost)" "$(ms "$t0") ms"

# --- TUI resident: dashboard, a list, search "nguyen van", Reports tab
hwm() { awk '/^VmHWM|^VmRSS/ {printf "%s %d MB  ", $1, $2/1024}' "/proc/$1/status"; }
tmux kill-session -t "$session" 2>/dev/null || true
tmux new-session -d -s "$session" -x 80 -y 24 "$tui; sleep 30"
wait_for() {
	i=0
	while ! tmux capture-pane -p -t "$session" | grep -qF "$1"; do
		i=$((i + 1))
		[ $i -lt 600 ] || { echo "   (timed out waiting for '$1')"; return 0; }
		sleep 0.05
	done
}
wait_for '[1 Dashboard]'
pid=$(pgrep -n -f "$bin --db $db" || true)
sleep 3 # the dashboard's figures fill in after the first frame
say "TUI after the dashboard" "$(hwm "$pid")"
tmux send-keys -t "$session" 4
wait_for 'KN-'
tmux send-keys -t "$session" G
sleep 1
say "TUI after the petitions list (G)" "$(hwm "$pid")"
tmux send-keys -t "$session" / n g u y e n ' ' v a n
sleep 8
say "TUI after search 'nguyen van'" "$(hwm "$pid")"
tmux send-keys -t "$session" Escape; sleep 1; tmux send-keys -t "$session" 5
sleep 5
tmux send-keys -t "$session" Y
wait_for "31/12/$year"
sleep 10
say "TUI after the Reports tab, last year" "$(hwm "$pid")"
echo "   (VmHWM/VmRSS from /proc/PID/status; mapped file pages included)"
tmux send-keys -t "$session" q
sleep 1
tmux kill-session -t "$session" 2>/dev/null || true
while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done

# --- overdue count, and against the peers on 10k petitions (bench/peers.sh)
t0=$(date +%s%N)
n=$("$bin" --db "$db" list petitions --overdue --count)
say "list petitions --overdue --count" "$n in $(ms "$t0") ms"
if command -v task >/dev/null && command -v sqlite3 >/dev/null && command -v hyperfine >/dev/null; then
	echo "   \$ bench/peers.sh   (10k petitions: gopy, taskwarrior, sqlite3 with an index)"
	bench/peers.sh 2>&1 | grep -E 'overdue:|Time \(mean|times faster|Benchmark' | sed 's/^/   /'
else
	echo "   peers not measured: bench/peers.sh needs taskwarrior, sqlite3 and hyperfine"
fi
