package ui

import (
	"errors"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"gopy/model"
	"gopy/store"
	"gopy/ui/kit"
)

// signInScreen stands in front of everything until a user signs in: at
// start, after ctrl+l or the idle time. Behind it every stack, form and
// draft stays as it was, so signing in again returns to the same screen.
// On a database without accounts it makes the first admin and shows the
// recovery key once.
type signInScreen struct {
	c     *common
	first bool // no accounts yet: make the first admin
	// locked is the user who locked the screen: only they unlock it.
	locked   string
	users    []model.User
	cur      int // the chosen user in users
	name     textinput.Model
	pass     textinput.Model
	again    textinput.Model
	focus    int // first admin: 0 name, 1 passphrase, 2 again; else 0 passphrase
	busy     bool
	err      string
	recovery string // shown once after the first admin is made
	help     []key.Binding
}

type (
	signInUsersMsg struct {
		users []model.User
		err   error
	}
	signInDoneMsg struct {
		user model.User
		err  error
	}
	setupDoneMsg struct {
		code   string
		sealed int
		err    error
	}
	// idleMsg checks the idle time (Run arms it every 15 s).
	idleMsg struct{ now time.Time }
)

func newSignIn(c *common, first bool, locked, hint string) *signInScreen {
	l := c.lang
	s := &signInScreen{c: c, first: first, locked: locked}
	s.name = newInput(c.st, "", l.T("signin.name"), 40)
	s.name.SetValue(hint)
	s.pass = newInput(c.st, "", l.T("signin.pass"), 200)
	s.again = newInput(c.st, "", l.T("signin.again"), 200)
	for _, in := range []*textinput.Model{&s.pass, &s.again} {
		in.EchoMode = textinput.EchoPassword
		in.EchoCharacter = '•'
	}
	for _, in := range []*textinput.Model{&s.name, &s.pass, &s.again} {
		in.SetWidth(36)
	}
	s.help = []key.Binding{
		key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", l.T("signin.help.choose"))),
		key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", l.T("signin.help.enter"))),
	}
	s.refocus()
	return s
}

func (s *signInScreen) Init() tea.Cmd {
	if s.first || s.locked != "" {
		return nil
	}
	st := s.c.store
	return func() tea.Msg {
		u, err := st.Users()
		return signInUsersMsg{u, err}
	}
}

func (s *signInScreen) inputs() []*textinput.Model {
	if s.first {
		return []*textinput.Model{&s.name, &s.pass, &s.again}
	}
	return []*textinput.Model{&s.pass}
}

func (s *signInScreen) refocus() {
	for i, in := range s.inputs() {
		if i == s.focus {
			in.Focus()
		} else {
			in.Blur()
		}
	}
}

// user is the name to sign in as.
func (s *signInScreen) user() string {
	switch {
	case s.locked != "":
		return s.locked
	case len(s.users) > 0:
		return s.users[s.cur].Name
	}
	return strings.TrimSpace(s.name.Value())
}

func (s *signInScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case signInUsersMsg:
		for _, u := range msg.users {
			if !u.Disabled {
				s.users = append(s.users, u)
			}
		}
		for i, u := range s.users {
			if u.Name == s.name.Value() {
				s.cur = i
			}
		}
		if msg.err != nil {
			s.err = msg.err.Error()
		}
		return nil
	case tea.KeyPressMsg:
		return s.key(msg)
	}
	return updateInput(s.inputs()[s.focus], msg)
}

func (s *signInScreen) key(msg tea.KeyPressMsg) tea.Cmd {
	if s.busy {
		return nil
	}
	if s.recovery != "" {
		if msg.String() == "enter" {
			s.recovery = ""
			return func() tea.Msg { return signInDoneMsg{} }
		}
		return nil
	}
	n := len(s.inputs())
	switch msg.String() {
	case "up":
		if !s.first && s.locked == "" && s.cur > 0 {
			s.cur--
			s.err = ""
		}
		return nil
	case "down":
		if !s.first && s.locked == "" && s.cur < len(s.users)-1 {
			s.cur++
			s.err = ""
		}
		return nil
	case "tab":
		s.focus = (s.focus + 1) % n
		s.refocus()
		return nil
	case "shift+tab":
		s.focus = (s.focus + n - 1) % n
		s.refocus()
		return nil
	case "enter":
		if s.first && s.focus < n-1 {
			s.focus++
			s.refocus()
			return nil
		}
		return s.submit()
	}
	return updateInput(s.inputs()[s.focus], msg)
}

func (s *signInScreen) submit() tea.Cmd {
	l := s.c.lang
	st := s.c.store
	name, pass := s.user(), s.pass.Value()
	if s.first {
		bad := func(msg string, focus int) tea.Cmd {
			s.err, s.focus = msg, focus
			s.pass.SetValue("")
			s.again.SetValue("")
			s.refocus()
			return nil
		}
		switch {
		case !model.ValidUserName(name):
			return bad(l.T("err.user_name"), 0)
		case len([]rune(pass)) < model.MinPassphrase:
			return bad(l.F("cli.err.short_pass", model.MinPassphrase), 1)
		case pass != s.again.Value():
			return bad(l.T("cli.err.pass_mismatch"), 1)
		}
		s.busy, s.err = true, ""
		return func() tea.Msg {
			code, sealed, err := st.Setup(name, pass, false)
			return setupDoneMsg{code, sealed, err}
		}
	}
	if name == "" {
		return nil
	}
	s.busy, s.err = true, ""
	// argon2id takes a fraction of a second: never in Update.
	return func() tea.Msg {
		u, err := st.SignIn(name, pass)
		return signInDoneMsg{u, err}
	}
}

// done takes a sign-in's or setup's result; ok when the screen can go.
func (s *signInScreen) done(msg tea.Msg) (ok bool) {
	l := s.c.lang
	s.busy = false
	s.pass.SetValue("")
	s.again.SetValue("")
	var err error
	switch msg := msg.(type) {
	case setupDoneMsg:
		if msg.err == nil {
			s.first, s.recovery = false, msg.code
			return false
		}
		err = msg.err
	case signInDoneMsg:
		if msg.err == nil {
			return true
		}
		err = msg.err
	}
	var w *store.WaitError
	switch {
	case errors.As(err, &w):
		s.err = l.F("cli.err.wait", w.Until.In(model.VNZone).Format("15:04:05"))
	case errors.Is(err, store.ErrBadSignIn):
		s.err = l.T("cli.err.bad_sign_in")
	case errors.Is(err, store.ErrDisabled):
		s.err = l.T("cli.err.disabled")
	case errors.Is(err, store.ErrPassphrase):
		s.err = l.F("cli.err.short_pass", model.MinPassphrase)
	default:
		s.err = db(err.Error())
	}
	return false
}

func (s *signInScreen) View(w, h int) string {
	l, st := s.c.lang, s.c.st
	var b strings.Builder
	line := func(label, field string) {
		b.WriteString(st.Bold.Render(kit.Fill(label, 16)) + " " + field + "\n")
	}
	switch {
	case s.recovery != "":
		b.WriteString(st.Section.Render(l.T("signin.recovery_title")) + "\n\n")
		b.WriteString(strings.Join(kit.Wrap(l.T("signin.recovery_text"), min(60, w-6)), "\n") + "\n\n")
		b.WriteString(st.Bold.Render(s.recovery) + "\n\n")
		b.WriteString(st.Muted.Render(l.T("cli.auth.enter")))
	case s.first:
		b.WriteString(st.Section.Render(l.T("signin.first_title")) + "\n\n")
		b.WriteString(st.Muted.Render(strings.Join(kit.Wrap(l.T("signin.first_text"), min(60, w-6)), "\n")) + "\n\n")
		line(l.T("signin.name"), s.name.View())
		line(l.T("signin.pass"), s.pass.View())
		line(l.T("signin.again"), s.again.View())
	default:
		title := l.T("signin.title")
		if s.locked != "" {
			title = l.F("signin.locked", db(s.locked))
		}
		b.WriteString(st.Section.Render(title) + "\n\n")
		if s.locked == "" {
			for i, u := range s.users {
				mark := "  "
				if i == s.cur {
					mark = "› "
				}
				b.WriteString(mark + db(u.Name) + st.Muted.Render(" · "+l.Enum("role", string(u.Role))) + "\n")
			}
			b.WriteString("\n")
		}
		line(l.T("signin.pass"), s.pass.View())
	}
	if s.busy {
		b.WriteString("\n" + st.Muted.Render(l.T("signin.busy")))
	}
	if s.err != "" {
		b.WriteString("\n" + st.Err.Render(kit.Clip(s.err, w-4)))
	}
	box := st.Box.Render(strings.TrimRight(b.String(), "\n"))
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, box)
}

func (s *signInScreen) ShortHelp() []key.Binding { return s.help }

// lockNow forgets the keys (audited) and puts the sign-in in front; open
// details forget revealed identities (they read the record again).
func (r *Root) lockNow() tea.Cmd {
	u, ok := r.c.store.CurrentUser()
	if !ok || r.lock != nil {
		return nil
	}
	r.c.store.Lock()
	r.lock = newSignIn(r.c, false, u.Name, "")
	return r.broadcast(kit.ReloadMsg{})
}

// signInDone ends the sign-in: the first time the program's start-up work
// runs (for this user's drafts); after a lock everything is as it was.
func (r *Root) signInDone(msg tea.Msg) tea.Cmd {
	if r.lock == nil || !r.lock.done(msg) {
		return nil
	}
	r.lock = nil
	r.lastKey = time.Now()
	if r.signedInOnce {
		return nil
	}
	r.signedInOnce = true
	return r.start()
}

// idle locks the screen when no key came for the idle time (Settings, as
// they are now: a change takes effect at once).
func (r *Root) idle(msg idleMsg) tea.Cmd {
	if r.idleLock > 0 && r.lock == nil && msg.now.Sub(r.lastKey) >= idleLockOf(r.c.settings.IdleLockMinutes) {
		return tea.Batch(r.lockNow(), idleTick())
	}
	return idleTick()
}

func idleTick() tea.Cmd {
	return tea.Tick(15*time.Second, func(t time.Time) tea.Msg { return idleMsg{now: t} })
}

// idleLockOf is the idle time before the screen locks.
func idleLockOf(minutes int) time.Duration {
	if minutes <= 0 {
		minutes = 10
	}
	return time.Duration(minutes) * time.Minute
}

func (r *Root) headerUser() string {
	if u, ok := r.c.store.CurrentUser(); ok {
		return u.Name
	}
	return r.c.settings.Officer
}

// lockKey locks the screen at once (ctrl+l).
var lockKey = key.NewBinding(key.WithKeys("ctrl+l"))
