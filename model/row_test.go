package model

import (
	"strings"
	"testing"
)

func TestRowOfConfidentialPetition(t *testing.T) {
	p := validPetition()
	p.Meta = Meta{ID: "01J00000000000000000000000", Ref: "KN-2026-0007", Ward: "P01"}
	p.Classification = ClassDenunciation
	p.Name = "Hoàng Văn Tố"
	p.Address = "Số 9 ngõ Hòa Bình"
	p.Summary = "Tố cáo cán bộ địa chính"
	p.Normalize()

	r := RowOf(p)
	if !r.Confidential || r.Who != "" {
		t.Errorf("confidential row: Confidential %v, Who %q", r.Confidential, r.Who)
	}
	for _, secret := range []string{p.Name, p.Address, p.Phone, p.IDNumber} {
		if f := Fold(secret); strings.Contains(r.Fold, f) {
			t.Errorf("Fold holds %q: %q", secret, r.Fold)
		}
	}
	if r.Matches(Fold("Hoàng Văn Tố")) || r.Matches("0912") {
		t.Error("a confidential petition is found by its petitioner's name or phone")
	}
	if !r.Matches(Fold("dia chinh")) || !r.Matches(Fold("kn-2026-0007")) {
		t.Errorf("the summary and reference stay searchable: %q", r.Fold)
	}

	p.Confidential = false
	p.Classification = ClassProposal
	r = RowOf(p)
	if r.Who != p.Name || !r.Matches("hoang van to") || !r.Matches("hoa binh") {
		t.Errorf("open row: Who %q, Fold %q", r.Who, r.Fold)
	}
}

func TestRowOfFields(t *testing.T) {
	f := validFeedback()
	f.Meta = Meta{ID: "01J00000000000000000000001", Ref: "GY-2026-0001", Ward: "P01"}
	f.Points[0].Status, f.Points[0].AnsweredOn, f.Points[0].Answer = AnswerExplained, NewDate(2026, 3, 12), "Giải trình"
	f.ResponseDue = NewDate(2026, 4, 1)
	f.DraftReceivedOn, f.CommentDeadline = NewDate(2026, 2, 20), NewDate(2026, 2, 27)
	r := RowOf(f)
	if r.Kind != KindFeedback || r.Ref != "GY-2026-0001" || r.Ward != "P01" || r.Date != f.GivenOn {
		t.Errorf("meta: %+v", r)
	}
	if r.Status != string(FeedbackPartly) || r.Sub != string(SourceFront) || r.Due != f.ResponseDue {
		t.Errorf("status %q sub %q due %v", r.Status, r.Sub, r.Due)
	}
	if r.Points != [4]int{1, 0, 0, 1} || len(r.AnswerDays) != 1 || r.AnswerDays[0] != 10 || r.DraftWindow != 7 {
		t.Errorf("points %v, answer days %v, draft window %d", r.Points, r.AnswerDays, r.DraftWindow)
	}
	if !r.Matches(Fold("CONG KHAI quy hoạch")) {
		t.Errorf("point content not searchable: %q", r.Fold)
	}

	s := validSession()
	s.Location = "Hội trường tổ dân phố 3\nphòng 2"
	r = RowOf(s)
	if r.Status != string(SessionDialogue) || r.Who != s.HostName || r.Title != "Hội trường tổ dân phố 3" || !r.Dialogue || r.DraftWindow != -1 {
		t.Errorf("session row: %+v", r)
	}

	p := validPetition()
	p.AssigneeUnit, p.AssigneeOfficer = "Địa chính", "Ngô Văn Dũng"
	p.SessionID = "S1"
	r = RowOf(p)
	if r.Assignee != "Địa chính – Ngô Văn Dũng" || r.ParentID != "S1" {
		t.Errorf("assignee %q parent %q", r.Assignee, r.ParentID)
	}
}

func TestRowTitleShortened(t *testing.T) {
	p := validPetition()
	p.Summary = strings.Repeat("Đường ", 60) // 2-byte runes straddle the cut
	r := RowOf(p)
	if len(r.Title) > titleMax+len("…") || !strings.HasSuffix(r.Title, "…") {
		t.Errorf("Title %d bytes: %q", len(r.Title), r.Title)
	}
	if !strings.HasPrefix(p.Summary, strings.TrimSuffix(r.Title, "…")) {
		t.Error("Title is not a prefix of the summary")
	}
	if !utf8Valid(r.Title) {
		t.Errorf("Title cut inside a rune: %q", r.Title)
	}
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }

// Row.Overdue must say exactly what the record's own Overdue says: lists and
// reports count from rows, the detail view from the record.
func TestRowOverdueAgrees(t *testing.T) {
	days := []Date{NewDate(2026, 3, 31), NewDate(2026, 4, 1), NewDate(2026, 4, 2), NewDate(2027, 1, 1)}
	due := NewDate(2026, 4, 1)

	var feedbacks []*Feedback
	for _, statuses := range [][]AnswerStatus{
		{AnswerPending},
		{AnswerPending, AnswerAccepted},
		{AnswerAccepted, AnswerPartial},
		{AnswerExplained},
	} {
		for _, d := range []Date{0, due} {
			f := validFeedback()
			f.Points = nil
			for _, s := range statuses {
				f.Points = append(f.Points, Point{Content: "ý kiến", Status: s, AnsweredOn: NewDate(2026, 3, 10), Answer: "trả lời"})
			}
			f.ResponseDue = d
			feedbacks = append(feedbacks, f)
		}
	}
	for _, f := range feedbacks {
		r := RowOf(f)
		for _, today := range days {
			if got, want := r.Overdue(today), f.Overdue(today); got != want {
				t.Errorf("feedback %v due %v on %v: row %v, record %v", f.State(), f.ResponseDue, today, got, want)
			}
		}
	}

	for _, st := range PetitionStatuses {
		for _, d := range []Date{0, due} {
			p := validPetition()
			p.Status, p.ResolutionDue = st, d
			r := RowOf(p)
			for _, today := range days {
				if got, want := r.Overdue(today), p.Overdue(today); got != want {
					t.Errorf("petition %s due %v on %v: row %v, record %v", st, d, today, got, want)
				}
			}
		}
	}

	s := RowOf(validSession())
	if s.Overdue(NewDate(2030, 1, 1)) {
		t.Error("a session is never overdue")
	}
}
