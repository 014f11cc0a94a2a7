package ui

import (
	"errors"
	"strings"
	"time"

	"gopy/model"
	"gopy/ui/i18n"
	"gopy/ui/kit"
)

// The periods a ward reports for, each one key away, and the period before
// or after the one shown ([ and ]): a month moves by a month, a quarter by
// a quarter, a half, nine months or a year by a year, a typed range by its
// own length.

type presetID int

const (
	pMonth presetID = iota
	pQuarter
	pHalf
	pNine
	pYear
	pPrevQuarter
	pPrevYear
	nPresets
)

// The preset keys and their names are kit.ReportKeys.Presets, in this order.
var _ [nPresets]struct{} = [len(kit.ReportKeys{}.Presets)]struct{}{}

// presetPeriod is the preset's period on today.
func presetPeriod(id presetID, today model.Date) model.Period {
	y := today.Year()
	months := func(y, first, last int) model.Period {
		return model.Period{From: model.NewDate(y, time.Month(first), 1),
			To: monthEnd(model.NewDate(y, time.Month(last), 1))}
	}
	switch id {
	case pMonth:
		return model.Period{From: monthStart(today), To: monthEnd(today)}
	case pHalf:
		return months(y, 1, 6)
	case pNine:
		return months(y, 1, 9)
	case pYear:
		return months(y, 1, 12)
	case pPrevQuarter:
		return model.CurrentQuarter(model.CurrentQuarter(today).From.AddDays(-1))
	case pPrevYear:
		return months(y-1, 1, 12)
	}
	return model.CurrentQuarter(today)
}

// presetOf finds the preset showing p on today; -1 when p was typed.
func presetOf(p model.Period, today model.Date) presetID {
	for id := range nPresets {
		if presetPeriod(id, today) == p {
			return id
		}
	}
	return -1
}

// shiftPeriod is the period before (dir -1) or after (dir 1) p, of the
// same kind; ok is false past the years gopy accepts.
func shiftPeriod(p model.Period, dir int) (model.Period, bool) {
	months := 0
	s := p.String()
	switch {
	case len(s) == 4, strings.HasSuffix(s, "-H1"), strings.HasSuffix(s, "-H2"), strings.HasSuffix(s, "-9M"):
		months = 12
	case strings.Contains(s, "-Q"):
		months = 3
	case len(s) == 7:
		months = 1
	}
	var out model.Period
	if months > 0 {
		out.From = addMonths(p.From, dir*months)
		out.To = monthEnd(addMonths(monthStart(p.To), dir*months))
	} else {
		n := p.Days()
		if n == 0 {
			return p, false
		}
		out = model.Period{From: p.From.AddDays(dir * n), To: p.To.AddDays(dir * n)}
	}
	if out.From.Year() < model.MinYear || out.To.Year() > model.MaxYear {
		return p, false
	}
	return out, true
}

// addMonths is the first of the month n months after d's.
func addMonths(d model.Date, n int) model.Date {
	m := d.Year()*12 + int(d.Month()) - 1 + n
	return model.NewDate(m/12, time.Month(m%12+1), 1)
}

var roman = [...]string{"", "I", "II", "III", "IV"}

// periodLabel names a period as a report's title does: "Quý I năm 2026",
// "6 tháng đầu năm 2026"; a typed range shows its dates.
func periodLabel(l i18n.Lang, p model.Period) string {
	s := p.String()
	y := p.From.Year()
	switch {
	case s == "":
		return ""
	case len(s) == 4:
		return l.F("reports.period.year", y)
	case strings.HasSuffix(s, "-H1"):
		return l.F("reports.period.h1", y)
	case strings.HasSuffix(s, "-H2"):
		return l.F("reports.period.h2", y)
	case strings.HasSuffix(s, "-9M"):
		return l.F("reports.period.nine", y)
	case strings.Contains(s, "-Q"):
		q := int(s[len(s)-1] - '0')
		return l.F("reports.period.quarter", roman[q], q, y)
	case len(s) == 7:
		m := p.From.Month()
		return l.F("reports.period.month", int(m), m.String(), y)
	}
	return p.From.String() + "–" + p.To.String()
}

// periodError is the typed period's fault in the language.
func periodError(l i18n.Lang, err error) string {
	var pe *model.ErrPeriod
	if errors.As(err, &pe) {
		return l.T(pe.Key)
	}
	return l.T("err.period.format")
}
