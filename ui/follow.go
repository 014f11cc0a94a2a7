package ui

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"gopy/model"
	"gopy/store"
	"gopy/ui/entry"
	"gopy/ui/i18n"
)

// The follow-through in the TUI (issue 12): c adds a commitment to a
// feedback point or a session; C opens the commitments of the tab's kind
// (from the Feedback and Sessions tabs), I the information owed to the
// Front (from the Feedback tab); a commitment's detail names its parent and
// the parent's detail lists its commitments.

// followListKey handles the follow-through keys on a list; ok is false for
// any other key.
func followListKey(l *listScreen, msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k, lang := l.c.keys, l.c.lang
	switch {
	case key.Matches(msg, k.Commitments) && (l.spec.kind == model.KindFeedback || l.spec.kind == model.KindSession):
		title := lang.T("list.title.commitment") + " · " + lang.T("parent."+string(l.spec.kind))
		return push(newList(l.c, listSpec{kind: model.KindCommitment, sub: string(l.spec.kind)}, title, false)), true
	case key.Matches(msg, k.Information) && l.spec.kind == model.KindFeedback:
		return push(newList(l.c, listSpec{kind: model.KindInformation}, "", false)), true
	case key.Matches(msg, k.New) && l.spec.kind == model.KindCommitment:
		return showNote(lang.T("list.commit_from_parent")), true
	case key.Matches(msg, k.Commit):
		if l.cursor < len(l.rows) {
			return l.loadForEntry(l.rows[l.cursor].Row, msg), true
		}
		return nil, true
	}
	return nil, false
}

// followListHelp are the follow-through keys of a list, for the full help.
func followListHelp(k model.Kind, c *common) []key.Binding {
	switch k {
	case model.KindFeedback:
		return []key.Binding{c.keys.Commit, c.keys.Commitments, c.keys.Information}
	case model.KindSession:
		return []key.Binding{c.keys.Commit, c.keys.Commitments}
	case model.KindCommitment:
		return []key.Binding{c.keys.Status}
	}
	return nil
}

// followEntry is the form a key opens on a record of the follow-through:
// c on a feedback (the point under the cursor) or a session, e and x on a
// commitment, e on an information item.
func followEntry(c *common, rec model.Record, msg tea.KeyPressMsg, point int) entry.Screen {
	k, ctx := c.keys, c.entryContext()
	switch r := rec.(type) {
	case *model.Feedback, *model.Session:
		if key.Matches(msg, k.Commit) && entry.CanCommit(rec) {
			return entry.AddCommitment(ctx, r, point)
		}
	case *model.Commitment:
		switch {
		case key.Matches(msg, k.Edit):
			return entry.EditCommitment(ctx, r)
		case key.Matches(msg, k.Status):
			return entry.CommitmentState(ctx, r)
		}
	case *model.Information:
		if key.Matches(msg, k.Edit) {
			return entry.EditInformation(ctx, r)
		}
	}
	return nil
}

// commitRefused is the note for c on a feedback none of whose points was
// accepted: only an accepted point promises anything.
func commitRefused(c *common, rec model.Record, msg tea.KeyPressMsg) tea.Cmd {
	if _, ok := rec.(*model.Feedback); ok && key.Matches(msg, c.keys.Commit) && !entry.CanCommit(rec) {
		return showNote(c.lang.T("detail.no_commit_point"))
	}
	return nil
}

// commitmentParent reads the feedback or session a commitment answers.
func commitmentParent(get func(model.Kind, string) (model.Record, error), c *model.Commitment) (model.Record, error) {
	if c.FeedbackID != "" {
		return get(model.KindFeedback, c.FeedbackID)
	}
	return get(model.KindSession, c.SessionID)
}

func (d *detailLayout) commitment(r *model.Commitment) {
	l, st := d.c.lang, d.c.st
	today := d.c.today()
	if p := d.m.parent; p != nil {
		text := l.F("detail.from", db(p.Ref), db(p.Title))
		if r.PointNo > 0 {
			text = l.F("detail.from_point", db(p.Ref), r.PointNo, db(p.Title))
		}
		d.b.linkLine(text, &link{kind: p.Kind, id: p.ID, ref: p.Ref}, "", nil)
	}
	d.fd("made_on", r.MadeOn)
	d.f("what", dbText(r.What))
	d.f("unit", db(r.Unit))
	d.f("officer", db(r.Officer))
	d.due("due", r.Due, r.Overdue(today), r.Due.DaysUntil(today))
	d.b.field(l.T("field.c_state"), l.Enum("commitment", string(r.State)), st.StatusStyle(string(r.State)).Render)
	switch r.State {
	case model.CommitmentDone:
		note := l.T("detail.done_late")
		if r.DoneOnTime() {
			note = l.T("detail.done_on_time")
		}
		d.note("done_on", date(r.DoneOn), note, !r.DoneOnTime())
	case model.CommitmentDropped:
		d.f("dropped_reason", dbText(r.DroppedReason))
	}
	if r.EvidenceDocNo != "" || r.EvidenceDate != 0 {
		d.f("evidence_doc_no", db(r.EvidenceDocNo))
		d.fd("evidence_date", r.EvidenceDate)
	}
	d.b.section(l.F("detail.progress", len(r.Progress)))
	if len(r.Progress) == 0 {
		d.b.para(l.T("detail.none"), 1, st.Muted.Render)
	}
	for _, p := range r.Progress {
		d.b.para(date(p.On)+" · "+db(p.By), 1, st.Bold.Render)
		d.b.para(dbText(p.Text), 3, nil)
	}
}

func (d *detailLayout) information(r *model.Information) {
	l, st := d.c.lang, d.c.st
	today := d.c.today()
	d.f("item", dbText(r.Item))
	d.enum("category", "infocat", string(r.Category))
	d.enum("owed_by", "target", string(r.OwedBy))
	d.f("owed_by_name", db(r.OwedByName))
	d.f("owed_to", db(r.OwedTo))
	d.due("due_on", r.DueOn, r.Overdue(today), r.DueOn.DaysUntil(today))
	state := string(r.State())
	d.b.field(l.T("field.i_state"), l.Enum("infostate", state), st.StatusStyle(state).Render)
	if r.ProvidedOn != 0 {
		note := l.T("detail.provided_late")
		if r.ProvidedOnTime() {
			note = l.T("detail.provided_on_time")
		}
		d.note("provided_on", date(r.ProvidedOn), note, !r.ProvidedOnTime())
		d.enum("how", "infohow", string(r.How))
		d.f("doc_no", db(r.DocNo))
	}
	d.f("note", dbText(r.Note))
}

var (
	commitmentLabels  = []string{"made_on", "what", "unit", "officer", "due", "c_state", "done_on", "dropped_reason", "evidence_doc_no", "evidence_date"}
	informationLabels = []string{"item", "category", "owed_by", "owed_by_name", "owed_to", "due_on", "i_state", "provided_on", "how", "doc_no", "note"}
)

// linkedCommitments lists a feedback's or session's commitments under
// their own heading, when it has any.
func (d *detailLayout) linkedCommitments(rows []model.Row) {
	if len(rows) == 0 {
		return
	}
	d.b.section(d.c.lang.F("detail.commitments", len(rows)))
	d.linkLines(rows, model.KindCommitment)
}

// repeatedRow reads the earlier petition a petition repeats (nil when it
// was deleted).
func repeatedRow(s interface {
	Get(model.Kind, string) (model.Record, error)
}, id string) (*model.Row, error) {
	rec, err := s.Get(model.KindPetition, id)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	row := model.RowOf(rec)
	return &row, nil
}

// assessment is the giver's assessment of a point's answer, when given.
func (d *detailLayout) assessment(p *model.Point) {
	if p.Assessment == "" {
		return
	}
	l, st := d.c.lang, d.c.st
	note := p.AssessedOn.String()
	if p.AssessmentNote != "" {
		note += " · " + db(firstLineOf(p.AssessmentNote))
	}
	var style render
	if p.Assessment == model.AssessNotSatisfied {
		style = st.Overdue.Render
	}
	d.b.fieldNote(l.T("field.assessment"), l.Enum("assess", string(p.Assessment)), style, note, st.Muted.Render)
}

// repeatOf links a repeated petition to the earlier one and says how many
// times the matter has been raised.
func (d *detailLayout) repeatOf(r *model.Petition) {
	if r.RepeatOf == "" {
		return
	}
	l := d.c.lang
	note := l.F("detail.raised_times", r.Times())
	if e := d.m.repeat; e != nil {
		d.b.linkLine(l.T("field.repeat_of")+" "+db(e.Ref)+" · "+e.Date.String()+" · "+note,
			&link{kind: e.Kind, id: e.ID, ref: e.Ref}, "", nil)
		return
	}
	d.f("repeat_of", note)
}

func firstLineOf(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i] + " …"
	}
	return s
}

// repeatMark is how a list shows that a petition's matter came back: "(lần
// 3) " before its summary.
func repeatMark(l i18n.Lang, r *model.Row) string {
	if r.RepeatNo < 2 {
		return ""
	}
	return l.F("list.repeat", r.RepeatNo) + " "
}
