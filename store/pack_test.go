package store_test

import (
	"bytes"
	"compress/flate"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"gopy/model"
	"gopy/store"
	"gopy/store/demo"
)

// packCorpus is the JSON of every record of a small demo database, with
// its id: what packRecord is given.
func packCorpus(t testing.TB, n int) (ids, jss [][]byte) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	now := time.Date(2026, 6, 15, 9, 0, 0, 0, model.VNZone)
	s, err := store.Open(path, store.Options{NoSync: true, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := demo.Generate(s, demo.Options{Records: n, Seed: 3, Today: model.NewDate(2026, 6, 15)}); err != nil {
		t.Fatal(err)
	}
	err = store.BoltDB(s).View(func(tx *bolt.Tx) error {
		for _, k := range model.Kinds {
			c := tx.Bucket([]byte("rec/" + string(k))).Cursor()
			for key, v := c.First(); key != nil; key, v = c.Next() {
				if len(key) != 16 {
					continue // history
				}
				js, err := store.RecordJSON(key, v)
				if err != nil {
					return err
				}
				ids, jss = append(ids, bytes.Clone(key)), append(jss, js)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return ids, jss
}

// The records packed by gopy's encoder read back exactly with
// compress/flate and the dictionary, and take no more room than
// compress/flate's own level 6 gave them (what the file's size bar was
// measured with).
func TestPackedRecordsReadBackAndAreNoLarger(t *testing.T) {
	ids, jss := packCorpus(t, 3000)
	var ours, std int
	var buf bytes.Buffer
	w, _ := flate.NewWriterDict(&buf, flate.DefaultCompression, store.RecDict)
	for i, js := range jss {
		v := store.PackRecord(ids[i], js)
		back, err := store.RecordJSON(ids[i], v)
		if err != nil || !bytes.Equal(back, js) {
			t.Fatalf("record %d: read back %q, %v; want %q", i, back, err, js)
		}
		ours += len(v)
		buf.Reset()
		w.Reset(&buf)
		w.Write(js[len(`{"id":"01JXXXXXXXXXXXXXXXXXXXXXXX"`):]) // as packRecord: from the comma after the id
		w.Close()
		std += 1 + buf.Len()
	}
	t.Logf("%d records: packed %d B a record, compress/flate level 6 %d", len(jss), ours/len(jss), std/len(jss))
	if ours > std {
		t.Fatalf("packed records take %d bytes, compress/flate's level 6 %d", ours, std)
	}
}

// BenchmarkPackRecord packs the records of a demo database, with gopy's
// encoder and with compress/flate as it was used before (level 6, the same
// dictionary, a Reset for each record).
//
//	go test ./store -run '^$' -bench PackRecord
func BenchmarkPackRecord(b *testing.B) {
	ids, jss := packCorpus(b, 3000)
	size := 0
	for _, js := range jss {
		size += len(js)
	}
	b.Run("dictflate", func(b *testing.B) {
		b.SetBytes(int64(size))
		for b.Loop() {
			for i, js := range jss {
				store.PackRecord(ids[i], js)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(jss)), "ns/record")
	})
	b.Run("compress-flate", func(b *testing.B) {
		var buf bytes.Buffer
		w, _ := flate.NewWriterDict(&buf, flate.DefaultCompression, store.RecDict)
		b.SetBytes(int64(size))
		for b.Loop() {
			for _, js := range jss {
				buf.Reset()
				w.Reset(&buf)
				w.Write(js)
				w.Close()
				_ = bytes.Clone(buf.Bytes())
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(jss)), "ns/record")
	})
}
