package ui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"gopy/model"
	"gopy/store"
	"gopy/ui/kit"
)

// A list never holds every record: it keeps a window of rows around the
// cursor, paged from the store's indexes with keyset paging (the key of the
// last row is where the next page starts), and draws only the visible rows.
const (
	pageSize  = 200
	maxWindow = 1000 // rows kept; beyond this the far end is dropped
	prefetch  = 60   // fetch the next page when the cursor is this close to an edge
)

// period choices of the filter; custom is a range set by whoever opened the
// list (the dashboard's "this month").
type periodChoice int

const (
	periodAll periodChoice = iota
	periodThisMonth
	periodLastMonth
	periodThisQuarter
	periodThisYear
	periodLastYear
	periodCustom
)

var periodChoices = []periodChoice{periodAll, periodThisMonth, periodLastMonth, periodThisQuarter, periodThisYear, periodLastYear}

func (p periodChoice) key() string {
	return [...]string{"list.period.all", "list.period.this_month", "list.period.last_month", "list.period.this_quarter",
		"list.period.this_year", "list.period.last_year", "list.period.custom"}[p]
}

// dates turns a period choice into a date range on today.
func (p periodChoice) dates(today model.Date) (from, to model.Date) {
	switch p {
	case periodThisMonth:
		return monthStart(today), monthEnd(today)
	case periodLastMonth:
		last := monthStart(today).AddDays(-1)
		return monthStart(last), last
	case periodThisQuarter:
		q := model.CurrentQuarter(today)
		return q.From, q.To
	case periodThisYear:
		return model.NewDate(today.Year(), 1, 1), model.NewDate(today.Year(), 12, 31)
	case periodLastYear:
		return model.NewDate(today.Year()-1, 1, 1), model.NewDate(today.Year()-1, 12, 31)
	}
	return 0, 0
}

// listSpec is what a list shows, apart from the search text.
type listSpec struct {
	kind     model.Kind
	status   string // Row.Status value
	sub      string // Row.Sub value
	ward     string // Row.Ward value (a consolidated database)
	period   periodChoice
	from, to model.Date // period == periodCustom
	overdue  bool
	// mine keeps the petitions assigned to the officer signed in (the
	// Settings' officer); group those of one residential group.
	mine  bool
	group string
	// open keeps the records that can still miss a deadline (the
	// dashboard's "awaiting answers").
	open bool
	// dueFrom/dueTo (dueTo nonzero) keep records still open whose deadline
	// falls in the range: the dashboard's "due in the next 7 days".
	dueFrom, dueTo model.Date
	order          store.Order
}

// byDue reports whether the list walks the deadline index: a due range,
// "soonest due first" (what is still open first, then the rest), or the
// overdue or open filter unless sorted by who or reference.
func (s *listSpec) byDue() bool {
	return s.dueTo != 0 || s.order == store.DueFirst || (s.overdue || s.open) && !s.byValue()
}

// byValue: sorted by who or by reference, not by a date.
func (s *listSpec) byValue() bool { return s.order == store.ByWho || s.order == store.ByRef }

func (s *listSpec) query(today model.Date, search, officer string) store.Query {
	q := store.Query{Kind: s.kind, Status: s.status, Sub: s.sub, Ward: s.ward, Overdue: s.overdue, Open: s.open,
		Today: today, Search: search, Order: s.order, DueFrom: s.dueFrom, DueTo: s.dueTo}
	q.Group = s.group
	if s.mine {
		q.Assignee = officer
	}
	if s.period == periodCustom {
		q.From, q.To = s.from, s.to
	} else {
		q.From, q.To = s.period.dates(today)
	}
	return q
}

type listScreen struct {
	c      *common
	sid    int
	title  string // set by the dashboard for a preset list; "" shows the kind's name
	root   bool   // a tab's own list (esc does not leave it)
	spec   listSpec
	preset listSpec

	input     textinput.Model
	searching bool   // the search field has the keyboard
	query     string // search text in effect

	// qgen identifies the query (spec + search), wgen the window: counts
	// and pages that come back for an older one are dropped.
	qgen, wgen int
	resetting  bool // a first/last page is on its way
	queued     pageDir
	hasQueued  bool

	rows           []store.Entry
	first          int // absolute position of rows[0]; -1 when unknown
	atStart, atEnd bool
	loadingNext    bool
	loadingPrev    bool
	counting       bool // a count runs; one at a time, like the pages
	loaded         bool
	cursor, offset int
	total          int // -1 while unknown
	err            error
	flash          string

	filter *filterDialog
	cols   *columns
}

func newList(c *common, spec listSpec, title string, root bool) *listScreen {
	l := &listScreen{c: c, sid: c.newID(), spec: spec, preset: spec, title: title, root: root, total: -1, first: -1}
	l.input = newInput(c.st, "/ ", c.lang.T("list.search_placeholder"), 100)
	l.layout()
	return l
}

// layout fits the columns to the body's width and the wards known: on a
// new size, new styles or wards counted, never in View.
func (l *listScreen) layout() {
	w, _ := l.c.body()
	l.cols = newColumns(l.c, l.spec.kind, w)
	// The search field takes the footer but for its prompt and the
	// position on the right ("1.234/56.789").
	l.input.SetWidth(max(w-2-16, 10))
}

func (l *listScreen) id() int { return l.sid }

func (l *listScreen) Init() tea.Cmd { return l.reset(pageFirst, true) }

func (l *listScreen) Title() string {
	if l.title != "" {
		return l.title
	}
	return l.c.lang.T("list.title." + string(l.spec.kind))
}

func (l *listScreen) Capturing() bool { return l.searching || l.filter != nil }

func (l *listScreen) visible() int {
	_, h := l.c.body()
	return max(h-3, 1) // title, column header, footer
}

func (l *listScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case pageMsg:
		return l.onPage(msg)
	case countMsg:
		l.counting = false
		if msg.qgen != l.qgen {
			// Counted for an older search: count the current one now.
			if l.loaded && l.total < 0 {
				return l.wantCount()
			}
			return nil
		}
		if msg.err != nil {
			l.err = msg.err
		} else {
			l.total = msg.n
			if l.first < 0 && l.atEnd {
				l.first = l.total - len(l.rows)
			}
		}
		return nil
	case kit.ReloadMsg:
		return l.reset(pageFirst, true)
	case rowRecordMsg:
		return l.onRowRecord(msg)
	case restyleMsg:
		l.input.SetStyles(l.c.st.Input)
		l.layout()
		return nil
	case tea.WindowSizeMsg, wardsMsg:
		l.layout()
	case filterDoneMsg:
		l.filter = nil
		if msg.apply && msg.spec != l.spec {
			l.spec = msg.spec
			if l.spec != l.preset {
				l.title = ""
			}
			l.cursor, l.offset = 0, 0
			return l.reset(pageFirst, true)
		}
		return nil
	case tea.KeyPressMsg:
		l.flash = ""
		if l.filter != nil {
			return l.filter.Update(msg)
		}
		if l.searching {
			return l.searchKey(msg)
		}
		return l.key(msg)
	}
	if l.searching {
		return l.typed(msg)
	}
	return nil
}

// moveKey moves the cursor by a row for down and up (j/k and the arrows,
// or only the arrows while the search field has the keys) and by a page
// for the page keys; ok is false for any other key.
func (l *listScreen) moveKey(msg tea.KeyPressMsg, down, up key.Binding) (cmd tea.Cmd, ok bool) {
	k := l.c.keys
	switch {
	case key.Matches(msg, down):
		return l.moveBy(1), true
	case key.Matches(msg, up):
		return l.moveBy(-1), true
	case key.Matches(msg, k.PageDown):
		return l.page(1), true
	case key.Matches(msg, k.PageUp):
		return l.page(-1), true
	}
	return nil, false
}

func (l *listScreen) key(msg tea.KeyPressMsg) tea.Cmd {
	k := l.c.keys
	if cmd, ok := l.moveKey(msg, k.Down, k.Up); ok {
		return cmd
	}
	if cmd, ok := followListKey(l, msg); ok {
		return cmd
	}
	switch {
	case key.Matches(msg, k.Top):
		l.cursor, l.offset = 0, 0
		if l.atStart {
			return l.prefetch()
		}
		return l.reset(pageFirst, false)
	case key.Matches(msg, k.Bottom):
		if l.atEnd {
			l.cursor = max(len(l.rows)-1, 0)
			l.scrollToCursor()
			return l.prefetch()
		}
		return l.reset(pageLast, false)
	case key.Matches(msg, k.Open):
		if l.cursor < len(l.rows) {
			r := &l.rows[l.cursor].Row
			return push(newDetail(l.c, r.Kind, r.ID, r.Ref))
		}
	case key.Matches(msg, k.New):
		return openEntry(l.c, newRecordForm(l.c.entryContext(), l.spec.kind))
	case key.Matches(msg, k.Edit, k.Answer, k.AddMatters, k.AddNote, k.Status):
		// The row's own forms, without opening its detail first: a to
		// answer a feedback, x to change a petition's status, e to edit.
		if l.cursor < len(l.rows) {
			return l.loadForEntry(l.rows[l.cursor].Row, msg)
		}
	case key.Matches(msg, k.Search):
		l.searching = true
		l.input.CursorEnd()
		return l.input.Focus()
	case key.Matches(msg, k.Filter):
		l.filter = newFilterDialog(l.c, l.sid, l.spec)
	case key.Matches(msg, k.Sort):
		return l.nextOrder()
	case key.Matches(msg, k.Back):
		if l.query != "" {
			l.query = ""
			l.input.SetValue("")
			return l.reset(pageFirst, true)
		}
		if !l.root {
			return pop
		}
	}
	return nil
}

// searchKey handles a key while the search field has focus: letters are
// text, arrows still move through the results, enter keeps the search and
// returns the keys to the list, esc drops it. Backspace only edits: input
// methods such as Unikey send backspace+letter bursts to compose a vowel.
func (l *listScreen) searchKey(msg tea.KeyPressMsg) tea.Cmd {
	k := l.c.keys
	switch {
	case key.Matches(msg, k.Cancel):
		l.searching = false
		l.input.Blur()
		l.input.SetValue("")
		return l.setQuery("")
	case key.Matches(msg, k.KeepSearch):
		l.searching = false
		l.input.Blur()
		return nil
	}
	if cmd, ok := l.moveKey(msg, k.ResultDown, k.ResultUp); ok {
		return cmd
	}
	return l.typed(msg)
}

// typed passes a key or a paste to the search field and searches for what
// it then holds.
func (l *listScreen) typed(msg tea.Msg) tea.Cmd {
	cmd := updateInput(&l.input, msg)
	return tea.Batch(cmd, l.setQuery(model.NFC(l.input.Value())))
}

func (l *listScreen) setQuery(q string) tea.Cmd {
	if model.Fold(q) == model.Fold(l.query) {
		l.query = q
		return nil
	}
	l.query = q
	l.cursor, l.offset = 0, 0
	return l.reset(pageFirst, true)
}

// nextOrder cycles newest → oldest → soonest due → who A→Z → reference.
// Overdue records come most overdue first, by who or by reference; a due
// range only by deadline.
func (l *listScreen) nextOrder() tea.Cmd {
	if l.spec.dueTo != 0 {
		l.flash = l.c.lang.T("list.sorted_by_due")
		return nil
	}
	orders := []store.Order{store.NewestFirst, store.OldestFirst, store.DueFirst, store.ByWho, store.ByRef}
	switch {
	case l.spec.overdue:
		orders = orders[2:]
	case l.spec.kind == model.KindSession:
		orders = slices.Delete(orders, 2, 3)
	}
	// An overdue list in a date order is sorted by deadline: its first.
	i := max(slices.Index(orders, l.spec.order), 0)
	l.spec.order = orders[(i+1)%len(orders)]
	if l.spec != l.preset {
		l.title = ""
	}
	l.cursor, l.offset = 0, 0
	return l.reset(pageFirst, true)
}

func (l *listScreen) moveBy(n int) tea.Cmd {
	if len(l.rows) == 0 {
		return nil
	}
	l.cursor = max(0, min(l.cursor+n, len(l.rows)-1))
	l.scrollToCursor()
	return l.prefetch()
}

func (l *listScreen) page(dir int) tea.Cmd {
	if len(l.rows) == 0 {
		return nil
	}
	vis := l.visible()
	l.cursor = max(0, min(l.cursor+dir*vis, len(l.rows)-1))
	l.offset = max(0, min(l.offset+dir*vis, len(l.rows)-vis))
	l.scrollToCursor()
	return l.prefetch()
}

func (l *listScreen) scrollToCursor() {
	vis := l.visible()
	if l.cursor < l.offset {
		l.offset = l.cursor
	}
	if l.cursor >= l.offset+vis {
		l.offset = l.cursor - vis + 1
	}
	l.offset = max(0, min(l.offset, len(l.rows)-vis))
}

func (l *listScreen) ShortHelp() []key.Binding {
	k := l.c.keys
	if l.filter != nil {
		return l.filter.help()
	}
	if l.searching {
		return []key.Binding{k.Accept, k.Cancel, k.Results}
	}
	b := []key.Binding{k.New, k.Open, k.Search, k.Filter, k.Sort}
	if l.query != "" || !l.root {
		b = append(b, k.Back)
	}
	return b
}

func (l *listScreen) FullHelp() [][]key.Binding {
	k := l.c.keys
	rowKeys := []key.Binding{k.Edit}
	switch l.spec.kind {
	case model.KindFeedback:
		rowKeys = append(rowKeys, k.Answer)
	case model.KindSession:
		rowKeys = append(rowKeys, k.AddMatters)
	case model.KindPetition:
		rowKeys = append(rowKeys, k.Status, k.AddNote)
	}
	rowKeys = append(rowKeys, followListHelp(l.spec.kind, l.c)...)
	return [][]key.Binding{k.Moves(), {k.New, k.Open, k.Search, k.Filter, k.Sort, k.Back}, rowKeys}
}

// View draws the title, the column header, the visible rows and a footer
// (search field, position, legend).
func (l *listScreen) View(w, h int) string {
	if l.filter != nil {
		return l.filter.View(w, h)
	}
	lang, st := l.c.lang, l.c.st
	var b strings.Builder
	b.WriteString(l.titleLine(w))
	b.WriteByte('\n')
	b.WriteString(l.cols.header())
	b.WriteByte('\n')
	vis := max(h-3, 1)
	today := l.c.today()
	drawn := 0
	switch {
	case !l.loaded:
		b.WriteString(st.Muted.Render("  " + lang.T("list.loading")))
		b.WriteByte('\n')
		drawn++
	case len(l.rows) == 0:
		msg := "list.empty"
		if l.query != "" {
			msg = "list.no_match"
		}
		b.WriteString(st.Muted.Render("  " + lang.T(msg)))
		b.WriteByte('\n')
		drawn++
	default:
		// Under the selected row, the field a search matched when the row
		// does not show it (an address, a phone, a point): one line,
		// taken from the last row's place when the cursor is there.
		matched := ""
		if l.query != "" && l.cursor < len(l.rows) {
			matched = l.matchedLine(&l.rows[l.cursor].Row)
		}
		start := l.offset
		if matched != "" && l.cursor == l.offset+vis-1 && vis > 1 {
			start++
		}
		end := min(start+vis, len(l.rows))
		for i := start; i < end && drawn < vis; i++ {
			b.WriteString(l.cols.row(&l.rows[i].Row, today, i == l.cursor))
			b.WriteByte('\n')
			drawn++
			if i == l.cursor && matched != "" && drawn < vis {
				b.WriteString(matched)
				b.WriteByte('\n')
				drawn++
			}
		}
	}
	for ; drawn < vis; drawn++ {
		b.WriteByte('\n')
	}
	b.WriteString(l.footer(w))
	return b.String()
}

// matchedLine names the field the search found its text in, when the row
// does not show that field; "" otherwise.
func (l *listScreen) matchedLine(r *model.Row) string {
	switch r.Matched {
	case "", "ref", "name", "source_name", "host_name", "summary", "subject", "location":
		return ""
	}
	return l.c.st.Muted.Render(kit.Clip("    ↳ "+l.c.lang.F("list.matched", l.c.lang.T("field."+r.Matched)), l.cols.width))
}

func (l *listScreen) titleLine(w int) string {
	lang, st := l.c.lang, l.c.st
	left := st.Title.Render(l.Title())
	if l.total >= 0 {
		left += st.Muted.Render(" · " + lang.N("list.count", l.total, num(lang, l.total)))
	}
	// A list opened from the dashboard is named for its filters; its
	// chips then only add the dates.
	preset := l.title != ""
	var chips []string
	if l.spec.status != "" && !preset {
		chips = append(chips, statusLabel(lang, l.spec.kind, l.spec.status))
	}
	if l.spec.sub != "" && !preset {
		chips = append(chips, lang.Enum(subGroup(l.spec.kind), l.spec.sub))
	}
	if l.spec.ward != "" && !preset {
		chips = append(chips, db(l.spec.ward))
	}
	if l.spec.mine {
		chips = append(chips, lang.T("list.chip.mine"))
	}
	if l.spec.group != "" {
		chips = append(chips, db(l.spec.group))
	}
	switch {
	case l.spec.period == periodCustom:
		chips = append(chips, l.spec.from.String()+"–"+l.spec.to.String())
	case l.spec.period != periodAll:
		chips = append(chips, lang.T(l.spec.period.key()))
	}
	if l.spec.overdue && !preset {
		chips = append(chips, lang.T("word.overdue"))
	}
	if l.spec.dueTo != 0 {
		chips = append(chips, lang.F("list.due_range", l.spec.dueFrom.String(), l.spec.dueTo.String()))
	}
	if len(chips) > 0 {
		left += st.Warn.Render(" · " + strings.Join(chips, " · "))
	}
	right := st.Muted.Render(lang.T("list.order") + ": " + lang.T(orderKey(&l.spec)))
	return kit.Spread(left, right, w)
}

func orderKey(s *listSpec) string {
	switch {
	case s.dueTo != 0:
		return "list.order.due"
	case s.order == store.ByWho:
		if s.kind == model.KindPetition {
			return "list.order.given_name"
		}
		return "list.order.who"
	case s.order == store.ByRef:
		return "list.order.ref"
	case s.byDue():
		return "list.order.due"
	case s.order == store.OldestFirst:
		return "list.order.oldest"
	}
	return "list.order.newest"
}

func (l *listScreen) footer(w int) string {
	lang, st := l.c.lang, l.c.st
	var right string
	if l.loaded && len(l.rows) > 0 {
		pos := "?"
		if l.first >= 0 {
			pos = num(lang, l.first+l.cursor+1)
		}
		tot := "…"
		if l.total >= 0 {
			tot = num(lang, l.total)
		}
		right = st.Muted.Render(pos + "/" + tot)
	}
	var left string
	switch {
	case l.err != nil:
		left = st.Err.Render(lang.F("err.store", db(l.err.Error())))
	case l.flash != "":
		left = st.Warn.Render(l.flash)
	case l.searching || l.query != "":
		left = l.input.View()
	default:
		if l.spec.kind != model.KindSession {
			left = st.Overdue.Render("!") + st.Muted.Render(" = "+lang.T("word.overdue"))
		}
	}
	return kit.Spread(left, right, w)
}

// rowRecordMsg brings a row's whole record, read for a form a key opens on
// it from the list.
type rowRecordMsg struct {
	screen int
	rec    model.Record
	key    tea.KeyPressMsg
	err    error
}

func (m rowRecordMsg) target() int { return m.screen }

func (l *listScreen) loadForEntry(row model.Row, msg tea.KeyPressMsg) tea.Cmd {
	s, sid := l.c.store, l.sid
	return func() tea.Msg {
		rec, err := s.Get(row.Kind, row.ID)
		return rowRecordMsg{screen: sid, rec: rec, key: msg, err: err}
	}
}

func (l *listScreen) onRowRecord(msg rowRecordMsg) tea.Cmd {
	if msg.err != nil {
		l.err = msg.err
		return nil
	}
	if f := entryForRecord(l.c, msg.rec, msg.key, -1, false); f != nil {
		return openEntry(l.c, f)
	}
	return commitRefused(l.c, msg.rec, msg.key)
}
