package model

import (
	"sync"
	"testing"
)

func TestIsWorkingDay(t *testing.T) {
	cal := NewCalendar(nil)
	tests := []struct {
		d    Date
		want bool
	}{
		{NewDate(2026, 2, 13), true},  // Friday before Tết
		{NewDate(2026, 2, 14), false}, // Saturday
		{NewDate(2026, 2, 15), false}, // Sunday
		{NewDate(2026, 2, 16), false}, // last day of Ất Tỵ
		{NewDate(2026, 2, 20), false}, // lunar 1/4
		{NewDate(2026, 2, 23), true},
		{NewDate(2026, 4, 26), false}, // Giỗ Tổ, Sunday
		{NewDate(2026, 4, 27), false}, // its compensatory day
		{NewDate(2026, 4, 28), true},
		{NewDate(2026, 9, 1), false},
		{NewDate(2026, 9, 2), false},
		{NewDate(2026, 9, 3), true},
		{NewDate(2026, 1, 1), false},
		{NewDate(2026, 1, 2), true},
	}
	for _, tt := range tests {
		if got := cal.IsWorkingDay(tt.d); got != tt.want {
			t.Errorf("IsWorkingDay(%v %v) = %v, want %v", tt.d, tt.d.Weekday(), got, tt.want)
		}
	}
	if cal.IsHoliday(NewDate(2026, 2, 14)) {
		t.Error("a plain Saturday is not a holiday")
	}
}

func TestAddWorkingDays(t *testing.T) {
	cal := NewCalendar(nil)
	tests := []struct {
		name string
		d    Date
		n    int
		want Date
	}{
		{"within a week", NewDate(2026, 3, 2), 3, NewDate(2026, 3, 5)},
		{"Friday + 1 is Monday", NewDate(2026, 3, 6), 1, NewDate(2026, 3, 9)},
		{"Saturday + 1 is Monday", NewDate(2026, 3, 7), 1, NewDate(2026, 3, 9)},
		{"across a weekend", NewDate(2026, 3, 5), 10, NewDate(2026, 3, 19)},
		// 13/02 is day 1; 16–20/02 are Tết; then 23/02 … 05/03.
		{"across Tết 2026", NewDate(2026, 2, 12), 10, NewDate(2026, 3, 5)},
		{"across Giỗ Tổ and 30/4–1/5 2026", NewDate(2026, 4, 24), 5, NewDate(2026, 5, 6)},
		{"across the new year", NewDate(2025, 12, 24), 10, NewDate(2026, 1, 8)},
		{"zero days", NewDate(2026, 2, 16), 0, NewDate(2026, 2, 16)},
		{"no date", 0, 10, 0},
	}
	for _, tt := range tests {
		got := cal.AddWorkingDays(tt.d, tt.n)
		if got != tt.want {
			t.Errorf("%s: AddWorkingDays(%v, %d) = %v, want %v", tt.name, tt.d, tt.n, got, tt.want)
		}
		if tt.d != 0 && tt.n > 0 {
			if !cal.IsWorkingDay(got) {
				t.Errorf("%s: %v is not a working day", tt.name, got)
			}
			if w := cal.WorkingDaysBetween(tt.d, got); w != tt.n {
				t.Errorf("%s: WorkingDaysBetween(%v, %v) = %d, want %d", tt.name, tt.d, got, w, tt.n)
			}
		}
	}
}

func TestWorkingDaysBetween(t *testing.T) {
	cal := NewCalendar(nil)
	tests := []struct {
		from, to Date
		want     int
	}{
		{NewDate(2026, 3, 2), NewDate(2026, 3, 2), 0},
		{NewDate(2026, 3, 2), NewDate(2026, 3, 1), 0},
		{NewDate(2026, 3, 1), NewDate(2026, 3, 2), 1}, // (from, to]: Monday counts
		{NewDate(2026, 3, 2), NewDate(2026, 3, 9), 5},
		{NewDate(2026, 2, 13), NewDate(2026, 2, 22), 0}, // weekend, Tết, weekend
		{NewDate(2025, 12, 31), NewDate(2026, 12, 31), 261 - 11},
	}
	for _, tt := range tests {
		if got := cal.WorkingDaysBetween(tt.from, tt.to); got != tt.want {
			t.Errorf("WorkingDaysBetween(%v, %v) = %d, want %d", tt.from, tt.to, got, tt.want)
		}
	}
}

func TestCalendarEditedYear(t *testing.T) {
	// The ward replaced 2026's list: only 1/1 and an extra day off on 13/02.
	edited := map[int][]Holiday{2026: {
		{On: NewDate(2026, 1, 1), Name: "holiday.new_year"},
		{On: NewDate(2026, 2, 13), Name: "Nghỉ hoán đổi"},
	}}
	cal := NewCalendar(edited)
	if got := cal.HolidaysOf(2026); len(got) != 2 {
		t.Fatalf("HolidaysOf(2026) = %v, want the edited list", got)
	}
	if got := len(cal.HolidaysOf(2025)); got != len(DefaultHolidays(2025)) {
		t.Errorf("HolidaysOf(2025): %d days, want the defaults", got)
	}
	for d, want := range map[Date]bool{
		NewDate(2026, 2, 13): false, // added
		NewDate(2026, 2, 17): true,  // Tết is no longer on the list
		NewDate(2026, 4, 27): true,
		NewDate(2025, 1, 29): false, // 2025 keeps the defaults
	} {
		if got := cal.IsWorkingDay(d); got != want {
			t.Errorf("edited calendar: IsWorkingDay(%v) = %v, want %v", d, got, want)
		}
	}
	// 16, 17, 18, 19, 20, 23, 24, 25, 26, 27/02.
	if got, want := cal.AddWorkingDays(NewDate(2026, 2, 12), 10), NewDate(2026, 2, 27); got != want {
		t.Errorf("edited calendar: AddWorkingDays(12/02/2026, 10) = %v, want %v", got, want)
	}

	// An edited year with no holidays at all is still the edited list.
	none := NewCalendar(map[int][]Holiday{2026: {}})
	if !none.IsWorkingDay(NewDate(2026, 1, 1)) {
		t.Error("an emptied year's list still has 1/1")
	}
}

func TestCalendarConcurrent(t *testing.T) {
	cal := NewCalendar(nil)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d := NewDate(2020+i, 1, 1)
			if got := cal.AddWorkingDays(d, 200); got == 0 {
				t.Errorf("AddWorkingDays(%v, 200) = 0", d)
			}
		}()
	}
	wg.Wait()
}

// A weekend day the year's list marks worked is a working day; the weekday
// it replaced is off; NextWorkingDay stops on it.
func TestCalendarWorkedDay(t *testing.T) {
	cal := NewCalendar(swapped2026)
	for _, c := range []struct {
		d       Date
		working bool
	}{
		{NewDate(2026, 1, 2), false},  // Fri, moved off
		{NewDate(2026, 1, 10), true},  // Sat, worked
		{NewDate(2026, 1, 11), false}, // Sun
		{NewDate(2026, 1, 17), false}, // the next Saturday is an ordinary one
	} {
		if got := cal.IsWorkingDay(c.d); got != c.working {
			t.Errorf("%v working = %v, want %v", c.d, got, c.working)
		}
	}
	if cal.IsHoliday(NewDate(2026, 1, 10)) {
		t.Error("a worked Saturday is no holiday")
	}
	if got := cal.NextWorkingDay(NewDate(2026, 1, 9)); got != NewDate(2026, 1, 9) {
		t.Errorf("NextWorkingDay(Fri 09/01) = %v", got)
	}
	if got := cal.NextWorkingDay(NewDate(2026, 1, 2)); got != NewDate(2026, 1, 5) {
		t.Errorf("NextWorkingDay(02/01, off) = %v, want Mon 05/01", got)
	}
	if got := NewCalendar(nil).AddWorkingDays(NewDate(2026, 1, 9), 1); got != NewDate(2026, 1, 12) {
		t.Errorf("default: the working day after Fri 09/01 = %v", got)
	}
	if got := cal.AddWorkingDays(NewDate(2026, 1, 9), 1); got != NewDate(2026, 1, 10) {
		t.Errorf("swapped: the working day after Fri 09/01 = %v, want Sat 10/01", got)
	}
}
