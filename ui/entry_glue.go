package ui

import (
	tea "charm.land/bubbletea/v2"

	"gopy/model"
	"gopy/store"
	"gopy/ui/entry"
	"gopy/ui/i18n"
	"gopy/ui/kit"
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
	switch msg.(type) {
	case restyleMsg:
		e.Restyle(e.c.st)
		return nil
	case tea.WindowSizeMsg:
		e.Resize(e.c.body())
		return nil
	}
	return e.Screen.Update(msg)
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
	return entry.Context{Store: c.store, Lang: c.lang, Settings: c.settings, Today: c.today, Styles: c.st, Keys: c.keys}
}

// openEntry pushes a form or a dialog onto the current tab's stack.
func openEntry(c *common, s entry.Screen) tea.Cmd {
	return push(newEntryScreen(c, s))
}

// newEntryScreen wraps a form or dialog for the stack, laid out for the
// body as it is now.
func newEntryScreen(c *common, s entry.Screen) *entryScreen {
	s.Resize(c.body())
	return &entryScreen{Screen: s, c: c, sid: c.newID()}
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
	case model.KindInformation:
		return entry.NewInformation(ctx)
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
	case "commit", "commitment", "commit_state", "information":
		return tabFeedback
	case "settings", "profiles", "person":
		return tabSettings
	case "narrative", "send":
		return tabReports
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
		res    store.AutoBackupResult
		budget int // MB, from the settings the backup ran with
		err    error
	}
)

func loadDrafts(s *store.Store) tea.Cmd {
	return func() tea.Msg {
		d, err := entry.Drafts(s)
		return draftsMsg{drafts: d, err: err}
	}
}

// megabytes is n bytes in whole MB, rounded up: a backup over a budget
// never reads as within it.
func megabytes(n int64) int64 { return (n + 1<<20 - 1) >> 20 }

// autoBackup writes the day's backup and prunes by the counts and size
// budget in Settings (model.Backups).
func autoBackup(s *store.Store, keep model.Backups) tea.Cmd {
	return func() tea.Msg {
		res, err := s.AutoBackup(keep)
		return backupMsg{res: res, budget: keep.BudgetMB, err: err}
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
		cmd := r.broadcast(kit.ReloadMsg{})
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
		return r.broadcast(kit.ReloadMsg{})
	case entry.SettingsSavedMsg:
		old := r.c.settings
		r.c.settings = msg.Settings
		r.c.settingsGen++
		if lang, _ := i18n.Parse(msg.Settings.Language); msg.Settings.Language != old.Language && lang != r.c.lang {
			// Every screen is built again in the new language; the
			// officer stays on the settings tab.
			r.c.lang = lang
			r.c.keys = kit.NewKeyMap(lang)
			r.buildTabs()
			r.setNote(lang.T("entry.done.settings"), false)
			return r.activate(r.active)
		}
		r.setNote(l.T("entry.done.settings"), false)
		return r.broadcast(kit.ReloadMsg{})
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
