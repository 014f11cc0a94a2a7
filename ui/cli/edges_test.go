package cli

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gopy/model"
	"gopy/store"
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
				it["record"].(map[string]any)["subject"] = strings.Repeat("ư", 400)
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
	_ = bytes.MinRead
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
