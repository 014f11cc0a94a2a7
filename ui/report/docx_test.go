package report

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"flag"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"gopy/model"
	"gopy/store"
	"gopy/store/demo"
	"gopy/ui/i18n"
)

var updateDocx = flag.Bool("update-docx", false, "rewrite testdata/document_*.xml")

// parsedDocx is word/document.xml read back the way Word reads it: the
// paragraphs in order (with whether each sits in a table), and every
// table as rows of cell texts.
type parsedDocx struct {
	paras  []string // every paragraph's text, in order
	tables [][][]string
}

func parseDocumentXML(t *testing.T, b []byte) parsedDocx {
	t.Helper()
	var out parsedDocx
	dec := xml.NewDecoder(bytes.NewReader(b))
	var para, cell strings.Builder
	var row []string
	var stack [][][]string // open tables
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("document.xml is not well-formed XML: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "tbl":
				stack = append(stack, nil)
			case "tr":
				row = nil
			case "tc":
				cell.Reset()
			case "p":
				para.Reset()
			case "t":
				inText = true
			case "br":
				para.WriteString("\n")
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "t":
				inText = false
			case "p":
				out.paras = append(out.paras, para.String())
				if len(stack) > 0 {
					if cell.Len() > 0 {
						cell.WriteString("\n")
					}
					cell.WriteString(para.String())
				}
			case "tc":
				row = append(row, cell.String())
			case "tr":
				stack[len(stack)-1] = append(stack[len(stack)-1], row)
			case "tbl":
				out.tables = append(out.tables, stack[len(stack)-1])
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			if inText {
				para.Write(e)
			}
		}
	}
	return out
}

// unzipDocx reads the parts of a .docx.
func unzipDocx(t *testing.T, b []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	return parts
}

func docxFixture(t *testing.T, sender model.Sender) Doc {
	d := smallDoc(t)
	d.Settings.Province = "Thành phố Hà Nội"
	prof, _ := model.FindProfile(model.DefaultProfiles(), map[model.Sender]string{
		model.SenderParty: "dang-uy", model.SenderCommittee: "ubnd", model.SenderFront: "mttq"}[sender])
	prof.Signer = "Nguyễn Văn Mẫu"
	d.Info = DocxInfo{
		Profile:   prof.Filled(&d.Settings),
		Narrative: model.Narrative{Assessment: "Công tác góp ý có chuyển biến.\nĐoạn thứ hai <đánh giá> & \x1b[31m.", Tasks: "Tiếp tục tiếp dân định kỳ."},
		IssuedOn:  model.NewDate(2026, 4, 5),
	}
	d.Info.Number = d.Info.Profile.Number("12")
	return d
}

// The three senders' documents start as their rules lay them out.
func TestDocxHeaderPerSender(t *testing.T) {
	for _, c := range []struct {
		sender     model.Sender
		left       []string // the left header cell, line by line
		right      []string
		signFor    string
		signTitle  string
		notInFront string
	}{
		{model.SenderParty,
			[]string{"ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", "ĐẢNG ỦY PHƯỜNG HÒA BÌNH", "*", "Số 12-BC/ĐU"},
			[]string{"ĐẢNG CỘNG SẢN VIỆT NAM", "", "Phường Hòa Bình, ngày 05 tháng 04 năm 2026"},
			"T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
		{model.SenderCommittee,
			[]string{"ỦY BAN NHÂN DÂN", "PHƯỜNG HÒA BÌNH", "", "Số: 12/BC-UBND"},
			[]string{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "", "Phường Hòa Bình, ngày 05 tháng 04 năm 2026"},
			"TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "ĐẢNG CỘNG SẢN VIỆT NAM"},
		{model.SenderFront,
			[]string{"ỦY BAN MTTQ VIỆT NAM", "PHƯỜNG HÒA BÌNH", "BAN THƯỜNG TRỰC", "", "Số: 12/BC-MTTQ-BTT"},
			[]string{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "", "Phường Hòa Bình, ngày 05 tháng 04 năm 2026"},
			"TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "ĐẢNG CỘNG SẢN VIỆT NAM"},
	} {
		t.Run(string(c.sender), func(t *testing.T) {
			d := docxFixture(t, c.sender)
			var buf bytes.Buffer
			if err := Write(&buf, DOCX, d); err != nil {
				t.Fatal(err)
			}
			parts := unzipDocx(t, buf.Bytes())
			for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml"} {
				if parts[name] == nil {
					t.Fatalf("no %s in the docx", name)
				}
			}
			doc := parseDocumentXML(t, parts["word/document.xml"])
			head := doc.tables[0]
			if len(head) != 1 || len(head[0]) != 2 {
				t.Fatalf("header is not one row of two cells: %q", head)
			}
			if got := strings.Split(head[0][0], "\n"); !slices.Equal(got, c.left) {
				t.Errorf("left header = %q, want %q", got, c.left)
			}
			if got := strings.Split(head[0][1], "\n"); !slices.Equal(got, c.right) {
				t.Errorf("right header = %q, want %q", got, c.right)
			}
			all := strings.Join(doc.paras, "\n")
			if strings.Contains(all, c.notInFront) {
				t.Errorf("%s document has %q", c.sender, c.notInFront)
			}
			i := slices.Index(doc.paras, "BÁO CÁO")
			if i < 0 || doc.paras[i+1] != model.DefaultSubject+" quý I năm 2026" {
				t.Errorf("title: %q", doc.paras[i:i+2])
			}
			for _, want := range []string{"I. ĐÁNH GIÁ CHUNG", "Công tác góp ý có chuyển biến.", "Đoạn thứ hai <đánh giá> & \uFFFD[31m.",
				"II. KẾT QUẢ THỰC HIỆN", "III. HẠN CHẾ, NGUYÊN NHÂN", "IV. NHIỆM VỤ THỜI GIAN TỚI", "Tiếp tục tiếp dân định kỳ.", "V. ĐỀ XUẤT, KIẾN NGHỊ"} {
				if !slices.Contains(doc.paras, want) {
					t.Errorf("no paragraph %q", want)
				}
			}
			sig := doc.tables[len(doc.tables)-1][0]
			if !strings.HasPrefix(sig[0], "Nơi nhận:\n- ") {
				t.Errorf("recipients cell = %q", sig[0])
			}
			if got := strings.Split(sig[1], "\n"); got[0] != c.signFor || got[1] != c.signTitle || got[len(got)-1] != "Nguyễn Văn Mẫu" {
				t.Errorf("signature = %q", got)
			}
		})
	}
}

// The figures are real tables holding the report's numbers.
func TestDocxFiguresAreTables(t *testing.T) {
	d := docxFixture(t, model.SenderCommittee)
	doc := parseDocumentXML(t, documentXML(&d))
	find := func(label string) []string {
		for _, tb := range doc.tables[1 : len(doc.tables)-1] {
			for _, r := range tb {
				if r[0] == label {
					return r
				}
			}
		}
		t.Fatalf("no table row %q", label)
		return nil
	}
	l := i18n.VI
	for label, want := range map[string]string{
		l.T("report.fb.total"):       "1",
		l.T("report.fb.points"):      "2",
		l.T("report.fb.answered"):    "1",
		l.T("report.pt.total"):       "1",
		l.T("report.ss.total"):       "0",
		l.Enum("answer", "accepted"): "1",
		l.Enum("class", "complaint"): "1",
	} {
		if got := find(label); got[1] != want {
			t.Errorf("%s = %q, want %q", label, got[1], want)
		}
	}
	if got := find(l.T("report.fb.acceptance")); got[1] != "100,0%" {
		t.Errorf("acceptance = %q", got[1])
	}
}

// A golden of document.xml for a fixed fixture: any change to the layout
// shows in review (go test ./ui/report -run Golden -update-docx rewrites).
func TestDocxGolden(t *testing.T) {
	for _, sender := range model.Senders {
		d := docxFixture(t, sender)
		got := documentXML(&d)
		path := filepath.Join("testdata", "document_"+string(sender)+".xml")
		if *updateDocx {
			if err := os.MkdirAll("testdata", 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (go test ./ui/report -run Golden -update-docx)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the golden file", path)
		}
	}
}

// The same document gives the same bytes: what lets a sent report be
// made again byte for byte.
func TestDocxDeterministic(t *testing.T) {
	d := docxFixture(t, model.SenderParty)
	var a, b bytes.Buffer
	if err := Write(&a, DOCX, d); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, DOCX, d); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two writes of one document differ")
	}
}

func TestPeriodWords(t *testing.T) {
	for in, want := range map[string]string{
		"2026-Q3": "quý III năm 2026", "2026": "năm 2026", "2026-H1": "6 tháng đầu năm 2026",
		"2026-9M": "9 tháng đầu năm 2026", "2026-07": "tháng 7 năm 2026", "2026-H2": "6 tháng cuối năm 2026",
		"15/01/2026..14/02/2026": "từ ngày 15/01/2026 đến ngày 14/02/2026",
	} {
		p, err := model.ParsePeriod(in)
		if err != nil {
			t.Fatal(err)
		}
		if got := PeriodWords(i18n.VI, p); got != want {
			t.Errorf("%s: %q, want %q", in, got, want)
		}
	}
}

// BenchmarkSendYear sends the last whole year's report (100k demo records
// spread over three years: pass GOPY_BENCH_RECORDS=300000 for a 100k
// year) — building, freezing the versions of every record counted, the
// checksum and the write — and then makes its document again from the
// store. Each iteration sends an amendment report of the same year.
func BenchmarkSendYear(b *testing.B) {
	path := filepath.Join(b.TempDir(), "send.db")
	today := model.NewDate(2026, 11, 27)
	n := 100_000
	if v, err := strconv.Atoi(os.Getenv("GOPY_BENCH_RECORDS")); err == nil {
		n = v
	}
	clock := today.Time().Add(9 * time.Hour)
	now := func() time.Time { clock = clock.Add(time.Second); return clock }
	s, err := store.Open(path, store.Options{NoSync: true, Now: now})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if err := demo.Generate(s, demo.Options{Records: n, Seed: 1, Today: today}); err != nil {
		b.Fatal(err)
	}
	s.Sync()
	year := model.Period{From: model.NewDate(2025, 1, 1), To: model.NewDate(2025, 12, 31)}
	var records int
	for b.Loop() {
		r, err := Send(s, year, now(), "dang-uy", "12", "bench", i18n.VI)
		if err != nil {
			b.Fatal(err)
		}
		got, _, err := s.Sent(r.ID)
		if err != nil {
			b.Fatal(err)
		}
		if err := WriteSent(io.Discard, DOCX, &got); err != nil {
			b.Fatal(err)
		}
		records = r.Records
	}
	b.ReportMetric(float64(records), "records")
}
