package kit

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Width is the cells s takes on the terminal. Measuring grapheme clusters
// is most of what drawing a list costs, so text made only of one-cell
// letters (ASCII, Vietnamese precomposed, the punctuation gopy draws) and
// SGR style sequences is counted directly; anything else is measured fully.
func Width(s string) int {
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

// Clip cuts s (which may hold styles) to at most w cells, ending in "…"
// when cut.
func Clip(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if Width(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "…")
}

// Fill clips s to w cells and pads it with spaces to exactly w.
func Fill(s string, w int) string {
	if w <= 0 {
		return ""
	}
	sw := Width(s)
	if sw > w {
		s = ansi.Truncate(s, w, "…")
		sw = Width(s)
	}
	if sw < w {
		s += strings.Repeat(" ", w-sw)
	}
	return s
}

// FillLeft is Fill aligned right.
func FillLeft(s string, w int) string {
	s = Clip(s, w)
	if n := w - Width(s); n > 0 {
		s = strings.Repeat(" ", n) + s
	}
	return s
}

// Spread puts left and right on one line of w cells, right aligned, with
// at least one blank between them; left is cut when both do not fit. An
// empty right is no exception: the line is still padded to w, and a left
// of w cells or more is cut to leave the last cell blank.
func Spread(left, right string, w int) string {
	lw, rw := Width(left), Width(right)
	if lw+rw+1 > w {
		return Clip(left, max(w-rw-1, 0)) + " " + right
	}
	return left + strings.Repeat(" ", w-lw-rw) + right
}

// Wrap breaks text into lines of at most w cells, at spaces where it can;
// a word longer than w is cut. Each newline starts a line.
func Wrap(s string, w int) []string {
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
