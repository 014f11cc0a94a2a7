package entry

import (
	"strconv"
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"gopy/model"
	"gopy/ui/kit"
	"gopy/ui/sanitize"
)

type fieldKind int

const (
	kLine   fieldKind = iota // one line of text
	kText                    // multi-line text
	kDate                    // dd/mm/yyyy; t for today
	kNumber                  // digits
	kChoice                  // one of a fixed set (a stored enum)
	kPick                    // free text with suggestions from a Settings list
	kTags                    // comma-separated values with suggestions
	kCheck                   // yes/no
	kInfo                    // read-only text
	kButton                  // enter acts
)

type option struct{ value, label string }

// maxSuggestions is how many suggestions show under a pick field.
const maxSuggestions = 5

// field is one labelled input of a form. Its key is the stored (JSON) name
// of what it edits ("points.2.answer"), so errors from model.Validate and
// store.Invalid land beside it.
type field struct {
	key      string
	label    string
	kind     fieldKind
	section  string // heading drawn above the field
	required bool
	hint     string        // shown under the field while it has focus
	note     func() string // shown under the field (computed due dates, …)
	visible  func() bool

	in textinput.Model
	ta textarea.Model

	opts   []option
	sel    int
	filter string // typed to find an option

	list   []string // suggestions (pick, tags)
	sugg   []string // those matching what is typed
	sugSel int      // highlighted suggestion, -1 none
	// typed: something was typed since the field got focus. Only then
	// does ↓ go into the suggestions; before, it moves on like anywhere
	// else, so arrowing through a form never gets caught in a list.
	typed bool
	// fresh: a date or number field just took focus holding a value (the
	// receipt date shows today): the first digit typed replaces it rather
	// than being refused at the end of a full field.
	fresh bool

	checked bool
	locked  func() bool // a check forced on

	info   string
	action func() tea.Cmd

	// auto: a due date the form computes until the officer types in it.
	auto bool
	w    int // value column width
}

func newField(k fieldKind, key, label string) *field {
	f := &field{key: key, label: label, kind: k, sugSel: -1}
	switch k {
	case kLine, kDate, kNumber, kPick, kTags:
		f.in = textinput.New()
		f.in.Prompt = ""
		f.in.CharLimit = 500
		switch k {
		case kDate:
			f.in.CharLimit = 10
			f.in.Placeholder = "dd/mm/yyyy"
		case kNumber:
			f.in.CharLimit = 7
		case kTags:
			f.in.CharLimit = 2000
		}
	case kText:
		f.ta = textarea.New()
		f.ta.ShowLineNumbers = false
		f.ta.Prompt = "┃ "
		f.ta.CharLimit = 100_000
		f.ta.DynamicHeight = true
		f.ta.MinHeight = 1
		f.ta.MaxHeight = 3
		f.ta.MaxContentHeight = 10_000
	}
	return f
}

func (f *field) shown() bool { return f.visible == nil || f.visible() }

// focusable: info lines are skipped by tab.
func (f *field) focusable() bool { return f.kind != kInfo && f.shown() }

func (f *field) textual() bool {
	switch f.kind {
	case kLine, kDate, kNumber, kPick, kTags:
		return true
	}
	return false
}

// value is what the field holds, NFC-normalised: text as typed, a choice's
// stored value, "1" for a ticked check.
func (f *field) value() string {
	switch {
	case f.textual():
		return model.NFC(f.in.Value())
	case f.kind == kText:
		return model.NFC(f.ta.Value())
	case f.kind == kChoice:
		if len(f.opts) == 0 {
			return ""
		}
		return f.opts[f.sel].value
	case f.kind == kCheck:
		if f.isChecked() {
			return "1"
		}
	}
	return ""
}

func (f *field) setValue(v string) {
	switch {
	case f.textual():
		f.in.SetValue(model.NFC(v))
		f.in.CursorEnd()
		if !f.in.Focused() {
			f.in.CursorStart()
		}
	case f.kind == kText:
		f.ta.SetValue(model.NFC(v))
		if !f.ta.Focused() {
			f.ta.MoveToBegin()
		}
	case f.kind == kChoice:
		for i, o := range f.opts {
			if o.value == v {
				f.sel = i
			}
		}
	case f.kind == kCheck:
		f.checked = v == "1"
	}
}

func (f *field) isChecked() bool { return f.checked || (f.locked != nil && f.locked()) }

func (f *field) focus(st *kit.Styles) tea.Cmd {
	f.filter, f.sugSel, f.typed = "", -1, false
	f.fresh = (f.kind == kDate || f.kind == kNumber) && f.in.Value() != ""
	switch {
	case f.textual():
		f.refreshSuggestions()
		f.in.CursorEnd()
		return f.in.Focus()
	case f.kind == kText:
		f.ta.MaxHeight = 8
		f.ta.SetWidth(f.w)
		f.ta.MoveToEnd()
		return f.ta.Focus()
	}
	return nil
}

func (f *field) blur() {
	f.filter, f.sugSel, f.sugg, f.fresh = "", -1, nil, false
	// A field left shows the beginning of its text, not where typing
	// stopped.
	switch {
	case f.textual():
		f.in.Blur()
		f.in.CursorStart()
	case f.kind == kText:
		f.ta.Blur()
		f.ta.MaxHeight = 3
		f.ta.SetWidth(f.w)
		f.ta.MoveToBegin()
	}
}

// setWidth sizes the widget to w cells.
func (f *field) setWidth(w int) {
	f.w = w
	switch {
	case f.textual():
		f.in.SetWidth(max(w-1, 4))
	case f.kind == kText:
		f.ta.SetWidth(max(w, 6))
	}
}

func (f *field) restyle(st *kit.Styles) {
	switch {
	case f.textual():
		f.in.SetStyles(st.Input)
	case f.kind == kText:
		f.ta.SetStyles(st.Area)
	}
}

// refreshSuggestions lists the Settings entries matching what is typed
// (diacritics and case ignored): all of them while the field is empty.
func (f *field) refreshSuggestions() {
	if f.kind != kPick && f.kind != kTags || len(f.list) == 0 {
		return
	}
	typed, taken := f.in.Value(), map[string]bool{}
	if f.kind == kTags {
		parts := strings.Split(typed, ",")
		typed = parts[len(parts)-1]
		for _, p := range parts[:len(parts)-1] {
			taken[model.Fold(p)] = true
		}
	}
	q := model.Fold(typed)
	f.sugg = f.sugg[:0]
	for _, it := range f.list {
		fi := model.Fold(it)
		if taken[fi] || (q != "" && fi == q) {
			continue
		}
		if matchWords(fi, q) {
			f.sugg = append(f.sugg, it)
		}
	}
	if f.sugSel >= len(f.sugg) {
		f.sugSel = len(f.sugg) - 1
	}
}

// matchWords: every word of q appears in s (both folded).
func matchWords(s, q string) bool {
	for _, w := range strings.Fields(q) {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}

// acceptSuggestion puts the highlighted suggestion in the field.
func (f *field) acceptSuggestion() {
	if f.sugSel < 0 || f.sugSel >= len(f.sugg) {
		return
	}
	pick := f.sugg[f.sugSel]
	if f.kind == kTags {
		parts := strings.Split(f.in.Value(), ",")
		parts[len(parts)-1] = " " + pick
		v := strings.TrimSpace(strings.Join(parts, ","))
		f.in.SetValue(v + ", ")
	} else {
		f.in.SetValue(pick)
	}
	f.in.CursorEnd()
	f.sugSel = -1
	f.refreshSuggestions()
}

// wantsUp and wantsDown: the arrow keys move inside the field (lines of a
// text, the suggestion list) before they move between fields.
func (f *field) wantsUp() bool {
	switch f.kind {
	case kText:
		return f.ta.Line() > 0 || f.ta.LineInfo().RowOffset > 0
	case kPick, kTags:
		return f.sugSel >= 0
	}
	return false
}

func (f *field) wantsDown() bool {
	switch f.kind {
	case kText:
		li := f.ta.LineInfo()
		return f.ta.Line() < f.ta.LineCount()-1 || li.RowOffset < li.Height-1
	case kPick, kTags:
		return f.typed && f.sugSel < len(f.sugg)-1
	}
	return false
}

// takesText: the key is a character this field takes as typing. A date
// takes digits, separators and t (today), a number digits, a choice
// letters and digits to find an option; a check and a button take none.
func (f *field) takesText(msg tea.KeyPressMsg) bool {
	if msg.Text == "" {
		return false
	}
	switch f.kind {
	case kLine, kText, kPick, kTags:
		return true
	case kDate:
		return strings.Trim(msg.Text, "0123456789/-.tT") == ""
	case kNumber:
		return strings.Trim(msg.Text, "0123456789") == ""
	case kChoice:
		return msg.Text != "?"
	}
	return false
}

// handleKey handles a key the form did not take; it reports whether the value
// changed.
func (f *field) handleKey(msg tea.KeyPressMsg, k *kit.FormKeys, today model.Date) (bool, tea.Cmd) {
	before := f.value()
	var cmd tea.Cmd
	if f.fresh && msg.Text != "" && strings.Trim(msg.Text, "0123456789") == "" {
		f.in.SetValue("")
	}
	f.fresh = false
	switch f.kind {
	case kChoice:
		f.chooseKey(msg, k)
	case kCheck:
		if key.Matches(msg, k.Toggle) && (f.locked == nil || !f.locked()) {
			f.checked = !f.checked
		}
	case kPick, kTags:
		switch {
		case key.Matches(msg, k.Down):
			f.sugSel++
		case key.Matches(msg, k.Up):
			f.sugSel--
		default:
			f.in, cmd = f.in.Update(msg)
			f.normalizeInput()
			f.sugSel, f.typed = -1, true
		}
		f.refreshSuggestions()
	case kDate:
		switch {
		case key.Matches(msg, k.Today):
			f.in.SetValue(today.String())
			f.in.CursorEnd()
		case msg.Text != "" && strings.Trim(msg.Text, "0123456789/-.") != "":
			// letters mean nothing in a date
		default:
			f.in, cmd = f.in.Update(msg)
		}
	case kNumber:
		if msg.Text != "" && strings.Trim(msg.Text, "0123456789") != "" {
			break
		}
		f.in, cmd = f.in.Update(msg)
	case kLine:
		f.in, cmd = f.in.Update(msg)
		f.normalizeInput()
	case kText:
		f.ta, cmd = f.ta.Update(msg)
	}
	return f.value() != before, cmd
}

// chooseKey: ←/→ and space step through the options, a digit picks one, and
// typed letters find one by its label (diacritics ignored, so Unikey's
// backspace-and-retype bursts land on the same option).
func (f *field) chooseKey(msg tea.KeyPressMsg, k *kit.FormKeys) {
	n := len(f.opts)
	if n == 0 {
		return
	}
	switch {
	case key.Matches(msg, k.ChoosePrev):
		f.sel, f.filter = (f.sel+n-1)%n, ""
	case key.Matches(msg, k.ChooseNext):
		f.sel, f.filter = (f.sel+1)%n, ""
	case key.Matches(msg, k.Erase):
		if r := []rune(f.filter); len(r) > 0 {
			f.filter = string(r[:len(r)-1])
			f.findOption()
		}
	case len(msg.Text) == 1 && msg.Text[0] >= '1' && msg.Text[0] <= '9' && f.filter == "":
		if i := int(msg.Text[0] - '1'); i < n {
			f.sel = i
		}
	case msg.Text != "" && msg.Mod&^tea.ModShift == 0:
		f.filter += msg.Text
		f.findOption()
	}
}

func (f *field) findOption() {
	q := model.Fold(f.filter)
	if q == "" {
		return
	}
	for i, o := range f.opts {
		if matchWords(model.Fold(o.label), q) {
			f.sel = i
			return
		}
	}
}

func (f *field) filterMatches() bool {
	return f.filter == "" || matchWords(model.Fold(f.opts[f.sel].label), model.Fold(f.filter))
}

// normalizeInput keeps a one-line field in NFC as it is typed: an input
// method sending a letter and then its combining marks ends up with the
// composed letter, and the cursor stays after it.
func (f *field) normalizeInput() {
	v := f.in.Value()
	n := model.NFC(v)
	if n == v {
		return
	}
	r := []rune(v)
	pos := min(f.in.Position(), len(r))
	f.in.SetValue(n)
	f.in.SetCursor(len([]rune(model.NFC(string(r[:pos])))))
}

// paste cleans pasted text for this kind of field: NFC always, one line for
// one-line fields, only what a date or a number can hold.
func (f *field) paste(msg tea.PasteMsg) (bool, tea.Cmd) {
	before := f.value()
	s := model.NFC(msg.Content)
	var cmd tea.Cmd
	switch f.kind {
	case kText:
		s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
		f.ta, cmd = f.ta.Update(tea.PasteMsg{Content: s})
	case kLine, kPick, kTags:
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.Map(func(r rune) rune {
			if r == '\r' || r == '\n' || r == '\t' {
				return ' '
			}
			return r
		}, s)
		f.in, cmd = f.in.Update(tea.PasteMsg{Content: s})
		f.normalizeInput()
		f.typed = true
		f.refreshSuggestions()
	case kDate, kNumber:
		allowed := "0123456789"
		if f.kind == kDate {
			allowed += "/-."
		}
		s = strings.Map(func(r rune) rune {
			if strings.ContainsRune(allowed, r) {
				return r
			}
			return -1
		}, s)
		if f.fresh && s != "" {
			f.in.SetValue("")
		}
		f.fresh = false
		f.in, cmd = f.in.Update(tea.PasteMsg{Content: s})
	case kChoice:
		f.filter += strings.TrimSpace(s)
		f.findOption()
	}
	return f.value() != before, cmd
}

// view draws the value column (w cells wide): the widget and, while
// focused, the suggestions.
func (f *field) view(st *kit.Styles, focused bool, w int) []string {
	switch f.kind {
	case kLine, kDate, kNumber:
		return []string{f.in.View()}
	case kPick, kTags:
		out := []string{f.in.View()}
		if focused {
			out = append(out, f.suggestionLines(st, w)...)
		}
		return out
	case kText:
		return strings.Split(f.ta.View(), "\n")
	case kChoice:
		if len(f.opts) == 0 {
			return []string{"—"}
		}
		label := f.opts[f.sel].label
		if !focused {
			return []string{label}
		}
		s := st.Choice.Render("◂ "+label+" ▸") + st.Muted.Render(" "+strconv.Itoa(f.sel+1)+"/"+strconv.Itoa(len(f.opts)))
		if f.filter != "" {
			fs := " «" + sanitize.Line(f.filter) + "»"
			if !f.filterMatches() {
				s += st.Err.Render(fs)
			} else {
				s += st.Muted.Render(fs)
			}
		}
		return []string{s}
	case kCheck:
		box := "[ ]"
		if f.isChecked() {
			box = "[x]"
		}
		if focused {
			box = st.Choice.Render(box)
		}
		return []string{box}
	case kInfo:
		return []string{sanitize.Line(f.info)}
	case kButton:
		b := "[ " + f.label + " ]"
		if focused {
			return []string{st.Selected.Render(b)}
		}
		return []string{st.Button.Render(b)}
	}
	return nil
}

func (f *field) suggestionLines(st *kit.Styles, w int) []string {
	if len(f.sugg) == 0 {
		return nil
	}
	start := 0
	if f.sugSel >= maxSuggestions {
		start = f.sugSel - maxSuggestions + 1
	}
	end := min(start+maxSuggestions, len(f.sugg))
	var out []string
	for i := start; i < end; i++ {
		s := kit.Clip(sanitize.Line(f.sugg[i]), w-4)
		if i == f.sugSel {
			out = append(out, st.Selected.Render("▸ "+s))
		} else {
			out = append(out, st.Muted.Render("  "+s))
		}
	}
	if rest := len(f.sugg) - end; rest > 0 || start > 0 {
		out = append(out, st.Muted.Render("  … "+strconv.Itoa(len(f.sugg))))
	}
	return out
}

// firstLine is the start of a text, for a label or a choice.
func firstLine(s string, n int) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i] + " …"
	}
	r := []rune(s)
	if len(r) > n {
		s = strings.TrimRightFunc(string(r[:n]), unicode.IsSpace) + "…"
	}
	return sanitize.Line(s)
}
