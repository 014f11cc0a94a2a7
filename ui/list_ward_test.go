package ui

import (
	"fmt"
	"strings"
	"testing"

	"gopy/ui/i18n"
)

// Two wards number their records alike: the list shows each row's ward.
func TestListShowsWardOfEachRow(t *testing.T) {
	dr := newTestRoot(t, newTwoWardStore(t), i18n.VI, 80, 24)
	dr.key("4")
	dr.mustSee("Phường")
	l := dr.r.top().(*listScreen)
	if !l.cols.showWard || l.cols.ward > 6 {
		t.Fatalf("ward column shown %v, %d cells", l.cols.showWard, l.cols.ward)
	}
	for !strings.Contains(dr.screen(), "số hiệu tăng dần") {
		dr.key("s")
	}
	var got []string
	for _, ln := range strings.Split(dr.screen(), "\n") {
		if _, after, ok := strings.Cut(ln, "KN-2026-0001 "); ok {
			got = append(got, strings.Fields(after)[0])
		}
	}
	if strings.Join(got, " ") != "LS HB" { // same reference: the older first
		t.Errorf("KN-2026-0001 rows: %q", got)
	}
	checkFrame(t, dr.r.View().Content, 80, 24)
	for _, tab := range []string{"2", "3"} { // feedback, sessions
		dr.key(tab)
		dr.mustSee("Phường")
		checkFrame(t, dr.r.View().Content, 80, 24)
	}

	one := newTestRoot(t, newFixtureStore(t), i18n.VI, 80, 24)
	one.key("4")
	one.mustSee("Số hiệu")
	if one.r.top().(*listScreen).cols.showWard {
		t.Error("a ward's own database shows a ward column")
	}
}

// Golden frames of a consolidated database's petition list.
func TestListWardsGolden(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.VI, i18n.EN} {
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			name := fmt.Sprintf("petitions_list_wards_%s_%dx%d", lang, size[0], size[1])
			t.Run(name, func(t *testing.T) {
				dr := newTestRoot(t, newTwoWardStore(t), lang, size[0], size[1])
				dr.key("4")
				got := dr.r.View().Content
				checkFrame(t, got, size[0], size[1])
				compareGolden(t, name, plain(got))
			})
		}
	}
}
