package ui

import (
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"gopy/ui/kit"
	"gopy/ui/sanitize"
)

// newInput is a one-line text field in gopy's style: a steady cursor (a
// blinking one redraws the screen twice a second for nothing on an old
// machine); callers normalise the value (NFC) before use.
func newInput(st *kit.Styles, prompt, placeholder string, limit int) textinput.Model {
	ti := textinput.New()
	ti.Prompt = prompt
	ti.Placeholder = placeholder
	ti.CharLimit = limit
	ti.SetStyles(st.Input)
	// Without a width, bubbles' textinput draws only the placeholder's
	// first letter ("/ g"); callers that know their room set it again.
	ti.SetWidth(max(kit.Width(placeholder)+1, 20))
	return ti
}

// updateInput hands a key or a paste to a text field and keeps what it
// then holds safe to draw.
func updateInput(ti *textinput.Model, msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	*ti, cmd = ti.Update(msg)
	keepInert(ti)
	return cmd
}

// keepInert makes what was typed or pasted into a field safe to draw: the
// field drops control characters itself, but not the bidi overrides that
// reorder what a reader sees.
func keepInert(ti *textinput.Model) {
	v := ti.Value()
	if sanitize.Line(v) == v {
		return
	}
	clean := strings.Map(func(r rune) rune {
		if s := string(r); sanitize.Line(s) != s {
			return -1
		}
		return r
	}, v)
	pos := ti.Position() - (len([]rune(v)) - len([]rune(clean)))
	ti.SetValue(clean)
	ti.SetCursor(max(pos, 0))
}
