package report

import (
	"strings"

	"gopy/model"
	"gopy/ui/i18n"
)

// The layout is built once, format-neutral: sections (one xlsx sheet each)
// holding tables of typed values. Each writer then renders the values its
// own way (numbers as numbers in xlsx, with the language's separators on a
// terminal), so every format shows the same figures under the same labels.

type valueKind int

const (
	vEmpty valueKind = iota
	vText
	vInt
	vRate // a fraction, shown as a percentage
	vNum  // a decimal, such as a median
	vDate
	vCode // digits that are not a number: an ID number, a phone
)

type value struct {
	kind valueKind
	text string
	num  float64
	date model.Date
}

func txt(s string) value      { return value{kind: vText, text: s} }
func code(s string) value     { return value{kind: vCode, text: s} }
func num(n int) value         { return value{kind: vInt, num: float64(n)} }
func date(d model.Date) value { return value{kind: vDate, date: d} }
func optional(k valueKind, p *float64) value {
	if p == nil {
		return value{}
	}
	return value{kind: k, num: *p}
}

// numeric values are right-aligned in text tables.
func (v value) numeric() bool { return v.kind == vInt || v.kind == vRate || v.kind == vNum }

type table struct {
	title string
	head  []string
	rows  [][]value
	// total marks the last row as a total (bold in xlsx).
	total bool
}

type section struct {
	sheet  string // xlsx sheet name: ≤ 31 characters, none of []:*?/\
	title  string
	tables []table // a lone table has no title of its own
}

type header struct {
	title string
	lines [][2]string // label, value
}

func (d *Doc) header() header {
	l, r, st := d.Lang, &d.Report, &d.Settings
	unit := st.WardName
	if st.WardCode != "" {
		unit += " (" + st.WardCode + ")"
	}
	h := header{title: l.T("report.title")}
	h.lines = append(h.lines, [2]string{l.T("report.unit"), unit})
	if st.Province != "" {
		h.lines = append(h.lines, [2]string{l.T("report.province"), st.Province})
	}
	h.lines = append(h.lines,
		[2]string{l.T("report.period"), r.Period.String() + " (" + l.F("report.from_to", r.Period.From, r.Period.To) + ")"},
		[2]string{l.T("report.as_of"), r.AsOf.String()})
	if r.Wards != nil {
		h.lines = append(h.lines, [2]string{l.T("report.wards"), itoa(len(r.Wards))})
	}
	return h
}

func (d *Doc) sections() []section {
	l, r, dl, tg := d.Lang, &d.Report, d.Settings.Deadlines, d.Settings.Targets
	fb, ss, pt := &r.Feedback, &r.Sessions, &r.Petitions
	figure := func(key string, v value) []value { return []value{txt(l.T(key)), v} }
	figureF := func(key string, arg int, v value) []value { return []value{txt(l.F(key, arg)), v} }
	twoCol := []string{l.T("report.col.figure"), l.T("report.col.value")}

	out := []section{{
		sheet: l.T("report.sheet.feedback"),
		title: l.T("report.fb.section"),
		tables: append([]table{
			{title: l.T("report.fb.summary"), head: twoCol, rows: [][]value{
				figure("report.fb.total", num(fb.Total)),
				figure("report.fb.points", num(fb.Points)),
				figure("report.fb.answered", num(fb.Answered)),
				figure("report.fb.acceptance", optional(vRate, fb.AcceptanceRate)),
				figure("report.fb.median", optional(vNum, fb.MedianAnswerDays)),
				figure("report.fb.overdue", num(fb.Overdue)),
				figure("report.fb.overdue_pts", num(fb.OverduePoints)),
				figure("report.fb.drafts", num(fb.Drafts)),
				figureF("report.fb.short", dl.ShortCommentDays, num(fb.ShortWindow)),
			}},
			breakdown(l, "report.fb.by_status", "report.col.answer", "answer", []string{"report.col.points"}, fb.ByStatus),
			breakdown(l, "report.fb.by_state", "report.col.state", "fbstate", []string{"report.col.submissions"}, fb.ByState),
			breakdown(l, "report.fb.by_source", "report.col.source", "source", []string{"report.col.submissions", "report.col.points"}, fb.BySource, fb.PointsBySource),
			breakdown(l, "report.fb.by_form", "report.col.form", "form", []string{"report.col.submissions", "report.col.points"}, fb.ByForm, fb.PointsByForm),
			breakdown(l, "report.fb.by_target", "report.col.target", "target", []string{"report.col.submissions", "report.col.points"}, fb.ByTarget, fb.PointsByTarget),
		}, followFeedbackTables(l, fb, dl.ShortCommentDays)...),
	}, {
		sheet: l.T("report.sheet.sessions"),
		title: l.T("report.ss.section"),
		tables: []table{
			{title: l.T("report.ss.summary"), head: twoCol, rows: [][]value{
				figure("report.ss.total", num(ss.Total)),
				figure("report.ss.participants", num(ss.Participants)),
				figure("report.ss.matters", num(ss.MattersRaised)),
				figureF("report.ss.ann_late", dl.AnnounceDaysBefore, num(ss.AnnouncedLate)),
				figureF("report.ss.pub_late", dl.PublishDaysAfter, num(ss.PublishedLate)),
				figure("report.ss.voter_requested", num(ss.VoterRequested)),
			}},
			breakdown(l, "report.ss.by_kind", "report.col.kind", "session", []string{"report.col.sessions"}, ss.ByKind),
			breakdown(l, "report.ss.by_host", "report.col.host", "host", []string{"report.col.sessions"}, ss.ByHost),
			targetsTable(l, tg, r.Targets),
		},
	}, {
		sheet: l.T("report.sheet.petitions"),
		title: l.T("report.pt.section"),
		tables: []table{
			{title: l.T("report.pt.summary"), head: twoCol, rows: [][]value{
				figure("report.pt.total", num(pt.Total)),
				figure("report.pt.people", num(pt.People)),
				figureF("report.pt.ack_on_time", dl.AckWorkingDays, num(pt.AckOnTime)),
				figure("report.pt.ack_late", num(pt.AckLate)),
				figure("report.pt.ack_pending", num(pt.AckPending)),
				figure("report.pt.resolved", num(pt.Resolved)),
				figure("report.pt.resolved_ontime", num(pt.ResolvedOnTime)),
				figure("report.pt.overdue", num(pt.Overdue)),
				figure("report.pt.overdue_unaccepted", num(pt.OverdueUnaccepted)),
				figure("report.pt.unaccepted", num(pt.Unaccepted)),
				figure("report.pt.reported_back", num(pt.ReportedBack)),
				figure("report.pt.repeated", num(pt.Repeated)),
				figure("report.pt.matters3", num(pt.MattersRaised3)),
			}},
			breakdown(l, "report.pt.by_class", "report.col.class", "class", []string{"report.col.petitions"}, pt.ByClassification),
			breakdown(l, "report.pt.by_channel", "report.col.channel", "channel", []string{"report.col.petitions"}, pt.ByChannel),
			breakdown(l, "report.pt.by_status", "report.col.status", "status", []string{"report.col.petitions"}, pt.ByStatus),
		},
	}, {
		sheet:  l.T("report.sheet.overdue"),
		title:  l.T("report.od.section"),
		tables: []table{overdueTable(l, pt.OverdueList)},
	}, d.followSection()}
	if r.Wards != nil {
		out = append(out, d.wardSections()...)
		out = append(out, d.followWardSection())
	}
	return out
}

// breakdown is a table of tallies by enum value (one column per tally)
// with a total row.
func breakdown(l i18n.Lang, titleKey, colKey, group string, headKeys []string, tallies ...model.Counts) table {
	t := table{title: l.T(titleKey), head: []string{l.T(colKey)}, total: true}
	for _, k := range headKeys {
		t.head = append(t.head, l.T(k))
	}
	for i, c := range tallies[0] {
		row := []value{txt(l.Enum(group, c.Key))}
		for _, tally := range tallies {
			row = append(row, num(tally[i].N))
		}
		t.rows = append(t.rows, row)
	}
	total := []value{txt(l.T("report.total"))}
	for _, tally := range tallies {
		total = append(total, num(tally.Sum()))
	}
	t.rows = append(t.rows, total)
	return t
}

// targetsTable judges each target per interval (model.TargetResult): the
// intervals met of those judged, the state, the intervals missed, the days
// held and the ad-hoc days shown beside them.
func targetsTable(l i18n.Lang, tg model.Targets, results []model.TargetResult) table {
	t := table{title: l.T("report.ss.targets"), head: []string{l.T("report.col.figure"), l.T("report.col.met_n"),
		l.T("report.col.judged"), l.T("report.col.assessment"), l.T("report.col.missed"), l.T("report.col.days"), l.T("report.col.adhoc")}}
	for _, r := range results {
		t.rows = append(t.rows, []value{txt(TargetLabel(l, tg, r.Rule)), num(r.Held), num(r.Required),
			txt(TargetState(l, r)), txt(MissedList(l, r.Missed)), num(r.Days), num(r.AdHoc)})
	}
	return t
}

// missedShown is how many missed intervals a table names before it counts
// the rest: a year's 52 weeks do not fit a cell (the JSON lists them all).
const missedShown = 6

// MissedList names the missed intervals, the first few and then how many
// more.
func MissedList(l i18n.Lang, missed []string) string {
	if len(missed) <= missedShown {
		return strings.Join(missed, ", ")
	}
	return strings.Join(missed[:missedShown], ", ") + " " + l.F("report.more", len(missed)-missedShown)
}

// TargetLabel names a target with the ward's frequency.
func TargetLabel(l i18n.Lang, tg model.Targets, rule model.TargetRule) string {
	switch rule {
	case model.RuleChairWeekly:
		return l.F("report.ss.chair", tg.ChairDaysPerWeek)
	case model.RuleSecretaryMonthly:
		return l.F("report.ss.secretary", tg.SecretaryDaysPerMonth)
	}
	return l.F("report.ss.dialogue", tg.DialoguesPerYear)
}

// TargetState is a target's state in words: met, not met, or — nothing
// missed yet and nothing met — "in progress" ("not yet held" for the
// dialogue conference).
func TargetState(l i18n.Lang, r model.TargetResult) string {
	switch r.State {
	case model.TargetMet:
		return l.T("report.met")
	case model.TargetMissed:
		return l.T("report.not_met")
	}
	if r.Rule == model.RuleDialogueYearly {
		return l.T("report.not_yet_held")
	}
	return l.T("report.in_progress")
}

func overdueTable(l i18n.Lang, list []model.OverdueEntry) table {
	t := table{head: []string{
		l.T("report.col.no"), l.T("report.col.ref"), l.T("report.col.ward"), l.T("report.col.received"),
		l.T("report.col.due"), l.T("report.col.days_over"), l.T("report.col.class"), l.T("report.col.status"),
		l.T("report.col.assignee"), l.T("report.col.overdue_kind"),
	}}
	for i, e := range list {
		t.rows = append(t.rows, []value{num(i + 1), txt(e.Ref), txt(e.Ward), date(e.ReceivedOn), date(e.Due),
			num(e.DaysOverdue), txt(l.Enum("class", e.Classification)), txt(l.Enum("status", e.Status)), txt(e.Assignee),
			txt(l.Enum("due", string(e.Kind)))})
	}
	return t
}

// wardSections are the --by-ward tables: one row per origin ward, then the
// total.
func (d *Doc) wardSections() []section {
	l, r := d.Lang, &d.Report
	type ward struct {
		name string
		f    *model.Figures
	}
	wards := make([]ward, 0, len(r.Wards)+1)
	for i := range r.Wards {
		wards = append(wards, ward{r.Wards[i].Ward, &r.Wards[i].Figures})
	}
	wards = append(wards, ward{l.T("report.total"), &r.Figures})

	enumHead := func(group string, c model.Counts, n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = l.Enum(group, c[i].Key)
		}
		return out
	}
	enumCells := func(c model.Counts, n int) []value {
		out := make([]value, n)
		for i := range out {
			out[i] = num(c[i].N)
		}
		return out
	}
	nAns, nKind := len(model.AnswerStatuses), len(model.SessionKinds)
	nStatus, nClass := len(model.PetitionStatuses), len(model.Classifications)

	fb := table{total: true}
	fb.head = append([]string{l.T("report.col.ward"), l.T("report.col.submissions"), l.T("report.col.points")},
		enumHead("answer", r.Feedback.ByStatus, nAns)...)
	fb.head = append(fb.head, l.T("report.wd.rate"), l.T("report.wd.median"), l.T("report.wd.overdue"),
		l.T("report.wd.overdue_pts"), l.T("report.wd.short"))
	ss := table{total: true}
	ss.head = append([]string{l.T("report.col.ward"), l.T("report.col.sessions")},
		enumHead("session", r.Sessions.ByKind, nKind)...)
	ss.head = append(ss.head, l.T("report.wd.participants"), l.T("report.wd.matters"),
		l.T("report.wd.sec_held"), l.T("report.wd.sec_req"), l.T("report.wd.chair_held"), l.T("report.wd.chair_req"),
		l.T("report.wd.dlg_held"), l.T("report.wd.dlg_req"), l.T("report.wd.ann_late"), l.T("report.wd.pub_late"))
	pt := table{total: true}
	pt.head = append([]string{l.T("report.col.ward"), l.T("report.col.petitions")},
		enumHead("status", r.Petitions.ByStatus, nStatus)...)
	pt.head = append(pt.head, enumHead("class", r.Petitions.ByClassification, nClass)...)
	pt.head = append(pt.head, l.T("report.wd.ack_on_time"), l.T("report.wd.ack_late"),
		l.T("report.wd.resolved_ontime"), l.T("report.wd.overdue"), l.T("report.wd.overdue_unaccepted"), l.T("report.wd.reported_back"))

	for _, w := range wards {
		f, s, p := &w.f.Feedback, &w.f.Sessions, &w.f.Petitions
		row := append([]value{txt(w.name), num(f.Total), num(f.Points)}, enumCells(f.ByStatus, nAns)...)
		fb.rows = append(fb.rows, append(row, optional(vRate, f.AcceptanceRate), optional(vNum, f.MedianAnswerDays),
			num(f.Overdue), num(f.OverduePoints), num(f.ShortWindow)))
		row = append([]value{txt(w.name), num(s.Total)}, enumCells(s.ByKind, nKind)...)
		sec := model.TargetOf(w.f.Targets, model.RuleSecretaryMonthly)
		chair := model.TargetOf(w.f.Targets, model.RuleChairWeekly)
		dlg := model.TargetOf(w.f.Targets, model.RuleDialogueYearly)
		ss.rows = append(ss.rows, append(row, num(s.Participants), num(s.MattersRaised),
			num(sec.Held), num(sec.Required), num(chair.Held), num(chair.Required),
			num(dlg.Held), num(dlg.Required), num(s.AnnouncedLate), num(s.PublishedLate)))
		row = append([]value{txt(w.name), num(p.Total)}, enumCells(p.ByStatus, nStatus)...)
		row = append(row, enumCells(p.ByClassification, nClass)...)
		pt.rows = append(pt.rows, append(row, num(p.AckOnTime), num(p.AckLate), num(p.ResolvedOnTime),
			num(p.Overdue), num(p.OverdueUnaccepted), num(p.ReportedBack)))
	}
	return []section{
		{sheet: l.T("report.sheet.wards_fb"), title: l.T("report.wd.section_fb"), tables: []table{fb}},
		{sheet: l.T("report.sheet.wards_ss"), title: l.T("report.wd.section_ss"), tables: []table{ss}},
		{sheet: l.T("report.sheet.wards_pt"), title: l.T("report.wd.section_pt"), tables: []table{pt}},
	}
}
