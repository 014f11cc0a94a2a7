package store

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	bolt "go.etcd.io/bbolt"

	"gopy/model"
)

// Personal-data requests (Luật 91/2025/QH15: access, correction, erasure):
// every petition and history entry that names a person, found by name, ID
// number or phone, accent- and case-insensitively; sealed identities are
// searched only with the confidential grant.

// PersonHit is one place a person is named.
type PersonHit struct {
	Kind  model.Kind `json:"kind"`
	ID    string     `json:"id"`
	Ref   string     `json:"ref"`
	Field string     `json:"field"`
	Value string     `json:"value"`
	// History is set for a history entry (its time); zero for the record.
	History string `json:"history,omitempty"`
	Sealed  bool   `json:"sealed,omitempty"`
}

// PersonResult is what a request found: the hits, and how many sealed
// petitions could not be searched (no grant).
type PersonResult struct {
	Hits          []PersonHit `json:"hits"`
	SealedSkipped int         `json:"sealed_skipped"`
}

// Records lists the distinct records hit, in order.
func (r *PersonResult) Records() []string {
	seen := map[string]bool{}
	var out []string
	for _, h := range r.Hits {
		if !seen[h.ID] {
			seen[h.ID] = true
			out = append(out, h.Ref)
		}
	}
	return out
}

var personSearchFields = []string{"name", "id_number", "phone"}

func matchPerson(folded, value string) bool {
	return value != "" && strings.Contains(model.Fold(value), folded)
}

// walkPerson calls fn for every petition (opened when sealed and the
// grant allows) and its history, in the write or read transaction tx.
func (s *Store) walkPerson(tx *bolt.Tx, fn func(id [16]byte, p *model.Petition, hist []model.Change, sealed bool) error) (skipped int, err error) {
	sess := s.current()
	b := tx.Bucket(bRec(model.KindPetition))
	var ids [][16]byte
	c := b.Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		if isRecordKey(k) {
			var id [16]byte
			copy(id[:], k)
			ids = append(ids, id)
		}
	}
	for _, id := range ids {
		rec, err := getRecord(tx, model.KindPetition, id)
		if err != nil {
			return skipped, err
		}
		p := rec.(*model.Petition)
		sealed := p.Sealed != nil
		if sealed {
			if sess.dataKey() == nil {
				skipped++
				continue
			}
			if err := openPetition(sess.dataKey(), p); err != nil {
				return skipped, err
			}
		}
		hist, err := historyTx(tx, id)
		if err != nil {
			return skipped, err
		}
		if sess.dataKey() != nil {
			for i := range hist {
				if err := openChange(sess.dataKey(), p.ID, &hist[i]); err != nil {
					return skipped, err
				}
			}
		}
		if err := fn(id, p, hist, sealed); err != nil {
			return skipped, err
		}
	}
	return skipped, nil
}

func personHits(folded string, p *model.Petition, hist []model.Change, sealed bool) []PersonHit {
	var out []PersonHit
	vals := map[string]string{"name": p.Name, "id_number": p.IDNumber, "phone": p.Phone}
	for _, f := range personSearchFields {
		if matchPerson(folded, vals[f]) {
			out = append(out, PersonHit{Kind: model.KindPetition, ID: p.ID, Ref: p.Ref, Field: f, Value: vals[f], Sealed: sealed})
		}
	}
	for _, h := range hist {
		for _, fc := range h.Fields {
			if !personalFields[fc.Field] {
				continue
			}
			for _, v := range []string{fc.Old, fc.New} {
				if matchPerson(folded, v) {
					out = append(out, PersonHit{Kind: model.KindPetition, ID: p.ID, Ref: p.Ref, Field: fc.Field, Value: v,
						History: h.At.In(model.VNZone).Format("02/01/2006 15:04"), Sealed: sealed})
				}
			}
		}
	}
	return out
}

// FindPerson lists every petition and history entry naming the person
// (admins, or officers; sealed ones with the grant). The request is
// audited with what it found, never with the text searched.
func (s *Store) FindPerson(text string) (*PersonResult, error) {
	folded := model.Fold(strings.TrimSpace(text))
	if folded == "" {
		return &PersonResult{}, nil
	}
	res := &PersonResult{}
	err := s.update(func(tx *bolt.Tx) error {
		if err := s.mayWrite(tx); err != nil {
			return err
		}
		var err error
		res.SealedSkipped, err = s.walkPerson(tx, func(_ [16]byte, p *model.Petition, hist []model.Change, sealed bool) error {
			res.Hits = append(res.Hits, personHits(folded, p, hist, sealed)...)
			return nil
		})
		if err != nil {
			return err
		}
		return s.audit(tx, AuditPerson, strings.Join(res.Records(), " "), "", fmt.Sprintf("%d hits", len(res.Hits)))
	})
	return res, err
}

// CorrectPerson rewrites, in every petition naming the person and in its
// history, the value that matched by value: the history then says it was
// corrected on this day by this user, and no longer holds the old value.
func (s *Store) CorrectPerson(text, value string) (*PersonResult, error) {
	folded := model.Fold(strings.TrimSpace(text))
	value = model.CleanLine(value)
	if folded == "" || value == "" {
		return nil, &Invalid{model.FieldErrors{{Field: "person", Key: "err.required"}}}
	}
	return s.changePerson(folded, AuditCorrect, func(p *model.Petition, field, old string) {
		switch field {
		case "name":
			p.Name = value
		case "id_number":
			p.IDNumber = value
		case "phone":
			p.Phone = value
		}
	}, func(fc *model.FieldChange, old string) {
		if fc.Old == old {
			fc.Old = value
		}
		if fc.New == old {
			fc.New = value
		}
	})
}

// ErasePerson removes the person's identity (name, address, ID number,
// phone) from every petition naming them and from its history, keeping
// everything reports count.
func (s *Store) ErasePerson(text string) (*PersonResult, error) {
	folded := model.Fold(strings.TrimSpace(text))
	if folded == "" {
		return nil, &Invalid{model.FieldErrors{{Field: "person", Key: "err.required"}}}
	}
	return s.changePerson(folded, AuditErase, func(p *model.Petition, _, _ string) {
		p.Name, p.Address, p.IDNumber, p.Phone, p.Sealed = "", "", "", "", nil
	}, func(fc *model.FieldChange, _ string) {
		if personalFields[fc.Field] {
			fc.Old, fc.New, fc.Sealed = "", "", nil
		}
	})
}

// changePerson applies a correction or an erasure (admins) in one
// transaction: records are written back (sealed again when confidential),
// history entries rewritten, and one entry added to each record's history
// and to the audit log.
func (s *Store) changePerson(folded, action string, rec func(p *model.Petition, field, old string), hist func(fc *model.FieldChange, old string)) (*PersonResult, error) {
	res := &PersonResult{}
	now := s.now().UTC()
	err := s.update(func(tx *bolt.Tx) error {
		if err := s.mayAdmin(tx); err != nil {
			return err
		}
		by := s.signer("")
		type change struct {
			id   [16]byte
			p    *model.Petition
			hits []PersonHit
		}
		var todo []change
		var err error
		res.SealedSkipped, err = s.walkPerson(tx, func(id [16]byte, p *model.Petition, h []model.Change, sealed bool) error {
			if hits := personHits(folded, p, h, sealed); len(hits) > 0 {
				todo = append(todo, change{id, p, hits})
				res.Hits = append(res.Hits, hits...)
			}
			return nil
		})
		if err != nil {
			return err
		}
		for _, c := range todo {
			old, err := getRecord(tx, model.KindPetition, c.id)
			if err != nil {
				return err
			}
			olds := map[string]bool{}
			for _, h := range c.hits {
				olds[h.Value] = true
				if h.History == "" {
					rec(c.p, h.Field, h.Value)
				}
			}
			c.p.UpdatedAt, c.p.UpdatedBy = now, by
			// Not replaceRecord: an erased identity must not be carried
			// over from the stored version.
			oldRow := model.RowOf(old)
			if err := deleteIndexes(tx, &oldRow, c.id); err != nil {
				return err
			}
			if err := putRecord(tx, c.p, c.id); err != nil {
				return err
			}
			var data []byte
			if sess := s.current(); sess != nil {
				data = sess.dataKey()
			}
			if err := rewriteHistory(tx, data, c.id, c.p.Confidential, func(fc *model.FieldChange) {
				for o := range olds {
					hist(fc, o)
				}
			}); err != nil {
				return err
			}
			var fields []model.FieldChange
			for _, h := range c.hits {
				fields = append(fields, model.FieldChange{Field: h.Field})
			}
			// The entry itself says "corrected (or erased) on this day by
			// this user", and which fields; never the old value.
			if err := putHistory(tx, model.KindPetition, c.id, model.Change{At: now, By: by, Action: action, Fields: dedupe(fields)}); err != nil {
				return err
			}
		}
		return s.audit(tx, action, strings.Join(res.Records(), " "), "", fmt.Sprintf("%d hits", len(res.Hits)))
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

func dedupe(fs []model.FieldChange) []model.FieldChange {
	seen := map[string]bool{}
	var out []model.FieldChange
	for _, f := range fs {
		if !seen[f.Field] {
			seen[f.Field] = true
			out = append(out, f)
		}
	}
	return out
}

// rewriteHistory applies fn to every field of a petition's history,
// opening sealed fields first (with the grant) and sealing them again when
// the petition is confidential.
func rewriteHistory(tx *bolt.Tx, data []byte, id [16]byte, confidential bool, fn func(fc *model.FieldChange)) error {
	idStr := model.IDString(id[:])
	pub := dataPub(tx)
	return rewriteChanges(tx, model.KindPetition, id, func(ch *model.Change) (bool, error) {
		if data != nil {
			if err := openChange(data, idStr, ch); err != nil {
				return false, err
			}
		}
		for i := range ch.Fields {
			fn(&ch.Fields[i])
		}
		if confidential && pub != nil {
			if _, err := sealChange(pub, idStr, ch); err != nil {
				return false, err
			}
		}
		return true, nil
	})
}

// StaleBackups lists the backups beside the database that hold data from
// before now: after an erasure they still hold what was erased.
func (s *Store) StaleBackups() []string {
	var out []string
	for _, pattern := range []string{filepath.Join(BackupDir(s.path), "*"), s.path + ".schema*.bak", s.path + ".before-restore"} {
		names, _ := filepath.Glob(pattern)
		for _, n := range names {
			if fi, err := os.Stat(n); err == nil && !fi.IsDir() {
				out = append(out, n)
			}
		}
	}
	sort.Strings(out)
	return out
}
