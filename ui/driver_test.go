package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// driver feeds messages to the root and runs the commands they return
// synchronously, feeding their messages back, as the Bubble Tea loop would
// (but deterministically).
type driver struct {
	t    testing.TB
	r    *Root
	quit bool
}

func (d *driver) send(msg tea.Msg) { d.run(d.r.update(msg)) }

func (d *driver) run(cmd tea.Cmd) {
	queue := []tea.Cmd{cmd}
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 10000 {
			d.t.Fatal("driver: commands do not settle")
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
		case tea.QuitMsg:
			d.quit = true
		default:
			queue = append(queue, d.r.update(msg))
		}
	}
}

// key sends one key press: "enter", "esc", "ctrl+c", "shift+tab",
// "backspace", arrows, or text (one character, any script).
func (d *driver) key(k string) { d.send(keyMsg(k)) }

// keys sends each key in turn.
func (d *driver) keys(ks ...string) {
	for _, k := range ks {
		d.key(k)
	}
}

// typ types text one character at a time, as a terminal sends it.
func (d *driver) typ(s string) {
	for _, r := range s {
		d.key(string(r))
	}
}

var namedKeys = map[string]tea.Key{
	"enter":     {Code: tea.KeyEnter},
	"esc":       {Code: tea.KeyEscape},
	"tab":       {Code: tea.KeyTab},
	"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift},
	"backspace": {Code: tea.KeyBackspace},
	"up":        {Code: tea.KeyUp},
	"down":      {Code: tea.KeyDown},
	"left":      {Code: tea.KeyLeft},
	"right":     {Code: tea.KeyRight},
	"pgup":      {Code: tea.KeyPgUp},
	"pgdown":    {Code: tea.KeyPgDown},
	"home":      {Code: tea.KeyHome},
	"end":       {Code: tea.KeyEnd},
	"space":     {Code: tea.KeySpace, Text: " "},
	"ctrl+c":    {Code: 'c', Mod: tea.ModCtrl},
	"ctrl+s":    {Code: 's', Mod: tea.ModCtrl},
	"ctrl+l":    {Code: 'l', Mod: tea.ModCtrl},
	"f1":        {Code: tea.KeyF1},
}

func keyMsg(k string) tea.KeyPressMsg {
	if nk, ok := namedKeys[k]; ok {
		return tea.KeyPressMsg(nk)
	}
	r := []rune(k)
	if len(r) != 1 {
		panic("keyMsg: unknown key " + k)
	}
	return tea.KeyPressMsg{Code: r[0], Text: k}
}

// screen is the frame as a person reads it: styles stripped, trailing
// spaces trimmed.
func (d *driver) screen() string {
	return plain(d.r.View().Content)
}

func plain(s string) string {
	lines := strings.Split(ansi.Strip(s), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

func (d *driver) mustSee(want ...string) {
	d.t.Helper()
	scr := d.screen()
	for _, w := range want {
		if !strings.Contains(scr, w) {
			d.t.Fatalf("screen lacks %q:\n%s", w, scr)
		}
	}
}

func (d *driver) mustNotSee(unwanted ...string) {
	d.t.Helper()
	scr := d.screen()
	for _, w := range unwanted {
		if strings.Contains(scr, w) {
			d.t.Fatalf("screen shows %q:\n%s", w, scr)
		}
	}
}
