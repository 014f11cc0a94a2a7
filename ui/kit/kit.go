// Package kit is what every screen of gopy's interface shares, kept below
// both ui and ui/entry so that each imports it without an import cycle (as
// soft-serve keeps common/, styles/ and keymap/ below its pages): the one
// palette and set of styles, the one KeyMap with its groups and help
// texts, the text-fitting helpers (Width, Clip, Fill, FillLeft, Spread, Wrap),
// the Screen interface the root's stack holds and the navigation messages.
//
// A key, a style or a way to fit text to a column is defined here once;
// a screen that needs a new one adds it here.
package kit

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Screen is one page of a tab's stack (dashboard, list, detail, form or
// dialog) as the root drives it.
type Screen interface {
	Init() tea.Cmd
	Update(msg tea.Msg) tea.Cmd
	// View draws the body area, exactly w×h cells at most. It changes
	// nothing: layout is computed when the size or data message arrives.
	View(w, h int) string
	// Title names the screen in the breadcrumb.
	Title() string
	// ShortHelp and FullHelp feed the help line and the ? page.
	ShortHelp() []key.Binding
	FullHelp() [][]key.Binding
	// Capturing is true while a text field or a dialog has the keyboard:
	// the root then hands it every key but ctrl+c.
	Capturing() bool
}

// Navigation, returned by screens as messages to the root.
type (
	// PopMsg closes the screen in front.
	PopMsg struct{}
	// ReloadMsg tells every screen the data may have changed.
	ReloadMsg struct{}
	// HelpMsg and QuitMsg are ? and q pressed where a screen that holds
	// the keyboard (a form) does not take them as text: the root shows
	// the full help, or quits (asking first when typing is unsaved).
	HelpMsg struct{}
	QuitMsg struct{}
)
