package i18n

// The command line's messages.
func init() {
	register(func() map[string][2]string {
		return map[string][2]string{
			"cli.err.lang":            {"ngôn ngữ %q không hỗ trợ (vi hoặc en)", "language %q not supported (vi or en)"},
			"cli.err.missing_value":   {"thiếu giá trị", "missing value"},
			"cli.err.flag_unknown":    {"không có tùy chọn %s", "there is no option %s"},
			"cli.err.flag_value":      {"tùy chọn %s cần một giá trị", "option %s needs a value"},
			"cli.err.flag_syntax":     {"tùy chọn viết sai: %s", "badly written option: %s"},
			"cli.err.flag_bad":        {"giá trị %s không hợp lệ cho %s", "%s is not a valid value for %s"},
			"cli.err.no_terminal":     {"giao diện cần một cửa sổ dòng lệnh (terminal); không có thì dùng các lệnh như gopy list, gopy report (xem: gopy help)", "the interface needs a terminal; without one, use commands such as gopy list, gopy report (see: gopy help)"},
			"cli.err.no_backup":       {"không có tệp sao lưu %s", "there is no backup file %s"},
			"cli.err.unknown_command": {"không có lệnh %q; xem: gopy help", "no command %q; see: gopy help"},
			"cli.err.flags":           {"tham số không hợp lệ: %s; xem: gopy help", "bad arguments: %s; see: gopy help"},
			"cli.err.extra_args":      {"thừa tham số: %s", "unexpected arguments: %s"},
			"cli.err.in_use":          {"cơ sở dữ liệu %s đang được một gopy khác mở; hãy đóng nó rồi thử lại", "database %s is in use by another gopy; close it and try again"},
			"cli.err.newer":           {"cơ sở dữ liệu %s do phiên bản gopy mới hơn tạo ra; hãy cập nhật gopy", "database %s was made by a newer gopy; update gopy to open it"},
			"cli.err.no_db":           {"chưa có cơ sở dữ liệu tại %s; chạy `gopy` để tạo, hoặc `gopy demo` để có dữ liệu mẫu", "no database at %s; run `gopy` to create one, or `gopy demo` for demo data"},
			"cli.err.not_gopy":        {"tệp %s không phải cơ sở dữ liệu gopy hoặc đã hỏng", "%s is not a gopy database, or it is damaged"},
			"cli.err.invalid":         {"dữ liệu không hợp lệ:", "invalid data:"},
			"cli.err.generic":         {"lỗi", "error"},
			"cli.err.list_kind":       {"cần chọn: gopy list feedback|sessions|petitions|commitments|information", "say which: gopy list feedback|sessions|petitions|commitments|information"},
			"cli.err.status":          {"trạng thái %q không hợp lệ; chọn một trong: %s", "status %q is not valid; use one of: %s"},
			"cli.err.sort":            {"cách sắp xếp %q không có; chọn: %s", "no sort order %q; use: %s"},
			"cli.err.format":          {"định dạng %q không hỗ trợ; chọn: %s", "format %q not supported; use: %s"},
			"cli.err.records":         {"--records phải từ 0 đến 10000000", "--records must be 0 to 10000000"},
			"cli.err.wards":           {"--wards phải từ 1 đến 1000", "--wards must be 1 to 1000"},
			"cli.err.restore_args":    {"cần đúng một tệp sao lưu: gopy restore TỆP", "give exactly one backup file: gopy restore FILE"},
			"cli.demo.done":           {"Đã thêm %d bản ghi mẫu vào %s", "Added %d demo records to %s"},
			"cli.demo.done.one":       {"Đã thêm %d bản ghi mẫu vào %s", "Added %d demo record to %s"},
			"cli.demo.kept":           {"%s đã có %d bản ghi; không thêm dữ liệu mẫu", "%s already holds %d records; no demo data added"},
			"cli.backup.done":         {"Đã sao lưu vào %s", "Backed up to %s"},
			"cli.restore.done":        {"Đã khôi phục %s vào %s (bản cũ giữ ở %s)", "Restored %s into %s (the previous copy is kept as %s)"},
			"cli.check.ok":            {"%s: tốt, %d bản ghi, các chỉ mục khớp", "%s: sound, %d records, indexes match"},
			"cli.check.ok.one":        {"%s: tốt, %d bản ghi, các chỉ mục khớp", "%s: sound, %d record, indexes match"},
			"cli.check.bad":           {"phát hiện %d vấn đề; hãy khôi phục từ bản sao lưu (gopy restore)", "%d problems found; restore from a backup (gopy restore)"},
			"cli.stats.file":          {"Tệp %s MB, %d bản ghi, %s byte một bản ghi; trang %d byte, %d trang ngoài các vùng (trống, danh sách trang trống, meta: %s MB)", "File %s MB, %d records, %s bytes a record; pages of %d bytes, %d in no bucket (free, the freelist, meta: %s MB)"},
			"cli.stats.header":        {"vùng\tkhóa\tMB khóa\tMB giá trị\ttrang\tMB trang\tđộ đầy\tbyte/bản ghi\t", "bucket\tkeys\tkey MB\tvalue MB\tpages\tpage MB\tfill\tbytes/record\t"},
			"cli.stats.total":         {"tổng", "total"},
			"cli.list.total":          {"Tổng: %d", "Total: %d"},
			"cli.col.ref":             {"Số", "Ref"},
			"cli.col.date":            {"Ngày", "Date"},
			"cli.col.who":             {"Người/đơn vị", "Who"},
			"cli.col.summary":         {"Nội dung", "Summary"},
			"cli.col.status":          {"Trạng thái", "Status"},
			"cli.col.due":             {"Hạn", "Due"},
			"cli.help": {`gopy — sổ theo dõi góp ý, đối thoại, tiếp dân và kiến nghị

  gopy                                   mở giao diện
  gopy demo --records N [--ward MÃ] [--wards K] [--seed S] [--if-empty] [--force]
  gopy list feedback|sessions|petitions|commitments|information [--status S] [--overdue] [--search CHỮ]
            [--from NGÀY] [--to NGÀY] [--period KỲ] [--ward MÃ]
            [--format table|csv|json] [--count]
            [--sort newest|oldest|due|who|ref]
  gopy report [--period KỲ] [--by-ward] [--format text|md|csv|xlsx|json|docx] [--out TỆP]
              [--profile MẪU] [--send --number SỐ] [--sent [MÃ]] [--as-sent]
  gopy register [--period KỲ] [--format csv|xlsx] [--out TỆP]
  gopy export --out TỆP [--period KỲ] [--strip-personal]
  gopy import TỆP... [--dry-run] [--amend LÝ_DO]
  gopy backup [--out TỆP]    gopy restore TỆP    gopy check [--repair]    gopy version
  gopy keys                  gopy keys accept PHƯỜNG DẤU-VÂN-TAY
  gopy audit [--from NGÀY] [--to NGÀY] [--user TÊN] [--format table|json] [--verify]
  gopy person CHỮ [--correct GIÁ_TRỊ | --erase [--delete-backups]]    gopy compact
  gopy user list | add TÊN --role admin|officer|viewer [--grant] | set TÊN ... | passwd | recover TÊN
  gopy stats

Tham số chung: --db ĐƯỜNG_DẪN (mặc định $GOPY_DB), --lang vi|en (mặc định vi; $GOPY_LANG),
  --user TÊN (đăng nhập; $GOPY_USER, mật khẩu $GOPY_PASSPHRASE hoặc được hỏi)
NGÀY: dd/mm/yyyy hoặc yyyy-mm-dd. KỲ: 2026, 2026-Q3, 2026-H1, 2026-9M, 2026-07, NGÀY..NGÀY
`, `gopy — ledger of feedback, dialogue, citizen reception and petitions

  gopy                                   open the interface
  gopy demo --records N [--ward CODE] [--wards K] [--seed S] [--if-empty] [--force]
  gopy list feedback|sessions|petitions|commitments|information [--status S] [--overdue] [--search TEXT]
            [--from DATE] [--to DATE] [--period P] [--ward CODE]
            [--format table|csv|json] [--count]
            [--sort newest|oldest|due|who|ref]
  gopy report [--period P] [--by-ward] [--format text|md|csv|xlsx|json|docx] [--out FILE]
              [--profile NAME] [--send --number N] [--sent [ID]] [--as-sent]
  gopy register [--period P] [--format csv|xlsx] [--out FILE]
  gopy export --out FILE [--period P] [--strip-personal]
  gopy import FILE... [--dry-run] [--amend REASON]
  gopy backup [--out FILE]    gopy restore FILE    gopy check [--repair]    gopy version
  gopy keys                   gopy keys accept WARD FINGERPRINT
  gopy audit [--from DATE] [--to DATE] [--user NAME] [--format table|json] [--verify]
  gopy person TEXT [--correct VALUE | --erase [--delete-backups]]    gopy compact
  gopy user list | add NAME --role admin|officer|viewer [--grant] | set NAME ... | passwd | recover NAME
  gopy stats

Global flags: --db PATH (default $GOPY_DB), --lang vi|en (default vi; $GOPY_LANG),
  --user NAME (sign in; $GOPY_USER, passphrase $GOPY_PASSPHRASE or asked)
DATE: dd/mm/yyyy or yyyy-mm-dd. P: 2026, 2026-Q3, 2026-H1, 2026-9M, 2026-07, DATE..DATE
`},
		}
	})
}

func init() {
	register(func() map[string][2]string {
		return map[string][2]string{
			"cli.err.export_out":   {"cần --out TỆP: nơi ghi gói dữ liệu", "give --out FILE: where to write the bundle"},
			"cli.err.import_files": {"cần ít nhất một tệp: gopy import TỆP...", "give at least one file: gopy import FILE..."},
			"cli.err.bundle":       {"gói dữ liệu bị từ chối, không ghi gì: %s", "bundle rejected, nothing written: %s"},
			"cli.err.csv":          {"dòng %d, cột %q: %s; không ghi gì", "line %d, column %q: %s; nothing written"},
			"cli.err.no_ward":      {"chưa đặt mã phường (Danh mục)", "no ward code set (Settings)"},
			"err.no_ward":          {"Chưa đặt mã phường", "No ward code set"},
			"err.not_found":        {"Không tìm thấy bản ghi liên kết", "Linked record not found"},
			"err.csv.columns":      {"thiếu cột bắt buộc hoặc tiêu đề không đúng", "missing required column or wrong header"},
			"err.csv.kind":         {"không nhận ra loại sổ từ tiêu đề", "cannot tell the ledger kind from the header"},
			"cli.export.done":      {"Đã ghi %s: %d góp ý, %d buổi đối thoại/tiếp dân, %d kiến nghị", "Wrote %s: %d feedback, %d sessions, %d petitions"},
			"cli.import.done":      {"Đã nhập %s:", "Imported %s:"},
			"cli.import.dry":       {"Chạy thử %s (chưa ghi gì):", "Dry run of %s (nothing written):"},
			"cli.import.again":     {"%s đã được nhập trước đây; không thay đổi gì", "%s was imported before; nothing changed"},
			"cli.import.ward":      {"phường %s: thêm %d, cập nhật %d, không đổi %d, xung đột %d, xóa %d", "ward %s: added %d, updated %d, unchanged %d, conflicts %d, deleted %d"},
		}
	})
}
