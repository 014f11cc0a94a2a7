package i18n

// The follow-through in the TUI (issue 12): lists, details, forms,
// dashboard lines and keys.
func init() {
	register(func() map[string][2]string {
		return map[string][2]string{
			"key.commit":      {"thêm cam kết", "add commitment"},
			"key.commitments": {"danh sách cam kết", "commitments"},
			"key.information": {"thông tin cung cấp cho MTTQ", "information owed"},

			"dash.overdue_commitments": {"Cam kết quá hạn", "Commitments overdue"},
			"dash.overdue_information": {"Thông tin chưa cung cấp, quá hạn", "Information owed, overdue"},

			"list.title.commitment":  {"Cam kết thực hiện", "Commitments"},
			"list.title.information": {"Thông tin phải cung cấp cho Mặt trận", "Information owed to the Front"},
			"list.commit_from_parent": {"Cam kết được thêm từ một ý kiến đã tiếp thu (tab Góp ý) hoặc một buổi đối thoại, tiếp dân: chọn rồi bấm c",
				"A commitment is added from an accepted point (Feedback tab) or a session: open it and press c"},

			"list.col.date.commitment":    {"Ngày cam kết", "Made"},
			"list.col.who.commitment":     {"Người thực hiện", "Officer"},
			"list.col.title.commitment":   {"Nội dung cam kết", "Commitment"},
			"list.col.status.commitment":  {"Tình trạng", "State"},
			"list.col.date.information":   {"Hạn cung cấp", "Due"},
			"list.col.who.information":    {"Cơ quan", "Owed by"},
			"list.col.title.information":  {"Nội dung thông tin", "Item"},
			"list.col.status.information": {"Tình trạng", "State"},

			"list.short.commitment.planned":     {"Chưa thực hiện", "Planned"},
			"list.short.commitment.in_progress": {"Đang thực hiện", "In progress"},
			"list.short.commitment.done":        {"Hoàn thành", "Done"},
			"list.short.commitment.dropped":     {"Không thực hiện", "Dropped"},
			"list.short.infostate.pending":      {"Chưa cung cấp", "Pending"},
			"list.short.infostate.provided":     {"Đã cung cấp", "Provided"},

			"filter.status.commitment":  {"Tình trạng", "State"},
			"filter.sub.commitment":     {"Nguồn", "From"},
			"filter.status.information": {"Tình trạng", "State"},
			"filter.sub.information":    {"Loại thông tin", "Kind"},

			"detail.no_commit_point":  {"Chưa có ý kiến nào được tiếp thu: chỉ ý kiến đã tiếp thu mới có cam kết", "No point was accepted: only an accepted point carries a commitment"},
			"detail.commitments":      {"Cam kết (%d)", "Commitments (%d)"},
			"detail.progress":         {"Tiến độ thực hiện (%d)", "Progress (%d)"},
			"detail.done_on_time":     {"đúng hạn", "on time"},
			"detail.done_late":        {"! chậm so với hạn", "! after the due date"},
			"detail.provided_on_time": {"đúng hạn", "on time"},
			"detail.provided_late":    {"! chậm so với hạn", "! after the due date"},
			"detail.assessment":       {"Đánh giá của chủ thể góp ý", "Giver's assessment"},
			"detail.raised_times":     {"lần thứ %d phản ánh vụ việc này", "this matter raised %d times, this one included"},

			"field.progress_item":   {"Tiến độ", "Progress"},
			"field.made_on":         {"Ngày cam kết", "Made on"},
			"field.what":            {"Nội dung cam kết", "Commitment"},
			"field.unit":            {"Đơn vị thực hiện", "Unit"},
			"field.officer":         {"Người thực hiện", "Officer"},
			"field.due":             {"Hạn hoàn thành", "Due"},
			"field.c_state":         {"Tình trạng", "State"},
			"field.i_state":         {"Tình trạng", "State"},
			"field.done_on":         {"Ngày hoàn thành", "Done on"},
			"field.dropped_reason":  {"Lý do không thực hiện", "Why dropped"},
			"field.evidence_doc_no": {"Văn bản chứng minh (số)", "Evidence (document no.)"},
			"field.evidence_date":   {"Ngày văn bản", "Evidence date"},
			"field.item":            {"Nội dung thông tin", "Item"},
			"field.category":        {"Loại thông tin", "Kind"},
			"field.owed_by":         {"Cấp có trách nhiệm", "Owed by"},
			"field.owed_by_name":    {"Cơ quan cung cấp", "Body"},
			"field.owed_to":         {"Cung cấp cho", "Owed to"},
			"field.due_on":          {"Hạn cung cấp", "Due"},
			"field.provided_on":     {"Ngày cung cấp", "Provided on"},
			"field.how":             {"Hình thức cung cấp", "How"},
			"field.doc_no":          {"Số văn bản", "Document no."},
			"field.note":            {"Ghi chú", "Note"},
			"field.assessment":      {"Đánh giá", "Assessment"},
			"field.repeat_of":       {"Lặp lại đơn", "Repeats"},
			"field.voter_requested": {"Cử tri yêu cầu", "Voters asked"},
			"field.draft_sent_by":   {"Nơi gửi dự thảo", "Draft sent by"},

			"entry.field.parent":          {"Gắn với", "Belongs to"},
			"entry.field.what":            {"Nội dung cam kết", "What will be done"},
			"entry.field.unit":            {"Đơn vị thực hiện", "Unit"},
			"entry.field.c_officer":       {"Người thực hiện", "Officer"},
			"entry.field.made_on":         {"Ngày cam kết", "Made on"},
			"entry.field.due":             {"Hạn hoàn thành", "Due"},
			"entry.field.state":           {"Tình trạng", "State"},
			"entry.field.dropped_reason":  {"Lý do không thực hiện", "Why dropped"},
			"entry.field.evidence_doc_no": {"Văn bản chứng minh (số)", "Evidence (document no.)"},
			"entry.field.evidence_date":   {"Ngày văn bản", "Evidence date"},
			"entry.field.progress_note":   {"Ghi chép tiến độ", "Progress note"},
			"entry.field.item":            {"Nội dung thông tin", "Item"},
			"entry.field.category":        {"Loại thông tin", "Kind"},
			"entry.field.owed_by":         {"Cấp có trách nhiệm", "Owed by"},
			"entry.field.owed_by_name":    {"Cơ quan cung cấp", "Body"},
			"entry.field.owed_to":         {"Cung cấp cho", "Owed to"},
			"entry.field.due_on":          {"Hạn cung cấp", "Due"},
			"entry.field.provided_on":     {"Ngày cung cấp", "Provided on"},
			"entry.field.how":             {"Hình thức", "How"},
			"entry.field.doc_no":          {"Số văn bản", "Document no."},
			"entry.field.assessment":      {"Đánh giá", "Assessment"},
			"entry.field.assessed_on":     {"Ngày đánh giá", "Assessed on"},
			"entry.field.assessment_note": {"Nhận xét", "Comment"},
			"entry.field.voter_requested": {"Cử tri yêu cầu", "Voters asked"},
			"entry.field.draft_sent_by":   {"Nơi gửi dự thảo", "Draft sent by"},

			"entry.title.commit_point":    {"Thêm cam kết · %s", "Add a commitment · %s"},
			"entry.title.commit_session":  {"Thêm cam kết · %s", "Add a commitment · %s"},
			"entry.title.commit_state":    {"Cập nhật cam kết · %s", "Update commitment · %s"},
			"entry.title.new_information": {"Thông tin phải cung cấp cho Mặt trận", "Information owed to the Front"},
			"entry.section.commitment":    {"Cam kết thực hiện", "Commitment"},
			"entry.section.commit_state":  {"%s · hiện: %s", "%s · now: %s"},
			"entry.section.information":   {"Thông tin phải cung cấp", "Information owed"},
			"entry.err.same_state":        {"Chọn tình trạng khác, hoặc ghi tiến độ", "Choose another state, or write a progress note"},
		}
	})
}

func init() {
	register(func() map[string][2]string {
		return map[string][2]string{
			"entry.field.repeat_of":    {"Lặp lại đơn số", "Repeats no."},
			"entry.hint.repeat_of":     {"Số của đơn trước cùng nội dung, cùng người (vd. KN-2026-0012); để trống nếu lần đầu", "The earlier petition on the same matter (e.g. KN-2026-0012); empty the first time"},
			"list.repeat":              {"(lần %d)", "(×%d)"},
			"entry.section.assessment": {"Đánh giá của chủ thể góp ý về việc trả lời", "The giver's assessment of the answer"},
		}
	})
}

func init() {
	register(func() map[string][2]string {
		return map[string][2]string{
			"entry.note.voter_requested": {"Hội nghị do ít nhất 10% cử tri yêu cầu (Luật 72/2025/QH15, Điều 43)", "Held because at least 10% of voters asked (Law 72/2025/QH15, Art. 43)"},
		}
	})
}

func init() {
	register(func() map[string][2]string {
		return map[string][2]string{
			"reports.sec.follow": {"Cam kết", "Follow-up"},
			"reports.fu.others":  {"Đối thoại theo yêu cầu cử tri, đơn lặp lại", "Voter-requested dialogues, repeated petitions"},
		}
	})
}
