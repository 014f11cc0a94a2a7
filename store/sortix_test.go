package store

import (
	"slices"
	"testing"

	bolt "go.etcd.io/bbolt"

	"gopy/model"
)

// A database made before the who and reference indexes gets them, filled,
// the first time it is opened read-write; read-only it still opens.
func TestSortIndexesAddedToOlderDatabase(t *testing.T) {
	path, _ := newDB(t)
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Trần Thị Hoa", "Đặng Văn Bình", "Ánh", "Dương Văn Cường", "An"} {
		p := &model.Petition{ReceivedOn: model.NewDate(2026, 6, 2), Channel: model.ChannelWalkIn,
			Classification: model.ClassReport, Name: name, Summary: "Đèn đường hỏng."}
		if err := s.Create(p, "Hà"); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()

	// What an older gopy left: no such buckets at all.
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, k := range model.Kinds {
			for _, b := range [][]byte{bIx(k)} {
				if err := tx.DeleteBucket(b); err != nil {
					return err
				}
			}
		}
		return nil
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}

	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("read-only open of an older database: %v", err)
	}
	ro.Close()

	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if problems, err := s.Check(); err != nil || len(problems) > 0 {
		t.Fatalf("check after adding the indexes: %v %v", problems, err)
	}
	page, err := s.Page(Query{Kind: model.KindPetition, Order: ByWho}, nil, 10, false)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range page {
		got = append(got, e.Row.Who)
	}
	// By given name, then middle and family names (issue 13).
	want := []string{"An", "Nguyễn Văn An", "Ánh", "Đặng Văn Bình", "Dương Văn Cường", "Trần Thị Hoa"}
	if !slices.Equal(got, want) {
		t.Errorf("by who:\n got %q\nwant %q", got, want)
	}
	page, err = s.Page(Query{Kind: model.KindPetition, Order: ByRef}, nil, 10, true)
	if err != nil || len(page) != 6 {
		t.Fatalf("by reference, from the end: %d rows, %v", len(page), err)
	}
	if page[0].Row.Ref != "KN-2026-0006" || page[5].Row.Ref != "KN-2026-0001" {
		t.Errorf("by reference, from the end: %s … %s", page[0].Row.Ref, page[5].Row.Ref)
	}
}

// Who keys made with other collation weights (a newer golang.org/x/text)
// are made again at the next read-write open.
func TestWhoIndexRemadeWhenCollationChanges(t *testing.T) {
	path, id := newDB(t)
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		if err := tx.Bucket(bMeta).Put(kCollation, []byte("older weights")); err != nil {
			return err
		}
		b := tx.Bucket(bIx(model.KindPetition))
		if err := b.Delete(firstKey(b)); err != nil {
			return err
		}
		pid, _ := model.ParseID(id)
		tail := rowTail(model.NewDate(2026, 6, 1), pid)
		return b.Put(appendTagged(nil, sortWho, "older key", &tail), nil)
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if problems, err := s.Check(); err != nil || len(problems) > 0 {
		t.Fatalf("check after remaking the who index: %v %v", problems, err)
	}
}
