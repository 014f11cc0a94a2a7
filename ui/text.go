package ui

import (
	"strconv"
	"strings"

	"gopy/model"
	"gopy/ui/i18n"
	"gopy/ui/kit"
	"gopy/ui/sanitize"
)

// frame makes s exactly h lines of at most w cells: the root's promise
// that a screen never pushes the help line off the terminal.
func frame(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		lines[i] = kit.Clip(l, w)
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// db makes a value read from the database safe to draw on one line.
func db(s string) string { return sanitize.Line(s) }

// dbText is db for multi-line values.
func dbText(s string) string { return sanitize.Text(s) }

// num formats an integer with the language's thousands separator
// (Vietnamese 1.234, English 1,234).
func num(l i18n.Lang, n int) string {
	s := strconv.Itoa(n)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	sep := l.T("num.thousands")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// date formats a date for display; the zero date shows as a dash.
func date(d model.Date) string {
	if d == 0 {
		return "—"
	}
	return d.String()
}

// monthStart and monthEnd bound the calendar month of d.
func monthStart(d model.Date) model.Date { return model.NewDate(d.Year(), d.Month(), 1) }

func monthEnd(d model.Date) model.Date {
	y, m := d.Year(), d.Month()+1
	if m > 12 {
		y, m = y+1, 1
	}
	return model.NewDate(y, m, 1).AddDays(-1)
}
