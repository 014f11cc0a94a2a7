package store_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"gopy/model"
	"gopy/store"
	"gopy/store/demo"
)

var bulkNow = time.Date(2026, 6, 15, 9, 0, 0, 0, model.VNZone)

func bulkStore(t *testing.T, name string) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), name), store.Options{Now: func() time.Time { return bulkNow }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// dump is every key and value of the buckets keep selects, as text.
func dump(t *testing.T, s *store.Store, keep func(bucket string) bool, value func(bucket string, k, v []byte) []byte) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	err := store.BoltDB(s).View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			if !keep(string(name)) {
				return nil
			}
			return b.ForEach(func(k, v []byte) error {
				out[string(name)] = append(out[string(name)], fmt.Sprintf("%x=%q", k, value(string(name), k, v)))
				return nil
			})
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameBuckets(t *testing.T, bulk, one map[string][]string) {
	t.Helper()
	if len(bulk) != len(one) {
		t.Fatalf("buckets: bulk %d, one by one %d", len(bulk), len(one))
	}
	for name, want := range one {
		got := bulk[name]
		if len(got) != len(want) {
			t.Fatalf("%s: bulk wrote %d keys, one by one %d", name, len(got), len(want))
		}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("%s key %d:\nbulk       %.300s\none by one %.300s", name, i, got[i], want[i])
			}
		}
	}
}

// A bulk load (demo, 6,000 records over two wards: feedback with their
// commitments, sessions with their petitions, repeats) writes exactly the
// bytes create writes record by record: records, history, list rows,
// search texts, indexes, links, counters.
func TestBulkCreateWritesWhatOneByOneWrites(t *testing.T) {
	opt := demo.Options{Records: 6000, Seed: 9, Wards: 2, Today: model.NewDate(2026, 6, 15)}
	a := bulkStore(t, "bulk.db")
	if err := demo.Generate(a, opt); err != nil {
		t.Fatal(err)
	}
	b := bulkStore(t, "one.db")
	restore := store.OneByOne()
	err := demo.Generate(b, opt)
	restore()
	if err != nil {
		t.Fatal(err)
	}
	all := func(string) bool { return true }
	sameBuckets(t, dump(t, a, all, rawButSigningKey), dump(t, b, all, rawButSigningKey))
	for _, s := range []*store.Store{a, b} {
		if problems, err := s.Check(); err != nil || len(problems) > 0 {
			t.Fatalf("check: %v %v", problems, err)
		}
	}
}

// With a data key, the bulk load seals every confidential petition's
// identity (nothing of it in clear) and stores the rest as create does.
func TestBulkCreateSealsLikeOneByOne(t *testing.T) {
	opt := demo.Options{Records: 4000, Seed: 3, Today: model.NewDate(2026, 6, 15)}
	stores := [2]*store.Store{bulkStore(t, "bulk.db"), bulkStore(t, "one.db")}
	for i, s := range stores {
		if _, _, err := s.Setup("demo", "demo", true); err != nil {
			t.Fatal(err)
		}
		restore := func() {}
		if i == 1 {
			restore = store.OneByOne()
		}
		err := demo.Generate(s, opt)
		restore()
		if err != nil {
			t.Fatal(err)
		}
	}
	records := func(name string) bool {
		return strings.HasPrefix(name, "rec/") || strings.HasPrefix(name, "list/") ||
			strings.HasPrefix(name, "fold/") || strings.HasPrefix(name, "ix/") || name == "links"
	}
	sealed := 0
	noSeal := func(name string, k, v []byte) []byte {
		if name != "rec/petition" || len(k) != 16 {
			return v
		}
		js, err := store.RecordJSON(k, v)
		if err != nil {
			t.Fatal(err)
		}
		var p map[string]any
		if err := json.Unmarshal(js, &p); err != nil {
			t.Fatal(err)
		}
		if p["confidential"] == true {
			clear := func(f string) bool { v, _ := p[f].(string); return v != "" }
			if p["sealed"] == nil || clear("name") || clear("phone") || clear("address") || clear("id_number") {
				t.Fatalf("confidential petition stored with its identity in clear: %.200s", v)
			}
			sealed++
			delete(p, "sealed") // random: a new ephemeral key each time
		}
		v, _ = json.Marshal(p)
		return v
	}
	got := dump(t, stores[0], records, noSeal)
	if sealed == 0 {
		t.Fatal("no confidential petition in the demo")
	}
	sameBuckets(t, got, dump(t, stores[1], records, noSeal))
}

func bulkPetition(day model.Date, summary string) *model.Petition {
	return &model.Petition{ReceivedOn: day, Channel: model.ChannelWalkIn, Classification: model.ClassReport,
		Name: "Người Thử Nghiệm", Summary: summary}
}

func settled(t *testing.T) *store.Store {
	t.Helper()
	s := bulkStore(t, "gopy.db")
	st, err := s.Settings()
	if err != nil {
		t.Fatal(err)
	}
	st.WardCode, st.WardName, st.Officer = "HB", "Phường Thử", "Cán Bộ Thử"
	if err := s.SaveSettings(st, "x"); err != nil {
		t.Fatal(err)
	}
	return s
}

// In a bulk load the records see the ones before them in the same batch
// (a petition of a session made earlier in it), a batch naming one id
// twice is refused whole, and the first record in order that fails gives
// the error, as one by one.
func TestBulkCreateChecksInOrder(t *testing.T) {
	day := model.NewDate(2026, 6, 1)
	batch := func() []model.Record {
		sess := &model.Session{HeldOn: day, Type: model.SessionReception, HostRole: model.HostCommitteeChair,
			HostName: "Chủ tịch Thử", Topics: []string{"Đất đai"}}
		sess.ID = model.NewID(bulkNow)
		recs := []model.Record{sess}
		for i := range 199 {
			p := bulkPetition(day, fmt.Sprintf("Phản ánh số %d", i))
			if i%10 == 0 {
				p.Channel, p.SessionID = model.ChannelSession, sess.ID
			}
			recs = append(recs, p)
		}
		return recs
	}

	s := settled(t)
	if err := s.CreateBatch(batch(), "x"); err != nil {
		t.Fatalf("petitions of a session made in the same batch: %v", err)
	}
	if n, _ := s.Total(model.KindPetition); n != 199 {
		t.Fatalf("%d petitions stored, want 199", n)
	}

	cases := map[string]func(recs []model.Record) string{
		"an id twice": func(recs []model.Record) string {
			id := model.NewID(bulkNow)
			recs[40].GetMeta().ID, recs[150].GetMeta().ID = id, id
			return "err.id_taken"
		},
		"an id already stored": func(recs []model.Record) string {
			old, _ := s.Get(model.KindPetition, firstID(t, s))
			recs[120].GetMeta().ID = old.GetMeta().ID
			return "err.id_taken"
		},
		"a reference twice": func(recs []model.Record) string {
			recs[30].GetMeta().Ref, recs[70].GetMeta().Ref = model.FormatRef(model.KindPetition, 2026, 900), model.FormatRef(model.KindPetition, 2026, 900)
			return "err.ref_taken"
		},
		"the first of two errors": func(recs []model.Record) string {
			recs[60].(*model.Petition).SessionID = model.NewID(bulkNow) // no such session
			recs[90].(*model.Petition).Summary = ""                     // invalid on its own
			return "err.not_found"
		},
	}
	for name, spoil := range cases {
		t.Run(name, func(t *testing.T) {
			recs := batch()
			want := spoil(recs)
			err := s.CreateBatch(recs, "x")
			var inv *store.Invalid
			if !errors.As(err, &inv) || len(inv.Errors) == 0 || inv.Errors[0].Key != want {
				t.Fatalf("got %v, want %s", err, want)
			}
			if n, _ := s.Total(model.KindPetition); n != 199 {
				t.Fatalf("%d petitions after a refused batch, want 199", n)
			}
			if recs[0].GetMeta().Ref != "" {
				t.Error("a refused batch kept the references it was given")
			}
		})
	}
	// A reference given ahead is skipped by the numbers handed out after
	// it in the same batch.
	recs := batch()
	next := model.FormatRef(model.KindPetition, 2026, 199+5)
	recs[1].GetMeta().Ref = next
	if err := s.CreateBatch(recs, "x"); err != nil {
		t.Fatal(err)
	}
	refs := map[string]bool{}
	for _, r := range recs {
		if ref := r.GetMeta().Ref; refs[ref] {
			t.Fatalf("reference %s given twice", ref)
		} else {
			refs[ref] = true
		}
	}
	if problems, err := s.Check(); err != nil || len(problems) > 0 {
		t.Fatalf("check: %v %v", problems, err)
	}
}

func firstID(t *testing.T, s *store.Store) string {
	t.Helper()
	var id string
	err := s.EachJSON(store.Query{Kind: model.KindPetition, Order: store.OldestFirst}, func(r *model.Row, _ []byte) error {
		if id == "" {
			id = r.ID
		}
		return nil
	})
	if err != nil || id == "" {
		t.Fatal("no petition", err)
	}
	return id
}

// A bulk load checks a commitment against its feedback as stored: when
// the feedback was written by an earlier bulk load and changed since (its
// point no longer accepted), the commitment is refused; unchanged, it is
// written.
func TestBulkCreateSeesChangesBetweenBatches(t *testing.T) {
	day := model.NewDate(2026, 6, 1)
	for _, changed := range []bool{false, true} {
		t.Run(fmt.Sprint("changed=", changed), func(t *testing.T) {
			s := settled(t)
			f := &model.Feedback{GivenOn: day, SourceKind: model.SourceFront, SourceName: "Ủy ban MTTQ phường",
				Form: model.FeedbackForms[0], TargetKind: model.TargetGovernment, TargetName: "UBND phường",
				Topics: []string{"Đất đai"}, Subject: "Góp ý thử",
				Points: []model.Point{{Content: "Đề nghị sửa đường.", Status: model.AnswerAccepted, AnsweredOn: day.AddDays(2), AnsweredBy: "Cán Bộ Thử"}}}
			first := []model.Record{f}
			for i := range 100 {
				first = append(first, bulkPetition(day, fmt.Sprintf("Phản ánh %d", i)))
			}
			if err := s.CreateBatch(first, "x"); err != nil {
				t.Fatal(err)
			}
			if changed {
				got, err := s.Get(model.KindFeedback, f.ID)
				if err != nil {
					t.Fatal(err)
				}
				g := got.(*model.Feedback)
				g.Points[0].Status, g.Points[0].AnsweredOn, g.Points[0].AnsweredBy, g.Points[0].Answer = model.AnswerPending, 0, "", ""
				if err := s.Update(g, "x"); err != nil {
					t.Fatal(err)
				}
			}
			c := &model.Commitment{MadeOn: day.AddDays(2), What: "Sửa đường ngõ 4", Due: day.AddDays(30),
				State: model.CommitmentPlanned, FeedbackID: f.ID, PointNo: 1}
			second := []model.Record{c}
			for i := range 100 {
				second = append(second, bulkPetition(day.AddDays(2), fmt.Sprintf("Phản ánh sau %d", i)))
			}
			err := s.CreateBatch(second, "x")
			var inv *store.Invalid
			switch {
			case !changed && err != nil:
				t.Fatalf("commitment on an accepted point: %v", err)
			case changed && (!errors.As(err, &inv) || inv.Errors[0].Key != "err.commitment_not_accepted"):
				t.Fatalf("commitment on a point no longer accepted: %v", err)
			}
		})
	}
}

// rawButSigningKey keeps every value as stored but the database's own
// signing key, which is random (for dump).
func rawButSigningKey(name string, k, v []byte) []byte {
	if name == "meta" && bytes.HasPrefix(k, []byte("sign/")) {
		return nil
	}
	return v
}
