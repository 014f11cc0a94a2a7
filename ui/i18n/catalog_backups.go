package i18n

// Automatic backups: how many are kept and their size budget (Settings).
func init() {
	register(func() map[string][2]string {
		return map[string][2]string{
			"set.backups":                  {"Sao lưu tự động", "Automatic backups"},
			"set.backup_keep":              {"Giữ %d bản hằng ngày và %d bản hằng tuần (mỗi tuần bản mới nhất)", "Keeps %d daily backups and %d weekly ones (the newest of each week)"},
			"set.backup_budget":            {"Tất cả cộng lại không quá %d MB: vượt thì xóa bản cũ nhất trước, không bao giờ xóa bản mới nhất", "All together at most %d MB: over it, the oldest go first, never the newest"},
			"set.backup_no_budget":         {"Không giới hạn dung lượng", "No size limit"},
			"set.backup_where":             {"Thư mục: %s", "Folder: %s"},
			"entry.field.backup_daily":     {"Số bản hằng ngày", "Daily backups kept"},
			"entry.field.backup_weekly":    {"Số bản hằng tuần", "Weekly backups kept"},
			"entry.field.backup_budget_mb": {"Hạn mức dung lượng (MB)", "Size budget (MB)"},
			"entry.hint.backup_budget":     {"Cho tất cả bản sao lưu tự động cộng lại; 0 = không giới hạn. Vượt hạn mức thì xóa bản cũ nhất trước, không bao giờ xóa bản mới nhất.", "For all automatic backups together; 0 = no limit. Over it, the oldest go first, never the newest."},
			"err.backup_daily":             {"Từ 1 đến 366 bản", "1 to 366 backups"},
			"err.backup_weekly":            {"Từ 0 đến 520 bản", "0 to 520 backups"},
			"err.backup_budget":            {"Từ 0 (không giới hạn) đến 10000000 MB", "0 (no limit) to 10000000 MB"},
			"backup.over_budget":           {"Bản sao lưu tự động mới nhất (%d MB) lớn hơn hạn mức %d MB: vẫn giữ nó và chỉ giữ nó. Hãy tăng hạn mức trong Cài đặt hoặc chép bản sao lưu sang ổ khác.", "The newest automatic backup (%d MB) is larger than the %d MB budget: it is kept, and only it. Raise the budget in Settings or copy backups to another disk."},
		}
	})
}
