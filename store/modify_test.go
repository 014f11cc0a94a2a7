package store_test

import (
	"errors"
	"testing"

	"gopy/model"
	"gopy/store"
)

// Modify changes the record as stored when it runs: a change made from a
// copy read earlier is not lost (Update would refuse it as stale), an
// invalid result or an error from the change writes nothing, and the
// change goes to the history.
func TestModify(t *testing.T) {
	s, _, _ := openTest(t)
	p := petition(day(2026, 6, 1), model.ClassComplaint)
	mustCreate(t, s, p)
	early := mustGet(t, s, model.KindPetition, p.ID).(*model.Petition)

	// Someone else changes the petition after early was read.
	other := mustGet(t, s, model.KindPetition, p.ID).(*model.Petition)
	other.AssigneeUnit = "Tổ dân phố 3"
	if err := s.Update(other, officer); err != nil {
		t.Fatal(err)
	}

	note := func(rec model.Record) error {
		rec.(*model.Petition).AddNote(day(2026, 6, 5), officer, "Đã gọi điện cho công dân.")
		return nil
	}
	if err := s.Modify(model.KindPetition, early.ID, officer, note); err != nil {
		t.Fatal(err)
	}
	got := mustGet(t, s, model.KindPetition, p.ID).(*model.Petition)
	if got.AssigneeUnit != "Tổ dân phố 3" || len(got.Log) != 1 || got.Log[0].Kind != model.LogNote {
		t.Fatalf("after Modify: assignee %q, log %+v; want the other change kept and one note", got.AssigneeUnit, got.Log)
	}

	boom := errors.New("boom")
	if err := s.Modify(model.KindPetition, p.ID, officer, func(rec model.Record) error {
		rec.(*model.Petition).Summary = "không được ghi"
		return boom
	}); !errors.Is(err, boom) {
		t.Fatalf("Modify with a failing change: %v, want it", err)
	}
	if err := s.Modify(model.KindPetition, p.ID, officer, func(rec model.Record) error {
		rec.(*model.Petition).Summary = ""
		return nil
	}); asInvalid(t, err) == nil {
		t.Fatal("an emptied summary was accepted")
	}
	after := mustGet(t, s, model.KindPetition, p.ID).(*model.Petition)
	if after.Summary != got.Summary || !after.UpdatedAt.Equal(got.UpdatedAt) {
		t.Errorf("a refused Modify wrote: summary %q", after.Summary)
	}
	h, err := s.History(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(h); n != 3 || h[n-1].Action != "update" {
		t.Errorf("history has %d entries (%+v), want create, update, update", n, h)
	}
	if err := s.Modify(model.KindPetition, "nonsense", officer, note); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Modify of an unknown id: %v, want ErrNotFound", err)
	}
}
