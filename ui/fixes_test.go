package ui

import (
	"strings"
	"testing"

	"gopy/ui/i18n"
)

// A form's help is the one line built from the key map (issue 15): no
// second, hand-written line beside it with its own spelling ("huỷ").
func TestFormHelpIsOneLineFromTheKeyMap(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.VI, i18n.EN} {
		dr := newTestRoot(t, newFixtureStore(t), lang, 80, 24)
		dr.keys("4", "n")
		sc := dr.screen()
		if n := strings.Count(sc, "ctrl+s"); n != 1 {
			t.Errorf("%v: the save key is shown %d times:\n%s", lang, n, sc)
		}
		if strings.Contains(sc, "huỷ") {
			t.Errorf("%v: the old spelling huỷ is on the form:\n%s", lang, sc)
		}
	}
}
