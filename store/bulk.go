package store

import (
	"bytes"
	"runtime"
	"slices"
	"sync"

	bolt "go.etcd.io/bbolt"
)

// A bulk import (a CSV ledger of 381k rows) writes its records in one
// transaction. bbolt splits pages only at commit, so until then every
// bucket's new keys pile up in one in-memory node per page, and a key
// landing in the middle of a node moves all the keys after it: records
// arriving in date order but indexed by status, name or reference made
// the import quadratic (80k rows: 44 s). During a bulk import the list,
// search and index entries are therefore held back, sorted, and written
// in key order at the end, where each lands after the last.

type bulkKV struct {
	key, val []byte
	seq      int
}

type bulkIx struct {
	seq  int
	puts map[string][]bulkKV
	dels map[string]map[string]int // bucket → key → seq of its deletion
	// uniq holds the reference keys' prefixes given out in this import,
	// each with its record's id, for refTaken.
	uniq map[string][16]byte
	// unpacked are the records written as JSON in this import, packed
	// at its end on every core (packing is most of a bulk load's time);
	// until then they read as schema 4's JSON did. bbolt writes nothing
	// before the commit, so the JSON never reaches the file.
	unpacked []bulkRec
}

type bulkRec struct {
	bucket []byte
	id     [16]byte
}

// bulks maps a write transaction to its bulk import, if it is one.
var bulks sync.Map // *bolt.Tx → *bulkIx

func startBulk(tx *bolt.Tx) *bulkIx {
	b := &bulkIx{puts: map[string][]bulkKV{}, dels: map[string]map[string]int{}, uniq: map[string][16]byte{}}
	bulks.Store(tx, b)
	return b
}

func bulkOf(tx *bolt.Tx) *bulkIx {
	if v, ok := bulks.Load(tx); ok {
		return v.(*bulkIx)
	}
	return nil
}

// ixPut writes an index entry now, or in a bulk import at its end.
func ixPut(tx *bolt.Tx, bucket, key, val []byte) error {
	b := bulkOf(tx)
	if b == nil {
		return tx.Bucket(bucket).Put(key, val)
	}
	b.seq++
	name := string(bucket)
	b.puts[name] = append(b.puts[name], bulkKV{key: key, val: val, seq: b.seq})
	if len(key) > 21 && key[0] == ixUnique && bytes.HasPrefix(bucket, []byte("ix/")) {
		var id [16]byte
		copy(id[:], key[len(key)-16:])
		b.uniq[name+"\x00"+string(key[:len(key)-20])] = id
	}
	return nil
}

// ixDelete removes an index entry, written or held back.
func ixDelete(tx *bolt.Tx, bucket, key []byte) error {
	if b := bulkOf(tx); b != nil {
		b.seq++
		name := string(bucket)
		if b.dels[name] == nil {
			b.dels[name] = map[string]int{}
		}
		b.dels[name][string(key)] = b.seq
	}
	return tx.Bucket(bucket).Delete(key)
}

// bulkTaken reports whether this import gave the reference prefix to a
// record other than id.
func bulkTaken(tx *bolt.Tx, bucket, prefix []byte, id [16]byte) bool {
	b := bulkOf(tx)
	if b == nil {
		return false
	}
	got, ok := b.uniq[string(bucket)+"\x00"+string(prefix)]
	return ok && got != id
}

// finishBulk writes the held-back entries in key order and ends the bulk
// import of tx.
func finishBulk(tx *bolt.Tx) error {
	b := bulkOf(tx)
	bulks.Delete(tx)
	if b == nil {
		return nil
	}
	if err := packBulk(tx, b.unpacked); err != nil {
		return err
	}
	names := make([]string, 0, len(b.puts))
	for name := range b.puts {
		names = append(names, name)
	}
	slices.Sort(names)
	// The buckets sort side by side; bbolt writes one goroutine's way.
	var wg sync.WaitGroup
	for _, name := range names {
		kvs := b.puts[name]
		wg.Go(func() {
			slices.SortFunc(kvs, func(x, y bulkKV) int {
				if c := bytes.Compare(x.key, y.key); c != 0 {
					return c
				}
				return x.seq - y.seq
			})
		})
	}
	wg.Wait()
	for _, name := range names {
		kvs := b.puts[name]
		bucket := tx.Bucket([]byte(name))
		bucket.FillPercent = 0.9
		dels := b.dels[name]
		for _, kv := range kvs {
			if d, ok := dels[string(kv.key)]; ok && d > kv.seq {
				continue
			}
			if err := bucket.Put(kv.key, kv.val); err != nil {
				return err
			}
		}
		b.puts[name] = nil
	}
	return nil
}

// endBulk forgets a bulk import whose transaction failed.
func endBulk(tx *bolt.Tx) { bulks.Delete(tx) }

// packBulk packs the records a bulk import wrote as JSON (the latest value
// of each; one deleted since is skipped), on every core, then writes them.
func packBulk(tx *bolt.Tx, recs []bulkRec) error {
	type job struct {
		bucket    *bolt.Bucket
		id, value []byte
	}
	var jobs []job
	seen := map[[16]byte]bool{}
	for _, r := range recs {
		if seen[r.id] {
			continue
		}
		seen[r.id] = true
		b := tx.Bucket(r.bucket)
		if v := b.Get(r.id[:]); len(v) > 0 && v[0] == '{' {
			jobs = append(jobs, job{b, r.id[:], v})
		}
	}
	n := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for w := range n {
		wg.Go(func() {
			for i := w; i < len(jobs); i += n {
				jobs[i].value = packRecord(jobs[i].id, jobs[i].value)
			}
		})
	}
	wg.Wait()
	for _, j := range jobs {
		if err := j.bucket.Put(j.id, j.value); err != nil {
			return err
		}
	}
	return nil
}
