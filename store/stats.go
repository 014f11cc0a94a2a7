package store

import (
	"bytes"
	"fmt"
	"os"
	"sort"

	bolt "go.etcd.io/bbolt"
)

// Stats is where a database file's bytes go: `gopy stats`.
type Stats struct {
	FileBytes int64
	PageSize  int
	// Unused are the file's pages no bucket holds: free pages bbolt keeps
	// for reuse (gopy compact gives them back to the disk), its freelist
	// and meta pages. (bbolt's own free-page count is not loaded by a
	// read-only open.)
	Unused  int
	Records int // records of every kind
	Buckets []BucketStats
}

// BucketStats is one top-level bucket, or a part of one (Part set) that
// its keys tell apart: the records and their history entries in rec/KIND,
// the kinds of keys in ix/KIND (ixNames). A part has no pages
// of its own: only its keys and bytes.
type BucketStats struct {
	Name, Part string
	Keys       int
	KeyBytes   int64
	ValueBytes int64
	// Pages counts branch, leaf and overflow pages; PageBytes is what
	// they occupy in the file and InUse what their contents fill (bbolt's
	// page headers and element headers included), so InUse/PageBytes is
	// the page fill.
	Pages     int
	PageBytes int64
	InUse     int64
}

// Fill is the share of the bucket's pages its contents fill, 0–1.
func (b BucketStats) Fill() float64 {
	if b.PageBytes == 0 {
		return 0
	}
	return float64(b.InUse) / float64(b.PageBytes)
}

// Stats walks every key of every bucket (a full read of the file: seconds
// at a million records), one bucket per read transaction, handing the
// mapped pages back between buckets.
func (s *Store) Stats() (Stats, error) {
	var st Stats
	fi, err := os.Stat(s.path)
	if err != nil {
		return st, fmt.Errorf("stats %s: %w", s.path, err)
	}
	st.FileBytes = fi.Size()
	st.PageSize = s.db.Info().PageSize

	var names [][]byte
	err = s.view(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, _ *bolt.Bucket) error {
			names = append(names, bytes.Clone(name))
			return nil
		})
	})
	if err != nil {
		return st, err
	}
	for _, name := range names {
		err := s.view(func(tx *bolt.Tx) error {
			b := tx.Bucket(name)
			if b == nil {
				return nil
			}
			bs := b.Stats()
			whole := BucketStats{Name: string(name),
				Pages:     bs.BranchPageN + bs.BranchOverflowN + bs.LeafPageN + bs.LeafOverflowN,
				PageBytes: int64(bs.BranchAlloc + bs.LeafAlloc),
				InUse:     int64(bs.BranchInuse + bs.LeafInuse)}
			parts := map[string]*BucketStats{}
			c := b.Cursor()
			for k, v := c.First(); k != nil; k, v = c.Next() {
				whole.Keys++
				whole.KeyBytes += int64(len(k))
				whole.ValueBytes += int64(len(v))
				part := partOf(name, k)
				if part == "" {
					continue
				}
				p := parts[part]
				if p == nil {
					p = &BucketStats{Name: string(name), Part: part}
					parts[part] = p
				}
				p.Keys++
				p.KeyBytes += int64(len(k))
				p.ValueBytes += int64(len(v))
			}
			st.Buckets = append(st.Buckets, whole)
			if bytes.HasPrefix(name, []byte("rec/")) {
				if p := parts["records"]; p != nil {
					st.Records += p.Keys
				}
			}
			keys := make([]string, 0, len(parts))
			for k := range parts {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				st.Buckets = append(st.Buckets, *parts[k])
			}
			return nil
		})
		s.releaseMapped()
		if err != nil {
			return st, fmt.Errorf("stats %s: %w", name, err)
		}
	}
	st.Unused = int(st.FileBytes / int64(st.PageSize))
	for _, b := range st.Buckets {
		if b.Part == "" {
			st.Unused -= b.Pages
		}
	}
	return st, nil
}

// partOf names the part of a bucket a key belongs to ("" when the bucket
// is not split).
func partOf(bucket, key []byte) string {
	switch {
	case bytes.HasPrefix(bucket, []byte("rec/")):
		if isRecordKey(key) {
			return "records"
		}
		return "history"
	case bytes.HasPrefix(bucket, []byte("ix/")) && len(key) > 0:
		if name, ok := ixNames[key[0]]; ok {
			return name
		}
		return "other"
	}
	return ""
}
