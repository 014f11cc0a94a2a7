package store_test

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"gopy/store"
	"gopy/store/demo"
)

// BenchmarkImportBundle100k: SPEC "Import of a 100k-record bundle ≤ 5 s".
// GOPY_BENCH_RECORDS changes the size.
func BenchmarkImportBundle100k(b *testing.B) {
	n := 100_000
	if v, err := strconv.Atoi(os.Getenv("GOPY_BENCH_RECORDS")); err == nil && v > 0 {
		n = v
	}
	dir := b.TempDir()
	src, err := store.Open(filepath.Join(dir, "ward.db"), store.Options{NoSync: true})
	if err != nil {
		b.Fatal(err)
	}
	if err := demo.Generate(src, demo.Options{Records: n, Ward: "AA", Seed: 1}); err != nil {
		b.Fatal(err)
	}
	bundle := filepath.Join(dir, "ward.gpb")
	f, _ := os.Create(bundle)
	if _, err := src.Export(f, store.ExportOptions{}); err != nil {
		b.Fatal(err)
	}
	f.Close()
	src.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		path := filepath.Join(dir, "province"+strconv.Itoa(i)+".db")
		dst, err := store.Open(path, store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		res, err := dst.ImportBundle(bundle, false, "bench")
		if err != nil || res.Wards["AA"].Added != n {
			b.Fatalf("import: %v %+v", err, res)
		}
		b.StopTimer()
		dst.Close()
		os.Remove(path)
		b.StartTimer()
	}
	b.ReportMetric(float64(n), "records/op")
}
