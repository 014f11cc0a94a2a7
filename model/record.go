package model

import "time"

// Meta is what every record carries. Ward is the origin ward's code and never
// changes after creation: consolidation at the higher level depends on it.
type Meta struct {
	ID        string    `json:"id"`
	Ref       string    `json:"ref"`
	Ward      string    `json:"ward"`
	CreatedAt time.Time `json:"created_at"`
	CreatedBy string    `json:"created_by"`
	UpdatedAt time.Time `json:"updated_at"`
	UpdatedBy string    `json:"updated_by"`
}

func (m *Meta) GetMeta() *Meta { return m }

// Record is implemented by *Feedback, *Session, *Petition, *Commitment
// and *Information.
type Record interface {
	GetMeta() *Meta
	Kind() Kind
	// Date is the record's own date (given_on, held_on, received_on): the one
	// that places it in a report period and orders lists.
	Date() Date
	Normalize()
	Validate() FieldErrors
}

// Feedback is one submission of feedback (góp ý) holding one or more points.
type Feedback struct {
	Meta
	GivenOn         Date         `json:"given_on"`
	SourceKind      SourceKind   `json:"source_kind"`
	SourceName      string       `json:"source_name"`
	Form            FeedbackForm `json:"form"`
	TargetKind      TargetKind   `json:"target_kind"`
	TargetName      string       `json:"target_name"`
	Subject         string       `json:"subject"`
	Topics          []string     `json:"topics,omitempty"`
	DraftReceivedOn Date         `json:"draft_received_on,omitempty"`
	CommentDeadline Date         `json:"comment_deadline,omitempty"`
	DraftSentBy     string       `json:"draft_sent_by,omitempty"` // the body that sent the draft
	ResponseDue     Date         `json:"response_due,omitempty"`
	Points          []Point      `json:"points"`
}

// Point is one opinion (ý kiến) inside a feedback, with its own answer.
type Point struct {
	Content    string       `json:"content"`
	Status     AnswerStatus `json:"status"`
	AnsweredOn Date         `json:"answered_on,omitempty"`
	Answer     string       `json:"answer,omitempty"`
	AnsweredBy string       `json:"answered_by,omitempty"`

	// The giver's assessment of the answer (followup.go).
	Assessment     Assessment `json:"assessment,omitempty"`
	AssessedOn     Date       `json:"assessed_on,omitempty"`
	AssessmentNote string     `json:"assessment_note,omitempty"`
}

func (*Feedback) Kind() Kind   { return KindFeedback }
func (f *Feedback) Date() Date { return f.GivenOn }

// Session is a dialogue, citizen reception or consultation.
type Session struct {
	Meta
	Type               SessionKind `json:"kind"`
	HeldOn             Date        `json:"held_on"`
	Location           string      `json:"location,omitempty"`
	HostRole           HostRole    `json:"host_role"`
	HostName           string      `json:"host_name"`
	OtherLeaders       string      `json:"other_leaders,omitempty"`
	OrganisedBy        string      `json:"organised_by,omitempty"`
	Participants       int         `json:"participants"`
	Topics             []string    `json:"topics,omitempty"`
	Minutes            string      `json:"minutes,omitempty"`
	Commitments        string      `json:"commitments,omitempty"`
	AnnouncedOn        Date        `json:"announced_on,omitempty"`
	ResultsPublishedOn Date        `json:"results_published_on,omitempty"`
	// VoterRequested: a dialogue conference held because at least 10% of
	// voters asked for it (Luật 72/2025/QH15, Điều 43).
	VoterRequested bool `json:"voter_requested,omitempty"`
}

func (*Session) Kind() Kind   { return KindSession }
func (s *Session) Date() Date { return s.HeldOn }

// Petition is a matter a citizen raised (phản ánh, kiến nghị, khiếu nại, tố cáo),
// followed until resolved and the citizen told.
type Petition struct {
	Meta
	ReceivedOn     Date           `json:"received_on"`
	Channel        Channel        `json:"channel"`
	SessionID      string         `json:"session_id,omitempty"`
	FeedbackID     string         `json:"feedback_id,omitempty"`
	PointNo        int            `json:"point_no,omitempty"` // 1-based index into the feedback's points
	Classification Classification `json:"classification"`

	Name         string `json:"name"`
	Group        string `json:"group,omitempty"` // residential group from Settings
	Address      string `json:"address,omitempty"`
	IDNumber     string `json:"id_number,omitempty"`
	Phone        string `json:"phone,omitempty"`
	People       int    `json:"people"` // people raising the same matter (≥ 1)
	Confidential bool   `json:"confidential,omitempty"`
	Summary      string `json:"summary"`
	PreviouslyBy string `json:"previously_handled_by,omitempty"`
	// RepeatOf links an earlier petition on the same matter. RepeatNo (the
	// how-many-th raising of the matter) and RepeatRoot (its first
	// petition) are filled by the store from the earlier one.
	RepeatOf   string `json:"repeat_of,omitempty"`
	RepeatRef  string `json:"repeat_ref,omitempty"` // the earlier petition's reference
	RepeatNo   int    `json:"repeat_no,omitempty"`
	RepeatRoot string `json:"repeat_root,omitempty"`

	Handling       Handling `json:"handling,omitempty"`
	HandlingAgency string   `json:"handling_agency,omitempty"`
	HandlingDocNo  string   `json:"handling_doc_no,omitempty"`

	AssigneeUnit    string `json:"assignee_unit,omitempty"`
	AssigneeOfficer string `json:"assignee_officer,omitempty"`

	// AcceptedOn is the date of the decision to accept the petition for
	// handling (ngày thụ lý). Complaints' and denunciations' resolution
	// deadlines run from it (deadline.go).
	AcceptedOn Date `json:"accepted_on,omitempty"`
	// Complex marks a case the law gives more time: a complaint's 45 days
	// (60 in a remote area), a denunciation's extensions.
	Complex bool `json:"complex,omitempty"`
	// EspeciallyComplex (đặc biệt phức tạp) marks a denunciation that may be
	// extended twice; a merely complex one, once (Luật Tố cáo 2018, Điều
	// 30 khoản 1). It implies Complex.
	EspeciallyComplex bool `json:"especially_complex,omitempty"`
	// MultiSite: a denunciation whose verification takes place at several
	// places, which gives its acceptance 10 working days instead of 7.
	MultiSite bool `json:"multi_site,omitempty"`
	// Extensions of a denunciation's resolution deadline, each by decision.
	Extensions []Extension `json:"extensions,omitempty"`

	AckDue         Date `json:"ack_due,omitempty"`
	AcknowledgedOn Date `json:"acknowledged_on,omitempty"`
	ResolutionDue  Date `json:"resolution_due,omitempty"`

	Status         PetitionStatus `json:"status"`
	Result         string         `json:"result,omitempty"`
	ResolvedOn     Date           `json:"resolved_on,omitempty"`
	ReportedBackOn Date           `json:"reported_back_on,omitempty"`

	Log []LogEntry `json:"log,omitempty"`

	// Sealed is a confidential petition's identity (name, address, ID
	// number, phone) encrypted by the store; while it is set those four
	// fields are empty. Only a user with the confidential grant opens it.
	Sealed []byte `json:"sealed,omitempty"`
}

// HasIdentity reports whether any identity field holds text in clear.
func (p *Petition) HasIdentity() bool {
	return p.Name != "" || p.Address != "" || p.IDNumber != "" || p.Phone != ""
}

func (*Petition) Kind() Kind   { return KindPetition }
func (p *Petition) Date() Date { return p.ReceivedOn }

// Extension is one extension of a denunciation's resolution deadline
// (Luật Tố cáo 2018, Điều 30): the decision's date and number, and the days
// it adds.
type Extension struct {
	On         Date   `json:"on"`
	Days       int    `json:"days"`
	DecisionNo string `json:"decision_no"`
	Reason     string `json:"reason,omitempty"`
}

// LogEntry is one dated follow-up entry on a petition, written by an officer.
type LogEntry struct {
	On     Date           `json:"on"`
	By     string         `json:"by"`
	Kind   string         `json:"kind"` // note | status | assign
	Text   string         `json:"text,omitempty"`
	Status PetitionStatus `json:"status,omitempty"`
}

// Change is one entry of a record's audit history: who changed what, when.
type Change struct {
	At     time.Time     `json:"at"`
	By     string        `json:"by"`
	Action string        `json:"action"` // create | update | delete | import | conflict
	Fields []FieldChange `json:"fields,omitempty"`
	Note   string        `json:"note,omitempty"`
}

type FieldChange struct {
	Field string `json:"field"`
	Old   string `json:"old,omitempty"`
	New   string `json:"new,omitempty"`
	// Sealed holds Old and New encrypted, for the identity fields of a
	// confidential petition (Old and New are then empty).
	Sealed []byte `json:"sealed,omitempty"`
}
