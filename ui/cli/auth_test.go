package cli

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"gopy/model"
	"gopy/store"
)

func TestNoUserIsAUsageError(t *testing.T) {
	db := demoDB(t, 20)
	t.Setenv("GOPY_USER", "")
	code, out, errs := run(t, "--db", db, "list", "petitions", "--count")
	if code != 2 || out != "" || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, "--user") {
		t.Errorf("exit %d, stdout %q, stderr %q: want exit 2 and one line naming --user", code, out, errs)
	}
	code, _, errs = run(t, "--lang", "en", "--db", db, "report")
	if code != 2 || !strings.Contains(errs, "sign in") {
		t.Errorf("en: exit %d %q", code, errs)
	}
	// --user works as $GOPY_USER does.
	if code, _, errs := run(t, "--db", db, "--user", "demo", "list", "petitions", "--count"); code != 0 {
		t.Errorf("--user demo: exit %d %s", code, errs)
	}
}

func TestWrongPassphraseRefused(t *testing.T) {
	db := demoDB(t, 20)
	t.Setenv("GOPY_PASSPHRASE", "not demo")
	code, out, errs := run(t, "--db", db, "list", "petitions")
	if code != 1 || out != "" || !strings.Contains(errs, "sai tên người dùng hoặc mật khẩu") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

func TestRolesFromTheCommandLine(t *testing.T) {
	db := demoDB(t, 20)
	t.Setenv("GOPY_NEW_PASSPHRASE", "viewer passphrase")
	if code, _, errs := run(t, "--db", db, "user", "add", "Người Xem", "--role", "viewer"); code != 0 {
		t.Fatal(errs)
	}
	bundle := export(t, db)
	t.Setenv("GOPY_USER", "Người Xem")
	t.Setenv("GOPY_PASSPHRASE", "viewer passphrase")
	// A viewer reads, reports and exports; it cannot import, back up or
	// manage users.
	if code, _, errs := run(t, "--db", db, "report", "--format", "json"); code != 0 {
		t.Errorf("viewer report: %s", errs)
	}
	if code, _, errs := run(t, "--db", db, "export", "--out", filepath.Join(t.TempDir(), "v.gpb")); code != 0 {
		t.Errorf("viewer export: %s", errs)
	}
	for _, args := range [][]string{{"import", bundle}, {"backup"}, {"user", "list"}, {"audit"}} {
		code, _, errs := run(t, append([]string{"--db", db}, args...)...)
		if code != 1 || !strings.Contains(errs, "không được làm việc đó") {
			t.Errorf("viewer %v: exit %d %q", args, code, errs)
		}
	}
	// The audit names who did what.
	t.Setenv("GOPY_USER", "demo")
	t.Setenv("GOPY_PASSPHRASE", "demo")
	code, out, errs := run(t, "--db", db, "audit", "--user", "Người Xem")
	if code != 0 || !strings.Contains(out, "export") {
		t.Errorf("audit --user: %d %q %q", code, out, errs)
	}
}

func TestDemoRefusesARealDatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "real.db")
	if code, _, errs := run(t, "--db", db, "demo"); code != 2 || !strings.Contains(errs, "--records") {
		t.Errorf("demo without --records: %d %q", code, errs)
	}
	s, err := store.Open(db, store.Options{Now: func() time.Time { return fixedNow }})
	if err != nil {
		t.Fatal(err)
	}
	st := model.DefaultSettings()
	st.WardName, st.WardCode, st.Officer = "Phường Thật", "TH", "Cán bộ"
	s.SaveSettings(st, "")
	if err := s.Create(&model.Petition{ReceivedOn: model.NewDate(2026, 11, 2), Channel: model.ChannelWalkIn, Classification: model.ClassReport,
		Name: "Người Thật Giả Định", Summary: "Việc thật"}, ""); err != nil {
		t.Fatal(err)
	}
	s.Close()
	code, _, errs := run(t, "--db", db, "demo", "--records", "10")
	if code != 1 || !strings.Contains(errs, "--force") {
		t.Errorf("demo on a real database: %d %q", code, errs)
	}
	if n := count(t, "--db", db, "list", "petitions"); n != 1 {
		t.Errorf("demo mixed records in: %d petitions", n)
	}
	if code, _, errs := run(t, "--db", db, "demo", "--records", "10", "--force"); code != 0 {
		t.Errorf("--force: %d %q", code, errs)
	}
	// A demo database takes more demo records.
	demo := demoDB(t, 10)
	if code, _, errs := run(t, "--db", demo, "demo", "--records", "10"); code != 0 {
		t.Errorf("demo on a demo database: %d %q", code, errs)
	}
}

func TestAuditVerifyAndCheckFindTampering(t *testing.T) {
	db := demoDB(t, 20)
	export(t, db)
	run(t, "--db", db, "backup", "--out", filepath.Join(t.TempDir(), "b.db"))
	code, out, errs := run(t, "--db", db, "audit", "--verify")
	if code != 0 {
		t.Fatalf("intact log: %d %q %q", code, out, errs)
	}
	bdb, err := bolt.Open(db, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = bdb.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte("audit"))
		key := make([]byte, 8)
		key[7] = 2
		return b.Put(key, []byte(strings.Replace(string(b.Get(key)), `"demo"`, `"someone else"`, 1)))
	})
	bdb.Close()
	if err != nil {
		t.Fatal(err)
	}
	code, _, errs = run(t, "--db", db, "audit", "--verify")
	if code != 1 || !strings.Contains(errs, "mục 2") {
		t.Errorf("verify after an edit: %d %q", code, errs)
	}
	if code, _, errs := run(t, "--db", db, "check"); code != 1 || !strings.Contains(errs, "mục 2") {
		t.Errorf("check after an edit: %d %q", code, errs)
	}
}

func TestRestoreNeedsAnAdminAndIsLogged(t *testing.T) {
	db := demoDB(t, 20)
	backup := filepath.Join(t.TempDir(), "b.db")
	if code, _, errs := run(t, "--db", db, "backup", "--out", backup); code != 0 {
		t.Fatal(errs)
	}
	t.Setenv("GOPY_NEW_PASSPHRASE", "officer passphrase")
	if code, _, errs := run(t, "--db", db, "user", "add", "officer", "--role", "officer"); code != 0 {
		t.Fatal(errs)
	}
	t.Setenv("GOPY_USER", "officer")
	t.Setenv("GOPY_PASSPHRASE", "officer passphrase")
	if code, _, errs := run(t, "--db", db, "restore", backup); code != 1 || !strings.Contains(errs, "không được làm việc đó") {
		t.Errorf("officer restore: %d %q", code, errs)
	}
	t.Setenv("GOPY_USER", "demo")
	t.Setenv("GOPY_PASSPHRASE", "demo")
	if code, _, errs := run(t, "--db", db, "restore", backup); code != 0 {
		t.Fatalf("admin restore: %d %q", code, errs)
	}
	_, out, _ := run(t, "--db", db, "audit", "--format", "json")
	if !strings.Contains(out, `"action": "restore"`) || !strings.Contains(out, `"action": "backup"`) {
		t.Errorf("restored database's log lacks the backup or the restore:\n%s", out)
	}
}

// A passphrase change keeps the grant: sealed petitions are still searched.
func TestPassphraseChangeKeepsAccess(t *testing.T) {
	db := demoDB(t, 200)
	t.Setenv("GOPY_NEW_PASSPHRASE", "a much longer passphrase")
	if code, _, errs := run(t, "--db", db, "user", "passwd"); code != 0 {
		t.Fatalf("passwd: %d %q", code, errs)
	}
	if code, _, errs := run(t, "--db", db, "list", "petitions", "--count"); code != 1 || !strings.Contains(errs, "sai tên") {
		t.Errorf("old passphrase still accepted: %d %q", code, errs)
	}
	t.Setenv("GOPY_PASSPHRASE", "a much longer passphrase")
	code, out, errs := run(t, "--db", db, "person", "zzzz", "--format", "json")
	if code != 0 || !strings.Contains(out, `"sealed_skipped": 0`) {
		t.Errorf("after passwd: %d %q %q", code, out, errs)
	}
	if !strings.Contains(listJSON(t, db, "petitions"), `"confidential": true`) && !strings.Contains(listJSON(t, db, "petitions"), `"confidential":true`) {
		t.Error("the demo has no confidential petition to test with")
	}
}
