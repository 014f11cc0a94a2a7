package store_test

import (
	"testing"

	"gopy/model"
	"gopy/store"
)

// A fictional person named in three petitions: by name in an ordinary
// one, by name and phone in a sealed denunciation, and only in the history
// of a third whose petitioner was renamed.
func personDB(t *testing.T) (*store.Store, string, [3]string) {
	t.Helper()
	s, path, _, _ := setUp(t)
	a := petition(day(2026, 6, 1), model.ClassReport)
	a.Name, a.Phone = "Đặng Thị Hư Cấu", "0999777888"
	b := secretPetition()
	b.Name, b.Phone = "ĐẶNG THỊ HƯ CẤU", "0999777888"
	c := petition(day(2026, 6, 3), model.ClassProposal)
	c.Name = "Đặng Thị Hư Cấu"
	for _, p := range []*model.Petition{a, b, c} {
		if err := s.Create(p, ""); err != nil {
			t.Fatal(err)
		}
	}
	rec, _ := s.Get(model.KindPetition, c.ID)
	rec.(*model.Petition).Name = "Người Khác Hư Cấu"
	if err := s.Update(rec, ""); err != nil {
		t.Fatal(err)
	}
	return s, path, [3]string{a.ID, b.ID, c.ID}
}

func TestPersonFoundCorrectedAndErased(t *testing.T) {
	s, path, ids := personDB(t)
	res, err := s.FindPerson("dang thi hu cau")
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Records(); len(got) != 3 {
		t.Fatalf("found in %v, want three records", got)
	}
	inHistory := false
	for _, h := range res.Hits {
		if h.ID == ids[2] && h.History != "" && h.Value == "Đặng Thị Hư Cấu" {
			inHistory = true
		}
	}
	if !inHistory {
		t.Errorf("the old name in the third petition's history not found: %+v", res.Hits)
	}
	if res, _ := s.FindPerson("0999777888"); len(res.Records()) != 2 {
		t.Errorf("by phone: %v", res.Records())
	}

	// Correcting the phone rewrites every occurrence; the history says so.
	if _, err := s.CorrectPerson("0999777888", "0999777999"); err != nil {
		t.Fatal(err)
	}
	if res, _ := s.FindPerson("0999777888"); len(res.Hits) != 0 {
		t.Errorf("old phone still found: %+v", res.Hits)
	}
	hist, _ := s.History(ids[0])
	if last := hist[len(hist)-1]; last.Action != store.AuditCorrect || last.By != "admin" {
		t.Errorf("history after a correction: %+v", last)
	}

	totals := func() map[string]int {
		out := map[string]int{}
		for _, st := range model.PetitionStatuses {
			n, _ := s.Count(store.Query{Kind: model.KindPetition, Status: string(st)})
			out[string(st)] = n
		}
		for _, c := range model.Classifications {
			n := 0
			_ = s.Each(store.Query{Kind: model.KindPetition}, func(r *model.Row) error {
				if r.Sub == string(c) {
					n++
				}
				return nil
			})
			out[string(c)] = n
		}
		return out
	}
	before := totals()
	if _, err := s.ErasePerson("dang thi hu cau"); err != nil {
		t.Fatal(err)
	}
	if res, _ := s.FindPerson("dang thi hu cau"); len(res.Hits) != 0 {
		t.Errorf("found after erasure: %+v", res.Hits)
	}
	if res, _ := s.FindPerson("0999777999"); len(res.Hits) != 0 {
		t.Errorf("phone found after erasure: %+v", res.Hits)
	}
	after := totals()
	for k, v := range before {
		if after[k] != v {
			t.Errorf("%s: %d before erasure, %d after", k, v, after[k])
		}
	}
	if problems, err := s.Check(); err != nil || len(problems) > 0 {
		t.Errorf("check after erasure: %v %v", problems, err)
	}
	out := path + ".compact"
	if err := s.CompactTo(out); err != nil {
		t.Fatal(err)
	}
	raw := readFile(t, out)
	for _, v := range []string{"Đặng Thị Hư Cấu", "ĐẶNG THỊ HƯ CẤU", "0999777"} {
		if containsBytes(raw, v) {
			t.Errorf("compacted file holds %q", v)
		}
	}
	// An officer without the grant cannot search sealed identities.
	if err := s.Create(secretPetition(), ""); err != nil {
		t.Fatal(err)
	}
	if err := s.AddUser(model.User{Name: "officer", Role: model.RoleOfficer}, "officer passphrase"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SignIn("officer", "officer passphrase"); err != nil {
		t.Fatal(err)
	}
	res, err = s.FindPerson("zzz")
	if err != nil || res.SealedSkipped == 0 {
		t.Errorf("officer without grant: skipped %d sealed, %v", res.SealedSkipped, err)
	}
	if _, err := s.ErasePerson("anyone"); err == nil {
		t.Error("an officer erased")
	}
}
