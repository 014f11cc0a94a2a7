package ui

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"gopy/model"
	"gopy/store"
	"gopy/ui/i18n"
)

// The fixture is a small ward with every case the screens draw: overdue
// and answered feedback, a short comment window, a late dialogue, petitions
// in every status, a confidential denunciation, links both ways, a log, a
// text holding terminal control sequences. Its clock and IDs are fixed, so
// golden files are stable.

var fixtureNow = time.Date(2026, 3, 16, 9, 30, 0, 0, model.VNZone)

func fixtureToday() model.Date { return model.DateOf(fixtureNow) }

func d(day, month int) model.Date { return model.NewDate(2026, time.Month(month), day) }

func fid(n int) string { return fmt.Sprintf("01HQ%022d", n) }

func openFixtureStore(t testing.TB, withWard bool) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "gopy.db"), store.Options{Now: func() time.Time { return fixtureNow }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if !withWard {
		return s
	}
	st, err := s.Settings()
	if err != nil {
		t.Fatal(err)
	}
	st.WardName, st.WardCode, st.Province = "Phường Hòa Bình", "HB", "Thành phố Hà Nội"
	st.Officer = "Trần Thị Thu Hà"
	st.Officers = []string{"Trần Thị Thu Hà", "Nguyễn Văn Hùng"}
	st.Agencies = []string{"UBND phường", "Công an phường"}
	st.Groups = []string{"Tổ dân phố 1", "Tổ dân phố 2"}
	if err := s.SaveSettings(st, st.Officer); err != nil {
		t.Fatal(err)
	}
	return s
}

func newFixtureStore(t testing.TB) *store.Store {
	t.Helper()
	s := openFixtureStore(t, true)
	by := "Trần Thị Thu Hà"
	create := func(r model.Record) {
		t.Helper()
		if err := s.Create(r, by); err != nil {
			t.Fatalf("create %T: %v", r, err)
		}
	}
	meta := func(n int) model.Meta { return model.Meta{ID: fid(n)} }

	create(&model.Feedback{Meta: meta(1), GivenOn: d(5, 1), SourceKind: model.SourceFront,
		SourceName: "Ủy ban MTTQ Việt Nam phường", Form: model.FormConference, TargetKind: model.TargetParty,
		TargetName: "Đảng ủy phường", Subject: "Dự thảo Nghị quyết Đại hội Đảng bộ phường",
		Topics: []string{"Đất đai"}, DraftReceivedOn: d(2, 1), CommentDeadline: d(5, 1),
		Points: []model.Point{
			{Content: "Đề nghị công khai quy hoạch sử dụng đất của phường.", Status: model.AnswerAccepted,
				AnsweredOn: d(20, 1), Answer: "Tiếp thu, đã niêm yết tại trụ sở.", AnsweredBy: "Nguyễn Văn Hùng"},
			{Content: "Việc cấp giấy chứng nhận quyền sử dụng đất còn chậm.", Status: model.AnswerPending},
		}})
	create(&model.Feedback{Meta: meta(2), GivenOn: d(2, 3), SourceKind: model.SourceOrganisation,
		SourceName: "Hội Cựu chiến binh", Form: model.FormWritten, TargetKind: model.TargetGovernment,
		TargetName: "UBND phường", Subject: "Tình hình an ninh trật tự trên địa bàn",
		Points: []model.Point{{Content: "Đề nghị tăng cường tuần tra tại khu vực chợ.", Status: model.AnswerPending}}})
	create(&model.Feedback{Meta: meta(3), GivenOn: d(10, 2), SourceKind: model.SourceCitizen,
		SourceName: "Cử tri Tổ dân phố 2", Form: model.FormDialogue, TargetKind: model.TargetIndividual,
		TargetName: "Đồng chí Lê Minh Tuấn", Subject: "Thái độ tiếp dân \x1b[31mcủa cán bộ\x1b]0;pwned\x07",
		Points: []model.Point{
			{Content: "Một số cán bộ có thái độ chưa đúng mực khi tiếp dân.", Status: model.AnswerExplained,
				AnsweredOn: d(1, 3), Answer: "Đã kiểm điểm, nhắc nhở cán bộ liên quan.", AnsweredBy: "Trần Thị Thu Hà"},
			{Content: "Đề nghị biểu dương cán bộ tận tụy.", Status: model.AnswerPartial,
				AnsweredOn: d(1, 3), Answer: "Sẽ xem xét trong dịp tổng kết năm."},
		}})

	create(&model.Session{Meta: meta(10), Type: model.SessionDialogue, HeldOn: d(20, 1),
		Location: "Hội trường UBND phường", HostRole: model.HostPartySecretary, HostName: "Bí thư Nguyễn Văn Thành",
		OrganisedBy: "Văn phòng Đảng ủy", Participants: 120, Topics: []string{"Đất đai", "Môi trường"},
		Minutes:     "Đồng chí Bí thư nghe ý kiến của Nhân dân về đất đai và môi trường.\nCác ý kiến đã được ghi nhận.",
		Commitments: "Giải quyết dứt điểm các kiến nghị trong 30 ngày.", AnnouncedOn: d(16, 1)})
	create(&model.Session{Meta: meta(11), Type: model.SessionReception, HeldOn: d(5, 3),
		Location: "Trụ sở tiếp công dân phường", HostRole: model.HostPartySecretary, HostName: "Bí thư Nguyễn Văn Thành",
		Participants: 8})
	create(&model.Session{Meta: meta(12), Type: model.SessionReception, HeldOn: d(9, 3),
		Location: "Trụ sở tiếp công dân phường", HostRole: model.HostCommitteeChair, HostName: "Chủ tịch Lê Thị Hồng Nhung",
		Participants: 5})
	create(&model.Session{Meta: meta(13), Type: model.SessionConsultation, HeldOn: d(12, 3),
		Location: "Nhà văn hóa Tổ dân phố 1", HostRole: model.HostFrontChair, HostName: "Chủ tịch UB MTTQ Phạm Quốc Việt",
		Participants: 40})

	create(&model.Petition{Meta: meta(20), ReceivedOn: d(20, 1), Channel: model.ChannelSession, SessionID: fid(10),
		Classification: model.ClassProposal, Name: "Nguyễn Văn An", Group: "Tổ dân phố 1",
		Address: "Số 12 ngõ 5 phố Hòa Bình", Phone: "0912345678", People: 3,
		Summary:  "Kiến nghị sửa chữa đoạn đường bị sụt lún trước nhà văn hóa tổ dân phố.",
		Handling: model.HandlingAccepted, AssigneeUnit: "UBND phường", AssigneeOfficer: "Nguyễn Văn Hùng",
		AcknowledgedOn: d(26, 1), Status: model.StatusInProgress,
		Log: []model.LogEntry{{On: d(26, 1), By: "Nguyễn Văn Hùng", Kind: "assign", Text: "Giao bộ phận địa chính kiểm tra hiện trường."}}})
	create(&model.Petition{Meta: meta(21), ReceivedOn: d(20, 1), Channel: model.ChannelSession, SessionID: fid(10),
		Classification: model.ClassReport, Name: "Lê Thị Bình", Group: "Tổ dân phố 2",
		Summary: "Phản ánh tình trạng đổ trộm rác thải xây dựng ra bờ sông.", Handling: model.HandlingAccepted,
		AcknowledgedOn: d(22, 1), Status: model.StatusResolved, ResolvedOn: d(10, 2),
		Result: "Đã xử phạt, dọn dẹp xong.", ReportedBackOn: d(12, 2)})
	create(&model.Petition{Meta: meta(22), ReceivedOn: d(3, 3), Channel: model.ChannelFeedback, FeedbackID: fid(1), PointNo: 2,
		Classification: model.ClassProposal, Name: "Ủy ban MTTQ Việt Nam phường",
		Summary: "Đề nghị rút ngắn thời gian cấp giấy chứng nhận quyền sử dụng đất."})
	create(&model.Petition{Meta: meta(23), ReceivedOn: d(1, 2), Channel: model.ChannelWritten,
		Classification: model.ClassDenunciation, Name: "Phạm Văn Cường", Address: "Số 3 phố Lê Lợi", IDNumber: "001203004005",
		Summary: "Tố cáo cán bộ địa chính có dấu hiệu nhũng nhiễu khi giải quyết hồ sơ."})
	create(&model.Petition{Meta: meta(24), ReceivedOn: d(10, 1), Channel: model.ChannelWalkIn,
		Classification: model.ClassComplaint, Name: "Hoàng Thị Đào",
		Summary:  "Khiếu nại quyết định thu hồi đất, đề nghị xem xét lại mức bồi thường.",
		Handling: model.HandlingTransferred, HandlingAgency: "Thanh tra tỉnh", HandlingDocNo: "15/PC-UBND",
		AcknowledgedOn: d(30, 1)})
	create(&model.Petition{Meta: meta(25), ReceivedOn: d(12, 2), Channel: model.ChannelPhone,
		Classification: model.ClassReport, Name: "Đỗ Minh Khánh",
		Summary:  "Phản ánh quán karaoke hoạt động quá giờ, gây tiếng ồn.",
		Handling: model.HandlingReturned, HandlingAgency: "Công an phường", HandlingDocNo: "7/TB-UBND",
		AcknowledgedOn: d(13, 2)})
	create(&model.Petition{Meta: meta(26), ReceivedOn: d(14, 3), Channel: model.ChannelWalkIn,
		Classification: model.ClassReport, Name: "Vũ Ngọc Ánh", Group: "Tổ dân phố 1",
		Summary: "Phản ánh nước sinh hoạt bị nhiễm bẩn, có mùi lạ."})
	create(&model.Petition{Meta: meta(27), ReceivedOn: d(15, 2), Channel: model.ChannelWalkIn,
		Classification: model.ClassReport, Name: "Nguyễn Thị Yến", Group: "Tổ dân phố 2",
		Summary:  "Đèn chiếu sáng công cộng bị hỏng nhiều tháng chưa sửa.",
		Handling: model.HandlingAccepted, AcknowledgedOn: d(20, 2), Status: model.StatusInProgress})
	create(&model.Feedback{Meta: meta(4), GivenOn: d(18, 2), SourceKind: model.SourceOther,
		SourceName: "Ban Thanh tra nhân dân", Form: model.FormSupervision, TargetKind: model.TargetGovernment,
		TargetName: "UBND phường", Subject: "Kết quả giám sát việc chi trả trợ cấp người cao tuổi",
		Points: []model.Point{{Content: "Chi trả trợ cấp cho người cao tuổi còn chậm.", Status: model.AnswerPending}}})
	return s
}

func newTestRoot(t testing.TB, s *store.Store, lang i18n.Lang, w, h int) *driver {
	t.Helper()
	r, err := NewRoot(s, lang, Options{Today: fixtureToday, Width: w, Height: h})
	if err != nil {
		t.Fatal(err)
	}
	dr := &driver{t: t, r: r}
	dr.run(r.Init())
	dr.send(tea.WindowSizeMsg{Width: w, Height: h})
	return dr
}
