package store

import (
	"bytes"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"gopy/model"
)

// Lists sorted by who (petitioner, source, host) and by reference page from
// an index of their own, like the others: key ‖ 0 ‖ date ‖ id. The who key
// is the name's Vietnamese collation key, which may itself hold zero bytes,
// so the walk finds date‖id as the key's last 20 bytes, not after the first
// zero.

// Both orders share one bucket per kind, told apart by the key's first
// byte: a save then dirties one tree's root instead of two, which kept it
// within the SPEC's "2× a bare commit".
func bSort(k model.Kind) []byte { return bIx(k) }

const (
	sortWho = 'w'
	sortRef = 'r'
)

// whoKey is 'w' ‖ SortKey(who) ‖ 0 ‖ date ‖ id. A confidential petition's
// Who is empty: it sorts first.
func whoKey(row *model.Row, id [16]byte) []byte {
	return append([]byte{sortWho}, prefixedKey(string(model.SortKey(row.Who)), row.Date, id)...)
}

// refKey is 'r' ‖ ref ‖ 0 ‖ date ‖ id.
func refKey(row *model.Row, id [16]byte) []byte {
	return append([]byte{sortRef}, prefixedKey(row.Ref, row.Date, id)...)
}

func putSortIndexes(tx *bolt.Tx, row *model.Row, id [16]byte) error {
	b := tx.Bucket(bSort(row.Kind))
	if err := b.Put(whoKey(row, id), nil); err != nil {
		return err
	}
	return b.Put(refKey(row, id), nil)
}

func deleteSortIndexes(tx *bolt.Tx, row *model.Row, id [16]byte) error {
	b := tx.Bucket(bSort(row.Kind))
	if err := b.Delete(whoKey(row, id)); err != nil {
		return err
	}
	return b.Delete(refKey(row, id))
}

// kCollation holds the collation key of a fixed probe, as the who index's
// keys were made: a newer golang.org/x/text may weigh letters otherwise,
// and keys made with the old weights would then not be found to delete.
// When the probe's key changes, the who index is made again.
var kCollation = []byte("collation/who")

// collationProbe holds the letters of Vietnamese names, with their tones.
const collationProbe = "Aa Ăă Ââ Bb Dd Đđ Ee Êê Ii Oo Ôô Ơơ Uu Ưư Yy àáảãạ ằắẳẵặ ầấẩẫậ ềếểễệ ồốổỗộ ờớởỡợ ừứửữự ỳýỷỹỵ 0-9"

func putCollation(tx *bolt.Tx) error {
	return tx.Bucket(bMeta).Put(kCollation, model.SortKey(collationProbe))
}

// addSortIndexes gives a database made before the who and reference
// indexes existed (or whose who keys were made by other collation weights)
// its two buckets per kind, filled from the list rows. The check is one
// read transaction: a database that has them opens without a write.
func (s *Store) addSortIndexes() error {
	var missing []model.Kind
	err := s.db.View(func(tx *bolt.Tx) error {
		stale := !bytes.Equal(tx.Bucket(bMeta).Get(kCollation), model.SortKey(collationProbe))
		for _, k := range model.Kinds {
			if stale || sortIndexesMissing(tx, k) {
				missing = append(missing, k)
			}
		}
		return nil
	})
	if err != nil || len(missing) == 0 {
		return err
	}
	err = s.db.Update(func(tx *bolt.Tx) error {
		for _, k := range missing {
			if err := fillSortIndexes(tx, k); err != nil {
				return err
			}
		}
		return putCollation(tx)
	})
	if err != nil {
		return fmt.Errorf("%s: add the who and reference indexes: %w", s.path, err)
	}
	return nil
}

// sortIndexesMissing: a bucket is absent, or empty while the kind has rows.
func sortIndexesMissing(tx *bolt.Tx, k model.Kind) bool {
	list := tx.Bucket(bList(k))
	hasRows := list != nil && firstKey(list) != nil
	for _, name := range [][]byte{bSort(k)} {
		b := tx.Bucket(name)
		if b == nil || hasRows && firstKey(b) == nil {
			return true
		}
	}
	return false
}

func firstKey(b *bolt.Bucket) []byte {
	k, _ := b.Cursor().First()
	return k
}

// fillSortIndexes makes a kind's who and reference indexes anew.
func fillSortIndexes(tx *bolt.Tx, k model.Kind) error {
	for _, name := range [][]byte{bSort(k)} {
		if tx.Bucket(name) != nil {
			if err := tx.DeleteBucket(name); err != nil {
				return fmt.Errorf("drop bucket %s: %w", name, err)
			}
		}
		b, err := tx.CreateBucket(name)
		if err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
		b.FillPercent = 0.9
	}
	list := tx.Bucket(bList(k))
	if list == nil {
		return nil
	}
	var row model.Row
	return list.ForEach(func(key, v []byte) error {
		if len(key) != 20 {
			return fmt.Errorf("%s: bad list key %x", bList(k), key)
		}
		if err := decodeRow(k, key, v, &row); err != nil {
			return err
		}
		var id [16]byte
		copy(id[:], key[4:])
		// The bucket holds every index of the kind: make them all.
		if err := tx.Bucket(bIx(k)).Put(statusKey(&row, id), nil); err != nil {
			return err
		}
		if due, ok := openDue(&row); ok {
			if err := tx.Bucket(bIx(k)).Put(dueKey(due, row.Date, id), nil); err != nil {
				return err
			}
		}
		return putSortIndexes(tx, &row, id)
	})
}
