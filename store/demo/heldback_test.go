package demo

import (
	"bytes"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"gopy/model"
	"gopy/store"
)

// A demo written through a store.Load (who keys, references and links
// held back to its end) stores exactly what one written batch by batch
// stores: every bucket's keys and values, over three wards, and again
// when a second demo adds to the file.
func TestHeldBackWritesWhatBatchByBatchWrites(t *testing.T) {
	now := time.Date(2026, 6, 15, 9, 0, 0, 0, model.VNZone)
	dir := t.TempDir()
	dumps := map[bool][]string{}
	for _, held := range []bool{true, false} {
		heldBack = held
		path := filepath.Join(dir, fmt.Sprint(held, ".db"))
		s, err := store.Open(path, store.Options{Now: func() time.Time { return now }})
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range []int{11_000, 6_000} {
			if err := Generate(s, Options{Records: n, Seed: 4, Wards: 3, Today: model.NewDate(2026, 6, 15), MarkDemo: true}); err != nil {
				t.Fatal(err)
			}
		}
		if problems, err := s.Check(); err != nil || len(problems) > 0 {
			t.Fatalf("held back %v: check %v %v", held, problems, err)
		}
		s.Close()
		db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		db.View(func(tx *bolt.Tx) error {
			return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
				return b.ForEach(func(k, v []byte) error {
					if string(name) == "meta" && bytes.HasPrefix(k, []byte("sign/")) {
						v = nil // the database's own signing key: random
					}
					dumps[held] = append(dumps[held], fmt.Sprintf("%s %x=%x", name, k, v))
					return nil
				})
			})
		})
		db.Close()
	}
	heldBack = true
	a, b := dumps[true], dumps[false]
	if len(a) != len(b) {
		t.Fatalf("held back: %d keys; batch by batch: %d", len(a), len(b))
	}
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("key %d:\nheld back      %.200s\nbatch by batch %.200s", i, a[i], b[i])
		}
	}
}
