package model

import (
	"slices"
	"strings"
)

// The kinds of a petition's follow-up log entries.
const (
	LogNote   = "note"   // a dated note the officer typed
	LogStatus = "status" // the petition moved to another status
	LogAssign = "assign" // the petition went to another unit or officer
)

// StatusChange is a petition's move to another status, as the status
// dialog asks for it: the day, who, and what the new status needs (the
// agency and document number it was returned or transferred with, the
// result it was resolved with) with an optional note.
type StatusChange struct {
	To            PetitionStatus
	On            Date
	By            string
	Agency, DocNo string
	Result, Note  string
	// ReportedBackOn is the day the citizen was told the result (empty:
	// not yet, or unchanged).
	ReportedBackOn Date
}

// NextStatuses are the statuses a petition in status s can move to, in the
// order the status dialog offers them. A resolved petition may be
// "resolved" again: the change then records its result and the day the
// citizen was told without reopening it; any other status is never its own
// next.
func NextStatuses(s PetitionStatus) []PetitionStatus {
	switch s {
	case StatusReceived:
		return []PetitionStatus{StatusInProgress, StatusResolved, StatusReturned, StatusTransferred}
	case StatusInProgress:
		return []PetitionStatus{StatusResolved, StatusReturned, StatusTransferred}
	case StatusTransferred:
		return []PetitionStatus{StatusResolved, StatusInProgress, StatusReturned}
	case StatusResolved:
		return []PetitionStatus{StatusResolved, StatusInProgress}
	case StatusReturned:
		return []PetitionStatus{StatusInProgress, StatusTransferred}
	}
	return PetitionStatuses
}

// Validate checks a change from status from: the new status must be one
// that can follow, a resolution needs its result, and the citizen cannot
// be told before the day of the change.
func (c StatusChange) Validate(from PetitionStatus) FieldErrors {
	var e FieldErrors
	if !slices.Contains(NextStatuses(from), c.To) {
		e.Add("status", "err.invalid_value")
	}
	if c.On == 0 {
		e.Add("on", "err.required")
	}
	if c.To == StatusResolved && strings.TrimSpace(c.Result) == "" {
		e.Add("result", "err.required")
	}
	if c.ReportedBackOn != 0 && c.On != 0 && c.ReportedBackOn < c.On && from != StatusResolved {
		e.Add("reported_back_on", "err.before_resolved")
	}
	return e
}

// ChangeStatus moves p to c.To, keeping its handling in step (returned and
// transferred are both a status and a handling), and logs the change. It
// does not validate: call Validate after it, as for any edit.
func (p *Petition) ChangeStatus(c StatusChange) {
	old := p.Status
	p.Status = c.To
	switch c.To {
	case StatusReturned, StatusTransferred:
		p.Handling = Handling(c.To) // the same stored words
		p.HandlingAgency, p.HandlingDocNo = c.Agency, c.DocNo
	case StatusResolved:
		if p.Handling == HandlingReturned {
			p.Handling = HandlingAccepted
		}
		if old != StatusResolved || p.ResolvedOn == 0 {
			p.ResolvedOn = c.On
		}
		p.Result = c.Result
		if c.ReportedBackOn != 0 {
			p.ReportedBackOn = c.ReportedBackOn
		}
	default: // received, in progress: back in the ward's hands
		if p.Handling == HandlingReturned || p.Handling == HandlingTransferred ||
			(c.To == StatusInProgress && p.Handling == HandlingNone) {
			p.Handling = HandlingAccepted
		}
		p.ResolvedOn = 0
	}
	// Taking it into the ward's hands is the decision to accept it
	// (thụ lý), dated the day of the change unless already dated: the
	// complaint's or denunciation's term starts there (deadline.go).
	if p.Handling == HandlingAccepted && p.AcceptedOn == 0 {
		p.AcceptedOn = c.On
	}
	switch {
	case old != c.To:
		p.Log = append(p.Log, LogEntry{On: c.On, By: c.By, Kind: LogStatus, Status: c.To, Text: c.Note})
	case c.Note != "": // resolved again: its result completed, no new status
		p.AddNote(c.On, c.By, c.Note)
	}
	p.Normalize()
}

// AddNote adds a dated note to p's follow-up log.
func (p *Petition) AddNote(on Date, by, text string) {
	p.Log = append(p.Log, LogEntry{On: on, By: by, Kind: LogNote, Text: text})
}

// LogEdit logs what an edit of the whole petition (from was it before)
// changed that the follow-up log keeps: the status and the assignee,
// dated on.
func (p *Petition) LogEdit(from *Petition, on Date, by string) {
	if p.Status != from.Status {
		p.Log = append(p.Log, LogEntry{On: on, By: by, Kind: LogStatus, Status: p.Status})
	}
	if p.AssigneeUnit != from.AssigneeUnit || p.AssigneeOfficer != from.AssigneeOfficer {
		who := strings.Trim(p.AssigneeUnit+" – "+p.AssigneeOfficer, " –")
		p.Log = append(p.Log, LogEntry{On: on, By: by, Kind: LogAssign, Text: who})
	}
}
