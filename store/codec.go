package store

import (
	"encoding/binary"
	"errors"

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
	if len(key) != 20 || len(val) == 0 || val[0] != rowFormat {
		return errRowCorrupt
	}
	*r = model.Row{Kind: kind, Date: model.Date(int32(binary.BigEndian.Uint32(key))), ID: model.IDString(key[4:]), DraftWindow: -1}
	d := dec{b: val[1:]}
	r.Ref = d.s()
	r.Ward = d.s()
	r.Status = d.s()
	r.Sub = d.s()
	r.Who = d.s()
	r.Title = d.s()
	r.Due = d.d()
	r.Confidential = d.bool()
	switch kind {
	case model.KindFeedback:
		r.Form = model.FeedbackForm(d.s())
		r.Target = model.TargetKind(d.s())
		for i := range r.Points {
			r.Points[i] = int(d.u())
		}
		n := d.u()
		if n > uint64(len(d.b)) {
			return errRowCorrupt
		}
		if n > 0 {
			r.AnswerDays = make([]int, n)
			for i := range r.AnswerDays {
				r.AnswerDays[i] = d.i()
			}
		}
		r.DraftWindow = d.i()
		for i := range r.Assess {
			r.Assess[i] = int(d.u())
		}
		r.DraftSender = d.s()
	case model.KindSession:
		r.Participants = int(d.u())
		r.AnnouncedOn = d.d()
		r.PublishedOn = d.d()
		r.Dialogue = d.bool()
		r.VoterRequest = d.bool()
	case model.KindPetition:
		r.Channel = model.Channel(d.s())
		r.Handling = model.Handling(d.s())
		r.People = int(d.u())
		r.AckDue = d.d()
		r.AcknowledgedOn = d.d()
		r.ResolvedOn = d.d()
		r.ReportedBackOn = d.d()
		r.Assignee = d.s()
		r.ParentID = d.s()
		r.RepeatNo = int(d.u())
		r.Matter = d.s()
	case model.KindCommitment:
		r.ResolvedOn = d.d()
		r.Assignee = d.s()
		r.ParentID = d.s()
	case model.KindInformation:
		r.ResolvedOn = d.d()
		r.Target = model.TargetKind(d.s())
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
	k := make([]byte, 20)
	binary.BigEndian.PutUint32(k, uint32(d))
	copy(k[4:], id[:])
	return k
}

// prefixedKey is prefix ‖ 0 ‖ date ‖ id.
func prefixedKey(prefix string, d model.Date, id [16]byte) []byte {
	k := make([]byte, 0, len(prefix)+21)
	k = append(k, prefix...)
	k = append(k, 0)
	return append(k, rowKey(d, id)...)
}

// dueKey is 'd' ‖ due(4) ‖ date(4) ‖ id(16).
func dueKey(due, d model.Date, id [16]byte) []byte {
	return append(append([]byte{ixDue}, dateKey(due)...), rowKey(d, id)...)
}

// statusKey is 's' ‖ status ‖ 0 ‖ date ‖ id.
func statusKey(status string, row *model.Row, id [16]byte) []byte {
	return append([]byte{ixStatus}, prefixedKey(status, row.Date, id)...)
}
