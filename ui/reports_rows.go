package ui

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"gopy/model"
	"gopy/store"
	"gopy/ui/i18n"
	"gopy/ui/kit"
	"gopy/ui/report"
)

// The Reports tab lays a model.Report out as lines: headings, figures
// (label … value), bars (a tally by value, drawn as a bar where comparing
// reads better than numbers), and tables (the overdue list, the wards).
// Labels are the catalog's report.* texts, the same the exported files
// carry, so the screen and the file say the same thing. A line that counts
// records a list can show opens that list, filtered the same way.

type repSection int

const (
	secFeedback repSection = iota
	secSessions
	secPetitions
	secOverdue
	secWards
	secFollow // commitments, information owed, assessments (reports_follow.go)
)

type rowKind int

const (
	rowBlank rowKind = iota
	rowHeading
	rowNote    // a muted line ("none")
	rowHead    // a table's or bar chart's column names
	rowFigure  // label … value, a note
	rowBar     // label, bar, tallies, share
	rowCells   // a table row
	rowOverdue // one entry of the overdue list, formatted when drawn
)

type repRow struct {
	kind  rowKind
	label string
	value string
	note  string
	alarm bool
	total bool   // a table's total line
	key   string // rowBar: the stored value (its colour)

	nums  []int     // rowBar: the tallies
	bars  *barTable // rowBar, rowHead of a chart
	cells []string  // rowCells, rowHead of a table
	table *cellTable
	od    int // rowOverdue: index in the report's overdue list

	// open makes the screen behind the line: a list filtered as the figure
	// counts. nil when no list can show it; an overdue petition opens as
	// its detail.
	open func() screen
}

func (r *repRow) openable() bool { return r.open != nil || r.kind == rowOverdue }

func (r *repRow) selectable() bool {
	return r.kind == rowFigure || r.kind == rowBar || r.kind == rowCells || r.kind == rowOverdue
}

// barTable is what the lines of one chart share: the widest label, the
// largest tally (the longest bar) and the total (for the shares).
type barTable struct {
	heads  []string // the tallies' names (two or more tallies only)
	labelW int
	numW   []int
	max    int
	sum    int
}

// cellTable is what the lines of one table share: column names, the
// widest cell of each column, alignment, and the one column that gives up
// width first (down to minFlex) when the terminal is narrow.
type cellTable struct {
	heads   []string
	content []int
	right   []bool
	flex    int
	minFlex int
	// wardCol: the overdue list has a ward column (a consolidated report).
	wardCol bool

	fitW   int // the width fitted last, and its column widths
	fitted []int
}

// fit gives each column its width in w cells: its widest cell or its
// name; when that is too wide, the flexible column narrows first, then
// the columns whose names are wider than their cells (the names are
// clipped), widest first.
func (t *cellTable) fit(w int) []int {
	if t.fitted != nil && t.fitW == w {
		return t.fitted
	}
	ws := make([]int, len(t.heads))
	total := 2 * (len(ws) - 1)
	for i := range ws {
		ws[i] = max(t.content[i], kit.Width(t.heads[i]))
		total += ws[i]
	}
	if over := total - w; over > 0 && t.flex >= 0 {
		cut := min(over, max(ws[t.flex]-t.minFlex, 0))
		ws[t.flex] -= cut
		total -= cut
	}
	for total > w {
		widest, gain := -1, 0
		for i := range ws {
			if g := ws[i] - max(t.content[i], 4); g > gain && i != t.flex {
				widest, gain = i, g
			}
		}
		if widest < 0 {
			break
		}
		ws[widest]--
		total--
	}
	t.fitW, t.fitted = w, ws
	return ws
}

// repLayout is a section's lines, with what its figure lines share.
type repLayout struct {
	rows   []repRow
	labelW int // widest figure label
	valueW int
	noteW  int
}

// wardsShown reports whether the report holds other wards than the
// database's own: a consolidated database. A ward's own report shows
// nothing of wards.
func wardsShown(rep *model.Report, own string) bool {
	return len(rep.Wards) > 1 || (len(rep.Wards) == 1 && rep.Wards[0].Ward != own)
}

// sections lists the sections the report has.
func (r *reportsTab) sections() []repSection {
	out := []repSection{secFeedback, secSessions, secPetitions, secOverdue}
	if r.doc != nil && wardsShown(&r.doc.Report, r.doc.Settings.WardCode) {
		out = append(out, secWards)
	}
	out = append(out, secFollow)
	return out
}

func (r *reportsTab) sectionName(s repSection) string {
	l := r.c.lang
	switch s {
	case secSessions:
		return l.T("reports.sec.sessions")
	case secPetitions:
		return l.T("reports.sec.petitions")
	case secOverdue:
		n := ""
		if r.doc != nil {
			n = " (" + num(l, len(r.doc.Report.Petitions.OverdueList)) + ")"
		}
		return l.T("reports.sec.overdue") + n
	case secWards:
		return l.T("reports.sec.wards")
	case secFollow:
		return l.T("reports.sec.follow")
	}
	return l.T("reports.sec.feedback")
}

// layoutBuilder appends lines for one section.
type layoutBuilder struct {
	r   *reportsTab
	l   i18n.Lang
	p   model.Period
	out repLayout
}

func (b *layoutBuilder) add(row repRow) { b.out.rows = append(b.out.rows, row) }

func (b *layoutBuilder) heading(key string) {
	if len(b.out.rows) > 0 {
		b.add(repRow{kind: rowBlank})
	}
	b.add(repRow{kind: rowHeading, label: b.l.T(key)})
}

// list opens a list of the period's records as spec filters them, under
// title.
func (b *layoutBuilder) list(title string, spec listSpec) func() screen {
	c, p := b.r.c, b.p
	spec.period, spec.from, spec.to = periodCustom, p.From, p.To
	return func() screen { return newList(c, spec, title, false) }
}

func (b *layoutBuilder) figure(label, value string, open func() screen) {
	b.add(repRow{kind: rowFigure, label: label, value: value, open: open})
	b.out.labelW = max(b.out.labelW, kit.Width(label))
	b.out.valueW = max(b.out.valueW, kit.Width(value))
}

// target shows intervals met of those judged (weeks, months, years) and
// the state; a missed interval raises the alarm.
func (b *layoutBuilder) target(label string, t model.TargetResult, open func() screen) {
	note, alarm := report.TargetState(b.l, t), t.State == model.TargetMissed
	value := num(b.l, t.Held) + "/" + num(b.l, t.Required)
	b.add(repRow{kind: rowFigure, label: label, value: value, note: note, alarm: alarm, open: open})
	b.out.labelW = max(b.out.labelW, kit.Width(label))
	b.out.valueW = max(b.out.valueW, kit.Width(value))
	b.out.noteW = max(b.out.noteW, kit.Width(note))
}

// chart lays out a tally by enum value as bars, with a total line. open
// gives the list behind one value ("" for the total); nil when none.
func (b *layoutBuilder) chart(titleKey, group string, headKeys []string, open func(value, label string) func() screen, tallies ...model.Counts) {
	b.heading(titleKey)
	bt := &barTable{}
	if len(tallies) > 1 {
		for _, k := range headKeys {
			bt.heads = append(bt.heads, b.l.T(k))
		}
		b.add(repRow{kind: rowHead, bars: bt})
	}
	bt.numW = make([]int, len(tallies))
	for i, t := range tallies {
		bt.numW[i] = kit.Width(num(b.l, t.Sum()))
		if i < len(bt.heads) {
			bt.numW[i] = max(bt.numW[i], kit.Width(bt.heads[i]))
		}
	}
	bt.sum = tallies[0].Sum()
	for i, c := range tallies[0] {
		label := b.l.Enum(group, c.Key)
		if label == c.Key {
			label = db(label) // a value from a newer gopy or an import
		}
		nums := make([]int, len(tallies))
		for j, t := range tallies {
			nums[j] = t[i].N
		}
		bt.max = max(bt.max, c.N)
		bt.labelW = max(bt.labelW, kit.Width(label))
		row := repRow{kind: rowBar, label: label, key: c.Key, nums: nums, bars: bt}
		if open != nil {
			row.open = open(c.Key, label)
		}
		b.add(row)
	}
	total := repRow{kind: rowBar, label: b.l.T("report.total"), bars: bt, total: true}
	for _, t := range tallies {
		total.nums = append(total.nums, t.Sum())
	}
	if open != nil {
		total.open = open("", "")
	}
	bt.labelW = max(bt.labelW, kit.Width(total.label))
	b.add(total)
}

// rate and decimal format a share and a median as the exports do:
// one decimal, the language's decimal mark; a dash when there is none.
func rate(l i18n.Lang, p *float64) string {
	if p == nil {
		return "—"
	}
	return decimal(l, *p*100, 'f', 1) + "%"
}

func median(l i18n.Lang, p *float64) string {
	if p == nil {
		return "—"
	}
	return decimal(l, *p, 'f', -1)
}

func decimal(l i18n.Lang, x float64, f byte, prec int) string {
	s := strconv.FormatFloat(math.Round(x*10)/10, f, prec, 64)
	if l == i18n.VI {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// layout builds the lines of section sec of the report.
func (r *reportsTab) layout(sec repSection) repLayout {
	b := &layoutBuilder{r: r, l: r.c.lang, p: r.doc.Report.Period}
	switch sec {
	case secFeedback:
		b.feedback()
	case secSessions:
		b.sessions()
	case secPetitions:
		b.petitions()
	case secOverdue:
		b.overdue()
	case secWards:
		b.wards()
	case secFollow:
		b.follow()
	}
	// The section's bars start in one column.
	labelW := 0
	for i := range b.out.rows {
		if bt := b.out.rows[i].bars; bt != nil {
			labelW = max(labelW, bt.labelW)
		}
	}
	for i := range b.out.rows {
		if bt := b.out.rows[i].bars; bt != nil {
			bt.labelW = labelW
		}
	}
	return b.out
}

func (b *layoutBuilder) feedback() {
	l, rep := b.l, &b.r.doc.Report
	f, dl := &rep.Feedback, b.r.doc.Settings.Deadlines
	kind := model.KindFeedback
	fig := func(key string) string { return l.T(key) }
	b.heading("report.fb.summary")
	b.figure(fig("report.fb.total"), num(l, f.Total), b.list(fig("report.fb.total"), listSpec{kind: kind}))
	b.figure(fig("report.fb.points"), num(l, f.Points), nil)
	b.figure(fig("report.fb.answered"), num(l, f.Answered), nil)
	b.figure(fig("report.fb.acceptance"), rate(l, f.AcceptanceRate), nil)
	b.figure(fig("report.fb.median"), median(l, f.MedianAnswerDays), nil)
	overdue := b.list(fig("report.fb.overdue"), listSpec{kind: kind, overdue: true})
	b.figure(fig("report.fb.overdue"), num(l, f.Overdue), overdue)
	b.figure(fig("report.fb.overdue_pts"), num(l, f.OverduePoints), overdue)
	b.figure(fig("report.fb.drafts"), num(l, f.Drafts), nil)
	b.figure(l.F("report.fb.short", dl.ShortCommentDays), num(l, f.ShortWindow), nil)

	b.chart("report.fb.by_status", "answer", nil, nil, f.ByStatus)
	b.chart("report.fb.by_state", "fbstate", nil, b.opener("report.fb.by_state", kind, true), f.ByState)
	both := []string{"report.col.submissions", "report.col.points"}
	b.chart("report.fb.by_source", "source", both, b.opener("report.fb.by_source", kind, false), f.BySource, f.PointsBySource)
	b.chart("report.fb.by_form", "form", both, nil, f.ByForm, f.PointsByForm)
	b.chart("report.fb.by_target", "target", both, nil, f.ByTarget, f.PointsByTarget)
}

// opener opens the list of a chart's value: by Row.Status (status) or by
// Row.Sub; the total opens the kind's list of the period.
func (b *layoutBuilder) opener(titleKey string, kind model.Kind, status bool) func(value, label string) func() screen {
	return func(value, label string) func() screen {
		title := b.l.T(titleKey) + ": " + b.l.T("report.total")
		spec := listSpec{kind: kind}
		if value != "" {
			title = b.l.T(titleKey) + ": " + label
			if status {
				spec.status = value
			} else {
				spec.sub = value
			}
		}
		return b.list(title, spec)
	}
}

func (b *layoutBuilder) sessions() {
	l, rep := b.l, &b.r.doc.Report
	s, st := &rep.Sessions, &b.r.doc.Settings
	kind := model.KindSession
	b.heading("report.ss.summary")
	b.figure(l.T("report.ss.total"), num(l, s.Total), b.list(l.T("report.ss.total"), listSpec{kind: kind}))
	b.figure(l.T("report.ss.participants"), num(l, s.Participants), nil)
	b.figure(l.T("report.ss.matters"), num(l, s.MattersRaised), nil)
	b.figure(l.F("report.ss.ann_late", st.Deadlines.AnnounceDaysBefore), num(l, s.AnnouncedLate), nil)
	b.figure(l.F("report.ss.pub_late", st.Deadlines.PublishDaysAfter), num(l, s.PublishedLate), nil)

	// Days held are distinct days; the list shows every session the
	// host chaired, as the dashboard's figures do.
	b.heading("report.ss.targets")
	tg := b.r.doc.Report.Targets
	sec := l.F("report.ss.secretary", st.Targets.SecretaryDaysPerMonth)
	b.target(sec, model.TargetOf(tg, model.RuleSecretaryMonthly), b.list(sec, listSpec{kind: kind, sub: string(model.HostPartySecretary)}))
	chair := l.F("report.ss.chair", st.Targets.ChairDaysPerWeek)
	b.target(chair, model.TargetOf(tg, model.RuleChairWeekly), b.list(chair, listSpec{kind: kind, sub: string(model.HostCommitteeChair)}))
	dlg := l.F("report.ss.dialogue", st.Targets.DialoguesPerYear)
	b.target(dlg, model.TargetOf(tg, model.RuleDialogueYearly), b.list(dlg, listSpec{kind: kind, status: string(model.SessionDialogue)}))

	b.chart("report.ss.by_kind", "session", nil, b.opener("report.ss.by_kind", kind, true), s.ByKind)
	b.chart("report.ss.by_host", "host", nil, b.opener("report.ss.by_host", kind, false), s.ByHost)
}

func (b *layoutBuilder) petitions() {
	l, rep := b.l, &b.r.doc.Report
	p, dl := &rep.Petitions, b.r.doc.Settings.Deadlines
	kind := model.KindPetition
	b.heading("report.pt.summary")
	b.figure(l.T("report.pt.total"), num(l, p.Total), b.list(l.T("report.pt.total"), listSpec{kind: kind}))
	b.figure(l.T("report.pt.people"), num(l, p.People), nil)
	b.figure(l.F("report.pt.ack_on_time", dl.AckWorkingDays), num(l, p.AckOnTime), nil)
	b.figure(l.T("report.pt.ack_late"), num(l, p.AckLate), nil)
	b.figure(l.T("report.pt.ack_pending"), num(l, p.AckPending), nil)
	b.figure(l.T("report.pt.resolved"), num(l, p.Resolved),
		b.list(l.T("report.pt.resolved"), listSpec{kind: kind, status: string(model.StatusResolved)}))
	b.figure(l.T("report.pt.resolved_ontime"), num(l, p.ResolvedOnTime), nil)
	b.figure(l.T("report.pt.overdue"), num(l, p.Overdue), b.list(l.T("report.pt.overdue"), listSpec{kind: kind, overdue: true}))
	b.figure(l.T("report.pt.overdue_unaccepted"), num(l, p.OverdueUnaccepted),
		b.list(l.T("report.pt.overdue_unaccepted"), listSpec{kind: kind, status: store.StatusUnaccepted, overdue: true}))
	b.figure(l.T("report.pt.unaccepted"), num(l, p.Unaccepted),
		b.list(l.T("report.pt.unaccepted"), listSpec{kind: kind, status: store.StatusUnaccepted}))
	b.figure(l.T("report.pt.reported_back"), num(l, p.ReportedBack), nil)

	b.chart("report.pt.by_class", "class", nil, b.opener("report.pt.by_class", kind, false), p.ByClassification)
	b.chart("report.pt.by_status", "status", nil, b.opener("report.pt.by_status", kind, true), p.ByStatus)
	b.chart("report.pt.by_channel", "channel", nil, nil, p.ByChannel)
}

func (b *layoutBuilder) overdue() {
	l, rep := b.l, &b.r.doc.Report
	list := rep.Petitions.OverdueList
	b.heading("report.od.section")
	if len(list) == 0 {
		b.add(repRow{kind: rowNote, label: l.T("report.none")})
		return
	}
	wards := wardsShown(rep, b.r.doc.Settings.WardCode)
	t := &cellTable{flex: -1, minFlex: 9, wardCol: wards}
	col := func(key string, w int, right bool) {
		t.heads = append(t.heads, l.T(key))
		t.content = append(t.content, w)
		t.right = append(t.right, right)
	}
	refW, wardW, assW := 0, 0, 0
	for i := range list {
		refW = max(refW, kit.Width(db(list[i].Ref)))
		wardW = max(wardW, kit.Width(db(list[i].Ward)))
		assW = max(assW, kit.Width(db(list[i].Assignee)))
	}
	enumW := func(group string, vals []string) int {
		n := 0
		for _, v := range vals {
			n = max(n, kit.Width(l.Enum(group, v)))
		}
		return n
	}
	col("report.col.no", len(strconv.Itoa(len(list))), true)
	col("report.col.ref", refW, false)
	if wards {
		col("report.col.ward", wardW, false)
	}
	col("list.col.due", 10, false)
	col("reports.col.days_over", max(len(strconv.Itoa(list[0].DaysOverdue)), 4), true)
	col("report.col.class", enumW("class", classValues()), false)
	col("list.col.status.petition", enumW("list.short.status", statusValues(model.KindPetition)), false)
	col("report.col.assignee", assW, false)
	t.flex = len(t.heads) - 1
	b.add(repRow{kind: rowHead, table: t})
	b.out.rows = slices.Grow(b.out.rows, len(list))
	for i := range list {
		b.add(repRow{kind: rowOverdue, table: t, od: i})
	}
}

func classValues() []string {
	out := make([]string, len(model.Classifications))
	for i, v := range model.Classifications {
		out[i] = string(v)
	}
	return out
}

// overdueCells formats one entry of the overdue list.
func (r *reportsTab) overdueCells(e *model.OverdueEntry, wards bool, no int) []string {
	l := r.c.lang
	cells := []string{num(l, no), db(e.Ref)}
	if wards {
		cells = append(cells, db(e.Ward))
	}
	// A petition no decision was taken on by its acceptance due reads
	// "Chưa thụ lý", as in the lists.
	status := statusLabel(l, model.KindPetition, db(e.Status))
	if e.Kind == model.DueAcceptance {
		status = l.T("list.unaccepted")
	}
	return append(cells, date(e.Due), num(l, e.DaysOverdue), l.Enum("class", db(e.Classification)),
		status, db(e.Assignee))
}

// wards lays out the by-ward figures: per kind, one line per origin ward
// and the total, each opening that ward's records of the period.
func (b *layoutBuilder) wards() {
	l, rep := b.l, &b.r.doc.Report
	type ward struct {
		code string
		f    *model.Figures
	}
	ws := make([]ward, 0, len(rep.Wards)+1)
	for i := range rep.Wards {
		ws = append(ws, ward{rep.Wards[i].Ward, &rep.Wards[i].Figures})
	}
	ws = append(ws, ward{"", &rep.Figures})
	names := map[string]string{}
	for _, w := range b.r.c.wards {
		names[w.code] = w.name
	}
	table := func(titleKey string, kind model.Kind, heads []string, cells func(f *model.Figures) []string) {
		b.heading(titleKey)
		t := &cellTable{heads: append([]string{l.T("report.col.ward")}, heads...), flex: 0}
		t.right = make([]bool, len(t.heads))
		t.content = make([]int, len(t.heads))
		for i := range t.heads {
			t.right[i] = i > 0
		}
		for _, w := range ws {
			t.minFlex = max(t.minFlex, kit.Width(db(w.code)))
		}
		t.minFlex = max(t.minFlex+5, kit.Width(l.T("report.total")))
		b.add(repRow{kind: rowHead, table: t})
		for _, w := range ws {
			label, title := db(w.code), db(w.code)+" · "+l.T("list.title."+string(kind))
			if n := names[w.code]; n != "" {
				label += " " + db(n)
			}
			if w.code == "" {
				label, title = l.T("report.total"), l.T("list.title."+string(kind))
			}
			row := append([]string{label}, cells(w.f)...)
			for i, c := range row {
				t.content[i] = max(t.content[i], kit.Width(c))
			}
			b.add(repRow{kind: rowCells, cells: row, table: t, total: w.code == "",
				open: b.list(title, listSpec{kind: kind, ward: w.code})})
		}
	}
	table("report.wd.section_fb", model.KindFeedback,
		[]string{l.T("reports.wd.submissions"), l.T("reports.wd.points"), l.T("reports.wd.pending"),
			l.T("reports.wd.rate"), l.T("reports.wd.overdue")},
		func(f *model.Figures) []string {
			fb := &f.Feedback
			return []string{num(l, fb.Total), num(l, fb.Points), num(l, fb.ByStatus.Get(string(model.AnswerPending))),
				rate(l, fb.AcceptanceRate), num(l, fb.Overdue)}
		})
	table("report.wd.section_ss", model.KindSession,
		[]string{l.T("reports.wd.sessions"), l.T("reports.wd.participants"), l.T("reports.wd.secretary"),
			l.T("reports.wd.chair"), l.T("reports.wd.dialogues")},
		func(f *model.Figures) []string {
			s := &f.Sessions
			held := func(rule model.TargetRule) string {
				t := model.TargetOf(f.Targets, rule)
				return num(l, t.Held) + "/" + num(l, t.Required)
			}
			return []string{num(l, s.Total), num(l, s.Participants), held(model.RuleSecretaryMonthly),
				held(model.RuleChairWeekly), held(model.RuleDialogueYearly)}
		})
	table("report.wd.section_pt", model.KindPetition,
		[]string{l.T("reports.wd.petitions"), l.T("reports.wd.resolved"), l.T("reports.wd.overdue"),
			l.T("reports.wd.ack_on_time"), l.T("reports.wd.reported_back")},
		func(f *model.Figures) []string {
			p := &f.Petitions
			return []string{num(l, p.Total), num(l, p.Resolved), num(l, p.Overdue), num(l, p.AckOnTime),
				num(l, p.ReportedBack)}
		})
}
