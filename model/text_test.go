package model

import (
	"bytes"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"testing"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
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

// Every rune composedLatin passes, alone and followed by any other it
// passes, is already NFC: NFC may return such strings untouched.
func TestComposedLatinIsNFC(t *testing.T) {
	var set []rune
	for r := rune(0); r < 0x300; r++ {
		set = append(set, r)
	}
	for r := rune(0x1E00); r <= 0x1EFF; r++ {
		set = append(set, r)
	}
	for _, a := range set {
		if !composedLatin(string(a)) {
			t.Fatalf("%U not passed", a)
		}
		for _, b := range set {
			if s := string([]rune{a, b}); !norm.NFC.IsNormalString(s) {
				t.Fatalf("%U %U is not NFC", a, b)
			}
		}
	}
	for _, s := range []string{"a\u0301", "Nguye\u0302\u0303n", "\u0300", "\u1F00", "x\xffy", "\uFFFD"} {
		if composedLatin(s) {
			t.Errorf("%q passed", s)
		}
	}
	if got := NFC("Nguye\u0302\u0303n Va\u0306n"); got != "Nguyễn Văn" {
		t.Errorf("decomposed: %q", got)
	}
	if got := NFC("Nguyễn Văn Đức"); got != "Nguyễn Văn Đức" {
		t.Errorf("composed: %q", got)
	}
}

// SortKey's pooled buffer carries nothing from one key to the next, a key
// handed out stays as it was when the buffer is used again, and the keys
// it remembers are handed out as copies.
func TestSortKeyReusesNothing(t *testing.T) {
	names := []string{"Nguyễn Văn An", "Lê Thị Ánh", "", "Đỗ Quang Huy", "a", "Trịnh Thị Kim Oanh"}
	fresh := func(s string) []byte {
		var buf collate.Buffer
		return append([]byte(nil), collate.New(language.Vietnamese, collate.IgnoreCase).KeyFromString(&buf, s)...)
	}
	for range 2 {
		for _, n := range names {
			k := SortKey(n)
			for i := range k {
				k[i] = 0 // a caller changing its key changes nobody else's
			}
		}
	}
	var keys [][]byte
	for range 3 {
		for _, n := range names {
			keys = append(keys, SortKey(n))
		}
	}
	for i, got := range keys {
		n := names[i%len(names)]
		if want := fresh(n); !bytes.Equal(got, want) {
			t.Fatalf("SortKey(%q) = %x, want %x", n, got, want)
		}
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
