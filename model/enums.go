package model

// Stored values are language-neutral snake_case; the UI translates them with
// the catalog key "<enum>.<value>" (e.g. "answer.partial").

type SourceKind string

const (
	SourceFront        SourceKind = "front"
	SourceOrganisation SourceKind = "organisation"
	SourceCitizen      SourceKind = "citizen"
	SourceOther        SourceKind = "other"
)

var SourceKinds = []SourceKind{SourceFront, SourceOrganisation, SourceCitizen, SourceOther}

type FeedbackForm string

const (
	FormConference      FeedbackForm = "conference"
	FormWritten         FeedbackForm = "written"
	FormDirect          FeedbackForm = "direct"
	FormSupervision     FeedbackForm = "supervision"
	FormInspectionBoard FeedbackForm = "inspection_board"
	FormDialogue        FeedbackForm = "dialogue"
	FormOther           FeedbackForm = "other"
)

var FeedbackForms = []FeedbackForm{FormConference, FormWritten, FormDirect, FormSupervision, FormInspectionBoard, FormDialogue, FormOther}

type TargetKind string

const (
	TargetParty      TargetKind = "party"
	TargetGovernment TargetKind = "government"
	TargetIndividual TargetKind = "individual"
)

var TargetKinds = []TargetKind{TargetParty, TargetGovernment, TargetIndividual}

type AnswerStatus string

const (
	AnswerPending   AnswerStatus = "pending"
	AnswerAccepted  AnswerStatus = "accepted"
	AnswerPartial   AnswerStatus = "partial"
	AnswerExplained AnswerStatus = "explained"
)

var AnswerStatuses = []AnswerStatus{AnswerPending, AnswerAccepted, AnswerPartial, AnswerExplained}

// FeedbackState is derived from a feedback's points, never stored.
type FeedbackState string

const (
	FeedbackPending  FeedbackState = "pending"  // no point answered
	FeedbackPartly   FeedbackState = "partly"   // some points answered
	FeedbackAnswered FeedbackState = "answered" // every point answered
)

var FeedbackStates = []FeedbackState{FeedbackPending, FeedbackPartly, FeedbackAnswered}

type SessionKind string

const (
	SessionDialogue       SessionKind = "dialogue"
	SessionReception      SessionKind = "reception"
	SessionReceptionAdhoc SessionKind = "reception_adhoc"
	SessionConsultation   SessionKind = "consultation"
)

var SessionKinds = []SessionKind{SessionDialogue, SessionReception, SessionReceptionAdhoc, SessionConsultation}

type HostRole string

const (
	HostPartySecretary HostRole = "party_secretary"
	HostCommitteeChair HostRole = "committee_chair"
	HostFrontChair     HostRole = "front_chair"
	HostOther          HostRole = "other"
)

var HostRoles = []HostRole{HostPartySecretary, HostCommitteeChair, HostFrontChair, HostOther}

type Channel string

const (
	ChannelSession  Channel = "session"
	ChannelFeedback Channel = "feedback"
	ChannelWalkIn   Channel = "walk_in"
	ChannelWritten  Channel = "written"
	ChannelPhone    Channel = "phone"
	ChannelOther    Channel = "other"
)

var Channels = []Channel{ChannelSession, ChannelFeedback, ChannelWalkIn, ChannelWritten, ChannelPhone, ChannelOther}

type Classification string

const (
	ClassComplaint    Classification = "complaint"
	ClassDenunciation Classification = "denunciation"
	ClassProposal     Classification = "proposal"
	ClassReport       Classification = "report"
)

var Classifications = []Classification{ClassComplaint, ClassDenunciation, ClassProposal, ClassReport}

type Handling string

const (
	HandlingNone        Handling = ""
	HandlingAccepted    Handling = "accepted"
	HandlingReturned    Handling = "returned"
	HandlingTransferred Handling = "transferred"
)

var Handlings = []Handling{HandlingAccepted, HandlingReturned, HandlingTransferred}

type PetitionStatus string

const (
	StatusReceived    PetitionStatus = "received"
	StatusInProgress  PetitionStatus = "in_progress"
	StatusResolved    PetitionStatus = "resolved"
	StatusReturned    PetitionStatus = "returned"
	StatusTransferred PetitionStatus = "transferred"
)

var PetitionStatuses = []PetitionStatus{StatusReceived, StatusInProgress, StatusResolved, StatusReturned, StatusTransferred}

// Open reports whether a petition in this status still awaits an outcome.
func (s PetitionStatus) Open() bool {
	return s == StatusReceived || s == StatusInProgress || s == StatusTransferred
}

// Kind names the record kinds; it is also the bucket name in the store.
type Kind string

const (
	KindFeedback    Kind = "feedback"
	KindSession     Kind = "session"
	KindPetition    Kind = "petition"
	KindCommitment  Kind = "commitment"
	KindInformation Kind = "information"
)

// Kinds are every record kind, the three the SPEC began with first (the
// dashboard's totals count those).
var Kinds = []Kind{KindFeedback, KindSession, KindPetition, KindCommitment, KindInformation}

// RefPrefix is the human reference prefix of each kind (GY-2026-0001).
func (k Kind) RefPrefix() string {
	switch k {
	case KindFeedback:
		return "GY"
	case KindSession:
		return "DT"
	case KindPetition:
		return "KN"
	case KindCommitment:
		return "CK"
	case KindInformation:
		return "TT"
	}
	return "XX"
}

func valid[T ~string](v T, all []T) bool {
	for _, a := range all {
		if v == a {
			return true
		}
	}
	return false
}

// Strings lists enum values as plain strings (for pick-lists and lookups).
func Strings[T ~string](l []T) []string {
	out := make([]string, len(l))
	for i, v := range l {
		out[i] = string(v)
	}
	return out
}
