package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"

	"gopy/model"
)

// setSchema rewrites the schema version with bbolt directly, as an older or
// newer gopy would have left it.
func setSchema(t *testing.T, path string, v uint32) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		b := make([]byte, 4)
		binary.BigEndian.PutUint32(b, v)
		return tx.Bucket(bMeta).Put(kSchema, b)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func schemaOf(t *testing.T, path string) (uint32, string) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v uint32
	var marker string
	db.View(func(tx *bolt.Tx) error {
		m := tx.Bucket(bMeta)
		v = binary.BigEndian.Uint32(m.Get(kSchema))
		marker = string(m.Get([]byte("test-marker")))
		return nil
	})
	return v, marker
}

// newDB makes a schema-current database holding one petition.
func newDB(t *testing.T) (path, id string) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "gopy.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, _ := s.Settings()
	st.WardName, st.WardCode, st.Officer = "Phường Hòa Bình", "HB", "Hà"
	if err := s.SaveSettings(st, "Hà"); err != nil {
		t.Fatal(err)
	}
	p := &model.Petition{ReceivedOn: model.NewDate(2026, 6, 1), Channel: model.ChannelWalkIn,
		Classification: model.ClassReport, Name: "Nguyễn Văn An", Summary: "Đèn đường hỏng."}
	if err := s.Create(p, "Hà"); err != nil {
		t.Fatal(err)
	}
	return path, p.ID
}

// withMigrations replaces the migration steps for a test of how steps run.
func withMigrations(t *testing.T, steps ...migration) {
	saved := migrations
	migrations = steps
	t.Cleanup(func() { migrations = saved })
}

func TestNewerSchemaRefused(t *testing.T) {
	path, _ := newDB(t)
	setSchema(t, path, SchemaVersion+1)
	for _, ro := range []bool{false, true} {
		s, err := Open(path, Options{ReadOnly: ro})
		if !errors.Is(err, ErrNewerSchema) {
			if s != nil {
				s.Close()
			}
			t.Fatalf("read-only %v: %v, want ErrNewerSchema", ro, err)
		}
	}
	if v, _ := schemaOf(t, path); v != SchemaVersion+1 {
		t.Errorf("refusing rewrote the schema to %d", v)
	}
	if _, err := os.Stat(path + fmt.Sprintf(".schema%d.bak", SchemaVersion+1)); err == nil {
		t.Error("a newer database was backed up as if to be migrated")
	}
}

func TestOlderSchemaBackedUpThenMigrated(t *testing.T) {
	path, id := newDB(t)
	old := uint32(SchemaVersion - 1)
	setSchema(t, path, old)
	runs := 0
	withMigrations(t, migration{from: int(old), run: func(tx *bolt.Tx) error {
		runs++
		return tx.Bucket(bMeta).Put([]byte("test-marker"), []byte("migrated"))
	}})

	// Read-only cannot migrate: refused, nothing touched.
	if s, err := Open(path, Options{ReadOnly: true}); err == nil {
		s.Close()
		t.Fatal("read-only open of an old schema succeeded")
	}
	if runs != 0 {
		t.Fatal("read-only open migrated")
	}

	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(model.KindPetition, id); err != nil {
		t.Errorf("record after migration: %v", err)
	}
	if problems, err := s.Check(); err != nil || len(problems) > 0 {
		t.Errorf("check after migration: %v %v", problems, err)
	}
	s.Close()
	if v, marker := schemaOf(t, path); v != SchemaVersion || marker != "migrated" {
		t.Errorf("after migration: schema %d marker %q", v, marker)
	}
	bak := path + fmt.Sprintf(".schema%d.bak", old)
	if v, marker := schemaOf(t, bak); v != old || marker != "" {
		t.Errorf("backup %s: schema %d marker %q, want the database before migrating", bak, v, marker)
	}
	// Opening again migrates nothing more.
	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if runs != 1 {
		t.Errorf("migration ran %d times", runs)
	}
}

func TestMigrationFailureLeavesOldSchema(t *testing.T) {
	path, _ := newDB(t)
	setSchema(t, path, SchemaVersion-1)
	withMigrations(t, migration{from: SchemaVersion - 1, run: func(tx *bolt.Tx) error {
		if err := tx.Bucket(bMeta).Put([]byte("test-marker"), []byte("half")); err != nil {
			return err
		}
		return errors.New("disk on fire")
	}})
	if s, err := Open(path, Options{}); err == nil {
		s.Close()
		t.Fatal("a failing migration opened the database")
	}
	if v, marker := schemaOf(t, path); v != SchemaVersion-1 || marker != "" {
		t.Errorf("after a failed migration: schema %d marker %q, want untouched", v, marker)
	}
}

func TestMissingMigrationRefused(t *testing.T) {
	path, _ := newDB(t)
	setSchema(t, path, SchemaVersion-1)
	withMigrations(t) // no step from the old schema
	if s, err := Open(path, Options{}); err == nil {
		s.Close()
		t.Fatal("opened an old schema with no migration step")
	}
	if v, _ := schemaOf(t, path); v != SchemaVersion-1 {
		t.Errorf("schema %d after a refused migration", v)
	}
}

func TestNotGopyRefused(t *testing.T) {
	dir := t.TempDir()
	other := filepath.Join(dir, "other.db")
	db, err := bolt.Open(other, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bolt.Tx) error {
		b, _ := tx.CreateBucket([]byte("widgets"))
		return b.Put([]byte("k"), []byte("v"))
	})
	db.Close()

	metaNoSchema := filepath.Join(dir, "meta.db")
	db, _ = bolt.Open(metaNoSchema, 0o600, nil)
	db.Update(func(tx *bolt.Tx) error {
		b, _ := tx.CreateBucket(bMeta)
		return b.Put([]byte("version"), []byte("3"))
	})
	db.Close()

	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte("Biên bản họp tổ dân phố\n"), 0o600)
	junk := filepath.Join(dir, "junk.bin")
	big := make([]byte, 64<<10)
	for i := range big {
		big[i] = byte(i * 7)
	}
	os.WriteFile(junk, big, 0o600)

	for _, path := range []string{other, metaNoSchema, text, junk} {
		before, _ := os.ReadFile(path)
		for _, ro := range []bool{false, true} {
			s, err := Open(path, Options{ReadOnly: ro})
			if err == nil {
				s.Close()
			}
			if !errors.Is(err, ErrNotGopy) {
				t.Errorf("%s (read-only %v): %v, want ErrNotGopy", filepath.Base(path), ro, err)
			}
		}
		if after, _ := os.ReadFile(path); string(after) != string(before) {
			t.Errorf("%s was modified by a refused open", filepath.Base(path))
		}
	}
}

// A schema-1 database: petitions without accepted_on, an unaccepted
// complaint with a resolution due counted from receipt, and the old index
// (no "unaccepted" key, the resolution due as the deadline). Opening it
// migrates: accepted on receipt, the unaccepted complaint's due cleared,
// the index rebuilt so --status unaccepted and --overdue see them.
func TestMigrateAcceptance(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gopy.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	st, _ := s.Settings()
	st.WardName, st.WardCode, st.Officer = "Phường Hòa Bình", "HB", "Hà"
	if err := s.SaveSettings(st, "Hà"); err != nil {
		t.Fatal(err)
	}
	// Mon 02/03/2026: ack +10 = Thu 12/03.
	waiting := &model.Petition{ReceivedOn: model.NewDate(2026, 3, 2), Channel: model.ChannelWalkIn,
		Classification: model.ClassComplaint, Name: "Nguyễn Văn An", Summary: "Tranh chấp ranh giới."}
	// In progress since Mon 09/03/2026.
	working := &model.Petition{ReceivedOn: model.NewDate(2026, 3, 9), Channel: model.ChannelWalkIn,
		Classification: model.ClassComplaint, Name: "Trần Thị Bình", Summary: "Thu hồi đất.", Status: model.StatusInProgress}
	for _, p := range []*model.Petition{waiting, working} {
		if err := s.Create(p, "Hà"); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()

	// Make it what schema 1 stored.
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		recs, ix := tx.Bucket(bRec(model.KindPetition)), tx.Bucket(bIx(model.KindPetition))
		for _, p := range []*model.Petition{waiting, working} {
			id, _ := model.ParseID(p.ID)
			row := model.RowOf(p)
			for _, k := range ixKeys(&row, id) {
				if err := ix.Delete(k); err != nil {
					return err
				}
			}
			old := *p
			old.AcceptedOn = 0
			if p == waiting {
				old.ResolutionDue = model.NewDate(2026, 4, 1) // 02/03 + 30
			}
			v, _ := json.Marshal(&old)
			if err := recs.Put(id[:], v); err != nil {
				return err
			}
			oldRow := model.RowOf(&old)
			if err := tx.Bucket(bList(model.KindPetition)).Put(rowKey(oldRow.Date, id), encodeRow(&oldRow)); err != nil {
				return err
			}
			// Schema 1's keys: the status, and the resolution due.
			if err := ix.Put(statusKey(oldRow.Status, &oldRow, id), nil); err != nil {
				return err
			}
			if err := ix.Put(dueKey(oldRow.Due, oldRow.Date, id), nil); err != nil {
				return err
			}
		}
		return nil
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	setSchema(t, path, 1)

	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if problems, err := s.Check(); err != nil || len(problems) > 0 {
		t.Fatalf("check after migration: %v %v", problems, err)
	}
	w, _ := s.Get(model.KindPetition, waiting.ID)
	if p := w.(*model.Petition); p.AcceptedOn != 0 || p.ResolutionDue != 0 || p.AckDue != model.NewDate(2026, 3, 12) {
		t.Errorf("unaccepted complaint: accepted %v due %v ack %v", p.AcceptedOn, p.ResolutionDue, p.AckDue)
	}
	g, _ := s.Get(model.KindPetition, working.ID)
	if p := g.(*model.Petition); p.AcceptedOn != model.NewDate(2026, 3, 9) || p.ResolutionDue != model.NewDate(2026, 4, 8) {
		t.Errorf("in progress: accepted %v due %v, want 09/03 and 08/04", p.AcceptedOn, p.ResolutionDue)
	}
	// On 20/03: the waiting complaint is past its acceptance due (12/03);
	// the other is within its resolution due.
	for _, c := range []struct {
		q    Query
		want int
	}{
		{Query{Kind: model.KindPetition, Status: StatusUnaccepted}, 1},
		{Query{Kind: model.KindPetition, Overdue: true, Today: model.NewDate(2026, 3, 20)}, 1},
		{Query{Kind: model.KindPetition, Overdue: true, Today: model.NewDate(2026, 4, 9)}, 2},
		{Query{Kind: model.KindPetition, Status: StatusUnaccepted, Overdue: true, Today: model.NewDate(2026, 3, 12)}, 0},
	} {
		if n, err := s.Count(c.q); err != nil || n != c.want {
			t.Errorf("%+v: %d (%v), want %d", c.q, n, err, c.want)
		}
	}
}

// A database of schema 3 (before accounts) holding a denouncer in clear:
// opening migrates it (after a backup), and making the first admin seals
// the identity.
func TestSchema3MigratesThenSealsAtSetup(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	st := model.DefaultSettings()
	st.WardName, st.WardCode, st.Officer = "Phường Cũ", "OLD", "Cán bộ"
	s.SaveSettings(st, "")
	p := &model.Petition{ReceivedOn: model.NewDate(2026, 6, 1), Channel: model.ChannelWalkIn, Classification: model.ClassDenunciation,
		Name: "Quasimodo Zyxwv", Phone: "0999000111", Summary: "Tố cáo"}
	if err := s.Create(p, ""); err != nil {
		t.Fatal(err)
	}
	err = s.db.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bUsers, bAudit} {
			if err := tx.DeleteBucket(b); err != nil {
				return err
			}
		}
		return tx.Bucket(bMeta).Put(kSchema, []byte{0, 0, 0, 3})
	})
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if has, _ := s.HasUsers(); has {
		t.Fatal("accounts appeared by themselves")
	}
	if _, n, err := s.Setup("admin", "a long passphrase", true); err != nil || n != 1 {
		t.Fatalf("setup sealed %d: %v", n, err)
	}
	rec, _ := s.Get(model.KindPetition, p.ID)
	if rec.(*model.Petition).Name != "" || rec.(*model.Petition).Sealed == nil {
		t.Error("identity not sealed after setup")
	}
	if problems, err := s.Check(); err != nil || len(problems) > 0 {
		t.Errorf("check: %v %v", problems, err)
	}
	if got := s.StaleBackups(); len(got) != 1 || got[0] != path+".schema3.bak" {
		t.Errorf("backups holding the clear identity: %v", got)
	}
}
