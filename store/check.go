package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"runtime/debug"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"gopy/model"
)

const maxProblems = 50

// ixNames name the indexes of an ix bucket by their keys' first byte.
var ixNames = map[byte]string{ixStatus: "status", ixDue: "deadline", sortWho: "who", sortRef: "reference", ixUnique: "unique reference"}

// Check verifies bbolt's own page structure, then that every index entry
// matches its record and no index holds an entry without one. It returns
// the problems found (empty when the database is sound).
func (s *Store) Check() (problems []string, err error) {
	// A damaged page can make bbolt panic, or fault reading the map: that
	// is a finding, not a crash.
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			problems = append(problems, fmt.Sprintf("damaged page: %v", r))
			err = nil
		}
	}()
	add := func(format string, a ...any) {
		if len(problems) < maxProblems {
			problems = append(problems, fmt.Sprintf(format, a...))
		}
	}
	err = s.db.View(func(tx *bolt.Tx) error {
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
		if hasHeld(tx) {
			add("a bulk load was stopped before writing its who index keys and links (open the database to write, or gopy check --repair)")
		}
		links := 0
		for _, k := range model.Kinds {
			var n, ixN int
			perWard := map[string]int{}
			// A database made before the unique-reference keys gets them at
			// its next read-write open; read-only, it is not damaged.
			legacy := !hasUniqKeys(tx, k)
			err := tx.Bucket(bRec(k)).ForEach(func(key, v []byte) error {
				if !isRecordKey(key) {
					// A history entry (id ‖ seq) outlives its record only
					// when the record was deleted: its tombstone is kept.
					if len(key) != 24 || tx.Bucket(bRec(k)).Get(key[:16]) == nil && tx.Bucket(bDeleted).Get(key[:16]) == nil {
						add("%s: stray key %x", k, key)
						return nil
					}
					// Export reads every history entry: so does Check.
					if _, valid, err := decodeChange(v); err != nil {
						add("%s %s: history entry %d cannot be read: %v", k, model.IDString(key[:16]), binary.BigEndian.Uint64(key[16:]), err)
					} else if !valid {
						add("%s %s: invalid UTF-8 in history entry %d (gopy check --repair)", k, model.IDString(key[:16]), binary.BigEndian.Uint64(key[16:]))
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
				if js, _ := recordJSON(key, v); !utf8.Valid(js) {
					add("%s %s: invalid UTF-8 in the record (gopy check --repair)", k, ref)
				}
				if got := tx.Bucket(bList(k)).Get(rk); got != nil && !rowValidUTF8(k, rk, got) {
					add("%s %s: invalid UTF-8 in the list row (gopy check --repair)", k, ref)
				} else if !bytes.Equal(got, encodeRow(&row)) {
					add("%s %s: list row missing or stale", k, ref)
				}
				if got := tx.Bucket(bFold(k)).Get(rk); !bytes.Equal(got, []byte(row.Fold)) {
					add("%s %s: search text missing or stale", k, ref)
				}
				for _, key := range ixKeys(&row, id) {
					if key[0] == ixUnique && legacy {
						continue
					}
					ixN++
					if tx.Bucket(bIx(k)).Get(key) == nil {
						add("%s %s: %s index missing", k, ref, ixNames[key[0]])
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
			}{{bList(k), n}, {bFold(k), n}, {bIx(k), ixN}} {
				if got := tx.Bucket(ix.b).Stats().KeyN; got != ix.want {
					add("index %s has %d entries for %d records", ix.b, got, ix.want)
				}
			}
			// Two records of a ward holding one reference are neighbours
			// in the unique-reference keys.
			var prev []byte
			c0 := tx.Bucket(bIx(k)).Cursor()
			for key, _ := c0.Seek([]byte{ixUnique}); key != nil && key[0] == ixUnique; key, _ = c0.Next() {
				if len(key) < 21 {
					continue
				}
				head := key[:len(key)-20]
				if prev != nil && bytes.Equal(prev, head) {
					ward, ref, _ := bytes.Cut(bytes.TrimSuffix(head[1:], []byte{0}), []byte{0})
					add("%s %s: reference used twice in ward %s", k, ref, ward)
				}
				prev = append(prev[:0], head...)
			}
			stored := int64(0)
			if v := tx.Bucket(bMeta).Get(kCount(k)); len(v) == 8 {
				stored = int64(binary.BigEndian.Uint64(v))
			}
			prefix := kWardCount(k, "")
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
		if _, err := loadSettings(tx); err != nil {
			add("settings cannot be read: %v", err)
		}
		tx.Bucket(bDeleted).ForEach(func(k, v []byte) error {
			var t Tombstone
			if len(k) != 16 || json.Unmarshal(v, &t) != nil {
				add("deletion record %x cannot be read", k)
			}
			return nil
		})
		if got := tx.Bucket(bLinks).Stats().KeyN; got != links {
			add("links index has %d entries for %d linked petitions", got, links)
		}
		return nil
	})
	return problems, err
}

// rowValidUTF8 reports whether a list row's texts are valid UTF-8 (a row
// that does not decode is left to the comparison with its record).
func rowValidUTF8(k model.Kind, key, val []byte) bool {
	var r model.Row
	if decodeRow(k, key, val, &r) != nil {
		return true
	}
	for _, t := range []string{r.Ref, r.Ward, r.Status, r.Sub, r.Who, r.Title, r.Assignee, r.ParentID,
		string(r.Form), string(r.Target), string(r.Channel), string(r.Handling)} {
		if !utf8.ValidString(t) {
			return false
		}
	}
	return true
}
