package entry

import (
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"gopy/model"
	"gopy/store"
)

// --- report profiles (b on the Settings tab) ---------------------------------

// EditProfiles is the form of the report profiles: for each sender, the
// lines of the document's header, the number pattern, the recipients and
// who signs. A line left empty takes its value from the ward's settings
// when the document is made (the note under it says which).
func EditProfiles(ctx Context, profiles []model.Profile) *Form {
	sp := newProfilesSpec(&ctx, profiles)
	f := newForm(ctx, "profiles", "all", ctx.Lang.T("entry.title.profiles"), sp)
	f.record = rawJSON(profiles)
	return f.ready()
}

type profilesSpec struct {
	ctx  *Context
	list []model.Profile
	cur  int

	choice                                               *field
	superior, issuer, issuerSub, pattern, place, subject *field
	recipients, signFor, signTitle, signer               *field
}

func newProfilesSpec(ctx *Context, profiles []model.Profile) *profilesSpec {
	b := fieldSet{ctx.Lang}
	s := &profilesSpec{ctx: ctx, list: append([]model.Profile(nil), profiles...)}
	s.choice = b.make(kChoice, "prof_choice")
	for i, p := range profiles {
		s.choice.opts = append(s.choice.opts, option{value: strconv.Itoa(i), label: p.Name + " · " + ctx.Lang.Enum("sender", string(p.Sender))})
	}
	line := func(key string, def func(*model.Profile) string) *field {
		fd := b.make(kLine, key)
		fd.note = func() string {
			if strings.TrimSpace(fd.value()) != "" || s.cur >= len(s.list) {
				return ""
			}
			filled := s.list[s.cur].Filled(&s.ctx.Settings)
			if v := def(&filled); v != "" {
				return ctx.Lang.F("entry.note.profile_default", v)
			}
			return ""
		}
		return fd
	}
	s.superior = line("prof_superior", func(p *model.Profile) string { return p.Superior })
	s.issuer = line("prof_issuer", func(p *model.Profile) string { return p.Issuer })
	s.issuerSub = line("prof_issuer_sub", func(*model.Profile) string { return "" })
	s.pattern = line("prof_pattern", func(p *model.Profile) string { return p.NumberPattern })
	s.pattern.hint = ctx.Lang.T("entry.hint.prof_pattern")
	s.place = line("prof_place", func(p *model.Profile) string { return p.Place })
	s.subject = line("prof_subject", func(p *model.Profile) string { return p.Subject })
	s.recipients = b.text("prof_recipients")
	s.recipients.hint = ctx.Lang.T("entry.hint.prof_recipients")
	s.signFor = line("prof_sign_for", func(*model.Profile) string { return "" })
	s.signTitle = line("prof_sign_title", func(*model.Profile) string { return "" })
	s.signer = line("prof_signer", func(*model.Profile) string { return "" })
	s.choice.setValue("0")
	s.load()
	return s
}

func (s *profilesSpec) load() {
	if s.cur >= len(s.list) {
		return
	}
	p := &s.list[s.cur]
	for fd, v := range map[*field]string{s.superior: p.Superior, s.issuer: p.Issuer, s.issuerSub: p.IssuerSub,
		s.pattern: p.NumberPattern, s.place: p.Place, s.subject: p.Subject,
		s.recipients: strings.Join(p.Recipients, "\n"), s.signFor: p.SignFor, s.signTitle: p.SignTitle, s.signer: p.Signer} {
		fd.setValue(v)
	}
}

// keep takes what is typed into the profile shown.
func (s *profilesSpec) keep() {
	if s.cur >= len(s.list) {
		return
	}
	p := &s.list[s.cur]
	p.Superior, p.Issuer, p.IssuerSub = line(s.superior), line(s.issuer), line(s.issuerSub)
	p.NumberPattern, p.Place, p.Subject = line(s.pattern), line(s.place), line(s.subject)
	p.Recipients = nil
	for _, r := range strings.Split(text(s.recipients), "\n") {
		if r = strings.TrimSpace(r); r != "" {
			p.Recipients = append(p.Recipients, r)
		}
	}
	p.SignFor, p.SignTitle, p.Signer = line(s.signFor), line(s.signTitle), line(s.signer)
}

func (s *profilesSpec) fields() []*field {
	return []*field{s.choice, s.superior, s.issuer, s.issuerSub, s.pattern, s.place, s.subject,
		s.recipients, s.signFor, s.signTitle, s.signer}
}

func (s *profilesSpec) changed(f *field) {
	if f != s.choice {
		return
	}
	n, err := strconv.Atoi(f.value())
	if err == nil && n != s.cur && n >= 0 && n < len(s.list) {
		s.keep()
		s.cur = n
		s.load()
	}
}

func (s *profilesSpec) check() model.FieldErrors {
	s.keep()
	var e model.FieldErrors
	for _, fe := range s.list[s.cur].Validate() {
		if fe.Field == "number_pattern" {
			e.Add("prof_pattern", fe.Key)
		}
	}
	return e
}

func (s *profilesSpec) save() saveOp {
	s.keep()
	list, by := append([]model.Profile(nil), s.list...), s.ctx.by()
	ref := s.ctx.Lang.T("entry.profiles.ref")
	return func(st *store.Store) (tea.Msg, error) {
		if err := st.SaveProfiles(list, by); err != nil {
			return nil, err
		}
		return SavedMsg{Ref: ref}, nil
	}
}
