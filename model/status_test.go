package model

import "testing"

func TestChangeStatus(t *testing.T) {
	d := NewDate(2026, 6, 10)
	for _, c := range []struct {
		name     string
		from     Petition
		change   StatusChange
		handling Handling
		resolved Date
	}{
		{"returned takes the agency", Petition{Status: StatusInProgress, Handling: HandlingAccepted},
			StatusChange{To: StatusReturned, On: d, Agency: "UBND quận", DocNo: "12/CV"}, HandlingReturned, 0},
		{"resolved after returned is accepted", Petition{Status: StatusReturned, Handling: HandlingReturned},
			StatusChange{To: StatusResolved, On: d, Result: "Xong."}, HandlingAccepted, d},
		{"resolved again keeps its day", Petition{Status: StatusResolved, Handling: HandlingAccepted, ResolvedOn: d.AddDays(-3)},
			StatusChange{To: StatusResolved, On: d}, HandlingAccepted, d.AddDays(-3)},
		{"in progress takes it back", Petition{Status: StatusTransferred, Handling: HandlingTransferred, ResolvedOn: d},
			StatusChange{To: StatusInProgress, On: d}, HandlingAccepted, 0},
		{"in progress accepts an unhandled one", Petition{Status: StatusReceived},
			StatusChange{To: StatusInProgress, On: d}, HandlingAccepted, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := c.from
			c.change.By, c.change.Note = "Cán bộ A", "ghi chú"
			p.ChangeStatus(c.change)
			if p.Status != c.change.To || p.Handling != c.handling || p.ResolvedOn != c.resolved {
				t.Errorf("status %s, handling %s, resolved %s; want %s, %s, %s",
					p.Status, p.Handling, p.ResolvedOn, c.change.To, c.handling, c.resolved)
			}
			want := LogEntry{On: d, By: "Cán bộ A", Kind: LogStatus, Status: c.change.To, Text: "ghi chú"}
			if c.from.Status == c.change.To { // resolved again: no new status, the note kept
				want = LogEntry{On: d, By: "Cán bộ A", Kind: LogNote, Text: "ghi chú"}
			}
			if len(p.Log) != 1 || p.Log[0] != want {
				t.Errorf("log %+v, want [%+v]", p.Log, want)
			}
		})
	}
}

func TestLogEdit(t *testing.T) {
	d := NewDate(2026, 6, 10)
	from := &Petition{Status: StatusReceived, AssigneeUnit: "Tổ 1"}
	p := *from
	p.LogEdit(from, d, "A")
	if len(p.Log) != 0 {
		t.Fatalf("an unchanged petition logged %+v", p.Log)
	}
	p.Status, p.AssigneeOfficer = StatusInProgress, "Cán bộ B"
	p.LogEdit(from, d, "A")
	if len(p.Log) != 2 || p.Log[0].Kind != LogStatus || p.Log[0].Status != StatusInProgress ||
		p.Log[1].Kind != LogAssign || p.Log[1].Text != "Tổ 1 – Cán bộ B" {
		t.Errorf("log %+v, want a status and an assign entry", p.Log)
	}
}

func TestNextStatuses(t *testing.T) {
	for _, s := range PetitionStatuses {
		next := NextStatuses(s)
		if len(next) == 0 {
			t.Errorf("%s: nothing can follow", s)
		}
		for _, n := range next {
			if n == s && s != StatusResolved {
				t.Errorf("%s is offered as its own next status", s)
			}
		}
	}
	if n := NextStatuses(StatusInProgress); n[0] != StatusResolved {
		t.Errorf("in progress offers %v first, want resolved", n)
	}
}

func TestStatusChangeValidate(t *testing.T) {
	d := NewDate(2026, 6, 10)
	for _, c := range []struct {
		name  string
		from  PetitionStatus
		c     StatusChange
		field string
	}{
		{"resolved needs a result", StatusInProgress, StatusChange{To: StatusResolved, On: d}, "result"},
		{"resolved with a result", StatusInProgress, StatusChange{To: StatusResolved, On: d, Result: "Xong."}, ""},
		{"the same status is refused", StatusInProgress, StatusChange{To: StatusInProgress, On: d}, "status"},
		{"resolved again adds the result", StatusResolved, StatusChange{To: StatusResolved, On: d, Result: "Xong."}, ""},
		{"told before resolving", StatusInProgress, StatusChange{To: StatusResolved, On: d, Result: "Xong.", ReportedBackOn: d.AddDays(-1)}, "reported_back_on"},
		{"no date", StatusReceived, StatusChange{To: StatusInProgress}, "on"},
	} {
		errs := c.c.Validate(c.from)
		if c.field == "" && len(errs) != 0 || c.field != "" && errs.For(c.field) == "" {
			t.Errorf("%s: %v, want an error on %q", c.name, errs, c.field)
		}
	}
	p := Petition{Status: StatusResolved, ResolvedOn: d}
	p.ChangeStatus(StatusChange{To: StatusResolved, On: d.AddDays(2), Result: "Đã sửa.", ReportedBackOn: d.AddDays(2)})
	if p.Result != "Đã sửa." || p.ReportedBackOn != d.AddDays(2) || p.ResolvedOn != d {
		t.Errorf("resolved again: %+v", p)
	}
}

// Taking a petition into the ward's hands dates its acceptance the day of
// the change, and its term starts there; a date already recorded stays.
func TestChangeStatusDatesAcceptance(t *testing.T) {
	s := DefaultSettings()
	cal := NewCalendar(nil)
	p := &Petition{ReceivedOn: NewDate(2026, 3, 2), Channel: ChannelWalkIn, Classification: ClassComplaint, Name: "A", Summary: "s"}
	p.Normalize()
	p.FillDues(&s, cal)
	old := *p
	p.ChangeStatus(StatusChange{To: StatusInProgress, On: NewDate(2026, 3, 9), By: "Hà"})
	p.RefreshDues(&old, &s, cal)
	// Accepted Mon 09/03: + 30 = Wed 08/04.
	if p.AcceptedOn != NewDate(2026, 3, 9) || p.ResolutionDue != NewDate(2026, 4, 8) {
		t.Errorf("accepted %v due %v, want 09/03 and 08/04/2026", p.AcceptedOn, p.ResolutionDue)
	}
	p.ChangeStatus(StatusChange{To: StatusResolved, On: NewDate(2026, 3, 20), By: "Hà", Result: "Xong."})
	if p.AcceptedOn != NewDate(2026, 3, 9) {
		t.Errorf("resolving moved the acceptance to %v", p.AcceptedOn)
	}
}
