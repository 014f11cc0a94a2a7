package report

import (
	"bufio"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"gopy/ui/i18n"
	"gopy/ui/sanitize"
)

func itoa(n int) string { return strconv.Itoa(n) }

// human formats a value for people to read: plain's figure with the
// language's decimal and thousands separators (1.234,5 in Vietnamese,
// 1,234.5 in English).
func (v value) human(l i18n.Lang) string {
	dec, thou := ",", "."
	if l == i18n.EN {
		dec, thou = ".", ","
	}
	s := v.plain()
	switch v.kind {
	case vInt:
		return group(s, thou)
	case vRate, vNum:
		return strings.Replace(s, ".", dec, 1)
	}
	return s
}

// plain formats a value for CSV: no thousands separator, a dot for
// decimals. Text is sanitised, since it may come from the database and a
// CSV printed to stdout may land on a terminal.
func (v value) plain() string {
	switch v.kind {
	case vText, vCode:
		return sanitize.Line(v.text)
	case vInt:
		return strconv.FormatInt(int64(v.num), 10)
	case vRate:
		return strconv.FormatFloat(round1(v.num*100), 'f', 1, 64) + "%"
	case vNum:
		return strconv.FormatFloat(round1(v.num), 'f', -1, 64)
	case vDate:
		return v.date.String()
	}
	return ""
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }

func group(digits, sep string) string {
	neg := strings.HasPrefix(digits, "-")
	digits = strings.TrimPrefix(digits, "-")
	if len(digits) <= 3 {
		if neg {
			return "-" + digits
		}
		return digits
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	head := len(digits) % 3
	if head > 0 {
		b.WriteString(digits[:head])
	}
	for i := head; i < len(digits); i += 3 {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

// writeText lays the report out for a terminal: aligned columns measured in
// terminal cells (Vietnamese letters with stacked diacritics are one cell
// wide however many bytes they take), numbers right-aligned.
func writeText(w io.Writer, h header, secs []section, l i18n.Lang) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(h.title + "\n")
	labelW := 0
	for _, ln := range h.lines {
		labelW = max(labelW, ansi.StringWidth(ln[0]))
	}
	for _, ln := range h.lines {
		bw.WriteString(pad(ln[0]+":", labelW+1, false) + " " + sanitize.Line(ln[1]) + "\n")
	}
	for _, s := range secs {
		bw.WriteString("\n" + s.title + "\n")
		for _, t := range s.tables {
			bw.WriteString("\n")
			if t.title != "" {
				bw.WriteString("  " + t.title + "\n")
			}
			textTable(bw, t, l)
		}
	}
	return bw.Flush()
}

func textTable(bw *bufio.Writer, t table, l i18n.Lang) {
	cells := make([][]string, len(t.rows))
	widths := make([]int, len(t.head))
	right := make([]bool, len(t.head))
	for i, h := range t.head {
		widths[i] = ansi.StringWidth(h)
	}
	for r, row := range t.rows {
		cells[r] = make([]string, len(row))
		for i, v := range row {
			cells[r][i] = v.human(l)
			widths[i] = max(widths[i], ansi.StringWidth(cells[r][i]))
			right[i] = right[i] || v.numeric()
		}
	}
	line := func(cols []string) {
		var b strings.Builder
		b.WriteString("  ")
		for i, c := range cols {
			if i > 0 {
				b.WriteString("  ")
			}
			b.WriteString(pad(c, widths[i], right[i]))
		}
		bw.WriteString(strings.TrimRight(b.String(), " ") + "\n")
	}
	rule := func() {
		cols := make([]string, len(widths))
		for i, n := range widths {
			cols[i] = strings.Repeat("─", n)
		}
		line(cols)
	}
	line(t.head)
	rule()
	if len(t.rows) == 0 {
		bw.WriteString("  " + l.T("report.none") + "\n")
	}
	for r, row := range cells {
		if t.total && r == len(cells)-1 {
			rule()
		}
		line(row)
	}
}

func pad(s string, width int, right bool) string {
	gap := width - ansi.StringWidth(s)
	if gap <= 0 {
		return s
	}
	if right {
		return strings.Repeat(" ", gap) + s
	}
	return s + strings.Repeat(" ", gap)
}

// writeMarkdown writes headings and pipe tables; text from the database is
// sanitised and its Markdown punctuation escaped so a name cannot turn into
// a link or break a table.
func writeMarkdown(w io.Writer, h header, secs []section, l i18n.Lang) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("# " + h.title + "\n\n")
	for _, ln := range h.lines {
		bw.WriteString("- **" + ln[0] + ":** " + mdEscape(sanitize.Line(ln[1])) + "\n")
	}
	for _, s := range secs {
		bw.WriteString("\n## " + s.title + "\n")
		for _, t := range s.tables {
			bw.WriteString("\n")
			if t.title != "" {
				bw.WriteString("### " + t.title + "\n\n")
			}
			bw.WriteString("|")
			for _, c := range t.head {
				bw.WriteString(" " + mdEscape(c) + " |")
			}
			bw.WriteString("\n|")
			for i := range t.head {
				if len(t.rows) > 0 && t.rows[0][i].numeric() {
					bw.WriteString("---:|")
				} else {
					bw.WriteString("---|")
				}
			}
			bw.WriteString("\n")
			for r, row := range t.rows {
				bold := t.total && r == len(t.rows)-1
				bw.WriteString("|")
				for _, v := range row {
					c := mdEscape(v.human(l))
					if bold && c != "" {
						c = "**" + c + "**"
					}
					bw.WriteString(" " + c + " |")
				}
				bw.WriteString("\n")
			}
			if len(t.rows) == 0 {
				bw.WriteString("\n" + l.T("report.none") + "\n")
			}
		}
	}
	return bw.Flush()
}

var mdEscaper = strings.NewReplacer(
	`\`, `\\`, `|`, `\|`, `*`, `\*`, `_`, `\_`, "`", "\\`", `[`, `\[`, `]`, `\]`,
	`<`, `&lt;`, `>`, `&gt;`, `#`, `\#`,
)

func mdEscape(s string) string { return mdEscaper.Replace(s) }
