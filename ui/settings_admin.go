package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"gopy/model"
	"gopy/store"
	"gopy/ui/entry"
)

// The Settings tab shows admins the accounts and the audit log (newest
// first, the latest auditShown entries, with whether the chain is whole).

const auditShown = 200

type adminDataMsg struct {
	screen int
	users  []model.User
	audit  []store.AuditEntry
	total  uint64
	broken *store.AuditBreak
	err    error
}

func (m adminDataMsg) target() int { return m.screen }

func (v *settingsView) loadAdmin() tea.Cmd {
	s, sid := v.c.store, v.sid
	if !s.MayAdmin() {
		return nil
	}
	return func() tea.Msg {
		m := adminDataMsg{screen: sid}
		if m.users, m.err = s.Users(); m.err != nil {
			return m
		}
		if m.audit, m.err = s.AuditLog(store.AuditFilter{}); m.err != nil {
			return m
		}
		m.total, m.broken, m.err = s.VerifyAudit()
		if len(m.audit) > auditShown {
			m.audit = m.audit[len(m.audit)-auditShown:]
		}
		return m
	}
}

func (v *settingsView) adminSections(b *docBuilder) {
	l, st := v.c.lang, v.c.st
	b.section(l.T("set.idle_lock"))
	b.para(l.F("set.idle_minutes", int(idleLockOf(v.c.settings.IdleLockMinutes).Minutes())), 1, nil)
	if _, ok := v.c.store.CurrentUser(); ok {
		b.para(l.T("set.pass_hint"), 1, st.Muted.Render)
	}
	bk := v.c.settings.Backups // never unset: Settings.Normalize fills it
	b.section(l.T("set.backups"))
	b.para(l.F("set.backup_keep", bk.Daily, bk.Weekly), 1, nil)
	if bk.BudgetMB > 0 {
		b.para(l.F("set.backup_budget", bk.BudgetMB), 1, nil)
	} else {
		b.para(l.T("set.backup_no_budget"), 1, nil)
	}
	b.para(l.F("set.backup_where", db(store.BackupDir(v.c.store.Path()))), 1, st.Muted.Render)
	a := v.admin
	if a == nil || !v.c.store.MayAdmin() {
		return
	}
	if a.err != nil {
		b.para(db(a.err.Error()), 1, st.Err.Render)
		return
	}
	b.section(l.F("set.users", len(a.users)))
	for _, u := range a.users {
		flags := []string{l.Enum("role", string(u.Role))}
		if u.Confidential {
			flags = append(flags, l.T("set.user.grant"))
		}
		if u.Disabled {
			flags = append(flags, l.T("set.user.disabled"))
		}
		b.para("• "+db(u.Name)+" · "+strings.Join(flags, " · "), 1, nil)
	}
	b.para(l.T("set.users_keys"), 1, st.Muted.Render)
	b.para(l.T("set.person_hint"), 1, st.Muted.Render)
	b.section(l.F("set.audit", a.total))
	if a.broken != nil {
		b.para(l.F("cli.audit.broken", a.broken.Seq, a.broken.Reason), 1, st.Err.Render)
	} else {
		b.para(l.F("cli.audit.ok", a.total), 1, st.Muted.Render)
	}
	for i := len(a.audit) - 1; i >= 0; i-- {
		e := a.audit[i]
		line := e.At.In(model.VNZone).Format("02/01/2006 15:04") + " · " + db(e.User) + " · " + l.Enum("audit", e.Action)
		if e.Record != "" {
			line += " · " + db(e.Record)
		}
		if e.Reason != "" {
			line += " · " + db(e.Reason)
		}
		b.para(line, 1, nil)
	}
}

// Admins' keys in Settings: p a personal-data request, u a new account,
// U a change to an account.
var (
	newUserKey    = key.NewBinding(key.WithKeys("u"))
	passKey       = key.NewBinding(key.WithKeys("P")) // anyone signed in: their own passphrase
	changeUserKey = key.NewBinding(key.WithKeys("U"))
)

func (v *settingsView) adminKey(msg tea.KeyPressMsg) tea.Cmd {
	if u, ok := v.c.store.CurrentUser(); ok && key.Matches(msg, passKey) {
		return openEntry(v.c, entry.ChangeOwnPassphrase(v.c.entryContext(), u.Name))
	}
	if !v.c.store.MayAdmin() {
		return nil
	}
	switch {
	case key.Matches(msg, personKey):
		return openEntry(v.c, entry.PersonRequest(v.c.entryContext()))
	case key.Matches(msg, newUserKey):
		return openEntry(v.c, entry.NewUser(v.c.entryContext()))
	case key.Matches(msg, changeUserKey) && v.admin != nil && len(v.admin.users) > 0:
		return openEntry(v.c, entry.ChangeUser(v.c.entryContext(), v.admin.users))
	}
	return nil
}
