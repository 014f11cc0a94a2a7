package store_test

import (
	"testing"

	"gopy/model"
	"gopy/store"
)

// The dashboard's figures, worked by hand on 15/06/2026: two feedback (one
// answered, one given in January with two points still open, 30 days to
// answer: overdue), three reception days of the party secretary (two in
// June, one in May), one petition.
func TestDashboardParts(t *testing.T) {
	s, _, _ := openTest(t)
	answered := feedback(day(2026, 6, 1))
	answered.Points[0].Status, answered.Points[0].AnsweredOn, answered.Points[0].AnsweredBy, answered.Points[0].Answer =
		model.AnswerAccepted, day(2026, 6, 5), "UBND phường", "Đã công khai."
	open := feedback(day(2026, 1, 5), "Ý kiến thứ nhất.", "Ý kiến thứ hai.")
	for _, r := range []model.Record{answered, open,
		session(day(2026, 6, 3)), session(day(2026, 6, 10)), session(day(2026, 5, 20)),
		petition(day(2026, 6, 10), model.ClassProposal)} {
		mustCreate(t, s, r)
	}
	today := s.Today()
	st, err := s.Settings()
	if err != nil {
		t.Fatal(err)
	}
	var d model.Dashboard
	for part := range model.NDashParts {
		v, err := s.DashboardPart(part, today, &st)
		if err != nil {
			t.Fatalf("part %d: %v", part, err)
		}
		d.Set(part, v)
	}
	if d.Totals != [3]int{2, 3, 1} {
		t.Errorf("totals %v, want [2 3 1]", d.Totals)
	}
	if d.OverdueFeedback != 1 || d.OverduePoints != 2 || d.AwaitingFeedback != 1 {
		t.Errorf("feedback overdue %d (%d points), awaiting %d; want 1 (2), 1",
			d.OverdueFeedback, d.OverduePoints, d.AwaitingFeedback)
	}
	if n, _ := s.Count(store.Query{Kind: model.KindFeedback, Overdue: true, Today: today}); n != d.OverdueFeedback {
		t.Errorf("`gopy list feedback --overdue --count` would say %d, the dashboard %d", n, d.OverdueFeedback)
	}
	// June: two periodic days of the secretary (03 and 10/06) meet the
	// month already, judged as the report judges it.
	if d.MonthSessions != 2 || d.Secretary.Days != 2 || d.Secretary.Per != 2 || !d.Secretary.Met {
		t.Errorf("June: %d sessions, secretary %+v; want 2, 2 of 2 days, met", d.MonthSessions, d.Secretary)
	}
	// No dialogue conference yet in 2026, which is not over: not yet held,
	// never met.
	if d.Dialogues.Days != 0 || d.Dialogues.Per != 1 || d.Dialogues.Met || d.Dialogues.State != model.TargetPending {
		t.Errorf("dialogues %+v, want 0 of 1, pending", d.Dialogues)
	}
	// The proposal received 10/06 is due for a decision on 24/06 (10
	// working days): not overdue yet.
	if d.OverduePetitions != 0 || d.OverdueUnaccepted != 0 {
		t.Errorf("overdue petitions %d (%d unaccepted), want 0", d.OverduePetitions, d.OverdueUnaccepted)
	}
}
