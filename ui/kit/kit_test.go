package kit

import (
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"gopy/ui/i18n"
)

// No is n, N or esc in every question (it was n/esc in the TUI's quit
// question and n/N/esc in the forms and the export).
func TestNoIsOneBinding(t *testing.T) {
	k := NewKeyMap(i18n.EN)
	for _, msg := range []tea.KeyPressMsg{
		{Code: 'n', Text: "n"},
		{Code: 'n', Text: "N", ShiftedCode: 'N', Mod: tea.ModShift},
		{Code: tea.KeyEscape},
	} {
		if !key.Matches(msg, k.No) {
			t.Errorf("%q does not answer no", msg.String())
		}
	}
	if key.Matches(tea.KeyPressMsg{Code: tea.KeyEnter}, k.Yes, k.No) {
		t.Error("enter answers a question")
	}
}

func TestSpread(t *testing.T) {
	for _, c := range []struct {
		left, right string
		w           int
		want        string
	}{
		{"ab", "cd", 6, "ab  cd"},
		{"abcdef", "cd", 6, "ab… cd"},
		{"ab", "", 4, "ab  "},          // empty right: still w cells
		{"abcd", "", 4, "ab… "},        // and the last cell blank
		{"Nguyễn", "▼", 8, "Nguyễn ▼"}, // one-cell Vietnamese letters
	} {
		if got := Spread(c.left, c.right, c.w); got != c.want {
			t.Errorf("Spread(%q, %q, %d) = %q, want %q", c.left, c.right, c.w, got, c.want)
		}
	}
}
