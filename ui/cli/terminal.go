package cli

import (
	"fmt"
	"io"
	"os"

	"github.com/charmbracelet/x/term"
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
