package model

import (
	"strings"
	"sync"
)

// Row is the small summary of a record that lists show and reports count.
// The store keeps one per record beside the full record, so a list page or a
// year's report never decodes whole records. Fields not used by a kind are
// zero.
type Row struct {
	Kind Kind
	ID   string
	Ref  string
	Ward string
	Date Date // given_on, held_on or received_on

	// Status: feedback → FeedbackState, session → SessionKind,
	// petition → PetitionStatus.
	Status string
	// Sub: feedback → SourceKind, session → HostRole, petition → Classification.
	Sub string
	// Who: feedback → source name, session → host name, petition → name.
	// A confidential petition's Who is empty: identity is shown only in the
	// detail view.
	Who string
	// Title: feedback → subject, session → location, petition → summary
	// (first line, shortened).
	Title        string
	Due          Date // feedback → response_due (only while points pend), petition → resolution_due (OpenDue says which deadline counts)
	Confidential bool

	// Feedback
	Form        FeedbackForm
	Target      TargetKind
	Points      [4]int // by AnswerStatus, in AnswerStatuses order
	AnswerDays  []int  // days from given_on to answered_on, one per answered point
	DraftWindow int    // CommentWindowDays, -1 when unknown
	Assess      [4]int // answered points by assessment: none, then Assessments order
	DraftSender string // Feedback.DraftSender, when the draft window is known

	// Session
	Participants int
	AnnouncedOn  Date
	PublishedOn  Date
	Dialogue     bool
	VoterRequest bool // a dialogue held at voters' request

	// Petition
	Channel        Channel
	Handling       Handling
	People         int
	AckDue         Date
	AcknowledgedOn Date
	ResolvedOn     Date
	ReportedBackOn Date
	Assignee       string
	ParentID       string // session or feedback the petition (or commitment) came from
	RepeatNo       int    // a repeated petition: the how-many-th raising of its matter
	Matter         string // a repeated petition: the id of its matter's first petition

	// Commitment: Status is its state, Sub its parent's kind, Who the
	// officer (or unit), Title what, Due its due date, ResolvedOn done_on.
	// Information: Status is InfoState, Sub the category, Target who owes
	// it, Who the body's name, Title the item, Due (= Date) when it is
	// owed, ResolvedOn provided_on.

	// Fold is the folded text that --search and live search match against.
	Fold string
	// Matched is the field a search found its text in (FoldFields' names),
	// set by the store's query; not stored.
	Matched string
}

const titleMax = 160

// RowOf summarises a record.
func RowOf(r Record) Row {
	m := r.GetMeta()
	row := Row{Kind: r.Kind(), ID: m.ID, Ref: m.Ref, Ward: m.Ward, Date: r.Date(), DraftWindow: -1}
	fold := make([]string, 0, 16) // on the stack for most records
	switch v := r.(type) {
	case *Feedback:
		row.Status = string(v.State())
		row.Sub = string(v.SourceKind)
		row.Who = v.SourceName
		row.Title = shorten(v.Subject)
		if v.PendingPoints() > 0 {
			row.Due = v.ResponseDue
		}
		row.Form, row.Target = v.Form, v.TargetKind
		for _, p := range v.Points {
			for i, s := range AnswerStatuses {
				if p.Status == s {
					row.Points[i]++
				}
			}
			if p.Status != AnswerPending && p.AnsweredOn != 0 && v.GivenOn != 0 {
				row.AnswerDays = append(row.AnswerDays, v.GivenOn.DaysUntil(p.AnsweredOn))
			}
		}
		row.DraftWindow = v.CommentWindowDays()
		row.Assess = v.AssessmentCounts()
		if row.DraftWindow >= 0 {
			row.DraftSender = v.DraftSender()
		}
		fold = append(fold, v.SourceName, v.TargetName, v.Subject, strings.Join(v.Topics, " "))
		for _, p := range v.Points {
			fold = append(fold, p.Content)
		}
	case *Session:
		row.Status = string(v.Type)
		row.Sub = string(v.HostRole)
		row.Who = v.HostName
		row.Title = shorten(v.Location)
		row.Participants = v.Participants
		row.AnnouncedOn, row.PublishedOn = v.AnnouncedOn, v.ResultsPublishedOn
		row.Dialogue = v.Type == SessionDialogue
		row.VoterRequest = v.VoterRequested
		fold = append(fold, v.HostName, v.Location, v.OtherLeaders, v.OrganisedBy, strings.Join(v.Topics, " "))
	case *Petition:
		row.Status = string(v.Status)
		row.Sub = string(v.Classification)
		row.Confidential = v.Confidential
		if !v.Confidential {
			row.Who = v.Name
			fold = append(fold, v.Name, v.Address, v.Phone, v.IDNumber)
		}
		row.Title = shorten(v.Summary)
		row.Due = v.ResolutionDue
		row.Channel, row.Handling, row.People = v.Channel, v.Handling, v.People
		row.AckDue, row.AcknowledgedOn = v.AckDue, v.AcknowledgedOn
		row.ResolvedOn, row.ReportedBackOn = v.ResolvedOn, v.ReportedBackOn
		row.Assignee = v.AssigneeUnit
		if v.AssigneeOfficer != "" {
			if row.Assignee != "" {
				row.Assignee += " – "
			}
			row.Assignee += v.AssigneeOfficer
		}
		row.ParentID = v.SessionID
		if row.ParentID == "" {
			row.ParentID = v.FeedbackID
		}
		fold = append(fold, v.Group, v.Summary, v.AssigneeUnit, v.AssigneeOfficer)
		if v.RepeatOf != "" {
			row.RepeatNo, row.Matter = v.Times(), v.MatterID()
		}
	case *Commitment:
		fold = append(fold, rowOfCommitment(&row, v)...)
	case *Information:
		fold = append(fold, rowOfInformation(&row, v)...)
	}
	fold = append(fold, m.Ref)
	// Each field folded on its own, a NUL in it as a space (a field holds
	// no separator), joined by foldSep: fields named by FoldFields.
	buf := foldBufs.Get().(*[]byte)
	b := (*buf)[:0]
	for i, f := range fold {
		if i > 0 {
			b = append(b, foldSep...)
		}
		b = appendFoldField(b, f)
	}
	row.Fold = string(b)
	*buf = b
	foldBufs.Put(buf)
	return row
}

// foldBufs are RowOf's buffers for the folded text.
var foldBufs = sync.Pool{New: func() any { b := make([]byte, 0, 512); return &b }}

// Matches reports whether the row's text contains the folded query.
func (r *Row) Matches(foldedQuery string) bool {
	_, ok := SearchFold(r.Kind, []byte(r.Fold), []byte(foldedQuery))
	return ok
}

func shorten(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if len(s) <= titleMax {
		return s
	}
	cut := titleMax
	for cut > 0 && !isRuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// RowStatuses are the values Row.Status takes for a kind: a feedback's
// overall state, a session's kind, a petition's status.
func RowStatuses(k Kind) []string {
	switch k {
	case KindFeedback:
		return Strings(FeedbackStates)
	case KindSession:
		return Strings(SessionKinds)
	case KindCommitment:
		return Strings(CommitmentStates)
	case KindInformation:
		return Strings(InfoStates)
	}
	return Strings(PetitionStatuses)
}

// RowSubs are the values Row.Sub takes for a kind: source kind, host role,
// classification.
func RowSubs(k Kind) []string {
	switch k {
	case KindFeedback:
		return Strings(SourceKinds)
	case KindSession:
		return Strings(HostRoles)
	case KindCommitment:
		return []string{string(KindFeedback), string(KindSession)}
	case KindInformation:
		return Strings(InfoCategories)
	}
	return Strings(Classifications)
}
