#!/bin/sh
# Store benchmarks at 100k records (SPEC "Quality bars"): saving one record
# against a bare bbolt commit of the same bytes (≤ 2×), the first page of a
# list (newest first, by who, by reference), counting overdue petitions,
# and --search "nguyen van".
#
#   bench/store.sh [BENCHTIME]      default 3s (go test -benchtime)
#
# The 100k database is made once per run with demo.Generate in a temp dir;
# set GOPY_BENCH_DB=/some/path.db to make it there once and reuse it (the
# benchmarks work on a copy and never change it).
set -eu
# Sign in as the demo account that `gopy demo` makes (see README).
export GOPY_USER=demo GOPY_PASSPHRASE=demo
cd "$(dirname "$0")/.."
benchtime=${1:-3s}
out=$(go test ./store -run '^$' -count 1 -benchtime "$benchtime" -benchmem \
	-bench '^(BenchmarkSaveOne|BenchmarkBareCommit|BenchmarkSaveVsBare|BenchmarkFirstPage|BenchmarkCountOverdue|BenchmarkSearch100k)$' 2>&1) || {
	echo "$out"
	exit 1
}
echo "$out"
echo
echo "$out" | awk '
	function ms(ns) { return sprintf("%.3f ms", ns / 1e6) }
	/^BenchmarkSaveOne/              { save = $3 }
	/^BenchmarkBareCommit/           { bare = $3 }
	/^BenchmarkSaveVsBare/ {
		for (i = 4; i < NF; i++) {
			if ($(i+1) == "save-ns") psave = $i
			if ($(i+1) == "bare-ns") pbare = $i
			if ($(i+1) == "save/bare") pair = $i
		}
	}
	/^BenchmarkFirstPage\/newest/     { print "first page (30 rows):          " ms($3) "   (SPEC keystroke: <= 2 ms at 1M)" }
	/^BenchmarkFirstPage\/who-last/  { print "last page by who (G):          " ms($3); next }
	/^BenchmarkFirstPage\/who-status/ { print "first page by who, one status: " ms($3); next }
	/^BenchmarkFirstPage\/who/       { print "first page by who:             " ms($3) }
	/^BenchmarkFirstPage\/ref/       { print "first page by reference:       " ms($3) }
	/^BenchmarkCountOverdue/         { print "count overdue petitions:       " ms($3) }
	/^BenchmarkSearch100k\/petitions/ { print "search \"nguyen van\" petitions: " ms($3) "   (SPEC: <= 30 ms)" }
	/^BenchmarkSearch100k\/all-kinds/ { print "search \"nguyen van\" all kinds: " ms($3) "   (SPEC: <= 30 ms)" }
	END {
		if (save && bare) {
			print "save one record:               " ms(save)
			print "bare bbolt commit:             " ms(bare)
			printf "save / bare commit:            %.2fx   (SPEC: <= 2x; separate runs)\n", save / bare
		}
		if (pair) print "interleaved save / bare:       " pair "x   (one of each in turn: " ms(psave) " / " ms(pbare) ")"
	}'
