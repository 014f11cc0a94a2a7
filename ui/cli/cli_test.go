package cli

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"gopy/model"
	"gopy/store"
)

// fixedNow is the clock of every CLI test: demo data and "today" agree.
var fixedNow = time.Date(2026, 11, 27, 9, 0, 0, 0, model.VNZone)

func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = mainAt(args, &out, &errb, func() time.Time { return fixedNow }, nil)
	return code, out.String(), errb.String()
}

func demoDB(t *testing.T, n int) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "t.db")
	if code, _, errs := run(t, "--db", db, "demo", "--records", strconv.Itoa(n), "--seed", "7"); code != 0 {
		t.Fatalf("demo: exit %d: %s", code, errs)
	}
	return db
}

func count(t *testing.T, args ...string) int {
	t.Helper()
	code, out, errs := run(t, append(args, "--count")...)
	if code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, errs)
	}
	n, err := strconv.Atoi(strings.TrimSpace(out))
	if err != nil {
		t.Fatalf("--count printed %q", out)
	}
	return n
}

func TestListCountsAgreeWithRecords(t *testing.T) {
	db := demoDB(t, 1500)
	// The JSON list is the ground truth: every count must match a filter over it.
	code, out, errs := run(t, "--db", db, "list", "petitions", "--format", "json")
	if code != 0 {
		t.Fatalf("json: %d %s", code, errs)
	}
	var recs []model.Petition
	if err := json.Unmarshal([]byte(out), &recs); err != nil {
		t.Fatalf("json output does not parse: %v", err)
	}
	today := model.DateOf(fixedNow)
	overdue, inProgress, found := 0, 0, 0
	for i := range recs {
		p := &recs[i]
		if p.Overdue(today) {
			overdue++
		}
		if p.Status == model.StatusInProgress {
			inProgress++
		}
		if !p.Confidential && strings.Contains(model.Fold(p.Name), "nguyen van") {
			found++
		}
	}
	if overdue == 0 || inProgress == 0 || found == 0 {
		t.Fatalf("demo data lacks variety: overdue=%d in_progress=%d nguyen van=%d", overdue, inProgress, found)
	}
	if got := count(t, "--db", db, "list", "petitions"); got != len(recs) {
		t.Errorf("count %d, json has %d", got, len(recs))
	}
	if got := count(t, "--db", db, "list", "petitions", "--overdue"); got != overdue {
		t.Errorf("--overdue count %d, want %d", got, overdue)
	}
	if got := count(t, "--db", db, "list", "petitions", "--status", "in_progress"); got != inProgress {
		t.Errorf("--status in_progress %d, want %d", got, inProgress)
	}
	// Diacritic- and case-insensitive, on the name as on any text.
	if got := count(t, "--db", db, "list", "petitions", "--search", "NGUYEN van"); got < found {
		t.Errorf("--search 'NGUYEN van' found %d, names alone give %d", got, found)
	}
	if a, b := count(t, "--db", db, "list", "petitions", "--search", "nguyễn văn"), count(t, "--db", db, "list", "petitions", "--search", "nguyen van"); a != b {
		t.Errorf("search with diacritics %d, without %d", a, b)
	}
}

func TestListDateFilters(t *testing.T) {
	db := demoDB(t, 800)
	all := count(t, "--db", db, "list", "feedback")
	in2025 := count(t, "--db", db, "list", "feedback", "--from", "01/01/2025", "--to", "31/12/2025")
	iso := count(t, "--db", db, "list", "feedback", "--from", "2025-01-01", "--to", "2025-12-31")
	period := count(t, "--db", db, "list", "feedback", "--period", "2025")
	if in2025 == 0 || in2025 >= all {
		t.Fatalf("2025 holds %d of %d", in2025, all)
	}
	if iso != in2025 || period != in2025 {
		t.Errorf("same range counted %d (dd/mm), %d (iso), %d (period)", in2025, iso, period)
	}
}

func TestUsageErrorsExit2(t *testing.T) {
	db := demoDB(t, 10)
	for _, args := range [][]string{
		{"list"},
		{"list", "nothing"},
		{"list", "petitions", "--status", "done"},
		{"list", "petitions", "--from", "31/02/2026"},
		{"list", "petitions", "--from", "02/03/2026", "--to", "01/03/2026"},
		{"list", "petitions", "--format", "xml"},
		{"list", "petitions", "--bogus"},
		{"frobnicate"},
		{"--lang", "fr", "list", "petitions"},
	} {
		code, out, errs := run(t, append([]string{"--db", db}, args...)...)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2 (stderr %q)", args, code, errs)
		}
		if out != "" || strings.Count(strings.TrimSpace(errs), "\n") != 0 || !strings.HasPrefix(errs, "gopy: ") {
			t.Errorf("%v: want one line on stderr, got stdout %q stderr %q", args, out, errs)
		}
	}
}

func TestErrorsAreTranslated(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "none.db")
	code, _, vi := run(t, "--db", missing, "list", "petitions")
	if code != 1 || !strings.Contains(vi, "chưa có cơ sở dữ liệu") {
		t.Errorf("vi: exit %d %q", code, vi)
	}
	code, _, en := run(t, "--db", missing, "--lang", "en", "list", "petitions")
	if code != 1 || !strings.Contains(en, "no database at") {
		t.Errorf("en: exit %d %q", code, en)
	}
	code, _, bad := run(t, "--db", missing, "list", "petitions", "--from", "31/02/2026")
	if code != 2 || !strings.Contains(bad, "Ngày không tồn tại") {
		t.Errorf("bad date: exit %d %q", code, bad)
	}
}

func TestInUseWithinOneSecond(t *testing.T) {
	db := demoDB(t, 10)
	held, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	// Wall time on a loaded CI machine (-race, 2 cores shared) can stall
	// one try past a second: up to three tries, the fastest counts (a real
	// regression, a longer wait or a hang, is slow every time).
	fastest := time.Duration(1 << 62)
	for range 3 {
		start := time.Now()
		code, _, errs := run(t, "--db", db, "list", "petitions", "--count")
		took := time.Since(start)
		if code != 1 || !strings.Contains(errs, "đang được một gopy khác mở") {
			t.Fatalf("exit %d, stderr %q", code, errs)
		}
		if fastest = min(fastest, took); took <= time.Second {
			break
		}
	}
	if fastest > time.Second {
		t.Errorf("in-use error took %v at best", fastest)
	}
}

func TestCSVHasBOMAndDefusesFormulas(t *testing.T) {
	db := demoDB(t, 50)
	code, out, errs := run(t, "--db", db, "list", "feedback", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d %s", code, errs)
	}
	if !strings.HasPrefix(out, "\uFEFFid,ref,ward,given_on") {
		t.Errorf("csv starts %q", out[:min(40, len(out))])
	}
}

func TestTableIsInert(t *testing.T) {
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
	p := &model.Petition{ReceivedOn: model.NewDate(2026, 11, 2), Channel: model.ChannelWalkIn, Classification: model.ClassReport,
		Name: "Evil\x1b]0;pwned\x07\x1b[2J", Summary: "x\x1b[31mred"}
	if err := s.Create(p, "test"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	code, out, _ := run(t, "--db", db, "list", "petitions")
	if code != 0 || strings.ContainsRune(out, 0x1b) || strings.ContainsRune(out, 0x07) {
		t.Errorf("raw control bytes reached the table: %q", out)
	}
	if !strings.Contains(out, "Evil␛]0;pwned") {
		t.Errorf("escaped text not shown: %q", out)
	}
}

func TestVersionAndCheck(t *testing.T) {
	db := demoDB(t, 100)
	if code, out, _ := run(t, "version"); code != 0 || !strings.HasPrefix(out, "gopy ") {
		t.Errorf("version: %d %q", code, out)
	}
	if code, out, errs := run(t, "--db", db, "check"); code != 0 || !strings.Contains(out, "100 bản ghi") {
		t.Errorf("check: %d %q %q", code, out, errs)
	}
	bak := filepath.Join(t.TempDir(), "b.db")
	if code, _, errs := run(t, "--db", db, "backup", "--out", bak); code != 0 {
		t.Fatalf("backup: %d %s", code, errs)
	}
	other := filepath.Join(t.TempDir(), "o.db")
	if code, _, errs := run(t, "--db", other, "restore", bak); code != 0 {
		t.Fatalf("restore: %d %s", code, errs)
	}
	if a, b := count(t, "--db", db, "list", "petitions"), count(t, "--db", other, "list", "petitions"); a != b {
		t.Errorf("restored copy has %d petitions, original %d", b, a)
	}
}

func TestListSortByWho(t *testing.T) {
	db := demoDB(t, 300)
	code, out, errs := run(t, "--db", db, "list", "petitions", "--sort", "who", "--format", "json")
	if code != 0 {
		t.Fatal(errs)
	}
	var recs []model.Petition
	if err := json.Unmarshal([]byte(out), &recs); err != nil {
		t.Fatal(err)
	}
	if len(recs) < 100 {
		t.Fatalf("%d petitions", len(recs))
	}
	who := func(p model.Petition) string {
		if p.Confidential {
			return ""
		}
		return model.GivenNameFirst(p.Name) // a person: by given name (issue 13)
	}
	for i := 1; i < len(recs); i++ {
		if model.Compare(who(recs[i-1]), who(recs[i])) > 0 {
			t.Fatalf("%q listed before %q", who(recs[i-1]), who(recs[i]))
		}
	}
	if code, _, _ := run(t, "--db", db, "list", "petitions", "--sort", "size"); code != 2 {
		t.Errorf("--sort size: exit %d, want 2", code)
	}
}

// --sort due keeps every record: the ones that can still miss a deadline
// first, soonest first (an unaccepted petition by its acceptance due), then
// the rest newest first.
func TestListSortByDueKeepsEveryRecord(t *testing.T) {
	db := demoDB(t, 600)
	for _, kind := range []string{"petitions", "feedback"} {
		all := count(t, "--db", db, "list", kind)
		if got := count(t, "--db", db, "list", kind, "--sort", "due"); got != all {
			t.Errorf("%s --sort due --count = %d, list --count = %d", kind, got, all)
		}
	}
	code, out, errs := run(t, "--db", db, "list", "petitions", "--sort", "due", "--format", "json")
	if code != 0 {
		t.Fatal(errs)
	}
	var recs []model.Petition
	if err := json.Unmarshal([]byte(out), &recs); err != nil {
		t.Fatal(err)
	}
	open, rest := 0, false
	var last model.Date
	for _, p := range recs {
		due, kind := p.OpenDue()
		if kind == "" || due == 0 {
			rest = true
			continue
		}
		if rest {
			t.Fatalf("%s (due %v) listed after records with no open deadline", p.Ref, due)
		}
		if due < last {
			t.Fatalf("%s due %v listed after %v", p.Ref, due, last)
		}
		last = due
		open++
	}
	if open == 0 || !rest || len(recs) != count(t, "--db", db, "list", "petitions") {
		t.Errorf("open %d, rest %v, %d listed", open, rest, len(recs))
	}
}
