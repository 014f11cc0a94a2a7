package store

import (
	"gopy/model"

	bolt "go.etcd.io/bbolt"
)

// The TUI's dashboard opens "what falls due this week" as a list: records
// still open whose deadline lies in a date range. Query cannot say that (its
// From/To bound the record's own date), so these walk the due index between
// two deadlines, soonest first, applying the query's other filters.

func (q *Query) dueRangePlan(dueFrom, dueTo model.Date) plan {
	dq := *q
	dq.Overdue = false
	dq.Order = DueFirst
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
	p := q.dueRangePlan(dueFrom, dueTo)
	defer func() { s.afterScan(p.visited) }()
	out := make([]Entry, 0, n)
	err := s.db.View(func(tx *bolt.Tx) error {
		return p.walk(tx, after, reverse, true, func(k []byte, row *model.Row) bool {
			out = append(out, Entry{Key: append([]byte{}, k...), Row: *row})
			return len(out) < n
		})
	})
	return out, err
}

// CountDueRange counts what PageDueRange would list.
func (s *Store) CountDueRange(q Query, dueFrom, dueTo model.Date) (int, error) {
	p := q.dueRangePlan(dueFrom, dueTo)
	defer func() { s.afterScan(p.visited) }()
	n := 0
	err := s.db.View(func(tx *bolt.Tx) error {
		return p.walk(tx, nil, false, false, func([]byte, *model.Row) bool { n++; return true })
	})
	return n, err
}
