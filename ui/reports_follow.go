package ui

import "gopy/model"

// follow lays out the Reports tab's follow-through section (issue 12):
// commitments and whether they were kept, information owed to the Front,
// the givers' assessment of the answers, drafts sent with too little time
// by their sender, dialogues asked for by voters, repeated petitions. The
// same figures as the exports' section, each count opening its list.
func (b *layoutBuilder) follow() {
	l, rep := b.l, &b.r.doc.Report
	c, in, dl := &rep.Commitments, &rep.Information, b.r.doc.Settings.Deadlines
	ck, ik := model.KindCommitment, model.KindInformation

	b.heading("report.fu.commitments")
	b.figure(l.T("report.fu.c_total"), num(l, c.Total), b.list(l.T("report.fu.c_total"), listSpec{kind: ck}))
	b.figure(l.T("report.fu.c_from_feedback"), num(l, c.FromFeedback),
		b.list(l.T("report.fu.c_from_feedback"), listSpec{kind: ck, sub: string(model.KindFeedback)}))
	b.figure(l.T("report.fu.c_from_sessions"), num(l, c.FromSessions),
		b.list(l.T("report.fu.c_from_sessions"), listSpec{kind: ck, sub: string(model.KindSession)}))
	b.figure(l.T("report.fu.c_done_on_time"), num(l, c.DoneOnTime), nil)
	b.figure(l.T("report.fu.c_overdue"), num(l, c.Overdue), b.list(l.T("report.fu.c_overdue"), listSpec{kind: ck, overdue: true}))
	b.chart("report.fu.c_by_status", "commitment", nil, b.opener("report.fu.c_by_status", ck, true), c.ByStatus)

	b.heading("report.fu.information")
	b.figure(l.T("report.fu.i_total"), num(l, in.Total), b.list(l.T("report.fu.i_total"), listSpec{kind: ik}))
	b.figure(l.T("report.fu.i_provided"), num(l, in.Provided),
		b.list(l.T("report.fu.i_provided"), listSpec{kind: ik, status: string(model.InfoProvided)}))
	b.figure(l.T("report.fu.i_on_time"), num(l, in.ProvidedOnTime), nil)
	b.figure(l.T("report.fu.i_overdue"), num(l, in.Overdue), b.list(l.T("report.fu.i_overdue"), listSpec{kind: ik, overdue: true}))
	b.chart("report.fu.i_by_category", "infocat", nil, b.opener("report.fu.i_by_category", ik, false), in.ByCategory)

	b.chart("report.fb.assessment", "assess", nil, nil, rep.Feedback.Assessment)

	b.heading("reports.fu.others")
	b.figure(l.T("report.ss.voter_requested"), num(l, rep.Sessions.VoterRequested), nil)
	b.figure(l.T("report.pt.repeated"), num(l, rep.Petitions.Repeated), nil)
	b.figure(l.T("report.pt.matters3"), num(l, rep.Petitions.MattersRaised3), nil)

	b.add(repRow{kind: rowBlank})
	b.add(repRow{kind: rowHeading, label: l.F("report.fb.short_by_sender", dl.ShortCommentDays)})
	if len(rep.Feedback.ShortWindowBySender) == 0 {
		b.figure(l.T("report.total"), num(l, 0), nil)
	}
	for _, s := range rep.Feedback.ShortWindowBySender {
		name := db(s.Key)
		if s.Key == "" {
			name = l.T("report.unknown_sender")
		}
		b.figure(name, num(l, s.N), nil)
	}
}
