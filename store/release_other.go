//go:build !linux

package store

// releaseMapped is a no-op where madvise is not available: Windows trims
// a process's working set by itself under memory pressure.
func (s *Store) releaseMapped() {}

// releaseHeld is releaseMapped inside a read transaction.
func (s *Store) releaseHeld() {}

// readAhead is the kernel's default here.
func (s *Store) readAhead() {}

// fileResident cannot be known here.
func fileResident() (int64, bool) { return 0, false }
