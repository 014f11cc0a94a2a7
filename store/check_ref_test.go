package store

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"gopy/model"
)

// Check finds two records of one ward and kind holding one reference,
// however they came to be stored.
func TestCheckFindsDuplicateReference(t *testing.T) {
	now := time.Date(2026, 6, 15, 9, 0, 0, 0, time.UTC)
	s, err := Open(filepath.Join(t.TempDir(), "r.db"), Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, _ := s.Settings()
	st.WardCode, st.WardName, st.Officer = "HB", "Phường Hòa Bình", "Cán bộ Thử"
	if err := s.SaveSettings(st, "x"); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for i := 0; i < 2; i++ {
		p := &model.Petition{ReceivedOn: model.NewDate(2026, 6, 1), Channel: model.ChannelWalkIn,
			Classification: model.ClassReport, Name: "Người Thử Nghiệm", Summary: "Nội dung thử"}
		if err := s.Create(p, "x"); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, p.ID)
	}
	if problems, _ := s.Check(); len(problems) > 0 {
		t.Fatalf("clean database: %v", problems)
	}
	err = s.db.Update(func(tx *bolt.Tx) error {
		a, _ := model.ParseID(ids[0])
		b, _ := model.ParseID(ids[1])
		first, _ := getRecord(tx, model.KindPetition, a)
		old, _ := getRecord(tx, model.KindPetition, b)
		rec, _ := getRecord(tx, model.KindPetition, b)
		rec.GetMeta().Ref = first.GetMeta().Ref
		return replaceRecord(tx, old, rec, b)
	})
	if err != nil {
		t.Fatal(err)
	}
	problems, _ := s.Check()
	if len(problems) != 1 || !strings.Contains(problems[0], "reference used twice in ward HB") {
		t.Errorf("check: %v", problems)
	}
}
