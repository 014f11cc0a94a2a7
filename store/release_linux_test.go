package store

import (
	"path/filepath"
	"testing"
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
