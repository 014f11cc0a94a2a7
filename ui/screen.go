package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"gopy/model"
	"gopy/store"
	"gopy/ui/i18n"
)

// common is the small context every screen shares (soft-serve's
// common.Common): size, styles, keys, store, language and the ward's
// settings. Screens read it; only the root writes it.
type common struct {
	store    *store.Store
	lang     i18n.Lang
	keys     *keyMap
	st       *styles
	settings model.Settings
	// settingsGen counts changes of settings, so views built from them
	// know when to lay out again.
	settingsGen int
	today       func() model.Date
	// wards are the origin wards of a consolidated database (records of
	// several wards, or bundles received), as the dashboard last counted
	// them; nil on a ward's own database. The list filter offers them.
	wards []wardRef

	width, height int // the whole terminal
	nextID        int
}

// body is the size left for a screen between the header and the help line.
func (c *common) body() (w, h int) {
	return max(c.width, 20), max(c.height-headerLines-footerLines, 3)
}

func (c *common) newID() int {
	c.nextID++
	return c.nextID
}

// screen is one page of a tab's stack: the dashboard, a list, a detail, and
// later a form. Screens are pointers updated in place; async results come
// back as messages carrying the screen's id (see targeted).
type screen interface {
	id() int
	Init() tea.Cmd
	Update(msg tea.Msg) tea.Cmd
	// View draws the body area, exactly w×h cells.
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

// unsaved is implemented by screens holding typed text not yet saved
// (forms): quitting asks first.
type unsaved interface{ Unsaved() bool }

// targeted messages are results of a screen's own commands.
type targeted interface{ target() int }

// Navigation requests, returned by screens as commands.
type (
	pushMsg struct{ s screen }
	popMsg  struct{}
	// reloadMsg tells every screen the data may have changed.
	reloadMsg struct{}
)

func push(s screen) tea.Cmd { return func() tea.Msg { return pushMsg{s} } }
func pop() tea.Msg          { return popMsg{} }
