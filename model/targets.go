package model

import (
	"fmt"
	"maps"
	"slices"
)

// Reception and dialogue targets are judged per interval, the way an
// inspector judges them, never on a period's total: four receptions in the
// first week of March do not make up for the four weeks without one.
//
//   - chair_weekly: the chair of the People's Committee receives citizens
//     at least one day in every week (Luật Tiếp công dân 2013, Điều 15
//     khoản 3). Weeks run Monday–Sunday; a week cut by the period's edge
//     counts when the period holds a working day of it.
//   - secretary_monthly: the Party secretary receives citizens at least 2
//     days in every month (Quy định 11-QĐi/TW as amended by Kết luận
//     215-KL/TW). A month cut by the period's edge counts like a week.
//   - dialogue_yearly: at least one dialogue conference in every calendar
//     year (Luật 72/2025/QH15, Điều 43). A year is judged over the year to
//     date (from 1 January, even before the period), and a year not over
//     yet with none held is "pending" (not yet held), never met.
//
// Only periodic receptions (kind reception) count toward the two reception
// targets; ad-hoc days are shown beside them. Days are distinct days per
// ward, held on or before the report's day. An interval not over on that
// day is judged only once met; until then it is pending.

// TargetRule names a target.
type TargetRule string

const (
	RuleChairWeekly      TargetRule = "chair_weekly"
	RuleSecretaryMonthly TargetRule = "secretary_monthly"
	RuleDialogueYearly   TargetRule = "dialogue_yearly"
)

// TargetRules are the targets in the order reports show them.
var TargetRules = []TargetRule{RuleChairWeekly, RuleSecretaryMonthly, RuleDialogueYearly}

// Target states.
const (
	TargetMet     = "met"
	TargetMissed  = "missed"
	TargetPending = "pending" // nothing missed and nothing met yet (a dialogue: not yet held)
)

// TargetResult is one target judged over a period (`report --format json`
// "targets"). Required counts the intervals judged, Held those met among
// them; Missed and Pending name intervals ("2026-W11", "2026-03", "2026"),
// prefixed "WARD " in a report over several wards.
type TargetResult struct {
	Rule     TargetRule `json:"rule"`
	Per      int        `json:"per"` // days (conferences) required in each interval
	Required int        `json:"required"`
	Held     int        `json:"held"`
	Met      bool       `json:"met"`
	State    string     `json:"state"`
	Missed   []string   `json:"missed"`
	Pending  []string   `json:"pending"`
	Days     int        `json:"days"`        // distinct days held that count
	AdHoc    int        `json:"ad_hoc_days"` // ad-hoc reception days (shown, not counted)
	// Wards judged and those among them whose own state is met: a
	// province's days and intervals add up, its wards are met one by one.
	Wards    int `json:"wards_judged"`
	WardsMet int `json:"wards_met"`
}

// interval is one week, month or year; from and to are its own bounds.
type interval struct {
	label    string
	from, to Date
}

// weekIntervals lists the Monday–Sunday weeks that hold a working day of p,
// labelled by ISO week ("2026-W11").
func weekIntervals(p Period, cal *Calendar) []interval {
	var out []interval
	start := p.From.AddDays(-((int(p.From.Weekday()) + 6) % 7))
	for w := start; w <= p.To; w = w.AddDays(7) {
		iv := interval{from: w, to: w.AddDays(6)}
		if !holdsWorkingDay(iv, p, cal) {
			continue
		}
		y, n := w.Time().ISOWeek()
		iv.label = fmt.Sprintf("%04d-W%02d", y, n)
		out = append(out, iv)
	}
	return out
}

// monthIntervals lists the calendar months that hold a working day of p.
func monthIntervals(p Period, cal *Calendar) []interval {
	var out []interval
	for m := NewDate(p.From.Year(), p.From.Month(), 1); m <= p.To; m = nextMonth(m) {
		iv := interval{from: m, to: nextMonth(m).AddDays(-1)}
		if !holdsWorkingDay(iv, p, cal) {
			continue
		}
		iv.label = fmt.Sprintf("%04d-%02d", m.Year(), int(m.Month()))
		out = append(out, iv)
	}
	return out
}

// yearIntervals lists the calendar years p touches.
func yearIntervals(p Period) []interval {
	var out []interval
	for y := p.From.Year(); y <= p.To.Year(); y++ {
		out = append(out, interval{label: fmt.Sprintf("%04d", y), from: NewDate(y, 1, 1), to: NewDate(y, 12, 31)})
	}
	return out
}

func holdsWorkingDay(iv interval, p Period, cal *Calendar) bool {
	for d := max(iv.from, p.From); d <= min(iv.to, p.To); d = d.AddDays(1) {
		if cal.IsWorkingDay(d) {
			return true
		}
	}
	return false
}

// judge counts one ward's days against the intervals. yearToDate judges
// each interval from its own start (the dialogue's year), not from the
// period's.
func judge(rule TargetRule, per int, ivs []interval, days map[Date]bool, p Period, asOf Date, yearToDate bool) TargetResult {
	r := TargetResult{Rule: rule, Per: per, Missed: []string{}, Pending: []string{}}
	end := min(p.To, asOf)
	// Sorted once, counted per interval by binary search: a province's
	// thousands of wards × 52 weeks stay cheap.
	sorted := slices.Sorted(maps.Keys(days))
	count := func(lo, hi Date) int {
		if hi < lo {
			return 0
		}
		i, _ := slices.BinarySearch(sorted, lo)
		j, _ := slices.BinarySearch(sorted, hi.AddDays(1))
		return j - i
	}
	r.Days = count(p.From, end)
	for _, iv := range ivs {
		lo, hi := max(iv.from, p.From), min(iv.to, p.To)
		if yearToDate {
			lo = iv.from
		}
		if lo > end {
			continue // not begun on the report's day
		}
		n := count(lo, min(hi, end))
		// Judged the day after it ends: on its last day it can still
		// be met. A year is judged only by a period that holds its end.
		over := hi < asOf
		if yearToDate {
			over = iv.to <= p.To && iv.to < asOf
		}
		switch {
		case n >= per:
			r.Required++
			r.Held++
		case over:
			r.Required++
			r.Missed = append(r.Missed, iv.label)
		default:
			r.Pending = append(r.Pending, iv.label)
		}
	}
	r.settle()
	return r
}

func (r *TargetResult) settle() {
	switch {
	case len(r.Missed) > 0:
		r.State = TargetMissed
	case r.Held > 0:
		r.State = TargetMet
	default:
		r.State = TargetPending
	}
	r.Met = r.State == TargetMet
}

// targetDays are the days a ward held, per target, and its ad-hoc days.
type targetDays struct {
	held  map[TargetRule]map[Date]bool
	adhoc map[TargetRule]map[Date]bool
}

func (t *targetDays) add(m *map[TargetRule]map[Date]bool, rule TargetRule, d Date) {
	if *m == nil {
		*m = map[TargetRule]map[Date]bool{}
	}
	if (*m)[rule] == nil {
		(*m)[rule] = map[Date]bool{}
	}
	(*m)[rule][d] = true
}

func (t *targetDays) merge(o *targetDays) {
	for rule, days := range o.held {
		for d := range days {
			t.add(&t.held, rule, d)
		}
	}
	for rule, days := range o.adhoc {
		for d := range days {
			t.add(&t.adhoc, rule, d)
		}
	}
}

// addSession notes a session row's day for the targets it counts toward.
func (t *targetDays) addSession(r *Row) {
	kind, host := SessionKind(r.Status), HostRole(r.Sub)
	var rule TargetRule
	switch host {
	case HostCommitteeChair:
		rule = RuleChairWeekly
	case HostPartySecretary:
		rule = RuleSecretaryMonthly
	}
	switch {
	case kind == SessionDialogue:
		t.add(&t.held, RuleDialogueYearly, r.Date)
	case kind == SessionReception && rule != "":
		t.add(&t.held, rule, r.Date)
	case kind == SessionReceptionAdhoc && rule != "":
		t.add(&t.adhoc, rule, r.Date)
	}
}

// judgeTargets judges every target for each ward (sorted by code) and sums
// them; a ward's missed and pending intervals carry its code when there
// is more than one ward.
func judgeTargets(wards map[string]*targetDays, p Period, asOf Date, tg Targets, cal *Calendar) []TargetResult {
	codes := slices.Sorted(maps.Keys(wards))
	// Intervals not begun on the report's day are never judged: listing
	// them would cost a period reaching far ahead (2199) for nothing.
	lp := Period{From: p.From, To: min(p.To, asOf)}
	if lp.To < lp.From {
		lp.To = lp.From
	}
	out := make([]TargetResult, 0, len(TargetRules))
	for _, rule := range TargetRules {
		var per int
		var ivs []interval
		switch rule {
		case RuleChairWeekly:
			per, ivs = tg.ChairDaysPerWeek, weekIntervals(lp, cal)
		case RuleSecretaryMonthly:
			per, ivs = tg.SecretaryDaysPerMonth, monthIntervals(lp, cal)
		case RuleDialogueYearly:
			per, ivs = tg.DialoguesPerYear, yearIntervals(lp)
		}
		total := TargetResult{Rule: rule, Per: per, Missed: []string{}, Pending: []string{}}
		for _, code := range codes {
			w := wards[code]
			r := judge(rule, per, ivs, w.held[rule], p, asOf, rule == RuleDialogueYearly)
			for d := range w.adhoc[rule] {
				if p.Contains(d) && d <= asOf {
					r.AdHoc++
				}
			}
			prefix := ""
			if len(codes) > 1 {
				prefix = code + " "
			}
			total.Wards++
			if r.Met {
				total.WardsMet++
			}
			total.Required += r.Required
			total.Held += r.Held
			total.Days += r.Days
			total.AdHoc += r.AdHoc
			for _, m := range r.Missed {
				total.Missed = append(total.Missed, prefix+m)
			}
			for _, m := range r.Pending {
				total.Pending = append(total.Pending, prefix+m)
			}
		}
		total.settle()
		out = append(out, total)
	}
	return out
}

// TargetOf returns the rule's result from a report's targets.
func TargetOf(l []TargetResult, rule TargetRule) TargetResult {
	for _, r := range l {
		if r.Rule == rule {
			return r
		}
	}
	return TargetResult{Rule: rule}
}

// ScanFrom is the earliest date a report of p reads records of kind k
// from: sessions from 1 January of the period's first year, since a
// dialogue conference is judged over the year to date.
func ScanFrom(k Kind, p Period) Date {
	if k == KindSession && p.From != 0 {
		return min(p.From, NewDate(p.From.Year(), 1, 1))
	}
	return p.From
}
