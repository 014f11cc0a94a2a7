package model

import "strconv"

// Follow-through (issue 12): what was promised in answer to feedback or at
// a dialogue or reception, and whether it was done.
//
// A commitment is a record kind of its own, not a field of the point or
// session that gave rise to it: it has its own life (state, progress notes,
// evidence), its own deadline and overdue rule, its own list, search and
// report figures, and travels in bundles and CSV like every record. It
// links to its parent by id (feedback + point number, or session), the way a
// petition does, so the links index shows it under the parent and the
// parent under it.

// CommitmentState is where a commitment stands.
type CommitmentState string

const (
	CommitmentPlanned    CommitmentState = "planned"
	CommitmentInProgress CommitmentState = "in_progress"
	CommitmentDone       CommitmentState = "done"
	CommitmentDropped    CommitmentState = "dropped"
)

var CommitmentStates = []CommitmentState{CommitmentPlanned, CommitmentInProgress, CommitmentDone, CommitmentDropped}

// Open reports whether the commitment is still to be carried out.
func (s CommitmentState) Open() bool { return s == CommitmentPlanned || s == CommitmentInProgress }

// Commitment is one promise to act (cam kết): what, by whom, by when.
type Commitment struct {
	Meta
	// MadeOn is the day the promise was made (the point's answer, the
	// session): the record's own date, which places it in a report period.
	MadeOn     Date   `json:"made_on"`
	FeedbackID string `json:"feedback_id,omitempty"`
	PointNo    int    `json:"point_no,omitempty"` // 1-based, with FeedbackID
	SessionID  string `json:"session_id,omitempty"`

	What    string          `json:"what"`
	Unit    string          `json:"unit,omitempty"`
	Officer string          `json:"officer,omitempty"`
	Due     Date            `json:"due"`
	State   CommitmentState `json:"state"`
	// DoneOn is the day it was carried out (state done).
	DoneOn        Date   `json:"done_on,omitempty"`
	DroppedReason string `json:"dropped_reason,omitempty"`
	EvidenceDocNo string `json:"evidence_doc_no,omitempty"`
	EvidenceDate  Date   `json:"evidence_date,omitempty"`

	Progress []ProgressNote `json:"progress,omitempty"`
}

// ProgressNote is one dated entry on how a commitment is going.
type ProgressNote struct {
	On   Date   `json:"on"`
	By   string `json:"by,omitempty"`
	Text string `json:"text"`
}

func (*Commitment) Kind() Kind   { return KindCommitment }
func (c *Commitment) Date() Date { return c.MadeOn }

func (c *Commitment) Normalize() {
	for _, v := range []*string{&c.Unit, &c.Officer, &c.EvidenceDocNo} {
		*v = CleanLine(*v)
	}
	c.What = CleanText(c.What)
	c.DroppedReason = CleanText(c.DroppedReason)
	if c.State == "" {
		c.State = CommitmentPlanned
	}
	for i := range c.Progress {
		c.Progress[i].Text = CleanText(c.Progress[i].Text)
		c.Progress[i].By = CleanLine(c.Progress[i].By)
	}
}

func (c *Commitment) Validate() FieldErrors {
	var e FieldErrors
	checkDate(&e, "made_on", c.MadeOn, true)
	checkText(&e, "what", c.What, true)
	checkLine(&e, "unit", c.Unit, false)
	checkLine(&e, "officer", c.Officer, false)
	checkDate(&e, "due", c.Due, true)
	if c.Due != 0 && c.MadeOn != 0 && c.Due < c.MadeOn {
		e.Add("due", "err.before_made")
	}
	checkEnum(&e, "state", c.State, CommitmentStates)
	switch {
	case c.FeedbackID == "" && c.SessionID == "":
		e.Add("parent", "err.commitment_parent")
	case c.FeedbackID != "" && c.SessionID != "":
		e.Add("parent", "err.commitment_two_parents")
	case c.FeedbackID != "" && c.PointNo < 1:
		e.Add("point_no", "err.required")
	case c.SessionID != "" && c.PointNo != 0:
		e.Add("point_no", "err.invalid_value")
	}
	checkDate(&e, "done_on", c.DoneOn, c.State == CommitmentDone)
	if c.DoneOn != 0 && c.MadeOn != 0 && c.DoneOn < c.MadeOn && c.DoneOn.Valid() {
		e.Add("done_on", "err.before_made")
	}
	if c.State != CommitmentDone && c.DoneOn != 0 {
		e.Add("done_on", "err.done_only")
	}
	checkText(&e, "dropped_reason", c.DroppedReason, c.State == CommitmentDropped)
	checkLine(&e, "evidence_doc_no", c.EvidenceDocNo, false)
	checkDate(&e, "evidence_date", c.EvidenceDate, false)
	if len(c.Progress) > 10_000 {
		e.Add("progress", "err.too_long")
	}
	for i, p := range c.Progress {
		f := "progress." + strconv.Itoa(i+1)
		checkDate(&e, f+".on", p.On, true)
		checkText(&e, f+".text", p.Text, true)
	}
	return e
}

// Overdue: still planned or in progress after its due date.
func (c *Commitment) Overdue(today Date) bool {
	return c.State.Open() && c.Due != 0 && today > c.Due
}

// DoneOnTime: carried out no later than its due date.
func (c *Commitment) DoneOnTime() bool {
	return c.State == CommitmentDone && c.DoneOn != 0 && c.DoneOn <= c.Due
}

// CommitmentChange is what closing or updating a commitment sets: a new
// state (with the day it was done or the reason it was dropped, and the
// evidence), and an optional progress note.
type CommitmentChange struct {
	State         CommitmentState
	On            Date
	By            string
	Note          string
	DroppedReason string
	EvidenceDocNo string
	EvidenceDate  Date
}

// Apply changes the commitment's state and adds the note; the caller
// validates the result.
func (c *Commitment) Apply(ch CommitmentChange) {
	was := c.State
	if ch.State != "" {
		c.State = ch.State
	}
	switch {
	case c.State != CommitmentDone:
		c.DoneOn = 0
	case was != CommitmentDone || c.DoneOn == 0:
		c.DoneOn = ch.On
	}
	if c.State == CommitmentDropped {
		c.DroppedReason = ch.DroppedReason
	}
	if ch.EvidenceDocNo != "" || ch.EvidenceDate != 0 {
		c.EvidenceDocNo, c.EvidenceDate = ch.EvidenceDocNo, ch.EvidenceDate
	}
	if ch.Note != "" {
		c.Progress = append(c.Progress, ProgressNote{On: ch.On, By: ch.By, Text: ch.Note})
	}
}

// CanCommit reports whether a point's answer can carry a commitment: only
// an accepted or partly accepted point promises anything.
func (p *Point) CanCommit() bool {
	return p.Status == AnswerAccepted || p.Status == AnswerPartial
}

func rowOfCommitment(row *Row, c *Commitment) []string {
	row.Status = string(c.State)
	row.Sub = string(KindSession)
	row.ParentID = c.SessionID
	if c.FeedbackID != "" {
		row.Sub, row.ParentID = string(KindFeedback), c.FeedbackID
	}
	row.Who = c.Officer
	if row.Who == "" {
		row.Who = c.Unit
	}
	row.Assignee = c.Unit
	row.Title = shorten(c.What)
	row.Due = c.Due
	row.ResolvedOn = c.DoneOn
	return []string{c.What, c.Unit, c.Officer, c.EvidenceDocNo}
}

// DueCommitment: a commitment planned or in progress can miss its due
// date; DueInformation: information not provided, its due_on.
const (
	DueCommitment  DueKind = "commitment"
	DueInformation DueKind = "information"
)

// followDue is Row.OpenDue for commitments and information items.
func (r *Row) followDue() (Date, DueKind) {
	switch {
	case r.Due == 0:
	case r.Kind == KindCommitment && CommitmentState(r.Status).Open():
		return r.Due, DueCommitment
	case r.Kind == KindInformation && InfoState(r.Status) == InfoPending:
		return r.Due, DueInformation
	}
	return 0, ""
}
