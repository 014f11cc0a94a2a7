// Package cli is gopy's command line: flags, subcommands, exit codes and
// one-line translated errors. main.go only calls Main.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"gopy/model"
	"gopy/store"
	"gopy/ui/i18n"
)

// Version is set at build time with -ldflags "-X gopy/ui/cli.Version=…".
var Version = "0.1.0-dev"

// Exit codes (SPEC "Command line").
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

// Env is what every command gets: the language, the database path and the
// output streams.
type Env struct {
	Lang   i18n.Lang
	DBPath string
	Stdout io.Writer
	Stderr io.Writer
	// Now is the clock (tests fix it).
	Now func() time.Time
	// LangExplicit is set when --lang or $GOPY_LANG chose the language; it
	// then wins over the language chosen in Settings.
	LangExplicit bool
	// User signs in: --user or $GOPY_USER (auth.go).
	User string
	// TUI starts the full-screen interface; nil in the tests.
	TUI TUI
}

// Today is the current date in Vietnam by the env's clock.
func (e *Env) Today() model.Date { return model.DateOf(e.Now()) }

// TUI starts the full-screen interface on an open store: main passes
// ui.Run (cli is below ui, so it cannot name it itself). user is the name
// the sign-in offers first (--user, $GOPY_USER).
type TUI func(s *store.Store, lang i18n.Lang, user string) error

// Main runs gopy with args (without the program name), with tui as the
// full-screen interface gopy starts without a subcommand, and returns the
// exit code.
func Main(args []string, stdout, stderr io.Writer, tui TUI) int {
	return mainAt(args, stdout, stderr, time.Now, tui)
}

func mainAt(args []string, stdout, stderr io.Writer, now func() time.Time, tui TUI) (code int) {
	env := &Env{Stdout: stdout, Stderr: stderr, Now: now, TUI: tui}
	defer env.survive(&code)()
	rest, dbFlag, langFlag, userFlag, err := globalFlags(args)
	lang, ok := i18n.FromEnv(langFlag)
	env.Lang = lang
	env.LangExplicit = langFlag != "" || os.Getenv("GOPY_LANG") != ""
	if err != nil {
		return env.usage(err.Error())
	}
	if !ok {
		return env.usage(env.Lang.F("cli.err.lang", langFlag))
	}
	env.User = userFlag
	if env.User == "" {
		env.User = os.Getenv("GOPY_USER")
	}
	env.DBPath = dbFlag
	if env.DBPath == "" {
		env.DBPath = DefaultDBPath()
	}
	if len(rest) == 0 {
		return runTUI(env)
	}
	cmd, cargs := rest[0], rest[1:]
	switch cmd {
	case "demo":
		return runDemo(env, cargs)
	case "list":
		return runList(env, cargs)
	case "backup":
		return runBackup(env, cargs)
	case "restore":
		return runRestore(env, cargs)
	case "check":
		return runCheck(env, cargs)
	case "version", "--version", "-v":
		fmt.Fprintf(env.Stdout, "gopy %s (schema %d, %s/%s)\n", Version, store.SchemaVersion, runtime.GOOS, runtime.GOARCH)
		return exitOK
	case "help", "--help", "-h":
		fmt.Fprint(env.Stdout, env.Lang.T("cli.help"))
		return exitOK
	}
	if run, ok := extraCommands[cmd]; ok {
		return run(env, cargs)
	}
	return env.usage(env.Lang.F("cli.err.unknown_command", cmd))
}

// extraCommands lets other files of this package add commands (report,
// register, export, import) without editing the switch above.
var extraCommands = map[string]func(*Env, []string) int{}

// globalFlags takes --db, --lang and --user from anywhere before "--".
func globalFlags(args []string) (rest []string, db, lang, user string, err error) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i:]...)
			break
		}
		name, val, hasVal := strings.Cut(strings.TrimLeft(a, "-"), "=")
		// After `audit`, --user is its filter (gopy audit --user U); sign in
		// with --user before the command or $GOPY_USER.
		auditFilter := name == "user" && len(rest) > 0 && rest[0] == "audit"
		if !strings.HasPrefix(a, "-") || (name != "db" && name != "lang" && name != "user") || auditFilter {
			rest = append(rest, a)
			continue
		}
		if !hasVal {
			if i+1 >= len(args) {
				l, _ := i18n.FromEnv(lang)
				return nil, "", "", "", fmt.Errorf("--%s: %s", name, l.T("cli.err.missing_value"))
			}
			i++
			val = args[i]
		}
		switch name {
		case "db":
			db = val
		case "lang":
			lang = val
		default:
			user = val
		}
	}
	return rest, db, lang, user, nil
}

// DefaultDBPath is $GOPY_DB, else the user data folder's gopy/gopy.db.
func DefaultDBPath() string {
	if p := os.Getenv("GOPY_DB"); p != "" {
		return p
	}
	var dir string
	switch runtime.GOOS {
	case "windows":
		dir = os.Getenv("AppData")
	default:
		dir = os.Getenv("XDG_DATA_HOME")
		if dir == "" {
			if home, err := os.UserHomeDir(); err == nil {
				dir = filepath.Join(home, ".local", "share")
			}
		}
	}
	if dir == "" {
		dir = "."
	}
	return filepath.Join(dir, "gopy", "gopy.db")
}

// usage prints a one-line usage error and returns exit code 2.
func (e *Env) usage(msg string) int {
	fmt.Fprintf(e.Stderr, "gopy: %s\n", msg)
	return exitUsage
}

// fail prints err as one translated line and returns exit code 1 (2 when
// no user was given: a usage error).
func (e *Env) fail(err error) int {
	fmt.Fprintf(e.Stderr, "gopy: %s\n", e.Message(err))
	if errors.Is(err, errNoUser) {
		return exitUsage
	}
	return exitError
}

// Message translates the errors users can meet into one line.
func (e *Env) Message(err error) string {
	l := e.Lang
	if msg, ok := e.authMessage(err); ok {
		return msg
	}
	var inv *store.Invalid
	var de *model.ErrDate
	if msg, ok := e.sentMessage(err); ok {
		return msg
	}
	if msg, ok := e.edgeMessage(err); ok {
		return msg
	}
	switch {
	case errors.Is(err, store.ErrInUse):
		return l.F("cli.err.in_use", e.DBPath)
	case errors.Is(err, store.ErrNewerSchema):
		return l.F("cli.err.newer", e.DBPath)
	case errors.Is(err, store.ErrNoDatabase):
		return l.F("cli.err.no_db", e.DBPath)
	case errors.Is(err, store.ErrNotGopy):
		return l.F("cli.err.not_gopy", e.DBPath)
	case errors.As(err, &inv):
		parts := make([]string, 0, len(inv.Errors))
		for _, fe := range inv.Errors {
			parts = append(parts, fe.Field+": "+l.T(fe.Key))
		}
		return l.T("cli.err.invalid") + " " + strings.Join(parts, "; ")
	case errors.As(err, &de):
		return l.T(de.Key) + ": " + de.Input
	}
	msg := err.Error()
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = msg[:i]
	}
	return l.T("cli.err.generic") + ": " + msg
}

// reading runs fn on the database opened to read (signed in), and closes it.
func (e *Env) reading(fn func(*store.Store) int) int {
	s, err := e.openRead()
	if err != nil {
		return e.fail(err)
	}
	defer s.Close()
	return fn(s)
}

// newFlags makes a flag set whose errors come back as usage errors.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parseInterspersed parses flags that may come before, between or after
// positional arguments and returns the positionals.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// parseFlags parses a command that takes flags and no other arguments;
// when ok is false, code is the exit code to return.
func (e *Env) parseFlags(fs *flag.FlagSet, args []string) (code int, ok bool) {
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return e.flagError(err), false
	}
	if len(pos) > 0 {
		return e.usage(e.Lang.F("cli.err.extra_args", strings.Join(pos, " "))), false
	}
	return exitOK, true
}

func (e *Env) flagError(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(e.Stdout, e.Lang.T("cli.help"))
		return exitOK
	}
	return e.usage(e.Lang.F("cli.err.flags", flagMessage(e.Lang, err)))
}

// flagMessages are the errors of Go's flag package, in the words it
// writes them, with the catalog key that says them in the user's language.
var flagMessages = []struct{ prefix, key string }{
	{"flag provided but not defined: ", "cli.err.flag_unknown"},
	{"flag needs an argument: ", "cli.err.flag_value"},
	{"bad flag syntax: ", "cli.err.flag_syntax"},
	{"invalid boolean value ", "cli.err.flag_bad"},
	{"invalid value ", "cli.err.flag_bad"},
	{"invalid boolean flag ", "cli.err.flag_bad"},
}

// flagMessage says a flag parser's error in the user's language: the flag
// it names and what is wrong with it, never the library's English.
func flagMessage(l i18n.Lang, err error) string {
	msg := err.Error()
	for _, m := range flagMessages {
		rest, ok := strings.CutPrefix(msg, m.prefix)
		if !ok {
			continue
		}
		if m.key == "cli.err.flag_bad" {
			// `invalid value "x" for flag -n: parse error`: the value and
			// the flag.
			if i := strings.Index(rest, " for "); i >= 0 {
				flagName := strings.TrimPrefix(rest[i+len(" for "):], "flag ")
				if j := strings.Index(flagName, ":"); j >= 0 {
					flagName = flagName[:j]
				}
				return l.F(m.key, rest[:i], flagName)
			}
			return l.F(m.key, rest, "")
		}
		return l.F(m.key, rest)
	}
	return msg
}

func runTUI(env *Env) int {
	// Before anything is created: without a terminal (a pipe, a cron job,
	// an editor's build task) there is nothing to draw on, and no folder
	// or database should be left behind for it.
	if env.TUI != nil && (!isTerminal(os.Stdin) || !isTerminal(env.Stdout)) {
		fmt.Fprintf(env.Stderr, "gopy: %s\n", env.Lang.T("cli.err.no_terminal"))
		return exitError
	}
	s, err := store.Open(env.DBPath, store.Options{Now: env.Now})
	if err != nil {
		return env.fail(err)
	}
	defer s.Close()
	// With $GOPY_USER and $GOPY_PASSPHRASE both set (scripts, tests) the
	// interface opens signed in; otherwise it starts on its sign-in.
	if _, ok := os.LookupEnv("GOPY_PASSPHRASE"); ok && env.User != "" {
		if err := env.signIn(s); err != nil {
			return env.fail(err)
		}
	}
	if env.TUI == nil {
		fmt.Fprintln(env.Stderr, "gopy: TUI not built yet")
		return exitError
	}
	lang := env.Lang
	if st, err := s.Settings(); err == nil && !env.LangExplicit {
		lang, _ = i18n.Parse(st.Language)
	}
	if err := env.TUI(s, lang, env.User); err != nil {
		return env.fail(err)
	}
	return exitOK
}
