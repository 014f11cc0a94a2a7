package ui

import (
	tea "charm.land/bubbletea/v2"

	"gopy/model"
	"gopy/store"
	"gopy/ui/i18n"
	"gopy/ui/kit"
)

// common is the small context every screen shares (soft-serve's
// common.Common): size, styles, keys, store, language and the ward's
// settings. Screens read it; only the root writes it.
type common struct {
	store    *store.Store
	lang     i18n.Lang
	keys     *kit.KeyMap
	st       *kit.Styles
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

// screen is a kit.Screen on a tab's stack, with the id the root assigned
// it; async results come back as messages carrying that id (see targeted).
type screen interface {
	kit.Screen
	id() int
}

// unsaved is implemented by screens holding typed text not yet saved
// (forms): quitting asks first.
type unsaved interface{ Unsaved() bool }

// targeted messages are results of a screen's own commands.
type targeted interface{ target() int }

// pushMsg asks the root to put a screen on the current tab's stack.
type pushMsg struct{ s screen }

func push(s screen) tea.Cmd { return func() tea.Msg { return pushMsg{s} } }
func pop() tea.Msg          { return kit.PopMsg{} }
