package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"gopy/store"
	"gopy/store/demo"
	"gopy/ui/i18n"
)

// Benchmarks of what a keystroke costs (Update+View) and of start-up to the
// first frame, on a demo database of GOPY_BENCH_RECORDS records (100k by
// default; 1000000 for the SPEC's largest size). The database is built once
// and kept in the temp folder (GOPY_BENCH_DIR overrides) for later runs.
//
//	go test ./ui -run '^$' -bench . -benchtime 2000x
//	GOPY_BENCH_RECORDS=1000000 go test ./ui -run '^$' -bench . -benchtime 2000x -timeout 1h

func benchRecords() int {
	if n, err := strconv.Atoi(os.Getenv("GOPY_BENCH_RECORDS")); err == nil && n > 0 {
		return n
	}
	return 100_000
}

func benchDB(b *testing.B) string {
	b.Helper()
	dir := os.Getenv("GOPY_BENCH_DIR")
	if dir == "" {
		dir = os.TempDir()
	}
	n := benchRecords()
	path := filepath.Join(dir, fmt.Sprintf("gopy-ui-bench-%d.db", n))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	tmp := path + ".part"
	os.Remove(tmp)
	s, err := store.Open(tmp, store.Options{NoSync: true, Now: func() time.Time { return fixtureNow }})
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	if err := demo.Generate(s, demo.Options{Records: n, Seed: 1, Today: fixtureToday()}); err != nil {
		b.Fatal(err)
	}
	if err := s.Sync(); err != nil {
		b.Fatal(err)
	}
	s.Close()
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	b.Logf("built %s (%d records) in %s", path, n, time.Since(start).Round(time.Millisecond))
	return path
}

func benchStore(b *testing.B) *store.Store {
	b.Helper()
	s, err := store.Open(benchDB(b), store.Options{Now: func() time.Time { return fixtureNow }})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkStartup: from an open store to the first full frame (root
// built, settings read, dashboard drawn with its figures still to come).
func BenchmarkStartup(b *testing.B) {
	s := benchStore(b)
	for b.Loop() {
		firstFrame(b, s)
	}
}

// BenchmarkStartupWithOpen adds opening the database file, as `gopy` does
// before the TUI starts.
func BenchmarkStartupWithOpen(b *testing.B) {
	path := benchDB(b)
	for b.Loop() {
		s, err := store.Open(path, store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		firstFrame(b, s)
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

func firstFrame(b *testing.B, s *store.Store) {
	r, err := NewRoot(s, i18n.VI, Options{Today: fixtureToday})
	if err != nil {
		b.Fatal(err)
	}
	r.Init()
	r.update(tea.WindowSizeMsg{Width: 80, Height: 24})
	_ = r.View()
}

// keystroke measures Update+View of one key; the commands it returns (the
// next page, fetched ahead in the background) run outside the timer.
func keystroke(b *testing.B, dr *driver, k string) {
	cmd := dr.r.update(keyMsg(k))
	_ = dr.r.View()
	b.StopTimer()
	dr.run(cmd)
	b.StartTimer()
}

func benchList(b *testing.B, w, h int) (*driver, *listScreen) {
	dr := newTestRoot(b, benchStore(b), i18n.VI, w, h)
	dr.key("4")
	return dr, dr.r.top().(*listScreen)
}

func BenchmarkCursorDown(b *testing.B) {
	dr, l := benchList(b, 80, 24)
	b.ResetTimer()
	for b.Loop() {
		k := "j"
		if l.atEnd && l.cursor == len(l.rows)-1 {
			k = "g"
		}
		keystroke(b, dr, k)
	}
}

func BenchmarkPageDown(b *testing.B) {
	dr, l := benchList(b, 80, 24)
	b.ResetTimer()
	for b.Loop() {
		k := "pgdown"
		if l.atEnd && l.cursor == len(l.rows)-1 {
			k = "g"
		}
		keystroke(b, dr, k)
	}
}

func BenchmarkPageDown120x40(b *testing.B) {
	dr, l := benchList(b, 120, 40)
	b.ResetTimer()
	for b.Loop() {
		k := "pgdown"
		if l.atEnd && l.cursor == len(l.rows)-1 {
			k = "g"
		}
		keystroke(b, dr, k)
	}
}

// BenchmarkOpenDetail: enter on a row until its detail is drawn, reading
// the record, its history and links included (they are what the officer
// waits for); esc, outside the timer, goes back for the next row.
func BenchmarkOpenDetail(b *testing.B) {
	dr, _ := benchList(b, 80, 24)
	b.ResetTimer()
	for b.Loop() {
		dr.key("enter")
		_ = dr.r.View()
		b.StopTimer()
		dr.key("esc")
		dr.key("j")
		b.StartTimer()
	}
}

// BenchmarkSearchKeystroke: a letter typed into the search field, up to
// the frame that shows it; the query itself runs in a command.
func BenchmarkSearchKeystroke(b *testing.B) {
	dr, _ := benchList(b, 80, 24)
	dr.key("/")
	word := []string{"n", "g", "u", "y", "e", "n"}
	i := 0
	b.ResetTimer()
	for b.Loop() {
		k := word[i%len(word)]
		if i%len(word) == 0 && i > 0 {
			b.StopTimer()
			for range word {
				dr.key("backspace")
			}
			b.StartTimer()
		}
		i++
		keystroke(b, dr, k)
	}
}

// BenchmarkSearchQuery: the query a search keystroke starts (first page of
// results and nothing more), for a common word and for a word found
// nowhere (the whole index walked).
func BenchmarkSearchQuery(b *testing.B) {
	s := benchStore(b)
	for _, word := range []string{"nguyen", "khong co dau"} {
		b.Run(word, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.Page(store.Query{Kind: "petition", Search: word}, nil, pageSize, false); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDashboardFigures: every figure of the dashboard, counted in the
// background after the first frame.
func BenchmarkDashboardFigures(b *testing.B) {
	s := benchStore(b)
	r, err := NewRoot(s, i18n.VI, Options{Today: fixtureToday})
	if err != nil {
		b.Fatal(err)
	}
	dr := &driver{t: b, r: r}
	dash := r.stacks[tabDashboard][0].(*dashboard)
	b.ResetTimer()
	for b.Loop() {
		dr.run(dash.Init())
	}
}
