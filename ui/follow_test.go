package ui

import (
	"testing"

	"gopy/model"
	"gopy/store"
	"gopy/ui/i18n"
)

// c on a feedback's detail adds a commitment to its accepted point; the
// commitment names the point, and the feedback lists the commitment.
func TestCommitmentFromAPoint(t *testing.T) {
	s := newFixtureStore(t)
	dr := newTestRoot(t, s, i18n.VI, 80, 24)

	// GY-2026-0002 has no accepted point: c says why and opens nothing.
	dr.keys("2", "enter") // the newest
	dr.mustSee("GY-2026-0002")
	dr.key("c")
	dr.mustSee("Chưa có ý kiến nào được tiếp thu")
	if _, ok := dr.top().(*detailScreen); !ok {
		t.Fatalf("c on a feedback without an accepted point opened %T", dr.top())
	}
	dr.key("esc")

	dr.keys("G", "enter") // GY-2026-0001: point 1 accepted on 20/01
	dr.mustSee("GY-2026-0001")
	dr.key("c")
	dr.mustSee("Thêm cam kết · GY-2026-0001", "1. Đề nghị công khai quy hoạch", "› Nội dung cam kết")
	dr.ft("Nạo vét cống thoát nước tổ dân phố 5 trước mùa mưa")
	dr.focus("Đơn vị thực hiện")
	dr.ft("UBND phường")
	dr.key("ctrl+s")
	dr.mustSee("› Hạn hoàn thành", "! Chưa nhập (bắt buộc)")
	dr.ft("31/05/2026")
	dr.key("ctrl+s")

	det := dr.created(model.KindCommitment)
	dr.mustSee("CK-2026-0001", "→ Từ GY-2026-0001, ý kiến 1", "Chưa thực hiện")
	c := getRec[*model.Commitment](t, s, model.KindCommitment, det.recID)
	if c.FeedbackID != fid(1) || c.PointNo != 1 || c.MadeOn != d(20, 1) || c.Due != model.NewDate(2026, 5, 31) ||
		c.Unit != "UBND phường" || c.State != model.CommitmentPlanned {
		t.Fatalf("stored %+v", c)
	}
	// Back on the feedback: its commitments, linked.
	dr.key("esc")
	dr.detailHas("Cam kết (1)", "→ CK-2026-0001 · Nạo vét cống thoát nước")
	// And the Feedback tab's commitments list (C) holds it.
	dr.keys("esc", "C")
	dr.mustSeeRow("CK-2026-0001", "Nạo vét cống", "Chưa thực hiện", "31/05/2026")
}

// c on a session adds a commitment; past its due date it is overdue (on
// the dashboard too); x closes it as done with its evidence.
func TestCommitmentFromASessionClosed(t *testing.T) {
	s := newFixtureStore(t)
	dr := newTestRoot(t, s, i18n.VI, 80, 24)
	dr.keys("3", "G", "enter") // DT-2026-0001, the dialogue of 20/01
	dr.mustSee("DT-2026-0001")
	dr.key("c")
	dr.mustSee("Thêm cam kết · DT-2026-0001", "20/01/2026")
	dr.ft("Sửa đèn chiếu sáng ngõ 12")
	dr.focus("Hạn hoàn thành")
	dr.ft("28/02/2026")
	dr.key("ctrl+s")
	det := dr.created(model.KindCommitment)
	dr.mustSee("→ Từ DT-2026-0001", "! Quá hạn")
	id := det.recID
	if n, _ := s.Count(store.Query{Kind: model.KindCommitment, Overdue: true, Today: fixtureToday()}); n != 1 {
		t.Fatalf("overdue commitments %d, want 1", n)
	}
	dr.key("1")
	dr.mustSeeRow("Cam kết quá hạn", "1 !")

	// Close it: x, done today, with the evidence.
	dr.keys("3", "esc")
	dr.keys("G", "enter")
	dr.detailHas("Cam kết (1)", "→ CK-2026-0001 · Sửa đèn chiếu sáng ngõ 12")
	sess := dr.top().(*detailScreen)
	for {
		ln := sess.doc.lines[sess.doc.cursor]
		if ln.link != nil && ln.link.kind == model.KindCommitment {
			break
		}
		if sess.doc.cursor == len(sess.doc.lines)-1 {
			t.Fatal("no link to the commitment")
		}
		dr.key("j")
	}
	dr.key("enter")
	dr.created(model.KindCommitment)
	dr.key("x")
	dr.mustSee("Cập nhật cam kết · CK-2026-0001", "Đang thực hiện")
	dr.ft("hoan")
	dr.mustSee("Đã hoàn thành", "Văn bản chứng minh")
	dr.focus("Văn bản chứng minh (số)")
	dr.ft("25/BC-UBND")
	dr.focus("Ghi chép tiến độ")
	dr.ft("Đã thay bóng đèn toàn tuyến.")
	dr.key("ctrl+s")
	dr.mustSee("Đã hoàn thành")
	dr.detailHas("Ngày hoàn thành", "16/03/2026", "chậm so với hạn", "25/BC-UBND", "Tiến độ thực hiện (1)", "Đã thay bóng đèn toàn tuyến.")
	// The history names the change in words.
	dr.detailHas("Đổi Tình trạng từ Chưa thực hiện thành Đã hoàn thành", "Ghi Ngày hoàn thành: 16/03/2026",
		"Thêm tiến độ thực hiện (16/03/2026, Trần Thị Thu Hà): «Đã thay bóng đèn toàn")
	c := getRec[*model.Commitment](t, s, model.KindCommitment, id)
	if c.State != model.CommitmentDone || c.DoneOn != fixtureToday() || c.EvidenceDocNo != "25/BC-UBND" || len(c.Progress) != 1 {
		t.Fatalf("closed %+v", c)
	}
	dr.key("1")
	dr.mustSeeRow("Cam kết quá hạn", "0")
}

// The answer dialog records the giver's assessment of an answered point;
// the detail shows it.
func TestAssessmentOfAnAnswer(t *testing.T) {
	s := newFixtureStore(t)
	dr := newTestRoot(t, s, i18n.VI, 80, 24)
	dr.keys("2", "G", "enter") // GY-2026-0001: point 1 accepted
	det := dr.top().(*detailScreen)
	for det.pointUnderCursor() != 1 {
		dr.key("j")
	}
	dr.key("a")
	dr.mustSee("Trả lời ý kiến GY-2026-0001", "Chưa đánh giá")
	dr.focus("Đánh giá")
	dr.fk("right", "right", "right")
	dr.mustSee("Chưa thỏa đáng", "Ngày đánh giá")
	dr.focus("Nhận xét")
	dr.ft("Chưa nêu thời gian niêm yết.")
	dr.key("ctrl+s")
	dr.created(model.KindFeedback)
	dr.detailHas("Đánh giá", "Chưa thỏa đáng", "16/03/2026 · Chưa nêu thời gian niêm yết.")
	fb := getRec[*model.Feedback](t, s, model.KindFeedback, fid(1))
	p := fb.Points[0]
	if p.Assessment != model.AssessNotSatisfied || p.AssessedOn != fixtureToday() || p.Status != model.AnswerAccepted ||
		p.Answer != "Tiếp thu, đã niêm yết tại trụ sở." {
		t.Fatalf("point after the assessment: %+v", p)
	}
}

// A petition names the earlier one on the same matter by its reference;
// the detail links it and counts the times, the list marks it.
func TestRepeatedPetitionByReference(t *testing.T) {
	s := newFixtureStore(t)
	dr := newTestRoot(t, s, i18n.VI, 80, 24)
	dr.keys("4", "n")
	dr.focus("Họ tên")
	dr.ft("Nguyễn Thị Yến")
	dr.focus("Tóm tắt nội dung")
	dr.ft("Đèn chiếu sáng vẫn chưa được sửa.")
	dr.focus("Lặp lại đơn số")
	dr.ft("KN-2026-0099")
	dr.key("ctrl+s")
	dr.mustBeForm()
	dr.mustSee("Không tìm thấy bản ghi liên kết")
	if n, _ := s.Total(model.KindPetition); n != 8 {
		t.Fatalf("a refused save wrote: %d petitions", n)
	}
	dr.focus("Lặp lại đơn số")
	for range len("KN-2026-0099") {
		dr.fk("backspace")
	}
	dr.ft("kn-2026-0008")
	dr.key("ctrl+s")
	det := dr.created(model.KindPetition)
	dr.detailHas("Lặp lại đơn KN-2026-0008 · 15/02/2026 · lần thứ 2 phản ánh vụ việc này")
	p := getRec[*model.Petition](t, s, model.KindPetition, det.recID)
	if p.RepeatOf != fid(27) || p.RepeatNo != 2 || p.RepeatRef != "KN-2026-0008" {
		t.Fatalf("stored %+v", p)
	}
	dr.key("esc")
	dr.mustSeeRow(p.Ref, "(lần 2) Kiến nghị: Đè") // the classification leads the summary at 80 columns (issue 13)
}

// I in the Feedback tab lists the information owed to the Front; n adds
// an item, overdue once its due date passes; e records that it was given.
func TestInformationOwedToTheFront(t *testing.T) {
	s := newFixtureStore(t)
	dr := newTestRoot(t, s, i18n.VI, 80, 24)
	dr.keys("2", "I")
	dr.mustSee("Thông tin phải cung cấp cho Mặt trận", "Chưa có bản ghi nào.")
	dr.key("n")
	dr.mustSee("› Nội dung thông tin*")
	dr.ft("Kết luận thanh tra việc quản lý đất công")
	dr.focus("Hạn cung cấp")
	for range len("16/03/2026") {
		dr.fk("backspace")
	}
	dr.ft("10/03/2026")
	dr.key("ctrl+s")
	det := dr.created(model.KindInformation)
	dr.mustSee("TT-2026-0001", "! Quá hạn", "Chưa cung cấp")
	dr.key("1")
	dr.mustSeeRow("Thông tin chưa cung cấp, quá hạn", "1 !")

	dr.key("2")
	dr.key("e")
	dr.mustSee("› Ngày cung cấp")
	dr.ft("t")
	dr.focus("Hình thức")
	dr.ft("hoi nghi")
	dr.key("ctrl+s")
	dr.mustSee("Đã cung cấp")
	dr.detailHas("16/03/2026", "! chậm so với hạn", "Tại hội nghị, cuộc họp")
	i := getRec[*model.Information](t, s, model.KindInformation, det.recID)
	if i.ProvidedOn != fixtureToday() || i.How != model.InfoMeeting || i.DueOn != d(10, 3) || i.Overdue(fixtureToday()) {
		t.Fatalf("stored %+v", i)
	}
}

// The Reports tab's follow-through section shows the report's figures,
// and each count opens the list of those records.
func TestReportsFollowSection(t *testing.T) {
	s := newFixtureStore(t)
	for _, r := range []model.Record{
		&model.Commitment{MadeOn: d(20, 1), SessionID: fid(10), What: "Sửa đường tổ 3", Due: d(28, 2)},
		&model.Commitment{MadeOn: d(20, 1), FeedbackID: fid(1), PointNo: 1, What: "Niêm yết quy hoạch", Due: d(31, 1),
			State: model.CommitmentDone, DoneOn: d(25, 1)},
		&model.Information{Item: "Kết luận thanh tra", Category: model.InfoInspection, OwedBy: model.TargetGovernment, DueOn: d(1, 3)},
	} {
		if err := s.Create(r, officer); err != nil {
			t.Fatal(err)
		}
	}
	dr := newTestRoot(t, s, i18n.VI, 80, 24)
	dr.keys("5", "left")
	dr.mustSee("[Cam kết]", "Cam kết thực hiện")
	r := reportsTabOf(t, dr)
	want := map[string]string{"Số cam kết": "2", "Cam kết từ ý kiến góp ý": "1", "Hoàn thành đúng hạn": "1",
		"Cam kết quá hạn": "1", "Số nội dung phải cung cấp": "1", "Chưa cung cấp, quá hạn": "1"}
	for i, row := range r.lay.rows {
		w, ok := want[row.label]
		if !ok || row.kind != rowFigure {
			continue
		}
		if row.value != w {
			t.Errorf("%s = %s, want %s", row.label, row.value, w)
		}
		delete(want, row.label)
		if row.label != "Cam kết quá hạn" {
			continue
		}
		for r.cursor < i {
			dr.key("j")
		}
		dr.key("enter")
		l, ok := dr.r.top().(*listScreen)
		if !ok || l.total != 1 {
			t.Fatalf("overdue commitments opened %T", dr.r.top())
		}
		dr.mustSee("Sửa đường tổ 3")
		dr.key("esc")
	}
	if len(want) > 0 {
		t.Errorf("figures not shown: %v", want)
	}
}
