package store

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"gopy/model"
)

// A deleted petition leaves no trace of the citizen: not in the tombstone,
// not in the history, not anywhere in the file's buckets.
func TestDeletedPetitionForgetsThePerson(t *testing.T) {
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	s, err := Open(filepath.Join(t.TempDir(), "p.db"), Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st := model.DefaultSettings()
	st.WardName, st.WardCode, st.Officer = "Phường A", "A1", "Cán bộ"
	if err := s.SaveSettings(st, "t"); err != nil {
		t.Fatal(err)
	}
	p := &model.Petition{ReceivedOn: model.NewDate(2026, 11, 2), Channel: model.ChannelWalkIn, Classification: model.ClassReport,
		Name: "Trương Văn Bí Mật", Phone: "0912345678", IDNumber: "001099012345", Address: "Số 9 ngõ Riêng", Summary: "Đường hỏng"}
	if err := s.Create(p, "t"); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Get(model.KindPetition, p.ID)
	got.(*model.Petition).Name = "Trương Văn Bí Mật Hai"
	if err := s.Update(got, "t"); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(model.KindPetition, p.ID, "t"); err != nil {
		t.Fatal(err)
	}
	err = s.db.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			return b.ForEach(func(k, v []byte) error {
				for _, secret := range []string{"Bí Mật", "0912345678", "001099012345", "ngõ Riêng"} {
					if strings.Contains(string(v), secret) {
						t.Errorf("bucket %s still holds %q", name, secret)
					}
				}
				return nil
			})
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	hist, _ := s.History(p.ID)
	if len(hist) != 3 || hist[2].Action != "delete" {
		b, _ := json.Marshal(hist)
		t.Fatalf("history: %s", b)
	}
}
