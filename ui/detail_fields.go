package ui

import (
	"strconv"
	"strings"

	"gopy/model"
)

// detailLines lays out a loaded record for width w.
func detailLines(c *common, w int, m *detailMsg, reveal bool) []docLine {
	d := &detailLayout{c: c, m: m, reveal: reveal}
	switch r := m.rec.(type) {
	case *model.Feedback:
		d.b = newDocBuilder(c.st, w, d.labels(feedbackLabels))
		d.feedback(r)
	case *model.Session:
		d.b = newDocBuilder(c.st, w, d.labels(sessionLabels))
		d.session(r)
	case *model.Petition:
		d.b = newDocBuilder(c.st, w, d.labels(petitionLabels))
		d.petition(r)
	case *model.Commitment:
		d.b = newDocBuilder(c.st, w, d.labels(commitmentLabels))
		d.commitment(r)
	case *model.Information:
		d.b = newDocBuilder(c.st, w, d.labels(informationLabels))
		d.information(r)
	default:
		return nil
	}
	d.history()
	d.meta(m.rec.GetMeta())
	return d.b.lines
}

var (
	metaLabels     = []string{"ref", "ward", "created", "updated"}
	feedbackLabels = []string{"given_on", "source_kind", "source_name", "form", "target_kind", "target_name",
		"subject", "topics", "draft_received_on", "comment_deadline", "response_due", "state", "answer_status", "answer",
		"draft_sent_by", "assessment"}
	sessionLabels = []string{"kind", "held_on", "location", "host_role", "host_name", "other_leaders",
		"organised_by", "participants", "topics", "announced_on", "results_published_on", "minutes", "commitments",
		"voter_requested"}
	petitionLabels = []string{"received_on", "channel", "classification", "summary", "previously_handled_by",
		"name", "group", "address", "id_number", "phone", "people", "confidential", "handling", "handling_agency",
		"handling_doc_no", "assignee_unit", "assignee_officer", "accepted_on", "complex", "especially_complex", "multi_site", "extensions",
		"ack_due", "acknowledged_on", "resolution_due",
		"status", "result", "resolved_on", "reported_back_on", "repeat_of"}
)

type detailLayout struct {
	c      *common
	m      *detailMsg
	b      *docBuilder
	reveal bool
}

func (d *detailLayout) labels(keys []string) []string {
	var out []string
	for _, k := range append(keys, metaLabels...) {
		out = append(out, d.c.lang.T("field."+k))
	}
	return out
}

func (d *detailLayout) f(key, value string) { d.b.field(d.c.lang.T("field."+key), value, nil) }

func (d *detailLayout) fd(key string, v model.Date) { d.f(key, date(v)) }

// due shows a due date, flagged with how many days it is overdue when it is.
func (d *detailLayout) due(key string, v model.Date, overdue bool, days int) {
	if overdue {
		d.note(key, date(v), "! "+d.c.lang.F("detail.days_overdue", days), true)
	} else {
		d.fd(key, v)
	}
}

func (d *detailLayout) enum(key, group, value string) {
	d.b.field(d.c.lang.T("field."+key), d.c.lang.Enum(group, value), nil)
}

func (d *detailLayout) note(key, value, note string, flagged bool) {
	var ns render
	if flagged {
		ns = d.c.st.Overdue.Render
	} else {
		ns = d.c.st.Muted.Render
	}
	d.b.fieldNote(d.c.lang.T("field."+key), value, nil, note, ns)
}

func joinList(l []string) string {
	out := make([]string, len(l))
	for i, v := range l {
		out[i] = db(v)
	}
	return strings.Join(out, ", ")
}

func (d *detailLayout) feedback(r *model.Feedback) {
	l, st := d.c.lang, d.c.st
	today := d.c.today()
	d.fd("given_on", r.GivenOn)
	d.enum("source_kind", "source", string(r.SourceKind))
	d.f("source_name", db(r.SourceName))
	d.enum("form", "form", string(r.Form))
	d.enum("target_kind", "target", string(r.TargetKind))
	d.f("target_name", db(r.TargetName))
	d.f("subject", db(r.Subject))
	d.f("topics", joinList(r.Topics))
	if r.DraftReceivedOn != 0 || r.CommentDeadline != 0 {
		d.fd("draft_received_on", r.DraftReceivedOn)
		if win := r.CommentWindowDays(); win >= 0 {
			short := win < d.c.settings.Deadlines.ShortCommentDays
			n := l.F("detail.window_days", win)
			if short {
				n = l.F("detail.window_short", win, d.c.settings.Deadlines.ShortCommentDays)
			}
			d.note("comment_deadline", date(r.CommentDeadline), n, short)
		} else {
			d.fd("comment_deadline", r.CommentDeadline)
		}
		if r.DraftSentBy != "" {
			d.f("draft_sent_by", db(r.DraftSentBy))
		}
	}
	if r.Overdue(today) {
		d.note("response_due", date(r.ResponseDue),
			l.F("detail.overdue_points", r.OverduePoints(today), r.ResponseDue.DaysUntil(today)), true)
	} else {
		d.fd("response_due", r.ResponseDue)
	}
	state := string(r.State())
	d.b.field(l.T("field.state"), l.Enum("fbstate", state), st.StatusStyle(state).Render)

	d.b.section(l.F("detail.points", len(r.Points)))
	for i, p := range r.Points {
		if i > 0 {
			d.b.blank()
		}
		start := len(d.b.lines)
		d.b.para(strconv.Itoa(i+1)+". "+dbText(p.Content), 1, st.Bold.Render)
		status := l.Enum("answer", string(p.Status))
		var parts []string
		if p.AnsweredOn != 0 {
			parts = append(parts, p.AnsweredOn.String())
		}
		if p.AnsweredBy != "" {
			parts = append(parts, db(p.AnsweredBy))
		}
		flag := p.Status == model.AnswerPending && r.Overdue(today)
		if flag {
			parts = append(parts, "! "+l.T("word.overdue"))
		}
		var ns render
		if flag {
			ns = st.Overdue.Render
		}
		d.b.fieldNote(l.T("field.answer_status"), status, st.StatusStyle(string(p.Status)).Render,
			strings.Join(parts, " · "), ns)
		if p.Answer != "" {
			d.f("answer", dbText(p.Answer))
		}
		d.assessment(&p)
		// a and p act on the point under the cursor.
		for j := start; j < len(d.b.lines); j++ {
			d.b.lines[j].point = i + 1
		}
	}
	d.linked()
}

func (d *detailLayout) session(r *model.Session) {
	l := d.c.lang
	dl := d.c.settings.Deadlines
	today := d.c.today()
	d.enum("kind", "session", string(r.Type))
	d.fd("held_on", r.HeldOn)
	d.f("location", db(r.Location))
	d.enum("host_role", "host", string(r.HostRole))
	d.f("host_name", db(r.HostName))
	d.f("other_leaders", db(r.OtherLeaders))
	d.f("organised_by", db(r.OrganisedBy))
	d.f("participants", num(l, r.Participants))
	d.f("topics", joinList(r.Topics))
	if r.Type == model.SessionDialogue {
		note := ""
		if r.AnnouncedOn != 0 {
			note = l.F("detail.days_before", r.AnnouncedOn.DaysUntil(r.HeldOn))
		}
		late := r.AnnouncedLate(dl)
		if late {
			note = strings.TrimPrefix(note+" · ", " · ") + "! " + l.F("detail.announce_late", dl.AnnounceDaysBefore)
		}
		d.note("announced_on", date(r.AnnouncedOn), note, late)
		cal := model.NewCalendar(d.c.settings.Holidays)
		late = r.PublishedLate(dl, cal, today)
		note = ""
		switch {
		case late && r.ResultsPublishedOn == 0:
			note = "! " + l.F("detail.publish_missing", model.PublishDue(r.HeldOn, &dl, cal).String())
		case late:
			note = "! " + l.F("detail.publish_late", dl.PublishDaysAfter)
		}
		d.note("results_published_on", date(r.ResultsPublishedOn), note, late)
		if r.VoterRequested {
			d.note("voter_requested", l.T("word.yes"), l.T("entry.note.voter_requested"), false)
		}
	}
	d.f("minutes", dbText(r.Minutes))
	d.f("commitments", dbText(r.Commitments))
	d.linked()
}

// identity fields of a petitioner, hidden for a confidential petition until
// the officer asks (v): a denouncer must be protected even from a glance at
// the screen.
var identityFields = map[string]bool{"name": true, "group": true, "address": true, "id_number": true, "phone": true}

func (d *detailLayout) petition(r *model.Petition) {
	l, st := d.c.lang, d.c.st
	today := d.c.today()
	d.fd("received_on", r.ReceivedOn)
	d.enum("channel", "channel", string(r.Channel))
	if p := d.m.parent; p != nil {
		text := l.F("detail.from", db(p.Ref), db(p.Title))
		if r.PointNo > 0 {
			text = l.F("detail.from_point", db(p.Ref), r.PointNo, db(p.Title))
		}
		d.b.linkLine(text, &link{kind: p.Kind, id: p.ID, ref: p.Ref}, "", nil)
	}
	d.enum("classification", "class", string(r.Classification))
	d.f("summary", dbText(r.Summary))
	d.f("previously_handled_by", db(r.PreviouslyBy))
	d.repeatOf(r)

	d.b.section(l.T("detail.petitioner"))
	hidden := r.Confidential && !d.reveal
	for _, kv := range [][2]string{{"name", r.Name}, {"group", r.Group}, {"address", r.Address},
		{"id_number", r.IDNumber}, {"phone", r.Phone}} {
		if hidden {
			d.b.field(l.T("field."+kv[0]), l.T("word.confidential"), st.Muted.Render)
			continue
		}
		d.f(kv[0], db(kv[1]))
	}
	d.f("people", num(l, r.People))
	if r.Confidential {
		note := l.T("detail.reveal_hint")
		if d.reveal {
			note = l.T("detail.hide_hint")
		}
		d.note("confidential", l.T("word.yes"), note, false)
	}

	d.b.section(l.T("detail.handling"))
	d.enum("handling", "handling", string(r.Handling))
	if r.Handling == model.HandlingReturned || r.Handling == model.HandlingTransferred {
		d.f("handling_agency", db(r.HandlingAgency))
		d.f("handling_doc_no", db(r.HandlingDocNo))
	}
	d.f("assignee_unit", db(r.AssigneeUnit))
	d.f("assignee_officer", db(r.AssigneeOfficer))
	if r.AcceptedOn != 0 {
		d.fd("accepted_on", r.AcceptedOn)
	}
	if r.Complex {
		d.f("complex", l.T("word.yes"))
	}
	if r.EspeciallyComplex {
		d.f("especially_complex", l.T("word.yes"))
	}
	if r.MultiSite {
		d.f("multi_site", l.T("word.yes"))
	}
	for _, x := range r.Extensions {
		d.f("extensions", l.F("detail.extension", x.Days, db(x.DecisionNo), x.On.String())+
			strings.TrimSuffix(" · "+db(x.Reason), " · "))
	}
	// The deadline it can still miss carries the overdue flag: the
	// acceptance due while no decision is taken, else the resolution due.
	_, kind := r.OpenDue()
	overdue := r.Overdue(today)
	if overdue && kind == model.DueAcceptance {
		d.note("ack_due", date(r.AckDue), "! "+l.F("detail.unaccepted_overdue", r.DaysOverdue(today)), true)
	} else {
		d.fd("ack_due", r.AckDue)
	}
	if r.AckLate(today) {
		d.note("acknowledged_on", date(r.AcknowledgedOn), "! "+l.T("detail.ack_late"), true)
	} else {
		d.fd("acknowledged_on", r.AcknowledgedOn)
	}
	d.due("resolution_due", r.ResolutionDue, overdue && kind == model.DueResolution, r.DaysOverdue(today))
	d.b.field(l.T("field.status"), l.Enum("status", string(r.Status)), st.StatusStyle(string(r.Status)).Render)
	d.f("result", dbText(r.Result))
	d.fd("resolved_on", r.ResolvedOn)
	if r.ReportedBackOn != 0 {
		d.note("reported_back_on", r.ReportedBackOn.String(), l.T("word.reported_back"), false)
	} else {
		d.fd("reported_back_on", 0)
	}

	if len(r.Log) > 0 {
		d.b.section(l.F("detail.log", len(r.Log)))
		for _, e := range r.Log {
			head := date(e.On) + " · " + db(e.By) + " · " + l.Enum("log", e.Kind)
			if e.Status != "" {
				head += ": " + l.Enum("status", string(e.Status))
			}
			d.b.para(head, 1, st.Bold.Render)
			if e.Text != "" {
				d.b.para(dbText(e.Text), 3, nil)
			}
		}
	}
}

func (d *detailLayout) linked() {
	l, st := d.c.lang, d.c.st
	var petitions, commitments []model.Row
	for _, r := range d.m.linked {
		if r.Kind == model.KindCommitment {
			commitments = append(commitments, r)
		} else {
			petitions = append(petitions, r)
		}
	}
	defer d.linkedCommitments(commitments)
	d.b.section(l.F("detail.linked", len(petitions)))
	if len(petitions) == 0 {
		d.b.para(l.T("detail.none"), 1, st.Muted.Render)
		return
	}
	d.linkLines(petitions, model.KindPetition)
}

// linkLines draws one link a row, its status (of kind k) beside it, marked
// when overdue.
func (d *detailLayout) linkLines(rows []model.Row, k model.Kind) {
	l, st := d.c.lang, d.c.st
	today := d.c.today()
	for i := range rows {
		r := &rows[i]
		note := statusLabel(l, k, r.Status)
		ns := st.StatusStyle(r.Status).Render
		if r.Overdue(today) {
			note = "! " + l.T("word.overdue") + " · " + note
			ns = st.Overdue.Render
		}
		d.b.linkLine(db(r.Ref)+" · "+db(r.Title), &link{kind: r.Kind, id: r.ID, ref: r.Ref}, note, ns)
	}
}

func (d *detailLayout) history() {
	l, st := d.c.lang, d.c.st
	d.b.section(l.F("detail.history", len(d.m.hist)))
	hide := false
	if p, ok := d.m.rec.(*model.Petition); ok {
		hide = p.Confidential && !d.reveal
	}
	if len(d.m.hist) == 0 {
		d.b.para(l.T("detail.none"), 1, st.Muted.Render)
	}
	for _, h := range d.m.hist {
		head := h.At.In(model.VNZone).Format("02/01/2006 15:04") + " · " + db(h.By) + " · " + l.Enum("action", h.Action)
		d.b.para(head, 1, st.Bold.Render)
		if h.Note != "" {
			d.b.para(dbText(h.Note), 3, nil)
		}
		if h.Action == "correct" || h.Action == "erase" {
			// Which fields, never their values (personal-data requests).
			for _, fc := range h.Fields {
				d.b.para(fieldLabel(l, fc.Field), 3, nil)
			}
			continue
		}
		for _, line := range historyLines(l, h.Fields, func(f string) bool { return hide && identityFields[f] }) {
			d.b.para(line, 3, nil)
		}
	}
}

func (d *detailLayout) meta(m *model.Meta) {
	l := d.c.lang
	d.b.section(l.T("detail.record"))
	d.f("ref", db(m.Ref))
	d.f("ward", db(m.Ward))
	d.f("created", m.CreatedAt.In(model.VNZone).Format("02/01/2006 15:04")+" · "+db(m.CreatedBy))
	d.f("updated", m.UpdatedAt.In(model.VNZone).Format("02/01/2006 15:04")+" · "+db(m.UpdatedBy))
}
