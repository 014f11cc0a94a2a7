package cli

import (
	"fmt"
	"path/filepath"

	"gopy/model"
	"gopy/store"
	"gopy/store/demo"
	"gopy/ui/sanitize"
)

func runDemo(env *Env, args []string) int {
	fs := newFlags("demo")
	records := fs.Int("records", 1000, "")
	ward := fs.String("ward", "", "")
	wards := fs.Int("wards", 1, "")
	seed := fs.Uint64("seed", 1, "")
	ifEmpty := fs.Bool("if-empty", false, "")
	if code, ok := env.parseFlags(fs, args); !ok {
		return code
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
	s, err := env.openWrite(true)
	if err != nil {
		return env.fail(err)
	}
	if *ifEmpty {
		if total := totalRecords(s); total > 0 {
			s.Close()
			fmt.Fprintln(env.Stdout, env.Lang.F("cli.demo.kept", env.DBPath, total))
			return exitOK
		}
	}
	err = demo.Generate(s, demo.Options{Records: *records, Ward: *ward, Wards: *wards, Seed: *seed, Today: env.Today()})
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

func runBackup(env *Env, args []string) int {
	fs := newFlags("backup")
	out := fs.String("out", "", "")
	if code, ok := env.parseFlags(fs, args); !ok {
		return code
	}
	return env.reading(func(s *store.Store) int {
		path := *out
		if path == "" {
			path = filepath.Join(store.BackupDir(env.DBPath), "gopy-"+env.Now().Format("20060102-150405")+".db")
		}
		if err := store.BackupTarget(env.DBPath, path); err != nil {
			return env.fail(err)
		}
		if err := s.BackupFile(path); err != nil {
			return env.fail(err)
		}
		fmt.Fprintln(env.Stdout, env.Lang.F("cli.backup.done", path))
		return exitOK
	})
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
	aside, err := store.Restore(pos[0], env.DBPath)
	if err != nil {
		return env.fail(err)
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
