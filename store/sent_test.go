package store_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"gopy/model"
	"gopy/store"
)

func sendQ2(t *testing.T, s *store.Store, c *clock) store.SentReport {
	t.Helper()
	q2 := model.Period{From: day(2026, 4, 1), To: day(2026, 6, 30)}
	vs, err := s.RecordVersions(q2)
	if err != nil {
		t.Fatal(err)
	}
	r := store.SentReport{Profile: model.DefaultProfiles()[0], Period: q2, Number: "12-BC/ĐU",
		IssuedOn: day(2026, 7, 2), SentAt: c.Now(), SentBy: officer, Lang: "vi", Figures: []byte("{\n  \"x\": 1\n}\n")}
	if err := s.Send(&r, vs); err != nil {
		t.Fatal(err)
	}
	return r
}

// A record of a sent period changes only with a reason, which its history
// keeps; without one nothing is written.
func TestLockedPeriodNeedsReason(t *testing.T) {
	s, _, c := openTest(t)
	inQ2 := petition(day(2026, 5, 10), model.ClassProposal)
	mustCreate(t, s, inQ2)
	c.Set(vn(2026, time.July, 2, 9, 0))
	sent := sendQ2(t, s, c)
	if sent.Records != 1 || sent.SHA256 == "" {
		t.Fatalf("sent %d records, hash %q", sent.Records, sent.SHA256)
	}
	before := allJSON(t, s)

	var le *store.LockedError
	rec := mustGet(t, s, model.KindPetition, inQ2.ID).(*model.Petition)
	rec.Summary = "Nội dung đã sửa"
	if err := s.Update(rec, officer); !errors.As(err, &le) || le.Number != "12-BC/ĐU" {
		t.Fatalf("update without reason: %v", err)
	}
	if err := s.Delete(model.KindPetition, inQ2.ID, officer); !errors.As(err, &le) {
		t.Fatalf("delete without reason: %v", err)
	}
	if err := s.Create(petition(day(2026, 6, 30), model.ClassReport), officer); !errors.As(err, &le) {
		t.Fatalf("create in a sent period without reason: %v", err)
	}
	// Moving a record out of the period is a change to the period too.
	moved := mustGet(t, s, model.KindPetition, inQ2.ID).(*model.Petition)
	moved.ReceivedOn = day(2026, 3, 31)
	if err := s.Update(moved, officer); !errors.As(err, &le) {
		t.Fatalf("moving out of a sent period without reason: %v", err)
	}
	if got := allJSON(t, s); !equalJSON(got, before) {
		t.Fatal("a refused change wrote something")
	}
	mustCreate(t, s, petition(day(2026, 7, 1), model.ClassReport)) // next quarter: free

	c.Add(time.Hour)
	err := s.Amending("Sửa nội dung theo đơn gốc", func() error { return s.Update(rec, officer) })
	if err != nil {
		t.Fatal(err)
	}
	h, err := s.History(inQ2.ID)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(h, func(ch model.Change) bool { return ch.Action == "amend" })
	if i < 0 || h[i].Note != "12-BC/ĐU 2026-Q2: Sửa nội dung theo đơn gốc" {
		t.Fatalf("history has no amendment: %+v", h)
	}
	am, err := s.Amendments(sent.Period, sent.SentAt)
	if err != nil || len(am) != 1 || am[0].Ref != rec.Ref || am[0].Action != "update" {
		t.Fatalf("amendments = %+v, %v", am, err)
	}
	// The reason applies only inside Amending.
	rec = mustGet(t, s, model.KindPetition, inQ2.ID).(*model.Petition)
	rec.Summary = "Lần nữa"
	if err := s.Update(rec, officer); !errors.As(err, &le) {
		t.Fatalf("a later change without reason: %v", err)
	}
}

// A sent report reads back as stored, and any change to its bytes is
// caught by its checksum.
func TestSentReportChecksum(t *testing.T) {
	s, path, c := openTest(t)
	mustCreate(t, s, feedback(day(2026, 4, 3), "ý kiến"))
	c.Set(vn(2026, time.July, 2, 9, 0))
	sent := sendQ2(t, s, c)
	got, vs, err := s.Sent(sent.ID)
	if err != nil {
		t.Fatal(err)
	}
	if string(got.Figures) != "{\n  \"x\": 1\n}\n" || got.Number != sent.Number || len(vs) != 1 {
		t.Fatalf("read back %+v %v", got, vs)
	}
	// Sending the period again is an amendment, never a second original.
	dup := sent
	dup.ID, dup.Seq = "", 0
	if err := s.Send(&dup, nil); err == nil {
		t.Fatal("a second original for the same period and profile was accepted")
	}
	dup.Seq, dup.Amends = 1, sent.ID
	if err := s.Send(&dup, nil); err != nil {
		t.Fatalf("amendment report: %v", err)
	}

	s.Close()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	id, _ := model.ParseID(sent.ID)
	err = db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("sent")).Put(append(id[:], 'f'), []byte("{\n  \"x\": 2\n}\n"))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	s2, err := store.Open(path, store.Options{Now: c.Now})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if _, _, err := s2.Sent(sent.ID); !errors.Is(err, store.ErrSentTampered) {
		t.Fatalf("altered figures: %v", err)
	}
}

func TestProfilesDefaultAndSaved(t *testing.T) {
	s, _, _ := openTest(t)
	list, err := s.Profiles()
	if err != nil || len(list) != 3 {
		t.Fatalf("defaults: %v %v", list, err)
	}
	list[0].Signer = "Lê Văn Ký"
	list[0].Recipients = []string{" Ban Dân vận ", "Ban Dân vận"}
	if err := s.SaveProfiles(list, officer); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Profiles()
	if got[0].Signer != "Lê Văn Ký" || len(got[0].Recipients) != 1 {
		t.Fatalf("saved: %+v", got[0])
	}
	bad := slices.Clone(got)
	bad[1].Sender = "bogus"
	var inv *store.Invalid
	if err := s.SaveProfiles(bad, officer); !errors.As(err, &inv) {
		t.Fatalf("bad sender: %v", err)
	}
}

func equalJSON(a, b map[model.Kind][]string) bool {
	for k, v := range a {
		if !slices.Equal(v, b[k]) {
			return false
		}
	}
	return len(a) == len(b)
}

// Renumbering the later repeats of a petition is a change to them: one
// dated in a reported period needs the reason too.
func TestRepeatRenumberingRespectsLock(t *testing.T) {
	s, _, c := openTest(t)
	p0 := petition(day(2026, 1, 5), model.ClassProposal)
	p1 := petition(day(2026, 2, 5), model.ClassProposal)
	mustCreate(t, s, p0)
	mustCreate(t, s, p1)
	p2 := petition(day(2026, 5, 5), model.ClassProposal)
	p2.RepeatOf = p1.ID
	mustCreate(t, s, p2)
	c.Set(vn(2026, time.July, 2, 9, 0))
	sendQ2(t, s, c)

	rec := mustGet(t, s, model.KindPetition, p1.ID).(*model.Petition)
	rec.RepeatOf = p0.ID // p1 becomes the second raising, p2 the third
	var le *store.LockedError
	if err := s.Update(rec, officer); !errors.As(err, &le) || le.Ref != p2.Ref {
		t.Fatalf("renumbering a reported petition without reason: %v", err)
	}
	if got := mustGet(t, s, model.KindPetition, p2.ID).(*model.Petition); got.RepeatNo != 2 {
		t.Fatalf("p2 renumbered to %d without a reason", got.RepeatNo)
	}
	if err := s.Amending("Nối vào chuỗi đơn trước", func() error { return s.Update(rec, officer) }); err != nil {
		t.Fatal(err)
	}
	if got := mustGet(t, s, model.KindPetition, p2.ID).(*model.Petition); got.RepeatNo != 3 {
		t.Fatalf("p2 is repeat %d, want 3", got.RepeatNo)
	}
}

// Once accounts exist a sent report names who sent it: the signed-in user,
// not the name the caller passed (Settings' officer); a viewer cannot send.
func TestSentReportSignedBySignedInUser(t *testing.T) {
	s, _, c, _ := setUp(t)
	mustCreate(t, s, petition(day(2026, 5, 10), model.ClassProposal))
	if err := s.AddUser(model.User{Name: "viewer", Role: model.RoleViewer}, "viewer passphrase"); err != nil {
		t.Fatal(err)
	}
	c.Set(vn(2026, time.July, 2, 9, 0))
	sent := sendQ2(t, s, c)
	if sent.SentBy != "admin" {
		t.Errorf("sent by %q, want the signed-in admin (not %q)", sent.SentBy, officer)
	}
	got, err := s.SentReports()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].SentBy != "admin" {
		t.Errorf("stored: %+v", got)
	}
	if _, err := s.SignIn("viewer", "viewer passphrase"); err != nil {
		t.Fatal(err)
	}
	q3 := model.Period{From: day(2026, 7, 1), To: day(2026, 9, 30)}
	r := store.SentReport{Profile: model.DefaultProfiles()[0], Period: q3, Number: "13-BC/ĐU",
		IssuedOn: day(2026, 10, 2), SentAt: c.Now(), SentBy: officer, Lang: "vi", Figures: []byte("{}")}
	if err := s.Send(&r, nil); !errors.Is(err, store.ErrForbidden) {
		t.Errorf("a viewer sent a report: %v", err)
	}
}

// A viewer may read the report profiles and narratives but change neither;
// an officer may, and the settings' history names the signed-in officer.
func TestViewerCannotChangeProfilesOrNarratives(t *testing.T) {
	s, _, _, _ := setUp(t)
	for _, u := range []model.User{{Name: "viewer", Role: model.RoleViewer}, {Name: "officer", Role: model.RoleOfficer}} {
		if err := s.AddUser(u, u.Name+" passphrase"); err != nil {
			t.Fatal(err)
		}
	}
	profiles := model.DefaultProfiles()
	profiles[0].Subject = "Báo cáo thử nghiệm"
	q2 := model.Period{From: day(2026, 4, 1), To: day(2026, 6, 30)}
	story := model.Narrative{Results: "Kết quả hư cấu."}

	if _, err := s.SignIn("viewer", "viewer passphrase"); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveProfiles(profiles, "viewer"); !errors.Is(err, store.ErrForbidden) {
		t.Errorf("a viewer saved the report profiles: %v", err)
	}
	if err := s.SaveNarrative(profiles[0].Name, q2, story); !errors.Is(err, store.ErrForbidden) {
		t.Errorf("a viewer saved a narrative: %v", err)
	}
	if got, err := s.Profiles(); err != nil || got[0].Subject == profiles[0].Subject {
		t.Errorf("profiles after the viewer: %v, %v", got, err)
	}
	if _, ok, err := s.Narrative(profiles[0].Name, q2); err != nil || ok {
		t.Errorf("narrative after the viewer: %v, %v", ok, err)
	}

	if _, err := s.SignIn("officer", "officer passphrase"); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveProfiles(profiles, "Tên gõ tay"); err != nil {
		t.Fatalf("officer: %v", err)
	}
	if err := s.SaveNarrative(profiles[0].Name, q2, story); err != nil {
		t.Fatalf("officer: %v", err)
	}
	if n, ok, err := s.Narrative(profiles[0].Name, q2); err != nil || !ok || n.Results != story.Results {
		t.Errorf("narrative: %+v, %v, %v", n, ok, err)
	}
	h, err := s.SettingsHistory()
	if err != nil {
		t.Fatal(err)
	}
	if len(h) == 0 || h[len(h)-1].By != "officer" {
		t.Errorf("settings history: %+v, want the last change by the signed-in officer", h)
	}
}
