package store

import bolt "go.etcd.io/bbolt"

// BoltDB exposes the handle to the external tests and benchmarks that
// compare the store with bare bbolt.
func BoltDB(s *Store) *bolt.DB { return s.db }
