package i18n

// Stored values (SPEC "Labels") and the errors of model/ and store/.
func init() {
	register(func() map[string][2]string {
		return map[string][2]string{
			"answer.pending":   {"Chưa trả lời", "Not answered"},
			"answer.accepted":  {"Đã tiếp thu", "Accepted"},
			"answer.partial":   {"Tiếp thu một phần", "Partly accepted"},
			"answer.explained": {"Giải trình", "Explained"},

			"fbstate.pending":  {"Chưa trả lời", "Awaiting answer"},
			"fbstate.partly":   {"Trả lời một phần", "Partly answered"},
			"fbstate.answered": {"Đã trả lời", "Answered"},

			"source.front":        {"UB MTTQ", "Fatherland Front"},
			"source.organisation": {"Tổ chức chính trị - xã hội", "Member organisation"},
			"source.citizen":      {"Nhân dân", "Citizens"},
			"source.other":        {"Khác", "Other"},

			"form.conference":       {"Hội nghị", "Conference"},
			"form.written":          {"Văn bản", "Written"},
			"form.direct":           {"Trực tiếp", "In person"},
			"form.supervision":      {"Qua giám sát", "Supervision"},
			"form.inspection_board": {"Ban Thanh tra nhân dân", "People's inspection board"},
			"form.dialogue":         {"Qua đối thoại", "Dialogue"},
			"form.other":            {"Khác", "Other"},

			"target.party":      {"Cấp ủy, tổ chức đảng", "Party committee"},
			"target.government": {"Chính quyền, cơ quan nhà nước", "Government body"},
			"target.individual": {"Cán bộ, đảng viên", "Cadre or party member"},

			"session.dialogue":        {"Đối thoại trực tiếp", "Direct dialogue"},
			"session.reception":       {"Tiếp công dân định kỳ", "Regular citizen reception"},
			"session.reception_adhoc": {"Tiếp công dân đột xuất", "Ad-hoc citizen reception"},
			"session.consultation":    {"Tham vấn ý kiến Nhân dân", "Consultation"},

			"host.party_secretary": {"Bí thư Đảng ủy", "Party secretary"},
			"host.committee_chair": {"Chủ tịch UBND", "People's Committee chair"},
			"host.front_chair":     {"Chủ tịch UB MTTQ", "Front chair"},
			"host.other":           {"Khác", "Other"},

			"channel.session":  {"Qua tiếp dân, đối thoại", "Session"},
			"channel.feedback": {"Từ góp ý", "From feedback"},
			"channel.walk_in":  {"Trực tiếp", "Walk-in"},
			"channel.written":  {"Đơn thư", "Written"},
			"channel.phone":    {"Điện thoại", "Phone"},
			"channel.other":    {"Khác", "Other"},

			"class.complaint":    {"Khiếu nại", "Complaint"},
			"class.denunciation": {"Tố cáo", "Denunciation"},
			"class.proposal":     {"Kiến nghị", "Proposal"},
			"class.report":       {"Phản ánh", "Report"},

			"handling.accepted":    {"Thụ lý giải quyết", "Accepted for handling"},
			"handling.returned":    {"Trả lại đơn và hướng dẫn", "Returned with guidance"},
			"handling.transferred": {"Chuyển đơn", "Transferred"},

			"status.received":    {"Đã tiếp nhận", "Received"},
			"status.in_progress": {"Đang giải quyết", "In progress"},
			"status.resolved":    {"Đã giải quyết", "Resolved"},
			"status.returned":    {"Đã trả lại, hướng dẫn", "Returned"},
			"status.transferred": {"Đã chuyển đơn", "Transferred"},
			"status.unaccepted":  {"Chưa thụ lý", "Not yet accepted"},

			"word.overdue":       {"Quá hạn", "Overdue"},
			"word.due":           {"Hạn", "Due"},
			"word.reported_back": {"Đã trả lời công dân", "Citizen informed"},
			"word.confidential":  {"(bảo mật)", "(confidential)"},

			"kind.feedback": {"Góp ý", "Feedback"},
			"kind.session":  {"Đối thoại, tiếp dân", "Session"},
			"kind.petition": {"Kiến nghị, phản ánh", "Petition"},

			"holiday.new_year":      {"Tết Dương lịch", "New Year's Day"},
			"holiday.tet":           {"Tết Nguyên đán", "Lunar New Year (Tết)"},
			"holiday.hung_kings":    {"Giỗ Tổ Hùng Vương", "Hung Kings' Commemoration"},
			"holiday.reunification": {"Ngày Chiến thắng 30/4", "Reunification Day"},
			"holiday.labour":        {"Ngày Quốc tế Lao động", "International Labour Day"},
			"holiday.national_day":  {"Quốc khánh", "National Day"},
			"holiday.compensatory":  {"Nghỉ bù", "Compensatory day off"},

			// Validation (model.FieldErrors keys)
			"err.required":                 {"Chưa nhập (bắt buộc)", "Required"},
			"err.too_long":                 {"Quá dài: tối đa 500 ký tự", "Too long: at most 500 characters"},
			"err.too_long_text":            {"Quá dài: tối đa 100.000 ký tự", "Too long: at most 100,000 characters"},
			"err.too_many":                 {"Quá nhiều: tối đa 200 mục", "Too many: at most 200 entries"},
			"err.too_many_log":             {"Lịch sử quá dài: tối đa 10.000 dòng", "History too long: at most 10,000 entries"},
			"err.invalid_value":            {"Giá trị không hợp lệ", "Not a valid choice"},
			"err.invalid_number":           {"Số không hợp lệ", "Not a valid number"},
			"err.no_points":                {"Cần ít nhất một ý kiến", "Add at least one point"},
			"err.answer_required":          {"Tiếp thu một phần hoặc giải trình phải có nội dung trả lời", "A partial or explained answer needs its text"},
			"err.before_given":             {"Trước ngày góp ý", "Before the feedback date"},
			"err.before_draft":             {"Trước ngày nhận dự thảo", "Before the draft was received"},
			"err.before_received":          {"Trước ngày tiếp nhận", "Before the date received"},
			"err.before_resolved":          {"Trước ngày giải quyết", "Before the day it was resolved"},
			"err.before_accepted":          {"Trước ngày thụ lý", "Before the date accepted"},
			"err.extension_class":          {"Chỉ đơn tố cáo mới được gia hạn", "Only a denunciation can be extended"},
			"err.extension_unaccepted":     {"Chưa thụ lý thì chưa thể gia hạn", "Not accepted yet: nothing to extend"},
			"err.extension_complex":        {"Chỉ vụ việc phức tạp mới được gia hạn", "Only a complex case can be extended"},
			"err.extension_count":          {"Gia hạn tối đa hai lần", "At most two extensions"},
			"err.extension_second":         {"Gia hạn lần hai chỉ cho vụ việc đặc biệt phức tạp (Luật Tố cáo, Đ.30)", "A second extension only for an especially complex case (Denunciation Law, art. 30)"},
			"err.especially_complex_class": {"Chỉ tố cáo mới có mức đặc biệt phức tạp", "Only a denunciation can be especially complex"},
			"err.extension_days":           {"Mỗi lần gia hạn từ 1 đến 30 ngày", "Each extension is 1 to 30 days"},
			"err.before_held":              {"Trước ngày tổ chức", "Before the session date"},
			"err.after_held":               {"Sau ngày tổ chức", "After the session date"},
			"err.id_number":                {"Số CCCD/hộ chiếu không hợp lệ (6–20 chữ, số)", "Not a valid ID number (6–20 letters or digits)"},
			"err.phone":                    {"Số điện thoại không hợp lệ", "Not a valid phone number"},
			"err.status_handling":          {"Trạng thái không khớp hướng xử lý", "Status does not match the handling"},
			"err.ward_code":                {"Mã phường chỉ gồm chữ, số, - và _ (tối đa 16)", "Ward code: letters, digits, - and _ (16 at most)"},
			"err.date.empty":               {"Chưa nhập ngày", "No date given"},
			"err.date.format":              {"Ngày phải có dạng dd/mm/yyyy", "Dates are dd/mm/yyyy"},
			"err.date.year":                {"Năm không hợp lệ (1900–2199)", "Year out of range (1900–2199)"},
			"err.date.invalid":             {"Ngày không tồn tại", "No such date"},
			"err.period.format":            {"Kỳ báo cáo không hợp lệ (vd: 2026, 2026-Q3, 2026-H1, 2026-9M, 2026-07, 01/01/2026..31/03/2026)", "Not a valid period (e.g. 2026, 2026-Q3, 2026-H1, 2026-9M, 2026-07, 01/01/2026..31/03/2026)"},
			"err.period.order":             {"Ngày bắt đầu sau ngày kết thúc", "The start is after the end"},
		}
	})
}
