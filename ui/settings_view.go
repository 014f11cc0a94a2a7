package ui

import (
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"gopy/model"
	"gopy/ui/entry"
	"gopy/ui/kit"
)

// settingsView shows the ward's settings: ward, officers, organisations,
// agencies, residential groups, topics, deadlines, targets and this year's
// and next year's holidays. e opens the settings form.
type settingsView struct {
	c     *common
	sid   int
	doc   fieldPage
	admin *adminDataMsg // accounts and audit log, for admins (settings_admin.go)
}

func newSettingsView(c *common) *settingsView { return &settingsView{c: c, sid: c.newID()} }

func (v *settingsView) id() int         { return v.sid }
func (v *settingsView) Init() tea.Cmd   { v.build(); return v.loadAdmin() }
func (v *settingsView) Title() string   { return v.c.lang.T("tab.settings") }
func (v *settingsView) Capturing() bool { return false }
func (v *settingsView) ShortHelp() []key.Binding {
	k := v.c.keys
	return []key.Binding{k.EditSettings, k.Up, k.Down, k.PageDown}
}
func (v *settingsView) FullHelp() [][]key.Binding {
	return [][]key.Binding{v.c.keys.Moves(), {v.c.keys.EditSettings, v.c.keys.EditProfiles}}
}

func (v *settingsView) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if key.Matches(msg, v.c.keys.EditSettings) {
			return openEntry(v.c, entry.EditSettings(v.c.entryContext()))
		}
		if key.Matches(msg, v.c.keys.EditProfiles) {
			s, sid := v.c.store, v.sid
			return func() tea.Msg {
				list, err := s.Profiles()
				return profilesMsg{screen: sid, list: list, err: err}
			}
		}
		if cmd := v.adminKey(msg); cmd != nil {
			return cmd
		}
		_, h := v.c.body()
		v.doc.key(v.c.keys, msg, h-1)
	case adminDataMsg:
		v.admin = &msg
		v.build()
	case profilesMsg:
		if msg.err != nil {
			return showNote(v.c.lang.F("err.store", db(msg.err.Error())))
		}
		return openEntry(v.c, entry.EditProfiles(v.c.entryContext(), msg.list))
	case kit.ReloadMsg:
		// Saved settings come with a reload: the page is laid out again
		// from them.
		v.build()
		return v.loadAdmin()
	case tea.WindowSizeMsg, restyleMsg:
		v.build()
	}
	return nil
}

// build lays the page out at the body's width.
func (v *settingsView) build() {
	w, h := v.c.body()
	l, st := v.c.lang, v.c.st
	s := &v.c.settings
	labels := []string{}
	for _, k := range []string{"ward_name", "ward_code", "province", "officer", "language",
		"feedback_response_days", "ack_working_days", "complaint_ack_days", "complaint_days", "complaint_complex_days",
		"complaint_remote_days", "complaint_remote_complex_days", "denunciation_ack_working_days",
		"denunciation_multi_site_working_days", "denunciation_days", "proposal_days",
		"report_days", "short_comment_days", "announce_days_before", "publish_days_after", "day_off_shift", "remote_area",
		"secretary_days_per_month", "chair_days_per_week", "dialogues_per_year"} {
		labels = append(labels, l.T("set."+k))
	}
	b := newDocBuilder(st, w, labels)
	f := func(k, val string) { b.field(l.T("set."+k), val, nil) }
	days := func(n int) string { return l.F("set.days", n) }

	b.section(l.T("set.ward"))
	f("ward_name", db(s.WardName))
	f("ward_code", db(s.WardCode))
	f("province", db(s.Province))
	f("officer", db(s.Officer))
	// The stored language is the default; --lang or $GOPY_LANG can choose
	// another for the session, which then needs saying.
	language := l.T("lang." + s.Language)
	if string(l) != s.Language {
		language = l.F("set.language_session", language, l.T("lang."+string(l)))
	}
	f("language", language)

	list := func(title string, items []string) {
		b.section(l.F(title, len(items)))
		if len(items) == 0 {
			b.para(l.T("detail.none"), 1, st.Muted.Render)
		}
		for _, it := range items {
			b.para("• "+db(it), 1, nil)
		}
	}
	list("set.officers", s.Officers)
	list("set.organisations", s.Organisations)
	list("set.agencies", s.Agencies)
	list("set.groups", s.Groups)
	list("set.topics", s.Topics)

	dl := s.Deadlines
	b.section(l.T("set.deadlines"))
	f("feedback_response_days", days(dl.FeedbackResponseDays))
	f("ack_working_days", l.F("set.working_days", dl.AckWorkingDays))
	f("complaint_ack_days", days(dl.ComplaintAckDays))
	f("complaint_days", days(dl.ComplaintDays))
	f("complaint_complex_days", days(dl.ComplaintComplexDays))
	f("complaint_remote_days", days(dl.ComplaintRemoteDays))
	f("complaint_remote_complex_days", days(dl.ComplaintRemoteComplexDays))
	f("denunciation_ack_working_days", l.F("set.working_days", dl.DenunciationAckWorkingDays))
	f("denunciation_multi_site_working_days", l.F("set.working_days", dl.DenunciationMultiSiteWorkingDays))
	f("denunciation_days", days(dl.DenunciationDays))
	f("proposal_days", days(dl.ProposalDays))
	f("report_days", days(dl.ReportDays))
	f("short_comment_days", days(dl.ShortCommentDays))
	f("announce_days_before", days(dl.AnnounceDaysBefore))
	f("publish_days_after", days(dl.PublishDaysAfter))
	shift, remote := l.T("set.day_off_shift.on"), l.T("word.no")
	if dl.OffDayStays {
		shift = l.T("set.day_off_shift.off")
	}
	if s.RemoteArea {
		remote = l.T("word.yes")
	}
	f("day_off_shift", shift)
	f("remote_area", remote)

	tg := s.Targets
	b.section(l.T("set.targets"))
	f("secretary_days_per_month", strconv.Itoa(tg.SecretaryDaysPerMonth))
	f("chair_days_per_week", strconv.Itoa(tg.ChairDaysPerWeek))
	f("dialogues_per_year", strconv.Itoa(tg.DialoguesPerYear))

	cal := model.NewCalendar(s.Holidays)
	year := v.c.today().Year()
	for _, y := range []int{year, year + 1} {
		hs := cal.HolidaysOf(y)
		off := 0
		for _, h := range hs {
			if !h.Worked {
				off++
			}
		}
		b.section(l.F("set.holidays", y, off))
		for _, h := range hs {
			name := h.Name
			if l.Has(name) {
				name = l.T(name)
			} else {
				name = db(name)
			}
			if h.Worked {
				name = l.T("entry.worked_mark") + " " + name
			}
			b.para(h.On.String()+"  "+l.T("weekday."+strconv.Itoa(int(h.On.Weekday())))+"  "+name, 1, nil)
		}
	}
	v.adminSections(b)
	b.blank()
	b.para(l.T("set.edit_hint"), 1, st.Muted.Render)
	v.doc.lines = b.lines
	v.doc.cursor = min(v.doc.cursor, max(len(b.lines)-1, 0))
	v.doc.scroll(h - 1)
}

func (v *settingsView) View(w, h int) string {
	st := v.c.st
	return kit.Spread(st.Title.Render(v.Title()), "", w) + "\n" + v.doc.view(st, w, h-1)
}

// profilesMsg brings the report profiles the profiles form opens on.
type profilesMsg struct {
	screen int
	list   []model.Profile
	err    error
}

func (m profilesMsg) target() int { return m.screen }
