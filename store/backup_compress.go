package store

import (
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Automatic backups are gzip-compressed copies (a database of JSON and
// part-filled pages shrinks several times), written from a read
// transaction in the background after the TUI's first frame. A ward's
// small file costs nothing to compress; a province's million records took
// a full 2.3 GB copy a day.

const gzExt = ".gz"

// backupGzip writes a compressed copy to path atomically (temp file,
// fsync, rename).
func (s *Store) backupGzip(path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".gopy-backup-*")
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	defer os.Remove(tmp.Name())
	zw, err := gzip.NewWriterLevel(tmp, gzip.BestSpeed)
	if err == nil {
		err = s.Backup(zw)
	}
	if cerr := zw.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	return nil
}

// gunzipped gives a database file to read for the backup at src: src
// itself, or for a compressed backup a temporary copy beside dst, which
// done removes.
func gunzipped(src, dst string) (path string, done func(), err error) {
	if !strings.HasSuffix(src, gzExt) {
		return src, func() {}, nil
	}
	in, err := os.Open(src)
	if err != nil {
		return "", nil, err
	}
	defer in.Close()
	zr, err := gzip.NewReader(in)
	if err != nil {
		return "", nil, fmt.Errorf("%w: %v", ErrBackupDamaged, err)
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
		return "", nil, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(dst), ".gopy-unpack-*")
	if err != nil {
		return "", nil, err
	}
	done = func() { os.Remove(tmp.Name()) }
	_, err = io.Copy(tmp, zr)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		done()
		return "", nil, fmt.Errorf("%w: %v", ErrBackupDamaged, err)
	}
	return tmp.Name(), done, nil
}

// backupTime is when the automatic backup named name was made (from its
// name: gopy-20060102-150405.db[.gz]).
func backupTime(name string) (time.Time, bool) {
	base := strings.TrimSuffix(strings.TrimSuffix(filepath.Base(name), gzExt), ".db")
	t, err := time.ParseInLocation("20060102-150405", strings.TrimPrefix(base, "gopy-"), time.Local)
	return t, err == nil
}

// toPrune lists the automatic backups to delete: the newest daily are
// kept, and of the older ones the newest of each of weekly ISO weeks that
// no daily one falls in. It sorts names newest first, in place
// (AutoBackup's budget counts from the newest on that order).
func toPrune(names []string, daily, weekly int) []string {
	sort.Slice(names, func(i, j int) bool { return filepath.Base(names[i]) > filepath.Base(names[j]) })
	var out []string
	covered := map[[2]int]bool{} // weeks a kept backup falls in
	weeks := 0
	for i, name := range names {
		t, ok := backupTime(name)
		if !ok {
			continue // not ours to delete
		}
		y, w := t.ISOWeek()
		week := [2]int{y, w}
		switch {
		case i < daily:
			covered[week] = true
		case !covered[week] && weeks < weekly:
			covered[week] = true
			weeks++
		default:
			out = append(out, name)
		}
	}
	return out
}

// ours is the automatic backups of names, in their order, that drop does
// not hold.
func ours(names, drop []string) []string {
	gone := map[string]bool{}
	for _, d := range drop {
		gone[d] = true
	}
	var out []string
	for _, name := range names {
		if _, ok := backupTime(name); ok && !gone[name] {
			out = append(out, name)
		}
	}
	return out
}

// withinBudget is how many of the backups, newest first with these sizes,
// fit in budget bytes (0: no limit) when the oldest go first: at least
// the newest, whatever its size.
func withinBudget(sizes []int64, budget int64) int {
	n := len(sizes)
	if budget <= 0 {
		return n
	}
	var total int64
	for _, size := range sizes {
		total += size
	}
	for n > 1 && total > budget {
		n--
		total -= sizes[n]
	}
	return n
}

// removeStale removes what backups cut short left in dir (the program
// killed while it wrote one): temporary files an hour old or more.
func removeStale(dir string, now time.Time) {
	tmps, _ := filepath.Glob(filepath.Join(dir, ".gopy-backup-*"))
	for _, tmp := range tmps {
		if fi, err := os.Stat(tmp); err == nil && now.Sub(fi.ModTime()) >= time.Hour {
			os.Remove(tmp)
		}
	}
}
