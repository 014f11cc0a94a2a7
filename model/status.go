package model

import "strings"

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
	p.Log = append(p.Log, LogEntry{On: c.On, By: c.By, Kind: LogStatus, Status: c.To, Text: c.Note})
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
