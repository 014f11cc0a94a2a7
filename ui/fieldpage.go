package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"gopy/model"
	"gopy/ui/kit"
)

// fieldPage is a scrollable page of labelled fields (a record's detail, the
// settings). A highlighted line moves with j/k; when it rests on a link,
// enter opens the linked record. Lines are laid out once per width, never
// in View.
type fieldPage struct {
	lines          []docLine
	cursor, offset int
}

type docLine struct {
	text  string // styled
	plain string // the same text without styles, for the highlighted line
	link  *link
	point int // the feedback point (1-based) the line shows; 0 for none
}

// link points at another record.
type link struct {
	kind model.Kind
	id   string
	ref  string
}

// key moves the highlighted line; it returns the link to open on enter.
func (d *fieldPage) key(k *kit.KeyMap, msg tea.KeyPressMsg, h int) *link {
	last := max(len(d.lines)-1, 0)
	switch {
	case key.Matches(msg, k.Down):
		d.cursor = min(d.cursor+1, last)
	case key.Matches(msg, k.Up):
		d.cursor = max(d.cursor-1, 0)
	case key.Matches(msg, k.PageDown):
		d.cursor = min(d.cursor+h, last)
		d.offset += h
	case key.Matches(msg, k.PageUp):
		d.cursor = max(d.cursor-h, 0)
		d.offset -= h
	case key.Matches(msg, k.Top):
		d.cursor, d.offset = 0, 0
	case key.Matches(msg, k.Bottom):
		d.cursor = last
	case key.Matches(msg, k.Open):
		if d.cursor < len(d.lines) {
			return d.lines[d.cursor].link
		}
	}
	d.scroll(h)
	return nil
}

// scroll keeps the highlighted line among the h shown.
func (d *fieldPage) scroll(h int) { d.offset = d.offsetFor(h) }

// offsetFor is the first line shown on h lines with the highlighted line
// among them.
func (d *fieldPage) offsetFor(h int) int {
	off := d.offset
	if d.cursor < off {
		off = d.cursor
	}
	if d.cursor >= off+h {
		off = d.cursor - h + 1
	}
	return max(0, min(off, len(d.lines)-h))
}

// view draws h lines of the page from its offset; it changes nothing.
func (d *fieldPage) view(st *kit.Styles, w, h int) string {
	off := d.offsetFor(h)
	var b strings.Builder
	end := min(off+h, len(d.lines))
	for i := off; i < end; i++ {
		ln := &d.lines[i]
		if i == d.cursor {
			// Every line starts with a blank gutter; the highlighted one
			// shows ">" there, for terminals without reverse video.
			b.WriteString(st.InkSelected.Render(kit.Fill(">"+strings.TrimPrefix(ln.plain, " "), w)))
		} else {
			b.WriteString(ln.text)
		}
		if i < end-1 {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// docBuilder lays out labelled fields: the label in a column of its own,
// the value wrapped beside it.
type docBuilder struct {
	st     *kit.Styles
	w      int
	labelW int
	lines  []docLine
}

func newDocBuilder(st *kit.Styles, w int, labels []string) *docBuilder {
	lw := 0
	for _, l := range labels {
		lw = max(lw, kit.Width(l))
	}
	return &docBuilder{st: st, w: w, labelW: min(lw, max(w/3, 12))}
}

func (b *docBuilder) add(text, plain string, l *link) {
	b.lines = append(b.lines, docLine{text: text, plain: plain, link: l})
}

func (b *docBuilder) blank() { b.add("", "", nil) }

func (b *docBuilder) section(title string) {
	if len(b.lines) > 0 {
		b.blank()
	}
	t := kit.Clip(title, b.w-1)
	b.add(" "+b.st.Section.Render(t), " "+t, nil)
}

// para is free text over the whole width, wrapped, indented by indent.
func (b *docBuilder) para(text string, indent int, style render) {
	pad := strings.Repeat(" ", indent)
	for _, ln := range kit.Wrap(text, max(b.w-indent, 8)) {
		s := ln
		if style != nil {
			s = style(ln)
		}
		b.add(pad+s, pad+ln, nil)
	}
}

// field adds "label  value"; value is plain text (already sanitised),
// styled by style when given; note follows the value, styled by noteStyle
// (a flag such as "Quá hạn").
func (b *docBuilder) field(label, value string, style render) {
	b.fieldNote(label, value, style, "", nil)
}

func (b *docBuilder) fieldNote(label, value string, style render, note string, noteStyle render) {
	if value == "" {
		value = "—"
	}
	valW := max(b.w-b.labelW-3, 8)
	lines := kit.Wrap(value, valW)
	if note != "" {
		// The note (a flag such as "Quá hạn") follows the value on its
		// last line when it fits, else on lines of its own.
		last := lines[len(lines)-1]
		if kit.Width(last)+3+kit.Width(note) <= valW {
			lines[len(lines)-1] = last + "\x00" + note
		} else {
			for _, nl := range kit.Wrap(note, valW) {
				lines = append(lines, "\x00"+nl)
			}
		}
	}
	for i, ln := range lines {
		lab := strings.Repeat(" ", b.labelW)
		if i == 0 {
			lab = kit.Fill(label, b.labelW)
		}
		val, nt, hasNote := strings.Cut(ln, "\x00")
		plainVal, styledVal := val, val
		if style != nil && val != "" {
			styledVal = style(val)
		}
		if hasNote {
			sep := ""
			if val != "" {
				sep = " · "
			}
			plainVal += sep + nt
			n := nt
			if noteStyle != nil {
				n = noteStyle(nt)
			}
			styledVal += sep + n
		}
		b.add(" "+b.st.Label.Render(lab)+"  "+styledVal, " "+lab+"  "+plainVal, nil)
	}
}

// linkLine is an openable line: enter on it opens the record.
func (b *docBuilder) linkLine(text string, l *link, note string, noteStyle render) {
	t := kit.Clip("→ "+text, b.w-2-kit.Width(note)-1)
	plain := " " + t
	styled := " " + b.st.Link.Render(t)
	if note != "" {
		plain += " " + note
		if noteStyle != nil {
			note = noteStyle(note)
		}
		styled += " " + note
	}
	b.add(styled, plain, l)
}

// render is a style's Render method, or nil for plain text.
type render = func(...string) string
