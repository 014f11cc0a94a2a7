package model

import (
	"cmp"
	"encoding/json"
	"maps"
	"slices"
	"strconv"
	"unsafe"
)

// Report holds every figure of a period's report (SPEC "Reports"). Its json
// tags are the shape `gopy report --format json` prints.
//
// A record belongs to the period by its own date (given_on, held_on,
// received_on). Figures that depend on the day the report is made (overdue,
// late acknowledgements not yet sent, results not yet published, reception
// days required so far) are reckoned on AsOf.
type Report struct {
	Period Period `json:"period"`
	AsOf   Date   `json:"as_of"`
	Figures
	// Wards is filled by a WardAggregator: the same figures for each origin
	// ward, sorted by ward code.
	Wards []WardReport `json:"wards,omitzero"`
}

// WardReport is one origin ward's figures in a consolidated report.
type WardReport struct {
	Ward string `json:"ward"`
	Figures
}

// Figures are the three sections of a report and the targets judged over
// its period (targets.go).
type Figures struct {
	Feedback  FeedbackFigures `json:"feedback"`
	Sessions  SessionFigures  `json:"sessions"`
	Petitions PetitionFigures `json:"petitions"`
	// Follow-through (report_follow.go).
	Commitments CommitmentFigures  `json:"commitments"`
	Information InformationFigures `json:"information"`
	Targets     []TargetResult     `json:"targets"`
}

// FeedbackFigures count feedback submissions (records) and their points.
type FeedbackFigures struct {
	Total  int `json:"total"`  // submissions
	Points int `json:"points"` // points in those submissions
	// ByState counts submissions by FeedbackState, as `list feedback
	// --status` filters them.
	ByState Counts `json:"by_state"`
	// ByStatus counts points by answer status.
	ByStatus Counts `json:"by_status"`
	Answered int    `json:"answered"` // points not pending
	// AcceptanceRate is (accepted + partial) / answered points: the share of
	// answered points whose answer took the feedback on board, wholly or in
	// part. Points still pending are left out (they have no answer yet);
	// null when no point is answered.
	AcceptanceRate *float64 `json:"acceptance_rate"`
	// MedianAnswerDays is the median of calendar days from given_on to
	// answered_on over answered points that have an answer date (the mean
	// of the middle two for an even count); null when there are none.
	MedianAnswerDays *float64 `json:"median_answer_days"`

	BySource       Counts `json:"by_source"` // submissions
	ByForm         Counts `json:"by_form"`
	ByTarget       Counts `json:"by_target"`
	PointsBySource Counts `json:"points_by_source"`
	PointsByForm   Counts `json:"points_by_form"`
	PointsByTarget Counts `json:"points_by_target"`

	// Overdue counts submissions overdue on AsOf (a point still pending
	// after response_due), exactly as `list feedback --overdue`.
	Overdue       int `json:"overdue"`
	OverduePoints int `json:"overdue_points"` // pending points of those submissions
	// Drafts counts comments on a draft whose window is known;
	// ShortWindow those given fewer days than Deadlines.ShortCommentDays.
	Drafts      int `json:"drafts"`
	ShortWindow int `json:"short_comment_window"`
	// ShortWindowBySender splits ShortWindow by the body that sent the
	// draft (Feedback.DraftSender): who sends drafts late.
	ShortWindowBySender Counts `json:"short_comment_window_by_sender"`
	// Assessment counts answered points by the giver's assessment of the
	// answer, "none" for those not assessed.
	Assessment Counts `json:"assessment"`
}

// SessionFigures count dialogues, receptions and consultations.
type SessionFigures struct {
	Total        int    `json:"total"`
	ByKind       Counts `json:"by_kind"`
	ByHost       Counts `json:"by_host"`
	Participants int    `json:"participants"`
	// MattersRaised counts petitions received in the period through a
	// session (channel session).
	MattersRaised int `json:"matters_raised"`
	// Dialogues announced fewer than Deadlines.AnnounceDaysBefore days
	// before they were held (or with no announcement recorded), and
	// dialogues whose results were published more than
	// Deadlines.PublishDaysAfter days after (or not yet, once that is past
	// on AsOf).
	AnnouncedLate int `json:"dialogues_announced_late"`
	PublishedLate int `json:"dialogues_published_late"`
	// VoterRequested counts dialogues held at the request of voters.
	VoterRequested int `json:"dialogues_voter_requested"`
}

// PetitionFigures count petitions and how they were handled.
type PetitionFigures struct {
	Total            int    `json:"total"`
	People           int    `json:"people"` // people raising the matters
	ByStatus         Counts `json:"by_status"`
	ByClassification Counts `json:"by_classification"`
	ByChannel        Counts `json:"by_channel"`
	// Acknowledgement (written notice of acceptance or transfer):
	// AckOnTime + AckLate + AckPending = Total.
	AckOnTime  int `json:"ack_on_time"` // acknowledged_on ≤ ack_due
	AckLate    int `json:"ack_late"`    // after ack_due, or not sent and ack_due past on AsOf
	AckPending int `json:"ack_pending"` // not sent, ack_due not yet past
	// Resolved counts status resolved; ResolvedOnTime those with
	// resolved_on ≤ resolution_due.
	Resolved       int `json:"resolved"`
	ResolvedOnTime int `json:"resolved_on_time"`
	// Overdue counts petitions still open after the deadline they can miss
	// on AsOf (Petition.Overdue), exactly as `list petitions --overdue`;
	// OverdueList names them, most overdue first. OverdueUnaccepted are
	// those of them no decision has been taken on yet ("chưa thụ lý, quá
	// hạn"; `list petitions --status unaccepted --overdue`); Unaccepted all
	// open petitions with no decision yet (`--status unaccepted`).
	Overdue           int            `json:"overdue"`
	OverdueUnaccepted int            `json:"overdue_unaccepted"`
	Unaccepted        int            `json:"unaccepted"`
	OverdueList       []OverdueEntry `json:"overdue_list"`
	ReportedBack      int            `json:"reported_back"` // reported_back_on set
	// Repeated counts petitions that repeat an earlier one (repeat_of);
	// MattersRaised3 the matters raised a third time or more by a petition
	// of the period.
	Repeated       int `json:"repeated"`
	MattersRaised3 int `json:"matters_raised_3_times"`
}

// OverdueEntry is one overdue petition in a report.
type OverdueEntry struct {
	ID             string  `json:"id"`
	Ref            string  `json:"ref"`
	Ward           string  `json:"ward"`
	ReceivedOn     Date    `json:"received_on"`
	Due            Date    `json:"due"`  // the deadline missed
	Kind           DueKind `json:"kind"` // which: acceptance or resolution
	DaysOverdue    int     `json:"days_overdue"`
	Status         string  `json:"status"`
	Classification string  `json:"classification"`
	Assignee       string  `json:"assignee"`
}

// Count is one value's tally.
type Count struct {
	Key string
	N   int
}

// Counts is a tally by stored enum value, kept in the enum's order so tables
// and JSON list the values the same way every time, zeros included. A value
// outside the enum (from a newer gopy or a hand-edited import) is appended
// rather than dropped, so the parts always add up to the total.
type Counts []Count

func countsOf[T ~string](all []T) Counts {
	c := make(Counts, len(all))
	for i, v := range all {
		c[i].Key = string(v)
	}
	return c
}

// Add adds n to key's tally.
func (c *Counts) Add(key string, n int) {
	for i := range *c {
		if (*c)[i].Key == key {
			(*c)[i].N += n
			return
		}
	}
	*c = append(*c, Count{key, n})
}

// Get returns key's tally.
func (c Counts) Get(key string) int {
	for _, e := range c {
		if e.Key == key {
			return e.N
		}
	}
	return 0
}

// Sum is the total of every tally.
func (c Counts) Sum() int {
	n := 0
	for _, e := range c {
		n += e.N
	}
	return n
}

// MarshalJSON writes an object in the enum's order.
func (c Counts) MarshalJSON() ([]byte, error) {
	b := []byte{'{'}
	for i, e := range c {
		if i > 0 {
			b = append(b, ',')
		}
		k, err := json.Marshal(e.Key)
		if err != nil {
			return nil, err
		}
		b = append(b, k...)
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(e.N), 10)
	}
	return append(b, '}'), nil
}

// Aggregator computes a report from rows streamed one at a time, so a year
// of a province never has to sit in memory. Rows dated outside the period
// are ignored.
type Aggregator struct {
	period Period
	asOf   Date
	dl     Deadlines
	tg     Targets
	cal    *Calendar

	f         FeedbackFigures
	s         SessionFigures
	p         PetitionFigures
	answerHis map[int]int         // answer days → points
	wards     map[string]struct{} // wards with records in the period
	days      map[string]*targetDays
	fu        followAgg
	// text holds the copies of what is kept of the rows' own strings
	// (keep): one allocation for many.
	text []byte
	// overdue holds the overdue petitions in chunks (addOverdue): a
	// province's 22,000 grow and merge without being copied each time.
	overdue [][]OverdueEntry
}

// overdueChunk is how many overdue petitions a chunk holds.
const overdueChunk = 1024

func (a *Aggregator) addOverdue(e OverdueEntry) {
	n := len(a.overdue)
	if n == 0 || len(a.overdue[n-1]) == cap(a.overdue[n-1]) {
		a.overdue = append(a.overdue, make([]OverdueEntry, 0, overdueChunk))
		n++
	}
	a.overdue[n-1] = append(a.overdue[n-1], e)
}

// NewAggregator starts a report for the period as of asOf, with the ward's
// deadlines and targets.
func NewAggregator(p Period, asOf Date, s *Settings) *Aggregator {
	return &Aggregator{
		period: p,
		asOf:   asOf,
		dl:     s.Deadlines,
		tg:     s.Targets,
		cal:    NewCalendar(s.Holidays),
		f: FeedbackFigures{
			ByState:        countsOf(FeedbackStates),
			ByStatus:       countsOf(AnswerStatuses),
			BySource:       countsOf(SourceKinds),
			ByForm:         countsOf(FeedbackForms),
			ByTarget:       countsOf(TargetKinds),
			PointsBySource: countsOf(SourceKinds),
			PointsByForm:   countsOf(FeedbackForms),
			PointsByTarget: countsOf(TargetKinds),
			Assessment:     assessmentCounts(),
		},
		s: SessionFigures{
			ByKind: countsOf(SessionKinds),
			ByHost: countsOf(HostRoles),
		},
		p: PetitionFigures{
			ByStatus:         countsOf(PetitionStatuses),
			ByClassification: countsOf(Classifications),
			ByChannel:        countsOf(Channels),
		},
		answerHis: map[int]int{},
		wards:     map[string]struct{}{},
		days:      map[string]*targetDays{},
		fu:        newFollowAgg(),
	}
}

// JudgeWard has the targets judged for ward even if none of its rows fall
// in the period (the dashboard reads sessions only, yet every ward owes
// its receptions).
func (a *Aggregator) JudgeWard(ward string) {
	a.wards[ward] = struct{}{}
	a.wardDays(ward)
}

// Add counts one record's row. The row is not kept, nor its ID, Ref or
// Matter (a walk may reuse their bytes for the next row): what is kept of
// them is copied. Rows outside the
// period are ignored, except the sessions since ScanFrom that the yearly
// dialogue target looks back to.
func (a *Aggregator) Add(r *Row) {
	if !a.period.Contains(r.Date) {
		if r.Kind == KindSession && r.Date >= ScanFrom(KindSession, a.period) && r.Date < a.period.From {
			a.wardDays(r.Ward).addSession(r)
		}
		return
	}
	if _, ok := a.wards[r.Ward]; !ok {
		a.wards[r.Ward] = struct{}{}
	}
	switch r.Kind {
	case KindFeedback:
		a.addFeedback(r)
	case KindSession:
		a.addSession(r)
	case KindPetition:
		a.addPetition(r)
	case KindCommitment:
		a.addCommitment(r)
	case KindInformation:
		a.addInformation(r)
	}
}

func (a *Aggregator) addFeedback(r *Row) {
	f := &a.f
	points := 0
	for i, n := range r.Points {
		points += n
		f.ByStatus[i].N += n // ByStatus starts in AnswerStatuses order, as Row.Points
	}
	f.Total++
	f.Points += points
	f.Answered += points - r.Points[0]
	f.ByState.Add(r.Status, 1)
	f.BySource.Add(r.Sub, 1)
	f.ByForm.Add(string(r.Form), 1)
	f.ByTarget.Add(string(r.Target), 1)
	f.PointsBySource.Add(r.Sub, points)
	f.PointsByForm.Add(string(r.Form), points)
	f.PointsByTarget.Add(string(r.Target), points)
	for _, d := range r.AnswerDays {
		a.answerHis[d]++
	}
	if r.Overdue(a.asOf) {
		f.Overdue++
		f.OverduePoints += r.Points[0]
	}
	if r.DraftWindow >= 0 {
		f.Drafts++
		if r.DraftWindow < a.dl.ShortCommentDays {
			f.ShortWindow++
		}
	}
	a.followFeedback(r)
}

func (a *Aggregator) addSession(r *Row) {
	s := &a.s
	s.Total++
	s.ByKind.Add(r.Status, 1)
	s.ByHost.Add(r.Sub, 1)
	s.Participants += r.Participants
	a.followSession(r)
	if r.Date <= a.asOf {
		a.wardDays(r.Ward).addSession(r)
	}
	if SessionKind(r.Status) == SessionDialogue {
		if announcedLate(r.AnnouncedOn, r.Date, &a.dl) {
			s.AnnouncedLate++
		}
		if publishedLate(r.Date, r.PublishedOn, &a.dl, a.cal, a.asOf) {
			s.PublishedLate++
		}
	}
}

func (a *Aggregator) wardDays(ward string) *targetDays {
	t, ok := a.days[ward]
	if !ok {
		t = &targetDays{}
		a.days[ward] = t
	}
	return t
}

func (a *Aggregator) addPetition(r *Row) {
	p := &a.p
	p.Total++
	p.People += r.People
	p.ByStatus.Add(r.Status, 1)
	p.ByClassification.Add(r.Sub, 1)
	p.ByChannel.Add(string(r.Channel), 1)
	a.followPetition(r)
	if r.Channel == ChannelSession {
		a.s.MattersRaised++
	}
	switch {
	case r.AcknowledgedOn != 0 && (r.AckDue == 0 || r.AcknowledgedOn <= r.AckDue):
		p.AckOnTime++
	case r.AcknowledgedOn != 0 || (r.AckDue != 0 && a.asOf > r.AckDue):
		p.AckLate++
	default:
		p.AckPending++
	}
	if PetitionStatus(r.Status) == StatusResolved {
		p.Resolved++
		if r.ResolvedOn != 0 && (r.Due == 0 || r.ResolvedOn <= r.Due) {
			p.ResolvedOnTime++
		}
	}
	if r.ReportedBackOn != 0 {
		p.ReportedBack++
	}
	if r.Unaccepted() {
		p.Unaccepted++
	}
	if r.Overdue(a.asOf) {
		due, kind := r.OpenDue()
		p.Overdue++
		if r.Unaccepted() {
			p.OverdueUnaccepted++
		}
		a.addOverdue(OverdueEntry{
			ID: a.keep(r.ID), Ref: a.keep(r.Ref), Ward: r.Ward, ReceivedOn: r.Date, Due: due, Kind: kind,
			DaysOverdue: due.DaysUntil(a.asOf), Status: r.Status,
			Classification: r.Sub, Assignee: r.Assignee,
		})
	}
}

// keep copies s, which may share its bytes with a row about to be
// replaced (Add), into the aggregator's own text. Bytes once written there
// are never written again (append writes past them, or to a new array),
// so the copy stays as it is.
func (a *Aggregator) keep(s string) string {
	if s == "" {
		return ""
	}
	if len(a.text)+len(s) > cap(a.text) {
		a.text = make([]byte, 0, max(len(s), 16<<10))
	}
	i := len(a.text)
	a.text = append(a.text, s...)
	return unsafe.String(&a.text[i], len(s))
}

// Merge adds what o counted, so parts of a period (or its kinds) can be
// counted in parallel. Both must share the period, day and settings.
func (a *Aggregator) Merge(o *Aggregator) {
	f, of := &a.f, &o.f
	f.Total += of.Total
	f.Points += of.Points
	f.Answered += of.Answered
	f.Overdue += of.Overdue
	f.OverduePoints += of.OverduePoints
	f.Drafts += of.Drafts
	f.ShortWindow += of.ShortWindow
	mergeCounts(&f.ByState, of.ByState)
	mergeCounts(&f.ByStatus, of.ByStatus)
	mergeCounts(&f.BySource, of.BySource)
	mergeCounts(&f.ByForm, of.ByForm)
	mergeCounts(&f.ByTarget, of.ByTarget)
	mergeCounts(&f.PointsBySource, of.PointsBySource)
	mergeCounts(&f.PointsByForm, of.PointsByForm)
	mergeCounts(&f.PointsByTarget, of.PointsByTarget)

	s, so := &a.s, &o.s
	s.Total += so.Total
	s.Participants += so.Participants
	s.MattersRaised += so.MattersRaised
	s.AnnouncedLate += so.AnnouncedLate
	s.PublishedLate += so.PublishedLate
	mergeCounts(&s.ByKind, so.ByKind)
	mergeCounts(&s.ByHost, so.ByHost)

	p, op := &a.p, &o.p
	p.Total += op.Total
	p.People += op.People
	p.AckOnTime += op.AckOnTime
	p.AckLate += op.AckLate
	p.AckPending += op.AckPending
	p.Resolved += op.Resolved
	p.ResolvedOnTime += op.ResolvedOnTime
	p.Overdue += op.Overdue
	p.OverdueUnaccepted += op.OverdueUnaccepted
	p.Unaccepted += op.Unaccepted
	p.ReportedBack += op.ReportedBack
	for _, c := range o.overdue {
		// Clipped: appending to a chunk now shared must copy it.
		a.overdue = append(a.overdue, slices.Clip(c))
	}
	mergeCounts(&p.ByStatus, op.ByStatus)
	mergeCounts(&p.ByClassification, op.ByClassification)
	mergeCounts(&p.ByChannel, op.ByChannel)

	for d, n := range o.answerHis {
		a.answerHis[d] += n
	}
	for ward, t := range o.days {
		a.wardDays(ward).merge(t)
	}
	maps.Copy(a.wards, o.wards)
	a.mergeFollow(o)
}

func mergeCounts(dst *Counts, src Counts) {
	for _, c := range src {
		dst.Add(c.Key, c.N)
	}
}

// Result returns the report so far; the aggregator can go on adding.
func (a *Aggregator) Result() Report {
	return Report{Period: a.period, AsOf: a.asOf, Figures: a.figures()}
}

func (a *Aggregator) figures() Figures {
	f, s, p := a.f, a.s, a.p
	for _, c := range []*Counts{&f.ByState, &f.ByStatus, &f.BySource, &f.ByForm, &f.ByTarget,
		&f.PointsBySource, &f.PointsByForm, &f.PointsByTarget, &s.ByKind, &s.ByHost,
		&p.ByStatus, &p.ByClassification, &p.ByChannel} {
		*c = slices.Clone(*c)
	}
	if f.Answered > 0 {
		rate := float64(f.ByStatus.Get(string(AnswerAccepted))+f.ByStatus.Get(string(AnswerPartial))) / float64(f.Answered)
		f.AcceptanceRate = &rate
	}
	f.MedianAnswerDays = median(a.answerHis)

	// Targets are judged for each ward with records in the period (one
	// ward, unnamed, when there are none: an empty month still misses
	// its receptions).
	judged := map[string]*targetDays{}
	for w := range a.wards {
		judged[w] = a.wardDays(w)
	}
	if len(judged) == 0 {
		t := &targetDays{}
		for _, d := range a.days {
			t.merge(d)
		}
		judged[""] = t
	}
	targets := judgeTargets(judged, a.period, a.asOf, a.tg, a.cal)

	n := 0
	for _, c := range a.overdue {
		n += len(c)
	}
	p.OverdueList = make([]OverdueEntry, 0, n)
	for _, c := range a.overdue {
		p.OverdueList = append(p.OverdueList, c...)
	}
	slices.SortFunc(p.OverdueList, func(x, y OverdueEntry) int {
		if x.DaysOverdue != y.DaysOverdue {
			return cmp.Compare(y.DaysOverdue, x.DaysOverdue)
		}
		return cmp.Or(cmp.Compare(x.Ward, y.Ward), cmp.Compare(x.Ref, y.Ref))
	})
	fig := Figures{Feedback: f, Sessions: s, Petitions: p, Targets: targets}
	a.followFigures(&fig)
	return fig
}

func nextMonth(first Date) Date {
	if first.Month() == 12 {
		return NewDate(first.Year()+1, 1, 1)
	}
	return NewDate(first.Year(), first.Month()+1, 1)
}

func median(his map[int]int) *float64 {
	n := 0
	for _, c := range his {
		n += c
	}
	if n == 0 {
		return nil
	}
	keys := slices.Sorted(maps.Keys(his))
	// the value at 0-based rank i
	at := func(i int) int {
		for _, k := range keys {
			if i < his[k] {
				return k
			}
			i -= his[k]
		}
		return keys[len(keys)-1]
	}
	m := float64(at((n - 1) / 2))
	if n%2 == 0 {
		m = (m + float64(at(n/2))) / 2
	}
	return &m
}

// WardAggregator computes the consolidated report and one report per
// origin ward (`gopy report --by-ward`).
type WardAggregator struct {
	all   *Aggregator
	wards map[string]*Aggregator
	mk    func() *Aggregator
}

func NewWardAggregator(p Period, asOf Date, s *Settings) *WardAggregator {
	st := *s
	return &WardAggregator{
		all:   NewAggregator(p, asOf, &st),
		wards: map[string]*Aggregator{},
		mk:    func() *Aggregator { return NewAggregator(p, asOf, &st) },
	}
}

// Add counts one record's row in the total and in its ward.
func (w *WardAggregator) Add(r *Row) {
	if r.Date < ScanFrom(r.Kind, w.all.period) || r.Date > w.all.period.To {
		return
	}
	w.all.Add(r)
	a, ok := w.wards[r.Ward]
	if !ok {
		a = w.mk()
		w.wards[r.Ward] = a
	}
	a.Add(r)
}

// Merge adds what o counted (see Aggregator.Merge); o is not to be used
// afterwards, since its wards may be taken over.
func (w *WardAggregator) Merge(o *WardAggregator) {
	w.all.Merge(o.all)
	for code, oa := range o.wards {
		if a, ok := w.wards[code]; ok {
			a.Merge(oa)
		} else {
			w.wards[code] = oa
		}
	}
}

// Result returns the total with Wards filled, sorted by ward code.
func (w *WardAggregator) Result() Report {
	rep := w.all.Result()
	rep.Wards = []WardReport{}
	for _, code := range slices.Sorted(maps.Keys(w.wards)) {
		if len(w.wards[code].wards) == 0 {
			continue // only sessions before the period, read for the dialogue target
		}
		rep.Wards = append(rep.Wards, WardReport{Ward: code, Figures: w.wards[code].figures()})
	}
	return rep
}
