package cli

import (
	"path/filepath"
	"testing"
	"time"

	"gopy/model"
	"gopy/store"
)

// dialogueDB is one ward that held its dialogue conference in February
// 2026 and a chair's reception in October.
func dialogueDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "d.db")
	s, err := store.Open(db, store.Options{Now: func() time.Time { return fixedNow }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st := model.DefaultSettings()
	st.WardName, st.WardCode, st.Officer = "Phường Thử", "T1", "Cán bộ Thử"
	if err := s.SaveSettings(st, "test"); err != nil {
		t.Fatal(err)
	}
	for _, se := range []*model.Session{
		{Type: model.SessionDialogue, HeldOn: model.NewDate(2026, 2, 10), HostRole: model.HostCommitteeChair, HostName: "Chủ tịch Thử", Participants: 40},
		{Type: model.SessionReception, HeldOn: model.NewDate(2026, 10, 6), HostRole: model.HostCommitteeChair, HostName: "Chủ tịch Thử", Participants: 3},
	} {
		if err := s.Create(se, "test"); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

// A conference held in February meets the year's dialogue target in a
// report of any later period of 2026: the year is judged to date.
func TestReportDialogueLooksBackToJanuary(t *testing.T) {
	db := dialogueDB(t)
	for _, p := range []string{"2026-10", "2026-Q4", "2026-H2", "2026"} {
		r := reportJSON(t, "--db", db, "report", "--period", p)
		var got struct {
			held  int
			state string
		}
		for _, tg := range r.Targets {
			if tg.Rule == "dialogue_yearly" {
				got.held, got.state = tg.Held, tg.State
			}
		}
		if got.state != "met" || got.held != 1 {
			t.Errorf("%s: dialogue_yearly %+v, want met with 1 held (conference on 10/02/2026)", p, got)
		}
		want := 1 // the October reception
		if p == "2026" {
			want = 2
		}
		if r.Sessions.Total != want {
			t.Errorf("%s: %d sessions counted; the February conference must count only toward the target", p, r.Sessions.Total)
		}
	}
}
