package store

import (
	"encoding/binary"
	"errors"
	"slices"
	"unsafe"

	"gopy/model"
)

// List rows are encoded by hand: a year's report at a million records
// decodes every row of the year, and JSON would cost ten times more.

// Format 2 added the follow-through fields (issue 12); migrate.go
// rewrites the rows of format 1.
const rowFormat = 2

var errRowCorrupt = errors.New("list row corrupt")

type enc struct{ b []byte }

func (e *enc) u(v uint64)     { e.b = binary.AppendUvarint(e.b, v) }
func (e *enc) i(v int)        { e.b = binary.AppendVarint(e.b, int64(v)) }
func (e *enc) d(v model.Date) { e.u(uint64(uint32(v))) }
func (e *enc) s(v string)     { e.u(uint64(len(v))); e.b = append(e.b, v...) }
func (e *enc) bool(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}

type dec struct {
	b   []byte
	err error
}

func (d *dec) u() uint64 {
	// Most values (lengths, counts, flags) fit in a byte.
	if len(d.b) > 0 && d.b[0] < 0x80 && d.err == nil {
		v := uint64(d.b[0])
		d.b = d.b[1:]
		return v
	}
	return d.uLong()
}

func (d *dec) uLong() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err = errRowCorrupt
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *dec) i() int {
	if d.err != nil {
		return 0
	}
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.err = errRowCorrupt
		return 0
	}
	d.b = d.b[n:]
	return int(v)
}

func (d *dec) d() model.Date { return model.Date(int32(uint32(d.u()))) }

func (d *dec) s() string {
	n := d.u()
	if d.err != nil {
		return ""
	}
	if n > uint64(len(d.b)) {
		d.err = errRowCorrupt
		return ""
	}
	v := string(d.b[:n])
	d.b = d.b[n:]
	return v
}

// raw reads a string's bytes without copying them.
func (d *dec) raw() []byte {
	n := d.u()
	if d.err != nil {
		return nil
	}
	if n > uint64(len(d.b)) {
		d.err = errRowCorrupt
		return nil
	}
	v := d.b[:n]
	d.b = d.b[n:]
	return v
}

func (d *dec) bool() bool {
	if d.err != nil {
		return false
	}
	if len(d.b) == 0 {
		d.err = errRowCorrupt
		return false
	}
	v := d.b[0] == 1
	d.b = d.b[1:]
	return v
}

func encodeRow(r *model.Row) []byte {
	e := enc{b: make([]byte, 0, 128+len(r.Title)+len(r.Who))}
	e.b = append(e.b, rowFormat)
	e.s(r.Ref)
	e.s(r.Ward)
	e.s(r.Status)
	e.s(r.Sub)
	e.s(r.Who)
	e.s(r.Title)
	e.d(r.Due)
	e.bool(r.Confidential)
	switch r.Kind {
	case model.KindFeedback:
		e.s(string(r.Form))
		e.s(string(r.Target))
		for _, n := range r.Points {
			e.u(uint64(n))
		}
		e.u(uint64(len(r.AnswerDays)))
		for _, n := range r.AnswerDays {
			e.i(n)
		}
		e.i(r.DraftWindow)
		for _, n := range r.Assess {
			e.u(uint64(n))
		}
		e.s(r.DraftSender)
	case model.KindSession:
		e.u(uint64(r.Participants))
		e.d(r.AnnouncedOn)
		e.d(r.PublishedOn)
		e.bool(r.Dialogue)
		e.bool(r.VoterRequest)
	case model.KindPetition:
		e.s(string(r.Channel))
		e.s(string(r.Handling))
		e.u(uint64(r.People))
		e.d(r.AckDue)
		e.d(r.AcknowledgedOn)
		e.d(r.ResolvedOn)
		e.d(r.ReportedBackOn)
		e.s(r.Assignee)
		e.s(r.ParentID)
		e.u(uint64(r.RepeatNo))
		e.s(r.Matter)
	case model.KindCommitment:
		e.d(r.ResolvedOn)
		e.s(r.Assignee)
		e.s(r.ParentID)
	case model.KindInformation:
		e.d(r.ResolvedOn)
		e.s(string(r.Target))
	}
	return e.b
}

// decodeRow fills r from a list row; key is date(4) ‖ id(16).
func decodeRow(kind model.Kind, key, val []byte, r *model.Row) error {
	return (*rowDecoder)(nil).decode(kind, key, val, r)
}

// rowDecoder decodes the rows of one long walk (a report, the dashboard)
// with fewer allocations: the short values many rows share (ward, status,
// kinds, channel) are kept once, and when lean it leaves out what only a
// list shows (Who, Title, ParentID) and allocates nothing per row: ID is
// written into the decoder's own buffer, Ref and Matter are the stored
// bytes themselves (the map, valid while the walk's transaction is open),
// and AnswerDays' array is reused, so those four are valid only until the
// next row. A year's report at a million records spent a third of its time
// allocating those strings, and more collecting them. A nil decoder
// decodes every field afresh.
type rowDecoder struct {
	lean   bool
	shared map[string]string
	days   []int
	id     [26]byte
	// recent holds each common field's latest distinct values, most of
	// them (a status, a kind) having only a handful: comparing a few
	// bytes costs less than hashing them.
	recent [nCommon][nRecent]string
	// next is where each field's next new value goes in recent.
	next [nCommon]uint8
}

// nRecent is how many values of a common field are kept at hand.
const nRecent = 8

// The fields read with common, each with its slot in recent.
const (
	cWard = iota
	cStatus
	cSub
	cForm
	cTarget
	cChannel
	cHandling
	cAssignee
	cSender
	nCommon
)

func newRowDecoder(lean bool) *rowDecoder {
	rd := &rowDecoder{lean: lean, shared: map[string]string{}}
	// The enums' own strings, so that the counts keyed by them (Counts.Add)
	// find a row's value at the same address.
	for _, k := range model.Kinds {
		for _, v := range append(model.RowStatuses(k), model.RowSubs(k)...) {
			rd.shared[v] = v
		}
	}
	for _, l := range [][]string{model.Strings(model.FeedbackForms), model.Strings(model.TargetKinds),
		model.Strings(model.Channels), model.Strings(model.Handlings)} {
		for _, v := range l {
			rd.shared[v] = v
		}
	}
	return rd
}

// maxShared bounds the shared values (a ward code, a status): a province
// has a few hundred wards; beyond that a value is simply allocated.
const maxShared = 4096

// common reads a value many rows hold, the field numbered slot.
func (rd *rowDecoder) common(d *dec, slot int) string {
	if rd == nil {
		return d.s()
	}
	b := d.raw()
	recent := &rd.recent[slot]
	for _, v := range recent {
		if len(v) == len(b) && string(b) == v {
			return v
		}
	}
	v, ok := rd.shared[string(b)]
	if !ok {
		v = string(b)
		if len(rd.shared) < maxShared {
			rd.shared[v] = v
		}
	}
	recent[rd.next[slot]%nRecent] = v
	rd.next[slot]++
	return v
}

// own reads a value of the row's own (a name, a summary); lean skips it.
func (rd *rowDecoder) own(d *dec) string {
	if rd != nil && rd.lean {
		d.raw()
		return ""
	}
	return d.s()
}

// view reads a value of the row's own that a count may need (a
// reference, a matter's id): lean, the stored bytes themselves, valid only
// while the walk's transaction is open and the row not yet replaced.
func (rd *rowDecoder) view(d *dec) string {
	if rd == nil || !rd.lean {
		return d.s()
	}
	b := d.raw()
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

func (rd *rowDecoder) decode(kind model.Kind, key, val []byte, r *model.Row) error {
	if len(key) != 20 || len(val) == 0 || val[0] != rowFormat {
		return errRowCorrupt
	}
	*r = model.Row{Kind: kind, Date: model.Date(int32(binary.BigEndian.Uint32(key))), DraftWindow: -1}
	if rd != nil && rd.lean {
		model.IDText(&rd.id, key[4:])
		r.ID = unsafe.String(&rd.id[0], len(rd.id))
	} else {
		r.ID = model.IDString(key[4:])
	}
	d := dec{b: val[1:]}
	r.Ref = rd.view(&d)
	r.Ward = rd.common(&d, cWard)
	r.Status = rd.common(&d, cStatus)
	r.Sub = rd.common(&d, cSub)
	r.Who = rd.own(&d)
	r.Title = rd.own(&d)
	r.Due = d.d()
	r.Confidential = d.bool()
	switch kind {
	case model.KindFeedback:
		r.Form = model.FeedbackForm(rd.common(&d, cForm))
		r.Target = model.TargetKind(rd.common(&d, cTarget))
		for i := range r.Points {
			r.Points[i] = int(d.u())
		}
		n := d.u()
		if n > uint64(len(d.b)) {
			return errRowCorrupt
		}
		if n > 0 {
			if rd != nil && rd.lean {
				rd.days = slices.Grow(rd.days[:0], int(n))[:n]
				r.AnswerDays = rd.days
			} else {
				r.AnswerDays = make([]int, n)
			}
			for i := range r.AnswerDays {
				r.AnswerDays[i] = d.i()
			}
		}
		r.DraftWindow = d.i()
		for i := range r.Assess {
			r.Assess[i] = int(d.u())
		}
		r.DraftSender = rd.common(&d, cSender)
	case model.KindSession:
		r.Participants = int(d.u())
		r.AnnouncedOn = d.d()
		r.PublishedOn = d.d()
		r.Dialogue = d.bool()
		r.VoterRequest = d.bool()
	case model.KindPetition:
		r.Channel = model.Channel(rd.common(&d, cChannel))
		r.Handling = model.Handling(rd.common(&d, cHandling))
		r.People = int(d.u())
		r.AckDue = d.d()
		r.AcknowledgedOn = d.d()
		r.ResolvedOn = d.d()
		r.ReportedBackOn = d.d()
		r.Assignee = rd.common(&d, cAssignee)
		r.ParentID = rd.own(&d)
		r.RepeatNo = int(d.u())
		r.Matter = rd.view(&d)
	case model.KindCommitment:
		r.ResolvedOn = d.d()
		r.Assignee = rd.common(&d, cAssignee)
		r.ParentID = rd.own(&d)
	case model.KindInformation:
		r.ResolvedOn = d.d()
		r.Target = model.TargetKind(rd.common(&d, cTarget))
	}
	if d.err == nil && len(d.b) != 0 {
		return errRowCorrupt
	}
	return d.err
}

func u32(v uint32) []byte {
	b := make([]byte, 4)
	binary.BigEndian.PutUint32(b, v)
	return b
}

func dateKey(d model.Date) []byte { return u32(uint32(d)) }

// rowKey is date(4) ‖ id(16): list rows sort by the record's own date.
func rowKey(d model.Date, id [16]byte) []byte {
	t := rowTail(d, id)
	return t[:]
}

// rowTail is rowKey's bytes, which also end every index key.
func rowTail(d model.Date, id [16]byte) (t [20]byte) {
	binary.BigEndian.PutUint32(t[:], uint32(d))
	copy(t[4:], id[:])
	return t
}

// appendTagged appends tag ‖ key ‖ 0 ‖ tail: the status, who and
// reference index keys.
func appendTagged[S ~string | ~[]byte](b []byte, tag byte, key S, tail *[20]byte) []byte {
	return append(append(append(append(b, tag), key...), 0), tail[:]...)
}

// dueKey is 'd' ‖ due(4) ‖ date(4) ‖ id(16).
func dueKey(due, d model.Date, id [16]byte) []byte {
	t := rowTail(d, id)
	return appendDueKey(nil, due, &t)
}

func appendDueKey(b []byte, due model.Date, tail *[20]byte) []byte {
	return append(binary.BigEndian.AppendUint32(append(b, ixDue), uint32(due)), tail[:]...)
}

// statusKey is 's' ‖ status ‖ 0 ‖ date ‖ id.
func statusKey(status string, row *model.Row, id [16]byte) []byte {
	t := rowTail(row.Date, id)
	return appendTagged(nil, ixStatus, status, &t)
}
