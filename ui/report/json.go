package report

import (
	"bytes"
	"encoding/json"
	"io"
	"strconv"

	"gopy/model"
)

// The overdue lists are most of a province's JSON report (22,000 entries,
// 7 MB of its 7.5 at a million records), and encoding/json spent more time
// on them (reflection, then indenting and scanning the whole text again)
// than the walk over the year's rows. So reportJSON has encoding/json write
// the report with the lists empty, then writes each list by hand into its
// place: the same bytes, as TestReportJSONByHand checks against
// encoding/json.

// overdueKey is how an empty overdue list reads in the indented JSON, on a
// line of its own: it cannot occur inside a string (a newline is escaped
// there), nor as another field.
const overdueKey = `"overdue_list": []`

// reportJSON is the report as `--format json` prints it: indented by two
// spaces, HTML left unescaped, inert on a terminal (jsonInert).
func reportJSON(r *model.Report) ([]byte, error) {
	var b bytes.Buffer
	if err := writeJSON(&b, r); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// jsonFlush is how many bytes writeJSON gathers before writing them (a
// variable for the tests).
var jsonFlush = 64 << 10

// writeJSON writes reportJSON to w as it makes it, in pieces of about
// jsonFlush bytes: the 7.5 MB of a province's year are never held at once.
func writeJSON(w io.Writer, r *model.Report) error {
	lists := [][]model.OverdueEntry{r.Petitions.OverdueList}
	for _, w := range r.Wards {
		lists = append(lists, w.Petitions.OverdueList)
	}
	n := 0
	for _, l := range lists {
		n += len(l)
	}
	whole := func() error {
		b, err := encodeJSON(r)
		if err == nil {
			_, err = w.Write(b)
		}
		return err
	}
	if n == 0 {
		return whole()
	}
	empty := *r
	empty.Petitions.OverdueList = []model.OverdueEntry{}
	if len(r.Wards) > 0 {
		empty.Wards = make([]model.WardReport, len(r.Wards))
		for i, w := range r.Wards {
			w.Petitions.OverdueList = []model.OverdueEntry{}
			empty.Wards[i] = w
		}
	}
	b, err := encodeJSON(&empty)
	if err != nil {
		return err
	}
	// Where each list goes: its '[' and its indentation.
	type place struct {
		at     int // index of the list's "[]"
		indent []byte
	}
	places := make([]place, 0, len(lists))
	from := 0
	for range lists {
		i := bytes.Index(b[from:], []byte(overdueKey))
		line := bytes.LastIndexByte(b[:from+max(i, 0)], '\n')
		if i < 0 || line < 0 || len(bytes.TrimLeft(b[line+1:from+i], " ")) != 0 {
			// Not where it should be: let encoding/json write it all.
			return whole()
		}
		at := from + i + len(overdueKey) - 2
		places = append(places, place{at, b[line+1 : from+i]})
		from = at + 2
	}
	if bytes.Contains(b[from:], []byte(overdueKey)) {
		return whole()
	}
	out := make([]byte, 0, jsonFlush+4096)
	flush := func(b []byte, force bool) ([]byte, error) {
		if len(b) < jsonFlush && !force {
			return b, nil
		}
		_, err := w.Write(b)
		return b[:0], err
	}
	from = 0
	for i, l := range lists {
		if _, err := w.Write(b[from:places[i].at]); err != nil {
			return err
		}
		if out, err = appendOverdue(out, l, places[i].indent, flush); err != nil {
			return err
		}
		if out, err = flush(out, true); err != nil {
			return err
		}
		from = places[i].at + 2
	}
	_, err = w.Write(b[from:])
	return err
}

// encodeJSON is reportJSON by encoding/json alone.
func encodeJSON(r *model.Report) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return nil, err
	}
	return jsonInert(b.Bytes()), nil
}

// appendOverdue writes the list as encoding/json indents it, its '[' on
// the line indented by indent, handing b to flush after each entry.
func appendOverdue(b []byte, l []model.OverdueEntry, indent []byte, flush func([]byte, bool) ([]byte, error)) ([]byte, error) {
	if l == nil {
		return append(b, "null"...), nil
	}
	if len(l) == 0 {
		return append(b, "[]"...), nil
	}
	in1 := append(append([]byte{}, indent...), "  "...)
	in2 := append(append([]byte{}, in1...), "  "...)
	field := func(b []byte, name string) []byte {
		b = append(b, '\n')
		b = append(b, in2...)
		b = append(b, '"')
		b = append(b, name...)
		return append(b, `": `...)
	}
	b = append(b, '[')
	for i := range l {
		e := &l[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '\n')
		b = append(b, in1...)
		b = append(b, '{')
		b = append(appendJSONString(field(b, "id"), e.ID), ',')
		b = append(appendJSONString(field(b, "ref"), e.Ref), ',')
		b = append(appendJSONString(field(b, "ward"), e.Ward), ',')
		b = append(appendJSONDate(field(b, "received_on"), e.ReceivedOn), ',')
		b = append(appendJSONDate(field(b, "due"), e.Due), ',')
		b = append(appendJSONString(field(b, "kind"), string(e.Kind)), ',')
		b = append(strconv.AppendInt(field(b, "days_overdue"), int64(e.DaysOverdue), 10), ',')
		b = append(appendJSONString(field(b, "status"), e.Status), ',')
		b = append(appendJSONString(field(b, "classification"), e.Classification), ',')
		b = appendJSONString(field(b, "assignee"), e.Assignee)
		b = append(b, '\n')
		b = append(b, in1...)
		b = append(b, '}')
		var err error
		if b, err = flush(b, false); err != nil {
			return b, err
		}
	}
	b = append(b, '\n')
	b = append(b, indent...)
	return append(b, ']'), nil
}

// appendJSONDate writes a date as model.Date.MarshalJSON does: "yyyy-mm-dd",
// "" for none.
func appendJSONDate(b []byte, d model.Date) []byte {
	if d == 0 {
		return append(b, `""`...)
	}
	y, m, day := d.Year(), int(d.Month()), d.Day()
	if y < 0 || y > 9999 {
		return appendJSONString(b, d.ISO())
	}
	return append(b, '"', byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-', byte('0'+day/10), byte('0'+day%10), '"')
}

// appendJSONString writes s as encoding/json does with HTML left
// unescaped, and what jsonInert escapes afterwards escaped at once.
func appendJSONString(b []byte, s string) []byte {
	return model.AppendJSONString(b, s, false, actsOnTerminal)
}
