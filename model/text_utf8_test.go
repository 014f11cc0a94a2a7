package model

import (
	"testing"
	"unicode/utf8"
)

// Text typed or pasted in another code page never enters a record as
// invalid UTF-8: its bad bytes become U+FFFD (issue 16.4).
func TestNFCMakesValidUTF8(t *testing.T) {
	for _, in := range []string{"Nguy\xd2n V\xe3n An", "\xff", "đúng"} {
		out := NFC(in)
		if !utf8.ValidString(out) || CleanLine(in) != CleanLine(out) {
			t.Errorf("%q → %q", in, out)
		}
	}
	if got := NFC("Nguy\xd2n"); got != "Nguy\uFFFDn" {
		t.Errorf("got %q", got)
	}
	p := &Petition{Name: "L\xea Th\xec", Summary: "ok"}
	p.Normalize()
	if !utf8.ValidString(p.Name) {
		t.Errorf("petition name %q", p.Name)
	}
}
