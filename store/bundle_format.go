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
	"slices"
	"time"
	"unicode/utf8"

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
	Format        string       `json:"format"`
	Version       int          `json:"version"`
	Ward          string       `json:"ward"`
	WardName      string       `json:"ward_name"`
	Province      string       `json:"province,omitempty"`
	Period        model.Period `json:"period"`
	ExportedAt    time.Time    `json:"exported_at"`
	ExportedBy    string       `json:"exported_by,omitempty"`
	StripPersonal bool         `json:"strip_personal"`
	// Below lists the other wards whose records the bundle carries: those
	// a consolidating level received and sends on. A bundle speaks for its
	// ward and these only.
	Below    []string       `json:"below,omitempty"`
	Counts   map[string]int `json:"counts"`
	Checksum string         `json:"checksum"`
	// Key is the exporting database's Ed25519 public key and Signature its
	// signature of this manifest with Signature empty (see keys.go).
	Key       string `json:"key,omitempty"`
	Signature string `json:"signature,omitempty"`
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
	err = s.view(func(tx *bolt.Tx) error {
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
			k := h.kind
			raw, err := recordJSON(h.k, h.v)
			if err != nil {
				return fmt.Errorf("%s %s: %w", k, model.IDString(h.k), err)
			}
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
					MadeOn     model.Date `json:"made_on"` // commitment
					DueOn      model.Date `json:"due_on"`  // information
				}
				if err := json.Unmarshal(raw, &d); err != nil {
					return fmt.Errorf("%s %s: %w", k, model.IDString(id[:]), err)
				}
				if !opt.Period.Contains(d.GivenOn + d.HeldOn + d.ReceivedOn + d.MadeOn + d.DueOn) {
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
		err = s.exportSent(bw, &m, opt.Period)
	}
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		m.Below, err = s.wardsBelow(st.WardCode)
	}
	if err != nil {
		return m, fmt.Errorf("export: %w", err)
	}
	m.Checksum = "sha256:" + hex.EncodeToString(h.Sum(nil))
	if err := s.view(func(tx *bolt.Tx) error {
		if k, ok := signingKey(tx); ok {
			return signManifest(k, &m)
		}
		return nil
	}); err != nil {
		return m, fmt.Errorf("export: %w", err)
	}
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
			if personalFields[c.Fields[j].Field] || c.Fields[j].Sealed != nil || (p.Confidential && c.Fields[j].Field == "group") {
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

// BundleError says why a bundle was rejected: at which line (0: the file
// as a whole), the reason as a catalog key with its arguments (see
// bundleMessages), and the field errors of a record that failed its rules.
type BundleError struct {
	Line   int
	Key    string
	Args   []any
	Fields model.FieldErrors
}

func (e *BundleError) Error() string {
	msg := fmt.Sprintf(bundleMessages[e.Key], e.Args...)
	if len(e.Fields) > 0 {
		msg += ": " + e.Fields.Error()
	}
	if e.Line > 0 {
		msg = fmt.Sprintf("line %d: %s", e.Line, msg)
	}
	return ErrBundle.Error() + ": " + msg
}

func (e *BundleError) Is(target error) bool { return target == ErrBundle }

func bundleErr(key string, a ...any) error {
	return &BundleError{Key: key, Args: a}
}

// atLine names the bundle line an item's error comes from.
func atLine(err error, line int) error {
	var be *BundleError
	if errors.As(err, &be) && be.Line == 0 {
		be.Line = line
	}
	return err
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
		return m, bundleErr("bundle.not_gzip")
	}
	sc := bufio.NewScanner(io.LimitReader(zr, maxBundleBytes))
	sc.Buffer(make([]byte, 64<<10), maxBundleLine)
	if !sc.Scan() {
		return m, bundleErr("bundle.no_manifest", sc.Err())
	}
	dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return m, bundleErr("bundle.manifest", err)
	}
	if m.Format != BundleFormat {
		return m, bundleErr("bundle.not_gopy")
	}
	if m.Version < 1 || m.Version > BundleVersion {
		return m, bundleErr("bundle.version", m.Version, BundleVersion)
	}
	if !model.ValidWardCode(m.Ward) {
		return m, bundleErr("bundle.manifest_ward", m.Ward)
	}
	if err := verifyManifest(m); err != nil {
		return m, err
	}
	for _, w := range m.Below {
		if !model.ValidWardCode(w) || w == m.Ward {
			return m, bundleErr("bundle.below", w)
		}
	}
	h := sha256.New()
	counts := map[string]int{}
	for n := 2; sc.Scan(); n++ {
		line := sc.Bytes()
		h.Write(line)
		h.Write([]byte{'\n'})
		if at := invalidUTF8(line); at >= 0 {
			return m, &BundleError{Line: n, Key: "bundle.utf8", Args: []any{at + 1}}
		}
		kind, ok := lineKind(line)
		if !ok || !json.Valid(line) {
			return m, bundleErr("bundle.corrupt_line", lineNo(counts)+2)
		}
		counts[string(kind)]++
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return m, bundleErr("bundle.too_long", maxBundleLine>>20)
		}
		return m, bundleErr("bundle.corrupt", err)
	}
	// Reading to EOF makes gzip check its CRC and length.
	if _, err := io.Copy(io.Discard, zr); err != nil {
		return m, bundleErr("bundle.corrupt", err)
	}
	if got := "sha256:" + hex.EncodeToString(h.Sum(nil)); got != m.Checksum {
		return m, bundleErr("bundle.checksum")
	}
	for _, k := range append(model.Kinds, kindDeleted, kindSent) {
		if counts[string(k)] != m.Counts[string(k)] {
			return m, bundleErr("bundle.counts", m.Counts[string(k)], k, counts[string(k)])
		}
		delete(counts, string(k))
	}
	for k := range counts {
		return m, bundleErr("bundle.kind", k)
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

// lineKind reads an item line's kind: from its start, where gopy writes
// it ({"kind":"petition",...), else by decoding the line (another writer
// may space or order its JSON otherwise).
func lineKind(line []byte) (model.Kind, bool) {
	const prefix = `{"kind":"`
	if bytes.HasPrefix(line, []byte(prefix)) {
		rest := line[len(prefix):]
		if i := bytes.IndexByte(rest, '"'); i >= 0 && bytes.IndexByte(rest[:i], '\\') < 0 {
			return model.Kind(rest[:i]), true
		}
	}
	var k struct {
		Kind *string `json:"kind"`
	}
	if json.Unmarshal(line, &k) != nil || k.Kind == nil {
		return "", false
	}
	return model.Kind(*k.Kind), true
}

// parsedItem is a bundle line decoded, normalised and encoded for storing,
// ready for the writing transaction.
type parsedItem struct {
	line int         // in the bundle, the manifest being line 1
	tomb *Tombstone  // a deletion instead of a record
	sent *SentReport // a ward's sent report instead of a record
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
	if ok && kind == kindSent {
		return parseSent(line)
	}
	if !ok || !slices.Contains(model.Kinds, kind) {
		return parsedItem{err: bundleErr("bundle.kind", kind)}
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
		return parsedItem{err: bundleErr("bundle.record", kind, err)}
	}
	m := it.rec.GetMeta()
	id, err := model.ParseID(m.ID)
	if err != nil {
		return parsedItem{err: bundleErr("bundle.bad_id", kind, m.ID)}
	}
	it.id = id
	if !model.ValidWardCode(m.Ward) {
		return parsedItem{err: bundleErr("bundle.bad_ward", kind, m.Ref, m.Ward)}
	}
	it.rec.Normalize()
	if errs := bundleErrors(validateSealed(it.rec), stripped); len(errs) > 0 {
		return parsedItem{err: &BundleError{Key: "bundle.invalid", Args: []any{kind, m.Ref}, Fields: errs}}
	}
	if m.Ref == "" {
		return parsedItem{err: bundleErr("bundle.no_ref", kind, m.ID)}
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
		return bundleErr("bundle.not_gzip")
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
		for line := 2; sc.Scan(); line++ {
			it := parseItem(sc.Bytes(), stripped)
			it.line = line
			batch = append(batch, it)
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
				atLine(batch[i].err, batch[i].line)
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

// kindDeleted marks a bundle line that carries a deletion (a Tombstone).
const kindDeleted model.Kind = "deleted"

// exportDeletions writes every tombstone after the records, so deletions
// reach the higher level: {"kind":"deleted","deleted":{id, kind, ref, ward, at, by}}.
func (s *Store) exportDeletions(bw io.Writer, m *Manifest) error {
	return s.view(func(tx *bolt.Tx) error {
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
		return parsedItem{err: bundleErr("bundle.deletion", err)}
	}
	t := w.Deleted
	id, err := model.ParseID(t.ID)
	if err != nil {
		return parsedItem{err: bundleErr("bundle.deletion_id", t.ID)}
	}
	if !slices.Contains(model.Kinds, t.Kind) {
		return parsedItem{err: bundleErr("bundle.deletion_kind", t.Kind)}
	}
	if !model.ValidWardCode(t.Ward) {
		return parsedItem{err: bundleErr("bundle.deletion_ward", t.Ref, t.Ward)}
	}
	t.Ref, t.By = model.CleanLine(t.Ref), model.CleanLine(t.By)
	return parsedItem{tomb: &t, id: id}
}

// wardsBelow lists the wards other than own whose records or deletions
// this database holds: what a bundle from it speaks for besides its ward.
func (s *Store) wardsBelow(own string) ([]string, error) {
	seen := map[string]bool{}
	err := s.view(func(tx *bolt.Tx) error {
		for _, k := range model.Kinds {
			prefix := kWardCount(k, "")
			c := tx.Bucket(bMeta).Cursor()
			for key, _ := c.Seek(prefix); key != nil && bytes.HasPrefix(key, prefix); key, _ = c.Next() {
				seen[string(key[len(prefix):])] = true
			}
		}
		return tx.Bucket(bDeleted).ForEach(func(_, v []byte) error {
			var t Tombstone
			if json.Unmarshal(v, &t) == nil {
				seen[t.Ward] = true
			}
			return nil
		})
	})
	delete(seen, own)
	delete(seen, "")
	out := make([]string, 0, len(seen))
	for w := range seen {
		out = append(out, w)
	}
	slices.Sort(out)
	if len(out) == 0 {
		out = nil
	}
	return out, err
}

// invalidUTF8 is the offset of the first byte that is not valid UTF-8, or -1.
func invalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}
