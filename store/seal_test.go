package store_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"os"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"gopy/model"
	"gopy/store"
)

// Obviously fictional identities: nothing here may be found in clear.
var secrets = []string{"Quasimodo Zyxwv", "0999000111", "099099099099", "Ngõ Tưởng Tượng"}

func secretPetition() *model.Petition {
	p := petition(day(2026, 6, 10), model.ClassDenunciation)
	p.Name, p.Phone, p.IDNumber, p.Address = "Quasimodo Zyxwv", "0999000111", "099099099099", "Ngõ Tưởng Tượng 77"
	return p
}

const adminPass = "mật khẩu dài của admin"

// setUp makes the admin (signed in) on a test database.
func setUp(t *testing.T) (*store.Store, string, *clock, string) {
	t.Helper()
	store.CheapKDF(t)
	s, path, c := openTest(t)
	code, _, err := s.Setup("admin", adminPass, false)
	if err != nil {
		t.Fatal(err)
	}
	return s, path, c, code
}

func assertNoSecretsInFile(t *testing.T, path string) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	raw = store.PlainBytes(raw) // records are packed: their text too
	for _, sec := range secrets {
		if bytes.Contains(raw, []byte(sec)) {
			t.Errorf("%s holds %q in clear", path, sec)
		}
	}
}

func TestConfidentialIdentitySealedAtRest(t *testing.T) {
	s, path, _, _ := setUp(t)
	p := secretPetition()
	if err := s.Create(p, "typed name"); err != nil {
		t.Fatal(err)
	}
	// Edit the identity: the history records it, sealed.
	got, _ := s.Get(model.KindPetition, p.ID)
	gp := got.(*model.Petition)
	if gp.Name != "" || gp.Sealed == nil {
		t.Fatalf("stored petition not sealed: name %q", gp.Name)
	}
	if err := s.Reveal(gp, "checking the test"); err != nil {
		t.Fatal(err)
	}
	if gp.Name != "Quasimodo Zyxwv" || gp.Phone != "0999000111" {
		t.Fatalf("revealed %q %q", gp.Name, gp.Phone)
	}
	gp.Phone = "0999000222"
	if err := s.Update(gp, "typed name"); err != nil {
		t.Fatal(err)
	}
	hist, _ := s.History(p.ID)
	last := hist[len(hist)-1]
	if last.By != "admin" {
		t.Errorf("history signed %q, want the signed-in user", last.By)
	}
	if len(last.Fields) != 1 || last.Fields[0].Field != "phone" || last.Fields[0].New != "" || last.Fields[0].Sealed == nil {
		t.Fatalf("history entry %+v, want phone sealed", last.Fields)
	}
	if err := s.RevealHistory(p.ID, hist); err != nil {
		t.Fatal(err)
	}
	if f := hist[len(hist)-1].Fields[0]; f.Old != "0999000111" || f.New != "0999000222" {
		t.Errorf("opened history %q → %q", f.Old, f.New)
	}
	// A draft of its form is sealed too.
	if err := s.SaveDraft("petition/"+p.ID, []byte(`{"name":"Quasimodo Zyxwv"}`)); err != nil {
		t.Fatal(err)
	}
	if d, _ := s.Drafts(); string(d["petition/"+p.ID]) != `{"name":"Quasimodo Zyxwv"}` {
		t.Errorf("own draft not readable: %q", d)
	}
	if err := s.Sync(); err != nil {
		t.Fatal(err)
	}
	backup := path + ".bak"
	if err := s.BackupFile(backup); err != nil {
		t.Fatal(err)
	}
	assertNoSecretsInFile(t, path)
	assertNoSecretsInFile(t, backup)
	// The petition is still found by what is not sealed, never by identity.
	n, _ := s.Count(store.Query{Kind: model.KindPetition, Search: "quasimodo"})
	if n != 0 {
		t.Errorf("search finds the sealed name")
	}
}

func TestMakingConfidentialSealsTheHistory(t *testing.T) {
	s, path, _, _ := setUp(t)
	p := secretPetition()
	p.Classification = model.ClassReport
	if err := s.Create(p, ""); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Get(model.KindPetition, p.ID)
	gp := got.(*model.Petition)
	gp.Name = "Quasimodo Zyxwv Junior"
	if err := s.Update(gp, ""); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Get(model.KindPetition, p.ID)
	gp = got.(*model.Petition)
	gp.Confidential = true
	if err := s.Update(gp, ""); err != nil {
		t.Fatal(err)
	}
	// Every live page is clean: a compacted copy holds nothing in clear
	// (the pages bbolt freed keep old bytes until reused: gopy compact).
	out := path + ".compact"
	if err := s.CompactTo(out); err != nil {
		t.Fatal(err)
	}
	assertNoSecretsInFile(t, out)
}

func TestSignInRolesAndGrants(t *testing.T) {
	s, path, c, code := setUp(t)
	p := secretPetition()
	if err := s.Create(p, ""); err != nil {
		t.Fatal(err)
	}
	if err := s.AddUser(model.User{Name: "viewer", Role: model.RoleViewer}, "viewer passphrase"); err != nil {
		t.Fatal(err)
	}
	if err := s.AddUser(model.User{Name: "officer", Role: model.RoleOfficer}, "officer passphrase"); err != nil {
		t.Fatal(err)
	}
	reveal := func() error {
		got, err := s.Get(model.KindPetition, p.ID)
		if err != nil {
			return err
		}
		return s.Reveal(got.(*model.Petition), "test")
	}

	// A wrong passphrase is refused.
	if _, err := s.SignIn("officer", "wrong passphrase"); !errors.Is(err, store.ErrBadSignIn) {
		t.Fatalf("wrong passphrase: %v", err)
	}
	// A viewer cannot save.
	if _, err := s.SignIn("viewer", "viewer passphrase"); err != nil {
		t.Fatal(err)
	}
	if err := s.Create(petition(day(2026, 6, 11), model.ClassReport), ""); !errors.Is(err, store.ErrForbidden) {
		t.Errorf("viewer saved: %v", err)
	}
	// An officer without the grant saves (sealing works without it) but
	// cannot reveal.
	if _, err := s.SignIn("officer", "officer passphrase"); err != nil {
		t.Fatal(err)
	}
	if err := s.Create(secretPetition(), ""); err != nil {
		t.Errorf("officer could not save a denunciation: %v", err)
	}
	if err := reveal(); !errors.Is(err, store.ErrSealed) {
		t.Errorf("officer without grant revealed: %v", err)
	}
	// Given the grant, the officer can reveal.
	if _, err := s.SignIn("admin", adminPass); err != nil {
		t.Fatal(err)
	}
	if err := s.ChangeUser("officer", model.RoleOfficer, true, false); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SignIn("officer", "officer passphrase"); err != nil {
		t.Fatal(err)
	}
	if err := reveal(); err != nil {
		t.Errorf("officer with grant: %v", err)
	}
	// A passphrase change keeps access.
	if err := s.ChangePassphrase("officer", "officer passphrase", "new officer passphrase"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SignIn("officer", "officer passphrase"); !errors.Is(err, store.ErrBadSignIn) {
		t.Errorf("old passphrase still works: %v", err)
	}
	if _, err := s.SignIn("officer", "new officer passphrase"); err != nil {
		t.Fatal(err)
	}
	if err := reveal(); err != nil {
		t.Errorf("after passphrase change: %v", err)
	}
	// Removing the grant removes access.
	if _, err := s.SignIn("admin", adminPass); err != nil {
		t.Fatal(err)
	}
	if err := s.ChangeUser("officer", model.RoleOfficer, false, false); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SignIn("officer", "new officer passphrase"); err != nil {
		t.Fatal(err)
	}
	if err := reveal(); !errors.Is(err, store.ErrSealed) {
		t.Errorf("grant removed, still revealed: %v", err)
	}
	// Nobody signed in cannot save once accounts exist.
	s.Lock()
	if err := s.Create(petition(day(2026, 6, 11), model.ClassReport), "someone"); !errors.Is(err, store.ErrNotSignedIn) {
		t.Errorf("saved without signing in: %v", err)
	}
	// The recovery key restores access when every passphrase is forgotten.
	if err := s.Recover("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH", "admin2", "recovered passphrase"); !errors.Is(err, store.ErrBadRecovery) {
		t.Errorf("wrong recovery key: %v", err)
	}
	if err := s.Recover(code, "admin2", "recovered passphrase"); err != nil {
		t.Fatal(err)
	}
	if err := reveal(); err != nil {
		t.Errorf("after recovery: %v", err)
	}
	s = reopen(t, s, path, c)
	if _, err := s.SignIn("admin2", "recovered passphrase"); err != nil {
		t.Fatal(err)
	}
	if err := reveal(); err != nil {
		t.Errorf("recovered admin after reopen: %v", err)
	}
}

func TestGrowingDelayAfterFiveFailures(t *testing.T) {
	s, _, c, _ := setUp(t)
	for i := 0; i < 5; i++ {
		if _, err := s.SignIn("admin", "wrong"); !errors.Is(err, store.ErrBadSignIn) {
			t.Fatalf("try %d: %v", i+1, err)
		}
	}
	var w *store.WaitError
	if _, err := s.SignIn("admin", adminPass); !errors.As(err, &w) {
		t.Fatalf("sixth try right after five failures: %v, want a wait", err)
	}
	first := w.Until.Sub(c.Now())
	c.Add(first)
	if _, err := s.SignIn("admin", "wrong"); !errors.Is(err, store.ErrBadSignIn) {
		t.Fatal(err)
	}
	if _, err := s.SignIn("admin", adminPass); !errors.As(err, &w) {
		t.Fatalf("after a sixth failure: %v", err)
	}
	if second := w.Until.Sub(c.Now()); second <= first {
		t.Errorf("wait did not grow: %v then %v", first, second)
	}
	c.Add(time.Hour)
	if _, err := s.SignIn("admin", adminPass); err != nil {
		t.Fatalf("after waiting: %v", err)
	}
	log, _ := s.AuditLog(store.AuditFilter{})
	failed := 0
	for _, e := range log {
		if e.Action == store.AuditSignInFailed {
			failed++
		}
	}
	if failed != 6 {
		t.Errorf("%d failed sign-ins audited, want 6", failed)
	}
}

func TestOldDatabaseSealedAtSetup(t *testing.T) {
	store.CheapKDF(t)
	s, path, _ := openTest(t)
	if err := s.Create(secretPetition(), ""); err != nil {
		t.Fatal(err)
	}
	if _, n, err := s.Setup("admin", adminPass, false); err != nil || n != 1 {
		t.Fatalf("setup sealed %d: %v", n, err)
	}
	// bbolt leaves the old pages free until they are reused: compact.
	out := path + ".compact"
	if err := s.CompactTo(out); err != nil {
		t.Fatal(err)
	}
	assertNoSecretsInFile(t, out)
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func containsBytes(b []byte, s string) bool { return bytes.Contains(b, []byte(s)) }

// A bundle from before sealing carries a denouncer in clear: importing it
// seals the identity, in the record and in the history it brings.
func TestImportSealsWhatArrivesInClear(t *testing.T) {
	store.CheapKDF(t)
	ward, wardPath, _ := openTest(t)
	p := secretPetition()
	if err := ward.Create(p, ""); err != nil {
		t.Fatal(err)
	}
	got, _ := ward.Get(model.KindPetition, p.ID)
	got.(*model.Petition).Phone = "0999000333"
	if err := ward.Update(got, ""); err != nil {
		t.Fatal(err)
	}
	bundle := wardPath + ".gpb"
	f, err := os.Create(bundle)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ward.Export(f, store.ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	f.Close()

	upPath := t.TempDir() + "/up.db"
	up, err := store.Open(upPath, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer up.Close()
	if _, _, err := up.Setup("admin", adminPass, false); err != nil {
		t.Fatal(err)
	}
	if _, err := up.ImportBundle(bundle, false, ""); err != nil {
		t.Fatal(err)
	}
	up.Sync()
	raw := readFile(t, upPath)
	for _, sec := range append(secrets, "0999000333") {
		if containsBytes(raw, sec) {
			t.Errorf("imported database holds %q in clear", sec)
		}
	}
	rec, err := up.Get(model.KindPetition, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := up.Reveal(rec.(*model.Petition), "test"); err != nil || rec.(*model.Petition).Phone != "0999000333" {
		t.Errorf("revealed %q: %v", rec.(*model.Petition).Phone, err)
	}
}

// A viewer cannot import, whatever calls the store.
func TestViewerCannotImport(t *testing.T) {
	s, path, _, _ := setUp(t)
	bundle := path + ".gpb"
	f, err := os.Create(bundle)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Export(f, store.ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	csv := path + ".csv"
	if err := os.WriteFile(csv, []byte("\uFEFFkind,received_on,channel,classification,name,summary\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := s.AddUser(model.User{Name: "viewer", Role: model.RoleViewer}, "viewer passphrase"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SignIn("viewer", "viewer passphrase"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ImportBundle(bundle, false, ""); !errors.Is(err, store.ErrForbidden) {
		t.Errorf("viewer imported a bundle: %v", err)
	}
	if _, err := s.ImportCSV(csv, store.CSVOptions{}); !errors.Is(err, store.ErrForbidden) {
		t.Errorf("viewer imported a ledger: %v", err)
	}
}

// The data key is opened from the grant when something confidential is
// first needed, not at sign-in (a count or a list never needs it). A grant
// that does not open then fails closed: the user signs in, and every
// identity stays sealed to them, as for a user without the grant.
func TestGrantOpenedWhenNeededAndFailsClosed(t *testing.T) {
	s, path, c, _ := setUp(t)
	p := secretPetition()
	if err := s.Create(p, "typed name"); err != nil {
		t.Fatal(err)
	}
	s = reopen(t, s, path, c)
	if _, err := s.SignIn("admin", adminPass); err != nil {
		t.Fatal(err)
	}
	if !s.CanReveal() {
		t.Fatal("admin with the grant cannot reveal after signing in again")
	}
	got, _ := s.Get(model.KindPetition, p.ID)
	if err := s.Reveal(got.(*model.Petition), "checking the test"); err != nil || got.(*model.Petition).Name != "Quasimodo Zyxwv" {
		t.Fatalf("reveal after a fresh sign-in: %v, name %q", err, got.(*model.Petition).Name)
	}

	// Damage the grant (the last byte of its ciphertext).
	err := store.BoltDB(s).Update(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte("users"))
		var rec map[string]any
		if err := json.Unmarshal(b.Get([]byte("admin")), &rec); err != nil {
			return err
		}
		g, err := base64.StdEncoding.DecodeString(rec["grant"].(string))
		if err != nil {
			return err
		}
		g[len(g)-1] ^= 1
		rec["grant"] = g
		v, err := json.Marshal(rec)
		if err != nil {
			return err
		}
		return b.Put([]byte("admin"), v)
	})
	if err != nil {
		t.Fatal(err)
	}
	s = reopen(t, s, path, c)
	if _, err := s.SignIn("admin", adminPass); err != nil {
		t.Fatalf("sign-in with a damaged grant: %v (only what is confidential should stay shut)", err)
	}
	if s.CanReveal() {
		t.Error("a damaged grant still reveals")
	}
	got, _ = s.Get(model.KindPetition, p.ID)
	if err := s.Reveal(got.(*model.Petition), "checking the test"); !errors.Is(err, store.ErrSealed) {
		t.Errorf("reveal with a damaged grant: %v, want ErrSealed", err)
	}
	if n, err := s.Count(store.Query{Kind: model.KindPetition}); err != nil || n != 1 {
		t.Errorf("count with a damaged grant: %d, %v", n, err)
	}
}
