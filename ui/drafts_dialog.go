package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"gopy/ui/entry"
	"gopy/ui/kit"
)

// draftsDialog offers, at start, the forms a killed program or a power cut
// left unsaved: enter resumes the one under the cursor, d discards it, esc
// keeps them all for the next start.
type draftsDialog struct {
	c      *common
	sid    int
	drafts []entry.Draft
	cursor int
	err    string
}

// draftDiscardedMsg reports the end of a discard (d).
type draftDiscardedMsg struct {
	screen int
	key    string
	err    error
}

func (m draftDiscardedMsg) target() int { return m.screen }

// draftsReloadedMsg is the dialog's own reading of the drafts, after a
// resumed form was saved.
type draftsReloadedMsg struct {
	screen int
	draftsMsg
}

func (m draftsReloadedMsg) target() int { return m.screen }

func newDraftsDialog(c *common, drafts []entry.Draft) *draftsDialog {
	return &draftsDialog{c: c, sid: c.newID(), drafts: drafts}
}

func (d *draftsDialog) id() int         { return d.sid }
func (d *draftsDialog) Init() tea.Cmd   { return nil }
func (d *draftsDialog) Title() string   { return d.c.lang.T("drafts.title") }
func (d *draftsDialog) Capturing() bool { return true }

func (d *draftsDialog) ShortHelp() []key.Binding {
	k := d.c.keys
	return []key.Binding{k.Resume, k.Discard, k.Later, k.Up, k.Down}
}

func (d *draftsDialog) FullHelp() [][]key.Binding { return [][]key.Binding{d.ShortHelp()} }

func (d *draftsDialog) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case kit.ReloadMsg:
		s, sid := d.c.store, d.sid
		return func() tea.Msg {
			ds, err := entry.Drafts(s)
			return draftsReloadedMsg{screen: sid, draftsMsg: draftsMsg{drafts: ds, err: err}}
		}
	case draftsReloadedMsg:
		if msg.err != nil {
			d.err = d.c.lang.F("err.store", db(msg.err.Error()))
			return nil
		}
		d.drafts = msg.drafts
		d.cursor = min(d.cursor, max(len(d.drafts)-1, 0))
		if len(d.drafts) == 0 {
			return d.close()
		}
	case draftDiscardedMsg:
		if msg.err != nil {
			d.err = d.c.lang.F("drafts.discard_failed", db(msg.err.Error()))
			return nil
		}
		return d.remove(msg.key)
	case tea.KeyPressMsg:
		return d.key(msg)
	}
	return nil
}

func (d *draftsDialog) key(msg tea.KeyPressMsg) tea.Cmd {
	k := d.c.keys
	d.err = ""
	switch {
	case key.Matches(msg, k.Later):
		return d.close()
	case key.Matches(msg, k.Down):
		d.cursor = min(d.cursor+1, max(len(d.drafts)-1, 0))
	case key.Matches(msg, k.Up):
		d.cursor = max(d.cursor-1, 0)
	case len(d.drafts) == 0:
	case key.Matches(msg, k.Resume):
		dr := d.drafts[d.cursor]
		f, err := entry.ResumeDraft(d.c.entryContext(), dr)
		if err != nil {
			d.err = d.c.lang.F("drafts.resume_failed", db(err.Error()))
			return nil
		}
		// The form opens on its records' tab; the other drafts wait here.
		s := newEntryScreen(d.c, f)
		d.drop(dr.Key)
		open := func() tea.Msg { return openOnTabMsg{tab: draftTab(dr.Kind), s: s} }
		if len(d.drafts) == 0 {
			return tea.Batch(d.close(), open)
		}
		return open
	case key.Matches(msg, k.Discard):
		s, sid, dk := d.c.store, d.sid, d.drafts[d.cursor].Key
		return func() tea.Msg { return draftDiscardedMsg{screen: sid, key: dk, err: s.DeleteDraft(dk)} }
	}
	return nil
}

// drop takes a draft off the list (resumed: its form now owns it).
func (d *draftsDialog) drop(k string) {
	for i, dr := range d.drafts {
		if dr.Key == k {
			d.drafts = append(d.drafts[:i:i], d.drafts[i+1:]...)
			break
		}
	}
	d.cursor = min(d.cursor, max(len(d.drafts)-1, 0))
}

func (d *draftsDialog) remove(k string) tea.Cmd {
	d.drop(k)
	if len(d.drafts) == 0 {
		return d.close()
	}
	return nil
}

// close takes the dialog off its stack, wherever it now stands (a record
// saved from a resumed form opens above it).
func (d *draftsDialog) close() tea.Cmd {
	sid := d.sid
	return func() tea.Msg { return dropMsg{sid} }
}

func (d *draftsDialog) View(w, h int) string {
	l, st := d.c.lang, d.c.st
	inner := max(min(w-6, 72), 20)
	var b strings.Builder
	b.WriteString(st.Title.Render(l.F("drafts.heading", len(d.drafts))) + "\n")
	for _, ln := range kit.Wrap(l.T("drafts.intro"), inner) {
		b.WriteString(st.Muted.Render(ln) + "\n")
	}
	b.WriteByte('\n')
	// Show the drafts around the cursor when they do not all fit.
	room := max((h-10)/2, 1)
	from := max(0, min(d.cursor-room/2, len(d.drafts)-room))
	to := min(from+room, len(d.drafts))
	for i := from; i < to; i++ {
		line := kit.Clip(d.drafts[i].Describe(l), inner-2)
		if i == d.cursor {
			b.WriteString(st.Selected.Render(kit.Fill("> "+line, inner)) + "\n")
		} else {
			b.WriteString("  " + line + "\n")
		}
		// Under it, what the draft is about, so two new petitions can be
		// told apart.
		if g := d.drafts[i].Gist(); g != "" {
			b.WriteString(st.Muted.Render(kit.Clip("    «"+g+"»", inner)) + "\n")
		}
	}
	b.WriteByte('\n')
	if d.err != "" {
		b.WriteString(st.Err.Render(strings.Join(kit.Wrap("! "+d.err, inner), "\n")))
	} else {
		b.WriteString(st.Bold.Render(kit.Clip(l.T("drafts.keys"), inner)))
	}
	box := st.Box.Width(inner + 4).Render(b.String())
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, box)
}
