// Package ui is gopy's terminal interface (Bubble Tea v2): a root model
// owning one screen stack per tab, the screens (dashboard, lists, details,
// settings, first-run setup). The styles, keys and text-fitting helpers
// they share with the forms of ui/entry live in ui/kit.
package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

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
	// Start-up (issue 14): lipgloss already detected the colour profile at
	// its package init (without asking tmux: ui/termquiet); handing it to
	// the program spares a second detection. The first frame is written at
	// the renderer's first tick: 120 a second puts it on screen ≈ 8 ms
	// sooner than the default 60, and only changed lines are ever sent.
	opts := []tea.ProgramOption{tea.WithColorProfile(lipgloss.Writer.Profile), tea.WithFPS(120)}
	_, err = tea.NewProgram(r, opts...).Run()
	return err
}
