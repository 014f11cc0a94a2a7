package entry

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"

	tea "charm.land/bubbletea/v2"

	"gopy/model"
	"gopy/store"
	"gopy/ui/i18n"
)

// EditSettings is the settings form: the ward, the officer, the lists the
// forms suggest from, deadline defaults, the short-comment threshold,
// reception targets, a year's holidays and the language. Changing a
// deadline default does not touch due dates already stored.
func EditSettings(ctx Context) *Form {
	sp := newSettingsSpec(&ctx)
	f := newForm(ctx, "settings", "ward", ctx.Lang.T("entry.title.settings"), sp)
	return f.ready()
}

// The deadline and target fields, by their stored names.
var (
	deadlineKeys = []string{"feedback_response_days", "ack_working_days",
		"complaint_ack_days", "complaint_days", "complaint_complex_days", "complaint_remote_days", "complaint_remote_complex_days",
		"denunciation_ack_working_days", "denunciation_multi_site_working_days", "denunciation_days",
		"proposal_days", "report_days", "short_comment_days", "announce_days_before", "publish_days_after"}
	targetKeys = []string{"secretary_days_per_month", "chair_days_per_week", "dialogues_per_year"}
	listKeys   = []string{"officers", "organisations", "agencies", "groups", "topics"}
	holidayKey = []string{"new_year", "tet", "hung_kings", "reunification", "labour", "national_day", "compensatory"}
)

type settingsSpec struct {
	ctx  *Context
	b    fieldSet
	orig model.Settings
	cal  *model.Calendar

	wardName, wardCode, province, officer, language *field
	lists                                           map[string]*field
	numbers                                         map[string]*field
	dayOffShift, remoteArea                         *field
	year, holidays                                  *field
	idle                                            *field // minutes before the screen locks
	backupDaily, backupWeekly, backupBudget         *field // automatic backups kept, and their size budget
	all                                             []*field

	shownYear int            // the year the holidays field holds
	stash     map[int]string // other years' edited lists
}

func newSettingsSpec(ctx *Context) *settingsSpec {
	b := fieldSet{ctx.Lang}
	st := ctx.Settings
	s := &settingsSpec{ctx: ctx, b: b, orig: st, cal: model.NewCalendar(st.Holidays),
		lists: map[string]*field{}, numbers: map[string]*field{}, stash: map[int]string{}}

	s.wardName = b.make(kLine, "ward_name")
	s.wardName.section = b.l.T("entry.section.ward")
	s.wardName.required = true
	s.wardCode = b.make(kLine, "ward_code")
	s.wardCode.required = true
	s.wardCode.in.CharLimit = 16
	s.wardCode.hint = b.l.T("entry.hint.ward_code")
	s.province = b.make(kLine, "province")
	s.officer = b.pick("officer", st.Officers)
	s.officer.required = true
	s.language = b.make(kChoice, "language")
	s.language.opts = []option{{"vi", b.l.T("entry.lang.vi")}, {"en", b.l.T("entry.lang.en")}}
	s.all = []*field{s.wardName, s.wardCode, s.province, s.officer, s.language}

	values := map[string][]string{"officers": st.Officers, "organisations": st.Organisations,
		"agencies": st.Agencies, "groups": st.Groups, "topics": st.Topics}
	for i, k := range listKeys {
		f := b.text(k)
		f.hint = b.l.T("entry.hint.one_per_line")
		if i == 0 {
			f.section = b.l.T("entry.section.lists")
		}
		f.setValue(strings.Join(values[k], "\n"))
		s.lists[k] = f
		s.all = append(s.all, f)
	}
	nums := deadlineValues(st)
	for i, k := range append(slices.Clone(deadlineKeys), targetKeys...) {
		f := b.make(kNumber, k)
		f.in.CharLimit = 4
		switch i {
		case 0:
			f.section = b.l.T("entry.section.deadlines_default")
			f.hint = b.l.T("entry.hint.deadlines_kept")
		case len(deadlineKeys):
			f.section = b.l.T("entry.section.targets")
		}
		f.setValue(strconv.Itoa(nums[k]))
		s.numbers[k] = f
		s.all = append(s.all, f)
		if k == deadlineKeys[len(deadlineKeys)-1] {
			// How terms are counted, and the ward's area, after the numbers.
			s.dayOffShift = b.make(kCheck, "day_off_shift")
			s.dayOffShift.hint = b.l.T("entry.hint.day_off_shift")
			s.dayOffShift.setValue(boolText(!st.Deadlines.OffDayStays))
			s.remoteArea = b.make(kCheck, "remote_area")
			s.remoteArea.hint = b.l.T("entry.hint.remote_area")
			s.remoteArea.setValue(boolText(st.RemoteArea))
			s.all = append(s.all, s.dayOffShift, s.remoteArea)
		}
	}

	s.year = b.make(kNumber, "holiday_year")
	s.year.in.CharLimit = 4
	s.year.section = b.l.T("entry.section.holidays")
	s.year.hint = b.l.T("entry.hint.holiday_year")
	s.holidays = b.text("holidays")
	s.holidays.hint = b.l.T("entry.hint.holidays")
	s.all = append(s.all, s.year, s.holidays)

	s.idle = b.make(kNumber, "idle_lock_minutes")
	s.idle.in.CharLimit = 4
	s.idle.section = b.l.T("set.idle_lock")
	s.idle.setValue(strconv.Itoa(idleMinutes(st)))
	s.all = append(s.all, s.idle)

	bk := st.Backups // never unset: Settings.Normalize fills it
	s.backupDaily = b.make(kNumber, "backup_daily")
	s.backupDaily.in.CharLimit = 4
	s.backupDaily.section = b.l.T("set.backups")
	s.backupDaily.setValue(strconv.Itoa(bk.Daily))
	s.backupWeekly = b.make(kNumber, "backup_weekly")
	s.backupWeekly.in.CharLimit = 4
	s.backupWeekly.setValue(strconv.Itoa(bk.Weekly))
	s.backupBudget = b.make(kNumber, "backup_budget_mb")
	s.backupBudget.in.CharLimit = 9
	s.backupBudget.hint = b.l.T("entry.hint.backup_budget")
	s.backupBudget.setValue(strconv.Itoa(bk.BudgetMB))
	s.all = append(s.all, s.backupDaily, s.backupWeekly, s.backupBudget)

	s.wardName.setValue(st.WardName)
	s.wardCode.setValue(st.WardCode)
	s.province.setValue(st.Province)
	s.officer.setValue(st.Officer)
	s.language.setValue(st.Language)
	s.shownYear = ctx.today().Year()
	s.year.setValue(strconv.Itoa(s.shownYear))
	s.holidays.setValue(s.holidayText(s.shownYear))
	return s
}

func deadlineValues(st model.Settings) map[string]int {
	d, t := st.Deadlines, st.Targets
	return map[string]int{
		"feedback_response_days": d.FeedbackResponseDays, "ack_working_days": d.AckWorkingDays,
		"complaint_ack_days": d.ComplaintAckDays, "complaint_days": d.ComplaintDays,
		"complaint_complex_days": d.ComplaintComplexDays, "complaint_remote_days": d.ComplaintRemoteDays,
		"complaint_remote_complex_days":        d.ComplaintRemoteComplexDays,
		"denunciation_ack_working_days":        d.DenunciationAckWorkingDays,
		"denunciation_multi_site_working_days": d.DenunciationMultiSiteWorkingDays,
		"denunciation_days":                    d.DenunciationDays,
		"proposal_days":                        d.ProposalDays, "report_days": d.ReportDays,
		"short_comment_days": d.ShortCommentDays, "announce_days_before": d.AnnounceDaysBefore,
		"publish_days_after":       d.PublishDaysAfter,
		"secretary_days_per_month": t.SecretaryDaysPerMonth, "chair_days_per_week": t.ChairDaysPerWeek,
		"dialogues_per_year": t.DialoguesPerYear,
	}
}

func (s *settingsSpec) fields() []*field { return s.all }

// holidayText is a year's list in effect, one "dd/mm/yyyy name" a line,
// names of the law's holidays translated; a weekend day worked in place of
// a day off moved (the government's yearly swap) reads
// "dd/mm/yyyy (làm việc) name".
func (s *settingsSpec) holidayText(year int) string {
	if t, ok := s.stash[year]; ok {
		return t
	}
	var b strings.Builder
	for _, h := range s.cal.HolidaysOf(year) {
		name := h.Name
		if s.ctx.Lang.Has(name) {
			name = s.ctx.Lang.T(name)
		}
		if h.Worked {
			name = strings.TrimSpace(s.ctx.Lang.T("entry.worked_mark") + " " + name)
		}
		b.WriteString(h.On.String() + "  " + name + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// workedMarks are the worked-day mark in either language, folded.
var workedMarks = sync.OnceValue(func() []string {
	return []string{model.Fold(i18n.VI.T("entry.worked_mark")), model.Fold(i18n.EN.T("entry.worked_mark"))}
})

// cutWorked strips the worked-day mark from a line's name.
func cutWorked(name string) (string, bool) {
	f := model.Fold(name)
	for _, m := range workedMarks() {
		if strings.HasPrefix(f, m) {
			// The mark is ASCII parentheses around letters whose folded
			// form has as many runes as the original.
			r := []rune(name)
			return strings.TrimSpace(string(r[len([]rune(m)):])), true
		}
	}
	return name, false
}

// holidayNames maps the law's holiday names, in either language, back to
// their catalog keys, so a list saved in Vietnamese reads in English. Built
// on first use: folding at start-up would cost every gopy command time.
var holidayNames = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, k := range holidayKey {
		for _, l := range []i18n.Lang{i18n.VI, i18n.EN} {
			m[model.Fold(l.T("holiday."+k))] = "holiday." + k
		}
	}
	return m
})

// parseHolidays reads a year's list; bad lines give one error naming the
// first of them.
func (s *settingsSpec) parseHolidays(year int, txt string) ([]model.Holiday, string) {
	var out []model.Holiday
	for i, ln := range strings.Split(txt, "\n") {
		ln = model.CleanLine(ln)
		if ln == "" {
			continue
		}
		ds, name, _ := strings.Cut(ln, " ")
		d, err := model.ParseDate(ds)
		if err != nil {
			return nil, s.ctx.Lang.F("entry.err.holiday_line", i+1, s.ctx.Lang.T(errKey(err)))
		}
		if d.Year() != year {
			return nil, s.ctx.Lang.F("entry.err.holiday_year", i+1, year)
		}
		name, worked := cutWorked(model.CleanLine(name))
		if k, ok := holidayNames()[model.Fold(name)]; ok {
			name = k
		}
		out = append(out, model.Holiday{On: d, Name: name, Worked: worked})
	}
	slices.SortStableFunc(out, func(a, b model.Holiday) int { return int(a.On) - int(b.On) })
	return out, ""
}

func errKey(err error) string {
	if de, ok := err.(*model.ErrDate); ok {
		return de.Key
	}
	return "err.date.format"
}

// changed: a new year in the year field shows that year's list, keeping
// what was typed in the one before.
func (s *settingsSpec) changed(f *field) {
	if f != s.year {
		return
	}
	y, err := strconv.Atoi(s.year.value())
	if err != nil || y < model.MinYear || y > model.MaxYear || y == s.shownYear {
		return
	}
	s.stash[s.shownYear] = s.holidays.value()
	s.shownYear = y
	s.holidays.setValue(s.holidayText(y))
}

func (s *settingsSpec) extra() map[string]string {
	m := map[string]string{"shown_year": strconv.Itoa(s.shownYear)}
	for y, t := range s.stash {
		m["holidays."+strconv.Itoa(y)] = t
	}
	return m
}

func (s *settingsSpec) setExtra(m map[string]string) {
	for k, v := range m {
		if ys, ok := strings.CutPrefix(k, "holidays."); ok {
			if y, err := strconv.Atoi(ys); err == nil {
				s.stash[y] = v
			}
		}
	}
	if y, err := strconv.Atoi(m["shown_year"]); err == nil {
		s.shownYear = y
	}
}

func lines(f *field) []string {
	var out []string
	for _, l := range strings.Split(f.value(), "\n") {
		if l = model.CleanLine(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// literal marks an error message already translated (with its details).
const literal = "\x00"

func (s *settingsSpec) build() (model.Settings, model.FieldErrors) {
	var r reader
	st := s.orig
	st.WardName, st.WardCode, st.Province, st.Officer = line(s.wardName), line(s.wardCode), line(s.province), line(s.officer)
	st.Language = s.language.value()
	st.Officers, st.Organisations, st.Agencies = lines(s.lists["officers"]), lines(s.lists["organisations"]), lines(s.lists["agencies"])
	st.Groups, st.Topics = lines(s.lists["groups"]), lines(s.lists["topics"])
	n := map[string]int{}
	for _, k := range append(slices.Clone(deadlineKeys), targetKeys...) {
		n[k] = r.number(s.numbers[k], 0)
		if n[k] < 1 && r.errs.For(k) == "" {
			r.errs.Add(k, "entry.err.positive")
		}
	}
	st.Deadlines = model.Deadlines{FeedbackResponseDays: n["feedback_response_days"], AckWorkingDays: n["ack_working_days"],
		ComplaintAckDays: n["complaint_ack_days"], ComplaintDays: n["complaint_days"],
		ComplaintComplexDays: n["complaint_complex_days"], ComplaintRemoteDays: n["complaint_remote_days"],
		ComplaintRemoteComplexDays:       n["complaint_remote_complex_days"],
		DenunciationAckWorkingDays:       n["denunciation_ack_working_days"],
		DenunciationMultiSiteWorkingDays: n["denunciation_multi_site_working_days"],
		DenunciationDays:                 n["denunciation_days"], ProposalDays: n["proposal_days"],
		ReportDays: n["report_days"], ShortCommentDays: n["short_comment_days"],
		AnnounceDaysBefore: n["announce_days_before"], PublishDaysAfter: n["publish_days_after"],
		OffDayStays: !s.dayOffShift.isChecked()}
	st.RemoteArea = s.remoteArea.isChecked()
	st.Targets = model.Targets{SecretaryDaysPerMonth: n["secretary_days_per_month"],
		ChairDaysPerWeek: n["chair_days_per_week"], DialoguesPerYear: n["dialogues_per_year"]}

	if st.IdleLockMinutes = r.number(s.idle, 0); st.IdleLockMinutes < 1 || st.IdleLockMinutes > 1440 {
		r.errs.Add("idle_lock_minutes", "err.idle_lock")
	}
	// Empty is a typing slip here, not "none": -1 fails the range check.
	st.Backups = model.Backups{Daily: r.number(s.backupDaily, -1), Weekly: r.number(s.backupWeekly, -1),
		BudgetMB: r.number(s.backupBudget, -1)}
	if y := r.number(s.year, 0); y < model.MinYear || y > model.MaxYear {
		r.errs.Add("holiday_year", "err.date.year")
	}
	st.Holidays = maps.Clone(s.orig.Holidays)
	texts := maps.Clone(s.stash)
	texts[s.shownYear] = s.holidays.value()
	for y, t := range texts {
		list, bad := s.parseHolidays(y, t)
		if bad != "" {
			if y == s.shownYear {
				r.errs.Add("holidays", literal+bad)
			} else {
				r.errs.Add("holidays", literal+s.ctx.Lang.F("entry.err.holiday_other", y, bad))
			}
			continue
		}
		if _, edited := st.Holidays[y]; !edited && slices.Equal(list, s.cal.HolidaysOf(y)) {
			continue // the law's list, still computed: nothing to store
		}
		if st.Holidays == nil {
			st.Holidays = map[int][]model.Holiday{}
		}
		st.Holidays[y] = list
	}
	return st, r.errs
}

func (s *settingsSpec) check() model.FieldErrors {
	st, errs := s.build()
	return append(errs, st.Validate()...)
}

func (s *settingsSpec) save() saveOp {
	st, _ := s.build()
	by := st.Officer
	return func(db *store.Store) (tea.Msg, error) {
		if err := db.SaveSettings(st, by); err != nil {
			return nil, err
		}
		saved, err := db.Settings()
		if err != nil {
			return nil, err
		}
		return SettingsSavedMsg{Settings: saved}, nil
	}
}

// idleMinutes is the idle time before the screen locks (default 10).
func idleMinutes(st model.Settings) int {
	if st.IdleLockMinutes <= 0 {
		return 10
	}
	return st.IdleLockMinutes
}
