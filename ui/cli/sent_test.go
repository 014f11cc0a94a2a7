package cli

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gopy/model"
	"gopy/store"
	"gopy/ui/i18n"
)

// docxTables reads a .docx's word/document.xml back: every table row as
// its cells' texts (nested tables flattened into their own rows).
func docxTables(t *testing.T, path string) (rows [][]string, paras []string) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("%s: not a zip: %v", path, err)
	}
	defer zr.Close()
	var body []byte
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			body, _ = io.ReadAll(rc)
			rc.Close()
		}
	}
	if body == nil {
		t.Fatal("no word/document.xml")
	}
	dec := xml.NewDecoder(bytes.NewReader(body))
	var row []string
	var cell, para strings.Builder
	inT := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("document.xml: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "tr":
				row = nil
			case "tc":
				cell.Reset()
			case "p":
				para.Reset()
			case "t":
				inT = true
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "t":
				inT = false
			case "p":
				paras = append(paras, para.String())
				cell.WriteString(para.String())
			case "tc":
				row = append(row, cell.String())
			case "tr":
				rows = append(rows, row)
			}
		case xml.CharData:
			if inT {
				para.Write(e)
			}
		}
	}
	return rows, paras
}

// rowValue is the value cell of the table row labelled label, parsed as
// a number in Vietnamese (1.234).
func rowValue(t *testing.T, rows [][]string, label string, col int) int {
	t.Helper()
	for _, r := range rows {
		if len(r) > col && r[0] == label {
			n, err := strconv.Atoi(strings.ReplaceAll(r[col], ".", ""))
			if err != nil {
				t.Fatalf("%s: %q is not a number", label, r[col])
			}
			return n
		}
	}
	t.Fatalf("no row %q in the document's tables", label)
	return 0
}

// Every figure the document's tables show equals `report --format json`.
func TestReportDocxFiguresEqualJSON(t *testing.T) {
	db := demoDB(t, 1500)
	out := filepath.Join(t.TempDir(), "r.docx")
	if code, _, errs := run(t, "--db", db, "report", "--period", "2026-Q3", "--format", "docx", "--out", out, "--profile", "ubnd"); code != 0 {
		t.Fatalf("docx: %d %s", code, errs)
	}
	code, js, errs := run(t, "--db", db, "report", "--period", "2026-Q3", "--format", "json")
	if code != 0 {
		t.Fatal(errs)
	}
	var rep model.Report
	if err := json.Unmarshal([]byte(js), &rep); err != nil {
		t.Fatal(err)
	}
	rows, paras := docxTables(t, out)
	l := i18n.VI
	fb, ss, pt := &rep.Feedback, &rep.Sessions, &rep.Petitions
	if fb.Total == 0 || pt.Total == 0 || ss.Total == 0 {
		t.Fatalf("fixture has an empty section: %+v", rep.Figures)
	}
	for key, want := range map[string]int{
		"report.fb.total": fb.Total, "report.fb.points": fb.Points, "report.fb.answered": fb.Answered,
		"report.fb.overdue": fb.Overdue, "report.fb.overdue_pts": fb.OverduePoints, "report.fb.drafts": fb.Drafts,
		"report.ss.total": ss.Total, "report.ss.participants": ss.Participants, "report.ss.matters": ss.MattersRaised,
		"report.pt.total": pt.Total, "report.pt.people": pt.People, "report.pt.ack_late": pt.AckLate,
		"report.pt.ack_pending": pt.AckPending, "report.pt.resolved": pt.Resolved,
		"report.pt.resolved_ontime": pt.ResolvedOnTime, "report.pt.overdue": pt.Overdue,
		"report.pt.reported_back": pt.ReportedBack,
	} {
		if got := rowValue(t, rows, l.T(key), 1); got != want {
			t.Errorf("%s: document %d, json %d", l.T(key), got, want)
		}
	}
	// The breakdowns: each enum value's row, in the table headed by col.
	check := func(col, group string, c model.Counts) {
		start := slices.IndexFunc(rows, func(r []string) bool { return len(r) > 1 && r[0] == l.T(col) })
		if start < 0 {
			t.Fatalf("no table headed %q", l.T(col))
		}
		for _, e := range c {
			end := start + 1 + slices.IndexFunc(rows[start+1:], func(r []string) bool { return r[0] == l.T("report.total") })
			if got := rowValue(t, rows[start:end], l.Enum(group, e.Key), 1); got != e.N {
				t.Errorf("%s %s: document %d, json %d", group, e.Key, got, e.N)
			}
		}
	}
	check("report.col.answer", "answer", fb.ByStatus)
	check("report.col.source", "source", fb.BySource)
	check("report.col.kind", "session", ss.ByKind)
	check("report.col.class", "class", pt.ByClassification)
	check("report.col.channel", "channel", pt.ByChannel)
	check("report.col.status", "status", pt.ByStatus)
	// Overdue list: one row per petition, by reference.
	for _, e := range pt.OverdueList {
		if !slices.ContainsFunc(rows, func(r []string) bool { return len(r) > 2 && r[1] == e.Ref }) {
			t.Errorf("overdue %s missing from the document", e.Ref)
		}
	}
	for _, want := range []string{"ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BÁO CÁO", "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN"} {
		if !slices.Contains(paras, want) {
			t.Errorf("no paragraph %q", want)
		}
	}
}

// editCSV writes one petition of the period back as a ledger CSV with its
// classification changed to proposal; it returns the file and the
// petition's reference and old classification.
func editCSV(t *testing.T, db, period string) (path, ref, was string) {
	t.Helper()
	code, out, errs := run(t, "--db", db, "list", "petitions", "--period", period, "--format", "csv")
	if code != 0 {
		t.Fatal(errs)
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := slices.Index(recs[0], "classification")
	refCol := slices.Index(recs[0], "ref")
	for _, r := range recs[1:] {
		if r[col] == "complaint" {
			was, ref = r[col], r[refCol]
			r[col] = "proposal"
			path = filepath.Join(t.TempDir(), "edit.csv")
			var b bytes.Buffer
			w := csv.NewWriter(&b)
			w.WriteAll([][]string{recs[0], r})
			if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
				t.Fatal(err)
			}
			return path, ref, was
		}
	}
	t.Fatal("no complaint in the period")
	return
}

// The walk-through: send a quarter, change one of its records
// without a reason (refused, nothing written) and with one (written, the
// history says amendment); the sent report is then made again byte for
// byte, --as-sent is unchanged, and the next quarter's report lists the
// correction with both values.
func TestSendLockAmend(t *testing.T) {
	db := demoDB(t, 1500)
	dir := t.TempDir()
	sentDocx := filepath.Join(dir, "sent.docx")
	code, out, errs := run(t, "--db", db, "report", "--period", "2026-Q3", "--profile", "dang-uy", "--send", "--number", "12",
		"--format", "docx", "--out", sentDocx)
	if code != 0 || !strings.Contains(out, "12-BC/ĐU") {
		t.Fatalf("send: %d %q %s", code, out, errs)
	}
	_, sentJSON, _ := run(t, "--db", db, "report", "--period", "2026-Q3", "--as-sent", "--format", "json")
	_, nowJSON, _ := run(t, "--db", db, "report", "--period", "2026-Q3", "--format", "json")
	if sentJSON != nowJSON {
		t.Fatal("as sent differs from the report of the same moment")
	}
	_, list, _ := run(t, "--db", db, "report", "--sent")
	lines := strings.Split(strings.TrimSpace(list), "\n")
	if len(lines) != 2 || !strings.Contains(lines[1], "2026-Q3") {
		t.Fatalf("--sent lists %q", list)
	}
	id := strings.Fields(lines[1])[0]
	// Sent by the signed-in user (the harness signs in as demo), not the
	// officer named in Settings.
	if !slices.Contains(strings.Fields(lines[1]), "demo") || strings.Contains(lines[1], "Trần Thị Thu Hà") {
		t.Errorf("--sent names the sender as %q, want the signed-in demo", lines[1])
	}

	csvPath, ref, _ := editCSV(t, db, "2026-Q3")
	_, before, _ := run(t, "--db", db, "list", "petitions", "--format", "json")
	code, _, errs = run(t, "--db", db, "import", csvPath)
	if code != 1 || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, ref) || !strings.Contains(errs, "--amend") {
		t.Fatalf("change without a reason: exit %d, %q", code, errs)
	}
	if _, after, _ := run(t, "--db", db, "list", "petitions", "--format", "json"); after != before {
		t.Fatal("a refused change wrote something")
	}
	if code, _, errs = run(t, "--db", db, "import", csvPath, "--amend", "Phân loại lại theo đơn gốc"); code != 0 {
		t.Fatalf("with a reason: %d %s", code, errs)
	}
	s, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	var rec model.Record
	s.Each(store.Query{Kind: model.KindPetition, Search: ref}, func(r *model.Row) error {
		if r.Ref == ref {
			rec, _ = s.Get(model.KindPetition, r.ID)
		}
		return nil
	})
	h, _ := s.History(rec.GetMeta().ID)
	s.Close()
	if !slices.ContainsFunc(h, func(c model.Change) bool {
		return c.Action == "amend" && strings.Contains(c.Note, "Phân loại lại theo đơn gốc")
	}) {
		t.Fatalf("history has no amendment: %+v", h)
	}

	again := filepath.Join(dir, "again.docx")
	if code, _, errs := run(t, "--db", db, "report", "--sent", id, "--format", "docx", "--out", again); code != 0 {
		t.Fatal(errs)
	}
	a, _ := os.ReadFile(sentDocx)
	b, _ := os.ReadFile(again)
	if !bytes.Equal(a, b) {
		t.Fatal("the sent document made again differs from the one sent")
	}
	if _, asSent, _ := run(t, "--db", db, "report", "--period", "2026-Q3", "--as-sent", "--format", "json"); asSent != sentJSON {
		t.Fatal("--as-sent changed after the amendment")
	}
	var was, now model.Report
	json.Unmarshal([]byte(sentJSON), &was)
	_, nowJSON, _ = run(t, "--db", db, "report", "--period", "2026-Q3", "--format", "json")
	json.Unmarshal([]byte(nowJSON), &now)
	if now.Petitions.ByClassification.Get("complaint") != was.Petitions.ByClassification.Get("complaint")-1 {
		t.Fatal("the amendment did not change the figures")
	}

	q4 := filepath.Join(dir, "q4.docx")
	if code, _, errs := run(t, "--db", db, "report", "--period", "2026-Q4", "--profile", "dang-uy", "--format", "docx", "--out", q4); code != 0 {
		t.Fatal(errs)
	}
	rows, paras := docxTables(t, q4)
	if !slices.Contains(paras, "VI. ĐIỀU CHỈNH SỐ LIỆU CÁC KỲ ĐÃ BÁO CÁO") {
		t.Fatal("no corrections section in the next report")
	}
	label := i18n.VI.T("report.pt.by_class") + ": " + i18n.VI.Enum("class", "complaint")
	i := slices.IndexFunc(rows, func(r []string) bool { return len(r) == 5 && r[1] == label })
	if i < 0 {
		t.Fatalf("no correction row %q", label)
	}
	r := rows[i]
	if r[0] != "12-BC/ĐU (2026-Q3)" || r[2] != strconv.Itoa(was.Petitions.ByClassification.Get("complaint")) ||
		r[3] != strconv.Itoa(now.Petitions.ByClassification.Get("complaint")) || !strings.Contains(r[4], ref+": Phân loại lại theo đơn gốc") {
		t.Fatalf("correction row %q", r)
	}
	// The text report lists it too.
	if _, txt, _ := run(t, "--db", db, "report", "--period", "2026-Q4", "--profile", "dang-uy"); !strings.Contains(txt, "ĐIỀU CHỈNH SỐ LIỆU") {
		t.Error("text report has no corrections")
	}
}

// A ward's sent report goes upward in its bundle; at the higher level the
// by-ward report sets it beside the figures recomputed from the ward's
// records, so a change made after sending shows.
func TestBundleCarriesSentReport(t *testing.T) {
	ward := demoDB(t, 1500)
	if code, _, errs := run(t, "--db", ward, "report", "--period", "2026-Q3", "--profile", "ubnd", "--send", "--number", "7"); code != 0 {
		t.Fatal(errs)
	}
	csvPath, _, _ := editCSV(t, ward, "2026-Q3")
	if code, _, errs := run(t, "--db", ward, "import", csvPath, "--amend", "Phân loại lại"); code != 0 {
		t.Fatal(errs)
	}
	bundle := filepath.Join(t.TempDir(), "b.gopy")
	if code, _, errs := run(t, "--db", ward, "export", "--out", bundle, "--period", "2026"); code != 0 {
		t.Fatal(errs)
	}
	province := filepath.Join(t.TempDir(), "p.db")
	if code, _, errs := run(t, "--db", province, "import", bundle); code != 0 {
		t.Fatalf("import: %s", errs)
	}
	code, out, errs := run(t, "--db", province, "report", "--period", "2026-Q3", "--by-ward", "--as-sent", "--format", "csv")
	if code != 0 {
		t.Fatal(errs)
	}
	label := i18n.VI.T("report.pt.by_class") + ": " + i18n.VI.Enum("class", "complaint")
	var row []string
	cr := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff")))
	cr.FieldsPerRecord = -1
	recs, err := cr.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		if len(r) == 6 && r[2] == label {
			row = r
		}
	}
	if row == nil {
		t.Fatalf("no as-sent row for %q in\n%s", label, out)
	}
	sent, _ := strconv.Atoi(row[3])
	now, _ := strconv.Atoi(row[4])
	if row[1] != "7/BC-UBND" || sent != now+1 || row[5] == "" {
		t.Fatalf("as sent beside recomputed: %q", row)
	}
	// The province's own periods are not locked by a ward's report.
	if _, _, errs := run(t, "--db", province, "import", csvPath); strings.Contains(errs, "--amend") {
		t.Fatalf("a ward's report locked the province: %s", errs)
	}
}

func TestSentUsageErrors(t *testing.T) {
	db := demoDB(t, 50)
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"report", "--send"}, 2, "--number"},
		{[]string{"report", "--as-sent"}, 2, "--period"},
		{[]string{"report", "--send", "--number", "1", "--by-ward"}, 2, "--by-ward"},
		{[]string{"report", "--format", "docx"}, 2, "--out"},
		{[]string{"report", "--sent", "01M8M221S6GG57R0DDDDN19B0X"}, 1, "gopy report --sent"},
		{[]string{"report", "--period", "2025-Q1", "--as-sent"}, 1, "chưa gửi"},
		{[]string{"report", "--profile", "khong-co", "--format", "docx", "--out", filepath.Join(t.TempDir(), "x.docx")}, 1, "khong-co"},
	} {
		code, _, errs := run(t, append([]string{"--db", db}, c.args...)...)
		if code != c.code || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, %q", c.args, code, errs)
		}
	}
}
