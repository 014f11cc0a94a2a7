package cli

import (
	"errors"
	"fmt"
	"strings"

	"gopy/store"
	"gopy/ui/sanitize"
)

func init() { extraCommands["keys"] = runKeys }

// runKeys: gopy keys — this database's fingerprint and the wards' pinned
// ones; gopy keys accept WARD FINGERPRINT — let the next bundle from WARD
// signed by that key replace the pinned one.
func runKeys(env *Env, args []string) int {
	fs := newFlags("keys")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return env.flagError(err)
	}
	if len(pos) > 0 && pos[0] == "accept" {
		if len(pos) < 3 {
			return env.usage(env.Lang.T("cli.err.keys_accept"))
		}
		ward, fp := pos[1], strings.Join(pos[2:], " ")
		s, err := env.openWrite(false)
		if err != nil {
			return env.fail(err)
		}
		defer s.Close()
		if err := s.AcceptKey(ward, fp); err != nil {
			if errors.Is(err, store.ErrNotFound) {
				return env.usage(env.Lang.F("cli.err.keys_ward", ward))
			}
			return env.fail(err)
		}
		fmt.Fprintln(env.Stdout, env.Lang.F("cli.keys.accepted", ward, sanitize.Line(fp)))
		return exitOK
	}
	if len(pos) > 0 {
		return env.usage(env.Lang.F("cli.err.extra_args", strings.Join(pos, " ")))
	}
	s, err := env.openSigning()
	if err != nil {
		return env.fail(err)
	}
	defer s.Close()
	fp, err := s.KeyFingerprint()
	if err != nil {
		return env.fail(err)
	}
	fmt.Fprintln(env.Stdout, env.Lang.F("cli.keys.own", fp))
	wards, err := s.Wards()
	if err != nil {
		return env.fail(err)
	}
	for _, w := range wards {
		line := env.Lang.F("cli.keys.unsigned", sanitize.Line(w.Ward))
		switch {
		case w.Key != "":
			line = env.Lang.F("cli.keys.pinned", sanitize.Line(w.Ward), store.FingerprintOf(w.Key))
		case w.Via != "" && w.Via != w.Ward:
			line = env.Lang.F("cli.keys.via", sanitize.Line(w.Ward), sanitize.Line(w.Via))
		}
		if w.Accept != "" {
			line += " " + env.Lang.F("cli.keys.accept", sanitize.Line(w.Accept))
		}
		fmt.Fprintln(env.Stdout, "  "+line)
	}
	return exitOK
}

// openSigning opens the database for reading, first giving it a signing
// key if it has none (one made by a gopy before bundles were signed).
func (e *Env) openSigning() (*store.Store, error) {
	s, err := e.openRead()
	if err != nil {
		return nil, err
	}
	if _, err := s.KeyFingerprint(); !errors.Is(err, store.ErrNoKey) {
		return s, nil
	}
	s.Close()
	w, err := e.openWrite(false)
	if err != nil {
		return nil, err
	}
	w.Close()
	return e.openRead()
}
