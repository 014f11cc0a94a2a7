package report

import (
	"io"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"gopy/model"
	"gopy/store"
	"gopy/store/demo"
)

// fullScan is the report the slow way: every record decoded whole and
// summarised afresh (model.RowOf), one kind after another, each from where
// the report reads it (model.ScanFrom: sessions from 1 January).
func fullScan[A aggregator[A]](t *testing.T, s *store.Store, p model.Period, agg A) model.Report {
	t.Helper()
	for _, k := range model.Kinds {
		err := s.ScanRecords(k, model.ScanFrom(k, p), p.To, func(r model.Record) error {
			row := model.RowOf(r)
			agg.Add(&row)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return agg.Result()
}

// scanStore is a database of 3,000 random demo records over 3 wards (fixed
// seed), as of its today.
func scanStore(t *testing.T) (*store.Store, model.Date) {
	t.Helper()
	today := model.NewDate(2026, 11, 27)
	now := func() time.Time { return today.Time() }
	path := filepath.Join(t.TempDir(), "r.db")
	s, err := store.Open(path, store.Options{NoSync: true, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := demo.Generate(s, demo.Options{Records: 3000, Wards: 3, Seed: 14, Today: today}); err != nil {
		t.Fatal(err)
	}
	return s, today
}

// The report counts from the stored list rows, decoded lean (no names or
// summaries, shared values, reused arrays) and read in pieces in parallel:
// for every kind of period, per ward and not, on random demo data (fixed
// seed), it equals the report from every whole record, read in one walk.
// It is checked twice: with the pieces a province's year is cut into (one
// piece a kind here), and with every kind cut into pieces of a few rows,
// so that pieces begin inside months and on days holding rows: a row
// dropped or counted twice at a cut would show.
func TestReportFromRowsEqualsFullScan(t *testing.T) {
	s, today := scanStore(t)
	st, err := s.Settings()
	if err != nil {
		t.Fatal(err)
	}
	periods := []string{"2025-07", "2026-02", "2025-Q4", "2026-Q1", "2025-H1", "2026-H1", "2025-9M", "2024", "2025", "2026",
		"15/03/2024..20/08/2026", "01/01/1900..31/12/2199"}
	defer func(n int) { spanRows = n }(spanRows)
	for _, per := range []int{spanRows, 7} {
		spanRows = per
		cuts, midMonth := 0, 0
		for _, ps := range periods {
			p, err := model.ParsePeriod(ps)
			if err != nil {
				t.Fatal(err)
			}
			for _, k := range model.Kinds {
				spans, err := s.Spans(k, model.ScanFrom(k, p), p.To, spanRows)
				if err != nil {
					t.Fatal(err)
				}
				for _, sp := range spans[1:] {
					cuts++
					if sp.From.Day() != 1 {
						midMonth++
					}
				}
			}
			got, err := Build(s, p, today, false)
			if err != nil {
				t.Fatal(err)
			}
			if got.Report.Feedback.Total+got.Report.Petitions.Total == 0 {
				t.Fatalf("%s: no records in the period: the test proves nothing", ps)
			}
			want := fullScan(t, s, p, model.NewAggregator(p, today, &st))
			if !reflect.DeepEqual(got.Report, want) {
				t.Errorf("%s, pieces of %d rows: report from rows\n%+v\nfrom whole records\n%+v", ps, per, got.Report, want)
			}
			gotW, err := Build(s, p, today, true)
			if err != nil {
				t.Fatal(err)
			}
			wantW := fullScan(t, s, p, model.NewWardAggregator(p, today, &st))
			if !reflect.DeepEqual(gotW.Report, wantW) {
				t.Errorf("%s by ward, pieces of %d rows: report from rows\n%+v\nfrom whole records\n%+v", ps, per, gotW.Report, wantW)
			}
		}
		if per == 7 && (cuts < 500 || midMonth < 400) {
			t.Fatalf("pieces of %d rows: %d cuts, %d inside a month: the test proves little", per, cuts, midMonth)
		}
	}
}

// BenchmarkYearReport1M is the year report at a million records (SPEC:
// ≤ 250 ms warm). It runs only when GOPY_BENCH_1M names a database made by
// `gopy demo --records 1000000` (bench/scale.sh keeps one in
// bench/out/m1.db): CI never builds one. The database is opened as the
// CLI opens it (read-only, read-ahead on); "build" counts the figures,
// "json" also writes them as `gopy report --format json` does.
//
//	GOPY_BENCH_1M=$PWD/bench/out/m1.db go test ./ui/report -run '^$' -bench YearReport1M
func BenchmarkYearReport1M(b *testing.B) {
	path := os.Getenv("GOPY_BENCH_1M")
	if path == "" {
		b.Skip("GOPY_BENCH_1M unset: no million-record database to read")
	}
	s, err := store.Open(path, store.Options{ReadOnly: true, ReadAhead: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	today := s.Today()
	p := model.Period{From: model.NewDate(today.Year()-1, 1, 1), To: model.NewDate(today.Year()-1, 12, 31)}
	for _, format := range []Format{"", JSON} {
		name := "build"
		if format != "" {
			name = string(format)
		}
		b.Run(name, func(b *testing.B) {
			var rows int
			cpu0 := cpuTime()
			for b.Loop() {
				d, err := Build(s, p, today, false)
				if err != nil {
					b.Fatal(err)
				}
				if format != "" {
					if err := Write(io.Discard, format, d); err != nil {
						b.Fatal(err)
					}
				}
				rows = d.Report.Feedback.Total + d.Report.Sessions.Total + d.Report.Petitions.Total
			}
			b.ReportMetric(float64(rows), "records")
			// The machine is shared: CPU time per report says more than
			// the clock when others are busy.
			b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N)/1e6, "cpu-ms/op")
		})
	}
}
