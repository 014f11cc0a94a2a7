package cli

import (
	"encoding/json"
	"fmt"
	"os"

	"gopy/store"
	"gopy/ui/sanitize"
)

func init() { extraCommands["person"] = runPerson }

// runPerson answers a personal-data request (Luật 91/2025): every petition
// and history entry naming the person; --correct VALUE rewrites what
// matched, --erase removes the identity (admins); after an erasure it lists
// the backups still holding the old data (--delete-backups deletes them).
func runPerson(env *Env, args []string) int {
	l := env.Lang
	fs := newFlags("person")
	correct := fs.String("correct", "", "")
	erase := fs.Bool("erase", false, "")
	delBackups := fs.Bool("delete-backups", false, "")
	format := fs.String("format", "table", "")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return env.flagError(err)
	}
	if len(pos) != 1 || (*erase && *correct != "") || (*delBackups && !*erase) {
		return env.usage(l.T("cli.err.person_args"))
	}
	if *format != "table" && *format != "json" {
		return env.usage(l.F("cli.err.format", *format, "table, json"))
	}
	s, err := env.openWrite(false)
	if err != nil {
		return env.fail(err)
	}
	defer s.Close()
	var res *store.PersonResult
	switch {
	case *erase:
		res, err = s.ErasePerson(pos[0])
	case *correct != "":
		res, err = s.CorrectPerson(pos[0], *correct)
	default:
		res, err = s.FindPerson(pos[0])
	}
	if err != nil {
		return env.fail(err)
	}
	if *format == "json" {
		b, _ := json.MarshalIndent(res, "", "  ")
		fmt.Fprintln(env.Stdout, string(b))
	} else {
		for _, h := range res.Hits {
			where := l.T("cli.person.record")
			if h.History != "" {
				where = l.F("cli.person.history", h.History)
			}
			fmt.Fprintf(env.Stdout, "%-14s %-10s %-24s %s\n", sanitize.Line(h.Ref), h.Field, sanitize.Line(h.Value), where)
		}
		fmt.Fprintln(env.Stdout, l.F("cli.person.total", len(res.Records()), len(res.Hits)))
		if res.SealedSkipped > 0 {
			fmt.Fprintln(env.Stdout, l.F("cli.person.skipped", res.SealedSkipped))
		}
	}
	if *correct != "" || *erase {
		fmt.Fprintln(env.Stderr, l.T("cli.person.compact"))
	}
	if !*erase {
		return exitOK
	}
	for _, b := range s.StaleBackups() {
		if *delBackups {
			if err := os.Remove(b); err != nil {
				return env.fail(err)
			}
			fmt.Fprintln(env.Stderr, l.F("cli.person.deleted", b))
			continue
		}
		fmt.Fprintln(env.Stderr, l.F("cli.person.backup", b))
	}
	return exitOK
}
