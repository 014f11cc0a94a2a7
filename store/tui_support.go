package store

import "gopy/model"

// The TUI's dashboard opens "what falls due this week" as a list: records
// still open whose deadline lies in a date range. Query cannot say that (its
// From/To bound the record's own date), so these walk the due index between
// two deadlines, soonest first, applying the query's other filters.

func (q *Query) dueRangePlan(dueFrom, dueTo model.Date) plan {
	dq := *q
	dq.Overdue = false
	dq.Order, dq.Open = DueFirst, true
	p := dq.plan()
	p.lo = append([]byte{ixDue}, dateKey(dueFrom)...)
	p.hi = append([]byte{ixDue}, dateKey(dueTo.AddDays(1))...)
	if dueTo == 0 {
		p.hi = []byte{ixDue + 1}
	}
	return p
}

// PageDueRange is Page over the records whose open deadline falls in
// [dueFrom, dueTo] (dueTo zero: no upper bound), soonest deadline first.
func (s *Store) PageDueRange(q Query, dueFrom, dueTo model.Date, after []byte, n int, reverse bool) ([]Entry, error) {
	return s.page(q.dueRangePlan(dueFrom, dueTo), after, n, reverse)
}

// CountDueRange counts what PageDueRange would list.
func (s *Store) CountDueRange(q Query, dueFrom, dueTo model.Date) (int, error) {
	return s.count(q.dueRangePlan(dueFrom, dueTo))
}
