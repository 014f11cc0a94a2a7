package ui

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"gopy/ui/i18n"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// goldenScreens are the screens compared against testdata/golden: each is
// reached by keys from the dashboard of the fixture.
var goldenScreens = []struct {
	name  string
	setup bool // start on an empty database (first-run setup)
	keys  []string
}{
	{name: "dashboard"},
	{name: "feedback_list", keys: []string{"2"}},
	{name: "sessions_list", keys: []string{"3"}},
	{name: "petitions_list", keys: []string{"4"}},
	{name: "petition_detail", keys: []string{"4", "j", "j", "j", "j", "j", "j", "enter"}},
	{name: "petition_detail_end", keys: []string{"4", "j", "j", "j", "j", "j", "j", "enter", "G"}},
	{name: "confidential_detail", keys: []string{"4", "j", "j", "j", "j", "enter"}},
	{name: "confidential_revealed", keys: []string{"4", "j", "j", "j", "j", "enter", "v"}},
	{name: "feedback_detail", keys: []string{"2", "G", "enter"}},
	{name: "session_detail", keys: []string{"3", "G", "enter"}},
	{name: "search", keys: []string{"4", "/", "n", "g", "u", "y", "ễ", "n"}},
	{name: "status_resolve", keys: []string{"4", "j", "j", "x"}},
	{name: "quit_form", keys: []string{"4", "n", "1", "ctrl+c"}},
	{name: "search_matched", keys: []string{"4", "/", "h", "o", "a", " ", "b", "i", "n", "h"}},
	{name: "filter", keys: []string{"4", "f", "right", "down", "right"}},
	{name: "overdue_from_dashboard", keys: []string{"enter"}},
	{name: "settings", keys: []string{"6"}},
	{name: "reports", keys: []string{"5"}},
	{name: "help", keys: []string{"4", "?"}},
	{name: "setup", setup: true, keys: []string{"tab", "tab", "enter"}},
}

func TestGolden(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.VI, i18n.EN} {
		for _, size := range [][2]int{{80, 24}, {60, 20}, {120, 40}} {
			for _, g := range goldenScreens {
				name := fmt.Sprintf("%s_%s_%dx%d", g.name, lang, size[0], size[1])
				t.Run(name, func(t *testing.T) {
					s := openFixtureStore(t, false)
					if !g.setup {
						s = newFixtureStore(t)
					}
					dr := newTestRoot(t, s, lang, size[0], size[1])
					dr.keys(g.keys...)
					got := dr.r.View().Content
					checkFrame(t, got, size[0], size[1])
					compareGolden(t, name, plain(got))
				})
			}
		}
	}
}

// checkFrame: the frame is exactly the terminal's height and no line is
// wider than the terminal, and nothing raw from the database reaches it.
func checkFrame(t *testing.T, frame string, w, h int) {
	t.Helper()
	lines := strings.Split(frame, "\n")
	if len(lines) != h {
		t.Errorf("frame has %d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Errorf("line %d is %d cells wide (> %d): %q", i+1, lw, w, ansi.Strip(l))
		}
	}
	if strings.Contains(frame, "\x1b]") || strings.Contains(frame, "\x07") {
		t.Errorf("frame carries an OSC sequence or BEL from the data")
	}
}

func compareGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name+".txt")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./ui -run TestGolden -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file (go test ./ui -run TestGolden -update rewrites it)\n--- want\n%s\n--- got\n%s", name, want, got)
	}
}
