package cli

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gopy/model"
	"gopy/store"

	bolt "go.etcd.io/bbolt"
)

// reforge rewrites a bundle's item lines with edit and makes the manifest
// agree again (counts, checksum): a forger's bundle.
func reforge(t *testing.T, path string, edit func(lines []string) []string) string {
	t.Helper()
	content := gunzip(t, path)
	lines := strings.Split(strings.TrimSuffix(string(content), "\n"), "\n")
	var m map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &m); err != nil {
		t.Fatal(err)
	}
	body := edit(lines[1:])
	delete(m, "key") // a forger's first bundle: unsigned
	delete(m, "signature")
	counts := map[string]int{}
	for _, l := range body {
		var k struct{ Kind string }
		json.Unmarshal([]byte(l), &k)
		counts[k.Kind]++
	}
	m["counts"] = counts
	joined := strings.Join(body, "\n") + "\n"
	sum := sha256.Sum256([]byte(joined))
	m["checksum"] = "sha256:" + hex.EncodeToString(sum[:])
	head, _ := json.Marshal(m)
	out := filepath.Join(t.TempDir(), "forged.gpb")
	gzipTo(t, out, append(append(head, '\n'), joined...))
	return out
}

// Issue 16.11: a record refused by its rules names the rule in words, in
// both languages, never a catalog key.
func TestBundleFieldErrorsTranslated(t *testing.T) {
	a := wardDB(t, "AA", 20)
	forged := reforge(t, export(t, a), func(lines []string) []string {
		for i, l := range lines {
			if strings.HasPrefix(l, `{"kind":"feedback"`) {
				var it map[string]any
				json.Unmarshal([]byte(l), &it)
				it["record"].(map[string]any)["subject"] = strings.Repeat("ư", 501) // the limit counts letters (issue 13)
				b, _ := json.Marshal(it)
				lines[i] = `{"kind":"feedback",` + strings.Replace(string(b[1:]), `"kind":"feedback",`, "", 1)
				break
			}
		}
		return lines
	})
	c := filepath.Join(t.TempDir(), "c.db")
	for _, tc := range []struct{ lang, want string }{{"vi", "Quá dài"}, {"en", "Too long"}} {
		code, _, errs := run(t, "--db", c, "--lang", tc.lang, "import", forged)
		if code != 1 || !strings.Contains(errs, tc.want) || strings.Contains(errs, "err.") {
			t.Errorf("%s: %d %q", tc.lang, code, errs)
		}
	}
}

// Issue 16.11: a line with a space after "kind": is the same JSON.
func TestBundleLineWithSpaces(t *testing.T) {
	a := wardDB(t, "AA", 20)
	spaced := reforge(t, export(t, a), func(lines []string) []string {
		for i := range lines {
			lines[i] = strings.Replace(lines[i], `{"kind":"`, `{"kind": "`, 1)
		}
		return lines
	})
	c := filepath.Join(t.TempDir(), "c.db")
	if code, out, errs := run(t, "--db", c, "import", spaced); code != 0 {
		t.Fatalf("import: %d %q %q", code, out, errs)
	}
	if n := count(t, "--db", c, "list", "petitions", "--ward", "AA"); n != count(t, "--db", a, "list", "petitions") {
		t.Errorf("%d petitions imported", n)
	}
}

// Issue 16.9: csv and json written to a terminal are inert like the
// table; written to a file (not a terminal) they keep the stored text.
func TestListOutputToTerminalIsInert(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	s, err := store.Open(db, store.Options{Now: func() time.Time { return fixedNow }})
	if err != nil {
		t.Fatal(err)
	}
	st := model.DefaultSettings()
	st.WardName, st.WardCode, st.Officer = "Phường Test", "T1", "Cán bộ"
	if err := s.SaveSettings(st, "test"); err != nil {
		t.Fatal(err)
	}
	evil := "Evil\x1b]0;pwned\x07\x1b[2J\x1bPq\x1b\\\u202eabc\u0085"
	p := &model.Petition{ReceivedOn: model.NewDate(2026, 11, 2), Channel: model.ChannelWalkIn, Classification: model.ClassReport,
		Name: "Người Thử", Summary: evil}
	if err := s.Create(p, "test"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	bad := func(out string) bool {
		return strings.ContainsAny(out, "\x1b\x07\u202e\u0085")
	}
	defer func(f func(io.Writer) bool) { isTerminal = f }(isTerminal)
	for _, format := range []string{"csv", "json"} {
		isTerminal = func(io.Writer) bool { return true }
		code, out, _ := run(t, "--db", db, "list", "petitions", "--format", format)
		if code != 0 || bad(out) {
			t.Errorf("%s to a terminal: raw controls: %q", format, out)
		}
		if format == "json" {
			var recs []map[string]any
			if err := json.Unmarshal([]byte(out), &recs); err != nil || len(recs) != 1 || recs[0]["summary"] != evil {
				t.Errorf("json to a terminal is no longer the same JSON: %v %q", err, out)
			}
		}
		isTerminal = func(io.Writer) bool { return false }
		if _, out, _ := run(t, "--db", db, "list", "petitions", "--format", format); !bad(out) {
			t.Errorf("%s to a file lost the stored text: %q", format, out)
		}
	}
}

// Issue 16.3: --out never touches the database, its backups, the files
// beside it, or any other database.
func TestOutNeverTouchesTheDatabase(t *testing.T) {
	db := wardDB(t, "AA", 30)
	other := wardDB(t, "BB", 5)
	if code, _, errs := run(t, "--db", db, "backup"); code != 0 {
		t.Fatal(errs)
	}
	backups, _ := filepath.Glob(filepath.Join(db+".backups", "*.db"))
	if len(backups) != 1 {
		t.Fatalf("backups: %v", backups)
	}
	link := filepath.Join(t.TempDir(), "link.db")
	if err := os.Symlink(db, link); err != nil {
		t.Fatal(err)
	}
	sum := func(p string) string { b, _ := os.ReadFile(p); s := sha256.Sum256(b); return hex.EncodeToString(s[:]) }
	before := map[string]string{db: sum(db), backups[0]: sum(backups[0]), other: sum(other)}
	targets := []string{db, link, backups[0], filepath.Join(db+".backups", "new.xlsx"), db + ".before-restore", other}
	for _, out := range targets {
		for _, args := range [][]string{
			{"export", "--out", out},
			{"report", "--format", "xlsx", "--out", out},
			{"register", "--format", "csv", "--out", out},
		} {
			code, _, errs := run(t, append([]string{"--db", db, "--lang", "en"}, args...)...)
			if code != 1 || !strings.Contains(errs, "cannot write there") || strings.Count(strings.TrimSpace(errs), "\n") > 0 {
				t.Errorf("%v: %d %q", args, code, errs)
			}
		}
	}
	for p, s := range before {
		if sum(p) != s {
			t.Errorf("%s was changed", p)
		}
	}
	if _, err := os.Stat(db + ".before-restore"); err == nil {
		t.Error("a file was written beside the database")
	}
	if code, _, errs := run(t, "--db", db, "backup", "--out", db); code != 1 {
		t.Errorf("backup over the database: %d %q", code, errs)
	}
	if code, _, errs := run(t, "--db", db, "check"); code != 0 {
		t.Errorf("check: %s", errs)
	}
	// An ordinary file is still written.
	out := filepath.Join(t.TempDir(), "r.xlsx")
	if code, _, errs := run(t, "--db", db, "report", "--format", "xlsx", "--out", out); code != 0 {
		t.Errorf("report to a new file: %q", errs)
	}
}

func setSchemaOf(t *testing.T, path string, v uint32) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		b := make([]byte, 4)
		binary.BigEndian.PutUint32(b, v)
		return tx.Bucket([]byte("meta")).Put([]byte("schema"), b)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// Issues 16.5 and 16.11: restore over a damaged database names the file
// it really kept; a backup from a newer gopy is named, not the database;
// an older database read-only names no flag that does not exist.
func TestRestoreMessages(t *testing.T) {
	db := wardDB(t, "AA", 20)
	bak := filepath.Join(t.TempDir(), "b.db")
	if code, _, errs := run(t, "--db", db, "backup", "--out", bak); code != 0 {
		t.Fatal(errs)
	}
	target := filepath.Join(t.TempDir(), "gopy.db")
	os.WriteFile(target, []byte("hỏng"), 0o600)
	code, out, errs := run(t, "--db", target, "--lang", "en", "restore", bak)
	if code != 0 {
		t.Fatalf("restore over a damaged file: %d %q", code, errs)
	}
	i := strings.Index(out, "kept as ")
	if i < 0 {
		t.Fatalf("no name of the kept file: %q", out)
	}
	kept := strings.TrimSuffix(strings.TrimSpace(out[i+len("kept as "):]), ")")
	if b, err := os.ReadFile(kept); err != nil || string(b) != "hỏng" {
		t.Errorf("the file named %q is not the old one: %v", kept, err)
	}
	newer := filepath.Join(t.TempDir(), "newer.db")
	if code, _, errs := run(t, "--db", db, "backup", "--out", newer); code != 0 {
		t.Fatal(errs)
	}
	setSchemaOf(t, newer, store.SchemaVersion+1)
	code, _, errs = run(t, "--db", target, "--lang", "en", "restore", newer)
	if code != 1 || !strings.Contains(errs, newer) || strings.Contains(errs, target) {
		t.Errorf("newer backup: %d %q", code, errs)
	}
	older := filepath.Join(t.TempDir(), "older.db")
	if code, _, errs := run(t, "--db", db, "backup", "--out", older); code != 0 {
		t.Fatal(errs)
	}
	// An older database: a read-only command migrates it first (main's
	// openRead); nothing names a --read-only flag that does not exist.
	setSchemaOf(t, older, store.SchemaVersion-1)
	code, _, errs = run(t, "--db", older, "--lang", "en", "list", "petitions", "--count")
	if code != 0 || strings.Contains(errs, "--read-only") {
		t.Errorf("older database: %d %q", code, errs)
	}
	// Schema 0 was never written by any gopy: one translated line.
	setSchemaOf(t, older, 0)
	code, _, errs = run(t, "--db", older, "--lang", "en", "list", "petitions")
	if code != 1 || strings.Contains(errs, "--read-only") || !strings.Contains(errs, "is not a gopy database") {
		t.Errorf("schema 0: %d %q", code, errs)
	}
}

// Issue 16.6: random bytes written into a copy of a database give one
// translated line and exit 1 (or a correct answer), never a stack trace;
// and check never calls good a file that export cannot read.
func TestDamagedDatabaseNeverCrashes(t *testing.T) {
	db := wardDB(t, "AA", 300)
	raw, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(16, 6))
	cases := 60
	if testing.Short() {
		cases = 15
	}
	for i := 0; i < cases; i++ {
		bad := bytes.Clone(raw)
		// Random bytes over the start of a page past the meta pages: its
		// header, and some of its elements.
		at := 4096 * (2 + r.IntN(len(bad)/4096-2))
		for j := 0; j < 16+r.IntN(4080); j++ {
			bad[at+j] = byte(r.Uint32())
		}
		path := filepath.Join(t.TempDir(), "bad.db")
		os.WriteFile(path, bad, 0o600)
		results := map[string]int{}
		for _, args := range [][]string{
			{"list", "petitions", "--format", "json"},
			{"export", "--out", filepath.Join(t.TempDir(), "x.gpb")},
			{"report", "--period", "01/01/2020..31/12/2030", "--format", "json"},
			{"check"},
		} {
			code, _, errs := run(t, append([]string{"--db", path, "--lang", "en"}, args...)...)
			results[args[0]] = code
			if strings.Contains(errs, "goroutine ") || strings.Contains(errs, "panic(") {
				t.Fatalf("case %d %v: a stack trace: %q", i, args, errs)
			}
			if code != 0 && (code != 1 || strings.Count(errs, "\n") != 1 && args[0] != "check") {
				t.Errorf("case %d %v: %d %q", i, args, code, errs)
			}
		}
		if results["check"] == 0 && results["export"] != 0 {
			t.Errorf("case %d: check calls the file good, export cannot read it", i)
		}
	}
}

// gopy keys shows the ward's fingerprint; the province shows the same
// one when it pins it at the first import, and lists it after.
func TestKeysCommand(t *testing.T) {
	a := wardDB(t, "AA", 10)
	code, out, errs := run(t, "--db", a, "--lang", "en", "keys")
	if code != 0 {
		t.Fatal(errs)
	}
	fp := strings.TrimSpace(strings.TrimPrefix(out, "this database's signing key: "))
	if len(fp) != 39 {
		t.Fatalf("fingerprint %q", out)
	}
	c := filepath.Join(t.TempDir(), "c.db")
	code, out, errs = run(t, "--db", c, "--lang", "en", "import", export(t, a))
	if code != 0 || !strings.Contains(out, "ward AA: signing key pinned, fingerprint "+fp) {
		t.Fatalf("import: %d %q %q", code, out, errs)
	}
	if _, out, _ := run(t, "--db", c, "--lang", "en", "keys"); !strings.Contains(out, "ward AA: "+fp) {
		t.Errorf("keys at the province: %q", out)
	}
	if code, _, _ := run(t, "--db", c, "keys", "accept", "ZZ", "0000"); code != 2 {
		t.Errorf("accept for an unknown ward: %d", code)
	}
}

// Issue 16.4: a bundle line that is not valid UTF-8 is refused whole,
// naming the line and the byte.
func TestBundleInvalidUTF8Refused(t *testing.T) {
	a := wardDB(t, "AA", 10)
	forged := reforge(t, export(t, a), func(lines []string) []string {
		lines[2] = strings.Replace(lines[2], `"ward":"AA"`, `"ward":"AA","note":"Nguy`+"\xd2"+`n"`, 1)
		return lines
	})
	c := filepath.Join(t.TempDir(), "c.db")
	code, _, errs := run(t, "--db", c, "--lang", "en", "import", forged)
	if code != 1 || !strings.Contains(errs, "line 4") || !strings.Contains(errs, "UTF-8 at byte") {
		t.Errorf("%d %q", code, errs)
	}
	if n := count(t, "--db", c, "list", "petitions"); n != 0 {
		t.Errorf("%d petitions written", n)
	}
}

// Issue 16.4: a ledger saved in another code page: line, column and byte,
// in words, nothing written.
func TestCSVInvalidUTF8Message(t *testing.T) {
	db := wardDB(t, "AA", 0)
	f := filepath.Join(t.TempDir(), "l.csv")
	os.WriteFile(f, []byte("received_on,channel,classification,name,summary\n02/06/2026,walk_in,report,Nguy\xd2n,x\n"), 0o600)
	for _, tc := range []struct{ lang, want string }{
		{"vi", `dòng 2, cột "name", byte thứ 31: văn bản không phải UTF-8`},
		{"en", `line 2, column "name", byte 31: text is not valid UTF-8`},
	} {
		code, _, errs := run(t, "--db", db, "--lang", tc.lang, "import", f)
		if code != 1 || !strings.Contains(errs, tc.want) {
			t.Errorf("%s: %d %q", tc.lang, code, errs)
		}
	}
	if n := count(t, "--db", db, "list", "petitions"); n != 0 {
		t.Errorf("%d petitions", n)
	}
}

// gopy check --repair rebuilds list rows and indexes from the records: a
// database whose index lost entries is sound again, nothing lost.
func TestCheckRepair(t *testing.T) {
	db := wardDB(t, "AA", 50)
	before := snapshot(t, db)
	bdb, err := bolt.Open(db, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	bdb.Update(func(tx *bolt.Tx) error {
		ix := tx.Bucket([]byte("ix/petition"))
		var keys [][]byte
		ix.ForEach(func(k, _ []byte) error {
			if len(keys) < 7 {
				keys = append(keys, bytes.Clone(k))
			}
			return nil
		})
		for _, k := range keys {
			ix.Delete(k)
		}
		return tx.Bucket([]byte("list/feedback")).Delete(firstKey(tx.Bucket([]byte("list/feedback"))))
	})
	bdb.Close()
	if code, _, _ := run(t, "--db", db, "check"); code != 1 {
		t.Fatalf("check of a damaged index: %d", code)
	}
	code, out, errs := run(t, "--db", db, "--lang", "en", "check", "--repair")
	if code != 0 || !strings.Contains(out, "rebuilt list rows, indexes and counts") || !strings.Contains(out, "sound") {
		t.Fatalf("repair: %d %q %q", code, out, errs)
	}
	if snapshot(t, db) != before {
		t.Error("the repair changed the records")
	}
}

func firstKey(b *bolt.Bucket) []byte {
	k, _ := b.Cursor().First()
	return bytes.Clone(k)
}

// A copy of a database whose demo was stopped before it wrote its held
// index entries (store.Load) is not "made by an older gopy": restoring
// it says what happened and how to finish it.
func TestRestoreOfAStoppedDemoSaysSo(t *testing.T) {
	db := wardDB(t, "AA", 20)
	bak := filepath.Join(t.TempDir(), "b.db")
	if code, _, errs := run(t, "--db", db, "backup", "--out", bak); code != 0 {
		t.Fatal(errs)
	}
	b, err := bolt.Open(bak, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	// The mark a Load leaves until its Finish (store/held.go).
	err = b.Update(func(tx *bolt.Tx) error { return tx.Bucket([]byte("meta")).Put([]byte("load/held"), []byte{1}) })
	b.Close()
	if err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(t.TempDir(), "gopy.db")
	code, _, errs := run(t, "--db", target, "--lang", "en", "restore", bak)
	if code != 1 || strings.Contains(errs, "older gopy") || !strings.Contains(errs, "stopped") || !strings.Contains(errs, bak) {
		t.Errorf("restore of a stopped demo's copy: %d %q", code, errs)
	}
}
