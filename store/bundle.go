package store

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	bolt "go.etcd.io/bbolt"

	"gopy/model"
)

// A bundle is what a ward sends upward: one gzip-compressed JSON-lines file.
// Line 1 is the Manifest; every further line is one BundleItem (a record
// with its history). The manifest's checksum is SHA-256 over the bytes of
// all lines after the first, newlines included, so any change to the
// content, or a cut, is caught before anything is written.
const (
	BundleFormat  = "gopy-bundle"
	BundleVersion = 1
	// maxBundleLine bounds one record's line; a longer line is an error, not
	// an out-of-memory.
	maxBundleLine = 16 << 20
	// maxBundleBytes bounds the decompressed size (a gzip bomb is refused).
	maxBundleBytes = 4 << 30
)

// Manifest heads a bundle.
type Manifest struct {
	Format        string         `json:"format"`
	Version       int            `json:"version"`
	Ward          string         `json:"ward"`
	WardName      string         `json:"ward_name"`
	Province      string         `json:"province,omitempty"`
	Period        model.Period   `json:"period"`
	ExportedAt    time.Time      `json:"exported_at"`
	ExportedBy    string         `json:"exported_by,omitempty"`
	StripPersonal bool           `json:"strip_personal"`
	Counts        map[string]int `json:"counts"`
	Checksum      string         `json:"checksum"`
	// Audit is the ward's audit chain head when exported: the higher
	// level keeps a witness of the ward's log (store/audit.go).
	Audit *AuditHead `json:"audit,omitempty"`
}

// BundleItem is one record in a bundle.
type BundleItem struct {
	Kind    model.Kind      `json:"kind"`
	Record  json.RawMessage `json:"record"`
	History []model.Change  `json:"history,omitempty"`
}

// ErrBundle marks a bundle that is truncated, corrupt, tampered with or not
// a gopy bundle; it is rejected whole.
var ErrBundle = errors.New("bundle rejected")

// ExportOptions choose what goes into a bundle.
type ExportOptions struct {
	Period        model.Period // zero: everything
	StripPersonal bool
	By            string
}

// personal fields of a petition, left out by --strip-personal. The
// residential group stays unless the petition is confidential.
var personalFields = map[string]bool{"name": true, "address": true, "id_number": true, "phone": true}

// Export writes a bundle of the records whose own date falls in the period.
func (s *Store) Export(w io.Writer, opt ExportOptions) (Manifest, error) {
	st, err := s.Settings()
	if err != nil {
		return Manifest{}, err
	}
	if st.WardCode == "" {
		return Manifest{}, fmt.Errorf("export: %w", &Invalid{model.FieldErrors{{Field: "ward", Key: "err.no_ward"}}})
	}
	m := Manifest{Format: BundleFormat, Version: BundleVersion, Ward: st.WardCode, WardName: st.WardName,
		Province: st.Province, Period: opt.Period, ExportedAt: s.now().UTC(), ExportedBy: opt.By,
		StripPersonal: opt.StripPersonal, Counts: map[string]int{}}
	if head, err := s.AuditHead(); err == nil && head.Length > 0 {
		m.Audit = &head
	}
	// The body is built first (in a temp file) because the manifest, which
	// comes first, carries its checksum and counts.
	body, err := os.CreateTemp("", "gopy-bundle-*")
	if err != nil {
		return m, fmt.Errorf("export: %w", err)
	}
	defer os.Remove(body.Name())
	defer body.Close()
	h := sha256.New()
	bw := bufio.NewWriterSize(io.MultiWriter(body, h), 256<<10)
	// Records go out in ID order across kinds: IDs are ULIDs, so the
	// importer appends to its buckets instead of inserting into the middle
	// of one growing page (bbolt splits pages only at commit, and a bundle
	// is merged in one transaction).
	err = s.db.View(func(tx *bolt.Tx) error {
		type head struct {
			kind model.Kind
			c    *bolt.Cursor
			k, v []byte
		}
		var heads []*head
		for _, k := range model.Kinds {
			c := tx.Bucket(bRec(k)).Cursor()
			key, val := c.First()
			for key != nil && !isRecordKey(key) {
				key, val = c.Next()
			}
			heads = append(heads, &head{k, c, key, val})
		}
		for {
			var h *head
			for _, x := range heads {
				if x.k != nil && (h == nil || bytes.Compare(x.k, h.k) < 0) {
					h = x
				}
			}
			if h == nil {
				return nil
			}
			k, raw := h.kind, h.v
			var id [16]byte
			copy(id[:], h.k)
			h.k, h.v = h.c.Next()
			for h.k != nil && !isRecordKey(h.k) {
				h.k, h.v = h.c.Next()
			}
			if opt.Period != (model.Period{}) {
				var d struct {
					GivenOn    model.Date `json:"given_on"`
					HeldOn     model.Date `json:"held_on"`
					ReceivedOn model.Date `json:"received_on"`
				}
				if err := json.Unmarshal(raw, &d); err != nil {
					return fmt.Errorf("%s %s: %w", k, model.IDString(id[:]), err)
				}
				if !opt.Period.Contains(d.GivenOn + d.HeldOn + d.ReceivedOn) {
					continue
				}
			}
			hist, err := historyTx(tx, id)
			if err != nil {
				return err
			}
			item := BundleItem{Kind: k, Record: raw, History: hist}
			if opt.StripPersonal && k == model.KindPetition {
				if item, err = stripPersonal(item); err != nil {
					return err
				}
			}
			line, err := json.Marshal(item)
			if err != nil {
				return err
			}
			bw.Write(line)
			if err := bw.WriteByte('\n'); err != nil {
				return err
			}
			m.Counts[string(k)]++
		}
	})
	if err == nil {
		err = s.exportDeletions(bw, &m)
	}
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		return m, fmt.Errorf("export: %w", err)
	}
	m.Checksum = "sha256:" + hex.EncodeToString(h.Sum(nil))
	if _, err := body.Seek(0, io.SeekStart); err != nil {
		return m, err
	}
	zw := gzip.NewWriter(w)
	head, _ := json.Marshal(m)
	zw.Write(head)
	zw.Write([]byte{'\n'})
	if _, err := io.Copy(zw, body); err != nil {
		return m, fmt.Errorf("export: %w", err)
	}
	return m, zw.Close()
}

func stripPersonal(item BundleItem) (BundleItem, error) {
	var p model.Petition
	if err := json.Unmarshal(item.Record, &p); err != nil {
		return item, err
	}
	p.Name, p.Address, p.IDNumber, p.Phone, p.Sealed = "", "", "", "", nil
	if p.Confidential {
		p.Group = ""
	}
	raw, err := json.Marshal(&p)
	if err != nil {
		return item, err
	}
	item.Record = raw
	// History must not carry the identity either.
	out := make([]model.Change, len(item.History))
	for i, c := range item.History {
		c.Fields = append([]model.FieldChange(nil), c.Fields...)
		for j := range c.Fields {
			if personalFields[c.Fields[j].Field] || (p.Confidential && c.Fields[j].Field == "group") {
				c.Fields[j].Old, c.Fields[j].New, c.Fields[j].Sealed = "", "", nil
			}
		}
		if c.Action == "conflict" {
			c.Note = ""
		}
		out[i] = c
	}
	item.History = out
	return item, nil
}

// ImportSummary says what an import did (or would do) for one origin ward.
type ImportSummary struct {
	Ward      string `json:"ward"`
	Added     int    `json:"added"`
	Updated   int    `json:"updated"`
	Unchanged int    `json:"unchanged"`
	Conflicts int    `json:"conflicts"`
	Deleted   int    `json:"deleted"`
}

// ImportResult is the outcome of importing one bundle.
type ImportResult struct {
	Manifest        Manifest
	AlreadyImported bool
	Wards           map[string]*ImportSummary
}

// ward is the summary of an origin ward, started on its first record.
func (r *ImportResult) ward(w string) *ImportSummary {
	sum := r.Wards[w]
	if sum == nil {
		sum = &ImportSummary{Ward: w}
		r.Wards[w] = sum
	}
	return sum
}

var errDryRun = errors.New("dry run")

// ImportBundle verifies the bundle at path whole, then merges it in one
// transaction: new records added, known ones updated when the incoming
// change is newer, changes on both sides resolved by the last change with
// both versions kept in history. With dryRun nothing is written.
func (s *Store) ImportBundle(path string, dryRun bool, by string) (*ImportResult, error) {
	m, err := verifyBundle(path)
	if err != nil {
		return nil, err
	}
	res := &ImportResult{Manifest: m, Wards: map[string]*ImportSummary{}}
	err = s.db.Update(func(tx *bolt.Tx) error {
		if tx.Bucket(bImports).Get([]byte(m.Checksum)) != nil {
			res.AlreadyImported = true
			return errDryRun
		}
		packBuckets(tx)
		note := fmt.Sprintf("bundle %s %s", m.Ward, m.ExportedAt.Format(time.RFC3339))
		err = readBundle(path, m.StripPersonal, func(it *parsedItem) error {
			return s.mergeItem(tx, it, note, by, res)
		})
		if err != nil {
			return err
		}
		rec, _ := json.Marshal(map[string]any{"ward": m.Ward, "ward_name": m.WardName, "exported_at": m.ExportedAt,
			"imported_at": s.now().UTC(), "counts": m.Counts})
		if err := tx.Bucket(bImports).Put([]byte(m.Checksum), rec); err != nil {
			return err
		}
		if err := tx.Bucket(bWards).Put([]byte(m.Ward), rec); err != nil {
			return err
		}
		if dryRun {
			return errDryRun
		}
		return nil
	})
	if errors.Is(err, errDryRun) {
		err = nil
	}
	if err != nil {
		return nil, err
	}
	return res, nil
}

func bundleErr(format string, a ...any) error {
	return fmt.Errorf("%w: %s", ErrBundle, fmt.Sprintf(format, a...))
}

// verifyBundle reads the whole bundle once: gzip integrity, manifest,
// checksum, counts, and that every line decodes. Nothing is written.
func verifyBundle(path string) (Manifest, error) {
	var m Manifest
	f, err := os.Open(path)
	if err != nil {
		return m, fmt.Errorf("open bundle: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(bufio.NewReader(f))
	if err != nil {
		return m, bundleErr("not a gzip file")
	}
	sc := bufio.NewScanner(io.LimitReader(zr, maxBundleBytes))
	sc.Buffer(make([]byte, 64<<10), maxBundleLine)
	if !sc.Scan() {
		return m, bundleErr("no manifest (%v)", sc.Err())
	}
	dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return m, bundleErr("manifest: %v", err)
	}
	if m.Format != BundleFormat {
		return m, bundleErr("not a gopy bundle")
	}
	if m.Version < 1 || m.Version > BundleVersion {
		return m, bundleErr("bundle version %d; this gopy reads up to %d", m.Version, BundleVersion)
	}
	if !model.ValidWardCode(m.Ward) {
		return m, bundleErr("manifest ward code %q", m.Ward)
	}
	h := sha256.New()
	counts := map[string]int{}
	for sc.Scan() {
		line := sc.Bytes()
		h.Write(line)
		h.Write([]byte{'\n'})
		kind, ok := lineKind(line)
		if !ok || !json.Valid(line) {
			return m, bundleErr("truncated or corrupt at line %d", lineNo(counts)+2)
		}
		counts[string(kind)]++
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return m, bundleErr("a line is longer than %d MB", maxBundleLine>>20)
		}
		return m, bundleErr("truncated or corrupt: %v", err)
	}
	// Reading to EOF makes gzip check its CRC and length.
	if _, err := io.Copy(io.Discard, zr); err != nil {
		return m, bundleErr("truncated or corrupt: %v", err)
	}
	if got := "sha256:" + hex.EncodeToString(h.Sum(nil)); got != m.Checksum {
		return m, bundleErr("checksum does not match the content (tampered or damaged)")
	}
	for _, k := range append(model.Kinds, kindDeleted) {
		if counts[string(k)] != m.Counts[string(k)] {
			return m, bundleErr("manifest says %d %s, the bundle holds %d", m.Counts[string(k)], k, counts[string(k)])
		}
		delete(counts, string(k))
	}
	for k := range counts {
		return m, bundleErr("unknown record kind %q", k)
	}
	return m, nil
}

func lineNo(counts map[string]int) int {
	n := 0
	for _, c := range counts {
		n += c
	}
	return n
}

// lineKind reads the kind from the start of an item line, which gopy
// writes first: {"kind":"petition",...
func lineKind(line []byte) (model.Kind, bool) {
	const prefix = `{"kind":"`
	if !bytes.HasPrefix(line, []byte(prefix)) {
		return "", false
	}
	rest := line[len(prefix):]
	i := bytes.IndexByte(rest, '"')
	if i < 0 {
		return "", false
	}
	return model.Kind(rest[:i]), true
}

// parsedItem is a bundle line decoded, normalised and encoded for storing,
// ready for the writing transaction.
type parsedItem struct {
	tomb *Tombstone // a deletion instead of a record
	rec  model.Record
	id   [16]byte
	hist []model.Change
	raw  []byte
	row  model.Row
	err  error
}

// parseItem does all the work of one line that needs no transaction, so it
// runs beside the writer.
func parseItem(line []byte, stripped bool) parsedItem {
	kind, ok := lineKind(line)
	if ok && kind == kindDeleted {
		return parseDeletion(line)
	}
	if !ok || (kind != model.KindFeedback && kind != model.KindSession && kind != model.KindPetition) {
		return parsedItem{err: bundleErr("unknown record kind %q", kind)}
	}
	var it parsedItem
	it.rec = newRecord(kind)
	// json decodes into the non-nil pointer the interface holds.
	wrapper := struct {
		Kind    model.Kind      `json:"kind"`
		Record  any             `json:"record"`
		History *[]model.Change `json:"history"`
	}{Record: it.rec, History: &it.hist}
	if err := json.Unmarshal(line, &wrapper); err != nil {
		return parsedItem{err: bundleErr("%s: %v", kind, err)}
	}
	m := it.rec.GetMeta()
	id, err := model.ParseID(m.ID)
	if err != nil {
		return parsedItem{err: bundleErr("%s: bad id %q", kind, m.ID)}
	}
	it.id = id
	if !model.ValidWardCode(m.Ward) {
		return parsedItem{err: bundleErr("%s %s: bad ward code %q", kind, m.Ref, m.Ward)}
	}
	it.rec.Normalize()
	if errs := bundleErrors(validateSealed(it.rec), stripped); len(errs) > 0 {
		return parsedItem{err: bundleErr("%s %s: %s", kind, m.Ref, errs.Error())}
	}
	if it.raw, err = json.Marshal(it.rec); err != nil {
		return parsedItem{err: err}
	}
	it.row = model.RowOf(it.rec)
	return it
}

// readBundle streams the items of an already verified bundle, parsed by a
// second goroutine while fn writes.
func readBundle(path string, stripped bool, fn func(*parsedItem) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(bufio.NewReader(f))
	if err != nil {
		return bundleErr("not a gzip file")
	}
	sc := bufio.NewScanner(io.LimitReader(zr, maxBundleBytes))
	sc.Buffer(make([]byte, 64<<10), maxBundleLine)
	sc.Scan() // manifest, verified
	const batchSize = 256
	batches := make(chan []parsedItem, 4)
	stop := make(chan struct{})
	scanErr := make(chan error, 1)
	go func() {
		defer close(batches)
		batch := make([]parsedItem, 0, batchSize)
		for sc.Scan() {
			batch = append(batch, parseItem(sc.Bytes(), stripped))
			if len(batch) == batchSize {
				select {
				case batches <- batch:
				case <-stop:
					scanErr <- nil
					return
				}
				batch = make([]parsedItem, 0, batchSize)
			}
		}
		if len(batch) > 0 {
			select {
			case batches <- batch:
			case <-stop:
			}
		}
		scanErr <- sc.Err()
	}()
	for batch := range batches {
		for i := range batch {
			if batch[i].err == nil {
				batch[i].err = fn(&batch[i])
			}
			if batch[i].err != nil {
				close(stop)
				for range batches {
				}
				<-scanErr
				return batch[i].err
			}
		}
	}
	return <-scanErr
}

// changeKey identifies a history entry across databases.
func changeKey(c model.Change) string {
	return c.At.UTC().Format(time.RFC3339Nano) + "\x00" + c.By + "\x00" + c.Action
}

// localOnly reports whether the local history has a change the incoming one
// lacks (entries written by imports themselves do not count).
func hasOwnChanges(a, b []model.Change) bool {
	seen := map[string]bool{}
	for _, c := range b {
		seen[changeKey(c)] = true
	}
	for _, c := range a {
		if c.Action == "import" || c.Action == "conflict" {
			continue
		}
		if !seen[changeKey(c)] {
			return true
		}
	}
	return false
}

func (s *Store) mergeItem(tx *bolt.Tx, it *parsedItem, note, by string, res *ImportResult) error {
	if it.tomb != nil {
		return s.mergeDeletion(tx, it, note, by, res)
	}
	rec, id, kind := it.rec, it.id, it.rec.Kind()
	m := rec.GetMeta()
	sum := res.ward(m.Ward)
	for _, other := range model.Kinds {
		if other != kind && tx.Bucket(bRec(other)).Get(id[:]) != nil {
			return bundleErr("%s %s: id already used by a %s", kind, m.Ref, other)
		}
	}
	now := s.now().UTC()
	old, err := getRecord(tx, kind, id)
	if errors.Is(err, ErrNotFound) {
		if t, ok := tombstone(tx, id); ok {
			if !m.UpdatedAt.After(t.At) {
				// Deleted here (or by an earlier bundle) after this version:
				// an older bundle does not bring it back.
				sum.Unchanged++
				return nil
			}
			if err := tx.Bucket(bDeleted).Delete(id[:]); err != nil {
				return err
			}
		}
		if err := putRaw(tx, kind, id, it.raw); err != nil {
			return err
		}
		if err := putIndexes(tx, &it.row, id); err != nil {
			return err
		}
		if err := addCount(tx, kind, m.Ward, 1); err != nil {
			return err
		}
		for _, c := range it.hist {
			if err := putHistory(tx, kind, id, c); err != nil {
				return err
			}
		}
		sum.Added++
		return putHistory(tx, kind, id, model.Change{At: now, By: by, Action: "import", Note: note})
	}
	if err != nil {
		return err
	}
	local, err := historyTx(tx, id)
	if err != nil {
		return err
	}
	theirs := hasOwnChanges(it.hist, local)
	ours := hasOwnChanges(local, it.hist)
	if !theirs {
		sum.Unchanged++
		return nil
	}
	// Keep every incoming history entry we do not have yet.
	have := map[string]bool{}
	for _, c := range local {
		have[changeKey(c)] = true
	}
	for _, c := range it.hist {
		if !have[changeKey(c)] {
			if err := putHistory(tx, kind, id, c); err != nil {
				return err
			}
		}
	}
	incomingWins := m.UpdatedAt.After(old.GetMeta().UpdatedAt)
	if ours {
		sum.Conflicts++
		loser := old
		if !incomingWins {
			loser = rec
		}
		lraw, _ := json.Marshal(loser)
		if err := putHistory(tx, kind, id, model.Change{At: now, By: by, Action: "conflict",
			Note: "changed on both sides; kept the later change. Other version: " + string(lraw)}); err != nil {
			return err
		}
	} else {
		sum.Updated++
	}
	if !incomingWins {
		return nil
	}
	return replaceRecord(tx, old, rec, id)
}

// bundleErrors drops the "required" errors of the identity fields a
// --strip-personal bundle leaves out on purpose.
func bundleErrors(errs model.FieldErrors, stripped bool) model.FieldErrors {
	if !stripped {
		return errs
	}
	var out model.FieldErrors
	for _, e := range errs {
		if personalFields[e.Field] && e.Key == "err.required" {
			continue
		}
		out = append(out, e)
	}
	return out
}

// WardInfo is what the higher level knows of a ward it receives bundles from.
type WardInfo struct {
	Ward       string    `json:"ward"`
	WardName   string    `json:"ward_name"`
	ExportedAt time.Time `json:"exported_at"`
	ImportedAt time.Time `json:"imported_at"`
}

// Wards lists the wards bundles were received from, with the last one's dates.
func (s *Store) Wards() ([]WardInfo, error) {
	var out []WardInfo
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bWards).ForEach(func(k, v []byte) error {
			var w WardInfo
			if err := json.Unmarshal(v, &w); err != nil {
				return err
			}
			out = append(out, w)
			return nil
		})
	})
	return out, err
}

// kindDeleted marks a bundle line that carries a deletion (a Tombstone).
const kindDeleted model.Kind = "deleted"

// exportDeletions writes every tombstone after the records, so deletions
// reach the higher level: {"kind":"deleted","deleted":{id, kind, ref, ward, at, by}}.
func (s *Store) exportDeletions(bw io.Writer, m *Manifest) error {
	return s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bDeleted).ForEach(func(k, v []byte) error {
			var t Tombstone
			if err := json.Unmarshal(v, &t); err != nil || len(k) != 16 {
				return nil // a tombstone gopy cannot read is not sent
			}
			t.ID = model.IDString(k)
			line, err := json.Marshal(struct {
				Kind    model.Kind `json:"kind"`
				Deleted Tombstone  `json:"deleted"`
			}{kindDeleted, t})
			if err != nil {
				return err
			}
			if _, err := bw.Write(append(line, '\n')); err != nil {
				return err
			}
			m.Counts[string(kindDeleted)]++
			return nil
		})
	})
}

func parseDeletion(line []byte) parsedItem {
	var w struct {
		Deleted Tombstone `json:"deleted"`
	}
	if err := json.Unmarshal(line, &w); err != nil {
		return parsedItem{err: bundleErr("deletion: %v", err)}
	}
	t := w.Deleted
	id, err := model.ParseID(t.ID)
	if err != nil {
		return parsedItem{err: bundleErr("deletion: bad id %q", t.ID)}
	}
	if t.Kind != model.KindFeedback && t.Kind != model.KindSession && t.Kind != model.KindPetition {
		return parsedItem{err: bundleErr("deletion: unknown kind %q", t.Kind)}
	}
	if !model.ValidWardCode(t.Ward) {
		return parsedItem{err: bundleErr("deletion %s: bad ward code %q", t.Ref, t.Ward)}
	}
	t.Ref, t.By = model.CleanLine(t.Ref), model.CleanLine(t.By)
	return parsedItem{tomb: &t, id: id}
}

func tombstone(tx *bolt.Tx, id [16]byte) (Tombstone, bool) {
	var t Tombstone
	v := tx.Bucket(bDeleted).Get(id[:])
	if v == nil || json.Unmarshal(v, &t) != nil {
		return t, false
	}
	return t, true
}

// mergeDeletion applies a deletion from a bundle: the record goes unless it
// was changed here after it was deleted there (then it stays, and its
// history says so). A deletion of a record never seen is kept, so an older
// bundle cannot bring the record back.
func (s *Store) mergeDeletion(tx *bolt.Tx, it *parsedItem, note, by string, res *ImportResult) error {
	t, id := *it.tomb, it.id
	sum := res.ward(t.Ward)
	old, err := getRecord(tx, t.Kind, id)
	if errors.Is(err, ErrNotFound) {
		if _, ok := tombstone(tx, id); ok {
			sum.Unchanged++
			return nil
		}
		t.ID = ""
		v, err := json.Marshal(t)
		if err != nil {
			return err
		}
		sum.Unchanged++
		return tx.Bucket(bDeleted).Put(id[:], v)
	}
	if err != nil {
		return err
	}
	if old.GetMeta().UpdatedAt.After(t.At) {
		sum.Conflicts++
		return putHistory(tx, t.Kind, id, model.Change{At: s.now().UTC(), By: by, Action: "conflict",
			Note: fmt.Sprintf("deleted at ward %s on %s by %s; kept because it was changed here later (%s)",
				t.Ward, t.At.Format(time.RFC3339), t.By, note)})
	}
	sum.Deleted++
	return deleteTx(tx, t.Kind, id, Tombstone{At: t.At, By: t.By}, t.Ref+" ("+note+")")
}
