package model

import (
	"encoding/base64"
	"encoding/json"
	"strconv"
	"time"
	"unicode/utf16"
	"unicode/utf8"
)

// A record's JSON is what the store keeps (packed) and what bundles carry
// and hash, so it must not change by a byte. encoding/json found it by
// reflection, field by field, a tenth of a million-record demo's CPU; the
// five kinds are written here by hand instead. AppendJSON gives exactly
// encoding/json.Marshal's bytes (escaping included: <, >, &, control
// characters, invalid UTF-8, U+2028 and U+2029) — recjson_test.go compares
// the two over random and hostile records whose every field, found by
// reflection, is filled, so a field added to a record and not here fails
// it.

// AppendJSON appends the JSON of r to b: json.Marshal(r)'s bytes. A value
// encoding/json refuses (a time outside years 0–9999) gives its error.
func AppendJSON(b []byte, r Record) ([]byte, error) {
	w := jsonWriter{b: b}
	switch v := r.(type) {
	case *Feedback:
		w.feedback(v)
	case *Session:
		w.session(v)
	case *Petition:
		w.petition(v)
	case *Commitment:
		w.commitment(v)
	case *Information:
		w.information(v)
	default:
		return marshalAppend(b, r)
	}
	if w.bad {
		return marshalAppend(b, r)
	}
	return w.b, nil
}

func marshalAppend(b []byte, v any) ([]byte, error) {
	js, err := json.Marshal(v)
	if err != nil {
		return b, err
	}
	return append(b, js...), nil
}

type jsonWriter struct {
	b []byte
	// bad: a value only encoding/json can judge (a time it refuses).
	bad bool
}

// key writes a field's key: name is `,"field":` (a constant needing no
// escape), written whole.
func (w *jsonWriter) key(name string) { w.b = append(w.b, name...) }

func (w *jsonWriter) str(name, v string) {
	w.key(name)
	w.b = appendJSONString(w.b, v)
}

func (w *jsonWriter) strOmit(name, v string) {
	if v != "" {
		w.str(name, v)
	}
}

func (w *jsonWriter) int(name string, v int) {
	w.key(name)
	w.b = strconv.AppendInt(w.b, int64(v), 10)
}

func (w *jsonWriter) intOmit(name string, v int) {
	if v != 0 {
		w.int(name, v)
	}
}

func (w *jsonWriter) boolOmit(name string, v bool) {
	if v {
		w.key(name)
		w.b = append(w.b, "true"...)
	}
}

func (w *jsonWriter) date(name string, d Date) {
	w.key(name)
	w.b = append(w.b, '"')
	w.b = d.AppendISO(w.b)
	w.b = append(w.b, '"')
}

func (w *jsonWriter) dateOmit(name string, d Date) {
	if d != 0 {
		w.date(name, d)
	}
}

func (w *jsonWriter) time(name string, t time.Time) {
	w.key(name)
	w.b = append(w.b, '"')
	var err error
	// AppendText is Time.MarshalJSON's strict RFC 3339 (no character of
	// it needs escaping).
	if w.b, err = t.AppendText(w.b); err != nil {
		w.bad = true
	}
	w.b = append(w.b, '"')
}

func (w *jsonWriter) strings(name string, l []string) {
	w.key(name)
	if l == nil {
		w.b = append(w.b, "null"...)
		return
	}
	w.b = append(w.b, '[')
	for i, s := range l {
		if i > 0 {
			w.b = append(w.b, ',')
		}
		w.b = appendJSONString(w.b, s)
	}
	w.b = append(w.b, ']')
}

func (w *jsonWriter) meta(m *Meta) {
	w.b = append(w.b, `{"id":`...)
	w.b = appendJSONString(w.b, m.ID)
	w.str(`,"ref":`, m.Ref)
	w.str(`,"ward":`, m.Ward)
	w.time(`,"created_at":`, m.CreatedAt)
	w.str(`,"created_by":`, m.CreatedBy)
	w.time(`,"updated_at":`, m.UpdatedAt)
	w.str(`,"updated_by":`, m.UpdatedBy)
}

func (w *jsonWriter) feedback(f *Feedback) {
	w.meta(&f.Meta)
	w.date(`,"given_on":`, f.GivenOn)
	w.str(`,"source_kind":`, string(f.SourceKind))
	w.str(`,"source_name":`, f.SourceName)
	w.str(`,"form":`, string(f.Form))
	w.str(`,"target_kind":`, string(f.TargetKind))
	w.str(`,"target_name":`, f.TargetName)
	w.str(`,"subject":`, f.Subject)
	if len(f.Topics) > 0 {
		w.strings(`,"topics":`, f.Topics)
	}
	w.dateOmit(`,"draft_received_on":`, f.DraftReceivedOn)
	w.dateOmit(`,"comment_deadline":`, f.CommentDeadline)
	w.strOmit(`,"draft_sent_by":`, f.DraftSentBy)
	w.dateOmit(`,"response_due":`, f.ResponseDue)
	w.key(`,"points":`)
	if f.Points == nil {
		w.b = append(w.b, "null"...)
	} else {
		w.b = append(w.b, '[')
		for i := range f.Points {
			if i > 0 {
				w.b = append(w.b, ',')
			}
			p := &f.Points[i]
			w.b = append(w.b, `{"content":`...)
			w.b = appendJSONString(w.b, p.Content)
			w.str(`,"status":`, string(p.Status))
			w.dateOmit(`,"answered_on":`, p.AnsweredOn)
			w.strOmit(`,"answer":`, p.Answer)
			w.strOmit(`,"answered_by":`, p.AnsweredBy)
			w.strOmit(`,"assessment":`, string(p.Assessment))
			w.dateOmit(`,"assessed_on":`, p.AssessedOn)
			w.strOmit(`,"assessment_note":`, p.AssessmentNote)
			w.b = append(w.b, '}')
		}
		w.b = append(w.b, ']')
	}
	w.b = append(w.b, '}')
}

func (w *jsonWriter) session(s *Session) {
	w.meta(&s.Meta)
	w.str(`,"kind":`, string(s.Type))
	w.date(`,"held_on":`, s.HeldOn)
	w.strOmit(`,"location":`, s.Location)
	w.str(`,"host_role":`, string(s.HostRole))
	w.str(`,"host_name":`, s.HostName)
	w.strOmit(`,"other_leaders":`, s.OtherLeaders)
	w.strOmit(`,"organised_by":`, s.OrganisedBy)
	w.int(`,"participants":`, s.Participants)
	if len(s.Topics) > 0 {
		w.strings(`,"topics":`, s.Topics)
	}
	w.strOmit(`,"minutes":`, s.Minutes)
	w.strOmit(`,"commitments":`, s.Commitments)
	w.dateOmit(`,"announced_on":`, s.AnnouncedOn)
	w.dateOmit(`,"results_published_on":`, s.ResultsPublishedOn)
	w.boolOmit(`,"voter_requested":`, s.VoterRequested)
	w.b = append(w.b, '}')
}

func (w *jsonWriter) petition(p *Petition) {
	w.meta(&p.Meta)
	w.date(`,"received_on":`, p.ReceivedOn)
	w.str(`,"channel":`, string(p.Channel))
	w.strOmit(`,"session_id":`, p.SessionID)
	w.strOmit(`,"feedback_id":`, p.FeedbackID)
	w.intOmit(`,"point_no":`, p.PointNo)
	w.str(`,"classification":`, string(p.Classification))
	w.str(`,"name":`, p.Name)
	w.strOmit(`,"group":`, p.Group)
	w.strOmit(`,"address":`, p.Address)
	w.strOmit(`,"id_number":`, p.IDNumber)
	w.strOmit(`,"phone":`, p.Phone)
	w.int(`,"people":`, p.People)
	w.boolOmit(`,"confidential":`, p.Confidential)
	w.str(`,"summary":`, p.Summary)
	w.strOmit(`,"previously_handled_by":`, p.PreviouslyBy)
	w.strOmit(`,"repeat_of":`, p.RepeatOf)
	w.strOmit(`,"repeat_ref":`, p.RepeatRef)
	w.intOmit(`,"repeat_no":`, p.RepeatNo)
	w.strOmit(`,"repeat_root":`, p.RepeatRoot)
	w.strOmit(`,"handling":`, string(p.Handling))
	w.strOmit(`,"handling_agency":`, p.HandlingAgency)
	w.strOmit(`,"handling_doc_no":`, p.HandlingDocNo)
	w.strOmit(`,"assignee_unit":`, p.AssigneeUnit)
	w.strOmit(`,"assignee_officer":`, p.AssigneeOfficer)
	w.dateOmit(`,"accepted_on":`, p.AcceptedOn)
	w.boolOmit(`,"complex":`, p.Complex)
	w.boolOmit(`,"especially_complex":`, p.EspeciallyComplex)
	w.boolOmit(`,"multi_site":`, p.MultiSite)
	if len(p.Extensions) > 0 {
		w.key(`,"extensions":`)
		w.b = append(w.b, '[')
		for i := range p.Extensions {
			if i > 0 {
				w.b = append(w.b, ',')
			}
			x := &p.Extensions[i]
			w.b = append(w.b, `{"on":"`...)
			w.b = x.On.AppendISO(w.b)
			w.b = append(w.b, '"')
			w.int(`,"days":`, x.Days)
			w.str(`,"decision_no":`, x.DecisionNo)
			w.strOmit(`,"reason":`, x.Reason)
			w.b = append(w.b, '}')
		}
		w.b = append(w.b, ']')
	}
	w.dateOmit(`,"ack_due":`, p.AckDue)
	w.dateOmit(`,"acknowledged_on":`, p.AcknowledgedOn)
	w.dateOmit(`,"resolution_due":`, p.ResolutionDue)
	w.str(`,"status":`, string(p.Status))
	w.strOmit(`,"result":`, p.Result)
	w.dateOmit(`,"resolved_on":`, p.ResolvedOn)
	w.dateOmit(`,"reported_back_on":`, p.ReportedBackOn)
	if len(p.Log) > 0 {
		w.key(`,"log":`)
		w.b = append(w.b, '[')
		for i := range p.Log {
			if i > 0 {
				w.b = append(w.b, ',')
			}
			e := &p.Log[i]
			w.b = append(w.b, `{"on":"`...)
			w.b = e.On.AppendISO(w.b)
			w.b = append(w.b, '"')
			w.str(`,"by":`, e.By)
			w.str(`,"kind":`, e.Kind)
			w.strOmit(`,"text":`, e.Text)
			w.strOmit(`,"status":`, string(e.Status))
			w.b = append(w.b, '}')
		}
		w.b = append(w.b, ']')
	}
	if len(p.Sealed) > 0 {
		w.key(`,"sealed":`)
		w.b = append(w.b, '"')
		w.b = base64.StdEncoding.AppendEncode(w.b, p.Sealed)
		w.b = append(w.b, '"')
	}
	w.b = append(w.b, '}')
}

func (w *jsonWriter) commitment(c *Commitment) {
	w.meta(&c.Meta)
	w.date(`,"made_on":`, c.MadeOn)
	w.strOmit(`,"feedback_id":`, c.FeedbackID)
	w.intOmit(`,"point_no":`, c.PointNo)
	w.strOmit(`,"session_id":`, c.SessionID)
	w.str(`,"what":`, c.What)
	w.strOmit(`,"unit":`, c.Unit)
	w.strOmit(`,"officer":`, c.Officer)
	w.date(`,"due":`, c.Due)
	w.str(`,"state":`, string(c.State))
	w.dateOmit(`,"done_on":`, c.DoneOn)
	w.strOmit(`,"dropped_reason":`, c.DroppedReason)
	w.strOmit(`,"evidence_doc_no":`, c.EvidenceDocNo)
	w.dateOmit(`,"evidence_date":`, c.EvidenceDate)
	if len(c.Progress) > 0 {
		w.key(`,"progress":`)
		w.b = append(w.b, '[')
		for i := range c.Progress {
			if i > 0 {
				w.b = append(w.b, ',')
			}
			n := &c.Progress[i]
			w.b = append(w.b, `{"on":"`...)
			w.b = n.On.AppendISO(w.b)
			w.b = append(w.b, '"')
			w.strOmit(`,"by":`, n.By)
			w.str(`,"text":`, n.Text)
			w.b = append(w.b, '}')
		}
		w.b = append(w.b, ']')
	}
	w.b = append(w.b, '}')
}

func (w *jsonWriter) information(i *Information) {
	w.meta(&i.Meta)
	w.str(`,"item":`, i.Item)
	w.str(`,"category":`, string(i.Category))
	w.str(`,"owed_by":`, string(i.OwedBy))
	w.strOmit(`,"owed_by_name":`, i.OwedByName)
	w.strOmit(`,"owed_to":`, i.OwedTo)
	w.date(`,"due_on":`, i.DueOn)
	w.dateOmit(`,"provided_on":`, i.ProvidedOn)
	w.strOmit(`,"how":`, string(i.How))
	w.strOmit(`,"doc_no":`, i.DocNo)
	w.strOmit(`,"note":`, i.Note)
	w.b = append(w.b, '}')
}

// jsonSafe marks the ASCII bytes encoding/json writes as they are: all
// but control characters, '"' and '\\'; with its HTML escaping (which
// json.Marshal uses) '<', '>' and '&' too.
var jsonSafe, jsonSafeHTML = func() (plain, html [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		plain[c], html[c] = true, true
	}
	for _, c := range `"\` {
		plain[c], html[c] = false, false
	}
	for _, c := range `<>&` {
		html[c] = false
	}
	return
}()

const hexDigits = "0123456789abcdef"

// appendU4 appends \uXXXX for r ≤ U+FFFF.
func appendU4(dst []byte, r rune) []byte {
	return append(dst, '\\', 'u', hexDigits[r>>12&0xF], hexDigits[r>>8&0xF], hexDigits[r>>4&0xF], hexDigits[r&0xF])
}

// appendJSONString is encoding/json's appendString with HTML escaping.
func appendJSONString(dst []byte, src string) []byte { return AppendJSONString(dst, src, true, nil) }

// AppendJSONString appends src as encoding/json writes a string: control
// characters escaped, invalid UTF-8 as \ufffd, U+2028 and U+2029
// escaped, and '<', '>' and '&' escaped when html. Every rune escape
// reports (nil: none) is written as \uXXXX too: a report escapes what
// acts on a terminal.
func AppendJSONString(dst []byte, src string, html bool, escape func(rune) bool) []byte {
	safe := &jsonSafe
	if html {
		safe = &jsonSafeHTML
	}
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(src); {
		if c := src[i]; c < utf8.RuneSelf {
			if safe[c] {
				i++
				continue
			}
			dst = append(dst, src[start:i]...)
			switch c {
			case '\\', '"':
				dst = append(dst, '\\', c)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		if c := src[i]; escape == nil && c >= 0xc2 && c < 0xe0 && i+1 < len(src) && src[i+1]&0xc0 == 0x80 {
			i += 2 // a valid two-byte rune (most Vietnamese letters): as it is
			continue
		}
		r, size := utf8.DecodeRuneInString(src[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, src[start:i]...)
			dst = append(dst, `\ufffd`...)
		case r == '\u2028' || r == '\u2029' || escape != nil && escape(r):
			dst = append(dst, src[start:i]...)
			if r > 0xffff {
				r1, r2 := utf16.EncodeRune(r)
				dst = appendU4(dst, r1)
				r = r2
			}
			dst = appendU4(dst, r)
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, src[start:]...)
	return append(dst, '"')
}
