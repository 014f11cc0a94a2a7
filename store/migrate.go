package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"

	"gopy/model"
)

// migration moves a database from schema `from` to from+1.
type migration struct {
	from int
	run  func(tx *bolt.Tx) error
}

// migrations are run in order, all in one transaction, on the copy a
// migration makes (migrate). The first schema is 1; steps appear here as
// the layout changes.
var migrations = []migration{
	{from: 1, run: migrateAcceptance},
	{from: 2, run: migrateFollowUp},
	// 4: accounts and the audit log. Identities held in clear are sealed
	// when the first admin is made (Setup), which makes the data key.
	{from: 3, run: func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bUsers, bAudit} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return nil
	}},
	// 5: records packed (recvalue.go). The copy every migration writes
	// does it (rewriteKey): no step of its own.
	{from: 4, run: func(*bolt.Tx) error { return nil }},
}

// migrateAcceptance (schema 1 → 2) brings petitions under the deadlines
// issue's rules: acceptance is its own step.
//   - A petition already handled as accepted gets accepted_on = received_on
//     (model.Petition.FollowHandling): the earliest it can have been, so
//     the migration lengthens no term, and an accepted petition's stored
//     resolution due — counted from receipt until now — stays as it was.
//   - An open complaint or denunciation on which no decision was taken has
//     no resolution due any more (its term starts at acceptance): the one
//     from receipt is cleared and filled again when it is accepted. Its
//     acceptance due (ack_due) stays as stored.
//
// The status and deadline index keys of petitions are rebuilt: an
// unaccepted petition's open deadline is now its ack_due, and it gains the
// "unaccepted" status key.
func migrateAcceptance(tx *bolt.Tx) error {
	k := model.KindPetition
	ix := tx.Bucket(bIx(k))
	var stale [][]byte
	c := ix.Cursor()
	for key, _ := c.First(); key != nil; key, _ = c.Next() {
		if key[0] == ixStatus || key[0] == ixDue {
			stale = append(stale, append([]byte{}, key...))
		}
	}
	for _, key := range stale {
		if err := ix.Delete(key); err != nil {
			return err
		}
	}
	type rec struct {
		id [16]byte
		p  *model.Petition
	}
	var all []rec
	recs := tx.Bucket(bRec(k))
	rc := recs.Cursor()
	for key, v := rc.First(); key != nil; key, v = rc.Next() {
		if !isRecordKey(key) {
			continue
		}
		p := &model.Petition{}
		if err := decodeRecordInto(key, v, p); err != nil {
			return fmt.Errorf("decode petition %s: %w", model.IDString(key), err)
		}
		var id [16]byte
		copy(id[:], key)
		all = append(all, rec{id, p})
	}
	for _, r := range all {
		p := r.p
		p.FollowHandling()
		if p.Unaccepted() && (p.Classification == model.ClassComplaint || p.Classification == model.ClassDenunciation) {
			p.ResolutionDue = 0
		}
		if err := putRecord(tx, p, r.id); err != nil {
			return err
		}
	}
	return nil
}

// migrate brings a database of an older schema to SchemaVersion: it is
// copied into a new file (rewrite.go), the steps from its schema run on
// the copy in one transaction, and the copy takes the old file's place,
// the old file kept as path.schemaN.bak.
func (s *Store) migrate(version uint32) error {
	v := int(version)
	var steps []migration
	for _, m := range migrations {
		if m.from == v {
			steps = append(steps, m)
			v++
		}
	}
	if v != SchemaVersion {
		// No gopy wrote this schema (0, or one skipped): not ours to read.
		return fmt.Errorf("%s: no migration from schema %d: %w", s.path, v, ErrNotGopy)
	}
	tmp := s.path + migratingSuffix
	err := s.rewriteTo(tmp, func(tx *bolt.Tx) error {
		v := int(version)
		for _, m := range steps {
			if err := m.run(tx); err != nil {
				return fmt.Errorf("migrate schema %d to %d: %w", v, v+1, err)
			}
			v++
		}
		return tx.Bucket(bMeta).Put(kSchema, schemaBytes(SchemaVersion))
	})
	if err != nil {
		return fmt.Errorf("%s: %w", s.path, err)
	}
	return s.replaceWith(tmp, s.path+fmt.Sprintf(".schema%d.bak", version))
}
