package model

// Settings are per ward and stored in the same database file. Every deadline
// and frequency the law sets is a default here, editable per ward: names,
// levels and reporting bodies change with reforms.
type Settings struct {
	WardName string `json:"ward_name"`
	WardCode string `json:"ward_code"`
	Province string `json:"province"`
	// Officer is the name of the person using this copy of gopy; it signs
	// created_by/updated_by and history entries.
	Officer  string `json:"officer"`
	Language string `json:"language,omitempty"` // "vi" (default) or "en"

	Officers      []string `json:"officers,omitempty"`
	Organisations []string `json:"organisations,omitempty"`
	Agencies      []string `json:"agencies,omitempty"`
	Groups        []string `json:"groups,omitempty"` // residential groups (tổ dân phố, thôn)
	Topics        []string `json:"topics,omitempty"`

	Deadlines Deadlines `json:"deadlines"`
	Targets   Targets   `json:"targets"`
	// RemoteArea: the ward is in a remote area where travel is hard, which
	// gives complaints 45 days (60 when complex) instead of 30 (45)
	// (Luật Khiếu nại 2011, Điều 28).
	RemoteArea bool `json:"remote_area,omitempty"`

	// Holidays lists each year's days off, and the weekend days the
	// government's yearly swaps make worked (Holiday.Worked); a year absent
	// here uses DefaultHolidays. Editing a year stores its whole list.
	Holidays map[int][]Holiday `json:"holidays,omitempty"`

	// IdleLockMinutes locks the interface after this long without a key
	// (0: the default, 10 minutes).
	IdleLockMinutes int `json:"idle_lock_minutes,omitempty"`

	// Backups is how many automatic backups are kept and how much disk
	// they may take together (zero: never set, DefaultBackups).
	Backups Backups `json:"backups,omitzero"`
}

// Backups: the automatic backups kept are the newest Daily (one a day)
// and, older, the newest of each of Weekly weeks; when together they
// take more than BudgetMB (0: no limit) the oldest go first, never the
// newest.
type Backups struct {
	Daily    int `json:"daily"`
	Weekly   int `json:"weekly"`
	BudgetMB int `json:"budget_mb,omitempty"`
}

// DefaultBackups keeps a week of daily backups and four weekly ones,
// with no size limit.
func DefaultBackups() Backups { return Backups{Daily: 7, Weekly: 4} }

// The largest values the backup settings take: a year of daily backups,
// ten years of weekly ones, 10 TB. More is a typing slip, not a plan.
const (
	MaxBackupDaily    = 366
	MaxBackupWeekly   = 520
	MaxBackupBudgetMB = 10_000_000
)

// Validate names the backup fields out of range.
func (b Backups) Validate() FieldErrors {
	var e FieldErrors
	if b.Daily < 1 || b.Daily > MaxBackupDaily {
		e.Add("backup_daily", "err.backup_daily")
	}
	if b.Weekly < 0 || b.Weekly > MaxBackupWeekly {
		e.Add("backup_weekly", "err.backup_weekly")
	}
	if b.BudgetMB < 0 || b.BudgetMB > MaxBackupBudgetMB {
		e.Add("backup_budget_mb", "err.backup_budget")
	}
	return e
}

// BudgetBytes is the budget in bytes, 0 for none.
func (b Backups) BudgetBytes() int64 { return int64(b.BudgetMB) << 20 }

// Deadlines in days, each the law's default (deadline.go says which law
// and how each is counted). "WorkingDays" fields count working days; the
// others calendar days.
type Deadlines struct {
	FeedbackResponseDays int `json:"feedback_response_days"`
	// AckWorkingDays: the written notice on a proposal or report (Quy định
	// 11-QĐi/TW as amended by Kết luận 215-KL/TW).
	AckWorkingDays int `json:"ack_working_days"`
	// Complaints (Luật Khiếu nại 2011): acceptance within ComplaintAckDays
	// of receipt (Điều 27); resolution from acceptance (Điều 28).
	ComplaintAckDays           int `json:"complaint_ack_days"`
	ComplaintDays              int `json:"complaint_days"`
	ComplaintComplexDays       int `json:"complaint_complex_days"`
	ComplaintRemoteDays        int `json:"complaint_remote_days"`
	ComplaintRemoteComplexDays int `json:"complaint_remote_complex_days"`
	// Denunciations (Luật Tố cáo 2018): initial handling and the acceptance
	// decision within 7 working days of receipt, 10 when verified at
	// several places (Điều 24); resolution 30 days from acceptance (Điều
	// 30), plus the days of its extensions (Petition.Extensions).
	DenunciationAckWorkingDays       int `json:"denunciation_ack_working_days"`
	DenunciationMultiSiteWorkingDays int `json:"denunciation_multi_site_working_days"`
	DenunciationDays                 int `json:"denunciation_days"`
	ProposalDays                     int `json:"proposal_days"`
	ReportDays                       int `json:"report_days"`
	ShortCommentDays                 int `json:"short_comment_days"` // a draft comment window shorter than this is "too short"
	AnnounceDaysBefore               int `json:"announce_days_before"`
	PublishDaysAfter                 int `json:"publish_days_after"`
	// OffDayStays turns off the rule that a calendar-day deadline ending
	// on a day off ends on the next working day (Bộ luật Dân sự 2015,
	// Điều 148 khoản 5). Off by default: the rule applies.
	OffDayStays bool `json:"off_day_stays,omitempty"`
}

// Targets are the reception frequencies required of leaders.
type Targets struct {
	SecretaryDaysPerMonth int `json:"secretary_days_per_month"` // Quy định 11: ≥ 2 a month
	ChairDaysPerWeek      int `json:"chair_days_per_week"`      // Luật TCD Điều 15: ≥ 1 a week
	DialoguesPerYear      int `json:"dialogues_per_year"`       // Luật 72/2025 Điều 43: ≥ 1 a year
}

func DefaultDeadlines() Deadlines {
	return Deadlines{
		FeedbackResponseDays:             30,
		AckWorkingDays:                   10,
		ComplaintAckDays:                 10,
		ComplaintDays:                    30,
		ComplaintComplexDays:             45,
		ComplaintRemoteDays:              45,
		ComplaintRemoteComplexDays:       60,
		DenunciationAckWorkingDays:       7,
		DenunciationMultiSiteWorkingDays: 10,
		DenunciationDays:                 30,
		ProposalDays:                     30,
		ReportDays:                       30,
		ShortCommentDays:                 10,
		AnnounceDaysBefore:               7,
		PublishDaysAfter:                 10,
	}
}

func DefaultTargets() Targets {
	return Targets{SecretaryDaysPerMonth: 2, ChairDaysPerWeek: 1, DialoguesPerYear: 1}
}

// DefaultSettings is what a new database starts with: the deadlines of the
// law and the Front's usual member organisations and topics.
func DefaultSettings() Settings {
	return Settings{
		Language: "vi",
		Organisations: []string{
			"Ủy ban MTTQ Việt Nam phường",
			"Công đoàn",
			"Hội Nông dân",
			"Đoàn TNCS Hồ Chí Minh",
			"Hội Liên hiệp Phụ nữ",
			"Hội Cựu chiến binh",
		},
		Topics: []string{
			"Đất đai", "Môi trường", "An sinh xã hội", "Hạ tầng",
			"Trật tự an toàn", "Thủ tục hành chính", "Đạo đức lối sống cán bộ",
		},
		Deadlines: DefaultDeadlines(),
		Targets:   DefaultTargets(),
	}
}

// Normalize applies NFC to every text and fills zero deadlines with defaults
// so an old or hand-edited settings record still gives sane due dates.
func (s *Settings) Normalize() {
	for _, p := range []*string{&s.WardName, &s.WardCode, &s.Province, &s.Officer} {
		*p = CleanLine(*p)
	}
	for _, l := range []*[]string{&s.Officers, &s.Organisations, &s.Agencies, &s.Groups, &s.Topics} {
		*l = cleanList(*l)
	}
	def := DefaultDeadlines()
	fill := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	fill(&s.Deadlines.FeedbackResponseDays, def.FeedbackResponseDays)
	fill(&s.Deadlines.AckWorkingDays, def.AckWorkingDays)
	fill(&s.Deadlines.ComplaintAckDays, def.ComplaintAckDays)
	fill(&s.Deadlines.ComplaintDays, def.ComplaintDays)
	fill(&s.Deadlines.ComplaintComplexDays, def.ComplaintComplexDays)
	fill(&s.Deadlines.ComplaintRemoteDays, def.ComplaintRemoteDays)
	fill(&s.Deadlines.ComplaintRemoteComplexDays, def.ComplaintRemoteComplexDays)
	fill(&s.Deadlines.DenunciationAckWorkingDays, def.DenunciationAckWorkingDays)
	fill(&s.Deadlines.DenunciationMultiSiteWorkingDays, def.DenunciationMultiSiteWorkingDays)
	fill(&s.Deadlines.DenunciationDays, def.DenunciationDays)
	fill(&s.Deadlines.ProposalDays, def.ProposalDays)
	fill(&s.Deadlines.ReportDays, def.ReportDays)
	fill(&s.Deadlines.ShortCommentDays, def.ShortCommentDays)
	fill(&s.Deadlines.AnnounceDaysBefore, def.AnnounceDaysBefore)
	fill(&s.Deadlines.PublishDaysAfter, def.PublishDaysAfter)
	dt := DefaultTargets()
	fill(&s.Targets.SecretaryDaysPerMonth, dt.SecretaryDaysPerMonth)
	fill(&s.Targets.ChairDaysPerWeek, dt.ChairDaysPerWeek)
	fill(&s.Targets.DialoguesPerYear, dt.DialoguesPerYear)
	if s.Language != "en" {
		s.Language = "vi"
	}
	if s.Backups.Daily <= 0 {
		s.Backups = DefaultBackups()
	}
}

// Validate checks what a ward must have set. The ward code goes into every
// record's reference and origin, so it is restricted to safe characters.
func (s *Settings) Validate() FieldErrors {
	var e FieldErrors
	if s.WardName == "" {
		e.Add("ward_name", "err.required")
	}
	if s.WardCode == "" {
		e.Add("ward_code", "err.required")
	} else if !validCode(s.WardCode) {
		e.Add("ward_code", "err.ward_code")
	}
	if s.Officer == "" {
		e.Add("officer", "err.required")
	}
	return append(e, s.Backups.Validate()...)
}

func validCode(s string) bool {
	if len(s) > 16 {
		return false
	}
	for _, c := range s {
		if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// ValidWardCode reports whether s can be used as a ward code.
func ValidWardCode(s string) bool { return s != "" && validCode(s) }

func cleanList(l []string) []string {
	out := l[:0]
	seen := map[string]bool{}
	for _, v := range l {
		v = CleanLine(v)
		if v == "" || seen[v] {
			continue
		}
		seen[v] = true
		out = append(out, v)
	}
	return out
}
