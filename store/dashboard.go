package store

import "gopy/model"

// DashboardPart counts one part of the dashboard's figures on today; the
// other parts of the value it returns are zero (see model.Dashboard.Set).
func (s *Store) DashboardPart(part model.DashPart, today model.Date, st *model.Settings) (model.Dashboard, error) {
	var d model.Dashboard
	var err error
	due := today.AddDays(model.DueWindow - 1)
	switch part {
	case model.DashOverduePetitions:
		d.OverduePetitions, err = s.Count(Query{Kind: model.KindPetition, Overdue: true, Today: today})
		if err == nil {
			d.OverdueUnaccepted, err = s.Count(Query{Kind: model.KindPetition, Status: StatusUnaccepted, Overdue: true, Today: today})
		}
	case model.DashFollowUp:
		if d.OverdueCommitments, err = s.Count(Query{Kind: model.KindCommitment, Overdue: true, Today: today}); err == nil {
			d.OverdueInformation, err = s.Count(Query{Kind: model.KindInformation, Overdue: true, Today: today})
		}
	case model.DashOverdueFeedback:
		err = s.Each(Query{Kind: model.KindFeedback, Overdue: true, Today: today}, func(r *model.Row) error {
			d.OverdueFeedback++
			d.OverduePoints += r.Points[0]
			return nil
		})
	case model.DashDuePetitions:
		d.DuePetitions, err = s.Count(Query{Kind: model.KindPetition, DueFrom: today, DueTo: due})
	case model.DashDueFeedback:
		d.DueFeedback, err = s.Count(Query{Kind: model.KindFeedback, DueFrom: today, DueTo: due})
	case model.DashAwaiting:
		d.AwaitingFeedback, err = s.Count(Query{Kind: model.KindFeedback, Open: true})
	case model.DashMonth:
		// Judged as the report judges them: this month's weeks and the
		// month itself, as of today.
		p := model.Period{From: model.NewDate(today.Year(), today.Month(), 1)}
		p.To = p.From.AddDays(31)
		p.To = model.NewDate(p.To.Year(), p.To.Month(), 1).AddDays(-1)
		agg, err2 := s.judgeEveryWard(model.NewAggregator(p, today, st))
		if err2 != nil {
			return d, err2
		}
		err = s.ScanRows(model.KindSession, p.From, p.To, func(r *model.Row) error {
			agg.Add(r)
			return nil
		})
		rep := agg.Result()
		d.MonthSessions = rep.Sessions.Total
		d.Secretary = model.TargetOf(rep.Targets, model.RuleSecretaryMonthly)
		d.Chair = model.TargetOf(rep.Targets, model.RuleChairWeekly)
	case model.DashYear:
		p := model.Period{From: model.NewDate(today.Year(), 1, 1), To: model.NewDate(today.Year(), 12, 31)}
		agg, err2 := s.judgeEveryWard(model.NewAggregator(p, today, st))
		if err2 != nil {
			return d, err2
		}
		q := Query{Kind: model.KindSession, Status: string(model.SessionDialogue), From: p.From, To: p.To}
		err = s.Each(q, func(r *model.Row) error {
			agg.Add(r)
			return nil
		})
		d.Dialogues = model.TargetOf(agg.Result().Targets, model.RuleDialogueYearly)
	case model.DashTotals:
		for i := range d.Totals {
			if d.Totals[i], err = s.Total(model.Kinds[i]); err != nil {
				break
			}
		}
	}
	return d, err
}

// judgeEveryWard has agg judge the targets of every ward the database
// holds records of: the dashboard reads sessions only, and a ward that held
// none still owes its receptions.
func (s *Store) judgeEveryWard(agg *model.Aggregator) (*model.Aggregator, error) {
	totals, err := s.WardTotals()
	for code := range totals {
		agg.JudgeWard(code)
	}
	return agg, err
}
