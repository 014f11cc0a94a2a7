package store

import (
	"encoding/json"
	"fmt"

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
			if err := json.Unmarshal(v, rec); err != nil {
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
