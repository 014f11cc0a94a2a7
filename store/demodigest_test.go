package store_test

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"gopy/model"
	"gopy/store"
	"gopy/store/demo"
)

// demoDigest is the SHA-256 of every bucket's keys and values after the
// demo below (records as their JSON, so a new packing leaves it; the
// signing key, random, left out), as the code made it before the record
// encoding, keys and demo generator were sped up (branch encode, made by
// main at a136d05). The speed-ups must not change a byte of what a seed
// and clock store. Change it only with a deliberate change of what is
// stored or generated, and say so.
const demoDigest = "c5d19d927587a4ac36241d5cc9ea73c78d7b62a3ab9671009800ec7019833b77"

func TestDemoStoresTheSameBytes(t *testing.T) {
	if testing.Short() {
		t.Skip("12,000 demo records")
	}
	path := filepath.Join(t.TempDir(), "demo.db")
	now := time.Date(2026, 6, 15, 9, 0, 0, 0, model.VNZone)
	s, err := store.Open(path, store.Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// Two transactions and more (5,000 records each), three wards.
	opt := demo.Options{Records: 12000, Seed: 7, Today: model.NewDate(2026, 6, 15), Wards: 3, MarkDemo: true}
	if err := demo.Generate(s, opt); err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	put := func(b []byte) {
		h.Write(binary.AppendUvarint(nil, uint64(len(b))))
		h.Write(b)
	}
	records := 0
	err = store.BoltDB(s).View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			put(name)
			return b.ForEach(func(k, v []byte) error {
				if string(name) == "meta" && string(k) == "sign/ed25519" {
					return nil
				}
				put(k)
				if len(name) > 4 && string(name[:4]) == "rec/" && len(k) == 16 {
					js, err := store.RecordJSON(k, v)
					if err != nil {
						return err
					}
					v = js
					records++
				}
				put(v)
				return nil
			})
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	if records != opt.Records {
		t.Fatalf("%d records, want %d", records, opt.Records)
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != demoDigest {
		t.Errorf("the demo stored other bytes: digest %s, want %s", got, demoDigest)
	}
}
