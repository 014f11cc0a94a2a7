package model

import (
	"fmt"
	"strings"
)

// Sender is the kind of body that signs and sends a report; it decides the
// document's layout.
type Sender string

const (
	// SenderParty: a party committee, laid out per Hướng dẫn 36-HD/VPTW
	// (2018): "ĐẢNG CỘNG SẢN VIỆT NAM" top right, the issuing body with
	// its asterisk top left, "Số 12-BC/ĐU".
	SenderParty Sender = "party"
	// SenderCommittee: a People's Committee, per Nghị định 30/2020/NĐ-CP:
	// the national motto, "Số: 12/BC-UBND".
	SenderCommittee Sender = "committee"
	// SenderFront: the ward's Ủy ban MTTQ Việt Nam, with the national motto.
	SenderFront Sender = "front"
)

// Senders lists the senders in the order Settings shows them.
var Senders = []Sender{SenderParty, SenderCommittee, SenderFront}

// Profile is how one body sends its report: the header lines, the number
// pattern, whom it goes to and who signs. Empty fields take their value
// from the ward's settings when the document is made (Filled), so a new
// database already has three usable profiles.
type Profile struct {
	Name   string `json:"name"` // what --profile names: "dang-uy", "ubnd", "mttq"
	Sender Sender `json:"sender"`
	// Superior is the line above the issuing body (cấp trên trực tiếp for
	// a party committee: "ĐẢNG BỘ TỈNH …"; the owning body otherwise).
	Superior string `json:"superior,omitempty"`
	Issuer   string `json:"issuer,omitempty"` // "ĐẢNG ỦY PHƯỜNG …", in capitals
	// IssuerSub is a line under the issuer ("BAN THƯỜNG TRỰC" for the Front).
	IssuerSub string `json:"issuer_sub,omitempty"`
	// NumberPattern turns a bare number into the document's number: "%s"
	// stands for the number ("%s-BC/ĐU" gives "12-BC/ĐU").
	NumberPattern string   `json:"number_pattern"`
	Place         string   `json:"place,omitempty"` // "Phường …" before the date
	Subject       string   `json:"subject,omitempty"`
	Recipients    []string `json:"recipients,omitempty"`
	// SignFor is the line "T/M BAN THƯỜNG VỤ" (on behalf of), SignTitle the
	// signer's post ("PHÓ BÍ THƯ"), Signer the name.
	SignFor   string `json:"sign_for,omitempty"`
	SignTitle string `json:"sign_title,omitempty"`
	Signer    string `json:"signer,omitempty"`
}

// DefaultSubject is the report's title line after "BÁO CÁO", before the
// period in words.
const DefaultSubject = "Kết quả thực hiện Quy chế giám sát, góp ý xây dựng Đảng, xây dựng chính quyền, đối thoại, tiếp công dân và giải quyết kiến nghị"

// DefaultProfiles are the three senders' profiles a new database starts
// with.
func DefaultProfiles() []Profile {
	return []Profile{{
		Name:          "dang-uy",
		Sender:        SenderParty,
		NumberPattern: "%s-BC/ĐU",
		Recipients:    []string{"Ban Tuyên giáo và Dân vận Tỉnh ủy", "Ban Thường vụ Đảng ủy", "Lưu Văn phòng Đảng ủy"},
		SignFor:       "T/M BAN THƯỜNG VỤ",
		SignTitle:     "PHÓ BÍ THƯ",
	}, {
		Name:          "ubnd",
		Sender:        SenderCommittee,
		NumberPattern: "%s/BC-UBND",
		Recipients:    []string{"Ủy ban nhân dân tỉnh", "Thường trực Đảng ủy", "Ủy ban MTTQ Việt Nam phường", "Lưu: VT"},
		SignFor:       "TM. ỦY BAN NHÂN DÂN",
		SignTitle:     "CHỦ TỊCH",
	}, {
		Name:          "mttq",
		Sender:        SenderFront,
		IssuerSub:     "BAN THƯỜNG TRỰC",
		NumberPattern: "%s/BC-MTTQ-BTT",
		Recipients:    []string{"Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh", "Thường trực Đảng ủy", "Lưu: VP"},
		SignFor:       "TM. BAN THƯỜNG TRỰC",
		SignTitle:     "CHỦ TỊCH",
	}}
}

// FindProfile returns the profile named name (case ignored) from list,
// or, when name is empty, the first one.
func FindProfile(list []Profile, name string) (Profile, bool) {
	for _, p := range list {
		if name == "" || strings.EqualFold(p.Name, name) {
			return p, true
		}
	}
	return Profile{}, false
}

// Filled returns p with its empty lines made from the ward's settings.
func (p Profile) Filled(st *Settings) Profile {
	ward := wardTitle(st.WardName)
	upper := strings.ToUpper
	set := func(v *string, def string) {
		if strings.TrimSpace(*v) == "" {
			*v = def
		}
	}
	province := strings.TrimSpace(st.Province)
	switch p.Sender {
	case SenderParty:
		if province != "" {
			set(&p.Superior, upper("Đảng bộ "+provinceTitle(province)))
		}
		set(&p.Issuer, upper("Đảng ủy "+ward))
	case SenderCommittee:
		set(&p.Superior, "ỦY BAN NHÂN DÂN")
		set(&p.Issuer, upper(ward))
	case SenderFront:
		set(&p.Superior, "ỦY BAN MTTQ VIỆT NAM")
		set(&p.Issuer, upper(ward))
	}
	set(&p.Place, ward)
	set(&p.Subject, DefaultSubject)
	set(&p.NumberPattern, "%s/BC")
	return p
}

// Number is the document number for n: n itself when it already carries
// the pattern's suffix (holds a '/'), else the pattern filled with n. An
// empty n leaves the number's blank, as a document not yet numbered has.
func (p Profile) Number(n string) string {
	n = strings.TrimSpace(n)
	if strings.Contains(n, "/") {
		return n
	}
	if n == "" {
		n = "     "
	}
	if !strings.Contains(p.NumberPattern, "%s") {
		return n + p.NumberPattern
	}
	return strings.Replace(p.NumberPattern, "%s", n, 1)
}

// Validate checks a profile an officer edited.
func (p *Profile) Validate() FieldErrors {
	var e FieldErrors
	if !validCode(p.Name) || p.Name == "" {
		e.Add("name", "err.ward_code")
	}
	switch p.Sender {
	case SenderParty, SenderCommittee, SenderFront:
	default:
		e.Add("sender", "err.invalid_value")
	}
	if strings.Count(p.NumberPattern, "%") > 1 || strings.Contains(p.NumberPattern, "%") && !strings.Contains(p.NumberPattern, "%s") {
		e.Add("number_pattern", "err.invalid_value")
	}
	return e
}

// Normalize cleans every line of an edited profile.
func (p *Profile) Normalize() {
	for _, v := range []*string{&p.Name, &p.Superior, &p.Issuer, &p.IssuerSub, &p.NumberPattern,
		&p.Place, &p.Subject, &p.SignFor, &p.SignTitle, &p.Signer} {
		*v = CleanLine(*v)
	}
	p.Recipients = cleanList(p.Recipients)
}

// wardTitle is "Phường Bến Thành" for a ward named "Bến Thành" or
// "Phường Bến Thành" (a commune's name keeps its "Xã").
func wardTitle(name string) string {
	name = strings.TrimSpace(name)
	f := Fold(name)
	if strings.HasPrefix(f, "phuong ") || strings.HasPrefix(f, "xa ") || strings.HasPrefix(f, "dac khu ") {
		return name
	}
	if name == "" {
		return "Phường"
	}
	return "Phường " + name
}

func provinceTitle(name string) string {
	f := Fold(name)
	if strings.HasPrefix(f, "tinh ") || strings.HasPrefix(f, "thanh pho ") {
		return name
	}
	return "tỉnh " + name
}

// Narrative is what an officer writes around a report's figures, one
// multi-line text per section.
type Narrative struct {
	Assessment  string `json:"assessment"`  // đánh giá chung
	Results     string `json:"results"`     // kết quả
	Limitations string `json:"limitations"` // hạn chế, nguyên nhân
	Tasks       string `json:"tasks"`       // nhiệm vụ thời gian tới
	Proposals   string `json:"proposals"`   // đề xuất, kiến nghị
}

// Sections lists the narrative's texts in document order, with their keys.
func (n *Narrative) Sections() []NarrativeSection {
	return []NarrativeSection{
		{"assessment", &n.Assessment}, {"results", &n.Results}, {"limitations", &n.Limitations},
		{"tasks", &n.Tasks}, {"proposals", &n.Proposals},
	}
}

// NarrativeSection is one section: its key and its text.
type NarrativeSection struct {
	Key  string
	Text *string
}

// Normalize cleans each section's text (NFC, no control characters).
func (n *Narrative) Normalize() {
	for _, s := range n.Sections() {
		*s.Text = CleanText(*s.Text)
	}
}

// RomanQuarter is the quarter's number in Roman numerals, as documents
// write it ("quý III").
func RomanQuarter(q int) string {
	if q < 1 || q > 4 {
		return fmt.Sprint(q)
	}
	return [...]string{"I", "II", "III", "IV"}[q-1]
}
