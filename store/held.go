package store

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"sync"

	bolt "go.etcd.io/bbolt"

	"gopy/model"
)

// A demo of a million records writes 200 transactions of 5,000 records.
// Most of what a record writes lands at the end of its bucket (records by
// ULID, rows by date, status and reference keys within their section),
// but three kinds of entries land anywhere: the who keys (a name's
// collation key: each transaction added keys to thousands of pages all
// over the who section, and bbolt copies every page it changes at each
// commit), the reference keys ('r' and 'u': "KN-2025-10000" sorts
// between "KN-2025-1000" and "KN-2025-1001", so past the 9,999th record
// of a kind in a year each reference lands among the earlier ones) and
// the links (parent id ‖ child id: a commitment's feedback is weeks
// old). A Load holds those back for the whole bulk load and writes them
// once at its end, in key order, on full pages.
//
// Only the references the load gave out itself are held (nextRef: above
// every number given before, so the next one's uniqueness check never
// looks for a held one); a record that comes with its own reference has
// its keys written at once, and before its batch the Load writes what it
// holds, so that its check sees every reference.
//
// Until then the database lacks them: each of the Load's transactions
// sets kHeld in meta, and the last transaction that writes them removes
// it. A load killed before (Ctrl-C, a crash) leaves kHeld: the next open
// for writing writes the missing entries from the list rows (restoreHeld)
// before anything else reads the file; a read-only open asks for that
// open first (ErrOlderSchema, which the CLI's openRead answers by opening
// to write once); `gopy check --repair` rebuilds them too.

// kHeld marks a database whose who keys and links a bulk load held back
// and has not written yet.
var kHeld = []byte("load/held")

// heldTxKeys is how many held entries one transaction of writeHeld puts:
// bbolt keeps a transaction's nodes in memory until it commits. (A
// variable: the tests write in several transactions.)
var heldTxKeys = 200_000

// heldKey is a who key held back: head is its name part ('w' ‖ SortKey ‖
// 0), shared by every record of that name (heldKeys.heads), tail its
// date ‖ id.
type heldKey struct {
	head uint32
	tail [20]byte
}

// heldRef is a record's reference keys held back: 'r' ‖ ref ‖ 0 ‖ tail
// and 'u' ‖ ward ‖ 0 ‖ ref ‖ 0 ‖ tail, the reference's text at off in its
// kind's refText, the ward's in wards.
type heldRef struct {
	tail [20]byte
	off  uint32
	ward uint32
	n    uint16
}

// heldKeys are the entries a Load holds back: 24 bytes a who key, 32 and
// the reference's text for both reference keys, 32 a link (a million
// demo records: ≈ 75 MB).
type heldKeys struct {
	heads  []string
	headOf map[string]uint32
	who    [][]heldKey // by kind, in model.Kinds' order
	wards  []string
	wardOf map[string]uint32
	refs   [][]heldRef // by kind
	refTxt [][]byte    // by kind
	links  [][32]byte
}

func newHeldKeys() *heldKeys {
	n := len(model.Kinds)
	return &heldKeys{headOf: map[string]uint32{}, who: make([][]heldKey, n),
		wardOf: map[string]uint32{}, refs: make([][]heldRef, n), refTxt: make([][]byte, n)}
}

// heldMark is how many entries heldKeys held at a moment (truncate).
type heldMark struct {
	who, refs, refTxt []int
	links             int
}

func (h *heldKeys) mark() heldMark {
	m := heldMark{links: len(h.links)}
	for i := range h.who {
		m.who = append(m.who, len(h.who[i]))
		m.refs = append(m.refs, len(h.refs[i]))
		m.refTxt = append(m.refTxt, len(h.refTxt[i]))
	}
	return m
}

// truncate forgets what was added after m (a batch whose transaction
// failed).
func (h *heldKeys) truncate(m heldMark) {
	h.links = h.links[:m.links]
	for i := range h.who {
		h.who[i] = h.who[i][:m.who[i]]
		h.refs[i] = h.refs[i][:m.refs[i]]
		h.refTxt[i] = h.refTxt[i][:m.refTxt[i]]
	}
}

// holdRefs takes a record's reference keys (r, its 'r' key; u, its 'u'
// key) when they are what ward, ref make, and reports whether it did.
func (h *heldKeys) holdRefs(k int, ward, ref string, r, u []byte) bool {
	if len(ref) > 0xffff || len(r) < 22 || uint64(len(h.refTxt[k])) > 1<<31 || strings.IndexByte(ref, 0) >= 0 || strings.IndexByte(ward, 0) >= 0 {
		return false
	}
	x := h.addRef(k, ward, ref, [20]byte(r[len(r)-20:]))
	if !bytes.Equal(h.refKey(k, x, nil), r) || !bytes.Equal(h.uniqKey(k, x, nil), u) {
		h.refs[k] = h.refs[k][:len(h.refs[k])-1]
		h.refTxt[k] = h.refTxt[k][:len(h.refTxt[k])-len(ref)]
		return false
	}
	return true
}

func (h *heldKeys) addRef(k int, ward, ref string, tail [20]byte) heldRef {
	w, ok := h.wardOf[ward]
	if !ok {
		w = uint32(len(h.wards))
		h.wards = append(h.wards, ward)
		h.wardOf[ward] = w
	}
	x := heldRef{tail: tail, off: uint32(len(h.refTxt[k])), ward: w, n: uint16(len(ref))}
	h.refTxt[k] = append(h.refTxt[k], ref...)
	h.refs[k] = append(h.refs[k], x)
	return x
}

func (h *heldKeys) ref(k int, x heldRef) []byte {
	return h.refTxt[k][x.off : x.off+uint32(x.n)]
}

// refKey is refKey's key of x, appended to buf.
func (h *heldKeys) refKey(k int, x heldRef, buf []byte) []byte {
	return appendTagged(buf, sortRef, h.ref(k, x), &x.tail)
}

// uniqKey is uniqKey's key of x, appended to buf.
func (h *heldKeys) uniqKey(k int, x heldRef, buf []byte) []byte {
	return append(appendUniqPrefix(buf, h.wards[x.ward], h.ref(k, x)), x.tail[:]...)
}

// compareRef orders two reference entries as their 'r' keys sort (with
// byRef) or their 'u' keys. Neither a ward code nor a reference held
// holds a zero byte, so comparing the parts one after the other is
// comparing the keys.
func (h *heldKeys) compareRef(k int, byRef bool) func(a, b heldRef) int {
	return func(a, b heldRef) int {
		if !byRef && a.ward != b.ward {
			if c := strings.Compare(h.wards[a.ward], h.wards[b.ward]); c != 0 {
				return c
			}
		}
		if c := bytes.Compare(h.ref(k, a), h.ref(k, b)); c != 0 {
			return c
		}
		return bytes.Compare(a.tail[:], b.tail[:])
	}
}

// put writes the entries of a record (of the kind numbered k) but those
// a Load holds back: its who key, its link and, when the load gave its
// reference (assigned), its reference keys.
func (h *heldKeys) put(tx *bolt.Tx, k int, x *indexed, assigned bool, m *model.Meta) error {
	refsHeld := false
	if assigned {
		var r, u []byte
		for _, key := range x.keys {
			switch key[0] {
			case sortRef:
				r = key
			case ixUnique:
				u = key
			}
		}
		refsHeld = r != nil && u != nil && h.holdRefs(k, m.Ward, m.Ref, r, u)
	}
	return x.putBut(tx, func(key []byte) bool {
		switch {
		case refsHeld && (key[0] == sortRef || key[0] == ixUnique):
			return true
		case len(key) > 21 && key[0] == sortWho:
			h.addWho(k, key)
			return true
		}
		return false
	}, func(link []byte) bool {
		if len(link) != 32 {
			return false
		}
		h.links = append(h.links, [32]byte(link))
		return true
	})
}

func (h *heldKeys) addWho(k int, key []byte) {
	head := key[:len(key)-20]
	i, ok := h.headOf[string(head)]
	if !ok {
		i = uint32(len(h.heads))
		s := string(head)
		h.heads = append(h.heads, s)
		h.headOf[s] = i
	}
	h.who[k] = append(h.who[k], heldKey{head: i, tail: [20]byte(key[len(key)-20:])})
}

// compareWho orders two held who keys as their bytes (head ‖ tail) sort.
// A head may be a prefix of another (a collation key can hold a zero
// byte), so when the heads differ the longer one's rest is compared with
// the other's tail.
func (h *heldKeys) compareWho(a, b heldKey) int {
	if a.head == b.head {
		return bytes.Compare(a.tail[:], b.tail[:])
	}
	ha, hb := h.heads[a.head], h.heads[b.head]
	n := min(len(ha), len(hb))
	if c := bytes.Compare([]byte(ha[:n]), []byte(hb[:n])); c != 0 {
		return c
	}
	// One head is the other's prefix: compare the rests.
	ra := append([]byte(ha[n:]), a.tail[:]...)
	rb := append([]byte(hb[n:]), b.tail[:]...)
	return bytes.Compare(ra, rb)
}

// sort puts every kind's who keys, its reference entries (in the order
// of their 'r' keys) and the links in key order, side by side.
func (h *heldKeys) sort() {
	var wg sync.WaitGroup
	for i := range h.who {
		w, r := h.who[i], h.refs[i]
		wg.Go(func() { slices.SortFunc(w, h.compareWho) })
		wg.Go(func() { slices.SortFunc(r, h.compareRef(i, true)) })
	}
	wg.Go(func() { slices.SortFunc(h.links, func(a, b [32]byte) int { return bytes.Compare(a[:], b[:]) }) })
	wg.Wait()
}

// heldMax is how many records' entries a Load holds at most (≈ 75 bytes
// a record: 1.5 million ≈ 110 MB); a demo of a million never reaches it.
// (A variable for the tests.)
var heldMax = 1_500_000

// records is how many records' who keys are held.
func (h *heldKeys) records() int {
	n := 0
	for i := range h.who {
		n += len(h.who[i])
	}
	return n
}

func (h *heldKeys) empty() bool {
	if len(h.links) > 0 {
		return false
	}
	for i := range h.who {
		if len(h.who[i]) > 0 || len(h.refs[i]) > 0 {
			return false
		}
	}
	return true
}

// writeHeld writes the held entries in key order, full pages, in
// transactions of heldTxKeys entries, and removes kHeld in the last.
// With skipPresent, an entry already stored is not written again (a
// restore after a kill: most were).
func (s *Store) writeHeld(h *heldKeys, skipPresent bool) error {
	h.sort()
	// The sections in key order: each kind's 'r', 'u' and 'w' keys in its
	// ix bucket, then the links. What is written is let go (a million
	// records held ≈ 75 MB).
	type step struct {
		bucket []byte
		n      func() int
		start  func()
		key    func(i int, buf []byte) []byte
		done   func()
	}
	var steps []step
	for ki, k := range model.Kinds {
		steps = append(steps,
			step{bIx(k), func() int { return len(h.refs[ki]) }, func() {}, func(i int, buf []byte) []byte { return h.refKey(ki, h.refs[ki][i], buf) }, func() {}},
			// The same entries again, in the order of their 'u' keys.
			step{bIx(k), func() int { return len(h.refs[ki]) }, func() { slices.SortFunc(h.refs[ki], h.compareRef(ki, false)) },
				func(i int, buf []byte) []byte { return h.uniqKey(ki, h.refs[ki][i], buf) }, func() { h.refs[ki], h.refTxt[ki] = nil, nil }},
			step{bIx(k), func() int { return len(h.who[ki]) }, func() {}, func(i int, buf []byte) []byte {
				w := h.who[ki][i]
				return append(append(buf, h.heads[w.head]...), w.tail[:]...)
			}, func() { h.who[ki] = nil }})
	}
	steps = append(steps, step{bLinks, func() int { return len(h.links) }, func() {},
		func(i int, buf []byte) []byte { return append(buf, h.links[i][:]...) }, func() { h.links = nil }})
	si, i := 0, 0
	var buf []byte
	for {
		err := s.update(func(tx *bolt.Tx) error {
			for n := 0; si < len(steps) && n < heldTxKeys; {
				st := steps[si]
				if i == 0 {
					st.start()
				}
				b := tx.Bucket(st.bucket)
				// Written in key order: a page is left full.
				b.FillPercent = 1.0
				for end := st.n(); i < end && n < heldTxKeys; i, n = i+1, n+1 {
					buf = st.key(i, buf[:0])
					if skipPresent && b.Get(buf) != nil {
						continue
					}
					if err := b.Put(buf, nil); err != nil {
						return fmt.Errorf("%s: %w", st.bucket, err)
					}
				}
				if i == st.n() {
					si, i = si+1, 0
				}
			}
			if si < len(steps) {
				return nil
			}
			return tx.Bucket(bMeta).Delete(kHeld)
		})
		if err != nil {
			return err
		}
		// Sections written and committed are let go.
		for j := range si {
			steps[j].done()
		}
		s.releaseMapped()
		if si == len(steps) {
			return nil
		}
	}
}

// restoreHeld writes the who keys and links a bulk load held back and was
// stopped before writing (kHeld set), from the list rows. The entries the
// load wrote, and the rest of the index, are left as they are.
func (s *Store) restoreHeld() error {
	var held bool
	if err := s.view(func(tx *bolt.Tx) error { held = tx.Bucket(bMeta).Get(kHeld) != nil; return nil }); err != nil || !held {
		return err
	}
	h := newHeldKeys()
	var extra []heldExtra
	err := s.view(func(tx *bolt.Tx) error {
		for ki, k := range model.Kinds {
			var row model.Row
			err := tx.Bucket(bList(k)).ForEach(func(key, v []byte) error {
				if len(key) != 20 {
					return nil // left for gopy check to report
				}
				if err := decodeRow(k, key, v, &row); err != nil {
					return nil
				}
				id := [16]byte(key[4:])
				h.addWho(ki, whoKey(&row, id))
				if r, u := refKey(&row, id), uniqKey(&row, id); !h.holdRefs(ki, row.Ward, row.Ref, r, u) {
					// Not as a load gives references out: looked up
					// one by one.
					extra = append(extra, heldExtra{bIx(k), r}, heldExtra{bIx(k), u})
				}
				if row.ParentID != "" {
					if pid, err := model.ParseID(row.ParentID); err == nil {
						h.links = append(h.links, [32]byte(append(pid[:], id[:]...)))
					}
				}
				s.touched(1)
				return nil
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if len(extra) > 0 {
		err := s.update(func(tx *bolt.Tx) error {
			for _, x := range extra {
				if tx.Bucket(x.bucket).Get(x.key) == nil {
					if err := tx.Bucket(x.bucket).Put(x.key, nil); err != nil {
						return err
					}
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	if err := s.writeHeld(h, true); err != nil {
		return fmt.Errorf("%s: write the index entries an interrupted bulk load held back: %w", s.path, err)
	}
	return nil
}

// heldExtra is a key restoreHeld writes as it is.
type heldExtra struct{ bucket, key []byte }

// hasHeld reports whether a bulk load's held entries are still unwritten.
func hasHeld(tx *bolt.Tx) bool { return tx.Bucket(bMeta).Get(kHeld) != nil }

// Load is a bulk load in many batches (gopy demo) whose who keys and
// links are held back and written at its end, in key order (see above).
// Its batches are committed one by one, as CreateBatch's are; Finish
// writes what they held back. A Load is used by one goroutine.
type Load struct {
	s    *Store
	held *heldKeys
}

// StartLoad begins a bulk load.
func (s *Store) StartLoad() *Load { return &Load{s: s, held: newHeldKeys()} }

// CreateBatch is Store.CreateBatch (CreateDemoBatch when demo) holding
// back the batch's who keys and links.
func (l *Load) CreateBatch(recs []model.Record, by string, demo bool) error {
	// A record's own reference is checked against every one given: none
	// held. And past heldMax records what is held is written, so that
	// memory stays bounded however large the load.
	if l.held.records() >= heldMax || slices.ContainsFunc(recs, func(r model.Record) bool { return r.GetMeta().Ref != "" }) {
		if err := l.Finish(); err != nil {
			return err
		}
	}
	m := l.held.mark()
	err := l.s.createBatch(recs, by, l.held, func(tx *bolt.Tx) error {
		if demo {
			if err := addDemo(tx, len(recs)); err != nil {
				return err
			}
		}
		return tx.Bucket(bMeta).Put(kHeld, []byte{1})
	})
	if err != nil {
		l.held.truncate(m)
	}
	return err
}

// Finish writes the entries the load's batches held back. A load that
// fails or is stopped must still be finished: until then (or the next
// open for writing) its records are missing from the who lists.
func (l *Load) Finish() error {
	h := l.held
	if h.empty() {
		var held bool
		l.s.view(func(tx *bolt.Tx) error { held = hasHeld(tx); return nil })
		if !held {
			return nil
		}
	}
	// On an error what was not committed stays held (the mark too): the
	// next Finish writes it again, rather than removing the mark with
	// the entries still missing.
	if err := l.s.writeHeld(h, false); err != nil {
		return err
	}
	l.held = newHeldKeys()
	return nil
}
