package store

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"gopy/model"
)

// openHB opens a new database at path for ward HB on 15/06/2026 at 9:00;
// the caller closes it.
func openHB(t *testing.T, path string) *Store {
	t.Helper()
	now := time.Date(2026, 6, 15, 9, 0, 0, 0, time.UTC)
	s, err := Open(path, Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	st, _ := s.Settings()
	st.WardCode, st.WardName, st.Officer = "HB", "Phường Hòa Bình", "Cán bộ Thử"
	if err := s.SaveSettings(st, "x"); err != nil {
		s.Close()
		t.Fatal(err)
	}
	return s
}

// Check finds two records of one ward and kind holding one reference,
// however they came to be stored.
func TestCheckFindsDuplicateReference(t *testing.T) {
	s := openHB(t, filepath.Join(t.TempDir(), "r.db"))
	defer s.Close()
	var ids []string
	for i := 0; i < 2; i++ {
		p := &model.Petition{ReceivedOn: model.NewDate(2026, 6, 1), Channel: model.ChannelWalkIn,
			Classification: model.ClassReport, Name: "Người Thử Nghiệm", Summary: "Nội dung thử"}
		if err := s.Create(p, "x"); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, p.ID)
	}
	if problems, _ := s.Check(); len(problems) > 0 {
		t.Fatalf("clean database: %v", problems)
	}
	err := s.db.Update(func(tx *bolt.Tx) error {
		a, _ := model.ParseID(ids[0])
		b, _ := model.ParseID(ids[1])
		first, _ := getRecord(tx, model.KindPetition, a)
		old, _ := getRecord(tx, model.KindPetition, b)
		rec, _ := getRecord(tx, model.KindPetition, b)
		rec.GetMeta().Ref = first.GetMeta().Ref
		return replaceRecord(tx, old, rec, b)
	})
	if err != nil {
		t.Fatal(err)
	}
	problems, _ := s.Check()
	if len(problems) != 1 || !strings.Contains(problems[0], "reference used twice in ward HB") {
		t.Errorf("check: %v", problems)
	}
}

// Issue 16.4: invalid UTF-8 already stored (by a gopy before the CSV check)
// is found by Check, and Repair rebuilds the rows and indexes from the
// records, saying where.
func TestCheckAndRepairInvalidUTF8(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.db")
	s := openHB(t, path)
	defer s.Close()
	p := &model.Petition{ReceivedOn: model.NewDate(2026, 6, 1), Channel: model.ChannelWalkIn,
		Classification: model.ClassReport, Name: "Người Thử Nghiệm", Summary: "Nội dung thử"}
	if err := s.Create(p, "x"); err != nil {
		t.Fatal(err)
	}
	// What the CSV import of an older gopy stored: the bytes in the row and
	// the history as they came; the record's JSON had them replaced.
	err := s.db.Update(func(tx *bolt.Tx) error {
		id, _ := model.ParseID(p.ID)
		rec, _ := getRecord(tx, model.KindPetition, id)
		row := model.RowOf(rec)
		if err := deleteIndexes(tx, &row, id); err != nil {
			return err
		}
		row.Who = "Ng\xffười Thử"
		if err := putIndexes(tx, &row, id); err != nil {
			return err
		}
		return putHistoryRaw(tx, model.KindPetition, id, []byte(`{"at":"2026-06-15T02:00:00Z","by":"x","action":"update","note":"b`+"\xe1"+`d"}`))
	})
	if err != nil {
		t.Fatal(err)
	}
	problems, _ := s.Check()
	joined := strings.Join(problems, "\n")
	if !strings.Contains(joined, "KN-2026-0001: invalid UTF-8 in the list row") || !strings.Contains(joined, "invalid UTF-8 in history entry") {
		t.Fatalf("check: %v", problems)
	}
	notes, err := s.Repair()
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) != 2 || !strings.Contains(notes[0]+notes[1], "KN-2026-0001: invalid bytes replaced by U+FFFD") {
		t.Errorf("repair notes: %q", notes)
	}
	if problems, _ := s.Check(); len(problems) > 0 {
		t.Errorf("after repair: %v", problems)
	}
	var b bytes.Buffer
	if err := s.Backup(&b); err != nil {
		t.Fatal(err)
	}
	restored := filepath.Join(t.TempDir(), "restored.db")
	os.WriteFile(filepath.Join(t.TempDir(), "x"), nil, 0o600)
	if err := os.WriteFile(restored+".src", b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Restore(restored+".src", restored); err != nil {
		t.Errorf("a backup after repair does not restore: %v", err)
	}
}

func putHistoryRaw(tx *bolt.Tx, k model.Kind, id [16]byte, v []byte) error {
	b := histBucket(tx, k)
	seq, _ := b.NextSequence()
	key := make([]byte, 24)
	copy(key, id[:])
	binary.BigEndian.PutUint64(key[16:], seq)
	return b.Put(key, v)
}

// A database made before the unique-reference keys is sound read-only,
// and gets the keys at its next read-write open.
func TestUniqueKeysAddedToOlderDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	s := openHB(t, path)
	for i := 0; i < 3; i++ {
		p := &model.Petition{ReceivedOn: model.NewDate(2026, 6, 1), Channel: model.ChannelWalkIn,
			Classification: model.ClassReport, Name: "Người Thử Nghiệm", Summary: "Nội dung thử"}
		if err := s.Create(p, "x"); err != nil {
			t.Fatal(err)
		}
	}
	// Take the keys away, as an older gopy wrote the bucket.
	s.db.Update(func(tx *bolt.Tx) error {
		var keys [][]byte
		c := tx.Bucket(bIx(model.KindPetition)).Cursor()
		for k, _ := c.Seek([]byte{ixUnique}); k != nil && k[0] == ixUnique; k, _ = c.Next() {
			keys = append(keys, bytes.Clone(k))
		}
		for _, k := range keys {
			tx.Bucket(bIx(model.KindPetition)).Delete(k)
		}
		return nil
	})
	s.Close()
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if problems, _ := ro.Check(); len(problems) > 0 {
		t.Errorf("older database read-only: %v", problems)
	}
	ro.Close()
	rw, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer rw.Close()
	if problems, _ := rw.Check(); len(problems) > 0 {
		t.Errorf("after a read-write open: %v", problems)
	}
	rw.db.View(func(tx *bolt.Tx) error {
		if !hasUniqKeys(tx, model.KindPetition) {
			t.Error("the unique-reference keys were not added")
		}
		return nil
	})
}

// The same in schema 5's forms: a packed record and a compact history
// entry holding invalid bytes are found by Check and mended by Repair,
// which writes them packed and compact again.
func TestCheckAndRepairInvalidUTF8Packed(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.db")
	s := openHB(t, path)
	defer s.Close()
	p := &model.Petition{ReceivedOn: model.NewDate(2026, 6, 1), Channel: model.ChannelWalkIn,
		Classification: model.ClassReport, Name: "Người Thử Nghiệm", Summary: "Nội dung thử"}
	if err := s.Create(p, "x"); err != nil {
		t.Fatal(err)
	}
	id, _ := model.ParseID(p.ID)
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bRec(model.KindPetition))
		js, err := recordJSON(id[:], b.Get(id[:]))
		if err != nil {
			return err
		}
		js = bytes.Replace(js, []byte("Nội dung thử"), []byte("N\xffi dung thử"), 1)
		if err := b.Put(id[:], packRecord(id[:], js)); err != nil {
			return err
		}
		e := enc{b: []byte{histCompact}}
		e.b = binary.AppendVarint(e.b, time.Date(2026, 6, 15, 2, 0, 0, 0, time.UTC).UnixNano())
		e.s("x")
		e.u(2) // update
		e.s("b\xe1d")
		return putHistoryRaw(tx, model.KindPetition, id, e.b)
	})
	if err != nil {
		t.Fatal(err)
	}
	problems, _ := s.Check()
	joined := strings.Join(problems, "\n")
	if !strings.Contains(joined, "KN-2026-0001: invalid UTF-8 in the record") || !strings.Contains(joined, "invalid UTF-8 in history entry") {
		t.Fatalf("check: %v", problems)
	}
	if _, err := s.Repair(); err != nil {
		t.Fatal(err)
	}
	if problems, _ := s.Check(); len(problems) > 0 {
		t.Errorf("after repair: %v", problems)
	}
	s.db.View(func(tx *bolt.Tx) error {
		c := tx.Bucket(bRec(model.KindPetition)).Cursor()
		for k, v := c.Seek(id[:]); k != nil && bytes.HasPrefix(k, id[:]); k, v = c.Next() {
			if v[0] == '{' {
				t.Errorf("key %x left as JSON by the repair", k)
			}
		}
		return nil
	})
	got, err := s.Get(model.KindPetition, p.ID)
	if err != nil || got.(*model.Petition).Summary != "N\uFFFDi dung thử" {
		t.Errorf("after repair: %v %q", err, got.(*model.Petition).Summary)
	}
}
