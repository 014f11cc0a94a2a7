package store_test

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"gopy/model"
	"gopy/store"
)

// FuzzMergeBundles: random valid bundles from several wards (records,
// edits, deletions, some sent twice over time) are imported at two
// provinces in different random orders, then all again. Both provinces
// end the same, Check is clean, the second round changes nothing, each
// ward's records at the province are exactly the ward's own, and a bundle
// that carries another ward's record is refused whole.
func FuzzMergeBundles(f *testing.F) {
	f.Add(uint64(1), uint8(3), uint8(6))
	f.Add(uint64(42), uint8(2), uint8(12))
	f.Add(uint64(7), uint8(4), uint8(3))
	f.Fuzz(func(t *testing.T, seed uint64, nWards, nRecs uint8) {
		r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
		nw := 2 + int(nWards)%3
		nr := 1 + int(nRecs)%12
		c := newClock(vn(2026, time.June, 15, 9, 0))
		wards := make([]*store.Store, nw)
		codes := make([]string, nw)
		var bundles []string
		for w := range wards {
			codes[w] = fmt.Sprintf("W%d", w)
			wards[w] = openWard(t, codes[w], c)
			var recs []model.Record
			for i := 0; i < nr; i++ {
				d := day(2026, time.Month(1+r.IntN(5)), 1+r.IntN(28))
				var rec model.Record
				switch r.IntN(3) {
				case 0:
					rec = feedback(d)
				case 1:
					rec = session(d)
				default:
					rec = petition(d, model.Classifications[r.IntN(len(model.Classifications))])
				}
				mustCreate(t, wards[w], rec)
				recs = append(recs, rec)
				c.Add(time.Minute)
			}
			if r.IntN(2) == 0 { // an early bundle, before edits and deletions
				bundles = append(bundles, exportTo(t, wards[w]))
			}
			for _, rec := range recs {
				switch r.IntN(4) {
				case 0:
					got := mustGet(t, wards[w], rec.Kind(), rec.GetMeta().ID)
					if p, ok := got.(*model.Petition); ok {
						p.Result = fmt.Sprintf("Ghi chú %d", r.IntN(100))
					} else if s, ok := got.(*model.Session); ok {
						s.Participants++
					} else if fb, ok := got.(*model.Feedback); ok {
						fb.TargetName = "UBND phường (sửa)"
					}
					if err := wards[w].Update(got, officer); err != nil {
						t.Fatal(err)
					}
				case 1:
					if err := wards[w].Delete(rec.Kind(), rec.GetMeta().ID, officer); err != nil {
						t.Fatal(err)
					}
				}
				c.Add(time.Minute)
			}
			bundles = append(bundles, exportTo(t, wards[w]))
		}
		c.Add(time.Hour)
		provinces := []*store.Store{openWard(t, "TINH", c), openWard(t, "TINH", c)}
		for i, prov := range provinces {
			order := r.Perm(len(bundles))
			if i == 1 {
				r.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
			}
			for _, j := range order {
				if _, err := prov.ImportBundle(bundles[j], false, officer); err != nil {
					t.Fatalf("province %d, bundle %d: %v", i, j, err)
				}
			}
		}
		first := allJSON(t, provinces[0])
		if !jsonEqual(first, allJSON(t, provinces[1])) {
			t.Fatal("two import orders gave different provinces")
		}
		// Each ward's records at the province are the ward's, no more.
		for w, ws := range wards {
			own := allJSON(t, ws)
			mine := map[model.Kind][]string{}
			for _, k := range model.Kinds {
				err := provinces[0].EachJSON(store.Query{Kind: k, Ward: codes[w], Order: store.OldestFirst}, func(_ *model.Row, raw []byte) error {
					mine[k] = append(mine[k], string(raw))
					return nil
				})
				if err != nil {
					t.Fatal(err)
				}
			}
			if !jsonEqual(own, mine) {
				t.Fatalf("ward %s: its records at the province differ from its own", codes[w])
			}
		}
		for _, j := range r.Perm(len(bundles)) {
			res, err := provinces[0].ImportBundle(bundles[j], false, officer)
			if err != nil || !res.AlreadyImported {
				t.Fatalf("bundle %d again: %v %+v", j, err, res)
			}
		}
		if !jsonEqual(first, allJSON(t, provinces[0])) {
			t.Fatal("importing the bundles again changed the province")
		}
		// A ward's bundle carrying another ward's record is refused whole.
		forged := forge(t, exportTo(t, wards[0]), func(m map[string]any, items []map[string]any) []map[string]any {
			return append(items, map[string]any{"kind": "petition", "record": map[string]any{
				"id": model.NewID(c.Now()), "ward": codes[1], "ref": "KN-2026-9999",
				"received_on": "2026-06-01", "channel": "walk_in", "classification": "report",
				"name": "Người Giả Mạo", "summary": "Giả mạo", "status": "received"}})
		})
		if _, err := provinces[0].ImportBundle(forged, false, officer); err == nil {
			t.Fatal("a bundle carrying another ward's record was accepted")
		}
		if !jsonEqual(first, allJSON(t, provinces[0])) {
			t.Fatal("a refused bundle changed the province")
		}
	})
}
