#!/bin/sh
# Smoke test of the real binary in tmux at 80x24: first-run setup on an empty
# database; then, on a demo database, in Vietnamese and in English: switch
# tabs, search "nguyen", open a record, go back, quit with q; then, in
# Vietnamese, an officer's reception: a regular reception session raising
# two petitions (with address, ID number and phone), one of them closed
# with its result and the day the citizen was told. The screen is read
# with capture-pane after every step; a missing text fails the test.
#
#   bench/smoke.sh                 (from the repo root; needs go and tmux)
#   GOPY_SMOKE_KEEP=1 bench/smoke.sh   keeps the temp folder for a look
set -eu
# Sign in as the demo account that `gopy demo` makes (see README).
export GOPY_USER=demo GOPY_PASSPHRASE=demo
cd "$(dirname "$0")/.."

command -v tmux >/dev/null 2>&1 || { echo "smoke: tmux not found"; exit 1; }

tmp=$(mktemp -d)
session="gopy-smoke-$$"
cleanup() {
	tmux kill-session -t "$session" 2>/dev/null || true
	[ -n "${GOPY_SMOKE_KEEP:-}" ] || rm -rf "$tmp"
}
trap cleanup EXIT

go build ${GOPY_SMOKE_BUILDFLAGS:-} -o "$tmp/gopy" .
"$tmp/gopy" --db "$tmp/demo.db" demo --records 2000 --seed 1 >/dev/null

screen() { tmux capture-pane -p -t "$session"; }

script=smoke
. bench/expect.sh

keys() { tmux send-keys -t "$session" "$@"; }

start() { # start DB ARGS...: run gopy in a fresh 80x24 tmux session
	db=$1
	shift
	tmux kill-session -t "$session" 2>/dev/null || true
	tmux new-session -d -s "$session" -x 80 -y 24 \
		"env -u NO_COLOR -u GOPY_LANG TERM=xterm-256color GOPY_USER=demo GOPY_PASSPHRASE=demo '$tmp/gopy' --db '$db' $*; echo \"gopy exited: \$?\"; sleep 30"
}

step="first-run setup"
start "$tmp/new.db"
expect "Thiết lập lần đầu" "Tên phường/xã"
keys "Phường Thử Nghiệm" Enter "TN" Enter "Nguyễn Thị Thử" Enter
expect "[1 Tổng quan]" "Phường Thử Nghiệm (TN)" "Cán bộ: demo"
keys q
expect "gopy exited: 0"

run() { # run LANG: the tour of a demo database in one language
	lang=$1
	if [ "$lang" = vi ]; then
		dash="[1 Tổng quan]" overdue="Kiến nghị quá hạn" fb="[2 Góp ý]" ss="[3 Đối thoại]" pt="[4 Kiến nghị]"
		received="Ngày tiếp nhận" history="Lịch sử thay đổi"
	else
		dash="[1 Dashboard]" overdue="Petitions overdue" fb="[2 Feedback]" ss="[3 Sessions]" pt="[4 Petitions]"
		received="Received on" history="History"
	fi
	step="$lang: start"
	start "$tmp/demo.db" --lang "$lang"
	expect "$dash" "$overdue" "Phường Hòa Bình"
	step="$lang: tabs"
	keys 2
	expect "$fb" "GY-"
	keys 3
	expect "$ss" "DT-"
	keys 4
	expect "$pt" "KN-"
	step="$lang: search"
	keys / n g u y e n
	expect "/ nguyen" "Nguyễn"
	step="$lang: open"
	keys Enter Enter
	expect "$received" "KN-"
	keys G
	expect "$history"
	step="$lang: back"
	keys Escape
	expect "/ nguyen" "$pt"
	step="$lang: quit"
	keys q
	expect "gopy exited: 0"
}

run vi
run en

# t TEXT: typed text, as a keyboard sends it.
t() { tmux send-keys -t "$session" -l "$1"; sleep 0.1; }
# k KEY...: keys one at a time (esc then a key sent together reads as alt+key).
k() {
	for key in "$@"; do
		tmux send-keys -t "$session" "$key"
		sleep 0.05
	done
}

step="reception: a session raising two petitions"
start "$tmp/demo.db"
expect "[1 Tổng quan]"
k 3 n
expect "Buổi đối thoại, tiếp dân mới"
k Right # Tiếp công dân định kỳ
expect "Tiếp công dân định kỳ"
k Tab Tab
t "Trụ sở tiếp công dân phường"
k Tab Tab
t "tr"
k Down Enter # the chair, from the officers
k C-n        # matter 1: a proposal, with the citizen's address, ID and phone
t "Nguyễn Văn Bình"
k Tab
t "tổ 3"
k Down Enter Tab
t "Số 4 ngõ 12"
k Tab
t "001203004005"
k Tab
t "0912345678"
k Tab Tab
t "Đề nghị sửa đèn chiếu sáng ngõ 12."
k C-n # matter 2: a report (phản ánh)
t "Lê Thị Mai"
k Tab
t "tổ 3"
k Down Enter Tab Tab Tab Tab Right Tab
t "Phản ánh rác thải tập kết sai nơi quy định."
k C-s
expect "Đã lưu DT-" "Tiếp công dân định kỳ" "Kiến nghị phát sinh (2)" "Đề nghị sửa đèn chiếu sáng" "Phản ánh rác thải"

step="reception: the first petition closed with its result"
k Enter Enter # enter goes to the first linked petition, enter opens it
expect "Nguyễn Văn Bình" "Số 4 ngõ 12" "0912345678" "Đã tiếp nhận"
k x
expect "◂ Đang giải quyết ▸"
k Right # Đã giải quyết: the result is asked for
expect "Kết quả giải quyết*" "Ngày trả lời công dân"
k Tab Tab
t "Đã thay bóng đèn."
k Tab t # the citizen was told today
k C-s
expect "Đã lưu KN-" "Đã giải quyết"
k G # the end of the detail: its history
expect "Đổi Trạng thái từ Đã tiếp nhận thành Đã giải quyết" "Ghi Kết quả giải quyết: Đã thay bóng đèn." "Ghi Ngày trả lời công dân"
k q
expect "gopy exited: 0"

# The README's first command: the demo opens on the sign-in, demo / demo.
step="sign-in"
tmux kill-session -t "$session" 2>/dev/null || true
tmux new-session -d -s "$session" -x 80 -y 24 \
	"env -u NO_COLOR -u GOPY_LANG -u GOPY_USER -u GOPY_PASSPHRASE TERM=xterm-256color '$tmp/gopy' --db '$tmp/demo.db'; echo \"gopy exited: \$?\"; sleep 30"
expect "Đăng nhập" "› demo"
keys d e m o Enter
expect "[1 Tổng quan]" "Cán bộ: demo"
keys C-l
expect "Đã khóa màn hình · demo"
keys d e m o Enter
expect "[1 Tổng quan]"
keys q
expect "gopy exited: 0"
echo "smoke: ok (setup, tabs, search, detail, back, quit; vi and en at 80x24; a reception raising two petitions, one closed with its result; sign-in and lock)"
