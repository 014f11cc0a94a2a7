package ui

import (
	"errors"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"gopy/model"
	"gopy/store"
	"gopy/ui/entry"
	"gopy/ui/kit"
)

// detailScreen shows one record whole: every field with its label, a
// feedback's points and answers, a session's petitions, a petition's log,
// links and history.
type detailScreen struct {
	c     *common
	sid   int
	kind  model.Kind
	recID string
	ref   string

	data   *detailMsg
	doc    fieldPage
	reveal bool // a confidential petitioner's identity is shown
}

// detailMsg carries everything the detail shows, read in one command.
type detailMsg struct {
	screen int
	rec    model.Record
	hist   []model.Change
	linked []model.Row // petitions raised from this session or feedback
	parent *model.Row  // the session or feedback a petition (or commitment) came from
	repeat *model.Row  // the earlier petition a petition repeats
	err    error
}

func (m detailMsg) target() int { return m.screen }

func newDetail(c *common, kind model.Kind, id, ref string) *detailScreen {
	return &detailScreen{c: c, sid: c.newID(), kind: kind, recID: id, ref: ref}
}

func (d *detailScreen) id() int { return d.sid }

func (d *detailScreen) Init() tea.Cmd { return d.load() }

func (d *detailScreen) load() tea.Cmd {
	s, sid, kind, id := d.c.store, d.sid, d.kind, d.recID
	return func() tea.Msg { return loadDetail(s, sid, kind, id) }
}

func loadDetail(s *store.Store, sid int, kind model.Kind, id string) detailMsg {
	m := detailMsg{screen: sid}
	m.rec, m.err = s.Get(kind, id)
	if m.err != nil {
		return m
	}
	if m.hist, m.err = s.History(id); m.err != nil {
		return m
	}
	switch r := m.rec.(type) {
	case *model.Feedback, *model.Session:
		m.linked, m.err = s.Linked(id)
	case *model.Commitment:
		parent, err := commitmentParent(s.Get, r)
		if parent != nil {
			row := model.RowOf(parent)
			m.parent = &row
		} else if err != nil && !errors.Is(err, store.ErrNotFound) {
			m.err = err
		}
	case *model.Petition:
		var parent model.Record
		var err error
		switch {
		case r.SessionID != "":
			parent, err = s.Get(model.KindSession, r.SessionID)
		case r.FeedbackID != "":
			parent, err = s.Get(model.KindFeedback, r.FeedbackID)
		}
		if parent != nil {
			row := model.RowOf(parent)
			m.parent = &row
		} else if err != nil && !errors.Is(err, store.ErrNotFound) {
			m.err = err
		}
		if m.err == nil && r.RepeatOf != "" {
			m.repeat, m.err = repeatedRow(s, r.RepeatOf)
		}
	}
	return m
}

func (d *detailScreen) Title() string { return d.ref }

func (d *detailScreen) Capturing() bool { return false }

func (d *detailScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case detailMsg:
		// Read again from the store, a sealed identity is sealed again.
		d.data, d.reveal = &msg, false
		d.build()
	case kit.ReloadMsg:
		return d.load()
	case tea.WindowSizeMsg, restyleMsg:
		d.build()
	case tea.KeyPressMsg:
		k := d.c.keys
		switch {
		case key.Matches(msg, k.Back):
			return pop
		case key.Matches(msg, k.Reveal):
			return d.toggleReveal()
		}
		if s := d.entryFor(msg); s != nil {
			return openEntry(d.c, s)
		}
		if cmd := commitRefused(d.c, d.record(), msg); cmd != nil {
			return cmd
		}
		if p, ok := d.record().(*model.Petition); ok && p.Confidential && !d.reveal && key.Matches(msg, k.Edit) {
			return showNote(d.c.lang.T("detail.reveal_to_edit"))
		}
		_, h := d.c.body()
		if key.Matches(msg, k.Open) && d.toLink(h-1) {
			return nil
		}
		if l := d.doc.key(k, msg, h-1); l != nil {
			return push(newDetail(d.c, l.kind, l.id, l.ref))
		}
	}
	return nil
}

// entryFor is the form or dialog a key opens on the record: e edits, d
// deletes; on a feedback a answers and p raises a petition from the point
// under the cursor (a: the first unanswered when the cursor is on none);
// on a session a adds the matters raised; on a petition x changes its
// status and a adds a history entry.
func (d *detailScreen) entryFor(msg tea.KeyPressMsg) entry.Screen {
	rec := d.record()
	if rec == nil || d.data.err != nil {
		return nil
	}
	if key.Matches(msg, d.c.keys.Delete) {
		return entry.ConfirmDelete(d.c.entryContext(), rec)
	}
	return entryForRecord(d.c, rec, msg, d.pointUnderCursor()-1, d.reveal)
}

// entryForRecord is the form a key opens on a record, from its detail or
// straight from its row in a list: point is the feedback point (0-based,
// -1 for the first unanswered), reveal whether a confidential petitioner
// may be shown.
func entryForRecord(c *common, rec model.Record, msg tea.KeyPressMsg, point int, reveal bool) entry.Screen {
	k, ctx := c.keys, c.entryContext()
	if s := followEntry(c, rec, msg, point); s != nil {
		return s
	}
	switch r := rec.(type) {
	case *model.Feedback:
		switch {
		case key.Matches(msg, k.Edit):
			return entry.EditFeedback(ctx, r)
		case key.Matches(msg, k.Answer):
			return entry.AnswerPoint(ctx, r, point)
		case key.Matches(msg, k.Raise):
			return entry.RaisePetition(ctx, r, max(point, 0))
		}
	case *model.Session:
		switch {
		case key.Matches(msg, k.Edit):
			return entry.EditSession(ctx, r)
		case key.Matches(msg, k.AddMatters):
			return entry.AddMatters(ctx, r)
		}
	case *model.Petition:
		switch {
		case key.Matches(msg, k.Edit) && r.Confidential && !reveal:
			// The form shows who the petitioner is: as on the detail,
			// only once the officer asked (v).
			return nil
		case key.Matches(msg, k.Edit):
			return entry.EditPetition(ctx, r)
		case key.Matches(msg, k.Status):
			return entry.ChangeStatus(ctx, r)
		case key.Matches(msg, k.AddNote):
			return entry.AddNote(ctx, r)
		}
	}
	return nil
}

// toLink moves the highlight to the next link (a session's petitions, a
// petition's session) when enter is pressed off any: the links sit below
// a screenful of fields, and j fifteen times is no way to reach them. It
// reports whether it moved.
func (d *detailScreen) toLink(h int) bool {
	lines := d.doc.lines
	if d.doc.cursor < len(lines) && lines[d.doc.cursor].link != nil {
		return false
	}
	for i := range lines {
		j := (d.doc.cursor + 1 + i) % len(lines)
		if lines[j].link != nil {
			d.doc.cursor = j
			d.doc.scroll(h)
			return true
		}
	}
	return false
}

// pointUnderCursor is the feedback point (1-based) of the highlighted
// line, 0 when it is on none.
func (d *detailScreen) pointUnderCursor() int {
	if d.doc.cursor < len(d.doc.lines) {
		return d.doc.lines[d.doc.cursor].point
	}
	return 0
}

func (d *detailScreen) record() model.Record {
	if d.data == nil {
		return nil
	}
	return d.data.rec
}

// build lays the record out for the current width, keeping the
// highlighted line where it was.
func (d *detailScreen) build() {
	if d.data == nil || d.data.err != nil {
		return
	}
	w, h := d.c.body()
	cursor, offset := d.doc.cursor, d.doc.offset
	d.doc = fieldPage{lines: detailLines(d.c, w, d.data, d.reveal), cursor: cursor, offset: offset}
	d.doc.cursor = min(d.doc.cursor, max(len(d.doc.lines)-1, 0))
	d.doc.scroll(h - 1)
}

// entryKeys are the keys that open a form on the record shown, the
// workflow's own first.
func (d *detailScreen) entryKeys() []key.Binding {
	k := d.c.keys
	switch d.record().(type) {
	case *model.Feedback:
		return []key.Binding{k.Answer, k.Raise, k.Edit, k.Delete}
	case *model.Session:
		return []key.Binding{k.AddMatters, k.Edit, k.Delete}
	case *model.Petition:
		return []key.Binding{k.Status, k.AddNote, k.Edit, k.Delete}
	case *model.Commitment:
		return []key.Binding{k.Status, k.Edit, k.Delete}
	case *model.Information:
		return []key.Binding{k.Edit, k.Delete}
	}
	return nil
}

func (d *detailScreen) ShortHelp() []key.Binding {
	k := d.c.keys
	// Delete (d) is left to the ? page: the workflow's keys and esc must
	// fit an 80-column help line.
	keys := d.entryKeys()
	if len(keys) > 0 {
		keys = keys[:len(keys)-1]
	}
	b := append(keys, k.Back)
	if p, ok := d.record().(*model.Petition); ok && p.Confidential {
		b = append(b, k.Reveal)
	}
	return append(b, k.Open, k.Up, k.Down)
}

func (d *detailScreen) FullHelp() [][]key.Binding {
	k := d.c.keys
	full := [][]key.Binding{k.Moves(), {k.Open, k.Back, k.Reveal}, d.entryKeys()}
	switch d.record().(type) {
	case *model.Feedback, *model.Session:
		full = append(full, []key.Binding{k.Commit})
	}
	return full
}

func (d *detailScreen) View(w, h int) string {
	l, st := d.c.lang, d.c.st
	title := st.Title.Render(d.ref) + st.Muted.Render(" · "+l.T("kind."+string(d.kind)))
	var right string
	switch {
	case d.data == nil:
		return kit.Spread(title, "", w) + "\n" + st.Muted.Render("  "+l.T("list.loading"))
	case d.data.err != nil:
		msg := l.F("err.store", db(d.data.err.Error()))
		if errors.Is(d.data.err, store.ErrNotFound) {
			msg = l.T("detail.not_found")
		}
		return kit.Spread(title, "", w) + "\n" + st.Err.Render("  "+msg)
	}
	right = recordStatus(d.c, d.data.rec)
	return kit.Spread(title, right, w) + "\n" + d.doc.view(st, w, h-1)
}

// recordStatus is the record's status word, coloured, with "Quá hạn" when
// overdue.
func recordStatus(c *common, rec model.Record) string {
	l, st := c.lang, c.st
	today := c.today()
	switch r := rec.(type) {
	case *model.Feedback:
		s := st.StatusStyle(string(r.State())).Render(l.Enum("fbstate", string(r.State())))
		if r.Overdue(today) {
			s = st.Overdue.Render("! "+l.T("word.overdue")) + " · " + s
		}
		return s
	case *model.Session:
		return st.StatusStyle(string(r.Type)).Render(l.Enum("session", string(r.Type)))
	case *model.Petition:
		s := st.StatusStyle(string(r.Status)).Render(l.Enum("status", string(r.Status)))
		if r.Overdue(today) {
			s = st.Overdue.Render("! "+l.T("word.overdue")) + " · " + s
		}
		return s
	case *model.Commitment:
		s := st.StatusStyle(string(r.State)).Render(l.Enum("commitment", string(r.State)))
		if r.Overdue(today) {
			s = st.Overdue.Render("! "+l.T("word.overdue")) + " · " + s
		}
		return s
	case *model.Information:
		s := st.StatusStyle(string(r.State())).Render(l.Enum("infostate", string(r.State())))
		if r.Overdue(today) {
			s = st.Overdue.Render("! "+l.T("word.overdue")) + " · " + s
		}
		return s
	}
	return ""
}

// toggleReveal shows a confidential petitioner (v) after asking the
// reason, for a user with the confidential grant, or hides it again.
func (d *detailScreen) toggleReveal() tea.Cmd {
	p, ok := d.record().(*model.Petition)
	switch {
	case !ok || !p.Confidential:
		return nil
	case d.reveal:
		return d.load()
	case p.Sealed == nil:
		// Held in clear (a database nobody has signed in to yet).
		d.reveal = true
		d.build()
		return nil
	case !d.c.store.CanReveal():
		return showNote(d.c.lang.T("detail.no_grant"))
	}
	return openEntry(d.c, entry.RevealReason(d.c.entryContext(), p))
}

// showRevealed takes the opened identity and history the reveal dialog
// read (audited there).
func (d *detailScreen) showRevealed(m entry.RevealedMsg) {
	if d.data == nil {
		return
	}
	data := *d.data
	data.rec, data.hist = m.Rec, m.Hist
	d.data, d.reveal = &data, true
	d.build()
}
