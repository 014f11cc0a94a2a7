package cli

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"gopy/model"
	"gopy/store"
)

func wardDB(t *testing.T, code string, n int) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), code+".db")
	if c, _, e := run(t, "--db", db, "demo", "--records", strconv.Itoa(n), "--ward", code); c != 0 {
		t.Fatalf("demo %s: %s", code, e)
	}
	return db
}

func export(t *testing.T, db string, extra ...string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "b.gpb")
	if c, _, e := run(t, append([]string{"--db", db, "export", "--out", out}, extra...)...); c != 0 {
		t.Fatalf("export: %s", e)
	}
	return out
}

func listJSON(t *testing.T, db, kind string) string {
	t.Helper()
	c, out, e := run(t, "--db", db, "list", kind, "--format", "json")
	if c != 0 {
		t.Fatalf("list json: %s", e)
	}
	return out
}

func snapshot(t *testing.T, db string) string {
	return listJSON(t, db, "feedback") + listJSON(t, db, "sessions") + listJSON(t, db, "petitions")
}

func gunzip(t *testing.T, path string) []byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func gzipTo(t *testing.T, path string, b []byte) {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestConsolidationTwoWards(t *testing.T) {
	a, b := wardDB(t, "AA", 700), wardDB(t, "BB", 500)
	ba, bb := export(t, a), export(t, b)
	c := filepath.Join(t.TempDir(), "province.db")
	code, out, errs := run(t, "--db", c, "import", ba, bb)
	if code != 0 {
		t.Fatalf("import: %d %s", code, errs)
	}
	if !strings.Contains(out, "phường AA: thêm 700") || !strings.Contains(out, "phường BB: thêm 500") {
		t.Errorf("summary: %s", out)
	}
	for _, w := range []struct{ db, code string }{{a, "AA"}, {b, "BB"}} {
		for _, k := range []string{"feedback", "sessions", "petitions"} {
			own := count(t, "--db", w.db, "list", k)
			got := count(t, "--db", c, "list", k, "--ward", w.code)
			if own != got {
				t.Errorf("%s %s: ward has %d, province has %d", w.code, k, own, got)
			}
		}
		for _, st := range []string{"received", "in_progress", "resolved", "returned", "transferred"} {
			own := count(t, "--db", w.db, "list", "petitions", "--status", st)
			if got := count(t, "--db", c, "list", "petitions", "--status", st, "--ward", w.code); got != own {
				t.Errorf("%s %s: ward %d, province %d", w.code, st, own, got)
			}
		}
		if own, got := count(t, "--db", w.db, "list", "petitions", "--overdue"), count(t, "--db", c, "list", "petitions", "--overdue", "--ward", w.code); own != got {
			t.Errorf("%s overdue: ward %d, province %d", w.code, own, got)
		}
	}
	if code, _, errs := run(t, "--db", c, "check"); code != 0 {
		t.Errorf("check after import: %s", errs)
	}

	// report --by-ward at the province gives each ward exactly its own report.
	all := "01/01/2000..31/12/2100"
	reportJSON := func(args ...string) map[string]any {
		t.Helper()
		code, out, errs := run(t, append([]string{"--db", args[0], "report", "--period", all, "--format", "json"}, args[1:]...)...)
		if code != 0 {
			t.Fatalf("report %v: %s", args, errs)
		}
		var r map[string]any
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatal(err)
		}
		return r
	}
	section := func(r map[string]any) string {
		b, _ := json.Marshal([]any{r["feedback"], r["sessions"], r["petitions"]})
		return string(b)
	}
	prov := reportJSON(c, "--by-ward")
	wards, _ := prov["wards"].([]any)
	if len(wards) != 2 {
		t.Fatalf("by-ward report has %d wards", len(wards))
	}
	sum := 0.0
	for _, wv := range wards {
		w := wv.(map[string]any)
		db := map[string]string{"AA": a, "BB": b}[w["ward"].(string)]
		if got, want := section(w), section(reportJSON(db)); got != want {
			t.Errorf("ward %s: province's figures differ from the ward's own report\n got %s\nwant %s", w["ward"], got, want)
		}
		sum += w["petitions"].(map[string]any)["total"].(float64)
	}
	if total := prov["petitions"].(map[string]any)["total"].(float64); total != sum {
		t.Errorf("province total %v is not the sum of its wards %v", total, sum)
	}

	// The same bundle again changes nothing.
	before := snapshot(t, c)
	code, out, _ = run(t, "--db", c, "import", ba)
	if code != 0 || !strings.Contains(out, "đã được nhập trước đây") {
		t.Errorf("second import: %d %q", code, out)
	}
	if snapshot(t, c) != before {
		t.Error("importing the same bundle twice changed the database")
	}
}

func TestDamagedBundlesRejectedWhole(t *testing.T) {
	a := wardDB(t, "AA", 300)
	good := export(t, a)
	c := wardDB(t, "CC", 50)
	before := snapshot(t, c)
	raw, _ := os.ReadFile(good)
	dir := t.TempDir()

	cut := filepath.Join(dir, "cut.gpb")
	os.WriteFile(cut, raw[:len(raw)*2/3], 0o600)

	flipped := filepath.Join(dir, "flip.gpb")
	fl := append([]byte{}, raw...)
	fl[len(fl)/2] ^= 0x01
	os.WriteFile(flipped, fl, 0o600)

	// A content change with a consistent gzip: only the checksum catches it.
	content := gunzip(t, good)
	tampered := filepath.Join(dir, "tamper.gpb")
	gzipTo(t, tampered, bytes.Replace(content, []byte(`"status":"received"`), []byte(`"status":"resolved"`), 1))

	// A forged count in the manifest.
	lines := bytes.SplitN(content, []byte("\n"), 2)
	var m map[string]any
	json.Unmarshal(lines[0], &m)
	counts := m["counts"].(map[string]any)
	counts["petition"] = counts["petition"].(float64) + 1
	head, _ := json.Marshal(m)
	forged := filepath.Join(dir, "forged.gpb")
	gzipTo(t, forged, append(append(head, '\n'), lines[1]...))

	// A valid bundle next to a bad one: the bad one is rejected, the good
	// one still goes in.
	for _, bad := range []string{cut, flipped, tampered, forged} {
		code, _, errs := run(t, "--db", c, "import", bad)
		if code != 1 || !strings.Contains(errs, "bị từ chối, không ghi gì") {
			t.Errorf("%s: exit %d %q", filepath.Base(bad), code, errs)
		}
		if snapshot(t, c) != before {
			t.Fatalf("%s changed the database", filepath.Base(bad))
		}
	}
	if code, _, _ := run(t, "--db", c, "import", "--dry-run", good); code != 0 || snapshot(t, c) != before {
		t.Error("dry run wrote")
	}
}

func TestStripPersonal(t *testing.T) {
	a := wardDB(t, "AA", 600)
	var pets []model.Petition
	json.Unmarshal([]byte(listJSON(t, a, "petitions")), &pets)
	content := string(gunzip(t, export(t, a, "--strip-personal")))
	checked := 0
	for _, p := range pets {
		for _, v := range []string{p.Name, p.Phone, p.IDNumber, p.Address} {
			if v == "" {
				continue
			}
			checked++
			if strings.Contains(content, v) {
				t.Fatalf("stripped bundle contains %q (petition %s)", v, p.Ref)
			}
		}
	}
	if checked < 100 {
		t.Fatalf("only %d personal values to look for", checked)
	}
	if !strings.Contains(content, "Tổ dân phố") {
		t.Error("the residential group should stay")
	}
	// And it still imports.
	c := filepath.Join(t.TempDir(), "c.db")
	p := export(t, a, "--strip-personal")
	if code, _, errs := run(t, "--db", c, "import", p); code != 0 {
		t.Fatalf("import stripped: %s", errs)
	}
}

func TestConflictKeepsBothVersions(t *testing.T) {
	a := wardDB(t, "AA", 40)
	c := filepath.Join(t.TempDir(), "c.db")
	if code, _, errs := run(t, "--db", c, "import", export(t, a)); code != 0 {
		t.Fatal(errs)
	}
	var pets []model.Petition
	json.Unmarshal([]byte(listJSON(t, a, "petitions")), &pets)
	id := pets[0].ID
	edit := func(db, result string, at time.Time) {
		s := openSigned(t, db, store.Options{Now: func() time.Time { return at }})
		defer s.Close()
		rec, err := s.Get(model.KindPetition, id)
		if err != nil {
			t.Fatal(err)
		}
		rec.(*model.Petition).Result = result
		if err := s.Update(rec, "officer "+db); err != nil {
			t.Fatal(err)
		}
	}
	edit(c, "province's note", fixedNow.Add(time.Hour))
	edit(a, "ward's later note", fixedNow.Add(2*time.Hour))
	code, out, errs := run(t, "--db", c, "import", export(t, a))
	if code != 0 || !strings.Contains(out, "xung đột 1") {
		t.Fatalf("import: %d %q %q", code, out, errs)
	}
	s, _ := store.Open(c, store.Options{ReadOnly: true})
	defer s.Close()
	rec, _ := s.Get(model.KindPetition, id)
	if got := rec.(*model.Petition).Result; got != "ward's later note" {
		t.Errorf("kept %q, want the later change", got)
	}
	hist, _ := s.History(id)
	found := false
	for _, h := range hist {
		if h.Action == "conflict" && strings.Contains(h.Note, "province's note") {
			found = true
		}
	}
	if !found {
		t.Errorf("history lacks the other version: %+v", hist)
	}
}

func TestCSVRoundTripAndErrors(t *testing.T) {
	a := wardDB(t, "AA", 300)
	dir := t.TempDir()
	for _, k := range []string{"feedback", "sessions", "petitions", "commitments", "information"} {
		code, csvOut, errs := run(t, "--db", a, "list", k, "--format", "csv")
		if code != 0 {
			t.Fatal(errs)
		}
		f := filepath.Join(dir, k+".csv")
		os.WriteFile(f, []byte(csvOut), 0o600)
		// Re-importing a ward's own export changes nothing.
		before := snapshot(t, a)
		code, out, errs := run(t, "--db", a, "import", f)
		if code != 0 || !strings.Contains(out, "thêm 0, cập nhật 0") {
			t.Errorf("%s: reimport %d %q %q", k, code, out, errs)
		}
		if snapshot(t, a) != before {
			t.Errorf("%s: reimport changed records", k)
		}
		// Into an empty ward, everything arrives (sessions first, so petitions' links resolve).
	}
	fresh := filepath.Join(dir, "fresh.db")
	for _, k := range []string{"sessions", "feedback", "petitions", "commitments", "information"} {
		if code, _, errs := run(t, "--db", fresh, "import", filepath.Join(dir, k+".csv")); code != 0 {
			t.Fatalf("%s into fresh db: %s", k, errs)
		}
	}
	if listJSON(t, fresh, "petitions") != listJSON(t, a, "petitions") {
		t.Error("petitions differ after a CSV round trip")
	}
	for _, k := range []string{"feedback", "commitments", "information"} {
		if listJSON(t, fresh, k) != listJSON(t, a, k) {
			t.Errorf("%s differs after a CSV round trip", k)
		}
	}

	// A ledger typed by hand in Excel: the words people read, not the stored values.
	hand := filepath.Join(dir, "hand.csv")
	os.WriteFile(hand, []byte("received_on,channel,classification,name,summary,status\n"+
		"02/11/2026,Trực tiếp,Khiếu nại,Nguyễn Văn An,Đường hỏng,Đang giải quyết\n"+
		"03/11/2026,Phone,PHẢN ÁNH,Lê Thị Bình,Ngập nước,đã tiếp nhận\n"), 0o600)
	handDB := filepath.Join(dir, "hand.db")
	if code, _, errs := run(t, "--db", handDB, "demo", "--records", "0", "--ward", "HH"); code != 0 {
		t.Fatal(errs)
	}
	if code, out, errs := run(t, "--db", handDB, "import", hand); code != 0 || !strings.Contains(out, "thêm 2") {
		t.Fatalf("hand-made ledger: %d %q %q", code, out, errs)
	}
	var got []model.Petition
	json.Unmarshal([]byte(listJSON(t, handDB, "petitions")), &got)
	if len(got) != 2 || got[1].Classification != model.ClassComplaint || got[1].Status != model.StatusInProgress ||
		got[1].Channel != model.ChannelWalkIn || got[0].Classification != model.ClassReport || got[0].Channel != model.ChannelPhone {
		t.Errorf("labels read as %+v", got)
	}

	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("\uFEFFreceived_on,channel,classification,name,summary\n"+
		"02/11/2026,walk_in,report,Nguyễn Văn An,Đường hỏng\n"+
		"31/02/2026,walk_in,report,Lê Thị Bình,Ngập nước\n"), 0o600)
	before := snapshot(t, fresh)
	code, _, errs := run(t, "--db", fresh, "import", bad)
	if code != 1 || !strings.Contains(errs, `dòng 3, cột "received_on"`) {
		t.Errorf("bad csv: %d %q", code, errs)
	}
	if snapshot(t, fresh) != before {
		t.Error("a bad CSV wrote records")
	}
}

func TestDeletionsTravelUpward(t *testing.T) {
	a := wardDB(t, "AA", 60)
	c := filepath.Join(t.TempDir(), "c.db")
	before := export(t, a)
	if code, _, errs := run(t, "--db", c, "import", before); code != 0 {
		t.Fatal(errs)
	}
	// The ward as it was then, to export an older bundle from later.
	aThen := filepath.Join(t.TempDir(), "then.db")
	if raw, err := os.ReadFile(a); err != nil || os.WriteFile(aThen, raw, 0o600) != nil {
		t.Fatal(err)
	}
	var pets []model.Petition
	json.Unmarshal([]byte(listJSON(t, a, "petitions")), &pets)
	gone, kept := pets[0], pets[1]
	at := func(d time.Duration) store.Options {
		return store.Options{Now: func() time.Time { return fixedNow.Add(d) }}
	}
	// The ward deletes two petitions; the province edited the second one
	// after that deletion, so that one stays (a conflict, in its history).
	s := openSigned(t, a, at(time.Hour))
	for _, p := range []model.Petition{gone, kept} {
		if err := s.Delete(model.KindPetition, p.ID, "ward officer"); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	s = openSigned(t, c, at(2*time.Hour))
	rec, _ := s.Get(model.KindPetition, kept.ID)
	rec.(*model.Petition).Result = "province's later note"
	if err := s.Update(rec, "province officer"); err != nil {
		t.Fatal(err)
	}
	s.Close()

	n := count(t, "--db", c, "list", "petitions")
	code, out, errs := run(t, "--db", c, "import", export(t, a))
	if code != 0 || !strings.Contains(out, "xung đột 1, xóa 1") {
		t.Fatalf("import: %d %q %q", code, out, errs)
	}
	if got := count(t, "--db", c, "list", "petitions"); got != n-1 {
		t.Errorf("province has %d petitions, want %d", got, n-1)
	}
	s, _ = store.Open(c, store.Options{ReadOnly: true})
	if _, err := s.Get(model.KindPetition, gone.ID); err == nil {
		t.Error("the deleted petition is still at the province")
	}
	if _, err := s.Get(model.KindPetition, kept.ID); err != nil {
		t.Error("the petition changed at the province after the deletion was lost")
	}
	s.Close()
	if code, _, errs := run(t, "--db", c, "check"); code != 0 {
		t.Errorf("check: %s", errs)
	}
	// An older bundle that still holds the deleted petition (exported, by
	// the same signing ward, from its database as it was before; stripped
	// of personal data so it is not "already imported") does not bring it
	// back.
	older := export(t, aThen, "--strip-personal")
	if code, out, errs := run(t, "--db", c, "import", older); code != 0 || strings.Contains(out, "trước đây") {
		t.Fatalf("older bundle: %d %q %q", code, out, errs)
	}
	s, _ = store.Open(c, store.Options{ReadOnly: true})
	defer s.Close()
	if _, err := s.Get(model.KindPetition, gone.ID); err == nil {
		t.Error("an older bundle brought the deleted petition back")
	}
}
