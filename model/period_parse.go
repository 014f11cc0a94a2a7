package model

import (
	"fmt"
	"strings"
	"time"
)

// ErrPeriod describes why a typed period was refused; Key is a catalog key
// the UI and CLI translate: err.period.format, err.period.order, or the
// date's own err.date.invalid / err.date.year.
type ErrPeriod struct {
	Input string
	Key   string
}

func (e *ErrPeriod) Error() string { return fmt.Sprintf("%s: %q", e.Key, e.Input) }

// ParsePeriod reads the periods reports are made for:
//
//	2026                    the year
//	2026-Q3                 a quarter
//	2026-H1, 2026-H2        first and second half (2026-6M = 2026-H1)
//	2026-9M                 first nine months, 1/1–30/9
//	2026-07, 2026-7         a month
//	DATE..DATE              any range, DATE as ParseDate accepts, both ends included
//
// Letters may be in either case.
func ParsePeriod(s string) (Period, error) {
	in := strings.TrimSpace(s)
	if from, to, ok := strings.Cut(in, ".."); ok {
		f, err := ParseDate(from)
		if err != nil {
			return Period{}, periodDateErr(in, err)
		}
		t, err := ParseDate(to)
		if err != nil {
			return Period{}, periodDateErr(in, err)
		}
		if f > t {
			return Period{}, &ErrPeriod{in, "err.period.order"}
		}
		return Period{f, t}, nil
	}

	ys, rest, _ := strings.Cut(in, "-")
	y, ok := atoiN(ys)
	if !ok || len(ys) != 4 {
		return Period{}, &ErrPeriod{in, "err.period.format"}
	}
	if y < MinYear || y > MaxYear {
		return Period{}, &ErrPeriod{in, "err.date.year"}
	}
	if len(ys) == len(in) {
		return monthsOf(y, 1, 12), nil
	}
	switch r := strings.ToUpper(rest); {
	case len(r) == 2 && r[0] == 'Q' && r[1] >= '1' && r[1] <= '4':
		q := int(r[1] - '0')
		return monthsOf(y, 3*q-2, 3*q), nil
	case r == "H1" || r == "6M":
		return monthsOf(y, 1, 6), nil
	case r == "H2":
		return monthsOf(y, 7, 12), nil
	case r == "9M":
		return monthsOf(y, 1, 9), nil
	case len(r) <= 2:
		if m, ok := atoiN(r); ok && m >= 1 && m <= 12 {
			return monthsOf(y, m, m), nil
		}
	}
	return Period{}, &ErrPeriod{in, "err.period.format"}
}

// periodDateErr keeps the date's own reason (no such date, year out of
// range), which tells the user more than "not a period".
func periodDateErr(in string, err error) error {
	if de, ok := err.(*ErrDate); ok && (de.Key == "err.date.invalid" || de.Key == "err.date.year") {
		return &ErrPeriod{in, de.Key}
	}
	return &ErrPeriod{in, "err.period.format"}
}

// monthsOf is months first..last of year y, whole.
func monthsOf(y, first, last int) Period {
	return Period{
		From: NewDate(y, time.Month(first), 1),
		To:   NewDate(y, time.Month(last), daysIn(y, time.Month(last))),
	}
}

// CurrentQuarter is the quarter today falls in: the default report period.
func CurrentQuarter(today Date) Period {
	q := (int(today.Month()) - 1) / 3
	return monthsOf(today.Year(), 3*q+1, 3*q+3)
}

// String is the period in the shortest form ParsePeriod reads back to the
// same period: "2026", "2026-Q3", "2026-H1", "2026-9M", "2026-07", else
// "dd/mm/yyyy..dd/mm/yyyy". The zero period gives "".
func (p Period) String() string {
	if p.From == 0 && p.To == 0 {
		return ""
	}
	y := p.From.Year()
	if p.From.Day() == 1 && p.To.Year() == y && p.To.Valid() &&
		p.To.Day() == daysIn(y, p.To.Month()) {
		first, last := int(p.From.Month()), int(p.To.Month())
		switch {
		case first == 1 && last == 12:
			return fmt.Sprintf("%04d", y)
		case first == last:
			return fmt.Sprintf("%04d-%02d", y, first)
		case last-first == 2 && first%3 == 1:
			return fmt.Sprintf("%04d-Q%d", y, (first+2)/3)
		case first == 1 && last == 6:
			return fmt.Sprintf("%04d-H1", y)
		case first == 7 && last == 12:
			return fmt.Sprintf("%04d-H2", y)
		case first == 1 && last == 9:
			return fmt.Sprintf("%04d-9M", y)
		}
	}
	return p.From.String() + ".." + p.To.String()
}

// Days is the number of days in the period, both ends included; 0 when it
// is empty or not set.
func (p Period) Days() int {
	if p.From == 0 || p.To == 0 || p.To < p.From {
		return 0
	}
	return p.From.DaysUntil(p.To) + 1
}
