package store

import bolt "go.etcd.io/bbolt"

// BoltDB exposes the handle to the external tests and benchmarks that
// compare the store with bare bbolt.
func BoltDB(s *Store) *bolt.DB { return s.db }

// OneByOne makes CreateBatch create record by record, as for a few, until
// the returned func is called.
func OneByOne() (restore func()) {
	old := bulkAbove
	bulkAbove = 1 << 30
	return func() { bulkAbove = old }
}
