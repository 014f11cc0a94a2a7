package store

import (
	"encoding/binary"

	bolt "go.etcd.io/bbolt"

	"gopy/model"
)

// maxSpans bounds how many pieces Spans cuts a range into.
const maxSpans = 64

// Spans cuts the dates [from, to] (zero bounds are open) into consecutive
// periods that each hold about rows list rows of kind k, so a long walk
// (a year's report) can read them in parallel and merge what it counted.
// The periods cover the range exactly, in order, without overlap: each
// ends the day before the next begins, so reading every one with ScanRows
// reads each row of the range once. The first begins at from and the last
// ends at to (a zero bound stays zero). Rows are assumed spread evenly
// over the kind's dates: the cut is by days, sized from the kind's count
// and its first and last dates. An empty range, or one of fewer rows than
// rows, is one period.
func (s *Store) Spans(k model.Kind, from, to model.Date, rows int) ([]model.Period, error) {
	whole := []model.Period{{From: from, To: to}}
	if rows <= 0 {
		return whole, nil
	}
	var total int
	var first, last, lo, hi model.Date
	err := s.view(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bMeta).Get(kCount(k)); len(v) == 8 {
			total = int(binary.BigEndian.Uint64(v))
		}
		b := tx.Bucket(bList(k))
		if b == nil {
			return nil
		}
		c := b.Cursor()
		first, last = keyDate(c.First()), keyDate(c.Last())
		k, _ := c.Seek(dateKey(from))
		lo = keyDate(k, nil)
		if to == 0 {
			hi = last
		} else if k, _ = c.Seek(dateKey(to.AddDays(1))); k == nil {
			hi = last
		} else {
			hi = keyDate(c.Prev())
		}
		return nil
	})
	if err != nil || total <= rows || lo == 0 || hi == 0 || hi < lo || !lo.Valid() || !hi.Valid() || !first.Valid() || !last.Valid() {
		return whole, err
	}
	days := lo.DaysUntil(hi) + 1
	n := min(total*days/(first.DaysUntil(last)+1)/rows+1, maxSpans, days)
	out := make([]model.Period, 0, n)
	start := from
	for i := 1; i < n; i++ {
		cut := lo.AddDays(i * days / n)
		if cut <= lo || (start != 0 && cut <= start) || (to != 0 && cut > to) {
			continue
		}
		out = append(out, model.Period{From: start, To: cut.AddDays(-1)})
		start = cut
	}
	return append(out, model.Period{From: start, To: to}), nil
}

// keyDate is the date a list row's key begins with; 0 for no key.
func keyDate(k, _ []byte) model.Date {
	if len(k) < 4 {
		return 0
	}
	return model.Date(int32(binary.BigEndian.Uint32(k)))
}
