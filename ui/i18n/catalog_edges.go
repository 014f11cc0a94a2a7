package i18n

// Messages of the input and output edges: bundles, ledgers, outputs,
// damaged files, repairs and restores.
func init() {
	register(func() map[string][2]string {
		return map[string][2]string{
			"err.id_taken":               {"mã định danh (id) đã thuộc về một hồ sơ khác", "the id already belongs to another record"},
			"err.id_deleted":             {"hồ sơ mang mã định danh (id) này đã bị xóa, không thể đưa trở lại", "the record with this id was deleted and cannot come back"},
			"err.ref_taken":              {"số hiệu đã được dùng cho một hồ sơ khác cùng loại của phường", "the reference is already used by another record of this kind in the ward"},
			"err.utf8":                   {"văn bản không phải UTF-8 hợp lệ (byte %d)", "text is not valid UTF-8 (byte %d)"},
			"bundle.not_gzip":            {"không phải tệp gzip", "not a gzip file"},
			"bundle.no_manifest":         {"không có phần mô tả (manifest) (%v)", "no manifest (%v)"},
			"bundle.manifest":            {"phần mô tả (manifest) hỏng: %v", "manifest: %v"},
			"bundle.not_gopy":            {"không phải gói dữ liệu gopy", "not a gopy bundle"},
			"bundle.version":             {"gói phiên bản %d; gopy này chỉ đọc đến %d", "bundle version %d; this gopy reads up to %d"},
			"bundle.manifest_ward":       {"mã phường trong phần mô tả không hợp lệ: %q", "manifest ward code %q"},
			"bundle.corrupt_line":        {"bị cắt cụt hoặc hỏng ở dòng %d", "truncated or corrupt at line %d"},
			"bundle.too_long":            {"có dòng dài hơn %d MB", "a line is longer than %d MB"},
			"bundle.corrupt":             {"bị cắt cụt hoặc hỏng: %v", "truncated or corrupt: %v"},
			"bundle.checksum":            {"mã kiểm tra không khớp nội dung (bị sửa hoặc hỏng)", "checksum does not match the content (tampered or damaged)"},
			"bundle.counts":              {"phần mô tả ghi %d %s, gói chứa %d", "manifest says %d %s, the bundle holds %d"},
			"bundle.kind":                {"loại hồ sơ không rõ %q", "unknown record kind %q"},
			"bundle.record":              {"%s: không đọc được: %v", "%s: %v"},
			"bundle.bad_id":              {"%s: mã định danh sai %q", "%s: bad id %q"},
			"bundle.bad_ward":            {"%s %s: mã phường sai %q", "%s %s: bad ward code %q"},
			"bundle.no_ref":              {"%s %s: thiếu số hiệu", "%s %s: no reference"},
			"bundle.deletion":            {"dòng xóa hồ sơ hỏng: %v", "deletion: %v"},
			"bundle.deletion_id":         {"dòng xóa hồ sơ: mã định danh sai %q", "deletion: bad id %q"},
			"bundle.deletion_kind":       {"dòng xóa hồ sơ: loại không rõ %q", "deletion: unknown kind %q"},
			"bundle.deletion_ward":       {"dòng xóa hồ sơ %s: mã phường sai %q", "deletion %s: bad ward code %q"},
			"bundle.other_ward":          {"hồ sơ của phường %s trong gói của phường %s", "a record of ward %s in a bundle from ward %s"},
			"bundle.via":                 {"phường %s gửi dữ liệu qua %s, không qua %s", "ward %s reports through %s, not through %s"},
			"bundle.id_kind":             {"%s %s: mã định danh đã thuộc về một hồ sơ loại %s", "%s %s: id already used by a %s"},
			"bundle.id_other":            {"%s %s: mã định danh của %s %s thuộc phường %s", "%s %s: id of %s %s of ward %s"},
			"bundle.ref_taken":           {"%s %s: số hiệu đã được dùng ở phường %s", "%s %s: reference already used in ward %s"},
			"bundle.deletion_other":      {"dòng xóa %s: mã định danh của một hồ sơ loại %s", "deletion %s: id of a %s"},
			"bundle.deletion_other_ward": {"dòng xóa %s: hồ sơ của phường %s", "deletion %s: a record of ward %s"},
			"bundle.below":               {"danh sách phường cấp dưới có mã sai %q", "below: bad ward code %q"},
			"bundle.utf8":                {"văn bản không phải UTF-8 hợp lệ (byte %d)", "invalid UTF-8 at byte %d"},
			"bundle.signature":           {"chữ ký không hợp lệ: %v", "signature: %v"},
			"bundle.invalid":             {"%s %s không hợp lệ", "%s %s is not valid"},
			"bundle.line":                {"dòng %d: %s", "line %d: %s"},
			"cli.import.progress":        {"%s: đã nhập %d/%d hồ sơ", "%s: %d/%d records imported"},
		}
	})
}
