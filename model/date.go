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

func (d Date) IsZero() bool      { return d == 0 }
func (d Date) Year() int         { return int(d) / 10000 }
func (d Date) Month() time.Month { return time.Month(int(d) / 100 % 100) }
func (d Date) Day() int          { return int(d) % 100 }
func (d Date) Weekday() time.Weekday {
	if n, ok := d.dayNumber(); ok {
		// 1970-01-01 was a Thursday.
		return time.Weekday(((n+4)%7 + 7) % 7)
	}
	return d.Time().Weekday()
}

// Time is midnight UTC of the date; use it only for calendar arithmetic.
func (d Date) Time() time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
}

// AddDays moves by n calendar days.
func (d Date) AddDays(n int) Date {
	if d == 0 {
		return 0
	}
	if day, ok := d.dayNumber(); ok && n > -1_000_000 && n < 1_000_000 {
		if e, ok := dateOfDayNumber(day + n); ok {
			return e
		}
	}
	t := d.Time().AddDate(0, 0, n)
	return NewDate(t.Year(), t.Month(), t.Day())
}

// DaysUntil counts calendar days from d to e (negative when e is earlier).
func (d Date) DaysUntil(e Date) int {
	if a, ok := d.dayNumber(); ok {
		// (Beyond 292 years time.Duration saturates: time answers.)
		if b, ok := e.dayNumber(); ok && b-a < 100_000 && a-b < 100_000 {
			return b - a
		}
	}
	return int(e.Time().Sub(d.Time()).Hours() / 24)
}

// dayNumber is the number of days from 1970-01-01 to d, for a real date
// of years 1–9999 (ok false otherwise: time's normalising answers for
// the rest). The calendar's arithmetic (deadlines count days one by one)
// went through time.Date for each day.
func (d Date) dayNumber() (int, bool) {
	y, m, dd := int(d)/10000, int(d)/100%100, int(d)%100
	if d <= 0 || y < 1 || y > 9999 || m < 1 || m > 12 || dd < 1 || dd > monthLength(y, m) {
		return 0, false
	}
	// Howard Hinnant's days_from_civil (proleptic Gregorian, as time's).
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + dd - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468, true
}

// dateOfDayNumber is dayNumber's inverse, for years 1–9999.
func dateOfDayNumber(z int) (Date, bool) {
	z += 719468
	if z < 0 {
		return 0, false
	}
	era := z / 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	if y < 1 || y > 9999 {
		return 0, false
	}
	return Date(y*10000 + m*100 + d), true
}

func monthLength(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
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
