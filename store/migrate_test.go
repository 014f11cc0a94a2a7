package store

import (
	"encoding/binary"
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

// withMigrations replaces the steps by the test's own.
func withMigrations(t *testing.T, steps ...migration) {
	saved := migrations
	migrations = append([]migration{}, steps...)
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
	if _, err := os.Stat(path + ".schema2.bak"); err == nil {
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

// A database of schema 1 (before accounts) holding a denouncer in clear:
// opening migrates it (after a backup), and making the first admin seals
// the identity.
func TestSchema1MigratesThenSealsAtSetup(t *testing.T) {
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
		return tx.Bucket(bMeta).Put(kSchema, []byte{0, 0, 0, 1})
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
	if got := s.StaleBackups(); len(got) != 1 || got[0] != path+".schema1.bak" {
		t.Errorf("backups holding the clear identity: %v", got)
	}
}
