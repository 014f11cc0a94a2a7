package store_test

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"gopy/model"
	"gopy/store"
)

// fill adds a little of everything, including history and a deletion.
func fill(t *testing.T, s *store.Store, c *clock) {
	t.Helper()
	ses := session(day(2025, 11, 3))
	mustCreate(t, s, ses)
	for i := 0; i < 20; i++ {
		p := petition(day(2025, 11, 3).AddDays(i*9), model.Classifications[i%4])
		if i%3 == 0 {
			p.Channel, p.SessionID = model.ChannelSession, ses.ID
		}
		mustCreate(t, s, p)
		mustCreate(t, s, feedback(day(2025, 10, 1).AddDays(i*11), "Ý kiến một.", "Ý kiến hai."))
	}
	c.Add(time.Hour)
	rows, _ := s.Page(store.Query{Kind: model.KindPetition}, nil, 5, false)
	for _, r := range rows {
		p := mustGet(t, s, model.KindPetition, r.Row.ID).(*model.Petition)
		p.Status, p.Handling, p.AcknowledgedOn = model.StatusInProgress, model.HandlingAccepted, p.ReceivedOn.AddDays(3)
		if err := s.Update(p, officer); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Delete(model.KindPetition, rows[4].Row.ID, officer); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveDraft("petition/new", []byte("đang gõ")); err != nil {
		t.Fatal(err)
	}
}

func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func contentOf(t *testing.T, path string) (map[model.Kind][]string, []model.Change) {
	t.Helper()
	s, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer s.Close()
	mustClean(t, s)
	recs := allJSON(t, s)
	var hist []model.Change
	for _, k := range model.Kinds {
		s.Each(store.Query{Kind: k, Order: store.OldestFirst}, func(r *model.Row) error {
			h, err := s.History(r.ID)
			if err != nil {
				t.Fatal(err)
			}
			hist = append(hist, h...)
			return nil
		})
	}
	return recs, hist
}

func TestBackupRestoreRoundTrip(t *testing.T) {
	s, _, c := openTest(t)
	fill(t, s, c)
	dir := t.TempDir()
	bak := filepath.Join(dir, "backups", "copy.db")
	if err := s.BackupFile(bak); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := s.Backup(&buf); err != nil || buf.Len() == 0 {
		t.Fatalf("Backup to a writer: %d bytes, %v", buf.Len(), err)
	}
	wantRecs := allJSON(t, s)
	s.Close() // the original is compared through a fresh read-only open
	_, wantHist := contentOf(t, bak)

	// Into a new path.
	fresh := filepath.Join(dir, "restored", "gopy.db")
	os.MkdirAll(filepath.Dir(fresh), 0o700)
	if _, err := store.Restore(bak, fresh); err != nil {
		t.Fatal(err)
	}
	gotRecs, gotHist := contentOf(t, fresh)
	if !reflect.DeepEqual(gotRecs, wantRecs) {
		t.Error("restored records differ from the original")
	}
	if len(wantRecs[model.KindPetition]) != 19 || len(wantRecs[model.KindFeedback]) != 20 {
		t.Errorf("unexpected original content: %d petitions", len(wantRecs[model.KindPetition]))
	}
	if !reflect.DeepEqual(gotHist, wantHist) || len(gotHist) < 40 {
		t.Errorf("restored history differs (%d vs %d entries)", len(gotHist), len(wantHist))
	}

	// Over an existing database: replaced, the old one kept aside.
	other, otherPath, _ := openTest(t)
	mustCreate(t, other, petition(day(2026, 1, 1), model.ClassReport))
	other.Close()
	oldRecs, _ := contentOf(t, otherPath)
	aside, err := store.Restore(bak, otherPath)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := contentOf(t, otherPath); !reflect.DeepEqual(got, wantRecs) {
		t.Error("restore over an existing database: content differs")
	}
	if kept, _ := contentOf(t, aside); !reflect.DeepEqual(kept, oldRecs) {
		t.Error("the replaced database was not kept as .before-restore")
	}
	if _, err := os.Stat(otherPath + ".restoring"); !os.IsNotExist(err) {
		t.Error("temporary restore file left behind")
	}
	if _, err := store.Restore(otherPath, otherPath); err == nil {
		t.Error("restoring a database onto itself succeeded")
	}
}

func TestRestoreRefusesDamage(t *testing.T) {
	s, _, c := openTest(t)
	fill(t, s, c)
	marker := "Đây là dòng đánh dấu để làm hỏng tệp sao lưu"
	p := petition(day(2026, 2, 2), model.ClassReport)
	p.Summary = marker
	mustCreate(t, s, p)
	dir := t.TempDir()
	good := filepath.Join(dir, "good.db")
	if err := s.BackupFile(good); err != nil {
		t.Fatal(err)
	}
	s.Close()
	raw, _ := os.ReadFile(good)

	// The target: a working database that must survive a refused restore.
	target, targetPath, _ := openTest(t)
	mustCreate(t, target, petition(day(2026, 3, 3), model.ClassProposal))
	target.Close()
	sum := fileSum(t, targetPath)

	damaged := map[string][]byte{}
	damaged["truncated to half"] = raw[:len(raw)/2]
	damaged["truncated by a page"] = raw[:len(raw)-4096]
	damaged["empty"] = nil
	damaged["first page only"] = raw[:4096]
	// The record as stored (compressed), not its list row.
	stored := storedValue(t, good, "rec/petition", p.ID)
	at := bytes.Index(raw, stored)
	if at < 0 {
		t.Fatal("record not found in the backup")
	}
	flipped := bytes.Clone(raw)
	for i := at + len(stored)/3; i < at+len(stored); i += 3 {
		flipped[i] ^= 0x5a
	}
	damaged["bytes flipped in a record"] = flipped
	quoted := bytes.Clone(raw)
	copy(quoted[at:at+len(stored)], []byte(`{"summary":"x"}}`+strings.Repeat(" ", len(stored)))) // JSON with trailing garbage
	damaged["record JSON broken"] = quoted
	metas := bytes.Clone(raw)
	for i := 16; i < 64; i++ { // both meta pages: checksums fail
		metas[i] ^= 0xff
		metas[4096+i] ^= 0xff
	}
	damaged["meta pages flipped"] = metas
	damaged["not a database"] = []byte("Biên bản họp tổ dân phố số 3\n")

	names := make([]string, 0, len(damaged))
	for n := range damaged {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		bad := filepath.Join(dir, "bad.db")
		os.Remove(bad)
		if err := os.WriteFile(bad, damaged[name], 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := store.Restore(bad, targetPath); err == nil {
			t.Errorf("%s: restore succeeded", name)
		} else {
			t.Logf("%s: %v", name, err)
		}
		if fileSum(t, targetPath) != sum {
			t.Fatalf("%s: the target changed", name)
		}
		if _, err := os.Stat(targetPath + ".restoring"); !os.IsNotExist(err) {
			t.Errorf("%s: temporary restore file left behind", name)
		}
	}
	// Opened directly, read-write or not, a truncated file is refused, not
	// mapped past its end.
	for _, cut := range []int{4096, 8192, len(raw) / 2, len(raw) - 4096} {
		trunc := filepath.Join(dir, "trunc.db")
		os.WriteFile(trunc, raw[:cut], 0o600)
		for _, ro := range []bool{false, true} {
			if s, err := store.Open(trunc, store.Options{ReadOnly: ro}); !errors.Is(err, store.ErrNotGopy) {
				if s != nil {
					s.Close()
				}
				t.Errorf("open of a file cut at %d (read-only %v): %v, want ErrNotGopy", cut, ro, err)
			}
		}
	}
	if _, err := store.Restore(filepath.Join(dir, "missing.db"), targetPath); err == nil {
		t.Error("restore from a missing file succeeded")
	}

	// A target in use is not replaced.
	held, err := store.Open(targetPath, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = store.Restore(good, targetPath)
	held.Close()
	if !errors.Is(err, store.ErrInUse) {
		t.Errorf("restore over a database in use: %v, want ErrInUse", err)
	}
	if fileSum(t, targetPath) != sum {
		t.Error("restore over a database in use changed it")
	}
	if _, err := os.Stat(targetPath + ".restoring"); !os.IsNotExist(err) {
		t.Error("temporary restore file left behind")
	}
}

func TestAutoBackup(t *testing.T) {
	s, path, c := openTest(t)
	mustCreate(t, s, petition(day(2026, 6, 1), model.ClassReport))
	list := func() []string {
		names, _ := filepath.Glob(filepath.Join(store.BackupDir(path), "gopy-*.db.gz"))
		sort.Strings(names)
		return names
	}
	written := 0
	for d := 0; d < 5; d++ {
		for h := 0; h < 3; h++ { // three tries a day, hours apart
			res, err := s.AutoBackup(model.Backups{Daily: 3})
			name := res.Written
			if err != nil {
				t.Fatal(err)
			}
			if (name != "") != (h == 0) {
				t.Errorf("day %d try %d: wrote %q", d, h, name)
			}
			if name != "" {
				written++
			}
			c.Add(4 * time.Hour)
		}
		c.Add(12*time.Hour + time.Minute)
		mustCreate(t, s, petition(day(2026, 6, 2+d), model.ClassReport))
	}
	got := list()
	if written != 5 || len(got) != 3 {
		t.Fatalf("wrote %d backups, kept %v; want 5 written, 3 kept", written, got)
	}
	// The newest three are kept: they hold 3, 4 and 5 petitions.
	for i, name := range got {
		b := restored(t, name)
		if n := total(t, b, model.KindPetition); n != i+3 {
			t.Errorf("%s holds %d petitions, want %d", filepath.Base(name), n, i+3)
		}
		b.Close()
	}
}

// Issue 16.5: a restore over a missing, truncated, corrupt or foreign
// file — when it is needed most — moves what was there aside, under the
// name it returns, and restores.
func TestRestoreOverDamagedDatabase(t *testing.T) {
	s, _, c := openTest(t)
	fill(t, s, c)
	good := filepath.Join(t.TempDir(), "good.db")
	if err := s.BackupFile(good); err != nil {
		t.Fatal(err)
	}
	s.Close()
	want, _ := contentOf(t, good)
	raw, _ := os.ReadFile(good)
	garbage := bytes.Clone(raw)
	for i := 0; i < len(garbage); i += 7 {
		garbage[i] ^= 0xa5
	}
	cases := map[string][]byte{
		"truncated": raw[:len(raw)/3],
		"corrupt":   garbage,
		"foreign":   []byte("PK\x03\x04 a spreadsheet saved over it"),
		"empty":     {},
	}
	for name, content := range cases {
		dst := filepath.Join(t.TempDir(), "gopy.db")
		if err := os.WriteFile(dst, content, 0o600); err != nil {
			t.Fatal(err)
		}
		aside, err := store.Restore(good, dst)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if got, _ := contentOf(t, dst); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: restored content differs", name)
		}
		kept, err := os.ReadFile(aside)
		if err != nil || !bytes.Equal(kept, content) {
			t.Errorf("%s: the old file is not kept as %q (%v)", name, aside, err)
		}
	}
	// Missing (the folder too): restored, nothing set aside.
	dst := filepath.Join(t.TempDir(), "gone", "gopy.db")
	if aside, err := store.Restore(good, dst); err != nil || aside != "" {
		t.Errorf("missing: %q %v", aside, err)
	}
}

// storedValue is the bytes a database file holds for key id in bucket.
func storedValue(t *testing.T, path, bucket, id string) []byte {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	bid, err := model.ParseID(id)
	if err != nil {
		t.Fatal(err)
	}
	var v []byte
	db.View(func(tx *bolt.Tx) error {
		v = bytes.Clone(tx.Bucket([]byte(bucket)).Get(bid[:]))
		return nil
	})
	if len(v) < 16 {
		t.Fatalf("%s %s: %q stored", bucket, id, v)
	}
	return v
}
