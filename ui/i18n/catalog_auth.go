package i18n

// Sign-in, accounts, audit and personal-data requests.
func init() {
	register(func() map[string][2]string {
		return map[string][2]string{
			"cli.err.no_user":       {"cần đăng nhập: --user TÊN hoặc biến môi trường GOPY_USER (gopy demo: demo / demo)", "sign in: --user NAME or $GOPY_USER (gopy demo: demo / demo)"},
			"cli.err.no_pass":       {"cần mật khẩu: đặt GOPY_PASSPHRASE hoặc chạy trong cửa sổ dòng lệnh để được hỏi", "passphrase needed: set $GOPY_PASSPHRASE or run in a terminal to be asked"},
			"cli.err.no_admin":      {"%s chưa có tài khoản nào; mở gopy (giao diện) hoặc một lệnh ghi với --user để tạo quản trị viên đầu tiên", "%s has no accounts yet; open gopy (the interface), or run a writing command with --user, to create the first admin"},
			"cli.err.pass_mismatch": {"hai lần nhập mật khẩu không khớp", "the two passphrases differ"},
			"cli.err.demo_real":     {"%s có bản ghi không phải dữ liệu mẫu; không trộn dữ liệu mẫu vào (dùng --force nếu thật sự muốn)", "%s holds records not made by gopy demo; demo data is not mixed in (--force to override)"},
			"cli.err.demo_records":  {"cần --records N: số bản ghi mẫu cần thêm", "give --records N: how many demo records to add"},
			"cli.err.bad_sign_in":   {"sai tên người dùng hoặc mật khẩu", "wrong user name or passphrase"},
			"cli.err.wait":          {"nhập sai mật khẩu nhiều lần; hãy thử lại sau %s", "too many wrong passphrases; try again after %s"},
			"cli.err.disabled":      {"tài khoản đã bị khóa", "this account is disabled"},
			"cli.err.forbidden":     {"tài khoản này không được làm việc đó", "this account may not do that"},
			"cli.err.sealed":        {"danh tính được niêm phong; cần quyền xem thông tin bảo mật", "the identity is sealed; the confidential grant is needed"},
			"cli.err.short_pass":    {"mật khẩu cần ít nhất %d ký tự", "a passphrase needs at least %d characters"},
			"cli.err.bad_recovery":  {"mã khôi phục không đúng", "wrong recovery key"},
			"cli.err.user_exists":   {"đã có người dùng tên này", "a user with this name exists"},
			"cli.err.last_admin":    {"không thể bỏ quyền, khóa hay xóa quản trị viên cuối cùng", "the last admin cannot be demoted, disabled or removed"},
			"cli.err.user_args":     {"dùng: gopy user list | add TÊN --role admin|officer|viewer [--grant] | set TÊN [--role R] [--grant|--no-grant] [--disable|--enable] | passwd [TÊN] | recover TÊN", "use: gopy user list | add NAME --role admin|officer|viewer [--grant] | set NAME [--role R] [--grant|--no-grant] [--disable|--enable] | passwd [NAME] | recover NAME"},
			"cli.err.role":          {"vai trò %q không có; chọn admin, officer hoặc viewer", "no role %q; use admin, officer or viewer"},
			"cli.auth.prompt":       {"Mật khẩu của %s: ", "Passphrase for %s: "},
			"cli.auth.name":         {"Tên người dùng: ", "User name: "},
			"cli.auth.new_pass":     {"Mật khẩu mới (ít nhất %d ký tự): ", "New passphrase (at least %d characters): "},
			"cli.auth.again":        {"Nhập lại mật khẩu: ", "Passphrase again: "},
			"cli.auth.recovery_in":  {"Mã khôi phục: ", "Recovery key: "},
			"cli.auth.enter":        {"Đã chép mã khôi phục ra giấy? Bấm Enter để tiếp tục.", "Written the recovery key down? Press Enter to go on."},
			"cli.auth.first_admin":  {"Cơ sở dữ liệu chưa có tài khoản: tạo quản trị viên đầu tiên.", "This database has no accounts yet: create the first admin."},
			"cli.auth.setup":        {"Đã tạo quản trị viên %s; đã niêm phong %d danh tính bảo mật.", "Admin %s created; %d confidential identities sealed."},
			"cli.auth.recovery":     {"MÃ KHÔI PHỤC (chỉ hiện một lần, hãy chép ra giấy và cất kỹ): %s", "RECOVERY KEY (shown once only: write it on paper and keep it safe): %s"},
			"cli.user.done":         {"Đã lưu người dùng %s", "Saved user %s"},
			"cli.user.recovered":    {"Đã khôi phục quyền truy cập cho %s", "Access restored for %s"},
			"cli.audit.broken":      {"nhật ký kiểm tra bị sửa hoặc hỏng từ mục %d: %s", "audit log altered or damaged at entry %d: %s"},
			"cli.audit.ok":          {"nhật ký kiểm tra nguyên vẹn: %d mục", "audit log intact: %d entries"},
			"cli.audit.col.at":      {"Thời điểm", "When"},
			"cli.audit.col.user":    {"Người dùng", "User"},
			"cli.audit.col.action":  {"Việc", "Action"},
			"cli.audit.col.record":  {"Bản ghi", "Record"},
			"cli.audit.col.detail":  {"Chi tiết", "Detail"},
			"cli.compact.done":      {"Đã nén %s: %d → %d byte", "Compacted %s: %d → %d bytes"},
			"err.user_name":         {"Tên người dùng: 1–40 ký tự in được", "User name: 1–40 printable characters"},
		}
	})
}
