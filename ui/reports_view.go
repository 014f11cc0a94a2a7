package ui

import (
	"math"
	"strings"

	"gopy/model"
	"gopy/ui/kit"
)

// Drawing the Reports tab: the title with the period, the period bar (or
// the typed period field), the sections, the visible lines of the section,
// a footer. Only the lines in view are formatted.

// head is the lines above the figures.
func (r *reportsTab) head(w int) []string {
	l, st := r.c.lang, r.c.st
	out := make([]string, 0, 4)

	left := st.Title.Render(r.Title())
	right := ""
	if r.period != (model.Period{}) {
		label := periodLabel(l, r.period)
		left += st.Muted.Render(" · ") + st.Bold.Render(label)
		dates := r.period.From.String() + "–" + r.period.To.String()
		if dates != label {
			right = dates + " · "
		}
		right = st.Muted.Render(right + l.F("reports.as_of", r.c.today().String()))
	}
	out = append(out, kit.Spread(left, right, w))

	if r.typing {
		out = append(out, " "+r.input.View())
		if r.inputErr != "" {
			for i, ln := range kit.Wrap(r.inputErr, w-2) {
				if i < 2 {
					out = append(out, " "+st.Err.Render(ln))
				}
			}
		} else {
			out = append(out, " "+st.Muted.Render(kit.Clip(l.T("reports.typed_hint"), w-2)))
		}
	} else {
		out = append(out, r.periodBar(w)...)
	}

	var b strings.Builder
	for _, s := range r.sections() {
		name := r.sectionName(s)
		if s == r.section {
			b.WriteString(st.TabActive.Render("[" + name + "]"))
		} else {
			b.WriteString(" " + name + " ")
		}
	}
	out = append(out, kit.Spread(b.String(), st.Muted.Render(r.keys().PrevSection.Help().Key+" "+r.keys().NextSection.Help().Key), w))
	return out
}

// periodBar shows each usual period with its key, the one shown in
// brackets (so it reads without colour), over as many lines as the width
// needs.
func (r *reportsTab) periodBar(w int) []string {
	l, st, rk := r.c.lang, r.c.st, r.keys()
	today := r.c.today()
	cur := presetOf(r.period, today)
	type item struct {
		key, label string
		on         bool
	}
	items := make([]item, 0, nPresets+1)
	for id := range nPresets {
		h := rk.Presets[id].Help()
		items = append(items, item{h.Key, h.Desc, cur == id})
	}
	items = append(items, item{rk.Typed.Help().Key, l.T("reports.preset.typed"), cur < 0})
	var lines []string
	var b strings.Builder
	used := 0
	for _, it := range items {
		text := it.key + " " + it.label
		cells := kit.Width(text) + 2
		if used > 0 && used+cells > w {
			lines = append(lines, b.String())
			b.Reset()
			used = 0
		}
		if it.on {
			b.WriteString(st.TabActive.Render("[" + text + "]"))
		} else {
			b.WriteString(" " + st.HelpKey.Render(it.key) + " " + it.label + " ")
		}
		used += cells
	}
	return append(lines, b.String())
}

// visible is the number of figure lines in view.
func (r *reportsTab) visible() int {
	w, h := r.c.body()
	return max(h-len(r.head(w))-1, 1)
}

func (r *reportsTab) View(w, h int) string {
	l, st := r.c.lang, r.c.st
	if r.export != nil {
		return r.export.View()
	}
	head := r.head(w)
	vis := max(h-len(head)-1, 1)
	var b strings.Builder
	for _, ln := range head {
		b.WriteString(ln)
		b.WriteByte('\n')
	}
	drawn := 0
	switch {
	case r.err != nil && r.docGen != r.gen:
		b.WriteString(" " + st.Err.Render(l.F("reports.failed", db(r.err.Error()))) + "\n")
		drawn++
	case !r.ready():
		b.WriteString(" " + st.Muted.Render(l.T("reports.computing")) + "\n")
		drawn++
	default:
		offset := max(0, min(r.offset, len(r.lay.rows)-vis))
		end := min(offset+vis, len(r.lay.rows))
		for i := offset; i < end; i++ {
			b.WriteString(r.drawRow(i, w))
			b.WriteByte('\n')
			drawn++
		}
	}
	for ; drawn < vis; drawn++ {
		b.WriteByte('\n')
	}
	b.WriteString(r.footer(w, vis))
	return b.String()
}

// footer is the hint of the cursor's line and, when the section does not
// fit, which lines are in view (vis of them).
func (r *reportsTab) footer(w, vis int) string {
	l, st := r.c.lang, r.c.st
	var left, right string
	switch {
	case r.flash != "" && r.flashOK:
		left = st.OK.Render(r.flash)
	case r.flash != "":
		left = st.Warn.Render(r.flash)
	case r.ready() && r.cursor >= 0 && r.lay.rows[r.cursor].openable():
		hint := "reports.hint.open"
		if r.lay.rows[r.cursor].kind == rowOverdue {
			hint = "reports.hint.open_one"
		}
		left = st.Muted.Render(r.c.keys.Open.Help().Key + ": " + l.T(hint))
	}
	if r.ready() && len(r.lay.rows) > vis {
		n := len(r.lay.rows)
		right = st.Muted.Render(l.F("reports.lines", num(l, r.offset+1), num(l, min(r.offset+vis, n)), num(l, n)))
	}
	return kit.Spread(left, right, w)
}

// drawRow draws line i of the section, the cursor's reversed.
func (r *reportsTab) drawRow(i, w int) string {
	st := r.c.st
	row := &r.lay.rows[i]
	sel := i == r.cursor
	switch row.kind {
	case rowBlank:
		return ""
	case rowHeading:
		return " " + st.Section.Render(kit.Clip(row.label, w-1))
	case rowNote:
		return "  " + st.Muted.Render(kit.Clip(row.label, w-2))
	case rowHead:
		return "  " + st.Label.Render(r.headLine(row, w-2))
	}
	var text string
	var styled func(string) string
	switch row.kind {
	case rowFigure:
		text, styled = r.figureLine(row, w-2)
	case rowBar:
		text, styled = r.barLine(row, w-2)
	case rowCells:
		text = r.cellsLine(row.table, row.cells, w-2)
	case rowOverdue:
		e := &r.doc.Report.Petitions.OverdueList[row.od]
		text = r.cellsLine(row.table, r.overdueCells(e, row.table.wardCol, row.od+1), w-2)
	}
	if sel {
		return st.Selected.Render(kit.Fill("> "+text, w))
	}
	if styled != nil {
		return "  " + styled(text)
	}
	if row.total {
		return "  " + st.Bold.Render(text)
	}
	return "  " + text
}

// figureLine: label, value right-aligned, "!" when it falls short, a note.
// styled draws the same cells in colour.
func (r *reportsTab) figureLine(row *repRow, w int) (string, func(string) string) {
	st, lay := r.c.st, r.lay
	right := lay.valueW + 2
	if lay.noteW > 0 {
		right += 1 + lay.noteW
	}
	labelW := max(min(lay.labelW, w-right-2), 4)
	flag := " "
	if row.alarm {
		flag = "!"
	}
	label := kit.Fill(row.label, labelW) + "  "
	value := kit.FillLeft(row.value, lay.valueW)
	note := ""
	if lay.noteW > 0 {
		note = " " + row.note
	}
	text := label + value + " " + flag + note
	if !row.alarm && row.note == "" {
		return text, nil
	}
	return text, func(string) string {
		if !row.alarm {
			return label + value + " " + flag + st.OK.Render(note)
		}
		return label + st.Overdue.Render(value) + " " + st.Overdue.Render(flag) + st.Warn.Render(note)
	}
}

// barGeometry is how a chart's lines share the width: label, bar, the
// tallies, the share.
func (r *reportsTab) barGeometry(bt *barTable, w int) (labelW, barW, pctW int) {
	nums := 0
	for _, n := range bt.numW {
		nums += n + 2
	}
	if len(bt.numW) == 1 {
		pctW = 4 // "100%"
	}
	labelW = min(bt.labelW, max(w*2/5, 12))
	barW = min(w-labelW-2-nums-pctW-1, 40)
	if barW < 3 {
		barW = 0
	}
	return labelW, barW, pctW
}

// barLine: label ███ tallies share. The bar is a tally's length against
// the largest; a nonzero tally has at least one block.
func (r *reportsTab) barLine(row *repRow, w int) (string, func(string) string) {
	l, st, bt := r.c.lang, r.c.st, row.bars
	labelW, barW, pctW := r.barGeometry(bt, w)
	n := 0
	if !row.total && bt.max > 0 && barW > 0 {
		n = int(math.Round(float64(row.nums[0]) / float64(bt.max) * float64(barW)))
		if row.nums[0] > 0 {
			n = max(n, 1)
		}
	}
	var b strings.Builder
	label := kit.Fill(row.label, labelW) + "  "
	bar := strings.Repeat("█", n) + strings.Repeat(" ", max(barW-n, 0))
	for i, v := range row.nums {
		b.WriteString("  " + kit.FillLeft(num(l, v), bt.numW[i]))
	}
	if pctW > 0 {
		pct := ""
		if bt.sum > 0 && !row.total {
			pct = num(l, int(math.Round(float64(row.nums[0])*100/float64(bt.sum)))) + "%"
		}
		b.WriteString(" " + kit.FillLeft(pct, pctW))
	}
	nums := b.String()
	text := label + bar + nums
	return text, func(string) string {
		if row.total {
			return st.Bold.Render(label) + bar + st.Bold.Render(nums)
		}
		ink := st.Info
		if s, ok := st.Status(row.key); ok {
			ink = s
		}
		return label + ink.Render(bar) + nums
	}
}

// headLine is a table's or a chart's column names, aligned over its
// columns.
func (r *reportsTab) headLine(row *repRow, w int) string {
	if row.table != nil {
		return r.cellsLine(row.table, row.table.heads, w)
	}
	bt := row.bars
	labelW, barW, pctW := r.barGeometry(bt, w)
	s := strings.Repeat(" ", labelW+2+barW)
	for i, h := range bt.heads {
		s += "  " + kit.FillLeft(h, bt.numW[i])
	}
	if pctW > 0 {
		s += strings.Repeat(" ", pctW+1)
	}
	return s
}

// cellsLine lays a table's cells out in w (see cellTable.fit).
func (r *reportsTab) cellsLine(t *cellTable, cells []string, w int) string {
	ws := t.fit(w)
	var b strings.Builder
	for i, c := range cells {
		if i > 0 {
			b.WriteString("  ")
		}
		if t.right[i] {
			b.WriteString(kit.FillLeft(c, ws[i]))
		} else {
			b.WriteString(kit.Fill(c, ws[i]))
		}
	}
	return kit.Clip(strings.TrimRight(b.String(), " "), w)
}
