package model

import (
	"math"
	"time"
)

// The Vietnamese lunar calendar, after Hồ Ngọc Đức's astronomical algorithm
// ("Âm lịch Việt Nam", https://www.informatik.uni-leipzig.de/~duc/amlich/):
// a month starts on the day of the new moon, the 11th month holds the winter
// solstice, and in a 13-month year the first month after the 11th without a
// major solar term is the leap month. Days are reckoned in Vietnam's time
// zone (UTC+7), which is why Tết sometimes differs from China's (1985, 2007).
// Its author gives it for 1800–2199, which covers [MinYear, MaxYear].

const lunarTZ = 7.0

// jdn is the Julian day number of a Gregorian date.
func jdn(d, m, y int) int {
	a := (14 - m) / 12
	y = y + 4800 - a
	m = m + 12*a - 3
	return d + (153*m+2)/5 + 365*y + y/4 - y/100 + y/400 - 32045
}

// dateOfJDN is the inverse of jdn.
func dateOfJDN(j int) Date {
	a := j + 32044
	b := (4*a + 3) / 146097
	c := a - b*146097/4
	d := (4*c + 3) / 1461
	e := c - 1461*d/4
	m := (5*e + 2) / 153
	day := e - (153*m+2)/5 + 1
	month := m + 3 - 12*(m/10)
	year := b*100 + d - 4800 + m/10
	return NewDate(year, time.Month(month), day)
}

// newMoon is the Julian date (UT) of the k-th new moon after 1/1/1900.
func newMoon(k int) float64 {
	kf := float64(k)
	t := kf / 1236.85 // Julian centuries from 1900 January 0.5
	t2 := t * t
	t3 := t2 * t
	const dr = math.Pi / 180
	jd1 := 2415020.75933 + 29.53058868*kf + 0.0001178*t2 - 0.000000155*t3
	jd1 += 0.00033 * math.Sin((166.56+132.87*t-0.009173*t2)*dr)      // mean new moon
	m := 359.2242 + 29.10535608*kf - 0.0000333*t2 - 0.00000347*t3    // Sun's mean anomaly
	mpr := 306.0253 + 385.81691806*kf + 0.0107306*t2 + 0.00001236*t3 // Moon's mean anomaly
	f := 21.2964 + 390.67050646*kf - 0.0016528*t2 - 0.00000239*t3    // Moon's argument of latitude
	c1 := (0.1734-0.000393*t)*math.Sin(m*dr) + 0.0021*math.Sin(2*dr*m)
	c1 = c1 - 0.4068*math.Sin(mpr*dr) + 0.0161*math.Sin(dr*2*mpr)
	c1 = c1 - 0.0004*math.Sin(dr*3*mpr)
	c1 = c1 + 0.0104*math.Sin(dr*2*f) - 0.0051*math.Sin(dr*(m+mpr))
	c1 = c1 - 0.0074*math.Sin(dr*(m-mpr)) + 0.0004*math.Sin(dr*(2*f+m))
	c1 = c1 - 0.0004*math.Sin(dr*(2*f-m)) - 0.0006*math.Sin(dr*(2*f+mpr))
	c1 = c1 + 0.0010*math.Sin(dr*(2*f-mpr)) + 0.0005*math.Sin(dr*(2*mpr+m))
	var deltaT float64
	if t < -11 {
		deltaT = 0.001 + 0.000839*t + 0.0002261*t2 - 0.00000845*t3 - 0.000000081*t*t3
	} else {
		deltaT = -0.000278 + 0.000265*t + 0.000262*t2
	}
	return jd1 + c1 - deltaT
}

// sunLongitude is the Sun's apparent longitude in radians, [0, 2π), at
// Julian date jd (UT).
func sunLongitude(jd float64) float64 {
	t := (jd - 2451545.0) / 36525 // Julian centuries from 2000-01-01 12:00 UT
	t2 := t * t
	const dr = math.Pi / 180
	m := 357.52910 + 35999.05030*t - 0.0001559*t2 - 0.00000048*t*t2 // mean anomaly
	l0 := 280.46645 + 36000.76983*t + 0.0003032*t2                  // mean longitude
	dl := (1.914600 - 0.004817*t - 0.000014*t2) * math.Sin(dr*m)
	dl += (0.019993-0.000101*t)*math.Sin(dr*2*m) + 0.000290*math.Sin(dr*3*m)
	l := (l0 + dl) * dr
	return l - 2*math.Pi*math.Floor(l/(2*math.Pi))
}

// sunSector is the 30° sector (0..11) the Sun is in at local midnight
// starting day j: 9 holds the winter solstice.
func sunSector(j int) int {
	return int(math.Floor(sunLongitude(float64(j)-0.5-lunarTZ/24) / math.Pi * 6))
}

// newMoonDay is the day number of the k-th new moon, in local time.
func newMoonDay(k int) int {
	return int(math.Floor(newMoon(k) + 0.5 + lunarTZ/24))
}

// month11 is the day number of the start of the lunar month holding the
// winter solstice of solar year y.
func month11(y int) int {
	off := jdn(31, 12, y) - 2415021
	k := int(math.Floor(float64(off) / 29.530588853))
	nm := newMoonDay(k)
	if sunSector(nm) >= 9 { // the month starts after the solstice
		nm = newMoonDay(k - 1)
	}
	return nm
}

// leapOffset is, for a lunar year with 13 months starting at month 11 on
// day a11, the offset from month 11 of its leap month: the first month with
// no major solar term.
func leapOffset(a11 int) int {
	k := int(math.Floor((float64(a11)-2415021.076998695)/29.530588853 + 0.5))
	i := 1
	arc := sunSector(newMoonDay(k + i))
	for {
		last := arc
		i++
		arc = sunSector(newMoonDay(k + i))
		if arc == last || i >= 14 {
			break
		}
	}
	return i - 1
}

// SolarToLunar converts a date to the Vietnamese lunar calendar: the lunar
// day, month (1–12), year, and whether the month is a leap month.
func SolarToLunar(d Date) (day, month, year int, leap bool) {
	j := jdn(d.Day(), int(d.Month()), d.Year())
	k := int(math.Floor((float64(j) - 2415021.076998695) / 29.530588853))
	// k estimates the month from the mean lunation; the true new moon can
	// fall up to a day away from the mean one (07/05/2054 is in the month
	// started by newMoonDay(k-1)), so step back until the month has begun.
	start := newMoonDay(k + 1)
	for start > j {
		k--
		start = newMoonDay(k + 1)
	}
	y := d.Year()
	a11, b11 := month11(y), 0
	if a11 >= start {
		year = y
		b11 = a11
		a11 = month11(y - 1)
	} else {
		year = y + 1
		b11 = month11(y + 1)
	}
	day = j - start + 1
	diff := (start - a11) / 29
	month = diff + 11
	if b11-a11 > 365 {
		lo := leapOffset(a11)
		if diff >= lo {
			month = diff + 10
			leap = diff == lo
		}
	}
	if month > 12 {
		month -= 12
	}
	if month >= 11 && diff < 4 {
		year--
	}
	return day, month, year, leap
}

// LunarToSolar converts a lunar date to the solar calendar. It returns 0
// when leap is set but the year has no such leap month. A day past the end
// of a 29-day month runs into the next month, as a plain count would.
func LunarToSolar(day, month, year int, leap bool) Date {
	if month < 1 || month > 12 {
		return 0
	}
	var a11, b11 int
	if month < 11 {
		a11, b11 = month11(year-1), month11(year)
	} else {
		a11, b11 = month11(year), month11(year+1)
	}
	k := int(math.Floor(0.5 + (float64(a11)-2415021.076998695)/29.530588853))
	off := month - 11
	if off < 0 {
		off += 12
	}
	if b11-a11 > 365 {
		lo := leapOffset(a11)
		leapMonth := lo - 2
		if leapMonth < 0 {
			leapMonth += 12
		}
		if leap && month != leapMonth {
			return 0
		}
		if leap || off >= lo {
			off++
		}
	} else if leap {
		return 0
	}
	return dateOfJDN(newMoonDay(k+off) + day - 1)
}
