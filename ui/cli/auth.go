package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/charmbracelet/x/term"

	"gopy/model"
	"gopy/store"
)

// Signing in from the command line: --user NAME or $GOPY_USER, the
// passphrase from $GOPY_PASSPHRASE or, when that is unset and stdin is a
// terminal, a prompt that does not echo.

var (
	errNoUser    = errors.New("no user given")
	errNoAdmin   = errors.New("no accounts yet")
	errNoPass    = errors.New("no passphrase given")
	errMismatch  = errors.New("passphrases differ")
	errDemoForce = errors.New("database holds records not made by gopy demo")
)

// Stdin is where prompts read from (tests replace it).
var Stdin io.Reader = os.Stdin

func stdinIsTerminal() bool {
	f, ok := Stdin.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// readSecret prompts on stderr and reads a line without echo.
func (e *Env) readSecret(prompt string) (string, error) {
	if !stdinIsTerminal() {
		return "", errNoPass
	}
	fmt.Fprint(e.Stderr, prompt)
	f := Stdin.(*os.File)
	b, err := term.ReadPassword(f.Fd())
	fmt.Fprintln(e.Stderr)
	if err != nil {
		return "", err
	}
	return strings.TrimRight(string(b), "\r\n"), nil
}

func (e *Env) passphrase() (string, error) {
	if p, ok := os.LookupEnv("GOPY_PASSPHRASE"); ok {
		return p, nil
	}
	return e.readSecret(e.Lang.F("cli.auth.prompt", e.User))
}

// signIn signs the user in on s. On a database without accounts yet (a new
// file, or one from before accounts), the user becomes its first admin:
// the data key is made, identities held in clear are sealed, and the
// recovery key is shown once.
func (e *Env) signIn(s *store.Store) error {
	if e.User == "" {
		return errNoUser
	}
	has, err := s.HasUsers()
	if err != nil {
		return err
	}
	pass, err := e.passphrase()
	if err != nil {
		return err
	}
	if !has {
		if s.ReadOnly() {
			return errNoAdmin
		}
		return e.setup(s, e.User, pass)
	}
	_, err = s.SignIn(e.User, pass)
	return err
}

// setup makes the first admin. The demo account (demo/demo) is the only
// one allowed the published short passphrase.
func (e *Env) setup(s *store.Store, name, pass string) error {
	demo := name == "demo" && pass == "demo"
	code, sealed, err := s.Setup(name, pass, demo)
	if err != nil {
		return err
	}
	if !demo {
		fmt.Fprintln(e.Stderr, e.Lang.F("cli.auth.setup", name, sealed))
		fmt.Fprintln(e.Stderr, e.Lang.F("cli.auth.recovery", code))
	}
	if sealed > 0 {
		// Copies made before sealing still hold the identities in clear.
		for _, b := range s.StaleBackups() {
			fmt.Fprintln(e.Stderr, e.Lang.F("cli.auth.stale_backup", b))
		}
		fmt.Fprintln(e.Stderr, e.Lang.T("cli.person.compact"))
	}
	return nil
}

// openRead opens the database for reading with a shared lock, signed in.
// A database an older gopy made is first opened once to write, which backs
// it up and migrates it, so the first `gopy list` after an upgrade just
// works. A database without accounts is first opened for writing, once, so
// the user becomes its admin and what it holds in clear is sealed.
func (e *Env) openRead() (*store.Store, error) {
	s, err := store.Open(e.DBPath, store.Options{ReadOnly: true, Now: e.Now, ReadAhead: true})
	if errors.Is(err, store.ErrOlderSchema) {
		w, werr := store.Open(e.DBPath, store.Options{Now: e.Now})
		if werr != nil {
			return nil, werr
		}
		if werr := w.Close(); werr != nil {
			return nil, werr
		}
		s, err = store.Open(e.DBPath, store.Options{ReadOnly: true, Now: e.Now, ReadAhead: true})
	}
	if err != nil {
		return nil, err
	}
	if has, err := s.HasUsers(); err == nil && !has && e.User != "" {
		s.Close()
		w, err := e.openWrite(false)
		if err != nil {
			return nil, err
		}
		if err := w.Close(); err != nil {
			return nil, err
		}
		if s, err = store.Open(e.DBPath, store.Options{ReadOnly: true, Now: e.Now, ReadAhead: true}); err != nil {
			return nil, err
		}
	}
	if err := e.signIn(s); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// openWrite opens the database for writing (creating it if needed), signed in.
func (e *Env) openWrite(noSync bool) (*store.Store, error) {
	s, err := store.Open(e.DBPath, store.Options{NoSync: noSync, Now: e.Now})
	if err != nil {
		return nil, err
	}
	if err := e.signIn(s); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// requireRole refuses a command the signed-in user's role does not allow.
func requireRole(s *store.Store, admin bool) error {
	u, ok := s.CurrentUser()
	if !ok {
		return store.ErrNotSignedIn
	}
	if admin && u.Role != model.RoleAdmin || !u.Role.CanWrite() {
		return store.ErrForbidden
	}
	return nil
}

// signer is the signed-in user's name, for what the store records.
func signer(s *store.Store) string {
	u, _ := s.CurrentUser()
	return u.Name
}

// authMessage translates the sign-in and permission errors; ok is false
// for other errors.
func (e *Env) authMessage(err error) (string, bool) {
	l := e.Lang
	var w *store.WaitError
	switch {
	case errors.Is(err, errNoUser):
		return l.T("cli.err.no_user"), true
	case errors.Is(err, errNoPass):
		return l.T("cli.err.no_pass"), true
	case errors.Is(err, errNoAdmin):
		return l.F("cli.err.no_admin", e.DBPath), true
	case errors.Is(err, errMismatch):
		return l.T("cli.err.pass_mismatch"), true
	case errors.Is(err, errDemoForce):
		return l.F("cli.err.demo_real", e.DBPath), true
	case errors.Is(err, store.ErrBadSignIn):
		return l.T("cli.err.bad_sign_in"), true
	case errors.As(err, &w):
		return l.F("cli.err.wait", w.Until.In(model.VNZone).Format("15:04:05")), true
	case errors.Is(err, store.ErrDisabled):
		return l.T("cli.err.disabled"), true
	case errors.Is(err, store.ErrForbidden), errors.Is(err, store.ErrNotSignedIn):
		return l.T("cli.err.forbidden"), true
	case errors.Is(err, store.ErrSealed):
		return l.T("cli.err.sealed"), true
	case errors.Is(err, store.ErrPassphrase):
		return l.F("cli.err.short_pass", model.MinPassphrase), true
	case errors.Is(err, store.ErrBadRecovery):
		return l.T("cli.err.bad_recovery"), true
	case errors.Is(err, store.ErrUserExists):
		return l.T("cli.err.user_exists"), true
	case errors.Is(err, store.ErrLastAdmin):
		return l.T("cli.err.last_admin"), true
	}
	return "", false
}
