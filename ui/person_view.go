package ui

import (
	"os"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"gopy/ui/entry"
	"gopy/ui/kit"
)

// personView shows what a personal-data request found (and corrected or
// erased): every record and history entry naming the person and, after an
// erasure, the backups still holding the old data, which d (pressed twice)
// deletes. Esc leaves it, and nothing of it is kept.
type personView struct {
	c       *common
	sid     int
	m       entry.PersonDoneMsg
	doc     fieldPage
	confirm bool   // d was pressed once
	deleted string // what deleting the backups did
}

// backupsDeletedMsg reports the deletion of the stale backups.
type backupsDeletedMsg struct {
	screen int
	n      int
	err    error
}

func (m backupsDeletedMsg) target() int { return m.screen }

func newPersonView(c *common, m entry.PersonDoneMsg) *personView {
	return &personView{c: c, sid: c.newID(), m: m}
}

func (v *personView) id() int         { return v.sid }
func (v *personView) Init() tea.Cmd   { v.build(); return nil }
func (v *personView) Capturing() bool { return false }
func (v *personView) Title() string {
	return v.c.lang.F("person.title", v.c.lang.T("person.done."+v.m.Action))
}
func (v *personView) ShortHelp() []key.Binding {
	k := v.c.keys
	return []key.Binding{k.Back, k.Up, k.Down, k.PageDown}
}
func (v *personView) FullHelp() [][]key.Binding {
	return [][]key.Binding{v.c.keys.Moves(), {v.c.keys.Back}}
}

func (v *personView) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if key.Matches(msg, v.c.keys.Back) {
			return pop
		}
		if key.Matches(msg, v.c.keys.Delete) && len(v.m.Backups) > 0 {
			if !v.confirm {
				v.confirm = true
				v.build()
				return nil
			}
			v.confirm = false
			files, sid := v.m.Backups, v.sid
			return func() tea.Msg {
				n := 0
				for _, f := range files {
					if err := os.Remove(f); err != nil {
						return backupsDeletedMsg{screen: sid, n: n, err: err}
					}
					n++
				}
				return backupsDeletedMsg{screen: sid, n: n}
			}
		}
		v.confirm = false
		_, h := v.c.body()
		v.doc.key(v.c.keys, msg, h-1)
	case backupsDeletedMsg:
		v.m.Backups = v.m.Backups[msg.n:]
		v.deleted = v.c.lang.F("person.backups_deleted", msg.n)
		if msg.err != nil {
			v.deleted += " · " + db(msg.err.Error())
		}
		v.build()
	case tea.WindowSizeMsg, restyleMsg:
		v.build()
	}
	return nil
}

// build lays the page out at the body's width (never in View).
func (v *personView) build() {
	w, h := v.c.body()
	l, st := v.c.lang, v.c.st
	b := newDocBuilder(st, w, nil)
	r := v.m.Result
	b.section(l.F("cli.person.total", len(r.Records()), len(r.Hits)))
	for _, h := range r.Hits {
		where := l.T("cli.person.record")
		if h.History != "" {
			where = l.F("cli.person.history", h.History)
		}
		b.para(db(h.Ref)+" · "+l.T("field."+h.Field)+" · "+db(h.Value)+" · "+where, 1, nil)
	}
	if r.SealedSkipped > 0 {
		b.para(l.F("cli.person.skipped", r.SealedSkipped), 1, st.Muted.Render)
	}
	if v.m.Action != "find" {
		b.blank()
		b.para(l.T("cli.person.compact"), 1, st.Muted.Render)
	}
	for _, bk := range v.m.Backups {
		b.para(l.F("person.backup", db(bk)), 1, st.Err.Render)
	}
	switch {
	case v.confirm:
		b.para(l.F("person.backups_confirm", len(v.m.Backups)), 1, st.Err.Render)
	case len(v.m.Backups) > 0:
		b.para(l.T("person.backups_hint"), 1, st.Muted.Render)
	}
	if v.deleted != "" {
		b.para(v.deleted, 1, st.OK.Render)
	}
	v.doc.lines = b.lines
	v.doc.cursor = min(v.doc.cursor, max(len(b.lines)-1, 0))
	v.doc.scroll(h - 1)
}

func (v *personView) View(w, h int) string {
	st := v.c.st
	return kit.Spread(st.Title.Render(v.Title()), "", w) + "\n" + v.doc.view(st, w, h-1)
}

// personKey opens a personal-data request from Settings (admins).
var personKey = key.NewBinding(key.WithKeys("p"))
