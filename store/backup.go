package store

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"gopy/model"
)

// Backup writes a consistent copy of the database to w from a read
// transaction: others keep working while it runs.
func (s *Store) Backup(w io.Writer) error {
	return s.view(func(tx *bolt.Tx) error {
		_, err := tx.WriteTo(w)
		return err
	})
}

// BackupFile writes a copy to path atomically (temp file, fsync, rename).
// A path ending in .gz gets a compressed copy (gopy restore reads both).
func (s *Store) BackupFile(path string) error {
	if strings.HasSuffix(path, gzExt) {
		return s.backupGzip(path)
	}
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

// AutoBackupResult says what AutoBackup did and what the automatic
// backups now take.
type AutoBackupResult struct {
	Written string // the file written, "" when the newest is less than a day old
	Kept    int    // automatic backups kept
	Bytes   int64  // their size together
	// OverBudget: the newest backup alone is larger than the size budget;
	// it is kept anyway (a backup that does not fit is still a backup),
	// and it is the only one kept.
	OverBudget  bool
	NewestBytes int64
}

// AutoBackup writes a dated, compressed backup when the newest is older
// than a day, then prunes: it keeps the newest keep.Daily and, older, the
// newest of each of keep.Weekly weeks (see backup_compress.go), and while
// those take more than keep.BudgetMB together it deletes the oldest of
// them, never the newest. Pruning runs at every call, so a smaller budget
// or count takes effect at the next start, not only the next day.
func (s *Store) AutoBackup(keep model.Backups) (AutoBackupResult, error) {
	var res AutoBackupResult
	if keep.Daily <= 0 {
		keep = model.DefaultBackups() // never set: pruning never empties the folder
	}
	dir := BackupDir(s.path)
	names, _ := filepath.Glob(filepath.Join(dir, "gopy-*.db"))
	gz, _ := filepath.Glob(filepath.Join(dir, "gopy-*.db"+gzExt))
	// Only the names gopy gives (a copy the officer named gopy-mine.db is
	// neither the newest backup nor pruned), oldest first.
	names = ours(append(names, gz...), nil)
	sort.Slice(names, func(i, j int) bool { return filepath.Base(names[i]) < filepath.Base(names[j]) })
	now := s.now()
	fresh := false
	if n := len(names); n > 0 {
		if fi, err := os.Stat(names[n-1]); err == nil && now.Sub(fi.ModTime()) < 24*time.Hour {
			fresh = true
		}
	}
	if !fresh {
		name := filepath.Join(dir, "gopy-"+now.Format("20060102-150405")+".db"+gzExt)
		if err := s.backupGzip(name); err != nil {
			return res, err
		}
		// The age test above reads the file's time: stamp it by the store's
		// clock, the one it is compared with.
		if err := os.Chtimes(name, now, now); err != nil {
			return res, fmt.Errorf("backup: %w", err)
		}
		names = append(names, name)
		res.Written = name
	}
	drop := toPrune(names, keep.Daily, keep.Weekly)
	kept := ours(names, drop) // newest first, as toPrune sorted names
	sizes := make([]int64, len(kept))
	for i, name := range kept {
		if fi, err := os.Stat(name); err == nil {
			sizes[i] = fi.Size()
		}
	}
	n := withinBudget(sizes, keep.BudgetBytes())
	drop = append(drop, kept[n:]...)
	for _, old := range drop {
		os.Remove(old)
	}
	res.Kept = n
	for _, size := range sizes[:n] {
		res.Bytes += size
	}
	if n > 0 {
		res.NewestBytes = sizes[0]
		res.OverBudget = keep.BudgetMB > 0 && sizes[0] > keep.BudgetBytes()
	}
	removeStale(dir, now)
	return res, nil
}

// RestoreSourceError: the backup to restore from cannot be used (missing,
// damaged, from a newer gopy). Path names the backup, not the database.
type RestoreSourceError struct {
	Path string
	Err  error
}

func (e *RestoreSourceError) Error() string {
	return fmt.Sprintf("restore from %s: %v", e.Path, e.Err)
}
func (e *RestoreSourceError) Unwrap() error { return e.Err }

// ErrBackupDamaged: the backup fails the checks.
var ErrBackupDamaged = errors.New("backup is damaged")

// Restore replaces the database at dst with the backup src, after checking
// that src is a sound gopy database this build can read. Whatever is at
// dst — a sound database, or a missing, truncated, corrupt or foreign file,
// which is when a restore is needed most — is moved aside, and aside names
// where (empty when there was nothing). It refuses only a backup that fails
// the checks, and a dst that another gopy has open.
func Restore(src, dst string) (aside string, err error) {
	if abs(src) == abs(dst) {
		return "", fmt.Errorf("restore: the backup is the database itself")
	}
	file, done, err := gunzipped(src, dst)
	if err != nil {
		return "", &RestoreSourceError{src, err}
	}
	defer done()
	in, err := Open(file, Options{ReadOnly: true})
	if err != nil {
		return "", &RestoreSourceError{src, err}
	}
	problems, err := in.Check()
	if err == nil && len(problems) > 0 {
		err = fmt.Errorf("%w: %s", ErrBackupDamaged, strings.Join(problems, "; "))
	}
	if err != nil {
		in.Close()
		return "", &RestoreSourceError{src, err}
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
		in.Close()
		return "", fmt.Errorf("restore: %w", err)
	}
	tmp := dst + ".restoring"
	err = in.BackupFile(tmp)
	in.Close()
	if err != nil {
		return "", err
	}
	if _, err := os.Lstat(dst); err == nil {
		if err := notInUse(dst); err != nil {
			os.Remove(tmp)
			return "", err
		}
		aside = asideName(dst)
		if err := os.Rename(dst, aside); err != nil {
			os.Remove(tmp)
			return "", fmt.Errorf("restore: keep the old file: %w", err)
		}
	}
	if err := os.Rename(tmp, dst); err != nil {
		os.Remove(tmp)
		if aside != "" {
			os.Rename(aside, dst)
		}
		return "", fmt.Errorf("restore: %w", err)
	}
	return aside, nil
}

// notInUse fails with ErrInUse when another gopy holds the file. Any other
// trouble opening it (not a database, damaged, truncated, newer) means
// nobody can be using it as one: the restore goes ahead.
func notInUse(path string) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if recover() != nil {
			err = nil
		}
	}()
	if fi, err := os.Stat(path); err != nil || fi.Size() == 0 || !fi.Mode().IsRegular() || checkLength(path) != nil {
		return nil
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: 500 * time.Millisecond, ReadOnly: false})
	if errors.Is(err, bolterrors.ErrTimeout) {
		return fmt.Errorf("%s: %w", path, ErrInUse)
	}
	if err == nil {
		db.Close()
	}
	return nil
}

// asideName is a new name beside path for the file a restore replaces.
func asideName(path string) string {
	base := path + ".before-restore-" + time.Now().Format("20060102-150405")
	name := base
	for i := 2; ; i++ {
		if _, err := os.Lstat(name); errors.Is(err, fs.ErrNotExist) {
			return name
		}
		name = fmt.Sprintf("%s-%d", base, i)
	}
}

func abs(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	return a
}
