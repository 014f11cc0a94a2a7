package store

import (
	"bytes"
	"testing"
)

// A recovery key is typed back from paper: any text is refused or read,
// never a panic, and what formatRecovery writes reads back the same.
func FuzzParseRecovery(f *testing.F) {
	f.Add("ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789")
	f.Add("abcd efgh jklm npqr stuv wxyz 2345 6789")
	f.Add("")
	f.Add("0O1I-????")
	f.Fuzz(func(t *testing.T, s string) {
		b, ok := parseRecovery(s)
		if !ok {
			return
		}
		back, ok := parseRecovery(formatRecovery(b))
		if !ok || !bytes.Equal(back, b) {
			t.Fatalf("%q: %x reads back as %x", s, b, back)
		}
	})
}

func TestRecoveryKeyRoundTrip(t *testing.T) {
	for range 50 {
		b := random(20)
		s := formatRecovery(b)
		if len(s) != 39 {
			t.Fatalf("%q: want 8 groups of 4", s)
		}
		back, ok := parseRecovery(s)
		if !ok || !bytes.Equal(back, b) {
			t.Fatalf("%q read back as %x, want %x", s, back, b)
		}
	}
}
