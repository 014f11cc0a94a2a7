package store

import (
	"errors"
	"fmt"
	"os"
	"runtime/debug"

	bolt "go.etcd.io/bbolt"
)

// ErrReplaced: the database file was deleted, moved or replaced (another
// file under its name: a restore, a copy, a report written over it) while
// this process had it open. bbolt would go on writing into the old file,
// which nobody will read again: every save would be lost.
var ErrReplaced = errors.New("the database file was replaced or deleted while open")

// Replaced reports whether the file at the store's path is no longer the
// one it opened (device and inode, or the Windows file index).
func (s *Store) Replaced() error {
	if s.opened == nil {
		return nil
	}
	fi, err := os.Stat(s.path)
	if err != nil || !os.SameFile(fi, s.opened) {
		return fmt.Errorf("%s: %w", s.path, ErrReplaced)
	}
	return nil
}

// update runs a write transaction on the file the store opened, and
// refuses when that file is no longer the database at its path.
func (s *Store) update(fn func(tx *bolt.Tx) error) (err error) {
	if err := s.Replaced(); err != nil {
		return err
	}
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: %w (%v)", s.path, ErrDamaged, r)
		}
	}()
	return s.db.Update(fn)
}

// ErrDamaged: a read met a damaged page of the database file.
var ErrDamaged = errors.New("the database is damaged")

// view runs a read transaction; a damaged page that makes bbolt panic (an
// assertion on a page header) or the mapped file fault becomes ErrDamaged
// instead of ending the process — in whatever goroutine the read runs.
func (s *Store) view(fn func(tx *bolt.Tx) error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: %w (%v)", s.path, ErrDamaged, r)
		}
	}()
	return s.db.View(fn)
}
