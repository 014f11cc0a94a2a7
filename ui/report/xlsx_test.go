package report

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
)

// A petition's summary may be 100,000 bytes; Excel refuses a cell of more
// than 32,767 characters, so the cell is cut there, and what XML cannot
// hold is escaped or replaced, never written raw.
func TestXLSXLongAndHostileCell(t *testing.T) {
	long := "Tóm tắt <b>&amp; \"đơn\"\x01 " + strings.Repeat("Nguyễn Văn Hư cấu đề nghị. ", 100_000/30)
	if len(long) < 100_000 {
		long += strings.Repeat("x", 100_000-len(long))
	}
	var buf bytes.Buffer
	b := newXLSX(&buf)
	sh, err := b.sheet(`Đơn & "thư" <1>`)
	if err != nil {
		t.Fatal(err)
	}
	if err := sh.SetRow(1, []any{long, "ngắn"}); err != nil {
		t.Fatal(err)
	}
	if err := b.close(); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatalf("excelize cannot read the file: %v", err)
	}
	defer f.Close()
	if got := f.GetSheetName(0); got != `Đơn & "thư" <1>` {
		t.Errorf("sheet name %q", got)
	}
	got, err := f.GetCellValue(f.GetSheetName(0), "A1")
	if err != nil {
		t.Fatal(err)
	}
	if n := len(utf16.Encode([]rune(got))); n != maxCell {
		t.Errorf("cell holds %d characters, want %d", n, maxCell)
	}
	want := "Tóm tắt <b>&amp; \"đơn\"\uFFFD Nguyễn"
	if !strings.HasPrefix(got, want) || !strings.HasSuffix(got, "…") {
		t.Errorf("cell starts %q… ends %q, want it to start %q and end in …", got[:40], got[len(got)-10:], want)
	}
	if short, _ := f.GetCellValue(f.GetSheetName(0), "B1"); short != "ngắn" {
		t.Errorf("B1 = %q", short)
	}
}
