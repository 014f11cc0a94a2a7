package store_test

import (
	"bytes"
	"encoding/csv"
	"reflect"
	"testing"

	"gopy/model"
	"gopy/store"
)

// The ledger carries acceptance, the complex and several-places flags and
// the extensions, and reads them back as they were.
func TestCSVCarriesAcceptanceAndExtensions(t *testing.T) {
	s, _, c := openTest(t)
	p := petition(day(2026, 1, 5), model.ClassDenunciation)
	p.AcceptedOn, p.Complex, p.MultiSite = day(2026, 1, 12), true, true
	p.Extensions = []model.Extension{{On: day(2026, 2, 5), Days: 30, DecisionNo: "12/QĐ-UBND", Reason: "Xác minh thêm"}}
	mustCreate(t, s, p)
	// 12/01 + 30 + 30 = Fri 13/03/2026.
	if p.ResolutionDue != day(2026, 3, 13) {
		t.Fatalf("resolution due %v, want 13/03/2026", p.ResolutionDue)
	}
	cols := store.CSVColumns(model.KindPetition)
	for _, want := range []string{"accepted_on", "complex", "multi_site", "extensions"} {
		found := false
		for _, c := range cols {
			found = found || c == want
		}
		if !found {
			t.Errorf("CSV columns lack %s", want)
		}
	}
	recs, err := store.ParseCSV(bytes.NewReader(readFile(t, ledger(t, s, model.KindPetition, nil))), c.Now(), nil)
	if err != nil {
		t.Fatal(err)
	}
	got := recs[0].Rec.(*model.Petition)
	if got.AcceptedOn != p.AcceptedOn || !got.Complex || !got.MultiSite || !reflect.DeepEqual(got.Extensions, p.Extensions) {
		t.Errorf("read back: accepted %v complex %v multi %v ext %+v", got.AcceptedOn, got.Complex, got.MultiSite, got.Extensions)
	}
	// A ledger whose extensions cell is not the JSON list is refused
	// with its line and column.
	bad := ledger(t, s, model.KindPetition, func(col map[string]int, line []string) []string {
		line[col["extensions"]] = "gia hạn 30 ngày"
		return line
	})
	if _, err := store.ParseCSV(bytes.NewReader(readFile(t, bad)), c.Now(), nil); err == nil || !bytes.Contains([]byte(err.Error()), []byte("extensions")) {
		t.Errorf("bad extensions cell: %v", err)
	}
}

// A ledger exported before the deadlines issue (no accepted_on, complex,
// multi_site, extensions columns) still imports: a petition handled as
// accepted is taken as accepted on the day it was received.
func TestOldLedgerWithoutAcceptance(t *testing.T) {
	s, _, c := openTest(t)
	var old []string
	for _, col := range store.CSVColumns(model.KindPetition) {
		switch col {
		case "accepted_on", "complex", "multi_site", "extensions":
		default:
			old = append(old, col)
		}
	}
	line := make([]string, len(old))
	for i, col := range old {
		line[i] = map[string]string{"received_on": "02/03/2026", "channel": "walk_in", "classification": "complaint",
			"name": "Đinh Văn Thử", "summary": "Khiếu nại.", "handling": "accepted", "status": "in_progress"}[col]
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write(old)
	w.Write(line)
	w.Flush()
	recs, err := store.ParseCSV(&buf, c.Now(), nil)
	if err != nil {
		t.Fatal(err)
	}
	p := recs[0].Rec.(*model.Petition)
	mustCreate(t, s, p)
	// Accepted 02/03 (Mon): + 30 = Wed 01/04.
	if p.AcceptedOn != day(2026, 3, 2) || p.ResolutionDue != day(2026, 4, 1) {
		t.Errorf("accepted %v due %v, want 02/03 and 01/04/2026", p.AcceptedOn, p.ResolutionDue)
	}
}

// Luật Tố cáo 2018, Điều 30 khoản 1: a second extension only for an
// especially complex denunciation. The mark is saved and carried by the
// CSV ledger (column especially_complex); a merely complex one with two
// extensions is refused beside the second one's date, nothing written.
func TestEspeciallyComplexSecondExtension(t *testing.T) {
	s, _, c := openTest(t)
	twice := func() *model.Petition {
		p := petition(day(2026, 1, 5), model.ClassDenunciation)
		p.AcceptedOn, p.Complex = day(2026, 1, 12), true
		p.Extensions = []model.Extension{{On: day(2026, 2, 5), Days: 30, DecisionNo: "12/QĐ-UBND"}, {On: day(2026, 3, 5), Days: 30, DecisionNo: "20/QĐ-UBND"}}
		return p
	}
	p := twice()
	if inv := asInvalid(t, s.Create(p, officer)); inv.Errors.For("extensions.2.on") != "err.extension_second" {
		t.Errorf("merely complex, two extensions: %v", inv.Errors)
	}
	if n, _ := s.Total(model.KindPetition); n != 0 {
		t.Fatalf("%d petitions written", n)
	}
	p = twice()
	p.EspeciallyComplex = true
	mustCreate(t, s, p)
	// 12/01 + 30 + 30 + 30 = Sun 12/04 → Mon 13/04/2026.
	if p.ResolutionDue != day(2026, 4, 13) {
		t.Errorf("resolution due %v, want 13/04/2026", p.ResolutionDue)
	}
	recs, err := store.ParseCSV(bytes.NewReader(readFile(t, ledger(t, s, model.KindPetition, nil))), c.Now(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := recs[0].Rec.(*model.Petition); !got.EspeciallyComplex || !got.Complex || len(got.Extensions) != 2 {
		t.Errorf("read back: especially %v complex %v, %d extensions", got.EspeciallyComplex, got.Complex, len(got.Extensions))
	}
}
