package store

import (
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"
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
//
// It is never longer than the map itself: bbolt grows the file 16 MB
// beyond what it needs but maps it in steps (1 GB ones past 1 GB), so the
// file can be longer than its map, and advice past the map's end would
// fall on whatever the process has mapped there — the Go heap, zeroed
// under the collector's feet ("span has no free objects" at 1M demo
// records).
func (s *Store) mapped() []byte {
	info := s.db.Info()
	fi, err := os.Stat(s.path)
	if err != nil || info.Data == 0 || fi.Size() == 0 {
		return nil
	}
	maps, err := os.ReadFile("/proc/self/maps")
	if err != nil {
		return nil
	}
	n := min(fi.Size(), mapLen(maps, info.Data))
	if n <= 0 {
		return nil
	}
	// The map is not Go memory: its address is an offset from nil, not a
	// uintptr turned back into a pointer the collector might have moved.
	return unsafe.Slice((*byte)(unsafe.Add(nil, info.Data)), n)
}

// mapLen is the length of the mapping that starts at addr in maps (the
// text of /proc/self/maps), with the mappings of the same file right
// after it (the kernel may split one map in several areas); 0 when no
// mapping starts there.
func mapLen(maps []byte, addr uintptr) int64 {
	var end uint64
	var file string
	for line := range bytes.Lines(maps) {
		f := strings.Fields(string(line))
		if len(f) < 5 {
			continue
		}
		lo, hi, ok := strings.Cut(f[0], "-")
		if !ok {
			continue
		}
		start, err1 := strconv.ParseUint(lo, 16, 64)
		stop, err2 := strconv.ParseUint(hi, 16, 64)
		if err1 != nil || err2 != nil {
			continue
		}
		name := f[3] + " " + f[4] // device and inode
		switch {
		case end == 0 && start == uint64(addr):
			end, file = stop, name
		case end != 0 && start == end && name == file:
			end = stop
		case end != 0:
			return int64(end - uint64(addr))
		}
	}
	if end == 0 {
		return 0
	}
	return int64(end - uint64(addr))
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
