// Package sanitize makes text from the database, imports or the clipboard
// safe to draw on a terminal. Every string that did not come from gopy's own
// catalog passes through Line or Text before it reaches the screen.
package sanitize

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Line returns s as one inert line: control characters (C0, DEL, C1),
// escape sequences, bidi overrides and line breaks are shown as visible
// symbols instead of acting on the terminal; invalid UTF-8 becomes U+FFFD.
// The code points that join or modify emoji (skin tones, the zero-width
// joiner, variation selectors, keycaps, tags) are left out: a terminal
// that counts cells code point by code point (tmux, Windows conhost: most
// of them) and lipgloss, which counts grapheme clusters, then agree on
// every width, so an emoji in a name never shifts a list's columns.
func Line(s string) string { return clean(s, false) }

// Text is Line but keeps line breaks (\n) for multi-line fields.
func Text(s string) string { return clean(s, true) }

func clean(s string, keepNewlines bool) string {
	if isPlain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune('\uFFFD')
		case r == '\n' && keepNewlines:
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte(' ')
		case r < 0x20:
			// Control Pictures block: ESC shows as ␛, NUL as ␀, …
			b.WriteRune(0x2400 + r)
		case r == 0x7f:
			b.WriteRune('\u2421')
		case r >= 0x80 && r <= 0x9f:
			b.WriteRune('\uFFFD')
		case IsBidiControl(r):
			b.WriteRune('\uFFFD')
		case IsEmojiJoiner(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == 0x7f {
			return false
		}
		if c >= 0x80 {
			// Multi-byte: check the slow way.
			for _, r := range s[i:] {
				if r == utf8.RuneError || (r >= 0x80 && r <= 0x9f) || IsBidiControl(r) || r < 0x20 || r == 0x7f || IsEmojiJoiner(r) {
					return false
				}
			}
			return true
		}
	}
	return true
}

// IsBidiControl covers the embedding, override and isolate controls that
// can reorder what a reader sees (Trojan Source).
func IsBidiControl(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x061c
}

// IsEmojiJoiner covers what builds one emoji out of several code points,
// which terminals and lipgloss measure differently: skin-tone modifiers,
// the zero-width joiner, variation selectors, the combining keycap and
// tag characters.
func IsEmojiJoiner(r rune) bool {
	return (r >= 0x1f3fb && r <= 0x1f3ff) || r == 0x200d || r == 0xfe0e || r == 0xfe0f || r == 0x20e3 ||
		(r >= 0xe0020 && r <= 0xe007f)
}

// JSON makes JSON text inert on a terminal and keeps it the same JSON: a
// character Line would replace (DEL, C1 controls, bidi controls; C0 ones
// are already escaped by encoding/json) is written as its \u escape, and
// invalid UTF-8 as \ufffd. These can only stand inside strings.
func JSON(b []byte) []byte {
	if isPlain(string(b)) {
		return b
	}
	out := make([]byte, 0, len(b)+16)
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			out = append(out, `\ufffd`...)
		case r < 0x20 && r != '\n' && r != '\t' && r != '\r', r == 0x7f, r >= 0x80 && r <= 0x9f, IsBidiControl(r):
			out = fmt.Appendf(out, `\u%04x`, r)
		default:
			out = append(out, b[i:i+size]...)
		}
		i += size
	}
	return out
}
