package store

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Backup writes a consistent copy of the database to w from a read
// transaction: others keep working while it runs.
func (s *Store) Backup(w io.Writer) error {
	return s.db.View(func(tx *bolt.Tx) error {
		_, err := tx.WriteTo(w)
		return err
	})
}

// BackupFile writes a copy to path atomically (temp file, fsync, rename).
func (s *Store) BackupFile(path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".gopy-backup-*")
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := s.Backup(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("backup: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("backup: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	return nil
}

// BackupDir is where automatic backups of the database at path go.
func BackupDir(path string) string { return path + ".backups" }

// AutoBackup writes a dated backup when the newest is older than a day and
// keeps the newest `keep`. It returns the file written, or "".
func (s *Store) AutoBackup(keep int) (string, error) {
	dir := BackupDir(s.path)
	names, _ := filepath.Glob(filepath.Join(dir, "gopy-*.db"))
	sort.Strings(names)
	now := s.now()
	if n := len(names); n > 0 {
		if fi, err := os.Stat(names[n-1]); err == nil && now.Sub(fi.ModTime()) < 24*time.Hour {
			return "", nil
		}
	}
	name := filepath.Join(dir, "gopy-"+now.Format("20060102-150405")+".db")
	if err := s.BackupFile(name); err != nil {
		return "", err
	}
	// The age test above reads the file's time: stamp it by the store's
	// clock, the one it is compared with.
	if err := os.Chtimes(name, now, now); err != nil {
		return "", fmt.Errorf("backup: %w", err)
	}
	names = append(names, name)
	for len(names) > keep {
		os.Remove(names[0])
		names = names[1:]
	}
	return name, nil
}

// Restore replaces the database at dst with the backup src, after checking
// that src is a sound gopy database this build can read. The current file
// is kept beside it as dst.before-restore. dst must not be in use.
func Restore(src, dst string) error {
	if abs(src) == abs(dst) {
		return fmt.Errorf("restore: the backup is the database itself")
	}
	in, err := Open(src, Options{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("restore from %s: %w", src, err)
	}
	problems, err := in.Check()
	if err == nil && len(problems) > 0 {
		err = fmt.Errorf("%s", strings.Join(problems, "; "))
	}
	if err != nil {
		in.Close()
		return fmt.Errorf("restore from %s: backup is damaged: %w", src, err)
	}
	tmp := dst + ".restoring"
	err = in.BackupFile(tmp)
	in.Close()
	if err != nil {
		return err
	}
	if _, err := os.Stat(dst); err == nil {
		// Take the lock to be sure no gopy is using dst, then keep it aside.
		cur, err := Open(dst, Options{})
		if err != nil {
			os.Remove(tmp)
			return err
		}
		err = cur.BackupFile(dst + ".before-restore")
		cur.Close()
		if err != nil {
			os.Remove(tmp)
			return err
		}
	}
	if err := os.Rename(tmp, dst); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("restore: %w", err)
	}
	return nil
}

func abs(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	return a
}
