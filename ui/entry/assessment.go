package entry

import "gopy/model"

// The giver's assessment of an answer (issue 12), in the answer dialog:
// satisfied, partly, not satisfied — or not assessed yet — with its date
// and a comment. Shown once the point is answered.

func (s *answerSpec) assessmentFields(b fieldSet) {
	s.assessment = b.choice("assessment", "assess", append([]string{""}, model.Strings(model.Assessments)...))
	s.assessment.opts[0].label = b.l.T("assess.none")
	s.assessment.section = b.l.T("entry.section.assessment")
	answered := func() bool { return s.status.value() != string(model.AnswerPending) }
	assessed := func() bool { return answered() && s.assessment.value() != "" }
	s.assessment.visible = answered
	s.assessedOn = b.date("assessed_on")
	s.assessedOn.visible = assessed
	s.assessmentNote = b.text("assessment_note")
	s.assessmentNote.visible = assessed
}

func (s *answerSpec) loadAssessment(p model.Point) {
	s.assessment.setValue(string(p.Assessment))
	s.assessedOn.setValue(p.AssessedOn.String())
	if p.AssessedOn == 0 {
		s.assessedOn.setValue(s.ctx.today().String())
	}
	s.assessmentNote.setValue(p.AssessmentNote)
}

func (s *answerSpec) readAssessment(r *reader, p *model.Point) {
	p.Assessment, p.AssessedOn, p.AssessmentNote = model.Assessment(s.assessment.value()), 0, ""
	if p.Assessment != "" {
		p.AssessedOn, p.AssessmentNote = r.date(s.assessedOn), text(s.assessmentNote)
	}
}
