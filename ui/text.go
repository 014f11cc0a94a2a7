package ui

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"gopy/model"
	"gopy/ui/i18n"
	"gopy/ui/sanitize"
)

// width is the cells s takes on the terminal. Measuring grapheme clusters
// is most of what drawing a list costs, so text made only of one-cell
// letters (ASCII, Vietnamese precomposed, the punctuation gopy draws) and
// SGR style sequences is counted directly; anything else is measured fully.
func width(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c >= 0x20 && c < 0x7f:
			n++
			i++
			continue
		case c == 0x1b && i+1 < len(s) && s[i+1] == '[':
			j := i + 2
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';' || s[j] == ':') {
				j++
			}
			if j < len(s) && s[j] == 'm' {
				i = j + 1
				continue
			}
			return ansi.StringWidth(s)
		case c < 0x80:
			return ansi.StringWidth(s)
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !oneCell(r) || size == 1 {
			return ansi.StringWidth(s)
		}
		n++
		i += size
	}
	return n
}

// oneCell: precomposed Latin letters (Vietnamese among them) and the
// symbols gopy itself draws; never a combining mark or a wide character.
func oneCell(r rune) bool {
	switch {
	case r >= 0xa0 && r <= 0x24f: // Latin-1 supplement, Latin extended A and B
		return r != 0xad // soft hyphen
	case r >= 0x1e00 && r <= 0x1eff: // Latin extended additional (ạ ả ấ … ỹ)
		return true
	case r >= 0x2010 && r <= 0x2027, r >= 0x2190 && r <= 0x21ff, r >= 0x2400 && r <= 0x2426,
		r >= 0x2500 && r <= 0x257f, r == 0x2039, r == 0x203a, r == 0xfffd:
		return true
	}
	return false
}

// clip cuts s (which may hold styles) to at most w cells, ending in "…"
// when cut.
func clip(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if width(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "…")
}

// fill clips s to w cells and pads it with spaces to exactly w.
func fill(s string, w int) string {
	if w <= 0 {
		return ""
	}
	sw := width(s)
	if sw > w {
		s = ansi.Truncate(s, w, "…")
		sw = width(s)
	}
	if sw < w {
		s += strings.Repeat(" ", w-sw)
	}
	return s
}

// fillLeft is fill aligned right.
func fillLeft(s string, w int) string {
	s = clip(s, w)
	if n := w - width(s); n > 0 {
		s = strings.Repeat(" ", n) + s
	}
	return s
}

// wrap breaks plain text into lines of at most w cells, at spaces where it
// can; a word longer than w is cut.
func wrap(s string, w int) []string {
	if w < 1 {
		w = 1
	}
	var out []string
	for _, para := range strings.Split(s, "\n") {
		if para == "" {
			out = append(out, "")
			continue
		}
		out = append(out, strings.Split(ansi.Wrap(para, w, ""), "\n")...)
	}
	return out
}

// frame makes s exactly h lines of at most w cells: the root's promise
// that a screen never pushes the help line off the terminal.
func frame(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		lines[i] = clip(l, w)
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// spread puts left and right on one line of width w, right-aligned.
func spread(left, right string, w int) string {
	lw, rw := width(left), width(right)
	if lw+rw+1 > w {
		return clip(left, w-rw-1) + " " + right
	}
	return left + strings.Repeat(" ", w-lw-rw) + right
}

// db makes a value read from the database safe to draw on one line.
func db(s string) string { return sanitize.Line(s) }

// dbText is db for multi-line values.
func dbText(s string) string { return sanitize.Text(s) }

// num formats an integer with the language's thousands separator
// (Vietnamese 1.234, English 1,234).
func num(l i18n.Lang, n int) string {
	s := strconv.Itoa(n)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	sep := l.T("num.thousands")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// date formats a date for display; the zero date shows as a dash.
func date(d model.Date) string {
	if d == 0 {
		return "—"
	}
	return d.String()
}

// monthStart and monthEnd bound the calendar month of d.
func monthStart(d model.Date) model.Date { return model.NewDate(d.Year(), d.Month(), 1) }

func monthEnd(d model.Date) model.Date {
	y, m := d.Year(), d.Month()+1
	if m > 12 {
		y, m = y+1, 1
	}
	return model.NewDate(y, m, 1).AddDays(-1)
}
