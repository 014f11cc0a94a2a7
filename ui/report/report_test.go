package report

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"gopy/model"
	"gopy/store"
	"gopy/store/demo"
	"gopy/ui/i18n"
)

func TestHumanAndPlain(t *testing.T) {
	for _, c := range []struct {
		v          value
		vi, en, pl string
	}{
		{num(0), "0", "0", "0"},
		{num(999), "999", "999", "999"},
		{num(1234), "1.234", "1,234", "1234"},
		{num(1234567), "1.234.567", "1,234,567", "1234567"},
		{value{kind: vRate, num: 2.0 / 3}, "66,7%", "66.7%", "66.7%"},
		{value{kind: vRate, num: 1}, "100,0%", "100.0%", "100.0%"},
		{value{kind: vNum, num: 17.5}, "17,5", "17.5", "17.5"},
		{value{kind: vNum, num: 15}, "15", "15", "15"},
		{date(model.NewDate(2028, 2, 29)), "29/02/2028", "29/02/2028", "29/02/2028"},
		{value{}, "", "", ""},
		{txt("a\x1b[2Jb"), "a␛[2Jb", "a␛[2Jb", "a␛[2Jb"},
	} {
		if got := c.v.human(i18n.VI); got != c.vi {
			t.Errorf("%+v vi = %q, want %q", c.v, got, c.vi)
		}
		if got := c.v.human(i18n.EN); got != c.en {
			t.Errorf("%+v en = %q, want %q", c.v, got, c.en)
		}
		if got := c.v.plain(); got != c.pl {
			t.Errorf("%+v plain = %q, want %q", c.v, got, c.pl)
		}
	}
}

func TestFileName(t *testing.T) {
	q3 := model.Period{From: model.NewDate(2026, 7, 1), To: model.NewDate(2026, 9, 30)}
	rng := model.Period{From: model.NewDate(2026, 1, 15), To: model.NewDate(2026, 2, 14)}
	for _, c := range []struct {
		got, want string
	}{
		{FileName(false, q3, XLSX), "bao-cao-2026-Q3.xlsx"},
		{FileName(true, q3, CSV), "so-tiep-cong-dan-2026-Q3.csv"},
		{FileName(false, rng, Text), "bao-cao-20260115-20260214.txt"},
		{FileName(false, rng, Markdown), "bao-cao-20260115-20260214.md"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestSheetNameAndDefuse(t *testing.T) {
	if got := sheetName("Góp ý: quý 1/2026 [bản nháp] và nhiều chữ nữa"); got != "Góp ý- quý 1-2026 -bản nháp- và" {
		t.Errorf("sheetName = %q", got)
	}
	for in, want := range map[string]string{"=SUM(A1)": "'=SUM(A1)", "-5": "-5", "+84 912": "'+84 912", "@x": "'@x", "Nguyễn": "Nguyễn", "": ""} {
		if got := store.Defuse(in); got != want {
			t.Errorf("store.Defuse(%q) = %q, want %q", in, got, want)
		}
	}
	if got := mdEscape("a|b_c*[d](e)<f>#"); got != `a\|b\_c\*\[d\](e)&lt;f&gt;\#` {
		t.Errorf("mdEscape = %q", got)
	}
}

func smallDoc(t *testing.T) Doc {
	t.Helper()
	st := model.DefaultSettings()
	st.WardName, st.WardCode, st.Province = "Phường Hòa Bình", "HB", "Hà Nội"
	p := model.Period{From: model.NewDate(2026, 1, 1), To: model.NewDate(2026, 3, 31)}
	a := model.NewAggregator(p, model.NewDate(2026, 4, 14), &st)
	f := &model.Feedback{Meta: model.Meta{ID: "1", Ref: "GY-2026-0001", Ward: "HB"}, GivenOn: model.NewDate(2026, 1, 5),
		SourceKind: model.SourceFront, Form: model.FormConference, TargetKind: model.TargetParty,
		Points: []model.Point{{Status: model.AnswerAccepted, AnsweredOn: model.NewDate(2026, 1, 15)}, {Status: model.AnswerPending}}}
	f.FillDue(&st, model.NewCalendar(nil))
	pt := &model.Petition{Meta: model.Meta{ID: "2", Ref: "KN-2026-0001", Ward: "HB"}, ReceivedOn: model.NewDate(2026, 2, 11),
		Channel: model.ChannelWalkIn, Classification: model.ClassComplaint, Name: "A", Summary: "s",
		Status: model.StatusInProgress, AssigneeUnit: "Công an phường"}
	pt.Normalize()
	pt.FillDues(&st, model.NewCalendar(nil))
	for _, r := range []model.Record{f, pt} {
		row := model.RowOf(r)
		a.Add(&row)
	}
	return Doc{Report: a.Result(), Settings: st, Lang: i18n.VI}
}

// Every line of a text table is as wide as its header line, measured in
// terminal cells, so the columns line up with Vietnamese text.
func TestTextColumnsAlign(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, Text, smallDoc(t)); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"Số lượt góp ý", "100,0%", "KN-2026-0001", "Công an phường", "Phường Hòa Bình (HB)", "2026-Q1 (từ 01/01/2026 đến 31/03/2026)"} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
	// Tables whose last column is a number: right-aligned, so equal width.
	blocks := strings.Split(out, "\n\n")
	checked := 0
	for _, blk := range blocks {
		lines := strings.Split(strings.TrimRight(blk, "\n"), "\n")
		rule := -1
		for i, ln := range lines {
			if strings.Contains(ln, "──") {
				rule = i
				break
			}
		}
		if rule < 1 {
			continue
		}
		lines = lines[rule-1:] // from the header line
		last := lines[len(lines)-1]
		if _, err := strconv.Atoi(strings.ReplaceAll(last[strings.LastIndex(last, " ")+1:], ".", "")); err != nil {
			continue
		}
		w := ansi.StringWidth(lines[0])
		for _, ln := range lines {
			if ansi.StringWidth(ln) != w {
				t.Errorf("line %q is %d cells, header %d", ln, ansi.StringWidth(ln), w)
			}
		}
		checked++
	}
	if checked < 8 {
		t.Errorf("checked only %d tables", checked)
	}
}

func TestRegisterRow(t *testing.T) {
	today := model.NewDate(2026, 4, 14)
	p := &model.Petition{ReceivedOn: model.NewDate(2026, 2, 11), Channel: model.ChannelSession,
		Classification: model.ClassComplaint, Name: "Nguyễn Văn An", Group: "Tổ 5", Address: "số 3 ngõ 7",
		IDNumber: "001203004005", People: 3, Summary: "Đất đai\nlấn chiếm", PreviouslyBy: "UBND phường",
		Handling: model.HandlingTransferred, HandlingAgency: "Thanh tra tỉnh", HandlingDocNo: "12/CV",
		Status: model.StatusTransferred, ResolutionDue: model.NewDate(2026, 3, 13), AssigneeUnit: "Văn phòng"}
	p.Meta.Ref, p.Meta.Ward = "KN-2026-0001", "HB"
	got := cells(registerRow(p, 7, today, "HB", i18n.VI))
	want := []string{"7", "11/02/2026", "Nguyễn Văn An – Tổ 5, số 3 ngõ 7", "001203004005", "Đất đai lấn chiếm",
		"Khiếu nại, 3 người", "UBND phường", "", "", "x: Thanh tra tỉnh, văn bản số 12/CV",
		"Đã chuyển đơn: quá hạn 32 ngày", "KN-2026-0001; Qua tiếp dân, đối thoại; Giao: Văn phòng"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("row\n got %q\nwant %q", got, want)
	}

	d := &model.Petition{ReceivedOn: model.NewDate(2026, 1, 6), Channel: model.ChannelWritten,
		Classification: model.ClassDenunciation, Name: "Lê Thị B", IDNumber: "001203004006", Summary: "s",
		Handling: model.HandlingAccepted, Status: model.StatusResolved, ResolvedOn: model.NewDate(2026, 1, 30),
		Result: "Đã xử lý xong.", ReportedBackOn: model.NewDate(2026, 2, 2)}
	d.Normalize() // a denunciation is always confidential
	d.Meta.Ref, d.Meta.Ward = "KN-2026-0002", "HB-02"
	got = cells(registerRow(d, 1, today, "HB", i18n.VI))
	want = []string{"1", "06/01/2026", "(bảo mật)", "(bảo mật)", "s", "Tố cáo, 1 người", "", "x (ngày 06/01/2026)", "", "",
		"Đã giải quyết ngày 30/01/2026: Đã xử lý xong; đã trả lời công dân ngày 02/02/2026", "KN-2026-0002 (HB-02); Đơn thư"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("confidential row\n got %q\nwant %q", got, want)
	}
}

func cells(row []value) []string {
	out := make([]string, len(row))
	for i, v := range row {
		out[i] = v.plain()
	}
	return out
}

// benchStore opens $GOPY_BENCH_DB when set (bench/report.sh makes a 1M
// one), else fills a temporary database with 100k demo records.
func benchStore(b *testing.B) (*store.Store, model.Date) {
	b.Helper()
	today := model.NewDate(2026, 11, 27)
	if path := os.Getenv("GOPY_BENCH_DB"); path != "" {
		s, err := store.Open(path, store.Options{ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { s.Close() })
		return s, s.Today()
	}
	n := 100_000
	if v, err := strconv.Atoi(os.Getenv("GOPY_BENCH_RECORDS")); err == nil {
		n = v
	}
	path := filepath.Join(b.TempDir(), "bench.db")
	now := func() time.Time { return today.Time() }
	s, err := store.Open(path, store.Options{NoSync: true, Now: now})
	if err != nil {
		b.Fatal(err)
	}
	if err := demo.Generate(s, demo.Options{Records: n, Seed: 1, Today: today}); err != nil {
		b.Fatal(err)
	}
	s.Sync()
	s.Close()
	s, err = store.Open(path, store.Options{ReadOnly: true, Now: now})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s, today
}

// BenchmarkYearReport: the last whole year, and every record (the demo
// spreads its records over three years, so "all" is the 100k a province
// makes in a year).
func BenchmarkYearReport(b *testing.B) {
	s, today := benchStore(b)
	year := model.Period{From: model.NewDate(today.Year()-1, 1, 1), To: model.NewDate(today.Year()-1, 12, 31)}
	all := model.Period{From: model.NewDate(model.MinYear, 1, 1), To: model.NewDate(model.MaxYear, 12, 31)}
	for _, c := range []struct {
		name   string
		p      model.Period
		byWard bool
		format Format
	}{
		{"year", year, false, ""},
		{"year/json", year, false, JSON},
		{"year/xlsx", year, false, XLSX},
		{"all", all, false, ""},
		{"all/by-ward", all, true, ""},
	} {
		b.Run(c.name, func(b *testing.B) {
			var rows int
			for b.Loop() {
				d, err := Build(s, c.p, today, c.byWard)
				if err != nil {
					b.Fatal(err)
				}
				d.Lang = i18n.VI
				if c.format != "" {
					if err := Write(io.Discard, c.format, d); err != nil {
						b.Fatal(err)
					}
				}
				rows = d.Report.Feedback.Total + d.Report.Sessions.Total + d.Report.Petitions.Total
			}
			b.ReportMetric(float64(rows), "records")
		})
	}
}

func TestJSONInert(t *testing.T) {
	in := []byte("{\"a\": \"Nguyễn\u202eevil\u0085\"}")
	want := `{"a": "Nguyễn\u202eevil\u0085"}`
	if got := string(jsonInert(in)); got != want {
		t.Errorf("jsonInert = %q, want %q", got, want)
	}
	plain := []byte(`{"a": "Nguyễn"}`)
	if got := jsonInert(plain); &got[0] != &plain[0] {
		t.Error("plain JSON was copied")
	}
}

// Every format shows the targets judged per interval: the smallDoc's
// Q1 2026 has no reception at all, so the chair misses its 13 weeks (Tết's
// W08 is not counted) and the secretary its 3 months; the year's dialogue
// conference is not yet held.
func TestTargetsInEveryFormat(t *testing.T) {
	d := smallDoc(t)
	for _, f := range []Format{Text, Markdown, CSV} {
		var b bytes.Buffer
		if err := Write(&b, f, d); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		for _, want := range []string{"Chủ tịch UBND tiếp công dân định kỳ", "2026-W01, 2026-W02", "và 7 kỳ khác",
			"2026-01, 2026-02, 2026-03", "Chưa tổ chức"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s lacks %q", f, want)
			}
		}
	}
	var b bytes.Buffer
	if err := Write(&b, JSON, d); err != nil {
		t.Fatal(err)
	}
	var r struct {
		Targets []model.TargetResult
	}
	if err := json.Unmarshal(b.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	if len(r.Targets) != 3 || r.Targets[0].Required != 13 || len(r.Targets[0].Missed) != 13 || r.Targets[2].State != model.TargetPending {
		t.Errorf("json targets %+v", r.Targets)
	}
}
