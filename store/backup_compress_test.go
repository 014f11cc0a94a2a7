package store_test

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
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
		res, err := s.AutoBackup(model.DefaultBackups())
		name := res.Written
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
	res, err := s.AutoBackup(model.DefaultBackups())
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(res.Written)
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

// The size budget, worked by hand. Backups (KiB), kept by count first
// (3 daily, 2 weekly; ISO weeks: 16–22 March is week 12):
//
//	20/3 newest · 19/3 · 18/3        the 3 daily
//	17/3 100                         week 12, which a daily one covers: goes
//	13/3 200 (week 11) · 6/3 200 (week 10)   the 2 weekly
//	27/2 50 (week 9)                 a third week: goes
//
// Then, over the budget, the oldest kept go first (the weekly ones, then
// the oldest daily), never the newest; a file not named by gopy is
// neither counted nor touched.
func TestAutoBackupSizeBudget(t *testing.T) {
	const KiB = 1024
	cases := []struct {
		name     string
		budgetMB int
		newest   int64 // KiB
		kept     []string
		over     bool
	}{
		{"no budget: the counts alone", 0, 400, []string{"0320", "0319", "0318", "0313", "0306"}, false},
		// 400+300+300+200+200 = 1400 > 1024; without 6/3: 1200; without 13/3: 1000.
		{"the weekly ones go first", 1, 400, []string{"0320", "0319", "0318"}, false},
		// 600+300+300 = 1200 still > 1024 without the weekly ones; without 18/3: 900.
		{"then the oldest daily", 1, 600, []string{"0320", "0319"}, false},
		// 1500 alone > 1024: kept anyway, alone, and said.
		{"never the newest", 1, 1500, []string{"0320"}, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, path, c := openTest(t)
			now := time.Date(2026, time.March, 20, 9, 0, 0, 0, time.Local)
			c.Set(now)
			dir := store.BackupDir(path)
			if err := os.MkdirAll(dir, 0o700); err != nil {
				t.Fatal(err)
			}
			put := func(name string, kib int64, at time.Time) {
				p := filepath.Join(dir, name)
				if err := os.WriteFile(p, make([]byte, kib*KiB), 0o600); err != nil {
					t.Fatal(err)
				}
				if err := os.Chtimes(p, at, at); err != nil {
					t.Fatal(err)
				}
			}
			files := []struct {
				day  int // of March; 0 for 27 February
				size int64
			}{{20, tc.newest}, {19, 300}, {18, 300}, {17, 100}, {13, 200}, {6, 200}, {0, 50}}
			for _, f := range files {
				at := time.Date(2026, time.March, f.day, 8, 0, 0, 0, time.Local)
				if f.day == 0 {
					at = time.Date(2026, time.February, 27, 8, 0, 0, 0, time.Local)
				}
				put("gopy-"+at.Format("20060102-150405")+".db.gz", f.size, at)
			}
			put("gopy-my-copy.db.gz", 5000, now.Add(-48*time.Hour)) // the officer's own

			res, err := s.AutoBackup(model.Backups{Daily: 3, Weekly: 2, BudgetMB: tc.budgetMB})
			if err != nil {
				t.Fatal(err)
			}
			if res.Written != "" {
				t.Fatalf("wrote %s: the newest is an hour old", res.Written)
			}
			names, _ := filepath.Glob(filepath.Join(dir, "gopy-2026*"))
			var got []string
			for _, n := range names {
				got = append(got, filepath.Base(n)[9:13]) // MMDD
			}
			sort.Sort(sort.Reverse(sort.StringSlice(got)))
			if strings.Join(got, " ") != strings.Join(tc.kept, " ") {
				t.Errorf("kept %v, want %v", got, tc.kept)
			}
			var bytes int64
			for _, k := range tc.kept {
				bytes += map[string]int64{"0320": tc.newest, "0319": 300, "0318": 300, "0313": 200, "0306": 200}[k] * KiB
			}
			if res.Kept != len(tc.kept) || res.Bytes != bytes || res.OverBudget != tc.over || res.NewestBytes != tc.newest*KiB {
				t.Errorf("result %+v, want %d kept, %d bytes, over budget %t", res, len(tc.kept), bytes, tc.over)
			}
			if _, err := os.Stat(filepath.Join(dir, "gopy-my-copy.db.gz")); err != nil {
				t.Errorf("a file gopy did not name was touched: %v", err)
			}
		})
	}
}
