package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gopy/store"
	"gopy/ui/i18n"
)

// Issue 13, item 17: restoring from a file that is not there names the
// file, not the database.
func TestRestoreMissingBackupNamesIt(t *testing.T) {
	dir := t.TempDir()
	db, missing := filepath.Join(dir, "d.db"), filepath.Join(dir, "nonexist.db")
	code, _, errs := run(t, "--db", db, "restore", missing)
	if code != 1 || !strings.Contains(errs, "không có tệp sao lưu "+missing) || strings.Contains(errs, db) {
		t.Errorf("exit %d: %q", code, errs)
	}
}

// Issue 13, item 18: the flag parser's errors in the user's language.
func TestFlagErrorsTranslated(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.db")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--lang", "vi", "list", "petitions", "--bogus"}, "không có tùy chọn -bogus"},
		{[]string{"--lang", "en", "list", "petitions", "--bogus"}, "there is no option -bogus"},
		{[]string{"--lang", "vi", "list", "petitions", "--from"}, "tùy chọn -from cần một giá trị"},
		{[]string{"--lang", "vi", "list", "petitions", "--count=maybe"}, `giá trị "maybe" không hợp lệ cho -count`},
		{[]string{"--lang", "en", "report", "--nope"}, "there is no option -nope"},
	} {
		code, _, errs := run(t, append([]string{"--db", db}, c.args...)...)
		if code != 2 || !strings.Contains(errs, c.want) || strings.Contains(errs, "flag ") {
			t.Errorf("%v: exit %d, %q; want %q", c.args, code, errs, c.want)
		}
	}
}

// Issue 13, item 19: without a terminal, gopy says so in the user's
// language and creates nothing.
func TestNoTerminalCreatesNothing(t *testing.T) {
	old := isTerminal
	isTerminal = func(io.Writer) bool { return false }
	defer func() { isTerminal = old }()
	for _, lang := range []string{"vi", "en"} {
		dir := filepath.Join(t.TempDir(), "gopy")
		started := false
		tui := func(*store.Store, i18n.Lang, string) error { started = true; return nil }
		var out, errb bytes.Buffer
		code := mainAt([]string{"--lang", lang, "--db", filepath.Join(dir, "gopy.db")}, &out, &errb,
			func() time.Time { return fixedNow }, tui)
		want := map[string]string{"vi": "cần một cửa sổ dòng lệnh", "en": "needs a terminal"}[lang]
		if code != 1 || started || !strings.Contains(errb.String(), want) {
			t.Errorf("%s: exit %d, started %v, %q", lang, code, started, errb.String())
		}
		if _, err := os.Stat(dir); !os.IsNotExist(err) {
			t.Errorf("%s: %s was created", lang, dir)
		}
	}
}

// Issue 13, item 20: an extra argument is named as unknown, not taken for
// a missing kind.
func TestListExtraArgument(t *testing.T) {
	db := demoDB(t, 20)
	code, _, errs := run(t, "--db", db, "list", "petitions", "extra")
	if code != 2 || !strings.Contains(errs, "thừa tham số: extra") {
		t.Errorf("exit %d: %q", code, errs)
	}
	if code, _, errs := run(t, "--db", db, "list"); code != 2 || !strings.Contains(errs, "cần chọn") {
		t.Errorf("no kind: exit %d: %q", code, errs)
	}
}
