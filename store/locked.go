package store

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"

	"gopy/model"
)

// Locked periods. Once a report for a period is sent, a record dated in it
// is created, changed or deleted only with a reason: the change is then an
// amendment, kept in the record's history and in a log the next report's
// corrections section reads. The check is one call from each save path
// (checkLocked), so the save code itself stays as it was.
var (
	bLocks      = []byte("locks")      // from(4) ‖ to(4) ‖ sent id(16) → number
	bAmendments = []byte("amendments") // at(8) ‖ record id(16) → Amendment
)

// LockedError refuses a change to a record of a period already reported.
type LockedError struct {
	Ref    string
	Date   model.Date
	Period model.Period
	Number string // the sent report's number
}

func (e *LockedError) Error() string {
	return fmt.Sprintf("%s (%s) is in period %s, reported in %s: a reason is needed", e.Ref, e.Date, e.Period, e.Number)
}

// Amendment is one change made to a record of a reported period.
type Amendment struct {
	At     time.Time    `json:"at"`
	By     string       `json:"by"`
	Action string       `json:"action"` // create | update | delete | import
	Kind   model.Kind   `json:"kind"`
	ID     string       `json:"id"`
	Ref    string       `json:"ref"`
	Ward   string       `json:"ward"`
	Dates  []model.Date `json:"dates"` // the record's date(s) the change touched
	Reason string       `json:"reason"`
}

// amending holds the reason the changes made inside Amending give.
type amending struct {
	run    sync.Mutex // one Amending at a time
	mu     sync.Mutex
	reason string
}

// Amending runs fn with reason as the reason for every change it makes to
// a record of a reported period. Without it, such a change fails with a
// *LockedError and writes nothing. The reason is held on the Store while
// fn runs, so a record write from another goroutine at that moment would
// take it too: callers run one save at a time (the CLI runs one command,
// the TUI one modal form), which keeps the save signatures unchanged.
func (s *Store) Amending(reason string, fn func() error) error {
	reason = model.CleanLine(reason)
	s.amending.run.Lock()
	defer s.amending.run.Unlock()
	s.amending.mu.Lock()
	s.amending.reason = reason
	s.amending.mu.Unlock()
	defer func() {
		s.amending.mu.Lock()
		s.amending.reason = ""
		s.amending.mu.Unlock()
	}()
	return fn()
}

func (s *Store) amendReason() string {
	s.amending.mu.Lock()
	defer s.amending.mu.Unlock()
	return s.amending.reason
}

func lock(tx *bolt.Tx, p model.Period, id [16]byte, number string) error {
	b, err := tx.CreateBucketIfNotExists(bLocks)
	if err != nil {
		return err
	}
	key := binary.BigEndian.AppendUint32(nil, uint32(p.From))
	key = binary.BigEndian.AppendUint32(key, uint32(p.To))
	return b.Put(append(key, id[:]...), []byte(number))
}

// lockedBy returns the first sent report whose period holds d.
func lockedBy(tx *bolt.Tx, d model.Date) (model.Period, string, bool) {
	b := tx.Bucket(bLocks)
	if b == nil || d.IsZero() {
		return model.Period{}, "", false
	}
	c := b.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if len(k) < 8 {
			continue
		}
		p := model.Period{From: model.Date(binary.BigEndian.Uint32(k)), To: model.Date(binary.BigEndian.Uint32(k[4:]))}
		if p.Contains(d) {
			return p, string(v), true
		}
	}
	return model.Period{}, "", false
}

// checkLocked is called by every save path before it writes rec (action
// create, update, delete or import) whose date was or becomes one of
// dates. A date in a reported period needs a reason (Amending): without
// one it returns a *LockedError; with one it logs the amendment and adds
// it to the record's history.
func (s *Store) checkLocked(tx *bolt.Tx, action string, rec model.Record, by string, at time.Time, dates ...model.Date) error {
	var touched []model.Date
	var first *LockedError
	for _, d := range dates {
		if p, number, ok := lockedBy(tx, d); ok {
			touched = append(touched, d)
			if first == nil {
				first = &LockedError{Ref: rec.GetMeta().Ref, Date: d, Period: p, Number: number}
			}
		}
	}
	if first == nil {
		return nil
	}
	reason := s.amendReason()
	if reason == "" {
		return first
	}
	m := rec.GetMeta()
	id, err := model.ParseID(m.ID)
	if err != nil {
		return err
	}
	a := Amendment{At: at, By: by, Action: action, Kind: rec.Kind(), ID: m.ID, Ref: m.Ref, Ward: m.Ward, Dates: touched, Reason: reason}
	v, err := json.Marshal(a)
	if err != nil {
		return err
	}
	b, err := tx.CreateBucketIfNotExists(bAmendments)
	if err != nil {
		return err
	}
	key := binary.BigEndian.AppendUint64(nil, uint64(at.UnixNano()))
	key = append(key, id[:]...)
	if err := b.Put(key, v); err != nil {
		return err
	}
	return putHistory(tx, rec.Kind(), id, model.Change{At: at, By: by, Action: "amend",
		Note: fmt.Sprintf("%s %s: %s", first.Number, first.Period, reason)})
}

// Amendments lists the amendments made since (inclusive) to records
// dated in p, oldest first.
func (s *Store) Amendments(p model.Period, since time.Time) ([]Amendment, error) {
	var out []Amendment
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bAmendments)
		if b == nil {
			return nil
		}
		c := b.Cursor()
		start := binary.BigEndian.AppendUint64(nil, uint64(since.UnixNano()))
		for k, v := c.Seek(start); k != nil; k, v = c.Next() {
			var a Amendment
			if err := json.Unmarshal(v, &a); err != nil {
				return fmt.Errorf("read amendment: %w", err)
			}
			for _, d := range a.Dates {
				if p.Contains(d) {
					out = append(out, a)
					break
				}
			}
		}
		return nil
	})
	return out, err
}
