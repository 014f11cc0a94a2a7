package model

import (
	"slices"
	"strings"
	"testing"
)

// The calendars these cases use, from DefaultHolidays (checked in
// holidays_test.go):
//
//	2026: Thu 01/01; Tết Mon 16/02–Fri 20/02; Giỗ Tổ Sun 26/04 with Mon 27/04
//	      off in its place; Thu 30/04, Fri 01/05; Tue 01/09, Wed 02/09.
//	2027: Fri 01/01; Tết Fri 05/02–Tue 09/02 (Sat 06, Sun 07 inside it, so
//	      Wed 10 and Thu 11/02 off in their place); Giỗ Tổ Fri 16/04;
//	      Fri 30/04, Sat 01/05 with Mon 03/05 off; Wed 01/09, Thu 02/09.
//
// swapped2026 is a ward's edited 2026: the government moved Fri 02/01 off
// and made Sat 10/01 a working day in its place.
var swapped2026 = map[int][]Holiday{2026: {
	{On: rd(1, 1, 2026), Name: "holiday.new_year"},
	{On: rd(2, 1, 2026), Name: "Nghỉ bù"},
	{On: rd(10, 1, 2026), Name: "Làm bù", Worked: true},
	{On: rd(16, 2, 2026), Name: "holiday.tet"}, {On: rd(17, 2, 2026), Name: "holiday.tet"},
	{On: rd(18, 2, 2026), Name: "holiday.tet"}, {On: rd(19, 2, 2026), Name: "holiday.tet"},
	{On: rd(20, 2, 2026), Name: "holiday.tet"},
}}

// Each case is worked by hand. "+N" is N calendar days counted from the day
// after the event (BLDS Đ.147); "→" is the day-off rule (BLDS Đ.148 k.5);
// "wd" lists the working days counted.
func TestLawDues(t *testing.T) {
	type ext = []int
	cases := []struct {
		name       string
		class      Classification
		received   Date
		accepted   Date
		complex    bool
		especially bool // especially complex: a denunciation may be extended twice
		multiSite  bool
		remote     bool
		stays      bool // day-off rule switched off
		ext        ext
		holidays   map[int][]Holiday
		ack, res   Date
		refused    string // the extensions' validation error, when the law refuses them
	}{
		// 1. The complaint: Sat 17/01/2026, accepted that day.
		// ack 17/01+10 = Tue 27/01. res +30 = Mon 16/02, Tết: 16–20/02 off,
		// 21–22 a weekend → Mon 23/02.
		{name: "complaint due in Tết", class: ClassComplaint, received: rd(17, 1, 2026), accepted: rd(17, 1, 2026),
			ack: rd(27, 1, 2026), res: rd(23, 2, 2026)},
		// 2. The same with the day-off switch off: 16/02 stands.
		{name: "complaint due in Tết, rule off", class: ClassComplaint, received: rd(17, 1, 2026), accepted: rd(17, 1, 2026),
			stays: true, ack: rd(27, 1, 2026), res: rd(16, 2, 2026)},
		// 3. The denunciation: Fri 13/02/2026, accepted that day.
		// res +30 = Sun 15/03 → Mon 16/03. ack 7 wd: Tết and a weekend,
		// then 23, 24, 25, 26, 27/02, 02, 03/03 → Tue 03/03.
		{name: "denunciation due on a Sunday", class: ClassDenunciation, received: rd(13, 2, 2026), accepted: rd(13, 2, 2026),
			ack: rd(3, 3, 2026), res: rd(16, 3, 2026)},
		// 4. The same, rule off: Sunday 15/03 stands (working days still
		// skip days off: ack unchanged).
		{name: "denunciation due on a Sunday, rule off", class: ClassDenunciation, received: rd(13, 2, 2026), accepted: rd(13, 2, 2026),
			stays: true, ack: rd(3, 3, 2026), res: rd(15, 3, 2026)},
		// 5. Complaint received Fri 06/02/2026, just before Tết, not yet
		// accepted: ack +10 = Mon 16/02 (Tết) → Mon 23/02; no resolution
		// due until it is accepted.
		{name: "complaint before Tết, unaccepted", class: ClassComplaint, received: rd(6, 2, 2026),
			ack: rd(23, 2, 2026), res: 0},
		// 6. Complaint received Wed 18/02/2026, inside Tết (sent in),
		// accepted Mon 23/02: ack +10 = Sat 28/02 → Mon 02/03; res from
		// acceptance +30 = Wed 25/03.
		{name: "complaint received in Tết", class: ClassComplaint, received: rd(18, 2, 2026), accepted: rd(23, 2, 2026),
			ack: rd(2, 3, 2026), res: rd(25, 3, 2026)},
		// 7. Proposal received Fri 13/02/2026: ack 10 wd: 23–27/02 (5),
		// 02–06/03 (10) → Fri 06/03. res from receipt +30 = Sun 15/03 →
		// Mon 16/03.
		{name: "proposal before Tết", class: ClassProposal, received: rd(13, 2, 2026),
			ack: rd(6, 3, 2026), res: rd(16, 3, 2026)},
		// 8. Report received Tue 17/02/2026, inside Tết: ack 10 wd:
		// 23–27/02, 02–06/03 → Fri 06/03. res +30 = Thu 19/03.
		{name: "report received in Tết", class: ClassReport, received: rd(17, 2, 2026),
			ack: rd(6, 3, 2026), res: rd(19, 3, 2026)},
		// 9. Tết 2027: complaint received and accepted Thu 04/02/2027.
		// ack +10 = Sun 14/02 → Mon 15/02 (12/02 is worked, 15/02 too).
		// res +30 = Sat 06/03 → Mon 08/03.
		{name: "complaint before Tết 2027", class: ClassComplaint, received: rd(4, 2, 2027), accepted: rd(4, 2, 2027),
			ack: rd(15, 2, 2027), res: rd(8, 3, 2027)},
		// 10. Denunciation received Wed 03/02/2027, verified at several
		// places: 10 wd: Thu 04/02 (1), 05–11/02 off, Fri 12/02 (2),
		// 15–19/02 (7), 22, 23, 24/02 (10) → Wed 24/02. Not accepted yet.
		{name: "denunciation before Tết 2027, several places", class: ClassDenunciation, received: rd(3, 2, 2027), multiSite: true,
			ack: rd(24, 2, 2027), res: 0},
		// 11. The same at one place: 7 wd: 04/02, 12/02, 15–19/02 → Fri 19/02.
		{name: "denunciation before Tết 2027", class: ClassDenunciation, received: rd(3, 2, 2027),
			ack: rd(19, 2, 2027), res: 0},
		// 12. Proposal received Tue 09/02/2027, inside Tết (its
		// compensatory days 10–11/02 follow): ack 10 wd: 12/02 (1),
		// 15–19/02 (6), 22–25/02 (10) → Thu 25/02. res +30 = Thu 11/03.
		{name: "proposal in Tết 2027", class: ClassProposal, received: rd(9, 2, 2027),
			ack: rd(25, 2, 2027), res: rd(11, 3, 2027)},
		// 13. Friday before a compensatory Monday: proposal received Fri
		// 24/04/2026 (Giỗ Tổ Sun 26/04, off Mon 27/04): ack 10 wd: 28, 29/04
		// (2), 30/04–03/05 off, 04–08/05 (7), 11, 12, 13/05 (10) → Wed
		// 13/05. res +30 = Sun 24/05 → Mon 25/05.
		{name: "proposal before compensatory Monday", class: ClassProposal, received: rd(24, 4, 2026),
			ack: rd(13, 5, 2026), res: rd(25, 5, 2026)},
		// 14. Complaint received and accepted Fri 17/04/2026: ack +10 =
		// Mon 27/04, the compensatory day off → Tue 28/04. res +30 = Sun
		// 17/05 → Mon 18/05.
		{name: "complaint ack on the compensatory day", class: ClassComplaint, received: rd(17, 4, 2026), accepted: rd(17, 4, 2026),
			ack: rd(28, 4, 2026), res: rd(18, 5, 2026)},
		// 15. Complex complaint received Mon 20/04/2026, accepted Tue
		// 21/04: ack +10 = Thu 30/04 → 01/05 off, weekend → Mon 04/05.
		// res +45 = Fri 05/06.
		{name: "complex complaint around 30/4", class: ClassComplaint, received: rd(20, 4, 2026), accepted: rd(21, 4, 2026), complex: true,
			ack: rd(4, 5, 2026), res: rd(5, 6, 2026)},
		// 16. Report received Wed 29/04/2026: ack 10 wd: 30/04–03/05 off,
		// 04–08/05 (5), 11–15/05 (10) → Fri 15/05. res +30 = Fri 29/05.
		{name: "report before 30/4", class: ClassReport, received: rd(29, 4, 2026),
			ack: rd(15, 5, 2026), res: rd(29, 5, 2026)},
		// 17. Complaint received and accepted Tue 31/03/2026: ack +10 =
		// Fri 10/04. res +30 = Thu 30/04 → 01/05 off, weekend → Mon 04/05.
		{name: "complaint due on 30/4", class: ClassComplaint, received: rd(31, 3, 2026), accepted: rd(31, 3, 2026),
			ack: rd(10, 4, 2026), res: rd(4, 5, 2026)},
		// 18. The same, rule off: 30/04 stands.
		{name: "complaint due on 30/4, rule off", class: ClassComplaint, received: rd(31, 3, 2026), accepted: rd(31, 3, 2026),
			stays: true, ack: rd(10, 4, 2026), res: rd(30, 4, 2026)},
		// 19. Around 2/9: complaint received and accepted Mon 03/08/2026:
		// ack +10 = Thu 13/08. res +30 = Wed 02/09 → Thu 03/09.
		{name: "complaint due on 2/9", class: ClassComplaint, received: rd(3, 8, 2026), accepted: rd(3, 8, 2026),
			ack: rd(13, 8, 2026), res: rd(3, 9, 2026)},
		// 20. Denunciation received Fri 28/08/2026: 7 wd: Mon 31/08 (1),
		// 01–02/09 off, 03, 04/09 (3), 07–10/09 (7) → Thu 10/09.
		{name: "denunciation across 2/9", class: ClassDenunciation, received: rd(28, 8, 2026),
			ack: rd(10, 9, 2026), res: 0},
		// 21. Proposal received Mon 31/08/2026: ack 10 wd: 03, 04/09 (2),
		// 07–11/09 (7), 14–16/09 (10) → Wed 16/09. res +30 = Wed 30/09.
		{name: "proposal before 2/9", class: ClassProposal, received: rd(31, 8, 2026),
			ack: rd(16, 9, 2026), res: rd(30, 9, 2026)},
		// 22. A worked Saturday: proposal received Mon 05/01/2026 under the
		// swapped calendar: ack 10 wd: 06–09/01 (4), Sat 10/01 (5),
		// 12–16/01 (10) → Fri 16/01.
		{name: "worked Saturday counts", class: ClassProposal, received: rd(5, 1, 2026), holidays: swapped2026,
			ack: rd(16, 1, 2026), res: rd(4, 2, 2026)},
		// 23. The same on the default calendar (10/01 a plain Saturday):
		// 06–09/01 (4), 12–16/01 (9), Mon 19/01 (10). res +30 = Wed 04/02.
		{name: "without the swap", class: ClassProposal, received: rd(5, 1, 2026),
			ack: rd(19, 1, 2026), res: rd(4, 2, 2026)},
		// 24. A term ending on the worked Saturday: complaint received
		// and accepted Thu 11/12/2025: +30 = Sat 10/01/2026, a working day
		// under the swap: it stands. ack +10 = Sun 21/12/2025 → Mon 22/12.
		{name: "due on a worked Saturday", class: ClassComplaint, received: rd(11, 12, 2025), accepted: rd(11, 12, 2025), holidays: swapped2026,
			ack: rd(22, 12, 2025), res: rd(10, 1, 2026)},
		// 25. The same on the default calendar: Sat 10/01 → Mon 12/01.
		{name: "due on a plain Saturday", class: ClassComplaint, received: rd(11, 12, 2025), accepted: rd(11, 12, 2025),
			ack: rd(22, 12, 2025), res: rd(12, 1, 2026)},
		// 26. Remote area: complaint received and accepted Mon 02/03/2026:
		// +45 = Thu 16/04. ack +10 = Thu 12/03.
		{name: "remote-area complaint", class: ClassComplaint, received: rd(2, 3, 2026), accepted: rd(2, 3, 2026), remote: true,
			ack: rd(12, 3, 2026), res: rd(16, 4, 2026)},
		// 27. Remote area and complex: +60 = Fri 01/05 (off) → Mon 04/05.
		{name: "remote-area complex complaint", class: ClassComplaint, received: rd(2, 3, 2026), accepted: rd(2, 3, 2026), remote: true, complex: true,
			ack: rd(12, 3, 2026), res: rd(4, 5, 2026)},
		// 28. Complex, not remote: accepted Mon 05/01/2026 +45 = Thu
		// 19/02 (Tết) → Mon 23/02. ack from receipt 05/01 +10 = Thu 15/01.
		{name: "complex complaint due in Tết", class: ClassComplaint, received: rd(5, 1, 2026), accepted: rd(5, 1, 2026), complex: true,
			ack: rd(15, 1, 2026), res: rd(23, 2, 2026)},
		// 29. Denunciation received Mon 05/01/2026 (7 wd: 06–09/01, 12–14/01
		// → Wed 14/01), accepted Mon 12/01, complex, extended once by 30:
		// +60 = Fri 13/03.
		{name: "denunciation, one extension", class: ClassDenunciation, received: rd(5, 1, 2026), accepted: rd(12, 1, 2026), complex: true,
			ext: ext{30}, ack: rd(14, 1, 2026), res: rd(13, 3, 2026)},
		// 30. Especially complex, so extended twice (Luật Tố cáo 2018, Điều
		// 30 khoản 1: "gia hạn hai lần, mỗi lần không quá 30 ngày" for a
		// case "đặc biệt phức tạp"), by 30 and 20: 12/01 +80 = Thu 02/04.
		{name: "especially complex denunciation, two extensions", class: ClassDenunciation, received: rd(5, 1, 2026), accepted: rd(12, 1, 2026), complex: true, especially: true,
			ext: ext{30, 20}, ack: rd(14, 1, 2026), res: rd(2, 4, 2026)},
		// 31. Especially complex, twice by 30: 12/01 +90 = Sun 12/04 → Mon
		// 13/04 (BLDS 2015, Điều 148 khoản 5).
		{name: "especially complex denunciation, two extensions, Sunday", class: ClassDenunciation, received: rd(5, 1, 2026), accepted: rd(12, 1, 2026), complex: true, especially: true,
			ext: ext{30, 30}, ack: rd(14, 1, 2026), res: rd(13, 4, 2026)},
		// 32. The same, day-off rule off: Sunday 12/04 stands.
		{name: "especially complex denunciation, two extensions, Sunday, rule off", class: ClassDenunciation, received: rd(5, 1, 2026), accepted: rd(12, 1, 2026), complex: true, especially: true,
			ext: ext{30, 30}, stays: true, ack: rd(14, 1, 2026), res: rd(12, 4, 2026)},
		// 32b. Merely complex: the law allows one extension only (Điều 30
		// khoản 1: "gia hạn một lần không quá 30 ngày"); a second is
		// refused beside its date, so the term cannot reach 12/04.
		{name: "complex denunciation, second extension refused", class: ClassDenunciation, received: rd(5, 1, 2026), accepted: rd(12, 1, 2026), complex: true,
			ext: ext{30, 30}, ack: rd(14, 1, 2026), refused: "err.extension_second"},
		// 33. Denunciation received Fri 24/04/2026, several places: 10 wd:
		// 28, 29/04 (2), 04–08/05 (7), 11–13/05 (10) → Wed 13/05.
		{name: "denunciation before compensatory Monday, several places", class: ClassDenunciation, received: rd(24, 4, 2026), multiSite: true,
			ack: rd(13, 5, 2026), res: 0},
		// 34. Complaint received Fri 24/04/2026, not accepted: +10 = Mon
		// 04/05, a working day.
		{name: "complaint before compensatory Monday", class: ClassComplaint, received: rd(24, 4, 2026),
			ack: rd(4, 5, 2026), res: 0},
		// 35. Report received on Sat 25/04/2026 (a weekend reception): ack
		// as in case 13 → Wed 13/05. res +30 = Mon 25/05.
		{name: "report received on a Saturday", class: ClassReport, received: rd(25, 4, 2026),
			ack: rd(13, 5, 2026), res: rd(25, 5, 2026)},
	}
	for _, c := range cases {
		s := DefaultSettings()
		s.RemoteArea = c.remote
		s.Deadlines.OffDayStays = c.stays
		cal := NewCalendar(c.holidays)
		p := &Petition{Classification: c.class, ReceivedOn: c.received, AcceptedOn: c.accepted,
			Complex: c.complex, EspeciallyComplex: c.especially, MultiSite: c.multiSite}
		for i, d := range c.ext {
			p.Extensions = append(p.Extensions, Extension{On: c.accepted.AddDays(20 + i*30), Days: d, DecisionNo: "01/QĐ-UBND"})
		}
		var errs FieldErrors
		p.validateExtensions(&errs)
		if got := errs.For("extensions.2.on"); got != c.refused {
			t.Errorf("%s: second extension %q, want %q (all: %v)", c.name, got, c.refused, errs)
		}
		if c.refused != "" {
			continue
		}
		if got := p.LawAckDue(&s.Deadlines, cal); got != c.ack {
			t.Errorf("%s: ack due %v (%s), want %v (%s)", c.name, got, got.Weekday(), c.ack, c.ack.Weekday())
		}
		if got := p.LawResolutionDue(&s, cal); got != c.res {
			t.Errorf("%s: resolution due %v, want %v", c.name, got, c.res)
		}
	}
	if len(cases) < 30 {
		t.Errorf("%d worked cases; the issue asks for at least 30", len(cases))
	}
}

// Accepting, marking complex and extending move a computed deadline; a
// typed one stays; a change of Settings alone moves nothing.
func TestRefreshDues(t *testing.T) {
	s := DefaultSettings()
	cal := NewCalendar(nil)
	old := &Petition{Classification: ClassComplaint, ReceivedOn: rd(17, 1, 2026)}
	old.FillDues(&s, cal)
	if old.AckDue != rd(27, 1, 2026) || old.ResolutionDue != 0 {
		t.Fatalf("unaccepted: %v %v", old.AckDue, old.ResolutionDue)
	}
	// Accepted on Mon 19/01: +30 = Wed 18/02 (Tết) → Mon 23/02.
	p := *old
	p.AcceptedOn = rd(19, 1, 2026)
	p.RefreshDues(old, &s, cal)
	if p.ResolutionDue != rd(23, 2, 2026) || p.AckDue != rd(27, 1, 2026) {
		t.Errorf("accepted: %v %v", p.AckDue, p.ResolutionDue)
	}
	// Then complex: 19/01 + 45 = Thu 05/03.
	q := p
	q.Complex = true
	q.RefreshDues(&p, &s, cal)
	if q.ResolutionDue != rd(5, 3, 2026) {
		t.Errorf("complex: %v, want 05/03/2026", q.ResolutionDue)
	}
	// A typed due survives a later change of its inputs.
	typed := p
	typed.ResolutionDue = rd(1, 3, 2026)
	typed2 := typed
	typed2.Complex = true
	typed2.RefreshDues(&typed, &s, cal)
	if typed2.ResolutionDue != rd(1, 3, 2026) {
		t.Errorf("typed due moved to %v", typed2.ResolutionDue)
	}
	// Settings change (30 → 20 days), nothing else: nothing moves.
	s2 := s
	s2.Deadlines.ComplaintDays = 20
	same := p
	same.Summary = "edited"
	same.RefreshDues(&p, &s2, cal)
	if same.ResolutionDue != rd(23, 2, 2026) {
		t.Errorf("settings change moved the due to %v", same.ResolutionDue)
	}
}

// Until a decision is taken, the acceptance deadline is the one that can be
// missed ("chưa thụ lý, quá hạn"); after acceptance, the resolution one.
func TestOverdueKinds(t *testing.T) {
	s := DefaultSettings()
	cal := NewCalendar(nil)
	p := &Petition{Classification: ClassComplaint, ReceivedOn: rd(30, 3, 2026), Channel: ChannelWalkIn, Name: "A", Summary: "s"}
	p.Normalize()
	p.FillDues(&s, cal) // ack 09/04
	row := RowOf(p)
	for _, c := range []struct {
		today Date
		over  bool
		kind  DueKind
		days  int
	}{
		{rd(9, 4, 2026), false, "", 0},             // the last day: in time
		{rd(10, 4, 2026), true, DueAcceptance, 1},  // a day late
		{rd(14, 4, 2026), true, DueAcceptance, 5},  // 10–14/04
		{rd(14, 5, 2026), true, DueAcceptance, 35}, // still no decision
	} {
		if p.Overdue(c.today) != c.over || row.Overdue(c.today) != c.over || row.OverdueKind(c.today) != c.kind || p.DaysOverdue(c.today) != c.days {
			t.Errorf("%v: overdue %v/%v kind %q days %d; want %v %q %d", c.today, p.Overdue(c.today), row.Overdue(c.today),
				row.OverdueKind(c.today), p.DaysOverdue(c.today), c.over, c.kind, c.days)
		}
	}
	if !p.Unaccepted() || !row.Unaccepted() {
		t.Error("a received complaint with no decision is unaccepted")
	}
	// Accepted on 08/04: no longer unaccepted; resolution 08/04+30 = Fri 08/05.
	old := *p
	p.AcceptedOn = rd(8, 4, 2026)
	p.Normalize()
	p.RefreshDues(&old, &s, cal)
	row = RowOf(p)
	if p.Unaccepted() || p.Handling != HandlingAccepted || p.ResolutionDue != rd(8, 5, 2026) {
		t.Fatalf("accepted: unaccepted=%v handling=%q due=%v", p.Unaccepted(), p.Handling, p.ResolutionDue)
	}
	if row.Overdue(rd(14, 4, 2026)) || row.OverdueKind(rd(9, 5, 2026)) != DueResolution {
		t.Error("after acceptance only the resolution due counts")
	}
	// Transferred: open, but neither deadline is this ward's to miss.
	tr := &Petition{Classification: ClassDenunciation, ReceivedOn: rd(2, 3, 2026), Handling: HandlingTransferred, HandlingAgency: "X"}
	tr.Normalize()
	tr.FillDues(&s, cal)
	if tr.Overdue(rd(1, 1, 2027)) || tr.Unaccepted() {
		t.Error("a transferred denunciation is neither overdue nor unaccepted here")
	}
}

// A petition accepted without a date (an older gopy's, a ledger without
// the column) is taken as accepted on receipt; accepted_on belongs to the
// decision to accept, extensions to accepted complex denunciations.
func TestAcceptanceValidation(t *testing.T) {
	p := validPetition()
	p.Status = StatusInProgress
	p.Normalize()
	if p.Handling != HandlingAccepted || p.AcceptedOn != p.ReceivedOn {
		t.Errorf("in progress without a date: handling %q accepted_on %v", p.Handling, p.AcceptedOn)
	}
	for _, c := range []struct {
		name  string
		edit  func(p *Petition)
		field string
		key   string
	}{
		{"accepted before received", func(p *Petition) { p.AcceptedOn = p.ReceivedOn.AddDays(-1) }, "accepted_on", "err.before_received"},
		{"extension on a complaint", func(p *Petition) {
			p.Classification, p.AcceptedOn = ClassComplaint, p.ReceivedOn
			p.Extensions = []Extension{{On: p.ReceivedOn, Days: 10, DecisionNo: "1"}}
		}, "extensions", "err.extension_class"},
		{"extension not complex", func(p *Petition) {
			p.Classification, p.AcceptedOn = ClassDenunciation, p.ReceivedOn
			p.Extensions = []Extension{{On: p.ReceivedOn, Days: 10, DecisionNo: "1"}}
		}, "extensions", "err.extension_complex"},
		{"three extensions", func(p *Petition) {
			p.Classification, p.AcceptedOn, p.Complex = ClassDenunciation, p.ReceivedOn, true
			e := Extension{On: p.ReceivedOn, Days: 10, DecisionNo: "1"}
			p.Extensions = []Extension{e, e, e}
		}, "extensions", "err.extension_count"},
		{"second extension, merely complex", func(p *Petition) {
			p.Classification, p.AcceptedOn, p.Complex = ClassDenunciation, p.ReceivedOn, true
			e := Extension{On: p.ReceivedOn, Days: 10, DecisionNo: "1"}
			p.Extensions = []Extension{e, e}
		}, "extensions.2.on", "err.extension_second"},
		{"especially complex complaint", func(p *Petition) {
			p.Classification, p.EspeciallyComplex = ClassComplaint, true
		}, "especially_complex", "err.especially_complex_class"},
		{"extension of 31 days", func(p *Petition) {
			p.Classification, p.AcceptedOn, p.Complex = ClassDenunciation, p.ReceivedOn, true
			p.Extensions = []Extension{{On: p.ReceivedOn, Days: 31, DecisionNo: "1"}}
		}, "extensions.1.days", "err.extension_days"},
		{"extension without decision", func(p *Petition) {
			p.Classification, p.AcceptedOn, p.Complex = ClassDenunciation, p.ReceivedOn, true
			p.Extensions = []Extension{{On: p.ReceivedOn, Days: 30}}
		}, "extensions.1.decision_no", "err.required"},
	} {
		p := validPetition()
		c.edit(p)
		p.Normalize()
		if got := p.Validate().For(c.field); got != c.key {
			t.Errorf("%s: %s error %q, want %q (all: %v)", c.name, c.field, got, c.key, p.Validate())
		}
	}
}

// --- targets ------------------------------------------------------------------

func session(kind SessionKind, host HostRole, on Date) Row {
	return RowOf(&Session{Meta: Meta{ID: on.ISO() + string(kind) + string(host), Ward: "P01"}, Type: kind, HostRole: host, HeldOn: on})
}

func targetsFor(t *testing.T, p Period, asOf Date, s *Settings, rows ...Row) map[TargetRule]TargetResult {
	t.Helper()
	a := NewAggregator(p, asOf, s)
	for i := range rows {
		a.Add(&rows[i])
	}
	out := map[TargetRule]TargetResult{}
	for _, r := range a.Result().Targets {
		out[r.Rule] = r
	}
	return out
}

// March 2026 begins on a Sunday: W09 (23/02–01/03) holds only that Sunday
// of March, so it does not count; W10 (02–08/03) to W14 (30/03–05/04, of
// which March holds Mon 30 and Tue 31) do: five weeks. Receptions on 2, 3,
// 4 and 5 March meet W10 only, whatever their number; an ad-hoc reception
// on 17/03 (W12) is shown but counts for nothing.
func TestChairWeeklyCraftedMarch(t *testing.T) {
	s := reportSettings()
	march := Period{rd(1, 3, 2026), rd(31, 3, 2026)}
	var rows []Row
	for d := 2; d <= 5; d++ {
		rows = append(rows, session(SessionReception, HostCommitteeChair, rd(d, 3, 2026)))
	}
	rows = append(rows, session(SessionReceptionAdhoc, HostCommitteeChair, rd(17, 3, 2026)))
	got := targetsFor(t, march, rd(1, 4, 2026), s, rows...)[RuleChairWeekly]
	if got.Required != 5 || got.Held != 1 || got.Met || got.State != TargetMissed || got.Days != 4 || got.AdHoc != 1 ||
		strings.Join(got.Missed, ",") != "2026-W11,2026-W12,2026-W13,2026-W14" {
		t.Errorf("March chair = %+v", got)
	}
	// As of Wed 18/03: W10 met, W11 (9–15/03) missed, W12 under way and
	// pending; W13 and W14 have not begun.
	got = targetsFor(t, march, rd(18, 3, 2026), s, rows...)[RuleChairWeekly]
	if got.Required != 2 || got.Held != 1 || strings.Join(got.Missed, ",") != "2026-W11" || strings.Join(got.Pending, ",") != "2026-W12" {
		t.Errorf("March chair on 18/03 = %+v", got)
	}
	// One periodic reception in each week: met.
	var every []Row
	for _, d := range []int{2, 9, 16, 23, 30} {
		every = append(every, session(SessionReception, HostCommitteeChair, rd(d, 3, 2026)))
	}
	got = targetsFor(t, march, rd(1, 4, 2026), s, every...)[RuleChairWeekly]
	if got.Required != 5 || got.Held != 5 || !got.Met || len(got.Missed) != 0 {
		t.Errorf("March chair, every week = %+v", got)
	}
}

// A week whose every working day is a holiday (Tết 2026, 16–22/02) is not
// required; a week whose only working day is a worked Saturday is.
func TestChairWeeklyHolidayWeeks(t *testing.T) {
	s := reportSettings()
	feb := Period{rd(1, 2, 2026), rd(28, 2, 2026)}
	// Feb 2026: Sun 01/02 is W05's only day in the month (a Sunday: not
	// counted); W06 (02–08), W07 (09–15), W08 (Tết), W09 (23/02–01/03).
	got := targetsFor(t, feb, rd(1, 3, 2026), s)[RuleChairWeekly]
	if got.Required != 3 || strings.Join(got.Missed, ",") != "2026-W06,2026-W07,2026-W09" {
		t.Errorf("Feb chair = %+v", got)
	}
	// The range Sat 10/01–Sun 11/01/2026 holds a working day only when
	// Saturday is worked.
	weekend := Period{rd(10, 1, 2026), rd(11, 1, 2026)}
	if got := targetsFor(t, weekend, rd(1, 3, 2026), s)[RuleChairWeekly]; got.Required != 0 {
		t.Errorf("a plain weekend requires %d weeks", got.Required)
	}
	s.Holidays = swapped2026
	if got := targetsFor(t, weekend, rd(1, 3, 2026), s)[RuleChairWeekly]; got.Required != 1 || got.Missed[0] != "2026-W02" {
		t.Errorf("a worked Saturday's week = %+v", got)
	}
}

// The secretary needs two periodic days in every month: one periodic and
// one ad-hoc day miss it; two periodic days meet it.
func TestSecretaryMonthlyCrafted(t *testing.T) {
	s := reportSettings()
	april := Period{rd(1, 4, 2026), rd(30, 4, 2026)}
	got := targetsFor(t, april, rd(1, 5, 2026), s,
		session(SessionReception, HostPartySecretary, rd(8, 4, 2026)),
		session(SessionReceptionAdhoc, HostPartySecretary, rd(22, 4, 2026)))[RuleSecretaryMonthly]
	if got.Required != 1 || got.Held != 0 || got.Met || got.Days != 1 || got.AdHoc != 1 || strings.Join(got.Missed, ",") != "2026-04" {
		t.Errorf("April secretary, periodic + ad hoc = %+v", got)
	}
	got = targetsFor(t, april, rd(1, 5, 2026), s,
		session(SessionReception, HostPartySecretary, rd(8, 4, 2026)),
		session(SessionReception, HostPartySecretary, rd(22, 4, 2026)))[RuleSecretaryMonthly]
	if got.Required != 1 || got.Held != 1 || !got.Met {
		t.Errorf("April secretary, two periodic = %+v", got)
	}
	// Q2 with April met and May, June without: 1 of 3, missed May, June.
	q2 := Period{rd(1, 4, 2026), rd(30, 6, 2026)}
	got = targetsFor(t, q2, rd(1, 7, 2026), s,
		session(SessionReception, HostPartySecretary, rd(8, 4, 2026)),
		session(SessionReception, HostPartySecretary, rd(22, 4, 2026)))[RuleSecretaryMonthly]
	if got.Required != 3 || got.Held != 1 || strings.Join(got.Missed, ",") != "2026-05,2026-06" {
		t.Errorf("Q2 secretary = %+v", got)
	}
}

// A year with no dialogue conference is never met; a shorter period shows
// the year to date, "pending" until one is held, met once one is — even
// before the period.
func TestDialogueYearlyCrafted(t *testing.T) {
	s := reportSettings()
	y2025 := Period{rd(1, 1, 2025), rd(31, 12, 2025)}
	got := targetsFor(t, y2025, rd(15, 1, 2026), s)[RuleDialogueYearly]
	if got.Required != 1 || got.Held != 0 || got.Met || got.State != TargetMissed || strings.Join(got.Missed, ",") != "2025" {
		t.Errorf("2025 with no conference = %+v", got)
	}
	q1 := Period{rd(1, 1, 2026), rd(31, 3, 2026)}
	got = targetsFor(t, q1, rd(14, 4, 2026), s)[RuleDialogueYearly]
	if got.Required != 0 || got.Met || got.State != TargetPending || strings.Join(got.Pending, ",") != "2026" {
		t.Errorf("Q1 with no conference yet = %+v", got)
	}
	// A conference on 20/02 meets the year in Q2's report too.
	q2 := Period{rd(1, 4, 2026), rd(30, 6, 2026)}
	got = targetsFor(t, q2, rd(1, 7, 2026), s, session(SessionDialogue, HostCommitteeChair, rd(20, 2, 2026)))[RuleDialogueYearly]
	if got.Required != 1 || got.Held != 1 || !got.Met || got.Days != 0 {
		t.Errorf("Q2 after a conference in February = %+v", got)
	}
	// The whole year 2026 as of 01/01/2027 with one conference: met.
	y2026 := Period{rd(1, 1, 2026), rd(31, 12, 2026)}
	got = targetsFor(t, y2026, rd(1, 1, 2027), s, session(SessionDialogue, HostCommitteeChair, rd(20, 11, 2026)))[RuleDialogueYearly]
	if got.Required != 1 || got.Held != 1 || !got.Met || got.Days != 1 {
		t.Errorf("2026 with a conference = %+v", got)
	}
}

// A ward that sets a proposal's resolution shorter than its acceptance
// term: with no decision taken, the earlier deadline is the one it misses
// first; the report still counts it among the unaccepted overdue, as
// `list --status unaccepted --overdue` does.
func TestShortResolutionBeforeAcceptance(t *testing.T) {
	s := DefaultSettings()
	s.Deadlines.ProposalDays = 5
	cal := NewCalendar(nil)
	p := &Petition{Meta: Meta{ID: "X", Ward: "P01"}, Classification: ClassProposal, ReceivedOn: rd(2, 3, 2026),
		Channel: ChannelWalkIn, Name: "A", Summary: "s"}
	p.Normalize()
	p.FillDues(&s, cal) // ack: 10 working days, Mon 16/03; resolution Sat 07/03 → Mon 09/03
	due, kind := p.OpenDue()
	if due != rd(9, 3, 2026) || kind != DueResolution {
		t.Fatalf("open due %v %q, want 09/03/2026 resolution", due, kind)
	}
	a := NewAggregator(Period{rd(1, 3, 2026), rd(31, 3, 2026)}, rd(10, 3, 2026), &s)
	row := RowOf(p)
	a.Add(&row)
	if r := a.Result(); r.Petitions.Overdue != 1 || r.Petitions.OverdueUnaccepted != 1 || r.Petitions.Unaccepted != 1 {
		t.Errorf("overdue %d, unaccepted overdue %d, unaccepted %d; want 1 1 1",
			r.Petitions.Overdue, r.Petitions.OverdueUnaccepted, r.Petitions.Unaccepted)
	}
}

// An interval that ends on the report's day can still be met that day: it
// is pending until the day after (review A3). The month's report and the
// year's then agree on the last week of November 2026 (W49 is cut by the
// month's edge to Monday 30/11 alone).
func TestIntervalEndingTodayIsPending(t *testing.T) {
	s := reportSettings()
	var rows []Row
	for _, d := range []int{2, 9, 16, 23} { // W45–W48 each have their Monday
		rows = append(rows, session(SessionReception, HostCommitteeChair, rd(d, 11, 2026)))
	}
	nov := Period{rd(1, 11, 2026), rd(30, 11, 2026)}
	year := Period{rd(1, 1, 2026), rd(31, 12, 2026)}
	for _, tc := range []struct {
		name         string
		p            Period
		asOf         Date
		rule         TargetRule
		missed, pend string // in the period's last interval
	}{
		// 30/11 is the week's last day inside November: a reception may
		// still be held and recorded today.
		{"November on 30/11", nov, rd(30, 11, 2026), RuleChairWeekly, "", "2026-W49"},
		{"2026 on 30/11", year, rd(30, 11, 2026), RuleChairWeekly, "", "2026-W49"},
		// The day after, the month's cut week is over with none held.
		{"November on 01/12", nov, rd(1, 12, 2026), RuleChairWeekly, "2026-W49", ""},
		// The secretary's November ends today: not missed yet.
		{"secretary November on 30/11", nov, rd(30, 11, 2026), RuleSecretaryMonthly, "", "2026-11"},
		{"secretary November on 01/12", nov, rd(1, 12, 2026), RuleSecretaryMonthly, "2026-11", ""},
		// No conference in 2026: on 31/12 the year can still hold one.
		{"dialogue 2026 on 31/12", year, rd(31, 12, 2026), RuleDialogueYearly, "", "2026"},
		{"dialogue 2026 on 01/01/2027", year, rd(1, 1, 2027), RuleDialogueYearly, "2026", ""},
	} {
		got := targetsFor(t, tc.p, tc.asOf, s, rows...)[tc.rule]
		last := func(l []string) string {
			if len(l) == 0 {
				return ""
			}
			return l[len(l)-1]
		}
		if tc.missed != "" && last(got.Missed) != tc.missed || tc.missed == "" && slices.Contains(got.Missed, tc.pend) {
			t.Errorf("%s: missed %v, want %q last", tc.name, got.Missed, tc.missed)
		}
		if tc.pend != "" && last(got.Pending) != tc.pend || tc.pend == "" && slices.Contains(got.Pending, tc.missed) {
			t.Errorf("%s: pending %v, want %q", tc.name, got.Pending, tc.pend)
		}
	}
}
