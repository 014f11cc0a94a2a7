package store_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"gopy/model"
	"gopy/store"
	"gopy/store/demo"
)

const migrateCrashEnv = "GOPY_MIGRATE_CRASH"

// TestMigrationCrashHelper is the child of TestMigrationCrash: it opens a
// schema-4 database, which migrates it, and dies (exits at once, as if
// killed: nothing closed, nothing flushed) at the point it is told.
func TestMigrationCrashHelper(t *testing.T) {
	env := os.Getenv(migrateCrashEnv)
	if env == "" {
		t.Skip("the child process of TestMigrationCrash")
	}
	path, at, _ := strings.Cut(env, "|")
	stage, n, _ := strings.Cut(at, ":")
	times, _ := strconv.Atoi(n)
	store.CrashMigrationAt(stage, times, 8<<10)
	s, err := store.Open(path, store.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	s.Close()
	os.Exit(0) // the stage was never reached
}

// A process that dies at any point of the 4 → 5 migration leaves the
// database whole: the old file (schema 4, records as JSON) until the new
// one is in its place, then the new one. The next open migrates (again)
// and the database answers as before, Check clean, no copy left behind.
func TestMigrationCrash(t *testing.T) {
	if os.Getenv(migrateCrashEnv) != "" {
		t.Skip()
	}
	if testing.Short() {
		t.Skip("starts child processes")
	}
	s, path, c := openTest(t)
	today := day(2026, 6, 15)
	if err := demo.Generate(s, demo.Options{Records: 400, Wards: 2, Seed: 5, Today: today}); err != nil {
		t.Fatal(err)
	}
	p := petition(day(2026, 6, 1), model.ClassReport)
	p.Summary = hostile
	mustCreate(t, s, p)
	want := answers(t, s, today)
	s.Close()
	if err := store.AsSchema4(path); err != nil {
		t.Fatal(err)
	}
	fixture, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if s, err = store.Open(path, store.Options{}); err != nil { // migrated: checked at the end
		t.Fatal(err)
	}
	s.Close()

	for _, tc := range []struct {
		at       string
		migrated bool // the new file is in place when the process dies
	}{
		{"commit:1", false}, {"commit:4", false}, {"copied:1", false}, {"linked:1", false}, {"renamed:1", true},
	} {
		dir := t.TempDir()
		db := filepath.Join(dir, "gopy.db")
		if err := os.WriteFile(db, fixture, 0o600); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(os.Args[0], "-test.run=^TestMigrationCrashHelper$", "-test.count=1", "-test.timeout=60s")
		cmd.Env = append(os.Environ(), migrateCrashEnv+"="+db+"|"+tc.at)
		out, _ := cmd.CombinedOutput()
		if code := cmd.ProcessState.ExitCode(); code != 7 {
			t.Fatalf("%s: the child exited %d, not at the crash point: %s", tc.at, code, out)
		}
		v, isJSON := schemaAndJSON(t, db)
		switch {
		case !tc.migrated && (v != 4 || !isJSON):
			t.Errorf("%s: after the crash the database is schema %d (JSON %v), want the old file", tc.at, v, isJSON)
		case tc.migrated && (v != store.SchemaVersion || isJSON):
			t.Errorf("%s: after the crash the database is schema %d (JSON %v), want the new file", tc.at, v, isJSON)
		}
		s, err := store.Open(db, store.Options{Now: c.Now})
		if err != nil {
			t.Fatalf("%s: open after the crash: %v", tc.at, err)
		}
		mustClean(t, s)
		got := answers(t, s, today)
		s.Close()
		for k, w := range want {
			if got[k] != w {
				t.Errorf("%s: %s after the crash:\n%s\nbefore:\n%s", tc.at, k, got[k], w)
				break
			}
		}
		if v, isJSON := schemaAndJSON(t, db); v != store.SchemaVersion || isJSON {
			t.Errorf("%s: reopened, the database is schema %d (JSON %v)", tc.at, v, isJSON)
		}
		if v, _ := schemaAndJSON(t, db+".schema4.bak"); v != 4 {
			t.Errorf("%s: backup of schema %d", tc.at, v)
		}
		if _, err := os.Stat(db + ".migrating"); err == nil {
			t.Errorf("%s: the migration's copy is left behind", tc.at)
		}
	}
}
