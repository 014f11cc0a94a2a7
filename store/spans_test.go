package store_test

import (
	"strings"
	"testing"

	"gopy/model"
	"gopy/store/demo"
)

// Spans cuts a range into periods that read every row of it exactly once
// with ScanRows: for every kind, ranges bounded and open, empty and not,
// and pieces from a day's rows to more than the range holds. The cuts fall
// between days that both hold rows, so a piece that dropped or repeated
// its boundary day would fail.
func TestSpansReadEachRowOnce(t *testing.T) {
	s, _, _ := openTest(t)
	if err := demo.Generate(s, demo.Options{Records: 3000, Wards: 3, Seed: 14, Today: day(2026, 6, 15)}); err != nil {
		t.Fatal(err)
	}
	ids := func(k model.Kind, from, to model.Date) map[string]int {
		seen := map[string]int{}
		err := s.ScanRows(k, from, to, func(r *model.Row) error {
			seen[strings.Clone(r.ID)]++
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return seen
	}
	ranges := []model.Period{{}, {From: day(2025, 1, 1), To: day(2025, 12, 31)}, {From: day(2024, 3, 15), To: day(2026, 8, 20)},
		{From: day(2025, 7, 1)}, {To: day(2025, 2, 14)}, {From: day(2030, 1, 1), To: day(2030, 12, 31)},
		{From: day(model.MinYear, 1, 1), To: day(model.MaxYear, 12, 31)}, {From: day(2025, 5, 5), To: day(2025, 5, 5)}}
	split, edged := 0, 0
	for _, k := range model.Kinds {
		for _, r := range ranges {
			want := ids(k, r.From, r.To)
			for _, per := range []int{1, 3, 40, 1000, 1 << 20} {
				spans, err := s.Spans(k, r.From, r.To, per)
				if err != nil {
					t.Fatal(err)
				}
				if len(spans) == 0 || spans[0].From != r.From || spans[len(spans)-1].To != r.To {
					t.Fatalf("%s %v per %d: spans %v do not begin and end with the range", k, r, per, spans)
				}
				got := map[string]int{}
				for i, sp := range spans {
					if i > 0 && spans[i-1].To.AddDays(1) != sp.From {
						t.Fatalf("%s %v per %d: span %v does not begin the day after %v", k, r, per, sp, spans[i-1])
					}
					if i > 0 && len(ids(k, sp.From, sp.From)) > 0 && len(ids(k, spans[i-1].To, spans[i-1].To)) > 0 {
						edged++
					}
					for id, n := range ids(k, sp.From, sp.To) {
						got[id] += n
					}
				}
				if len(spans) > 1 {
					split++
				}
				if len(got) != len(want) {
					t.Errorf("%s %v per %d: %d rows read in %d spans, %d in one walk", k, r, per, len(got), len(spans), len(want))
				}
				for id, n := range got {
					if n != 1 || want[id] != 1 {
						t.Errorf("%s %v per %d: row %s read %d times in the spans, %d in one walk", k, r, per, id, n, want[id])
					}
				}
			}
		}
	}
	if split < 20 || edged < 100 {
		t.Fatalf("only %d ranges split, %d cuts between days with rows: the test proves little", split, edged)
	}
}
