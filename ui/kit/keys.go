package kit

import (
	"charm.land/bubbles/v2/key"

	"gopy/ui/i18n"
)

// KeyMap is every key of the TUI with its help text: the screens, the
// dialogs, the forms of package entry and the Reports tab. The help line
// and the ? page are built from it, so what the keys do and what the help
// says never drift apart. Keys are matched with key.Matches on these
// bindings, never by comparing msg.String() with a literal.
type KeyMap struct {
	Up, Down, Top, Bottom, PageUp, PageDown key.Binding
	Tab1, Tab2, Tab3, Tab4, Tab5, Tab6      key.Binding
	Tabs, NextTab, PrevTab                  key.Binding
	Open, Back, Search, Filter, Sort        key.Binding
	Reveal, Reload                          key.Binding
	Help, Quit, ForceQuit                   key.Binding
	// HelpAnywhere shows the full help even where ? is text (a form's
	// text field, the search field).
	HelpAnywhere key.Binding

	// Inside dialogs and the search field.
	Accept, Cancel, Left, Right, Reset, Next, Prev key.Binding
	// Yes and No answer every question of the TUI (quit, discard, delete,
	// overwrite). enter never confirms: an officer pressing enter to move
	// on must never discard or delete by it.
	Yes, No key.Binding
	// Results moves through a list while its search field has the keys
	// (letters then are text, so only the arrows move); KeepSearch ends
	// the search and keeps it, Cancel drops it.
	Results, ResultDown, ResultUp, KeepSearch key.Binding
	// In the first-run setup: letters are text. Save saves every form.
	FieldNext, FieldPrev, Save key.Binding

	// Data entry: each opens a form or a dialog of package entry. Like
	// every letter key they act only when no text field has focus. a
	// answers a feedback point, adds matters to a session or a history
	// entry to a petition: three bindings for one key, so the help says
	// what it does on the screen in front.
	New, Edit, Delete, EditSettings key.Binding
	// EditProfiles opens the report profiles (on the Settings tab).
	EditProfiles              key.Binding
	Answer, Raise, AddMatters key.Binding
	AddNote, Status           key.Binding
	// Follow-through: c adds a commitment to a feedback point or a
	// session; C and I open the lists of commitments and of information
	// owed to the Front.
	Commit, Commitments, Information key.Binding
	// The drafts offered at start.
	Resume, Discard, Later key.Binding

	Form   FormKeys
	Report ReportKeys
}

// FormKeys are the keys inside a form of package entry, where letters are
// text.
type FormKeys struct {
	Next, Prev, Add, Remove, Today key.Binding
	Choose, Toggle, Newline        key.Binding
	// Not in the help: what Next, Prev and Choose are made of, where a
	// field takes some of them for itself (a list of suggestions takes
	// the arrows, a choice takes ← and →), and enter and backspace.
	Tab, BackTab, Down, Up key.Binding
	ChoosePrev, ChooseNext key.Binding
	Enter, Erase           key.Binding
}

// ReportKeys are the Reports tab's own keys: a key per usual period, the
// period before or after, the sections, the export.
type ReportKeys struct {
	// Presets are the usual periods, in the order of the period bar: the
	// month, quarter, half year, nine months, year, previous quarter and
	// previous year.
	Presets        [7]key.Binding
	Typed          key.Binding
	Earlier, Later key.Binding
	PrevSection    key.Binding
	NextSection    key.Binding
	Export         key.Binding
	// Narrative opens the sections written around the figures; Send
	// sends the period's report (freezing it).
	Narrative, Send key.Binding

	// In the export dialog, where letters are the file name.
	DlgNext, DlgPrev  key.Binding
	DlgLeft, DlgRight key.Binding
	Write, Overwrite  key.Binding
	ApplyTyped        key.Binding
}

// NewKeyMap builds the keys with their help in language l.
func NewKeyMap(l i18n.Lang) *KeyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, l.T(desc)))
	}
	hidden := func(keys ...string) key.Binding { return key.NewBinding(key.WithKeys(keys...)) }
	ks := func(k ...string) []string { return k }
	return &KeyMap{
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

		Help:         b(ks("?"), "?", "key.help"),
		Quit:         b(ks("q"), "q", "key.quit"),
		ForceQuit:    b(ks("ctrl+c"), "ctrl+c", "key.force_quit"),
		HelpAnywhere: b(ks("f1"), "f1", "key.help"),

		Accept: b(ks("enter"), "enter", "key.accept"),
		Cancel: b(ks("esc"), "esc", "key.cancel"),
		Left:   b(ks("left", "h"), "←/h", "key.prev_value"),
		Right:  b(ks("right", "l", "space"), "→/l", "key.next_value"),
		Reset:  b(ks("x"), "x", "key.reset"),
		Next:   b(ks("down", "j", "tab"), "↓/tab", "key.next_field"),
		Prev:   b(ks("up", "k", "shift+tab"), "↑/shift+tab", "key.prev_field"),
		Yes:    b(ks("y", "Y"), "y", "key.yes"),
		No:     b(ks("n", "N", "esc"), "n", "key.no"),

		Results:    b(ks("up", "down"), "↑↓", "key.results"),
		ResultDown: hidden("down"),
		ResultUp:   hidden("up"),
		KeepSearch: hidden("enter"),

		FieldNext: b(ks("tab", "down", "enter"), "tab/↓", "key.next_field"),
		FieldPrev: b(ks("shift+tab", "up"), "shift+tab/↑", "key.prev_field"),
		Save:      b(ks("ctrl+s"), "ctrl+s", "key.save"),

		New:          b(ks("n"), "n", "key.new"),
		Edit:         b(ks("e"), "e", "key.edit"),
		Delete:       b(ks("d"), "d", "key.delete"),
		EditSettings: b(ks("e"), "e", "key.edit_settings"),
		EditProfiles: b(ks("m"), "m", "key.edit_profiles"),
		Answer:       b(ks("a"), "a", "key.answer"),
		Raise:        b(ks("p"), "p", "key.raise"),
		AddMatters:   b(ks("a"), "a", "key.add_matters"),
		AddNote:      b(ks("a"), "a", "key.add_note"),
		Status:       b(ks("x"), "x", "key.status"),
		Commit:       b(ks("c"), "c", "key.commit"),
		Commitments:  b(ks("C"), "C", "key.commitments"),
		Information:  b(ks("I"), "I", "key.information"),

		Resume:  b(ks("enter"), "enter", "key.resume"),
		Discard: b(ks("d"), "d", "key.discard"),
		Later:   b(ks("esc"), "esc", "key.later"),

		Form: FormKeys{
			Next:    b(ks("tab", "down"), "tab/↓", "entry.key.next"),
			Prev:    b(ks("shift+tab", "up"), "shift+tab/↑", "entry.key.prev"),
			Add:     b(ks("ctrl+n"), "ctrl+n", "entry.key.add"),
			Remove:  b(ks("ctrl+d"), "ctrl+d", "entry.key.remove"),
			Today:   b(ks("t", "T"), "t", "entry.key.today"),
			Choose:  b(ks("left", "right"), "←/→", "entry.key.choose"),
			Toggle:  b(ks("space", "x", "X"), "space", "entry.key.toggle"),
			Newline: b(ks("enter"), "enter", "entry.key.newline"),

			Tab:        hidden("tab"),
			BackTab:    hidden("shift+tab"),
			Down:       hidden("down"),
			Up:         hidden("up"),
			ChoosePrev: hidden("left"),
			ChooseNext: hidden("right", "space"),
			Enter:      hidden("enter"),
			Erase:      hidden("backspace", "ctrl+h"),
		},

		Report: ReportKeys{
			Presets: [7]key.Binding{
				b(ks("m"), "m", "reports.preset.month"),
				b(ks("u"), "u", "reports.preset.quarter"),
				b(ks("s"), "s", "reports.preset.half"),
				b(ks("9"), "9", "reports.preset.nine"),
				b(ks("y"), "y", "reports.preset.year"),
				b(ks("U"), "U", "reports.preset.prev_quarter"),
				b(ks("Y"), "Y", "reports.preset.prev_year"),
			},
			Typed:       b(ks("p"), "p", "reports.key.typed"),
			Earlier:     b(ks("["), "[", "reports.key.earlier"),
			Later:       b(ks("]"), "]", "reports.key.later"),
			PrevSection: b(ks("left", "h"), "←/h", "reports.key.prev_section"),
			NextSection: b(ks("right", "l"), "→/l", "reports.key.next_section"),
			Export:      b(ks("e"), "e", "reports.key.export"),
			Narrative:   b(ks("w"), "w", "reports.key.narrative"),
			Send:        b(ks("S"), "S", "reports.key.send"),

			DlgNext:    b(ks("tab", "down"), "tab/↓", "key.next_field"),
			DlgPrev:    b(ks("shift+tab", "up"), "shift+tab/↑", "key.prev_field"),
			DlgLeft:    b(ks("left"), "←", "reports.key.prev_format"),
			DlgRight:   b(ks("right"), "→", "reports.key.next_format"),
			Write:      b(ks("enter"), "enter", "reports.key.write"),
			Overwrite:  b(ks("y", "Y"), "y", "reports.key.overwrite"),
			ApplyTyped: b(ks("enter"), "enter", "reports.key.apply"),
		},
	}
}

// Global is the group of keys that work on every screen, for the full help.
func (k *KeyMap) Global() []key.Binding {
	return []key.Binding{k.Tabs, k.NextTab, k.PrevTab, k.Help, k.HelpAnywhere, k.Quit, k.ForceQuit}
}

// Moves is the group of keys that move through a list or a page.
func (k *KeyMap) Moves() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown}
}

// TabKeys are the keys of the six tabs, in tab order.
func (k *KeyMap) TabKeys() []key.Binding {
	return []key.Binding{k.Tab1, k.Tab2, k.Tab3, k.Tab4, k.Tab5, k.Tab6}
}
