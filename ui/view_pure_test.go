package ui

import (
	"fmt"
	"reflect"
	"testing"

	"gopy/ui/i18n"
)

// View changes nothing: the dashboard's scroll, a list's columns, the
// detail's layout and a form's widths and scroll are computed when the key,
// size or data message arrives, so drawing a frame twice (or not at all)
// leaves every screen as it was.
func TestViewChangesNothing(t *testing.T) {
	for _, c := range []struct {
		name  string
		wards bool
		keys  []string
	}{
		{"dashboard scrolled to the wards", true, []string{"G"}},
		{"list", false, []string{"4"}},
		{"list with wards", true, []string{"4", "G"}},
		{"detail", false, []string{"4", "j", "j", "enter", "G"}},
		{"settings", false, []string{"6", "G"}},
		{"form", false, []string{"3", "n", "tab", "tab", "tab", "tab", "tab"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := newFixtureStore(t)
			if c.wards {
				s = newTwoWardStore(t)
			}
			dr := newTestRoot(t, s, i18n.EN, 80, 24)
			dr.keys(c.keys...)
			before := screenState(dr.r.top())
			first := dr.r.View().Content
			if after := screenState(dr.r.top()); after != before {
				t.Fatalf("View changed the screen:\nbefore %s\nafter  %s", before, after)
			}
			if again := dr.r.View().Content; again != first {
				t.Error("a second View drew another frame")
			}
		})
	}
}

// screenState prints a screen's fields, and a form's behind its wrapper.
func screenState(s screen) string {
	var v any = s
	if e, ok := s.(*entryScreen); ok {
		v = e.Screen
	}
	return fmt.Sprintf("%+v", reflect.ValueOf(v).Elem().Interface())
}

// "No" is n, N or esc in every question: the quit question too (it took
// only n and esc while the forms took N).
func TestQuitQuestionTakesCapitalN(t *testing.T) {
	for _, no := range []string{"n", "N", "esc"} {
		dr := newTestRoot(t, newFixtureStore(t), i18n.EN, 80, 24)
		dr.keys("3", "n")
		dr.typ("Hội nghị")
		dr.key("ctrl+c")
		if !dr.r.confirmQuit {
			t.Fatal("quitting with typed text does not ask")
		}
		dr.key(no)
		if dr.r.confirmQuit {
			t.Errorf("%s does not answer no to the quit question", no)
		}
		dr.mustBeForm()
	}
}
