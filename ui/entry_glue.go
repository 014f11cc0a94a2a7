package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"gopy/model"
	"gopy/store"
	"gopy/ui/entry"
	"gopy/ui/i18n"
)

// entryScreen puts a form or dialog of package entry on a tab's stack: the
// root's screen interface is entry.Screen plus the id the root assigns.
type entryScreen struct {
	entry.Screen
	c   *common
	sid int
}

func (e *entryScreen) id() int { return e.sid }

func (e *entryScreen) Update(msg tea.Msg) tea.Cmd {
	if _, ok := msg.(restyleMsg); ok {
		e.Restyle(e.c.st.dark)
		return nil
	}
	return e.Screen.Update(msg)
}

// ShortHelp leads with the keys of the field in focus (←/→ choose, t
// today, enter new line), then ctrl+n/ctrl+d: a form's own bottom line
// already says ctrl+s, esc, tab and shift+tab, and at 80 columns the help
// line has room for few.
func (e *entryScreen) ShortHelp() []key.Binding {
	b := e.Screen.ShortHelp()
	if _, ok := e.Screen.(*entry.Form); !ok {
		return b
	}
	rank := func(kb key.Binding) int {
		switch kb.Help().Key {
		case "ctrl+s", "esc", "tab/↓", "shift+tab/↑":
			return 2
		case "ctrl+n", "ctrl+d":
			return 1
		}
		return 0
	}
	out := make([]key.Binding, 0, len(b))
	for r := range 3 {
		for _, kb := range b {
			if rank(kb) == r {
				out = append(out, kb)
			}
		}
	}
	return out
}

// draftKeeper is a form that can write its draft at once (before a quit).
type draftKeeper interface{ KeepDraft() tea.Cmd }

func (e *entryScreen) KeepDraft() tea.Cmd {
	if k, ok := e.Screen.(draftKeeper); ok {
		return k.KeepDraft()
	}
	return nil
}

// entryContext is what the forms need of the shared context, as it is now.
func (c *common) entryContext() entry.Context {
	return entry.Context{Store: c.store, Lang: c.lang, Settings: c.settings, Today: c.today, Dark: c.st.dark}
}

// openEntry pushes a form or a dialog onto the current tab's stack.
func openEntry(c *common, s entry.Screen) tea.Cmd {
	return push(&entryScreen{Screen: s, c: c, sid: c.newID()})
}

// newRecordForm is the form for a new record of kind k (n on a list).
func newRecordForm(ctx entry.Context, k model.Kind) entry.Screen {
	switch k {
	case model.KindFeedback:
		return entry.NewFeedback(ctx)
	case model.KindSession:
		return entry.NewSession(ctx)
	case model.KindPetition:
		return entry.NewPetition(ctx)
	}
	return nil
}

// openOnTabMsg shows a tab and pushes a screen onto its stack (a resumed
// draft opens on the tab of its records).
type openOnTabMsg struct {
	tab int
	s   screen
}

// draftTab is the tab a draft's form belongs on, by the draft's kind.
func draftTab(kind string) int {
	switch kind {
	case "feedback", "answer", "raise":
		return tabFeedback
	case "session", "matters":
		return tabSessions
	case "petition", "status", "note", "reveal":
		return tabPetitions
	case "settings", "person":
		return tabSettings
	}
	return tabDashboard
}

// noteMsg puts a line on the help line until the next key.
type noteMsg struct{ text string }

func showNote(text string) tea.Cmd { return func() tea.Msg { return noteMsg{text} } }

// dropMsg takes the screen with this id off whichever stack holds it.
type dropMsg struct{ sid int }

// Start-up work in the background: the drafts left by a killed or cut-off
// session, and the day's automatic backup.
type (
	draftsMsg struct {
		drafts []entry.Draft
		err    error
	}
	backupMsg struct {
		name string
		err  error
	}
)

// backupsKept is how many daily automatic backups are kept.
const backupsKept = 7

func loadDrafts(s *store.Store) tea.Cmd {
	return func() tea.Msg {
		d, err := entry.Drafts(s)
		return draftsMsg{drafts: d, err: err}
	}
}

func autoBackup(s *store.Store) tea.Cmd {
	return func() tea.Msg {
		name, err := s.AutoBackup(backupsKept)
		return backupMsg{name: name, err: err}
	}
}

func (r *Root) setNote(s string, isErr bool) { r.note, r.noteErr = s, isErr }

// entryDone handles the end of a form or a dialog: it leaves the stack and
// every screen reads the data again; a new record opens in its detail, a
// deleted one's detail goes, new settings (and their language) take effect.
func (r *Root) entryDone(msg tea.Msg) tea.Cmd {
	l := r.c.lang
	r.popEntry()
	switch msg := msg.(type) {
	case entry.SavedMsg:
		r.setNote(l.F("entry.done.saved", db(msg.Ref)), false)
		cmd := r.broadcast(reloadMsg{})
		if msg.Created {
			d := newDetail(r.c, msg.Kind, msg.ID, msg.Ref)
			r.stacks[r.active] = append(r.stacks[r.active], d)
			cmd = tea.Batch(cmd, d.Init())
		}
		return cmd
	case entry.DeletedMsg:
		ref := ""
		r.drop(func(s screen) bool {
			d, ok := s.(*detailScreen)
			if ok && d.recID == msg.ID {
				ref = d.ref
				return true
			}
			return false
		})
		r.setNote(l.F("entry.done.deleted", db(ref)), false)
		return r.broadcast(reloadMsg{})
	case entry.SettingsSavedMsg:
		old := r.c.settings
		r.c.settings = msg.Settings
		r.c.settingsGen++
		if lang, _ := i18n.Parse(msg.Settings.Language); msg.Settings.Language != old.Language && lang != r.c.lang {
			// Every screen is built again in the new language; the
			// officer stays on the settings tab.
			r.c.lang = lang
			r.c.keys = newKeyMap(lang)
			r.buildTabs()
			r.setNote(lang.T("entry.done.settings"), false)
			return r.activate(r.active)
		}
		r.setNote(l.T("entry.done.settings"), false)
		return r.broadcast(reloadMsg{})
	}
	return nil
}

// popEntry takes the form or dialog in front off its stack.
func (r *Root) popEntry() {
	order := []int{r.active}
	for i := range nTabs {
		if i != r.active {
			order = append(order, i)
		}
	}
	for _, t := range order {
		st := r.stacks[t]
		for i := len(st) - 1; i > 0; i-- {
			if _, ok := st[i].(*entryScreen); ok {
				r.stacks[t] = append(st[:i:i], st[i+1:]...)
				return
			}
		}
	}
}

// drop takes every screen matching f off the stacks (never a tab's first).
func (r *Root) drop(f func(screen) bool) {
	for t, st := range r.stacks {
		kept := st[:1:1]
		for _, s := range st[1:] {
			if !f(s) {
				kept = append(kept, s)
			}
		}
		r.stacks[t] = kept
	}
}
