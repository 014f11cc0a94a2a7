package store_test

import (
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"gopy/model"
	"gopy/store"
)

// restored restores the backup at name into a new database and opens it.
func restored(t *testing.T, name string) *store.Store {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "restored.db")
	if _, err := store.Restore(name, dst); err != nil {
		t.Fatalf("restore %s: %v", filepath.Base(name), err)
	}
	b, err := store.Open(dst, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	return b
}

// Forty days of automatic backups, one a day, each after a new petition:
// compressed, the newest 7 kept and the newest of each of the 4 weeks
// before them; a daily and a weekly one restore to what the database held
// that day; what a backup cut short left behind goes.
func TestAutoBackupDailyAndWeekly(t *testing.T) {
	s, path, c := openTest(t)
	c.Set(time.Date(2026, time.March, 2, 9, 0, 0, 0, time.Local)) // a Monday
	// What a backup cut short (the program killed) left behind.
	stale := filepath.Join(store.BackupDir(path), ".gopy-backup-123")
	if err := os.MkdirAll(filepath.Dir(stale), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(stale, []byte("half a backup"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(stale, c.Now().Add(-2*time.Hour), c.Now().Add(-2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	held := map[string]int{}
	for d := range 40 {
		mustCreate(t, s, petition(day(2026, 3, 1), model.ClassReport))
		name, err := s.AutoBackup(7, 4)
		if err != nil || name == "" {
			t.Fatalf("day %d: %q, %v", d, name, err)
		}
		held[filepath.Base(name)] = d + 1
		c.Add(24 * time.Hour)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Error("a cut-short backup's temporary file is still there")
	}
	names, _ := filepath.Glob(filepath.Join(store.BackupDir(path), "gopy-*"))
	sort.Strings(names)
	if len(names) != 11 {
		t.Fatalf("kept %d backups, want 7 daily + 4 weekly: %v", len(names), names)
	}
	// Days 34–40 daily; the weeks before: the newest of each is its
	// Sunday (days 28, 21, 14, 7 of a run that began on a Monday).
	want := []int{7, 14, 21, 28, 34, 35, 36, 37, 38, 39, 40}
	for i, name := range names {
		if got := held[filepath.Base(name)]; got != want[i] {
			t.Errorf("kept %s (day %d), want day %d", filepath.Base(name), got, want[i])
		}
	}
	fi, err := os.Stat(names[len(names)-1])
	if err != nil {
		t.Fatal(err)
	}
	db, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Size()*4 > db.Size() {
		t.Errorf("backup %d bytes for a %d-byte database: not compressed", fi.Size(), db.Size())
	}
	for _, i := range []int{0, len(names) - 1} { // a weekly, a daily
		b := restored(t, names[i])
		if n := total(t, b, model.KindPetition); n != want[i] {
			t.Errorf("%s holds %d petitions, want %d", filepath.Base(names[i]), n, want[i])
		}
	}
}

// A truncated compressed backup is refused, nothing replaced.
func TestRestoreTruncatedGzip(t *testing.T) {
	s, _, _ := openTest(t)
	mustCreate(t, s, petition(day(2026, 3, 1), model.ClassReport))
	name, err := s.AutoBackup(7, 4)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	cut := filepath.Join(t.TempDir(), "cut.db.gz")
	if err := os.WriteFile(cut, b[:len(b)/2], 0o600); err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), "dst.db")
	if _, err := store.Restore(cut, dst); err == nil {
		t.Fatal("a truncated backup was restored")
	}
	if _, err := os.Stat(dst); !os.IsNotExist(err) {
		t.Errorf("something was written at %s", dst)
	}
}
