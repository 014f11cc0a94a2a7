package entry

import (
	tea "charm.land/bubbletea/v2"

	"gopy/model"
	"gopy/store"
	"gopy/ui/i18n"
	"gopy/ui/report"
)

// --- the narrative of a report (w on the Reports tab) ------------------------

// NarrativeState is what the narrative form edits: for each profile, the
// five sections as loaded (a narrative saved before, else the draft one
// sentence per headline figure). The Reports tab loads it in a command;
// the form keeps it in its drafts, so a resumed form needs no store read.
type NarrativeState struct {
	Period   model.Period               `json:"period"`
	Profiles []model.Profile            `json:"profiles"`
	Texts    map[string]model.Narrative `json:"texts"`
	Profile  string                     `json:"profile"` // the one shown first
}

// LoadNarratives reads the profiles and each one's narrative for the
// period; a profile with none gets the draft made from the report.
func LoadNarratives(s *store.Store, rep *model.Report, l i18n.Lang) (NarrativeState, error) {
	st := NarrativeState{Period: rep.Period, Texts: map[string]model.Narrative{}}
	profiles, err := s.Profiles()
	if err != nil {
		return st, err
	}
	st.Profiles = profiles
	for _, p := range profiles {
		n, ok, err := s.Narrative(p.Name, rep.Period)
		if err != nil {
			return st, err
		}
		if !ok {
			n = report.DraftNarrative(l, rep)
		}
		st.Texts[p.Name] = n
	}
	if len(profiles) > 0 {
		st.Profile = profiles[0].Name
	}
	return st, nil
}

// EditNarrative is the form of the sections an officer writes around a
// period's figures, per report profile: general assessment, results,
// limitations and their causes, tasks ahead, proposals. ctrl+s keeps
// every profile's text that was changed; the Word document and a sent
// report take it from there.
func EditNarrative(ctx Context, ns NarrativeState) *Form {
	sp := newNarrativeSpec(&ctx, ns)
	title := ctx.Lang.F("entry.title.narrative", report.PeriodWords(ctx.Lang, ns.Period))
	f := newForm(ctx, "narrative", ns.Period.String(), title, sp)
	f.record = rawJSON(ns)
	return f.ready()
}

type narrativeSpec struct {
	ctx    *Context
	state  NarrativeState
	loaded map[string]model.Narrative
	cur    string

	profile *field
	secs    []*field
}

var narrativeKeys = []string{"narr_assessment", "narr_results", "narr_limitations", "narr_tasks", "narr_proposals"}

func newNarrativeSpec(ctx *Context, ns NarrativeState) *narrativeSpec {
	b := fieldSet{ctx.Lang}
	s := &narrativeSpec{ctx: ctx, state: ns, loaded: map[string]model.Narrative{}}
	for k, v := range ns.Texts {
		s.loaded[k] = v
	}
	s.profile = b.make(kChoice, "narr_profile")
	for _, p := range ns.Profiles {
		s.profile.opts = append(s.profile.opts, option{value: p.Name, label: p.Name + " · " + ctx.Lang.Enum("sender", string(p.Sender))})
	}
	for _, k := range narrativeKeys {
		fd := b.text(k)
		fd.ta.MaxHeight = 8
		s.secs = append(s.secs, fd)
	}
	s.cur = ns.Profile
	s.profile.setValue(ns.Profile)
	s.load()
	return s
}

func (s *narrativeSpec) sections(n *model.Narrative) []*string {
	out := make([]*string, 0, len(narrativeKeys))
	for _, sec := range n.Sections() {
		out = append(out, sec.Text)
	}
	return out
}

func (s *narrativeSpec) load() {
	n := s.state.Texts[s.cur]
	for i, p := range s.sections(&n) {
		s.secs[i].setValue(*p)
	}
}

// keep takes what is typed into the profile shown.
func (s *narrativeSpec) keep() {
	var n model.Narrative
	for i, p := range s.sections(&n) {
		*p = text(s.secs[i])
	}
	s.state.Texts[s.cur] = n
}

func (s *narrativeSpec) fields() []*field { return append([]*field{s.profile}, s.secs...) }

func (s *narrativeSpec) changed(f *field) {
	if f == s.profile && f.value() != s.cur {
		s.keep()
		s.cur = f.value()
		s.load()
	}
}

func (s *narrativeSpec) check() model.FieldErrors { return nil }

func (s *narrativeSpec) save() saveOp {
	s.cur = s.profile.value() // a resumed draft sets the choice without changed
	s.keep()
	p := s.state.Period
	changed := map[string]model.Narrative{}
	for name, n := range s.state.Texts {
		if n != s.loaded[name] || name == s.cur {
			changed[name] = n
		}
	}
	ref := s.ctx.Lang.F("entry.narrative.ref", report.PeriodWords(s.ctx.Lang, p))
	return func(st *store.Store) (tea.Msg, error) {
		for name, n := range changed {
			if err := st.SaveNarrative(name, p, n); err != nil {
				return nil, err
			}
		}
		return SavedMsg{Ref: ref}, nil
	}
}

// --- sending a report (S on the Reports tab) ----------------------------------

// SendReport is the dialog that sends a period's report under a profile
// with its number: the figures, the narrative and the version of every
// record counted are frozen, and the period is locked (a change to one of
// its records then needs a reason).
func SendReport(ctx Context, p model.Period, profiles []model.Profile) *Form {
	sp := &sendSpec{ctx: &ctx, period: p, profiles: profiles}
	b := fieldSet{ctx.Lang}
	sp.profile = b.make(kChoice, "send_profile")
	for _, pr := range profiles {
		sp.profile.opts = append(sp.profile.opts, option{value: pr.Name, label: pr.Name + " · " + ctx.Lang.Enum("sender", string(pr.Sender))})
	}
	sp.profile.section = ctx.Lang.F("entry.section.send", report.PeriodWords(ctx.Lang, p))
	sp.profile.note = func() string { return ctx.Lang.T("entry.note.send") }
	sp.number = b.make(kLine, "send_number")
	sp.number.required = true
	sp.number.hint = ctx.Lang.T("entry.hint.send_number")
	if len(profiles) > 0 {
		sp.profile.setValue(profiles[0].Name)
	}
	f := newForm(ctx, "send", p.String(), ctx.Lang.F("entry.title.send", report.PeriodWords(ctx.Lang, p)), sp)
	f.record = rawJSON(NarrativeState{Period: p, Profiles: profiles})
	return f.ready()
}

type sendSpec struct {
	ctx      *Context
	period   model.Period
	profiles []model.Profile

	profile, number *field
}

func (s *sendSpec) fields() []*field { return []*field{s.profile, s.number} }
func (s *sendSpec) changed(*field)   {}

func (s *sendSpec) check() model.FieldErrors {
	var e model.FieldErrors
	if line(s.number) == "" {
		e.Add("send_number", "err.required")
	}
	return e
}

func (s *sendSpec) save() saveOp {
	p, profile, number, by, l := s.period, s.profile.value(), line(s.number), s.ctx.by(), s.ctx.Lang
	return func(st *store.Store) (tea.Msg, error) {
		r, err := report.Send(st, p, st.Now(), profile, number, by, l)
		if err != nil {
			return nil, err
		}
		return SavedMsg{Ref: r.Number}, nil
	}
}
