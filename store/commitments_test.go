package store_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gopy/model"
	"gopy/store"
)

// answeredFeedback is a feedback whose first point is accepted, second
// explained, third pending.
func answeredFeedback(t *testing.T, s *store.Store) *model.Feedback {
	t.Helper()
	f := feedback(day(2026, time.March, 2), "Nạo vét cống thoát nước tổ dân phố 5.", "Mở rộng chợ.", "Lắp camera.")
	f.Points[0].Status, f.Points[0].AnsweredOn, f.Points[0].Answer = model.AnswerAccepted, day(2026, time.March, 20), "Tiếp thu"
	f.Points[1].Status, f.Points[1].AnsweredOn, f.Points[1].Answer = model.AnswerExplained, day(2026, time.March, 20), "Chưa có quỹ đất"
	mustCreate(t, s, f)
	return f
}

func drainCommitment(f *model.Feedback, point int, due model.Date) *model.Commitment {
	return &model.Commitment{MadeOn: day(2026, time.March, 20), FeedbackID: f.ID, PointNo: point,
		What: "Nạo vét cống thoát nước tổ dân phố 5 trước mùa mưa", Unit: "UBND phường", Officer: "Phó Chủ tịch Lê Văn Tâm", Due: due}
}

func TestCommitmentLinksAndOverdue(t *testing.T) {
	s, _, _ := openTest(t)
	f := answeredFeedback(t, s)
	ss := session(day(2026, time.April, 2))
	mustCreate(t, s, ss)

	// Only an accepted (or partly accepted) point carries a commitment.
	for point, key := range map[int]string{2: "err.commitment_not_accepted", 3: "err.commitment_not_accepted", 4: "err.not_found"} {
		err := s.Create(drainCommitment(f, point, day(2026, time.May, 31)), officer)
		if got := asInvalid(t, err).Errors.For("point_no"); got != key {
			t.Errorf("point %d: %q, want %q", point, got, key)
		}
	}
	c1 := drainCommitment(f, 1, day(2026, time.May, 31)) // overdue on 15/06
	mustCreate(t, s, c1)
	if !strings.HasPrefix(c1.Ref, "CK-2026-") {
		t.Errorf("ref %q", c1.Ref)
	}
	c2 := &model.Commitment{MadeOn: ss.HeldOn, SessionID: ss.ID, What: "Sửa đèn đường hẻm 12", Due: day(2026, time.June, 30)}
	mustCreate(t, s, c2)
	bad := &model.Commitment{MadeOn: ss.HeldOn, SessionID: c1.ID, What: "x", Due: day(2026, time.June, 30)}
	if got := asInvalid(t, s.Create(bad, officer)).Errors.For("session_id"); got != "err.not_found" {
		t.Errorf("commitment on a missing session: %q", got)
	}

	// Links both ways: the parent lists the commitment.
	for parent, child := range map[string]string{f.ID: c1.ID, ss.ID: c2.ID} {
		rows, err := s.Linked(parent)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 1 || rows[0].ID != child || rows[0].Kind != model.KindCommitment {
			t.Errorf("linked to %s: %+v", parent, rows)
		}
	}

	today := s.Today()
	count := func(q store.Query) int {
		t.Helper()
		q.Kind, q.Today = model.KindCommitment, today
		n, err := s.Count(q)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := count(store.Query{Overdue: true}); n != 1 {
		t.Errorf("overdue %d, want 1", n)
	}
	if n := count(store.Query{Search: "nao vet cong"}); n != 1 {
		t.Errorf("search %d, want 1", n)
	}
	if n := count(store.Query{Status: string(model.CommitmentPlanned)}); n != 2 {
		t.Errorf("planned %d, want 2", n)
	}

	// Closing it (read–modify–write) takes it off the overdue list.
	err := s.Modify(model.KindCommitment, c1.ID, officer, func(r model.Record) error {
		r.(*model.Commitment).Apply(model.CommitmentChange{State: model.CommitmentDone, On: today, By: officer,
			Note: "Đã nạo vét xong", EvidenceDocNo: "25/BC-UBND", EvidenceDate: today})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := count(store.Query{Overdue: true}); n != 0 {
		t.Errorf("overdue after closing %d, want 0", n)
	}
	if n := count(store.Query{Status: string(model.CommitmentDone)}); n != 1 {
		t.Errorf("done %d, want 1", n)
	}
	got := mustGet(t, s, model.KindCommitment, c1.ID).(*model.Commitment)
	if got.DoneOn != today || len(got.Progress) != 1 || got.EvidenceDocNo != "25/BC-UBND" {
		t.Errorf("closed: %+v", got)
	}
	// Dropping needs a reason: refused whole, nothing written.
	err = s.Modify(model.KindCommitment, c2.ID, officer, func(r model.Record) error {
		r.(*model.Commitment).Apply(model.CommitmentChange{State: model.CommitmentDropped, On: today})
		return nil
	})
	if got := asInvalid(t, err).Errors.For("dropped_reason"); got != "err.required" {
		t.Errorf("drop without reason: %q", got)
	}
	if n := count(store.Query{Status: string(model.CommitmentPlanned)}); n != 1 {
		t.Errorf("planned after a refused drop %d, want 1", n)
	}
	mustClean(t, s)
}

func TestRepeatedPetitionsNumbered(t *testing.T) {
	s, _, _ := openTest(t)
	p1 := petition(day(2026, time.January, 5), model.ClassReport)
	mustCreate(t, s, p1)
	p2 := petition(day(2026, time.March, 5), model.ClassReport)
	p2.RepeatOf = p1.ID
	mustCreate(t, s, p2)
	p3 := petition(day(2026, time.May, 5), model.ClassReport)
	p3.RepeatOf = p2.ID
	mustCreate(t, s, p3)
	if p2.RepeatNo != 2 || p3.RepeatNo != 3 || p3.RepeatRoot != p1.ID {
		t.Errorf("repeat numbers %d %d root %s", p2.RepeatNo, p3.RepeatNo, p3.RepeatRoot)
	}
	early := petition(day(2026, time.January, 1), model.ClassReport)
	early.RepeatOf = p1.ID
	if got := asInvalid(t, s.Create(early, officer)).Errors.For("repeat_of"); got != "err.repeat_later" {
		t.Errorf("repeat of a later petition: %q", got)
	}
	// Two petitions of the same day cannot repeat each other.
	pa := petition(day(2026, time.June, 1), model.ClassReport)
	mustCreate(t, s, pa)
	pb := petition(day(2026, time.June, 1), model.ClassReport)
	pb.RepeatOf = pa.ID
	mustCreate(t, s, pb)
	err := s.Modify(model.KindPetition, pa.ID, officer, func(r model.Record) error {
		r.(*model.Petition).RepeatOf = pb.ID
		return nil
	})
	if got := asInvalid(t, err).Errors.For("repeat_of"); got != "err.repeat_cycle" {
		t.Errorf("cycle: %q", got)
	}
	// An edit that leaves the link alone keeps the number.
	err = s.Modify(model.KindPetition, p3.ID, officer, func(r model.Record) error {
		r.(*model.Petition).Summary += " Lần thứ ba."
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := mustGet(t, s, model.KindPetition, p3.ID).(*model.Petition); got.Times() != 3 {
		t.Errorf("after an edit: raised %d times", got.Times())
	}
	mustClean(t, s)
}

// Commitments and information items travel in a bundle and in the CSV
// ledger, and come back as they left.
func TestFollowUpRecordsTravel(t *testing.T) {
	s, _, _ := openTest(t)
	f := answeredFeedback(t, s)
	f2 := mustGet(t, s, model.KindFeedback, f.ID).(*model.Feedback)
	f2.Points[0].Assessment, f2.Points[0].AssessedOn, f2.Points[0].AssessmentNote = model.AssessPartly, day(2026, time.April, 1), "Chậm"
	f2.DraftSentBy = "Đảng ủy phường"
	if err := s.Update(f2, officer); err != nil {
		t.Fatal(err)
	}
	c := drainCommitment(f, 1, day(2026, time.May, 31))
	c.Progress = []model.ProgressNote{{On: day(2026, time.April, 10), By: officer, Text: "Đã khảo sát"}}
	mustCreate(t, s, c)
	info := &model.Information{Item: "Kết luận thanh tra đất đai", Category: model.InfoInspection, OwedBy: model.TargetGovernment,
		OwedByName: "UBND phường", DueOn: day(2026, time.April, 30), ProvidedOn: day(2026, time.May, 3), How: model.InfoWritten}
	mustCreate(t, s, info)
	before := allJSON(t, s)

	var buf bytes.Buffer
	if _, err := s.Export(&buf, store.ExportOptions{By: officer}); err != nil {
		t.Fatal(err)
	}
	bundle := filepath.Join(t.TempDir(), "hb.gopy")
	if err := os.WriteFile(bundle, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	province, _, _ := openTest(t)
	pst, _ := province.Settings()
	pst.WardCode, pst.WardName = "HN", "Thành phố Hà Nội"
	if err := province.SaveSettings(pst, officer); err != nil {
		t.Fatal(err)
	}
	if _, err := province.ImportBundle(bundle, false, officer); err != nil {
		t.Fatal(err)
	}
	after := allJSON(t, province)
	for _, k := range []model.Kind{model.KindFeedback, model.KindCommitment, model.KindInformation} {
		if len(after[k]) != 1 || after[k][0] != before[k][0] {
			t.Errorf("%s after the bundle:\n got %v\nwant %v", k, after[k], before[k])
		}
	}
	mustClean(t, province)

	// CSV: export each kind's ledger and read it back.
	for _, k := range []model.Kind{model.KindCommitment, model.KindInformation, model.KindFeedback} {
		recs, err := store.ParseCSV(bytes.NewReader(readFile(t, ledger(t, s, k, nil))), time.Now(), nil)
		if err != nil {
			t.Fatalf("%s: %v", k, err)
		}
		if len(recs) != 1 || recs[0].Rec.Kind() != k {
			t.Fatalf("%s: read back %d records", k, len(recs))
		}
		switch v := recs[0].Rec.(type) {
		case *model.Commitment:
			if v.What != c.What || v.Due != c.Due || v.FeedbackID != f.ID || v.PointNo != 1 || len(v.Progress) != 1 {
				t.Errorf("commitment from CSV: %+v", v)
			}
		case *model.Information:
			if v.Item != info.Item || v.ProvidedOn != info.ProvidedOn || v.How != model.InfoWritten {
				t.Errorf("information from CSV: %+v", v)
			}
		case *model.Feedback:
			if v.DraftSentBy != "Đảng ủy phường" || v.Points[0].Assessment != model.AssessPartly || v.Points[0].AssessedOn != day(2026, time.April, 1) {
				t.Errorf("feedback from CSV: %+v", v)
			}
		}
	}
}

// Linking the first petition of a chain to an earlier one renumbers the
// later petitions of the chain in the same transaction (review B1): every
// petition says which raising it is and the matter has one root, so
// "matters raised three times or more" counts it once, under its root.
func TestRepeatChainRenumbered(t *testing.T) {
	s, _, _ := openTest(t)
	p0 := petition(day(2025, time.December, 1), model.ClassReport)
	mustCreate(t, s, p0)
	p1 := petition(day(2026, time.January, 5), model.ClassReport)
	mustCreate(t, s, p1)
	p2 := petition(day(2026, time.March, 5), model.ClassReport)
	p2.RepeatOf = p1.ID
	mustCreate(t, s, p2)
	p3 := petition(day(2026, time.May, 5), model.ClassReport)
	p3.RepeatOf = p2.ID
	mustCreate(t, s, p3)
	check := func(when string, root string, want map[string]int) {
		t.Helper()
		for _, p := range []*model.Petition{p0, p1, p2, p3} {
			got := mustGet(t, s, model.KindPetition, p.ID).(*model.Petition)
			if got.Times() != want[p.ID] || got.RepeatOf != "" && got.RepeatRoot != root {
				t.Errorf("%s: %s is raising %d of matter %s, want %d of %s", when, got.Ref, got.Times(), got.RepeatRoot, want[p.ID], root)
			}
		}
		// The list rows (which the report counts) say the same.
		err := s.ScanRows(model.KindPetition, 0, 0, func(r *model.Row) error {
			if n := max(want[r.ID], 1); max(r.RepeatNo, 1) != n || r.RepeatNo > 1 && r.Matter != root {
				t.Errorf("%s: row %s raising %d matter %s, want %d of %s", when, r.Ref, r.RepeatNo, r.Matter, n, root)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		mustClean(t, s)
	}
	check("before", p1.ID, map[string]int{p0.ID: 1, p1.ID: 1, p2.ID: 2, p3.ID: 3})
	relink := func(to string) {
		t.Helper()
		if err := s.Modify(model.KindPetition, p1.ID, officer, func(r model.Record) error {
			r.(*model.Petition).RepeatOf = to
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	before := mustGet(t, s, model.KindPetition, p3.ID).GetMeta().UpdatedAt
	relink(p0.ID)
	check("p1 repeats p0", p0.ID, map[string]int{p0.ID: 1, p1.ID: 2, p2.ID: 3, p3.ID: 4})
	// p3's renumbering is a change of its own: a bundle carries it.
	if after := mustGet(t, s, model.KindPetition, p3.ID).GetMeta().UpdatedAt; !after.After(before) {
		t.Errorf("p3 updated at %v, not after %v", after, before)
	}
	h, err := s.History(p3.ID)
	if err != nil || len(h) < 2 || h[len(h)-1].Action != "update" {
		t.Errorf("p3's history %+v (%v), want an update last", h, err)
	}
	// The report of 2026: p1, p2 and p3 are repeats; one matter (p0's) is
	// raised three times or more (p2 is its 3rd raising, p3 its 4th).
	agg := model.NewAggregator(model.Period{From: day(2026, 1, 1), To: day(2026, 12, 31)}, day(2026, 12, 31), &model.Settings{})
	if err := s.ScanRows(model.KindPetition, 0, 0, func(r *model.Row) error { agg.Add(r); return nil }); err != nil {
		t.Fatal(err)
	}
	if got := agg.Result().Petitions; got.MattersRaised3 != 1 || got.Repeated != 3 {
		t.Errorf("2026: %d matters raised ≥ 3 times, %d repeated; want 1 and 3", got.MattersRaised3, got.Repeated)
	}
	relink("")
	check("p1 unlinked", p1.ID, map[string]int{p0.ID: 1, p1.ID: 1, p2.ID: 2, p3.ID: 3})
}
