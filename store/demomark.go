package store

import (
	"encoding/binary"

	bolt "go.etcd.io/bbolt"

	"gopy/model"
)

// kDemo counts the records `gopy demo` made, so that it can refuse a
// database holding anyone's real records.
var kDemo = []byte("demo/records")

// DemoRecords is how many records `gopy demo` added to this database.
func (s *Store) DemoRecords() int {
	n := 0
	_ = s.db.View(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bMeta).Get(kDemo); len(v) == 8 {
			n = int(binary.BigEndian.Uint64(v))
		}
		return nil
	})
	return n
}

// AddDemoRecords marks n more records as demo data.
func (s *Store) AddDemoRecords(n int) error {
	return s.update(func(tx *bolt.Tx) error { return addDemo(tx, n) })
}

// CreateDemoBatch is CreateBatch marking the records as demo data in the
// same transaction: a demo interrupted between two batches leaves a
// database whose records are all known as demo data (gopy demo may add
// to it again without --force).
func (s *Store) CreateDemoBatch(recs []model.Record, by string) error {
	return s.createBatch(recs, by, nil, func(tx *bolt.Tx) error { return addDemo(tx, len(recs)) })
}

func addDemo(tx *bolt.Tx, n int) error {
	m := tx.Bucket(bMeta)
	cur := uint64(0)
	if v := m.Get(kDemo); len(v) == 8 {
		cur = binary.BigEndian.Uint64(v)
	}
	return m.Put(kDemo, u64(cur+uint64(n)))
}

// AuditAs appends an entry naming user, for an event that happened while
// nobody was signed in on this file (a restore puts a new file in place).
func (s *Store) AuditAs(user, action, record, reason, detail string) error {
	return s.update(func(tx *bolt.Tx) error {
		return appendAudit(tx, s.now(), user, action, record, reason, detail)
	})
}
