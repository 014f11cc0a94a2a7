package cli

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"gopy/model"
	"gopy/store"
)

func init() { extraCommands["user"] = runUser }

// newPassphrase is a new passphrase from $GOPY_NEW_PASSPHRASE or asked
// twice on the terminal.
func (e *Env) newPassphrase() (string, error) {
	if p, ok := os.LookupEnv("GOPY_NEW_PASSPHRASE"); ok {
		return p, nil
	}
	p1, err := e.readSecret(e.Lang.F("cli.auth.new_pass", model.MinPassphrase))
	if err != nil {
		return "", err
	}
	p2, err := e.readSecret(e.Lang.T("cli.auth.again"))
	if err != nil {
		return "", err
	}
	if p1 != p2 {
		return "", errMismatch
	}
	return p1, nil
}

// runUser manages accounts: list, add, set (admins), passwd (oneself),
// recover (with the recovery key, no sign-in).
func runUser(env *Env, args []string) int {
	l := env.Lang
	if len(args) == 0 {
		return env.usage(l.T("cli.err.user_args"))
	}
	sub, args := args[0], args[1:]
	fs := newFlags("user")
	role := fs.String("role", "", "")
	grant := fs.Bool("grant", false, "")
	noGrant := fs.Bool("no-grant", false, "")
	disable := fs.Bool("disable", false, "")
	enable := fs.Bool("enable", false, "")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return env.flagError(err)
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if *role != "" && !model.Role(*role).Valid() {
		return env.usage(l.F("cli.err.role", *role))
	}
	need := map[string]int{"list": 0, "add": 1, "set": 1, "passwd": -1, "recover": 1}
	n, ok := need[sub]
	if !ok || (n >= 0 && len(pos) != n) || (n < 0 && len(pos) > 1) || (sub == "add" && *role == "") {
		return env.usage(l.T("cli.err.user_args"))
	}
	if sub == "recover" {
		return env.recoverUser(pos[0])
	}
	s, err := env.openWrite(false)
	if err != nil {
		return env.fail(err)
	}
	defer s.Close()
	switch sub {
	case "list":
		if err := requireRole(s, true); err != nil {
			return env.fail(err)
		}
		users, err := s.Users()
		if err != nil {
			return env.fail(err)
		}
		for _, u := range users {
			flags := []string{string(u.Role)}
			if u.Confidential {
				flags = append(flags, "confidential")
			}
			if u.Disabled {
				flags = append(flags, "disabled")
			}
			if u.Demo {
				flags = append(flags, "demo")
			}
			fmt.Fprintf(env.Stdout, "%s\t%s\n", u.Name, strings.Join(flags, ","))
		}
		return exitOK
	case "add":
		pass, err := env.newPassphrase()
		if err != nil {
			return env.fail(err)
		}
		if err := s.AddUser(model.User{Name: pos[0], Role: model.Role(*role), Confidential: *grant}, pass); err != nil {
			return env.fail(err)
		}
	case "set":
		users, err := s.Users()
		if err != nil {
			return env.fail(err)
		}
		var u *model.User
		for i := range users {
			if users[i].Name == pos[0] {
				u = &users[i]
			}
		}
		if u == nil {
			return env.fail(store.ErrBadSignIn)
		}
		r, g, d := u.Role, u.Confidential, u.Disabled
		if *role != "" {
			r = model.Role(*role)
		}
		if set["grant"] {
			g = *grant
		}
		if set["no-grant"] && *noGrant {
			g = false
		}
		if set["disable"] {
			d = *disable
		}
		if set["enable"] && *enable {
			d = false
		}
		if err := s.ChangeUser(u.Name, r, g, d); err != nil {
			return env.fail(err)
		}
	case "passwd":
		name := signer(s)
		if len(pos) == 1 && pos[0] != name {
			return env.fail(store.ErrForbidden)
		}
		pass, err := env.newPassphrase()
		if err != nil {
			return env.fail(err)
		}
		old, _ := env.passphrase()
		if err := s.ChangePassphrase(name, old, pass); err != nil {
			return env.fail(err)
		}
		pos = []string{name}
	}
	fmt.Fprintln(env.Stdout, l.F("cli.user.done", pos[0]))
	return exitOK
}

// recoverUser opens the data key with the recovery key ($GOPY_RECOVERY_KEY
// or asked) and makes name an admin with the grant and a new passphrase.
func (env *Env) recoverUser(name string) int {
	code, ok := os.LookupEnv("GOPY_RECOVERY_KEY")
	if !ok {
		var err error
		if code, err = env.readSecret(env.Lang.T("cli.auth.recovery_in")); err != nil {
			return env.fail(err)
		}
	}
	pass, err := env.newPassphrase()
	if err != nil {
		return env.fail(err)
	}
	s, err := store.Open(env.DBPath, store.Options{Now: env.Now})
	if err != nil {
		return env.fail(err)
	}
	defer s.Close()
	if err := s.Recover(code, name, pass); err != nil {
		return env.fail(err)
	}
	fmt.Fprintln(env.Stdout, env.Lang.F("cli.user.recovered", name))
	return exitOK
}
