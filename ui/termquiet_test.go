//go:build unix

package ui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Inside tmux, neither a command nor the interface asks tmux about the
// terminal at start (`tmux info`, 3–17 ms a start; see ui/termquiet): a
// tmux first in $PATH that records its calls is never called.
func TestNoTmuxInfoAtStart(t *testing.T) {
	dir, bin, db := builtWithDemo(t, 50)
	realTmux, _ := exec.LookPath("tmux")
	fake, calls := filepath.Join(dir, "bin"), filepath.Join(dir, "tmux-calls")
	if err := os.Mkdir(fake, 0o700); err != nil {
		t.Fatal(err)
	}
	script := fmt.Sprintf("#!/bin/sh\necho \"$*\" >> '%s'\nexec '%s' \"$@\"\n", calls, realTmux)
	if err := os.WriteFile(filepath.Join(fake, "tmux"), []byte(script), 0o700); err != nil {
		t.Fatal(err)
	}

	// Each run on a tmux server of its own: a new session on a server that
	// is still exiting after the last one fails ("server exited
	// unexpectedly").
	var tm *tmuxSession
	runs := 0
	session := func() {
		runs++
		tm = &tmuxSession{t: t, name: fmt.Sprintf("gopy-tmuxinfo-%d-%d", os.Getpid(), runs)}
		t.Cleanup(tm.kill)
	}
	start := func(args string) {
		session()
		// COLORTERM=truecolor would end the detection before tmux is asked.
		cmd := fmt.Sprintf("exec env -u NO_COLOR -u COLORTERM -u GOPY_LANG PATH='%s':\"$PATH\" TERM=xterm-256color GOPY_USER=demo GOPY_PASSPHRASE=demo '%s' --db '%s' %s",
			fake, bin, db, args)
		tm.run("new-session", "-d", "-s", tm.name, "-x", "80", "-y", "24", cmd)
	}
	start("list petitions --count")
	tm.waitGone()
	start("")
	tm.expect("[1 Tổng quan]")
	tm.send("q")
	tm.waitGone()
	if b, err := os.ReadFile(calls); err == nil {
		t.Errorf("gopy ran tmux at start: %q", b)
	}

	// The recording tmux does record (else the check above sees nothing).
	session()
	tm.run("new-session", "-d", "-s", tm.name, "-x", "80", "-y", "24",
		fmt.Sprintf("exec env PATH='%s':\"$PATH\" tmux info >/dev/null 2>&1", fake))
	tm.waitGone()
	if _, err := os.ReadFile(calls); err != nil {
		t.Errorf("the recording tmux recorded nothing: %v", err)
	}
}
