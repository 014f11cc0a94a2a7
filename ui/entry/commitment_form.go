package entry

import (
	"encoding/json"
	"fmt"
	"strconv"

	tea "charm.land/bubbletea/v2"

	"gopy/model"
	"gopy/store"
)

// --- a commitment (c on a feedback point or a session, e on a commitment) ----

// CanCommit reports whether the record can carry a new commitment: a
// session always, a feedback when one of its points was accepted or partly
// accepted.
func CanCommit(rec model.Record) bool {
	switch r := rec.(type) {
	case *model.Session:
		return true
	case *model.Feedback:
		return len(commitPoints(r)) > 0
	}
	return false
}

// commitPoints are the 0-based points of a feedback that can carry a
// commitment.
func commitPoints(fb *model.Feedback) []int {
	var out []int
	for i := range fb.Points {
		if fb.Points[i].CanCommit() {
			out = append(out, i)
		}
	}
	return out
}

// AddCommitment is the form for a commitment made in answer to a feedback
// point (point is 0-based; a point that cannot carry one gives way to the
// first that can) or at a session. It is made on the day of the answer or
// the session.
func AddCommitment(ctx Context, parent model.Record, point int) *Form {
	c := &model.Commitment{}
	var title, idKey string
	var fb *model.Feedback
	switch r := parent.(type) {
	case *model.Feedback:
		pts := commitPoints(r)
		if len(pts) == 0 {
			return nil
		}
		if point < 0 || point >= len(r.Points) || !r.Points[point].CanCommit() {
			point = pts[0]
		}
		fb = copyFeedback(r)
		c.FeedbackID, c.PointNo, c.MadeOn = r.ID, point+1, r.Points[point].AnsweredOn
		title = ctx.Lang.F("entry.title.commit_point", r.Ref)
		idKey = r.ID
	case *model.Session:
		c.SessionID, c.MadeOn = r.ID, r.HeldOn
		title = ctx.Lang.F("entry.title.commit_session", r.Ref)
		idKey = r.ID
	default:
		return nil
	}
	sp := newCommitmentSpec(&ctx, c, fb, nil)
	if s, ok := parent.(*model.Session); ok {
		sp.parent.info = s.Ref + " · " + s.HeldOn.String() + " · " + ctx.Lang.Enum("session", string(s.Type))
	}
	f := newForm(ctx, "commit", idKey, title, sp)
	f.record, f.point = rawJSON(parent), point
	f.ready()
	if fb != nil {
		// The point is chosen already: start on what is promised.
		f.startOn(sp.what)
	}
	return f
}

// EditCommitment edits what a stored commitment promises, by whom and when.
func EditCommitment(ctx Context, c *model.Commitment) *Form {
	cp := copyCommitment(c)
	sp := newCommitmentSpec(&ctx, cp, nil, c)
	sp.parent.info = ctx.Lang.T("parent." + parentKind(c))
	return recordForm(ctx, "commitment", c, ctx.Lang.F("entry.title.edit", c.Ref), sp)
}

func parentKind(c *model.Commitment) string {
	if c.FeedbackID != "" {
		return string(model.KindFeedback)
	}
	return string(model.KindSession)
}

func copyCommitment(c *model.Commitment) *model.Commitment {
	cp := *c
	cp.Progress = append([]model.ProgressNote(nil), c.Progress...)
	return &cp
}

type commitmentSpec struct {
	ctx  *Context
	c    *model.Commitment
	fb   *model.Feedback   // the feedback whose point is chosen (new, from a point)
	orig *model.Commitment // the stored commitment being edited

	parent, point, what, unit, officer, madeOn, due *field
}

func newCommitmentSpec(ctx *Context, c *model.Commitment, fb *model.Feedback, orig *model.Commitment) *commitmentSpec {
	b := fieldSet{ctx.Lang}
	s := &commitmentSpec{ctx: ctx, c: c, fb: fb, orig: orig}
	s.parent = newField(kInfo, "parent", b.label("parent"))
	s.point = b.make(kChoice, "point_no")
	s.point.visible = func() bool { return s.fb != nil }
	if fb != nil {
		s.parent.info = fb.Ref + " · " + firstLine(fb.Subject, 60)
		for _, i := range commitPoints(fb) {
			p := fb.Points[i]
			s.point.opts = append(s.point.opts, option{value: strconv.Itoa(i + 1),
				label: fmt.Sprintf("%d. %s (%s)", i+1, firstLine(p.Content, 40), ctx.Lang.Enum("answer", string(p.Status)))})
		}
		s.point.setValue(strconv.Itoa(c.PointNo))
	}
	s.parent.section = b.l.T("entry.section.commitment")
	s.what = b.text("what")
	s.what.required = true
	s.unit = b.pick("unit", ctx.Settings.Agencies)
	s.officer = b.pick("officer", ctx.Settings.Officers)
	s.officer.label = b.label("c_officer")
	s.madeOn = b.date("made_on")
	s.madeOn.required = true
	s.due = b.date("due")
	s.due.required = true
	s.what.setValue(c.What)
	s.unit.setValue(c.Unit)
	s.officer.setValue(c.Officer)
	s.madeOn.setValue(c.MadeOn.String())
	if c.MadeOn == 0 {
		s.madeOn.setValue(ctx.today().String())
	}
	s.due.setValue(c.Due.String())
	return s
}

func (s *commitmentSpec) fields() []*field {
	return []*field{s.parent, s.point, s.what, s.unit, s.officer, s.madeOn, s.due}
}

// changed dates a new commitment from the point chosen: the day of its
// answer.
func (s *commitmentSpec) changed(f *field) {
	if f == s.point && s.fb != nil {
		if n, err := strconv.Atoi(s.point.value()); err == nil && n >= 1 && n <= len(s.fb.Points) {
			if on := s.fb.Points[n-1].AnsweredOn; on != 0 {
				s.madeOn.setValue(on.String())
			}
		}
	}
}

func (s *commitmentSpec) build() (*model.Commitment, model.FieldErrors) {
	var r reader
	c := copyCommitment(s.c)
	if s.fb != nil {
		c.PointNo, _ = strconv.Atoi(s.point.value())
	}
	c.What, c.Unit, c.Officer = text(s.what), line(s.unit), line(s.officer)
	c.MadeOn, c.Due = r.date(s.madeOn), r.date(s.due)
	return c, r.errs
}

func (s *commitmentSpec) check() model.FieldErrors {
	c, errs := s.build()
	c.Normalize()
	return append(errs, c.Validate()...)
}

func (s *commitmentSpec) save() saveOp {
	c, _ := s.build()
	return saveRecord(c, s.ctx.by(), s.orig != nil)
}

// --- a commitment's state (x on a commitment) ---------------------------------

// CommitmentState moves a commitment on: in progress, done (the day, and
// the evidence: document number and date), dropped (with the reason), with
// an optional progress note. The same state with a note adds the note.
func CommitmentState(ctx Context, c *model.Commitment) *Form {
	b := fieldSet{ctx.Lang}
	s := &stateSpec{ctx: &ctx, c: copyCommitment(c)}
	s.state = b.choice("state", "commitment", model.Strings(model.CommitmentStates))
	s.state.section = b.l.F("entry.section.commit_state", c.Ref, b.l.Enum("commitment", string(c.State)))
	s.on = b.date("on")
	s.on.required = true
	isState := func(v model.CommitmentState) func() bool {
		return func() bool { return s.state.value() == string(v) }
	}
	s.reason = b.text("dropped_reason")
	s.reason.visible = isState(model.CommitmentDropped)
	s.docNo = b.make(kLine, "evidence_doc_no")
	s.docNo.visible = isState(model.CommitmentDone)
	s.docDate = b.date("evidence_date")
	s.docDate.visible = isState(model.CommitmentDone)
	s.note = b.text("progress_note")

	next := c.State
	switch c.State {
	case model.CommitmentPlanned:
		next = model.CommitmentInProgress
	case model.CommitmentInProgress:
		next = model.CommitmentDone
	}
	s.state.setValue(string(next))
	s.on.setValue(ctx.today().String())
	s.reason.setValue(c.DroppedReason)
	s.docNo.setValue(c.EvidenceDocNo)
	s.docDate.setValue(c.EvidenceDate.String())
	return recordForm(ctx, "commit_state", c, ctx.Lang.F("entry.title.commit_state", c.Ref), s)
}

type stateSpec struct {
	ctx *Context
	c   *model.Commitment

	state, on, reason, docNo, docDate, note *field
}

func (s *stateSpec) fields() []*field {
	return []*field{s.state, s.on, s.reason, s.docNo, s.docDate, s.note}
}

func (s *stateSpec) changed(*field) {}

func (s *stateSpec) input() (model.CommitmentChange, model.FieldErrors) {
	var r reader
	ch := model.CommitmentChange{State: model.CommitmentState(s.state.value()), On: r.date(s.on), By: s.ctx.by(),
		Note: text(s.note)}
	switch ch.State {
	case model.CommitmentDropped:
		ch.DroppedReason = text(s.reason)
	case model.CommitmentDone:
		ch.EvidenceDocNo, ch.EvidenceDate = line(s.docNo), r.date(s.docDate)
	}
	return ch, r.errs
}

func (s *stateSpec) check() model.FieldErrors {
	ch, errs := s.input()
	if ch.State == s.c.State && ch.Note == "" {
		errs.Add("state", "entry.err.same_state")
	}
	if ch.On == 0 {
		errs.Add("on", "err.required")
	}
	c := copyCommitment(s.c)
	c.Apply(ch)
	for _, fe := range c.Validate() {
		if fe.Field == "done_on" {
			fe.Field = "on"
		}
		if len(fe.Field) > 9 && fe.Field[:9] == "progress." {
			fe.Field = "progress_note"
		}
		errs = append(errs, fe)
	}
	return errs
}

// save applies the change to the commitment as stored now.
func (s *stateSpec) save() saveOp {
	ch, _ := s.input()
	id := s.c.ID
	return func(st *store.Store) (tea.Msg, error) {
		var ref string
		err := st.Modify(model.KindCommitment, id, ch.By, func(rec model.Record) error {
			c := rec.(*model.Commitment)
			c.Apply(ch)
			ref = c.Ref
			return nil
		})
		if err != nil {
			return nil, err
		}
		return SavedMsg{Kind: model.KindCommitment, ID: id, Ref: ref}, nil
	}
}

// resumeFollow rebuilds a follow-through form from its draft: the record it
// was opened on is kept in the draft (a commitment's parent, told apart by
// its points).
func resumeFollow(ctx Context, dd draftData) (*Form, error) {
	var f *Form
	var err error
	switch dd.Kind {
	case "commit":
		var probe struct {
			Points []json.RawMessage `json:"points"`
		}
		if err := json.Unmarshal(dd.Record, &probe); err != nil {
			return nil, err
		}
		if probe.Points != nil {
			f, err = resumeOn(dd, nil, func(r *model.Feedback) *Form { return AddCommitment(ctx, r, dd.Point) })
		} else {
			f, err = resumeOn(dd, nil, func(r *model.Session) *Form { return AddCommitment(ctx, r, 0) })
		}
	case "commitment":
		f, err = resumeOn(dd, nil, func(r *model.Commitment) *Form { return EditCommitment(ctx, r) })
	case "commit_state":
		f, err = resumeOn(dd, nil, func(r *model.Commitment) *Form { return CommitmentState(ctx, r) })
	case "information":
		f, err = resumeOn(dd, func() *Form { return NewInformation(ctx) }, func(r *model.Information) *Form { return EditInformation(ctx, r) })
	}
	if err == nil && f == nil {
		err = fmt.Errorf("draft %s: nothing to resume", dd.Kind)
	}
	return f, err
}
