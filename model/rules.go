package model

// --- Feedback ---------------------------------------------------------------

func (f *Feedback) Normalize() {
	f.SourceName = CleanLine(f.SourceName)
	f.TargetName = CleanLine(f.TargetName)
	f.Subject = CleanLine(f.Subject)
	f.DraftSentBy = CleanLine(f.DraftSentBy)
	f.Topics = cleanList(f.Topics)
	for i := range f.Points {
		p := &f.Points[i]
		p.Content = CleanText(p.Content)
		p.Answer = CleanText(p.Answer)
		p.AnsweredBy = CleanLine(p.AnsweredBy)
		p.AssessmentNote = CleanText(p.AssessmentNote)
		if p.Status == "" {
			p.Status = AnswerPending
		}
	}
}

func (f *Feedback) Validate() FieldErrors {
	var e FieldErrors
	checkDate(&e, "given_on", f.GivenOn, true)
	checkEnum(&e, "source_kind", f.SourceKind, SourceKinds)
	checkLine(&e, "source_name", f.SourceName, true)
	checkEnum(&e, "form", f.Form, FeedbackForms)
	checkEnum(&e, "target_kind", f.TargetKind, TargetKinds)
	checkLine(&e, "target_name", f.TargetName, false)
	checkLine(&e, "subject", f.Subject, true)
	checkLine(&e, "draft_sent_by", f.DraftSentBy, false)
	checkList(&e, "topics", f.Topics)
	checkDate(&e, "draft_received_on", f.DraftReceivedOn, false)
	checkDate(&e, "comment_deadline", f.CommentDeadline, false)
	if f.DraftReceivedOn != 0 && f.CommentDeadline != 0 && f.CommentDeadline < f.DraftReceivedOn {
		e.Add("comment_deadline", "err.before_draft")
	}
	checkDate(&e, "response_due", f.ResponseDue, false)
	if f.ResponseDue != 0 && f.GivenOn != 0 && f.ResponseDue < f.GivenOn {
		e.Add("response_due", "err.before_given")
	}
	if len(f.Points) == 0 {
		e.Add("points", "err.no_points")
	}
	if len(f.Points) > maxList {
		e.Add("points", "err.too_long")
	}
	for i := range f.Points {
		for _, fe := range f.Points[i].Validate(f.GivenOn) {
			e.Add(pointField(i, fe.Field), fe.Key)
		}
	}
	return e
}

func pointField(i int, field string) string {
	return "points." + itoa(i+1) + "." + field
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// Validate checks one point; partial and explained answers need their text,
// and every answer needs its date.
func (p *Point) Validate(givenOn Date) FieldErrors {
	var e FieldErrors
	checkText(&e, "content", p.Content, true)
	checkEnum(&e, "status", p.Status, AnswerStatuses)
	checkText(&e, "answer", p.Answer, false)
	checkLine(&e, "answered_by", p.AnsweredBy, false)
	e = append(e, p.validateAssessment()...)
	if p.Status != AnswerPending && p.Status != "" {
		checkDate(&e, "answered_on", p.AnsweredOn, true)
		if p.AnsweredOn != 0 && givenOn != 0 && p.AnsweredOn < givenOn {
			e.Add("answered_on", "err.before_given")
		}
		if (p.Status == AnswerPartial || p.Status == AnswerExplained) && p.Answer == "" {
			e.Add("answer", "err.answer_required")
		}
	}
	return e
}

// State is the feedback's overall state, from its points.
func (f *Feedback) State() FeedbackState {
	answered := 0
	for _, p := range f.Points {
		if p.Status != AnswerPending {
			answered++
		}
	}
	switch {
	case answered == 0:
		return FeedbackPending
	case answered == len(f.Points):
		return FeedbackAnswered
	default:
		return FeedbackPartly
	}
}

// PendingPoints counts points not yet answered.
func (f *Feedback) PendingPoints() int {
	n := 0
	for _, p := range f.Points {
		if p.Status == AnswerPending {
			n++
		}
	}
	return n
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

// CommentWindowDays is the days a draft gave for comment, or -1 if unknown.
func (f *Feedback) CommentWindowDays() int {
	if f.DraftReceivedOn == 0 || f.CommentDeadline == 0 {
		return -1
	}
	return f.DraftReceivedOn.DaysUntil(f.CommentDeadline)
}

// FillDue sets the response deadline from Settings when it is empty. An
// existing deadline is never rewritten by a change of Settings.
func (f *Feedback) FillDue(s *Settings) {
	if f.ResponseDue == 0 && f.GivenOn != 0 {
		f.ResponseDue = f.GivenOn.AddDays(s.Deadlines.FeedbackResponseDays)
	}
}

// --- Session ----------------------------------------------------------------

func (s *Session) Normalize() {
	s.Location = CleanLine(s.Location)
	s.HostName = CleanLine(s.HostName)
	s.OtherLeaders = CleanLine(s.OtherLeaders)
	s.OrganisedBy = CleanLine(s.OrganisedBy)
	s.Topics = cleanList(s.Topics)
	s.Minutes = CleanText(s.Minutes)
	s.Commitments = CleanText(s.Commitments)
}

func (s *Session) Validate() FieldErrors {
	var e FieldErrors
	checkEnum(&e, "kind", s.Type, SessionKinds)
	checkDate(&e, "held_on", s.HeldOn, true)
	checkLine(&e, "location", s.Location, false)
	checkEnum(&e, "host_role", s.HostRole, HostRoles)
	checkLine(&e, "host_name", s.HostName, true)
	checkLine(&e, "other_leaders", s.OtherLeaders, false)
	checkLine(&e, "organised_by", s.OrganisedBy, false)
	if s.Participants < 0 || s.Participants > 1_000_000 {
		e.Add("participants", "err.invalid_number")
	}
	checkList(&e, "topics", s.Topics)
	checkText(&e, "minutes", s.Minutes, false)
	checkText(&e, "commitments", s.Commitments, false)
	checkDate(&e, "announced_on", s.AnnouncedOn, false)
	checkDate(&e, "results_published_on", s.ResultsPublishedOn, false)
	if s.AnnouncedOn != 0 && s.HeldOn != 0 && s.AnnouncedOn > s.HeldOn {
		e.Add("announced_on", "err.after_held")
	}
	if s.ResultsPublishedOn != 0 && s.HeldOn != 0 && s.ResultsPublishedOn < s.HeldOn {
		e.Add("results_published_on", "err.before_held")
	}
	e = append(e, s.validateFollow()...)
	return e
}

// AnnouncedLate: a dialogue conference must be announced at least N days
// before it is held; no announcement recorded counts as late once held.
func (s *Session) AnnouncedLate(d Deadlines) bool {
	if s.Type != SessionDialogue {
		return false
	}
	if s.AnnouncedOn == 0 {
		return true
	}
	return s.AnnouncedOn.DaysUntil(s.HeldOn) < d.AnnounceDaysBefore
}

// PublishedLate: a dialogue's results must be published within N days after;
// not yet published counts as late once that window has passed.
func (s *Session) PublishedLate(d Deadlines, today Date) bool {
	if s.Type != SessionDialogue {
		return false
	}
	due := s.HeldOn.AddDays(d.PublishDaysAfter)
	if s.ResultsPublishedOn == 0 {
		return today > due
	}
	return s.ResultsPublishedOn > due
}

// --- Petition ---------------------------------------------------------------

func (p *Petition) Normalize() {
	for _, v := range []*string{&p.Name, &p.Group, &p.Address, &p.IDNumber, &p.Phone,
		&p.PreviouslyBy, &p.HandlingAgency, &p.HandlingDocNo, &p.AssigneeUnit, &p.AssigneeOfficer} {
		*v = CleanLine(*v)
	}
	p.Summary = CleanText(p.Summary)
	p.Result = CleanText(p.Result)
	p.RepeatOf = CleanLine(p.RepeatOf)
	if p.People == 0 {
		p.People = 1
	}
	if p.Classification == ClassDenunciation {
		p.Confidential = true // denouncers are protected (Luật Tố cáo 2018)
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
func (p *Petition) FollowHandling() {
	// Handling a petition at all (in progress, resolved) means the ward
	// accepted it for handling, unless it was transferred.
	if p.Handling == HandlingNone && (p.Status == StatusInProgress || p.Status == StatusResolved) {
		p.Handling = HandlingAccepted
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
	for f, v := range map[string]string{"group": p.Group, "address": p.Address,
		"previously_handled_by": p.PreviouslyBy, "handling_agency": p.HandlingAgency,
		"handling_doc_no": p.HandlingDocNo, "assignee_unit": p.AssigneeUnit,
		"assignee_officer": p.AssigneeOfficer} {
		checkLine(&e, f, v, false)
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
	for f, d := range map[string]Date{"ack_due": p.AckDue, "acknowledged_on": p.AcknowledgedOn,
		"resolution_due": p.ResolutionDue, "resolved_on": p.ResolvedOn, "reported_back_on": p.ReportedBackOn} {
		checkDate(&e, f, d, false)
		if d != 0 && p.ReceivedOn != 0 && d < p.ReceivedOn && d.Valid() {
			e.Add(f, "err.before_received")
		}
	}
	if p.Status == StatusResolved && p.ResolvedOn == 0 {
		e.Add("resolved_on", "err.required")
	}
	checkText(&e, "result", p.Result, false)
	if len(p.Log) > 10_000 {
		e.Add("log", "err.too_long")
	}
	e = append(e, p.validateRepeat()...)
	return e
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

// FillDues sets the acknowledgement and resolution deadlines from Settings
// when they are empty: acknowledgement in working days, resolution in
// calendar days by classification. Existing dues are never rewritten.
func (p *Petition) FillDues(s *Settings, cal *Calendar) {
	if p.ReceivedOn == 0 {
		return
	}
	if p.AckDue == 0 {
		p.AckDue = cal.AddWorkingDays(p.ReceivedOn, s.Deadlines.AckWorkingDays)
	}
	if p.ResolutionDue == 0 {
		p.ResolutionDue = p.ReceivedOn.AddDays(s.Deadlines.ResolutionDays(p.Classification))
	}
}

// Overdue: still open after its resolution deadline.
func (p *Petition) Overdue(today Date) bool {
	return p.Status.Open() && p.ResolutionDue != 0 && today > p.ResolutionDue
}

// DaysOverdue is how many days past the resolution deadline (0 if not overdue).
func (p *Petition) DaysOverdue(today Date) int {
	if !p.Overdue(today) {
		return 0
	}
	return p.ResolutionDue.DaysUntil(today)
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
