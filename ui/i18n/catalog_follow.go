package i18n

// Follow-through (issue 12): commitments, the giver's assessment,
// information owed to the Front, repeated petitions, dialogues requested by
// voters.
func init() {
	register(func() map[string][2]string {
		return map[string][2]string{
			"kind.commitment":  {"Cam kết", "Commitment"},
			"kind.information": {"Thông tin phải cung cấp", "Information owed"},

			"commitment.planned":     {"Chưa thực hiện", "Planned"},
			"commitment.in_progress": {"Đang thực hiện", "In progress"},
			"commitment.done":        {"Đã hoàn thành", "Done"},
			"commitment.dropped":     {"Không thực hiện", "Dropped"},

			"assess.satisfied":     {"Thỏa đáng", "Satisfied"},
			"assess.partly":        {"Thỏa đáng một phần", "Partly satisfied"},
			"assess.not_satisfied": {"Chưa thỏa đáng", "Not satisfied"},
			"assess.none":          {"Chưa đánh giá", "Not assessed"},

			"infocat.plan":         {"Kế hoạch, chương trình", "Plans"},
			"infocat.inspection":   {"Kết quả thanh tra, kiểm tra, kiểm toán", "Inspection and audit results"},
			"infocat.commendation": {"Khen thưởng", "Commendations"},
			"infocat.discipline":   {"Kỷ luật", "Discipline"},
			"infocat.draft":        {"Dự thảo lấy ý kiến", "Drafts for comment"},
			"infocat.other":        {"Khác", "Other"},

			"infohow.written":    {"Bằng văn bản", "In writing"},
			"infohow.meeting":    {"Tại hội nghị, cuộc họp", "At a meeting"},
			"infohow.electronic": {"Qua thư điện tử, cổng thông tin", "Electronically"},
			"infohow.other":      {"Khác", "Other"},

			"infostate.pending":  {"Chưa cung cấp", "Not yet provided"},
			"infostate.provided": {"Đã cung cấp", "Provided"},

			"parent.feedback": {"Từ ý kiến góp ý", "From a feedback point"},
			"parent.session":  {"Từ đối thoại, tiếp dân", "From a session"},

			"err.before_made":             {"Trước ngày cam kết", "Before the commitment was made"},
			"err.commitment_parent":       {"Cam kết phải gắn với một ý kiến góp ý hoặc một buổi đối thoại, tiếp dân", "A commitment belongs to a feedback point or a session"},
			"err.commitment_two_parents":  {"Cam kết chỉ gắn với một ý kiến hoặc một buổi, không cả hai", "A commitment belongs to a point or a session, not both"},
			"err.commitment_not_accepted": {"Chỉ ý kiến đã tiếp thu hoặc tiếp thu một phần mới có cam kết", "Only an accepted or partly accepted point carries a commitment"},
			"err.done_only":               {"Chỉ nhập ngày hoàn thành khi đã hoàn thành", "A completion date only when done"},
			"err.provided_first":          {"Nhập ngày cung cấp trước", "Enter the date provided first"},
			"err.assess_first":            {"Chọn mức đánh giá trước", "Choose the assessment first"},
			"err.assess_unanswered":       {"Chỉ đánh giá ý kiến đã được trả lời", "Only an answered point can be assessed"},
			"err.before_answered":         {"Trước ngày trả lời", "Before the answer"},
			"err.voter_dialogue_only":     {"Chỉ hội nghị đối thoại mới do cử tri yêu cầu", "Only a dialogue conference is requested by voters"},
			"err.repeat_self":             {"Đơn không thể lặp lại chính nó", "A petition cannot repeat itself"},
			"err.repeat_later":            {"Đơn trước phải được tiếp nhận không muộn hơn đơn này", "The earlier petition must be received no later than this one"},
			"err.repeat_cycle":            {"Hai đơn không thể lặp lại lẫn nhau", "Two petitions cannot repeat each other"},
		}
	})
}
