package store

import (
	"os"
	"syscall"

	bolt "go.etcd.io/bbolt"
)

// releaseMapped tells the kernel this process no longer needs the pages of
// the database file it has read: a search or report that walked a million
// rows otherwise keeps them all counted as resident. The pages stay in the
// page cache; the next read maps them again. bbolt writes with pwrite, never
// through the map, so dropping it is safe at any time.
//
// It runs inside a read transaction: that holds bbolt's map lock, so the
// map cannot be moved (grown by a commit) while we advise on it.
func (s *Store) releaseMapped() {
	s.db.View(func(tx *bolt.Tx) error {
		info := s.db.Info()
		fi, err := os.Stat(s.path)
		if err != nil || info.Data == 0 {
			return nil
		}
		syscall.Syscall(syscall.SYS_MADVISE, info.Data, uintptr(fi.Size()), uintptr(syscall.MADV_DONTNEED))
		return nil
	})
}
