package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"gopy/model"
)

// reportsTab holds the Reports tab's place until the report screens come
// (issue 5); it says how to get the figures meanwhile.
type reportsTab struct {
	c   *common
	sid int
}

func newReportsTab(c *common) *reportsTab { return &reportsTab{c: c, sid: c.newID()} }

func (r *reportsTab) id() int                   { return r.sid }
func (r *reportsTab) Init() tea.Cmd             { return nil }
func (r *reportsTab) Update(tea.Msg) tea.Cmd    { return nil }
func (r *reportsTab) Title() string             { return r.c.lang.T("tab.reports") }
func (r *reportsTab) Capturing() bool           { return false }
func (r *reportsTab) ShortHelp() []key.Binding  { return nil }
func (r *reportsTab) FullHelp() [][]key.Binding { return nil }

func (r *reportsTab) View(w, h int) string {
	l, st := r.c.lang, r.c.st
	out := spread(st.title.Render(r.Title()), "", w) + "\n\n"
	for _, ln := range wrap(l.T("reports.soon"), w-2) {
		out += " " + ln + "\n"
	}
	return out + "\n " + st.bold.Render("gopy report --period "+model.CurrentQuarter(r.c.today()).String())
}
