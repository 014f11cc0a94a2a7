package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"gopy/model"
	"gopy/store"
)

// jsonReport is what a script reading `gopy report --format json` sees.
type jsonReport struct {
	Period struct{ From, To string }
	jsonFigures
	Wards []struct {
		Ward string
		jsonFigures
	}
}

type jsonFigures struct {
	Feedback struct {
		Total, Points, Overdue int
		ByStatus               map[string]int `json:"by_status"`
		ByState                map[string]int `json:"by_state"`
	}
	Sessions struct {
		Total  int
		ByKind map[string]int `json:"by_kind"`
	}
	Targets []struct {
		Rule                      string
		Per, Required, Held, Days int
		AdHoc                     int `json:"ad_hoc_days"`
		Met                       bool
		State                     string
		Missed, Pending           []string
	}
	Petitions struct {
		Total, Overdue    int
		OverdueUnaccepted int            `json:"overdue_unaccepted"`
		Unaccepted        int            `json:"unaccepted"`
		ByStatus          map[string]int `json:"by_status"`
		ByClassification  map[string]int `json:"by_classification"`
		OverdueList       []struct {
			Ref string
		} `json:"overdue_list"`
		Repeated int
	}
	Commitments struct {
		Total, Overdue int
		DoneOnTime     int            `json:"done_on_time"`
		ByStatus       map[string]int `json:"by_status"`
	}
	Information struct {
		Total, Overdue, Provided int
		ProvidedOnTime           int `json:"provided_on_time"`
	}
}

func multiWardDB(t *testing.T, n, wards int) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "w.db")
	if code, _, errs := run(t, "--db", db, "demo", "--records", strconv.Itoa(n), "--wards", strconv.Itoa(wards), "--seed", "11"); code != 0 {
		t.Fatalf("demo: exit %d: %s", code, errs)
	}
	return db
}

func reportJSON(t *testing.T, args ...string) jsonReport {
	t.Helper()
	code, out, errs := run(t, append(args, "--format", "json")...)
	if code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, errs)
	}
	var r jsonReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v: json: %v", args, err)
	}
	return r
}

// checkAgainstList compares one set of figures with `list … --count` for
// the same period (and ward).
func checkAgainstList(t *testing.T, db, label string, f *jsonFigures, filter ...string) {
	t.Helper()
	n := func(args ...string) int {
		return count(t, append(append([]string{"--db", db, "list"}, args...), filter...)...)
	}
	want := func(what string, got, list int) {
		t.Helper()
		if got != list {
			t.Errorf("%s: report %s = %d, list --count = %d", label, what, got, list)
		}
	}
	want("feedback.total", f.Feedback.Total, n("feedback"))
	want("feedback.overdue", f.Feedback.Overdue, n("feedback", "--overdue"))
	for _, s := range model.FeedbackStates {
		want("feedback.by_state."+string(s), f.Feedback.ByState[string(s)], n("feedback", "--status", string(s)))
	}
	points := 0
	for _, v := range f.Feedback.ByStatus {
		points += v
	}
	want("sum of feedback.by_status", points, f.Feedback.Points)

	want("sessions.total", f.Sessions.Total, n("sessions"))
	for _, k := range model.SessionKinds {
		want("sessions.by_kind."+string(k), f.Sessions.ByKind[string(k)], n("sessions", "--status", string(k)))
	}

	want("petitions.total", f.Petitions.Total, n("petitions"))
	want("petitions.overdue", f.Petitions.Overdue, n("petitions", "--overdue"))
	want("petitions.overdue_unaccepted", f.Petitions.OverdueUnaccepted, n("petitions", "--status", "unaccepted", "--overdue"))
	want("petitions.unaccepted", f.Petitions.Unaccepted, n("petitions", "--status", "unaccepted"))
	want("len(petitions.overdue_list)", len(f.Petitions.OverdueList), f.Petitions.Overdue)
	for _, s := range model.PetitionStatuses {
		want("petitions.by_status."+string(s), f.Petitions.ByStatus[string(s)], n("petitions", "--status", string(s)))
	}
	classes := 0
	for _, v := range f.Petitions.ByClassification {
		classes += v
	}
	want("sum of petitions.by_classification", classes, f.Petitions.Total)

	want("commitments.total", f.Commitments.Total, n("commitments"))
	want("commitments.overdue", f.Commitments.Overdue, n("commitments", "--overdue"))
	for _, s := range model.CommitmentStates {
		want("commitments.by_status."+string(s), f.Commitments.ByStatus[string(s)], n("commitments", "--status", string(s)))
	}
	if f.Commitments.DoneOnTime > f.Commitments.ByStatus[string(model.CommitmentDone)] {
		t.Errorf("%s: %d commitments done on time of %d done", label, f.Commitments.DoneOnTime, f.Commitments.ByStatus[string(model.CommitmentDone)])
	}
	want("information.total", f.Information.Total, n("information"))
	want("information.overdue", f.Information.Overdue, n("information", "--overdue"))
	want("information.provided", f.Information.Provided, n("information", "--status", string(model.InfoProvided)))
}

func TestReportAgreesWithList(t *testing.T) {
	db := demoDB(t, 2500)
	// fixedNow is 27/11/2026: 2026-Q4 (the default) is under way.
	for _, p := range []string{"", "2026-Q4", "2025", "2024-H1", "2025-9M", "2026-07", "2025-Q1", "15/03/2025..14/09/2025", "2010"} {
		args := []string{"--db", db, "report"}
		var filter []string
		if p != "" {
			args = append(args, "--period", p)
			filter = []string{"--period", p}
		} else {
			filter = []string{"--period", "2026-Q4"}
		}
		r := reportJSON(t, args...)
		if p == "" && (r.Period.From != "2026-10-01" || r.Period.To != "2026-12-31") {
			t.Errorf("default period = %s..%s, want the current quarter", r.Period.From, r.Period.To)
		}
		if p == "2025" && (r.Feedback.Total == 0 || r.Petitions.Overdue == 0 || r.Feedback.Overdue == 0 ||
			r.Commitments.Overdue == 0 || r.Commitments.DoneOnTime == 0 || r.Information.Overdue == 0 ||
			r.Information.ProvidedOnTime == 0 || r.Petitions.Repeated == 0) {
			t.Fatalf("demo 2025 lacks variety: %+v", r.jsonFigures)
		}
		checkAgainstList(t, db, "period "+p, &r.jsonFigures, filter...)
	}
	// --from/--to give the same figures as --period for the same range.
	a := reportJSON(t, "--db", db, "report", "--period", "2025-Q2")
	if got := count(t, "--db", db, "list", "petitions", "--from", "01/04/2025", "--to", "30/06/2025"); got != a.Petitions.Total {
		t.Errorf("Q2 2025 by dates: list %d, report %d", got, a.Petitions.Total)
	}
}

func TestReportByWardAgreesWithList(t *testing.T) {
	db := multiWardDB(t, 2400, 3)
	for _, p := range []string{"2025", "2026-Q3"} {
		r := reportJSON(t, "--db", db, "report", "--period", p, "--by-ward")
		if len(r.Wards) != 3 {
			t.Fatalf("%s: %d wards, want 3", p, len(r.Wards))
		}
		checkAgainstList(t, db, p+" total", &r.jsonFigures, "--period", p)
		sum := 0
		for _, w := range r.Wards {
			checkAgainstList(t, db, p+" ward "+w.Ward, &w.jsonFigures, "--period", p, "--ward", w.Ward)
			sum += w.Petitions.Total
		}
		if sum != r.Petitions.Total {
			t.Errorf("%s: wards' petitions add to %d, total %d", p, sum, r.Petitions.Total)
		}
	}
}

func TestReportXLSX(t *testing.T) {
	db := multiWardDB(t, 1200, 2)
	out := filepath.Join(t.TempDir(), "r.xlsx")
	code, stdout, errs := run(t, "--db", db, "report", "--period", "2025", "--by-ward", "--format", "xlsx", "--out", out)
	if code != 0 || !strings.Contains(stdout, out) {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, errs)
	}
	r := reportJSON(t, "--db", db, "report", "--period", "2025", "--by-ward")

	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatalf("excelize cannot read the report: %v", err)
	}
	defer f.Close()
	want := []string{"Thông tin", "Góp ý", "Đối thoại, tiếp dân", "Kiến nghị", "Quá hạn", "Cam kết, thông tin",
		"Phường - Góp ý", "Phường - Đối thoại", "Phường - Kiến nghị", "Phường - Cam kết"}
	if got := f.GetSheetList(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sheets = %q, want %q", got, want)
	}

	// The figure beside its label is a number cell holding the JSON's value.
	for _, c := range []struct {
		sheet, label string
		want         int
	}{
		{"Góp ý", "Số lượt góp ý", r.Feedback.Total},
		{"Góp ý", "Số ý kiến", r.Feedback.Points},
		{"Đối thoại, tiếp dân", "Tổng số cuộc", r.Sessions.Total},
		{"Kiến nghị", "Tổng số đơn, vụ việc tiếp nhận", r.Petitions.Total},
		{"Kiến nghị", "Quá hạn (giải quyết hoặc thụ lý)", r.Petitions.Overdue},
		{"Kiến nghị", "Trong đó: chưa thụ lý, quá hạn", r.Petitions.OverdueUnaccepted},
		{"Kiến nghị", "Chưa thụ lý (chưa có quyết định xử lý)", r.Petitions.Unaccepted},
		{"Cam kết, thông tin", "Cam kết quá hạn", r.Commitments.Overdue},
		{"Cam kết, thông tin", "Cung cấp đúng hạn", r.Information.ProvidedOnTime},
	} {
		cell := findCell(t, f, c.sheet, c.label)
		if cell == "" {
			t.Errorf("%s: no %q", c.sheet, c.label)
			continue
		}
		col, row, _ := excelize.CellNameToCoordinates(cell)
		valCell, _ := excelize.CoordinatesToCellName(col+1, row)
		checkNumber(t, f, c.sheet, valCell, c.want)
	}

	// Header rows are bold; the overdue list's dates are dates.
	head := findCell(t, f, "Kiến nghị", "Tình trạng giải quyết")
	if head == "" {
		t.Fatal("no status table header")
	}
	styleID, _ := f.GetCellStyle("Kiến nghị", head)
	if st, err := f.GetStyle(styleID); err != nil || st.Font == nil || !st.Font.Bold {
		t.Errorf("header %s not bold: %+v %v", head, st, err)
	}
	if r.Petitions.Overdue > 0 {
		checkNumber(t, f, "Quá hạn", "F4", -1) // days overdue of the first entry
		if v, _ := f.GetCellValue("Quá hạn", "D4"); len(v) != len("01/01/2025") || v[2] != '/' {
			t.Errorf("received date shows as %q", v)
		}
	}
	// One row per ward then the total.
	for i, w := range r.Wards {
		if v, _ := f.GetCellValue("Phường - Kiến nghị", "A"+strconv.Itoa(4+i)); v != w.Ward {
			t.Errorf("ward row %d = %q, want %q", i, v, w.Ward)
		}
		checkNumber(t, f, "Phường - Kiến nghị", "B"+strconv.Itoa(4+i), w.Petitions.Total)
	}
	if v, _ := f.GetCellValue("Phường - Kiến nghị", "A"+strconv.Itoa(4+len(r.Wards))); v != "Tổng cộng" {
		t.Errorf("total row label %q", v)
	}
	if w, _ := f.GetColWidth("Góp ý", "A"); w < 30 {
		t.Errorf("label column width %v", w)
	}
}

func findCell(t *testing.T, f *excelize.File, sheet, text string) string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatalf("%s: %v", sheet, err)
	}
	for r, row := range rows {
		for c, v := range row {
			if v == text {
				n, _ := excelize.CoordinatesToCellName(c+1, r+1)
				return n
			}
		}
	}
	return ""
}

// checkNumber fails unless the cell is stored as a number (want < 0: any).
func checkNumber(t *testing.T, f *excelize.File, sheet, cell string, want int) {
	t.Helper()
	typ, err := f.GetCellType(sheet, cell)
	if err != nil || (typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset) {
		t.Errorf("%s!%s type %v, want a number", sheet, cell, typ)
	}
	v, _ := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if v == "" || strings.Trim(v, "0123456789.") != "" {
		t.Errorf("%s!%s = %q, not a number", sheet, cell, v)
		return
	}
	if want >= 0 && v != strconv.Itoa(want) {
		t.Errorf("%s!%s = %s, want %d", sheet, cell, v, want)
	}
}

// registerHeaderVI are the 12 columns of Mẫu số 03 (TT 04/2021/TT-TTCP),
// the handling in three.
var registerHeaderVI = []string{
	"STT", "Ngày tiếp", "Họ tên – Địa chỉ", "CMND/CCCD/Hộ chiếu", "Nội dung vụ việc", "Phân loại đơn / Số người",
	"Cơ quan, tổ chức đã giải quyết", "Thụ lý giải quyết", "Trả lại đơn và hướng dẫn", "Chuyển đơn",
	"Theo dõi kết quả", "Ghi chú",
}

// inPersonCount counts the period's petitions whose citizen was received
// in person — walk-ins and matters of reception sessions — from the
// lists' JSON, independently of the register.
func inPersonCount(t *testing.T, db, period string) (inPerson, other int) {
	t.Helper()
	var sessions []struct {
		ID   string
		Kind string
	}
	code, out, errs := run(t, "--db", db, "list", "sessions", "--format", "json")
	if code != 0 || json.Unmarshal([]byte(out), &sessions) != nil {
		t.Fatalf("list sessions: %d %s", code, errs)
	}
	reception := map[string]bool{}
	for _, s := range sessions {
		reception[s.ID] = s.Kind == "reception" || s.Kind == "reception_adhoc"
	}
	var pets []struct {
		Channel   string
		SessionID string `json:"session_id"`
	}
	code, out, errs = run(t, "--db", db, "list", "petitions", "--period", period, "--format", "json")
	if code != 0 || json.Unmarshal([]byte(out), &pets) != nil {
		t.Fatalf("list petitions: %d %s", code, errs)
	}
	for _, p := range pets {
		if p.Channel == "walk_in" || p.Channel == "session" && reception[p.SessionID] {
			inPerson++
		} else {
			other++
		}
	}
	return inPerson, other
}

func inPersonOnly(t *testing.T, db, period string) int {
	n, _ := inPersonCount(t, db, period)
	return n
}

func TestReportAndRegisterCSV(t *testing.T) {
	db := demoDB(t, 1500)
	code, out, errs := run(t, "--db", db, "report", "--period", "2025", "--format", "csv")
	if code != 0 || !strings.HasPrefix(out, "\uFEFF") {
		t.Fatalf("report csv: exit %d, starts %q, %s", code, out[:min(20, len(out))], errs)
	}
	// Sections follow one another, so rows differ in width.
	rd := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\uFEFF")))
	rd.FieldsPerRecord = -1
	recs, err := rd.ReadAll()
	if err != nil || len(recs) < 40 {
		t.Fatalf("report csv: %d records, %v", len(recs), err)
	}
	if !strings.Contains(out, "\r\n") {
		t.Error("report csv lines do not end in CRLF")
	}

	code, out, errs = run(t, "--db", db, "register", "--period", "2025")
	if code != 0 || !strings.HasPrefix(out, "\uFEFF") {
		t.Fatalf("register csv: exit %d, %s", code, errs)
	}
	rd = csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\uFEFF")))
	recs, err = rd.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(recs[0], "|") != strings.Join(registerHeaderVI, "|") {
		t.Errorf("register header = %q", recs[0])
	}
	// Only citizens received in person: never written, phone or feedback
	// petitions, nor matters of dialogues and consultations.
	inPerson, other := inPersonCount(t, db, "2025")
	if got := len(recs) - 1; got != inPerson || other == 0 {
		t.Errorf("register has %d rows, the period %d petitions received in person (%d others)", got, inPerson, other)
	}
	for _, r := range recs[1:] {
		if len(r) != 12 {
			t.Fatalf("register row of %d cells", len(r))
		}
		if strings.Contains(r[11], "Đơn thư") || strings.Contains(r[11], "Qua điện thoại") {
			t.Errorf("a petition not received in person in the register: %q", r[11])
		}
	}
	confidential := 0
	for _, r := range recs[1:] {
		if strings.HasPrefix(r[5], "Tố cáo") {
			confidential++
			if r[2] != "(bảo mật)" || r[3] != "(bảo mật)" {
				t.Errorf("denunciation shows identity: %q %q", r[2], r[3])
			}
		}
	}
	if confidential == 0 {
		t.Error("no denunciation in the demo year to check")
	}
}

func TestRegisterXLSX(t *testing.T) {
	db := demoDB(t, 600)
	out := filepath.Join(t.TempDir(), "reg.xlsx")
	if code, _, errs := run(t, "--db", db, "register", "--period", "2025", "--format", "xlsx", "--out", out); code != 0 {
		t.Fatalf("exit %d %s", code, errs)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Sổ tiếp công dân")
	if err != nil {
		t.Fatal(err)
	}
	// The form's header: the unit, the title, the form and period, then
	// the columns on two rows, "Hướng xử lý" over its three.
	top := append(append(append([]string{}, registerHeaderVI[:7]...), "Hướng xử lý", "", ""), registerHeaderVI[10:]...)
	sub := append([]string{"", "", "", "", "", "", ""}, registerHeaderVI[7:10]...)
	if len(rows) < 6 || !strings.Contains(rows[0][0], "Đơn vị") || rows[1][0] != "SỔ TIẾP CÔNG DÂN" ||
		strings.Join(rows[4], "|") != strings.Join(top, "|") || strings.Join(rows[5], "|") != strings.Join(sub, "|") {
		t.Fatalf("header rows = %q", rows[:min(6, len(rows))])
	}
	merged, err := f.GetMergeCells("Sổ tiếp công dân")
	if err != nil || len(merged) != 10 {
		t.Fatalf("merged cells %d, %v; want 9 titles over two rows and the handling's three", len(merged), err)
	}
	if got, want := len(rows)-6, inPersonOnly(t, db, "2025"); got != want {
		t.Errorf("register has %d rows, the period %d petitions received in person", got, want)
	}
	checkNumber(t, f, "Sổ tiếp công dân", "A7", 1)
}

func TestReportUsageErrors(t *testing.T) {
	db := demoDB(t, 20)
	for _, args := range [][]string{
		{"report", "--format", "xlsx"}, // xlsx needs --out
		{"report", "--format", "pdf"},
		{"report", "--period", "2026-Q5"},
		{"report", "--period", "31/02/2026..01/03/2026"},
		{"report", "extra"},
		{"report", "--bogus"},
		{"register", "--format", "md"},
		{"register", "--format", "xlsx"},
	} {
		code, out, errs := run(t, append([]string{"--db", db}, args...)...)
		if code != 2 || out != "" || strings.Count(strings.TrimSpace(errs), "\n") != 0 || !strings.HasPrefix(errs, "gopy: ") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 2 and one line", args, code, out, errs)
		}
	}
	code, _, errs := run(t, "--db", db, "--lang", "en", "report", "--format", "xlsx")
	if code != 2 || !strings.Contains(errs, "--out") {
		t.Errorf("en xlsx without --out: %d %q", code, errs)
	}
	missing := filepath.Join(t.TempDir(), "none.db")
	if code, _, errs := run(t, "--db", missing, "report"); code != 1 || !strings.Contains(errs, "chưa có cơ sở dữ liệu") {
		t.Errorf("no db: %d %q", code, errs)
	}
	// A file that cannot be written is one translated line, and nothing is left behind.
	dir := t.TempDir()
	bad := filepath.Join(dir, "no", "such", "dir", "r.csv")
	if code, _, errs := run(t, "--db", db, "report", "--format", "csv", "--out", bad); code != 1 || !strings.Contains(errs, "không ghi được") {
		t.Errorf("unwritable out: %d %q", code, errs)
	}
}

func TestReportTextIsInertAndTranslated(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	s, err := store.Open(db, store.Options{Now: func() time.Time { return fixedNow }})
	if err != nil {
		t.Fatal(err)
	}
	st := model.DefaultSettings()
	st.WardName, st.WardCode, st.Officer = "Phường \x1b[2JTest", "T1", "Cán bộ"
	if err := s.SaveSettings(st, "test"); err != nil {
		t.Fatal(err)
	}
	p := &model.Petition{ReceivedOn: model.NewDate(2026, 8, 3), Channel: model.ChannelWalkIn, Classification: model.ClassReport,
		Name: "A", Summary: "x", AssigneeUnit: "Evil\x1b]0;pwned\x07\u202e", Status: model.StatusInProgress}
	if err := s.Create(p, "test"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, format := range []string{"text", "md"} {
		code, out, errs := run(t, "--db", db, "report", "--period", "2026", "--format", format)
		if code != 0 {
			t.Fatalf("%s: %d %s", format, code, errs)
		}
		if strings.ContainsAny(out, "\x1b\x07\u202e") {
			t.Errorf("%s: raw control characters reached the output", format)
		}
		if !strings.Contains(out, "Evil␛") || !strings.Contains(out, "0;pwned␇") || !strings.Contains(out, "KN-2026-0001") {
			t.Errorf("%s: overdue entry not shown inert:\n%s", format, out)
		}
	}
	// CSV and JSON printed to stdout may land on a terminal too.
	for _, args := range [][]string{{"report", "--format", "csv"}, {"report", "--format", "json"}, {"register"}} {
		code, out, errs := run(t, append([]string{"--db", db}, append(args, "--period", "2026")...)...)
		if code != 0 || strings.ContainsAny(out, "\x1b\x07\u202e") {
			t.Errorf("%v: exit %d %s; raw control characters: %v", args, code, errs, strings.ContainsAny(out, "\x1b\x07\u202e"))
		}
	}
	code, out, _ := run(t, "--db", db, "--lang", "en", "report", "--period", "2026")
	if code != 0 || !strings.Contains(out, "Petitions received") || strings.Contains(out, "report.") {
		t.Errorf("english report:\n%s", out)
	}
}

func TestReportOutReplacesFile(t *testing.T) {
	db := demoDB(t, 50)
	out := filepath.Join(t.TempDir(), "r.json")
	if err := os.WriteFile(out, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := run(t, "--db", db, "report", "--format", "json", "--out", out); code != 0 {
		t.Fatalf("%d %s", code, errs)
	}
	b, _ := os.ReadFile(out)
	if !bytes.HasPrefix(b, []byte("{\n  \"period\"")) {
		t.Errorf("file holds %q", b[:min(30, len(b))])
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
}

// The report's targets are the three rules, judged per interval; the days
// each counts are the distinct days of periodic receptions (any dialogue)
// that `list sessions` shows for the period, held by today.
func TestReportTargetsAgreeWithList(t *testing.T) {
	db := demoDB(t, 2500)
	for _, p := range []string{"2025", "2026-Q3", "2026-07"} {
		r := reportJSON(t, "--db", db, "report", "--period", p)
		if len(r.Targets) != 3 || r.Targets[0].Rule != "chair_weekly" || r.Targets[1].Rule != "secretary_monthly" || r.Targets[2].Rule != "dialogue_yearly" {
			t.Fatalf("%s: targets %+v", p, r.Targets)
		}
		var sessions []struct {
			Kind     string
			HeldOn   string `json:"held_on"`
			HostRole string `json:"host_role"`
		}
		code, out, errs := run(t, "--db", db, "list", "sessions", "--period", p, "--format", "json")
		if code != 0 || json.Unmarshal([]byte(out), &sessions) != nil {
			t.Fatalf("list sessions: %d %s", code, errs)
		}
		days := map[string]map[string]bool{"chair_weekly": {}, "secretary_monthly": {}, "dialogue_yearly": {}}
		adhoc := map[string]map[string]bool{"chair_weekly": {}, "secretary_monthly": {}}
		today := "2026-11-27" // fixedNow
		for _, s := range sessions {
			if s.HeldOn > today {
				continue
			}
			rule := map[string]string{"committee_chair": "chair_weekly", "party_secretary": "secretary_monthly"}[s.HostRole]
			switch {
			case s.Kind == "dialogue":
				days["dialogue_yearly"][s.HeldOn] = true
			case s.Kind == "reception" && rule != "":
				days[rule][s.HeldOn] = true
			case s.Kind == "reception_adhoc" && rule != "":
				adhoc[rule][s.HeldOn] = true
			}
		}
		for _, tg := range r.Targets {
			if tg.Days != len(days[tg.Rule]) || tg.AdHoc != len(adhoc[tg.Rule]) {
				t.Errorf("%s %s: days %d ad hoc %d, list shows %d and %d", p, tg.Rule, tg.Days, tg.AdHoc, len(days[tg.Rule]), len(adhoc[tg.Rule]))
			}
			if tg.Held+len(tg.Missed) != tg.Required || tg.Met != (tg.State == "met") || tg.Met && len(tg.Missed) > 0 {
				t.Errorf("%s %s: inconsistent %+v", p, tg.Rule, tg)
			}
		}
	}
}
