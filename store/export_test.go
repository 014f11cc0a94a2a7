package store

import (
	"bytes"
	"encoding/json"
	"os"

	bolt "go.etcd.io/bbolt"

	"gopy/model"
)

// BoltDB exposes the handle to the external tests and benchmarks that
// compare the store with bare bbolt.
func BoltDB(s *Store) *bolt.DB { return s.db }

// RecordJSON is a stored record value (packed or not) as its JSON.
func RecordJSON(id, v []byte) ([]byte, error) { return recordJSON(id, v) }

// OneByOne makes CreateBatch create record by record, as for a few, until
// the returned func is called.
func OneByOne() (restore func()) {
	old := bulkAbove
	bulkAbove = 1 << 30
	return func() { bulkAbove = old }
}

// AsSchema4 rewrites the database at path as schema 4 left it: every
// record and history entry as its JSON, search texts' fields joined by
// " \x00 " (what the 4 → 5 migration rewrites).
func AsSchema4(path string) error {
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		return err
	}
	defer db.Close()
	return db.Update(func(tx *bolt.Tx) error {
		names := [][]byte{bHistory}
		for _, k := range model.Kinds {
			names = append(names, bRec(k))
		}
		for _, name := range names {
			b := tx.Bucket(name)
			var keys, vals [][]byte
			err := b.ForEach(func(key, v []byte) error {
				var js []byte
				var err error
				if isRecordKey(key) {
					js, err = recordJSON(key, v)
				} else {
					var ch model.Change
					if ch, _, err = decodeChange(v); err == nil {
						js, err = json.Marshal(ch)
					}
				}
				keys, vals = append(keys, bytes.Clone(key)), append(vals, js)
				return err
			})
			if err != nil {
				return err
			}
			for i := range keys {
				if err := b.Put(keys[i], vals[i]); err != nil {
					return err
				}
			}
		}
		for _, k := range model.Kinds {
			b := tx.Bucket(bFold(k))
			var keys, vals [][]byte
			b.ForEach(func(key, v []byte) error {
				keys = append(keys, bytes.Clone(key))
				vals = append(vals, bytes.ReplaceAll(v, []byte{0}, []byte(" \x00 ")))
				return nil
			})
			for i := range keys {
				if err := b.Put(keys[i], vals[i]); err != nil {
					return err
				}
			}
		}
		return tx.Bucket(bMeta).Put(kSchema, schemaBytes(4))
	})
}

// CrashMigrationAt makes this process exit (as if killed) at the n-th
// time a migration reaches stage (see migrateStage), committing the
// migration's copy every txBytes.
func CrashMigrationAt(stage string, n, txBytes int) {
	rewriteTxBytes = txBytes
	seen := 0
	migrateStage = func(at string) {
		if at == stage {
			if seen++; seen == n {
				os.Exit(7)
			}
		}
	}
}

// HeldTxKeys makes a Load write its held-back entries n to a transaction,
// until the returned func is called.
func HeldTxKeys(n int) (restore func()) {
	old := heldTxKeys
	heldTxKeys = n
	return func() { heldTxKeys = old }
}

// PackRecord and RecDict: the record packing, for the packing tests.
func PackRecord(id, js []byte) []byte { return packRecord(id, js) }

var RecDict = recDict

// HeldMax makes a Load write what it holds once it holds n records' who
// keys, until the returned func is called.
func HeldMax(n int) (restore func()) {
	old := heldMax
	heldMax = n
	return func() { heldMax = old }
}
