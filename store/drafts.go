package store

import (
	bolt "go.etcd.io/bbolt"
)

// A draft is a form being typed, saved every few seconds so a power cut
// loses at most the last seconds of typing. The UI owns its encoding.

// SaveDraft stores (or replaces) the draft under key.
func (s *Store) SaveDraft(key string, data []byte) error {
	return s.update(func(tx *bolt.Tx) error {
		return tx.Bucket(bDrafts).Put([]byte(key), data)
	})
}

// DeleteDraft forgets a draft (after the form was saved or abandoned).
func (s *Store) DeleteDraft(key string) error {
	return s.update(func(tx *bolt.Tx) error {
		return tx.Bucket(bDrafts).Delete([]byte(key))
	})
}

// Drafts returns every saved draft by key.
func (s *Store) Drafts() (map[string][]byte, error) {
	out := map[string][]byte{}
	err := s.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bDrafts).ForEach(func(k, v []byte) error {
			out[string(k)] = append([]byte{}, v...)
			return nil
		})
	})
	return out, err
}
