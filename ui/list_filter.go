package ui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"gopy/model"
	"gopy/store"
	"gopy/ui/kit"
)

// filterDialog edits a list's filters: status, kind (source, host role or
// classification), period, overdue and, on a consolidated database, the
// origin ward. Each is a row of choices cycled with ←/→; enter applies, esc
// cancels, x clears them all.
type filterDialog struct {
	c      *common
	screen int
	spec   listSpec
	row    int
}

type filterDoneMsg struct {
	screen int
	apply  bool
	spec   listSpec
}

func (m filterDoneMsg) target() int { return m.screen }

func newFilterDialog(c *common, screen int, spec listSpec) *filterDialog {
	return &filterDialog{c: c, screen: screen, spec: spec}
}

type filterRow int

const (
	fStatus filterRow = iota
	fSub
	fPeriod
	fOverdue
	fWard
	fMine
	fGroup
)

func (f *filterDialog) rows() []filterRow {
	rows := []filterRow{fStatus, fSub, fPeriod, fOverdue}
	if f.spec.kind == model.KindSession {
		rows = rows[:3]
	}
	if len(f.c.wards) > 0 || f.spec.ward != "" {
		rows = append(rows, fWard)
	}
	if f.spec.kind == model.KindPetition {
		if f.c.settings.Officer != "" || f.spec.mine {
			rows = append(rows, fMine)
		}
		if len(f.c.settings.Groups) > 0 || f.spec.group != "" {
			rows = append(rows, fGroup)
		}
	}
	return rows
}

// wardCodes are the wards the filter offers (the one a list was opened
// with first, should the dashboard not have counted them).
func (f *filterDialog) wardCodes() []string {
	var out []string
	for _, w := range f.c.wards {
		out = append(out, w.code)
	}
	if f.spec.ward != "" && !slices.Contains(out, f.spec.ward) {
		out = append([]string{f.spec.ward}, out...)
	}
	return out
}

func (f *filterDialog) done(apply bool) tea.Cmd {
	msg := filterDoneMsg{screen: f.screen, apply: apply, spec: f.spec}
	return func() tea.Msg { return msg }
}

func (f *filterDialog) Update(msg tea.KeyPressMsg) tea.Cmd {
	k := f.c.keys
	rows := f.rows()
	switch {
	case key.Matches(msg, k.Accept):
		return f.done(true)
	case key.Matches(msg, k.Cancel):
		return f.done(false)
	case key.Matches(msg, k.Next):
		f.row = (f.row + 1) % len(rows)
	case key.Matches(msg, k.Prev):
		f.row = (f.row + len(rows) - 1) % len(rows)
	case key.Matches(msg, k.Right):
		f.cycle(rows[f.row], 1)
	case key.Matches(msg, k.Left):
		f.cycle(rows[f.row], -1)
	case key.Matches(msg, k.Reset):
		f.spec.status, f.spec.sub, f.spec.period, f.spec.overdue, f.spec.ward = "", "", periodAll, false, ""
		f.spec.mine, f.spec.group = false, ""
		f.spec.dueFrom, f.spec.dueTo = 0, 0
	}
	return nil
}

// filterStatuses are the statuses a list filters on: a kind's, and for
// petitions "not yet accepted" (open, no decision taken).
func filterStatuses(kind model.Kind) []string {
	if kind == model.KindPetition {
		return append(statusValues(kind), store.StatusUnaccepted)
	}
	return statusValues(kind)
}

func cycleIn(vals []string, cur string, d int) string {
	all := append([]string{""}, vals...)
	i := slices.Index(all, cur)
	return all[(i+d+len(all))%len(all)]
}

func (f *filterDialog) cycle(r filterRow, d int) {
	switch r {
	case fStatus:
		f.spec.status = cycleIn(filterStatuses(f.spec.kind), f.spec.status, d)
	case fSub:
		f.spec.sub = cycleIn(subValues(f.spec.kind), f.spec.sub, d)
	case fPeriod:
		i := slices.Index(periodChoices, f.spec.period) // custom is -1: next is "all"
		if i < 0 {
			i = 0
			d = max(d, 0)
		}
		f.spec.period = periodChoices[(i+d+len(periodChoices))%len(periodChoices)]
	case fOverdue:
		f.spec.overdue = !f.spec.overdue
	case fWard:
		f.spec.ward = cycleIn(f.wardCodes(), f.spec.ward, d)
	case fMine:
		f.spec.mine = !f.spec.mine
	case fGroup:
		f.spec.group = cycleIn(f.c.settings.Groups, f.spec.group, d)
	}
}

func (f *filterDialog) help() []key.Binding {
	k := f.c.keys
	return []key.Binding{k.Accept, k.Cancel, k.Reset, k.Left, k.Right}
}

func (f *filterDialog) value(r filterRow) string {
	l := f.c.lang
	switch r {
	case fStatus:
		if f.spec.status == "" {
			return l.T("filter.any")
		}
		return l.Enum(statusGroup(f.spec.kind), f.spec.status)
	case fSub:
		if f.spec.sub == "" {
			return l.T("filter.any")
		}
		return l.Enum(subGroup(f.spec.kind), f.spec.sub)
	case fPeriod:
		if f.spec.period == periodCustom {
			return f.spec.from.String() + "–" + f.spec.to.String()
		}
		return l.T(f.spec.period.key())
	case fMine:
		if f.spec.mine {
			return l.F("filter.mine_only", db(f.c.settings.Officer))
		}
		return l.T("filter.any")
	case fGroup:
		if f.spec.group == "" {
			return l.T("filter.any")
		}
		return db(f.spec.group)
	case fWard:
		if f.spec.ward == "" {
			return l.T("filter.any")
		}
		for _, w := range f.c.wards {
			if w.code == f.spec.ward && w.name != "" {
				return db(w.code) + " · " + db(w.name)
			}
		}
		return db(f.spec.ward)
	default:
		if f.spec.overdue {
			return l.T("filter.overdue_only")
		}
		return l.T("filter.any")
	}
}

func (f *filterDialog) label(r filterRow) string {
	l := f.c.lang
	switch r {
	case fStatus:
		return l.T("filter.status." + string(f.spec.kind))
	case fSub:
		return l.T("filter.sub." + string(f.spec.kind))
	case fPeriod:
		return l.T("filter.period")
	case fWard:
		return l.T("filter.ward")
	case fMine:
		return l.T("filter.mine")
	case fGroup:
		return l.T("filter.group")
	default:
		return l.T("word.overdue")
	}
}

func (f *filterDialog) View(w, h int) string {
	l, st := f.c.lang, f.c.st
	var b strings.Builder
	b.WriteString(st.Title.Render(l.F("filter.title", l.T("list.title."+string(f.spec.kind)))))
	b.WriteString("\n\n")
	labelW := 0
	for _, r := range f.rows() {
		labelW = max(labelW, len([]rune(f.label(r))))
	}
	for i, r := range f.rows() {
		line := kit.Fill(f.label(r), labelW) + "  ‹ " + f.value(r) + " ›"
		if i == f.row {
			b.WriteString(st.Selected.Render("> " + line))
		} else {
			b.WriteString("  " + line)
		}
		b.WriteByte('\n')
	}
	if f.spec.dueTo != 0 {
		b.WriteString("  " + st.Muted.Render(l.F("list.due_range", f.spec.dueFrom.String(), f.spec.dueTo.String())))
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
	b.WriteString(st.Muted.Render(l.T("filter.hint")))
	return st.Box.Render(b.String())
}
