package termquiet

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// $TMUX is hidden while the packages initialise and back, as it was,
// after Restore; without it nothing is set.
func TestRestore(t *testing.T) {
	if os.Getenv("GOPY_TERMQUIET_CHILD") == "" {
		for _, env := range [][]string{{"TMUX=/tmp/tmux-0/default,42,0"}, nil} {
			cmd := exec.Command(os.Args[0], "-test.run=^TestRestore$", "-test.count=1")
			cmd.Env = []string{"GOPY_TERMQUIET_CHILD=1"}
			for _, e := range os.Environ() {
				if !strings.HasPrefix(e, "TMUX=") {
					cmd.Env = append(cmd.Env, e)
				}
			}
			cmd.Env = append(cmd.Env, env...)
			if len(env) == 0 {
				cmd.Env = append(cmd.Env, "GOPY_TERMQUIET_NONE=1")
			}
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Errorf("%v: %v\n%s", env, err, out)
			}
		}
		return
	}
	if v, ok := os.LookupEnv("TMUX"); ok {
		t.Fatalf("$TMUX visible during start: %q", v)
	}
	Restore()
	v, ok := os.LookupEnv("TMUX")
	if os.Getenv("GOPY_TERMQUIET_NONE") == "1" {
		if ok {
			t.Errorf("$TMUX set to %q though there was none", v)
		}
		return
	}
	if v != "/tmp/tmux-0/default,42,0" {
		t.Errorf("$TMUX after Restore: %q", v)
	}
}
