package entry

import (
	"fmt"
	"strconv"

	tea "charm.land/bubbletea/v2"

	"gopy/model"
	"gopy/store"
)

// --- answer a feedback point (a) ------------------------------------------------

// AnswerPoint records the answer to one point of a feedback: status, date
// (today by default), answer text (required for partial and explained) and
// who answered. point is 0-based; -1 picks the first point not yet
// answered. The point can be changed in the dialog.
func AnswerPoint(ctx Context, fb *model.Feedback, point int) *Form {
	if point < 0 || point >= len(fb.Points) {
		point = 0
		for i, p := range fb.Points {
			if p.Status == model.AnswerPending {
				point = i
				break
			}
		}
	}
	sp := newAnswerSpec(&ctx, copyFeedback(fb), point)
	f := newForm(ctx, "answer", fb.ID, ctx.Lang.F("entry.title.answer", fb.Ref), sp)
	f.record, f.point = rawJSON(fb), point
	f.ready()
	// The point is already chosen: start on its answer, so "a", then the
	// status or the text, then ctrl+s.
	if len(fb.Points) > 0 && sp.status.focusable() {
		f.startOn(sp.status)
	}
	return f
}

type answerSpec struct {
	ctx *Context
	fb  *model.Feedback
	cur int // the point the fields were loaded from

	point, status, answeredOn, answer, answeredBy *field
	// The giver's assessment of the answer (assessment.go).
	assessment, assessedOn, assessmentNote *field
}

func newAnswerSpec(ctx *Context, fb *model.Feedback, point int) *answerSpec {
	b := fieldSet{ctx.Lang}
	s := &answerSpec{ctx: ctx, fb: fb}
	s.point = b.make(kChoice, "point")
	for i, p := range fb.Points {
		s.point.opts = append(s.point.opts, option{value: strconv.Itoa(i),
			label: fmt.Sprintf("%d. %s (%s)", i+1, firstLine(p.Content, 40), ctx.Lang.Enum("answer", string(p.Status)))})
	}
	s.point.section = b.l.F("entry.section.answer", firstLine(fb.Subject, 60))
	s.point.note = s.pointNote
	s.status = b.choice("status", "answer", model.Strings(model.AnswerStatuses))
	s.status.label = b.label("answer_status")
	s.answeredOn = b.date("answered_on")
	s.answer = b.text("answer")
	s.answeredBy = b.pick("answered_by", ctx.Settings.Officers, ctx.Settings.Agencies)
	s.assessmentFields(b)
	s.point.setValue(strconv.Itoa(point))
	s.load(point)
	return s
}

// pointNote shows the whole point being answered.
func (s *answerSpec) pointNote() string {
	if s.cur < len(s.fb.Points) {
		return firstLine(s.fb.Points[s.cur].Content, 300)
	}
	return ""
}

// load fills the fields from a point: its answer, or for a point not yet
// answered, "accepted" today.
func (s *answerSpec) load(i int) {
	s.cur = i
	if i >= len(s.fb.Points) {
		return
	}
	p := s.fb.Points[i]
	if p.Status == model.AnswerPending || p.Status == "" {
		s.status.setValue(string(model.AnswerAccepted))
		s.answeredOn.setValue(s.ctx.today().String())
	} else {
		s.status.setValue(string(p.Status))
		s.answeredOn.setValue(p.AnsweredOn.String())
	}
	s.answer.setValue(p.Answer)
	s.answeredBy.setValue(p.AnsweredBy)
	s.loadAssessment(p)
}

func (s *answerSpec) fields() []*field {
	return []*field{s.point, s.status, s.answeredOn, s.answer, s.answeredBy, s.assessment, s.assessedOn, s.assessmentNote}
}

func (s *answerSpec) changed(f *field) {
	if f == s.point {
		n, _ := strconv.Atoi(s.point.value())
		s.load(n)
	}
}

func (s *answerSpec) build() (model.Point, model.FieldErrors) {
	var r reader
	p := model.Point{}
	if s.cur < len(s.fb.Points) {
		p = s.fb.Points[s.cur]
	}
	p.Status = model.AnswerStatus(s.status.value())
	p.AnsweredOn = r.date(s.answeredOn)
	p.Answer = text(s.answer)
	p.AnsweredBy = line(s.answeredBy)
	s.readAssessment(&r, &p)
	if p.Status == model.AnswerPending {
		p.AnsweredOn, p.Answer, p.AnsweredBy = 0, "", ""
		p.Assessment, p.AssessedOn, p.AssessmentNote = "", 0, ""
	}
	return p, r.errs
}

func (s *answerSpec) check() model.FieldErrors {
	p, errs := s.build()
	for _, fe := range p.Validate(s.fb.GivenOn) {
		if fe.Field == "content" {
			continue // not edited here
		}
		errs = append(errs, fe)
	}
	return errs
}

// save applies the answer to the feedback as stored now, so an answer
// never overwrites another change made since the detail was read.
func (s *answerSpec) save() saveOp {
	p, _ := s.build()
	id, i, by := s.fb.ID, s.cur, s.ctx.by()
	return func(st *store.Store) (tea.Msg, error) {
		var ref string
		err := st.Modify(model.KindFeedback, id, by, func(rec model.Record) error {
			fb := rec.(*model.Feedback)
			if i >= len(fb.Points) {
				return store.ErrNotFound
			}
			p.Content = fb.Points[i].Content
			fb.Points[i] = p
			ref = fb.Ref
			return nil
		})
		if err != nil {
			return nil, err
		}
		return SavedMsg{Kind: model.KindFeedback, ID: id, Ref: ref}, nil
	}
}

// --- petition status change (x) --------------------------------------------

// ChangeStatus moves a petition to another status, dated, with a note; the
// change goes into the petition's log. Only the statuses that can follow
// the current one are offered (model.NextStatuses). Returned and
// transferred ask for the agency and document number; resolved for the
// result (required) and the day the citizen was told. A resolved petition
// can be "resolved" again to add or correct its result.
func ChangeStatus(ctx Context, p *model.Petition) *Form {
	sp := newStatusSpec(&ctx, copyPetition(p))
	return recordForm(ctx, "status", p, ctx.Lang.F("entry.title.status", p.Ref), sp)
}

type statusSpec struct {
	ctx *Context
	p   *model.Petition

	status, on, agency, docNo, result, reportedBack, note *field
}

func newStatusSpec(ctx *Context, p *model.Petition) *statusSpec {
	b := fieldSet{ctx.Lang}
	s := &statusSpec{ctx: ctx, p: p}
	next := model.NextStatuses(p.Status)
	s.status = b.choice("status", "status", model.Strings(next))
	s.status.section = b.l.F("entry.section.status", p.Ref, b.l.Enum("status", string(p.Status)))
	s.on = b.date("on")
	s.on.required = true
	sent := func() bool {
		st := model.PetitionStatus(s.status.value())
		return st == model.StatusReturned || st == model.StatusTransferred
	}
	resolved := func() bool { return s.status.value() == string(model.StatusResolved) }
	s.agency = b.pick("handling_agency", ctx.Settings.Agencies)
	s.agency.visible = sent
	s.docNo = b.make(kLine, "handling_doc_no")
	s.docNo.visible = sent
	s.result = b.text("result")
	s.result.visible, s.result.required = resolved, true
	s.reportedBack = b.date("reported_back_on")
	s.reportedBack.visible = resolved
	s.note = b.text("note")

	s.status.setValue(string(next[0]))
	s.on.setValue(ctx.today().String())
	s.agency.setValue(p.HandlingAgency)
	s.docNo.setValue(p.HandlingDocNo)
	s.result.setValue(p.Result)
	s.reportedBack.setValue(p.ReportedBackOn.String())
	return s
}

func (s *statusSpec) fields() []*field {
	return []*field{s.status, s.on, s.agency, s.docNo, s.result, s.reportedBack, s.note}
}

func (s *statusSpec) changed(*field) {}

// input is the change the dialog holds, read in Update so the command
// that applies it to the stored petition reads no field.
func (s *statusSpec) input() (model.StatusChange, model.FieldErrors) {
	var r reader
	c := model.StatusChange{To: model.PetitionStatus(s.status.value()), On: r.date(s.on), By: s.ctx.by(),
		Agency: line(s.agency), DocNo: line(s.docNo), Result: text(s.result), Note: text(s.note)}
	if c.To == model.StatusResolved {
		c.ReportedBackOn = r.date(s.reportedBack)
	}
	return c, r.errs
}

func (s *statusSpec) check() model.FieldErrors {
	c, errs := s.input()
	errs = append(errs, c.Validate(s.p.Status)...)
	p := copyPetition(s.p)
	p.ChangeStatus(c)
	// The dialog's one date becomes the acceptance's or the resolution's:
	// their errors are its.
	for _, fe := range p.Validate() {
		if fe.Field == "resolved_on" || fe.Field == "accepted_on" {
			fe.Field = "on"
		}
		errs = append(errs, fe)
	}
	return errs
}

// save applies the change to the petition as stored now.
func (s *statusSpec) save() saveOp {
	c, _ := s.input()
	return modifyPetition(s.p.ID, c.By, func(p *model.Petition) { p.ChangeStatus(c) })
}

// --- petition history entry (a) --------------------------------------------

// AddNote adds a dated entry to a petition's follow-up log.
func AddNote(ctx Context, p *model.Petition) *Form {
	b := fieldSet{ctx.Lang}
	sp := &noteSpec{ctx: &ctx, id: p.ID, on: b.date("on"), text: b.text("note")}
	sp.on.section = ctx.Lang.F("entry.section.note", p.Ref, firstLine(p.Summary, 40))
	sp.on.required, sp.text.required = true, true
	sp.on.setValue(ctx.today().String())
	return recordForm(ctx, "note", p, ctx.Lang.F("entry.title.note", p.Ref), sp)
}

type noteSpec struct {
	ctx      *Context
	id       string
	on, text *field
}

func (s *noteSpec) fields() []*field { return []*field{s.on, s.text} }
func (s *noteSpec) changed(*field)   {}

func (s *noteSpec) entry() (model.LogEntry, model.FieldErrors) {
	var r reader
	e := model.LogEntry{On: r.date(s.on), By: s.ctx.by(), Kind: model.LogNote, Text: text(s.text)}
	if e.On == 0 && len(r.errs) == 0 {
		r.errs.Add("on", "err.required")
	}
	if e.Text == "" {
		r.errs.Add("note", "err.required")
	}
	return e, r.errs
}

func (s *noteSpec) check() model.FieldErrors { _, errs := s.entry(); return errs }

func (s *noteSpec) save() saveOp {
	e, _ := s.entry()
	return modifyPetition(s.id, e.By, func(p *model.Petition) { p.AddNote(e.On, e.By, e.Text) })
}

// modifyPetition changes the petition as stored now, in one transaction,
// so a dialog's change never overwrites another made since it opened.
func modifyPetition(id, by string, change func(*model.Petition)) saveOp {
	return func(st *store.Store) (tea.Msg, error) {
		var ref string
		err := st.Modify(model.KindPetition, id, by, func(rec model.Record) error {
			p := rec.(*model.Petition)
			change(p)
			ref = p.Ref
			return nil
		})
		if err != nil {
			return nil, err
		}
		return SavedMsg{Kind: model.KindPetition, ID: id, Ref: ref}, nil
	}
}
