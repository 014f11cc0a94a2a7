package model

import (
	"strings"
	"testing"
)

func validFeedback() *Feedback {
	return &Feedback{
		GivenOn:    NewDate(2026, 3, 2),
		SourceKind: SourceFront,
		SourceName: "Ủy ban MTTQ Việt Nam phường",
		Form:       FormConference,
		TargetKind: TargetGovernment,
		TargetName: "UBND phường",
		Subject:    "Dự thảo kế hoạch chỉnh trang đô thị",
		Points: []Point{
			{Content: "Đề nghị công khai quy hoạch", Status: AnswerPending},
			{Content: "Làm rõ kinh phí", Status: AnswerPending},
		},
	}
}

func TestFeedbackValidate(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(f *Feedback)
		field string // "" = valid
		key   string
	}{
		{"valid", func(f *Feedback) {}, "", ""},
		{"missing subject", func(f *Feedback) { f.Subject = "" }, "subject", "err.required"},
		{"missing date", func(f *Feedback) { f.GivenOn = 0 }, "given_on", "err.required"},
		{"impossible date", func(f *Feedback) { f.GivenOn = NewDate(2026, 2, 30) }, "given_on", "err.date.invalid"},
		{"missing source", func(f *Feedback) { f.SourceName = "" }, "source_name", "err.required"},
		{"unknown source kind", func(f *Feedback) { f.SourceKind = "friends" }, "source_kind", "err.invalid_value"},
		{"unknown form", func(f *Feedback) { f.Form = "" }, "form", "err.required"},
		{"subject too long", func(f *Feedback) { f.Subject = strings.Repeat("ư", 501) }, "subject", "err.too_long"},
		// The limit counts letters as the form does, not bytes: 500
		// Vietnamese letters (1,000 bytes) are allowed.
		{"subject of 500 letters", func(f *Feedback) { f.Subject = strings.Repeat("ư", 500) }, "", ""},
		{"no points", func(f *Feedback) { f.Points = nil }, "points", "err.no_points"},
		{"empty point", func(f *Feedback) { f.Points[1].Content = "" }, "points.2.content", "err.required"},
		{"partial without text", func(f *Feedback) {
			f.Points[0].Status, f.Points[0].AnsweredOn = AnswerPartial, NewDate(2026, 3, 20)
		}, "points.1.answer", "err.answer_required"},
		{"explained without text", func(f *Feedback) {
			f.Points[1].Status, f.Points[1].AnsweredOn = AnswerExplained, NewDate(2026, 3, 20)
		}, "points.2.answer", "err.answer_required"},
		{"accepted without text is fine", func(f *Feedback) {
			f.Points[0].Status, f.Points[0].AnsweredOn = AnswerAccepted, NewDate(2026, 3, 20)
		}, "", ""},
		{"answer without date", func(f *Feedback) {
			f.Points[0].Status, f.Points[0].Answer = AnswerAccepted, "Đã tiếp thu"
		}, "points.1.answered_on", "err.required"},
		{"answered before given", func(f *Feedback) {
			f.Points[0].Status, f.Points[0].Answer, f.Points[0].AnsweredOn = AnswerAccepted, "Đã tiếp thu", NewDate(2026, 3, 1)
		}, "points.1.answered_on", "err.before_given"},
		{"unknown answer status", func(f *Feedback) {
			f.Points[0].Status, f.Points[0].AnsweredOn = "maybe", NewDate(2026, 3, 20)
		}, "points.1.status", "err.invalid_value"},
		{"comment deadline before draft", func(f *Feedback) {
			f.DraftReceivedOn, f.CommentDeadline = NewDate(2026, 2, 20), NewDate(2026, 2, 19)
		}, "comment_deadline", "err.before_draft"},
		{"response due before given", func(f *Feedback) { f.ResponseDue = NewDate(2026, 3, 1) }, "response_due", "err.before_given"},
	}
	for _, tt := range tests {
		f := validFeedback()
		tt.edit(f)
		errs := f.Validate()
		if tt.field == "" {
			if len(errs) != 0 {
				t.Errorf("%s: unexpected errors %v", tt.name, errs)
			}
			continue
		}
		if got := errs.For(tt.field); got != tt.key {
			t.Errorf("%s: For(%q) = %q, want %q (all: %v)", tt.name, tt.field, got, tt.key, errs)
		}
		if len(errs) != 1 {
			t.Errorf("%s: %d errors, want 1: %v", tt.name, len(errs), errs)
		}
		if errs.Err() == nil {
			t.Errorf("%s: Err() is nil", tt.name)
		}
	}
	if err := validFeedback().Validate().Err(); err != nil {
		t.Errorf("valid feedback: Err() = %v", err)
	}
}

func TestFeedbackNormalize(t *testing.T) {
	f := validFeedback()
	f.Subject = "  Dự thảo\n kế hoạch "
	f.Topics = []string{"Đất đai", " Đất đai ", "", "Môi trường"}
	f.Points = append(f.Points, Point{Content: "Ý kiến\r\nthứ ba"})
	f.Normalize()
	if f.Subject != "Dự thảo  kế hoạch" {
		t.Errorf("Subject = %q", f.Subject)
	}
	if len(f.Topics) != 2 || f.Topics[0] != "Đất đai" || f.Topics[1] != "Môi trường" {
		t.Errorf("Topics = %q", f.Topics)
	}
	if p := f.Points[2]; p.Status != AnswerPending || p.Content != "Ý kiến\nthứ ba" {
		t.Errorf("new point = %+v", p)
	}
}

func TestFeedbackState(t *testing.T) {
	tests := []struct {
		statuses []AnswerStatus
		want     FeedbackState
		pending  int
	}{
		{[]AnswerStatus{AnswerPending}, FeedbackPending, 1},
		{[]AnswerStatus{AnswerPending, AnswerPending}, FeedbackPending, 2},
		{[]AnswerStatus{AnswerAccepted, AnswerPending}, FeedbackPartly, 1},
		{[]AnswerStatus{AnswerPending, AnswerExplained, AnswerPending}, FeedbackPartly, 2},
		{[]AnswerStatus{AnswerAccepted}, FeedbackAnswered, 0},
		{[]AnswerStatus{AnswerAccepted, AnswerPartial, AnswerExplained}, FeedbackAnswered, 0},
	}
	for _, tt := range tests {
		f := &Feedback{}
		for _, s := range tt.statuses {
			f.Points = append(f.Points, Point{Content: "x", Status: s})
		}
		if got := f.State(); got != tt.want {
			t.Errorf("%v: State() = %q, want %q", tt.statuses, got, tt.want)
		}
		if got := f.PendingPoints(); got != tt.pending {
			t.Errorf("%v: PendingPoints() = %d, want %d", tt.statuses, got, tt.pending)
		}
	}
}

func TestFeedbackOverdue(t *testing.T) {
	f := validFeedback() // two pending points
	f.Points[0].Status = AnswerAccepted
	f.ResponseDue = NewDate(2026, 4, 1)
	tests := []struct {
		today Date
		want  int
	}{
		{NewDate(2026, 3, 31), 0},
		{NewDate(2026, 4, 1), 0}, // on the due day: not yet overdue
		{NewDate(2026, 4, 2), 1},
		{NewDate(2027, 1, 1), 1},
	}
	for _, tt := range tests {
		if got := f.OverduePoints(tt.today); got != tt.want {
			t.Errorf("OverduePoints(%v) = %d, want %d", tt.today, got, tt.want)
		}
		if got := f.Overdue(tt.today); got != (tt.want > 0) {
			t.Errorf("Overdue(%v) = %v", tt.today, got)
		}
	}
	f.Points[1].Status = AnswerExplained
	if f.Overdue(NewDate(2027, 1, 1)) {
		t.Error("a fully answered feedback is never overdue")
	}
	g := validFeedback()
	if g.Overdue(NewDate(2099, 1, 1)) {
		t.Error("a feedback without a response due is never overdue")
	}
}

func TestFeedbackFillDue(t *testing.T) {
	s := DefaultSettings()
	f := validFeedback()
	f.FillDue(&s, NewCalendar(nil))
	if want := NewDate(2026, 4, 1); f.ResponseDue != want { // 2/3 + 30 days
		t.Errorf("ResponseDue = %v, want %v", f.ResponseDue, want)
	}
	// A change of Settings never rewrites an existing due.
	s.Deadlines.FeedbackResponseDays = 15
	f.FillDue(&s, NewCalendar(nil))
	if want := NewDate(2026, 4, 1); f.ResponseDue != want {
		t.Errorf("after a Settings change ResponseDue = %v, want %v", f.ResponseDue, want)
	}
	set := validFeedback()
	set.ResponseDue = NewDate(2026, 3, 10)
	set.FillDue(&s, NewCalendar(nil))
	if set.ResponseDue != NewDate(2026, 3, 10) {
		t.Errorf("FillDue overwrote a typed due: %v", set.ResponseDue)
	}
	undated := &Feedback{}
	undated.FillDue(&s, NewCalendar(nil))
	if undated.ResponseDue != 0 {
		t.Errorf("FillDue without given_on set %v", undated.ResponseDue)
	}
}

func TestFeedbackCommentWindow(t *testing.T) {
	f := validFeedback()
	if got := f.CommentWindowDays(); got != -1 {
		t.Errorf("no draft: %d, want -1", got)
	}
	f.DraftReceivedOn, f.CommentDeadline = NewDate(2026, 2, 25), NewDate(2026, 3, 2)
	if got := f.CommentWindowDays(); got != 5 {
		t.Errorf("CommentWindowDays = %d, want 5", got)
	}
}

func validPetition() *Petition {
	return &Petition{
		ReceivedOn:     NewDate(2026, 3, 2),
		Channel:        ChannelWalkIn,
		Classification: ClassProposal,
		Name:           "Lê Thị Bình",
		Group:          "Tổ dân phố 5",
		IDNumber:       "001190012345",
		Phone:          "0912 345 678",
		People:         1,
		Summary:        "Đèn đường hỏng ở ngõ 12",
		Status:         StatusReceived,
	}
}

func TestPetitionNormalize(t *testing.T) {
	tests := []struct {
		name   string
		edit   func(p *Petition)
		status PetitionStatus
		conf   bool
	}{
		{"defaults", func(p *Petition) { p.Status, p.People = "", 0 }, StatusReceived, false},
		{"denunciation is confidential", func(p *Petition) { p.Classification = ClassDenunciation }, StatusReceived, true},
		{"confidential stays", func(p *Petition) { p.Confidential = true }, StatusReceived, true},
		{"returned closes", func(p *Petition) { p.Handling, p.Status = HandlingReturned, StatusInProgress }, StatusReturned, false},
		{"transferred stays open", func(p *Petition) { p.Handling = HandlingTransferred }, StatusTransferred, false},
		{"transferred then resolved", func(p *Petition) {
			p.Handling, p.Status = HandlingTransferred, StatusResolved
		}, StatusResolved, false},
		{"accepted keeps status", func(p *Petition) { p.Handling, p.Status = HandlingAccepted, StatusInProgress }, StatusInProgress, false},
	}
	for _, tt := range tests {
		p := validPetition()
		tt.edit(p)
		p.Normalize()
		if p.Status != tt.status {
			t.Errorf("%s: Status = %q, want %q", tt.name, p.Status, tt.status)
		}
		if p.Confidential != tt.conf {
			t.Errorf("%s: Confidential = %v, want %v", tt.name, p.Confidential, tt.conf)
		}
		if p.People < 1 {
			t.Errorf("%s: People = %d", tt.name, p.People)
		}
	}
	p := validPetition()
	p.Name = " Nguye\u0302\u0303n  Văn An\n"
	p.Summary = "dòng 1\r\ndòng 2\n\n"
	p.Normalize()
	if p.Name != "Nguy\u1ec5n  Văn An" || p.Summary != "dòng 1\ndòng 2" {
		t.Errorf("Normalize: Name %q, Summary %q", p.Name, p.Summary)
	}
}

func TestPetitionValidate(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(p *Petition)
		field string
		key   string
	}{
		{"valid", func(p *Petition) {}, "", ""},
		{"missing name", func(p *Petition) { p.Name = "" }, "name", "err.required"},
		{"missing summary", func(p *Petition) { p.Summary = "" }, "summary", "err.required"},
		{"missing received", func(p *Petition) { p.ReceivedOn = 0 }, "received_on", "err.required"},
		{"unknown class", func(p *Petition) { p.Classification = "gossip" }, "classification", "err.invalid_value"},
		{"session without link", func(p *Petition) { p.Channel = ChannelSession }, "session_id", "err.required"},
		{"feedback without link", func(p *Petition) { p.Channel = ChannelFeedback }, "feedback_id", "err.required"},
		{"bad ID number", func(p *Petition) { p.IDNumber = "12 34" }, "id_number", "err.id_number"},
		{"passport", func(p *Petition) { p.IDNumber = "C1234567" }, "", ""},
		{"bad phone", func(p *Petition) { p.Phone = "gọi tôi" }, "phone", "err.phone"},
		{"short phone", func(p *Petition) { p.Phone = "12345" }, "phone", "err.phone"},
		{"international phone", func(p *Petition) { p.Phone = "+84 (912) 345-678" }, "", ""},
		{"no people", func(p *Petition) { p.People = 0 }, "people", "err.invalid_number"},
		{"unknown handling", func(p *Petition) { p.Handling = "ignored" }, "handling", "err.invalid_value"},
		{"transferred without agency", func(p *Petition) {
			p.Handling, p.Status = HandlingTransferred, StatusTransferred
		}, "handling_agency", "err.required"},
		{"returned but open", func(p *Petition) { p.Handling = HandlingReturned }, "status", "err.status_handling"},
		{"status returned without handling", func(p *Petition) { p.Status = StatusReturned }, "status", "err.status_handling"},
		{"resolved without date", func(p *Petition) { p.Status = StatusResolved }, "resolved_on", "err.required"},
		{"ack before received", func(p *Petition) { p.AcknowledgedOn = NewDate(2026, 3, 1) }, "acknowledged_on", "err.before_received"},
		{"impossible due", func(p *Petition) { p.ResolutionDue = NewDate(2026, 4, 31) }, "resolution_due", "err.date.invalid"},
	}
	for _, tt := range tests {
		p := validPetition()
		tt.edit(p)
		errs := p.Validate()
		if tt.field == "" {
			if len(errs) != 0 {
				t.Errorf("%s: unexpected errors %v", tt.name, errs)
			}
			continue
		}
		if got := errs.For(tt.field); got != tt.key {
			t.Errorf("%s: For(%q) = %q, want %q (all: %v)", tt.name, tt.field, got, tt.key, errs)
		}
		if len(errs) != 1 {
			t.Errorf("%s: %d errors, want 1: %v", tt.name, len(errs), errs)
		}
	}
}

// FillDues only fills: the law's dues themselves are worked through in
// deadline_test.go.
func TestPetitionFillDues(t *testing.T) {
	s := DefaultSettings()
	cal := NewCalendar(nil)
	p := validPetition()
	p.AckDue, p.ResolutionDue = NewDate(2026, 3, 3), NewDate(2026, 3, 4)
	p.FillDues(&s, cal)
	if p.AckDue != NewDate(2026, 3, 3) || p.ResolutionDue != NewDate(2026, 3, 4) {
		t.Errorf("FillDues rewrote existing dues: %v, %v", p.AckDue, p.ResolutionDue)
	}
	p = validPetition()
	p.ReceivedOn = 0
	p.FillDues(&s, cal)
	if p.AckDue != 0 || p.ResolutionDue != 0 {
		t.Errorf("FillDues without received_on: %v, %v", p.AckDue, p.ResolutionDue)
	}
}

func TestPetitionOverdue(t *testing.T) {
	due := NewDate(2026, 4, 1)
	tests := []struct {
		status PetitionStatus
		due    Date
		today  Date
		want   bool
		days   int
	}{
		{StatusReceived, due, NewDate(2026, 3, 31), false, 0},
		{StatusReceived, due, due, false, 0}, // on the due day
		{StatusReceived, due, NewDate(2026, 4, 2), true, 1},
		{StatusInProgress, due, NewDate(2026, 5, 1), true, 30},
		{StatusTransferred, due, NewDate(2026, 4, 2), true, 1},
		{StatusResolved, due, NewDate(2026, 5, 1), false, 0},
		{StatusReturned, due, NewDate(2026, 5, 1), false, 0},
		{StatusReceived, 0, NewDate(2030, 1, 1), false, 0},
	}
	for _, tt := range tests {
		p := validPetition()
		p.Status, p.ResolutionDue = tt.status, tt.due
		if got := p.Overdue(tt.today); got != tt.want {
			t.Errorf("%s due %v on %v: Overdue = %v, want %v", tt.status, tt.due, tt.today, got, tt.want)
		}
		if got := p.DaysOverdue(tt.today); got != tt.days {
			t.Errorf("%s due %v on %v: DaysOverdue = %d, want %d", tt.status, tt.due, tt.today, got, tt.days)
		}
	}
}

func TestPetitionAckLate(t *testing.T) {
	due := NewDate(2026, 3, 16)
	tests := []struct {
		name     string
		ackDue   Date
		ackedOn  Date
		today    Date
		wantLate bool
	}{
		{"no due", 0, 0, NewDate(2030, 1, 1), false},
		{"not sent, before due", due, 0, NewDate(2026, 3, 15), false},
		{"not sent, on due day", due, 0, due, false},
		{"not sent, day after", due, 0, NewDate(2026, 3, 17), true},
		{"sent on due day", due, due, NewDate(2026, 5, 1), false},
		{"sent early", due, NewDate(2026, 3, 3), NewDate(2026, 5, 1), false},
		{"sent a day late", due, NewDate(2026, 3, 17), NewDate(2026, 3, 17), true},
	}
	for _, tt := range tests {
		p := validPetition()
		p.AckDue, p.AcknowledgedOn = tt.ackDue, tt.ackedOn
		if got := p.AckLate(tt.today); got != tt.wantLate {
			t.Errorf("%s: AckLate = %v, want %v", tt.name, got, tt.wantLate)
		}
	}
}

func TestPetitionResolvedOnTime(t *testing.T) {
	due := NewDate(2026, 4, 1)
	tests := []struct {
		name       string
		status     PetitionStatus
		due, resOn Date
		want       bool
	}{
		{"on the due day", StatusResolved, due, due, true},
		{"early", StatusResolved, due, NewDate(2026, 3, 10), true},
		{"a day late", StatusResolved, due, NewDate(2026, 4, 2), false},
		{"no due", StatusResolved, 0, NewDate(2026, 4, 2), true},
		{"no date", StatusResolved, due, 0, false},
		{"not resolved", StatusInProgress, due, NewDate(2026, 3, 10), false},
		{"returned", StatusReturned, due, NewDate(2026, 3, 10), false},
	}
	for _, tt := range tests {
		p := validPetition()
		p.Status, p.ResolutionDue, p.ResolvedOn = tt.status, tt.due, tt.resOn
		if got := p.ResolvedOnTime(); got != tt.want {
			t.Errorf("%s: ResolvedOnTime = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func validSession() *Session {
	return &Session{
		Type:     SessionDialogue,
		HeldOn:   NewDate(2026, 6, 20),
		HostRole: HostCommitteeChair,
		HostName: "Phạm Văn Cường",
	}
}

func TestSessionValidate(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(s *Session)
		field string
		key   string
	}{
		{"valid", func(s *Session) {}, "", ""},
		{"missing host", func(s *Session) { s.HostName = "" }, "host_name", "err.required"},
		{"unknown kind", func(s *Session) { s.Type = "party" }, "kind", "err.invalid_value"},
		{"negative participants", func(s *Session) { s.Participants = -1 }, "participants", "err.invalid_number"},
		{"announced after", func(s *Session) { s.AnnouncedOn = NewDate(2026, 6, 21) }, "announced_on", "err.after_held"},
		{"published before", func(s *Session) { s.ResultsPublishedOn = NewDate(2026, 6, 19) }, "results_published_on", "err.before_held"},
	}
	for _, tt := range tests {
		s := validSession()
		tt.edit(s)
		errs := s.Validate()
		if tt.field == "" {
			if len(errs) != 0 {
				t.Errorf("%s: unexpected errors %v", tt.name, errs)
			}
			continue
		}
		if got := errs.For(tt.field); got != tt.key || len(errs) != 1 {
			t.Errorf("%s: For(%q) = %q, want %q (all: %v)", tt.name, tt.field, got, tt.key, errs)
		}
	}
}

func TestSessionAnnouncedLate(t *testing.T) {
	d := DefaultDeadlines() // 7 days before
	tests := []struct {
		name      string
		kind      SessionKind
		announced Date
		want      bool
	}{
		{"exactly 7 days before", SessionDialogue, NewDate(2026, 6, 13), false},
		{"8 days before", SessionDialogue, NewDate(2026, 6, 12), false},
		{"6 days before", SessionDialogue, NewDate(2026, 6, 14), true},
		{"on the day", SessionDialogue, NewDate(2026, 6, 20), true},
		{"not announced", SessionDialogue, 0, true},
		{"reception needs no notice", SessionReception, 0, false},
		{"consultation needs no notice", SessionConsultation, NewDate(2026, 6, 19), false},
	}
	for _, tt := range tests {
		s := validSession()
		s.Type, s.AnnouncedOn = tt.kind, tt.announced
		if got := s.AnnouncedLate(d); got != tt.want {
			t.Errorf("%s: AnnouncedLate = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestSessionPublishedLate(t *testing.T) {
	d := DefaultDeadlines() // 10 days after: due 30/06/2026
	tests := []struct {
		name      string
		kind      SessionKind
		published Date
		today     Date
		want      bool
	}{
		{"published on the 10th day", SessionDialogue, NewDate(2026, 6, 30), NewDate(2026, 8, 1), false},
		{"published on the 11th day", SessionDialogue, NewDate(2026, 7, 1), NewDate(2026, 8, 1), true},
		{"not yet, still in time", SessionDialogue, 0, NewDate(2026, 6, 30), false},
		{"not yet, window passed", SessionDialogue, 0, NewDate(2026, 7, 1), true},
		{"reception", SessionReception, 0, NewDate(2027, 1, 1), false},
	}
	for _, tt := range tests {
		s := validSession()
		s.Type, s.ResultsPublishedOn = tt.kind, tt.published
		if got := s.PublishedLate(d, NewCalendar(nil), tt.today); got != tt.want {
			t.Errorf("%s: PublishedLate = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestSettingsNormalize(t *testing.T) {
	s := Settings{WardCode: " P01 ", Language: "fr", Groups: []string{"Tổ 1", "Tổ 1", " "}}
	s.Deadlines.AckWorkingDays = 5
	s.Normalize()
	if s.WardCode != "P01" || s.Language != "vi" || len(s.Groups) != 1 {
		t.Errorf("Normalize: %+v", s)
	}
	if s.Deadlines.AckWorkingDays != 5 || s.Deadlines.ComplaintDays != 30 || s.Targets.SecretaryDaysPerMonth != 2 {
		t.Errorf("Normalize deadlines: %+v %+v", s.Deadlines, s.Targets)
	}
	if errs := s.Validate(); errs.For("ward_name") != "err.required" || errs.For("officer") != "err.required" || errs.For("ward_code") != "" {
		t.Errorf("Validate: %v", errs)
	}
	for code, ok := range map[string]bool{"P01": true, "phuong-an_khanh": true, "": false, "P 01": false, "Phường": false, "ABCDEFGHIJKLMNOPQ": false} {
		if got := ValidWardCode(code); got != ok {
			t.Errorf("ValidWardCode(%q) = %v, want %v", code, got, ok)
		}
	}
}
