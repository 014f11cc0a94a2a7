package report

import (
	"gopy/model"
	"gopy/ui/i18n"
)

// The follow-through figures (issue 12) in every format: the givers'
// assessment and the late drafts' senders beside the feedback figures, and
// a section of their own for commitments and information owed to the
// Front.

// followFeedbackTables are the assessment of the answers and the drafts
// given too little time, by the body that sent them.
func followFeedbackTables(l i18n.Lang, fb *model.FeedbackFigures, shortDays int) []table {
	assess := breakdown(l, "report.fb.assessment", "report.col.assessment_of", "assess", []string{"report.col.points"}, fb.Assessment)
	senders := table{title: l.F("report.fb.short_by_sender", shortDays),
		head: []string{l.T("report.col.sender"), l.T("report.col.drafts")}, total: true}
	for _, c := range fb.ShortWindowBySender {
		name := c.Key
		if name == "" {
			name = l.T("report.unknown_sender")
		}
		senders.rows = append(senders.rows, []value{txt(name), num(c.N)})
	}
	senders.rows = append(senders.rows, []value{txt(l.T("report.total")), num(fb.ShortWindowBySender.Sum())})
	return []table{assess, senders}
}

func (d *Doc) followSection() section {
	l, r := d.Lang, &d.Report
	c, in := &r.Commitments, &r.Information
	figure := func(key string, v value) []value { return []value{txt(l.T(key)), v} }
	twoCol := []string{l.T("report.col.figure"), l.T("report.col.value")}
	return section{
		sheet: l.T("report.sheet.follow"),
		title: l.T("report.fu.section"),
		tables: []table{
			{title: l.T("report.fu.commitments"), head: twoCol, rows: [][]value{
				figure("report.fu.c_total", num(c.Total)),
				figure("report.fu.c_from_feedback", num(c.FromFeedback)),
				figure("report.fu.c_from_sessions", num(c.FromSessions)),
				figure("report.fu.c_done_on_time", num(c.DoneOnTime)),
				figure("report.fu.c_overdue", num(c.Overdue)),
			}},
			breakdown(l, "report.fu.c_by_status", "report.col.c_state", "commitment", []string{"report.col.commitments"}, c.ByStatus),
			{title: l.T("report.fu.information"), head: twoCol, rows: [][]value{
				figure("report.fu.i_total", num(in.Total)),
				figure("report.fu.i_provided", num(in.Provided)),
				figure("report.fu.i_on_time", num(in.ProvidedOnTime)),
				figure("report.fu.i_overdue", num(in.Overdue)),
			}},
			breakdown(l, "report.fu.i_by_category", "report.col.category", "infocat", []string{"report.col.items"}, in.ByCategory),
		},
	}
}

// followWardSection is the --by-ward table of these figures.
func (d *Doc) followWardSection() section {
	l, r := d.Lang, &d.Report
	t := table{total: true, head: []string{l.T("report.col.ward"),
		l.T("report.wd.c_total"), l.T("report.wd.c_done_on_time"), l.T("report.wd.c_overdue"),
		l.T("report.wd.i_total"), l.T("report.wd.i_on_time"), l.T("report.wd.i_overdue"),
		l.T("report.wd.not_satisfied"), l.T("report.wd.repeated")}}
	row := func(name string, f *model.Figures) []value {
		return []value{txt(name), num(f.Commitments.Total), num(f.Commitments.DoneOnTime), num(f.Commitments.Overdue),
			num(f.Information.Total), num(f.Information.ProvidedOnTime), num(f.Information.Overdue),
			num(f.Feedback.Assessment.Get(string(model.AssessNotSatisfied))), num(f.Petitions.Repeated)}
	}
	for i := range r.Wards {
		t.rows = append(t.rows, row(r.Wards[i].Ward, &r.Wards[i].Figures))
	}
	t.rows = append(t.rows, row(l.T("report.total"), &r.Figures))
	return section{sheet: l.T("report.sheet.wards_fu"), title: l.T("report.wd.section_fu"), tables: []table{t}}
}
