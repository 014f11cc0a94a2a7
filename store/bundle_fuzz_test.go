package store

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"testing"
	"time"

	"gopy/model"
)

// Every reader of outside data is fuzzed: it must refuse or accept, never
// panic, hang or write on refusal.

func FuzzParseCSV(f *testing.F) {
	f.Add("\uFEFFreceived_on,channel,classification,name,summary\n02/11/2026,walk_in,report,Nguyễn Văn An,x\n")
	f.Add("given_on,source_kind,source_name,form,target_kind,subject,point_content\n2026-01-01,front,MTTQ,written,party,S,\"a\nb\"\n")
	f.Add("kind,held_on,host_role,host_name\nreception,1/1/2026,party_secretary,X\n")
	f.Add("\"unterminated")
	// One database per fuzzing process: whatever a ledger does to it, it
	// must still pass Check.
	dir := f.TempDir()
	var st *Store
	f.Fuzz(func(t *testing.T, s string) {
		labels := Labels{"classification": {"khieu nai": "complaint"}}
		recs, err := ParseCSV(bytes.NewReader([]byte(s)), time.Unix(0, 0), labels)
		if err != nil {
			return
		}
		for _, r := range recs {
			r.Rec.Normalize()
			r.Rec.Validate()
			model.RowOf(r.Rec)
		}
		if st == nil {
			if st, err = Open(filepath.Join(dir, "fuzz.db"), Options{NoSync: true}); err != nil {
				t.Fatal(err)
			}
			set, _ := st.Settings()
			set.WardCode, set.WardName, set.Officer = "HB", "Phường Thử", "Cán bộ Thử"
			if err := st.SaveSettings(set, "fuzz"); err != nil {
				t.Fatal(err)
			}
		}
		p := filepath.Join(dir, "ledger.csv")
		if err := os.WriteFile(p, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := st.ImportCSV(p, CSVOptions{By: "fuzz", Labels: labels}); err != nil {
			return
		}
		if problems, err := st.Check(); err != nil || len(problems) > 0 {
			t.Fatalf("a ledger the parser accepted left the database failing Check: %v %v\n%q", problems, err, s)
		}
	})
}

func FuzzVerifyBundle(f *testing.F) {
	gz := func(s string) []byte {
		var b bytes.Buffer
		w := gzip.NewWriter(&b)
		w.Write([]byte(s))
		w.Close()
		return b.Bytes()
	}
	f.Add(gz(`{"format":"gopy-bundle","version":1,"ward":"AA","counts":{},"checksum":"sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"}` + "\n"))
	f.Add(gz(`{"format":"gopy-bundle","version":1,"ward":"AA","counts":{"petition":1}}` + "\n" + `{"kind":"petition","record":{}}` + "\n"))
	f.Add([]byte("not gzip"))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, b []byte) {
		p := filepath.Join(dir, "f.gpb")
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := verifyBundle(p); err == nil {
			// A bundle that verifies must also stream without error.
			// Items may still be refused (bad records), but never panic.
			readBundle(p, false, func(*parsedItem) error { return nil })
		}
	})
}
