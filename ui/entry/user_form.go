package entry

import (
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"gopy/model"
	"gopy/store"
)

// UserSavedMsg ends an account form: the account was made or changed.
type UserSavedMsg struct{ Name string }

var roleValues = model.Strings(model.Roles)

// NewUser makes an account (admins): name, role, the confidential grant
// and a first passphrase. The form keeps no draft: a draft would hold
// the passphrase.
func NewUser(ctx Context) *Form {
	b := fieldSet{ctx.Lang}
	sp := &userSpec{name: b.make(kLine, "user_name"), role: b.choice("user_role", "role", roleValues),
		grant: b.make(kCheck, "user_grant"), pass: b.make(kLine, "user_pass"), again: b.make(kLine, "user_again")}
	sp.name.section = ctx.Lang.T("entry.section.user_new")
	sp.name.required, sp.pass.required, sp.again.required = true, true, true
	sp.role.setValue(string(model.RoleOfficer))
	for _, f := range []*field{sp.pass, sp.again} {
		f.in.EchoMode = textinput.EchoPassword
		f.in.EchoCharacter = '•'
	}
	f := newForm(ctx, "user", "", ctx.Lang.T("entry.title.user_new"), sp)
	f.drafts.done = true
	return f.ready()
}

type userSpec struct {
	name, role, grant, pass, again *field
}

func (s *userSpec) fields() []*field { return []*field{s.name, s.role, s.grant, s.pass, s.again} }
func (s *userSpec) changed(*field)   {}

func (s *userSpec) check() model.FieldErrors {
	var errs model.FieldErrors
	if !model.ValidUserName(line(s.name)) {
		errs.Add("user_name", "err.user_name")
	}
	checkNewPassphrase(&errs, s.pass, s.again)
	return errs
}

// checkNewPassphrase: a new passphrase is long enough and typed the same
// twice (the new-user and the change-passphrase forms).
func checkNewPassphrase(errs *model.FieldErrors, pass, again *field) {
	switch {
	case len([]rune(pass.value())) < model.MinPassphrase:
		errs.Add("user_pass", "err.passphrase_short")
	case pass.value() != again.value():
		errs.Add("user_again", "cli.err.pass_mismatch")
	}
}

func (s *userSpec) save() saveOp {
	u := model.User{Name: line(s.name), Role: model.Role(s.role.value()), Confidential: s.grant.isChecked()}
	pass := s.pass.value()
	return func(st *store.Store) (tea.Msg, error) {
		if err := st.AddUser(u, pass); err != nil {
			return nil, err
		}
		return UserSavedMsg{Name: u.Name}, nil
	}
}

// ChangeUser changes an account's role, grant or disabled flag (admins):
// the account is picked from users, and its current values are shown.
func ChangeUser(ctx Context, users []model.User) *Form {
	b := fieldSet{ctx.Lang}
	names := make([]string, len(users))
	for i, u := range users {
		names[i] = u.Name
	}
	sp := &changeUserSpec{users: users, who: b.choice("user_who", "", names), role: b.choice("user_role", "role", roleValues),
		grant: b.make(kCheck, "user_grant"), disabled: b.make(kCheck, "user_disabled")}
	sp.who.section = ctx.Lang.T("entry.section.user_change")
	sp.load()
	f := newForm(ctx, "user", "change", ctx.Lang.T("entry.title.user_change"), sp)
	f.drafts.done = true
	return f.ready()
}

type changeUserSpec struct {
	users                      []model.User
	who, role, grant, disabled *field
}

func (s *changeUserSpec) fields() []*field { return []*field{s.who, s.role, s.grant, s.disabled} }

// load shows the picked account's current values.
func (s *changeUserSpec) load() {
	for _, u := range s.users {
		if u.Name == s.who.value() {
			s.role.setValue(string(u.Role))
			s.grant.setValue(boolText(u.Confidential))
			s.disabled.setValue(boolText(u.Disabled))
		}
	}
}

func (s *changeUserSpec) changed(f *field) {
	if f == s.who {
		s.load()
	}
}

func (s *changeUserSpec) check() model.FieldErrors { return nil }

func (s *changeUserSpec) save() saveOp {
	name, role, grant, disabled := s.who.value(), model.Role(s.role.value()), s.grant.isChecked(), s.disabled.isChecked()
	return func(st *store.Store) (tea.Msg, error) {
		if err := st.ChangeUser(name, role, grant, disabled); err != nil {
			return nil, err
		}
		return UserSavedMsg{Name: name}, nil
	}
}

// ChangeOwnPassphrase changes the signed-in user's passphrase: the old one
// opens their key, the new one wraps it again (no record is touched, the
// grant stays). No draft is kept.
func ChangeOwnPassphrase(ctx Context, name string) *Form {
	b := fieldSet{ctx.Lang}
	sp := &passSpec{name: name, old: b.make(kLine, "pass_old"), pass: b.make(kLine, "user_pass"), again: b.make(kLine, "user_again")}
	sp.old.section = ctx.Lang.F("entry.section.pass", name)
	for _, f := range []*field{sp.old, sp.pass, sp.again} {
		f.required = true
		f.in.EchoMode = textinput.EchoPassword
		f.in.EchoCharacter = '•'
	}
	f := newForm(ctx, "user", "passphrase", ctx.Lang.T("entry.title.pass"), sp)
	f.drafts.done = true
	return f.ready()
}

type passSpec struct {
	name             string
	old, pass, again *field
}

func (s *passSpec) fields() []*field { return []*field{s.old, s.pass, s.again} }
func (s *passSpec) changed(*field)   {}

func (s *passSpec) check() model.FieldErrors {
	var errs model.FieldErrors
	checkNewPassphrase(&errs, s.pass, s.again)
	return errs
}

func (s *passSpec) save() saveOp {
	name, old, pass := s.name, s.old.value(), s.pass.value()
	return func(st *store.Store) (tea.Msg, error) {
		if err := st.ChangePassphrase(name, old, pass); err != nil {
			return nil, err
		}
		return UserSavedMsg{Name: name}, nil
	}
}
