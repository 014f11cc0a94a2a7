package entry

import (
	"strconv"
	"strings"

	"gopy/model"
)

// NewFeedback is the form for a new feedback submission, with one point to
// start; ctrl+n adds points.
func NewFeedback(ctx Context) *Form {
	sp := newFeedbackSpec(&ctx, nil)
	f := newForm(ctx, "feedback", "", ctx.Lang.T("entry.title.new_feedback"), sp)
	return f.ready()
}

// EditFeedback is the form for a stored feedback, answers included.
func EditFeedback(ctx Context, fb *model.Feedback) *Form {
	sp := newFeedbackSpec(&ctx, copyFeedback(fb))
	return recordForm(ctx, "feedback", fb, ctx.Lang.F("entry.title.edit", fb.Ref), sp)
}

type feedbackSpec struct {
	ctx  *Context
	b    fieldSet
	orig *model.Feedback // nil for a new one

	givenOn, sourceKind, sourceName, form, targetKind, targetName *field
	subject, topics, draftReceived, commentDeadline, responseDue  *field
	draftSentBy                                                   *field
	points                                                        []*pointFields
	addPoint                                                      *field
	all                                                           []*field
}

type pointFields struct {
	content, status, answeredOn, answer, answeredBy *field
	saved                                           bool // stored before this form opened
}

func newFeedbackSpec(ctx *Context, orig *model.Feedback) *feedbackSpec {
	b := fieldSet{ctx.Lang}
	st := &ctx.Settings
	s := &feedbackSpec{ctx: ctx, b: b, orig: orig}
	s.givenOn = b.date("given_on")
	s.givenOn.section = b.l.T("entry.section.feedback")
	s.givenOn.required = true
	s.sourceKind = b.choice("source_kind", "source", model.Strings(model.SourceKinds))
	s.sourceName = b.pick("source_name", st.Organisations, st.Groups)
	s.sourceName.required = true
	s.form = b.choice("form", "form", model.Strings(model.FeedbackForms))
	s.targetKind = b.choice("target_kind", "target", model.Strings(model.TargetKinds))
	s.targetName = b.pick("target_name", st.Agencies, st.Officers)
	s.subject = b.make(kLine, "subject")
	s.subject.required = true
	s.topics = b.tags("topics", st.Topics)
	s.draftReceived = b.date("draft_received_on")
	s.draftReceived.section = b.l.T("entry.section.draft")
	s.commentDeadline = b.date("comment_deadline")
	s.commentDeadline.note = s.windowNote
	s.draftSentBy = b.pick("draft_sent_by", ctx.Settings.Agencies)
	s.responseDue = b.date("response_due")
	s.responseDue.note = s.dueNote
	s.addPoint = newField(kButton, "add_point", b.l.T("entry.button.add_point"))

	if orig == nil {
		s.givenOn.setValue(ctx.today().String())
		s.responseDue.auto = true
		s.fillDue()
		s.addPointFields(model.Point{Status: model.AnswerPending}, false)
	} else {
		s.givenOn.setValue(orig.GivenOn.String())
		s.sourceKind.setValue(string(orig.SourceKind))
		s.sourceName.setValue(orig.SourceName)
		s.form.setValue(string(orig.Form))
		s.targetKind.setValue(string(orig.TargetKind))
		s.targetName.setValue(orig.TargetName)
		s.subject.setValue(orig.Subject)
		s.topics.setValue(strings.Join(orig.Topics, ", "))
		s.draftReceived.setValue(orig.DraftReceivedOn.String())
		s.draftSentBy.setValue(orig.DraftSentBy)
		s.commentDeadline.setValue(orig.CommentDeadline.String())
		s.responseDue.setValue(orig.ResponseDue.String())
		for _, p := range orig.Points {
			s.addPointFields(p, true)
		}
		if len(orig.Points) == 0 {
			s.addPointFields(model.Point{Status: model.AnswerPending}, false)
		}
	}
	s.relayout()
	return s
}

func (s *feedbackSpec) addPointFields(p model.Point, saved bool) *pointFields {
	b := s.b
	pf := &pointFields{saved: saved}
	pf.content = b.text("")
	pf.content.label = b.label("content")
	pf.content.required = true
	pf.status = b.choice("", "answer", model.Strings(model.AnswerStatuses))
	pf.status.label = b.label("answer_status")
	pf.answeredOn = b.date("")
	pf.answeredOn.label = b.label("answered_on")
	pf.answer = b.text("")
	pf.answer.label = b.label("answer")
	pf.answeredBy = b.pick("", s.ctx.Settings.Officers, s.ctx.Settings.Agencies)
	pf.answeredBy.label = b.label("answered_by")
	answered := func() bool { return pf.status.value() != string(model.AnswerPending) }
	pf.answeredOn.visible, pf.answer.visible, pf.answeredBy.visible = answered, answered, answered
	pf.content.setValue(p.Content)
	pf.status.setValue(string(p.Status))
	pf.answeredOn.setValue(p.AnsweredOn.String())
	pf.answer.setValue(p.Answer)
	pf.answeredBy.setValue(p.AnsweredBy)
	s.points = append(s.points, pf)
	return pf
}

// relayout numbers the points (keys "points.N.field", as the store names
// them) and lists the fields.
func (s *feedbackSpec) relayout() {
	s.all = []*field{s.givenOn, s.sourceKind, s.sourceName, s.form, s.targetKind, s.targetName,
		s.subject, s.topics, s.draftReceived, s.commentDeadline, s.draftSentBy, s.responseDue}
	for i, pf := range s.points {
		n := strconv.Itoa(i + 1)
		pf.content.section = s.b.l.F("entry.section.point", i+1)
		for name, f := range map[string]*field{"content": pf.content, "status": pf.status,
			"answered_on": pf.answeredOn, "answer": pf.answer, "answered_by": pf.answeredBy} {
			f.key = "points." + n + "." + name
		}
		s.all = append(s.all, pf.content, pf.status, pf.answeredOn, pf.answer, pf.answeredBy)
	}
	s.all = append(s.all, s.addPoint)
}

func (s *feedbackSpec) fields() []*field { return s.all }

func (s *feedbackSpec) fillDue() {
	if !s.responseDue.auto {
		return
	}
	var r reader
	if d := r.date(s.givenOn); d != 0 && d.Valid() {
		s.responseDue.setValue(d.AddDays(s.ctx.Settings.Deadlines.FeedbackResponseDays).String())
	} else {
		s.responseDue.setValue("")
	}
}

func (s *feedbackSpec) dueNote() string {
	l := s.ctx.Lang
	if s.responseDue.auto {
		return l.F("entry.note.response_due", s.ctx.Settings.Deadlines.FeedbackResponseDays)
	}
	return ""
}

// windowNote flags a draft sent for comment with too little time (the
// 10-year review's "sent late, too little time").
func (s *feedbackSpec) windowNote() string {
	var r reader
	from, to := r.date(s.draftReceived), r.date(s.commentDeadline)
	if from == 0 || to == 0 || to < from {
		return ""
	}
	days := from.DaysUntil(to)
	if days < s.ctx.Settings.Deadlines.ShortCommentDays {
		return s.ctx.Lang.F("entry.note.short_window", days, s.ctx.Settings.Deadlines.ShortCommentDays)
	}
	return s.ctx.Lang.F("entry.note.window", days)
}

func (s *feedbackSpec) changed(f *field) {
	switch f {
	case s.givenOn:
		s.fillDue()
	}
	for _, pf := range s.points {
		if f == pf.status && f.value() != string(model.AnswerPending) && pf.answeredOn.value() == "" {
			pf.answeredOn.setValue(s.ctx.today().String())
		}
	}
}

// build makes the record the form describes.
func (s *feedbackSpec) build() (*model.Feedback, model.FieldErrors) {
	var r reader
	fb := &model.Feedback{}
	if s.orig != nil {
		fb = copyFeedback(s.orig)
	}
	fb.GivenOn = r.date(s.givenOn)
	fb.SourceKind = model.SourceKind(s.sourceKind.value())
	fb.SourceName = line(s.sourceName)
	fb.Form = model.FeedbackForm(s.form.value())
	fb.TargetKind = model.TargetKind(s.targetKind.value())
	fb.TargetName = line(s.targetName)
	fb.Subject = line(s.subject)
	fb.Topics = tagList(s.topics)
	fb.DraftReceivedOn = r.date(s.draftReceived)
	fb.CommentDeadline = r.date(s.commentDeadline)
	fb.DraftSentBy = line(s.draftSentBy)
	fb.ResponseDue = r.date(s.responseDue)
	fb.Points = make([]model.Point, len(s.points))
	for i, pf := range s.points {
		p := model.Point{Content: text(pf.content), Status: model.AnswerStatus(pf.status.value())}
		if p.Status != model.AnswerPending {
			p.AnsweredOn = r.date(pf.answeredOn)
			p.Answer = text(pf.answer)
			p.AnsweredBy = line(pf.answeredBy)
		}
		fb.Points[i] = p
	}
	fb.Normalize()
	return fb, r.errs
}

func (s *feedbackSpec) check() model.FieldErrors {
	fb, errs := s.build()
	return append(errs, fb.Validate()...)
}

func (s *feedbackSpec) save() saveOp {
	fb, _ := s.build()
	return saveRecord(fb, s.ctx.by(), s.orig != nil)
}

// --- points: ctrl+n, ctrl+d -------------------------------------------------

func (s *feedbackSpec) add() *field {
	pf := s.addPointFields(model.Point{Status: model.AnswerPending}, false)
	s.relayout()
	return pf.content
}

func (s *feedbackSpec) itemOf(f *field) int {
	for i, pf := range s.points {
		if f == pf.content || f == pf.status || f == pf.answeredOn || f == pf.answer || f == pf.answeredBy {
			return i + 1
		}
	}
	return 0
}

func (s *feedbackSpec) itemEmpty(item int) bool {
	pf := s.points[item-1]
	return strings.TrimSpace(pf.content.value()) == "" && strings.TrimSpace(pf.answer.value()) == ""
}

// remove drops a point typed in this form. A stored point stays: petitions
// raised from it name it by its number.
func (s *feedbackSpec) remove(item int) string {
	if s.points[item-1].saved {
		return "entry.notice.point_saved"
	}
	if len(s.points) == 1 {
		return "entry.notice.last_point"
	}
	s.points = append(s.points[:item-1], s.points[item:]...)
	s.relayout()
	return ""
}

func (s *feedbackSpec) groups() map[string]int { return map[string]int{"points": len(s.points)} }

func (s *feedbackSpec) setGroups(g map[string]int) {
	for len(s.points) < g["points"] {
		s.addPointFields(model.Point{Status: model.AnswerPending}, false)
	}
	for len(s.points) > max(g["points"], 1) && !s.points[len(s.points)-1].saved {
		s.points = s.points[:len(s.points)-1]
	}
	s.relayout()
}
