package model

import (
	"bytes"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestFold(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Nguyễn Văn Đức", "nguyen van duc"},
		{"đất đai", "dat dai"},
		{"ĐẤT ĐAI", "dat dai"},
		{"Trần Thị Ánh Tuyết", "tran thi anh tuyet"},
		{"Phường Hòa Khánh Bắc", "phuong hoa khanh bac"},
		{"Ủy ban MTTQ", "uy ban mttq"},
		{"ơ ư ô ê â ă", "o u o e a a"},
		{"  nhiều   khoảng\ttrắng\n ", "nhieu khoang trang"},
		{"KN-2026-0001", "kn-2026-0001"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
		// Unikey and pasted text can arrive decomposed: same search form.
		if got := Fold(norm.NFD.String(tt.in)); got != tt.want {
			t.Errorf("Fold(NFD %q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNFC(t *testing.T) {
	composed := "Nguy\u1ec5n"          // ễ as one code point
	decomposed := "Nguye\u0302\u0303n" // e + circumflex + tilde
	if composed == decomposed {
		t.Fatal("test strings are equal bytes")
	}
	if got := NFC(decomposed); got != composed {
		t.Errorf("NFC(%q) = %q, want %q", decomposed, got, composed)
	}
	if got := NFC(composed); got != composed {
		t.Errorf("NFC(%q) = %q", composed, got)
	}
	if got := CleanLine(decomposed); got != composed {
		t.Errorf("CleanLine(%q) = %q, want %q", decomposed, got, composed)
	}
}

func TestCleanLine(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"  Nguyễn Văn An  ", "Nguyễn Văn An"},
		{"dòng một\r\ndòng hai", "dòng một  dòng hai"},
		{"a\tb\nc\rd", "a b c d"},
		{"\n\t ", ""},
		{"giữ \x1b[31m nguyên", "giữ \x1b[31m nguyên"}, // the UI shows it inert
	}
	for _, tt := range tests {
		if got := CleanLine(tt.in); got != tt.want {
			t.Errorf("CleanLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCleanText(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"một\r\nhai\r\n", "một\nhai"},
		{"một\rhai", "một\nhai"},
		{"  thụt lề\n  giữ nguyên  \n\n\t", "  thụt lề\n  giữ nguyên"},
		{"Nguye\u0302\u0303n", "Nguy\u1ec5n"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := CleanText(tt.in); got != tt.want {
			t.Errorf("CleanText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCompare(t *testing.T) {
	// Each pair in Vietnamese alphabetical order.
	ordered := [][2]string{
		{"a", "ă"}, {"ă", "â"}, {"â", "b"},
		{"d", "đ"}, {"đ", "e"},
		{"e", "ê"}, {"o", "ô"}, {"ô", "ơ"}, {"u", "ư"},
		{"Đào", "Em"}, {"Duy", "Đức"},
		{"an", "ăn"}, {"ăn", "ân"},
	}
	for _, p := range ordered {
		if c := Compare(p[0], p[1]); c >= 0 {
			t.Errorf("Compare(%q, %q) = %d, want < 0", p[0], p[1], c)
		}
		if c := Compare(p[1], p[0]); c <= 0 {
			t.Errorf("Compare(%q, %q) = %d, want > 0", p[1], p[0], c)
		}
		if c := bytes.Compare(SortKey(p[0]), SortKey(p[1])); c >= 0 {
			t.Errorf("SortKey(%q) >= SortKey(%q)", p[0], p[1])
		}
	}
	for _, p := range [][2]string{{"An", "an"}, {"ĐỨC", "đức"}, {"Nguy\u1ec5n", "Nguye\u0302\u0303n"}} {
		if c := Compare(p[0], p[1]); c != 0 {
			t.Errorf("Compare(%q, %q) = %d, want 0", p[0], p[1], c)
		}
	}
}

// Tone marks weigh less than letters (CLDR's Vietnamese order): they only
// decide between names that are otherwise the same, unmarked first.
func TestCompareSortsNames(t *testing.T) {
	names := []string{
		"Đỗ Văn Em", "Âu Thị Hoa", "Bùi Văn Bình", "Dương Thị Dung", "Ấu Thị Hoa",
		"Ân Văn Tài", "Ăn Quốc Việt", "An Văn Bảo", "Đặng Thu Hà", "Ê Văn Sơn",
		"Nguyễn Văn An", "Nguyễn Văn Ân", "Nguyễn Văn Ấn",
	}
	want := []string{
		"An Văn Bảo", "Ăn Quốc Việt", "Ân Văn Tài", "Âu Thị Hoa", "Ấu Thị Hoa",
		"Bùi Văn Bình", "Dương Thị Dung", "Đặng Thu Hà", "Đỗ Văn Em", "Ê Văn Sơn",
		"Nguyễn Văn An", "Nguyễn Văn Ân", "Nguyễn Văn Ấn",
	}
	got := slices.Clone(names)
	slices.SortFunc(got, Compare)
	if !slices.Equal(got, want) {
		t.Errorf("sorted:\n got %q\nwant %q", got, want)
	}
	byKey := slices.Clone(names)
	slices.SortFunc(byKey, func(a, b string) int { return bytes.Compare(SortKey(a), SortKey(b)) })
	if !slices.Equal(byKey, want) {
		t.Errorf("sorted by SortKey:\n got %q\nwant %q", byKey, want)
	}
}

// A count or a list without a search folds only ASCII (an empty filter):
// that must not build the fold table, which took a fifth of a short
// command's time (`gopy list petitions --overdue --count`). Run in a fresh
// process, where nothing has built the table yet.
func TestFoldASCIIBuildsNoTable(t *testing.T) {
	if os.Getenv("GOPY_FOLD_CHILD") != "1" {
		cmd := exec.Command(os.Args[0], "-test.run=^TestFoldASCIIBuildsNoTable$", "-test.count=1")
		cmd.Env = append(os.Environ(), "GOPY_FOLD_CHILD=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		return
	}
	allocated := func(f func()) uint64 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		f()
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc
	}
	table := uint64(foldTableSize * 4)
	if n := allocated(func() {
		for _, s := range []string{"", "overdue", "  Nguyen  Van A "} {
			Fold(s)
		}
	}); n >= table {
		t.Errorf("folding ASCII allocated %d bytes: the fold table was built", n)
	}
	if n := allocated(func() { Fold("Nguyễn Văn Đức") }); n < table {
		t.Errorf("folding Vietnamese allocated %d bytes: the table was not built (the probe sees nothing)", n)
	}
}
