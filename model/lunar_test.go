package model

import "testing"

func TestLunarNewYear(t *testing.T) {
	// Tết as observed in Vietnam. 1968 and 1985 are the years the UTC+7
	// reckoning put Tết on another day than China's (30/01/1968, 20/02/1985);
	// 2007 too (China 18/02).
	tests := []struct {
		year int
		want Date
	}{
		{1968, NewDate(1968, 1, 29)},
		{1985, NewDate(1985, 1, 21)},
		{2007, NewDate(2007, 2, 17)},
		{2020, NewDate(2020, 1, 25)},
		{2023, NewDate(2023, 1, 22)},
		{2024, NewDate(2024, 2, 10)},
		{2025, NewDate(2025, 1, 29)},
		{2026, NewDate(2026, 2, 17)},
		{2027, NewDate(2027, 2, 6)},
	}
	for _, tt := range tests {
		if got := LunarToSolar(1, 1, tt.year, false); got != tt.want {
			t.Errorf("LunarToSolar(1/1/%d) = %v, want %v", tt.year, got, tt.want)
		}
		d, m, y, leap := SolarToLunar(tt.want)
		if d != 1 || m != 1 || y != tt.year || leap {
			t.Errorf("SolarToLunar(%v) = %d/%d/%d leap=%v, want 1/1/%d", tt.want, d, m, y, leap, tt.year)
		}
	}
}

func TestLunarHungKings(t *testing.T) {
	tests := []struct {
		year int
		want Date
	}{
		{2016, NewDate(2016, 4, 16)},
		{2020, NewDate(2020, 4, 2)},
		{2023, NewDate(2023, 4, 29)}, // after leap month 2
		{2024, NewDate(2024, 4, 18)},
		{2025, NewDate(2025, 4, 7)},
		{2026, NewDate(2026, 4, 26)},
	}
	for _, tt := range tests {
		if got := LunarToSolar(10, 3, tt.year, false); got != tt.want {
			t.Errorf("LunarToSolar(10/3/%d) = %v, want %v", tt.year, got, tt.want)
		}
	}
}

func TestLunarLeapMonth(t *testing.T) {
	tests := []struct {
		year, month int
		first, last Date // first and last day of the leap month
	}{
		{2020, 4, NewDate(2020, 5, 23), NewDate(2020, 6, 20)},
		{2023, 2, NewDate(2023, 3, 22), NewDate(2023, 4, 19)},
		{2025, 6, NewDate(2025, 7, 25), NewDate(2025, 8, 22)},
	}
	for _, tt := range tests {
		if got := LunarToSolar(1, tt.month, tt.year, true); got != tt.first {
			t.Errorf("leap %d/%d starts %v, want %v", tt.month, tt.year, got, tt.first)
		}
		for _, d := range []Date{tt.first, tt.last} {
			ld, lm, ly, leap := SolarToLunar(d)
			if lm != tt.month || ly != tt.year || !leap {
				t.Errorf("SolarToLunar(%v) = %d/%d/%d leap=%v, want leap month %d/%d", d, ld, lm, ly, leap, tt.month, tt.year)
			}
		}
		// The day after is the next ordinary month; the day before, the
		// ordinary month of the same number.
		if _, lm, _, leap := SolarToLunar(tt.last.AddDays(1)); lm != tt.month%12+1 || leap {
			t.Errorf("day after leap %d/%d: month %d leap=%v", tt.month, tt.year, lm, leap)
		}
		if _, lm, _, leap := SolarToLunar(tt.first.AddDays(-1)); lm != tt.month || leap {
			t.Errorf("day before leap %d/%d: month %d leap=%v", tt.month, tt.year, lm, leap)
		}
		// Only that month is leap in that year.
		for m := 1; m <= 12; m++ {
			if m != tt.month && LunarToSolar(1, m, tt.year, true) != 0 {
				t.Errorf("%d has no leap month %d", tt.year, m)
			}
		}
	}
	for m := 1; m <= 12; m++ {
		if got := LunarToSolar(1, m, 2026, true); got != 0 {
			t.Errorf("2026 has no leap month, got leap %d = %v", m, got)
		}
	}
}

func TestLunarInvalidMonth(t *testing.T) {
	for _, m := range []int{0, 13, -1} {
		if got := LunarToSolar(1, m, 2026, false); got != 0 {
			t.Errorf("LunarToSolar(1, %d, 2026) = %v, want 0", m, got)
		}
	}
}

// Every day in range converts to a lunar date and back to itself, lunar days
// run 1..29/30 and each lunar year's 1/1 is in late January or February.
func TestLunarRoundTrip(t *testing.T) {
	prevDay := 0
	for d := NewDate(MinYear, 1, 1); d <= NewDate(MaxYear, 12, 31); d = d.AddDays(1) {
		ld, lm, ly, leap := SolarToLunar(d)
		if back := LunarToSolar(ld, lm, ly, leap); back != d {
			t.Fatalf("%v → %d/%d/%d leap=%v → %v", d, ld, lm, ly, leap, back)
		}
		if ld < 1 || ld > 30 || lm < 1 || lm > 12 {
			t.Fatalf("%v → %d/%d/%d", d, ld, lm, ly)
		}
		if ld != 1 && ld != prevDay+1 && prevDay != 0 {
			t.Fatalf("%v: lunar day %d after %d", d, ld, prevDay)
		}
		if ld == 1 && prevDay != 0 && prevDay != 29 && prevDay != 30 {
			t.Fatalf("%v: month ended on day %d", d, prevDay)
		}
		if ld == 1 && lm == 1 && !leap {
			if ly != d.Year() || d < NewDate(d.Year(), 1, 20) || d > NewDate(d.Year(), 2, 21) {
				t.Fatalf("Tết %d on %v", ly, d)
			}
		}
		prevDay = ld
	}
}
