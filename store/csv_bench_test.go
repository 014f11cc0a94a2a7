package store_test

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"gopy/model"
	"gopy/store"
)

// BenchmarkImportCSV imports a petition ledger of a ward moving from Excel
// (lines without ids) at 20k, 80k and 381k rows (the 50 MB ledger of issue
// 16): go test ./store -run '^$' -bench ImportCSV -benchtime 1x
func BenchmarkImportCSV(b *testing.B) {
	for _, n := range []int{20_000, 80_000, 381_000} {
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			path := filepath.Join(b.TempDir(), "ledger.csv")
			writeLedger(b, path, n)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				s, err := store.Open(filepath.Join(b.TempDir(), "gopy.db"), store.Options{})
				if err != nil {
					b.Fatal(err)
				}
				st, _ := s.Settings()
				st.WardName, st.WardCode, st.Officer = "Phường Hòa Bình", "HB", officer
				if err := s.SaveSettings(st, officer); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				res, err := s.ImportCSV(path, store.CSVOptions{By: officer})
				b.StopTimer()
				if err != nil || res.Wards["HB"].Added != n {
					b.Fatalf("import: %v %+v", err, res)
				}
				s.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds()*float64(b.N), "rows/s")
		})
	}
}

func writeLedger(b *testing.B, path string, n int) {
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	bw := bufio.NewWriter(f)
	w := csv.NewWriter(bw)
	w.Write([]string{"received_on", "channel", "classification", "name", "group", "address", "people", "summary", "status"})
	start := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	classes := []string{"complaint", "denunciation", "proposal", "report"}
	for i := 0; i < n; i++ {
		d := start.AddDate(0, 0, (i*7919)%1095)
		w.Write([]string{d.Format("02/01/2006"), "walk_in", classes[i%4], fmt.Sprintf("Người Thử Số %d", i),
			"Tổ dân phố 3", fmt.Sprintf("Số %d ngõ %d phố Thử Nghiệm", i%300, i%40), "1",
			fmt.Sprintf("Phản ánh số %d về việc đổ rác thải xây dựng ra bờ sông, đề nghị phường kiểm tra xử lý.", i), "received"})
	}
	w.Flush()
	if err := bw.Flush(); err != nil {
		b.Fatal(err)
	}
	_ = model.KindPetition
}
