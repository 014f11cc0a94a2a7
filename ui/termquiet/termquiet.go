// Package termquiet keeps gopy's start from asking tmux about the
// terminal.
//
// lipgloss detects the terminal's colour profile when its package is
// initialised, before main runs, for every gopy command; inside tmux, with
// COLORTERM unset, that runs `tmux info` to learn whether tmux passes true
// colour: a child process costing 3–17 ms at each start on the test
// machine, for a `gopy list --count` as for the interface. gopy draws only
// the 16 basic ANSI colours (kit.NewPalette), which every colour profile
// draws alike, so the answer changes nothing.
//
// This package's init hides $TMUX from that detection, and Restore, first
// thing in main, puts it back. It runs first because Go initialises, among
// the packages whose imports are done, the first by import path (the
// spec's "Package initialization"): this one imports only os, while
// github.com/charmbracelet/colorprofile waits for os/exec, which sorts
// after gopy/. TestNoTmuxInfoAtStart (ui) checks it on the real binary.
package termquiet

import "os"

var tmux string
var hidden bool

func init() {
	tmux, hidden = os.LookupEnv("TMUX")
	if hidden {
		os.Unsetenv("TMUX")
	}
}

// Restore puts $TMUX back as gopy found it.
func Restore() {
	if hidden {
		os.Setenv("TMUX", tmux)
		hidden = false
	}
}
