package store

import (
	"fmt"
	"os"
	"sync"
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
	s.db.View(func(*bolt.Tx) error {
		s.releaseHeld()
		return nil
	})
}

// releaseHeld is releaseMapped for a caller inside a read transaction
// (a long walk, as it goes): the transaction it holds keeps the map where
// it is.
func (s *Store) releaseHeld() {
	if s.noRelease.Load() {
		return
	}
	if err := s.adviseDontNeed(); err != nil {
		s.noRelease.Store(true)
	}
}

func (s *Store) adviseDontNeed() error {
	mapped := s.mapped()
	if mapped == nil {
		return nil
	}
	if err := unix.Madvise(mapped, unix.MADV_DONTNEED); err != nil {
		return fmt.Errorf("madvise %s: %w", s.path, err)
	}
	return nil
}

// readAhead turns the kernel's read-ahead back on for the map (see
// Options.ReadAhead). A refusal only costs speed.
func (s *Store) readAhead() {
	s.db.View(func(*bolt.Tx) error {
		if m := s.mapped(); m != nil {
			unix.Madvise(m, unix.MADV_NORMAL)
		}
		return nil
	})
}

// mapped is the database file's map (nil: none, or the file is gone). The
// caller holds a transaction, so the map stays where it is.
func (s *Store) mapped() []byte {
	info := s.db.Info()
	fi, err := os.Stat(s.path)
	if err != nil || info.Data == 0 || fi.Size() == 0 {
		return nil
	}
	// The map is not Go memory: its address is an offset from nil, not a
	// uintptr turned back into a pointer the collector might have moved.
	return unsafe.Slice((*byte)(unsafe.Add(nil, info.Data)), fi.Size())
}

// fileResident is how many bytes of mapped files the process holds in
// memory: the third field of /proc/self/statm (file-backed and shared
// pages; gopy maps only its database). A walk asks every few hundred keys,
// so the file stays open and each ask is one pread, parsed without
// allocating, not the open, poller registration, reads and close of
// os.ReadFile (a tenth of a short count's time, and of a year's report).
func fileResident() (int64, bool) {
	fd, ok := statmFD()
	if !ok {
		return 0, false
	}
	var buf [128]byte
	n, err := unix.Pread(fd, buf[:], 0)
	if err != nil || n <= 0 {
		return 0, false
	}
	field, pages, digits := 0, int64(0), 0
	for _, c := range buf[:n] {
		switch {
		case c == ' ' || c == '\n':
			if field == 2 {
				return pages * int64(os.Getpagesize()), digits > 0
			}
			field++
		case field == 2 && c >= '0' && c <= '9':
			pages = pages*10 + int64(c-'0')
			digits++
		case field == 2:
			return 0, false
		}
	}
	return 0, false
}

// statmFD is /proc/self/statm, opened once for the life of the process.
var statmFD = sync.OnceValues(func() (int, bool) {
	fd, err := unix.Open("/proc/self/statm", unix.O_RDONLY|unix.O_CLOEXEC, 0)
	return fd, err == nil
})
