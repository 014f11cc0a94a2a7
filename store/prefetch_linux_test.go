package store

import (
	"encoding/binary"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"
	"unsafe"

	bolt "go.etcd.io/bbolt"

	"gopy/model"
)

// Prefetch finds the pages a walk over a range of list rows reads by
// reading bbolt's branch pages itself: on a tree of three levels built by
// saves in random order, the leaves it finds for a range hold every row of
// the range (no page missed) and at most the two leaves at its ends more.
// It fails if bbolt's page layout is not what it reads.
func TestPrefetchFindsTheLeaves(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gopy.db")
	s, err := Open(path, Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(14, 14))
	val := make([]byte, 200)
	first := model.NewDate(2024, 1, 1)
	for range 20 {
		err := s.db.Update(func(tx *bolt.Tx) error {
			b := tx.Bucket(bList(model.KindPetition))
			var id [16]byte
			for range 1000 {
				binary.BigEndian.PutUint64(id[:], r.Uint64())
				binary.BigEndian.PutUint64(id[8:], r.Uint64())
				if err := b.Put(rowKey(first.AddDays(r.IntN(3*365)), id), val); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	if s, err = Open(path, Options{ReadOnly: true, ReadAhead: true}); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ranges := []model.Period{{From: model.NewDate(2025, 1, 1), To: model.NewDate(2025, 12, 31)}, {},
		{From: model.NewDate(2025, 6, 15), To: model.NewDate(2025, 6, 15)}, {From: model.NewDate(2026, 3, 1)},
		{To: model.NewDate(2024, 2, 29)}, {From: model.NewDate(2030, 1, 1), To: model.NewDate(2030, 12, 31)}}
	err = s.db.View(func(tx *bolt.Tx) error {
		base := s.db.Info().Data
		size := uintptr(s.db.Info().PageSize)
		for i, p := range ranges {
			leaves, depth := s.listPages(tx, model.KindPetition, p.From, p.To, func(*pageTree, []uint64) {})
			if depth < 3 {
				t.Fatalf("%v: a tree of %d levels: the test proves little", p, depth)
			}
			var read []uint64
			c := tx.Bucket(bList(model.KindPetition)).Cursor()
			hi := dateKey(p.To.AddDays(1))
			for k, v := c.Seek(dateKey(p.From)); k != nil && (p.To == 0 || string(k) < string(hi)); k, v = c.Next() {
				pg := uint64((uintptr(unsafe.Pointer(&v[0])) - base) / size)
				if len(read) == 0 || read[len(read)-1] != pg {
					read = append(read, pg)
				}
			}
			for _, pg := range read {
				if !slices.Contains(leaves, pg) {
					t.Errorf("%v: page %d holds rows of the range, not among the %d leaves found", p, pg, len(leaves))
				}
			}
			if len(leaves) > len(read)+2 {
				t.Errorf("%v: %d leaves found, the rows lie on %d", p, len(leaves), len(read))
			}
			if i == 0 && len(read) < 100 {
				t.Errorf("%v: rows on %d pages only: the test proves little", p, len(read))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Asked for, from a store that reads ahead, they come in (or were).
	s.Prefetch(model.KindPetition, ranges[0].From, ranges[0].To)
}
