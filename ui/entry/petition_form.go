package entry

import (
	"strconv"

	"gopy/model"
)

// NewPetition is the form for a petition received directly (walk-in,
// written, phone, other).
func NewPetition(ctx Context) *Form {
	sp := newPetitionSpec(&ctx, nil, &model.Petition{})
	return newForm(ctx, "petition", "", ctx.Lang.T("entry.title.new_petition"), sp).ready()
}

// EditPetition is the form for a stored petition, every field of it.
func EditPetition(ctx Context, p *model.Petition) *Form {
	sp := newPetitionSpec(&ctx, copyPetition(p), p)
	return recordForm(ctx, "petition", p, ctx.Lang.F("entry.title.edit", p.Ref), sp)
}

// RaisePetition is the form for a petition raised from a feedback point
// (point is 0-based): channel "feedback", linked to the point, its content
// as the summary.
func RaisePetition(ctx Context, fb *model.Feedback, point int) *Form {
	point = max(0, min(point, len(fb.Points)-1))
	seed := &model.Petition{Channel: model.ChannelFeedback, FeedbackID: fb.ID, PointNo: point + 1,
		Name: fb.SourceName, Classification: model.ClassProposal}
	if point < len(fb.Points) {
		seed.Summary = fb.Points[point].Content
	}
	sp := newPetitionSpec(&ctx, nil, seed)
	sp.parentRef = fb.Ref
	sp.channelInfo.info = ctx.Lang.F("entry.info.from_point", fb.Ref, point+1)
	f := newForm(ctx, "raise", fb.ID+"."+strconv.Itoa(point+1), ctx.Lang.F("entry.title.raise", fb.Ref, point+1), sp)
	f.record, f.point = rawJSON(fb), point
	return f.ready()
}

type petitionSpec struct {
	ctx       *Context
	b         fieldSet
	orig      *model.Petition // nil for a new one
	seed      *model.Petition // links of a new one (session, feedback point)
	parentRef string
	cal       *model.Calendar

	receivedOn, channel, channelInfo, classification            *field
	name, group, address, idNumber, phone, people, confidential *field
	summary, previously                                         *field
	repeat                                                      *field // the earlier petition's reference (repeat.go)
	handling, agency, docNo, assigneeUnit, assigneeOfficer      *field
	acceptedOn, complex, especially, multiSite                  *field
	ext                                                         [2]extensionFields
	ackDue, acknowledgedOn, resolutionDue                       *field
	status, result, resolvedOn, reportedBackOn                  *field
	all                                                         []*field
}

func newPetitionSpec(ctx *Context, orig, seed *model.Petition) *petitionSpec {
	b := fieldSet{ctx.Lang}
	st := &ctx.Settings
	s := &petitionSpec{ctx: ctx, b: b, orig: orig, seed: seed, cal: model.NewCalendar(st.Holidays)}
	linked := seed.SessionID != "" || seed.FeedbackID != ""

	s.receivedOn = b.date("received_on")
	s.receivedOn.section = b.l.T("entry.section.received")
	s.receivedOn.required = true
	direct := []string{string(model.ChannelWalkIn), string(model.ChannelWritten), string(model.ChannelPhone), string(model.ChannelOther)}
	s.channel = b.choice("channel", "channel", direct)
	s.channelInfo = newField(kInfo, "channel_link", b.label("channel"))
	s.channel.visible = func() bool { return !linked }
	s.channelInfo.visible = func() bool { return linked }
	// The link's key is the stored one, so the store's refusal of a
	// link (its record deleted meanwhile) shows beside it.
	switch {
	case seed.SessionID != "":
		s.channelInfo.key = "session_id"
		s.channelInfo.info = b.l.Enum("channel", string(model.ChannelSession))
	case seed.FeedbackID != "":
		s.channelInfo.key = "feedback_id"
		s.channelInfo.info = b.l.F("entry.info.point", seed.PointNo)
	}
	s.classification = b.choice("classification", "class", model.Strings(model.Classifications))

	s.name = b.make(kLine, "name")
	s.name.section = b.l.T("entry.section.petitioner")
	s.name.required = true
	s.group = b.pick("group", st.Groups)
	s.address = b.make(kLine, "address")
	s.idNumber = b.make(kLine, "id_number")
	s.idNumber.in.CharLimit = 20
	s.phone = b.make(kLine, "phone")
	s.phone.in.CharLimit = 20
	s.people = b.make(kNumber, "people")
	s.confidential = b.make(kCheck, "confidential")
	denunciation := func() bool { return s.classification.value() == string(model.ClassDenunciation) }
	s.confidential.locked = denunciation
	s.confidential.note = func() string {
		if denunciation() {
			return b.l.T("entry.note.confidential_forced")
		}
		return ""
	}

	s.summary = b.text("summary")
	s.summary.section = b.l.T("entry.section.content")
	s.summary.required = true
	s.previously = b.pick("previously_handled_by", st.Agencies)
	s.repeat = b.make(kLine, "repeat_of")
	s.repeat.hint = b.l.T("entry.hint.repeat_of")

	s.handling = b.choice("handling", "handling", append([]string{""}, model.Strings(model.Handlings)...))
	s.handling.section = b.l.T("entry.section.handling")
	s.handling.opts[0].label = b.l.T("entry.handling.none")
	sent := func() bool {
		h := model.Handling(s.handling.value())
		return h == model.HandlingReturned || h == model.HandlingTransferred
	}
	s.agency = b.pick("handling_agency", st.Agencies)
	s.agency.visible = sent
	s.docNo = b.make(kLine, "handling_doc_no")
	s.docNo.visible = sent
	s.assigneeUnit = b.pick("assignee_unit", st.Agencies)
	s.assigneeOfficer = b.pick("assignee_officer", st.Officers)

	// Acceptance (thụ lý) and what lengthens the terms (model/deadline.go).
	s.acceptedOn = b.date("accepted_on")
	s.acceptedOn.visible = func() bool { return model.Handling(s.handling.value()) == model.HandlingAccepted }
	class := func() model.Classification { return model.Classification(s.classification.value()) }
	s.complex = b.make(kCheck, "complex")
	s.complex.visible = func() bool { return class() == model.ClassComplaint || class() == model.ClassDenunciation }
	// Especially complex: a denunciation's second extension (Luật Tố cáo
	// 2018, Điều 30 khoản 1).
	s.especially = b.make(kCheck, "especially_complex")
	s.especially.visible = func() bool { return class() == model.ClassDenunciation && s.complex.isChecked() }
	s.multiSite = b.make(kCheck, "multi_site")
	s.multiSite.visible = func() bool { return class() == model.ClassDenunciation }
	for i := range s.ext {
		s.ext[i] = newExtensionFields(b, i+1)
		prev := i - 1
		s.ext[i].visible(func() bool {
			if class() != model.ClassDenunciation || !s.complex.isChecked() || !s.acceptedOn.shown() {
				return false
			}
			return prev < 0 || s.ext[prev].on.value() != "" || s.ext[prev].days.value() != ""
		})
	}

	s.ackDue = b.date("ack_due")
	s.ackDue.section = b.l.T("entry.section.deadlines")
	s.ackDue.note = s.ackNote
	s.acknowledgedOn = b.date("acknowledged_on")
	s.resolutionDue = b.date("resolution_due")
	s.resolutionDue.note = s.resolutionNote

	s.status = b.choice("status", "status", model.Strings(model.PetitionStatuses))
	s.status.section = b.l.T("entry.section.result")
	s.result = b.text("result")
	s.resolvedOn = b.date("resolved_on")
	s.reportedBackOn = b.date("reported_back_on")

	s.all = []*field{s.receivedOn, s.channel, s.channelInfo, s.classification,
		s.name, s.group, s.address, s.idNumber, s.phone, s.people, s.confidential,
		s.summary, s.previously, s.repeat, s.handling, s.agency, s.docNo, s.assigneeUnit, s.assigneeOfficer,
		s.acceptedOn, s.complex, s.especially, s.multiSite}
	for _, e := range s.ext {
		s.all = append(s.all, e.on, e.days, e.decision, e.reason)
	}
	s.all = append(s.all, s.ackDue, s.acknowledgedOn, s.resolutionDue, s.status, s.result, s.resolvedOn, s.reportedBackOn)

	p := seed
	if orig == nil {
		p.ReceivedOn = ctx.today()
		if p.Classification == "" {
			p.Classification = model.ClassProposal
		}
		p.People = 1
		s.ackDue.auto, s.resolutionDue.auto = true, true
	} else {
		// A stored due the law computed keeps following what it is
		// counted from (acceptance, complex, extensions); a typed one
		// stays as typed (model.Petition.RefreshDues, on save, agrees).
		s.ackDue.auto = p.AckDue == 0 || p.AckDue == p.LawAckDue(&st.Deadlines, s.cal)
		s.resolutionDue.auto = p.ResolutionDue == 0 || p.ResolutionDue == p.LawResolutionDue(st, s.cal)
	}
	s.receivedOn.setValue(p.ReceivedOn.String())
	s.channel.setValue(string(p.Channel))
	s.classification.setValue(string(p.Classification))
	s.name.setValue(p.Name)
	s.group.setValue(p.Group)
	s.address.setValue(p.Address)
	s.idNumber.setValue(p.IDNumber)
	s.phone.setValue(p.Phone)
	s.people.setValue(numText(p.People))
	s.confidential.setValue(boolText(p.Confidential))
	s.summary.setValue(p.Summary)
	s.previously.setValue(p.PreviouslyBy)
	s.repeat.setValue(p.RepeatRef)
	s.handling.setValue(string(p.Handling))
	s.agency.setValue(p.HandlingAgency)
	s.docNo.setValue(p.HandlingDocNo)
	s.assigneeUnit.setValue(p.AssigneeUnit)
	s.assigneeOfficer.setValue(p.AssigneeOfficer)
	s.acceptedOn.setValue(p.AcceptedOn.String())
	s.complex.setValue(boolText(p.Complex))
	s.especially.setValue(boolText(p.EspeciallyComplex))
	s.multiSite.setValue(boolText(p.MultiSite))
	for i, x := range p.Extensions {
		if i < len(s.ext) {
			s.ext[i].set(x)
		}
	}
	s.ackDue.setValue(p.AckDue.String())
	s.acknowledgedOn.setValue(p.AcknowledgedOn.String())
	s.resolutionDue.setValue(p.ResolutionDue.String())
	s.status.setValue(string(p.Status))
	s.result.setValue(p.Result)
	s.resolvedOn.setValue(p.ResolvedOn.String())
	s.reportedBackOn.setValue(p.ReportedBackOn.String())
	s.fillDues()
	return s
}

func (s *petitionSpec) fields() []*field { return s.all }

// dues are the deadlines the law gives what is typed now (model's
// deadline rules).
func (s *petitionSpec) dues() (ack, res model.Date) {
	p, _ := s.build()
	if p.ReceivedOn == 0 || !p.ReceivedOn.Valid() {
		return 0, 0
	}
	return p.LawAckDue(&s.ctx.Settings.Deadlines, s.cal), p.LawResolutionDue(&s.ctx.Settings, s.cal)
}

// fillDues recomputes the due dates the officer has not typed in.
func (s *petitionSpec) fillDues() {
	ack, res := s.dues()
	if s.ackDue.auto {
		s.ackDue.setValue(ack.String())
	}
	if s.resolutionDue.auto {
		s.resolutionDue.setValue(res.String())
	}
}

// acceptNow dates the acceptance today when the handling decision becomes
// "accept" and no date is typed (the officer can change it).
func (s *petitionSpec) acceptNow() {
	if s.acceptedOn.shown() && s.acceptedOn.value() == "" {
		s.acceptedOn.setValue(s.ctx.today().String())
	}
	s.fillDues()
}

// extensionFields are one extension of a denunciation's term: its
// decision's date and number, the days it adds, why.
type extensionFields struct{ on, days, decision, reason *field }

func newExtensionFields(b fieldSet, n int) extensionFields {
	key := func(f string) string { return "extensions." + strconv.Itoa(n) + "." + f }
	e := extensionFields{
		on:       newField(kDate, key("on"), b.l.F("entry.field.extension_on", n)),
		days:     newField(kNumber, key("days"), b.l.F("entry.field.extension_days", n)),
		decision: newField(kLine, key("decision_no"), b.l.F("entry.field.extension_decision", n)),
		reason:   newField(kLine, key("reason"), b.l.F("entry.field.extension_reason", n)),
	}
	e.on.hint = b.l.T("entry.hint.date")
	e.days.in.CharLimit = 2
	if n == 1 {
		e.on.section = b.l.T("entry.section.extensions")
	}
	return e
}

func (e extensionFields) visible(v func() bool) {
	for _, f := range []*field{e.on, e.days, e.decision, e.reason} {
		f.visible = v
	}
}

func (e extensionFields) set(x model.Extension) {
	e.on.setValue(x.On.String())
	e.days.setValue(numText(x.Days))
	e.decision.setValue(x.DecisionNo)
	e.reason.setValue(x.Reason)
}

// read returns the extension typed, ok false when the slot is hidden or
// empty.
func (e extensionFields) read(r *reader) (model.Extension, bool) {
	if !e.on.shown() || e.on.value() == "" && e.days.value() == "" && line(e.decision) == "" {
		return model.Extension{}, false
	}
	return model.Extension{On: r.date(e.on), Days: r.number(e.days, 0), DecisionNo: line(e.decision), Reason: line(e.reason)}, true
}

// ackNote says how the acceptance due is counted for the class typed.
func (s *petitionSpec) ackNote() string {
	ack, _ := s.dues()
	p, _ := s.build()
	n, working := p.AckTerm(&s.ctx.Settings.Deadlines)
	how := s.ctx.Lang.F("entry.note.ack_due_days", n)
	if working {
		how = s.ctx.Lang.F("entry.note.ack_due", n)
	}
	return s.dueNote(s.ackDue, ack, how)
}

// resolutionNote says how the resolution due is counted: from acceptance
// (a complaint's or denunciation's, with its extensions) or from receipt.
func (s *petitionSpec) resolutionNote() string {
	_, res := s.dues()
	p, _ := s.build()
	days, fromAcceptance := p.ResolutionTerm(&s.ctx.Settings)
	days += p.ExtensionDays()
	how := s.ctx.Lang.F("entry.note.resolution_due", days)
	switch {
	case fromAcceptance && p.AcceptedOn == 0:
		how = s.ctx.Lang.T("entry.note.resolution_unaccepted")
	case fromAcceptance:
		how = s.ctx.Lang.F("entry.note.resolution_from_acceptance", days)
	}
	return s.dueNote(s.resolutionDue, res, how)
}

// dueNote says how an automatic due date was computed, or what Settings
// would give when the officer typed another one.
func (s *petitionSpec) dueNote(f *field, computed model.Date, how string) string {
	if f.auto {
		return how
	}
	if computed != 0 && f.value() != computed.String() {
		return s.ctx.Lang.F("entry.note.settings_due", computed.String())
	}
	return ""
}

// changed keeps the form consistent as it is typed: due dates follow the
// date and the classification, status follows handling (and back), a
// resolved petition gets today's date.
func (s *petitionSpec) changed(f *field) {
	switch f {
	case s.receivedOn, s.classification, s.acceptedOn, s.complex, s.multiSite:
		s.fillDues()
	case s.ext[0].days, s.ext[1].days:
		s.fillDues()
	case s.handling:
		st := model.PetitionStatus(s.status.value())
		switch model.Handling(s.handling.value()) {
		case model.HandlingReturned:
			s.status.setValue(string(model.StatusReturned))
		case model.HandlingTransferred:
			if st != model.StatusResolved {
				s.status.setValue(string(model.StatusTransferred))
			}
		default:
			if st == model.StatusReturned || st == model.StatusTransferred {
				s.status.setValue(string(model.StatusInProgress))
			}
		}
		s.acceptNow()
	case s.status:
		h := model.Handling(s.handling.value())
		switch model.PetitionStatus(s.status.value()) {
		case model.StatusReturned:
			s.handling.setValue(string(model.HandlingReturned))
		case model.StatusTransferred:
			s.handling.setValue(string(model.HandlingTransferred))
		case model.StatusResolved:
			if h == model.HandlingReturned || h == model.HandlingNone {
				s.handling.setValue(string(model.HandlingAccepted))
			}
			if s.resolvedOn.value() == "" {
				s.resolvedOn.setValue(s.ctx.today().String())
			}
		case model.StatusInProgress:
			if h == model.HandlingReturned || h == model.HandlingTransferred || h == model.HandlingNone {
				s.handling.setValue(string(model.HandlingAccepted))
			}
		default:
			if h == model.HandlingReturned || h == model.HandlingTransferred {
				s.handling.setValue(string(model.HandlingAccepted))
			}
		}
		s.acceptNow()
	}
}

func (s *petitionSpec) build() (*model.Petition, model.FieldErrors) {
	var r reader
	p := &model.Petition{}
	if s.orig != nil {
		p = copyPetition(s.orig)
	} else {
		p.Channel, p.SessionID, p.FeedbackID, p.PointNo = s.seed.Channel, s.seed.SessionID, s.seed.FeedbackID, s.seed.PointNo
	}
	if s.channel.shown() {
		p.Channel = model.Channel(s.channel.value())
	}
	p.ReceivedOn = r.date(s.receivedOn)
	p.Classification = model.Classification(s.classification.value())
	p.Name = line(s.name)
	p.Group = line(s.group)
	p.Address = line(s.address)
	p.IDNumber = line(s.idNumber)
	p.Phone = line(s.phone)
	p.People = r.number(s.people, 1)
	p.Confidential = s.confidential.isChecked()
	p.Summary = text(s.summary)
	p.PreviouslyBy = line(s.previously)
	s.readRepeat(p)
	p.Handling = model.Handling(s.handling.value())
	p.HandlingAgency, p.HandlingDocNo = "", ""
	if s.agency.shown() {
		p.HandlingAgency = line(s.agency)
		p.HandlingDocNo = line(s.docNo)
	}
	p.AssigneeUnit = line(s.assigneeUnit)
	p.AssigneeOfficer = line(s.assigneeOfficer)
	p.AcceptedOn = 0
	if s.acceptedOn.shown() {
		p.AcceptedOn = r.date(s.acceptedOn)
	}
	p.Complex = s.complex.shown() && s.complex.isChecked()
	p.EspeciallyComplex = s.especially.shown() && s.especially.isChecked()
	p.MultiSite = s.multiSite.shown() && s.multiSite.isChecked()
	p.Extensions = nil
	for _, e := range s.ext {
		if x, ok := e.read(&r); ok {
			p.Extensions = append(p.Extensions, x)
		}
	}
	p.AckDue = r.date(s.ackDue)
	p.AcknowledgedOn = r.date(s.acknowledgedOn)
	p.ResolutionDue = r.date(s.resolutionDue)
	p.Status = model.PetitionStatus(s.status.value())
	p.Result = text(s.result)
	p.ResolvedOn = r.date(s.resolvedOn)
	p.ReportedBackOn = r.date(s.reportedBackOn)
	p.Normalize()
	return p, r.errs
}

func (s *petitionSpec) check() model.FieldErrors {
	p, errs := s.build()
	return append(errs, p.Validate()...)
}

// save writes the petition; on an edit, a change of status or of assignee
// also goes into the petition's follow-up log, dated today.
func (s *petitionSpec) save() saveOp {
	p, _ := s.build()
	by := s.ctx.by()
	if s.orig != nil {
		p.LogEdit(s.orig, s.ctx.today(), by)
	}
	return s.resolveRepeat(p, saveRecord(p, by, s.orig != nil))
}
