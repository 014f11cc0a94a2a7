package store_test

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/oklog/ulid/v2"
	"golang.org/x/text/unicode/norm"

	"gopy/model"
	"gopy/store"
)

func TestCreateFillsMeta(t *testing.T) {
	s, _, c := openTest(t)
	now := c.Now()
	for _, rec := range []model.Record{feedback(day(2026, 6, 1)), session(day(2026, 6, 2)), petition(day(2026, 6, 3), model.ClassProposal)} {
		mustCreate(t, s, rec)
		m := rec.GetMeta()
		id, err := ulid.ParseStrict(m.ID)
		if err != nil {
			t.Fatalf("%s: id %q is not a ULID: %v", rec.Kind(), m.ID, err)
		}
		if got := ulid.Time(id.Time()); !got.Equal(now.Truncate(time.Millisecond)) {
			t.Errorf("%s: ULID time %v, want %v", rec.Kind(), got, now)
		}
		if m.Ward != "HB" {
			t.Errorf("%s: ward %q, want the settings' HB", rec.Kind(), m.Ward)
		}
		if !m.CreatedAt.Equal(now) || m.CreatedBy != officer || !m.UpdatedAt.Equal(now) || m.UpdatedBy != officer {
			t.Errorf("%s: created %v/%q updated %v/%q, want %v/%q", rec.Kind(), m.CreatedAt, m.CreatedBy, m.UpdatedAt, m.UpdatedBy, now, officer)
		}
		want := rec.Kind().RefPrefix() + "-2026-0001"
		if m.Ref != want {
			t.Errorf("%s: ref %q, want %q", rec.Kind(), m.Ref, want)
		}
		got := mustGet(t, s, rec.Kind(), m.ID)
		a, _ := json.Marshal(rec)
		b, _ := json.Marshal(got)
		if string(a) != string(b) {
			t.Errorf("%s: Get returned\n%s\nwant\n%s", rec.Kind(), b, a)
		}
		raw, err := s.RecordJSON(rec.Kind(), m.ID)
		if err != nil || string(raw) != string(a) {
			t.Errorf("%s: RecordJSON %s, %v", rec.Kind(), raw, err)
		}
		if found, err := s.Find(m.ID); err != nil || found.Kind() != rec.Kind() {
			t.Errorf("Find %s: %v, %v", m.ID, found, err)
		}
	}
	if _, err := s.Get(model.KindPetition, ulid.Make().String()); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Get of a missing id: %v, want ErrNotFound", err)
	}
	if _, err := s.Get(model.KindPetition, "not-an-id"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Get of a malformed id: %v, want ErrNotFound", err)
	}
}

func TestRefsPerWardAndYear(t *testing.T) {
	s, _, _ := openTest(t)
	type step struct {
		rec  model.Record
		ward string
		want string
	}
	steps := []step{
		{petition(day(2026, 3, 1), model.ClassReport), "", "KN-2026-0001"},
		{petition(day(2026, 3, 2), model.ClassReport), "HB", "KN-2026-0002"},
		{petition(day(2026, 3, 2), model.ClassReport), "PX", "KN-2026-0001"},
		{petition(day(2025, 12, 31), model.ClassReport), "", "KN-2025-0001"},
		{feedback(day(2026, 1, 1)), "", "GY-2026-0001"},
		{session(day(2026, 1, 1)), "PX", "DT-2026-0001"},
		{petition(day(2025, 1, 1), model.ClassReport), "PX", "KN-2025-0001"},
		{feedback(day(2025, 5, 5)), "PX", "GY-2025-0001"},
		{petition(day(2026, 12, 31), model.ClassReport), "", "KN-2026-0003"},
		{petition(day(2025, 7, 7), model.ClassReport), "PX", "KN-2025-0002"},
		{feedback(day(2026, 2, 2)), "", "GY-2026-0002"},
	}
	for i, st := range steps {
		st.rec.GetMeta().Ward = st.ward
		mustCreate(t, s, st.rec)
		m := st.rec.GetMeta()
		wantWard := st.ward
		if wantWard == "" {
			wantWard = "HB"
		}
		if m.Ref != st.want || m.Ward != wantWard {
			t.Errorf("step %d: ref %q ward %q, want %q %q", i, m.Ref, m.Ward, st.want, wantWard)
		}
	}
}

func TestDueDates(t *testing.T) {
	s, _, _ := openTest(t)
	st, _ := s.Settings()
	st.Deadlines.FeedbackResponseDays = 20
	st.Deadlines.ComplaintDays = 30
	st.Deadlines.DenunciationDays = 60
	st.Deadlines.ProposalDays = 15
	st.Deadlines.ReportDays = 21
	if err := s.SaveSettings(st, officer); err != nil {
		t.Fatal(err)
	}

	// Mon 01/06/2026 + 20 = Sun 21/06: a day off, so Mon 22/06 (BLDS
	// Đ.148 k.5).
	f := feedback(day(2026, 6, 1))
	mustCreate(t, s, f)
	if f.ResponseDue != day(2026, 6, 22) {
		t.Errorf("feedback response due %v, want 22/06/2026", f.ResponseDue)
	}
	// Set by hand: kept.
	f2 := feedback(day(2026, 6, 1))
	f2.ResponseDue = day(2026, 6, 5)
	mustCreate(t, s, f2)
	if f2.ResponseDue != day(2026, 6, 5) {
		t.Errorf("a typed response due was rewritten to %v", f2.ResponseDue)
	}

	// Received Friday 24/04/2026: Sun 26/04 is Giỗ Tổ (compensated Mon
	// 27/04), 30/04 and 01/05 are off, weekends too: the 10th working day
	// is Wednesday 13/05/2026.
	p := petition(day(2026, 4, 24), model.ClassReport)
	mustCreate(t, s, p)
	if p.AckDue != day(2026, 5, 13) {
		t.Errorf("ack due %v, want 13/05/2026", p.AckDue)
	}
	// Received Monday 01/06/2026. Complaint: accepted within 10 days,
	// Thu 11/06; denunciation: 7 working days, 02–05/06 and 08–10/06, Wed
	// 10/06; proposal and report: 10 working days, Mon 15/06. Resolution:
	// a complaint or denunciation has none before it is accepted; a
	// proposal 15 days, Tue 16/06; a report 21 days, Mon 22/06.
	for _, tc := range []struct {
		c        model.Classification
		ack, res model.Date
	}{
		{model.ClassComplaint, day(2026, 6, 11), 0},
		{model.ClassDenunciation, day(2026, 6, 10), 0},
		{model.ClassProposal, day(2026, 6, 15), day(2026, 6, 16)},
		{model.ClassReport, day(2026, 6, 15), day(2026, 6, 22)},
	} {
		p := petition(day(2026, 6, 1), tc.c)
		mustCreate(t, s, p)
		if p.AckDue != tc.ack {
			t.Errorf("%s: ack due %v, want %v", tc.c, p.AckDue, tc.ack)
		}
		if p.ResolutionDue != tc.res {
			t.Errorf("%s: resolution due %v, want %v", tc.c, p.ResolutionDue, tc.res)
		}
		got := mustGet(t, s, model.KindPetition, p.ID).(*model.Petition)
		if got.AckDue != p.AckDue || got.ResolutionDue != p.ResolutionDue {
			t.Errorf("%s: stored dues %v %v, want %v %v", tc.c, got.AckDue, got.ResolutionDue, p.AckDue, p.ResolutionDue)
		}
		if tc.c == model.ClassDenunciation && !got.Confidential {
			t.Error("a denunciation was stored without the confidential flag")
		}
		if tc.res != 0 {
			continue
		}
		// Accepted on Wed 03/06: the term starts. Complaint 30 days, Fri
		// 03/07; denunciation 60 (these Settings), Sun 02/08 → Mon 03/08.
		// Then complex: the complaint gets 45 days, Sat 18/07 → Mon 20/07.
		got.AcceptedOn = day(2026, 6, 3)
		if err := s.Update(got, officer); err != nil {
			t.Fatal(err)
		}
		want := map[model.Classification]model.Date{model.ClassComplaint: day(2026, 7, 3), model.ClassDenunciation: day(2026, 8, 3)}[tc.c]
		if got.ResolutionDue != want || got.Handling != model.HandlingAccepted {
			t.Errorf("%s accepted 03/06: resolution due %v handling %q, want %v", tc.c, got.ResolutionDue, got.Handling, want)
		}
		if tc.c == model.ClassComplaint {
			got.Complex = true
			if err := s.Update(got, officer); err != nil {
				t.Fatal(err)
			}
			if got.ResolutionDue != day(2026, 7, 20) {
				t.Errorf("complex complaint: resolution due %v, want 20/07/2026", got.ResolutionDue)
			}
		}
	}
}

func TestCreateStoresNFC(t *testing.T) {
	s, _, _ := openTest(t)
	name := "Nguyễn Văn An"
	summary := "Phản ánh tranh chấp đất đai ở tổ dân phố Hòa Bình"
	p := petition(day(2026, 6, 1), model.ClassReport)
	p.Name = norm.NFD.String(name)
	p.Summary = norm.NFD.String(summary)
	if p.Name == name {
		t.Fatal("test text is not decomposed")
	}
	mustCreate(t, s, p)
	got := mustGet(t, s, model.KindPetition, p.ID).(*model.Petition)
	if got.Name != name || got.Summary != summary {
		t.Errorf("read back %q / %q, want NFC %q / %q", got.Name, got.Summary, name, summary)
	}
	raw, _ := s.RecordJSON(model.KindPetition, p.ID)
	if !strings.Contains(string(raw), name) || !norm.NFC.IsNormal(raw) {
		t.Errorf("stored JSON is not NFC: %s", raw)
	}
	// The composed and the decomposed query both find it.
	for _, q := range []string{name, norm.NFD.String(name), "nguyen van an"} {
		n, err := s.Count(store.Query{Kind: model.KindPetition, Search: q})
		if err != nil || n != 1 {
			t.Errorf("search %q: %d, %v", q, n, err)
		}
	}
}

func TestInvalidWritesNothing(t *testing.T) {
	s, _, _ := openTest(t)
	mustCreate(t, s, petition(day(2026, 6, 1), model.ClassReport)) // KN-2026-0001
	before := allJSON(t, s)

	bad := petition(day(2026, 6, 1), model.ClassReport)
	bad.Name, bad.Summary, bad.Phone = "", "  ", "call me"
	inv := asInvalid(t, s.Create(bad, officer))
	for field, key := range map[string]string{"name": "err.required", "summary": "err.required", "phone": "err.phone"} {
		if got := inv.Errors.For(field); got != key {
			t.Errorf("field %s: error %q, want %q (all: %v)", field, got, key, inv.Errors)
		}
	}

	fb := feedback(day(2026, 6, 1))
	fb.Points[0].Status = model.AnswerPartial
	fb.Points[0].AnsweredOn = day(2026, 6, 2)
	inv = asInvalid(t, s.Create(fb, officer))
	if inv.Errors.For("points.1.answer") != "err.answer_required" {
		t.Errorf("partial answer without text: %v", inv.Errors)
	}
	if inv := asInvalid(t, s.Create(&model.Feedback{GivenOn: day(2026, 6, 1)}, officer)); inv.Errors.For("points") == "" {
		t.Errorf("feedback without points: %v", inv.Errors)
	}
	if inv := asInvalid(t, s.Create(&model.Session{}, officer)); inv.Errors.For("held_on") != "err.required" || inv.Errors.For("kind") == "" {
		t.Errorf("empty session: %v", inv.Errors)
	}

	// A batch with one bad record writes none of them.
	good := petition(day(2026, 6, 2), model.ClassReport)
	asInvalid(t, s.CreateBatch([]model.Record{good, feedback(day(2026, 6, 2)), &model.Petition{ReceivedOn: day(2026, 6, 3)}}, officer))

	for _, k := range model.Kinds {
		want := 0
		if k == model.KindPetition {
			want = 1
		}
		if n := total(t, s, k); n != want {
			t.Errorf("%s: total %d after refused creates, want %d", k, n, want)
		}
	}
	if after := allJSON(t, s); !reflect.DeepEqual(before, after) {
		t.Errorf("refused creates changed the records:\n%v\n%v", before, after)
	}
	mustClean(t, s)

	// No reference number was used up.
	p := petition(day(2026, 6, 5), model.ClassReport)
	mustCreate(t, s, p)
	if p.Ref != "KN-2026-0002" {
		t.Errorf("next ref %q after refused creates, want KN-2026-0002", p.Ref)
	}
	f := feedback(day(2026, 6, 5))
	mustCreate(t, s, f)
	if f.Ref != "GY-2026-0001" {
		t.Errorf("next feedback ref %q, want GY-2026-0001", f.Ref)
	}
}

func TestCreateNeedsWard(t *testing.T) {
	path := t.TempDir() + "/gopy.db"
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	inv := asInvalid(t, s.Create(petition(day(2026, 6, 1), model.ClassReport), officer))
	if inv.Errors.For("ward") == "" {
		t.Errorf("no ward set: %v", inv.Errors)
	}
}

func TestHistory(t *testing.T) {
	s, _, c := openTest(t)
	p := petition(day(2026, 6, 1), model.ClassReport)
	mustCreate(t, s, p)
	h, err := s.History(p.ID)
	if err != nil || len(h) != 1 || h[0].Action != "create" || h[0].By != officer || !h[0].At.Equal(c.Now()) {
		t.Fatalf("after create: %+v, %v", h, err)
	}

	// Two fields changed: one entry naming exactly those two, old → new.
	c.Add(time.Hour)
	cp := mustGet(t, s, model.KindPetition, p.ID).(*model.Petition)
	oldSummary := cp.Summary
	cp.Summary = "Phản ánh rác thải ở bờ sông, đã tái diễn."
	cp.AssigneeUnit = "Công an phường"
	if err := s.Update(cp, "Lê Minh Tuấn"); err != nil {
		t.Fatal(err)
	}
	if !cp.UpdatedAt.Equal(c.Now()) || cp.UpdatedBy != "Lê Minh Tuấn" {
		t.Errorf("updated %v by %q", cp.UpdatedAt, cp.UpdatedBy)
	}
	h, _ = s.History(p.ID)
	if len(h) != 2 {
		t.Fatalf("history after one update: %+v", h)
	}
	want := []model.FieldChange{
		{Field: "assignee_unit", Old: "", New: "Công an phường"},
		{Field: "summary", Old: oldSummary, New: "Phản ánh rác thải ở bờ sông, đã tái diễn."},
	}
	if u := h[1]; u.Action != "update" || u.By != "Lê Minh Tuấn" || !u.At.Equal(c.Now()) || !reflect.DeepEqual(u.Fields, want) {
		t.Errorf("update entry %+v, want fields %+v", u, want)
	}
	got := mustGet(t, s, model.KindPetition, p.ID).(*model.Petition)
	if got.Summary != cp.Summary || got.AssigneeUnit != "Công an phường" || !got.UpdatedAt.Equal(c.Now()) || got.Ref != p.Ref || !got.CreatedAt.Equal(p.CreatedAt) {
		t.Errorf("stored after update: %+v", got)
	}

	// Nothing changed: nothing recorded, nothing touched.
	c.Add(time.Hour)
	same := mustGet(t, s, model.KindPetition, p.ID).(*model.Petition)
	stamp := same.UpdatedAt
	if err := s.Update(same, "Lê Minh Tuấn"); err != nil {
		t.Fatal(err)
	}
	if h, _ = s.History(p.ID); len(h) != 2 {
		t.Errorf("an update changing nothing added history: %+v", h[2:])
	}
	if got := mustGet(t, s, model.KindPetition, p.ID); !got.GetMeta().UpdatedAt.Equal(stamp) {
		t.Errorf("an update changing nothing moved updated_at to %v", got.GetMeta().UpdatedAt)
	}

	// The ward, reference and creation stamp cannot be changed by an update.
	c.Add(time.Minute)
	forged := mustGet(t, s, model.KindPetition, p.ID).(*model.Petition)
	forged.Ward, forged.Ref, forged.CreatedBy = "XX", "KN-1999-9999", "someone"
	forged.Result = "Đang xác minh."
	if err := s.Update(forged, officer); err != nil {
		t.Fatal(err)
	}
	got = mustGet(t, s, model.KindPetition, p.ID).(*model.Petition)
	if got.Ward != "HB" || got.Ref != p.Ref || got.CreatedBy != officer || got.Result != "Đang xác minh." {
		t.Errorf("update rewrote identity: ward %q ref %q created_by %q", got.Ward, got.Ref, got.CreatedBy)
	}
	mustClean(t, s)

	// Delete: gone, but its history stays with who deleted it.
	c.Add(time.Hour)
	if err := s.Delete(model.KindPetition, p.ID, "Phạm Thị Lan"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(model.KindPetition, p.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("get after delete: %v", err)
	}
	if err := s.Delete(model.KindPetition, p.ID, "Phạm Thị Lan"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("second delete: %v, want ErrNotFound", err)
	}
	h, _ = s.History(p.ID)
	if len(h) != 4 || h[3].Action != "delete" || h[3].By != "Phạm Thị Lan" || !h[3].At.Equal(c.Now()) || !strings.Contains(h[3].Note, p.Ref) {
		t.Errorf("history after delete: %+v", h)
	}
	if n := total(t, s, model.KindPetition); n != 0 {
		t.Errorf("total %d after delete", n)
	}
	if n, _ := s.Count(store.Query{Kind: model.KindPetition}); n != 0 {
		t.Errorf("count %d after delete", n)
	}
}

func TestUpdateStale(t *testing.T) {
	s, _, c := openTest(t)
	f := feedback(day(2026, 6, 1), "Ý kiến thứ nhất.", "Ý kiến thứ hai.")
	mustCreate(t, s, f)
	a := mustGet(t, s, model.KindFeedback, f.ID).(*model.Feedback)
	b := mustGet(t, s, model.KindFeedback, f.ID).(*model.Feedback)

	a.Points[0].Status, a.Points[0].AnsweredOn, a.Points[0].AnsweredBy = model.AnswerAccepted, day(2026, 6, 10), "UBND phường"
	if err := s.Update(a, officer); err != nil {
		t.Fatal(err)
	}
	b.Subject = "Một chủ đề khác"
	if err := s.Update(b, officer); !errors.Is(err, store.ErrStale) {
		t.Fatalf("update from an outdated copy: %v, want ErrStale", err)
	}
	// Two saves in the same clock tick still see each other.
	a.Points[1].Content = "Ý kiến thứ hai, sửa lại."
	if err := s.Update(a, officer); err != nil {
		t.Fatal(err)
	}
	a2 := mustGet(t, s, model.KindFeedback, f.ID).(*model.Feedback)
	a.Points[1].Content = "Sửa lần ba."
	if err := s.Update(a, officer); err != nil {
		t.Fatal(err)
	}
	a2.Subject = "x"
	if err := s.Update(a2, officer); !errors.Is(err, store.ErrStale) {
		t.Errorf("stale copy within one clock tick: %v, want ErrStale", err)
	}
	got := mustGet(t, s, model.KindFeedback, f.ID).(*model.Feedback)
	if got.Subject != f.Subject || got.Points[1].Content != "Sửa lần ba." || got.Points[0].Status != model.AnswerAccepted {
		t.Errorf("stored %+v", got)
	}
	h, _ := s.History(f.ID)
	if len(h) != 4 {
		t.Errorf("history: %+v", h)
	}
	if fs := h[1].Fields; len(fs) != 3 || fs[0].Field != "points.1.answered_by" || fs[1].Field != "points.1.answered_on" || fs[2].Field != "points.1.status" || fs[2].Old != "pending" || fs[2].New != "accepted" {
		t.Errorf("answering a point recorded %+v", fs)
	}
	c.Add(time.Second)

	// An invalid update writes nothing.
	bad := mustGet(t, s, model.KindFeedback, f.ID).(*model.Feedback)
	bad.Points[1].Status = model.AnswerExplained // needs text and a date
	inv := asInvalid(t, s.Update(bad, officer))
	if inv.Errors.For("points.2.answer") == "" || inv.Errors.For("points.2.answered_on") == "" {
		t.Errorf("errors %v", inv.Errors)
	}
	if h2, _ := s.History(f.ID); len(h2) != len(h) {
		t.Errorf("a refused update added history")
	}
	if again := mustGet(t, s, model.KindFeedback, f.ID).(*model.Feedback); again.Points[1].Status != model.AnswerPending {
		t.Errorf("a refused update was stored")
	}
	missing := feedback(day(2026, 6, 1))
	missing.ID = ulid.Make().String()
	if err := s.Update(missing, officer); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("update of a missing record: %v", err)
	}
}

func TestLinks(t *testing.T) {
	s, _, _ := openTest(t)
	ses := session(day(2026, 6, 1))
	mustCreate(t, s, ses)
	other := session(day(2026, 6, 2))
	mustCreate(t, s, other)
	var refs []string
	for i := 0; i < 3; i++ {
		p := petition(day(2026, 6, 1), model.ClassProposal)
		p.Channel, p.SessionID = model.ChannelSession, ses.ID
		mustCreate(t, s, p)
		refs = append(refs, p.Ref)
	}
	walkIn := petition(day(2026, 6, 1), model.ClassProposal)
	mustCreate(t, s, walkIn)

	linkedRefs := func(id string) []string {
		rows, err := s.Linked(id)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range rows {
			out = append(out, r.Ref)
		}
		return out
	}
	if got := linkedRefs(ses.ID); !reflect.DeepEqual(got, refs) {
		t.Errorf("linked to the session: %v, want %v", got, refs)
	}
	if got := linkedRefs(other.ID); len(got) != 0 {
		t.Errorf("linked to the other session: %v", got)
	}

	// Moving one petition to the other session moves its link.
	p := mustGet(t, s, model.KindPetition, mustLinked(t, s, ses.ID)[0].ID).(*model.Petition)
	p.SessionID = other.ID
	if err := s.Update(p, officer); err != nil {
		t.Fatal(err)
	}
	if got := linkedRefs(other.ID); !reflect.DeepEqual(got, refs[:1]) {
		t.Errorf("after moving: other session has %v", got)
	}
	if got := linkedRefs(ses.ID); !reflect.DeepEqual(got, refs[1:]) {
		t.Errorf("after moving: session has %v", got)
	}

	// A petition pointing to a session that does not exist is refused.
	before := total(t, s, model.KindPetition)
	bad := petition(day(2026, 6, 1), model.ClassProposal)
	bad.Channel, bad.SessionID = model.ChannelSession, ulid.Make().String()
	if inv := asInvalid(t, s.Create(bad, officer)); inv.Errors.For("session_id") == "" {
		t.Errorf("missing session: %v", inv.Errors)
	}
	bad.SessionID = "garbage"
	asInvalid(t, s.Create(bad, officer))
	if n := total(t, s, model.KindPetition); n != before {
		t.Errorf("refused petitions were written: %d, want %d", n, before)
	}
	p = mustGet(t, s, model.KindPetition, p.ID).(*model.Petition)
	p.SessionID = ulid.Make().String()
	asInvalid(t, s.Update(p, officer))

	// Feedback points: a petition may come from an existing point only.
	f := feedback(day(2026, 6, 1), "Một.", "Hai.")
	mustCreate(t, s, f)
	fp := petition(day(2026, 6, 3), model.ClassProposal)
	fp.Channel, fp.FeedbackID, fp.PointNo = model.ChannelFeedback, f.ID, 3
	if inv := asInvalid(t, s.Create(fp, officer)); inv.Errors.For("point_no") == "" {
		t.Errorf("point 3 of 2: %v", inv.Errors)
	}
	fp.PointNo = 2
	mustCreate(t, s, fp)
	if rows := mustLinked(t, s, f.ID); len(rows) != 1 || rows[0].ID != fp.ID {
		t.Errorf("linked to the feedback: %+v", rows)
	}
}

func mustLinked(t *testing.T, s *store.Store, id string) []model.Row {
	t.Helper()
	rows, err := s.Linked(id)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// Deleting a session (a duplicate typed twice, say) must not lock its
// petitions: they stay editable.
func TestPetitionEditableAfterParentDeleted(t *testing.T) {
	s, _, c := openTest(t)
	ses := session(day(2026, 6, 1))
	mustCreate(t, s, ses)
	p := petition(day(2026, 6, 1), model.ClassProposal)
	p.Channel, p.SessionID = model.ChannelSession, ses.ID
	mustCreate(t, s, p)
	f := feedback(day(2026, 6, 1), "Một.", "Hai.")
	mustCreate(t, s, f)
	fp := petition(day(2026, 6, 2), model.ClassProposal)
	fp.Channel, fp.FeedbackID, fp.PointNo = model.ChannelFeedback, f.ID, 2
	mustCreate(t, s, fp)

	c.Add(time.Hour)
	if err := s.Delete(model.KindSession, ses.ID, officer); err != nil {
		t.Fatal(err)
	}
	// The feedback loses its second point.
	f = mustGet(t, s, model.KindFeedback, f.ID).(*model.Feedback)
	f.Points = f.Points[:1]
	if err := s.Update(f, officer); err != nil {
		t.Fatal(err)
	}
	mustClean(t, s)

	for _, id := range []string{p.ID, fp.ID} {
		got := mustGet(t, s, model.KindPetition, id).(*model.Petition)
		got.Status, got.Handling = model.StatusInProgress, model.HandlingAccepted
		got.AcknowledgedOn = day(2026, 6, 5)
		if err := s.Update(got, officer); err != nil {
			t.Errorf("updating %s after its parent changed: %v", got.Ref, err)
		}
	}
}

func TestSettingsHistory(t *testing.T) {
	s, _, c := openTest(t)
	c.Add(time.Hour)
	st, _ := s.Settings()
	st.Deadlines.ComplaintDays = 45
	st.Officers = []string{"Nguyễn Văn Hùng"}
	if err := s.SaveSettings(st, "Nguyễn Văn Hùng"); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Settings()
	if got.Deadlines.ComplaintDays != 45 || len(got.Officers) != 1 {
		t.Errorf("settings read back %+v", got)
	}
	h, err := s.SettingsHistory()
	if err != nil || len(h) != 2 {
		t.Fatalf("settings history %+v, %v", h, err)
	}
	last := h[1]
	if last.By != "Nguyễn Văn Hùng" || len(last.Fields) != 2 || last.Fields[0].Field != "deadlines.complaint_days" || last.Fields[0].Old != "30" || last.Fields[0].New != "45" || last.Fields[1].Field != "officers.1" {
		t.Errorf("settings change recorded as %+v", last)
	}
	st.WardCode = "bad code!"
	if inv := asInvalid(t, s.SaveSettings(st, officer)); inv.Errors.For("ward_code") == "" {
		t.Errorf("bad ward code: %v", inv.Errors)
	}
}

func TestDrafts(t *testing.T) {
	s, path, c := openTest(t)
	if d, err := s.Drafts(); err != nil || len(d) != 0 {
		t.Fatalf("drafts on a new database: %v, %v", d, err)
	}
	form := []byte(`{"name":"Nguyễn Văn An","summary":"đang gõ…"}`)
	if err := s.SaveDraft("petition/new", form); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveDraft("feedback/01J", []byte("x")); err != nil {
		t.Fatal(err)
	}
	form2 := append(form[:len(form):len(form)], ' ')
	if err := s.SaveDraft("petition/new", form2); err != nil {
		t.Fatal(err)
	}
	s = reopen(t, s, path, c) // a draft survives a restart
	d, err := s.Drafts()
	if err != nil || len(d) != 2 || string(d["petition/new"]) != string(form2) || string(d["feedback/01J"]) != "x" {
		t.Fatalf("drafts: %q, %v", d, err)
	}
	if err := s.DeleteDraft("petition/new"); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteDraft("never-saved"); err != nil {
		t.Errorf("deleting an absent draft: %v", err)
	}
	if d, _ := s.Drafts(); len(d) != 1 || d["feedback/01J"] == nil {
		t.Errorf("after delete: %q", d)
	}
}

// A refused batch (one bad record) is fixed and saved again, as a session
// form with its petitions would be: the references handed out by the
// refused attempt were rolled back, so they must not be reused.
func TestRefusedBatchRetried(t *testing.T) {
	s, _, _ := openTest(t)
	a := petition(day(2026, 6, 1), model.ClassReport)
	b := petition(day(2026, 6, 1), model.ClassReport)
	b.Name = ""
	asInvalid(t, s.CreateBatch([]model.Record{a, b}, officer))
	if m := a.GetMeta(); m.ID != "" || m.Ref != "" || !m.CreatedAt.IsZero() {
		t.Errorf("a refused batch left %q %q %v in the caller's record", m.ID, m.Ref, m.CreatedAt)
	}
	b.Name = "Lê Văn Tám"
	if err := s.CreateBatch([]model.Record{a, b}, officer); err != nil {
		t.Fatal(err)
	}
	c := petition(day(2026, 6, 2), model.ClassReport)
	mustCreate(t, s, c)
	refs := map[string]bool{a.Ref: true, b.Ref: true, c.Ref: true}
	if len(refs) != 3 || !refs["KN-2026-0001"] || !refs["KN-2026-0002"] || !refs["KN-2026-0003"] {
		t.Errorf("refs after a retried batch: %s %s %s", a.Ref, b.Ref, c.Ref)
	}
}
