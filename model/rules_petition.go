package model

import "strconv"

func (p *Petition) Normalize() {
	for _, v := range []*string{&p.Name, &p.Group, &p.Address, &p.IDNumber, &p.Phone,
		&p.PreviouslyBy, &p.HandlingAgency, &p.HandlingDocNo, &p.AssigneeUnit, &p.AssigneeOfficer} {
		*v = CleanLine(*v)
	}
	p.Summary = CleanText(p.Summary)
	p.Result = CleanText(p.Result)
	p.RepeatOf = CleanLine(p.RepeatOf)
	for i := range p.Extensions {
		p.Extensions[i].DecisionNo = CleanLine(p.Extensions[i].DecisionNo)
		p.Extensions[i].Reason = CleanLine(p.Extensions[i].Reason)
	}
	if len(p.Extensions) == 0 {
		p.Extensions = nil
	}
	if p.People == 0 {
		p.People = 1
	}
	if p.Classification == ClassDenunciation {
		p.Confidential = true // denouncers are protected (Luật Tố cáo 2018)
	}
	if p.EspeciallyComplex {
		p.Complex = true // especially complex is a degree of complex
	}
	if p.Status == "" {
		p.Status = StatusReceived
	}
	p.FollowHandling()
	for i := range p.Log {
		p.Log[i].Text = CleanText(p.Log[i].Text)
		p.Log[i].By = CleanLine(p.Log[i].By)
	}
}

// FollowHandling keeps status in step with handling where they overlap:
// returned closes the petition as returned; transferred keeps it open as
// transferred until the outcome is recorded (then it may be resolved).
// Acceptance and its date go together: a date of acceptance means the
// handling decision was to accept.
func (p *Petition) FollowHandling() {
	// Handling a petition at all (in progress, resolved) means the ward
	// accepted it for handling, unless it was transferred.
	if p.Handling == HandlingNone && (p.AcceptedOn != 0 || p.Status == StatusInProgress || p.Status == StatusResolved) {
		p.Handling = HandlingAccepted
	}
	// A petition accepted without a recorded date (made by an older gopy,
	// or a ledger without the column) is taken as accepted on the day it
	// was received: the earliest it can have been, so a missing date never
	// lengthens a term. The form and the status dialog record the real
	// date.
	if p.Handling == HandlingAccepted && p.AcceptedOn == 0 {
		p.AcceptedOn = p.ReceivedOn
	}
	switch p.Handling {
	case HandlingReturned:
		p.Status = StatusReturned
	case HandlingTransferred:
		if p.Status != StatusResolved {
			p.Status = StatusTransferred
		}
	}
}

func (p *Petition) Validate() FieldErrors {
	var e FieldErrors
	checkDate(&e, "received_on", p.ReceivedOn, true)
	checkEnum(&e, "channel", p.Channel, Channels)
	if p.Channel == ChannelSession && p.SessionID == "" {
		e.Add("session_id", "err.required")
	}
	if p.Channel == ChannelFeedback && p.FeedbackID == "" {
		e.Add("feedback_id", "err.required")
	}
	checkEnum(&e, "classification", p.Classification, Classifications)
	checkLine(&e, "name", p.Name, true)
	// Fields in a fixed order (a map here was built for every record and
	// gave its errors in a random order).
	for _, fv := range [...]struct{ f, v string }{{"group", p.Group}, {"address", p.Address},
		{"previously_handled_by", p.PreviouslyBy}, {"handling_agency", p.HandlingAgency},
		{"handling_doc_no", p.HandlingDocNo}, {"assignee_unit", p.AssigneeUnit},
		{"assignee_officer", p.AssigneeOfficer}} {
		checkLine(&e, fv.f, fv.v, false)
	}
	if !validIDNumber(p.IDNumber) {
		e.Add("id_number", "err.id_number")
	}
	if !validPhone(p.Phone) {
		e.Add("phone", "err.phone")
	}
	if p.People < 1 || p.People > 1_000_000 {
		e.Add("people", "err.invalid_number")
	}
	checkText(&e, "summary", p.Summary, true)
	if p.Handling != HandlingNone && !valid(p.Handling, Handlings) {
		e.Add("handling", "err.invalid_value")
	}
	if p.Handling == HandlingTransferred || p.Handling == HandlingReturned {
		if p.Handling == HandlingTransferred && p.HandlingAgency == "" {
			e.Add("handling_agency", "err.required")
		}
	}
	checkEnum(&e, "status", p.Status, PetitionStatuses)
	if p.Handling == HandlingReturned && p.Status != StatusReturned {
		e.Add("status", "err.status_handling")
	}
	if p.Status == StatusReturned && p.Handling != HandlingReturned {
		e.Add("status", "err.status_handling")
	}
	if p.Status == StatusTransferred && p.Handling != HandlingTransferred {
		e.Add("status", "err.status_handling")
	}
	for _, fd := range [...]struct {
		f string
		d Date
	}{{"ack_due", p.AckDue}, {"acknowledged_on", p.AcknowledgedOn},
		{"resolution_due", p.ResolutionDue}, {"resolved_on", p.ResolvedOn}, {"reported_back_on", p.ReportedBackOn}} {
		f, d := fd.f, fd.d
		checkDate(&e, f, d, false)
		if d != 0 && p.ReceivedOn != 0 && d < p.ReceivedOn && d.Valid() {
			e.Add(f, "err.before_received")
		}
	}
	checkDate(&e, "accepted_on", p.AcceptedOn, false)
	if p.AcceptedOn != 0 && p.ReceivedOn != 0 && p.AcceptedOn < p.ReceivedOn && p.AcceptedOn.Valid() {
		e.Add("accepted_on", "err.before_received")
	}
	p.validateExtensions(&e)
	if p.Status == StatusResolved && p.ResolvedOn == 0 {
		e.Add("resolved_on", "err.required")
	}
	checkText(&e, "result", p.Result, false)
	if len(p.Log) > 10_000 {
		e.Add("log", "err.too_many_log")
	}
	e = append(e, p.validateRepeat()...)
	return e
}

// validateExtensions: only an accepted, complex denunciation can be
// extended, by at most 30 days each time, each by a dated decision; once
// when complex, twice only when especially complex (Luật Tố cáo 2018,
// Điều 30 khoản 1). These bounds are the law's, not a ward's setting.
func (p *Petition) validateExtensions(e *FieldErrors) {
	if p.EspeciallyComplex && p.Classification != ClassDenunciation {
		e.Add("especially_complex", "err.especially_complex_class")
	}
	if len(p.Extensions) == 0 {
		return
	}
	switch {
	case p.Classification != ClassDenunciation:
		e.Add("extensions", "err.extension_class")
		return
	case p.AcceptedOn == 0:
		e.Add("extensions", "err.extension_unaccepted")
		return
	case !p.Complex:
		e.Add("extensions", "err.extension_complex")
		return
	case len(p.Extensions) > 2:
		e.Add("extensions", "err.extension_count")
		return
	case len(p.Extensions) == 2 && !p.EspeciallyComplex:
		e.Add("extensions.2.on", "err.extension_second")
	}
	for i, x := range p.Extensions {
		field := func(f string) string { return "extensions." + strconv.Itoa(i+1) + "." + f }
		checkDate(e, field("on"), x.On, true)
		if x.On != 0 && x.On < p.AcceptedOn {
			e.Add(field("on"), "err.before_accepted")
		}
		if x.Days < 1 || x.Days > 30 {
			e.Add(field("days"), "err.extension_days")
		}
		checkLine(e, field("decision_no"), x.DecisionNo, true)
		checkLine(e, field("reason"), x.Reason, false)
	}
}

func validIDNumber(s string) bool {
	if s == "" {
		return true
	}
	// CCCD has 12 digits, old CMND 9; passports are a letter and 7-8 digits.
	if len(s) < 6 || len(s) > 20 {
		return false
	}
	for _, c := range s {
		if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
			return false
		}
	}
	return true
}

func validPhone(s string) bool {
	if s == "" {
		return true
	}
	digits := 0
	for _, c := range s {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == ' ' || c == '.' || c == '-' || c == '+' || c == '(' || c == ')':
		default:
			return false
		}
	}
	return digits >= 8 && digits <= 15
}
