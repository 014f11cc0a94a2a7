package i18n

import (
	"strings"
	"testing"
)

func TestEveryKeyInBothLanguages(t *testing.T) {
	for _, pair := range [][2]Lang{{VI, EN}, {EN, VI}} {
		for _, k := range Keys(pair[0]) {
			if !pair[1].Has(k) {
				t.Errorf("key %q is in %s but not in %s", k, pair[0], pair[1])
			}
			if strings.TrimSpace(pair[0].T(k)) == "" {
				t.Errorf("key %q is empty in %s", k, pair[0])
			}
		}
	}
}

func TestVietnameseIsDefault(t *testing.T) {
	l, ok := Parse("")
	if !ok || l != VI {
		t.Fatalf("Parse(\"\") = %v, %v; want vi", l, ok)
	}
	if got := VI.Enum("status", "in_progress"); got != "Đang giải quyết" {
		t.Errorf("vi status = %q", got)
	}
	if got := EN.Enum("status", "in_progress"); got != "In progress" {
		t.Errorf("en status = %q", got)
	}
	if _, ok := Parse("fr"); ok {
		t.Error("fr accepted")
	}
}
