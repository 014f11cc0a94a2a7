package cli

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gopy/model"
	"gopy/store"
)

// Obviously fictional identities. The sealed ones must appear nowhere a
// command writes, nor in any file's raw bytes; the ordinary one must
// appear where an identity belongs.
var (
	sealedValues = []string{
		"Zyxwvu Quasimodo", "0999111222", "099111222333", "Ngõ Không Có Thật",
		"Xanthippe Ngụy Tạo", "0999333444", "099444555666", "Hẻm Hư Cấu",
		"0999555666", // a phone number written later, kept in the history
	}
	ordinaryName = "Ordinaryname Zzyzx"
)

// sealDB is a demo database with two confidential petitions (a
// denunciation, and a complaint marked confidential whose phone is
// corrected later), an ordinary one, and a draft of the denunciation's form.
func sealDB(t *testing.T) string {
	t.Helper()
	db := demoDB(t, 300)
	s := openSigned(t, db, store.Options{Now: func() time.Time { return fixedNow }})
	defer s.Close()
	den := &model.Petition{ReceivedOn: model.NewDate(2026, 10, 5), Channel: model.ChannelWalkIn, Classification: model.ClassDenunciation,
		Name: "Zyxwvu Quasimodo", Phone: "0999111222", IDNumber: "099111222333", Address: "Ngõ Không Có Thật 9", Summary: "Tố cáo cán bộ địa chính nhận tiền"}
	conf := &model.Petition{ReceivedOn: model.NewDate(2026, 10, 6), Channel: model.ChannelWritten, Classification: model.ClassComplaint, Confidential: true,
		Name: "Xanthippe Ngụy Tạo", Phone: "0999333444", IDNumber: "099444555666", Address: "Hẻm Hư Cấu 3", Summary: "Khiếu nại quyết định thu hồi đất"}
	ord := &model.Petition{ReceivedOn: model.NewDate(2026, 10, 7), Channel: model.ChannelWalkIn, Classification: model.ClassReport,
		Name: ordinaryName, Summary: "Phản ánh đèn đường hỏng"}
	for _, p := range []*model.Petition{den, conf, ord} {
		if err := s.Create(p, ""); err != nil {
			t.Fatal(err)
		}
	}
	rec, _ := s.Get(model.KindPetition, conf.ID)
	p := rec.(*model.Petition)
	if err := s.Reveal(p, "correct the phone"); err != nil {
		t.Fatal(err)
	}
	p.Phone = "0999555666"
	if err := s.Update(p, ""); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveDraft("petition/"+den.ID, []byte(`{"name":"Zyxwvu Quasimodo","phone":"0999111222"}`)); err != nil {
		t.Fatal(err)
	}
	return db
}

// unpack returns a file's bytes and, for a zip (xlsx) or gzip (bundle),
// its content too.
func unpack(t *testing.T, path string) []byte {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := append([]byte{}, raw...)
	if zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw))); err == nil {
		for _, f := range zr.File {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(rc)
			rc.Close()
			out = append(out, b...)
		}
	}
	if bytes.HasPrefix(raw, []byte{0x1f, 0x8b}) {
		out = append(out, gunzip(t, path)...)
	}
	// A database (or a backup of one) packs its records: their text too.
	return store.PlainBytes(out)
}

func TestSealedIdentitiesAppearNowhere(t *testing.T) {
	db := sealDB(t)
	dir := t.TempDir()
	outputs := map[string][]byte{}
	cmd := func(name string, args ...string) {
		t.Helper()
		code, out, errs := run(t, append([]string{"--db", db}, args...)...)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", name, code, errs)
		}
		outputs[name] = []byte(out + errs)
	}
	file := func(name string, args ...string) {
		t.Helper()
		path := filepath.Join(dir, name)
		cmd(name+" (stdout)", append(args, "--out", path)...)
		outputs[name] = unpack(t, path)
	}
	for _, k := range []string{"petitions", "feedback", "sessions"} {
		for _, f := range []string{"table", "csv", "json"} {
			cmd("list "+k+" "+f, "list", k, "--format", f)
		}
	}
	for _, v := range sealedValues {
		cmd("search "+v, "list", "petitions", "--search", v)
	}
	for _, f := range []string{"text", "md", "csv", "json"} {
		cmd("report "+f, "report", "--period", "2026", "--format", f)
		cmd("report by ward "+f, "report", "--period", "2026", "--by-ward", "--format", f)
	}
	file("report.xlsx", "report", "--period", "2026", "--format", "xlsx")
	cmd("register csv", "register", "--period", "2026")
	file("register.csv", "register", "--period", "2026", "--format", "csv")
	file("register.xlsx", "register", "--period", "2026", "--format", "xlsx")
	file("bundle.gpb", "export")
	file("stripped.gpb", "export", "--strip-personal")
	file("backup.db", "backup")
	cmd("audit", "audit", "--format", "json")
	cmd("check", "check")
	outputs["database file"] = unpack(t, db)
	autoBackups, _ := filepath.Glob(filepath.Join(store.BackupDir(db), "*"))
	for _, b := range autoBackups {
		outputs[b] = unpack(t, b)
	}

	for name, out := range outputs {
		for _, v := range sealedValues {
			if bytes.Contains(out, []byte(v)) || bytes.Contains(bytes.ToLower(out), []byte(strings.ToLower(model.Fold(v)))) {
				t.Errorf("%s holds the sealed %q", name, v)
			}
		}
	}
	// The ordinary petitioner is where an identity belongs, and not where
	// it was stripped.
	for _, name := range []string{"list petitions table", "list petitions csv", "list petitions json", "register csv", "register.xlsx", "bundle.gpb", "backup.db", "database file"} {
		if !bytes.Contains(outputs[name], []byte(ordinaryName)) {
			t.Errorf("%s lacks the ordinary petitioner %q", name, ordinaryName)
		}
	}
	if bytes.Contains(outputs["stripped.gpb"], []byte(ordinaryName)) {
		t.Errorf("--strip-personal bundle holds %q", ordinaryName)
	}
	if n := count(t, "--db", db, "list", "petitions", "--search", "zzyzx"); n != 1 {
		t.Errorf("search for the ordinary petitioner found %d", n)
	}
}

func TestPersonRequestFromTheCommandLine(t *testing.T) {
	db := demoDB(t, 100)
	s := openSigned(t, db, store.Options{Now: func() time.Time { return fixedNow }})
	for i, c := range []model.Classification{model.ClassReport, model.ClassDenunciation, model.ClassProposal} {
		p := &model.Petition{ReceivedOn: model.NewDate(2026, 10, 1+i), Channel: model.ChannelWalkIn, Classification: c,
			Name: "Đặng Thị Hư Cấu", Phone: "0999777888", Summary: "Việc hư cấu"}
		if err := s.Create(p, ""); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	if code, _, errs := run(t, "--db", db, "backup"); code != 0 {
		t.Fatal(errs)
	}
	code, out, errs := run(t, "--db", db, "person", "dang thi hu cau")
	if code != 0 || !strings.Contains(out, "3 bản ghi") || !strings.Contains(out, "Đặng Thị Hư Cấu") {
		t.Fatalf("person: %d %q %q", code, out, errs)
	}
	_, before, _ := run(t, "--db", db, "report", "--period", "2026", "--format", "json")
	code, _, errs = run(t, "--db", db, "person", "dang thi hu cau", "--erase")
	if code != 0 || !strings.Contains(errs, "bản sao lưu vẫn còn dữ liệu cũ") {
		t.Fatalf("erase: %d %q", code, errs)
	}
	_, after, _ := run(t, "--db", db, "report", "--period", "2026", "--format", "json")
	if before != after {
		t.Errorf("report changed by the erasure")
	}
	if _, out, _ := run(t, "--db", db, "person", "0999777888"); !strings.Contains(out, "0 bản ghi") {
		t.Errorf("found after erasure: %q", out)
	}
	if code, _, errs := run(t, "--db", db, "compact"); code != 0 {
		t.Fatal(errs)
	}
	if raw := unpack(t, db); bytes.Contains(raw, []byte("0999777888")) || bytes.Contains(raw, []byte("Đặng Thị Hư Cấu")) {
		t.Error("compacted database still holds the erased person")
	}
	if code, _, errs := run(t, "--db", db, "check"); code != 0 {
		t.Errorf("check after compact: %s", errs)
	}
}

// TestSealedIdentitiesAppearNowhereLater covers the outputs added after
// the grep test above: the Word report, sending a report and making the
// sent one again (docx and json), the as-sent report, person, stats, the
// plain audit, and the raw database bytes after the send.
func TestSealedIdentitiesAppearNowhereLater(t *testing.T) {
	db := sealDB(t)
	dir := t.TempDir()
	outputs := map[string][]byte{}
	cmd := func(name string, args ...string) string {
		t.Helper()
		code, out, errs := run(t, append([]string{"--db", db}, args...)...)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", name, code, errs)
		}
		outputs[name] = []byte(out + errs)
		return out
	}
	file := func(name string, args ...string) {
		t.Helper()
		path := filepath.Join(dir, name)
		cmd(name+" (stdout)", append(args, "--out", path)...)
		outputs[name] = unpack(t, path)
	}
	file("report.docx", "report", "--period", "2026", "--format", "docx")
	file("report by ward.docx", "report", "--period", "2026", "--by-ward", "--format", "docx")
	file("sent.docx", "report", "--period", "2026-Q4", "--profile", "dang-uy", "--send", "--number", "12", "--format", "docx")
	list := cmd("sent list", "report", "--sent")
	lines := strings.Split(strings.TrimSpace(list), "\n")
	if len(lines) != 2 {
		t.Fatalf("--sent lists %q", list)
	}
	id := strings.Fields(lines[1])[0]
	file("sent again.docx", "report", "--sent", id, "--format", "docx")
	cmd("sent again json", "report", "--sent", id, "--format", "json")
	cmd("as sent json", "report", "--period", "2026-Q4", "--as-sent", "--format", "json")
	cmd("as sent text", "report", "--period", "2026-Q4", "--as-sent", "--format", "text")
	cmd("person ordinary", "person", ordinaryName)
	for _, k := range []string{"commitments", "information"} {
		for _, f := range []string{"table", "csv", "json"} {
			cmd("list "+k+" "+f, "list", k, "--format", f)
		}
	}
	cmd("stats", "stats")
	cmd("audit text", "audit")
	cmd("audit json", "audit", "--format", "json")
	outputs["database file after send"] = unpack(t, db)
	if !bytes.Contains(outputs["sent again.docx"], []byte("word/document.xml")) {
		t.Fatal("the re-made sent report is not a Word document")
	}
	for name, out := range outputs {
		for _, v := range sealedValues {
			if bytes.Contains(out, []byte(v)) || bytes.Contains(bytes.ToLower(out), []byte(strings.ToLower(model.Fold(v)))) {
				t.Errorf("%s holds the sealed %q", name, v)
			}
		}
	}
	if !bytes.Contains(outputs["person ordinary"], []byte(ordinaryName)) {
		t.Errorf("person lacks the ordinary petitioner: %q", outputs["person ordinary"])
	}
}
