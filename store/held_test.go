package store_test

import (
	"bytes"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"gopy/model"
	"gopy/store"
	"gopy/store/demo"
)

var heldNames = []string{"Nguyễn Văn An", "Trần Thị Bình", "Lê Hữu Cường", "Phạm Thị Dung", "Đỗ Minh Đức", "Vũ Thị Giang", "Bùi Văn Hải"}

// loadBatch is n petitions of a session (each linked to it: a link), of
// several names (who keys).
func loadBatch(t *testing.T, s *store.Store, n int) []model.Record {
	t.Helper()
	sess := session(day(2026, 5, 4))
	mustCreate(t, s, sess)
	var recs []model.Record
	for i := range n {
		p := petition(day(2026, 5, 4+i%20), model.ClassProposal)
		p.Name = heldNames[i%len(heldNames)]
		p.Channel, p.SessionID = model.ChannelSession, sess.ID
		recs = append(recs, p)
	}
	return recs
}

// byWho is the petitions' names as the who list orders them.
func byWho(t *testing.T, s *store.Store) []string {
	t.Helper()
	var out []string
	err := s.Each(store.Query{Kind: model.KindPetition, Order: store.ByWho}, func(r *model.Row) error {
		out = append(out, r.Who)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// A Load stopped before Finish (a demo killed or interrupted) leaves its
// batches' records without who keys and links: the database says so
// (check), a read-only open asks for an open to write, and that open
// writes them: every list by name holds every record again, and check is
// clean.
func TestStoppedLoadIsRestoredAtTheNextOpen(t *testing.T) {
	s, path, c := openTest(t)
	load := s.StartLoad()
	for range 2 {
		if err := load.CreateBatch(loadBatch(t, s, 150), officer, false); err != nil {
			t.Fatal(err)
		}
	}
	if got := byWho(t, s); len(got) != 0 {
		t.Fatalf("who list before Finish: %d rows (the keys are written at the end)", len(got))
	}
	problems, err := s.Check()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(problems, func(p string) bool { return strings.Contains(p, "bulk load was stopped") }) ||
		!slices.ContainsFunc(problems, func(p string) bool { return strings.Contains(p, "who index missing") }) ||
		!slices.ContainsFunc(problems, func(p string) bool { return strings.Contains(p, "link to") }) {
		t.Fatalf("check of a stopped load: %q", problems)
	}
	// Stopped here: no Finish.
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if ro, err := store.Open(path, store.Options{ReadOnly: true}); !errors.Is(err, store.ErrOlderSchema) {
		if ro != nil {
			ro.Close()
		}
		t.Fatalf("read-only open of a stopped load: %v, want ErrOlderSchema (open to write first)", err)
	}
	s2, err := store.Open(path, store.Options{Now: c.Now})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	mustClean(t, s2)
	got := byWho(t, s2)
	byGiven := func(a, b string) int { return bytes.Compare(model.NameSortKey(a), model.NameSortKey(b)) }
	if len(got) != 300 || !slices.IsSortedFunc(got, byGiven) {
		t.Fatalf("who list after the open: %d rows, sorted %v", len(got), slices.IsSortedFunc(got, byGiven))
	}
}

// gopy check --repair writes them too (and the mark goes).
func TestStoppedLoadIsRepaired(t *testing.T) {
	s, path, c := openTest(t)
	load := s.StartLoad()
	if err := load.CreateBatch(loadBatch(t, s, 200), officer, true); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Repair(); err != nil {
		t.Fatal(err)
	}
	mustClean(t, s)
	if got := byWho(t, s); len(got) != 200 {
		t.Fatalf("who list after repair: %d rows", len(got))
	}
	s = reopen(t, s, path, c)
	mustClean(t, s)
	if n := s.DemoRecords(); n != 200 {
		t.Fatalf("demo records %d", n)
	}
}

// A batch whose transaction fails leaves nothing held back: Finish writes
// the keys of the batches committed, no key of a record not stored.
func TestFailedLoadBatchHoldsNothing(t *testing.T) {
	s, _, _ := openTest(t)
	load := s.StartLoad()
	if err := load.CreateBatch(loadBatch(t, s, 100), officer, false); err != nil {
		t.Fatal(err)
	}
	// Refused after its first 512 records were encoded and their entries
	// held (the bulk path writes each chunk as it is encoded): a time
	// JSON cannot hold fails the encoding of a later record.
	bad := loadBatch(t, s, 700)
	bad[650].(*model.Petition).CreatedAt = time.Date(10001, 1, 1, 0, 0, 0, 0, time.UTC)
	if err := load.CreateBatch(bad, officer, false); err == nil {
		t.Fatal("a batch with a record JSON cannot hold was stored")
	}
	if err := load.Finish(); err != nil {
		t.Fatal(err)
	}
	mustClean(t, s)
	if got := byWho(t, s); len(got) != 100 {
		t.Fatalf("who list: %d rows, want the first batch's 100", len(got))
	}
}

// A demo written through a Load (its who keys and links at the end, in
// several transactions) holds exactly the bytes create writes record by
// record — records, history, rows, search texts, every index, links,
// counters — over three wards, and again when a second demo adds to it.
func TestLoadWritesWhatOneByOneWrites(t *testing.T) {
	defer store.HeldTxKeys(2500)()
	opt := demo.Options{Records: 12_000, Seed: 5, Wards: 3, Today: model.NewDate(2026, 6, 15), MarkDemo: true}
	a := bulkStore(t, "load.db")
	b := bulkStore(t, "one.db")
	for run := range 2 {
		opt.Records -= run * 4000
		if err := demo.Generate(a, opt); err != nil {
			t.Fatal(err)
		}
		restore := store.OneByOne()
		err := demo.Generate(b, opt)
		restore()
		if err != nil {
			t.Fatal(err)
		}
		all := func(string) bool { return true }
		sameBuckets(t, dump(t, a, all, rawButSigningKey), dump(t, b, all, rawButSigningKey))
		mustClean(t, a)
		if n := a.DemoRecords(); n != 12_000+run*8000 {
			t.Fatalf("run %d: %d demo records", run, n)
		}
	}
}

// A record that comes with its own reference, in a later batch of a Load,
// is checked against every reference the load gave out before it: one
// already given is refused, as it would be outside a load.
func TestLoadChecksAGivenReferenceAgainstHeldOnes(t *testing.T) {
	s, _, _ := openTest(t)
	load := s.StartLoad()
	first := loadBatch(t, s, 100)
	if err := load.CreateBatch(first, officer, false); err != nil {
		t.Fatal(err)
	}
	second := loadBatch(t, s, 100)
	second[50].(*model.Petition).Ref = first[7].(*model.Petition).Ref
	err := load.CreateBatch(second, officer, false)
	if inv := asInvalid(t, err); inv.Errors[0].Key != "err.ref_taken" {
		t.Fatalf("a reference given twice: %v", err)
	}
	second[50].(*model.Petition).Ref = ""
	if err := load.CreateBatch(second, officer, false); err != nil {
		t.Fatal(err)
	}
	if err := load.Finish(); err != nil {
		t.Fatal(err)
	}
	mustClean(t, s)
}

// A Finish that fails (here the file was moved away while open) keeps
// what it did not write: a Finish after it writes it, instead of removing
// the mark with the entries still missing (then nothing would restore
// them at the next open).
func TestFailedFinishKeepsWhatItHeld(t *testing.T) {
	s, path, c := openTest(t)
	load := s.StartLoad()
	if err := load.CreateBatch(loadBatch(t, s, 150), officer, false); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(path, path+".away"); err != nil {
		t.Fatal(err)
	}
	if err := load.Finish(); !errors.Is(err, store.ErrReplaced) {
		t.Fatalf("Finish with the file moved away: %v", err)
	}
	if err := os.Rename(path+".away", path); err != nil {
		t.Fatal(err)
	}
	if err := load.Finish(); err != nil {
		t.Fatal(err)
	}
	mustClean(t, s)
	s = reopen(t, s, path, c)
	if got := byWho(t, s); len(got) != 150 {
		t.Fatalf("who list after a failed Finish and another: %d rows, want 150", len(got))
	}
}

// A Load holds no more than heldMax records' entries: past it, the next
// batch first writes what is held (a demo of ten million records, which
// gopy demo allows, held ≈ 750 MB until its end).
func TestLoadWritesWhatItHoldsPastItsLimit(t *testing.T) {
	defer store.HeldMax(100)()
	s, _, _ := openTest(t)
	load := s.StartLoad()
	for range 2 {
		if err := load.CreateBatch(loadBatch(t, s, 150), officer, false); err != nil {
			t.Fatal(err)
		}
	}
	if got := byWho(t, s); len(got) != 150 {
		t.Fatalf("who list before Finish: %d rows, want the first batch's 150 (written before the second)", len(got))
	}
	if err := load.Finish(); err != nil {
		t.Fatal(err)
	}
	mustClean(t, s)
	if got := byWho(t, s); len(got) != 300 {
		t.Fatalf("who list after Finish: %d rows", len(got))
	}
}
