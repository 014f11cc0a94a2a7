package store_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"gopy/store"
)

// openTimed opens and reports how long the refusal (or success) took.
func openTimed(path string, ro bool) (*store.Store, time.Duration, error) {
	start := time.Now()
	s, err := store.Open(path, store.Options{ReadOnly: ro})
	return s, time.Since(start), err
}

// refusedInUse opens a database another holds: it must be refused with
// ErrInUse within a second. Wall time on a loaded CI machine (-race, other
// packages on 2 cores) can stall a single try past a second, so it is
// tried up to three times and the fastest counts: a real regression (a
// longer lock wait, a hang) is slow every time.
func refusedInUse(t *testing.T, what, path string, ro bool) {
	t.Helper()
	fastest := time.Duration(1 << 62)
	for range 3 {
		s, took, err := openTimed(path, ro)
		if err == nil {
			s.Close()
			t.Fatalf("%s: opened a database held by another", what)
		}
		if !errors.Is(err, store.ErrInUse) {
			t.Fatalf("%s: %v, want ErrInUse", what, err)
		}
		fastest = min(fastest, took)
		if took < time.Second {
			return
		}
	}
	t.Errorf("%s: ErrInUse after %v at best, want < 1s", what, fastest)
}

func TestSecondWriterInUse(t *testing.T) {
	s, path, _ := openTest(t)
	refusedInUse(t, "a writer beside a writer", path, false)
	refusedInUse(t, "a reader beside a writer", path, true)
	s.Close()

	// Once it is closed, readers share it; a writer then waits for them.
	r1, _, err := openTimed(path, true)
	if err != nil {
		t.Fatal(err)
	}
	defer r1.Close()
	r2, _, err := openTimed(path, true)
	if err != nil {
		t.Fatalf("second reader: %v", err)
	}
	if _, err := r2.Settings(); err != nil {
		t.Error(err)
	}
	refusedInUse(t, "a writer beside readers", path, false)
	r2.Close()
	r1.Close()
	w, _, err := openTimed(path, false)
	if err != nil {
		t.Fatalf("writer after the readers left: %v", err)
	}
	w.Close()
}

func TestReadOnlyNeedsDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "none.db")
	if _, err := store.Open(path, store.Options{ReadOnly: true}); !errors.Is(err, store.ErrNoDatabase) {
		t.Errorf("read-only open of a missing file: %v, want ErrNoDatabase", err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("a read-only open created %s", path)
	}
	// An empty bbolt file made by a read-write open that was never set up
	// is not offered to readers as a database either.
	empty := filepath.Join(t.TempDir(), "empty.db")
	os.WriteFile(empty, nil, 0o600)
	if s, err := store.Open(empty, store.Options{ReadOnly: true}); err == nil {
		s.Close()
		t.Error("read-only open of an empty file succeeded")
	}
}
