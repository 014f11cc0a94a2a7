package entry

import (
	"errors"
	"strings"
	"testing"

	"gopy/model"
	"gopy/store"
	"gopy/ui/i18n"
)

func TestPetitionFollowUp(t *testing.T) {
	s, _ := openStore(t)
	ctx := testCtx(t, s)
	f := NewPetition(ctx)
	checkFrame(t, f)
	// A denunciation received Tue 10/03/2026: its acceptance within 7
	// working days, 11–13/03 and 16–19/03: Thu 19/03. Transferred, it is
	// never accepted here, so it has no resolution due.
	ackDue := model.NewDate(2026, 3, 19)
	mustContain(t, f, "Kiến nghị mới", "Ngày tiếp nhận*", "10/03/2026")

	// An impossible date shows its error once the field is left; t types
	// today.
	press(f, "ctrl+u")
	typeText(f, "31/02/2026")
	press(f, "tab")
	mustContain(t, f, "! Ngày không tồn tại")
	press(f, "shift+tab", "ctrl+u", "t")
	if f.cur.value() != "10/03/2026" {
		t.Fatalf("t gave %q", f.cur.value())
	}
	press(f, "tab")
	typeText(f, "dien thoai")
	press(f, "tab")
	typeText(f, "to cao")
	mustContain(t, f, "Tố cáo")
	focusOn(t, f, "confidential")
	press(f, "space") // forced on: space cannot clear it
	mustContain(t, f, "[x]", "Luôn giữ bí mật với đơn tố cáo")

	focusOn(t, f, "name")
	typeText(f, "Nguyễn Thị Lan")
	press(f, "tab")
	typeText(f, "dong xoai")
	press(f, "down", "enter")
	focusOn(t, f, "id_number")
	typeText(f, "12ab")
	press(f, "tab")
	mustContain(t, f, "! Số CCCD/hộ chiếu không hợp lệ")
	press(f, "shift+tab", "backspace", "backspace", "backspace", "backspace")
	typeText(f, "079123456789")
	focusOn(t, f, "summary")
	typeText(f, "Tố cáo cán bộ địa chính nhận tiền.")

	// Transferred: status follows, the agency is asked for.
	focusOn(t, f, "handling")
	typeText(f, "chuyen")
	mustContain(t, f, "Chuyển đơn", "Cơ quan chuyển / hướng dẫn")
	focusOn(t, f, "ack_due")
	if f.cur.value() != ackDue.String() {
		t.Errorf("ack due %q, want %s", f.cur.value(), ackDue)
	}
	focusOn(t, f, "status")
	if f.cur.value() != string(model.StatusTransferred) {
		t.Errorf("status %q did not follow handling", f.cur.value())
	}
	press(f, "ctrl+s")
	if f.cur.key != "handling_agency" {
		t.Fatalf("focus on %q", f.cur.key)
	}
	mustContain(t, f, "! Chưa nhập (bắt buộc)")
	checkFrame(t, f)
	typeText(f, "cong an")
	press(f, "down", "enter", "tab")
	typeText(f, "15/CV-UBND")

	saved := save(t, f).(SavedMsg)
	p := getPetition(t, s, saved.ID)
	if !p.Confidential || p.Classification != model.ClassDenunciation || p.Status != model.StatusTransferred ||
		p.HandlingAgency != "Công an phường" || p.HandlingDocNo != "15/CV-UBND" || p.Channel != model.ChannelPhone ||
		p.AckDue != ackDue || p.ResolutionDue != 0 || p.Group != "Khu phố Đồng Xoài" || p.IDNumber != "079123456789" {
		t.Errorf("stored %+v", p)
	}

	// x: resolved, with its result; the log records it.
	x := ChangeStatus(testCtx(t, s), p)
	checkFrame(t, x)
	mustContain(t, x, "Trạng thái KN-2026-0001", "Đã giải quyết", "Kết quả giải quyết")
	focusOn(t, x, "result")
	typeText(x, "Đã xử lý kỷ luật.")
	save(t, x)
	p = getPetition(t, s, p.ID)
	if p.Status != model.StatusResolved || p.ResolvedOn != today || p.Result != "Đã xử lý kỷ luật." ||
		len(p.Log) != 1 || p.Log[0].Kind != "status" || p.Log[0].Status != model.StatusResolved || p.Log[0].By != "Lê Thị Hoa" {
		t.Errorf("after x: %+v", p)
	}

	// x again offers resolved (to complete the result) or reopening; the
	// result is there to correct, and the day the citizen was told.
	x = ChangeStatus(testCtx(t, s), p)
	mustContain(t, x, "◂ Đã giải quyết ▸ 1/2", "Đã xử lý kỷ luật.", "Ngày trả lời công dân")
	focusOn(t, x, "reported_back_on")
	press(x, "t")
	save(t, x)
	p = getPetition(t, s, p.ID)
	if p.Status != model.StatusResolved || p.ReportedBackOn != today || p.Result != "Đã xử lý kỷ luật." {
		t.Errorf("after x again: %+v", p)
	}

	// a: a dated history entry; the text is required.
	a := AddNote(testCtx(t, s), p)
	checkFrame(t, a)
	press(a, "ctrl+s")
	mustContain(t, a, "! Chưa nhập (bắt buộc)")
	focusOn(t, a, "note")
	typeText(a, "Đã gọi điện báo cho công dân.")
	save(t, a)
	p = getPetition(t, s, p.ID)
	if len(p.Log) != 2 || p.Log[1].Kind != "note" || p.Log[1].Text != "Đã gọi điện báo cho công dân." || p.Log[1].On != today {
		t.Errorf("log %+v", p.Log)
	}

	// e: the date the citizen was told; a new assignee goes in the log.
	e := EditPetition(testCtx(t, s), p)
	focusOn(t, e, "assignee_officer")
	typeText(e, "nam")
	press(e, "down", "enter")
	focusOn(t, e, "reported_back_on")
	press(e, "t")
	save(t, e)
	p = getPetition(t, s, p.ID)
	if p.ReportedBackOn != today || p.AssigneeOfficer != "Nguyễn Văn Nam" || len(p.Log) != 3 || p.Log[2].Kind != "assign" {
		t.Errorf("after edit %+v", p)
	}
	if h := history(t, s, p.ID); len(h) != 5 { // create, x, x again, a, e
		t.Errorf("history has %d entries", len(h))
	}

	// d: deleted after confirmation; the history says who.
	d := ConfirmDelete(testCtx(t, s), p)
	checkFrame(t, d)
	mustContain(t, d, "Xoá KN-2026-0001?", "y: xoá")
	if got := run(t, d, press(d, "n")); len(got) != 1 || got[0] != (ClosedMsg{}) {
		t.Fatalf("n gave %v", got)
	}
	got := run(t, d, press(d, "y"))
	if len(got) != 1 || got[0] != (DeletedMsg{Kind: model.KindPetition, ID: p.ID}) {
		t.Fatalf("y gave %v", got)
	}
	if _, err := s.Get(model.KindPetition, p.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("still there: %v", err)
	}
	h := history(t, s, p.ID)
	if last := h[len(h)-1]; last.Action != "delete" || last.By != "Lê Thị Hoa" {
		t.Errorf("last history %+v", last)
	}
}

func TestStatusFollowsHandlingBothWays(t *testing.T) {
	s, _ := openStore(t)
	f := NewPetition(testCtx(t, s))
	focusOn(t, f, "status")
	typeText(f, "tra lai")
	focusOn(t, f, "handling")
	if f.cur.value() != string(model.HandlingReturned) {
		t.Fatalf("handling %q did not follow status", f.cur.value())
	}
	press(f, "left", "left") // back to "not decided"
	focusOn(t, f, "status")
	if f.cur.value() != string(model.StatusInProgress) {
		t.Errorf("status %q after undoing handling", f.cur.value())
	}
}

// Accepting a complaint dates its acceptance today and starts its term;
// marking it complex lengthens it; a complex denunciation takes an
// extension. The due fields follow as typed, and what is stored agrees.
func TestPetitionFormAcceptance(t *testing.T) {
	s, _ := openStore(t)
	f := NewPetition(testCtx(t, s))
	focusOn(t, f, "classification")
	typeText(f, "khieu nai")
	mustContain(t, f, "Khiếu nại")
	focusOn(t, f, "name")
	typeText(f, "Nguyễn Văn An")
	focusOn(t, f, "summary")
	typeText(f, "Khiếu nại quyết định thu hồi đất.")
	// Tue 10/03/2026 + 10 days: Fri 20/03. No resolution due before
	// acceptance.
	focusOn(t, f, "ack_due")
	if f.cur.value() != "20/03/2026" {
		t.Errorf("ack due %q, want 20/03/2026", f.cur.value())
	}
	focusOn(t, f, "resolution_due")
	if f.cur.value() != "" {
		t.Errorf("an unaccepted complaint has resolution due %q", f.cur.value())
	}
	focusOn(t, f, "handling")
	typeText(f, "thu ly")
	focusOn(t, f, "accepted_on")
	if f.cur.value() != "10/03/2026" {
		t.Fatalf("accepted on %q, want today", f.cur.value())
	}
	// 10/03 + 30 = Thu 09/04.
	focusOn(t, f, "resolution_due")
	if f.cur.value() != "09/04/2026" {
		t.Errorf("resolution due %q, want 09/04/2026", f.cur.value())
	}
	// Complex: + 45 = Fri 24/04.
	focusOn(t, f, "complex")
	press(f, "space")
	focusOn(t, f, "resolution_due")
	if f.cur.value() != "24/04/2026" {
		t.Errorf("complex: resolution due %q, want 24/04/2026", f.cur.value())
	}
	saved := save(t, f).(SavedMsg)
	p := getPetition(t, s, saved.ID)
	if p.AcceptedOn != today || !p.Complex || p.Handling != model.HandlingAccepted || p.ResolutionDue != model.NewDate(2026, 4, 24) {
		t.Errorf("stored accepted %v complex %v handling %q due %v", p.AcceptedOn, p.Complex, p.Handling, p.ResolutionDue)
	}

	// A denunciation accepted Thu 12/03, complex: 12/03 + 30 = Sat 11/04 →
	// Mon 13/04; extended by 30 days: + 60 = Mon 11/05.
	d := &model.Petition{ReceivedOn: today, Channel: model.ChannelWritten, Classification: model.ClassDenunciation,
		Name: "Trần Thị Bình", Summary: "Tố cáo cán bộ.", AcceptedOn: model.NewDate(2026, 3, 12), Complex: true}
	if err := s.Create(d, "Lê Thị Hoa"); err != nil {
		t.Fatal(err)
	}
	if d.ResolutionDue != model.NewDate(2026, 4, 13) {
		t.Fatalf("denunciation due %v, want 13/04/2026", d.ResolutionDue)
	}
	e := EditPetition(testCtx(t, s), getPetition(t, s, d.ID))
	focusOn(t, e, "extensions.1.on")
	typeText(e, "08/04/2026")
	focusOn(t, e, "extensions.1.days")
	typeText(e, "30")
	focusOn(t, e, "extensions.1.decision_no")
	typeText(e, "12/QĐ-UBND")
	focusOn(t, e, "resolution_due")
	if e.cur.value() != "11/05/2026" {
		t.Errorf("extended: resolution due %q, want 11/05/2026", e.cur.value())
	}
	save(t, e)
	got := getPetition(t, s, d.ID)
	if len(got.Extensions) != 1 || got.Extensions[0].Days != 30 || got.Extensions[0].DecisionNo != "12/QĐ-UBND" ||
		got.ResolutionDue != model.NewDate(2026, 5, 11) {
		t.Errorf("stored extensions %+v due %v", got.Extensions, got.ResolutionDue)
	}
}

// x on a received complaint takes it in hand: accepted today, its term
// starting today (10/03/2026 + 30 = Thu 09/04).
func TestStatusDialogAccepts(t *testing.T) {
	s, _ := openStore(t)
	p := &model.Petition{ReceivedOn: model.NewDate(2026, 3, 2), Channel: model.ChannelWalkIn,
		Classification: model.ClassComplaint, Name: "Phan Văn Thử", Summary: "Khiếu nại."}
	if err := s.Create(p, "Lê Thị Hoa"); err != nil {
		t.Fatal(err)
	}
	x := ChangeStatus(testCtx(t, s), getPetition(t, s, p.ID))
	mustContain(t, x, "Đang giải quyết")
	save(t, x)
	got := getPetition(t, s, p.ID)
	if got.Status != model.StatusInProgress || got.AcceptedOn != today || got.ResolutionDue != model.NewDate(2026, 4, 9) {
		t.Errorf("after x: status %q accepted %v due %v", got.Status, got.AcceptedOn, got.ResolutionDue)
	}
}

// A merely complex denunciation is extended once; a second extension is
// refused beside its date until the case is marked especially complex
// (Luật Tố cáo 2018, Điều 30 khoản 1).
func TestPetitionFormSecondExtension(t *testing.T) {
	s, _ := openStore(t)
	d := &model.Petition{ReceivedOn: today, Channel: model.ChannelWritten, Classification: model.ClassDenunciation,
		Name: "Trần Thị Bình", Summary: "Tố cáo cán bộ.", AcceptedOn: model.NewDate(2026, 3, 12), Complex: true,
		Extensions: []model.Extension{{On: model.NewDate(2026, 4, 8), Days: 30, DecisionNo: "12/QĐ-UBND"}}}
	if err := s.Create(d, "Lê Thị Hoa"); err != nil {
		t.Fatal(err)
	}
	e := EditPetition(testCtx(t, s), getPetition(t, s, d.ID))
	focusOn(t, e, "extensions.2.on")
	typeText(e, "05/05/2026")
	focusOn(t, e, "extensions.2.days")
	typeText(e, "30")
	focusOn(t, e, "extensions.2.decision_no")
	typeText(e, "20/QĐ-UBND")
	if got := run(t, e, press(e, "ctrl+s")); len(got) != 0 {
		t.Fatalf("a second extension of a merely complex case saved: %v", got)
	}
	if e.cur.key != "extensions.2.on" {
		t.Errorf("focus on %q after the refusal, want the second extension's date", e.cur.key)
	}
	mustContain(t, e, "Gia hạn lần hai chỉ cho vụ việc")
	if got := getPetition(t, s, d.ID); len(got.Extensions) != 1 {
		t.Fatalf("stored %d extensions", len(got.Extensions))
	}
	focusOn(t, e, "especially_complex")
	press(e, "space")
	// 12/03 + 30 + 30 + 30 = Wed 10/06/2026.
	focusOn(t, e, "resolution_due")
	if e.cur.value() != "10/06/2026" {
		t.Errorf("twice extended: resolution due %q, want 10/06/2026", e.cur.value())
	}
	save(t, e)
	got := getPetition(t, s, d.ID)
	if !got.EspeciallyComplex || len(got.Extensions) != 2 || got.ResolutionDue != model.NewDate(2026, 6, 10) {
		t.Errorf("stored especially %v, %d extensions, due %v", got.EspeciallyComplex, len(got.Extensions), got.ResolutionDue)
	}
}

// x dating the acceptance before the receipt: the error is the dialog's
// Date field's, shown under it, and the count says "1 error" (review D1,
// D2) — not a field "Accepted on" the dialog does not have.
func TestStatusDialogDateErrorOnItsField(t *testing.T) {
	s, _ := openStore(t)
	p := &model.Petition{ReceivedOn: today, Channel: model.ChannelWalkIn,
		Classification: model.ClassComplaint, Name: "Phan Văn Thử", Summary: "Khiếu nại."}
	if err := s.Create(p, "Lê Thị Hoa"); err != nil {
		t.Fatal(err)
	}
	ctx := testCtx(t, s)
	ctx.Lang = i18n.EN
	x := ChangeStatus(ctx, getPetition(t, s, p.ID))
	focusOn(t, x, "on")
	for range 12 {
		press(x, "backspace")
	}
	typeText(x, today.AddDays(-1).String())
	if x.cur.value() != today.AddDays(-1).String() {
		t.Fatalf("date typed as %q", x.cur.value())
	}
	if got := run(t, x, press(x, "ctrl+s")); len(got) != 0 {
		t.Fatalf("accepted the day before receipt: %v", got)
	}
	if x.cur.key != "on" {
		t.Errorf("focus on %q, want the Date field", x.cur.key)
	}
	v := view(x)
	if strings.Contains(v, "Accepted on") || !strings.Contains(v, "1 error: see the red line") {
		t.Errorf("the error does not point at the dialog's Date:\n%s", v)
	}
	lines := strings.Split(v, "\n")
	for i, ln := range lines {
		if strings.Contains(ln, "Date") && !strings.Contains(ln, "Before the date received") &&
			(i+1 >= len(lines) || !strings.Contains(lines[i+1], "Before the date received")) {
			t.Errorf("no error beside or under the Date field:\n%s", v)
		}
	}
}
