package model

import "sync"

// Holiday is one day off, or, with Worked, a Saturday or Sunday the
// government's yearly decision makes a working day (to make up for a day
// off it moved, e.g. Friday 02/01/2026 off, Saturday 10/01/2026 worked).
// Name is a catalog key ("holiday.tet", …) or text an officer typed when
// editing the year's list.
type Holiday struct {
	On     Date   `json:"on"`
	Name   string `json:"name"`
	Worked bool   `json:"worked,omitempty"`
}

// Calendar answers working-day questions: Saturdays, Sundays and the year's
// holidays are off, except the weekend days the year's list says are
// worked. A year's list comes from Settings when edited there, else from
// DefaultHolidays.
type Calendar struct {
	edited map[int][]Holiday
	mu     sync.Mutex
	years  map[int]map[Date]bool // date → worked (true) or off (false)
}

func NewCalendar(holidays map[int][]Holiday) *Calendar {
	return &Calendar{edited: holidays, years: map[int]map[Date]bool{}}
}

// HolidaysOf returns the year's list in effect.
func (c *Calendar) HolidaysOf(year int) []Holiday {
	if l, ok := c.edited[year]; ok {
		return l
	}
	return DefaultHolidays(year)
}

func (c *Calendar) offDays(year int) map[Date]bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if m, ok := c.years[year]; ok {
		return m
	}
	m := map[Date]bool{}
	for _, h := range c.HolidaysOf(year) {
		m[h.On] = h.Worked
	}
	c.years[year] = m
	return m
}

// IsHoliday reports whether d is a day off on the year's holiday list.
func (c *Calendar) IsHoliday(d Date) bool {
	worked, listed := c.offDays(d.Year())[d]
	return listed && !worked
}

// IsWorkingDay is false on Saturdays, Sundays and holidays, true on a
// weekend day the year's list makes worked.
func (c *Calendar) IsWorkingDay(d Date) bool {
	if worked, listed := c.offDays(d.Year())[d]; listed {
		return worked
	}
	return !isWeekend(d)
}

// NextWorkingDay is d when it is a working day, else the first working day
// after it.
func (c *Calendar) NextWorkingDay(d Date) Date {
	if d == 0 {
		return 0
	}
	for !c.IsWorkingDay(d) {
		d = d.AddDays(1)
	}
	return d
}

// AddWorkingDays returns the n-th working day after d: a deadline of
// "10 working days from receipt" received on d.
func (c *Calendar) AddWorkingDays(d Date, n int) Date {
	if d == 0 {
		return 0
	}
	for n > 0 {
		d = d.AddDays(1)
		if c.IsWorkingDay(d) {
			n--
		}
	}
	return d
}

// WorkingDaysBetween counts the working days in (from, to].
func (c *Calendar) WorkingDaysBetween(from, to Date) int {
	n := 0
	for d := from.AddDays(1); d <= to; d = d.AddDays(1) {
		if c.IsWorkingDay(d) {
			n++
		}
	}
	return n
}
