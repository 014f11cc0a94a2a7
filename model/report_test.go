package model

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"
	"testing"
	"time"
)

// The data set below is worked out by hand: every expected number in these
// tests is written out literally, with the reasoning beside it, and none is
// recomputed with the code under test.
//
// Period: Q1 2026 (01/01/2026–31/03/2026), reported as of Tue 14/04/2026.
// Two wards, P01 and P02. Deadlines and targets are the defaults (feedback
// answer 30 days, acknowledgement 10 working days, resolution 30 days,
// short comment window < 10 days, announce ≥ 7 days before, publish ≤ 10
// days after; secretary 2 days/month, chair 1 day/week, 1 dialogue/year).
// Working days use the default 2026 calendar: Tết is Mon 16/02–Fri 20/02.

var (
	q1     = Period{NewDate(2026, 1, 1), NewDate(2026, 3, 31)}
	asOfQ1 = NewDate(2026, 4, 14)
)

func rd(day, month, year int) Date { return NewDate(year, time.Month(month), day) }

func rmeta(id, ref, ward string) Meta { return Meta{ID: id, Ref: ref, Ward: ward} }

func rAnswered(status AnswerStatus, on Date) Point {
	return Point{Content: "ý kiến", Status: status, AnsweredOn: on, Answer: "trả lời"}
}

func rPending() Point { return Point{Content: "ý kiến", Status: AnswerPending} }

func assessed(p Point, a Assessment, on Date) Point {
	p.Assessment, p.AssessedOn, p.AssessmentNote = a, on, "nhận xét"
	return p
}

func reportSettings() *Settings {
	s := DefaultSettings()
	s.WardCode, s.WardName, s.Officer = "P01", "Phường Một", "Cán bộ"
	return &s
}

// dataset returns the rows of every record, in and out of Q1.
func dataset(t *testing.T) []Row {
	t.Helper()
	s := reportSettings()
	cal := NewCalendar(nil)
	var recs []Record
	fb := func(f *Feedback) {
		f.FillDue(s, cal)
		recs = append(recs, f)
	}
	se := func(x *Session) { recs = append(recs, x) }
	pe := func(p *Petition) {
		p.Normalize()
		p.FillDues(s, cal)
		recs = append(recs, p)
	}

	// F1 P01 05/01: front, conference, party. Answers after 10 and 20 days,
	// one point pending past its due 04/02 → overdue with 1 point.
	// Draft received 01/01, comment deadline 05/01: a 4-day window (short).
	// The giver judged the first answer satisfying (20/01), the second
	// not (30/01). The draft came from "Đảng ủy phường" (draft_sent_by).
	fb(&Feedback{Meta: rmeta("F1", "GY-2026-0001", "P01"), GivenOn: rd(5, 1, 2026),
		SourceKind: SourceFront, Form: FormConference, TargetKind: TargetParty,
		DraftReceivedOn: rd(1, 1, 2026), CommentDeadline: rd(5, 1, 2026), DraftSentBy: "Đảng ủy phường",
		Points: []Point{
			assessed(rAnswered(AnswerAccepted, rd(15, 1, 2026)), AssessSatisfied, rd(20, 1, 2026)),
			assessed(rAnswered(AnswerPartial, rd(25, 1, 2026)), AssessNotSatisfied, rd(30, 1, 2026)),
			rPending()}})
	// F2 P01 31/03 (last day of the quarter: in): citizen, written,
	// government; two points pending, due 30/04 (not yet overdue). Draft
	// window 20/03–30/03 = 10 days: not short.
	fb(&Feedback{Meta: rmeta("F2", "GY-2026-0002", "P01"), GivenOn: rd(31, 3, 2026),
		SourceKind: SourceCitizen, Form: FormWritten, TargetKind: TargetGovernment,
		DraftReceivedOn: rd(20, 3, 2026), CommentDeadline: rd(30, 3, 2026),
		Points: []Point{rPending(), rPending()}})
	// F3 P02 10/02: organisation, dialogue, individual; explained after 2 days.
	// A comment on a draft received 05/02, due 08/02: 3 days (short); no
	// sender recorded, so the sender is the target, "Chi bộ khu phố 2".
	fb(&Feedback{Meta: rmeta("F3", "GY-2026-0001", "P02"), GivenOn: rd(10, 2, 2026),
		SourceKind: SourceOrganisation, Form: FormDialogue, TargetKind: TargetIndividual, TargetName: "Chi bộ khu phố 2",
		DraftReceivedOn: rd(5, 2, 2026), CommentDeadline: rd(8, 2, 2026),
		Points: []Point{rAnswered(AnswerExplained, rd(12, 2, 2026))}})
	// F6 P02 20/01: front, supervision, government; answered after 30, 5
	// and 39 days (19/02, 25/01, 28/02) — all answered, so not overdue
	// although the last answer came after the due 19/02.
	fb(&Feedback{Meta: rmeta("F6", "GY-2026-0002", "P02"), GivenOn: rd(20, 1, 2026),
		SourceKind: SourceFront, Form: FormSupervision, TargetKind: TargetGovernment,
		Points: []Point{assessed(rAnswered(AnswerAccepted, rd(19, 2, 2026)), AssessPartly, rd(25, 2, 2026)),
			rAnswered(AnswerAccepted, rd(25, 1, 2026)), rAnswered(AnswerExplained, rd(28, 2, 2026))}})
	// F4 P02 01/04 (first day of the next quarter: out), F5 P01 31/12/2025 (out).
	fb(&Feedback{Meta: rmeta("F4", "GY-2026-0003", "P02"), GivenOn: rd(1, 4, 2026),
		SourceKind: SourceFront, Form: FormConference, TargetKind: TargetParty, Points: []Point{rPending()}})
	fb(&Feedback{Meta: rmeta("F5", "GY-2025-0009", "P01"), GivenOn: rd(31, 12, 2025),
		SourceKind: SourceFront, Form: FormConference, TargetKind: TargetParty, Points: []Point{rPending()}})

	// Sessions.
	se(&Session{Meta: rmeta("S1", "DT-2026-0001", "P01"), Type: SessionReception, HeldOn: rd(6, 1, 2026), HostRole: HostPartySecretary, Participants: 12})
	se(&Session{Meta: rmeta("S2", "DT-2026-0002", "P01"), Type: SessionReceptionAdhoc, HeldOn: rd(6, 1, 2026), HostRole: HostPartySecretary, Participants: 3})
	se(&Session{Meta: rmeta("S3", "DT-2026-0003", "P01"), Type: SessionReception, HeldOn: rd(7, 1, 2026), HostRole: HostCommitteeChair, Participants: 5})
	se(&Session{Meta: rmeta("S4", "DT-2026-0001", "P02"), Type: SessionReception, HeldOn: rd(6, 1, 2026), HostRole: HostPartySecretary, Participants: 8})
	// S5: announced 5 days before (late), published 15 days after (late).
	se(&Session{Meta: rmeta("S5", "DT-2026-0004", "P01"), Type: SessionDialogue, HeldOn: rd(15, 3, 2026), HostRole: HostCommitteeChair, Participants: 80,
		AnnouncedOn: rd(10, 3, 2026), ResultsPublishedOn: rd(30, 3, 2026)})
	// S6: announced 10 days before (on time), never published; due 02/03
	// has passed. Held at the request of voters.
	se(&Session{Meta: rmeta("S6", "DT-2026-0002", "P02"), Type: SessionDialogue, HeldOn: rd(20, 2, 2026), HostRole: HostFrontChair, Participants: 50,
		AnnouncedOn: rd(10, 2, 2026), VoterRequested: true})
	se(&Session{Meta: rmeta("S7", "DT-2026-0003", "P02"), Type: SessionConsultation, HeldOn: rd(31, 3, 2026), HostRole: HostOther, Participants: 40})
	// S9: announced exactly 7 days before, published exactly 10 days after: neither late.
	se(&Session{Meta: rmeta("S9", "DT-2026-0005", "P01"), Type: SessionDialogue, HeldOn: rd(29, 3, 2026), HostRole: HostPartySecretary, Participants: 60,
		AnnouncedOn: rd(22, 3, 2026), ResultsPublishedOn: rd(8, 4, 2026)})
	se(&Session{Meta: rmeta("S8", "DT-2026-0006", "P01"), Type: SessionReception, HeldOn: rd(1, 4, 2026), HostRole: HostPartySecretary, Participants: 7})

	// Petitions.
	// P1 P01 Wed 11/02: ack due across Tết = Wed 04/03 (12, 13/02, then
	// 23–27/02, 02–04/03); acknowledged 03/03: on time. In progress, due
	// 13/03: 32 days overdue on 14/04.
	pe(&Petition{Meta: rmeta("P1", "KN-2026-0001", "P01"), ReceivedOn: rd(11, 2, 2026), Channel: ChannelWalkIn,
		Classification: ClassComplaint, Name: "Nguyễn Văn An", Summary: "s", Status: StatusInProgress, Handling: HandlingAccepted,
		AcknowledgedOn: rd(3, 3, 2026), AssigneeUnit: "Công an phường", AssigneeOfficer: "Trần Văn Bình"})
	// P2 P02 Thu 12/02, denunciation (confidential), from session S6, 3
	// people: ack due Thu 05/03, acknowledged 06/03: late. Transferred, still
	// open, due 14/03: 31 days overdue.
	pe(&Petition{Meta: rmeta("P2", "KN-2026-0001", "P02"), ReceivedOn: rd(12, 2, 2026), Channel: ChannelSession, SessionID: "S6",
		Classification: ClassDenunciation, Name: "Lê Thị Cúc", People: 3, Summary: "s", Handling: HandlingTransferred, HandlingAgency: "Thanh tra tỉnh",
		AcknowledgedOn: rd(6, 3, 2026), AssigneeUnit: "Thanh tra tỉnh"})
	// P3 P01 Tue 06/01, proposal from session S1: ack due 20/01,
	// acknowledged 08/01. Resolved 30/01 (due 05/02: on time), reported back 02/02.
	pe(&Petition{Meta: rmeta("P3", "KN-2026-0002", "P01"), ReceivedOn: rd(6, 1, 2026), Channel: ChannelSession, SessionID: "S1",
		Classification: ClassProposal, Name: "Phạm Văn Dũng", Summary: "s", Handling: HandlingAccepted, Status: StatusResolved,
		AcknowledgedOn: rd(8, 1, 2026), ResolvedOn: rd(30, 1, 2026), ReportedBackOn: rd(2, 2, 2026)})
	// P4 P02 Tue 31/03, report by phone: ack due Tue 14/04 = as-of day, not
	// sent: pending (not late yet). Resolution due 30/04.
	pe(&Petition{Meta: rmeta("P4", "KN-2026-0002", "P02"), ReceivedOn: rd(31, 3, 2026), Channel: ChannelPhone,
		Classification: ClassReport, Name: "Hoàng Văn Em", Summary: "s"})
	// P5 P01 Mon 30/03, written complaint: ack due Mon 13/04, not sent: late.
	pe(&Petition{Meta: rmeta("P5", "KN-2026-0003", "P01"), ReceivedOn: rd(30, 3, 2026), Channel: ChannelWritten,
		Classification: ClassComplaint, Name: "Vũ Thị Giang", Summary: "s"})
	// P6 P01 Tue 20/01, report, returned with guidance (closed): ack due
	// 03/02, acknowledged 22/01; reported back 22/01. Due 19/02 but closed.
	pe(&Petition{Meta: rmeta("P6", "KN-2026-0004", "P01"), ReceivedOn: rd(20, 1, 2026), Channel: ChannelWalkIn,
		Classification: ClassReport, Name: "Đỗ Văn Hải", Summary: "s", Handling: HandlingReturned,
		AcknowledgedOn: rd(22, 1, 2026), ReportedBackOn: rd(22, 1, 2026)})
	// P9 P02 Mon 02/03, proposal from feedback F3, 15 people: ack due
	// 16/03, acknowledged 05/03. Resolved 10/04 after its due 01/04 (late),
	// reported back 12/04.
	pe(&Petition{Meta: rmeta("P9", "KN-2026-0003", "P02"), ReceivedOn: rd(2, 3, 2026), Channel: ChannelFeedback, FeedbackID: "F3", PointNo: 1,
		Classification: ClassProposal, Name: "Bùi Thị Lan", People: 15, Summary: "s", Handling: HandlingAccepted, Status: StatusResolved,
		AcknowledgedOn: rd(5, 3, 2026), ResolvedOn: rd(10, 4, 2026), ReportedBackOn: rd(12, 4, 2026)})
	// P10 P01 Mon 16/03, complaint transferred then resolved 10/04 (due
	// 15/04: on time); ack due 30/03, acknowledged 17/03; not reported back.
	pe(&Petition{Meta: rmeta("P10", "KN-2026-0005", "P01"), ReceivedOn: rd(16, 3, 2026), Channel: ChannelWalkIn,
		Classification: ClassComplaint, Name: "Ngô Văn Minh", Summary: "s", Handling: HandlingTransferred, HandlingAgency: "UBND tỉnh",
		Status: StatusResolved, AcknowledgedOn: rd(17, 3, 2026), ResolvedOn: rd(10, 4, 2026)})
	// P11 P02 Thu 15/01, complaint, other channel, in progress: ack due
	// 29/01 not sent (late); due 14/02: 59 days overdue (14 + 31 + 14).
	pe(&Petition{Meta: rmeta("P11", "KN-2026-0004", "P02"), ReceivedOn: rd(15, 1, 2026), Channel: ChannelOther,
		Classification: ClassComplaint, Name: "Trịnh Văn Nam", Summary: "s", Status: StatusInProgress, AssigneeUnit: "UBND phường"})
	// Out of the period: P7 received 01/04 (next quarter); P8 received
	// 29/12/2025, still open and overdue, but not the period's record.
	pe(&Petition{Meta: rmeta("P7", "KN-2026-0006", "P01"), ReceivedOn: rd(1, 4, 2026), Channel: ChannelWalkIn,
		Classification: ClassComplaint, Name: "Mai Văn Oanh", Summary: "s", Status: StatusInProgress})
	pe(&Petition{Meta: rmeta("P8", "KN-2025-0099", "P01"), ReceivedOn: rd(29, 12, 2025), Channel: ChannelWalkIn,
		Classification: ClassComplaint, Name: "Lý Văn Phúc", Summary: "s", Status: StatusInProgress})

	// Repeated petitions: P8 (29/12/2025) → P1 (2nd raising) → P5 (3rd)
	// → P7 (01/04, 4th, next quarter); P11 → P4 (2nd).
	byID := map[string]*Petition{}
	for _, r := range recs {
		if p, ok := r.(*Petition); ok {
			byID[p.ID] = p
		}
	}
	for _, link := range [][2]string{{"P1", "P8"}, {"P5", "P1"}, {"P7", "P5"}, {"P4", "P11"}} {
		p := byID[link[0]]
		p.RepeatOf = link[1]
		p.FollowRepeat(byID[link[1]])
	}

	// Commitments (placed by made_on).
	cm := func(c *Commitment) {
		c.Normalize()
		recs = append(recs, c)
	}
	// C1 P01 from F1 point 1, made 15/01, due 31/03, done 20/03: on time.
	cm(&Commitment{Meta: rmeta("C1", "CK-2026-0001", "P01"), MadeOn: rd(15, 1, 2026), FeedbackID: "F1", PointNo: 1,
		What: "Nạo vét cống thoát nước tổ dân phố 5 trước mùa mưa", Unit: "UBND phường", Due: rd(31, 3, 2026),
		State: CommitmentDone, DoneOn: rd(20, 3, 2026)})
	// C2 P01 from F1 point 2, made 25/01, due 28/02, done 05/03: late.
	cm(&Commitment{Meta: rmeta("C2", "CK-2026-0002", "P01"), MadeOn: rd(25, 1, 2026), FeedbackID: "F1", PointNo: 2,
		What: "Lắp đèn chiếu sáng hẻm 12", Due: rd(28, 2, 2026), State: CommitmentDone, DoneOn: rd(5, 3, 2026)})
	// C3 P01 from S5, made 15/03, due 10/04, in progress: overdue on 14/04.
	cm(&Commitment{Meta: rmeta("C3", "CK-2026-0003", "P01"), MadeOn: rd(15, 3, 2026), SessionID: "S5",
		What: "Sửa mặt đường tổ 3", Due: rd(10, 4, 2026), State: CommitmentInProgress})
	// C4 P02 from S6, made 20/02, due 14/04 (the as-of day), planned: not overdue yet.
	cm(&Commitment{Meta: rmeta("C4", "CK-2026-0001", "P02"), MadeOn: rd(20, 2, 2026), SessionID: "S6",
		What: "Công khai quy hoạch khu dân cư", Due: rd(14, 4, 2026)})
	// C5 P02 from F6 point 2, made 25/01, due 15/03, dropped: not overdue.
	cm(&Commitment{Meta: rmeta("C5", "CK-2026-0002", "P02"), MadeOn: rd(25, 1, 2026), FeedbackID: "F6", PointNo: 2,
		What: "Mở rộng chợ tạm", Due: rd(15, 3, 2026), State: CommitmentDropped, DroppedReason: "Không còn quỹ đất"})
	// C6 P01 from S9, made 29/03, due 30/06, planned.
	cm(&Commitment{Meta: rmeta("C6", "CK-2026-0004", "P01"), MadeOn: rd(29, 3, 2026), SessionID: "S9",
		What: "Trồng cây xanh tuyến đường mới", Due: rd(30, 6, 2026)})
	// Out of Q1: C7 made 01/04 (overdue on 14/04), C8 made 31/12/2025 (overdue).
	cm(&Commitment{Meta: rmeta("C7", "CK-2026-0005", "P01"), MadeOn: rd(1, 4, 2026), SessionID: "S8",
		What: "Kiểm tra hệ thống nước", Due: rd(5, 4, 2026)})
	cm(&Commitment{Meta: rmeta("C8", "CK-2025-0001", "P01"), MadeOn: rd(31, 12, 2025), SessionID: "S1",
		What: "Dọn rác khu chợ", Due: rd(15, 1, 2026), State: CommitmentInProgress})

	// Information owed to the Front (placed by due_on).
	in := func(i *Information) {
		i.Normalize()
		recs = append(recs, i)
	}
	// I1 P01 plan, due 15/01, provided 10/01: on time.
	in(&Information{Meta: rmeta("I1", "TT-2026-0001", "P01"), Item: "Kế hoạch công tác năm 2026", Category: InfoPlan,
		OwedBy: TargetParty, DueOn: rd(15, 1, 2026), ProvidedOn: rd(10, 1, 2026), How: InfoWritten})
	// I2 P01 inspection, due 28/02, provided 10/03: late.
	in(&Information{Meta: rmeta("I2", "TT-2026-0002", "P01"), Item: "Kết luận thanh tra đất đai", Category: InfoInspection,
		OwedBy: TargetGovernment, DueOn: rd(28, 2, 2026), ProvidedOn: rd(10, 3, 2026), How: InfoMeeting})
	// I3 P02 discipline, due 20/03, not provided: overdue.
	in(&Information{Meta: rmeta("I3", "TT-2026-0001", "P02"), Item: "Kết quả xử lý kỷ luật", Category: InfoDiscipline,
		OwedBy: TargetParty, DueOn: rd(20, 3, 2026)})
	// I4 P02 draft, due 31/03, not provided: overdue.
	in(&Information{Meta: rmeta("I4", "TT-2026-0002", "P02"), Item: "Dự thảo quy hoạch", Category: InfoDraft,
		OwedBy: TargetGovernment, DueOn: rd(31, 3, 2026)})
	// Out of Q1: I5 due 01/04; I6 due 31/12/2025.
	in(&Information{Meta: rmeta("I5", "TT-2026-0003", "P01"), Item: "Khen thưởng", Category: InfoCommendation,
		OwedBy: TargetGovernment, DueOn: rd(1, 4, 2026)})
	in(&Information{Meta: rmeta("I6", "TT-2025-0001", "P01"), Item: "Khác", Category: InfoOther,
		OwedBy: TargetParty, DueOn: rd(31, 12, 2025)})

	rows := make([]Row, len(recs))
	for i, r := range recs {
		rows[i] = RowOf(r)
	}
	return rows
}

func rowByID(rows []Row, id string) *Row {
	for i := range rows {
		if rows[i].ID == id {
			return &rows[i]
		}
	}
	return nil
}

func TestDatasetDeadlines(t *testing.T) {
	rows := dataset(t)
	for id, want := range map[string]Date{
		// Complaints: 10 calendar days, moved off a day off: P1 21/02 (Sat)
		// → Mon 23/02; P5 09/04; P10 26/03; P11 25/01 (Sun) → 26/01.
		"P1": rd(23, 2, 2026), "P5": rd(9, 4, 2026), "P10": rd(26, 3, 2026), "P11": rd(26, 1, 2026),
		// Denunciation P2 (Thu 12/02): 7 working days: 13/02, then Tết
		// and a weekend, 23–27/02 (6), 02/03 (7).
		"P2": rd(2, 3, 2026),
		// Proposals and reports: 10 working days.
		"P3": rd(20, 1, 2026), "P4": rd(14, 4, 2026), "P6": rd(3, 2, 2026), "P9": rd(16, 3, 2026),
	} {
		if got := rowByID(rows, id).AckDue; got != want {
			t.Errorf("%s ack due = %v, want %v", id, got, want)
		}
	}
	for id, want := range map[string]Date{
		// P1 and P11 are in progress, so accepted (on receipt, no date
		// recorded): 30 days. P11 15/01 → 14/02 (Sat) → past Tết → 23/02.
		// P2 and P10 were transferred, never accepted here: no due.
		"P1": rd(13, 3, 2026), "P2": 0, "P3": rd(5, 2, 2026), "P9": rd(1, 4, 2026),
		"P10": 0, "P11": rd(23, 2, 2026),
		// F2 31/03 + 30 = 30/04, a holiday, then 01/05 and a weekend: 04/05.
		"F1": rd(4, 2, 2026), "F2": rd(4, 5, 2026),
	} {
		if got := rowByID(rows, id).Due; got != want {
			t.Errorf("%s due = %v, want %v", id, got, want)
		}
	}
}

// flatten turns a report's JSON into "feedback.by_status.pending" → value,
// so the test checks the printed shape and every figure at once.
func flatten(t *testing.T, v any) map[string]any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var tree any
	if err := json.Unmarshal(b, &tree); err != nil {
		t.Fatal(err)
	}
	out := map[string]any{}
	var walk func(prefix string, v any)
	walk = func(prefix string, v any) {
		switch x := v.(type) {
		case map[string]any:
			if len(x) == 0 {
				out[prefix] = "{}"
			}
			for k, e := range x {
				walk(strings.TrimPrefix(prefix+"."+k, "."), e)
			}
		case []any:
			if len(x) == 0 {
				out[prefix] = "[]"
			}
			for i, e := range x {
				walk(fmt.Sprintf("%s.%d", prefix, i), e)
			}
		default:
			out[prefix] = x
		}
	}
	walk("", tree)
	return out
}

// checkFigures compares every flattened figure under prefix with want; a
// figure present in the report but not in want is an error too.
func checkFigures(t *testing.T, got map[string]any, prefix string, want map[string]any) {
	t.Helper()
	var keys []string
	for k := range got {
		if strings.HasPrefix(k, prefix) {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		w, ok := want[strings.TrimPrefix(k, prefix)]
		if !ok {
			t.Errorf("%s = %v: not worked out in the test", k, got[k])
			continue
		}
		if !same(got[k], w) {
			t.Errorf("%s = %v, want %v", k, got[k], w)
		}
	}
	for k := range want {
		if _, ok := got[prefix+k]; !ok {
			t.Errorf("%s missing from the report", prefix+k)
		}
	}
}

func checkWard(t *testing.T, got map[string]any, prefix string, want map[string]any, targets func(map[string]any)) {
	t.Helper()
	targets(want)
	checkFigures(t, got, prefix, want)
}

func same(got, want any) bool {
	switch w := want.(type) {
	case int:
		g, ok := got.(float64)
		return ok && g == float64(w)
	case float64:
		g, ok := got.(float64)
		return ok && math.Abs(g-w) < 1e-9
	case nil:
		return got == nil
	default:
		return got == want
	}
}

// Q1 2026 for both wards together.
var wantQ1 = map[string]any{
	// F1, F2, F3, F6 (F4 is 01/04, F5 is 31/12/2025).
	"feedback.total": 4, "feedback.points": 9, // 3 + 2 + 1 + 3
	"feedback.by_state.pending": 1, "feedback.by_state.partly": 1, "feedback.by_state.answered": 2, // F2; F1; F3, F6
	"feedback.by_status.pending": 3, "feedback.by_status.accepted": 3, // F1+F2×2; F1+F6×2
	"feedback.by_status.partial": 1, "feedback.by_status.explained": 2, // F1; F3+F6
	"feedback.answered":           6,
	"feedback.acceptance_rate":    4.0 / 6, // (3 accepted + 1 partial) / 6 answered
	"feedback.median_answer_days": 15.0,    // 2 5 10 20 30 39 → (10+20)/2
	"feedback.by_source.front":    2, "feedback.by_source.organisation": 1, "feedback.by_source.citizen": 1, "feedback.by_source.other": 0,
	"feedback.points_by_source.front": 6, "feedback.points_by_source.organisation": 1, "feedback.points_by_source.citizen": 2, "feedback.points_by_source.other": 0,
	"feedback.by_form.conference": 1, "feedback.by_form.written": 1, "feedback.by_form.direct": 0, "feedback.by_form.supervision": 1,
	"feedback.by_form.inspection_board": 0, "feedback.by_form.dialogue": 1, "feedback.by_form.other": 0,
	"feedback.points_by_form.conference": 3, "feedback.points_by_form.written": 2, "feedback.points_by_form.direct": 0, "feedback.points_by_form.supervision": 3,
	"feedback.points_by_form.inspection_board": 0, "feedback.points_by_form.dialogue": 1, "feedback.points_by_form.other": 0,
	"feedback.by_target.party": 1, "feedback.by_target.government": 2, "feedback.by_target.individual": 1,
	"feedback.points_by_target.party": 3, "feedback.points_by_target.government": 5, "feedback.points_by_target.individual": 1,
	"feedback.overdue": 1, "feedback.overdue_points": 1, // F1
	"feedback.drafts": 3, "feedback.short_comment_window": 2, // F1 (4 days), F2 (10 days), F3 (3 days)
	"feedback.short_comment_window_by_sender.Đảng ủy phường":   1, // F1, draft_sent_by
	"feedback.short_comment_window_by_sender.Chi bộ khu phố 2": 1, // F3, its target
	// Answered points: F1 1 (satisfied) 2 (not); F3 1; F6 1 (partly) 2 3.
	"feedback.assessment.satisfied": 1, "feedback.assessment.partly": 1, "feedback.assessment.not_satisfied": 1, "feedback.assessment.none": 3,

	// S1 S2 S3 S4 S5 S6 S7 S9 (S8 is 01/04).
	"sessions.total":            8,
	"sessions.by_kind.dialogue": 3, "sessions.by_kind.reception": 3, "sessions.by_kind.reception_adhoc": 1, "sessions.by_kind.consultation": 1,
	"sessions.by_host.party_secretary": 4, "sessions.by_host.committee_chair": 2, "sessions.by_host.front_chair": 1, "sessions.by_host.other": 1,
	"sessions.participants":              258, // 12+3+5+8+80+50+40+60
	"sessions.matters_raised":            2,   // P2, P3
	"sessions.dialogues_announced_late":  1,   // S5
	"sessions.dialogues_published_late":  2,   // S5, S6
	"sessions.dialogues_voter_requested": 1,   // S6

	// P1 P2 P3 P4 P5 P6 P9 P10 P11 (P7 is 01/04, P8 is 2025).
	"petitions.total":              9,
	"petitions.people":             25,                                                                         // 7 × 1 + 3 (P2) + 15 (P9)
	"petitions.by_status.received": 2, "petitions.by_status.in_progress": 2, "petitions.by_status.resolved": 3, // P4 P5; P1 P11; P3 P9 P10
	"petitions.by_status.returned": 1, "petitions.by_status.transferred": 1, // P6; P2
	"petitions.by_classification.complaint": 4, "petitions.by_classification.denunciation": 1, // P1 P5 P10 P11; P2
	"petitions.by_classification.proposal": 2, "petitions.by_classification.report": 2, // P3 P9; P4 P6
	"petitions.by_channel.session": 2, "petitions.by_channel.feedback": 1, "petitions.by_channel.walk_in": 3,
	"petitions.by_channel.written": 1, "petitions.by_channel.phone": 1, "petitions.by_channel.other": 1,
	"petitions.ack_on_time": 4, "petitions.ack_late": 4, "petitions.ack_pending": 1, // P3 P6 P9 P10; P1 P2 P5 P11; P4
	"petitions.resolved": 3, "petitions.resolved_on_time": 2, // P3 P10 (P9 late)
	"petitions.reported_back": 3, // P3 P6 P9
	// P11 and P1 past their resolution dues; P5 past its acceptance due
	// with no decision. P2, transferred and never accepted here, has no
	// resolution due of its own.
	"petitions.overdue": 3, "petitions.overdue_unaccepted": 1, // P5
	"petitions.unaccepted":             2, // P4 P5
	"petitions.repeated":               3, // P1 (2nd), P5 (3rd), P4 (2nd); P7 is Q2
	"petitions.matters_raised_3_times": 1, // P8's matter, by P5

	// C1–C6 (C7 is 01/04, C8 is 2025).
	"commitments.total": 6, "commitments.by_status.planned": 2, "commitments.by_status.in_progress": 1, // C4 C6; C3
	"commitments.by_status.done": 2, "commitments.by_status.dropped": 1, // C1 C2; C5
	"commitments.from_feedback": 3, "commitments.from_sessions": 3, // C1 C2 C5; C3 C4 C6
	"commitments.done_on_time": 1, "commitments.overdue": 1, // C1 (C2 late); C3 (C4 due today)
	// I1–I4 (I5 due 01/04, I6 2025).
	"information.total": 4, "information.by_category.plan": 1, "information.by_category.inspection": 1,
	"information.by_category.commendation": 0, "information.by_category.discipline": 1, "information.by_category.draft": 1,
	"information.by_category.other": 0,
	"information.provided":          2, "information.provided_on_time": 1, "information.overdue": 2, // I1 I2; I1; I3 I4
	"petitions.overdue_list.0.id": "P11", "petitions.overdue_list.0.ref": "KN-2026-0004", "petitions.overdue_list.0.ward": "P02",
	"petitions.overdue_list.0.received_on": "2026-01-15", "petitions.overdue_list.0.due": "2026-02-23", "petitions.overdue_list.0.days_overdue": 50,
	"petitions.overdue_list.0.status": "in_progress", "petitions.overdue_list.0.classification": "complaint", "petitions.overdue_list.0.assignee": "UBND phường",
	"petitions.overdue_list.0.kind": "resolution",
	"petitions.overdue_list.1.id":   "P1", "petitions.overdue_list.1.ref": "KN-2026-0001", "petitions.overdue_list.1.ward": "P01",
	"petitions.overdue_list.1.received_on": "2026-02-11", "petitions.overdue_list.1.due": "2026-03-13", "petitions.overdue_list.1.days_overdue": 32,
	"petitions.overdue_list.1.status": "in_progress", "petitions.overdue_list.1.classification": "complaint", "petitions.overdue_list.1.assignee": "Công an phường – Trần Văn Bình",
	"petitions.overdue_list.1.kind": "resolution",
	"petitions.overdue_list.2.id":   "P5", "petitions.overdue_list.2.ref": "KN-2026-0003", "petitions.overdue_list.2.ward": "P01",
	"petitions.overdue_list.2.received_on": "2026-03-30", "petitions.overdue_list.2.due": "2026-04-09", "petitions.overdue_list.2.days_overdue": 5,
	"petitions.overdue_list.2.status": "received", "petitions.overdue_list.2.classification": "complaint", "petitions.overdue_list.2.assignee": "",
	"petitions.overdue_list.2.kind": "acceptance",
}

// Q1's weeks for the chair (Mon–Sun, ISO numbers): 2026-W01 is
// 29/12/2025–04/01/2026, of which the quarter holds 01/01 (a holiday) and
// Fri 02/01 (worked): counted. W08 is 16–22/02, Tết Mon–Fri then a
// weekend: no working day, not counted. W14 is 30/03–05/04, of which the
// quarter holds 30–31/03. So W01–W07 and W09–W14: 13 weeks.
var q1Weeks = []string{"2026-W01", "2026-W02", "2026-W03", "2026-W04", "2026-W05", "2026-W06", "2026-W07",
	"2026-W09", "2026-W10", "2026-W11", "2026-W12", "2026-W13", "2026-W14"}

// targetWant flattens one target's expected result as the report's JSON
// prints it, at "targets.<i>.".
// wards is {wards judged, wards whose own state is met}.
func targetWant(into map[string]any, i int, rule string, per, required, held, days, adhoc int, state string, missed []string, wards [2]int) {
	k := "targets." + fmt.Sprint(i) + "."
	into[k+"wards_judged"], into[k+"wards_met"] = wards[0], wards[1]
	into[k+"rule"], into[k+"per"], into[k+"required"], into[k+"held"] = rule, per, required, held
	into[k+"days"], into[k+"ad_hoc_days"], into[k+"state"], into[k+"met"] = days, adhoc, state, state == TargetMet
	into[k+"pending"] = "[]"
	if len(missed) == 0 {
		into[k+"missed"] = "[]"
	}
	for j, m := range missed {
		into[k+"missed."+fmt.Sprint(j)] = m
	}
}

func prefixed(p string, l []string) []string {
	out := make([]string, len(l))
	for i, v := range l {
		out[i] = p + v
	}
	return out
}

func init() {
	// Chair: P01 held one periodic reception, 07/01 (S3, W02); P02 none.
	p01Chair := append([]string{"2026-W01"}, q1Weeks[2:]...)
	targetWant(wantQ1, 0, "chair_weekly", 1, 26, 1, 1, 0, TargetMissed,
		append(prefixed("P01 ", p01Chair), prefixed("P02 ", q1Weeks)...), [2]int{2, 0})
	// Secretary: one periodic day each (06/01; P01's S2 that day is
	// ad-hoc and only shown): every month short of 2.
	months := []string{"2026-01", "2026-02", "2026-03"}
	targetWant(wantQ1, 1, "secretary_monthly", 2, 6, 0, 2, 1, TargetMissed,
		append(prefixed("P01 ", months), prefixed("P02 ", months)...), [2]int{2, 0})
	// Dialogue: P01 S5 and S9, P02 S6: both wards' year 2026 met.
	targetWant(wantQ1, 2, "dialogue_yearly", 1, 2, 2, 3, 0, TargetMet, nil, [2]int{2, 2})
}

func TestReportQ1(t *testing.T) {
	a := NewAggregator(q1, asOfQ1, reportSettings())
	for _, r := range dataset(t) {
		a.Add(&r)
	}
	got := flatten(t, a.Result())
	want := map[string]any{"period.from": "2026-01-01", "period.to": "2026-03-31", "as_of": "2026-04-14"}
	for k, v := range wantQ1 {
		want[k] = v
	}
	checkFigures(t, got, "", want)
}

func TestReportByWard(t *testing.T) {
	a := NewWardAggregator(q1, asOfQ1, reportSettings())
	for _, r := range dataset(t) {
		a.Add(&r)
	}
	got := flatten(t, a.Result())
	// The total is the same as without --by-ward.
	for k, v := range wantQ1 {
		if !same(got[k], v) {
			t.Errorf("total %s = %v, want %v", k, got[k], v)
		}
	}
	checkWard(t, got, "wards.0.", map[string]any{
		"ward": "P01",
		// F1, F2
		"feedback.total": 2, "feedback.points": 5,
		"feedback.by_state.pending": 1, "feedback.by_state.partly": 1, "feedback.by_state.answered": 0,
		"feedback.by_status.pending": 3, "feedback.by_status.accepted": 1, "feedback.by_status.partial": 1, "feedback.by_status.explained": 0,
		"feedback.answered": 2, "feedback.acceptance_rate": 1.0, "feedback.median_answer_days": 15.0, // 10 20
		"feedback.by_source.front": 1, "feedback.by_source.organisation": 0, "feedback.by_source.citizen": 1, "feedback.by_source.other": 0,
		"feedback.points_by_source.front": 3, "feedback.points_by_source.organisation": 0, "feedback.points_by_source.citizen": 2, "feedback.points_by_source.other": 0,
		"feedback.by_form.conference": 1, "feedback.by_form.written": 1, "feedback.by_form.direct": 0, "feedback.by_form.supervision": 0,
		"feedback.by_form.inspection_board": 0, "feedback.by_form.dialogue": 0, "feedback.by_form.other": 0,
		"feedback.points_by_form.conference": 3, "feedback.points_by_form.written": 2, "feedback.points_by_form.direct": 0, "feedback.points_by_form.supervision": 0,
		"feedback.points_by_form.inspection_board": 0, "feedback.points_by_form.dialogue": 0, "feedback.points_by_form.other": 0,
		"feedback.by_target.party": 1, "feedback.by_target.government": 1, "feedback.by_target.individual": 0,
		"feedback.points_by_target.party": 3, "feedback.points_by_target.government": 2, "feedback.points_by_target.individual": 0,
		"feedback.overdue": 1, "feedback.overdue_points": 1, "feedback.drafts": 2, "feedback.short_comment_window": 1,
		"feedback.short_comment_window_by_sender.Đảng ủy phường": 1,
		"feedback.assessment.satisfied":                          1, "feedback.assessment.partly": 0, "feedback.assessment.not_satisfied": 1, "feedback.assessment.none": 0,
		// S1 S2 S3 S5 S9
		"sessions.total": 5, "sessions.by_kind.dialogue": 2, "sessions.by_kind.reception": 2, "sessions.by_kind.reception_adhoc": 1, "sessions.by_kind.consultation": 0,
		"sessions.by_host.party_secretary": 3, "sessions.by_host.committee_chair": 2, "sessions.by_host.front_chair": 0, "sessions.by_host.other": 0,
		"sessions.participants": 160, "sessions.matters_raised": 1, // 12+3+5+80+60; P3
		"sessions.dialogues_announced_late": 1, "sessions.dialogues_published_late": 1,
		"sessions.dialogues_voter_requested": 0,
		// P1 P3 P5 P6 P10
		"petitions.total": 5, "petitions.people": 5,
		"petitions.by_status.received": 1, "petitions.by_status.in_progress": 1, "petitions.by_status.resolved": 2,
		"petitions.by_status.returned": 1, "petitions.by_status.transferred": 0,
		"petitions.by_classification.complaint": 3, "petitions.by_classification.denunciation": 0,
		"petitions.by_classification.proposal": 1, "petitions.by_classification.report": 1,
		"petitions.by_channel.session": 1, "petitions.by_channel.feedback": 0, "petitions.by_channel.walk_in": 3,
		"petitions.by_channel.written": 1, "petitions.by_channel.phone": 0, "petitions.by_channel.other": 0,
		"petitions.ack_on_time": 3, "petitions.ack_late": 2, "petitions.ack_pending": 0, // P3 P6 P10; P1 P5
		"petitions.resolved": 2, "petitions.resolved_on_time": 2, "petitions.reported_back": 2, // P3 P10; P3 P6
		"petitions.overdue": 2, "petitions.overdue_unaccepted": 1, "petitions.unaccepted": 1, // P1 P5; P5; P5
		"petitions.repeated": 2, "petitions.matters_raised_3_times": 1, // P1 P5; P8's
		// C1 C2 C3 C6
		"commitments.total": 4, "commitments.by_status.planned": 1, "commitments.by_status.in_progress": 1,
		"commitments.by_status.done": 2, "commitments.by_status.dropped": 0,
		"commitments.from_feedback": 2, "commitments.from_sessions": 2, "commitments.done_on_time": 1, "commitments.overdue": 1,
		// I1 I2
		"information.total": 2, "information.by_category.plan": 1, "information.by_category.inspection": 1,
		"information.by_category.commendation": 0, "information.by_category.discipline": 0, "information.by_category.draft": 0,
		"information.by_category.other": 0, "information.provided": 2, "information.provided_on_time": 1, "information.overdue": 0,
		"petitions.overdue_list.0.id": "P1", "petitions.overdue_list.0.ref": "KN-2026-0001", "petitions.overdue_list.0.ward": "P01",
		"petitions.overdue_list.0.received_on": "2026-02-11", "petitions.overdue_list.0.due": "2026-03-13", "petitions.overdue_list.0.days_overdue": 32,
		"petitions.overdue_list.0.status": "in_progress", "petitions.overdue_list.0.classification": "complaint", "petitions.overdue_list.0.assignee": "Công an phường – Trần Văn Bình",
		"petitions.overdue_list.0.kind": "resolution",
		"petitions.overdue_list.1.id":   "P5", "petitions.overdue_list.1.ref": "KN-2026-0003", "petitions.overdue_list.1.ward": "P01",
		"petitions.overdue_list.1.received_on": "2026-03-30", "petitions.overdue_list.1.due": "2026-04-09", "petitions.overdue_list.1.days_overdue": 5,
		"petitions.overdue_list.1.status": "received", "petitions.overdue_list.1.classification": "complaint", "petitions.overdue_list.1.assignee": "",
		"petitions.overdue_list.1.kind": "acceptance",
	}, func(w map[string]any) {
		// One ward: its intervals are not prefixed.
		targetWant(w, 0, "chair_weekly", 1, 13, 1, 1, 0, TargetMissed, append([]string{"2026-W01"}, q1Weeks[2:]...), [2]int{1, 0})
		targetWant(w, 1, "secretary_monthly", 2, 3, 0, 1, 1, TargetMissed, []string{"2026-01", "2026-02", "2026-03"}, [2]int{1, 0})
		targetWant(w, 2, "dialogue_yearly", 1, 1, 1, 2, 0, TargetMet, nil, [2]int{1, 1})
	})
	checkWard(t, got, "wards.1.", map[string]any{
		"ward": "P02",
		// F3, F6
		"feedback.total": 2, "feedback.points": 4,
		"feedback.by_state.pending": 0, "feedback.by_state.partly": 0, "feedback.by_state.answered": 2,
		"feedback.by_status.pending": 0, "feedback.by_status.accepted": 2, "feedback.by_status.partial": 0, "feedback.by_status.explained": 2,
		"feedback.answered": 4, "feedback.acceptance_rate": 0.5, "feedback.median_answer_days": 17.5, // 2 5 30 39
		"feedback.by_source.front": 1, "feedback.by_source.organisation": 1, "feedback.by_source.citizen": 0, "feedback.by_source.other": 0,
		"feedback.points_by_source.front": 3, "feedback.points_by_source.organisation": 1, "feedback.points_by_source.citizen": 0, "feedback.points_by_source.other": 0,
		"feedback.by_form.conference": 0, "feedback.by_form.written": 0, "feedback.by_form.direct": 0, "feedback.by_form.supervision": 1,
		"feedback.by_form.inspection_board": 0, "feedback.by_form.dialogue": 1, "feedback.by_form.other": 0,
		"feedback.points_by_form.conference": 0, "feedback.points_by_form.written": 0, "feedback.points_by_form.direct": 0, "feedback.points_by_form.supervision": 3,
		"feedback.points_by_form.inspection_board": 0, "feedback.points_by_form.dialogue": 1, "feedback.points_by_form.other": 0,
		"feedback.by_target.party": 0, "feedback.by_target.government": 1, "feedback.by_target.individual": 1,
		"feedback.points_by_target.party": 0, "feedback.points_by_target.government": 3, "feedback.points_by_target.individual": 1,
		"feedback.overdue": 0, "feedback.overdue_points": 0, "feedback.drafts": 1, "feedback.short_comment_window": 1, // F3
		"feedback.short_comment_window_by_sender.Chi bộ khu phố 2": 1,
		"feedback.assessment.satisfied":                            0, "feedback.assessment.partly": 1, "feedback.assessment.not_satisfied": 0, "feedback.assessment.none": 3,
		// S4 S6 S7
		"sessions.total": 3, "sessions.by_kind.dialogue": 1, "sessions.by_kind.reception": 1, "sessions.by_kind.reception_adhoc": 0, "sessions.by_kind.consultation": 1,
		"sessions.by_host.party_secretary": 1, "sessions.by_host.committee_chair": 0, "sessions.by_host.front_chair": 1, "sessions.by_host.other": 1,
		"sessions.participants": 98, "sessions.matters_raised": 1, // 8+50+40; P2
		"sessions.dialogues_announced_late": 0, "sessions.dialogues_published_late": 1,
		"sessions.dialogues_voter_requested": 1,
		// P2 P4 P9 P11
		"petitions.total": 4, "petitions.people": 20, // 3 + 1 + 15 + 1
		"petitions.by_status.received": 1, "petitions.by_status.in_progress": 1, "petitions.by_status.resolved": 1,
		"petitions.by_status.returned": 0, "petitions.by_status.transferred": 1,
		"petitions.by_classification.complaint": 1, "petitions.by_classification.denunciation": 1,
		"petitions.by_classification.proposal": 1, "petitions.by_classification.report": 1,
		"petitions.by_channel.session": 1, "petitions.by_channel.feedback": 1, "petitions.by_channel.walk_in": 0,
		"petitions.by_channel.written": 0, "petitions.by_channel.phone": 1, "petitions.by_channel.other": 1,
		"petitions.ack_on_time": 1, "petitions.ack_late": 2, "petitions.ack_pending": 1, // P9; P2 P11; P4
		"petitions.resolved": 1, "petitions.resolved_on_time": 0, "petitions.reported_back": 1, // P9 late
		"petitions.overdue": 1, "petitions.overdue_unaccepted": 0, "petitions.unaccepted": 1, // P11; -; P4
		"petitions.repeated": 1, "petitions.matters_raised_3_times": 0, // P4
		// C4 C5
		"commitments.total": 2, "commitments.by_status.planned": 1, "commitments.by_status.in_progress": 0,
		"commitments.by_status.done": 0, "commitments.by_status.dropped": 1,
		"commitments.from_feedback": 1, "commitments.from_sessions": 1, "commitments.done_on_time": 0, "commitments.overdue": 0,
		// I3 I4
		"information.total": 2, "information.by_category.plan": 0, "information.by_category.inspection": 0,
		"information.by_category.commendation": 0, "information.by_category.discipline": 1, "information.by_category.draft": 1,
		"information.by_category.other": 0, "information.provided": 0, "information.provided_on_time": 0, "information.overdue": 2,
		"petitions.overdue_list.0.id": "P11", "petitions.overdue_list.0.ref": "KN-2026-0004", "petitions.overdue_list.0.ward": "P02",
		"petitions.overdue_list.0.received_on": "2026-01-15", "petitions.overdue_list.0.due": "2026-02-23", "petitions.overdue_list.0.days_overdue": 50,
		"petitions.overdue_list.0.status": "in_progress", "petitions.overdue_list.0.classification": "complaint", "petitions.overdue_list.0.assignee": "UBND phường",
		"petitions.overdue_list.0.kind": "resolution",
	}, func(w map[string]any) {
		targetWant(w, 0, "chair_weekly", 1, 13, 0, 0, 0, TargetMissed, q1Weeks, [2]int{1, 0})
		targetWant(w, 1, "secretary_monthly", 2, 3, 0, 1, 0, TargetMissed, []string{"2026-01", "2026-02", "2026-03"}, [2]int{1, 0})
		targetWant(w, 2, "dialogue_yearly", 1, 1, 1, 1, 0, TargetMet, nil, [2]int{1, 1})
	})
	if _, ok := got["wards.2.ward"]; ok {
		t.Error("a third ward appeared")
	}
}

// The next quarter picks up what Q1 left out: F4 (01/04), S8 (01/04), P7 (01/04).
func TestReportNextQuarterEdge(t *testing.T) {
	a := NewAggregator(Period{rd(1, 4, 2026), rd(30, 6, 2026)}, rd(1, 7, 2026), reportSettings())
	for _, r := range dataset(t) {
		a.Add(&r)
	}
	r := a.Result()
	if r.Feedback.Total != 1 || r.Sessions.Total != 1 || r.Petitions.Total != 1 {
		t.Errorf("Q2 totals = %d %d %d, want 1 1 1", r.Feedback.Total, r.Sessions.Total, r.Petitions.Total)
	}
	// S8 (01/04) is P01's only secretary reception in Q2: one day in
	// April, none in May or June; P02 (F4 is its record) none. Each of the
	// two wards misses 3 months.
	sec := TargetOf(r.Targets, RuleSecretaryMonthly)
	if sec.Required != 6 || sec.Held != 0 || sec.Days != 1 || len(sec.Missed) != 6 || sec.Missed[0] != "P01 2026-04" {
		t.Errorf("Q2 secretary = %+v", sec)
	}
	// Weeks 2026-W14 (30/03–05/04, the period holds 01–03/04) to W27
	// (29/06–05/07, the period holds 29–30/06): 14 weeks, none with a
	// working day short (W18 has 27/04, 30/04 and 01/05 off but 28–29/04
	// worked). 2 wards × 14, none held.
	if chair := TargetOf(r.Targets, RuleChairWeekly); chair.Required != 28 || chair.Held != 0 {
		t.Errorf("Q2 chair = %+v", chair)
	}
	// The dialogue target looks back to 1 January: P01 held S5 and S9,
	// P02 S6, all in Q1; the year 2026 is not over on 30/06 but met.
	if dlg := TargetOf(r.Targets, RuleDialogueYearly); dlg.Required != 2 || dlg.Held != 2 || !dlg.Met || dlg.Days != 0 {
		t.Errorf("Q2 dialogue = %+v", dlg)
	}
	// F4 due 01/05 (a holiday; then 02–03/05 a weekend: 04/05) pending on
	// 01/07: overdue. P7, a complaint in progress accepted on receipt
	// 01/04: due 01/05 → 04/05 likewise, 58 days overdue on 01/07.
	if r.Feedback.Overdue != 1 || r.Petitions.Overdue != 1 || r.Petitions.OverdueList[0].DaysOverdue != 58 {
		t.Errorf("Q2 overdue = %d %d %+v", r.Feedback.Overdue, r.Petitions.Overdue, r.Petitions.OverdueList)
	}
}

func TestReportLeapDay(t *testing.T) {
	s := reportSettings()
	f := &Feedback{Meta: rmeta("L1", "GY-2028-0001", "P01"), GivenOn: rd(29, 2, 2028), SourceKind: SourceFront,
		Form: FormWritten, TargetKind: TargetParty, Points: []Point{rAnswered(AnswerAccepted, rd(1, 3, 2028))}}
	f.FillDue(s, NewCalendar(nil))
	se := &Session{Meta: rmeta("L2", "DT-2028-0001", "P01"), Type: SessionReception, HeldOn: rd(29, 2, 2028), HostRole: HostPartySecretary}
	p := &Petition{Meta: rmeta("L3", "KN-2028-0001", "P01"), ReceivedOn: rd(1, 3, 2028), Channel: ChannelWalkIn,
		Classification: ClassReport, Name: "A", Summary: "s"}
	p.Normalize()
	rows := []Row{RowOf(f), RowOf(se), RowOf(p)}

	feb := NewAggregator(Period{rd(1, 2, 2028), rd(29, 2, 2028)}, rd(1, 3, 2028), s)
	for _, r := range rows {
		feb.Add(&r)
	}
	r := feb.Result()
	if r.Feedback.Total != 1 || r.Sessions.Total != 1 || r.Petitions.Total != 0 {
		t.Errorf("Feb 2028 totals = %d %d %d, want 1 1 0", r.Feedback.Total, r.Sessions.Total, r.Petitions.Total)
	}
	// Answered on 01/03/2028: one day after 29/02.
	if r.Feedback.MedianAnswerDays == nil || *r.Feedback.MedianAnswerDays != 1 {
		t.Errorf("median = %v, want 1", r.Feedback.MedianAnswerDays)
	}
	// The secretary's one periodic day (29/02) misses February's two.
	// The chair's weeks: Tue 01/02/2028 is in 2028-W05 (31/01–06/02), the
	// last days 28–29/02 in W09: five weeks, none held. (Tết 2028 is
	// 25–29/01, outside the month.)
	sec, chair := TargetOf(r.Targets, RuleSecretaryMonthly), TargetOf(r.Targets, RuleChairWeekly)
	if sec.Required != 1 || sec.Held != 0 || sec.Days != 1 || strings.Join(sec.Missed, ",") != "2028-02" {
		t.Errorf("Feb 2028 secretary = %+v", sec)
	}
	if chair.Required != 5 || chair.Held != 0 || strings.Join(chair.Missed, ",") != "2028-W05,2028-W06,2028-W07,2028-W08,2028-W09" {
		t.Errorf("Feb 2028 chair = %+v", chair)
	}
}

// --by-ward always prints "wards", an empty array when no ward has records;
// without it there is no "wards" key.
func TestWardsKey(t *testing.T) {
	b, _ := json.Marshal(NewWardAggregator(q1, asOfQ1, reportSettings()).Result())
	if !strings.Contains(string(b), `"wards":[]`) {
		t.Errorf("by-ward json lacks an empty wards array: %s", b)
	}
	b, _ = json.Marshal(NewAggregator(q1, asOfQ1, reportSettings()).Result())
	if strings.Contains(string(b), `"wards"`) {
		t.Errorf("plain json has wards: %s", b)
	}
}

func TestReportEmpty(t *testing.T) {
	r := NewAggregator(q1, asOfQ1, reportSettings()).Result()
	got := flatten(t, r)
	for k, want := range map[string]any{
		"feedback.total": 0, "feedback.acceptance_rate": nil, "feedback.median_answer_days": nil,
		"petitions.overdue_list": "[]", "feedback.by_status.pending": 0, "petitions.by_status.transferred": 0,
	} {
		if !same(got[k], want) {
			t.Errorf("%s = %v, want %v", k, got[k], want)
		}
	}
}

// A value from outside the enum (a newer gopy, a hand-edited import) is
// counted, not dropped, so the parts add up to the total.
func TestCountsKeepUnknownValues(t *testing.T) {
	a := NewAggregator(q1, asOfQ1, reportSettings())
	a.Add(&Row{Kind: KindPetition, Ward: "P01", Date: rd(2, 1, 2026), Status: "archived", Sub: string(ClassReport), Channel: ChannelPhone, People: 1})
	r := a.Result()
	if r.Petitions.ByStatus.Sum() != 1 || r.Petitions.ByStatus.Get("archived") != 1 {
		t.Errorf("by_status = %+v", r.Petitions.ByStatus)
	}
	b, _ := json.Marshal(r.Petitions.ByStatus)
	if want := `{"received":0,"in_progress":0,"resolved":0,"returned":0,"transferred":0,"archived":1}`; string(b) != want {
		t.Errorf("json = %s, want %s", b, want)
	}
}

// The row's lateness checks say what the session's own methods say.
func TestRowDialogueLatenessAgreesWithSession(t *testing.T) {
	dl := DefaultDeadlines()
	cal := NewCalendar(nil)
	for _, held := range []Date{rd(20, 2, 2026), rd(29, 2, 2028)} {
		for _, ann := range []Date{0, held.AddDays(-10), held.AddDays(-7), held.AddDays(-6), held} {
			for _, pub := range []Date{0, held, held.AddDays(10), held.AddDays(11)} {
				for _, today := range []Date{held, held.AddDays(10), held.AddDays(11)} {
					s := &Session{Type: SessionDialogue, HeldOn: held, AnnouncedOn: ann, ResultsPublishedOn: pub}
					r := RowOf(s)
					if announcedLate(r.AnnouncedOn, r.Date, &dl) != s.AnnouncedLate(dl) || publishedLate(r.Date, r.PublishedOn, &dl, cal, today) != s.PublishedLate(dl, cal, today) {
						t.Errorf("held %v announced %v published %v today %v: row and session disagree", held, ann, pub, today)
					}
				}
			}
		}
	}
}

// Counting parts (split any way) and merging them gives the same report as
// counting everything in one aggregator.
func TestMergeEqualsWhole(t *testing.T) {
	rows := dataset(t)
	s := reportSettings()
	whole := NewWardAggregator(q1, asOfQ1, s)
	for i := range rows {
		whole.Add(&rows[i])
	}
	want, _ := json.Marshal(whole.Result())
	for name, part := range map[string]func(i int, r *Row) int{
		"by kind": func(_ int, r *Row) int {
			return map[Kind]int{KindFeedback: 0, KindSession: 1, KindPetition: 2, KindCommitment: 0, KindInformation: 1}[r.Kind]
		},
		"by index": func(i int, _ *Row) int { return i % 3 },
		"by ward":  func(_ int, r *Row) int { return map[string]int{"P01": 0, "P02": 1}[r.Ward] },
	} {
		parts := []*WardAggregator{NewWardAggregator(q1, asOfQ1, s), NewWardAggregator(q1, asOfQ1, s), NewWardAggregator(q1, asOfQ1, s)}
		for i := range rows {
			parts[part(i, &rows[i])].Add(&rows[i])
		}
		// Into an empty one, so a field Merge forgot cannot hide in parts[0].
		merged := NewWardAggregator(q1, asOfQ1, s)
		for _, p := range parts {
			merged.Merge(p)
		}
		if got, _ := json.Marshal(merged.Result()); string(got) != string(want) {
			t.Errorf("%s: merged report differs:\n got %s\nwant %s", name, got, want)
		}
	}
}

// The overdue list keeps every overdue petition, one entry each, however
// many (they are kept in chunks of overdueChunk): added across chunks,
// merged from parts, added to after a merge (by the merged and by a part),
// and read twice.
func TestOverdueListAcrossChunks(t *testing.T) {
	s := reportSettings()
	asOf := NewDate(2026, 6, 30)
	p := Period{From: NewDate(2026, 1, 1), To: NewDate(2026, 6, 30)}
	n := 0
	add := func(a *Aggregator, k int) {
		for range k {
			n++
			r := Row{Kind: KindPetition, ID: fmt.Sprintf("id%05d", n), Ref: fmt.Sprintf("ĐN-2026-%05d", n), Ward: "P01",
				Date: NewDate(2026, 1, 1).AddDays(n % 150), Status: string(StatusReceived), Sub: string(ClassComplaint),
				AckDue: NewDate(2026, 2, 1).AddDays(n % 100), DraftWindow: -1}
			if !r.Overdue(asOf) {
				t.Fatal("the row is not overdue: the test proves nothing")
			}
			a.Add(&r)
		}
	}
	a, b, c := NewAggregator(p, asOf, s), NewAggregator(p, asOf, s), NewAggregator(p, asOf, s)
	add(a, 2*overdueChunk+5)
	add(b, 10)
	add(c, overdueChunk+1)
	a.Merge(b)
	a.Merge(c)
	first := a.Result().Petitions.OverdueList
	wantFirst := n
	add(a, overdueChunk-3)
	add(b, 7) // after the merge: not a's
	add(c, 5)
	got := a.Result().Petitions
	want := n - 12
	if len(first) != wantFirst {
		t.Errorf("first result lists %d, want %d", len(first), wantFirst)
	}
	if got.Overdue != want || len(got.OverdueList) != want {
		t.Fatalf("overdue %d, listed %d, want %d", got.Overdue, len(got.OverdueList), want)
	}
	seen := map[string]bool{}
	for _, e := range got.OverdueList {
		if seen[e.ID] {
			t.Errorf("%s listed twice", e.ID)
		}
		seen[e.ID] = true
	}
	for i := 1; i <= n; i++ {
		id := fmt.Sprintf("id%05d", i)
		if b := i > n-12; seen[id] == b {
			t.Errorf("%s listed: %v, want %v", id, seen[id], !b)
		}
	}
	if len(b.Result().Petitions.OverdueList) != 17 || len(c.Result().Petitions.OverdueList) != overdueChunk+6 {
		t.Errorf("the parts merged list %d and %d, want their 17 and %d", len(b.Result().Petitions.OverdueList),
			len(c.Result().Petitions.OverdueList), overdueChunk+6)
	}
}
