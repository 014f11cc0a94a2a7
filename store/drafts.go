package store

import (
	bolt "go.etcd.io/bbolt"
)

// A draft is a form being typed, saved every few seconds so a power cut
// loses at most the last seconds of typing. The UI owns its encoding.

// SaveDraft stores (or replaces) the draft under key. A signed-in user's
// drafts are theirs alone, sealed under their own key: a draft of a
// confidential petition's form holds its identity.
func (s *Store) SaveDraft(key string, data []byte) error {
	sealed := s.sealDraft(key, data)
	return s.update(func(tx *bolt.Tx) error {
		return tx.Bucket(bDrafts).Put(s.draftKey(key), sealed)
	})
}

// DeleteDraft forgets a draft (after the form was saved or abandoned).
func (s *Store) DeleteDraft(key string) error {
	return s.update(func(tx *bolt.Tx) error {
		return tx.Bucket(bDrafts).Delete(s.draftKey(key))
	})
}

// Drafts returns the signed-in user's saved drafts by key.
func (s *Store) Drafts() (map[string][]byte, error) {
	out := map[string][]byte{}
	err := s.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bDrafts).ForEach(func(k, v []byte) error {
			out[string(k)] = append([]byte{}, v...)
			return nil
		})
	})
	return s.openDrafts(out), err
}
