package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
)

// ErrProtectedOutput marks an output path that would overwrite the
// database or what keeps it safe.
var ErrProtectedOutput = errors.New("output would overwrite the database")

// OutputError says why an output path is refused; Key is a catalog key.
type OutputError struct {
	Path string
	Key  string
}

func (e *OutputError) Error() string {
	return e.Path + ": " + ErrProtectedOutput.Error() + " (" + e.Key + ")"
}
func (e *OutputError) Is(t error) bool { return t == ErrProtectedOutput }

// CheckOutput refuses an export, report or register path that is the
// database at dbPath (by name, link or the same file), a file beside it
// that gopy keeps (its backups folder, the copies a restore or migration
// leaves), or any bbolt database: a report written there would replace
// what it was made from.
func CheckOutput(dbPath, out string) error {
	refuse := func(key string) error { return &OutputError{Path: out, Key: key} }
	db, o := canonical(dbPath), canonical(out)
	if o == db {
		return refuse("err.out.database")
	}
	if fo, err := os.Stat(out); err == nil {
		if fd, err := os.Stat(dbPath); err == nil && os.SameFile(fo, fd) {
			return refuse("err.out.database")
		}
	}
	if o == canonical(BackupDir(dbPath)) || strings.HasPrefix(o, canonical(BackupDir(dbPath))+string(filepath.Separator)) {
		return refuse("err.out.backups")
	}
	if strings.HasPrefix(o, db+".") {
		return refuse("err.out.beside")
	}
	if isBolt(out) {
		return refuse("err.out.bolt")
	}
	return nil
}

// BackupTarget is CheckOutput for a backup, which belongs in the backups
// folder and may replace an older backup, but never the database.
func BackupTarget(dbPath, out string) error {
	err := CheckOutput(dbPath, out)
	var oe *OutputError
	if errors.As(err, &oe) && (oe.Key == "err.out.backups" || oe.Key == "err.out.bolt") {
		return nil
	}
	return err
}

// canonical is p absolute, with the links of its folder resolved (the
// file itself may not exist yet).
func canonical(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	if r, err := filepath.EvalSymlinks(a); err == nil {
		return r
	}
	dir, base := filepath.Split(a)
	if r, err := filepath.EvalSymlinks(dir); err == nil {
		return filepath.Join(r, base)
	}
	return a
}

// isBolt reports whether the file at path starts with a valid bbolt meta
// page (at any page size: the first meta page is at offset 0).
func isBolt(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	_, ok := readMeta(f, 0)
	return ok
}
