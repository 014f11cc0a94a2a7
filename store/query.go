package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	bolt "go.etcd.io/bbolt"

	"gopy/model"
)

// Order of a list.
type Order int

const (
	NewestFirst Order = iota // by the record's own date, newest first
	OldestFirst
	// DueFirst: the records that can still miss a deadline first, soonest
	// deadline first (model.Row.OpenDue), then every other record, newest
	// first. With Overdue or Open, only the first part.
	DueFirst
	ByWho // by petitioner, source or host, Vietnamese A→Z (confidential first)
	ByRef // by reference, ascending
)

// Query selects rows of one kind. Zero fields do not filter.
type Query struct {
	Kind   model.Kind
	Status string // a Row.Status value (feedback state, session kind, petition status)
	Sub    string // a Row.Sub value (source kind, host role, classification)
	Ward   string
	From   model.Date
	To     model.Date
	// Overdue keeps records overdue on Today (as Row.Overdue).
	Overdue bool
	// Open keeps the records that can still miss a deadline (an open
	// petition, a feedback with a point pending), soonest deadline first.
	Open  bool
	Today model.Date
	// DueFrom and DueTo, when either is set, keep the records still open
	// whose deadline falls in [DueFrom, DueTo] (DueTo zero: no upper
	// bound), soonest deadline first ("what falls due this week"); Overdue
	// and Order are then ignored. From and To still bound the record's own
	// date.
	DueFrom, DueTo model.Date
	// Search is matched, folded, against the record's folded text, field by
	// field, leaving out the officer's own fields (model.SearchFold); the
	// rows returned name the field matched (Row.Matched).
	Search string
	// Assignee keeps the petitions whose assignee (unit or officer)
	// contains it, folded: "việc của tôi" is the officer's own name.
	Assignee string
	// Group keeps the petitions of one residential group (exactly, folded).
	Group string
	Order Order
}

// Entry is a row with its position key, for paging.
type Entry struct {
	Key []byte
	Row model.Row
}

// plan is how a query walks the database: which bucket and which key
// range. Every key walked ends with the row's key, date‖id: the list and
// search-text keys are just that, the ix keys end with it.
type plan struct {
	bucket  []byte
	lo, hi  []byte // inclusive lower bound, exclusive upper bound (nil: open)
	needRow bool   // filters need the decoded row
	fold    string // the folded search text ("": no search)
	group   []byte // the folded residential group (nil: any)
	who     string // the folded assignee (""; any)
	q       Query
	// inFold: the walk is over the search texts, so a record's text is the
	// cursor's value, not a lookup.
	inFold bool
	// keyDates: the keys are not in date order (the deadline, who and
	// reference indexes), so From/To are checked on the date in each key.
	keyDates bool
	// onList: the walk is over the list rows themselves; the cursor's value
	// is the row.
	onList bool
	// visited counts the keys a walk read
	visited int
	// touch is told, inside the walk's transaction, how much of the map
	// the walk has read (Store.touched); nil: nothing to tell.
	touch func(int)
	// buckets looked up once per walk, not once per key
	list, folds *bolt.Bucket
	// rd decodes the rows (nil: every field, afresh)
	rd *rowDecoder
	// rest is the second part of a DueFirst walk: the records without an
	// open deadline, newest first (nil: none).
	rest *plan
	// noDue keeps only rows without an open deadline (the rest's filter).
	noDue bool
}

func (q *Query) plan() plan {
	if q.DueFrom != 0 || q.DueTo != 0 {
		return q.dueRangePlan()
	}
	p := plan{q: *q}
	if q.Search != "" {
		p.fold = model.Fold(q.Search)
	}
	if q.Group != "" {
		p.group = []byte(model.Fold(q.Group))
	}
	p.who = model.Fold(q.Assignee)
	from, to := q.From, q.To
	rangeKeys := func(prefix []byte) {
		p.lo = append(append([]byte{}, prefix...), dateKey(from)...)
		if to != 0 {
			p.hi = append(append([]byte{}, prefix...), dateKey(to.AddDays(1))...)
		} else {
			p.hi = prefixEnd(prefix)
		}
	}
	switch {
	case q.Order == ByWho || q.Order == ByRef:
		p.bucket = bIx(q.Kind)
		p.lo, p.hi = []byte{sortWho}, []byte{sortWho + 1}
		if q.Order == ByRef {
			p.lo, p.hi = []byte{sortRef}, []byte{sortRef + 1}
		}
		p.keyDates = true
		p.needRow = q.Status != "" || q.Sub != "" || q.Ward != "" || q.Overdue || q.Open
	case q.Overdue || q.Open || q.Order == DueFirst:
		if !q.Overdue && !q.Open {
			rq := *q
			rq.Order = NewestFirst
			rest := rq.plan()
			rest.noDue, rest.needRow = true, true
			p.rest = &rest
		}
		p.bucket = bIx(q.Kind)
		p.lo, p.hi = []byte{ixDue}, []byte{ixDue + 1}
		if q.Overdue {
			// Overdue means due < today: the deadline keys before today's.
			p.hi = append([]byte{ixDue}, dateKey(q.Today)...)
		}
		p.keyDates = true
		p.needRow = q.Status != "" || q.Sub != "" || q.Ward != "" || from != 0 || to != 0
	case q.Status != "":
		p.bucket = bIx(q.Kind)
		rangeKeys(append(append([]byte{ixStatus}, q.Status...), 0))
		p.needRow = q.Sub != "" || q.Ward != ""
	default:
		p.bucket = bList(q.Kind)
		if p.fold != "" {
			// The search texts sit under the rows' keys: walking them reads
			// each text from the cursor instead of looking it up per row.
			p.bucket, p.inFold = bFold(q.Kind), true
		}
		p.onList = !p.inFold
		rangeKeys(nil)
		// A ward is a filter on the rows: a ward's own database holds one,
		// and the province reads wards through reports more than lists.
		p.needRow = q.Sub != "" || q.Ward != ""
	}
	return p
}

// dueRangePlan walks the deadline index between DueFrom and DueTo,
// applying the query's other filters.
func (q *Query) dueRangePlan() plan {
	dq := *q
	dq.DueFrom, dq.DueTo = 0, 0
	dq.Overdue = false
	dq.Order, dq.Open = DueFirst, true
	p := dq.plan()
	p.lo = append([]byte{ixDue}, dateKey(q.DueFrom)...)
	p.hi = append([]byte{ixDue}, dateKey(q.DueTo.AddDays(1))...)
	if q.DueTo == 0 {
		p.hi = []byte{ixDue + 1}
	}
	return p
}

func prefixEnd(prefix []byte) []byte {
	if len(prefix) == 0 {
		return nil
	}
	end := append([]byte{}, prefix...)
	for i := len(end) - 1; i >= 0; i-- {
		if end[i] < 0xff {
			end[i]++
			return end[:i+1]
		}
	}
	return nil
}

// match reports whether the key's record passes the filters; row is filled
// when it had to be decoded (or when want is set).
func (p *plan) match(key, val []byte, row *model.Row, want bool) (bool, error) {
	if len(key) < 20 {
		return false, fmt.Errorf("index %s: bad key", p.bucket)
	}
	rk := key[len(key)-20:]
	q := &p.q
	if p.keyDates {
		d := model.Date(int32(binary.BigEndian.Uint32(rk)))
		if (q.From != 0 && d < q.From) || (q.To != 0 && d > q.To) {
			return false, nil
		}
	}
	matched := ""
	if p.fold != "" || p.group != nil {
		f := val
		if !p.inFold {
			f = p.folds.Get(rk)
			p.looked()
		}
		if p.fold != "" {
			field, ok := model.SearchFold(q.Kind, f, []byte(p.fold))
			if !ok {
				return false, nil
			}
			matched = field
		}
		if p.group != nil && !bytes.Equal(model.FoldField(q.Kind, f, "group"), p.group) {
			return false, nil
		}
	}
	if !p.needRow && p.who == "" && !want {
		return true, nil
	}
	v := val
	if !p.onList {
		v = p.list.Get(rk)
		p.looked()
	}
	if v == nil {
		return false, fmt.Errorf("index %s points to a missing row", p.bucket)
	}
	if err := p.rd.decode(q.Kind, rk, v, row); err != nil {
		return false, err
	}
	row.Matched = matched
	if p.who != "" && !strings.Contains(model.Fold(row.Assignee), p.who) {
		return false, nil
	}
	if q.Status != "" && !hasStatus(row, q.Status) {
		return false, nil
	}
	if q.Sub != "" && row.Sub != q.Sub {
		return false, nil
	}
	if q.Ward != "" && row.Ward != q.Ward {
		return false, nil
	}
	if q.Overdue && !row.Overdue(q.Today) {
		return false, nil
	}
	if q.Open {
		if due, kind := row.OpenDue(); kind == "" || due == 0 {
			return false, nil
		}
	}
	if p.noDue {
		if due, kind := row.OpenDue(); kind != "" && due != 0 {
			return false, nil
		}
	}
	return true, nil
}

// looked tells touch of a lookup by key: a page of its own, where the
// walk's neighbours share theirs.
func (p *plan) looked() {
	if p.touch != nil {
		p.touch(lookupCost)
	}
}

// dueKeyLen is the length of a deadline index key: the first part of a
// DueFirst walk; its rest walks list-row keys (20 bytes), so a position
// key says which part it is in.
const dueKeyLen = 1 + 4 + 20

// walk visits matching keys in the query's order, starting after `after`
// (nil: from the first); reverse walks the other way. fn returns false to
// stop. A DueFirst walk is two parts, the deadline index then the rest.
func (p *plan) walk(tx *bolt.Tx, after []byte, reverse bool, want bool, fn func(key []byte, row *model.Row) bool) error {
	if p.rest == nil {
		return p.walkOne(tx, after, reverse, want, fn)
	}
	defer func() { p.visited += p.rest.visited; p.rest.visited = 0 }()
	stopped := false
	keep := func(k []byte, row *model.Row) bool {
		if !fn(k, row) {
			stopped = true
			return false
		}
		return true
	}
	first, second := p, p.rest
	inSecond := after != nil && len(after) != dueKeyLen
	if reverse {
		first, second = p.rest, p
		inSecond = len(after) == dueKeyLen
	}
	if !inSecond {
		if err := first.walkOne(tx, after, reverse, want, keep); err != nil || stopped {
			return err
		}
		after = nil
	}
	return second.walkOne(tx, after, reverse, want, keep)
}

func (p *plan) walkOne(tx *bolt.Tx, after []byte, reverse bool, want bool, fn func(key []byte, row *model.Row) bool) error {
	b := tx.Bucket(p.bucket)
	if b == nil {
		return fmt.Errorf("bucket %s missing", p.bucket)
	}
	p.list, p.folds = tx.Bucket(bList(p.q.Kind)), tx.Bucket(bFold(p.q.Kind))
	c := b.Cursor()
	desc := p.q.Order == NewestFirst && !p.q.Overdue && !p.q.Open
	if reverse {
		desc = !desc
	}
	inRange := func(k []byte) bool {
		return k != nil && (p.lo == nil || bytes.Compare(k, p.lo) >= 0) && (p.hi == nil || bytes.Compare(k, p.hi) < 0)
	}
	var k, v []byte
	switch {
	case !desc && after == nil:
		if p.lo == nil {
			k, v = c.First()
		} else {
			k, v = c.Seek(p.lo)
		}
	case !desc:
		k, v = c.Seek(after)
		if k != nil && bytes.Equal(k, after) {
			k, v = c.Next()
		}
	case desc && after == nil:
		if p.hi == nil {
			k, v = c.Last()
		} else if k, _ = c.Seek(p.hi); k == nil {
			k, v = c.Last()
		} else {
			k, v = c.Prev()
		}
	default:
		if k, _ = c.Seek(after); k == nil {
			k, v = c.Last()
		} else {
			k, v = c.Prev()
		}
	}
	var row model.Row
	for ; inRange(k); k, v = step(c, desc) {
		p.visited++
		if p.touch != nil {
			p.touch(1)
		}
		ok, err := p.match(k, v, &row, want)
		if err != nil {
			return err
		}
		if ok && !fn(k, &row) {
			return nil
		}
	}
	return nil
}

// hasStatus: the row's own status, or the virtual StatusUnaccepted.
func hasStatus(row *model.Row, status string) bool {
	if status == StatusUnaccepted {
		return row.Unaccepted()
	}
	return row.Status == status
}

func step(c *bolt.Cursor, desc bool) ([]byte, []byte) {
	if desc {
		return c.Prev()
	}
	return c.Next()
}

// Page returns up to n entries after the position key `after` (nil: from
// the start) in the query's order, or in the opposite order when reverse.
func (s *Store) Page(q Query, after []byte, n int, reverse bool) ([]Entry, error) {
	return s.page(q.plan(), after, n, reverse)
}

func (s *Store) page(p plan, after []byte, n int, reverse bool) ([]Entry, error) {
	if n <= 0 {
		return nil, nil
	}
	p.touch = s.touched
	out := make([]Entry, 0, n)
	err := s.view(func(tx *bolt.Tx) error {
		return p.walk(tx, after, reverse, true, func(k []byte, row *model.Row) bool {
			out = append(out, Entry{Key: append([]byte{}, k...), Row: *row})
			return len(out) < n
		})
	})
	return out, err
}

// Count counts the matching records without decoding rows where the
// indexes suffice.
func (s *Store) Count(q Query) (int, error) {
	if q.Status == "" && q.Sub == "" && q.Ward == "" && q.From == 0 && q.To == 0 && !q.Overdue && !q.Open &&
		q.Assignee == "" && q.Group == "" && q.DueFrom == 0 && q.DueTo == 0 && model.Fold(q.Search) == "" {
		// Everything of a kind: the counter kept in meta, not a walk over
		// (and a read of) every row.
		return s.Total(q.Kind)
	}
	if q.Overdue && q.Status != "" && q.Sub == "" && q.Ward == "" && !q.Open && q.DueFrom == 0 && q.DueTo == 0 &&
		model.Fold(q.Search) == "" {
		return s.countOverdueStatus(q)
	}
	return s.count(q.plan())
}

// countOverdueStatus counts the overdue records of a status as the
// records both in the status index and in the deadline index before today:
// two walks over index keys, where filtering the overdue ones by status
// decoded each one's row from a page of its own (the dashboard's "overdue,
// not yet accepted" cost a third of a second and 400 MB of mapped pages at
// a million records). The status keys end in the row key and come in its
// order, so they are collected sorted and each overdue key is looked up by
// binary search.
func (s *Store) countOverdueStatus(q Query) (int, error) {
	n := 0
	err := s.view(func(tx *bolt.Tx) error {
		ix := tx.Bucket(bIx(q.Kind))
		if ix == nil {
			return fmt.Errorf("bucket %s missing", bIx(q.Kind))
		}
		c := ix.Cursor()
		prefix := append(append([]byte{ixStatus}, q.Status...), 0)
		lo := append(append([]byte{}, prefix...), dateKey(q.From)...)
		var withStatus [][20]byte
		for k, _ := c.Seek(lo); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			s.touched(1)
			if len(k) != len(prefix)+20 {
				return fmt.Errorf("index %s: bad key", bIx(q.Kind))
			}
			rk := [20]byte(k[len(prefix):])
			if q.To != 0 && model.Date(int32(binary.BigEndian.Uint32(rk[:]))) > q.To {
				break
			}
			withStatus = append(withStatus, rk)
		}
		if len(withStatus) == 0 {
			return nil
		}
		hi := append([]byte{ixDue}, dateKey(q.Today)...)
		for k, _ := c.Seek([]byte{ixDue}); k != nil && bytes.Compare(k, hi) < 0; k, _ = c.Next() {
			s.touched(1)
			if len(k) != dueKeyLen {
				continue
			}
			if _, ok := slices.BinarySearchFunc(withStatus, k[5:], func(a [20]byte, b []byte) int { return bytes.Compare(a[:], b) }); ok {
				n++
			}
		}
		return nil
	})
	return n, err
}

func (s *Store) count(p plan) (int, error) {
	n := 0
	p.touch = s.touched
	err := s.view(func(tx *bolt.Tx) error {
		return p.walk(tx, nil, false, false, func([]byte, *model.Row) bool { n++; return true })
	})
	return n, err
}

// Total is the number of records of a kind.
func (s *Store) Total(k model.Kind) (int, error) {
	n := 0
	err := s.view(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bMeta).Get(kCount(k)); len(v) == 8 {
			n = int(binary.BigEndian.Uint64(v))
		}
		return nil
	})
	return n, err
}

// ScanRows streams the rows of a kind whose date is in [from, to] (zero
// bounds are open), oldest first, for counting: Who, Title and ParentID
// are left empty. The row is reused between calls, and its ID, Ref,
// Matter and AnswerDays share their bytes with the walk (they change or
// go with the next row): copy what you keep (strings.Clone).
func (s *Store) ScanRows(k model.Kind, from, to model.Date, fn func(*model.Row) error) error {
	q := Query{Kind: k, From: from, To: to, Order: OldestFirst}
	return s.walkPaged(q, newRowDecoder(true), func(_ *bolt.Tx, row *model.Row) error { return fn(row) })
}

// ScanRecords streams whole records of a kind whose date is in [from, to],
// oldest first.
func (s *Store) ScanRecords(k model.Kind, from, to model.Date, fn func(model.Record) error) error {
	p := (&Query{Kind: k, From: from, To: to, Order: OldestFirst}).plan()
	p.touch = s.touched
	return s.view(func(tx *bolt.Tx) error {
		var ferr error
		err := p.walk(tx, nil, false, false, func(key []byte, _ *model.Row) bool {
			var id [16]byte
			copy(id[:], key[4:])
			s.touched(lookupCost)
			rec, err := getRecord(tx, k, id)
			if err != nil {
				ferr = err
				return false
			}
			ferr = fn(rec)
			return ferr == nil
		})
		if err != nil {
			return err
		}
		return ferr
	})
}

// ScanPetitions streams whole petitions received in [from, to].
func (s *Store) ScanPetitions(from, to model.Date, fn func(*model.Petition) error) error {
	return s.ScanRecords(model.KindPetition, from, to, func(r model.Record) error {
		return fn(r.(*model.Petition))
	})
}

// Linked lists the petitions raised from a session or feedback, and the
// commitments made in answer to it, oldest first.
func (s *Store) Linked(parentID string) ([]model.Row, error) {
	pid, err := model.ParseID(parentID)
	if err != nil {
		return nil, ErrNotFound
	}
	var out []model.Row
	err = s.view(func(tx *bolt.Tx) error {
		c := tx.Bucket(bLinks).Cursor()
		for k, _ := c.Seek(pid[:]); k != nil && bytes.HasPrefix(k, pid[:]); k, _ = c.Next() {
			var id [16]byte
			copy(id[:], k[16:])
			rec, err := getRecord(tx, model.KindPetition, id)
			if err == ErrNotFound {
				rec, err = getRecord(tx, model.KindCommitment, id)
			}
			if err != nil {
				return err
			}
			out = append(out, model.RowOf(rec))
		}
		return nil
	})
	return out, err
}

// RecordJSON returns the stored JSON of a record.
func (s *Store) RecordJSON(k model.Kind, id string) (json.RawMessage, error) {
	bid, err := model.ParseID(id)
	if err != nil {
		return nil, ErrNotFound
	}
	var out json.RawMessage
	err = s.view(func(tx *bolt.Tx) error {
		v := tx.Bucket(bRec(k)).Get(bid[:])
		if v == nil {
			return ErrNotFound
		}
		js, err := recordJSON(bid[:], v)
		out = js
		return err
	})
	return out, err
}

// Each calls fn for every matching row in the query's order. The row is
// valid only during the call.
func (s *Store) Each(q Query, fn func(*model.Row) error) error {
	return s.walkPaged(q, nil, func(_ *bolt.Tx, row *model.Row) error { return fn(row) })
}

// EachJSON calls fn for every matching record with its stored JSON. row
// and raw are valid only during the call.
func (s *Store) EachJSON(q Query, fn func(row *model.Row, raw []byte) error) error {
	var recTx *bolt.Tx
	var recs *bolt.Bucket
	return s.walkPaged(q, nil, func(tx *bolt.Tx, row *model.Row) error {
		if tx != recTx {
			recTx, recs = tx, tx.Bucket(bRec(q.Kind))
		}
		id, _ := model.ParseID(row.ID)
		s.touched(lookupCost)
		raw := recs.Get(id[:])
		if raw == nil {
			return fmt.Errorf("%s %s: %w", q.Kind, row.Ref, ErrNotFound)
		}
		return withRecordJSON(id[:], raw, func(js []byte) error { return fn(row, js) })
	})
}

// eachPage is how many rows a walk reads per read transaction.
const eachPage = 1000

// walkPaged walks every row matching q, eachPage rows per read
// transaction, so a long walk never holds one transaction open (and the
// pages a writer frees pinned) for its whole length. fn runs inside the
// transaction. rd, when not nil, decodes the rows (see rowDecoder).
func (s *Store) walkPaged(q Query, rd *rowDecoder, fn func(*bolt.Tx, *model.Row) error) error {
	var after []byte
	for {
		p := q.plan()
		p.rd = rd
		p.touch = s.touched
		var last []byte
		n := 0
		var ferr error
		err := s.view(func(tx *bolt.Tx) error {
			return p.walk(tx, after, false, true, func(key []byte, row *model.Row) bool {
				if ferr = fn(tx, row); ferr != nil {
					return false
				}
				last = append(last[:0], key...)
				n++
				return n < eachPage
			})
		})
		switch {
		case err != nil:
			return err
		case ferr != nil:
			return ferr
		case n < eachPage:
			return nil
		}
		after = append(after[:0], last...)
	}
}

// Long walks hand the map's pages back to the kernel as they go (see
// releaseMapped). How much a key read keeps resident is not its bytes: the
// kernel maps a file's neighbouring pages with each one read, a whole
// large folio where the page cache holds one — measured at a million
// records from 1.5 KB to over 10 KB a key. So every checkEvery keys walked
// (a lookup by key counting lookupCost) the walk asks how much of the file
// the process holds (fileResident) and releases beyond releaseAbove;
// where that cannot be known, it releases every releaseAfter keys.
const (
	checkEvery   = 250
	releaseAfter = 20_000
	lookupCost   = 5
)

// releaseAbove is a variable for the tests, which walk less.
var releaseAbove int64 = 32 << 20

// touched counts what a walk read, inside its read transaction, and hands
// the map back when that holds too much. Paging through many small pages
// adds up the same as one long walk.
func (s *Store) touched(n int) {
	if s.scanned.Add(int64(n)) < checkEvery {
		return
	}
	s.scanned.Store(0)
	if held, ok := fileResident(); ok {
		if held > releaseAbove {
			s.releaseHeld()
		}
		return
	}
	if s.unmeasured.Add(checkEvery) >= releaseAfter {
		s.unmeasured.Store(0)
		s.releaseHeld()
	}
}
