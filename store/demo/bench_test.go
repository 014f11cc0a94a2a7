package demo_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"gopy/model"
	"gopy/store"
	"gopy/store/demo"
)

// BenchmarkGenerate times the whole bulk path of `gopy demo`: generating,
// encoding, sealing denunciations, indexing and writing, on a fresh file
// opened as the CLI does (NoSync, Sync at the end). Reports records/s and
// the file's bytes a record. GOPY_BENCH_DEMO_1M=1 adds 300k and a million records
// (2.4 GB in the temp dir; TMPDIR to put it elsewhere).
//
//	go test ./store/demo -run '^$' -bench Generate -benchtime 1x
func BenchmarkGenerate(b *testing.B) {
	sizes := []int{10_000, 100_000}
	if os.Getenv("GOPY_BENCH_DEMO_1M") != "" {
		sizes = append(sizes, 300_000, 1_000_000)
	}
	for _, n := range sizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			var size int64
			for b.Loop() {
				b.StopTimer()
				path := filepath.Join(b.TempDir(), "demo.db")
				now := time.Date(2026, 6, 15, 9, 0, 0, 0, model.VNZone)
				s, err := store.Open(path, store.Options{NoSync: true, Now: func() time.Time { return now }})
				if err != nil {
					b.Fatal(err)
				}
				if _, _, err := s.Setup("demo", "demo", true); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if err := demo.Generate(s, demo.Options{Records: n, Seed: 1, Today: today}); err != nil {
					b.Fatal(err)
				}
				if err := s.Sync(); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				s.Close()
				if fi, err := os.Stat(path); err == nil {
					size = fi.Size()
				}
				os.Remove(path)
				b.StartTimer()
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
			b.ReportMetric(float64(size)/float64(n), "B/record")
		})
	}
}
