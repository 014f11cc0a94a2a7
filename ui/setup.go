package ui

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"gopy/model"
	"gopy/store"
	"gopy/ui/kit"
)

// setupScreen is the first-run setup on a database with no ward: the ward's
// name and code and the officer's name, nothing else (the rest has
// defaults and is edited in Settings later).
type setupScreen struct {
	c      *common
	sid    int
	inputs []textinput.Model
	fields []string // setting names, for errors
	focus  int
	errs   map[string]string
	// touched fields show their errors: a field left (or a save tried),
	// not one still being typed for the first time.
	touched map[int]bool
	saving  bool
	err     string
}

// settingsSavedMsg reports the end of a save of the settings.
type settingsSavedMsg struct {
	screen   int
	settings model.Settings
	err      error
}

func (m settingsSavedMsg) target() int { return m.screen }

func newSetup(c *common) *setupScreen {
	l := c.lang
	s := &setupScreen{c: c, sid: c.newID(), fields: []string{"ward_name", "ward_code", "officer"}, touched: map[int]bool{}}
	for _, f := range s.fields {
		in := newInput(c.st, "", l.T("setup.placeholder."+f), 80)
		if f == "ward_code" {
			in.CharLimit = 16
		}
		s.inputs = append(s.inputs, in)
	}
	s.inputs[0].SetValue(c.settings.WardName)
	s.inputs[1].SetValue(c.settings.WardCode)
	s.inputs[2].SetValue(c.settings.Officer)
	s.resize()
	return s
}

func (s *setupScreen) labelWidth() int {
	w := 0
	for _, f := range s.fields {
		w = max(w, len([]rune(s.c.lang.T("setup."+f))))
	}
	return w
}

func (s *setupScreen) resize() {
	w, _ := s.c.body()
	for i := range s.inputs {
		s.inputs[i].SetWidth(max(min(w-s.labelWidth()-6, 40), 10))
	}
}

func (s *setupScreen) id() int         { return s.sid }
func (s *setupScreen) Init() tea.Cmd   { return s.inputs[0].Focus() }
func (s *setupScreen) Title() string   { return s.c.lang.T("setup.title") }
func (s *setupScreen) Capturing() bool { return true }

func (s *setupScreen) ShortHelp() []key.Binding {
	k := s.c.keys
	return []key.Binding{k.FieldNext, k.FieldPrev, k.Save, k.ForceQuit}
}

func (s *setupScreen) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }

func (s *setupScreen) values() model.Settings {
	st := s.c.settings
	st.WardName = model.CleanLine(s.inputs[0].Value())
	st.WardCode = model.CleanLine(s.inputs[1].Value())
	st.Officer = model.CleanLine(s.inputs[2].Value())
	return st
}

// validate shows the errors of the touched fields; it reports whether
// every field is valid.
func (s *setupScreen) validate() bool {
	st := s.values()
	s.errs = map[string]string{}
	errs := st.Validate()
	for _, fe := range errs {
		for i, f := range s.fields {
			if f == fe.Field && s.touched[i] {
				s.errs[f] = s.c.lang.T(fe.Key)
			}
		}
	}
	return len(errs) == 0
}

func (s *setupScreen) setFocus(i int) tea.Cmd {
	s.inputs[s.focus].Blur()
	s.focus = (i + len(s.inputs)) % len(s.inputs)
	return s.inputs[s.focus].Focus()
}

func (s *setupScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case settingsSavedMsg:
		s.saving = false
		var inv *store.Invalid
		switch {
		case errors.As(msg.err, &inv):
			for i := range s.fields {
				s.touched[i] = true
			}
			s.validate()
		case msg.err != nil:
			s.err = s.c.lang.F("err.store", db(msg.err.Error()))
		}
		return nil
	case tea.WindowSizeMsg:
		s.resize()
		return nil
	case restyleMsg:
		for i := range s.inputs {
			s.inputs[i].SetStyles(s.c.st.Input)
		}
		return nil
	case tea.KeyPressMsg:
		if s.saving {
			return nil
		}
		s.err = ""
		k := s.c.keys
		last := s.focus == len(s.inputs)-1
		switch {
		case key.Matches(msg, k.Save), last && key.Matches(msg, k.Accept):
			// Enter on the last field saves, as ctrl+s does anywhere.
			for i := range s.fields {
				s.touched[i] = true
			}
			if !s.validate() {
				for i, f := range s.fields {
					if s.errs[f] != "" {
						return s.setFocus(i)
					}
				}
			}
			return s.save()
		case key.Matches(msg, k.FieldNext):
			s.touched[s.focus] = true
			s.validate()
			return s.setFocus(s.focus + 1)
		case key.Matches(msg, k.FieldPrev):
			s.touched[s.focus] = true
			s.validate()
			return s.setFocus(s.focus - 1)
		}
	}
	cmd := updateInput(&s.inputs[s.focus], msg)
	if _, ok := msg.(tea.KeyPressMsg); ok {
		s.validate()
	}
	return cmd
}

func (s *setupScreen) save() tea.Cmd {
	s.saving = true
	st, db, sid := s.values(), s.c.store, s.sid
	return func() tea.Msg {
		if err := db.SaveSettings(st, st.Officer); err != nil {
			return settingsSavedMsg{screen: sid, err: err}
		}
		saved, err := db.Settings()
		return settingsSavedMsg{screen: sid, settings: saved, err: err}
	}
}

func (s *setupScreen) View(w, h int) string {
	l, st := s.c.lang, s.c.st
	var b strings.Builder
	b.WriteString(st.Title.Render(l.T("setup.title")))
	b.WriteString("\n\n")
	for _, ln := range kit.Wrap(l.T("setup.intro"), min(w-2, 76)) {
		b.WriteString(" " + ln + "\n")
	}
	b.WriteByte('\n')
	labelW := s.labelWidth()
	for i, f := range s.fields {
		marker := "  "
		if i == s.focus {
			marker = "> "
		}
		b.WriteString(marker + st.Bold.Render(kit.Fill(l.T("setup."+f), labelW)) + "  " + s.inputs[i].View())
		b.WriteByte('\n')
		if e := s.errs[f]; e != "" {
			b.WriteString(strings.Repeat(" ", labelW+4) + st.Err.Render("! "+e))
		} else {
			b.WriteString(strings.Repeat(" ", labelW+4) + st.Muted.Render(l.T("setup.hint."+f)))
		}
		b.WriteString("\n\n")
	}
	switch {
	case s.saving:
		b.WriteString(" " + st.Muted.Render(l.T("setup.saving")))
	case s.err != "":
		b.WriteString(" " + st.Err.Render(s.err))
	}
	return b.String()
}
