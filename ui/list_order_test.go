package ui

import (
	"fmt"
	"strings"
	"testing"

	"gopy/model"
	"gopy/store"
	"gopy/store/demo"
	"gopy/ui/i18n"
)

// Sorted by who and by reference, a large list pages like the others:
// every row once and in order, the position right, G from the end.
func TestPagingByWhoAndReference(t *testing.T) {
	s := openFixtureStore(t, false)
	if err := demo.Generate(s, demo.Options{Records: 3000, Seed: 7, Today: fixtureToday()}); err != nil {
		t.Fatal(err)
	}
	total, err := s.Count(store.Query{Kind: model.KindPetition})
	if err != nil {
		t.Fatal(err)
	}
	dr := newTestRoot(t, s, i18n.VI, 80, 24)
	dr.key("4")
	l := dr.r.top().(*listScreen)
	for _, c := range []struct {
		order  string
		before func(a, b *model.Row) bool // a may come before b
	}{
		{"tên A→Z", func(a, b *model.Row) bool {
			return model.Compare(model.GivenNameFirst(a.Who), model.GivenNameFirst(b.Who)) <= 0
		}},
		{"số hiệu tăng dần", func(a, b *model.Row) bool { return a.Ref <= b.Ref }},
	} {
		for !strings.Contains(dr.screen(), c.order) {
			dr.key("s")
		}
		seen := map[string]bool{}
		var prev *model.Row
		for i := 0; i < total; i++ {
			r := l.rows[l.cursor].Row
			if seen[r.ID] {
				t.Fatalf("%s, row %d: %s seen twice", c.order, i, r.Ref)
			}
			if prev != nil && !c.before(prev, &r) {
				t.Fatalf("%s, row %d: %s (%s) after %s (%s)", c.order, i, r.Ref, r.Who, prev.Ref, prev.Who)
			}
			seen[r.ID], prev = true, &r
			if len(l.rows) > maxWindow {
				t.Fatalf("window holds %d rows", len(l.rows))
			}
			if pos := l.first + l.cursor + 1; pos != i+1 {
				t.Fatalf("%s: position %d, want %d", c.order, pos, i+1)
			}
			dr.key("j")
		}
		dr.mustSee(fmt.Sprintf("%s/%s", num(i18n.VI, total), num(i18n.VI, total)))
		dr.key("g")
		if l.first+l.cursor != 0 {
			t.Fatalf("%s: g did not go to the top", c.order)
		}
		dr.key("G")
		dr.mustSee(fmt.Sprintf("%s/%s", num(i18n.VI, total), num(i18n.VI, total)))
		for range 30 {
			dr.key("pgup")
		}
		if want := total - 30*l.visible(); l.first+l.cursor+1 != want {
			t.Fatalf("%s, after 30 pgup from the end: position %d, want %d", c.order, l.first+l.cursor+1, want)
		}
		dr.key("g")
	}
}
