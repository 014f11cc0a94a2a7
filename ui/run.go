// Package ui is gopy's terminal interface (Bubble Tea v2): a root model
// owning one screen stack per tab, the screens (dashboard, lists, details,
// settings, first-run setup). The styles, keys and text-fitting helpers
// they share with the forms of ui/entry live in ui/kit.
package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"gopy/store"
	"gopy/ui/i18n"
)

// Run shows the TUI on an open store, in the alternate screen, until the
// officer quits: first the sign-in unless a user is signed in (user is
// the name offered). The day's automatic backup is written in the
// background, and what reads the database waits for the first frame
// (Options.Settle); the screen locks after the idle time.
func Run(s *store.Store, lang i18n.Lang, user string) error {
	r, err := NewRoot(s, lang, Options{AutoBackup: true, SignIn: true, IdleLock: true, User: user, Settle: 6 * time.Second / 60})
	if err != nil {
		return err
	}
	_, err = tea.NewProgram(r).Run()
	return err
}
