package store

import (
	"testing"

	bolt "go.etcd.io/bbolt"

	"gopy/model"
)

// A schema-2 database (no commitment or information buckets, list rows in
// format 1) opens migrated: the buckets exist, the rows are rewritten so
// `gopy check` is clean, and a commitment can be saved.
func TestMigrateFollowUp(t *testing.T) {
	path, id := newDB(t)
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, k := range []model.Kind{model.KindCommitment, model.KindInformation} {
			for _, b := range [][]byte{bRec(k), bList(k), bFold(k), bIx(k)} {
				if err := tx.DeleteBucket(b); err != nil {
					return err
				}
			}
		}
		bid, _ := model.ParseID(id)
		rec, err := getRecord(tx, model.KindPetition, bid)
		if err != nil {
			return err
		}
		row := model.RowOf(rec)
		v := encodeRow(&row)
		// Format 1 ended with the parent id: no repeat number or matter.
		v = append([]byte{1}, v[1:len(v)-2]...)
		return tx.Bucket(bList(model.KindPetition)).Put(rowKey(row.Date, bid), v)
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	setSchema(t, path, 2)

	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if problems, err := s.Check(); err != nil || len(problems) > 0 {
		t.Fatalf("check after migration: %v %v", problems, err)
	}
	if n, err := s.Count(Query{Kind: model.KindPetition}); err != nil || n != 1 {
		t.Errorf("petitions after migration: %d %v", n, err)
	}
	se := &model.Session{Type: model.SessionDialogue, HeldOn: model.NewDate(2026, 6, 2), HostRole: model.HostCommitteeChair, HostName: "Chủ tịch Lê Văn Tâm"}
	if err := s.Create(se, "Hà"); err != nil {
		t.Fatal(err)
	}
	c := &model.Commitment{MadeOn: se.HeldOn, SessionID: se.ID, What: "Sửa đèn đường", Due: model.NewDate(2026, 7, 1)}
	if err := s.Create(c, "Hà"); err != nil {
		t.Fatalf("commitment after migration: %v", err)
	}
	if v, _ := schemaOf(t, path+".schema2.bak"); v != 2 {
		t.Errorf("backup schema %d", v)
	}
}
