package ui

import (
	"charm.land/bubbles/v2/key"

	"gopy/ui/i18n"
)

// reportKeys are the Reports tab's own keys, beside the shared keyMap: a
// key per usual period, the period before or after, the sections, the
// export. The period bar, the help line and the ? page are built from
// them, so what a key does and what the screen says never drift apart.
type reportKeys struct {
	presets        [nPresets]key.Binding
	Typed          key.Binding
	Earlier, Later key.Binding
	PrevSection    key.Binding
	NextSection    key.Binding
	Export         key.Binding

	// In the export dialog, where letters are the file name.
	DlgNext, DlgPrev   key.Binding
	DlgLeft, DlgRight  key.Binding
	Write, Yes, No     key.Binding
	ApplyTyped, Cancel key.Binding
}

func newReportKeys(l i18n.Lang) *reportKeys {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, l.T(desc)))
	}
	ks := func(k ...string) []string { return k }
	rk := &reportKeys{
		Typed:       b(ks("p"), "p", "reports.key.typed"),
		Earlier:     b(ks("["), "[", "reports.key.earlier"),
		Later:       b(ks("]"), "]", "reports.key.later"),
		PrevSection: b(ks("left", "h"), "←/h", "reports.key.prev_section"),
		NextSection: b(ks("right", "l"), "→/l", "reports.key.next_section"),
		Export:      b(ks("e"), "e", "reports.key.export"),

		DlgNext:    b(ks("tab", "down"), "tab/↓", "key.next_field"),
		DlgPrev:    b(ks("shift+tab", "up"), "shift+tab/↑", "key.prev_field"),
		DlgLeft:    b(ks("left"), "←", "reports.key.prev_format"),
		DlgRight:   b(ks("right"), "→", "reports.key.next_format"),
		Write:      b(ks("enter"), "enter", "reports.key.write"),
		Yes:        b(ks("y", "Y"), "y", "reports.key.overwrite"),
		No:         b(ks("n", "N", "esc"), "n", "key.no"),
		ApplyTyped: b(ks("enter"), "enter", "reports.key.apply"),
		Cancel:     b(ks("esc"), "esc", "key.cancel"),
	}
	for i, p := range presets {
		rk.presets[i] = b(ks(p.key), p.key, p.label)
	}
	return rk
}
