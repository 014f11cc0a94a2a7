package store

import (
	"fmt"
	"os"
	"unsafe"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/sys/unix"
)

// releaseMapped tells the kernel this process no longer needs the pages of
// the database file it has read: a search or report that walked a million
// rows otherwise keeps them all counted as resident. The pages stay in the
// page cache; the next read maps them again. bbolt writes with pwrite, never
// through the map, so dropping it is safe at any time.
//
// It runs inside a read transaction: that holds bbolt's map lock, so the
// map cannot be moved (grown by a commit) while we advise on it. DB.Info
// is the only way bbolt gives the map's address; it is read under that
// lock and used for nothing else. When the kernel refuses the advice the
// release is turned off for this Store: it only saves memory, and a
// refusal will not change on the next try.
func (s *Store) releaseMapped() {
	if s.noRelease.Load() {
		return
	}
	if err := s.db.View(func(*bolt.Tx) error { return s.adviseDontNeed() }); err != nil {
		s.noRelease.Store(true)
	}
}

func (s *Store) adviseDontNeed() error {
	info := s.db.Info()
	fi, err := os.Stat(s.path)
	if err != nil {
		return err
	}
	if info.Data == 0 || fi.Size() == 0 {
		return nil
	}
	// The map is not Go memory: its address is an offset from nil, not a
	// uintptr turned back into a pointer the collector might have moved.
	mapped := unsafe.Slice((*byte)(unsafe.Add(nil, info.Data)), fi.Size())
	if err := unix.Madvise(mapped, unix.MADV_DONTNEED); err != nil {
		return fmt.Errorf("madvise %s: %w", s.path, err)
	}
	return nil
}
