package ui

import (
	"maps"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"gopy/model"
	"gopy/store"
	"gopy/ui/kit"
)

// dashboard is the first screen: what is overdue or falls due soon, what
// awaits an answer, this month's sessions and reception days. Every figure
// is counted by its own command, so the frame is drawn at once and the
// numbers arrive as they are ready; each opens as a filtered list.
type dashboard struct {
	c      *common
	sid    int
	gen    int
	cursor int
	offset int // first line drawn under the title, when they do not all fit
	figs   model.Dashboard
	loaded [model.NDashParts]bool
	failed [model.NDashParts]bool
	err    error

	// wards: one line per origin ward on a consolidated database; nil on a
	// ward's own. wardsCounted: the wards were counted once, so a reload
	// on a ward's own database only checks for bundles received.
	wards        []wardRow
	wardsCounted bool
}

// dashMsg is one part of the figures, counted by the store.
type dashMsg struct {
	screen, gen int
	part        model.DashPart
	figs        model.Dashboard
	err         error
	next        tea.Cmd // counts the next part (nil: the last)
}

func (m dashMsg) target() int { return m.screen }

// wardRef names an origin ward.
type wardRef struct{ code, name string }

// wardRow is one ward's line: its records, those overdue today, and the
// day its last bundle was received (0: none, such as the database's own
// ward).
type wardRow struct {
	wardRef
	records, overdue int
	lastBundle       model.Date
}

// dashWardsMsg carries the wards' lines; rows is nil on a ward's own
// database.
type dashWardsMsg struct {
	screen, gen int
	rows        []wardRow
	err         error
}

func (m dashWardsMsg) target() int { return m.screen }

// dashItem is one openable line of the dashboard.
type dashItem struct {
	label string
	part  model.DashPart
	value func(f *model.Dashboard) (text string, note string, alarm bool)
	open  func() *listScreen
}

func newDashboard(c *common) *dashboard {
	return &dashboard{c: c, sid: c.newID()}
}

func (d *dashboard) id() int { return d.sid }

func (d *dashboard) Title() string { return d.c.lang.T("tab.dashboard") }

func (d *dashboard) Capturing() bool { return false }

func (d *dashboard) Init() tea.Cmd {
	d.gen++
	d.figs, d.loaded, d.failed = model.Dashboard{}, [model.NDashParts]bool{}, [model.NDashParts]bool{}
	return tea.Batch(d.countWards(), d.countPart(0))
}

// dashOrder is the order the parts are counted in: one after another, on
// one core (the other stays free for the keys the officer types), the
// overdue ones last (they walk the deadline indexes, longest at a million
// records), so most figures show at once.
var dashOrder = func() []model.DashPart {
	last := []model.DashPart{model.DashOverdueFeedback, model.DashOverduePetitions}
	var order []model.DashPart
	for p := range model.NDashParts {
		if !slices.Contains(last, p) {
			order = append(order, p)
		}
	}
	return append(order, last...)
}()

// countPart counts the i-th part of dashOrder; its message carries the
// command for the next part.
func (d *dashboard) countPart(i int) tea.Cmd {
	if i >= len(dashOrder) {
		return nil
	}
	s, sid, gen := d.c.store, d.sid, d.gen
	today := d.c.today()
	st := d.c.settings
	part := dashOrder[i]
	next := d.countPart(i + 1)
	return func() tea.Msg {
		f, err := s.DashboardPart(part, today, &st)
		return dashMsg{screen: sid, gen: gen, part: part, figs: f, err: err, next: next}
	}
}

// countWards counts each origin ward's records and overdue ones. Only a
// consolidated database has wards to show; a ward's own, once counted, is
// counted again only when a bundle has come in since.
func (d *dashboard) countWards() tea.Cmd {
	s, sid, gen, today := d.c.store, d.sid, d.gen, d.c.today()
	own := d.c.settings.WardCode
	ownName := d.c.settings.WardName
	again := !d.wardsCounted || d.wards != nil
	return func() tea.Msg {
		rows, err := wardFigures(s, today, own, ownName, again)
		return dashWardsMsg{screen: sid, gen: gen, rows: rows, err: err}
	}
}

// wardFigures counts each origin ward's records (from the store's per-ward
// counters) and overdue ones (one walk over each kind's open deadlines). It
// returns nil when the database holds only its own ward's records and no
// bundle was received; full false skips the work when no bundle was.
func wardFigures(s *store.Store, today model.Date, own, ownName string, full bool) ([]wardRow, error) {
	infos, err := s.Wards()
	if err != nil || (!full && len(infos) == 0) {
		return nil, err
	}
	totals, err := s.WardTotals()
	if err != nil {
		return nil, err
	}
	if len(infos) == 0 && (len(totals) == 0 || (len(totals) == 1 && totals[own] > 0)) {
		return nil, nil
	}
	overdue := map[string]int{}
	for _, k := range []model.Kind{model.KindFeedback, model.KindPetition} {
		err := s.Each(store.Query{Kind: k, Overdue: true, Today: today}, func(r *model.Row) error {
			overdue[r.Ward]++
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	byCode := map[string]*wardRow{}
	row := func(code string) *wardRow {
		w := byCode[code]
		if w == nil {
			w = &wardRow{wardRef: wardRef{code: code}}
			if code == own {
				w.name = ownName
			}
			byCode[code] = w
		}
		return w
	}
	for code, n := range totals {
		w := row(code)
		w.records = n
		w.overdue = overdue[code]
	}
	for _, in := range infos {
		w := row(in.Ward)
		if in.WardName != "" {
			w.name = in.WardName
		}
		w.lastBundle = model.DateOf(in.ImportedAt)
	}
	if len(byCode) == 0 || (len(byCode) == 1 && byCode[own] != nil) {
		return nil, nil
	}
	out := make([]wardRow, 0, len(byCode))
	for _, code := range slices.Sorted(maps.Keys(byCode)) {
		out = append(out, *byCode[code])
	}
	return out, nil
}

func (d *dashboard) items() []dashItem {
	l := d.c.lang
	today := d.c.today()
	count := func(n func(*model.Dashboard) int) func(*model.Dashboard) (string, string, bool) {
		return func(f *model.Dashboard) (string, string, bool) { return num(l, n(f)), "", false }
	}
	// held of req for one ward: the secretary's periodic days this month
	// against the month's, the chair's weeks met against those judged so
	// far, the conferences this year against the year's. Over several
	// wards, each is judged on its own (as the report's targets are) and
	// the line says how many of them met it.
	target := func(r model.TargetResult, held, req int) (string, string, bool) {
		missed := r.State == model.TargetMissed
		if r.Wards > 1 {
			return num(l, r.WardsMet) + "/" + num(l, r.Wards), l.T("dash.wards_met"), missed
		}
		switch {
		case held >= req && req > 0:
			return num(l, held) + "/" + num(l, req), l.T("dash.met"), false
		case r.Rule == model.RuleDialogueYearly && r.State == model.TargetPending:
			return num(l, held) + "/" + num(l, req), l.T("dash.not_held"), false
		}
		return num(l, held) + "/" + num(l, req), l.T("dash.not_met"), true
	}
	list := func(title string, spec listSpec) func() *listScreen {
		return func() *listScreen { return newList(d.c, spec, title, false) }
	}
	pet, fb, ses := model.KindPetition, model.KindFeedback, model.KindSession
	const dueWindow = model.DueWindow
	due := today.AddDays(dueWindow - 1)
	ms, me := monthStart(today), monthEnd(today)
	ys, ye := model.NewDate(today.Year(), 1, 1), model.NewDate(today.Year(), 12, 31)
	return []dashItem{
		{l.T("dash.overdue_petitions"), model.DashOverduePetitions, func(f *model.Dashboard) (string, string, bool) {
			note := ""
			if f.OverdueUnaccepted > 0 {
				note = l.F("dash.unaccepted", num(l, f.OverdueUnaccepted))
			}
			return num(l, f.OverduePetitions), note, f.OverduePetitions > 0
		}, list(l.T("dash.overdue_petitions"), listSpec{kind: pet, overdue: true})},
		{l.T("dash.overdue_feedback"), model.DashOverdueFeedback, func(f *model.Dashboard) (string, string, bool) {
			return num(l, f.OverdueFeedback), l.F("dash.points", num(l, f.OverduePoints)), f.OverdueFeedback > 0
		}, list(l.T("dash.overdue_feedback"), listSpec{kind: fb, overdue: true})},
		{l.T("dash.overdue_commitments"), model.DashFollowUp, func(f *model.Dashboard) (string, string, bool) {
			return num(l, f.OverdueCommitments), "", f.OverdueCommitments > 0
		}, list(l.T("dash.overdue_commitments"), listSpec{kind: model.KindCommitment, overdue: true})},
		{l.T("dash.overdue_information"), model.DashFollowUp, func(f *model.Dashboard) (string, string, bool) {
			return num(l, f.OverdueInformation), "", f.OverdueInformation > 0
		}, list(l.T("dash.overdue_information"), listSpec{kind: model.KindInformation, overdue: true})},
		{l.F("dash.due_petitions", dueWindow), model.DashDuePetitions, count(func(f *model.Dashboard) int { return f.DuePetitions }),
			list(l.F("dash.due_petitions", dueWindow), listSpec{kind: pet, dueFrom: today, dueTo: due})},
		{l.F("dash.due_feedback", dueWindow), model.DashDueFeedback, count(func(f *model.Dashboard) int { return f.DueFeedback }),
			list(l.F("dash.due_feedback", dueWindow), listSpec{kind: fb, dueFrom: today, dueTo: due})},
		{l.T("dash.awaiting"), model.DashAwaiting, count(func(f *model.Dashboard) int { return f.AwaitingFeedback }),
			list(l.T("dash.awaiting"), listSpec{kind: fb, order: store.DueFirst, open: true})},
		{l.T("dash.sessions_month"), model.DashMonth, count(func(f *model.Dashboard) int { return f.MonthSessions }),
			list(l.T("dash.sessions_month"), listSpec{kind: ses, period: periodCustom, from: ms, to: me})},
		{l.T("dash.secretary_days"), model.DashMonth, func(f *model.Dashboard) (string, string, bool) {
			return target(f.Secretary, f.Secretary.Days, f.Secretary.Per)
		},
			list(l.T("dash.secretary_days"), listSpec{kind: ses, sub: string(model.HostPartySecretary), period: periodCustom, from: ms, to: me})},
		{l.T("dash.chair_days"), model.DashMonth, func(f *model.Dashboard) (string, string, bool) {
			return target(f.Chair, f.Chair.Held, f.Chair.Required)
		},
			list(l.T("dash.chair_days"), listSpec{kind: ses, sub: string(model.HostCommitteeChair), period: periodCustom, from: ms, to: me})},
		{l.F("dash.dialogues_year", today.Year()), model.DashYear, func(f *model.Dashboard) (string, string, bool) {
			return target(f.Dialogues, f.Dialogues.Days, f.Dialogues.Per)
		},
			list(l.F("dash.dialogues_year", today.Year()), listSpec{kind: ses, status: string(model.SessionDialogue), period: periodCustom, from: ys, to: ye})},
	}
}

// groups of the dashboard: item indexes under a heading.
var dashGroups = []struct {
	heading    string
	start, end int
}{
	{"dash.attention", 0, 7},
	{"dash.month", 7, 10},
	{"dash.year", 10, 11},
}

func (d *dashboard) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case dashMsg:
		if msg.gen == d.gen {
			d.loaded[msg.part] = true
			if msg.err != nil {
				d.failed[msg.part], d.err = true, msg.err
			} else {
				d.figs.Set(msg.part, msg.figs)
			}
			d.scroll()
			return msg.next
		}
	case tea.WindowSizeMsg:
		d.scroll()
	case dashWardsMsg:
		if msg.gen == d.gen {
			d.wardsCounted = msg.err == nil
			if msg.err != nil {
				d.err = msg.err
				return nil
			}
			d.wards = msg.rows
			d.cursor = min(d.cursor, len(d.items())+len(d.wards)-1)
			d.scroll()
			var refs []wardRef // nil on a ward's own database
			for _, w := range msg.rows {
				refs = append(refs, w.wardRef)
			}
			return func() tea.Msg { return wardsMsg{refs} }
		}
	case kit.ReloadMsg:
		return d.Init()
	case tea.KeyPressMsg:
		k := d.c.keys
		n := len(d.items()) + len(d.wards)
		switch {
		case key.Matches(msg, k.Down):
			d.cursor = min(d.cursor+1, n-1)
		case key.Matches(msg, k.Up):
			d.cursor = max(d.cursor-1, 0)
		case key.Matches(msg, k.Top, k.PageUp):
			d.cursor = 0
		case key.Matches(msg, k.Bottom, k.PageDown):
			d.cursor = n - 1
		case key.Matches(msg, k.Reload):
			d.err = nil
			return d.Init()
		case key.Matches(msg, k.Open):
			items := d.items()
			if d.cursor >= len(items) {
				w := d.wards[d.cursor-len(items)]
				title := db(w.code) + " · " + d.c.lang.T("list.title.petition")
				return push(newList(d.c, listSpec{kind: model.KindPetition, ward: w.code}, title, false))
			}
			return push(items[d.cursor].open())
		}
		d.scroll()
	}
	return nil
}

// wardsMsg tells the root the origin wards the dashboard counted: the
// shared context is the root's to write (the list filter offers them).
type wardsMsg struct{ wards []wardRef }

func (d *dashboard) ShortHelp() []key.Binding {
	k := d.c.keys
	return []key.Binding{k.Up, k.Down, k.Open, k.Reload}
}

func (d *dashboard) FullHelp() [][]key.Binding {
	k := d.c.keys
	return [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom}, {k.Open, k.Reload}}
}

// View draws the lines from d.offset, which Update keeps on the cursor.
func (d *dashboard) View(w, h int) string {
	l, st := d.c.lang, d.c.st
	lines, _ := d.lines(w)
	if vis := max(h-1, 1); len(lines) > vis {
		off := max(0, min(d.offset, len(lines)-vis))
		lines = lines[off : off+vis]
	}
	title := kit.Spread(st.Title.Render(l.T("tab.dashboard")), st.Muted.Render(l.F("dash.today", d.c.today().String())), w)
	return title + "\n" + strings.Join(lines, "\n")
}

// scroll keeps the cursor's line in view: called when the cursor, the
// figures or the size change, never from View.
func (d *dashboard) scroll() {
	w, h := d.c.body()
	lines, cursorLine := d.lines(w)
	vis := max(h-1, 1)
	if len(lines) <= vis {
		d.offset = 0
		return
	}
	if cursorLine < d.offset {
		d.offset = cursorLine
	}
	if cursorLine >= d.offset+vis {
		d.offset = cursorLine - vis + 1
	}
	if d.cursor == 0 {
		d.offset = 0
	}
	d.offset = max(0, min(d.offset, len(lines)-vis))
}

// lines are the dashboard's lines under its title at width w, and the one
// the cursor is on: they scroll when a consolidated database's wards do
// not all fit.
func (d *dashboard) lines(w int) ([]string, int) {
	l, st := d.c.lang, d.c.st
	today := d.c.today()
	items := d.items()
	labelW := 0
	for _, it := range items {
		labelW = max(labelW, len([]rune(it.label)))
	}
	labelW = min(labelW, w-22)
	var lines []string
	cursorLine := 0
	var b strings.Builder
	for _, g := range dashGroups {
		lines = append(lines, "")
		heading := l.T(g.heading)
		switch g.heading {
		case "dash.month":
			heading = l.F(g.heading, int(today.Month()), today.Year())
		case "dash.year":
			heading = l.F(g.heading, today.Year())
		}
		lines = append(lines, " "+st.Section.Render(heading))
		for i := g.start; i < g.end; i++ {
			it := items[i]
			value, note, alarm := "…", "", false
			if d.failed[it.part] {
				value = "?"
			} else if d.loaded[it.part] {
				value, note, alarm = it.value(&d.figs)
			}
			line := kit.Fill(it.label, labelW) + "  " + kit.FillLeft(value, 9)
			flag := " "
			if alarm {
				flag = "!"
			}
			b.Reset()
			if i == d.cursor {
				cursorLine = len(lines)
				b.WriteString(st.Selected.Render(kit.Fill("> "+line+" "+flag+" "+note, w)))
			} else {
				vs := line
				if alarm {
					vs = kit.Fill(it.label, labelW) + "  " + st.Overdue.Render(kit.FillLeft(value, 9))
				}
				b.WriteString("  " + vs + " ")
				if alarm {
					b.WriteString(st.Overdue.Render(flag))
				} else {
					b.WriteString(flag)
				}
				if note != "" {
					ns := st.OK
					if alarm {
						ns = st.Warn
					}
					b.WriteString(" " + ns.Render(note))
				}
			}
			lines = append(lines, b.String())
		}
	}
	lines = append(lines, "")
	b.Reset()
	if d.loaded[model.DashTotals] && !d.failed[model.DashTotals] {
		t := d.figs.Totals
		b.WriteString(" " + st.Muted.Render(l.F("dash.totals", num(l, t[0]), num(l, t[1]), num(l, t[2]))))
	}
	if d.err != nil {
		b.WriteString("\n " + st.Err.Render(l.F("err.store", db(d.err.Error()))))
	}
	lines = append(lines, strings.Split(b.String(), "\n")...)
	if len(d.wards) > 0 {
		if c := d.wardLines(w, len(items), &lines); c >= 0 {
			cursorLine = c
		}
	}

	return lines, cursorLine
}

// wardLines appends the wards' table (a consolidated database): code,
// name, records, overdue, last bundle received. It returns the line of the
// cursor when the cursor is on a ward (first is the cursor of the first
// ward), else -1.
func (d *dashboard) wardLines(w, first int, lines *[]string) int {
	l, st := d.c.lang, d.c.st
	heads := []string{l.T("dash.ward.code"), l.T("dash.ward.name"), l.T("dash.ward.records"),
		l.T("dash.ward.overdue"), l.T("dash.ward.bundle")}
	cells := make([][5]string, len(d.wards))
	widths := [5]int{}
	for i, h := range heads {
		widths[i] = kit.Width(h)
	}
	for i, wr := range d.wards {
		bundle := "—"
		if wr.lastBundle != 0 {
			bundle = wr.lastBundle.String()
		}
		cells[i] = [5]string{db(wr.code), db(wr.name), num(l, wr.records), num(l, wr.overdue), bundle}
		for j, c := range cells[i] {
			widths[j] = max(widths[j], kit.Width(c))
		}
	}
	// The name takes what is left.
	rest := w - 2 - 2 - 2*4 - widths[0] - widths[2] - widths[3] - widths[4]
	widths[1] = max(min(widths[1], rest), 4)
	row := func(c [5]string) string {
		return kit.Fill(c[0], widths[0]) + "  " + kit.Fill(c[1], widths[1]) + "  " + kit.FillLeft(c[2], widths[2]) + "  " +
			kit.FillLeft(c[3], widths[3]) + "  " + kit.Fill(c[4], widths[4])
	}
	*lines = append(*lines, "", " "+st.Section.Render(l.F("dash.wards", len(d.wards))),
		"  "+st.Label.Render(row([5]string(heads))))
	cursorLine := -1
	for i, c := range cells {
		if first+i == d.cursor {
			cursorLine = len(*lines)
			*lines = append(*lines, st.Selected.Render(kit.Fill("> "+row(c), w)))
			continue
		}
		line := row(c)
		if d.wards[i].overdue > 0 {
			line = kit.Fill(c[0], widths[0]) + "  " + kit.Fill(c[1], widths[1]) + "  " + kit.FillLeft(c[2], widths[2]) + "  " +
				st.Overdue.Render(kit.FillLeft(c[3], widths[3])) + "  " + kit.Fill(c[4], widths[4])
		}
		*lines = append(*lines, "  "+line)
	}
	return cursorLine
}
