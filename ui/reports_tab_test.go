package ui

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/xuri/excelize/v2"

	"gopy/model"
	"gopy/ui/i18n"
	"gopy/ui/report"
)

// The fixture's first quarter of 2026, worked out by hand from
// fixture_test.go (today 16/03/2026):
//   - feedback: 4 submissions, 6 points, 3 answered, 1 overdue (given
//     05/01, due 04/02, a point pending);
//   - sessions: 4 (a dialogue 20/01, receptions 05/03 and 09/03, a
//     consultation 12/03);
//   - petitions: 8; received 3, in progress 2, resolved, returned and
//     transferred 1 each; complaint 1, denunciation 1, proposal 2, report
//     4; overdue 3 (KN-0005 due 09/02, KN-0001 due 19/02, KN-0004 due
//     03/03).
// March alone: 1 feedback, 3 sessions, 2 petitions. February: 3 petitions.

func reportsTabOf(t testing.TB, dr *driver) *reportsTab {
	t.Helper()
	r, ok := dr.r.top().(*reportsTab)
	if !ok {
		t.Fatalf("the screen in front is %T, not the Reports tab", dr.r.top())
	}
	return r
}

// figure is the value on the screen's line that starts with label.
func figure(t testing.TB, dr *driver, label string) string {
	t.Helper()
	f := strings.Fields(lineWith(t, dr.screen(), label))
	return f[len(f)-1]
}

func TestReportsPeriodByKey(t *testing.T) {
	dr := newTestRoot(t, newFixtureStore(t), i18n.VI, 80, 24)
	dr.key("5")
	dr.mustSee("Báo cáo · Quý I năm 2026", "01/01/2026–31/03/2026", "[u Quý này]", "[Góp ý]")
	if got := figure(t, dr, "Số lượt góp ý"); got != "4" {
		t.Errorf("Q1 feedback = %s, want 4", got)
	}
	dr.keys("right", "right")
	dr.mustSee("[Kiến nghị]")
	const received = "Tổng số đơn, vụ việc tiếp nhận"
	for _, c := range []struct{ key, title, want string }{
		{"m", "Tháng 03/2026", "2"},
		{"[", "Tháng 02/2026", "3"},
		{"]", "Tháng 03/2026", "2"},
		{"Y", "Năm 2025", "0"},
		{"]", "Năm 2026", "8"},
		{"U", "Quý IV năm 2025", "0"},
		{"s", "6 tháng đầu năm 2026", "8"},
		{"9", "9 tháng đầu năm 2026", "8"},
		{"y", "Năm 2026", "8"},
		{"u", "Quý I năm 2026", "8"},
		{"]", "Quý II năm 2026", "0"},
	} {
		dr.key(c.key)
		dr.mustSee("Báo cáo · " + c.title)
		if got := figure(t, dr, received); got != c.want {
			t.Errorf("%s: petitions = %s, want %s", c.title, got, c.want)
		}
	}
	dr.key("u")
	if got := figure(t, dr, "Quá hạn (giải quyết hoặc thụ lý)"); got != "2" {
		t.Errorf("Q1 overdue petitions = %s, want 2", got)
	}
	if got := figure(t, dr, "Trong đó: chưa thụ lý, quá hạn"); got != "1" {
		t.Errorf("Q1 petitions not accepted in time = %s, want 1", got)
	}
	dr.keys("right")
	dr.mustSee("[Quá hạn (2)]", "KN-2026-0001", "KN-2026-0004")
	checkFrame(t, dr.r.View().Content, 80, 24)
}

func TestReportsTypedPeriod(t *testing.T) {
	dr := newTestRoot(t, newFixtureStore(t), i18n.EN, 80, 24)
	dr.keys("5", "right", "right", "p")
	if !dr.r.top().Capturing() {
		t.Fatal("the period field does not have the keys")
	}
	// Letters are text now: q neither quits nor switches anything.
	dr.typ("2026-q5")
	dr.key("enter")
	if dr.quit {
		t.Fatal("q quit from the period field")
	}
	dr.mustSee("Not a valid period", "Period: 2026-q5")
	dr.keys("backspace", "1", "enter")
	dr.mustSee("Reports · Q1 2026")
	dr.key("p")
	dr.typ("28/02/2026..01/02/2026")
	dr.key("enter")
	dr.mustSee("The start is after the end")
	dr.key("esc")
	dr.mustSee("Reports · Q1 2026")
	dr.key("p")
	dr.typ("2026-02")
	dr.key("enter")
	dr.mustSee("Reports · February 2026", "[p Other…]")
	if got := figure(t, dr, "Petitions received"); got != "3" {
		t.Errorf("February petitions = %s, want 3", got)
	}
	dr.key("p")
	dr.typ("01/02/2026..27/02/2026")
	dr.key("enter")
	dr.mustSee("Reports · 01/02/2026–27/02/2026", "[p Other…]")
	if got := figure(t, dr, "Petitions received"); got != "3" {
		t.Errorf("1–27 February petitions = %s, want 3", got)
	}
	// [ and ] move a typed range by its own length.
	dr.key("]")
	dr.mustSee("Reports · 28/02/2026–26/03/2026")
}

// Building never happens in Update: a key returns a command and the
// screen says the report is being computed; a period chosen meanwhile is
// built next, once, and the stale result is dropped.
func TestReportsBuildInBackground(t *testing.T) {
	dr := newTestRoot(t, newFixtureStore(t), i18n.VI, 80, 24)
	dr.keys("5", "right", "right")
	first := dr.r.update(keyMsg("m"))
	if first == nil {
		t.Fatal("choosing a period started no command")
	}
	dr.mustSee("Tháng 03/2026", "Đang tính báo cáo…")
	if cmd := dr.r.update(keyMsg("y")); cmd != nil {
		t.Fatal("a second build started while one runs")
	}
	dr.mustSee("Năm 2026", "Đang tính báo cáo…")
	// The keys still work meanwhile.
	dr.key("left")
	dr.key("right")
	msg := first()
	next := dr.r.update(msg) // March's figures: dropped, the year's started
	dr.mustSee("Đang tính báo cáo…")
	if next == nil {
		t.Fatal("the queued build did not start")
	}
	dr.run(next)
	dr.mustNotSee("Đang tính")
	if got := figure(t, dr, "Tổng số đơn, vụ việc tiếp nhận"); got != "8" {
		t.Errorf("year petitions = %s, want 8", got)
	}
}

// Enter on a figure opens the records behind it: the list it opens counts
// as many as the figure says, for every figure a list can show.
func TestReportsEnterOpensTheRecords(t *testing.T) {
	dr := newTestRoot(t, newTwoWardStore(t), i18n.VI, 120, 40)
	dr.key("5")
	r := reportsTabOf(t, dr)
	checked := map[string]bool{}
	for _, sec := range r.sections() {
		dr.key("g")
		for r.section != sec {
			dr.key("right")
		}
		dr.key("g")
		for i := 0; i < len(r.lay.rows); i++ {
			row := r.lay.rows[i]
			for r.cursor < i && row.selectable() {
				dr.key("j")
			}
			want, ok := rowCount(row)
			if row.open == nil || !ok {
				continue
			}
			if r.cursor != i {
				t.Fatalf("cursor on %d, want %d", r.cursor, i)
			}
			dr.key("enter")
			l, isList := dr.r.top().(*listScreen)
			if !isList {
				t.Fatalf("%q opened %T", row.label, dr.r.top())
			}
			if l.total != want {
				t.Errorf("%s / %q %v: the list counts %d, the figure %d", r.sectionName(sec), row.label, row.cells, l.total, want)
			}
			checked[fmt.Sprint(sec)] = true
			dr.key("esc")
		}
	}
	if len(checked) != 5 {
		t.Errorf("sections checked: %v (want feedback, sessions, petitions, wards, follow-through)", checked)
	}

	// Hand-worked: LS's petitions open as LS's list.
	dr.keys("g")
	for r.section != secWards {
		dr.key("right")
	}
	dr.mustSee("[Theo phường, xã]", "LS Phường Lê Sơn")
	dr.key("G")
	for dr.key("k"); !strings.HasPrefix(r.lay.rows[r.cursor].cells[0], "LS"); dr.key("k") {
	}
	dr.key("enter")
	dr.mustSee("LS · Kiến nghị, phản ánh", "2 bản ghi", "Trịnh Văn Long")

	// An overdue petition opens as its detail.
	dr.keys("esc", "left", "g", "enter")
	if _, ok := dr.r.top().(*detailScreen); !ok {
		t.Fatalf("an overdue petition opened %T", dr.r.top())
	}
}

// rowCount is the number of records a line counts; ok false for lines
// that count something else (points, days held).
func rowCount(row repRow) (int, bool) {
	parse := func(s string) (int, bool) {
		n, err := strconv.Atoi(strings.ReplaceAll(s, ".", ""))
		return n, err == nil
	}
	switch row.kind {
	case rowBar:
		return row.nums[0], true // the first tally counts records
	case rowFigure:
		if strings.Contains(row.value, "/") || strings.Contains(row.label, "Ý kiến") {
			return 0, false
		}
		return parse(row.value)
	case rowCells:
		return parse(row.cells[1])
	}
	return 0, false
}

// ctrlU clears a text field before the cursor.
var ctrlU = tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl}

// export writes the report shown with the export dialog: format steps to
// the right of the first (xlsx), the file at path.
func export(t *testing.T, dr *driver, steps int, path string) {
	t.Helper()
	dr.key("e")
	dr.mustSee("Xuất báo cáo · Quý I năm 2026", "bao-cao-2026-Q1.xlsx")
	dr.key("up")
	for range steps {
		dr.key("right")
	}
	dr.key("down")
	dr.send(ctrlU)
	dr.typ(path)
	dr.key("enter")
}

func TestReportsExport(t *testing.T) {
	s := newFixtureStore(t)
	dr := newTestRoot(t, s, i18n.VI, 120, 40)
	dir := t.TempDir()
	dr.key("5")

	// The suggested name follows the format.
	dr.key("e")
	dr.keys("up", "right")
	dr.mustSee("‹ Báo cáo, CSV cho Excel (.csv) ›", "bao-cao-2026-Q1.csv")
	dr.keys("left", "left")
	dr.mustSee("Sổ tiếp công dân, Mẫu số 03, CSV (.csv)", "so-tiep-cong-dan-2026-Q1.csv")
	dr.key("esc")
	dr.mustNotSee("Xuất báo cáo")

	// csv: what `gopy report --format csv` writes, BOM first.
	path := filepath.Join(dir, "q1.csv")
	export(t, dr, 1, path)
	dr.mustSee("Đã ghi tệp " + path)
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(got, []byte("\uFEFF")) {
		t.Errorf("the csv does not start with a BOM: %q", got[:min(len(got), 20)])
	}
	if !bytes.Contains(got, []byte("\"Tổng số đơn, vụ việc tiếp nhận\",8\r\n")) {
		t.Errorf("the csv lacks the petitions received:\n%s", got)
	}
	q1 := model.Period{From: d(1, 1), To: d(31, 3)}
	doc, err := report.Build(s, q1, fixtureToday(), false)
	if err != nil {
		t.Fatal(err)
	}
	doc.Lang = i18n.VI
	var want bytes.Buffer
	if err := report.Write(&want, report.CSV, doc); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Errorf("the TUI's csv differs from the command line's:\n%s\n---\n%s", got, want.Bytes())
	}

	// xlsx: read back with a standard reader.
	path = filepath.Join(dir, "q1.xlsx")
	export(t, dr, 0, path)
	dr.mustSee("Đã ghi tệp " + path)
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("excelize cannot read the export: %v", err)
	}
	rows, err := f.GetRows("Kiến nghị")
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, row := range rows {
		if len(row) >= 2 && row[0] == "Tổng số đơn, vụ việc tiếp nhận" {
			found = row[1] == "8"
		}
	}
	if !found {
		t.Errorf("the xlsx lacks 8 petitions received: %q", rows)
	}

	// The register (Mẫu số 03) as csv: its header, a line per citizen
	// received in person — the three walk-ins (the others came in writing,
	// by phone, through feedback or at a dialogue).
	path = filepath.Join(dir, "so.csv")
	export(t, dr, len(exportChoices)-1, path)
	got, err = os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(got, []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(recs[0], "|") != strings.Join(report.RegisterHeader(i18n.VI), "|") || len(recs) != 4 {
		t.Errorf("register: header %q, %d lines (want 3 petitions)", recs[0], len(recs)-1)
	}

	// An existing file is replaced only when confirmed.
	if err := os.WriteFile(path, []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	export(t, dr, 1, path)
	dr.mustSee("Đã có tệp "+path, "Ghi đè lên tệp đó?")
	dr.key("n")
	if b, _ := os.ReadFile(path); string(b) != "keep" {
		t.Fatal("the file was replaced without asking")
	}
	dr.keys("enter", "y")
	dr.mustSee("Đã ghi tệp " + path)
	if b, _ := os.ReadFile(path); !bytes.HasPrefix(b, []byte("\uFEFF")) {
		t.Fatal("the file was not replaced when confirmed")
	}

	// A folder that does not exist: the translated reason, the dialog stays
	// open with the name typed.
	bad := filepath.Join(dir, "no", "such", "q1.csv")
	export(t, dr, 1, bad)
	dr.mustSee("Không ghi được tệp "+bad+": thư mục không", "tồn tại", "Xuất báo cáo")
	dr.key("esc")
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".gopy-report-") {
			t.Errorf("a temporary file was left: %s", e.Name())
		}
	}
}

// A consolidated database's export carries the wards, as `gopy report
// --by-ward`; a ward's own does not (checked above: it equals `gopy
// report`).
func TestReportsExportByWard(t *testing.T) {
	s := newTwoWardStore(t)
	dr := newTestRoot(t, s, i18n.EN, 80, 24)
	dr.key("5")
	path := filepath.Join(t.TempDir(), "q1.json")
	dr.key("e")
	dr.key("up")
	for range 4 {
		dr.key("right")
	}
	dr.key("down")
	dr.send(ctrlU)
	dr.typ(path)
	dr.key("enter")
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := report.Build(s, model.Period{From: d(1, 1), To: d(31, 3)}, fixtureToday(), true)
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	doc.Lang = i18n.EN
	if err := report.Write(&want, report.JSON, doc); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) || !bytes.Contains(got, []byte(`"ward": "LS"`)) {
		t.Errorf("the export is not the by-ward report:\n%s", got)
	}
}

// Golden frames of the Reports tab beyond its first (see goldenScreens):
// a section with bars, the overdue list, the follow-through, the export
// dialog, a typed period refused, and a consolidated database's wards.
func TestReportsGolden(t *testing.T) {
	screens := []struct {
		name  string
		wards bool
		keys  []string
	}{
		{name: "reports_petitions", keys: []string{"5", "right", "right"}},
		{name: "reports_sessions_end", keys: []string{"5", "right", "G"}},
		{name: "reports_overdue", keys: []string{"5", "left", "left"}},
		{name: "reports_follow", keys: []string{"5", "left"}},
		{name: "reports_export", keys: []string{"5", "e"}},
		{name: "reports_typed_error", keys: []string{"5", "p", "2", "0", "2", "6", "-", "Q", "5", "enter"}},
		{name: "reports_wards", wards: true, keys: []string{"5", "left", "left"}},
	}
	for _, lang := range []i18n.Lang{i18n.VI, i18n.EN} {
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			for _, g := range screens {
				name := fmt.Sprintf("%s_%s_%dx%d", g.name, lang, size[0], size[1])
				t.Run(name, func(t *testing.T) {
					s := newFixtureStore(t)
					if g.wards {
						s = newTwoWardStore(t)
					}
					dr := newTestRoot(t, s, lang, size[0], size[1])
					dr.keys(g.keys...)
					got := dr.r.View().Content
					checkFrame(t, got, size[0], size[1])
					compareGolden(t, name, plain(got))
				})
			}
		}
	}
}
