package ui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"gopy/model"
	"gopy/ui/i18n"
	"gopy/ui/kit"
)

// columns lays out a list's rows for one width. Fixed columns keep their
// size; "who" and "summary" share what is left. At 80 columns the record's
// own date gives way for feedback and petitions (the reference carries the
// year, the deadline matters more); sessions drop the participant count.
// Below 72 columns whole columns go rather than every one being cut: the
// deadline (overdue is still the "!" beside the reference) and a session's
// date. From 90 columns a petition's classification has its own column.
// On a database of several wards the ward's code follows the reference:
// each ward numbers its own records, so KN-2026-0041 can be two petitions.
type columns struct {
	c     *common
	kind  model.Kind
	width int

	ref, ward, date, who, title, status, due, people, class int
	showWard, showDate, showDue, showPeople, showClass      bool
	classInTitle                                            bool
}

const (
	refW  = 12 // GY-2026-0001
	dateW = 10 // dd/mm/yyyy
	dueW  = 11 // dd/mm/yyyy, or "quá 12 ngày" when overdue
	gap   = 1
	// narrowW: below it, the deadline and a session's date give way.
	narrowW = 72
)

func newColumns(c *common, kind model.Kind, w int) *columns {
	cl := &columns{c: c, kind: kind, width: w, ref: refW, date: dateW, due: dueW, people: 8}
	cl.status = statusWidth(c.lang, kind)
	cl.showDue = kind != model.KindSession && w >= narrowW
	cl.showDate = kind == model.KindSession && w >= narrowW || w >= 100
	cl.showPeople = kind == model.KindSession && w >= 100
	cl.showClass = kind == model.KindPetition && w >= 90
	// Between 72 and 90 columns a petition's classification leads its
	// summary, unless the summary already starts with it.
	cl.classInTitle = kind == model.KindPetition && !cl.showClass && w >= narrowW
	if cl.showClass {
		cl.class = classWidth(c.lang)
	}
	cl.showWard = c.manyWards()
	fixed := 2 + cl.ref + gap + cl.status + gap // marker, flag, ref, status
	if cl.showWard {
		cl.ward = wardWidth(c, w)
		fixed += cl.ward + gap
	}
	if cl.showDate {
		fixed += cl.date + gap
	}
	if cl.showDue {
		fixed += cl.due + gap
	}
	if cl.showPeople {
		fixed += cl.people + gap
	}
	if cl.showClass {
		fixed += cl.class + gap
	}
	rest := max(w-fixed-gap, 10) // who ␣ title
	cl.who = min(max(rest*2/5, 6), 28)
	cl.title = max(rest-cl.who, 4)
	return cl
}

// classWidth fits the longest classification label.
func classWidth(l i18n.Lang) int {
	w := 0
	for _, v := range model.Strings(model.Classifications) {
		w = max(w, ansi.StringWidth(l.Enum("list.short.class", v)))
	}
	return w
}

// wardWidth fits the longest ward code, and the header if it can: at most
// 6 cells below 100 columns, 10 above (codes may have 16).
func wardWidth(c *common, w int) int {
	most := 6
	if w >= 100 {
		most = 10
	}
	n := ansi.StringWidth(c.lang.T("list.col.ward"))
	for _, wr := range c.wards {
		n = max(n, ansi.StringWidth(db(wr.code)))
	}
	return min(n, most)
}

// manyWards: the database holds records of more than one origin ward (as
// the dashboard last counted).
func (c *common) manyWards() bool { return len(c.wards) > 1 }

// statusWidth fits the longest short status label of the kind.
func statusWidth(l i18n.Lang, kind model.Kind) int {
	w := 6
	for _, v := range statusValues(kind) {
		w = max(w, ansi.StringWidth(statusLabel(l, kind, v)))
	}
	return w
}

func statusValues(kind model.Kind) []string { return model.RowStatuses(kind) }

func subValues(kind model.Kind) []string { return model.RowSubs(kind) }

// statusLabel is the short word a list shows for a Row.Status value.
func statusLabel(l i18n.Lang, kind model.Kind, v string) string {
	return l.Enum("list.short."+statusGroup(kind), v)
}

// statusGroup is the catalog group of a kind's Row.Status values.
func statusGroup(kind model.Kind) string {
	switch kind {
	case model.KindFeedback:
		return "fbstate"
	case model.KindSession:
		return "session"
	case model.KindCommitment:
		return "commitment"
	case model.KindInformation:
		return "infostate"
	}
	return "status"
}

// subGroup is the catalog group of a kind's Row.Sub values.
func subGroup(kind model.Kind) string {
	switch kind {
	case model.KindFeedback:
		return "source"
	case model.KindSession:
		return "host"
	case model.KindCommitment:
		return "parent"
	case model.KindInformation:
		return "infocat"
	}
	return "class"
}

func (cl *columns) header() string {
	l := cl.c.lang
	var b strings.Builder
	b.WriteString("  ")
	b.WriteString(kit.Fill(l.T("list.col.ref"), cl.ref))
	b.WriteByte(' ')
	if cl.showWard {
		b.WriteString(kit.Fill(l.T("list.col.ward"), cl.ward))
		b.WriteByte(' ')
	}
	if cl.showDate {
		b.WriteString(kit.Fill(l.T("list.col.date."+string(cl.kind)), cl.date))
		b.WriteByte(' ')
	}
	if cl.kind == model.KindSession {
		b.WriteString(kit.Fill(l.T("list.col.status.session"), cl.status))
		b.WriteByte(' ')
	}
	b.WriteString(kit.Fill(l.T("list.col.who."+string(cl.kind)), cl.who))
	b.WriteByte(' ')
	if cl.showClass {
		b.WriteString(kit.Fill(l.T("list.col.class"), cl.class))
		b.WriteByte(' ')
	}
	b.WriteString(kit.Fill(l.T("list.col.title."+string(cl.kind)), cl.title))
	if cl.kind != model.KindSession {
		b.WriteByte(' ')
		b.WriteString(kit.Fill(l.T("list.col.status."+string(cl.kind)), cl.status))
	}
	if cl.showDue {
		b.WriteByte(' ')
		b.WriteString(kit.Fill(l.T("list.col.due"), cl.due))
	}
	if cl.showPeople {
		b.WriteByte(' ')
		b.WriteString(kit.FillLeft(l.T("list.col.people"), cl.people))
	}
	return cl.c.st.Bold.Render(b.String())
}

// row draws one row. The selected row is drawn plain in reverse video (and
// marked with ">" for terminals without attributes); the others colour the
// status and the overdue deadline. Overdue is also a "!" beside the
// reference, so it reads without colour.
func (cl *columns) row(r *model.Row, today model.Date, selected bool) string {
	l, st := cl.c.lang, cl.c.st
	overdue := r.Overdue(today)
	who := db(r.Who)
	if r.Confidential {
		who = l.T("word.confidential")
	}
	status := statusLabel(l, cl.kind, r.Status)
	if cl.kind == model.KindFeedback && r.Status == "partly" {
		// How many of the points have their answer: "Đã trả lời 2/3".
		total := r.Points[0] + r.Points[1] + r.Points[2] + r.Points[3]
		status = l.F("list.fb.partly", total-r.Points[0], total)
	}
	// A petition past its acceptance deadline with no decision says so
	// in words beside its "!": "chưa thụ lý, quá hạn" is its own overdue
	// kind.
	openDue, dueKind := r.OpenDue()
	if overdue && dueKind == model.DueAcceptance {
		status = l.T("list.unaccepted")
	}

	var b strings.Builder
	b.Grow(cl.width + 64)
	cell := func(s string, w int, style render) {
		s = kit.Fill(s, w)
		if !selected && style != nil {
			s = style(s)
		}
		b.WriteString(s)
	}
	if selected {
		b.WriteByte('>')
	} else {
		b.WriteByte(' ')
	}
	if overdue {
		cell("!", 1, st.InkOverdue.Render)
	} else {
		b.WriteByte(' ')
	}
	cell(db(r.Ref), cl.ref, nil)
	b.WriteByte(' ')
	if cl.showWard {
		cell(db(r.Ward), cl.ward, nil)
		b.WriteByte(' ')
	}
	if cl.showDate {
		cell(r.Date.String(), cl.date, nil)
		b.WriteByte(' ')
	}
	statusStyle := st.StatusInk(r.Status).Render
	if cl.kind == model.KindSession {
		cell(status, cl.status, statusStyle)
		b.WriteByte(' ')
	}
	var whoStyle render
	if r.Confidential {
		whoStyle = st.InkMuted.Render
	}
	cell(who, cl.who, whoStyle)
	b.WriteByte(' ')
	if cl.showClass {
		cell(l.Enum("list.short.class", r.Sub), cl.class, nil)
		b.WriteByte(' ')
	}
	title := db(r.Title)
	if cl.classInTitle && r.Sub != "" {
		if class := l.Enum("list.short.class", r.Sub); !strings.HasPrefix(model.Fold(title), model.Fold(class)) {
			title = class + ": " + title
		}
	}
	cell(repeatMark(l, r)+title, cl.title, nil)
	if cl.kind != model.KindSession {
		b.WriteByte(' ')
		cell(status, cl.status, statusStyle)
	}
	if cl.showDue {
		b.WriteByte(' ')
		var dueStyle render
		if overdue {
			dueStyle = st.InkOverdue.Render
		}
		// The deadline it can still miss (an unaccepted petition's
		// acceptance due), as "quá N ngày" once missed; a closed
		// petition's resolution due.
		due := openDue.String()
		switch {
		case overdue:
			n := openDue.DaysUntil(today)
			if due = l.F("list.days_over", n); kit.Width(due) > cl.due {
				due = l.F("list.days_over_short", n) // "quá 851 ng", not "quá 851 ng…"
			}
		case dueKind == "" && cl.kind == model.KindPetition:
			due = r.Due.String()
		}
		cell(due, cl.due, dueStyle)
	}
	if cl.showPeople {
		b.WriteByte(' ')
		b.WriteString(kit.FillLeft(strconv.Itoa(r.Participants), cl.people))
	}
	if selected {
		return st.InkSelected.Render(kit.Fill(b.String(), cl.width))
	}
	return b.String()
}
