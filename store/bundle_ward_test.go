package store_test

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gopy/model"
	"gopy/store"
)

// openWard opens a new database of the given ward, its clock at c.
func openWard(t testing.TB, code string, c *clock) *store.Store {
	t.Helper()
	s, err := store.Open(checkedPath(t), store.Options{Now: c.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	st, _ := s.Settings()
	st.WardName, st.WardCode, st.Officer = "Phường "+code, code, officer
	if err := s.SaveSettings(st, officer); err != nil {
		t.Fatal(err)
	}
	return s
}

func exportTo(t testing.TB, s *store.Store) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "b.gpb")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := s.Export(f, store.ExportOptions{By: officer}); err != nil {
		t.Fatal(err)
	}
	return path
}

// forge rewrites a bundle's item lines and makes its manifest agree again
// (counts and checksum), as someone who knows the format would: only what
// the checksum cannot catch is left to catch.
func forge(t testing.TB, path string, edit func(m map[string]any, items []map[string]any) []map[string]any) string {
	t.Helper()
	content := readBundle(t, path)
	lines := bytes.Split(bytes.TrimSuffix(content, []byte("\n")), []byte("\n"))
	var m map[string]any
	if err := json.Unmarshal(lines[0], &m); err != nil {
		t.Fatal(err)
	}
	var items []map[string]any
	for _, l := range lines[1:] {
		var it map[string]any
		if err := json.Unmarshal(l, &it); err != nil {
			t.Fatal(err)
		}
		items = append(items, it)
	}
	items = edit(m, items)
	// The forger is a ward with a database of its own: it could sign what
	// it likes. Its first bundle is what these tests forge, unsigned, so
	// what is tested is what a signature cannot vouch for.
	delete(m, "key")
	delete(m, "signature")
	var body bytes.Buffer
	counts := map[string]int{}
	for _, it := range items {
		// gopy writes "kind" first; json.Marshal would sort it elsewhere.
		kind, _ := json.Marshal(it["kind"])
		rest := map[string]any{}
		for k, v := range it {
			if k != "kind" {
				rest[k] = v
			}
		}
		b, _ := json.Marshal(rest)
		body.WriteString(`{"kind":` + string(kind))
		if len(rest) > 0 {
			body.WriteString(",")
		}
		body.Write(b[1:])
		body.WriteByte('\n')
		counts[it["kind"].(string)]++
	}
	m["counts"] = counts
	sum := sha256.Sum256(body.Bytes())
	m["checksum"] = "sha256:" + hex.EncodeToString(sum[:])
	head, _ := json.Marshal(m)
	return writeBundle(t, "forged.gpb", head, body.Bytes())
}

func mustReject(t *testing.T, s *store.Store, path, want string) {
	t.Helper()
	before := allJSON(t, s)
	res, err := s.ImportBundle(path, false, officer)
	if !errors.Is(err, store.ErrBundle) {
		t.Fatalf("forged bundle accepted (err %v, %+v)", err, res)
	}
	if !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not say %q", err, want)
	}
	if after := allJSON(t, s); !jsonEqual(before, after) {
		t.Error("a rejected bundle changed the database")
	}
}

func jsonEqual(a, b map[model.Kind][]string) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}

// Issue 16.1: a bundle from ward SRC naming a record of ward TGT in a
// deletion line must not delete it.
func TestBundleCannotDeleteAnotherWardsRecord(t *testing.T) {
	c := newClock(vn(2026, time.June, 15, 9, 0))
	tgt, src := openWard(t, "TGT", c), openWard(t, "SRC", c)
	own := petition(day(2026, 6, 1), model.ClassReport)
	mustCreate(t, tgt, own)
	mustCreate(t, src, petition(day(2026, 6, 2), model.ClassProposal))
	c.Add(time.Hour)
	for _, ward := range []string{"SRC", "TGT"} {
		b := forge(t, exportTo(t, src), func(m map[string]any, items []map[string]any) []map[string]any {
			return append(items, map[string]any{"kind": "deleted", "deleted": map[string]any{
				"id": own.ID, "kind": "petition", "ref": own.Ref, "ward": ward, "at": c.Now().UTC(), "by": "x"}})
		})
		mustReject(t, tgt, b, "line 3")
		if _, err := tgt.Get(model.KindPetition, own.ID); err != nil {
			t.Fatalf("deletion naming ward %s: TGT's own record is gone", ward)
		}
	}
}

// Issue 16.2: a bundle from SRC cannot add records to another ward, nor
// reuse a reference its ward already has.
func TestBundleSpeaksOnlyForItsWard(t *testing.T) {
	c := newClock(vn(2026, time.June, 15, 9, 0))
	tgt, src := openWard(t, "TGT", c), openWard(t, "SRC", c)
	mustCreate(t, tgt, petition(day(2023, 6, 1), model.ClassComplaint))
	p := petition(day(2023, 6, 2), model.ClassComplaint)
	mustCreate(t, src, p)
	mustCreate(t, src, petition(day(2023, 6, 3), model.ClassComplaint))
	intruder := func(ward, ref string) string {
		return forge(t, exportTo(t, src), func(m map[string]any, items []map[string]any) []map[string]any {
			rec := items[0]["record"].(map[string]any)
			clone := map[string]any{}
			for k, v := range rec {
				clone[k] = v
			}
			clone["id"] = model.NewID(c.Now().Add(time.Minute))
			clone["ward"], clone["ref"] = ward, ref
			return append(items, map[string]any{"kind": "petition", "record": clone})
		})
	}
	mustReject(t, tgt, intruder("TGT", "KN-2023-0001"), "TGT")
	// The same reference twice in one ward: the intruder reuses SRC's own.
	mustReject(t, tgt, intruder("SRC", p.Ref), p.Ref)
	if _, err := tgt.ImportBundle(exportTo(t, src), false, officer); err != nil {
		t.Fatalf("SRC's honest bundle: %v", err)
	}
	// A record of the importing ward is never replaced by a bundle, even
	// one that claims it (by id) as its own.
	n := total(t, tgt, model.KindPetition)
	if n != 3 {
		t.Fatalf("%d petitions, want 3", n)
	}
}

// A bundle cannot replace a record of the importing ward by claiming its
// id, and a ward's own bundle changes nothing of its own records.
func TestBundleCannotReplaceOwnRecord(t *testing.T) {
	c := newClock(vn(2026, time.June, 15, 9, 0))
	tgt, src := openWard(t, "TGT", c), openWard(t, "SRC", c)
	own := petition(day(2026, 6, 1), model.ClassReport)
	mustCreate(t, tgt, own)
	mustCreate(t, src, petition(day(2026, 6, 2), model.ClassProposal))
	c.Add(time.Hour)
	for _, ward := range []string{"SRC", "TGT"} {
		b := forge(t, exportTo(t, src), func(m map[string]any, items []map[string]any) []map[string]any {
			rec := items[0]["record"].(map[string]any)
			rec["id"], rec["ref"], rec["ward"], rec["summary"] = own.ID, own.Ref, ward, "Đã bị sửa"
			rec["updated_at"] = c.Now().UTC()
			return items
		})
		mustReject(t, tgt, b, "line 2")
	}
	if got := mustGet(t, tgt, model.KindPetition, own.ID).(*model.Petition); got.Summary != own.Summary {
		t.Errorf("TGT's record was replaced: %q", got.Summary)
	}
}

// forgeKeepingSignature changes a bundle's manifest only, leaving its
// key and signature as they were.
func forgeKeepingSignature(t testing.TB, path string, edit func(m map[string]any)) string {
	t.Helper()
	content := readBundle(t, path)
	head, body, _ := bytes.Cut(content, []byte("\n"))
	var m map[string]any
	if err := json.Unmarshal(head, &m); err != nil {
		t.Fatal(err)
	}
	edit(m)
	head, _ = json.Marshal(m)
	return writeBundle(t, "tampered.gpb", head, body)
}

// readBundle is a bundle file's content, unzipped.
func readBundle(t testing.TB, path string) []byte {
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
	content, _ := io.ReadAll(zr)
	return content
}

// writeBundle zips a manifest line and the item lines into a new bundle
// file named name, and returns its path.
func writeBundle(t testing.TB, name string, head, body []byte) string {
	t.Helper()
	var out bytes.Buffer
	zw := gzip.NewWriter(&out)
	zw.Write(head)
	zw.Write([]byte{'\n'})
	zw.Write(body)
	zw.Close()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, out.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// A deleted record of the importing ward does not come back under its id
// in another ward's bundle.
func TestBundleCannotReuseADeletedRecordsID(t *testing.T) {
	c := newClock(vn(2026, time.June, 15, 9, 0))
	tgt, src := openWard(t, "TGT", c), openWard(t, "SRC", c)
	gone := petition(day(2026, 6, 1), model.ClassReport)
	mustCreate(t, tgt, gone)
	if err := tgt.Delete(model.KindPetition, gone.ID, officer); err != nil {
		t.Fatal(err)
	}
	mustCreate(t, src, petition(day(2026, 6, 2), model.ClassProposal))
	c.Add(time.Hour)
	b := forge(t, exportTo(t, src), func(m map[string]any, items []map[string]any) []map[string]any {
		rec := items[0]["record"].(map[string]any)
		rec["id"], rec["updated_at"] = gone.ID, c.Now().UTC()
		return items
	})
	mustReject(t, tgt, b, "line 2")
}

// A petition in SRC's bundle cannot hang itself on TGT's session.
func TestBundleCannotLinkToAnotherWardsRecord(t *testing.T) {
	c := newClock(vn(2026, time.June, 15, 9, 0))
	tgt, src := openWard(t, "TGT", c), openWard(t, "SRC", c)
	sess := session(day(2026, 6, 1))
	mustCreate(t, tgt, sess)
	mustCreate(t, src, petition(day(2026, 6, 2), model.ClassProposal))
	c.Add(time.Hour)
	b := forge(t, exportTo(t, src), func(m map[string]any, items []map[string]any) []map[string]any {
		rec := items[0]["record"].(map[string]any)
		rec["session_id"], rec["channel"] = sess.ID, "session"
		return items
	})
	mustReject(t, tgt, b, "line 2: petition KN-2026-0001: linked to "+sess.Ref+" of ward TGT")
}
