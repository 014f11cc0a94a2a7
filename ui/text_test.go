package ui

import (
	"testing"

	"github.com/charmbracelet/x/ansi"
	"golang.org/x/text/unicode/norm"

	"gopy/ui/kit"
	"gopy/ui/sanitize"
)

// width's fast path must agree with the full grapheme measure.
func TestWidthAgreesWithAnsi(t *testing.T) {
	samples := []string{
		"", "abc", "Nguyễn Văn Đức", "ĐỖ THỊ Ánh Ước", norm.NFD.String("Nguyễn Văn Đức"),
		"Phường Hòa Bình · 16/03/2026 — → ‹ › …", "\x1b[1mđậm\x1b[0m thường", "\x1b[38;5;9m!\x1b[m",
		"中文字", "emoji 👍 ok", "tab\there", "ctl\x07", "\x1b]0;title\x07x", "soft\u00adhyphen",
		sanitize.Line("x\x1b[31my\x1b]0;z\x07"), "┌──┐│", "e\u0301", "\u200bzero",
	}
	for _, s := range samples {
		if got, want := kit.Width(s), ansi.StringWidth(s); got != want {
			t.Errorf("kit.Width(%q) = %d, ansi says %d", s, got, want)
		}
	}
}

func FuzzWidth(f *testing.F) {
	f.Add("Nguyễn Văn An")
	f.Add("\x1b[1;31mQuá hạn\x1b[0m")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := kit.Width(s), ansi.StringWidth(s); got != want {
			t.Errorf("kit.Width(%q) = %d, ansi says %d", s, got, want)
		}
	})
}
