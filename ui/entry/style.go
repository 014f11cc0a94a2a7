package entry

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"

	"gopy/ui/i18n"
	"gopy/ui/theme"
)

// styles are the root's palette (the 16 basic colours; every coloured fact
// also has a symbol or a word, so NO_COLOR loses nothing), built once per
// background.
type styles struct {
	dark                   bool
	title, muted, bold     lipgloss.Style
	label, labelFocus      lipgloss.Style
	section                lipgloss.Style
	err, ok, warn          lipgloss.Style
	selected, button       lipgloss.Style
	box                    lipgloss.Style
	input                  textinput.Styles
	area                   textarea.Styles
	choice, choiceInactive lipgloss.Style
}

func newStyles(dark bool) *styles {
	p := theme.New(dark)
	red, green, yellow, blue, grey := p.Red, p.Green, p.Yellow, p.Blue, p.Grey
	s := lipgloss.NewStyle
	st := &styles{
		dark:           dark,
		title:          s().Bold(true),
		muted:          s().Foreground(grey),
		bold:           s().Bold(true),
		label:          s(),
		labelFocus:     s().Bold(true),
		section:        s().Bold(true).Foreground(blue),
		err:            s().Foreground(red).Bold(true),
		ok:             s().Foreground(green),
		warn:           s().Foreground(yellow),
		selected:       s().Reverse(true),
		button:         s().Foreground(blue),
		box:            s().Border(lipgloss.NormalBorder()).BorderForeground(blue).Padding(0, 1),
		choice:         s().Bold(true),
		choiceInactive: s(),
	}

	in := textinput.DefaultStyles(dark)
	in.Cursor.Blink = false // a blinking cursor redraws twice a second for nothing
	if !dark {
		in.Cursor.Color = lipgloss.Black
	}
	in.Focused.Prompt, in.Blurred.Prompt = st.bold, st.muted
	in.Focused.Placeholder, in.Blurred.Placeholder = st.muted, st.muted
	in.Focused.Text, in.Blurred.Text = s(), s()
	st.input = in

	ar := textarea.DefaultStyles(dark)
	ar.Cursor.Blink = false
	if !dark {
		ar.Cursor.Color = lipgloss.Black
	}
	ar.Focused.CursorLine = s()
	ar.Focused.Prompt, ar.Blurred.Prompt = st.bold, st.muted
	ar.Focused.Placeholder, ar.Blurred.Placeholder = st.muted, st.muted
	ar.Focused.Text, ar.Blurred.Text = s(), s()
	ar.Blurred.CursorLine = s()
	ar.Focused.EndOfBuffer, ar.Blurred.EndOfBuffer = st.muted, st.muted
	st.area = ar
	return st
}

// keyMap is every key of the forms with its help text, so the help line
// and the keys never drift apart.
type keyMap struct {
	Next, Prev, Save, Cancel key.Binding
	Add, Remove, Today       key.Binding
	Choose, Toggle, Newline  key.Binding
	Yes, No                  key.Binding
}

func newKeyMap(l i18n.Lang) *keyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, l.T(desc)))
	}
	return &keyMap{
		Next:    b("tab/↓", "entry.key.next", "tab", "down"),
		Prev:    b("shift+tab/↑", "entry.key.prev", "shift+tab", "up"),
		Save:    b("ctrl+s", "entry.key.save", "ctrl+s"),
		Cancel:  b("esc", "entry.key.cancel", "esc"),
		Add:     b("ctrl+n", "entry.key.add", "ctrl+n"),
		Remove:  b("ctrl+d", "entry.key.remove", "ctrl+d"),
		Today:   b("t", "entry.key.today", "t", "T"),
		Choose:  b("←/→", "entry.key.choose", "left", "right"),
		Toggle:  b("space", "entry.key.toggle", "space"),
		Newline: b("enter", "entry.key.newline", "enter"),
		// enter does not confirm: an officer pressing enter to move on
		// must never discard or delete by it.
		Yes: b("y", "entry.key.yes", "y", "Y"),
		No:  b("n/esc", "entry.key.no", "n", "N", "esc"),
	}
}
