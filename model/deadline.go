package model

// Every due date and overdue rule of gopy lives here, each with its source.
// The numbers are Settings.Deadlines (the law's values by default, editable
// per ward); how they are counted is the law's and is not a setting, except
// the day-off rule's switch.
//
// How a term is counted (Bộ luật Dân sự 2015):
//   - a term in days starts on the day after the event: the day of receipt,
//     of acceptance, of a conference is not counted (Điều 147 khoản 1);
//   - it ends at the end of its last day (Điều 148 khoản 1); when that day
//     is a weekend day or a holiday it ends at the end of the next working
//     day (Điều 148 khoản 5) — Deadlines.OffDayStays turns this off;
//   - a term in working days counts only working days (Calendar), so it
//     never ends on a day off.

// DueKind names the deadline a record can still miss.
type DueKind string

const (
	// DueAcceptance: a petition on which no decision (accept, return,
	// transfer) has been taken yet can miss its acceptance deadline,
	// ack_due. Overdue on it reads "chưa thụ lý, quá hạn".
	DueAcceptance DueKind = "acceptance"
	// DueResolution: an open petition's resolution_due.
	DueResolution DueKind = "resolution"
	// DueResponse: a feedback's response_due while a point is pending.
	DueResponse DueKind = "response"
)

// DueKinds are the kinds in the order reports list them.
var DueKinds = []DueKind{DueAcceptance, DueResolution, DueResponse}

// calendarDue is the end of a term of n calendar days after from, moved off
// a day off to the next working day (BLDS 2015 Điều 148 khoản 5) unless the
// ward switched that off.
func calendarDue(from Date, n int, d *Deadlines, cal *Calendar) Date {
	if from == 0 {
		return 0
	}
	due := from.AddDays(n)
	if d.OffDayStays || cal == nil {
		return due
	}
	return cal.NextWorkingDay(due)
}

// --- Petitions ---------------------------------------------------------------

// LawAckDue is the deadline for the decision on a petition (accept, return
// or transfer) and the written notice of it, counted from receipt:
//   - complaint: accepted within 10 days of receipt (Luật Khiếu nại 2011,
//     Điều 27), calendar days;
//   - denunciation: registered, classified and initially handled, which
//     ends in the acceptance decision (Điều 29), within 7 working days of
//     receipt, 10 when it must be verified at several places (Luật Tố cáo
//     2018, Điều 24 khoản 1);
//   - proposal, report: the written notice that it was accepted or
//     transferred within 10 working days (Quy định 11-QĐi/TW as amended by
//     Kết luận 215-KL/TW).
func (p *Petition) LawAckDue(d *Deadlines, cal *Calendar) Date {
	if p.ReceivedOn == 0 {
		return 0
	}
	n, working := p.AckTerm(d)
	if working {
		return cal.AddWorkingDays(p.ReceivedOn, n)
	}
	return calendarDue(p.ReceivedOn, n, d, cal)
}

// AckTerm is the acceptance term LawAckDue counts: n days from receipt,
// working days or calendar days.
func (p *Petition) AckTerm(d *Deadlines) (n int, working bool) {
	switch p.Classification {
	case ClassComplaint:
		return d.ComplaintAckDays, false
	case ClassDenunciation:
		if p.MultiSite {
			return d.DenunciationMultiSiteWorkingDays, true
		}
		return d.DenunciationAckWorkingDays, true
	}
	return d.AckWorkingDays, true
}

// ResolutionTerm is the resolution term in calendar days before any
// extension, and whether it runs from acceptance (else from receipt):
//   - complaint: 30 days from acceptance, 45 when complex; in a remote
//     area 45, and 60 when complex (Luật Khiếu nại 2011, Điều 28 khoản 1
//     and 2);
//   - denunciation: 30 days from acceptance (Luật Tố cáo 2018, Điều 30
//     khoản 1);
//   - proposal, report: the ward's days from receipt (Settings).
func (p *Petition) ResolutionTerm(s *Settings) (days int, fromAcceptance bool) {
	d := &s.Deadlines
	switch p.Classification {
	case ClassComplaint:
		switch {
		case s.RemoteArea && p.Complex:
			return d.ComplaintRemoteComplexDays, true
		case s.RemoteArea:
			return d.ComplaintRemoteDays, true
		case p.Complex:
			return d.ComplaintComplexDays, true
		}
		return d.ComplaintDays, true
	case ClassDenunciation:
		return d.DenunciationDays, true
	case ClassProposal:
		return d.ProposalDays, false
	}
	return d.ReportDays, false
}

// LawResolutionDue is the resolution deadline the law gives the petition as
// it stands: zero for a complaint or denunciation not yet accepted (its
// term has not started). A denunciation's extensions lengthen the term by
// their days (Luật Tố cáo 2018, Điều 30 khoản 1: once by up to 30 days for
// a complex case, twice by up to 30 days each for an especially complex
// one); the day-off rule applies to the end of the whole term.
func (p *Petition) LawResolutionDue(s *Settings, cal *Calendar) Date {
	days, fromAcceptance := p.ResolutionTerm(s)
	from := p.ReceivedOn
	if fromAcceptance {
		from = p.AcceptedOn
	}
	if from == 0 {
		return 0
	}
	return calendarDue(from, days+p.ExtensionDays(), &s.Deadlines, cal)
}

// ExtensionDays are the days a denunciation's extensions add to its term.
func (p *Petition) ExtensionDays() int {
	n := 0
	if p.Classification == ClassDenunciation {
		for _, e := range p.Extensions {
			n += e.Days
		}
	}
	return n
}

// FillDues sets the acceptance and resolution deadlines the law gives when
// they are empty. A stored deadline is never rewritten here: a change of
// Settings does not move the deadlines of petitions already received.
func (p *Petition) FillDues(s *Settings, cal *Calendar) {
	if p.AckDue == 0 {
		p.AckDue = p.LawAckDue(&s.Deadlines, cal)
	}
	if p.ResolutionDue == 0 {
		p.ResolutionDue = p.LawResolutionDue(s, cal)
	}
}

// RefreshDues keeps the deadlines in step with what they are counted from
// when a stored petition (old) is changed into p: a deadline that old held
// as the law computed it, and that p does not retype, is computed again
// from p — so accepting a complaint starts its term, marking it complex or
// recording an extension moves it. A deadline an officer typed stays.
func (p *Petition) RefreshDues(old *Petition, s *Settings, cal *Calendar) {
	if old != nil {
		if p.AckDue == old.AckDue && (old.AckDue == 0 || old.AckDue == old.LawAckDue(&s.Deadlines, cal)) {
			p.AckDue = p.LawAckDue(&s.Deadlines, cal)
		}
		if p.ResolutionDue == old.ResolutionDue && (old.ResolutionDue == 0 || old.ResolutionDue == old.LawResolutionDue(s, cal)) {
			p.ResolutionDue = p.LawResolutionDue(s, cal)
		}
	}
	p.FillDues(s, cal)
}

// Unaccepted: still open and no decision taken on it — neither accepted
// for handling, nor returned, nor transferred (`list --status unaccepted`).
func (p *Petition) Unaccepted() bool { return unaccepted(p.Status, p.Handling) }

func unaccepted(s PetitionStatus, h Handling) bool { return s.Open() && h == HandlingNone }

// openPetitionDue is the one rule for which deadline an open petition can
// still miss: its acceptance deadline until a decision is taken on it
// (unless a resolution deadline from receipt, set shorter by the ward,
// comes first), then its resolution deadline. A complaint or denunciation
// transferred elsewhere has none here (the receiving body's term runs).
func openPetitionDue(s PetitionStatus, h Handling, ackDue, resDue Date) (Date, DueKind) {
	switch {
	case !s.Open():
		return 0, ""
	case unaccepted(s, h) && ackDue != 0 && (resDue == 0 || ackDue <= resDue):
		return ackDue, DueAcceptance
	case resDue != 0:
		return resDue, DueResolution
	}
	return 0, ""
}

// OpenDue is the deadline the petition can still miss, and which one;
// kind "" when none.
func (p *Petition) OpenDue() (Date, DueKind) {
	return openPetitionDue(p.Status, p.Handling, p.AckDue, p.ResolutionDue)
}

// Overdue: still open after the deadline it can miss — its acceptance
// deadline while no decision is taken (kind DueAcceptance), else its
// resolution deadline (SPEC "Petition").
func (p *Petition) Overdue(today Date) bool {
	due, kind := p.OpenDue()
	return kind != "" && due != 0 && today > due
}

// DaysOverdue is how many days past the missed deadline (0 if not overdue).
func (p *Petition) DaysOverdue(today Date) int {
	if !p.Overdue(today) {
		return 0
	}
	due, _ := p.OpenDue()
	return due.DaysUntil(today)
}

// AckLate: the written notice went out after the deadline, or has not gone
// out and the deadline has passed.
func (p *Petition) AckLate(today Date) bool {
	if p.AckDue == 0 {
		return false
	}
	if p.AcknowledgedOn == 0 {
		return today > p.AckDue
	}
	return p.AcknowledgedOn > p.AckDue
}

// ResolvedOnTime: resolved no later than its deadline.
func (p *Petition) ResolvedOnTime() bool {
	return p.Status == StatusResolved && p.ResolvedOn != 0 &&
		(p.ResolutionDue == 0 || p.ResolvedOn <= p.ResolutionDue)
}

// --- Feedback ----------------------------------------------------------------

// FillDue sets the response deadline when it is empty: the ward's days
// after given_on (Quy định 218-QĐ/TW leaves the term to the bodies
// concerned; Settings), a calendar-day term under the day-off rule. An
// existing deadline is never rewritten by a change of Settings.
func (f *Feedback) FillDue(s *Settings, cal *Calendar) {
	if f.ResponseDue == 0 && f.GivenOn != 0 {
		f.ResponseDue = calendarDue(f.GivenOn, s.Deadlines.FeedbackResponseDays, &s.Deadlines, cal)
	}
}

// OverduePoints counts points still pending after the response deadline.
func (f *Feedback) OverduePoints(today Date) int {
	if f.ResponseDue == 0 || today <= f.ResponseDue {
		return 0
	}
	return f.PendingPoints()
}

// Overdue: at least one point still pending after the response deadline.
func (f *Feedback) Overdue(today Date) bool { return f.OverduePoints(today) > 0 }

// --- Sessions ----------------------------------------------------------------

// AnnouncedLate: a dialogue conference must be announced at least N days
// before it is held (Luật 72/2025/QH15, Điều 43); no announcement recorded
// counts as late. A term counted backwards from the conference has no
// day-off rule.
func (s *Session) AnnouncedLate(d Deadlines) bool {
	if s.Type != SessionDialogue {
		return false
	}
	return announcedLate(s.AnnouncedOn, s.HeldOn, &d)
}

func announcedLate(announced, held Date, d *Deadlines) bool {
	return announced == 0 || announced.DaysUntil(held) < d.AnnounceDaysBefore
}

// PublishDue is the day by which a dialogue's results must be published:
// N days after it (Luật 72/2025/QH15, Điều 43), under the day-off rule.
func PublishDue(held Date, d *Deadlines, cal *Calendar) Date {
	return calendarDue(held, d.PublishDaysAfter, d, cal)
}

// PublishedLate: published after PublishDue, or not yet and that day has
// passed.
func (s *Session) PublishedLate(d Deadlines, cal *Calendar, today Date) bool {
	if s.Type != SessionDialogue {
		return false
	}
	return publishedLate(s.HeldOn, s.ResultsPublishedOn, &d, cal, today)
}

func publishedLate(held, published Date, d *Deadlines, cal *Calendar, today Date) bool {
	due := PublishDue(held, d, cal)
	if published == 0 {
		return today > due
	}
	return published > due
}

// --- Rows --------------------------------------------------------------------

// OpenDue is the deadline the row's record can still miss (Petition.OpenDue,
// or a feedback's response deadline while a point is pending); kind "" for
// records that cannot become overdue now.
func (r *Row) OpenDue() (Date, DueKind) {
	switch r.Kind {
	case KindPetition:
		return openPetitionDue(PetitionStatus(r.Status), r.Handling, r.AckDue, r.Due)
	case KindFeedback:
		if r.Due != 0 && r.Points[0] > 0 {
			return r.Due, DueResponse
		}
	case KindCommitment, KindInformation:
		return r.followDue()
	}
	return 0, ""
}

// Overdue reports whether the row's record is overdue on today, exactly as
// the record's own Overdue method would say.
func (r *Row) Overdue(today Date) bool {
	due, kind := r.OpenDue()
	return kind != "" && due != 0 && today > due
}

// OverdueKind is the deadline the record has missed on today, "" if none.
func (r *Row) OverdueKind(today Date) DueKind {
	if !r.Overdue(today) {
		return ""
	}
	_, kind := r.OpenDue()
	return kind
}

// Unaccepted is Petition.Unaccepted on a row.
func (r *Row) Unaccepted() bool {
	return r.Kind == KindPetition && unaccepted(PetitionStatus(r.Status), r.Handling)
}
