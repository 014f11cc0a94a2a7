package store

import (
	"bytes"
	"encoding/binary"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"gopy/model"
)

const maxProblems = 50

// Check verifies bbolt's own page structure, then that every index entry
// matches its record and no index holds an entry without one. It returns
// the problems found (empty when the database is sound).
func (s *Store) Check() ([]string, error) {
	var problems []string
	add := func(format string, a ...any) {
		if len(problems) < maxProblems {
			problems = append(problems, fmt.Sprintf(format, a...))
		}
	}
	err := s.db.View(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			add("bbolt: %v", err)
		}
		for _, b := range allBuckets() {
			if tx.Bucket(b) == nil {
				add("bucket %s missing", b)
			}
		}
		if len(problems) > 0 {
			return nil
		}
		links := 0
		for _, k := range model.Kinds {
			var n, dues int
			perWard := map[string]int{}
			err := tx.Bucket(bRec(k)).ForEach(func(key, v []byte) error {
				if !isRecordKey(key) {
					if len(key) != 24 || tx.Bucket(bRec(k)).Get(key[:16]) == nil && !deletedOrHistoryOnly(tx, key[:16]) {
						add("%s: stray key %x", k, key)
					}
					return nil
				}
				n++
				var id [16]byte
				copy(id[:], key)
				rec, err := getRecord(tx, k, id)
				if err != nil {
					add("%s %s: %v", k, model.IDString(key), err)
					return nil
				}
				row := model.RowOf(rec)
				perWard[row.Ward]++
				ref := row.Ref
				rk := rowKey(row.Date, id)
				if got := tx.Bucket(bList(k)).Get(rk); !bytes.Equal(got, encodeRow(&row)) {
					add("%s %s: list row missing or stale", k, ref)
				}
				if got := tx.Bucket(bFold(k)).Get(rk); !bytes.Equal(got, []byte(row.Fold)) {
					add("%s %s: search text missing or stale", k, ref)
				}
				if tx.Bucket(bStatus(k)).Get(statusKey(&row, id)) == nil {
					add("%s %s: status index missing", k, ref)
				}
				if tx.Bucket(bSort(k)).Get(whoKey(&row, id)) == nil {
					add("%s %s: who index missing", k, ref)
				}
				if tx.Bucket(bSort(k)).Get(refKey(&row, id)) == nil {
					add("%s %s: reference index missing", k, ref)
				}
				if due, ok := openDue(&row); ok {
					dues++
					if tx.Bucket(bDue(k)).Get(dueKey(due, row.Date, id)) == nil {
						add("%s %s: deadline index missing", k, ref)
					}
				}
				if row.ParentID != "" {
					if pid, err := model.ParseID(row.ParentID); err == nil {
						links++
						if tx.Bucket(bLinks).Get(append(pid[:], id[:]...)) == nil {
							add("%s %s: link to %s missing", k, ref, row.ParentID)
						}
					}
				}
				return nil
			})
			if err != nil {
				return err
			}
			for _, ix := range []struct {
				b    []byte
				want int
			}{{bList(k), n}, {bFold(k), n}, {bIx(k), n + dues + 2*n}} {
				if got := tx.Bucket(ix.b).Stats().KeyN; got != ix.want {
					add("index %s has %d entries for %d records", ix.b, got, ix.want)
				}
			}
			stored := int64(0)
			if v := tx.Bucket(bMeta).Get(kCount(k)); len(v) == 8 {
				stored = int64(binary.BigEndian.Uint64(v))
			}
			prefix := []byte("wardcount/" + string(k) + "/")
			c := tx.Bucket(bMeta).Cursor()
			for key, v := c.Seek(prefix); key != nil && bytes.HasPrefix(key, prefix); key, v = c.Next() {
				ward := string(key[len(prefix):])
				if len(v) != 8 || int(binary.BigEndian.Uint64(v)) != perWard[ward] {
					add("count of %s in ward %s is wrong (records: %d)", k, ward, perWard[ward])
				}
				delete(perWard, ward)
			}
			for ward, n := range perWard {
				add("no count of %s in ward %s (records: %d)", k, ward, n)
			}
			if stored != int64(n) {
				add("count of %s is %d, records are %d", k, stored, n)
			}
		}
		if got := tx.Bucket(bLinks).Stats().KeyN; got != links {
			add("links index has %d entries for %d linked petitions", got, links)
		}
		return nil
	})
	return problems, err
}

// deletedOrHistoryOnly: history entries may outlive their record, which
// was deleted (its tombstone is kept).
func deletedOrHistoryOnly(tx *bolt.Tx, id []byte) bool {
	return tx.Bucket(bDeleted).Get(id) != nil
}
