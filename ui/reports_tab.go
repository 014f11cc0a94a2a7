package ui

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"gopy/model"
	"gopy/store"
	"gopy/ui/entry"
	"gopy/ui/kit"
	"gopy/ui/report"
)

// reportsTab is the Reports tab: a period chosen by one key (or typed),
// the report's figures as tables and bars by section, enter on a figure to
// open the records behind it, e to export the report or the reception
// register. The report is built by a command, one at a time: a period
// chosen while one is being computed is computed next, and what comes back
// for an older period is dropped, so keys never wait.
type reportsTab struct {
	c   *common
	sid int

	started bool
	period  model.Period
	gen     int  // the period asked for last
	running bool // a build runs
	queued  bool // another period was chosen meanwhile
	doc     *report.Doc
	docGen  int
	err     error

	section repSection
	lay     *repLayout
	layouts map[repSection]*repLayout // of doc, laid out once each
	cursor  int
	offset  int
	flash   string
	flashOK bool

	typing   bool // the typed period field has the keys
	input    textinput.Model
	inputErr string

	export *exportDialog
}

// reportMsg is a finished build.
type reportMsg struct {
	screen, gen int
	doc         report.Doc
	err         error
}

func (m reportMsg) target() int { return m.screen }

func newReportsTab(c *common) *reportsTab {
	return &reportsTab{c: c, sid: c.newID()}
}

func (r *reportsTab) id() int { return r.sid }

func (r *reportsTab) Title() string { return r.c.lang.T("tab.reports") }

func (r *reportsTab) Capturing() bool { return r.typing || r.export != nil }

func (r *reportsTab) keys() *kit.ReportKeys { return &r.c.keys.Report }

// Init builds the current quarter's report, the default of `gopy report`.
func (r *reportsTab) Init() tea.Cmd {
	r.started = true
	if r.period == (model.Period{}) {
		r.period = model.CurrentQuarter(r.c.today())
	}
	return r.build()
}

// build asks for the report of r.period.
func (r *reportsTab) build() tea.Cmd {
	r.gen++
	return r.start()
}

// start runs the build of the period asked for last, unless one runs: the
// newest is then started when that one comes back.
func (r *reportsTab) start() tea.Cmd {
	if r.running {
		r.queued = true
		return nil
	}
	r.running, r.queued = true, false
	s, sid, gen, p, today := r.c.store, r.sid, r.gen, r.period, r.c.today()
	return func() tea.Msg {
		doc, err := buildReport(s, p, today)
		return reportMsg{screen: sid, gen: gen, doc: doc, err: err}
	}
}

// buildReport counts by ward always: one pass gives both the total and the
// wards, and a ward's own database simply has one.
func buildReport(s *store.Store, p model.Period, today model.Date) (report.Doc, error) {
	return report.Build(s, p, today, true)
}

func (r *reportsTab) setPeriod(p model.Period) tea.Cmd {
	if p == r.period && r.doc != nil && r.err == nil {
		return nil
	}
	r.period = p
	r.cursor, r.offset = 0, 0
	return r.build()
}

func (r *reportsTab) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case reportMsg:
		r.running = false
		if msg.gen != r.gen {
			if r.queued {
				return r.start()
			}
			return nil
		}
		r.err = msg.err
		if msg.err == nil {
			doc := msg.doc
			doc.Lang = r.c.lang
			r.doc, r.docGen = &doc, msg.gen
			r.layouts = nil
			r.relayout()
		}
		return nil
	case exportMsg:
		if r.export != nil {
			return r.export.done(msg)
		}
		return nil
	case documentMsg:
		if msg.err != nil {
			r.flash, r.flashOK = r.c.lang.F("err.store", db(msg.err.Error())), false
			return nil
		}
		ctx := r.c.entryContext()
		if msg.send {
			return openEntry(r.c, entry.SendReport(ctx, msg.state.Period, msg.state.Profiles))
		}
		return openEntry(r.c, entry.EditNarrative(ctx, msg.state))
	case exportClosedMsg:
		r.export = nil
		if msg.written != "" {
			r.flash, r.flashOK = r.c.lang.F("reports.written", db(msg.written)), true
		}
		return nil
	case tea.WindowSizeMsg:
		if r.export != nil {
			r.export.resize()
		}
		r.scrollToCursor()
		return nil
	case kit.ReloadMsg:
		if r.started {
			return r.build()
		}
		return nil
	case restyleMsg:
		r.input.SetStyles(r.c.st.Input)
		if r.export != nil {
			r.export.input.SetStyles(r.c.st.Input)
		}
		return nil
	case tea.KeyPressMsg:
		r.flash = ""
		switch {
		case r.export != nil:
			return r.export.Update(msg)
		case r.typing:
			return r.typedKey(msg)
		}
		return r.key(msg)
	}
	switch {
	case r.export != nil:
		return r.export.typed(msg)
	case r.typing:
		return updateInput(&r.input, msg)
	}
	return nil
}

// relayout lays the shown section out again (a new report, another
// section).
func (r *reportsTab) relayout() {
	secs := r.sections()
	if int(r.section) >= len(secs) {
		r.section = secs[len(secs)-1]
	}
	lay := r.layouts[r.section]
	if lay == nil {
		l := r.layout(r.section)
		lay = &l
		if r.layouts == nil {
			r.layouts = map[repSection]*repLayout{}
		}
		r.layouts[r.section] = lay
	}
	r.lay = lay
	r.cursor = min(r.cursor, len(lay.rows)-1)
	if r.cursor < 0 || !lay.rows[r.cursor].selectable() {
		r.cursor = r.nextSelectable(-1, 1)
	}
	r.scrollToCursor()
}

func (r *reportsTab) key(msg tea.KeyPressMsg) tea.Cmd {
	k, rk := r.c.keys, r.keys()
	today := r.c.today()
	for id, b := range rk.Presets {
		if key.Matches(msg, b) {
			return r.setPeriod(presetPeriod(presetID(id), today))
		}
	}
	switch {
	case key.Matches(msg, rk.Typed):
		r.typing, r.inputErr = true, ""
		if r.input.Prompt == "" {
			r.input = newInput(r.c.st, r.c.lang.T("reports.typed_prompt")+" ", r.c.lang.T("reports.typed_placeholder"), 40)
		}
		w, _ := r.c.body()
		r.input.SetWidth(max(w-kit.Width(r.input.Prompt)-3, 10))
		r.input.SetValue("")
		return r.input.Focus()
	case key.Matches(msg, rk.Earlier, rk.Later):
		dir := 1
		if key.Matches(msg, rk.Earlier) {
			dir = -1
		}
		if p, ok := shiftPeriod(r.period, dir); ok {
			return r.setPeriod(p)
		}
	case key.Matches(msg, rk.PrevSection, rk.NextSection):
		secs := r.sections()
		i := 0
		for j, s := range secs {
			if s == r.section {
				i = j
			}
		}
		d := 1
		if key.Matches(msg, rk.PrevSection) {
			d = -1
		}
		r.section = secs[(i+d+len(secs))%len(secs)]
		r.cursor, r.offset = 0, 0
		if r.doc != nil {
			r.relayout()
		}
	case key.Matches(msg, rk.Export):
		if r.doc == nil || r.docGen != r.gen {
			r.flash = r.c.lang.T("reports.wait")
			return nil
		}
		r.export = newExportDialog(r)
		return r.export.input.Focus()
	case key.Matches(msg, rk.Narrative, rk.Send):
		if r.doc == nil || r.docGen != r.gen {
			r.flash = r.c.lang.T("reports.wait")
			return nil
		}
		return r.openDocument(key.Matches(msg, rk.Send))
	case key.Matches(msg, k.Reload):
		r.err = nil
		return r.build()
	case key.Matches(msg, k.Down):
		r.move(1)
	case key.Matches(msg, k.Up):
		r.move(-1)
	case key.Matches(msg, k.PageDown):
		r.move(r.visible())
	case key.Matches(msg, k.PageUp):
		r.move(-r.visible())
	case key.Matches(msg, k.Top):
		r.cursor, r.offset = r.nextSelectable(-1, 1), 0
		r.scrollToCursor()
	case key.Matches(msg, k.Bottom):
		if r.lay != nil {
			r.cursor = r.nextSelectable(len(r.lay.rows), -1)
			r.scrollToCursor()
		}
	case key.Matches(msg, k.Open):
		return r.open()
	}
	return nil
}

// typedKey handles a key while the typed period field has focus: enter
// reads it (an error shows beside it, the text stays), esc gives up.
func (r *reportsTab) typedKey(msg tea.KeyPressMsg) tea.Cmd {
	k, rk := r.c.keys, r.keys()
	switch {
	case key.Matches(msg, k.Cancel):
		r.typing = false
		r.input.Blur()
		return nil
	case key.Matches(msg, rk.ApplyTyped):
		v := model.NFC(r.input.Value())
		if v == "" {
			r.typing = false
			r.input.Blur()
			return nil
		}
		p, err := model.ParsePeriod(v)
		if err != nil {
			r.inputErr = periodError(r.c.lang, err)
			return nil
		}
		r.typing = false
		r.input.Blur()
		return r.setPeriod(p)
	}
	r.inputErr = ""
	return updateInput(&r.input, msg)
}

func (r *reportsTab) open() tea.Cmd {
	if !r.ready() || r.cursor < 0 {
		return nil
	}
	row := &r.lay.rows[r.cursor]
	switch {
	case row.kind == rowOverdue:
		e := &r.doc.Report.Petitions.OverdueList[row.od]
		return push(newDetail(r.c, model.KindPetition, e.ID, e.Ref))
	case row.open == nil:
		r.flash = r.c.lang.T("reports.not_openable")
		return nil
	}
	return push(row.open())
}

// ready: the figures shown are the period's.
func (r *reportsTab) ready() bool {
	return r.doc != nil && r.lay != nil && r.docGen == r.gen && r.err == nil
}

func (r *reportsTab) nextSelectable(from, dir int) int {
	if r.lay == nil {
		return -1
	}
	for i := from + dir; i >= 0 && i < len(r.lay.rows); i += dir {
		if r.lay.rows[i].selectable() {
			return i
		}
	}
	return -1
}

// move goes n selectable lines down (up when negative), stopping at the
// ends.
func (r *reportsTab) move(n int) {
	if r.lay == nil || r.cursor < 0 {
		return
	}
	dir := 1
	if n < 0 {
		dir, n = -1, -n
	}
	for ; n > 0; n-- {
		next := r.nextSelectable(r.cursor, dir)
		if next < 0 {
			break
		}
		r.cursor = next
	}
	r.scrollToCursor()
}

// scrollToCursor keeps the cursor's line in view, and the headings above
// it when there is room.
func (r *reportsTab) scrollToCursor() {
	if r.lay == nil {
		return
	}
	vis := r.visible()
	if r.cursor < 0 {
		r.offset = 0
		return
	}
	if r.cursor < r.offset {
		r.offset = r.cursor
	}
	if r.cursor >= r.offset+vis {
		r.offset = r.cursor - vis + 1
	}
	for r.offset > 0 && !r.lay.rows[r.offset-1].selectable() && r.cursor-(r.offset-1) < vis {
		r.offset--
	}
	if r.nextSelectable(r.cursor, -1) < 0 {
		r.offset = 0
	}
	r.offset = max(0, min(r.offset, len(r.lay.rows)-vis))
}

func (r *reportsTab) ShortHelp() []key.Binding {
	k, rk := r.c.keys, r.keys()
	switch {
	case r.export != nil:
		return r.export.help()
	case r.typing:
		return []key.Binding{rk.ApplyTyped, k.Cancel}
	}
	return []key.Binding{k.Open, rk.Export, rk.Typed, rk.Earlier, rk.Later, rk.NextSection}
}

func (r *reportsTab) FullHelp() [][]key.Binding {
	k, rk := r.c.keys, r.keys()
	// The keys of this screen first: the moves every screen shares come
	// last, where a short terminal cuts the page.
	return [][]key.Binding{
		{k.Open, rk.Export, rk.Narrative, rk.Send, rk.Typed, rk.Earlier, rk.Later, rk.PrevSection, rk.NextSection},
		rk.Presets[:],
		{k.Reload, k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown},
	}
}

// documentMsg brings what the narrative form or the send dialog opens on,
// read in a command.
type documentMsg struct {
	screen int
	send   bool
	state  entry.NarrativeState
	err    error
}

func (m documentMsg) target() int { return m.screen }

// openDocument reads the profiles (and for the narrative, each one's text
// for the period) and then opens the form.
func (r *reportsTab) openDocument(send bool) tea.Cmd {
	s, sid, l := r.c.store, r.sid, r.c.lang
	rep := r.doc.Report
	return func() tea.Msg {
		st, err := entry.LoadNarratives(s, &rep, l)
		return documentMsg{screen: sid, send: send, state: st, err: err}
	}
}
