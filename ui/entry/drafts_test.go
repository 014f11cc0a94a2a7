package entry

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"gopy/model"
	"gopy/store"
)

func fastDrafts(t *testing.T) {
	old := draftDelay
	draftDelay = time.Millisecond
	t.Cleanup(func() { draftDelay = old })
}

func TestDraftSavedAfterPauseAndResumed(t *testing.T) {
	fastDrafts(t)
	s, path := openStore(t)
	f := NewFeedback(testCtx(t, s))
	focusOn(t, f, "source_name")
	typeText(f, "Hội Cựu chiến binh")
	focusOn(t, f, "subject")
	typeText(f, "Góp ý dự thảo quy chế")
	typeText(f, " dân chủ")
	focusOn(t, f, "points.1.content")
	press(f, "ctrl+n")
	tick := typeText(f, "Ý kiến thứ hai")

	// An older keystroke's tick writes nothing: typing went on.
	if cmd := f.Update(draftTickMsg{form: f.uid, seq: 1, at: time.Now()}); cmd != nil {
		t.Fatal("an old tick wrote a draft while typing went on")
	}
	// The tick of the last keystroke writes it.
	run(t, f, tick)
	drafts, err := Drafts(s)
	if err != nil || len(drafts) != 1 || drafts[0].Key != "feedback/new" {
		t.Fatalf("drafts %+v, %v", drafts, err)
	}
	mustContain(t, f, "Đã lưu nháp")
	if !strings.Contains(drafts[0].Describe(testCtx(t, s).Lang), "Góp ý mới") {
		t.Errorf("describe: %s", drafts[0].Describe(testCtx(t, s).Lang))
	}

	// The program dies here; on the next start the draft is offered.
	s.Close()
	s2, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	drafts, _ = Drafts(s2)
	r, err := ResumeDraft(testCtx(t, s2), drafts[0])
	if err != nil {
		t.Fatal(err)
	}
	sp := r.spec.(*feedbackSpec)
	if sp.subject.value() != "Góp ý dự thảo quy chế dân chủ" || len(sp.points) != 2 ||
		sp.points[1].content.value() != "Ý kiến thứ hai" || r.cur.key != "points.2.content" {
		t.Fatalf("resumed %q, %d points, focus %q", sp.subject.value(), len(sp.points), r.cur.key)
	}
	if !r.Unsaved() {
		t.Error("a resumed draft is not unsaved")
	}
	focusOn(t, r, "points.1.content")
	typeText(r, "Ý kiến thứ nhất")
	saved := save(t, r).(SavedMsg)
	if fb := getFeedback(t, s2, saved.ID); len(fb.Points) != 2 || fb.Subject != "Góp ý dự thảo quy chế dân chủ" {
		t.Errorf("saved %+v", fb)
	}
	if drafts, _ := Drafts(s2); len(drafts) != 0 {
		t.Errorf("draft left after saving: %+v", drafts)
	}
}

func TestDraftOfAnEditResumesOnTheSameRecord(t *testing.T) {
	fastDrafts(t)
	s, _ := openStore(t)
	p := &model.Petition{ReceivedOn: today, Channel: model.ChannelWalkIn, Classification: model.ClassReport,
		Name: "Võ Văn Kiệt", Summary: "Đèn đường hỏng"}
	if err := s.Create(p, "test"); err != nil {
		t.Fatal(err)
	}
	f := ChangeStatus(testCtx(t, s), p)
	focusOn(t, f, "note")
	run(t, f, typeText(f, "Đã giao tổ dân phố kiểm tra"))
	drafts, _ := Drafts(s)
	if len(drafts) != 1 || drafts[0].Key != "status/"+p.ID {
		t.Fatalf("drafts %+v", drafts)
	}
	r, err := ResumeDraft(testCtx(t, s), drafts[0])
	if err != nil {
		t.Fatal(err)
	}
	if r.Title() != "Trạng thái KN-2026-0001" || r.byKey("note").value() != "Đã giao tổ dân phố kiểm tra" {
		t.Fatalf("resumed %q", r.Title())
	}
	save(t, r)
	if got := getPetition(t, s, p.ID); got.Status != model.StatusInProgress || got.Log[0].Text != "Đã giao tổ dân phố kiểm tra" {
		t.Errorf("after resume %+v", got)
	}
}

func TestCancelAsksAndDropsTheDraft(t *testing.T) {
	fastDrafts(t)
	s, _ := openStore(t)
	f := NewPetition(testCtx(t, s))
	// Nothing typed: esc closes at once.
	if got := run(t, f, press(f, "esc")); len(got) != 1 || got[0] != (ClosedMsg{}) {
		t.Fatalf("esc on an untouched form gave %v", got)
	}

	f = NewPetition(testCtx(t, s))
	focusOn(t, f, "name")
	run(t, f, typeText(f, "Hồ Thị Thu"))
	if d, _ := Drafts(s); len(d) != 1 {
		t.Fatalf("no draft: %v", d)
	}
	if cmd := press(f, "esc"); cmd != nil {
		t.Fatal("esc closed a form holding typed text without asking")
	}
	mustContain(t, f, "Bỏ những gì đã nhập?")
	press(f, "n")
	if f.byKey("name").value() != "Hồ Thị Thu" {
		t.Fatal("n lost the text")
	}
	press(f, "esc")
	if got := run(t, f, press(f, "y")); len(got) != 1 || got[0] != (ClosedMsg{}) {
		t.Fatalf("y gave %v", got)
	}
	if d, _ := Drafts(s); len(d) != 0 {
		t.Errorf("draft left after cancel: %v", d)
	}
}

func TestFailedSaveKeepsTheForm(t *testing.T) {
	s, path := openStore(t)
	ctx := testCtx(t, s)
	s.Close()
	ro, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	ctx.Store = ro
	f := NewSession(ctx)
	focusOn(t, f, "host_name")
	typeText(f, "Đỗ Văn Hùng")
	if got := run(t, f, press(f, "ctrl+s")); len(got) != 0 {
		t.Fatalf("a failed save ended the form: %v", got)
	}
	mustContain(t, f, "! Không ghi được vào tệp dữ liệu")
	checkFrame(t, f)
	if f.byKey("host_name").value() != "Đỗ Văn Hùng" || !f.Unsaved() || f.saving {
		t.Error("the form lost its state after a failed save")
	}
}

func TestStoreRefusalShownBesideTheField(t *testing.T) {
	s, _ := openStore(t)
	fb := &model.Feedback{GivenOn: today, SourceKind: model.SourceCitizen, SourceName: "Cử tri", Form: model.FormDirect,
		TargetKind: model.TargetGovernment, Subject: "Ý kiến", Points: []model.Point{{Content: "Một"}}}
	if err := s.Create(fb, "test"); err != nil {
		t.Fatal(err)
	}
	f := RaisePetition(testCtx(t, s), fb, 0)
	if err := s.Delete(model.KindFeedback, fb.ID, "test"); err != nil {
		t.Fatal(err)
	}
	run(t, f, press(f, "ctrl+s"))
	mustContain(t, f, "! Không tìm thấy bản ghi liên kết")
	if f.saved || f.byKey("summary").value() != "Một" {
		t.Error("refused save lost the form")
	}

	// A database without a ward: the refusal names what is missing.
	s2, _ := openStore(t)
	st, _ := s2.Settings()
	ctx := testCtx(t, s2)
	ctx.Settings = st
	g := NewPetition(ctx)
	g.spec.(*petitionSpec).name.setValue("Lý Văn Sáu")
	g.spec.(*petitionSpec).summary.setValue("Hỏi đường")
	g.validate()
	msg := saveDoneMsg{form: g.uid, err: &store.Invalid{Errors: model.FieldErrors{{Field: "ward", Key: "err.no_ward"}}}}
	g.Update(msg)
	mustContain(t, g, "Không lưu được: Mã phường: Chưa đặt mã phường")
}

func TestPastedAndDecomposedTextIsNFC(t *testing.T) {
	s, _ := openStore(t)
	f := NewPetition(testCtx(t, s))
	focusOn(t, f, "name")
	// An input method sending combining marks after the letter.
	typeText(f, "Nguye\u0302\u0303n")
	if got := f.cur.value(); got != "Nguyễn" || f.cur.in.Value() != "Nguyễn" {
		t.Fatalf("typed %q (field holds %q)", got, f.cur.in.Value())
	}
	f.Update(tea.PasteMsg{Content: " Va\u0306n\r\nA\u0301nh"})
	if got := f.cur.value(); got != "Nguyễn Văn Ánh" {
		t.Fatalf("pasted into a line: %q", got)
	}
	focusOn(t, f, "summary")
	f.Update(tea.PasteMsg{Content: "Dòng mô\u0323t\r\nDòng hai"})
	if got := f.cur.value(); got != "Dòng một\nDòng hai" {
		t.Fatalf("pasted into a text: %q", got)
	}
	focusOn(t, f, "received_on")
	press(f, "ctrl+u")
	f.Update(tea.PasteMsg{Content: "ngày 05/03/2026"})
	if got := f.cur.value(); got != "05/03/2026" {
		t.Fatalf("pasted into a date: %q", got)
	}
}

func TestEnglish(t *testing.T) {
	s, _ := openStore(t)
	ctx := testCtx(t, s)
	ctx.Lang = "en"
	f := NewFeedback(ctx)
	press(f, "ctrl+s")
	mustContain(t, f, "New feedback", "Subject*", "! Required")
	checkFrame(t, f)
}
