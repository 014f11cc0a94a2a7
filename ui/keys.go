package ui

import (
	"charm.land/bubbles/v2/key"

	"gopy/ui/i18n"
)

// keyMap is every key of the TUI with its help text. The help line and the
// full help are built from it, so what the keys do and what the help says
// never drift apart.
type keyMap struct {
	Up, Down, Top, Bottom, PageUp, PageDown key.Binding
	Tab1, Tab2, Tab3, Tab4, Tab5, Tab6      key.Binding
	Tabs, NextTab, PrevTab                  key.Binding
	Open, Back, Search, Filter, Sort        key.Binding
	Reveal, Reload                          key.Binding
	Help, Quit, ForceQuit                   key.Binding

	// Inside dialogs and the search field.
	Accept, Cancel, Left, Right, Reset, Next, Prev key.Binding
	Yes, No                                        key.Binding
	// Results moves through a list while its search field has the keys
	// (letters then are text, so only the arrows move).
	Results key.Binding
	// In a form (the first-run setup): letters are text.
	FieldNext, FieldPrev, Save key.Binding

	// Data entry: each opens a form or a dialog of package entry. Like
	// every letter key they act only when no text field has focus. a
	// answers a feedback point, adds matters to a session or a history
	// entry to a petition: three bindings for one key, so the help says
	// what it does on the screen in front.
	New, Edit, Delete, EditSettings key.Binding
	Answer, Raise, AddMatters       key.Binding
	AddNote, Status                 key.Binding
	// The drafts offered at start.
	Resume, Discard, Later key.Binding
}

func newKeyMap(l i18n.Lang) *keyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, l.T(desc)))
	}
	ks := func(k ...string) []string { return k }
	return &keyMap{
		Up:       b(ks("k", "up"), "↑/k", "key.up"),
		Down:     b(ks("j", "down"), "↓/j", "key.down"),
		Top:      b(ks("g", "home"), "g", "key.top"),
		Bottom:   b(ks("G", "end"), "G", "key.bottom"),
		PageUp:   b(ks("pgup", "ctrl+b"), "pgup", "key.pgup"),
		PageDown: b(ks("pgdown", "ctrl+f"), "pgdn", "key.pgdown"),

		// esc then a digit typed quickly arrives as alt+digit: it still
		// switches tabs.
		Tab1:    b(ks("1", "alt+1"), "1", "tab.dashboard"),
		Tab2:    b(ks("2", "alt+2"), "2", "tab.feedback"),
		Tab3:    b(ks("3", "alt+3"), "3", "tab.sessions"),
		Tab4:    b(ks("4", "alt+4"), "4", "tab.petitions"),
		Tab5:    b(ks("5", "alt+5"), "5", "tab.reports"),
		Tab6:    b(ks("6", "alt+6"), "6", "tab.settings"),
		Tabs:    b(ks("1", "2", "3", "4", "5", "6"), "1–6", "key.tabs"),
		NextTab: b(ks("tab"), "tab", "key.next_tab"),
		PrevTab: b(ks("shift+tab"), "shift+tab", "key.prev_tab"),

		Open:   b(ks("enter"), "enter", "key.open"),
		Back:   b(ks("esc"), "esc", "key.back"),
		Search: b(ks("/"), "/", "key.search"),
		Filter: b(ks("f"), "f", "key.filter"),
		Sort:   b(ks("s"), "s", "key.sort"),
		Reveal: b(ks("v"), "v", "key.reveal"),
		Reload: b(ks("r"), "r", "key.reload"),

		Help:      b(ks("?"), "?", "key.help"),
		Quit:      b(ks("q"), "q", "key.quit"),
		ForceQuit: b(ks("ctrl+c"), "ctrl+c", "key.force_quit"),

		Accept: b(ks("enter"), "enter", "key.accept"),
		Cancel: b(ks("esc"), "esc", "key.cancel"),
		Left:   b(ks("left", "h"), "←/h", "key.prev_value"),
		Right:  b(ks("right", "l", "space"), "→/l", "key.next_value"),
		Reset:  b(ks("x"), "x", "key.reset"),
		Next:   b(ks("down", "j", "tab"), "↓/tab", "key.next_field"),
		Prev:   b(ks("up", "k", "shift+tab"), "↑/shift+tab", "key.prev_field"),
		// enter never confirms quitting: it is pressed to move on in a
		// form, and an officer must not quit by it.
		Yes:     b(ks("y", "Y"), "y", "key.yes"),
		Results: b(ks("up", "down"), "↑↓", "key.results"),

		FieldNext: b(ks("tab", "down", "enter"), "tab/↓", "key.next_field"),
		FieldPrev: b(ks("shift+tab", "up"), "shift+tab/↑", "key.prev_field"),
		Save:      b(ks("ctrl+s"), "ctrl+s", "key.save"),
		No:        b(ks("n", "esc"), "n", "key.no"),

		New:          b(ks("n"), "n", "key.new"),
		Edit:         b(ks("e"), "e", "key.edit"),
		Delete:       b(ks("d"), "d", "key.delete"),
		EditSettings: b(ks("e"), "e", "key.edit_settings"),
		Answer:       b(ks("a"), "a", "key.answer"),
		Raise:        b(ks("p"), "p", "key.raise"),
		AddMatters:   b(ks("a"), "a", "key.add_matters"),
		AddNote:      b(ks("a"), "a", "key.add_note"),
		Status:       b(ks("x"), "x", "key.status"),

		Resume:  b(ks("enter"), "enter", "key.resume"),
		Discard: b(ks("d"), "d", "key.discard"),
		Later:   b(ks("esc"), "esc", "key.later"),
	}
}

// global is the group of keys that work on every screen, for the full help.
func (k *keyMap) global() []key.Binding {
	return []key.Binding{k.Tabs, k.NextTab, k.PrevTab, k.Help, k.Quit, k.ForceQuit}
}

func (k *keyMap) moves() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown}
}

func (k *keyMap) tabKeys() []key.Binding {
	return []key.Binding{k.Tab1, k.Tab2, k.Tab3, k.Tab4, k.Tab5, k.Tab6}
}
