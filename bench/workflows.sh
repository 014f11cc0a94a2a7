#!/bin/sh
# The three workflows of issue 4 as a new officer types them, in Vietnamese,
# on the real binary in tmux at 80x24, counting keystrokes: command keys
# (tab, arrows, enter, ctrl+s, letters that act) apart from typed text.
#   1. record a dialogue session that raises two petitions;
#   2. answer two feedback points (with an answer text and who answered);
#   3. resolve one of the session's petitions, from the session's detail.
# Each step waits for its screen; a missing text fails the script.
#
#   bench/workflows.sh             (from the repo root; needs go and tmux)
set -eu
# Sign in as the demo account that `gopy demo` makes (see README).
export GOPY_USER=demo GOPY_PASSPHRASE=demo
cd "$(dirname "$0")/.."

command -v tmux >/dev/null 2>&1 || { echo "workflows: tmux not found"; exit 1; }

tmp=$(mktemp -d)
sock="gopy-workflows-$$"
cleanup() {
	tmux -L "$sock" kill-server 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT

go build -o "$tmp/gopy" .
"$tmp/gopy" --db "$tmp/demo.db" demo --records 200 --seed 1 >/dev/null
tmux -L "$sock" new-session -d -s w -x 80 -y 24 \
	"exec env -u NO_COLOR -u GOPY_LANG TERM=xterm-256color GOPY_USER=demo GOPY_PASSPHRASE=demo '$tmp/gopy' --db '$tmp/demo.db'"

screen() { tmux -L "$sock" capture-pane -p -t w; }

script=workflows
. bench/expect.sh

keys=0 chars=0
# k KEY...: command keys, one at a time (an esc sent with the next key
# would read as alt+key).
k() {
	for key in "$@"; do
		tmux -L "$sock" send-keys -t w "$key"
		keys=$((keys + 1))
		sleep 0.05
	done
}
# t TEXT: typed text, counted in characters.
t() {
	tmux -L "$sock" send-keys -t w -l "$1"
	chars=$((chars + $(printf %s "$1" | wc -m)))
	sleep 0.1
}
report() {
	printf '%-58s %3d keys + %3d typed characters\n' "$1" "$keys" "$chars"
	keys=0 chars=0
}

step=start
expect "[1 Tổng quan]"

step="1. session with two petitions"
k 3 n
expect "Buổi đối thoại, tiếp dân mới"
k Tab Tab
t "Nhà văn hóa tổ dân phố 3"
k Tab Tab
t "tr"
k Down Enter # the chair, from the officers
k C-n        # matter 1
t "Nguyễn Văn Bình"
k Tab
t "tổ 3"
k Down Enter Tab Tab Tab Tab Tab # address, ID number, phone (left empty), class
t "Đề nghị sửa đèn chiếu sáng ngõ 12."
k C-n # matter 2, a report (phản ánh)
t "Lê Thị Mai"
k Tab
t "tổ 3"
k Down Enter Tab Tab Tab Tab Right Tab
t "Phản ánh rác thải tập kết sai nơi quy định."
k C-s
expect "Đã lưu DT-" "Kiến nghị phát sinh (2)" "Đề nghị sửa đèn chiếu sáng" "Phản ánh rác thải"
report "1. dialogue session raising two petitions"

step="3. resolve a petition"
k Enter Enter # enter goes to the first linked petition, enter opens it
expect "Qua tiếp dân, đối thoại" "Đã tiếp nhận"
k x Right Tab Tab
t "Đã thay bóng đèn."
k C-s
expect "Đã lưu KN-" "Đã giải quyết"
report "3. resolve one of them (from the session's detail)"

step="2. answer two points"
k 2 Enter a
expect "Trả lời ý kiến GY-"
k Tab Tab
t "Đã chấn chỉnh bộ phận một cửa."
k Tab
t "ng"
k Down Enter C-s
expect "Đã lưu GY-"
k Escape j Enter a
expect "Trả lời ý kiến GY-"
t "giai" # type-to-choose: Giải trình
k Tab Tab
t "Đã đề nghị Công an phường tăng cường kiểm tra."
k Tab
t "công an"
k Down Enter C-s
expect "Đã lưu GY-" "Giải trình"
report "2. answer two feedback points (two feedbacks)"

step=quit
k q
echo "workflows: ok"
