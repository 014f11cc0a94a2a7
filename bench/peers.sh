#!/bin/sh
# Counting overdue items: gopy against the tools a ward would otherwise
# script (SPEC "Quality bars"): taskwarrior 2.6 and the sqlite3 shell with
# an index, on the same 10k petitions. Needs: go, python3, taskwarrior,
# sqlite3, hyperfine (apt-get install taskwarrior sqlite3 hyperfine).
# Usage: bench/peers.sh [RECORDS]   (default 10000 petitions' worth)
set -eu
# Sign in as the demo account that `gopy demo` makes (see README).
export GOPY_USER=demo GOPY_PASSPHRASE=demo
cd "$(dirname "$0")/.."
N=${1:-10000}
W=$(mktemp -d /tmp/gopy-peers.XXXXXX)
CGO_ENABLED=0 go build -o "$W/gopy" .
# demo makes ~48% petitions; ask for enough records to get N petitions.
"$W/gopy" --db "$W/g.db" demo --records $((N * 100 / 48)) >/dev/null
"$W/gopy" --db "$W/g.db" list petitions --format json >"$W/p.json"
python3 - "$W" <<'PY'
import json, sys, datetime
w = sys.argv[1]
recs = json.load(open(w + "/p.json"))
open_ = {"received", "in_progress", "transferred"}
tasks, rows = [], []
for r in recs:
    # The deadline an open petition can still miss, by gopy's one rule
    # (model/deadline.go openPetitionDue): its acceptance deadline while no
    # decision is taken on it, unless a resolution deadline comes first;
    # else its resolution deadline. The peers get that one date, so all
    # three count the same petitions.
    ack, res = r.get("ack_due", ""), r.get("resolution_due", "")
    due = ""
    if r["status"] in open_:
        if not r.get("handling") and ack and (not res or ack <= res):
            due = ack
        else:
            due = res
    t = {"description": r["summary"][:80], "entry": r["received_on"].replace("-", "") + "T000000Z",
         "status": "pending" if r["status"] in open_ else "completed", "project": "kn"}
    if due:
        # Overdue from the start of the next day in Vietnam (UTC+7): the
        # last second of the due day there is 16:59:59 UTC.
        t["due"] = due.replace("-", "") + "T165959Z"
    if t["status"] == "completed":
        t["end"] = t["entry"]
    tasks.append(t)
    rows.append((r["id"], r["status"], due))
with open(w + "/tasks.json", "w") as f:
    for t in tasks:
        f.write(json.dumps(t) + "\n")
with open(w + "/rows.csv", "w") as f:
    for r in rows:
        f.write(",".join(r) + "\n")
print(len(recs), "petitions")
PY
export TASKRC="$W/taskrc" TASKDATA="$W/task"
mkdir -p "$TASKDATA"
printf 'data.location=%s\nconfirmation=off\nverbose=nothing\ngc=off\n' "$TASKDATA" >"$TASKRC"
task import "$W/tasks.json" >/dev/null 2>&1
sqlite3 "$W/s.db" "create table p(id text primary key, status text, due text); create index p_open_due on p(status, due);" \
	".mode csv" ".import $W/rows.csv p"
Q="select count(*) from p where status in ('received','in_progress','transferred') and due <> '' and due < date('now','+7 hours');"
G=$("$W/gopy" --db "$W/g.db" list petitions --overdue --count)
T=$(task rc:"$TASKRC" +OVERDUE count 2>/dev/null)
S=$(sqlite3 "$W/s.db" "$Q")
echo "overdue: gopy $G, taskwarrior $T, sqlite3 $S"
if [ "$G" != "$T" ] || [ "$G" != "$S" ]; then
	echo "peers.sh: the three count differently: not the same question" >&2
	exit 1
fi
if command -v hyperfine >/dev/null; then
	hyperfine -N --warmup 5 --min-runs 200 \
		"$W/gopy --db $W/g.db list petitions --overdue --count" \
		"task rc:$TASKRC +OVERDUE count" \
		"sqlite3 $W/s.db \"$Q\""
fi
echo "data in $W"
