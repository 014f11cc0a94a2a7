package model

import "strconv"

// The feedback record's own rules: normalising, validating and its state
// from its points. Its deadline rules are in deadline.go.

func (f *Feedback) Normalize() {
	f.SourceName = CleanLine(f.SourceName)
	f.TargetName = CleanLine(f.TargetName)
	f.Subject = CleanLine(f.Subject)
	f.DraftSentBy = CleanLine(f.DraftSentBy)
	f.Topics = cleanList(f.Topics)
	for i := range f.Points {
		p := &f.Points[i]
		p.Content = CleanText(p.Content)
		p.Answer = CleanText(p.Answer)
		p.AnsweredBy = CleanLine(p.AnsweredBy)
		p.AssessmentNote = CleanText(p.AssessmentNote)
		if p.Status == "" {
			p.Status = AnswerPending
		}
	}
}

func (f *Feedback) Validate() FieldErrors {
	var e FieldErrors
	checkDate(&e, "given_on", f.GivenOn, true)
	checkEnum(&e, "source_kind", f.SourceKind, SourceKinds)
	checkLine(&e, "source_name", f.SourceName, true)
	checkEnum(&e, "form", f.Form, FeedbackForms)
	checkEnum(&e, "target_kind", f.TargetKind, TargetKinds)
	checkLine(&e, "target_name", f.TargetName, false)
	checkLine(&e, "subject", f.Subject, true)
	checkLine(&e, "draft_sent_by", f.DraftSentBy, false)
	checkList(&e, "topics", f.Topics)
	checkDate(&e, "draft_received_on", f.DraftReceivedOn, false)
	checkDate(&e, "comment_deadline", f.CommentDeadline, false)
	if f.DraftReceivedOn != 0 && f.CommentDeadline != 0 && f.CommentDeadline < f.DraftReceivedOn {
		e.Add("comment_deadline", "err.before_draft")
	}
	checkDate(&e, "response_due", f.ResponseDue, false)
	if f.ResponseDue != 0 && f.GivenOn != 0 && f.ResponseDue < f.GivenOn {
		e.Add("response_due", "err.before_given")
	}
	if len(f.Points) == 0 {
		e.Add("points", "err.no_points")
	}
	if len(f.Points) > maxList {
		e.Add("points", "err.too_many")
	}
	for i := range f.Points {
		for _, fe := range f.Points[i].Validate(f.GivenOn) {
			e.Add(pointField(i, fe.Field), fe.Key)
		}
	}
	return e
}

func pointField(i int, field string) string {
	return "points." + strconv.Itoa(i+1) + "." + field
}

// Validate checks one point; partial and explained answers need their text,
// and every answer needs its date.
func (p *Point) Validate(givenOn Date) FieldErrors {
	var e FieldErrors
	checkText(&e, "content", p.Content, true)
	checkEnum(&e, "status", p.Status, AnswerStatuses)
	checkText(&e, "answer", p.Answer, false)
	checkLine(&e, "answered_by", p.AnsweredBy, false)
	e = append(e, p.validateAssessment()...)
	if p.Status != AnswerPending && p.Status != "" {
		checkDate(&e, "answered_on", p.AnsweredOn, true)
		if p.AnsweredOn != 0 && givenOn != 0 && p.AnsweredOn < givenOn {
			e.Add("answered_on", "err.before_given")
		}
		if (p.Status == AnswerPartial || p.Status == AnswerExplained) && p.Answer == "" {
			e.Add("answer", "err.answer_required")
		}
	}
	return e
}

// State is the feedback's overall state, from its points.
func (f *Feedback) State() FeedbackState {
	answered := 0
	for _, p := range f.Points {
		if p.Status != AnswerPending {
			answered++
		}
	}
	switch {
	case answered == 0:
		return FeedbackPending
	case answered == len(f.Points):
		return FeedbackAnswered
	default:
		return FeedbackPartly
	}
}

// PendingPoints counts points not yet answered.
func (f *Feedback) PendingPoints() int {
	n := 0
	for _, p := range f.Points {
		if p.Status == AnswerPending {
			n++
		}
	}
	return n
}

// CommentWindowDays is the days a draft gave for comment, or -1 if unknown.
func (f *Feedback) CommentWindowDays() int {
	if f.DraftReceivedOn == 0 || f.CommentDeadline == 0 {
		return -1
	}
	return f.DraftReceivedOn.DaysUntil(f.CommentDeadline)
}
