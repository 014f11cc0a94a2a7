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

func TestSecondWriterInUse(t *testing.T) {
	s, path, _ := openTest(t)
	for _, ro := range []bool{false, true} {
		s2, took, err := openTimed(path, ro)
		if err == nil {
			s2.Close()
			t.Fatalf("read-only %v: opened a database held read-write", ro)
		}
		if !errors.Is(err, store.ErrInUse) {
			t.Errorf("read-only %v: %v, want ErrInUse", ro, err)
		}
		if took >= time.Second {
			t.Errorf("read-only %v: ErrInUse after %v, want < 1s", ro, took)
		}
	}
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
	w, took, err := openTimed(path, false)
	if err == nil {
		w.Close()
		t.Fatal("a writer opened a database held by readers")
	}
	if !errors.Is(err, store.ErrInUse) || took >= time.Second {
		t.Errorf("writer beside readers: %v after %v", err, took)
	}
	r2.Close()
	r1.Close()
	w, _, err = openTimed(path, false)
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
