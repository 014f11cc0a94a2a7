package ui

import (
	"crypto/sha256"
	"os"
	"testing"

	"gopy/model"
	"gopy/ui/i18n"
)

// Issue 16.3: the Reports tab's export refuses the database itself, with
// the reason, and leaves it as it was.
func TestReportsExportRefusesTheDatabase(t *testing.T) {
	s := newFixtureStore(t)
	dr := newTestRoot(t, s, i18n.VI, 120, 40)
	dr.key("5")
	before, _ := os.ReadFile(s.Path())
	export(t, dr, 0, s.Path())
	dr.mustSee("đó là chính cơ sở dữ liệu", "Xuất báo cáo")
	dr.mustNotSee("Ghi đè")
	after, _ := os.ReadFile(s.Path())
	if sha256.Sum256(before) != sha256.Sum256(after) {
		t.Fatal("the export changed the database file")
	}
}

// Issue 16.3: the database file replaced under the TUI (a restore, a copy,
// a report written over it): a save says so and the form keeps its text,
// instead of "saved" into a file nobody will read again.
func TestSaveRefusedWhenTheDatabaseWasReplaced(t *testing.T) {
	s := newFixtureStore(t)
	dr := newTestRoot(t, s, i18n.VI, 80, 24)
	dr.keys("4", "n")
	dr.focus("Họ tên")
	dr.ft("Đinh Công Tráng")
	dr.focus("Tóm tắt nội dung")
	dr.ft("Xin xác nhận tạm trú.")
	// Another file takes the database's name.
	b, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	tmp := s.Path() + ".copy"
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, s.Path()); err != nil {
		t.Fatal(err)
	}
	dr.key("ctrl+s")
	dr.mustBeForm()
	dr.mustSee("thay thế hoặc xóa", "Đinh Công Tráng", "Xin xác nhận tạm trú.")
	if n, _ := s.Total(model.KindPetition); n != 8 {
		t.Errorf("the old file got the save: %d petitions", n)
	}
}
