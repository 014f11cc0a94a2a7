package demo

import (
	"strconv"

	"gopy/model"
)

// Demo data for the follow-through (issue 12): commitments made in answer
// to feedback and at sessions (some done, some dropped, some overdue), the
// givers' assessment of answers, information owed to the Front, repeated
// petitions and dialogues held at voters' request.

var (
	commitmentTexts = []string{
		"Nạo vét cống thoát nước tổ dân phố 5 trước mùa mưa",
		"Sửa chữa đèn chiếu sáng công cộng tuyến đường liên tổ",
		"Công khai danh sách hộ nghèo, cận nghèo tại nhà văn hóa các tổ dân phố",
		"Lắp đặt camera an ninh tại ngõ 12 phố Lê Lợi",
		"Kiểm tra, xử lý dứt điểm việc lấn chiếm vỉa hè khu vực chợ",
		"Rút ngắn thời gian giải quyết hồ sơ đất đai tại bộ phận một cửa",
		"Tổ chức thu gom rác thải đúng giờ, bổ sung điểm tập kết",
		"Nâng cấp mặt đường ngõ 4 phố Quang Trung",
		"Chi trả trợ cấp người cao tuổi trước ngày 10 hằng tháng",
		"Tăng cường tuần tra ban đêm tại khu vực bờ sông",
	}
	droppedReasons = []string{
		"Vượt thẩm quyền của phường, đã báo cáo UBND tỉnh.",
		"Không bố trí được kinh phí trong năm; chuyển sang kế hoạch năm sau.",
		"Trùng với dự án của tỉnh đang triển khai.",
	}
	progressTexts = []string{
		"Đã khảo sát hiện trạng, lập dự toán.",
		"Đã giao đơn vị thi công, đang triển khai.",
		"Đã họp với các tổ dân phố thống nhất phương án.",
	}
	infoItems = map[model.InfoCategory][]string{
		model.InfoPlan:         {"Kế hoạch phát triển kinh tế - xã hội năm", "Chương trình công tác toàn khóa của Đảng ủy"},
		model.InfoInspection:   {"Kết luận thanh tra việc quản lý đất công", "Kết quả kiểm tra việc thu, chi quỹ phòng chống thiên tai"},
		model.InfoCommendation: {"Quyết định khen thưởng tập thể, cá nhân tiêu biểu", "Danh sách đề nghị khen thưởng cuối năm"},
		model.InfoDiscipline:   {"Kết quả xem xét, xử lý kỷ luật đảng viên vi phạm", "Thông báo kết quả xử lý cán bộ vi phạm"},
		model.InfoDraft:        {"Dự thảo Nghị quyết về chỉnh trang đô thị", "Dự thảo phương án bồi thường giải phóng mặt bằng"},
		model.InfoOther:        {"Báo cáo tình hình thực hiện quy chế dân chủ ở cơ sở"},
	}
)

// commitment makes one commitment made on made, to be done within a few
// weeks or months: done (on time or late), dropped, or still open — open
// after its due date means overdue.
func (g *gen) commitment(made model.Date, ward string) *model.Commitment {
	c := &model.Commitment{Meta: g.meta(made), MadeOn: made, What: g.pick(commitmentTexts)}
	c.Ward = ward
	c.Unit = g.pick(agencies[:5])
	c.Officer = g.pick(officers)
	c.Due = made.AddDays(15 + g.r.IntN(105))
	c.State = model.CommitmentPlanned
	note := func(on model.Date) {
		if on <= g.today {
			c.Progress = append(c.Progress, model.ProgressNote{On: on, By: c.Officer, Text: g.pick(progressTexts)})
		}
	}
	span := made.DaysUntil(c.Due)
	switch x := g.r.IntN(10); {
	case c.Due < g.today && x < 7, c.Due >= g.today && x < 1:
		done := made.AddDays(1 + g.r.IntN(span*13/10+1))
		if done > g.today {
			done = g.today
		}
		note(made.AddDays(span / 3))
		c.State, c.DoneOn = model.CommitmentDone, done
		c.EvidenceDocNo, c.EvidenceDate = strconv.Itoa(1+g.r.IntN(400))+"/BC-UBND", done
	case x < 8:
		c.State, c.DroppedReason = model.CommitmentDropped, g.pick(droppedReasons)
	case x < 9:
		c.State = model.CommitmentInProgress
		note(made.AddDays(span / 2))
	}
	return c
}

// feedbackFollow assesses some answered points and adds commitments for
// some accepted ones, up to room records.
func (g *gen) feedbackFollow(f *model.Feedback, room int) []model.Record {
	var out []model.Record
	for i := range f.Points {
		p := &f.Points[i]
		if p.Status == model.AnswerPending {
			continue
		}
		if on := p.AnsweredOn.AddDays(3 + g.r.IntN(20)); on <= g.today && g.chance(0.5) {
			p.Assessment, p.AssessedOn = model.Assessments[g.r.IntN(len(model.Assessments))], on
			if p.Assessment != model.AssessSatisfied {
				p.AssessmentNote = "Trả lời chưa cụ thể thời gian, kết quả thực hiện."
			}
		}
		if p.CanCommit() && len(out) < room && g.chance(0.4) {
			c := g.commitment(p.AnsweredOn, f.Ward)
			c.FeedbackID, c.PointNo = f.ID, i+1
			out = append(out, c)
		}
	}
	if f.DraftReceivedOn != 0 && g.chance(0.7) {
		f.DraftSentBy = g.pick([]string{"Văn phòng Đảng ủy", "Văn phòng HĐND-UBND", "Phòng Kinh tế, Hạ tầng và Đô thị"})
	}
	return out
}

// sessionFollow: a dialogue may be held at voters' request and carries
// commitments; a reception sometimes does.
func (g *gen) sessionFollow(s *model.Session, room int) []model.Record {
	n := 0
	switch s.Type {
	case model.SessionDialogue:
		s.VoterRequested = g.chance(0.25)
		n = 1 + g.r.IntN(2)
	case model.SessionReception, model.SessionReceptionAdhoc:
		if g.chance(0.15) {
			n = 1
		}
	}
	var out []model.Record
	for ; n > 0 && len(out) < room; n-- {
		c := g.commitment(s.HeldOn, s.Ward)
		c.SessionID = s.ID
		out = append(out, c)
	}
	return out
}

// information is one item owed to the Front, due on day: mostly provided,
// some late, some never (overdue).
func (g *gen) information(day model.Date) *model.Information {
	i := &model.Information{Meta: g.meta(day), DueOn: day}
	i.Category = model.InfoCategories[g.r.IntN(len(model.InfoCategories))]
	i.Item = g.pick(infoItems[i.Category])
	i.OwedBy = model.InfoOwers[g.r.IntN(len(model.InfoOwers))]
	i.OwedByName = "Đảng ủy phường"
	if i.OwedBy == model.TargetGovernment {
		i.OwedByName = "UBND phường"
	}
	i.OwedTo = "Ủy ban MTTQ Việt Nam " + g.st.WardName
	if g.chance(0.8) {
		if on := day.AddDays(g.r.IntN(25) - 15); on <= g.today {
			i.ProvidedOn = on
			i.How = model.InfoMethods[g.r.IntN(len(model.InfoMethods))]
			if i.How == model.InfoWritten {
				i.DocNo = strconv.Itoa(1+g.r.IntN(400)) + "/TB-UBND"
			}
		}
	}
	return i
}

// repeatable are recent petitions a citizen may come back about.
const repeatable = 64

// keepRecent keeps copies of the recent petitions once their batch is
// made: the store writes (normalises, seals) the batch's records while the
// next batch is made from these.
func (g *gen) keepRecent() {
	for i, p := range g.recent {
		cp := *p
		g.recent[i] = &cp
	}
}

// maybeRepeat makes some petitions a repeat of a recent one from the same
// person on the same matter, and remembers the petition for later ones.
func (g *gen) maybeRepeat(p *model.Petition) {
	if len(g.recent) > 0 && !p.Confidential && p.Classification != model.ClassDenunciation && g.chance(0.08) {
		e := g.recent[g.r.IntN(len(g.recent))]
		if e.ReceivedOn <= p.ReceivedOn && !e.Confidential && e.Classification != model.ClassDenunciation {
			p.RepeatOf = e.ID
			p.Name, p.Group, p.Address, p.IDNumber, p.Phone = e.Name, e.Group, e.Address, e.IDNumber, e.Phone
			p.Classification, p.Summary = e.Classification, e.Summary
			p.PreviouslyBy = e.AssigneeUnit
		}
	}
	if len(g.recent) < repeatable {
		g.recent = append(g.recent, p)
	} else {
		g.recent[g.r.IntN(repeatable)] = p
	}
}
