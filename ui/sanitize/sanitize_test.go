package sanitize

import (
	"strings"
	"testing"
)

func TestInert(t *testing.T) {
	cases := map[string]string{
		"Nguyễn Văn An":         "Nguyễn Văn An",
		"a\x1b[31mred":          "a␛[31mred",
		"title\x1b]0;pwned\x07": "title␛]0;pwned␇",
		"csi\u009b31m":          "csi\uFFFD31m",
		"bidi\u202eevil":        "bidi\uFFFDevil",
		"line1\nline2":          "line1␊line2",
		"bad\xffutf8":           "bad\uFFFDutf8",
		"tab\there":             "tab here",
		"del\x7f":               "del␡",
	}
	for in, want := range cases {
		if got := Line(in); got != want {
			t.Errorf("Line(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Text("a\nb\x1b"); got != "a\nb␛" {
		t.Errorf("Text kept %q", got)
	}
}

func FuzzLine(f *testing.F) {
	f.Add("\x1b[2J\x1b]52;c;Zm9v\x07")
	f.Add("Đất đai \u202e")
	f.Fuzz(func(t *testing.T, s string) {
		out := Line(s)
		for _, r := range out {
			if r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || IsBidiControl(r) || IsEmojiJoiner(r) {
				t.Fatalf("Line(%q) left control %U", s, r)
			}
		}
		if strings.ContainsRune(out, '\n') {
			t.Fatalf("Line kept a newline")
		}
	})
}

func TestEmojiJoinersLeftOut(t *testing.T) {
	for in, want := range map[string]string{
		"Bé 👍🏽":     "Bé 👍",
		"👨‍👩‍👧":     "👨👩👧",
		"❤️":        "❤",
		"1️⃣":       "1",
		"Nguyễn An": "Nguyễn An",
	} {
		if got := Line(in); got != want {
			t.Errorf("Line(%q) = %q, want %q", in, got, want)
		}
	}
}
