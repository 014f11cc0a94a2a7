package model

import (
	"cmp"
	"slices"
	"time"
)

// DefaultHolidays is the year's list of days off by law (Bộ luật Lao động
// 2019, Điều 112 khoản 1), before the government's yearly decision on the
// exact Tết and National Day days and any swaps, which a ward enters by
// editing the year's list:
//   - 1/1 (Tết Dương lịch);
//   - Tết Nguyên đán, 5 days: the last day of the lunar year and lunar 1/1–1/4;
//   - Giỗ Tổ Hùng Vương, lunar 10/3;
//   - 30/4 and 1/5;
//   - 2/9 and, as its adjacent day, 1/9.
//
// A holiday that falls on a Saturday or Sunday gives a compensatory day off
// on the next working day (Điều 111 khoản 3): the list holds those too.
// The result is sorted by date, one entry per date.
func DefaultHolidays(year int) []Holiday {
	tet := LunarToSolar(1, 1, year, false)
	l := []Holiday{
		{On: NewDate(year, time.January, 1), Name: "holiday.new_year"},
		{On: tet.AddDays(-1), Name: "holiday.tet"},
		{On: tet, Name: "holiday.tet"},
		{On: tet.AddDays(1), Name: "holiday.tet"},
		{On: tet.AddDays(2), Name: "holiday.tet"},
		{On: tet.AddDays(3), Name: "holiday.tet"},
		{On: LunarToSolar(10, 3, year, false), Name: "holiday.hung_kings"},
		{On: NewDate(year, time.April, 30), Name: "holiday.reunification"},
		{On: NewDate(year, time.May, 1), Name: "holiday.labour"},
		{On: NewDate(year, time.September, 1), Name: "holiday.national_day"},
		{On: NewDate(year, time.September, 2), Name: "holiday.national_day"},
	}
	slices.SortStableFunc(l, func(a, b Holiday) int { return cmp.Compare(a.On, b.On) })
	l = dedupHolidays(l)

	off := make(map[Date]bool, len(l)*2)
	for _, h := range l {
		off[h.On] = true
	}
	var comp []Holiday
	for _, h := range l {
		if !isWeekend(h.On) {
			continue
		}
		d := h.On.AddDays(1)
		for isWeekend(d) || off[d] {
			d = d.AddDays(1)
		}
		off[d] = true
		comp = append(comp, Holiday{On: d, Name: "holiday.compensatory"})
	}
	l = append(l, comp...)
	slices.SortStableFunc(l, func(a, b Holiday) int { return cmp.Compare(a.On, b.On) })
	return l
}

// dedupHolidays keeps the first entry of each date of a sorted list: in a
// year when lunar 10/3 falls on 30/4, that is one day off, not two.
func dedupHolidays(l []Holiday) []Holiday {
	out := l[:0]
	for _, h := range l {
		if len(out) > 0 && out[len(out)-1].On == h.On {
			continue
		}
		out = append(out, h)
	}
	return out
}

func isWeekend(d Date) bool {
	wd := d.Weekday()
	return wd == time.Saturday || wd == time.Sunday
}
