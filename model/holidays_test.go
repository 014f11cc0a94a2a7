package model

import (
	"sort"
	"testing"
)

func holidayMap(l []Holiday) map[Date]string {
	m := make(map[Date]string, len(l))
	for _, h := range l {
		m[h.On] = h.Name
	}
	return m
}

func TestDefaultHolidays(t *testing.T) {
	tests := []struct {
		year int
		want []Holiday // the whole list, in order
	}{
		{2025, []Holiday{
			{On: NewDate(2025, 1, 1), Name: "holiday.new_year"},
			{On: NewDate(2025, 1, 28), Name: "holiday.tet"}, // last day of Giáp Thìn
			{On: NewDate(2025, 1, 29), Name: "holiday.tet"}, // lunar 1/1
			{On: NewDate(2025, 1, 30), Name: "holiday.tet"},
			{On: NewDate(2025, 1, 31), Name: "holiday.tet"},
			{On: NewDate(2025, 2, 1), Name: "holiday.tet"},          // Saturday
			{On: NewDate(2025, 2, 3), Name: "holiday.compensatory"}, // Monday
			{On: NewDate(2025, 4, 7), Name: "holiday.hung_kings"},
			{On: NewDate(2025, 4, 30), Name: "holiday.reunification"},
			{On: NewDate(2025, 5, 1), Name: "holiday.labour"},
			{On: NewDate(2025, 9, 1), Name: "holiday.national_day"},
			{On: NewDate(2025, 9, 2), Name: "holiday.national_day"},
		}},
		{2026, []Holiday{
			{On: NewDate(2026, 1, 1), Name: "holiday.new_year"},
			{On: NewDate(2026, 2, 16), Name: "holiday.tet"}, // last day of Ất Tỵ
			{On: NewDate(2026, 2, 17), Name: "holiday.tet"}, // lunar 1/1
			{On: NewDate(2026, 2, 18), Name: "holiday.tet"},
			{On: NewDate(2026, 2, 19), Name: "holiday.tet"},
			{On: NewDate(2026, 2, 20), Name: "holiday.tet"},
			{On: NewDate(2026, 4, 26), Name: "holiday.hung_kings"},   // Sunday
			{On: NewDate(2026, 4, 27), Name: "holiday.compensatory"}, // Monday
			{On: NewDate(2026, 4, 30), Name: "holiday.reunification"},
			{On: NewDate(2026, 5, 1), Name: "holiday.labour"},
			{On: NewDate(2026, 9, 1), Name: "holiday.national_day"},
			{On: NewDate(2026, 9, 2), Name: "holiday.national_day"},
		}},
		// 2016 and 2022: the compensatory days the government announced
		// (Giỗ Tổ on a Saturday → Monday; 30/4 and 1/5 on a weekend →
		// Monday and Tuesday).
		{2016, []Holiday{
			{On: NewDate(2016, 1, 1), Name: "holiday.new_year"},
			{On: NewDate(2016, 2, 7), Name: "holiday.tet"}, // Sunday
			{On: NewDate(2016, 2, 8), Name: "holiday.tet"},
			{On: NewDate(2016, 2, 9), Name: "holiday.tet"},
			{On: NewDate(2016, 2, 10), Name: "holiday.tet"},
			{On: NewDate(2016, 2, 11), Name: "holiday.tet"},
			{On: NewDate(2016, 2, 12), Name: "holiday.compensatory"},
			{On: NewDate(2016, 4, 16), Name: "holiday.hung_kings"},
			{On: NewDate(2016, 4, 18), Name: "holiday.compensatory"},
			{On: NewDate(2016, 4, 30), Name: "holiday.reunification"},
			{On: NewDate(2016, 5, 1), Name: "holiday.labour"},
			{On: NewDate(2016, 5, 2), Name: "holiday.compensatory"},
			{On: NewDate(2016, 5, 3), Name: "holiday.compensatory"},
			{On: NewDate(2016, 9, 1), Name: "holiday.national_day"},
			{On: NewDate(2016, 9, 2), Name: "holiday.national_day"},
		}},
	}
	for _, tt := range tests {
		got := DefaultHolidays(tt.year)
		if len(got) != len(tt.want) {
			t.Errorf("%d: %d holidays, want %d: %v", tt.year, len(got), len(tt.want), got)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%d: [%d] = %v %s, want %v %s", tt.year, i, got[i].On, got[i].Name, tt.want[i].On, tt.want[i].Name)
			}
		}
	}
}

func TestDefaultHolidaysCompensatory(t *testing.T) {
	tests := []struct {
		year int
		want []Date
	}{
		{2022, []Date{NewDate(2022, 1, 3), NewDate(2022, 4, 11), NewDate(2022, 5, 2), NewDate(2022, 5, 3)}},
		// Tết 2024 starts on a Saturday: its Saturday and Sunday are made up
		// after the last Tết day, on Wednesday and Thursday; 1/9 is a Sunday.
		{2024, []Date{NewDate(2024, 2, 14), NewDate(2024, 2, 15), NewDate(2024, 9, 3)}},
		{2025, []Date{NewDate(2025, 2, 3)}},
		{2026, []Date{NewDate(2026, 4, 27)}},
	}
	for _, tt := range tests {
		var got []Date
		for _, h := range DefaultHolidays(tt.year) {
			if h.Name == "holiday.compensatory" {
				got = append(got, h.On)
			}
		}
		if len(got) != len(tt.want) {
			t.Errorf("%d: compensatory %v, want %v", tt.year, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%d: compensatory %v, want %v", tt.year, got, tt.want)
				break
			}
		}
	}
}

// For every year: sorted, one entry per date, 11 legal days (10 when two
// coincide), each compensatory day a weekday after a weekend holiday, all in
// the year.
func TestDefaultHolidaysInvariants(t *testing.T) {
	for y := MinYear; y <= MaxYear; y++ {
		l := DefaultHolidays(y)
		if !sort.SliceIsSorted(l, func(i, j int) bool { return l[i].On < l[j].On }) {
			t.Fatalf("%d: not sorted: %v", y, l)
		}
		legal, comp, weekend := 0, 0, 0
		for i, h := range l {
			if i > 0 && l[i-1].On == h.On {
				t.Fatalf("%d: %v twice", y, h.On)
			}
			if !h.On.Valid() || h.On.Year() != y {
				t.Fatalf("%d: %v outside the year", y, h.On)
			}
			if h.Name == "holiday.compensatory" {
				comp++
				if isWeekend(h.On) {
					t.Fatalf("%d: compensatory %v on a weekend", y, h.On)
				}
				continue
			}
			legal++
			if isWeekend(h.On) {
				weekend++
			}
		}
		if legal != 11 && !(legal == 10 && y == 1947) { // 1947: lunar 10/3 was 30/4
			t.Fatalf("%d: %d legal holidays: %v", y, legal, l)
		}
		if comp != weekend {
			t.Fatalf("%d: %d weekend holidays but %d compensatory days", y, weekend, comp)
		}
		m := holidayMap(l)
		tet := LunarToSolar(1, 1, y, false)
		for i := -1; i <= 3; i++ {
			if m[tet.AddDays(i)] != "holiday.tet" {
				t.Fatalf("%d: %v not Tết", y, tet.AddDays(i))
			}
		}
		if _, lm, _, _ := SolarToLunar(tet.AddDays(-1)); lm != 12 {
			t.Fatalf("%d: the day before Tết is in lunar month %d", y, lm)
		}
	}
}
