package store

import (
	"bytes"
	"runtime"
	"slices"
	"sync"

	bolt "go.etcd.io/bbolt"

	"gopy/model"
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
	// pending holds the records of a createBulk whose puts are held back
	// (recPut), for the lookups of the records after them (nil in other
	// bulk imports, which write records as they go).
	pending map[[16]byte]model.Record
	// parents are records the bulk loads just before this one wrote, as
	// written (see bulkParents); nil when another write came between.
	parents map[[16]byte]model.Record
	// last is each kind's greatest record key when the createBulk began
	// (its records are written at its end): an id above it is not there.
	last map[model.Kind][]byte
	// unpacked are the records written as JSON in this import, packed
	// at its end on every core (packing is most of a bulk load's time);
	// until then they read as schema 4's JSON did. bbolt writes nothing
	// before the commit, so the JSON never reaches the file. (createBulk
	// packs as it encodes, on every core: it leaves none.)
	unpacked []bulkRec
}

type bulkRec struct {
	bucket []byte
	id     [16]byte
}

// uniqName is the key in uniq of a reference prefix in an index bucket.
func uniqName(bucket, prefix []byte) string { return string(bucket) + "\x00" + string(prefix) }

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
		b.uniq[uniqName(bucket, key[:len(key)-20])] = id
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
	got, ok := b.uniq[uniqName(bucket, prefix)]
	return ok && got != id
}

// finishBulk writes the held-back entries in key order and ends the bulk
// import of tx.
func finishBulk(tx *bolt.Tx) error { return finishBulkWith(tx, nil) }

// finishBulkWith is finishBulk calling walked with the number of keys
// written every few thousand (Store.touched: the pages a bulk load reads
// are handed back as it goes, not only after its commit).
func finishBulkWith(tx *bolt.Tx, walked func(n int)) error {
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
		bucket.FillPercent = bulkFill
		dels := b.dels[name]
		for i, kv := range kvs {
			if d, ok := dels[string(kv.key)]; ok && d > kv.seq {
				continue
			}
			if err := bucket.Put(kv.key, kv.val); err != nil {
				return err
			}
			if walked != nil && i%256 == 255 {
				walked(256)
			}
		}
		b.puts[name] = nil
	}
	return nil
}

// endBulk forgets a bulk import whose transaction failed.
func endBulk(tx *bolt.Tx) { bulks.Delete(tx) }

// recPut writes a record's value or history entry into its kind's bucket:
// now, or in a createBulk at its end, in key order with the rest.
func recPut(tx *bolt.Tx, k model.Kind, key, val []byte) error {
	if b := bulkOf(tx); b != nil && b.pending != nil {
		b.seq++
		name := string(bRec(k))
		b.puts[name] = append(b.puts[name], bulkKV{key: key, val: val, seq: b.seq})
		return nil
	}
	return tx.Bucket(bRec(k)).Put(key, val)
}

// pendingRecord is a record created earlier in the same createBulk, not
// written yet (nil if none).
func pendingRecord(tx *bolt.Tx, k model.Kind, id [16]byte) model.Record {
	if b := bulkOf(tx); b != nil && b.pending != nil {
		if rec, ok := b.pending[id]; ok && rec.Kind() == k {
			return rec
		}
		if rec, ok := b.parents[id]; ok && rec.Kind() == k {
			return rec
		}
	}
	return nil
}

// bulkParents keeps the feedback the last bulk loads wrote, as much of
// them as a new commitment's checks read (the points): a demo writes a commitment when its point is
// answered, weeks and several transactions after its feedback, and
// decoding the feedback again to check the point cost a tenth of the
// demo's writing. They are used only while no other write has come
// between: bbolt numbers write transactions, so the next one must be the
// one after the last bulk's.
type bulkParents struct {
	mu   sync.Mutex
	txid int
	recs map[[16]byte]model.Record
	fifo [][16]byte
}

// bulkParentsMax covers the 45 days within which the demo's points are
// answered, at a million records in three years.
const bulkParentsMax = 12_000

// take gives the parents to the bulk load in tx, or forgets them when a
// write came between.
func (p *bulkParents) take(tx *bolt.Tx) map[[16]byte]model.Record {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.recs == nil || tx.ID() != p.txid+1 {
		p.recs, p.fifo = map[[16]byte]model.Record{}, nil
	}
	return p.recs
}

// keep adds the feedback of a committed bulk load (tx id txid),
// forgetting the oldest beyond bulkParentsMax.
func (p *bulkParents) keep(txid int, recs map[[16]byte]model.Record) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.recs == nil {
		p.recs = map[[16]byte]model.Record{}
	}
	for id, rec := range recs {
		// What the checks of a later record read of its parent, copied:
		// the caller may change its records after they are written.
		if f, ok := rec.(*model.Feedback); ok {
			p.recs[id] = &model.Feedback{Points: slices.Clone(f.Points)}
			p.fifo = append(p.fifo, id)
		}
	}
	for len(p.fifo) > bulkParentsMax {
		delete(p.recs, p.fifo[0])
		p.fifo = p.fifo[1:]
	}
	p.txid = txid
}

// storedAbove reports whether id is above every record of kind k stored
// when the createBulk of tx began (then it is not stored).
func storedAbove(b *bulkIx, k model.Kind, id [16]byte) bool {
	if b == nil || b.last == nil {
		return false
	}
	return bytes.Compare(id[:], b.last[k]) > 0
}

// recordExists reports whether a record of kind k has id, written or
// pending.
func recordExists(tx *bolt.Tx, k model.Kind, id [16]byte) bool {
	if pendingRecord(tx, k, id) != nil {
		return true
	}
	return !storedAbove(bulkOf(tx), k, id) && tx.Bucket(bRec(k)).Get(id[:]) != nil
}

// A bulk load (a demo of a million records, a ward's batch) spends most
// of its time on work that reads nothing stored: normalising, encoding
// JSON, list rows and index keys, sealing confidential identities. create
// does it record by record on one core; createBulk does the same steps in
// three passes, the pure ones side by side on every core:
//
//  1. prepCreate for every record, side by side;
//  2. admit, in order, on the transaction's goroutine (checks against what
//     is stored and against the records before it in the batch — pending
//     — the ID, stamps, reference, count and history), handing each
//     chunk of admitted records to
//  3. encoders (seal and encode), side by side, while the next chunk is
//     admitted.
//
// The records, their history and indexes are then written in key order
// (finishBulk). The result is what create gives record by record: the
// same checks in the same order, the same first error, the same bytes.
//
// Once the transaction commits, the caller calls committed.
func (s *Store) createBulk(tx *bolt.Tx, st *model.Settings, cal *model.Calendar, recs []model.Record, by string, hold *heldKeys) (committed func(), err error) {
	b := startBulk(tx)
	b.pending = make(map[[16]byte]model.Record, len(recs))
	b.parents = s.parents.take(tx)
	b.last = map[model.Kind][]byte{}
	for _, k := range model.Kinds {
		// History keys (id ‖ seq) sort after their record: the last key's
		// first 16 bytes are the greatest record id.
		switch key, _ := tx.Bucket(bRec(k)).Cursor().Last(); {
		case len(key) >= 16:
			b.last[k] = bytes.Clone(key[:16])
		case key != nil: // not a record's key: no shortcut
			b.last[k] = bytes.Repeat([]byte{0xff}, 16)
		}
	}
	pre := s.prepared.take(st)
	prepAt, prepErr := sideBySide(len(recs), func(i int) error {
		if pre[recs[i]] {
			return nil
		}
		return prepCreate(st, cal, recs[i])
	})
	pub := dataPub(tx)

	const chunk = 512
	type job struct {
		lo, hi int
		ids    [][16]byte
		out    []*encoded
		err    error
		done   chan struct{}
	}
	jobs := make(chan *job, 4)
	var wg sync.WaitGroup
	for range max(1, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for j := range jobs {
				for i := j.lo; i < j.hi && j.err == nil; i++ {
					e, err := encodeRecord(pub, recs[i], j.ids[i-j.lo], true)
					j.out = append(j.out, e)
					j.err = err
				}
				close(j.done)
			}
		})
	}
	var sent []*job
	// assigned: the record's reference is given here (nextRef), which a
	// Load may hold back (held.go).
	var assigned []bool
	if hold != nil {
		assigned = make([]bool, len(recs))
	}
	err = func() error {
		defer func() {
			close(jobs)
			wg.Wait()
		}()
		for lo := 0; lo < prepAt; lo += chunk {
			j := &job{lo: lo, hi: min(lo+chunk, prepAt), done: make(chan struct{})}
			for i := j.lo; i < j.hi; i++ {
				if hold != nil {
					assigned[i] = recs[i].GetMeta().Ref == ""
				}
				id, now, err := s.admit(tx, recs[i], by)
				if err != nil {
					return err
				}
				b.pending[id] = recs[i]
				// Its reference is taken for the records after it
				// (refTaken), before its keys are written.
				m := recs[i].GetMeta()
				b.uniq[uniqName(bIx(recs[i].Kind()), uniqPrefix(m.Ward, m.Ref))] = id
				if err := created(tx, recs[i], id, now, by); err != nil {
					return err
				}
				j.ids = append(j.ids, id)
			}
			// A write transaction's map stays where it is until its
			// commit: what the checks read can be handed back as it goes.
			s.touched((j.hi - j.lo) * lookupCost)
			jobs <- j
			sent = append(sent, j)
		}
		return prepErr
	}()
	if err != nil {
		return nil, err
	}
	for _, j := range sent {
		<-j.done
		if j.err != nil {
			return nil, j.err
		}
		for n, e := range j.out {
			if hold == nil {
				if err := e.put(tx); err != nil {
					return nil, err
				}
				continue
			}
			// A Load's who keys, links and the references it gave are
			// written at its end.
			if err := recPut(tx, e.kind, e.id[:], e.val); err != nil {
				return nil, err
			}
			if err := hold.put(tx, kindIndex(e.kind), &e.ix, assigned[j.lo+n], recs[j.lo+n].GetMeta()); err != nil {
				return nil, err
			}
		}
	}
	written, txid := b.pending, tx.ID()
	b.pending = nil
	if err := finishBulkWith(tx, s.touched); err != nil {
		return nil, err
	}
	return func() { s.parents.keep(txid, written) }, nil
}

// PrepareBatch does ahead of CreateBatch, outside its write transaction,
// the part of creating recs that reads nothing stored (the ward,
// normalising, due dates, the sealed-identity check), side by side on
// every core; the ward and due dates come from the settings as they are
// now. The next CreateBatch of these records skips it (it does it again
// when the settings were saved in between: a no-op but for what the new
// settings fill that is still empty); recs must not change until then.
// A bulk load (demo) prepares its next batch while the last one is
// written. On an error nothing is marked prepared: CreateBatch reports
// it.
func (s *Store) PrepareBatch(recs []model.Record) error {
	var st *model.Settings
	var cal *model.Calendar
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		st, cal, err = s.writeSettings(tx)
		return err
	})
	if err != nil {
		return err
	}
	if _, err := sideBySide(len(recs), func(i int) error { return prepCreate(st, cal, recs[i]) }); err != nil {
		return err
	}
	s.prepared.put(st, recs)
	return nil
}

// prepared are the records PrepareBatch prepared, with the settings it
// prepared them under.
type prepared struct {
	mu   sync.Mutex
	st   *model.Settings
	recs map[model.Record]bool
}

func (p *prepared) put(st *model.Settings, recs []model.Record) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.st != st || p.recs == nil {
		p.st, p.recs = st, make(map[model.Record]bool, len(recs))
	}
	for _, rec := range recs {
		p.recs[rec] = true
	}
}

// take hands over the records prepared under st (none when the settings
// changed since) and forgets them.
func (p *prepared) take(st *model.Settings) map[model.Record]bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	recs := p.recs
	if p.st != st {
		recs = nil
	}
	p.st, p.recs = nil, nil
	return recs
}

// sideBySide runs fn(0) … fn(n-1) on every core. It returns the lowest i
// that failed (n when none did) and its error.
func sideBySide(n int, fn func(i int) error) (int, error) {
	errs := make([]error, n)
	workers := max(1, min(runtime.GOMAXPROCS(0), n/64))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w * n / workers; i < (w+1)*n/workers; i++ {
				if errs[i] = fn(i); errs[i] != nil {
					return
				}
			}
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return i, err
		}
	}
	return n, nil
}

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
	sideBySide(len(jobs), func(i int) error {
		jobs[i].value = packRecord(jobs[i].id, jobs[i].value)
		return nil
	})
	for _, j := range jobs {
		if err := j.bucket.Put(j.id, j.value); err != nil {
			return err
		}
	}
	return nil
}
