package store_test

import (
	"fmt"
	"testing"

	"gopy/model"
	"gopy/store"
)

// Each and EachJSON read a page of rows per transaction: across the page
// boundaries they see every row once, in the query's order.
func TestEachPagesWithoutSkipping(t *testing.T) {
	s, _, _ := openTest(t)
	const n = 2345 // two pages and a part
	var recs []model.Record
	for i := range n {
		recs = append(recs, feedback(day(2026, 1, 1).AddDays(i%150), fmt.Sprintf("Ý kiến số %d.", i)))
	}
	if err := s.CreateBatch(recs, officer); err != nil {
		t.Fatal(err)
	}
	for _, q := range []store.Query{
		{Kind: model.KindFeedback},
		{Kind: model.KindFeedback, Order: store.OldestFirst},
		{Kind: model.KindFeedback, Order: store.DueFirst},
	} {
		page, err := s.Page(q, nil, n+1, false)
		if err != nil {
			t.Fatal(err)
		}
		var got, gotJSON []string
		if err := s.Each(q, func(r *model.Row) error { got = append(got, r.ID); return nil }); err != nil {
			t.Fatal(err)
		}
		if err := s.EachJSON(q, func(r *model.Row, raw []byte) error {
			if len(raw) == 0 {
				return fmt.Errorf("%s: no JSON", r.Ref)
			}
			gotJSON = append(gotJSON, r.ID)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if len(page) != n || len(got) != n || len(gotJSON) != n {
			t.Fatalf("order %d: page %d, Each %d, EachJSON %d rows; want %d", q.Order, len(page), len(got), len(gotJSON), n)
		}
		for i := range page {
			if got[i] != page[i].Row.ID || gotJSON[i] != page[i].Row.ID {
				t.Fatalf("order %d: row %d differs from one long read", q.Order, i)
			}
		}
	}
}
