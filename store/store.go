// Package store keeps gopy's records in one bbolt file: the records, their
// list rows and secondary indexes (written in the same transaction), their
// history, the ward's settings and drafts.
package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"gopy/model"
)

// SchemaVersion is the layout this build reads and writes.
const SchemaVersion = 5

var (
	ErrInUse       = errors.New("database in use by another gopy")
	ErrNewerSchema = errors.New("database made by a newer gopy")
	// ErrOlderSchema: a read-only open of a database an older gopy made;
	// one read-write open migrates it (after a backup).
	ErrOlderSchema = errors.New("database made by an older gopy, not yet migrated")
	// ErrStoppedLoad: a read-only open of a database whose bulk load
	// (gopy demo) was stopped before it wrote its held-back index
	// entries (held.go); one read-write open writes them. It is an
	// ErrOlderSchema, which callers already answer that way.
	ErrStoppedLoad = fmt.Errorf("a bulk load was stopped before it wrote its index entries: %w", ErrOlderSchema)
	ErrNotFound    = errors.New("record not found")
	ErrNoDatabase  = errors.New("no database at this path")
	ErrStale       = errors.New("record changed since it was opened")
	ErrNotGopy     = errors.New("not a gopy database")
	ErrReadOnly    = errors.New("database opened read-only")
)

// Invalid wraps a record's validation errors so callers can show them beside
// the fields.
type Invalid struct{ Errors model.FieldErrors }

func (e *Invalid) Error() string { return "invalid record: " + e.Errors.Error() }

// Options for Open.
type Options struct {
	// ReadOnly opens with a shared lock: any number of readers, no writer.
	ReadOnly bool
	// Timeout bounds the wait for the file lock; zero means 500 ms, so a
	// second instance reports "in use" well within a second.
	Timeout time.Duration
	// NoSync skips fsync (bulk demo generation only; Sync before Close).
	NoSync bool
	// Now overrides the clock (tests).
	Now func() time.Time
	// ReadAhead lets the kernel read the file ahead of a walk (read-only
	// opens only): bbolt turns that off for its random lookups, but a
	// command that walks a year's rows in order from a cold disk took a
	// third longer without it. The TUI leaves it off.
	ReadAhead bool
}

// Store is the one handle on a database file.
type Store struct {
	db   *bolt.DB
	bopt *bolt.Options // as opened (a migration opens the new file alike)
	path string
	now  func() time.Time
	// opened is the file opened at path, to notice it replaced (Replaced).
	opened os.FileInfo

	scanned    atomic.Int64 // keys walked since fileResident was last asked (see touched)
	unmeasured atomic.Int64 // keys walked since the last release, where fileResident cannot tell
	noRelease  atomic.Bool  // the kernel refused to release the map (see releaseMapped)
	// readAheadOn: opened with Options.ReadAhead (see Prefetch).
	readAheadOn bool

	parents  bulkParents // see bulkParents
	prepared prepared    // see PrepareBatch

	mu       sync.Mutex
	settings *model.Settings // see writeSettings
	cal      *model.Calendar

	amending amending // see Amending

	ro   bool
	smu  sync.Mutex
	sess *session // who is signed in (users.go)
}

// Bucket names. Per-kind buckets are named "<prefix>/<kind>".
var (
	bMeta     = []byte("meta")
	bHistory  = []byte("history")
	bLinks    = []byte("links")
	bDrafts   = []byte("drafts")
	bDeleted  = []byte("deleted")
	bImports  = []byte("imports")
	bWards    = []byte("wards")
	kSchema   = []byte("schema")
	kSettings = []byte("settings")
)

func bRec(k model.Kind) []byte  { return kindBucket(k, 0, "rec/") }
func bList(k model.Kind) []byte { return kindBucket(k, 1, "list/") }
func bFold(k model.Kind) []byte { return kindBucket(k, 2, "fold/") }

// The status, deadline, who and reference indexes of a kind share one
// bucket, told apart by their keys' first byte (ixStatus, ixDue, sortWho,
// sortRef): a save dirties one tree's branch pages instead of four, which
// keeps it within the SPEC's "2× a bare commit".
func bIx(k model.Kind) []byte { return kindBucket(k, 3, "ix/") }

// kindBuckets are each kind's bucket names (model.Kinds' order), made
// once: a bulk load asked for them several times a record. Their capacity
// is their length, so an append to one copies it; nobody writes into them.
var kindBuckets = func() [][4][]byte {
	out := make([][4][]byte, len(model.Kinds))
	for i, k := range model.Kinds {
		for j, prefix := range []string{"rec/", "list/", "fold/", "ix/"} {
			b := []byte(prefix + string(k))
			out[i][j] = b[:len(b):len(b)]
		}
	}
	return out
}()

// kindBucket is the bucket prefix+k, the slot'th of a kind's buckets.
func kindBucket(k model.Kind, slot int, prefix string) []byte {
	if i := kindIndex(k); i >= 0 {
		return kindBuckets[i][slot]
	}
	return []byte(prefix + string(k))
}

// kindIndex is k's place in model.Kinds (-1 for none).
func kindIndex(k model.Kind) int { return slices.Index(model.Kinds, k) }

const (
	ixStatus = 's'
	ixDue    = 'd'
)

// ixKeys are a row's keys in its kind's ix bucket: status (and the
// virtual status "unaccepted" of a petition no decision was taken on), who
// and reference, and the deadline it can still miss (model.Row.OpenDue: an
// overdue query trusts the deadline index without reading the row).
func ixKeys(row *model.Row, id [16]byte) [][]byte {
	return appendIxKeys(make([][]byte, 0, 6), row, id)
}

// appendIxKeys appends ixKeys(row, id) to keys, all of them in one new
// slice of bytes (each with its capacity its length): statusKey, whoKey,
// refKey, uniqKey, then maybe the unaccepted statusKey and dueKey, as
// those make them one by one.
func appendIxKeys(keys [][]byte, row *model.Row, id [16]byte) [][]byte {
	unaccepted := row.Unaccepted()
	due, kind := row.OpenDue()
	hasDue := kind != "" && due != 0
	// Each key ends in date ‖ id (20 bytes); the who key's collation key
	// is about three and a half times its text.
	n := 4*21 + 1 + len(row.Status) + 4*len(row.Who) + 16 + 1 + len(row.Ref) + 2 + len(row.Ward) + len(row.Ref)
	if unaccepted {
		n += 22 + len(StatusUnaccepted)
	}
	if hasDue {
		n += 25
	}
	b := make([]byte, 0, n)
	tail := rowTail(row.Date, id)
	// (A collation key longer than guessed moves b: the keys cut before
	// keep the old array, which is theirs alone.)
	cut := func(start int) {
		keys = append(keys, b[start:len(b):len(b)])
	}
	start := len(b)
	b = appendTagged(b, ixStatus, row.Status, &tail)
	cut(start)
	start = len(b)
	b = appendWhoKey(b, row, &tail)
	cut(start)
	start = len(b)
	b = appendTagged(b, sortRef, row.Ref, &tail)
	cut(start)
	start = len(b)
	b = append(appendUniqPrefix(b, row.Ward, row.Ref), tail[:]...)
	cut(start)
	if unaccepted {
		start = len(b)
		b = appendTagged(b, ixStatus, StatusUnaccepted, &tail)
		cut(start)
	}
	if hasDue {
		start = len(b)
		b = appendDueKey(b, due, &tail)
		cut(start)
	}
	return keys
}

// StatusUnaccepted is the status a petitions query takes for the open
// petitions no decision (accept, return, transfer) was taken on yet:
// `gopy list petitions --status unaccepted`.
const StatusUnaccepted = "unaccepted"

func kCount(k model.Kind) []byte { return []byte("count/" + string(k)) }

func allBuckets() [][]byte {
	out := [][]byte{bMeta, bHistory, bLinks, bDrafts, bDeleted, bImports, bWards, bUsers, bAudit}
	for _, k := range model.Kinds {
		out = append(out, bRec(k), bList(k), bFold(k), bIx(k))
	}
	return out
}

// Open opens (creating if needed, unless read-only) the database at path.
func Open(path string, opt Options) (*Store, error) {
	if opt.Timeout == 0 {
		opt.Timeout = 500 * time.Millisecond
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.ReadOnly {
		// An empty file is what a read-write open would set up; read-only,
		// bbolt would fail writing to it.
		if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
			return nil, fmt.Errorf("%s: %w", path, ErrNoDatabase)
		}
	} else if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("create folder for %s: %w", path, err)
	}
	if err := checkLength(path); err != nil {
		return nil, err
	}
	bopt := &bolt.Options{
		InitialMmapSize: initialMmap(),
		Timeout:         opt.Timeout,
		ReadOnly:        opt.ReadOnly,
		NoSync:          opt.NoSync,
		// Nor after each growth of the file (every 4 MB: 600 fsyncs in a
		// million-record demo); Sync at the end flushes the size too.
		NoGrowSync: opt.NoSync,
		// The array freelist, not the map: a file with many free pages
		// (83,000 at a million records after an upgrade rebuilt the
		// indexes) made the map type spend 25–35 ms building itself at
		// each read-write open and 10–20 ms sorting itself at each commit;
		// the sorted array takes 3–6 ms and 2 ms (single-page
		// allocations, gopy's usual, are found at its start).
		FreelistType: bolt.FreelistArrayType,
		// The freelist is written at each commit. Without it, every
		// read-write open rebuilds it by reading the whole file: 2 GB read
		// and resident before the first frame at a million records.
		NoFreelistSync: false,
	}
	db, err := openBolt(path, bopt)
	if err != nil {
		if errors.Is(err, bolterrors.ErrTimeout) {
			return nil, fmt.Errorf("%s: %w", path, ErrInUse)
		}
		if errors.Is(err, bolterrors.ErrInvalid) || errors.Is(err, bolterrors.ErrVersionMismatch) || errors.Is(err, bolterrors.ErrChecksum) {
			return nil, fmt.Errorf("%s: %w", path, ErrNotGopy)
		}
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	s := &Store{db: db, bopt: bopt, path: path, now: opt.Now, ro: opt.ReadOnly}
	if fi, err := os.Stat(path); err == nil {
		// On Windows the file's identity is read lazily, by path: read it
		// now, while the path still names the file opened.
		os.SameFile(fi, fi)
		s.opened = fi
	}
	if err := s.prepare(opt.ReadOnly); err != nil {
		s.db.Close() // a migration may have opened another file
		return nil, err
	}
	if opt.ReadAhead && opt.ReadOnly {
		s.readAhead()
		s.readAheadOn = true
	}
	return s, nil
}

// allocSize is how far ahead of its pages bbolt grows the file: its
// default, 16 MB, was 16 bytes a record of a million-record file that
// nothing used. A grow costs a truncate and an fsync, at most once per
// 4 MB written.
const allocSize = 4 << 20

func openBolt(path string, opt *bolt.Options) (*bolt.DB, error) {
	db, err := bolt.Open(path, 0o600, opt)
	if err == nil {
		db.AllocSize = allocSize
	}
	return db, err
}

// initialMmap reserves address space up front where that costs nothing:
// every time bbolt grows its map it copies all pages a write transaction
// has touched, which made a 100k-record import spend a fifth of its time
// remapping. On Windows the map size is the file size, and 32-bit systems
// lack the address space, so there bbolt grows as it needs.
func initialMmap() int {
	if runtime.GOOS == "windows" || strconv.IntSize < 64 {
		return 0
	}
	return 1 << 30
}

// prepare checks the schema version, creating or migrating as needed.
func (s *Store) prepare(readOnly bool) error {
	var version uint32
	var fresh bool
	err := s.view(func(tx *bolt.Tx) error {
		m := tx.Bucket(bMeta)
		if m == nil {
			fresh = true
			// A file with buckets but no meta is someone else's bbolt file.
			return tx.ForEach(func([]byte, *bolt.Bucket) error { return ErrNotGopy })
		}
		v := m.Get(kSchema)
		if len(v) != 4 {
			return ErrNotGopy
		}
		version = binary.BigEndian.Uint32(v)
		return nil
	})
	if err != nil {
		return fmt.Errorf("%s: %w", s.path, err)
	}
	switch {
	case version > SchemaVersion:
		return fmt.Errorf("%s (schema %d, this gopy reads %d): %w", s.path, version, SchemaVersion, ErrNewerSchema)
	case fresh:
		if readOnly {
			return fmt.Errorf("%s: %w", s.path, ErrNoDatabase)
		}
		return s.db.Update(func(tx *bolt.Tx) error {
			if err := initBuckets(tx); err != nil {
				return err
			}
			return ensureKey(tx)
		})
	case version < SchemaVersion:
		if readOnly {
			return fmt.Errorf("%s (schema %d): %w", s.path, version, ErrOlderSchema)
		}
		if err := s.migrate(version); err != nil {
			return err
		}
	}
	if readOnly {
		var held bool
		s.view(func(tx *bolt.Tx) error { held = hasHeld(tx); return nil })
		if held {
			// A bulk load was stopped before it wrote its held-back
			// entries (held.go): an open for writing writes them.
			return fmt.Errorf("%s: %w", s.path, ErrStoppedLoad)
		}
		return nil
	}
	if err := s.restoreHeld(); err != nil {
		return err
	}
	var hasKey bool
	s.view(func(tx *bolt.Tx) error { hasKey = hasSigningKey(tx); return nil })
	if !hasKey {
		if err := s.db.Update(ensureKey); err != nil {
			return fmt.Errorf("%s: %w", s.path, err)
		}
	}
	return s.addSortIndexes()
}

func initBuckets(tx *bolt.Tx) error {
	for _, b := range allBuckets() {
		if _, err := tx.CreateBucketIfNotExists(b); err != nil {
			return fmt.Errorf("create bucket %s: %w", b, err)
		}
	}
	if err := putCollation(tx); err != nil {
		return err
	}
	return tx.Bucket(bMeta).Put(kSchema, schemaBytes(SchemaVersion))
}

// Path is the database file's path.
func (s *Store) Path() string { return s.path }

// Close releases the file lock.
func (s *Store) Close() error { return s.db.Close() }

// Sync flushes to disk (after a NoSync bulk load).
func (s *Store) Sync() error { return s.db.Sync() }

// Today is the current date in Vietnam by the store's clock.
func (s *Store) Today() model.Date { return model.DateOf(s.now()) }
