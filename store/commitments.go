package store

import (
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"gopy/model"
)

// followLinks checks and fills what the follow-through records link to
// (issue 12), when the record is new (old nil) or its link changed: a
// commitment's feedback point (answered accepted or partly accepted) or
// session must exist; a repeated petition's earlier petition must exist,
// be received no later, and not be a repeat of this one, and it gives the
// repeat its number and matter. A link left as it was is not checked
// again, so a record whose parent was deleted stays editable.
func followLinks(tx *bolt.Tx, old, rec model.Record) error {
	switch v := rec.(type) {
	case *model.Commitment:
		if o, ok := old.(*model.Commitment); ok && o.FeedbackID == v.FeedbackID && o.PointNo == v.PointNo && o.SessionID == v.SessionID {
			return nil
		}
		return checkCommitmentParent(tx, v)
	case *model.Petition:
		if o, ok := old.(*model.Petition); ok && o.RepeatOf == v.RepeatOf {
			v.RepeatNo, v.RepeatRoot, v.RepeatRef = o.RepeatNo, o.RepeatRoot, o.RepeatRef
			return nil
		}
		return fillRepeat(tx, v)
	}
	return nil
}

// renumberRepeats follows a petition whose place in a chain of repeats
// changed (its repeat_of was edited) down to the later petitions of the
// chain, giving each its number and matter again, in the same transaction,
// so no two petitions claim the same raising of one matter. The chain's
// later petitions are found by their rows: they carry the matter the
// petition belonged to, and were received no earlier than it. Each one
// renumbered is a change of its own (updated at, history), so a bundle
// carries it to the higher level, where the later version wins; and each
// passes the locked-period check (locked) first.
func renumberRepeats(tx *bolt.Tx, old, rec model.Record, now time.Time, by string, locked func(model.Record) error) error {
	o, ok := old.(*model.Petition)
	p, _ := rec.(*model.Petition)
	if !ok || p == nil || o.Times() == p.Times() && o.MatterID() == p.MatterID() {
		return nil
	}
	matter := o.MatterID()
	later := map[string][]*model.Petition{} // repeat_of → repeats
	c := tx.Bucket(bList(model.KindPetition)).Cursor()
	for key, val := c.Seek(rowKey(o.ReceivedOn, [16]byte{})); key != nil; key, val = c.Next() {
		var row model.Row
		if err := decodeRow(model.KindPetition, key, val, &row); err != nil {
			return err
		}
		if row.Matter != matter || row.ID == p.ID {
			continue
		}
		var id [16]byte
		copy(id[:], key[len(key)-16:])
		r, err := getRecord(tx, model.KindPetition, id)
		if err != nil {
			return err
		}
		q := r.(*model.Petition)
		later[q.RepeatOf] = append(later[q.RepeatOf], q)
	}
	queue := []*model.Petition{p}
	for len(queue) > 0 {
		up := queue[0]
		queue = queue[1:]
		for _, q := range later[up.ID] {
			was, err := getRecord(tx, model.KindPetition, storedID(q.ID))
			if err != nil {
				return err
			}
			q.FollowRepeat(up)
			if changes := diff(was, q); len(changes) > 0 {
				if !now.After(q.UpdatedAt) {
					now = q.UpdatedAt.Add(1)
				}
				q.UpdatedAt, q.UpdatedBy = now, by
				if err := locked(q); err != nil {
					return err
				}
				if err := replaceRecord(tx, was, q, storedID(q.ID)); err != nil {
					return err
				}
				if err := putHistory(tx, model.KindPetition, storedID(q.ID), model.Change{At: now, By: by, Action: "update", Fields: changes}); err != nil {
					return err
				}
			}
			queue = append(queue, q)
		}
		delete(later, up.ID) // a same-day cycle cannot loop
	}
	return nil
}

// storedID parses the id of a record read from the store (always valid).
func storedID(s string) [16]byte {
	id, _ := model.ParseID(s)
	return id
}

func checkCommitmentParent(tx *bolt.Tx, c *model.Commitment) error {
	if c.SessionID != "" {
		id, err := model.ParseID(c.SessionID)
		if err != nil || tx.Bucket(bRec(model.KindSession)).Get(id[:]) == nil {
			return &Invalid{model.FieldErrors{{Field: "session_id", Key: "err.not_found"}}}
		}
		return nil
	}
	id, err := model.ParseID(c.FeedbackID)
	if err != nil {
		return &Invalid{model.FieldErrors{{Field: "feedback_id", Key: "err.not_found"}}}
	}
	rec, err := getRecord(tx, model.KindFeedback, id)
	if err == ErrNotFound {
		return &Invalid{model.FieldErrors{{Field: "feedback_id", Key: "err.not_found"}}}
	}
	if err != nil {
		return err
	}
	f := rec.(*model.Feedback)
	if c.PointNo < 1 || c.PointNo > len(f.Points) {
		return &Invalid{model.FieldErrors{{Field: "point_no", Key: "err.not_found"}}}
	}
	if !f.Points[c.PointNo-1].CanCommit() {
		return &Invalid{model.FieldErrors{{Field: "point_no", Key: "err.commitment_not_accepted"}}}
	}
	return nil
}

func fillRepeat(tx *bolt.Tx, p *model.Petition) error {
	if p.RepeatOf == "" {
		p.FollowRepeat(nil)
		return nil
	}
	bad := func(key string) error { return &Invalid{model.FieldErrors{{Field: "repeat_of", Key: key}}} }
	id, err := model.ParseID(p.RepeatOf)
	if err != nil {
		return bad("err.not_found")
	}
	rec, err := getRecord(tx, model.KindPetition, id)
	if err == ErrNotFound {
		return bad("err.not_found")
	}
	if err != nil {
		return err
	}
	earlier := rec.(*model.Petition)
	if earlier.ReceivedOn > p.ReceivedOn {
		return bad("err.repeat_later")
	}
	if p.ID != "" && (earlier.MatterID() == p.ID || earlier.RepeatOf == p.ID) {
		return bad("err.repeat_cycle")
	}
	p.FollowRepeat(earlier)
	return nil
}

// migrateFollowUp (issue 12; schema 2 → 3) adds the buckets of commitments and
// information items and rewrites every list row in row format 2, which
// carries the assessment counts, the draft's sender, the voters' request
// and the repeat number. It only adds: run on a database that has it
// already, it rewrites the same rows.
func migrateFollowUp(tx *bolt.Tx) error {
	for _, b := range allBuckets() {
		if _, err := tx.CreateBucketIfNotExists(b); err != nil {
			return fmt.Errorf("create bucket %s: %w", b, err)
		}
	}
	for _, k := range model.Kinds {
		list := tx.Bucket(bList(k))
		c := tx.Bucket(bRec(k)).Cursor()
		for key, v := c.First(); key != nil; key, v = c.Next() {
			if !isRecordKey(key) {
				continue
			}
			rec := newRecord(k)
			if err := decodeRecordInto(key, v, rec); err != nil {
				return fmt.Errorf("decode %s %s: %w", k, model.IDString(key), err)
			}
			var id [16]byte
			copy(id[:], key)
			row := model.RowOf(rec)
			if err := list.Put(rowKey(row.Date, id), encodeRow(&row)); err != nil {
				return err
			}
		}
	}
	return nil
}
