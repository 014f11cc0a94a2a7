package model

import (
	"cmp"
	"slices"
)

// Report figures of the follow-through (issue 12): commitments and whether
// they were kept, the givers' assessment of the answers, information owed
// to the Front, drafts sent late by their sender, repeated petitions.

// CommitmentFigures count the commitments made in the period (made_on).
type CommitmentFigures struct {
	Total int `json:"total"`
	// ByStatus counts them by state, as `list commitments --status`.
	ByStatus Counts `json:"by_status"`
	// FromFeedback and FromSessions split Total by what they answer.
	FromFeedback int `json:"from_feedback"`
	FromSessions int `json:"from_sessions"`
	// DoneOnTime: done, done_on on or before the due date.
	DoneOnTime int `json:"done_on_time"`
	// Overdue: planned or in progress after the due date on AsOf, exactly
	// as `list commitments --overdue`.
	Overdue int `json:"overdue"`
}

// InformationFigures count the information items owed in the period (by
// their due date).
type InformationFigures struct {
	Total          int    `json:"total"`
	ByCategory     Counts `json:"by_category"`
	Provided       int    `json:"provided"`
	ProvidedOnTime int    `json:"provided_on_time"` // provided_on ≤ due_on
	// Overdue: not provided after the due date on AsOf, exactly as `list
	// information --overdue`.
	Overdue int `json:"overdue"`
}

// followAgg is the Aggregator's state for these figures.
type followAgg struct {
	c CommitmentFigures
	i InformationFigures
	// matters are the matters (first petitions) of the period's petitions
	// that are at least the third raising of their matter.
	matters map[string]struct{}
}

func newFollowAgg() followAgg {
	return followAgg{
		c:       CommitmentFigures{ByStatus: countsOf(CommitmentStates)},
		i:       InformationFigures{ByCategory: countsOf(InfoCategories)},
		matters: map[string]struct{}{},
	}
}

func (a *Aggregator) addCommitment(r *Row) {
	c := &a.fu.c
	c.Total++
	c.ByStatus.Add(r.Status, 1)
	if r.Sub == string(KindFeedback) {
		c.FromFeedback++
	} else {
		c.FromSessions++
	}
	if CommitmentState(r.Status) == CommitmentDone && r.ResolvedOn != 0 && r.ResolvedOn <= r.Due {
		c.DoneOnTime++
	}
	if r.Overdue(a.asOf) {
		c.Overdue++
	}
}

func (a *Aggregator) addInformation(r *Row) {
	i := &a.fu.i
	i.Total++
	i.ByCategory.Add(r.Sub, 1)
	if r.ResolvedOn != 0 {
		i.Provided++
		if r.ResolvedOn <= r.Due {
			i.ProvidedOnTime++
		}
	}
	if r.Overdue(a.asOf) {
		i.Overdue++
	}
}

// followFeedback counts a feedback's assessments and, for a comment on a
// draft given too little time, its sender.
func (a *Aggregator) followFeedback(r *Row) {
	a.f.Assessment.Add(AssessNone, r.Assess[0])
	for i, v := range Assessments {
		a.f.Assessment.Add(string(v), r.Assess[i+1])
	}
	if r.DraftWindow >= 0 && r.DraftWindow < a.dl.ShortCommentDays {
		a.f.ShortWindowBySender.Add(r.DraftSender, 1)
	}
}

func (a *Aggregator) followSession(r *Row) {
	if r.Dialogue && r.VoterRequest {
		a.s.VoterRequested++
	}
}

func (a *Aggregator) followPetition(r *Row) {
	if r.RepeatNo >= 2 {
		a.p.Repeated++
	}
	if r.RepeatNo >= 3 {
		if _, ok := a.fu.matters[r.Matter]; !ok {
			a.fu.matters[a.keep(r.Matter)] = struct{}{}
		}
	}
}

func (a *Aggregator) mergeFollow(o *Aggregator) {
	c, oc := &a.fu.c, &o.fu.c
	c.Total += oc.Total
	c.FromFeedback += oc.FromFeedback
	c.FromSessions += oc.FromSessions
	c.DoneOnTime += oc.DoneOnTime
	c.Overdue += oc.Overdue
	mergeCounts(&c.ByStatus, oc.ByStatus)
	i, oi := &a.fu.i, &o.fu.i
	i.Total += oi.Total
	i.Provided += oi.Provided
	i.ProvidedOnTime += oi.ProvidedOnTime
	i.Overdue += oi.Overdue
	mergeCounts(&i.ByCategory, oi.ByCategory)
	mergeCounts(&a.f.Assessment, o.f.Assessment)
	mergeCounts(&a.f.ShortWindowBySender, o.f.ShortWindowBySender)
	a.s.VoterRequested += o.s.VoterRequested
	a.p.Repeated += o.p.Repeated
	for m := range o.fu.matters {
		a.fu.matters[m] = struct{}{}
	}
}

// followFigures completes fig with these figures; the short-window senders
// are listed most first, then by name.
func (a *Aggregator) followFigures(fig *Figures) {
	fig.Commitments, fig.Information = a.fu.c, a.fu.i
	fig.Commitments.ByStatus = slices.Clone(a.fu.c.ByStatus)
	fig.Information.ByCategory = slices.Clone(a.fu.i.ByCategory)
	fig.Feedback.Assessment = slices.Clone(a.f.Assessment)
	by := slices.Clone(a.f.ShortWindowBySender)
	slices.SortFunc(by, func(x, y Count) int { return cmp.Or(cmp.Compare(y.N, x.N), cmp.Compare(x.Key, y.Key)) })
	if by == nil {
		by = Counts{}
	}
	fig.Feedback.ShortWindowBySender = by
	fig.Petitions.MattersRaised3 = len(a.fu.matters)
}

func assessmentCounts() Counts {
	return append(countsOf(Assessments), Count{Key: AssessNone})
}
