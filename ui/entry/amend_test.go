package entry

import (
	"slices"
	"strings"
	"testing"
	"time"

	"gopy/model"
	"gopy/store"
)

// A record of a period already reported saves only with a reason: the
// form asks for it, esc leaves nothing saved, and the reason given goes to
// the record's history.
func TestFormAsksAmendmentReason(t *testing.T) {
	s, _ := openStore(t)
	ctx := testCtx(t, s)
	ses := &model.Session{Type: model.SessionReception, HeldOn: model.NewDate(2026, 2, 10), HostRole: model.HostPartySecretary,
		HostName: "Bí thư Nguyễn Văn Thành", Participants: 12}
	if err := s.Create(ses, "test"); err != nil {
		t.Fatal(err)
	}
	q1 := model.Period{From: model.NewDate(2026, 1, 1), To: model.NewDate(2026, 3, 31)}
	vs, _ := s.RecordVersions(q1)
	r := store.SentReport{Profile: model.DefaultProfiles()[1], Period: q1, Number: "3/BC-UBND", SentAt: time.Now(), Figures: []byte("{}")}
	if err := s.Send(&r, vs); err != nil {
		t.Fatal(err)
	}

	f := EditSession(ctx, ses)
	focusOn(t, f, "participants")
	press(f, "ctrl+u")
	typeText(f, "15")
	if got := run(t, f, press(f, "ctrl+s")); len(got) != 0 {
		t.Fatalf("saved without a reason: %v", got)
	}
	mustContain(t, f, "Kỳ 2026-Q1 đã báo cáo (số 3/BC-UBND). Lý do điều chỉnh:")
	checkFrame(t, f)
	press(f, "esc")
	mustContain(t, f, "! Chưa lưu: kỳ này đã báo cáo")
	if got, _ := s.Get(model.KindSession, ses.ID); got.(*model.Session).Participants != 12 {
		t.Fatal("the record changed without a reason")
	}

	run(t, f, press(f, "ctrl+s"))
	press(f, "enter") // no reason yet: asked again
	mustContain(t, f, "Cần nêu lý do điều chỉnh")
	typeText(f, "Đếm lại theo sổ ký tên")
	msgs := run(t, f, press(f, "enter"))
	if len(msgs) != 1 {
		t.Fatalf("save with a reason gave %v\n%s", msgs, view(f))
	}
	if got, _ := s.Get(model.KindSession, ses.ID); got.(*model.Session).Participants != 15 {
		t.Fatal("the change was not saved")
	}
	h := history(t, s, ses.ID)
	if !slices.ContainsFunc(h, func(c model.Change) bool {
		return c.Action == "amend" && strings.HasSuffix(c.Note, "Đếm lại theo sổ ký tên")
	}) {
		t.Fatalf("history: %+v", h)
	}
}

// Deleting a record of a reported period asks for the reason too.
func TestDeleteAsksAmendmentReason(t *testing.T) {
	s, _ := openStore(t)
	ses := &model.Session{Type: model.SessionReception, HeldOn: model.NewDate(2026, 2, 10), HostRole: model.HostPartySecretary,
		HostName: "Bí thư Nguyễn Văn Thành", Participants: 12}
	if err := s.Create(ses, "test"); err != nil {
		t.Fatal(err)
	}
	q1 := model.Period{From: model.NewDate(2026, 1, 1), To: model.NewDate(2026, 3, 31)}
	r := store.SentReport{Profile: model.DefaultProfiles()[0], Period: q1, Number: "5-BC/ĐU", SentAt: time.Now(), Figures: []byte("{}")}
	if err := s.Send(&r, nil); err != nil {
		t.Fatal(err)
	}
	d := ConfirmDelete(testCtx(t, s), ses)
	if got := run(t, d, press(d, "y")); len(got) != 0 {
		t.Fatalf("deleted without a reason: %v", got)
	}
	mustContain(t, d, "Kỳ 2026-Q1 đã báo cáo (số 5-BC/ĐU)")
	run(t, d, press(d, "enter"))
	mustContain(t, d, "Cần nêu lý do")
	typeText(d, "Trùng với buổi đã nhập")
	got := run(t, d, press(d, "enter"))
	if len(got) != 1 {
		t.Fatalf("delete with a reason gave %v\n%s", got, view(d))
	}
	if _, ok := got[0].(DeletedMsg); !ok {
		t.Fatalf("got %T", got[0])
	}
	h := history(t, s, ses.ID)
	if !slices.ContainsFunc(h, func(c model.Change) bool {
		return c.Action == "amend" && strings.HasSuffix(c.Note, "Trùng với buổi đã nhập")
	}) {
		t.Fatalf("history: %+v", h)
	}
}
