package store_test

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"gopy/model"
	"gopy/store"
	"gopy/store/demo"
)

// hostile is text from outside: control characters, a terminal escape,
// bidirectional overrides, quotes, NUL, a lone combining mark, and the
// bytes a packed record starts with.
const hostile = "Đơn \x1b[31m\"đỏ\"\x1b[0m \u202eđảo\u202c \x00 \\ \u0301 \x01\x02\x03 {\"id\":\"x\"} 😀 Ủy ban"

// Every kind, hostile text included, reads back exactly as saved; what is
// stored is packed (a plain search of the file does not find its text,
// PlainBytes does) and smaller than its JSON.
func TestRecordsRoundTripPacked(t *testing.T) {
	s, path, _ := openTest(t)
	f := feedback(day(2026, 3, 2), "Điểm một: "+hostile, "Điểm hai")
	f.Subject = "Chủ đề " + hostile
	ses := session(day(2026, 3, 3))
	ses.Minutes = hostile
	p := petition(day(2026, 3, 4), model.ClassComplaint)
	p.Summary, p.Address = "Tóm tắt dấu hiệu ZqxBrown "+hostile, hostile
	mustCreate(t, s, ses)
	c := &model.Commitment{MadeOn: day(2026, 3, 5), SessionID: ses.ID, What: "Việc " + hostile, Unit: "Công an phường", Due: day(2026, 4, 5)}
	in := &model.Information{Item: "Tài liệu " + hostile, Category: "draft", OwedBy: model.TargetParty, OwedByName: "Đảng ủy phường", OwedTo: "MTTQ", DueOn: day(2026, 3, 6)}
	recs := []model.Record{f, ses, p, c, in}
	for _, r := range recs {
		if r != ses {
			mustCreate(t, s, r)
		}
	}
	// An update writes a history entry with fields (compact too).
	p.Summary += " (sửa)"
	if err := s.Update(p, officer); err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		m := r.GetMeta()
		got := mustGet(t, s, r.Kind(), m.ID)
		want, _ := json.Marshal(r)
		have, _ := json.Marshal(got)
		if !bytes.Equal(want, have) {
			t.Errorf("%s read back differs:\n got %s\nwant %s", r.Kind(), have, want)
		}
		raw, err := s.RecordJSON(r.Kind(), m.ID)
		if err != nil || !bytes.Equal(raw, want) {
			t.Errorf("%s RecordJSON: %v\n got %s\nwant %s", r.Kind(), err, raw, want)
		}
		hist, err := s.History(m.ID)
		if err != nil || len(hist) == 0 || hist[0].Action != "create" || hist[0].By != officer || !hist[0].At.Equal(m.CreatedAt) {
			t.Errorf("%s history: %v %+v", r.Kind(), err, hist)
		}
	}
	hist, _ := s.History(p.ID)
	if len(hist) != 2 || len(hist[1].Fields) != 1 || hist[1].Fields[0].Field != "summary" || hist[1].Fields[0].New != p.Summary {
		t.Errorf("petition history after the update: %+v", hist)
	}
	s.Close()

	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(raw, []byte(`"summary":"Tóm tắt dấu hiệu ZqxBrown`)) {
		t.Error("the petition's JSON is stored in clear")
	}
	if !bytes.Contains(store.PlainBytes(raw), []byte(`"summary":"Tóm tắt dấu hiệu ZqxBrown`)) {
		t.Error("PlainBytes does not find the packed petition's text")
	}
	stored := storedValue(t, path, "rec/petition", p.ID)
	js, _ := json.Marshal(p)
	if len(stored) >= len(js)*3/4 {
		t.Errorf("petition stored in %d bytes for %d of JSON", len(stored), len(js))
	}
}

// answers is what a database tells its users: every kind's list in every
// order, searches and filters, and each record's JSON and history.
func answers(t *testing.T, s *store.Store, today model.Date) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, k := range model.Kinds {
		var qs []store.Query
		for _, o := range []store.Order{store.NewestFirst, store.OldestFirst, store.DueFirst, store.ByWho, store.ByRef} {
			qs = append(qs,
				store.Query{Kind: k, Order: o},
				store.Query{Kind: k, Order: o, Overdue: true, Today: today},
				store.Query{Kind: k, Order: o, Search: "nguyen van"},
				store.Query{Kind: k, Order: o, Search: "dat dai"},
				store.Query{Kind: k, Order: o, Status: store.StatusUnaccepted, Today: today},
				store.Query{Kind: k, Order: o, From: day(2025, 1, 1), To: day(2025, 12, 31)},
			)
		}
		for _, q := range qs {
			var b strings.Builder
			err := s.Each(q, func(r *model.Row) error {
				fmt.Fprintf(&b, "%+v\n", *r)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			n, err := s.Count(q)
			if err != nil {
				t.Fatal(err)
			}
			out[fmt.Sprintf("%+v", q)] = fmt.Sprintf("%d\n%s", n, b.String())
		}
		err := s.EachJSON(store.Query{Kind: k, Order: store.OldestFirst}, func(r *model.Row, raw []byte) error {
			hist, err := s.History(r.ID)
			h, _ := json.Marshal(hist)
			out[string(k)+" "+r.ID] = string(raw) + "\n" + string(h)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// A database as schema 4 left it (records and history as JSON) answers
// every list, search and record exactly as before once migrated; the
// migrated file is packed and smaller, the old file is kept as its
// .schema4.bak, and Check finds nothing wrong.
func TestMigration4To5AnswersAsBefore(t *testing.T) {
	s, path, c, _ := setUp(t)
	today := day(2026, 6, 15)
	if err := demo.Generate(s, demo.Options{Records: 1500, Wards: 3, Seed: 14, Today: today}); err != nil {
		t.Fatal(err)
	}
	secret := secretPetition()
	secret.Confidential = true
	mustCreate(t, s, secret)
	h := petition(day(2026, 6, 1), model.ClassReport)
	h.Summary = hostile
	mustCreate(t, s, h)
	h.Status, h.Handling, h.AcknowledgedOn = model.StatusInProgress, model.HandlingAccepted, day(2026, 6, 2)
	if err := s.Update(h, officer); err != nil {
		t.Fatal(err)
	}
	before := answers(t, s, today)
	s.Close()

	if err := store.AsSchema4(path); err != nil {
		t.Fatal(err)
	}
	old, _ := os.ReadFile(path)
	if !bytes.Contains(old, []byte(`"summary":"`)) {
		t.Fatal("the schema-4 fixture holds no record JSON")
	}
	if _, err := store.Open(path, store.Options{ReadOnly: true}); err == nil {
		t.Fatal("a read-only open of schema 4 did not ask to migrate")
	}

	s, err := store.Open(path, store.Options{Now: c.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.SignIn("admin", adminPass); err != nil {
		t.Fatal(err)
	}
	mustClean(t, s)
	after := answers(t, s, today)
	if len(after) != len(before) {
		t.Fatalf("%d answers after migrating, %d before", len(after), len(before))
	}
	for k, want := range before {
		if after[k] != want {
			t.Errorf("%s after migrating:\n%s\nbefore:\n%s", k, after[k], want)
		}
	}
	got := mustGet(t, s, model.KindPetition, secret.ID).(*model.Petition)
	if got.Name != secret.Name || got.Phone != secret.Phone {
		t.Errorf("sealed petition opened after migrating: %q %q", got.Name, got.Phone)
	}
	s.Close()
	assertNoSecretsInFile(t, path)

	// What the pages use (bbolt grows a file 16 MB ahead of them).
	if used, was := usedBytes(t, path), usedBytes(t, path+".schema4.bak"); used >= was/2 {
		t.Errorf("migrated database uses %d bytes, %d before", used, was)
	}
	if v := storedValue(t, path, "rec/petition", h.ID); v[0] == '{' {
		t.Error("a record is still JSON after migrating")
	}
	if v, _ := schemaAndJSON(t, path+".schema4.bak"); v != 4 {
		t.Errorf("backup holds schema %d", v)
	}
	if _, err := os.Stat(path + ".migrating"); err == nil {
		t.Error("the migration's copy was left behind")
	}
}

// usedBytes is how much of a database file its pages use.
func usedBytes(t *testing.T, path string) int64 {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int64
	db.View(func(tx *bolt.Tx) error { n = tx.Size(); return nil })
	return n
}

// schemaAndJSON reads a file's schema and whether its records are JSON.
func schemaAndJSON(t *testing.T, path string) (uint32, bool) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v uint32
	var isJSON bool
	db.View(func(tx *bolt.Tx) error {
		v = binary.BigEndian.Uint32(tx.Bucket([]byte("meta")).Get([]byte("schema")))
		_, first := tx.Bucket([]byte("rec/petition")).Cursor().First()
		isJSON = len(first) > 0 && first[0] == '{'
		return nil
	})
	return v, isJSON
}

// Repacking after a bulk load (gopy demo) keeps every answer and leaves
// a smaller file: full pages, none free.
func TestRepackAnswersAsBefore(t *testing.T) {
	s, path, _ := openTest(t)
	today := day(2026, 6, 15)
	if err := demo.Generate(s, demo.Options{Records: 1200, Wards: 2, Seed: 3, Today: today}); err != nil {
		t.Fatal(err)
	}
	before := answers(t, s, today)
	s.Close()
	if _, isJSON := schemaAndJSON(t, path); isJSON {
		t.Error("a bulk load left its records as JSON")
	}
	was := usedBytes(t, path)
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.Repack(); err != nil {
		t.Fatal(err)
	}
	mustClean(t, s)
	after := answers(t, s, today)
	for k, want := range before {
		if after[k] != want {
			t.Errorf("%s after repacking:\n%s\nbefore:\n%s", k, after[k], want)
		}
	}
	s.Close()
	if used := usedBytes(t, path); used >= was {
		t.Errorf("repacked database uses %d bytes, %d before", used, was)
	}
	s, err = store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	mustCreate(t, s, petition(today, model.ClassReport)) // still writable
	s.Close()
	if _, err := os.Stat(path + ".migrating"); err == nil {
		t.Error("the copy was left behind")
	}
}
