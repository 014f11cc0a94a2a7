//go:build unix

package ui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The real binary in tmux at 80×24 is killed (SIGKILL) while a new petition
// is being typed; the next start offers the draft and resumes it with what
// was typed, and the database passes `gopy check`.
func TestDraftSurvivesAKilledProcess(t *testing.T) {
	_, bin, db := builtWithDemo(t, 200)

	tm := &tmuxSession{t: t, name: fmt.Sprintf("gopy-crash-%d", os.Getpid())}
	t.Cleanup(tm.kill)
	tm.start(bin, "--db", db)
	tm.expect("[1 Tổng quan]", "Kiến nghị quá hạn")
	tm.send("4")
	tm.expect("[4 Kiến nghị]", "KN-2026-")
	tm.send("n")
	tm.expect("Kiến nghị mới", "› Ngày tiếp nhận*")
	tm.send("Tab", "Tab", "Tab")
	tm.expect("› Họ tên*")
	tm.typ("Hoàng Văn Thụ")
	tm.expectLine("› Họ tên*", "Hoàng Văn Thụ")
	// A draft is written about a second after the last key; wait for its
	// note on the screen (not a fixed time) before the kill.
	tm.expect("Đã lưu nháp")
	pid := strings.TrimSpace(tm.run("display-message", "-p", "-t", tm.name, "#{pane_pid}"))
	if out, err := exec.Command("kill", "-9", pid).CombinedOutput(); err != nil {
		t.Fatalf("kill -9 %s: %v %s", pid, err, out)
	}
	tm.waitGone()

	if out, err := exec.Command(bin, "--db", db, "check").CombinedOutput(); err != nil {
		t.Fatalf("gopy check after the kill: %v\n%s", err, out)
	}

	tm.start(bin, "--db", db)
	tm.expect("Có 1 biểu mẫu chưa lưu từ lần trước", "Bản nháp chưa lưu: Kiến nghị mới", "enter: mở lại")
	tm.send("Enter")
	tm.expect("[4 Kiến nghị]", "Kiến nghị mới")
	tm.expectLine("› Họ tên*", "Hoàng Văn Thụ")
	// Finish it: the summary, ctrl+s; the petition is saved, the draft gone.
	for range 7 {
		tm.send("Tab")
	}
	tm.expect("› Tóm tắt nội dung*")
	tm.typ("Đề nghị sửa cống thoát nước.")
	tm.send("C-s")
	tm.expect("Đã lưu KN-2026-", "Hoàng Văn Thụ")
	tm.send("q")
	tm.waitGone()
	tm.start(bin, "--db", db)
	tm.expect("[1 Tổng quan]")
	if strings.Contains(tm.screen(), "chưa lưu") {
		t.Fatalf("the draft is offered again after its form was saved:\n%s", tm.screen())
	}
}

// builtWithDemo skips unless tmux and go are at hand (and not -short), then
// builds gopy into a temporary folder beside a demo database of records
// records: the folder, the binary and the database.
func builtWithDemo(t *testing.T, records int) (dir, bin, db string) {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	for _, tool := range []string{"tmux", "go"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not found", tool)
		}
	}
	dir = t.TempDir()
	bin, db = filepath.Join(dir, "gopy"), filepath.Join(dir, "demo.db")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Dir = ".."
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	if out, err := exec.Command(bin, "--db", db, "demo", "--records", strconv.Itoa(records)).CombinedOutput(); err != nil {
		t.Fatalf("demo: %v\n%s", err, out)
	}
	return dir, bin, db
}

// tmuxSession runs one program in a detached 80×24 tmux session, on a tmux
// server of its own (-L): other tmux users on the machine cannot disturb it.
type tmuxSession struct {
	t    *testing.T
	name string
}

func (tm *tmuxSession) tmux(args ...string) *exec.Cmd {
	return exec.Command("tmux", append([]string{"-L", tm.name}, args...)...)
}

func (tm *tmuxSession) run(args ...string) string {
	tm.t.Helper()
	out, err := tm.tmux(args...).CombinedOutput()
	if err != nil {
		tm.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (tm *tmuxSession) start(bin string, args ...string) {
	tm.t.Helper()
	tm.kill()
	cmd := "exec env -u NO_COLOR -u GOPY_LANG TERM=xterm-256color GOPY_USER=demo GOPY_PASSPHRASE=demo '" + bin + "'"
	for _, a := range args {
		cmd += " '" + a + "'"
	}
	tm.run("new-session", "-d", "-s", tm.name, "-x", "80", "-y", "24", cmd)
}

func (tm *tmuxSession) kill() { _ = tm.tmux("kill-server").Run() }

// send presses keys by tmux's names (Tab, Enter, C-s) one at a time, as
// fingers do: an esc and a letter sent together read as alt+letter.
func (tm *tmuxSession) send(keys ...string) {
	tm.t.Helper()
	for _, k := range keys {
		tm.run("send-keys", "-t", tm.name, k)
		time.Sleep(50 * time.Millisecond)
	}
}

func (tm *tmuxSession) typ(text string) {
	tm.t.Helper()
	tm.run("send-keys", "-t", tm.name, "-l", text)
}

func (tm *tmuxSession) screen() string {
	out, err := tm.tmux("capture-pane", "-p", "-t", tm.name).CombinedOutput()
	if err != nil {
		return ""
	}
	return string(out)
}

// waitFor bounds every wait on the screen or the process. It is generous on
// purpose: on a loaded 2-core machine (CI with -race beside other packages)
// a start with the sign-in's key derivation can take several seconds; the
// waits end as soon as the condition holds, so a healthy run is not slower.
const waitFor = 60 * time.Second

// expect waits (up to waitFor) for every text to be on the screen.
func (tm *tmuxSession) expect(want ...string) {
	tm.t.Helper()
	deadline := time.Now().Add(waitFor)
	for {
		s := tm.screen()
		missing := ""
		for _, w := range want {
			if !strings.Contains(s, w) {
				missing = w
				break
			}
		}
		if missing == "" {
			return
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("screen lacks %q:\n%s", missing, s)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// expectLine waits (up to waitFor) for a screen line holding every part.
func (tm *tmuxSession) expectLine(parts ...string) {
	tm.t.Helper()
	deadline := time.Now().Add(waitFor)
	for {
		s := tm.screen()
		for _, ln := range strings.Split(s, "\n") {
			all := true
			for _, p := range parts {
				all = all && strings.Contains(ln, p)
			}
			if all {
				return
			}
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("no line with %q:\n%s", parts, s)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// waitGone waits for the program to end (its session closes with it).
func (tm *tmuxSession) waitGone() {
	tm.t.Helper()
	deadline := time.Now().Add(waitFor)
	for tm.tmux("has-session", "-t", tm.name).Run() == nil {
		if time.Now().After(deadline) {
			tm.t.Fatalf("gopy still running:\n%s", tm.screen())
		}
		time.Sleep(50 * time.Millisecond)
	}
}
