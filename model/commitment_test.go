package model

import "testing"

func validCommitment() *Commitment {
	return &Commitment{MadeOn: rd(15, 1, 2026), FeedbackID: "F1", PointNo: 1,
		What: "Nạo vét cống thoát nước tổ dân phố 5 trước mùa mưa", Due: rd(31, 3, 2026)}
}

func TestCommitmentValidate(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(c *Commitment)
		field string
		key   string
	}{
		{"valid", func(*Commitment) {}, "", ""},
		{"no what", func(c *Commitment) { c.What = " " }, "what", "err.required"},
		{"no due", func(c *Commitment) { c.Due = 0 }, "due", "err.required"},
		{"due before made", func(c *Commitment) { c.Due = rd(14, 1, 2026) }, "due", "err.before_made"},
		{"no parent", func(c *Commitment) { c.FeedbackID, c.PointNo = "", 0 }, "parent", "err.commitment_parent"},
		{"two parents", func(c *Commitment) { c.SessionID = "S1" }, "parent", "err.commitment_two_parents"},
		{"feedback without point", func(c *Commitment) { c.PointNo = 0 }, "point_no", "err.required"},
		{"dropped without reason", func(c *Commitment) { c.State = CommitmentDropped }, "dropped_reason", "err.required"},
		{"dropped with reason", func(c *Commitment) { c.State, c.DroppedReason = CommitmentDropped, "Hết kinh phí" }, "", ""},
		{"done without date", func(c *Commitment) { c.State = CommitmentDone }, "done_on", "err.required"},
		{"done date while planned", func(c *Commitment) { c.DoneOn = rd(1, 2, 2026) }, "done_on", "err.done_only"},
		{"bad state", func(c *Commitment) { c.State = "finished" }, "state", "err.invalid_value"},
		{"progress without text", func(c *Commitment) { c.Progress = []ProgressNote{{On: rd(1, 2, 2026)}} }, "progress.1.text", "err.required"},
	}
	for _, c := range cases {
		cm := validCommitment()
		c.edit(cm)
		cm.Normalize()
		errs := cm.Validate()
		if c.field == "" {
			if len(errs) > 0 {
				t.Errorf("%s: %v", c.name, errs)
			}
			continue
		}
		if got := errs.For(c.field); got != c.key {
			t.Errorf("%s: %s error %q, want %q (all: %v)", c.name, c.field, got, c.key, errs)
		}
	}
}

func TestCommitmentOverdueAndClose(t *testing.T) {
	c := validCommitment()
	c.Normalize()
	if c.State != CommitmentPlanned {
		t.Fatalf("default state %q", c.State)
	}
	if c.Overdue(rd(31, 3, 2026)) || !c.Overdue(rd(1, 4, 2026)) {
		t.Error("a planned commitment is overdue the day after its due date, not on it")
	}
	c.Apply(CommitmentChange{State: CommitmentInProgress, On: rd(1, 3, 2026), By: "Hà", Note: "Đã khảo sát"})
	if c.DoneOn != 0 || len(c.Progress) != 1 || !c.Overdue(rd(1, 4, 2026)) {
		t.Errorf("in progress: %+v", c)
	}
	c.Apply(CommitmentChange{State: CommitmentDone, On: rd(2, 4, 2026), EvidenceDocNo: "15/BC-UBND", EvidenceDate: rd(2, 4, 2026)})
	if c.DoneOn != rd(2, 4, 2026) || c.Overdue(rd(10, 4, 2026)) || c.DoneOnTime() || c.Validate().Err() != nil {
		t.Errorf("done late: %+v %v", c, c.Validate())
	}
	// A later note keeps the day it was done.
	c.Apply(CommitmentChange{On: rd(5, 4, 2026), Note: "Nghiệm thu"})
	if c.DoneOn != rd(2, 4, 2026) || len(c.Progress) != 2 {
		t.Errorf("note after done moved done_on: %+v", c)
	}
	c.Apply(CommitmentChange{State: CommitmentDropped, On: rd(6, 4, 2026), DroppedReason: "Trùng dự án tỉnh"})
	if c.DoneOn != 0 || c.Overdue(rd(10, 4, 2026)) || c.Validate().Err() != nil {
		t.Errorf("dropped: %+v %v", c, c.Validate())
	}
}

func TestInformationValidate(t *testing.T) {
	i := &Information{Item: "Kết luận thanh tra", Category: InfoInspection, OwedBy: TargetGovernment, DueOn: rd(28, 2, 2026)}
	if errs := i.Validate(); len(errs) > 0 {
		t.Fatal(errs)
	}
	if i.State() != InfoPending || i.Overdue(rd(28, 2, 2026)) || !i.Overdue(rd(1, 3, 2026)) {
		t.Error("pending information is overdue the day after its due date")
	}
	i.How = InfoWritten
	if i.Validate().For("how") != "err.provided_first" {
		t.Error("how without provided_on accepted")
	}
	i.ProvidedOn, i.How = rd(1, 3, 2026), ""
	if i.Validate().For("how") != "err.required" {
		t.Error("provided without how accepted")
	}
	i.How = InfoMeeting
	if i.Validate().Err() != nil || i.State() != InfoProvided || i.Overdue(rd(1, 5, 2026)) || i.ProvidedOnTime() {
		t.Errorf("provided late: %+v", i)
	}
	i.OwedBy = TargetIndividual
	if i.Validate().For("owed_by") != "err.invalid_value" {
		t.Error("information owed by an individual accepted")
	}
}

func TestAssessmentRules(t *testing.T) {
	f := &Feedback{GivenOn: rd(5, 1, 2026), SourceKind: SourceFront, SourceName: "UB MTTQ phường", Form: FormConference,
		TargetKind: TargetParty, Subject: "Dự thảo", Points: []Point{rPending()}}
	f.Points[0].Assessment, f.Points[0].AssessedOn = AssessSatisfied, rd(20, 1, 2026)
	if f.Validate().For("points.1.assessment") != "err.assess_unanswered" {
		t.Error("an unanswered point was assessed")
	}
	f.Points[0] = assessed(rAnswered(AnswerAccepted, rd(15, 1, 2026)), AssessNotSatisfied, rd(14, 1, 2026))
	if f.Validate().For("points.1.assessed_on") != "err.before_answered" {
		t.Error("assessed before the answer")
	}
	f.Points[0].AssessedOn = 0
	if f.Validate().For("points.1.assessed_on") != "err.required" {
		t.Error("assessment without a date")
	}
	f.Points[0].AssessedOn = rd(16, 1, 2026)
	if errs := f.Validate(); len(errs) > 0 {
		t.Error(errs)
	}
	if got := f.AssessmentCounts(); got != [4]int{0, 0, 0, 1} {
		t.Errorf("counts %v", got)
	}
}

func TestRepeatNumbering(t *testing.T) {
	first := &Petition{Meta: Meta{ID: "A"}}
	second := &Petition{Meta: Meta{ID: "B"}, RepeatOf: "A"}
	second.FollowRepeat(first)
	third := &Petition{Meta: Meta{ID: "C"}, RepeatOf: "B"}
	third.FollowRepeat(second)
	if first.Times() != 1 || second.Times() != 2 || third.Times() != 3 || third.MatterID() != "A" || second.MatterID() != "A" {
		t.Errorf("times %d %d %d matter %s", first.Times(), second.Times(), third.Times(), third.MatterID())
	}
	third.RepeatOf = ""
	third.FollowRepeat(nil)
	if third.Times() != 1 || third.MatterID() != "C" {
		t.Error("unlinking kept the repeat")
	}
}

func TestVoterRequestedOnlyForDialogue(t *testing.T) {
	s := &Session{Type: SessionReception, HeldOn: rd(6, 1, 2026), HostRole: HostPartySecretary, HostName: "A", VoterRequested: true}
	if s.Validate().For("voter_requested") != "err.voter_dialogue_only" {
		t.Error("a reception marked as requested by voters")
	}
	s.Type = SessionDialogue
	if s.Validate().For("voter_requested") != "" {
		t.Error("a dialogue cannot be requested by voters")
	}
}
