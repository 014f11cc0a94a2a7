package cli

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
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
