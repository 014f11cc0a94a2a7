package cli

import (
	"errors"
	"fmt"
	"runtime/debug"

	"gopy/store"
)

// edgeMessage translates the errors of the edges (outputs, damaged files,
// restores); ok is false for any other error.
func (e *Env) edgeMessage(err error) (string, bool) {
	var oe *store.OutputError
	var re *store.RestoreSourceError
	switch {
	case errors.As(err, &re):
		// The trouble is the backup's: name it, not the database.
		src := *e
		src.DBPath = re.Path
		if errors.Is(re.Err, store.ErrBackupDamaged) {
			return e.Lang.F("cli.err.backup_damaged", re.Path), true
		}
		if errors.Is(re.Err, store.ErrNoDatabase) {
			// Not "run gopy to create it": a backup is not made that way.
			return e.Lang.F("cli.err.no_backup", re.Path), true
		}
		return src.Message(re.Err), true
	case errors.As(err, &oe):
		return e.Lang.F("cli.err.out", oe.Path, e.Lang.T(oe.Key)), true
	case errors.Is(err, store.ErrDamaged):
		return e.Lang.F("cli.err.damaged", e.DBPath), true
	case errors.Is(err, store.ErrStoppedLoad):
		return e.Lang.F("cli.err.stopped_load", e.DBPath), true
	case errors.Is(err, store.ErrOlderSchema):
		return e.Lang.F("cli.err.old_schema", e.DBPath), true
	case errors.Is(err, store.ErrReplaced):
		return e.Lang.F("cli.err.replaced", e.DBPath), true
	}
	return "", false
}

// survive turns a damaged database's panic (bbolt meeting a bad page, or a
// fault reading the mapped file) into one translated line and exit 1,
// never a stack trace. Call as: defer env.survive(&code)().
func (e *Env) survive(code *int) func() {
	old := debug.SetPanicOnFault(true)
	return func() {
		debug.SetPanicOnFault(old)
		if r := recover(); r != nil {
			fmt.Fprintf(e.Stderr, "gopy: %s\n", e.Lang.F("cli.err.damaged", e.DBPath))
			*code = exitError
		}
	}
}
