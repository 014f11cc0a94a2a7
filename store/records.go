package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
	"unsafe"

	bolt "go.etcd.io/bbolt"

	"gopy/model"
)

// settingsID is the history key under which changes to Settings are kept.
var settingsID [16]byte

// Settings returns the ward's settings (defaults on a new database).
func (s *Store) Settings() (model.Settings, error) {
	var st model.Settings
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		st, err = loadSettings(tx)
		return err
	})
	return st, err
}

func loadSettings(tx *bolt.Tx) (model.Settings, error) {
	st := model.DefaultSettings()
	if v := tx.Bucket(bMeta).Get(kSettings); v != nil {
		st = model.Settings{}
		if err := json.Unmarshal(v, &st); err != nil {
			return st, fmt.Errorf("read settings: %w", err)
		}
	}
	st.Normalize()
	return st, nil
}

// SaveSettings validates and stores the settings, recording what changed.
func (s *Store) SaveSettings(st model.Settings, by string) error {
	st.Normalize()
	if errs := st.Validate(); len(errs) > 0 {
		return &Invalid{errs}
	}
	defer s.forgetSettings()
	by = s.signer(by)
	return s.update(func(tx *bolt.Tx) error {
		if err := s.mayAdmin(tx); err != nil {
			return err
		}
		old, err := loadSettings(tx)
		if err != nil {
			return err
		}
		v, err := json.Marshal(st)
		if err != nil {
			return err
		}
		if err := tx.Bucket(bMeta).Put(kSettings, v); err != nil {
			return err
		}
		ch := diff(&old, &st)
		if len(ch) == 0 {
			return nil
		}
		if err := s.audit(tx, AuditSettings, "", "", settingsNames(ch)); err != nil {
			return err
		}
		return putHistory(tx, "", settingsID, model.Change{At: s.now().UTC(), By: by, Action: "update", Fields: ch})
	})
}

// writeSettings returns the settings for a write transaction. This process
// is the only writer (bbolt's file lock), so the decoded settings and their
// calendar are kept between saves until SaveSettings changes them.
func (s *Store) writeSettings(tx *bolt.Tx) (*model.Settings, *model.Calendar, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.settings == nil {
		st, err := loadSettings(tx)
		if err != nil {
			return nil, nil, err
		}
		s.settings, s.cal = &st, model.NewCalendar(st.Holidays)
	}
	return s.settings, s.cal, nil
}

func (s *Store) forgetSettings() {
	s.mu.Lock()
	s.settings, s.cal = nil, nil
	s.mu.Unlock()
}

// Create validates rec, fills its ID, reference, ward, dates and due dates,
// and stores it with its indexes and a "create" history entry.
func (s *Store) Create(rec model.Record, by string) error {
	return s.CreateBatch([]model.Record{rec}, by)
}

// bulkAbove is the size from which CreateBatch is a bulk load (a
// variable for the tests, which compare it with create one by one).
var bulkAbove = 64

// CreateBatch creates many records in one transaction (all or none).
func (s *Store) CreateBatch(recs []model.Record, by string) error {
	return s.createBatch(recs, by, nil, nil)
}

// createBatch is CreateBatch running also (when not nil) in its
// transaction, after the records. A bulk batch of a Load holds its who
// keys and links back in hold (held.go).
func (s *Store) createBatch(recs []model.Record, by string, hold *heldKeys, also func(tx *bolt.Tx) error) error {
	// create fills each record's ID, reference and stamps as it goes; if
	// the transaction then fails they were never stored, and a retry must
	// not reuse a reference the rollback gave back.
	metas := make([]model.Meta, len(recs))
	for i, rec := range recs {
		metas[i] = *rec.GetMeta()
	}
	by = s.signer(by)
	var committed func()
	err := s.update(func(tx *bolt.Tx) error {
		if err := s.mayWrite(tx); err != nil {
			return err
		}
		st, cal, err := s.writeSettings(tx)
		if err != nil {
			return err
		}
		if len(recs) > 1 {
			packBuckets(tx)
		}
		if len(recs) > bulkAbove {
			// A bulk load: encoded side by side, written sorted (bulk.go).
			defer endBulk(tx)
			committed, err = s.createBulk(tx, st, cal, recs, by, hold)
		} else {
			for _, rec := range recs {
				if err = s.create(tx, st, cal, rec, by); err != nil {
					break
				}
			}
		}
		if err == nil && also != nil {
			err = also(tx)
		}
		return err
	})
	if err != nil {
		for i, rec := range recs {
			*rec.GetMeta() = metas[i]
		}
	} else if committed != nil {
		committed()
	}
	if len(recs) > 1 {
		// A bulk load touches pages all over the file: a million demo
		// records kept 0.9 GB of them resident.
		s.releaseMapped()
	}
	return err
}

func (s *Store) create(tx *bolt.Tx, st *model.Settings, cal *model.Calendar, rec model.Record, by string) error {
	if err := prepCreate(st, cal, rec); err != nil {
		return err
	}
	id, now, err := s.admit(tx, rec, by)
	if err != nil {
		return err
	}
	if err := putRecord(tx, rec, id); err != nil {
		return err
	}
	return created(tx, rec, id, now, by)
}

// prepCreate is the part of create that reads nothing stored: the ward,
// normalising, due dates, the sealed-identity check. A bulk load runs it
// for many records side by side (bulk.go).
func prepCreate(st *model.Settings, cal *model.Calendar, rec model.Record) error {
	m := rec.GetMeta()
	if m.Ward == "" {
		m.Ward = st.WardCode
	}
	if m.Ward == "" {
		return &Invalid{model.FieldErrors{{Field: "ward", Key: "err.no_ward"}}}
	}
	rec.Normalize()
	fillDues(rec, nil, st, cal)
	if errs := validateSealed(rec); len(errs) > 0 {
		return &Invalid{errs}
	}
	return nil
}

// admit is the part of create that checks rec against what is stored and
// gives it its ID, stamps and reference; it writes only the reference
// counter (and an amendment, when a locked period allows it).
func (s *Store) admit(tx *bolt.Tx, rec model.Record, by string) ([16]byte, time.Time, error) {
	m := rec.GetMeta()
	now := s.now().UTC()
	if err := checkParent(tx, rec); err != nil {
		return [16]byte{}, now, err
	}
	if err := followLinks(tx, nil, rec); err != nil {
		return [16]byte{}, now, err
	}
	if m.ID == "" {
		m.ID = model.NewID(now)
	}
	id, err := model.ParseID(m.ID)
	if err != nil {
		return id, now, err
	}
	if _, used := idKind(tx, id); used {
		return id, now, &Invalid{model.FieldErrors{{Field: "id", Key: "err.id_taken"}}}
	}
	if tx.Bucket(bDeleted).Get(id[:]) != nil {
		// A deleted record does not come back under its old id: its
		// deletion has travelled, or will travel, upward.
		return id, now, &Invalid{model.FieldErrors{{Field: "id", Key: "err.id_deleted"}}}
	}
	if m.CreatedAt.IsZero() {
		m.CreatedAt, m.CreatedBy = now, by
	}
	if m.UpdatedAt.IsZero() {
		m.UpdatedAt, m.UpdatedBy = m.CreatedAt, m.CreatedBy
	}
	if m.Ref == "" {
		if m.Ref, err = nextRef(tx, m.Ward, rec.Kind(), rec.Date().Year()); err != nil {
			return id, now, err
		}
	} else if refTaken(tx, rec.Kind(), m.Ward, m.Ref, id) {
		return id, now, &Invalid{model.FieldErrors{{Field: "ref", Key: "err.ref_taken"}}}
	}
	if err := s.checkLocked(tx, "create", rec, by, now, rec.Date()); err != nil {
		return id, now, err
	}
	return id, now, nil
}

// created counts a new record and writes its "create" history entry.
func created(tx *bolt.Tx, rec model.Record, id [16]byte, now time.Time, by string) error {
	if err := addCount(tx, rec.Kind(), rec.GetMeta().Ward, 1); err != nil {
		return err
	}
	return putHistory(tx, rec.Kind(), id, model.Change{At: now, By: by, Action: "create"})
}

// packBuckets fills pages before splitting them. Bulk loads (demo, import)
// insert mostly in key order, where bbolt's default half-full split doubles
// the file for nothing; a page they split is left full, as a repack
// (rewriteTo) leaves it: most of a bucket's new keys come after its
// last, so the page a split leaves behind is seldom written again. (At
// 0.9 a million demo records took 1.46 KB a record, and a repack after.)
func packBuckets(tx *bolt.Tx) {
	for _, name := range allBuckets() {
		if b := tx.Bucket(name); b != nil {
			b.FillPercent = bulkFill
		}
	}
}

// bulkFill is how full a bulk load leaves the pages it splits.
const bulkFill = 1.0

// fillDues fills the deadlines a record lacks and, when it replaces old
// (nil for a new record), moves the computed ones whose inputs changed
// (model.Petition.RefreshDues).
func fillDues(rec, old model.Record, st *model.Settings, cal *model.Calendar) {
	switch v := rec.(type) {
	case *model.Feedback:
		v.FillDue(st, cal)
	case *model.Petition:
		op, _ := old.(*model.Petition)
		v.RefreshDues(op, st, cal)
	}
}

// checkParent refuses a petition linked to a session or feedback that does
// not exist (or a point number that does not).
func checkParent(tx *bolt.Tx, rec model.Record) error {
	p, ok := rec.(*model.Petition)
	if !ok {
		return nil
	}
	if p.SessionID != "" {
		id, err := model.ParseID(p.SessionID)
		if err != nil || !recordExists(tx, model.KindSession, id) {
			return &Invalid{model.FieldErrors{{Field: "session_id", Key: "err.not_found"}}}
		}
	}
	if p.FeedbackID != "" {
		id, err := model.ParseID(p.FeedbackID)
		if err != nil || !recordExists(tx, model.KindFeedback, id) {
			return &Invalid{model.FieldErrors{{Field: "feedback_id", Key: "err.not_found"}}}
		}
		if p.PointNo != 0 {
			rec, err := getRecord(tx, model.KindFeedback, id)
			if err != nil {
				return fmt.Errorf("read feedback %s: %w", p.FeedbackID, err)
			}
			if p.PointNo < 1 || p.PointNo > len(rec.(*model.Feedback).Points) {
				return &Invalid{model.FieldErrors{{Field: "point_no", Key: "err.not_found"}}}
			}
		}
	}
	return nil
}

func parentLink(rec model.Record) string {
	if p, ok := rec.(*model.Petition); ok {
		return fmt.Sprintf("%s/%s/%d", p.SessionID, p.FeedbackID, p.PointNo)
	}
	return ""
}

func nextRef(tx *bolt.Tx, ward string, k model.Kind, year int) (string, error) {
	// Counters live in meta: one bucket fewer for every save to touch.
	key := seqKey(ward, k, year)
	b := tx.Bucket(bMeta)
	n := uint32(0)
	if v := b.Get(key); len(v) == 4 {
		n = binary.BigEndian.Uint32(v)
	}
	// A reference brought in by a ledger or a bundle may already hold the
	// next number: skip it.
	n++
	ref := model.FormatRef(k, year, int(n))
	for refTaken(tx, k, ward, ref, [16]byte{}) {
		n++
		ref = model.FormatRef(k, year, int(n))
	}
	if err := b.Put(key, u32(n)); err != nil {
		return "", err
	}
	return ref, nil
}

// seqKey is the key of a ward's counter of a kind's references in a
// year: "seq/" ‖ ward ‖ 0 ‖ kind ‖ 0 ‖ year (four digits at least).
func seqKey(ward string, k model.Kind, year int) []byte {
	if year < 0 {
		return []byte(fmt.Sprintf("seq/%s\x00%s\x00%04d", ward, k, year))
	}
	key := make([]byte, 0, 16+len(ward)+len(k))
	key = append(append(append(key, "seq/"...), ward...), 0)
	key = append(append(key, k...), 0)
	return model.AppendPadded(key, year, 4)
}

// putRecord writes the record, its list row, search text and indexes.
func putRecord(tx *bolt.Tx, rec model.Record, id [16]byte) error {
	b := bulkOf(tx)
	e, err := encodeRecord(dataPub(tx), rec, id, b == nil)
	if err != nil {
		return err
	}
	if b != nil {
		// Packed at the end of the import, on every core (bulk.go).
		b.unpacked = append(b.unpacked, bulkRec{bRec(e.kind), id})
	}
	return e.put(tx)
}

// encoded is a record as written: its value and the entries of its list
// row, search text and indexes.
type encoded struct {
	kind model.Kind
	id   [16]byte
	val  []byte
	ix   indexed
}

// indexed are a row's list row, search text, index keys and link, as
// putIndexes writes them: held in one value (a bulk load holds every
// record's until its end; a list of entries naming their buckets took
// three times the room).
type indexed struct {
	kind            model.Kind
	rowKey, row     []byte // in bList(kind); the fold in bFold(kind) under rowKey
	fold            []byte
	keys            [][]byte // in bIx(kind)
	link            []byte   // in bLinks; nil without a parent
	keyArr          [6][]byte
	rowKeyAndLinkID [20 + 32]byte
}

// jsonBufs are the buffers encodeRecord writes a record's JSON into before
// packing it.
var jsonBufs = sync.Pool{New: func() any { b := make([]byte, 0, 2048); return &b }}

// encodeRecord seals a confidential petition's identity to pub (the data
// key; nil before setup) and encodes rec, its value packed when pack (else
// its JSON). It reads nothing stored, so a bulk load encodes many records
// side by side.
func encodeRecord(pub []byte, rec model.Record, id [16]byte, pack bool) (*encoded, error) {
	k := rec.Kind()
	if p, ok := rec.(*model.Petition); ok {
		if err := sealPetitionTo(pub, p); err != nil {
			return nil, err
		}
	}
	var v []byte
	var err error
	if pack {
		// The JSON is packed into a value of its own: its buffer is
		// reused (packRecord keeps nothing of it).
		buf := jsonBufs.Get().(*[]byte)
		var js []byte
		js, err = model.AppendJSON((*buf)[:0], rec)
		if err == nil {
			v = packRecord(id[:], js)
		}
		*buf = js
		jsonBufs.Put(buf)
	} else {
		v, err = model.AppendJSON(nil, rec)
	}
	if err != nil {
		return nil, fmt.Errorf("encode %s: %w", k, err)
	}
	row := model.RowOf(rec)
	e := &encoded{kind: k, id: id, val: v}
	e.ix.of(&row, id)
	return e, nil
}

func (e *encoded) put(tx *bolt.Tx) error {
	if err := recPut(tx, e.kind, e.id[:], e.val); err != nil {
		return err
	}
	return e.ix.put(tx)
}

// replaceRecord stores rec over old (the same record as stored), moving
// its list row and indexes.
func replaceRecord(tx *bolt.Tx, old, rec model.Record, id [16]byte) error {
	oldRow := model.RowOf(old)
	if err := deleteIndexes(tx, &oldRow, id); err != nil {
		return err
	}
	keepSealed(old, rec)
	return putRecord(tx, rec, id)
}

func putIndexes(tx *bolt.Tx, row *model.Row, id [16]byte) error {
	var x indexed
	x.of(row, id)
	return x.put(tx)
}

// of sets x to the entries of row (record id): its list row and search
// text under rowKey, its ix keys (ixKeys), and its link to its parent.
func (x *indexed) of(row *model.Row, id [16]byte) {
	x.kind = row.Kind
	b := x.rowKeyAndLinkID[:]
	binary.BigEndian.PutUint32(b, uint32(row.Date))
	copy(b[4:], id[:])
	x.rowKey = b[:20:20]
	x.row = encodeRow(row)
	x.fold = stringBytes(row.Fold)
	x.keys = appendIxKeys(x.keyArr[:0], row, id)
	x.link = nil
	if row.ParentID != "" {
		if pid, err := model.ParseID(row.ParentID); err == nil {
			copy(b[20:], pid[:])
			copy(b[36:], id[:])
			x.link = b[20:52:52]
		}
	}
}

func (x *indexed) put(tx *bolt.Tx) error { return x.putBut(tx, nil, nil) }

// putBut writes x's entries but the index keys holdKey takes and the link
// holdLink takes (each reports whether it took it; nil takes none): a
// Load holds some back (held.go).
func (x *indexed) putBut(tx *bolt.Tx, holdKey, holdLink func([]byte) bool) error {
	if err := ixPut(tx, bList(x.kind), x.rowKey, x.row); err != nil {
		return err
	}
	if err := ixPut(tx, bFold(x.kind), x.rowKey, x.fold); err != nil {
		return err
	}
	ix := bIx(x.kind)
	for _, key := range x.keys {
		if holdKey != nil && holdKey(key) {
			continue
		}
		if err := ixPut(tx, ix, key, nil); err != nil {
			return err
		}
	}
	if x.link != nil && (holdLink == nil || !holdLink(x.link)) {
		return ixPut(tx, bLinks, x.link, nil)
	}
	return nil
}

// stringBytes is s's bytes without a copy, for a value only read (bbolt
// copies a value into its page and never writes to it): a row's folded
// text was copied once more for every record written.
func stringBytes(s string) []byte {
	if s == "" {
		return []byte{}
	}
	return unsafe.Slice(unsafe.StringData(s), len(s))
}

func deleteIndexes(tx *bolt.Tx, row *model.Row, id [16]byte) error {
	k := row.Kind
	rk := rowKey(row.Date, id)
	if err := ixDelete(tx, bList(k), rk); err != nil {
		return err
	}
	if err := ixDelete(tx, bFold(k), rk); err != nil {
		return err
	}
	for _, key := range ixKeys(row, id) {
		if err := ixDelete(tx, bIx(k), key); err != nil {
			return err
		}
	}
	if row.ParentID != "" {
		if pid, err := model.ParseID(row.ParentID); err == nil {
			if err := ixDelete(tx, bLinks, append(pid[:], id[:]...)); err != nil {
				return err
			}
		}
	}
	return nil
}

// addCount keeps the number of records of a kind, in all and per origin
// ward, in meta: totals and the per-ward dashboard never walk the rows.
// A record's ward never changes, so only create, delete and import count.
func addCount(tx *bolt.Tx, k model.Kind, ward string, d int) error {
	m := tx.Bucket(bMeta)
	for _, key := range [][]byte{kCount(k), kWardCount(k, ward)} {
		n := int64(0)
		if v := m.Get(key); len(v) == 8 {
			n = int64(binary.BigEndian.Uint64(v))
		}
		n += int64(d)
		if n == 0 && len(key) > len(kCount(k)) {
			if err := m.Delete(key); err != nil {
				return err
			}
			continue
		}
		b := make([]byte, 8)
		binary.BigEndian.PutUint64(b, uint64(n))
		if err := m.Put(key, b); err != nil {
			return err
		}
	}
	return nil
}

// kWardCount is the key of a ward's count of a kind; with ward "", the
// prefix of them all.
func kWardCount(k model.Kind, ward string) []byte {
	return []byte("wardcount/" + string(k) + "/" + ward)
}

// WardTotals counts the records of each origin ward, all kinds together.
func (s *Store) WardTotals() (map[string]int, error) {
	out := map[string]int{}
	err := s.view(func(tx *bolt.Tx) error {
		for _, k := range model.Kinds {
			prefix := kWardCount(k, "")
			c := tx.Bucket(bMeta).Cursor()
			for key, v := c.Seek(prefix); key != nil && bytes.HasPrefix(key, prefix); key, v = c.Next() {
				if len(v) == 8 {
					out[string(key[len(prefix):])] += int(binary.BigEndian.Uint64(v))
				}
			}
		}
		return nil
	})
	return out, err
}

// A record's history sits in its own bucket right after it (id ‖ seq), so
// a save writes the record and its history entry to the same page.
// Settings' history (kind "") has a bucket of its own.
func histBucket(tx *bolt.Tx, k model.Kind) *bolt.Bucket {
	if k == "" {
		return tx.Bucket(bHistory)
	}
	return tx.Bucket(bRec(k))
}

func putHistory(tx *bolt.Tx, k model.Kind, id [16]byte, c model.Change) error {
	if err := sealHistoryEntry(tx, k, id, &c); err != nil {
		return err
	}
	b := histBucket(tx, k)
	seq, err := b.NextSequence()
	if err != nil {
		return err
	}
	key := make([]byte, 24)
	copy(key, id[:])
	binary.BigEndian.PutUint64(key[16:], seq)
	v, err := encodeChange(c)
	if err != nil {
		return err
	}
	if k == "" {
		return b.Put(key, v)
	}
	return recPut(tx, k, key, v)
}

func newRecord(k model.Kind) model.Record {
	switch k {
	case model.KindFeedback:
		return &model.Feedback{}
	case model.KindSession:
		return &model.Session{}
	case model.KindCommitment:
		return &model.Commitment{}
	case model.KindInformation:
		return &model.Information{}
	default:
		return &model.Petition{}
	}
}

func getRecord(tx *bolt.Tx, k model.Kind, id [16]byte) (model.Record, error) {
	if rec := pendingRecord(tx, k, id); rec != nil {
		return rec, nil
	}
	v := tx.Bucket(bRec(k)).Get(id[:])
	if v == nil {
		return nil, ErrNotFound
	}
	rec, err := decodeRecord(k, id[:], v)
	if err != nil {
		return nil, fmt.Errorf("decode %s %s: %w", k, model.IDString(id[:]), err)
	}
	return rec, nil
}

// Get reads one record.
func (s *Store) Get(k model.Kind, id string) (model.Record, error) {
	bid, err := model.ParseID(id)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", id, ErrNotFound)
	}
	var rec model.Record
	err = s.view(func(tx *bolt.Tx) error {
		rec, err = getRecord(tx, k, bid)
		return err
	})
	return rec, err
}

// Find looks a record up by id in any kind.
func (s *Store) Find(id string) (model.Record, error) {
	for _, k := range model.Kinds {
		rec, err := s.Get(k, id)
		if err == nil || err != ErrNotFound {
			return rec, err
		}
	}
	return nil, ErrNotFound
}

// Update stores a changed record. It refuses (ErrStale) when the stored
// record was changed after rec was read, so nobody overwrites a change
// they have not seen: a form, which shows a record for minutes before it
// saves, uses it; a change made on the spot uses Modify.
func (s *Store) Update(rec model.Record, by string) error {
	m := rec.GetMeta()
	id, err := model.ParseID(m.ID)
	if err != nil {
		return fmt.Errorf("update: %w", ErrNotFound)
	}
	by = s.signer(by)
	return s.update(func(tx *bolt.Tx) error {
		if err := s.mayWrite(tx); err != nil {
			return err
		}
		old, err := getRecord(tx, rec.Kind(), id)
		if err != nil {
			return err
		}
		if !old.GetMeta().UpdatedAt.Equal(m.UpdatedAt) {
			return ErrStale
		}
		return s.replace(tx, old, rec, id, by)
	})
}

// Modify reads a record, lets change alter it and writes it back, all in
// one write transaction: nothing can come between the read and the write,
// so it never fails with ErrStale. An error from change aborts it and
// writes nothing.
func (s *Store) Modify(k model.Kind, id, by string, change func(model.Record) error) error {
	bid, err := model.ParseID(id)
	if err != nil {
		return fmt.Errorf("%s: %w", id, ErrNotFound)
	}
	by = s.signer(by)
	return s.update(func(tx *bolt.Tx) error {
		if err := s.mayWrite(tx); err != nil {
			return err
		}
		old, err := getRecord(tx, k, bid)
		if err != nil {
			return err
		}
		rec, err := getRecord(tx, k, bid)
		if err != nil {
			return err
		}
		if err := change(rec); err != nil {
			return err
		}
		return s.replace(tx, old, rec, bid, by)
	})
}

// replace writes rec over old: what its creation fixed (id, reference,
// ward, creation) stays, dues are filled again, it is validated and the
// changed fields go to its history. An unchanged record writes nothing.
func (s *Store) replace(tx *bolt.Tx, old, rec model.Record, id [16]byte, by string) error {
	m, om := rec.GetMeta(), old.GetMeta()
	// A sealed identity is compared opened (when the user may open it),
	// so the history says which identity fields changed, sealed again.
	stored := old
	old, err := s.openedForDiff(old, rec)
	if err != nil {
		return err
	}
	st, cal, err := s.writeSettings(tx)
	if err != nil {
		return err
	}
	m.ID, m.Ref, m.Ward, m.CreatedAt, m.CreatedBy = om.ID, om.Ref, om.Ward, om.CreatedAt, om.CreatedBy
	rec.Normalize()
	fillDues(rec, old, st, cal)
	if errs := validateSealed(rec); len(errs) > 0 {
		return &Invalid{errs}
	}
	// Only a changed link is checked: a petition whose session was
	// deleted (or whose feedback point was removed) stays editable.
	if parentLink(rec) != parentLink(old) {
		if err := checkParent(tx, rec); err != nil {
			return err
		}
	}
	if err := followLinks(tx, old, rec); err != nil {
		return err
	}
	changes := diff(old, rec)
	if len(changes) == 0 {
		return nil
	}
	now := s.now().UTC()
	if !now.After(om.UpdatedAt) {
		now = om.UpdatedAt.Add(1)
	}
	if err := s.checkLocked(tx, "update", rec, by, now, old.Date(), rec.Date()); err != nil {
		return err
	}
	prevAt, prevBy := m.UpdatedAt, m.UpdatedBy
	m.UpdatedAt, m.UpdatedBy = now, by
	if err := replaceRecord(tx, stored, rec, id); err != nil {
		return err
	}
	if err := sealOnBecomingConfidential(tx, stored, rec, id); err != nil {
		return err
	}
	locked := func(q model.Record) error { return s.checkLocked(tx, "update", q, by, now, q.Date()) }
	if err := renumberRepeats(tx, old, rec, now, by, locked); err != nil {
		// Refused (a later repeat is in a reported period): rec is as
		// the caller had it, so the same save may be tried with a reason.
		m.UpdatedAt, m.UpdatedBy = prevAt, prevBy
		return err
	}
	return putHistory(tx, rec.Kind(), id, model.Change{At: now, By: by, Action: "update", Fields: changes})
}

// Delete removes a record. Its history stays, with a "delete" entry naming
// who deleted it and what it was.
func (s *Store) Delete(k model.Kind, idStr, by string) error {
	id, err := model.ParseID(idStr)
	if err != nil {
		return ErrNotFound
	}
	by = s.signer(by)
	return s.update(func(tx *bolt.Tx) error {
		if err := s.mayWrite(tx); err != nil {
			return err
		}
		at := s.now().UTC()
		ref := ""
		if old, err := getRecord(tx, k, id); err == nil {
			if err := s.checkLocked(tx, "delete", old, by, at, old.Date()); err != nil {
				return err
			}
			ref = old.GetMeta().Ref
		}
		if err := s.audit(tx, AuditDelete, ref, "", string(k)); err != nil {
			return err
		}
		return deleteTx(tx, k, id, Tombstone{Kind: k, At: at, By: by}, "")
	})
}

// Tombstone is what remains of a deleted record: what it was and who
// deleted it when — never whom it concerned. Tombstones travel in bundles
// so a deletion at the ward reaches the province.
type Tombstone struct {
	ID   string     `json:"id,omitempty"`
	Kind model.Kind `json:"kind"`
	Ref  string     `json:"ref"`
	Ward string     `json:"ward"`
	At   time.Time  `json:"at"`
	By   string     `json:"by"`
}

// deleteTx removes a record with its indexes, keeps a tombstone, blanks a
// petition's personal data in its history and records the deletion there.
func deleteTx(tx *bolt.Tx, k model.Kind, id [16]byte, t Tombstone, note string) error {
	old, err := getRecord(tx, k, id)
	if err != nil {
		return err
	}
	row := model.RowOf(old)
	if err := deleteIndexes(tx, &row, id); err != nil {
		return err
	}
	// The tombstone names what was deleted, not who it concerned: a
	// deleted petition's personal data must really go (Luật BVDLCN).
	t.Kind, t.Ref, t.Ward, t.ID = k, row.Ref, row.Ward, ""
	tomb, err := json.Marshal(t)
	if err != nil {
		return err
	}
	if err := tx.Bucket(bDeleted).Put(id[:], tomb); err != nil {
		return err
	}
	if err := tx.Bucket(bRec(k)).Delete(id[:]); err != nil {
		return err
	}
	if err := addCount(tx, k, row.Ward, -1); err != nil {
		return err
	}
	if k == model.KindPetition {
		if err := redactHistory(tx, k, id); err != nil {
			return err
		}
	}
	if note == "" {
		note = deleteNote(&row)
	}
	return putHistory(tx, k, id, model.Change{At: t.At, By: t.By, Action: "delete", Note: note})
}

// History lists a record's changes, oldest first.
func (s *Store) History(idStr string) ([]model.Change, error) {
	id, err := model.ParseID(idStr)
	if err != nil {
		return nil, ErrNotFound
	}
	return s.history(id)
}

// SettingsHistory lists the changes made to Settings.
func (s *Store) SettingsHistory() ([]model.Change, error) { return s.history(settingsID) }

func (s *Store) history(id [16]byte) ([]model.Change, error) {
	var out []model.Change
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		out, err = historyTx(tx, id)
		return err
	})
	return out, err
}

// historyTx reads a record's history, whatever its kind (and even after the
// record was deleted).
func historyTx(tx *bolt.Tx, id [16]byte) ([]model.Change, error) {
	kinds := []model.Kind{""}
	if id != settingsID {
		kinds = model.Kinds
	}
	for _, k := range kinds {
		var out []model.Change
		c := histBucket(tx, k).Cursor()
		for key, v := c.Seek(id[:]); key != nil && bytes.HasPrefix(key, id[:]); key, v = c.Next() {
			if len(key) != 24 {
				continue // the record itself
			}
			ch, _, err := decodeChange(v)
			if err != nil {
				return nil, fmt.Errorf("decode history: %w", err)
			}
			out = append(out, ch)
		}
		if len(out) > 0 {
			return out, nil
		}
	}
	return nil, nil
}

// isRecordKey tells a record's key from its history entries' in a record bucket.
func isRecordKey(k []byte) bool { return len(k) == 16 }

// diff lists the fields that differ between two values of the same type,
// by their stored (JSON) names; nested fields are dotted ("points.2.status").
func diff(a, b any) []model.FieldChange {
	fa, fb := flatten(a), flatten(b)
	keys := map[string]bool{}
	for k := range fa {
		keys[k] = true
	}
	for k := range fb {
		keys[k] = true
	}
	var out []model.FieldChange
	for k := range keys {
		if k == "updated_at" || k == "updated_by" || k == "sealed" {
			continue
		}
		if fa[k] != fb[k] {
			out = append(out, model.FieldChange{Field: k, Old: fa[k], New: fb[k]})
		}
	}
	slices.SortFunc(out, func(a, b model.FieldChange) int { return strings.Compare(a.Field, b.Field) })
	return out
}

func flatten(v any) map[string]string {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil
	}
	var tree any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&tree); err != nil {
		return nil
	}
	out := map[string]string{}
	var walk func(prefix string, t any)
	walk = func(prefix string, t any) {
		switch x := t.(type) {
		case map[string]any:
			for k, v := range x {
				walk(join(prefix, k), v)
			}
		case []any:
			for i, v := range x {
				walk(join(prefix, fmt.Sprint(i+1)), v)
			}
		case nil:
		case string:
			if x != "" {
				out[prefix] = x
			}
		default:
			out[prefix] = fmt.Sprint(x)
		}
	}
	walk("", tree)
	return out
}

func join(prefix, k string) string {
	if prefix == "" {
		return k
	}
	return strings.Join([]string{prefix, k}, ".")
}

// deleteNote says what was deleted: the reference, and the subject for
// records that hold no citizen's data.
func deleteNote(row *model.Row) string {
	if row.Kind == model.KindPetition {
		return row.Ref
	}
	return row.Ref + " " + row.Title
}

// redactHistory blanks the old and new values of a deleted petition's
// personal fields in its history: who changed what and when stays, the
// citizen's identity goes with the record.
func redactHistory(tx *bolt.Tx, k model.Kind, id [16]byte) error {
	return rewriteChanges(tx, k, id, func(ch *model.Change) (bool, error) {
		dirty := false
		for i := range ch.Fields {
			if personalFields[ch.Fields[i].Field] && (ch.Fields[i].Old != "" || ch.Fields[i].New != "") || ch.Fields[i].Sealed != nil {
				ch.Fields[i].Old, ch.Fields[i].New, ch.Fields[i].Sealed = "", "", nil
				dirty = true
			}
		}
		if ch.Action == "conflict" && ch.Note != "" {
			ch.Note, dirty = "", true
		}
		return dirty, nil
	})
}
