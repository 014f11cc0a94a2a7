#!/bin/sh
# TUI benchmarks: Update+View of a keystroke (cursor, page, open a detail,
# a letter in the search), start-up to the first full frame, the search
# query and the dashboard's figures, on a demo database of N records
# (default 100000; the database is built once and kept in $TMPDIR).
#
#   bench/tui.sh             100k records
#   bench/tui.sh 1000000     1M records (first run builds a 2 GB file, ~1 min)
set -eu
# Sign in as the demo account that `gopy demo` makes (see README).
export GOPY_USER=demo GOPY_PASSPHRASE=demo
cd "$(dirname "$0")/.."
n=${1:-100000}
GOPY_BENCH_RECORDS=$n go test ./ui -run '^$' -bench . -benchtime "${BENCHTIME:-1000x}" -timeout 60m
