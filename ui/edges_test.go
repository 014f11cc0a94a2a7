package ui

import (
	"crypto/sha256"
	"os"
	"testing"

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
