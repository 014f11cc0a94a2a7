package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"gopy/model"
)

// Repair rebuilds every list row, search text, index, link and count from
// the records themselves, in one transaction, and rewrites records and
// history entries that hold invalid UTF-8 with U+FFFD in place of the bad
// bytes. It returns what it changed, one line per record, naming it. A
// record that cannot be read at all is named and left as it is: restore
// it from a backup.
func (s *Store) Repair() ([]string, error) {
	var notes []string
	err := s.update(func(tx *bolt.Tx) error {
		notes = nil
		for _, name := range append([][]byte{bLinks}, kindIndexBuckets()...) {
			if tx.Bucket(name) == nil {
				if _, err := tx.CreateBucket(name); err != nil {
					return err
				}
			}
		}
		if err := clearCounts(tx); err != nil {
			return err
		}
		if err := recreate(tx, bLinks); err != nil {
			return err
		}
		for _, k := range model.Kinds {
			badRows := map[[16]byte]bool{}
			tx.Bucket(bList(k)).ForEach(func(key, v []byte) error {
				if len(key) == 20 && !rowValidUTF8(k, key, v) {
					var id [16]byte
					copy(id[:], key[4:])
					badRows[id] = true
				}
				return nil
			})
			for _, b := range [][]byte{bList(k), bFold(k), bIx(k)} {
				if err := recreate(tx, b); err != nil {
					return err
				}
			}
			type fix struct {
				key, val []byte
			}
			var fixes []fix
			var recs []model.Record
			var ids [][16]byte
			c := tx.Bucket(bRec(k)).Cursor()
			for key, v := c.First(); key != nil; key, v = c.Next() {
				if !isRecordKey(key) {
					if ch, valid, err := decodeChange(v); len(key) == 24 && err == nil && !valid {
						nv, err := encodeChange(ch)
						if err != nil {
							return err
						}
						fixes = append(fixes, fix{bytes.Clone(key), nv})
						notes = append(notes, fmt.Sprintf("%s %s: history entry %d: invalid bytes replaced by U+FFFD",
							k, model.IDString(key[:16]), binary.BigEndian.Uint64(key[16:])))
					}
					continue
				}
				var id [16]byte
				copy(id[:], key)
				rec := newRecord(k)
				js, err := recordJSON(key, v)
				if err == nil {
					err = json.Unmarshal(js, rec)
				}
				if err != nil {
					notes = append(notes, fmt.Sprintf("%s %s: cannot be read (%v): restore it from a backup", k, model.IDString(key), err))
					continue
				}
				if !utf8.Valid(js) || badRows[id] {
					nv, err := json.Marshal(rec)
					if err != nil {
						return err
					}
					fixes = append(fixes, fix{bytes.Clone(key), packRecord(key, nv)})
					notes = append(notes, fmt.Sprintf("%s %s: invalid bytes replaced by U+FFFD", k, rec.GetMeta().Ref))
				}
				recs = append(recs, rec)
				ids = append(ids, id)
			}
			for _, f := range fixes {
				if err := tx.Bucket(bRec(k)).Put(f.key, f.val); err != nil {
					return err
				}
			}
			for i, rec := range recs {
				row := model.RowOf(rec)
				if err := putIndexes(tx, &row, ids[i]); err != nil {
					return err
				}
				if err := addCount(tx, k, row.Ward, 1); err != nil {
					return err
				}
			}
		}
		// Whatever a stopped bulk load held back is written now.
		if err := tx.Bucket(bMeta).Delete(kHeld); err != nil {
			return err
		}
		return putCollation(tx)
	})
	return notes, err
}

func kindIndexBuckets() [][]byte {
	var out [][]byte
	for _, k := range model.Kinds {
		out = append(out, bList(k), bFold(k), bIx(k))
	}
	return out
}

// recreate empties a bucket by making it anew.
func recreate(tx *bolt.Tx, name []byte) error {
	if err := tx.DeleteBucket(name); err != nil {
		return fmt.Errorf("drop bucket %s: %w", name, err)
	}
	b, err := tx.CreateBucket(name)
	if err != nil {
		return fmt.Errorf("create bucket %s: %w", name, err)
	}
	b.FillPercent = 0.9
	return nil
}

// clearCounts removes every record count from meta (Repair counts anew).
func clearCounts(tx *bolt.Tx) error {
	m := tx.Bucket(bMeta)
	var keys [][]byte
	for _, k := range model.Kinds {
		for _, prefix := range [][]byte{kCount(k), kWardCount(k, "")} {
			c := m.Cursor()
			for key, _ := c.Seek(prefix); key != nil && bytes.HasPrefix(key, prefix); key, _ = c.Next() {
				keys = append(keys, bytes.Clone(key))
			}
		}
	}
	for _, key := range keys {
		if err := m.Delete(key); err != nil {
			return err
		}
	}
	for _, k := range model.Kinds {
		if err := m.Put(kCount(k), make([]byte, 8)); err != nil {
			return err
		}
	}
	return nil
}
