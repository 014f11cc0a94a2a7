package model

// DefaultHolidays is temporary: fixed-date holidays only until the lunar
// calendar lands.
func DefaultHolidays(year int) []Holiday {
	return []Holiday{
		{NewDate(year, 1, 1), "holiday.new_year"},
		{NewDate(year, 4, 30), "holiday.reunification"},
		{NewDate(year, 5, 1), "holiday.labour"},
		{NewDate(year, 9, 1), "holiday.national_day"},
		{NewDate(year, 9, 2), "holiday.national_day"},
	}
}
