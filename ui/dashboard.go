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
	stats  [nParts]dashMsg
	err    error

	// wards: one line per origin ward on a consolidated database; nil on a
	// ward's own. wardsCounted: the wards were counted once, so a reload
	// on a ward's own database only checks for bundles received.
	wards        []wardRow
	wardsCounted bool
}

type dashPart int

const (
	partOverduePet dashPart = iota
	partOverdueFb
	partDuePet
	partDueFb
	partAwaiting
	partMonth
	partYear
	partTotals
	nParts
)

// dashMsg is one part's figures; v's meaning depends on the part.
type dashMsg struct {
	screen, gen int
	part        dashPart
	loaded      bool
	v           [6]int
	err         error
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
	part  dashPart
	value func(v *[6]int) (text string, note string, alarm bool)
	open  func() *listScreen
}

func newDashboard(c *common) *dashboard {
	return &dashboard{c: c, sid: c.newID()}
}

func (d *dashboard) id() int { return d.sid }

func (d *dashboard) Title() string { return d.c.lang.T("tab.dashboard") }

func (d *dashboard) Capturing() bool { return false }

const dueWindow = 7 // "falls due soon": today and the next six days

func (d *dashboard) Init() tea.Cmd {
	d.gen++
	d.stats = [nParts]dashMsg{}
	s, sid, gen := d.c.store, d.sid, d.gen
	today := d.c.today()
	st := d.c.settings
	run := func(part dashPart, f func() ([6]int, error)) tea.Cmd {
		return func() tea.Msg {
			v, err := f()
			return dashMsg{screen: sid, gen: gen, part: part, loaded: true, v: v, err: err}
		}
	}
	one := func(n int, err error) ([6]int, error) { return [6]int{n}, err }
	return tea.Batch(
		run(partOverduePet, func() ([6]int, error) {
			return one(s.Count(store.Query{Kind: model.KindPetition, Overdue: true, Today: today}))
		}),
		run(partOverdueFb, func() ([6]int, error) { return overdueFeedback(s, today) }),
		run(partDuePet, func() ([6]int, error) {
			return one(s.CountDueRange(store.Query{Kind: model.KindPetition}, today, today.AddDays(dueWindow-1)))
		}),
		run(partDueFb, func() ([6]int, error) {
			return one(s.CountDueRange(store.Query{Kind: model.KindFeedback}, today, today.AddDays(dueWindow-1)))
		}),
		run(partAwaiting, func() ([6]int, error) {
			return one(s.Count(store.Query{Kind: model.KindFeedback, Order: store.DueFirst}))
		}),
		run(partMonth, func() ([6]int, error) { return monthSessions(s, &st, today) }),
		run(partYear, func() ([6]int, error) { return yearDialogues(s, &st, today) }),
		d.countWards(),
		run(partTotals, func() ([6]int, error) {
			var v [6]int
			for i, k := range model.Kinds {
				n, err := s.Total(k)
				if err != nil {
					return v, err
				}
				v[i] = n
			}
			return v, nil
		}),
	)
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

// overdueFeedback counts overdue feedback and their pending points.
func overdueFeedback(s *store.Store, today model.Date) ([6]int, error) {
	var v [6]int
	err := eachPaged(s, store.Query{Kind: model.KindFeedback, Overdue: true, Today: today}, func(r *model.Row) {
		v[0]++
		v[1] += r.Points[0]
	})
	return v, err
}

// eachPaged calls fn for every row matching q, a page of a thousand per
// read transaction, so a long walk never holds one open.
func eachPaged(s *store.Store, q store.Query, fn func(*model.Row)) error {
	const n = 1000
	var after []byte
	for {
		page, err := s.Page(q, after, n, false)
		if err != nil {
			return err
		}
		for i := range page {
			fn(&page[i].Row)
		}
		if len(page) < n {
			return nil
		}
		after = page[len(page)-1].Key
	}
}

// monthSessions: sessions this month, and reception days held against
// required for the party secretary and the committee chair, counted as the
// report counts them over the whole month.
func monthSessions(s *store.Store, st *model.Settings, today model.Date) ([6]int, error) {
	p := model.Period{From: monthStart(today), To: monthEnd(today)}
	agg := model.NewAggregator(p, p.To, st)
	err := s.ScanRows(model.KindSession, p.From, p.To, func(r *model.Row) error {
		agg.Add(r)
		return nil
	})
	f := agg.Result().Sessions
	t := f.Targets
	return [6]int{f.Total, t.Secretary.Held, t.Secretary.Required, t.Chair.Held, t.Chair.Required}, err
}

// yearDialogues: dialogue conferences held this year against required.
func yearDialogues(s *store.Store, st *model.Settings, today model.Date) ([6]int, error) {
	p := model.Period{From: model.NewDate(today.Year(), 1, 1), To: model.NewDate(today.Year(), 12, 31)}
	agg := model.NewAggregator(p, p.To, st)
	q := store.Query{Kind: model.KindSession, Status: string(model.SessionDialogue), From: p.From, To: p.To}
	if err := eachPaged(s, q, agg.Add); err != nil {
		return [6]int{}, err
	}
	t := agg.Result().Sessions.Targets.Dialogue
	return [6]int{t.Held, t.Required}, nil
}

func (d *dashboard) items() []dashItem {
	l := d.c.lang
	today := d.c.today()
	count := func(v *[6]int) (string, string, bool) { return num(l, v[0]), "", false }
	alarm := func(v *[6]int) (string, string, bool) { return num(l, v[0]), "", v[0] > 0 }
	target := func(held, req int) (string, string, bool) {
		note := l.T("dash.met")
		if held < req {
			note = l.T("dash.not_met")
		}
		return num(l, held) + "/" + num(l, req), note, held < req
	}
	list := func(title string, spec listSpec) func() *listScreen {
		return func() *listScreen { return newList(d.c, spec, title, false) }
	}
	pet, fb, ses := model.KindPetition, model.KindFeedback, model.KindSession
	due := today.AddDays(dueWindow - 1)
	ms, me := monthStart(today), monthEnd(today)
	ys, ye := model.NewDate(today.Year(), 1, 1), model.NewDate(today.Year(), 12, 31)
	return []dashItem{
		{l.T("dash.overdue_petitions"), partOverduePet, alarm,
			list(l.T("dash.overdue_petitions"), listSpec{kind: pet, overdue: true})},
		{l.T("dash.overdue_feedback"), partOverdueFb, func(v *[6]int) (string, string, bool) {
			return num(l, v[0]), l.F("dash.points", num(l, v[1])), v[0] > 0
		}, list(l.T("dash.overdue_feedback"), listSpec{kind: fb, overdue: true})},
		{l.F("dash.due_petitions", dueWindow), partDuePet, count,
			list(l.F("dash.due_petitions", dueWindow), listSpec{kind: pet, dueFrom: today, dueTo: due})},
		{l.F("dash.due_feedback", dueWindow), partDueFb, count,
			list(l.F("dash.due_feedback", dueWindow), listSpec{kind: fb, dueFrom: today, dueTo: due})},
		{l.T("dash.awaiting"), partAwaiting, count,
			list(l.T("dash.awaiting"), listSpec{kind: fb, order: store.DueFirst})},
		{l.T("dash.sessions_month"), partMonth, count,
			list(l.T("dash.sessions_month"), listSpec{kind: ses, period: periodCustom, from: ms, to: me})},
		{l.T("dash.secretary_days"), partMonth, func(v *[6]int) (string, string, bool) { return target(v[1], v[2]) },
			list(l.T("dash.secretary_days"), listSpec{kind: ses, sub: string(model.HostPartySecretary), period: periodCustom, from: ms, to: me})},
		{l.T("dash.chair_days"), partMonth, func(v *[6]int) (string, string, bool) { return target(v[3], v[4]) },
			list(l.T("dash.chair_days"), listSpec{kind: ses, sub: string(model.HostCommitteeChair), period: periodCustom, from: ms, to: me})},
		{l.F("dash.dialogues_year", today.Year()), partYear, func(v *[6]int) (string, string, bool) { return target(v[0], v[1]) },
			list(l.F("dash.dialogues_year", today.Year()), listSpec{kind: ses, status: string(model.SessionDialogue), period: periodCustom, from: ys, to: ye})},
	}
}

// groups of the dashboard: item indexes under a heading.
var dashGroups = []struct {
	heading    string
	start, end int
}{
	{"dash.attention", 0, 5},
	{"dash.month", 5, 8},
	{"dash.year", 8, 9},
}

func (d *dashboard) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case dashMsg:
		if msg.gen == d.gen {
			d.stats[msg.part] = msg
			if msg.err != nil {
				d.err = msg.err
			}
		}
	case dashWardsMsg:
		if msg.gen == d.gen {
			d.wardsCounted = msg.err == nil
			if msg.err != nil {
				d.err = msg.err
				return nil
			}
			d.wards = msg.rows
			d.c.wards = nil
			for _, w := range msg.rows {
				d.c.wards = append(d.c.wards, w.wardRef)
			}
			d.cursor = min(d.cursor, len(d.items())+len(d.wards)-1)
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
	}
	return nil
}

func (d *dashboard) ShortHelp() []key.Binding {
	k := d.c.keys
	return []key.Binding{k.Up, k.Down, k.Open, k.Reload}
}

func (d *dashboard) FullHelp() [][]key.Binding {
	k := d.c.keys
	return [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom}, {k.Open, k.Reload}}
}

func (d *dashboard) View(w, h int) string {
	l, st := d.c.lang, d.c.st
	today := d.c.today()
	items := d.items()
	labelW := 0
	for _, it := range items {
		labelW = max(labelW, len([]rune(it.label)))
	}
	labelW = min(labelW, w-22)
	// The lines under the title, and which one the cursor is on: they
	// scroll when a consolidated database's wards do not all fit.
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
			s := &d.stats[it.part]
			value, note, alarm := "…", "", false
			if s.loaded && s.err == nil {
				value, note, alarm = it.value(&s.v)
			} else if s.err != nil {
				value = "?"
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
	tot := &d.stats[partTotals]
	if tot.loaded && tot.err == nil {
		b.WriteString(" " + st.Muted.Render(l.F("dash.totals", num(l, tot.v[0]), num(l, tot.v[1]), num(l, tot.v[2]))))
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

	vis := max(h-1, 1)
	if len(lines) <= vis {
		d.offset = 0
	} else {
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
		lines = lines[d.offset : d.offset+vis]
	}
	title := kit.Spread(st.Title.Render(l.T("tab.dashboard")), st.Muted.Render(l.F("dash.today", today.String())), w)
	return title + "\n" + strings.Join(lines, "\n")
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
