package report

import (
	"bufio"
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"gopy/store"
	"gopy/ui/i18n"
	"gopy/ui/sanitize"
)

// bom makes Excel read a CSV file as UTF-8; without it Vietnamese turns to
// mojibake.
const bom = "\uFEFF"

// csvCell writes a value so that a spreadsheet reads it as what it is, in
// the reader's language: numbers as numbers, with no unit in the cell (a
// rate is its percentage; the row's label says "(%)") and the decimal
// comma in Vietnamese (encoding/csv then quotes the cell); digits that
// are not a number (an ID number, a phone) as text that keeps its leading
// zeros, ="0912…", the form Excel keeps as written.
func csvCell(v value, l i18n.Lang) string {
	dec := func(x float64) string {
		s := strconv.FormatFloat(round1(x), 'f', -1, 64)
		if l == i18n.VI {
			s = strings.Replace(s, ".", ",", 1)
		}
		return s
	}
	switch v.kind {
	case vRate:
		return dec(v.num * 100)
	case vNum:
		return dec(v.num)
	case vCode:
		if s := v.text; s != "" && strings.Trim(s, "0123456789") == "" {
			return `="` + s + `"`
		}
	}
	return store.Defuse(v.plain())
}

// writeCSV writes one section after another: the section title, then each
// table's title, header and rows, a blank line between tables.
func writeCSV(w io.Writer, h header, secs []section, l i18n.Lang) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(bom)
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	rec := func(cells ...string) {
		for i := range cells {
			cells[i] = store.Defuse(cells[i])
		}
		cw.Write(cells)
	}
	rec(h.title)
	for _, ln := range h.lines {
		rec(ln[0], sanitize.Line(ln[1]))
	}
	for _, s := range secs {
		rec()
		rec(s.title)
		for _, t := range s.tables {
			if t.title != "" {
				rec()
				rec(t.title)
			}
			rec(t.head...)
			for _, row := range t.rows {
				cells := make([]string, len(row))
				rate := false
				for i, v := range row {
					cells[i] = csvCell(v, l)
					rate = rate || v.kind == vRate
				}
				if rate && len(row) > 0 && row[0].kind == vText {
					cells[0] += " (%)"
				}
				cw.Write(cells) // csvCell defused them
			}
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// book is an xlsx file being written sheet by sheet, and its styles.
type book struct {
	x           *xlsxBook
	title, head int
	// values holds a style per value kind, plain [0] and bold [1] (total
	// rows), each with its number format.
	values map[valueKind][2]int
}

func newBook(w io.Writer) *book {
	return &book{x: newXLSX(w), title: xsTitle, head: xsHead, values: map[valueKind][2]int{
		vText: {xsDefault, xsBold}, vCode: {xsDefault, xsBold}, vInt: {xsInt, xsIntBold}, vRate: {xsRate, xsRateBold},
		vNum: {xsNum, xsNumBold}, vDate: {xsDate, xsDateBold},
	}}
}

// sheet starts a new sheet.
func (b *book) sheet(name string) (*xlsxSheet, error) { return b.x.sheet(sheetName(name)) }

// cell is a value as the sheet stores it: numbers as numbers, dates as
// date serials, each with its number format.
func (b *book) cell(v value, bold bool) any {
	i := 0
	if bold {
		i = 1
	}
	style := b.values[v.kind][i]
	switch v.kind {
	case vText:
		return xcell{style: style, text: v.text}
	case vInt, vRate, vNum:
		return xcell{style: style, num: v.num, isNum: true}
	case vDate:
		if v.date == 0 {
			return nil
		}
		t := time.Date(v.date.Year(), v.date.Month(), v.date.Day(), 0, 0, 0, 0, time.UTC)
		return xcell{style: style, num: excelDate(t), isNum: true}
	}
	return nil
}

// writeXLSX writes an "about" sheet with the header, then one sheet per
// section, its tables one under another.
func writeXLSX(w io.Writer, h header, secs []section, l i18n.Lang) error {
	b := newBook(w)
	sw, err := b.sheet(l.T("report.sheet.info"))
	if err != nil {
		return err
	}
	labelW := 0
	for _, ln := range h.lines {
		labelW = max(labelW, ansi.StringWidth(ln[0]))
	}
	if err := sw.SetColWidth(1, 1, colWidth(labelW)); err != nil {
		return err
	}
	if err := sw.SetColWidth(2, 2, 60); err != nil {
		return err
	}
	rw := rowWriter{sw: sw}
	rw.row(1, styled(b.title, h.title))
	for i, ln := range h.lines {
		rw.row(i+3, styled(b.values[vText][1], ln[0]), ln[1])
	}
	if rw.err != nil {
		return rw.err
	}
	if err := sw.Flush(); err != nil {
		return err
	}

	for _, s := range secs {
		if err := b.section(s, l); err != nil {
			return err
		}
	}
	return b.x.close()
}

func (b *book) section(s section, l i18n.Lang) error {
	sw, err := b.sheet(s.sheet)
	if err != nil {
		return err
	}
	// Column widths must be set before the first row.
	var widths []int
	for _, t := range s.tables {
		for i, h := range t.head {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], min(ansi.StringWidth(h), 24))
			for _, row := range t.rows {
				widths[i] = max(widths[i], ansi.StringWidth(row[i].human(l)))
			}
		}
		if t.title != "" && len(t.head) == 2 {
			widths[0] = max(widths[0], ansi.StringWidth(t.title))
		}
	}
	for i, wd := range widths {
		if err := sw.SetColWidth(i+1, i+1, colWidth(wd)); err != nil {
			return err
		}
	}
	rw := rowWriter{sw: sw}
	rw.row(1, styled(b.title, s.title))
	r := 3
	for _, t := range s.tables {
		if t.title != "" {
			rw.row(r, styled(b.values[vText][1], t.title))
			r++
		}
		head := make([]any, len(t.head))
		for i, h := range t.head {
			head[i] = styled(b.head, h)
		}
		rw.row(r, head...)
		r++
		for ri, row := range t.rows {
			bold := t.total && ri == len(t.rows)-1
			cells := make([]any, len(row))
			for i, v := range row {
				cells[i] = b.cell(v, bold)
			}
			rw.row(r, cells...)
			r++
		}
		r++
	}
	if rw.err != nil {
		return rw.err
	}
	return sw.Flush()
}

func styled(style int, v string) xcell { return xcell{style: style, text: v} }

// rowWriter keeps the first error of a run of rows.
type rowWriter struct {
	sw  *xlsxSheet
	err error
}

func (w *rowWriter) row(r int, cells ...any) {
	if w.err == nil {
		w.err = w.sw.SetRow(r, cells)
	}
}

func colWidth(cells int) float64 { return float64(min(max(cells, 6), 70) + 2) }

// sheetName makes a name Excel accepts: at most 31 characters, none of
// : \ / ? * [ ].
func sheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) {
			return '-'
		}
		return r
	}, s)
	if rs := []rune(s); len(rs) > 31 {
		s = string(rs[:31])
	}
	return s
}
