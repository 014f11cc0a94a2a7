package model

// Period is an inclusive range of dates a report or list covers.
type Period struct {
	From Date `json:"from"`
	To   Date `json:"to"`
}

// Contains reports whether d falls in the period (both ends included).
func (p Period) Contains(d Date) bool { return d >= p.From && d <= p.To }
