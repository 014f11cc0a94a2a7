package ui

import (
	"strings"

	"charm.land/lipgloss/v2"

	"gopy/ui/theme"
)

// styles are built once per background (dark until the terminal says
// otherwise) and shared by every screen; View never builds a style.
// Colours are the 16 basic ANSI ones so a 16-colour console shows them as
// meant; every coloured fact also has a word or a symbol, so NO_COLOR loses
// nothing.
type styles struct {
	dark bool

	header, headerDim    lipgloss.Style
	tab, tabActive       lipgloss.Style
	title, muted, bold   lipgloss.Style
	selected             lipgloss.Style
	label, section, link lipgloss.Style
	err, ok, warn, info  lipgloss.Style
	overdue              lipgloss.Style
	helpKey, helpDesc    lipgloss.Style
	helpSep              lipgloss.Style
	box                  lipgloss.Style
	input                lipgloss.Style

	// status colours by stored value (petition status, feedback state,
	// session kind); values not listed are drawn plain.
	status map[string]lipgloss.Style

	// inks of the styles drawn once per list cell: lipgloss's Render costs
	// microseconds, and a list draws dozens of cells per keystroke.
	inkSelected, inkOverdue, inkMuted ink
	inkStatus                         map[string]ink
}

// ink is a one-line style as the escape sequences around its text.
type ink struct{ pre, post string }

func inkOf(s lipgloss.Style) ink {
	r := s.Render("X")
	i := strings.Index(r, "X")
	if i < 0 {
		return ink{}
	}
	return ink{r[:i], r[i+1:]}
}

// Render styles one line of text (never several: use the Style for that).
func (k ink) Render(strs ...string) string {
	if len(strs) == 1 {
		return k.pre + strs[0] + k.post
	}
	return k.pre + strings.Join(strs, " ") + k.post
}

func newStyles(dark bool) *styles {
	p := theme.New(dark)
	red, green, yellow, cyan, magenta, blue, grey := p.Red, p.Green, p.Yellow, p.Cyan, p.Magenta, p.Blue, p.Grey

	s := lipgloss.NewStyle
	st := &styles{
		dark:      dark,
		header:    s().Bold(true),
		headerDim: s().Foreground(grey),
		tab:       s(),
		tabActive: s().Reverse(true).Bold(true),
		title:     s().Bold(true),
		muted:     s().Foreground(grey),
		bold:      s().Bold(true),
		selected:  s().Reverse(true),
		label:     s().Foreground(grey),
		section:   s().Bold(true).Foreground(blue),
		link:      s().Foreground(cyan).Underline(true),
		err:       s().Foreground(red).Bold(true),
		ok:        s().Foreground(green),
		warn:      s().Foreground(yellow),
		info:      s().Foreground(cyan),
		overdue:   s().Foreground(red).Bold(true),
		helpKey:   s().Bold(true),
		helpDesc:  s().Foreground(grey),
		helpSep:   s().Foreground(grey),
		box:       s().Border(lipgloss.NormalBorder()).BorderForeground(blue).Padding(0, 1),
		input:     s(),
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
	}
	st.inkSelected, st.inkOverdue, st.inkMuted = inkOf(st.selected), inkOf(st.overdue), inkOf(st.muted)
	st.inkStatus = map[string]ink{}
	for k, v := range st.status {
		st.inkStatus[k] = inkOf(v)
	}
	return st
}

// statusInk is statusStyle for one-line cells.
func (st *styles) statusInk(v string) ink { return st.inkStatus[v] }

// statusStyle is the colour of a stored status value.
func (st *styles) statusStyle(v string) lipgloss.Style {
	if s, ok := st.status[v]; ok {
		return s
	}
	return lipgloss.NewStyle()
}
