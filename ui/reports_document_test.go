package ui

import (
	"archive/zip"
	"io"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"gopy/model"
	"gopy/ui/i18n"
)

// docxText is the text of a .docx's document.xml, tags dropped.
func docxText(t *testing.T, path string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			var out strings.Builder
			in := false
			for _, c := range string(b) {
				switch {
				case c == '<':
					in = true
				case c == '>':
					in = false
					out.WriteByte('\n')
				case !in:
					out.WriteRune(c)
				}
			}
			return out.String()
		}
	}
	t.Fatal("no document.xml")
	return ""
}

// The narrative is written in the Reports tab (w), starts with a sentence
// per headline figure, is kept, and a paragraph typed there appears in the
// Word document; S sends the period, after which it is listed as sent.
func TestReportsNarrativeAndSend(t *testing.T) {
	s := newFixtureStore(t)
	dr := newTestRoot(t, s, i18n.VI, 100, 32)
	dr.key("5")
	dr.key("w")
	dr.mustSee("Nhận định báo cáo quý I năm 2026", "Mẫu báo cáo", "I. Đánh giá chung", "Trong kỳ tiếp nhận")
	dr.key("tab") // to the general assessment
	// Pasted: one message (typing each letter would wait for a draft
	// after each).
	dr.send(tea.PasteMsg{Content: "Nhân dân tích cực tham gia góp ý xây dựng chính quyền."})
	dr.key("ctrl+s")
	dr.mustNotSee("Nhận định báo cáo quý I")
	n, ok, err := s.Narrative("dang-uy", model.Period{From: d(1, 1), To: d(31, 3)})
	if err != nil || !ok || n.Assessment != "Nhân dân tích cực tham gia góp ý xây dựng chính quyền." || !strings.HasPrefix(n.Results, "Trong kỳ tiếp nhận") {
		t.Fatalf("narrative kept: %+v %v %v", n, ok, err)
	}

	// The Word document of the Party committee carries the paragraph.
	path := filepath.Join(t.TempDir(), "bc.docx")
	export(t, dr, 5, path)
	dr.mustSee("Đã ghi tệp " + path)
	txt := docxText(t, path)
	for _, want := range []string{"ĐẢNG CỘNG SẢN VIỆT NAM", "Nhân dân tích cực tham gia góp ý xây dựng chính quyền.", "quý I năm 2026"} {
		if !strings.Contains(txt, want) {
			t.Errorf("the document lacks %q", want)
		}
	}

	dr.key("S")
	dr.mustSee("Gửi báo cáo quý I năm 2026", "Số văn bản")
	dr.key("tab")
	dr.send(tea.PasteMsg{Content: "12"})
	dr.key("ctrl+s")
	list, err := s.SentReports()
	if err != nil || len(list) != 1 || list[0].Number != "12-BC/ĐU" || list[0].Narrative.Assessment != n.Assessment {
		t.Fatalf("sent: %+v %v", list, err)
	}
	dr.mustSee("12-BC/ĐU")
}
