package model

import (
	"encoding/json"
	"errors"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want Date
	}{
		{"27/01/2026", NewDate(2026, 1, 27)},
		{"7/1/2026", NewDate(2026, 1, 7)},
		{"07/1/2026", NewDate(2026, 1, 7)},
		{"7-1-2026", NewDate(2026, 1, 7)},
		{"7.1.2026", NewDate(2026, 1, 7)},
		{"2026-01-27", NewDate(2026, 1, 27)},
		{"  27/01/2026\t", NewDate(2026, 1, 27)},
		{"29/02/2024", NewDate(2024, 2, 29)},
		{"29/02/2000", NewDate(2000, 2, 29)},
		{"31/12/2199", NewDate(2199, 12, 31)},
		{"01/01/1900", NewDate(1900, 1, 1)},
		{"31/01/2026", NewDate(2026, 1, 31)},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func TestParseDateErrors(t *testing.T) {
	tests := []struct {
		in, key string
	}{
		{"", "err.date.empty"},
		{"  ", "err.date.empty"},
		{"31/02/2026", "err.date.invalid"},
		{"29/02/2025", "err.date.invalid"},
		{"29/02/1900", "err.date.invalid"}, // 1900 is not a leap year
		{"31/04/2026", "err.date.invalid"},
		{"00/01/2026", "err.date.invalid"},
		{"1/13/2026", "err.date.invalid"},
		{"1/0/2026", "err.date.invalid"},
		{"2026-02-30", "err.date.invalid"},
		{"2026-13-01", "err.date.invalid"},
		{"31/12/1899", "err.date.year"},
		{"01/01/2200", "err.date.year"},
		{"0000-01-01", "err.date.year"},
		{"9999-12-31", "err.date.year"},
		{"hôm qua", "err.date.format"},
		{"abc", "err.date.format"},
		{"27/01/26", "err.date.format"},
		{"27/01", "err.date.format"},
		{"27//01/2026", "err.date.format"},
		{"/27/01/2026", "err.date.format"},
		{"27/01/2026/", "err.date.format"},
		{"127/01/2026", "err.date.format"},
		{"27/001/2026", "err.date.format"},
		{"+1/01/2026", "err.date.format"},
		{"-1/01/2026", "err.date.format"},
		{"27 01 2026", "err.date.format"},
		{"2026-1-27", "err.date.format"},
		{"2026/01/27", "err.date.format"},
		{"20260127", "err.date.format"},
		{"٢٧/٠١/٢٠٢٦", "err.date.format"}, // Arabic-Indic digits
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		var de *ErrDate
		if !errors.As(err, &de) {
			t.Errorf("ParseDate(%q) = %v, %v; want *ErrDate", tt.in, got, err)
			continue
		}
		if de.Key != tt.key {
			t.Errorf("ParseDate(%q): key %q, want %q", tt.in, de.Key, tt.key)
		}
		if got != 0 {
			t.Errorf("ParseDate(%q) returned %v with an error", tt.in, got)
		}
	}
}

func TestDateFormat(t *testing.T) {
	tests := []struct {
		d        Date
		str, iso string
	}{
		{NewDate(2026, 1, 7), "07/01/2026", "2026-01-07"},
		{NewDate(1900, 12, 31), "31/12/1900", "1900-12-31"},
		{0, "", ""},
	}
	for _, tt := range tests {
		if got := tt.d.String(); got != tt.str {
			t.Errorf("%d.String() = %q, want %q", tt.d, got, tt.str)
		}
		if got := tt.d.ISO(); got != tt.iso {
			t.Errorf("%d.ISO() = %q, want %q", tt.d, got, tt.iso)
		}
	}
	d := NewDate(2026, 2, 17)
	if d.Year() != 2026 || d.Month() != time.February || d.Day() != 17 || d.Weekday() != time.Tuesday {
		t.Errorf("fields of %v: %d %v %d %v", d, d.Year(), d.Month(), d.Day(), d.Weekday())
	}
	if int32(d) != 20260217 {
		t.Errorf("NewDate(2026, 2, 17) = %d", int32(d))
	}
}

func TestDateOf(t *testing.T) {
	// 17:30 UTC on 31/12/2025 is already 00:30 on 1/1/2026 in Vietnam.
	at := time.Date(2025, 12, 31, 17, 30, 0, 0, time.UTC)
	if got := DateOf(at); got != NewDate(2026, 1, 1) {
		t.Errorf("DateOf(%v) = %v, want 01/01/2026", at, got)
	}
	at = time.Date(2025, 12, 31, 16, 59, 0, 0, time.UTC)
	if got := DateOf(at); got != NewDate(2025, 12, 31) {
		t.Errorf("DateOf(%v) = %v, want 31/12/2025", at, got)
	}
}

func TestDateJSON(t *testing.T) {
	type rec struct {
		On   Date `json:"on"`
		Due  Date `json:"due"`
		None Date `json:"none"`
	}
	in := rec{On: NewDate(2026, 2, 17), Due: NewDate(2024, 2, 29)}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"on":"2026-02-17","due":"2024-02-29","none":""}`; string(b) != want {
		t.Errorf("Marshal = %s, want %s", b, want)
	}
	var out rec
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if out != in {
		t.Errorf("round trip = %+v, want %+v", out, in)
	}
	for _, bad := range []string{`{"on":20260217}`, `{"on":"2026-02-30"}`, `{"on":"x"}`, `{"on":null}`} {
		var r rec
		if err := json.Unmarshal([]byte(bad), &r); err == nil {
			t.Errorf("Unmarshal(%s) accepted: %+v", bad, r)
		}
	}
	var r rec
	if err := json.Unmarshal([]byte(`{"on":"17/02/2026"}`), &r); err != nil || r.On != NewDate(2026, 2, 17) {
		t.Errorf("Unmarshal dd/mm/yyyy = %v, %v", r.On, err)
	}
}

func TestAddDays(t *testing.T) {
	tests := []struct {
		d    Date
		n    int
		want Date
	}{
		{NewDate(2026, 1, 31), 1, NewDate(2026, 2, 1)},
		{NewDate(2026, 2, 28), 1, NewDate(2026, 3, 1)},
		{NewDate(2024, 2, 28), 1, NewDate(2024, 2, 29)},
		{NewDate(2024, 2, 29), 1, NewDate(2024, 3, 1)},
		{NewDate(2025, 12, 31), 1, NewDate(2026, 1, 1)},
		{NewDate(2026, 1, 1), -1, NewDate(2025, 12, 31)},
		{NewDate(2026, 3, 1), -1, NewDate(2026, 2, 28)},
		{NewDate(2026, 1, 15), 30, NewDate(2026, 2, 14)},
		{NewDate(2025, 12, 20), 30, NewDate(2026, 1, 19)},
		{NewDate(2026, 1, 1), 365, NewDate(2027, 1, 1)},
		{NewDate(2024, 1, 1), 365, NewDate(2024, 12, 31)},
		{NewDate(2026, 5, 5), 0, NewDate(2026, 5, 5)},
		{0, 10, 0},
	}
	for _, tt := range tests {
		if got := tt.d.AddDays(tt.n); got != tt.want {
			t.Errorf("%v.AddDays(%d) = %v, want %v", tt.d, tt.n, got, tt.want)
		}
		if tt.d != 0 {
			if got := tt.d.DaysUntil(tt.want); got != tt.n {
				t.Errorf("%v.DaysUntil(%v) = %d, want %d", tt.d, tt.want, got, tt.n)
			}
		}
	}
}

func TestDateValid(t *testing.T) {
	for d, want := range map[Date]bool{
		NewDate(2026, 2, 28):  true,
		NewDate(2026, 2, 29):  false,
		NewDate(2024, 2, 29):  true,
		NewDate(2026, 13, 1):  false,
		NewDate(2026, 0, 1):   false,
		NewDate(2026, 1, 0):   false,
		NewDate(1899, 12, 31): false,
		NewDate(2200, 1, 1):   false,
		0:                     false,
		-20260101:             false,
	} {
		if got := d.Valid(); got != want {
			t.Errorf("Date(%d).Valid() = %v, want %v", int32(d), got, want)
		}
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"27/01/2026", "7/1/2026", "2026-01-27", "31/02/2026", "29/02/2024",
		"1.2.2026", "00/01/2026", "1/13/2026", "", "//", "2026-1-1", "01/01/1899"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			var de *ErrDate
			if !errors.As(err, &de) || de.Key == "" || d != 0 {
				t.Fatalf("ParseDate(%q) = %v, %v", s, d, err)
			}
			return
		}
		if !d.Valid() {
			t.Fatalf("ParseDate(%q) = %d, not a valid date", s, int32(d))
		}
		for _, form := range []string{d.String(), d.ISO()} {
			if back, err := ParseDate(form); err != nil || back != d {
				t.Fatalf("ParseDate(%q) = %v; %q reads back as %v, %v", s, d, form, back, err)
			}
		}
		b, _ := json.Marshal(d)
		var back Date
		if err := json.Unmarshal(b, &back); err != nil || back != d {
			t.Fatalf("JSON round trip of %v: %s → %v, %v", d, b, back, err)
		}
	})
}
