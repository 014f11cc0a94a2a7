package store

import (
	"encoding/binary"
	"encoding/json"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"gopy/model"
)

// A history entry is stored compactly (schema 5): histCompact ‖ at (unix
// nanoseconds, varint) ‖ by ‖ action ‖ note ‖ the JSON of its fields,
// empty when none. Texts are length-prefixed; an action gopy writes is
// one byte (its place in histActions, from 1), another a 0 and its text. Most entries are a record's
// "create", which was 68 bytes of JSON and is now about 20. An entry
// whose time a varint of nanoseconds cannot give back exactly (another
// zone, a year outside 1678–2262) stays JSON, as schema 4 stored them all.
const histCompact = 0x03

// histActions is part of the stored format: append only.
var histActions = []string{"create", "update", "delete", "import", "conflict", "amend"}

// encodeChange is the stored value of a history entry. Text is made valid
// UTF-8 on the way, as encoding/json does.
func encodeChange(c model.Change) ([]byte, error) {
	at := time.Unix(0, c.At.UnixNano()).UTC()
	if c.At.Location() != time.UTC || !at.Equal(c.At) {
		return json.Marshal(c)
	}
	e := enc{b: make([]byte, 0, 32+len(c.By)+len(c.Note))}
	e.b = append(e.b, histCompact)
	e.b = binary.AppendVarint(e.b, c.At.UnixNano())
	e.s(strings.ToValidUTF8(c.By, "\uFFFD"))
	if i := slices.Index(histActions, c.Action); i >= 0 {
		e.u(uint64(i + 1))
	} else {
		e.u(0)
		e.s(strings.ToValidUTF8(c.Action, "\uFFFD"))
	}
	e.s(strings.ToValidUTF8(c.Note, "\uFFFD"))
	if len(c.Fields) > 0 {
		f, err := json.Marshal(c.Fields)
		if err != nil {
			return nil, err
		}
		e.b = append(e.b, f...)
	}
	return e.b, nil
}

// decodeChange reads a stored history entry; valid says whether its text
// is all valid UTF-8 (gopy check).
func decodeChange(v []byte) (c model.Change, valid bool, err error) {
	if len(v) == 0 || v[0] != histCompact {
		err = json.Unmarshal(v, &c)
		return c, utf8.Valid(v), err
	}
	d := dec{b: v[1:]}
	n, w := binary.Varint(d.b)
	if w <= 0 {
		return c, false, errRowCorrupt
	}
	d.b = d.b[w:]
	c.At = time.Unix(0, n).UTC()
	c.By = d.s()
	switch a := d.u(); {
	case a == 0:
		c.Action = d.s()
	case a <= uint64(len(histActions)):
		c.Action = histActions[a-1]
	default:
		return c, false, errRowCorrupt
	}
	c.Note = d.s()
	if d.err != nil {
		return c, false, d.err
	}
	valid = utf8.ValidString(c.By) && utf8.ValidString(c.Action) && utf8.ValidString(c.Note) && utf8.Valid(d.b)
	if len(d.b) > 0 {
		err = json.Unmarshal(d.b, &c.Fields)
	}
	return c, valid, err
}
