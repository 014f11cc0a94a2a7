package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"gopy/model"
	"gopy/store"
	"gopy/ui/entry"
	"gopy/ui/i18n"
)

// The forms are driven through the root as a person drives them: keys
// open them from lists and details, text is typed a character at a time
// (Unikey's backspace bursts included), validation errors show and are
// fixed, ctrl+s saves, and the record and its history are then read back
// from the store.

// formKey builds the key press for a key name the form uses beyond the
// driver's: ctrl+n, ctrl+d.
func formKey(k string) tea.KeyPressMsg {
	if c, ok := strings.CutPrefix(k, "ctrl+"); ok && k != "ctrl+c" && k != "ctrl+s" {
		return tea.KeyPressMsg{Code: []rune(c)[0], Mod: tea.ModCtrl}
	}
	return keyMsg(k)
}

// fk presses keys in a form without running the commands they return:
// those are the draft timer (1.5 s) and cursor blinks, which a test need
// not wait for. Keys that end or save a form go through d.key.
func (d *driver) fk(keys ...string) {
	for _, k := range keys {
		d.r.update(formKey(k))
	}
}

// ft types text into the field in focus, as fk does.
func (d *driver) ft(s string) {
	for _, r := range s {
		d.r.update(keyMsg(string(r)))
	}
}

// focus tabs to the form field whose label starts with label.
func (d *driver) focus(label string) {
	d.t.Helper()
	for range 80 {
		for _, ln := range strings.Split(d.screen(), "\n") {
			if strings.HasPrefix(ln, "› "+label) {
				return
			}
		}
		d.fk("tab")
	}
	d.t.Fatalf("no field %q to focus:\n%s", label, d.screen())
}

// mustSeeRow finds the screen line holding ref and wants each of want on
// it.
func (d *driver) mustSeeRow(ref string, want ...string) {
	d.t.Helper()
	for _, ln := range strings.Split(d.screen(), "\n") {
		if !strings.Contains(ln, ref) {
			continue
		}
		for _, w := range want {
			if !strings.Contains(ln, w) {
				d.t.Fatalf("row %q lacks %q:\n%s", ref, w, d.screen())
			}
		}
		return
	}
	d.t.Fatalf("no row %q:\n%s", ref, d.screen())
}

// detailHas wants each of want on some line of the detail in front, shown
// or scrolled off.
func (d *driver) detailHas(want ...string) {
	d.t.Helper()
	det, ok := d.top().(*detailScreen)
	if !ok {
		d.t.Fatalf("no detail in front: %T", d.top())
	}
	var all strings.Builder
	for _, ln := range det.doc.lines {
		all.WriteString(ln.plain + "\n")
	}
	for _, w := range want {
		if !strings.Contains(all.String(), w) {
			d.t.Fatalf("detail lacks %q:\n%s", w, all.String())
		}
	}
}

// top is the screen in front of the active tab.
func (d *driver) top() screen { return d.r.top() }

func (d *driver) mustBeForm() *entryScreen {
	d.t.Helper()
	e, ok := d.top().(*entryScreen)
	if !ok {
		d.t.Fatalf("no form in front (%T):\n%s", d.top(), d.screen())
	}
	return e
}

// created is the record whose detail opened after a save.
func (d *driver) created(kind model.Kind) *detailScreen {
	d.t.Helper()
	det, ok := d.top().(*detailScreen)
	if !ok || det.kind != kind {
		d.t.Fatalf("no %s detail in front (%T):\n%s", kind, d.top(), d.screen())
	}
	return det
}

func getRec[T model.Record](t *testing.T, s *store.Store, k model.Kind, id string) T {
	t.Helper()
	r, err := s.Get(k, id)
	if err != nil {
		t.Fatal(err)
	}
	return r.(T)
}

func historyOf(t *testing.T, s *store.Store, id string) []model.Change {
	t.Helper()
	h, err := s.History(id)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

const officer = "Trần Thị Thu Hà" // the fixture's officer signs every change

func TestNewPetitionFromTheList(t *testing.T) {
	s := newFixtureStore(t)
	dr := newTestRoot(t, s, i18n.VI, 80, 24)
	dr.keys("4", "n")
	dr.mustBeForm()
	dr.mustSee("Kiến nghị mới", "Ngày tiếp nhận*", "16/03/2026")
	checkFrame(t, dr.r.View().Content, 80, 24)

	dr.focus("Họ tên")
	// Unikey (Telex) composes "Nguyễn" with backspaces; letters are text.
	dr.ft("Nguye")
	dr.fk("backspace")
	dr.ft("ên")
	dr.fk("backspace", "backspace")
	dr.ft("ễn Văn Tư q")
	dr.fk("backspace", "backspace")
	if dr.quit || dr.r.active != tabPetitions {
		t.Fatal("letters typed in a form acted as keys")
	}
	dr.mustSee("› Họ tên*", "Nguyễn Văn Tư")

	// The summary is required: saving shows it beside the field.
	dr.key("ctrl+s")
	dr.mustBeForm()
	dr.mustSee("Còn 1 lỗi", "! Chưa nhập (bắt buộc)", "› Tóm tắt nội dung*")
	dr.ft("Đề nghị lắp biển báo giảm tốc trước cổng trường.")
	dr.mustNotSee("! Chưa nhập")
	dr.key("ctrl+s")

	det := dr.created(model.KindPetition)
	dr.mustSee("Đã lưu KN-2026-0009", "Nguyễn Văn Tư", "Đề nghị lắp biển báo giảm tốc")
	p := getRec[*model.Petition](t, s, model.KindPetition, det.recID)
	if p.Name != "Nguyễn Văn Tư" || p.Channel != model.ChannelWalkIn || p.ReceivedOn != fixtureToday() ||
		p.Summary != "Đề nghị lắp biển báo giảm tốc trước cổng trường." || p.ResolutionDue == 0 {
		t.Fatalf("stored %+v", p)
	}
	if h := historyOf(t, s, p.ID); len(h) != 1 || h[0].Action != "create" || h[0].By != officer {
		t.Fatalf("history %+v", h)
	}
	// esc: the list below has it, read again.
	dr.key("esc")
	dr.mustSee("9 bản ghi", "KN-2026-0009", "Nguyễn Văn Tư")
}

func TestFeedbackAnsweredPointByPoint(t *testing.T) {
	s := newFixtureStore(t)
	dr := newTestRoot(t, s, i18n.VI, 80, 24)
	dr.keys("2", "n")
	dr.mustSee("Góp ý mới")
	dr.focus("Tổ chức / người góp ý")
	dr.ft("Hội Người cao tuổi")
	dr.focus("Vấn đề góp ý")
	dr.ft("Sinh hoạt văn hóa ở khu phố")
	dr.focus("Nội dung ý kiến")
	dr.ft("Đề nghị mở cửa nhà văn hóa vào buổi tối.")
	dr.fk("ctrl+n")
	dr.ft("Đề nghị sửa loa truyền thanh tổ 2.")
	dr.key("ctrl+s")
	det := dr.created(model.KindFeedback)
	dr.mustSee("GY-2026-0005", "Các ý kiến (2)", "Chưa trả lời")
	id := det.recID
	fb := getRec[*model.Feedback](t, s, model.KindFeedback, id)
	if len(fb.Points) != 2 || fb.SourceName != "Hội Người cao tuổi" || fb.State() != model.FeedbackPending {
		t.Fatalf("stored %+v", fb)
	}
	dr.key("esc")
	dr.mustSeeRow("GY-2026-0005", "Hội Người cao", "Chưa trả lời")

	// a: the first point not yet answered, "accepted" today; ctrl+s.
	dr.keys("enter", "a")
	dr.mustSee("Trả lời ý kiến GY-2026-0005", "1. Đề nghị mở cửa nhà văn hóa", "Đã tiếp thu", "16/03/2026")
	dr.key("ctrl+s")
	dr.created(model.KindFeedback)
	dr.mustSee("Trả lời một phần", "Đã tiếp thu · 16/03/2026")
	dr.key("esc")
	dr.mustSeeRow("GY-2026-0005", "Hội Người cao", "Đã trả lời 1/2") // issue 13, item 14: how many of the points

	// The second: "explained" needs its text; the error shows, is fixed.
	dr.keys("enter", "a")
	dr.mustSee("2. Đề nghị sửa loa truyền thanh")
	dr.ft("giai")
	dr.mustSee("Giải trình")
	dr.key("ctrl+s")
	dr.mustSee("! Tiếp thu một phần hoặc giải trình phải có nội dung", "› Nội dung trả lời")
	dr.ft("Loa đã hết khấu hao, chờ kinh phí năm sau.")
	dr.fk("tab")
	dr.ft("ng")
	dr.fk("down", "enter")
	dr.key("ctrl+s")
	dr.mustSee("Đã trả lời", "Giải trình · 16/03/2026 · Nguyễn Văn Hùng", "Loa đã hết khấu hao")
	dr.key("esc")
	dr.mustSeeRow("GY-2026-0005", "Hội Người cao", "Đã trả lời")

	fb = getRec[*model.Feedback](t, s, model.KindFeedback, id)
	if fb.State() != model.FeedbackAnswered || fb.Points[1].Status != model.AnswerExplained ||
		fb.Points[1].AnsweredBy != "Nguyễn Văn Hùng" || fb.Points[0].AnsweredOn != fixtureToday() {
		t.Fatalf("answers %+v", fb.Points)
	}
	h := historyOf(t, s, id)
	if len(h) != 3 || h[2].Action != "update" || h[2].By != officer {
		t.Fatalf("history %+v", h)
	}
}

// a and p act on the point under the cursor of a feedback's detail.
func TestPointUnderTheCursor(t *testing.T) {
	s := newFixtureStore(t)
	dr := newTestRoot(t, s, i18n.VI, 80, 24)
	dr.keys("2", "G", "enter") // GY-2026-0001: point 1 answered, point 2 not
	dr.mustSee("GY-2026-0001", "Các ý kiến (2)")
	det := dr.top().(*detailScreen)
	for det.pointUnderCursor() != 2 {
		dr.key("j")
		if det.doc.cursor == len(det.doc.lines)-1 {
			t.Fatal("no line of point 2")
		}
	}
	dr.key("p")
	dr.mustSee("Kiến nghị từ GY-2026-0001, ý kiến 2", "Việc cấp giấy chứng nhận quyền sử dụng đất còn")
	dr.key("ctrl+s") // the point's content is the summary, its giver the petitioner
	p := dr.created(model.KindPetition)
	dr.mustSee("→ Từ GY-2026-0001, ý kiến 2")
	got := getRec[*model.Petition](t, s, model.KindPetition, p.recID)
	if got.FeedbackID != fid(1) || got.PointNo != 2 || got.Channel != model.ChannelFeedback {
		t.Fatalf("raised %+v", got)
	}
	dr.key("esc")
	dr.detailHas("Kiến nghị phát sinh (2)", "→ "+got.Ref)

	// a on point 1 (answered) opens its answer, not the first pending.
	det = dr.top().(*detailScreen)
	for det.pointUnderCursor() != 1 {
		dr.key("k")
	}
	dr.key("a")
	dr.mustSee("Tiếp thu, đã niêm yết tại trụ sở.", "20/01/2026")
	dr.key("esc") // nothing typed: no question
	if _, ok := dr.top().(*detailScreen); !ok {
		t.Fatalf("esc left %T", dr.top())
	}
}

func TestSessionRaisesPetitionsLinkedBothWays(t *testing.T) {
	s := newFixtureStore(t)
	dr := newTestRoot(t, s, i18n.VI, 80, 24)
	dr.keys("3", "n")
	dr.mustSee("Buổi đối thoại, tiếp dân mới", "Đối thoại trực tiếp")
	dr.focus("Địa điểm")
	dr.ft("Nhà văn hóa tổ dân phố 3")
	dr.fk("ctrl+n")
	dr.mustSee("› Người nêu*")
	dr.ft("Nguyễn Văn Bình")
	dr.fk("tab")
	dr.ft("tổ 2")
	dr.fk("down", "enter")
	dr.focus("Tóm tắt nội dung")
	dr.ft("Đề nghị sửa đèn chiếu sáng ngõ 12.")
	dr.fk("ctrl+n")
	dr.ft("Lê Thị Mai")
	dr.focus("Tóm tắt nội dung")
	dr.ft("Phản ánh rác thải tập kết sai nơi quy định.")
	// The chair's name is required.
	dr.key("ctrl+s")
	dr.mustSee("› Họ tên người chủ trì*", "! Chưa nhập (bắt buộc)")
	dr.ft("Trần")
	dr.fk("down", "enter")
	dr.key("ctrl+s")

	det := dr.created(model.KindSession)
	dr.mustSee("DT-2026-0005", "Kiến nghị phát sinh (2)", "KN-2026-0009 · Đề nghị sửa đèn chiếu sáng",
		"KN-2026-0010 · Phản ánh rác thải")
	sess := getRec[*model.Session](t, s, model.KindSession, det.recID)
	if sess.HostName != "Trần Thị Thu Hà" || sess.HeldOn != fixtureToday() || sess.Type != model.SessionDialogue {
		t.Fatalf("session %+v", sess)
	}
	linked, err := s.Linked(sess.ID)
	if err != nil || len(linked) != 2 {
		t.Fatalf("linked %v, %v", linked, err)
	}
	for _, row := range linked {
		p := getRec[*model.Petition](t, s, model.KindPetition, row.ID)
		if p.SessionID != sess.ID || p.ReceivedOn != sess.HeldOn || p.Channel != model.ChannelSession {
			t.Fatalf("petition %+v", p)
		}
	}
	p1 := getRec[*model.Petition](t, s, model.KindPetition, linked[0].ID)

	// enter off a link goes to the first link; enter on it opens it.
	dr.key("enter")
	dr.key("enter")
	dr.created(model.KindPetition)
	dr.mustSee("→ Từ DT-2026-0005 · Nhà văn hóa tổ dân phố 3")
	// and there the petition is followed up: in progress, then resolved.
	dr.key("x")
	dr.mustSee("Đổi trạng thái", "Đang giải quyết")
	dr.key("ctrl+s")
	dr.mustSee("Đã lưu", "Đang giải quyết")
	dr.key("a")
	dr.focus("Nội dung ghi chép")
	dr.ft("Đã báo Điện lực phường.")
	dr.key("ctrl+s")
	dr.key("x")
	dr.mustSee("Đã giải quyết")
	dr.focus("Kết quả giải quyết")
	dr.ft("Đã thay bóng đèn.")
	dr.key("ctrl+s")
	dr.mustSee("Đã giải quyết")
	dr.detailHas("Đã thay bóng đèn.", "Đã báo Điện lực phường.", "Nhật ký xử lý (3)")
	p := getRec[*model.Petition](t, s, model.KindPetition, p1.ID)
	if p.Status != model.StatusResolved || p.ResolvedOn != fixtureToday() || p.Result != "Đã thay bóng đèn." ||
		len(p.Log) != 3 || p.Log[1].Kind != "note" {
		t.Fatalf("followed up %+v", p)
	}
	if h := historyOf(t, s, p.ID); len(h) != 4 {
		t.Fatalf("history %d entries, want 4", len(h))
	}

	// Back on the session, its petitions show their states; a third
	// matter raised later (a on the session) joins them.
	dr.key("esc")
	dr.mustSee("KN-2026-0009 · Đề nghị sửa đèn chiếu sáng ngõ 12. Đã giải quyết")
	dr.key("a")
	dr.mustSee("Vấn đề nêu tại DT-2026-0005")
	dr.ft("Phạm Văn Cường")
	dr.focus("Tóm tắt nội dung")
	dr.ft("Đề nghị nạo vét cống thoát nước.")
	dr.key("ctrl+s")
	dr.mustSee("Kiến nghị phát sinh (3)", "KN-2026-0011")
	if linked, _ := s.Linked(sess.ID); len(linked) != 3 {
		t.Fatalf("linked after adding: %d", len(linked))
	}
}

func TestEditAndDelete(t *testing.T) {
	s := newFixtureStore(t)
	dr := newTestRoot(t, s, i18n.VI, 80, 24)
	dr.keys("4", "enter") // KN-2026-0007 (newest first)
	det := dr.created(model.KindPetition)
	ref := det.ref
	dr.key("e")
	dr.mustSee("Sửa " + ref)
	dr.focus("Địa chỉ")
	dr.ft("Số 8 ngõ 3")
	dr.key("ctrl+s")
	dr.mustSee("Đã lưu "+ref, "Số 8 ngõ 3")
	dr.detailHas("Lịch sử thay đổi (2)", "Ghi Địa chỉ: Số 8 ngõ 3")
	if p := getRec[*model.Petition](t, s, model.KindPetition, det.recID); p.Address != "Số 8 ngõ 3" {
		t.Fatalf("address %q", p.Address)
	}

	// d asks; n keeps it; d and y delete it and leave its detail.
	dr.key("d")
	dr.mustSee("Xoá "+ref+"?", "y: xoá")
	dr.key("n")
	dr.created(model.KindPetition)
	dr.keys("d", "y")
	if _, ok := dr.top().(*listScreen); !ok {
		t.Fatalf("after delete: %T", dr.top())
	}
	dr.mustSee("Đã xoá "+ref, "7 bản ghi")
	dr.mustNotSee("Vũ Ngọc Ánh")
	if _, err := s.Get(model.KindPetition, det.recID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("deleted record: %v", err)
	}
	h := historyOf(t, s, det.recID)
	if last := h[len(h)-1]; last.Action != "delete" || last.By != officer {
		t.Fatalf("history %+v", h)
	}
}

// q is text in a form; ctrl+c asks first, and quitting keeps the typing
// as a draft the next start offers.
func TestQuitWithAFormOpen(t *testing.T) {
	s := newFixtureStore(t)
	dr := newTestRoot(t, s, i18n.VI, 80, 24)
	dr.keys("4", "n")
	dr.focus("Họ tên")
	dr.ft("Quách Thị Quyên")
	dr.key("q")
	if dr.quit {
		t.Fatal("q quit from a form")
	}
	dr.mustSee("Quách Thị Quyênq")
	dr.key("ctrl+c")
	dr.mustSee("chưa lưu", "bản nháp", "Vẫn thoát?")
	if dr.quit {
		t.Fatal("quit without asking")
	}
	dr.key("enter") // enter never confirms
	dr.mustSee("Vẫn thoát?")
	dr.key("n")
	dr.mustNotSee("Vẫn thoát?")
	dr.mustBeForm()
	dr.key("ctrl+c")
	dr.key("y")
	if !dr.quit {
		t.Fatal("y did not quit")
	}
	drafts, err := entry.Drafts(s)
	if err != nil || len(drafts) != 1 || drafts[0].Kind != "petition" {
		t.Fatalf("drafts %+v, %v", drafts, err)
	}

	// The next start offers it; enter resumes it on the petitions tab.
	dr = newTestRoot(t, s, i18n.VI, 80, 24)
	dr.mustSee("Có 1 biểu mẫu chưa lưu từ lần trước", "Bản nháp chưa lưu: Kiến nghị mới", "enter: mở lại")
	checkFrame(t, dr.r.View().Content, 80, 24)
	dr.key("enter")
	dr.mustBeForm()
	if dr.r.active != tabPetitions || len(dr.r.stacks[tabDashboard]) != 1 {
		t.Fatalf("resumed on tab %d, dashboard stack %d", dr.r.active, len(dr.r.stacks[tabDashboard]))
	}
	dr.mustSee("[4 Kiến nghị]", "Quách Thị Quyênq")
	dr.fk("backspace")
	dr.focus("Tóm tắt nội dung")
	dr.ft("Hỏi thủ tục cấp đổi sổ đỏ.")
	dr.key("ctrl+s")
	dr.created(model.KindPetition)
	dr.mustSee("Quách Thị Quyên")
	if drafts, _ := entry.Drafts(s); len(drafts) != 0 {
		t.Fatalf("draft left after saving: %+v", drafts)
	}
}

func TestDraftsDialogDiscardAndLater(t *testing.T) {
	s := newFixtureStore(t)
	for _, f := range [][2]string{{"2", "Vấn đề góp ý"}, {"3", "Địa điểm"}} {
		dr := newTestRoot(t, s, i18n.VI, 80, 24)
		if _, ok := dr.top().(*draftsDialog); ok {
			dr.key("esc")
		}
		dr.keys(f[0], "n")
		dr.focus(f[1])
		dr.ft("x")
		dr.keys("ctrl+c", "y")
	}
	dr := newTestRoot(t, s, i18n.VI, 80, 24)
	dr.mustSee("Có 2 biểu mẫu chưa lưu", "Góp ý mới", "Buổi đối thoại, tiếp dân mới")
	dr.key("q") // the dialog has the keys
	if dr.quit {
		t.Fatal("q quit from the drafts dialog")
	}
	dr.key("d") // the newest first
	dr.mustSee("Có 1 biểu mẫu chưa lưu", "Góp ý mới")
	dr.key("esc") // kept for later
	dr.mustSee("[1 Tổng quan]", "Kiến nghị quá hạn")
	if drafts, _ := entry.Drafts(s); len(drafts) != 1 || drafts[0].Kind != "feedback" {
		t.Fatalf("drafts %+v", drafts)
	}
	dr = newTestRoot(t, s, i18n.VI, 80, 24)
	dr.mustSee("Có 1 biểu mẫu chưa lưu")
	dr.key("d")
	dr.mustNotSee("chưa lưu")
	if drafts, _ := entry.Drafts(s); len(drafts) != 0 {
		t.Fatalf("drafts %+v", drafts)
	}
}

// A save the file refuses (opened read-only) shows the error and keeps
// the form as typed.
func TestFailedSaveKeepsTheFormAsTyped(t *testing.T) {
	s := newFixtureStore(t)
	path := s.Path()
	s.Close()
	if err := os.Chmod(path, 0o400); err != nil {
		t.Fatal(err)
	}
	ro, err := store.Open(path, store.Options{ReadOnly: true, Now: func() time.Time { return fixtureNow }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ro.Close() })
	dr := newTestRoot(t, ro, i18n.VI, 80, 24)
	dr.keys("4", "n")
	dr.focus("Họ tên")
	dr.ft("Đinh Công Tráng")
	dr.focus("Tóm tắt nội dung")
	dr.ft("Xin xác nhận tạm trú.")
	dr.key("ctrl+s")
	dr.mustBeForm()
	dr.mustSee("! Không ghi được vào tệp dữ liệu", "Đinh Công Tráng", "Xin xác nhận tạm trú.")
	checkFrame(t, dr.r.View().Content, 80, 24)
	// Still typed, still unsaved: esc asks, ctrl+c asks.
	dr.key("esc")
	dr.mustSee("Bỏ những gì đã nhập?")
	dr.key("n")
	dr.key("ctrl+c")
	dr.mustSee("Vẫn thoát?")

	// A store closed under the form fails the same way.
	s2 := newFixtureStore(t)
	dr = newTestRoot(t, s2, i18n.VI, 80, 24)
	dr.keys("2", "enter", "a")
	dr.ft("giai")
	dr.focus("Nội dung trả lời")
	dr.ft("Đang xem xét.")
	s2.Close()
	dr.key("ctrl+s")
	dr.mustBeForm()
	dr.mustSee("Trả lời ý kiến", "! Cơ sở dữ liệu đã đóng; nội dung vẫn giữ", "Giải trình", "Đang xem xét.")
}

func TestSettingsEditedAndLanguageSwitched(t *testing.T) {
	s := newFixtureStore(t)
	dr := newTestRoot(t, s, i18n.VI, 80, 24)
	dr.key("6")
	dr.mustSee("e sửa danh mục")
	dr.key("G")
	dr.mustSee("Bấm e để sửa")
	dr.key("e")
	dr.mustSee("Sửa danh mục", "Tên phường, xã")
	dr.focus("Tỉnh, thành phố")
	dr.fk("end")
	dr.ft(" (thủ đô)")
	dr.focus("Ngôn ngữ")
	dr.fk("right")
	dr.key("ctrl+s")
	if _, ok := dr.top().(*settingsView); !ok {
		t.Fatalf("after saving settings: %T", dr.top())
	}
	dr.mustSee("[6 Settings]", "Settings saved", "e edit settings")
	if dr.r.c.lang != i18n.EN || dr.r.c.settings.Language != "en" {
		t.Fatalf("language %s, settings %s", dr.r.c.lang, dr.r.c.settings.Language)
	}
	st, err := s.Settings()
	if err != nil || st.Language != "en" || st.Province != "Thành phố Hà Nội (thủ đô)" {
		t.Fatalf("stored settings %+v, %v", st, err)
	}
	dr.key("4")
	dr.mustSee("[4 Petitions]", "n new")
}

// The day's backup is written in the background at start; a failure is
// said on the help line, never in the way.
func TestAutomaticBackupAtStart(t *testing.T) {
	s := newFixtureStore(t)
	r, err := NewRoot(s, i18n.VI, Options{Today: fixtureToday, AutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	dr := &driver{t: t, r: r}
	dr.run(r.Init())
	names, _ := filepath.Glob(filepath.Join(store.BackupDir(s.Path()), "gopy-*.db*"))
	if len(names) != 1 {
		t.Fatalf("backups: %v", names)
	}

	s2 := newFixtureStore(t)
	if err := os.WriteFile(store.BackupDir(s2.Path()), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	r, _ = NewRoot(s2, i18n.VI, Options{Today: fixtureToday, AutoBackup: true})
	dr = &driver{t: t, r: r}
	dr.run(r.Init())
	dr.mustSee("[1 Tổng quan]", "Sao lưu tự động lỗi")
	dr.key("j")
	dr.mustNotSee("Sao lưu tự động lỗi")
}

// A form opened before the terminal said its background is light takes
// the light styles too.
func TestFormRestyled(t *testing.T) {
	dr := newTestRoot(t, newFixtureStore(t), i18n.EN, 80, 24)
	dr.keys("3", "n")
	dr.send(tea.BackgroundColorMsg{Color: lightColor{}})
	if e := dr.mustBeForm(); e.c.st.Dark {
		t.Fatal("styles still dark")
	}
	dr.mustSee("New session", "Held on")
	checkFrame(t, dr.r.View().Content, 80, 24)
}

func TestEveryFormFitsTheFrame(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		for _, lang := range []i18n.Lang{i18n.VI, i18n.EN} {
			for _, keys := range [][]string{{"2", "n"}, {"3", "n"}, {"4", "n"}, {"6", "e"},
				{"2", "G", "enter", "a"}, {"2", "G", "enter", "p"}, {"2", "G", "enter", "e"}, {"3", "G", "enter", "a"},
				{"4", "enter", "x"}, {"4", "enter", "a"}, {"4", "enter", "d"}} {
				dr := newTestRoot(t, newFixtureStore(t), lang, size[0], size[1])
				dr.keys(keys...)
				dr.mustBeForm()
				checkFrame(t, dr.r.View().Content, size[0], size[1])
			}
		}
	}
}

// A confidential petitioner's name shows in the edit form only after v,
// as on the detail.
func TestConfidentialEditAfterReveal(t *testing.T) {
	dr := newTestRoot(t, newFixtureStore(t), i18n.VI, 80, 24)
	dr.keys("4", "j", "j", "j", "j", "enter") // KN-2026-0004, a denunciation
	dr.mustSee("KN-2026-0004", "(bảo mật)")
	dr.key("e")
	if _, ok := dr.top().(*detailScreen); !ok {
		t.Fatalf("e opened %T before v", dr.top())
	}
	dr.mustSee("bấm v để hiện")
	dr.mustNotSee("Phạm Văn Cường")
	dr.keys("v", "e")
	dr.mustBeForm()
	dr.mustSee("Sửa KN-2026-0004", "Phạm Văn Cường")
}
