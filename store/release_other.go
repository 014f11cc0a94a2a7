//go:build !linux

package store

import "gopy/model"

// releaseMapped is a no-op where madvise is not available: Windows trims
// a process's working set by itself under memory pressure.
func (s *Store) releaseMapped() {}

// releaseHeld is releaseMapped inside a read transaction.
func (s *Store) releaseHeld() {}

// Prefetch is left to the system here.
func (s *Store) Prefetch(k model.Kind, from, to model.Date) {}

// readAhead is the kernel's default here.
func (s *Store) readAhead() {}

// fileResident cannot be known here.
func fileResident() (int64, bool) { return 0, false }
