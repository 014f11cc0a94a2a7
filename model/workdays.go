package model

import "sync"

// Holiday is one day off. Name is a catalog key ("holiday.tet", …) or text
// an officer typed when editing the year's list.
type Holiday struct {
	On   Date   `json:"on"`
	Name string `json:"name"`
}

// Calendar answers working-day questions: Saturdays, Sundays and the year's
// holidays are off. A year's list comes from Settings when edited there, else
// from DefaultHolidays.
type Calendar struct {
	edited map[int][]Holiday
	mu     sync.Mutex
	years  map[int]map[Date]bool
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
		m[h.On] = true
	}
	c.years[year] = m
	return m
}

// IsHoliday reports whether d is on the year's holiday list.
func (c *Calendar) IsHoliday(d Date) bool { return c.offDays(d.Year())[d] }

// IsWorkingDay is false on Saturdays, Sundays and holidays.
func (c *Calendar) IsWorkingDay(d Date) bool { return !isWeekend(d) && !c.IsHoliday(d) }

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
