package kit

import (
	"image/color"
	"strings"

	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
)

// Palette is gopy's colours: the 16 basic ANSI ones, so that old consoles
// and 16-colour terminals show them, picked for a light or dark
// background. Status is never told by colour alone.
type Palette struct {
	Red, Green, Yellow, Cyan, Magenta, Blue, Grey color.Color
}

// NewPalette returns the palette for a dark or light background.
func NewPalette(dark bool) Palette {
	pick := func(light, darkC color.Color) color.Color {
		if dark {
			return darkC
		}
		return light
	}
	return Palette{
		Red:     pick(lipgloss.Red, lipgloss.BrightRed),
		Green:   pick(lipgloss.Green, lipgloss.BrightGreen),
		Yellow:  pick(lipgloss.Magenta, lipgloss.BrightYellow), // yellow is unreadable on white
		Cyan:    pick(lipgloss.Blue, lipgloss.BrightCyan),
		Magenta: pick(lipgloss.Magenta, lipgloss.BrightMagenta),
		Blue:    pick(lipgloss.Blue, lipgloss.BrightBlue),
		Grey:    lipgloss.BrightBlack,
	}
}

// Styles are built once per background (dark until the terminal says
// otherwise) and shared by every screen and form; View never builds a
// style. Every coloured fact also has a word or a symbol, so NO_COLOR
// loses nothing.
type Styles struct {
	Dark bool

	Header, HeaderDim    lipgloss.Style
	Tab, TabActive       lipgloss.Style
	Title, Muted, Bold   lipgloss.Style
	Selected             lipgloss.Style
	Label, Section, Link lipgloss.Style
	Err, OK, Warn, Info  lipgloss.Style
	Overdue              lipgloss.Style
	HelpKey, HelpDesc    lipgloss.Style
	HelpSep              lipgloss.Style
	Box                  lipgloss.Style

	// In forms: a field's label (plain, bold when focused), a button, the
	// chosen and other options of a choice, the text inputs.
	FieldLabel, FieldLabelFocus lipgloss.Style
	Button                      lipgloss.Style
	Choice, ChoiceInactive      lipgloss.Style
	Input                       textinput.Styles
	Area                        textarea.Styles

	// status colours by stored value (petition status, feedback state,
	// session kind); values not listed are drawn plain.
	status map[string]lipgloss.Style

	// inks of the styles drawn once per list cell: lipgloss's Render costs
	// microseconds, and a list draws dozens of cells per keystroke.
	InkSelected, InkOverdue, InkMuted Ink
	inkStatus                         map[string]Ink
}

// Ink is a one-line style as the escape sequences around its text.
type Ink struct{ pre, post string }

// InkOf is the escape sequences s puts around one line.
func InkOf(s lipgloss.Style) Ink {
	r := s.Render("X")
	i := strings.Index(r, "X")
	if i < 0 {
		return Ink{}
	}
	return Ink{r[:i], r[i+1:]}
}

// Render styles one line of text (never several: use the Style for that).
func (k Ink) Render(strs ...string) string {
	if len(strs) == 1 {
		return k.pre + strs[0] + k.post
	}
	return k.pre + strings.Join(strs, " ") + k.post
}

// NewStyles builds the styles for a dark or light background.
func NewStyles(dark bool) *Styles {
	p := NewPalette(dark)
	red, green, yellow, cyan, magenta, blue, grey := p.Red, p.Green, p.Yellow, p.Cyan, p.Magenta, p.Blue, p.Grey

	s := lipgloss.NewStyle
	st := &Styles{
		Dark:      dark,
		Header:    s().Bold(true),
		HeaderDim: s().Foreground(grey),
		Tab:       s(),
		TabActive: s().Reverse(true).Bold(true),
		Title:     s().Bold(true),
		Muted:     s().Foreground(grey),
		Bold:      s().Bold(true),
		Selected:  s().Reverse(true),
		Label:     s().Foreground(grey),
		Section:   s().Bold(true).Foreground(blue),
		Link:      s().Foreground(cyan).Underline(true),
		Err:       s().Foreground(red).Bold(true),
		OK:        s().Foreground(green),
		Warn:      s().Foreground(yellow),
		Info:      s().Foreground(cyan),
		Overdue:   s().Foreground(red).Bold(true),
		HelpKey:   s().Bold(true),
		HelpDesc:  s().Foreground(grey),
		HelpSep:   s().Foreground(grey),
		Box:       s().Border(lipgloss.NormalBorder()).BorderForeground(blue).Padding(0, 1),

		FieldLabel:      s(),
		FieldLabelFocus: s().Bold(true),
		Button:          s().Foreground(blue),
		Choice:          s().Bold(true),
		ChoiceInactive:  s(),
	}
	st.status = map[string]lipgloss.Style{
		// petitions
		"received":    s().Foreground(cyan),
		"in_progress": s().Foreground(yellow),
		"resolved":    s().Foreground(green),
		"returned":    s().Foreground(grey),
		"transferred": s().Foreground(magenta),
		// feedback states
		"pending":  s().Foreground(yellow),
		"partly":   s().Foreground(cyan),
		"answered": s().Foreground(green),
		// answers to points
		"accepted":  s().Foreground(green),
		"partial":   s().Foreground(cyan),
		"explained": s().Foreground(blue),
		// session kinds
		"dialogue":     s().Foreground(magenta),
		"consultation": s().Foreground(blue),
		// commitments, information owed
		"planned":  s().Foreground(cyan),
		"done":     s().Foreground(green),
		"dropped":  s().Foreground(grey),
		"provided": s().Foreground(green),
	}
	st.InkSelected, st.InkOverdue, st.InkMuted = InkOf(st.Selected), InkOf(st.Overdue), InkOf(st.Muted)
	st.inkStatus = map[string]Ink{}
	for k, v := range st.status {
		st.inkStatus[k] = InkOf(v)
	}

	in := textinput.DefaultStyles(dark)
	in.Cursor.Blink = false // a blinking cursor redraws twice a second for nothing
	if !dark {
		in.Cursor.Color = lipgloss.Black
	}
	in.Focused.Prompt, in.Blurred.Prompt = st.Bold, st.Muted
	in.Focused.Placeholder, in.Blurred.Placeholder = st.Muted, st.Muted
	in.Focused.Text, in.Blurred.Text = s(), s()
	st.Input = in

	ar := textarea.DefaultStyles(dark)
	ar.Cursor.Blink = false
	if !dark {
		ar.Cursor.Color = lipgloss.Black
	}
	ar.Focused.CursorLine = s()
	ar.Focused.Prompt, ar.Blurred.Prompt = st.Bold, st.Muted
	ar.Focused.Placeholder, ar.Blurred.Placeholder = st.Muted, st.Muted
	ar.Focused.Text, ar.Blurred.Text = s(), s()
	ar.Blurred.CursorLine = s()
	ar.Focused.EndOfBuffer, ar.Blurred.EndOfBuffer = st.Muted, st.Muted
	st.Area = ar
	return st
}

// StatusInk is StatusStyle for one-line cells.
func (st *Styles) StatusInk(v string) Ink { return st.inkStatus[v] }

// StatusStyle is the colour of a stored status value.
func (st *Styles) StatusStyle(v string) lipgloss.Style {
	if s, ok := st.status[v]; ok {
		return s
	}
	return lipgloss.NewStyle()
}

// Status is the colour of a stored status value, and whether it has one.
func (st *Styles) Status(v string) (lipgloss.Style, bool) {
	s, ok := st.status[v]
	return s, ok
}
