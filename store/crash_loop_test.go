package store_test

import (
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gopy/model"
	"gopy/store"
)

// crashKills sets how many times TestCrashLoop kills its child: a few in
// CI, hundreds on demand:
//
//	go test ./store -run TestCrashLoop -crash.kills 200 -v
var crashKills = flag.Int("crash.kills", 6, "TestCrashLoop: how many times to kill the child")

const crashLoopEnv = "GOPY_STORE_CRASH_LOOP" // db|bundle|backup|run

// TestCrashLoopHelper is TestCrashLoop's child: it saves, imports a bundle
// and restores a backup in a loop, and prints each step only after it
// returned (as the UI reports "done"), and a "-start" line before an
// import or a restore.
func TestCrashLoopHelper(t *testing.T) {
	env := os.Getenv(crashLoopEnv)
	if env == "" {
		t.Skip("the child process of TestCrashLoop")
	}
	parts := strings.Split(env, "|")
	path, bundle, backup, run := parts[0], parts[1], parts[2], parts[3]
	die := func(err error) {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	open := func() *store.Store {
		s, err := store.Open(path, store.Options{Timeout: 5 * time.Second})
		if err != nil {
			die(err)
		}
		return s
	}
	s := open()
	os.Stdout.WriteString("ready\n")
	deadline := time.Now().Add(20 * time.Second)
	for i := 0; time.Now().Before(deadline); i++ {
		switch {
		case i%10 == 7:
			os.Stdout.WriteString("import-start\n")
			if _, err := s.ImportBundle(bundle, false, officer); err != nil {
				die(err)
			}
			os.Stdout.WriteString("imported\n")
		case i%25 == 24:
			os.Stdout.WriteString("restore-start\n")
			s.Close()
			aside, err := store.Restore(backup, path)
			if err != nil {
				die(err)
			}
			os.Remove(aside)
			os.Stdout.WriteString("restored\n")
			s = open()
		default:
			p := petition(day(2026, 1, 1).AddDays(i%300), model.Classifications[i%4])
			p.Summary = fmt.Sprintf("run %s save %d", run, i)
			if err := s.Create(p, officer); err != nil {
				die(err)
			}
			os.Stdout.WriteString("saved " + p.Summary + "\n")
		}
	}
	s.Close()
	os.Exit(3)
}

// TestCrashLoop kills, at a random moment, a process that saves, imports
// and restores over one file, again and again: every save reported done
// is there (unless a restore reported done, or started, since), an import
// is all or nothing, and Check finds nothing wrong.
func TestCrashLoop(t *testing.T) {
	if os.Getenv(crashLoopEnv) != "" || os.Getenv(crashEnv) != "" {
		t.Skip()
	}
	if testing.Short() {
		t.Skip("starts child processes")
	}
	dir := t.TempDir()
	c := newClock(vn(2026, time.June, 15, 9, 0))
	src := openWard(t, "SRC", c)
	const srcRecords = 40
	for i := 0; i < srcRecords; i++ {
		mustCreate(t, src, petition(day(2026, 2, 1).AddDays(i), model.ClassProposal))
	}
	bundle := exportTo(t, src)
	path := filepath.Join(dir, "gopy.db")
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	st, _ := s.Settings()
	st.WardName, st.WardCode, st.Officer = "Phường Hòa Bình", "HB", officer
	if err := s.SaveSettings(st, officer); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(dir, "backup.db")
	if err := s.BackupFile(backup); err != nil {
		t.Fatal(err)
	}
	s.Close()

	r := rand.New(rand.NewPCG(16, uint64(*crashKills)))
	present := map[string]bool{} // saves reported since the last restore
	imported := false
	totals := map[string]int{}
	for round := 0; round < *crashKills; round++ {
		cmd, lines, stderr := startChild(t, "TestCrashLoopHelper", crashLoopEnv+"="+strings.Join([]string{path, bundle, backup, fmt.Sprint(round)}, "|"))
		select {
		case l, ok := <-lines:
			if !ok || l != "ready" {
				cmd.Wait()
				t.Fatalf("round %d: child did not start: %q %s", round, l, stderr.String())
			}
		case <-time.After(30 * time.Second):
			cmd.Process.Kill()
			t.Fatalf("round %d: child did not start within 30 s", round)
		}
		time.Sleep(time.Duration(r.IntN(600_000)) * time.Microsecond)
		if err := cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		restoring, importing := false, false
		for l := range lines {
			totals[strings.Fields(l)[0]]++
			switch {
			case strings.HasPrefix(l, "saved "):
				present[strings.TrimPrefix(l, "saved ")] = true
			case l == "import-start":
				importing = true
			case l == "imported":
				importing, imported = false, true
			case l == "restore-start":
				restoring = true
			case l == "restored":
				restoring, imported = false, false
				present = map[string]bool{}
			}
		}
		cmd.Wait()
		if strings.Contains(stderr.String(), "gopy") || strings.Contains(stderr.String(), "store") {
			t.Fatalf("round %d: child failed: %s", round, stderr.String())
		}

		s, err := store.Open(path, store.Options{ReadOnly: true})
		if err != nil {
			t.Fatalf("round %d: open after the kill: %v", round, err)
		}
		problems, err := s.Check()
		if err != nil || len(problems) > 0 {
			t.Fatalf("round %d: check after the kill: %v %v", round, problems, err)
		}
		stored := map[string]bool{}
		wardSRC := 0
		err = s.EachJSON(store.Query{Kind: model.KindPetition}, func(row *model.Row, raw []byte) error {
			var p model.Petition
			if err := json.Unmarshal(raw, &p); err != nil {
				return err
			}
			stored[p.Summary] = true
			if p.Ward == "SRC" {
				wardSRC++
			}
			return nil
		})
		s.Close()
		if err != nil {
			t.Fatal(err)
		}
		if restoring {
			// Killed inside a restore: the file is the old one or the
			// backup, whole. If the backup, nothing saved before remains.
			done := true
			for sum := range present {
				done = done && !stored[sum]
			}
			if done {
				present, imported = map[string]bool{}, false
			}
		}
		for sum := range present {
			if !stored[sum] {
				t.Fatalf("round %d: %q was reported saved but is gone", round, sum)
			}
		}
		if wardSRC != 0 && wardSRC != srcRecords || imported && wardSRC != srcRecords {
			t.Fatalf("round %d: %d of the bundle's %d records (import reported done: %v, under way: %v)", round, wardSRC, srcRecords, imported, importing)
		}
		imported = wardSRC == srcRecords
		asides, _ := filepath.Glob(path + ".before-restore-*")
		for _, a := range asides {
			os.Remove(a)
		}
	}
	t.Logf("%d kills; steps reported done in all: %d saves, %d imports, %d restores", *crashKills, totals["saved"], totals["imported"], totals["restored"])
}
