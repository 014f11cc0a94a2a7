// Package entry is gopy's data entry: the forms that create and edit
// feedback, sessions and petitions, the small dialogs of the three
// workflows (answer a point, change a petition's status, add a history
// entry, delete), the settings form, and the drafts that keep a form being
// typed safe from a power cut.
//
// Every form is a Screen the root pushes onto its stack. Store calls run in
// commands; a form reports its end with SavedMsg, DeletedMsg,
// SettingsSavedMsg or ClosedMsg, which the root handles (pop, reload).
package entry

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"gopy/model"
	"gopy/store"
	"gopy/ui/i18n"
	"gopy/ui/kit"
)

// Context is what a form needs from the root: the store, the language, the
// ward's settings as they are when the form opens, today's date, and the
// root's styles and keys.
type Context struct {
	Store    *store.Store
	Lang     i18n.Lang
	Settings model.Settings
	// Today is the date "t" types and new records default to; nil means
	// the store's clock.
	Today func() model.Date
	// Styles and Keys are the root's, built once; nil (in tests) means
	// the dark styles and the keys in Lang.
	Styles *kit.Styles
	Keys   *kit.KeyMap
}

func (c *Context) styles() *kit.Styles {
	if c.Styles == nil {
		c.Styles = kit.NewStyles(true)
	}
	return c.Styles
}

func (c *Context) keys() *kit.KeyMap {
	if c.Keys == nil {
		c.Keys = kit.NewKeyMap(c.Lang)
	}
	return c.Keys
}

func (c *Context) today() model.Date {
	if c.Today != nil {
		return c.Today()
	}
	return c.Store.Today()
}

// by signs records and history entries: the signed-in user, never a typed
// name (the officer in Settings only where nobody signs in: tests).
func (c *Context) by() string {
	if u, ok := c.Store.CurrentUser(); ok {
		return u.Name
	}
	return c.Settings.Officer
}

// Screen is a form or dialog: a kit.Screen that may hold unsaved text and
// restyles itself; the root wraps it in a type that adds the id it assigns.
// Capturing is always true: a form holds the keyboard (only ctrl+c
// reaches the root).
type Screen interface {
	kit.Screen
	// Unsaved reports typed text not yet saved: quitting asks first.
	Unsaved() bool
	// Restyle takes the root's styles, rebuilt for the terminal's
	// background.
	Restyle(st *kit.Styles)
	// Resize lays it out for a body of w×h cells (on opening, on a new
	// terminal size): View only draws.
	Resize(w, h int)
	// ID is what the messages of its commands name it by (Targeted).
	ID() int64
}

// Targeted is a message of a form's or dialog's own command: the root
// hands it to the screen whose ID it names, wherever that sits on the
// stacks (a draft tick must reach a form another dialog covers).
type Targeted interface{ FormID() int64 }

// Messages a form ends with. The root pops the form when it sees one.
type (
	// SavedMsg: a record was created or changed (a form or a dialog).
	SavedMsg struct {
		Kind model.Kind
		ID   string
		Ref  string
		// Created is true for a new record (the root may open its detail).
		Created bool
	}
	// DeletedMsg: a record was deleted; the root pops the dialog and the
	// record's detail.
	DeletedMsg struct {
		Kind model.Kind
		ID   string
	}
	// SettingsSavedMsg: the settings were saved; the root takes them (and
	// their language) as its own.
	SettingsSavedMsg struct{ Settings model.Settings }
	// ClosedMsg: the form was cancelled; nothing was saved.
	ClosedMsg struct{}
)

func emit(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }

// draftDelay is how long after the last keystroke a draft is written;
// draftMaxWait bounds how long continuous typing goes unsaved. Ticks come
// draftDelay after each key, so while typing goes on the check runs once
// per key, up to a second apart: a wait of 1.2 s keeps every draft within
// 2 s of the one before (SPEC: at most ~2 s of typing lost).
var (
	draftDelay   = 1000 * time.Millisecond
	draftMaxWait = 1200 * time.Millisecond
)

// SetDraftDelay changes draftDelay and returns the old value: for tests that
// run a form's commands synchronously (the ui package's driver), where each
// key's tick would otherwise sleep its full second in real time. Only the
// wait changes; when a draft is written (the tick of the last key) does not.
func SetDraftDelay(d time.Duration) time.Duration {
	old := draftDelay
	draftDelay = d
	return old
}
