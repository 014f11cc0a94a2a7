package entry

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"gopy/model"
	"gopy/store"
	"gopy/ui/i18n"
)

// today is fixed: Tuesday 10 March 2026.
var today = model.NewDate(2026, time.March, 10)

var clock = time.Date(2026, time.March, 10, 9, 0, 0, 0, model.VNZone)

func openStore(t *testing.T) (*store.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "gopy.db")
	s, err := store.Open(path, store.Options{Now: func() time.Time { clock = clock.Add(time.Second); return clock }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	st, _ := s.Settings()
	st.WardName, st.WardCode, st.Officer = "Phường Bến Thành", "BT", "Lê Thị Hoa"
	st.Officers = []string{"Lê Thị Hoa", "Nguyễn Văn Nam"}
	st.Agencies = []string{"UBND phường", "Công an phường", "Phòng Tài nguyên và Môi trường"}
	st.Groups = []string{"Tổ dân phố 1", "Tổ dân phố 2", "Khu phố Đồng Xoài"}
	if err := s.SaveSettings(st, "test"); err != nil {
		t.Fatal(err)
	}
	return s, path
}

func testCtx(t *testing.T, s *store.Store) Context {
	t.Helper()
	st, err := s.Settings()
	if err != nil {
		t.Fatal(err)
	}
	return Context{Store: s, Lang: i18n.VI, Settings: st, Today: func() model.Date { return today }}
}

// keyMsg builds the key press a terminal sends for a key name or a
// printable character.
func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	}
	if c, ok := strings.CutPrefix(k, "ctrl+"); ok {
		return tea.KeyPressMsg{Code: []rune(c)[0], Mod: tea.ModCtrl}
	}
	r := []rune(k)
	if len(r) != 1 {
		panic("keyMsg: " + k)
	}
	if r[0] == ' ' {
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	}
	return tea.KeyPressMsg{Code: r[0], Text: k}
}

// press sends keys by name; it returns the last command.
func press(s Screen, keys ...string) tea.Cmd {
	var cmd tea.Cmd
	for _, k := range keys {
		cmd = s.Update(keyMsg(k))
	}
	return cmd
}

// typeText types s one character at a time, as a keyboard does.
func typeText(s Screen, text string) tea.Cmd {
	var cmd tea.Cmd
	for _, r := range text {
		cmd = s.Update(keyMsg(string(r)))
	}
	return cmd
}

// unikey types a word the way Unikey's Telex does: the plain letter, then
// a backspace and the letter with its mark.
func unikey(s Screen, plain, marked string) {
	typeText(s, plain)
	press(s, "backspace")
	typeText(s, marked)
}

// focusOn tabs to the field with the given key.
func focusOn(t *testing.T, f *Form, k string) {
	t.Helper()
	for range 200 {
		if f.cur != nil && f.cur.key == k {
			return
		}
		press(f, "tab")
	}
	t.Fatalf("no field %q to focus", k)
}

// run executes cmd and feeds what it returns back to the screen, as the
// program would, until it settles; it returns the messages meant for the
// root (saved, deleted, closed).
func run(t *testing.T, s Screen, cmd tea.Cmd) []tea.Msg {
	t.Helper()
	var out []tea.Msg
	queue := []tea.Cmd{cmd}
	for n := 0; len(queue) > 0; n++ {
		if n > 100 {
			t.Fatal("commands do not settle")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case SavedMsg, DeletedMsg, ClosedMsg, SettingsSavedMsg:
			out = append(out, msg)
		default:
			queue = append(queue, s.Update(msg))
		}
	}
	return out
}

// save presses ctrl+s and runs the save; it returns the root's message.
func save(t *testing.T, s Screen) tea.Msg {
	t.Helper()
	msgs := run(t, s, press(s, "ctrl+s"))
	if len(msgs) != 1 {
		t.Fatalf("save gave %v\n%s", msgs, view(s))
	}
	return msgs[0]
}

// view is the screen at 80×24 without styles; it checks the size.
func view(s Screen) string {
	s.Resize(80, 24) // as the root does on opening
	v := ansi.Strip(s.View(80, 24))
	return v
}

func checkFrame(t *testing.T, s Screen) {
	t.Helper()
	s.Resize(80, 24)
	lines := strings.Split(s.View(80, 24), "\n")
	if len(lines) != 24 {
		t.Errorf("view has %d lines, want 24", len(lines))
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > 80 {
			t.Errorf("line %d is %d cells wide: %q", i, w, ansi.Strip(l))
		}
	}
}

func mustContain(t *testing.T, s Screen, want ...string) {
	t.Helper()
	v := view(s)
	for _, w := range want {
		if !strings.Contains(v, w) {
			t.Errorf("view lacks %q:\n%s", w, v)
		}
	}
}

func getFeedback(t *testing.T, s *store.Store, id string) *model.Feedback {
	t.Helper()
	r, err := s.Get(model.KindFeedback, id)
	if err != nil {
		t.Fatal(err)
	}
	return r.(*model.Feedback)
}

func getPetition(t *testing.T, s *store.Store, id string) *model.Petition {
	t.Helper()
	r, err := s.Get(model.KindPetition, id)
	if err != nil {
		t.Fatal(err)
	}
	return r.(*model.Petition)
}

func getSession(t *testing.T, s *store.Store, id string) *model.Session {
	t.Helper()
	r, err := s.Get(model.KindSession, id)
	if err != nil {
		t.Fatal(err)
	}
	return r.(*model.Session)
}

func history(t *testing.T, s *store.Store, id string) []model.Change {
	t.Helper()
	h, err := s.History(id)
	if err != nil {
		t.Fatal(err)
	}
	return h
}
