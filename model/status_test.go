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
