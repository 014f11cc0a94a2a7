package store

import (
	"fmt"
	"os"

	bolt "go.etcd.io/bbolt"
)

// CompactTo writes the database into a fresh file at path with bbolt's
// compaction: only live pages are copied, so bytes of erased or sealed
// data left on freed pages do not come along.
func (s *Store) CompactTo(path string) error {
	dst, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		return fmt.Errorf("compact: %w", err)
	}
	if err := bolt.Compact(dst, s.db, 64<<20); err != nil {
		dst.Close()
		os.Remove(path)
		return fmt.Errorf("compact: %w", err)
	}
	if err := dst.Sync(); err != nil {
		dst.Close()
		return fmt.Errorf("compact: %w", err)
	}
	return dst.Close()
}

// Compact rewrites the database at path into a fresh file and puts it in
// its place (gopy compact). The store must not be open elsewhere.
func Compact(path string, opt Options) (before, after int64, err error) {
	s, err := Open(path, opt)
	if err != nil {
		return 0, 0, err
	}
	if fi, err := os.Stat(path); err == nil {
		before = fi.Size()
	}
	tmp := path + ".compacting"
	os.Remove(tmp)
	err = s.CompactTo(tmp)
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return 0, 0, err
	}
	if err := os.Rename(tmp, path); err != nil {
		return 0, 0, fmt.Errorf("compact: %w", err)
	}
	if fi, err := os.Stat(path); err == nil {
		after = fi.Size()
	}
	return before, after, nil
}
