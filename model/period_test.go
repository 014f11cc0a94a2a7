package model

import (
	"errors"
	"testing"
)

func TestParsePeriod(t *testing.T) {
	tests := []struct {
		in       string
		from, to Date
		str      string // String() of the result
	}{
		{"2026", NewDate(2026, 1, 1), NewDate(2026, 12, 31), "2026"},
		{" 2026 ", NewDate(2026, 1, 1), NewDate(2026, 12, 31), "2026"},
		{"2026-Q1", NewDate(2026, 1, 1), NewDate(2026, 3, 31), "2026-Q1"},
		{"2026-q2", NewDate(2026, 4, 1), NewDate(2026, 6, 30), "2026-Q2"},
		{"2026-Q3", NewDate(2026, 7, 1), NewDate(2026, 9, 30), "2026-Q3"},
		{"2026-Q4", NewDate(2026, 10, 1), NewDate(2026, 12, 31), "2026-Q4"},
		{"2026-H1", NewDate(2026, 1, 1), NewDate(2026, 6, 30), "2026-H1"},
		{"2026-h2", NewDate(2026, 7, 1), NewDate(2026, 12, 31), "2026-H2"},
		{"2026-6m", NewDate(2026, 1, 1), NewDate(2026, 6, 30), "2026-H1"},
		{"2026-9M", NewDate(2026, 1, 1), NewDate(2026, 9, 30), "2026-9M"},
		{"2026-9m", NewDate(2026, 1, 1), NewDate(2026, 9, 30), "2026-9M"},
		{"2026-07", NewDate(2026, 7, 1), NewDate(2026, 7, 31), "2026-07"},
		{"2026-7", NewDate(2026, 7, 1), NewDate(2026, 7, 31), "2026-07"},
		{"2024-02", NewDate(2024, 2, 1), NewDate(2024, 2, 29), "2024-02"},
		{"2026-02", NewDate(2026, 2, 1), NewDate(2026, 2, 28), "2026-02"},
		{"01/03/2026..15/03/2026", NewDate(2026, 3, 1), NewDate(2026, 3, 15), "01/03/2026..15/03/2026"},
		{"1/3/2026..2026-03-15", NewDate(2026, 3, 1), NewDate(2026, 3, 15), "01/03/2026..15/03/2026"},
		{"01/03/2026 .. 15/03/2026", NewDate(2026, 3, 1), NewDate(2026, 3, 15), "01/03/2026..15/03/2026"},
		{"05/05/2026..05/05/2026", NewDate(2026, 5, 5), NewDate(2026, 5, 5), "05/05/2026..05/05/2026"},
		{"01/12/2025..31/01/2026", NewDate(2025, 12, 1), NewDate(2026, 1, 31), "01/12/2025..31/01/2026"},
		// A range that is exactly a named period reads as that period.
		{"01/07/2026..30/09/2026", NewDate(2026, 7, 1), NewDate(2026, 9, 30), "2026-Q3"},
		{"2026-01-01..2026-12-31", NewDate(2026, 1, 1), NewDate(2026, 12, 31), "2026"},
		{"01/02/2026..28/02/2026", NewDate(2026, 2, 1), NewDate(2026, 2, 28), "2026-02"},
		{"01/02/2026..31/03/2026", NewDate(2026, 2, 1), NewDate(2026, 3, 31), "01/02/2026..31/03/2026"},
	}
	for _, tt := range tests {
		p, err := ParsePeriod(tt.in)
		if err != nil {
			t.Errorf("ParsePeriod(%q): %v", tt.in, err)
			continue
		}
		if p.From != tt.from || p.To != tt.to {
			t.Errorf("ParsePeriod(%q) = %v..%v, want %v..%v", tt.in, p.From, p.To, tt.from, tt.to)
		}
		if s := p.String(); s != tt.str {
			t.Errorf("ParsePeriod(%q).String() = %q, want %q", tt.in, s, tt.str)
		}
		if back, err := ParsePeriod(p.String()); err != nil || back != p {
			t.Errorf("ParsePeriod(%q) = %v, %v; want %v", p.String(), back, err, p)
		}
	}
}

func TestParsePeriodErrors(t *testing.T) {
	tests := []struct {
		in, key string
	}{
		{"", "err.period.format"},
		{"   ", "err.period.format"},
		{"abc", "err.period.format"},
		{"26", "err.period.format"},
		{"20266", "err.period.format"},
		{"2026-", "err.period.format"},
		{"2026-Q0", "err.period.format"},
		{"2026-Q5", "err.period.format"},
		{"2026-Q", "err.period.format"},
		{"2026-H3", "err.period.format"},
		{"2026-8M", "err.period.format"},
		{"2026-00", "err.period.format"},
		{"2026-13", "err.period.format"},
		{"2026-007", "err.period.format"},
		{"2026-Q3-x", "err.period.format"},
		{"Q3-2026", "err.period.format"},
		{"1899", "err.date.year"},
		{"2200-Q1", "err.date.year"},
		{"..", "err.period.format"},
		{"01/01/2026..", "err.period.format"},
		{"..31/01/2026", "err.period.format"},
		{"01/01/2026..31/01/2026..", "err.period.format"},
		{"31/12/2026..01/01/2026", "err.period.order"},
		{"2026-03-02..2026-03-01", "err.period.order"},
		{"31/02/2026..01/03/2026", "err.date.invalid"},
		{"01/01/1850..01/01/2026", "err.date.year"},
		{"01/01/2026...31/01/2026", "err.period.format"},
	}
	for _, tt := range tests {
		p, err := ParsePeriod(tt.in)
		var pe *ErrPeriod
		if !errors.As(err, &pe) {
			t.Errorf("ParsePeriod(%q) = %v, %v; want *ErrPeriod", tt.in, p, err)
			continue
		}
		if pe.Key != tt.key {
			t.Errorf("ParsePeriod(%q): key %q, want %q", tt.in, pe.Key, tt.key)
		}
		if p != (Period{}) {
			t.Errorf("ParsePeriod(%q) returned %v with an error", tt.in, p)
		}
	}
}

func TestCurrentQuarter(t *testing.T) {
	tests := []struct {
		today    Date
		from, to Date
	}{
		{NewDate(2026, 1, 1), NewDate(2026, 1, 1), NewDate(2026, 3, 31)},
		{NewDate(2026, 3, 31), NewDate(2026, 1, 1), NewDate(2026, 3, 31)},
		{NewDate(2026, 4, 1), NewDate(2026, 4, 1), NewDate(2026, 6, 30)},
		{NewDate(2026, 8, 15), NewDate(2026, 7, 1), NewDate(2026, 9, 30)},
		{NewDate(2026, 12, 31), NewDate(2026, 10, 1), NewDate(2026, 12, 31)},
	}
	for _, tt := range tests {
		p := CurrentQuarter(tt.today)
		if p.From != tt.from || p.To != tt.to {
			t.Errorf("CurrentQuarter(%v) = %v..%v, want %v..%v", tt.today, p.From, p.To, tt.from, tt.to)
		}
		if !p.Contains(tt.today) {
			t.Errorf("CurrentQuarter(%v) = %v does not contain today", tt.today, p)
		}
	}
}

func TestPeriodDays(t *testing.T) {
	tests := []struct {
		in   string
		days int
	}{
		{"2026", 365},
		{"2024", 366},
		{"2026-Q1", 90},
		{"2024-Q1", 91},
		{"2026-H2", 184},
		{"2026-9M", 273},
		{"2026-02", 28},
		{"05/05/2026..05/05/2026", 1},
		{"31/12/2025..01/01/2026", 2},
	}
	for _, tt := range tests {
		p, err := ParsePeriod(tt.in)
		if err != nil {
			t.Fatalf("ParsePeriod(%q): %v", tt.in, err)
		}
		if got := p.Days(); got != tt.days {
			t.Errorf("%s: Days() = %d, want %d", tt.in, got, tt.days)
		}
	}
	if got := (Period{}).Days(); got != 0 {
		t.Errorf("zero period: Days() = %d, want 0", got)
	}
	if got := (Period{}).String(); got != "" {
		t.Errorf("zero period: String() = %q, want empty", got)
	}
}

func TestPeriodContains(t *testing.T) {
	p := Period{NewDate(2026, 7, 1), NewDate(2026, 9, 30)}
	for d, want := range map[Date]bool{
		NewDate(2026, 6, 30): false,
		NewDate(2026, 7, 1):  true,
		NewDate(2026, 9, 30): true,
		NewDate(2026, 10, 1): false,
	} {
		if got := p.Contains(d); got != want {
			t.Errorf("Contains(%v) = %v, want %v", d, got, want)
		}
	}
}

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2026", "2026-Q3", "2026-h1", "2026-9M", "2026-07", "2026-7",
		"01/01/2026..31/03/2026", "2026-01-01..2026-12-31", "31/12/2026..01/01/2026", "2026-Q", "..", "2026-"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePeriod(s)
		if err != nil {
			var pe *ErrPeriod
			if !errors.As(err, &pe) || pe.Key == "" {
				t.Fatalf("ParsePeriod(%q): error %v is not an *ErrPeriod with a key", s, err)
			}
			return
		}
		if !p.From.Valid() || !p.To.Valid() || p.From > p.To {
			t.Fatalf("ParsePeriod(%q) = %v..%v", s, p.From, p.To)
		}
		if p.Days() < 1 {
			t.Fatalf("ParsePeriod(%q): %d days", s, p.Days())
		}
		back, err := ParsePeriod(p.String())
		if err != nil || back != p {
			t.Fatalf("ParsePeriod(%q) = %v; String %q reads back as %v, %v", s, p, p.String(), back, err)
		}
	})
}
