package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a civil date stored as yyyymmdd (20260127). Zero means "not set".
// The layout sorts the way dates do, reads well in a debugger and encodes
// big-endian into index keys without conversion.
type Date int32

// VNZone is Vietnam's time zone (UTC+7, no daylight saving). "Today" and the
// lunar calendar are both reckoned in it.
var VNZone = time.FixedZone("ICT", 7*3600)

// MinYear and MaxYear bound the dates gopy accepts: records older than the
// reforms it tracks or far in the future are typing mistakes.
const (
	MinYear = 1900
	MaxYear = 2199
)

// NewDate builds a Date; it does not validate (use ParseDate for input).
func NewDate(y int, m time.Month, d int) Date {
	return Date(y*10000 + int(m)*100 + d)
}

// DateOf returns the civil date of t in Vietnam's time zone.
func DateOf(t time.Time) Date {
	t = t.In(VNZone)
	return NewDate(t.Year(), t.Month(), t.Day())
}

// Today is the current date in Vietnam.
func Today() Date { return DateOf(time.Now()) }

func (d Date) IsZero() bool          { return d == 0 }
func (d Date) Year() int             { return int(d) / 10000 }
func (d Date) Month() time.Month     { return time.Month(int(d) / 100 % 100) }
func (d Date) Day() int              { return int(d) % 100 }
func (d Date) Weekday() time.Weekday { return d.Time().Weekday() }

// Time is midnight UTC of the date; use it only for calendar arithmetic.
func (d Date) Time() time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
}

// AddDays moves by n calendar days.
func (d Date) AddDays(n int) Date {
	if d == 0 {
		return 0
	}
	t := d.Time().AddDate(0, 0, n)
	return NewDate(t.Year(), t.Month(), t.Day())
}

// DaysUntil counts calendar days from d to e (negative when e is earlier).
func (d Date) DaysUntil(e Date) int {
	return int(e.Time().Sub(d.Time()).Hours() / 24)
}

// ISO formats as yyyy-mm-dd, the stored and exported form. Zero gives "".
func (d Date) ISO() string {
	if d == 0 {
		return ""
	}
	if d > 0 && d < 1_0000_00_00 {
		var b [10]byte
		return string(d.AppendISO(b[:0]))
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year(), int(d.Month()), d.Day())
}

// AppendISO appends ISO's text to b (without a string for the common
// dates: a record's JSON writes several).
func (d Date) AppendISO(b []byte) []byte {
	if d <= 0 || d >= 1_0000_00_00 {
		return append(b, d.ISO()...)
	}
	y, m, dd := int(d)/10000, int(d)/100%100, int(d)%100
	return append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-', byte('0'+dd/10), byte('0'+dd%10))
}

// String formats as dd/mm/yyyy, the form users read and type. Zero gives "".
func (d Date) String() string {
	if d == 0 {
		return ""
	}
	return fmt.Sprintf("%02d/%02d/%04d", d.Day(), int(d.Month()), d.Year())
}

func (d Date) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 12)
	b = append(b, '"')
	return append(d.AppendISO(b), '"'), nil
}

func (d *Date) UnmarshalJSON(b []byte) error {
	s, err := strconv.Unquote(string(b))
	if err != nil {
		return fmt.Errorf("date %s: not a string", b)
	}
	if s == "" {
		*d = 0
		return nil
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// ErrDate describes why a typed date was refused; Key is a catalog key the UI
// translates.
type ErrDate struct {
	Input string
	Key   string
}

func (e *ErrDate) Error() string { return fmt.Sprintf("%s: %q", e.Key, e.Input) }

// ParseDate accepts dd/mm/yyyy, d/m/yyyy (also with - or . between) and
// yyyy-mm-dd. It rejects impossible days (31/02) and years outside
// [MinYear, MaxYear].
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, &ErrDate{s, "err.date.empty"}
	}
	var y, m, d int
	var ok bool
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		y, ok = atoiN(s[0:4])
		if ok {
			m, ok = atoiN(s[5:7])
		}
		if ok {
			d, ok = atoiN(s[8:10])
		}
	} else {
		parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '-' || r == '.' })
		if len(parts) == 3 && len(parts[0]) <= 2 && len(parts[1]) <= 2 && len(parts[2]) == 4 &&
			strings.Count(s, "/")+strings.Count(s, "-")+strings.Count(s, ".") == 2 {
			d, ok = atoiN(parts[0])
			if ok {
				m, ok = atoiN(parts[1])
			}
			if ok {
				y, ok = atoiN(parts[2])
			}
		}
	}
	if !ok {
		return 0, &ErrDate{s, "err.date.format"}
	}
	if y < MinYear || y > MaxYear {
		return 0, &ErrDate{s, "err.date.year"}
	}
	if m < 1 || m > 12 || d < 1 || d > daysIn(y, time.Month(m)) {
		return 0, &ErrDate{s, "err.date.invalid"}
	}
	return NewDate(y, time.Month(m), d), nil
}

func atoiN(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	n := 0
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// Valid reports whether d is a real calendar date in range.
func (d Date) Valid() bool {
	y, m, dd := d.Year(), d.Month(), d.Day()
	return y >= MinYear && y <= MaxYear && m >= 1 && m <= 12 && dd >= 1 && dd <= daysIn(y, m)
}
