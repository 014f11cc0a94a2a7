package model

// The giver's assessment, repeated petitions, dialogues asked for by
// voters and the sender of a draft (issue 12): fields of the existing
// records, validated here so their rules sit together.

// Assessment is how the giver of feedback (or the Front) judged the answer
// to a point: the seed's "trả lời chưa thỏa đáng" made countable.
type Assessment string

const (
	AssessSatisfied    Assessment = "satisfied"
	AssessPartly       Assessment = "partly"
	AssessNotSatisfied Assessment = "not_satisfied"
)

var Assessments = []Assessment{AssessSatisfied, AssessPartly, AssessNotSatisfied}

// AssessNone is the report's key for answered points nobody assessed.
const AssessNone = "none"

// validateAssessment: only an answered point can be assessed, and an
// assessment has its date, on or after the answer.
func (p *Point) validateAssessment() FieldErrors {
	var e FieldErrors
	checkText(&e, "assessment_note", p.AssessmentNote, false)
	if p.Assessment == "" {
		if p.AssessedOn != 0 {
			e.Add("assessed_on", "err.assess_first")
		}
		return e
	}
	checkEnum(&e, "assessment", p.Assessment, Assessments)
	if p.Status == AnswerPending || p.Status == "" {
		e.Add("assessment", "err.assess_unanswered")
	}
	checkDate(&e, "assessed_on", p.AssessedOn, true)
	if p.AssessedOn != 0 && p.AnsweredOn != 0 && p.AssessedOn < p.AnsweredOn && p.AssessedOn.Valid() {
		e.Add("assessed_on", "err.before_answered")
	}
	return e
}

// AssessmentCounts tallies a feedback's answered points by assessment, in
// the order none, Assessments.
func (f *Feedback) AssessmentCounts() [4]int {
	var n [4]int
	for _, p := range f.Points {
		if p.Status == AnswerPending || p.Status == "" {
			continue
		}
		i := 0
		for j, a := range Assessments {
			if p.Assessment == a {
				i = j + 1
			}
		}
		n[i]++
	}
	return n
}

// DraftSender is the body that sent the draft for comment: the recorded
// sender, else the body the feedback was given to (who usually drafts).
func (f *Feedback) DraftSender() string {
	if f.DraftSentBy != "" {
		return f.DraftSentBy
	}
	return f.TargetName
}

func (s *Session) validateFollow() FieldErrors {
	var e FieldErrors
	if s.VoterRequested && s.Type != SessionDialogue {
		e.Add("voter_requested", "err.voter_dialogue_only")
	}
	return e
}

func (p *Petition) validateRepeat() FieldErrors {
	var e FieldErrors
	if p.RepeatOf == "" {
		return e
	}
	if _, err := ParseID(p.RepeatOf); err != nil {
		e.Add("repeat_of", "err.not_found")
	} else if p.RepeatOf == p.ID {
		e.Add("repeat_of", "err.repeat_self")
	}
	return e
}

// Times is how many times the petition's matter has been raised, this
// petition included: 1 for a first raising.
func (p *Petition) Times() int {
	if p.RepeatOf == "" || p.RepeatNo < 2 {
		return 1
	}
	return p.RepeatNo
}

// MatterID names the matter a petition raises: the first petition of its
// chain of repeats.
func (p *Petition) MatterID() string {
	if p.RepeatRoot != "" {
		return p.RepeatRoot
	}
	return p.ID
}

// FollowRepeat sets the repeat number and matter from the earlier petition
// (nil when repeat_of is empty or not found).
func (p *Petition) FollowRepeat(earlier *Petition) {
	if p.RepeatOf == "" || earlier == nil {
		p.RepeatNo, p.RepeatRoot, p.RepeatRef = 0, "", ""
		return
	}
	p.RepeatRef = earlier.Ref
	p.RepeatNo = earlier.Times() + 1
	p.RepeatRoot = earlier.MatterID()
}
