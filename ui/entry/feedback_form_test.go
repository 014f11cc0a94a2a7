package entry

import (
	"strings"
	"testing"

	"gopy/model"
)

func TestFeedbackFormFillValidateSave(t *testing.T) {
	s, _ := openStore(t)
	f := NewFeedback(testCtx(t, s))
	checkFrame(t, f)
	mustContain(t, f, "Góp ý mới", "Ngày góp ý", "10/03/2026", "Hạn trả lời", "09/04/2026")

	// Source kind: typing finds the option, diacritics ignored.
	focusOn(t, f, "source_kind")
	typeText(f, "to chuc")
	if got := f.cur.value(); got != string(model.SourceOrganisation) {
		t.Fatalf("source kind = %q", got)
	}
	// Source name: a Settings organisation picked from the filtered list.
	press(f, "tab")
	typeText(f, "nong dan")
	mustContain(t, f, "Hội Nông dân")
	press(f, "down", "enter")
	if got := f.cur.value(); got != "Hội Nông dân" {
		t.Fatalf("source name = %q", got)
	}

	// Saving with the subject and the point empty shows both errors,
	// each under its field, and focuses the first.
	press(f, "ctrl+s")
	if f.cur.key != "subject" {
		t.Fatalf("focus on %q after a refused save", f.cur.key)
	}
	mustContain(t, f, "Vấn đề góp ý*", "! Chưa nhập (bắt buộc)", "Còn 2 lỗi")
	checkFrame(t, f)

	// Vietnamese typed a rune at a time, with a Unikey burst in "đất".
	typeText(f, "Dự thảo nghị quyết về đ")
	unikey(f, "a", "ấ")
	typeText(f, "t đai")
	if got := f.cur.value(); got != "Dự thảo nghị quyết về đất đai" {
		t.Fatalf("subject = %q", got)
	}
	// Backspace edits the field; it never leaves it.
	press(f, "backspace", "backspace")
	typeText(f, "ai")
	if f.cur.key != "subject" {
		t.Fatalf("backspace moved focus to %q", f.cur.key)
	}
	// Topics from Settings, picked through their suggestions.
	press(f, "tab")
	typeText(f, "dat")
	press(f, "down", "enter")
	typeText(f, "moi tr")
	press(f, "down", "enter")
	if got := tagList(f.cur); strings.Join(got, "|") != "Đất đai|Môi trường" {
		t.Fatalf("topics = %q", got)
	}

	// The first point; then a second one answered "partly" without its
	// answer text.
	focusOn(t, f, "points.1.content")
	typeText(f, "Đề nghị công khai quy hoạch sử dụng đất.")
	press(f, "ctrl+n")
	if f.cur.key != "points.2.content" {
		t.Fatalf("ctrl+n focused %q", f.cur.key)
	}
	typeText(f, "Làm rõ mức bồi thường.")
	press(f, "tab")
	typeText(f, "mot phan")
	if got := f.cur.value(); got != string(model.AnswerPartial) {
		t.Fatalf("status = %q", got)
	}
	press(f, "tab")
	if f.cur.key != "points.2.answered_on" || f.cur.value() != "10/03/2026" {
		t.Fatalf("answered_on %q = %q", f.cur.key, f.cur.value())
	}
	press(f, "ctrl+s")
	if f.cur.key != "points.2.answer" {
		t.Fatalf("focus on %q", f.cur.key)
	}
	mustContain(t, f, "! Tiếp thu một phần hoặc giải trình phải có nội dung")
	checkFrame(t, f)
	typeText(f, "Đã tiếp thu, sẽ trả lời bằng văn bản.")
	press(f, "tab")
	typeText(f, "nam")
	press(f, "down", "enter")

	msg := save(t, f)
	saved, ok := msg.(SavedMsg)
	if !ok || !saved.Created || saved.Kind != model.KindFeedback {
		t.Fatalf("save gave %#v", msg)
	}
	fb := getFeedback(t, s, saved.ID)
	if fb.Ref != "GY-2026-0001" || fb.Subject != "Dự thảo nghị quyết về đất đai" ||
		fb.SourceKind != model.SourceOrganisation || fb.SourceName != "Hội Nông dân" || fb.GivenOn != today {
		t.Errorf("stored %+v", fb)
	}
	if fb.ResponseDue != today.AddDays(30) {
		t.Errorf("response due %v", fb.ResponseDue)
	}
	if len(fb.Points) != 2 || fb.Points[1].Status != model.AnswerPartial || fb.Points[1].AnsweredBy != "Nguyễn Văn Nam" {
		t.Errorf("points %+v", fb.Points)
	}
	if fb.State() != model.FeedbackPartly {
		t.Errorf("state %s", fb.State())
	}
	if h := history(t, s, fb.ID); len(h) != 1 || h[0].Action != "create" || h[0].By != "Lê Thị Hoa" {
		t.Errorf("history %+v", h)
	}
	if f.Unsaved() {
		t.Error("a saved form still reports unsaved text")
	}

	// Edit: a saved point cannot be removed; the subject changes.
	e := EditFeedback(testCtx(t, s), fb)
	mustContain(t, e, "Sửa GY-2026-0001")
	focusOn(t, e, "points.1.content")
	press(e, "ctrl+d", "y")
	mustContain(t, e, "Ý kiến đã lưu không xoá được")
	focusOn(t, e, "subject")
	typeText(e, " (lần 2)")
	if _, ok := save(t, e).(SavedMsg); !ok {
		t.Fatal("edit not saved")
	}
	fb = getFeedback(t, s, fb.ID)
	h := history(t, s, fb.ID)
	if fb.Subject != "Dự thảo nghị quyết về đất đai (lần 2)" || len(h) != 2 || h[1].Fields[0].Field != "subject" {
		t.Errorf("after edit %q, history %+v", fb.Subject, h)
	}
}

func TestPointAddRemove(t *testing.T) {
	s, _ := openStore(t)
	f := NewFeedback(testCtx(t, s))
	focusOn(t, f, "points.1.content")
	typeText(f, "Một")
	press(f, "ctrl+n")
	typeText(f, "Hai")
	press(f, "ctrl+n") // an empty third point goes without asking
	press(f, "ctrl+d")
	if n := len(f.spec.(*feedbackSpec).points); n != 2 {
		t.Fatalf("%d points after removing an empty one", n)
	}
	focusOn(t, f, "points.1.content")
	press(f, "ctrl+d")
	mustContain(t, f, "Xoá mục này")
	press(f, "y")
	sp := f.spec.(*feedbackSpec)
	if len(sp.points) != 1 || sp.points[0].content.value() != "Hai" || sp.points[0].content.key != "points.1.content" {
		t.Fatalf("points after remove: %d, %q", len(sp.points), sp.points[0].content.value())
	}
	press(f, "ctrl+d", "y")
	mustContain(t, f, "Góp ý cần ít nhất một ý kiến")
}

func TestAnswerPointsChangeState(t *testing.T) {
	s, _ := openStore(t)
	fb := &model.Feedback{GivenOn: today.AddDays(-5), SourceKind: model.SourceFront, SourceName: "Ủy ban MTTQ Việt Nam phường",
		Form: model.FormConference, TargetKind: model.TargetGovernment, Subject: "Hội nghị giám sát",
		Points: []model.Point{{Content: "Sửa đường tổ 3"}, {Content: "Lắp đèn chiếu sáng"}}}
	if err := s.Create(fb, "test"); err != nil {
		t.Fatal(err)
	}
	if fb.State() != model.FeedbackPending {
		t.Fatal(fb.State())
	}

	// a on the detail: the first unanswered point, "accepted" today.
	a := AnswerPoint(testCtx(t, s), fb, -1)
	checkFrame(t, a)
	mustContain(t, a, "Trả lời ý kiến GY-2026-0001", "1. Sửa đường tổ 3", "Đã tiếp thu", "10/03/2026")
	save(t, a)
	fb = getFeedback(t, s, fb.ID)
	if fb.State() != model.FeedbackPartly || fb.Points[0].Status != model.AnswerAccepted || fb.Points[0].AnsweredOn != today {
		t.Fatalf("after one answer: %s %+v", fb.State(), fb.Points[0])
	}

	// The second point "explained": its text is required, shown beside it.
	a = AnswerPoint(testCtx(t, s), fb, -1)
	mustContain(t, a, "2. Lắp đèn chiếu sáng")
	if a.cur.key != "status" {
		t.Fatalf("the answer dialog starts on %q, want the status", a.cur.key)
	}
	typeText(a, "giai trinh")
	press(a, "ctrl+s")
	if a.cur.key != "answer" {
		t.Fatalf("focus on %q", a.cur.key)
	}
	mustContain(t, a, "! Tiếp thu một phần hoặc giải trình phải có nội dung")
	typeText(a, "Chưa bố trí được kinh phí năm 2026.")
	press(a, "tab")
	typeText(a, "UBND")
	press(a, "down", "enter")
	save(t, a)
	fb = getFeedback(t, s, fb.ID)
	if fb.State() != model.FeedbackAnswered || fb.Points[1].Answer != "Chưa bố trí được kinh phí năm 2026." ||
		fb.Points[1].AnsweredBy != "UBND phường" {
		t.Fatalf("after two answers: %s %+v", fb.State(), fb.Points[1])
	}
	h := history(t, s, fb.ID)
	last := h[len(h)-1]
	var fields []string
	for _, c := range last.Fields {
		fields = append(fields, c.Field)
	}
	if !strings.Contains(strings.Join(fields, " "), "points.2.status") {
		t.Errorf("history of the answer: %v", fields)
	}
}

func TestArrowsMoveThroughPickListsAndEnterNeverDiscards(t *testing.T) {
	s, _ := openStore(t)
	f := NewFeedback(testCtx(t, s))
	focusOn(t, f, "source_name")
	mustContain(t, f, "Hội Nông dân") // the list shows, as a hint
	press(f, "down")
	if f.cur.key != "form" {
		t.Fatalf("↓ on an untouched pick field went to %q", f.cur.key)
	}
	press(f, "up")
	typeText(f, "h")
	press(f, "down")
	if f.cur.key != "source_name" || f.cur.sugSel != 0 {
		t.Fatalf("↓ after typing: field %q, suggestion %d", f.cur.key, f.cur.sugSel)
	}
	press(f, "esc", "enter")
	if f.asking != askCancel || f.saved {
		t.Fatal("enter answered the discard question")
	}
	press(f, "n")
	if f.cur.value() != "h" {
		t.Fatal("text lost")
	}
}
