package model

// Information owed to the Front (cung cấp thông tin): what the Party
// committee and the People's Committee must tell the Fatherland Front and
// its member organisations — plans, inspection and audit results,
// commendations and discipline, drafts for comment — by when, and whether
// they did.
//
// An information item is a record kind of its own: it belongs to no
// feedback or session, has its own deadline, and is listed, searched,
// counted and carried upward like the other records.

// InfoCategory is what kind of information is owed.
type InfoCategory string

const (
	InfoPlan         InfoCategory = "plan"
	InfoInspection   InfoCategory = "inspection"
	InfoCommendation InfoCategory = "commendation"
	InfoDiscipline   InfoCategory = "discipline"
	InfoDraft        InfoCategory = "draft"
	InfoOther        InfoCategory = "other"
)

var InfoCategories = []InfoCategory{InfoPlan, InfoInspection, InfoCommendation, InfoDiscipline, InfoDraft, InfoOther}

// InfoMethod is how the information was given.
type InfoMethod string

const (
	InfoWritten    InfoMethod = "written"
	InfoMeeting    InfoMethod = "meeting"
	InfoElectronic InfoMethod = "electronic"
	InfoByOther    InfoMethod = "other"
)

var InfoMethods = []InfoMethod{InfoWritten, InfoMeeting, InfoElectronic, InfoByOther}

// InfoState is derived from provided_on, never stored.
type InfoState string

const (
	InfoPending  InfoState = "pending"
	InfoProvided InfoState = "provided"
)

var InfoStates = []InfoState{InfoPending, InfoProvided}

// InfoOwers are who can owe information: the Party committee or the
// People's Committee (stored as the target kinds party and government).
var InfoOwers = []TargetKind{TargetParty, TargetGovernment}

// Information is one item of information owed to the Front.
type Information struct {
	Meta
	Item     string       `json:"item"`
	Category InfoCategory `json:"category"`
	OwedBy   TargetKind   `json:"owed_by"`
	// OwedByName names the body (Đảng ủy phường, UBND phường …).
	OwedByName string `json:"owed_by_name,omitempty"`
	OwedTo     string `json:"owed_to,omitempty"` // the Front or an organisation
	// DueOn is when it had to be given: the record's own date, which
	// places it in a report period.
	DueOn      Date       `json:"due_on"`
	ProvidedOn Date       `json:"provided_on,omitempty"`
	How        InfoMethod `json:"how,omitempty"`
	DocNo      string     `json:"doc_no,omitempty"`
	Note       string     `json:"note,omitempty"`
}

func (*Information) Kind() Kind   { return KindInformation }
func (i *Information) Date() Date { return i.DueOn }

func (i *Information) Normalize() {
	for _, v := range []*string{&i.OwedByName, &i.OwedTo, &i.DocNo} {
		*v = CleanLine(*v)
	}
	i.Item = CleanText(i.Item)
	i.Note = CleanText(i.Note)
}

func (i *Information) Validate() FieldErrors {
	var e FieldErrors
	checkText(&e, "item", i.Item, true)
	checkEnum(&e, "category", i.Category, InfoCategories)
	checkEnum(&e, "owed_by", i.OwedBy, InfoOwers)
	checkLine(&e, "owed_by_name", i.OwedByName, false)
	checkLine(&e, "owed_to", i.OwedTo, false)
	checkDate(&e, "due_on", i.DueOn, true)
	checkDate(&e, "provided_on", i.ProvidedOn, false)
	if i.ProvidedOn != 0 {
		checkEnum(&e, "how", i.How, InfoMethods)
	} else if i.How != "" {
		e.Add("how", "err.provided_first")
	}
	checkLine(&e, "doc_no", i.DocNo, false)
	checkText(&e, "note", i.Note, false)
	return e
}

// State is pending until the information is provided.
func (i *Information) State() InfoState {
	if i.ProvidedOn != 0 {
		return InfoProvided
	}
	return InfoPending
}

// Overdue: not provided after its due date.
func (i *Information) Overdue(today Date) bool { return i.ProvidedOn == 0 && today > i.DueOn }

// ProvidedOnTime: provided no later than its due date.
func (i *Information) ProvidedOnTime() bool { return i.ProvidedOn != 0 && i.ProvidedOn <= i.DueOn }

func rowOfInformation(row *Row, i *Information) []string {
	row.Status = string(i.State())
	row.Sub = string(i.Category)
	row.Target = i.OwedBy
	row.Who = i.OwedByName
	row.Title = shorten(i.Item)
	row.Due = i.DueOn
	row.ResolvedOn = i.ProvidedOn
	return []string{i.Item, i.OwedByName, i.OwedTo, i.DocNo}
}
