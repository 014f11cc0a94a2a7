package store

import (
	"encoding/binary"
	"encoding/hex"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/sys/unix"

	"gopy/model"
)

// The kernel accepts the advice on the whole file as mapped: the release
// stays on (a refused one would turn it off for good).
func TestReleaseMappedAccepted(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "gopy.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.adviseDontNeed(); err != nil {
		t.Fatal(err)
	}
	s.releaseMapped()
	if s.noRelease.Load() {
		t.Error("the release was turned off")
	}
	if _, err := s.Settings(); err != nil {
		t.Fatalf("read after the release: %v", err)
	}
}

// mappedRSS is how much of the database file's map is resident in this
// process, from /proc/self/smaps.
func mappedRSS(t *testing.T, path string) int {
	t.Helper()
	b, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Skip("no /proc/self/smaps")
	}
	in, kb := false, 0
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) >= 5 && strings.Contains(f[0], "-") && len(f[1]) == 4:
			// A mapping's first line; an anonymous one has no sixth
			// field, and must end the file's mapping too (under -race one
			// follows it, and its pages were counted as the file's).
			in = len(f) >= 6 && f[len(f)-1] == path
		case in && len(f) == 3 && f[0] == "Rss:":
			n, _ := strconv.Atoi(f[1])
			kb += n
		}
	}
	return kb << 10
}

// A long walk hands the pages it has read back as it goes, not at its
// end: a search over more keys than one release's worth leaves less than
// the searched bucket resident (a million records' search held 900 MB).
func TestLongWalkReleasesAsItGoes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gopy.db")
	s, err := Open(path, Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	defer func(v int64) { releaseAbove = v }(releaseAbove)
	releaseAbove = 2 << 20
	const n = 4 * releaseAfter
	text := []byte(strings.Repeat("nguyen van an dat dai ", 12))
	err = s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bFold(model.KindPetition))
		b.FillPercent = 1
		var id [16]byte
		for i := range n {
			binary.BigEndian.PutUint64(id[8:], uint64(i))
			if err := b.Put(rowKey(model.NewDate(2026, 1, 1), id), text); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	s.releaseMapped()
	got, err := s.Count(Query{Kind: model.KindPetition, Search: "dat dai"})
	if err != nil || got != n {
		t.Fatalf("count = %d, %v; want %d", got, err, n)
	}
	bucket := n * len(text)
	if rss := mappedRSS(t, path); rss > bucket/2 {
		t.Errorf("after the walk %d KB of the map resident; the bucket holds %d KB", rss>>10, bucket>>10)
	}
}

// A bulk load (demo records, an imported bundle) hands the pages it wrote
// around back after each batch: a million demo records kept 0.9 GB of the
// map resident.
func TestBulkLoadReleases(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gopy.db")
	s, err := Open(path, Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, err := s.Settings()
	if err != nil {
		t.Fatal(err)
	}
	st.WardCode, st.WardName, st.Officer = "HB", "Phường Thử", "Cán Bộ Thử"
	if err := s.SaveSettings(st, "test"); err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for b := range 8 {
		recs := make([]model.Record, 1000)
		for i := range recs {
			// Text that does not compress: records are stored packed, and
			// the file must be large beside what the race runtime maps.
			noise := make([]byte, 160)
			for j := range noise {
				noise[j] = byte(r.Uint32())
			}
			recs[i] = &model.Petition{ReceivedOn: model.NewDate(2026, 1, 1+(b+i)%28), Channel: model.ChannelWalkIn,
				Classification: model.ClassProposal, Name: "Người Thử Nghiệm", People: 1,
				Summary: "Kiến nghị thử nghiệm " + hex.EncodeToString(noise)}
		}
		if err := s.CreateBatch(recs, "test"); err != nil {
			t.Fatal(err)
		}
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	// A quarter of the file without -race; the race runtime leaves a few MB
	// more mapped, so the bound is half of it: without the release the whole
	// file written stays resident.
	if rss := mappedRSS(t, path); rss > int(fi.Size())/2 {
		t.Errorf("after the batch %d KB of the map resident; the file holds %d KB", rss>>10, fi.Size()>>10)
	}
}

// bbolt grows the file 16 MB beyond what it needs but its map in 1 GB
// steps, so the file can outgrow the map: the release must stop at the
// map's end, or it zeroes whatever lies after it (the Go heap: a 1M demo
// crashed with "span has no free objects").
func TestReleaseStopsAtTheMapsEnd(t *testing.T) {
	if initialMmap() == 0 {
		t.Skip("no map reserved ahead on this platform")
	}
	path := filepath.Join(t.TempDir(), "gopy.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// As bbolt's grow leaves it just below a map step: a sparse file.
	if err := os.Truncate(path, int64(initialMmap())+32<<20); err != nil {
		t.Fatal(err)
	}
	s.db.View(func(*bolt.Tx) error {
		if got := len(s.mapped()); got > initialMmap() {
			t.Errorf("release covers %d bytes, the map is %d", got, initialMmap())
		}
		return nil
	})
}

func TestMapLen(t *testing.T) {
	maps := []byte(`55745502a000-55745502c000 r--p 00000000 fe:00 247026 /usr/bin/cat
7f0000000000-7f0000100000 r--s 00000000 fe:00 99 /tmp/gopy.db
7f0000100000-7f0000200000 r--s 00100000 fe:00 99 /tmp/gopy.db
7f0000200000-7f0000300000 rw-p 00000000 00:00 0
`)
	if got := mapLen(maps, 0x7f0000000000); got != 0x200000 {
		t.Errorf("split map: %#x, want 0x200000", got)
	}
	if got := mapLen(maps, 0x7f0000100000); got != 0x100000 {
		t.Errorf("second part: %#x", got)
	}
	if got := mapLen(maps, 0x7f0000000001); got != 0 {
		t.Errorf("no map there: %#x", got)
	}
}

// fileResident reads what /proc/self/statm says, again and again from the
// file it keeps open: a file mapped and read shows in it, and goes once
// released.
func TestFileResidentFollowsTheMap(t *testing.T) {
	statmFile := func() int64 {
		b, err := os.ReadFile("/proc/self/statm")
		if err != nil {
			t.Fatal(err)
		}
		n, err := strconv.ParseInt(strings.Fields(string(b))[2], 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		return n * int64(os.Getpagesize())
	}
	path := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(path, make([]byte, 16<<20), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := unix.Mmap(int(f.Fd()), 0, 16<<20, unix.PROT_READ, unix.MAP_SHARED)
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Munmap(m)
	before, ok := fileResident()
	if !ok {
		t.Fatal("fileResident: not known on Linux")
	}
	if want := statmFile(); before != want {
		t.Errorf("fileResident = %d, /proc/self/statm says %d", before, want)
	}
	sum := 0
	for i := 0; i < len(m); i += 4096 {
		sum += int(m[i])
	}
	if sum != 0 {
		t.Fatal("a file of zeros read as non-zero")
	}
	during, _ := fileResident()
	if during < before+15<<20 || during != statmFile() {
		t.Errorf("16 MB mapped and read: fileResident %d → %d (statm %d)", before, during, statmFile())
	}
	if err := unix.Madvise(m, unix.MADV_DONTNEED); err != nil {
		t.Fatal(err)
	}
	if after, _ := fileResident(); after > during-15<<20 {
		t.Errorf("16 MB released: fileResident %d → %d", during, after)
	}
}
