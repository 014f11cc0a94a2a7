package demo_test

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"gopy/model"
	"gopy/store"
	"gopy/store/demo"
)

// A demo killed while it writes (SIGKILL: no deferred code runs) leaves a
// sound database holding the batches it finished, every record counted
// as demo data, and a later demo adds to it.
func TestKilledDemoLeavesASoundDatabase(t *testing.T) {
	if path := os.Getenv("GOPY_DEMO_CHILD"); path != "" {
		s, err := store.Open(path, store.Options{NoSync: true})
		if err != nil {
			os.Exit(3)
		}
		demo.Generate(s, demo.Options{Records: 400_000, Seed: 2, Today: today, MarkDemo: true,
			Progress: func(done int) {
				if done >= 10_000 {
					os.WriteFile(path+".started", nil, 0o600)
				}
			}})
		os.Exit(4) // not reached in time: the parent kills first
	}
	path := filepath.Join(t.TempDir(), "demo.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestKilledDemoLeavesASoundDatabase$")
	cmd.Env = append(os.Environ(), "GOPY_DEMO_CHILD="+path)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(2 * time.Minute)
	for {
		if _, err := os.Stat(path + ".started"); err == nil {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("the demo wrote nothing in two minutes")
		}
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(150 * time.Millisecond) // into the next batch
	cmd.Process.Kill()
	if err := cmd.Wait(); err == nil {
		t.Fatal("the demo ended before it was killed")
	}

	// The demo holds its who keys and links back until its end: the kill
	// left them unwritten, and a read-only open asks for an open to write,
	// which writes them.
	if ro, err := store.Open(path, store.Options{ReadOnly: true}); !errors.Is(err, store.ErrOlderSchema) {
		if ro != nil {
			ro.Close()
		}
		t.Fatalf("read-only open after the kill: %v, want ErrOlderSchema", err)
	}
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	clean(t, s)
	for _, k := range model.Kinds {
		n, err := s.Total(k)
		if err != nil {
			t.Fatal(err)
		}
		byWho := 0
		err = s.Each(store.Query{Kind: k, Order: store.ByWho}, func(*model.Row) error { byWho++; return nil })
		if err != nil || byWho != n {
			t.Fatalf("%s: %d records, %d listed by name (%v)", k, n, byWho, err)
		}
	}
	total := 0
	for _, k := range model.Kinds {
		n, err := s.Total(k)
		if err != nil {
			t.Fatal(err)
		}
		total += n
	}
	if total < 10_000 || total >= 400_000 {
		t.Fatalf("%d records after the kill", total)
	}
	if got := s.DemoRecords(); got != total {
		t.Errorf("%d records, %d known as demo data", total, got)
	}
	if err := demo.Generate(s, demo.Options{Records: 500, Seed: 2, Today: today, MarkDemo: true}); err != nil {
		t.Fatalf("demo again: %v", err)
	}
	clean(t, s)
}
