package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"

	"gopy/model"
)

// Merging a verified bundle into the database: what is new is added, what
// changed on one side is taken, what changed on both is resolved by the
// later change with both versions kept in history.

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
	// NewKey is the fingerprint of the ward's signing key when this import
	// pinned it (the first signed bundle from the ward, or an accepted
	// new key): show it to the officer to compare with the ward's.
	NewKey string
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
	by = s.signer(by)
	m, err := verifyBundle(path)
	if err != nil {
		return nil, err
	}
	res := &ImportResult{Manifest: m, Wards: map[string]*ImportSummary{}}
	err = s.update(func(tx *bolt.Tx) error {
		if err := s.mayWrite(tx); err != nil {
			return err
		}
		if tx.Bucket(bImports).Get([]byte(m.Checksum)) != nil {
			res.AlreadyImported = true
			return errDryRun
		}
		packBuckets(tx)
		st, err := loadSettings(tx)
		if err != nil {
			return err
		}
		var info WardInfo
		if v := tx.Bucket(bWards).Get([]byte(m.Ward)); v != nil {
			if err := json.Unmarshal(v, &info); err != nil {
				return fmt.Errorf("ward %s: %w", m.Ward, err)
			}
		}
		if res.NewKey, err = pinKey(m, &info); err != nil {
			return err
		}
		g := &guard{tx: tx, m: m, own: st.WardCode, via: map[string]string{}}
		note := fmt.Sprintf("bundle %s %s", m.Ward, m.ExportedAt.Format(time.RFC3339))
		// Records come in id order, their index keys in no order: hold the
		// keys back and write them sorted (bulk.go).
		startBulk(tx)
		defer endBulk(tx)
		err = readBundle(path, m.StripPersonal, func(it *parsedItem) error {
			return s.mergeItem(tx, g, it, note, by, res)
		})
		if err == nil {
			err = finishBulk(tx)
		}
		if err != nil {
			return err
		}
		for w := range g.via {
			if w == m.Ward || tx.Bucket(bWards).Get([]byte(w)) != nil {
				continue
			}
			v, _ := json.Marshal(WardInfo{Ward: w, Via: m.Ward, ImportedAt: s.now().UTC()})
			if err := tx.Bucket(bWards).Put([]byte(w), v); err != nil {
				return err
			}
		}
		rec, _ := json.Marshal(map[string]any{"ward": m.Ward, "ward_name": m.WardName, "exported_at": m.ExportedAt,
			"imported_at": s.now().UTC(), "counts": m.Counts})
		if err := tx.Bucket(bImports).Put([]byte(m.Checksum), rec); err != nil {
			return err
		}
		info.Ward, info.WardName, info.Via = m.Ward, m.WardName, m.Ward
		info.ExportedAt, info.ImportedAt = m.ExportedAt, s.now().UTC()
		wv, _ := json.Marshal(info)
		if err := tx.Bucket(bWards).Put([]byte(m.Ward), wv); err != nil {
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

// changeKey identifies a history entry across databases.
func changeKey(c model.Change) string {
	return c.At.UTC().Format(time.RFC3339Nano) + "\x00" + c.By + "\x00" + c.Action
}

// hasOwnChanges reports whether history a has a change that b lacks. The
// entries a bundle import writes (and its conflict notes) are the merge's
// own bookkeeping, not changes; an edit made by re-importing a CSV ledger
// is a change and travels upward. (Before the ledger wrote "update", it
// wrote "import" with the note "csv": those count as changes too.)
func hasOwnChanges(a, b []model.Change) bool {
	seen := map[string]bool{}
	for _, c := range b {
		seen[changeKey(c)] = true
	}
	for _, c := range a {
		if c.Action == "import" && c.Note != "csv" || c.Action == "conflict" {
			continue
		}
		if !seen[changeKey(c)] {
			return true
		}
	}
	return false
}

// guard holds what a bundle may speak for: its ward, the wards below it
// that it names, and for each ward the sender its records first came
// through (trust on first use of the chain).
type guard struct {
	tx  *bolt.Tx
	m   Manifest
	own string            // the importing database's ward
	via map[string]string // ward → the bundle ward it arrives through
}

// mine reports whether a bundle item of ward may be written: false for
// the importing database's own ward (never replaced by a bundle); an error
// for a ward the bundle does not speak for.
func (g *guard) mine(ward string) (bool, error) {
	if ward != g.m.Ward && !slices.Contains(g.m.Below, ward) {
		return false, bundleErr("bundle.other_ward", ward, g.m.Ward)
	}
	if ward == g.own {
		return false, nil
	}
	via, ok := g.via[ward]
	if !ok {
		via = ward
		if v := g.tx.Bucket(bWards).Get([]byte(ward)); v != nil {
			var w WardInfo
			if json.Unmarshal(v, &w) == nil && w.Via != "" {
				via = w.Via
			}
		} else {
			via = g.m.Ward
		}
		g.via[ward] = via
	}
	if ward != g.m.Ward && via != g.m.Ward {
		return false, bundleErr("bundle.via", ward, via, g.m.Ward)
	}
	return true, nil
}

func (s *Store) mergeItem(tx *bolt.Tx, g *guard, it *parsedItem, note, by string, res *ImportResult) error {
	if it.tomb != nil {
		return s.mergeDeletion(tx, g, it, note, by, res)
	}
	if it.sent != nil {
		// Only a report of a ward the bundle speaks for, never ours.
		if ok, err := g.mine(it.sent.Settings.WardCode); !ok {
			return err
		}
		return s.mergeSent(tx, it)
	}
	rec, id, kind := it.rec, it.id, it.rec.Kind()
	m := rec.GetMeta()
	sum := res.ward(m.Ward)
	if ok, err := g.mine(m.Ward); !ok {
		if err == nil {
			sum.Unchanged++
		}
		return err
	}
	if other, ok := idKind(tx, id); ok && other != kind {
		return bundleErr("bundle.id_kind", kind, m.Ref, other)
	}
	if it.row.ParentID != "" {
		// A petition raised at another ward's session or feedback would
		// show among that record's links there.
		if pid, err := model.ParseID(it.row.ParentID); err == nil {
			if pk, ok := idKind(tx, pid); ok {
				if parent, err := getRecord(tx, pk, pid); err == nil && parent.GetMeta().Ward != m.Ward {
					return bundleErr("bundle.parent_other", kind, m.Ref, parent.GetMeta().Ref, parent.GetMeta().Ward)
				}
			}
		}
	}
	now := s.now().UTC()
	old, err := getRecord(tx, kind, id)
	if err == nil {
		if om := old.GetMeta(); om.Ward != m.Ward || om.Ref != m.Ref {
			return bundleErr("bundle.id_other", kind, m.Ref, kind, om.Ref, om.Ward)
		}
	}
	if errors.Is(err, ErrNotFound) {
		if refTaken(tx, kind, m.Ward, m.Ref, id) {
			return bundleErr("bundle.ref_taken", kind, m.Ref, m.Ward)
		}
		if t, ok := tombstone(tx, id); ok {
			if t.Ward != m.Ward || t.Kind != kind {
				return bundleErr("bundle.id_deleted", kind, m.Ref, t.Kind, t.Ref, t.Ward)
			}
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
		if err := s.checkLocked(tx, "import", rec, by, now, rec.Date()); err != nil {
			return err
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
	if err := s.checkLocked(tx, "import", rec, by, now, old.Date(), rec.Date()); err != nil {
		return err
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
	Via        string    `json:"via,omitempty"`    // the ward whose bundles bring its records
	Key        string    `json:"key,omitempty"`    // its bundles' pinned signing key (base64)
	Accept     string    `json:"accept,omitempty"` // the fingerprint of a new key an officer accepted
	WardName   string    `json:"ward_name"`
	ExportedAt time.Time `json:"exported_at"`
	ImportedAt time.Time `json:"imported_at"`
}

// Wards lists the wards bundles were received from, with the last one's dates.
func (s *Store) Wards() ([]WardInfo, error) {
	var out []WardInfo
	err := s.view(func(tx *bolt.Tx) error {
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
func (s *Store) mergeDeletion(tx *bolt.Tx, g *guard, it *parsedItem, note, by string, res *ImportResult) error {
	t, id := *it.tomb, it.id
	sum := res.ward(t.Ward)
	if ok, err := g.mine(t.Ward); !ok {
		if err == nil {
			sum.Unchanged++
		}
		return err
	}
	if other, ok := idKind(tx, id); ok && other != t.Kind {
		return bundleErr("bundle.deletion_other", t.Ref, other)
	}
	old, err := getRecord(tx, t.Kind, id)
	if err == nil && old.GetMeta().Ward != t.Ward {
		return bundleErr("bundle.deletion_other_ward", t.Ref, old.GetMeta().Ward)
	}
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
	if err := s.checkLocked(tx, "import", old, by, s.now().UTC(), old.Date()); err != nil {
		return err
	}
	return deleteTx(tx, t.Kind, id, Tombstone{At: t.At, By: t.By}, t.Ref+" ("+note+")")
}
