package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"

	"gopy/model"
	"gopy/store"
	"gopy/store/demo"
	"gopy/ui/sanitize"
)

func runDemo(env *Env, args []string) int {
	fs := newFlags("demo")
	records := fs.Int("records", -1, "")
	force := fs.Bool("force", false, "")
	ward := fs.String("ward", "", "")
	wards := fs.Int("wards", 1, "")
	seed := fs.Uint64("seed", 1, "")
	ifEmpty := fs.Bool("if-empty", false, "")
	if code, ok := env.parseFlags(fs, args); !ok {
		return code
	}
	if *records == -1 {
		return env.usage(env.Lang.T("cli.err.demo_records"))
	}
	if *records < 0 || *records > 10_000_000 {
		return env.usage(env.Lang.T("cli.err.records"))
	}
	if *wards < 1 || *wards > 1000 {
		return env.usage(env.Lang.T("cli.err.wards"))
	}
	if *ward != "" && !model.ValidWardCode(*ward) {
		return env.usage(env.Lang.T("err.ward_code"))
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		// A million records pass through the heap in batches: collect
		// sooner than the default doubling so that the demo stays within
		// a province machine's means (≤ 300 MB resident with the map).
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(demoHeap))
	}
	s, err := store.Open(env.DBPath, store.Options{NoSync: true, Now: env.Now})
	if err != nil {
		return env.fail(err)
	}
	total := totalRecords(s)
	if *ifEmpty && total > 0 {
		s.Close()
		fmt.Fprintln(env.Stdout, env.Lang.F("cli.demo.kept", env.DBPath, total))
		return exitOK
	}
	if err := env.demoSignIn(s, total, *force); err != nil {
		s.Close()
		return env.fail(err)
	}
	// Each batch is marked as demo data as it is written: an interrupted
	// demo leaves a sound database of the batches done, all known as
	// demo data.
	err = demo.Generate(s, demo.Options{Records: *records, Ward: *ward, Wards: *wards, Seed: *seed, Today: env.Today(), MarkDemo: true})
	if serr := s.Sync(); err == nil {
		err = serr
	}
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return env.fail(err)
	}
	fmt.Fprintln(env.Stdout, env.Lang.N("cli.demo.done", *records, *records, env.DBPath))
	return exitOK
}

// demoHeap is the heap gopy demo aims to stay within (runtime/debug's
// soft memory limit). It holds the index entries the demo writes at its
// end (≈ 75 MB at a million records, store.Load): at 160 MB the
// collector ran 3 s more (1M: 59.6 s of CPU against 56.6, peak 193 MB
// against 205).
const demoHeap = 192 << 20

func runBackup(env *Env, args []string) int {
	fs := newFlags("backup")
	out := fs.String("out", "", "")
	if code, ok := env.parseFlags(fs, args); !ok {
		return code
	}
	s, err := env.openWrite(false)
	if err != nil {
		return env.fail(err)
	}
	defer s.Close()
	if err := requireRole(s, false); err != nil {
		return env.fail(err)
	}
	path := *out
	if path == "" {
		path = filepath.Join(store.BackupDir(env.DBPath), "gopy-"+env.Now().Format("20060102-150405")+".db")
	}
	if err := store.BackupTarget(env.DBPath, path); err != nil {
		return env.fail(err)
	}
	// Logged first, so the backup holds its own entry.
	if err := s.Audit(store.AuditBackup, "", "", path); err != nil {
		return env.fail(err)
	}
	if err := s.BackupFile(path); err != nil {
		return env.fail(err)
	}
	fmt.Fprintln(env.Stdout, env.Lang.F("cli.backup.done", path))
	return exitOK
}

func runRestore(env *Env, args []string) int {
	fs := newFlags("restore")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return env.flagError(err)
	}
	if len(pos) != 1 {
		return env.usage(env.Lang.T("cli.err.restore_args"))
	}
	user, err := env.restoreSignIn()
	if err != nil {
		return env.fail(err)
	}
	aside, err := store.Restore(pos[0], env.DBPath)
	if err != nil {
		return env.fail(err)
	}
	if s, err := store.Open(env.DBPath, store.Options{Now: env.Now}); err == nil {
		err = s.AuditAs(user, store.AuditRestore, "", "", pos[0])
		s.Close()
		if err != nil {
			return env.fail(err)
		}
	}
	if aside == "" {
		fmt.Fprintln(env.Stdout, env.Lang.F("cli.restore.done_new", pos[0], env.DBPath))
		return exitOK
	}
	fmt.Fprintln(env.Stdout, env.Lang.F("cli.restore.done", pos[0], env.DBPath, aside))
	return exitOK
}

func runCheck(env *Env, args []string) int {
	fs := newFlags("check")
	repair := fs.Bool("repair", false, "")
	if code, ok := env.parseFlags(fs, args); !ok {
		return code
	}
	open := env.openRead
	if *repair {
		open = func() (*store.Store, error) { return env.openWrite(false) }
	}
	s, err := open()
	if err != nil {
		return env.fail(err)
	}
	defer s.Close()
	if *repair {
		notes, err := s.Repair()
		if err != nil {
			return env.fail(err)
		}
		for _, n := range notes {
			fmt.Fprintln(env.Stdout, "  "+sanitize.Line(n))
		}
		fmt.Fprintln(env.Stdout, env.Lang.F("cli.check.repaired", len(notes)))
	}
	problems, err := s.Check()
	if err != nil {
		return env.fail(err)
	}
	if _, brk, err := s.VerifyAudit(); err != nil {
		return env.fail(err)
	} else if brk != nil {
		problems = append(problems, env.Lang.F("cli.audit.broken", brk.Seq, brk.Reason))
	}
	if len(problems) > 0 {
		for _, p := range problems {
			fmt.Fprintln(env.Stderr, "gopy: "+sanitize.Line(p))
		}
		fmt.Fprintln(env.Stderr, "gopy: "+env.Lang.F("cli.check.bad", len(problems)))
		return exitError
	}
	n := totalRecords(s)
	fmt.Fprintln(env.Stdout, env.Lang.N("cli.check.ok", n, env.DBPath, n))
	return exitOK
}

// totalRecords is how many records of every kind the store holds.
func totalRecords(s *store.Store) int {
	total := 0
	for _, k := range model.Kinds {
		n, _ := s.Total(k)
		total += n
	}
	return total
}

// demoSignIn signs in for gopy demo: a database without accounts gets the
// demo account (demo/demo, admin with the grant); one with accounts needs
// a user who may write. A database holding records demo did not make is
// refused unless force.
func (env *Env) demoSignIn(s *store.Store, total int, force bool) error {
	if total > s.DemoRecords() && !force {
		return errDemoForce
	}
	has, err := s.HasUsers()
	if err != nil {
		return err
	}
	if !has {
		_, _, err := s.Setup("demo", "demo", true)
		return err
	}
	if err := env.signIn(s); err != nil {
		return err
	}
	return requireRole(s, false)
}

// restoreSignIn checks that an admin of the current database (when there
// is one) asks for the restore; it returns the admin's name. A damaged
// file has no accounts to check against: restoring is how it is mended.
func (env *Env) restoreSignIn() (string, error) {
	if _, err := os.Stat(env.DBPath); err != nil {
		return env.User, nil
	}
	s, err := env.openWrite(false)
	if errors.Is(err, store.ErrNotGopy) || errors.Is(err, store.ErrDamaged) {
		return env.User, nil
	}
	if err != nil {
		return "", err
	}
	defer s.Close()
	if err := requireRole(s, true); err != nil {
		return "", err
	}
	return signer(s), nil
}
