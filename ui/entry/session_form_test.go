package entry

import (
	"testing"

	"gopy/model"
)

func TestSessionRaisesLinkedPetitions(t *testing.T) {
	s, _ := openStore(t)
	f := NewSession(testCtx(t, s))
	checkFrame(t, f)
	mustContain(t, f, "Buổi đối thoại, tiếp dân mới", "Đối thoại trực tiếp", "Ngày thông báo")

	focusOn(t, f, "location")
	typeText(f, "Hội trường khu phố 2")
	press(f, "tab")
	typeText(f, "bi thu")
	press(f, "tab")
	typeText(f, "nguyen")
	press(f, "down", "enter")
	focusOn(t, f, "participants")
	typeText(f, "8a5") // letters do not go into a number
	if f.cur.value() != "85" {
		t.Fatalf("participants = %q", f.cur.value())
	}
	focusOn(t, f, "announced_on")
	typeText(f, "01/03/2026")
	press(f, "tab")
	mustContain(t, f, "Thông báo trước ít nhất 7 ngày: chậm nhất 03/03/2026")

	// Two matters; the second left without its summary.
	press(f, "ctrl+n")
	if f.cur.key != "matters.1.name" {
		t.Fatalf("ctrl+n focused %q", f.cur.key)
	}
	typeText(f, "Ông Trần Văn Tư")
	press(f, "tab")
	typeText(f, "to 2")
	press(f, "down", "enter")
	// The register records where the citizen lives and their papers.
	press(f, "tab")
	typeText(f, "Số 5 hẻm 12")
	press(f, "tab")
	typeText(f, "079123456780")
	press(f, "tab")
	typeText(f, "0903 123 456")
	press(f, "tab")
	typeText(f, "phan anh")
	press(f, "tab")
	typeText(f, "Nước thải tràn ra đường hẻm 12.")
	press(f, "ctrl+n")
	typeText(f, "Bà Lê Thị Năm")
	press(f, "ctrl+s")
	if f.cur.key != "matters.2.summary" {
		t.Fatalf("focus on %q after a refused save", f.cur.key)
	}
	mustContain(t, f, "Tóm tắt nội dung*", "! Chưa nhập (bắt buộc)")
	checkFrame(t, f)
	typeText(f, "Đề nghị sửa đèn đường.")

	saved, ok := save(t, f).(SavedMsg)
	if !ok || saved.Kind != model.KindSession || !saved.Created {
		t.Fatalf("saved %#v", saved)
	}
	sess := getSession(t, s, saved.ID)
	if sess.Type != model.SessionDialogue || sess.HostRole != model.HostPartySecretary ||
		sess.HostName != "Nguyễn Văn Nam" || sess.Participants != 85 || sess.AnnouncedOn != model.NewDate(2026, 3, 1) {
		t.Errorf("session %+v", sess)
	}
	rows, err := s.Linked(sess.ID)
	if err != nil || len(rows) != 2 {
		t.Fatalf("linked %d, %v", len(rows), err)
	}
	for _, r := range rows {
		p := getPetition(t, s, r.ID)
		if p.SessionID != sess.ID || p.Channel != model.ChannelSession || p.ReceivedOn != sess.HeldOn || p.People != 1 {
			t.Errorf("petition %+v", p)
		}
		if p.Name == "Ông Trần Văn Tư" && (p.Group != "Tổ dân phố 2" || p.Classification != model.ClassReport ||
			p.Address != "Số 5 hẻm 12" || p.IDNumber != "079123456780" || p.Phone != "0903 123 456") {
			t.Errorf("first matter %+v", p)
		}
		if len(history(t, s, p.ID)) != 1 {
			t.Errorf("petition %s has no history", p.Ref)
		}
	}

	// Later, from the session's detail: one more matter.
	m := AddMatters(testCtx(t, s), sess)
	checkFrame(t, m)
	mustContain(t, m, "Vấn đề nêu tại DT-2026-0001", sess.Ref)
	press(m, "ctrl+s")
	mustContain(t, m, "! Chưa nhập (bắt buộc)")
	typeText(m, "Cử tri tổ 1")
	press(m, "tab", "tab", "tab", "tab", "tab", "tab")
	typeText(m, "Hỏi về tiến độ cấp sổ đỏ.")
	if saved := save(t, m).(SavedMsg); saved.ID != sess.ID {
		t.Errorf("saved %#v", saved)
	}
	if rows, _ := s.Linked(sess.ID); len(rows) != 3 {
		t.Errorf("linked after adding: %d", len(rows))
	}

	// Editing the session keeps its petitions.
	e := EditSession(testCtx(t, s), sess)
	focusOn(t, e, "participants")
	press(e, "backspace", "backspace")
	typeText(e, "90")
	save(t, e)
	if got := getSession(t, s, sess.ID).Participants; got != 90 {
		t.Errorf("participants after edit %d", got)
	}
	if rows, _ := s.Linked(sess.ID); len(rows) != 3 {
		t.Errorf("linked after edit: %d", len(rows))
	}
}

func TestRaisePetitionFromPoint(t *testing.T) {
	s, _ := openStore(t)
	fb := &model.Feedback{GivenOn: today, SourceKind: model.SourceCitizen, SourceName: "Cử tri khu phố 3",
		Form: model.FormDirect, TargetKind: model.TargetGovernment, Subject: "Ý kiến cử tri",
		Points: []model.Point{{Content: "Chợ tạm lấn chiếm lòng đường"}, {Content: "Rác tồn đọng ở hẻm 5"}}}
	if err := s.Create(fb, "test"); err != nil {
		t.Fatal(err)
	}
	f := RaisePetition(testCtx(t, s), fb, 1)
	checkFrame(t, f)
	mustContain(t, f, "Kiến nghị từ GY-2026-0001, ý kiến 2", "Từ góp ý GY-2026-0001, ý kiến 2", "Rác tồn đọng ở hẻm 5")
	saved := save(t, f).(SavedMsg)
	p := getPetition(t, s, saved.ID)
	if p.Channel != model.ChannelFeedback || p.FeedbackID != fb.ID || p.PointNo != 2 || p.Summary != "Rác tồn đọng ở hẻm 5" ||
		p.Name != "Cử tri khu phố 3" {
		t.Errorf("petition %+v", p)
	}
	if rows, _ := s.Linked(fb.ID); len(rows) != 1 || rows[0].ID != p.ID {
		t.Errorf("linked %+v", rows)
	}
}
