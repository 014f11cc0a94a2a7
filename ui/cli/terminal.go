package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"github.com/charmbracelet/x/term"

	"gopy/store"
)

// isTerminal reports whether w is a terminal (tests replace it).
var isTerminal = func(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// progress reports a long import on stderr: rewriting one line on a
// terminal, a line every 50,000 records otherwise. Small imports say
// nothing.
func (e *Env) progress(file string) func(done, total int) {
	tty := isTerminal(e.Stderr)
	return func(done, total int) {
		if total < 5000 {
			return
		}
		msg := e.Lang.F("cli.import.progress", file, done, total)
		switch {
		case tty && done == total:
			fmt.Fprintf(e.Stderr, "\r%s\n", msg)
		case tty:
			fmt.Fprintf(e.Stderr, "\r%s", msg)
		case done%50000 == 0 || done == total:
			fmt.Fprintf(e.Stderr, "gopy: %s\n", msg)
		}
	}
}

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
		return src.Message(re.Err), true
	case errors.As(err, &oe):
		return e.Lang.F("cli.err.out", oe.Path, e.Lang.T(oe.Key)), true
	case errors.Is(err, store.ErrDamaged):
		return e.Lang.F("cli.err.damaged", e.DBPath), true
	case errors.Is(err, store.ErrOldSchema):
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
