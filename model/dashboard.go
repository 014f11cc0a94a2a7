package model

// DueWindow is how far "falls due soon" looks: today and the next six days.
const DueWindow = 7

// DashPart is a part of the dashboard's figures, counted on its own so
// the screen shows each as soon as it is ready.
type DashPart int

const (
	DashOverduePetitions DashPart = iota
	DashOverdueFeedback
	DashDuePetitions
	DashDueFeedback
	DashAwaiting
	DashMonth
	DashYear
	DashTotals
	DashFollowUp // overdue commitments and information (issue 12)
	NDashParts
)

// Dashboard is the first screen's figures on a day.
type Dashboard struct {
	OverduePetitions int
	// OverdueUnaccepted are those of them with no decision taken by their
	// acceptance due ("chưa thụ lý, quá hạn").
	OverdueUnaccepted int
	OverdueFeedback   int
	OverduePoints     int // points still unanswered in the overdue feedback
	DuePetitions      int // open, due within DueWindow days from today
	DueFeedback       int
	AwaitingFeedback  int // feedback with points still unanswered
	MonthSessions     int // sessions held this calendar month
	// The reception targets this month (the chair's weeks, the
	// secretary's month) and the dialogue target this year, judged as the
	// report judges them, as of the day (targets.go).
	Secretary, Chair, Dialogues TargetResult
	// Records of each of the first three kinds, in Kinds order.
	Totals [3]int
	// Commitments not carried out, and information not provided, by their
	// due date.
	OverdueCommitments, OverdueInformation int
}

// Set copies part's figures from v (which need hold only those).
func (d *Dashboard) Set(part DashPart, v Dashboard) {
	switch part {
	case DashOverduePetitions:
		d.OverduePetitions, d.OverdueUnaccepted = v.OverduePetitions, v.OverdueUnaccepted
	case DashOverdueFeedback:
		d.OverdueFeedback, d.OverduePoints = v.OverdueFeedback, v.OverduePoints
	case DashDuePetitions:
		d.DuePetitions = v.DuePetitions
	case DashDueFeedback:
		d.DueFeedback = v.DueFeedback
	case DashAwaiting:
		d.AwaitingFeedback = v.AwaitingFeedback
	case DashMonth:
		d.MonthSessions, d.Secretary, d.Chair = v.MonthSessions, v.Secretary, v.Chair
	case DashYear:
		d.Dialogues = v.Dialogues
	case DashTotals:
		d.Totals = v.Totals
	case DashFollowUp:
		d.OverdueCommitments, d.OverdueInformation = v.OverdueCommitments, v.OverdueInformation
	}
}
