package store_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gopy/model"
	"gopy/store"
)

// ledger writes a kind's records as the CSV ledger `gopy list --format
// csv` gives, after edit has had its say on each line.
func ledger(t testing.TB, s *store.Store, k model.Kind, edit func(col map[string]int, line []string) []string) string {
	t.Helper()
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	cols := store.CSVColumns(k)
	col := map[string]int{}
	for i, c := range cols {
		col[c] = i
	}
	w.Write(cols)
	err := s.EachJSON(store.Query{Kind: k, Order: store.OldestFirst}, func(_ *model.Row, raw []byte) error {
		rows, err := store.CSVRows(k, raw)
		for _, r := range rows {
			if edit != nil {
				r = edit(col, r)
			}
			if r != nil {
				w.Write(r)
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	w.Flush()
	path := filepath.Join(t.TempDir(), "ledger.csv")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// Issue 10 (also fix): an edit made at the ward by re-importing its CSV
// ledger reaches the province, and a change made at the province too is
// kept as a conflict.
func TestCSVEditTravelsUpward(t *testing.T) {
	for _, provinceEdits := range []bool{false, true} {
		c := newClock(vn(2026, time.June, 15, 9, 0))
		ward, prov := openWard(t, "HB", c), openWard(t, "TINH", c)
		p := petition(day(2026, 6, 1), model.ClassReport)
		mustCreate(t, ward, p)
		if _, err := prov.ImportBundle(exportTo(t, ward), false, officer); err != nil {
			t.Fatal(err)
		}
		c.Add(time.Hour)
		if provinceEdits {
			got := mustGet(t, prov, model.KindPetition, p.ID).(*model.Petition)
			got.Result = "Tỉnh đã ghi chú"
			if err := prov.Update(got, "Cán bộ tỉnh"); err != nil {
				t.Fatal(err)
			}
			c.Add(time.Hour)
		}
		path := ledger(t, ward, model.KindPetition, func(col map[string]int, l []string) []string {
			l[col["summary"]] = "Nội dung đã sửa qua Excel"
			return l
		})
		res, err := ward.ImportCSV(path, store.CSVOptions{By: officer})
		if err != nil || res.Wards["HB"].Updated != 1 {
			t.Fatalf("csv edit: %v %+v", err, res)
		}
		c.Add(time.Hour)
		res, err = prov.ImportBundle(exportTo(t, ward), false, officer)
		if err != nil {
			t.Fatal(err)
		}
		got := mustGet(t, prov, model.KindPetition, p.ID).(*model.Petition)
		if got.Summary != "Nội dung đã sửa qua Excel" {
			t.Errorf("province edits %v: the ward's CSV edit did not arrive (%+v)", provinceEdits, *res.Wards["HB"])
		}
		if conflicts := res.Wards["HB"].Conflicts; conflicts != map[bool]int{false: 0, true: 1}[provinceEdits] {
			t.Errorf("province edits %v: %d conflicts", provinceEdits, conflicts)
		}
		if provinceEdits {
			hist, _ := prov.History(p.ID)
			found := false
			for _, h := range hist {
				found = found || h.Action == "conflict" && strings.Contains(h.Note, "Tỉnh đã ghi chú")
			}
			if !found {
				t.Error("the province's version is not kept in the history")
			}
		}
	}
}

func csvErr(t *testing.T, err error) *store.CSVError {
	t.Helper()
	var ce *store.CSVError
	if !errors.As(err, &ce) {
		t.Fatalf("want a CSV error, got %v", err)
	}
	return ce
}

// Issue 16.7: a ledger obeys the rules a bundle does.
func TestCSVLedgerRules(t *testing.T) {
	s, _, _ := openTest(t)
	f := feedback(day(2026, 6, 1))
	mustCreate(t, s, f)
	p1, p2 := petition(day(2026, 6, 2), model.ClassReport), petition(day(2026, 6, 3), model.ClassProposal)
	mustCreate(t, s, p1)
	mustCreate(t, s, p2)
	gone := petition(day(2026, 6, 4), model.ClassReport)
	mustCreate(t, s, gone)
	base := ledger(t, s, model.KindPetition, nil)
	if err := s.Delete(model.KindPetition, gone.ID, officer); err != nil {
		t.Fatal(err)
	}
	before := allJSON(t, s)
	cases := []struct {
		name, col string
		edit      func(col map[string]int, l []string) []string
		path      string
	}{
		{"a petition line with a feedback's id", "id", func(col map[string]int, l []string) []string {
			if l[col["id"]] == p2.ID {
				l[col["id"]] = f.ID
			}
			return l
		}, ""},
		{"a deleted record's id", "id", nil, base},
		{"a new record reusing a reference", "ref", func(col map[string]int, l []string) []string {
			if l[col["id"]] == p2.ID {
				l[col["id"]] = model.NewID(time.Now())
				l[col["ref"]] = p1.Ref
			}
			return l
		}, ""},
	}
	cases = append(cases, struct {
		name, col string
		edit      func(col map[string]int, l []string) []string
		path      string
	}{"a new record of another ward", "ward", func(col map[string]int, l []string) []string {
		if l[col["id"]] == p2.ID {
			l[col["id"]], l[col["ref"]], l[col["ward"]] = "", "", "KHAC"
		}
		return l
	}, ""})
	for _, tc := range cases {
		path := tc.path
		if path == "" {
			path = ledger(t, s, model.KindPetition, tc.edit)
		}
		_, err := s.ImportCSV(path, store.CSVOptions{By: officer})
		ce := csvErr(t, err)
		if ce.Column != tc.col || ce.Line < 2 {
			t.Errorf("%s: line %d column %q (%s)", tc.name, ce.Line, ce.Column, ce.Key)
		}
		if !jsonEqual(before, allJSON(t, s)) {
			t.Errorf("%s: a refused ledger changed the database", tc.name)
		}
	}
}

// Issue 16.4: a ledger saved in another code page is refused with the
// line and column of the first bad byte; nothing is stored.
func TestCSVInvalidUTF8Refused(t *testing.T) {
	s, _, _ := openTest(t)
	path := filepath.Join(t.TempDir(), "cp1258.csv")
	content := "received_on,channel,classification,name,summary\n" +
		"02/06/2026,walk_in,report,Người Thử,Nội dung\n" +
		"03/06/2026,walk_in,report,Nguy\xd2n V\xe3n,Nội dung\n"
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := s.ImportCSV(path, store.CSVOptions{By: officer})
	ce := csvErr(t, err)
	if ce.Line != 3 || ce.Column != "name" || ce.Key != "err.csv.utf8" || ce.Offset != len("03/06/2026,walk_in,report,Nguy")+1 {
		t.Errorf("got %+v", ce)
	}
	if n := total(t, s, model.KindPetition); n != 0 {
		t.Errorf("%d petitions stored", n)
	}
}

// Once accounts exist, what an import writes (a bundle's new records, a
// ledger's edits) is signed in the history by the signed-in user, whatever
// name the caller passes.
func TestImportSignedBySignedInUser(t *testing.T) {
	store.CheapKDF(t)
	c := newClock(vn(2026, time.June, 15, 9, 0))
	ward, prov := openWard(t, "HB", c), openWard(t, "TINH", c)
	p := petition(day(2026, 6, 1), model.ClassReport)
	mustCreate(t, ward, p)
	if _, _, err := prov.Setup("admin", adminPass, false); err != nil {
		t.Fatal(err)
	}
	if _, err := prov.ImportBundle(exportTo(t, ward), false, "Người Khác"); err != nil {
		t.Fatal(err)
	}
	c.Add(time.Hour)
	path := ledger(t, prov, model.KindPetition, func(col map[string]int, l []string) []string {
		l[col["summary"]] = "Nội dung đã sửa qua Excel"
		return l
	})
	if res, err := prov.ImportCSV(path, store.CSVOptions{By: "Người Khác"}); err != nil || res.Wards["HB"].Updated != 1 {
		t.Fatalf("csv edit: %v %+v", err, res)
	}
	hist, err := prov.History(p.ID)
	if err != nil || len(hist) < 2 {
		t.Fatalf("history %v %+v", err, hist)
	}
	for _, h := range hist[len(hist)-2:] {
		if h.By != "admin" {
			t.Errorf("%s signed by %q, want the signed-in admin", h.Action, h.By)
		}
	}
}
