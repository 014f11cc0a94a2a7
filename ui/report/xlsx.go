package report

import (
	"archive/zip"
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
)

// A small SpreadsheetML (xlsx) writer: sheets streamed row by row into the
// zip, inline strings, numbers as numbers, a fixed set of styles. gopy used
// excelize for this, but linking it costs every start of the program about
// 3 ms of package initialisation (its formula engine), which alone broke
// the SPEC's "count overdue ≥ 20× faster than taskwarrior" bar. The tests
// still read every file back with excelize.

// Style indexes into cellXfs of styles.xml below.
const (
	xsDefault = iota
	xsTitle
	xsHead
	xsBold
	xsInt
	xsIntBold
	xsRate
	xsRateBold
	xsNum
	xsNumBold
	xsDate
	xsDateBold
)

// xcell is one cell: text (inline string) or a number, with a style.
type xcell struct {
	style int
	text  string
	num   float64
	isNum bool
}

type xlsxBook struct {
	zw     *zip.Writer
	sheets []string
	cur    *xlsxSheet
}

type xlsxSheet struct {
	book    *xlsxBook
	w       *bufio.Writer
	widths  map[int]float64
	merges  []string // cell ranges shown as one ("H5:J5")
	started bool
	done    bool
}

func newXLSX(w io.Writer) *xlsxBook { return &xlsxBook{zw: zip.NewWriter(w)} }

// sheet starts the next sheet (ending the one before).
func (b *xlsxBook) sheet(name string) (*xlsxSheet, error) {
	if b.cur != nil {
		if err := b.cur.Flush(); err != nil {
			return nil, err
		}
	}
	for _, n := range b.sheets {
		if strings.EqualFold(n, name) {
			name = sheetName(name + " " + strconv.Itoa(len(b.sheets)+1))
		}
	}
	b.sheets = append(b.sheets, name)
	f, err := b.zw.Create(fmt.Sprintf("xl/worksheets/sheet%d.xml", len(b.sheets)))
	if err != nil {
		return nil, err
	}
	b.cur = &xlsxSheet{book: b, w: bufio.NewWriter(f), widths: map[int]float64{}}
	return b.cur, nil
}

// SetColWidth sets columns from..to (1-based) before the first row.
func (s *xlsxSheet) SetColWidth(from, to int, w float64) error {
	if s.started {
		return fmt.Errorf("xlsx: column width after the first row")
	}
	for c := from; c <= to; c++ {
		s.widths[c] = w
	}
	return nil
}

func (s *xlsxSheet) start() {
	if s.started {
		return
	}
	s.started = true
	s.w.WriteString(xml.Header + `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
	if len(s.widths) > 0 {
		s.w.WriteString("<cols>")
		for c := 1; c <= maxKey(s.widths); c++ {
			if w, ok := s.widths[c]; ok {
				fmt.Fprintf(s.w, `<col min="%d" max="%d" width="%s" customWidth="1"/>`, c, c, strconv.FormatFloat(w, 'f', 2, 64))
			}
		}
		s.w.WriteString("</cols>")
	}
	s.w.WriteString("<sheetData>")
}

func maxKey(m map[int]float64) int {
	n := 0
	for k := range m {
		n = max(n, k)
	}
	return n
}

// SetRow writes row r (1-based, increasing); a cell is an xcell, a string,
// a number or nil (empty).
func (s *xlsxSheet) SetRow(r int, cells []any) error {
	s.start()
	fmt.Fprintf(s.w, `<row r="%d">`, r)
	for i, c := range cells {
		var x xcell
		switch v := c.(type) {
		case nil:
			continue
		case xcell:
			x = v
		case string:
			x = xcell{text: v}
		case int:
			x = xcell{num: float64(v), isNum: true}
		case float64:
			x = xcell{num: v, isNum: true}
		default:
			x = xcell{text: fmt.Sprint(v)}
		}
		ref := colName(i+1) + strconv.Itoa(r)
		if x.isNum {
			fmt.Fprintf(s.w, `<c r="%s" s="%d"><v>%s</v></c>`, ref, x.style, strconv.FormatFloat(x.num, 'f', -1, 64))
			continue
		}
		if x.text == "" {
			if x.style != xsDefault {
				fmt.Fprintf(s.w, `<c r="%s" s="%d"/>`, ref, x.style)
			}
			continue
		}
		fmt.Fprintf(s.w, `<c r="%s" s="%d" t="inlineStr"><is><t xml:space="preserve">`, ref, x.style)
		xmlText(s.w, x.text)
		s.w.WriteString("</t></is></c>")
	}
	s.w.WriteString("</row>")
	return nil
}

// Merge shows the cells of a range ("H5:J5") as one, holding the first's
// value.
func (s *xlsxSheet) Merge(ref string) { s.merges = append(s.merges, ref) }

// Flush ends the sheet.
func (s *xlsxSheet) Flush() error {
	if s.done {
		return nil
	}
	s.done = true
	s.start()
	s.w.WriteString("</sheetData>")
	if len(s.merges) > 0 {
		fmt.Fprintf(s.w, `<mergeCells count="%d">`, len(s.merges))
		for _, m := range s.merges {
			fmt.Fprintf(s.w, `<mergeCell ref="%s"/>`, m)
		}
		s.w.WriteString("</mergeCells>")
	}
	s.w.WriteString("</worksheet>")
	return s.w.Flush()
}

// maxCell is the most characters (UTF-16 units, as Excel counts them) a
// cell holds: Excel refuses a file with a longer one.
const maxCell = 32767

// xmlText writes s escaped for XML (encoding/xml replaces what XML 1.0
// cannot hold, control characters and invalid UTF-8, with U+FFFD), cut to
// what a cell holds, ending in "…" when cut.
func xmlText(w io.Writer, s string) {
	xml.EscapeText(w, []byte(cellText(s)))
}

// cellText cuts s to maxCell UTF-16 units, ending in "…" when cut.
func cellText(s string) string {
	if len(s) <= maxCell {
		return s // never more units than bytes
	}
	units := func(r rune) int { return max(utf16.RuneLen(r), 1) } // an invalid rune becomes U+FFFD
	n := 0
	for _, r := range s {
		n += units(r)
	}
	if n <= maxCell {
		return s
	}
	n = 0
	for i, r := range s {
		if n += units(r); n > maxCell-1 {
			return s[:i] + "…"
		}
	}
	return s
}

// colName is the column letters of a 1-based column: 1 → A, 27 → AA.
func colName(c int) string {
	var b []byte
	for c > 0 {
		c--
		b = append([]byte{byte('A' + c%26)}, b...)
		c /= 26
	}
	return string(b)
}

// excelDate is a date's serial number in Excel's 1900 date system.
func excelDate(t time.Time) float64 {
	return float64(t.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24)
}

// close writes the workbook's other parts and ends the zip.
func (b *xlsxBook) close() error {
	if b.cur != nil {
		if err := b.cur.Flush(); err != nil {
			return err
		}
	}
	if len(b.sheets) == 0 {
		if _, err := b.sheet("Sheet1"); err != nil {
			return err
		}
		b.cur.Flush()
	}
	parts := map[string]string{}
	var ct, wb, rels strings.Builder
	ct.WriteString(xml.Header + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
		`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`)
	wb.WriteString(xml.Header + `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>`)
	rels.WriteString(xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for i, name := range b.sheets {
		n := i + 1
		fmt.Fprintf(&ct, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, n)
		wb.WriteString(`<sheet name="`)
		xmlText(&wb, name)
		fmt.Fprintf(&wb, `" sheetId="%d" r:id="rId%d"/>`, n, n)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, n, n)
	}
	fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`, len(b.sheets)+1)
	ct.WriteString("</Types>")
	wb.WriteString("</sheets></workbook>")
	rels.WriteString("</Relationships>")
	parts["[Content_Types].xml"] = ct.String()
	parts["xl/workbook.xml"] = wb.String()
	parts["xl/_rels/workbook.xml.rels"] = rels.String()
	parts["_rels/.rels"] = xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`
	parts["xl/styles.xml"] = stylesXML
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"} {
		f, err := b.zw.Create(name)
		if err != nil {
			return err
		}
		if _, err := io.WriteString(f, parts[name]); err != nil {
			return err
		}
	}
	return b.zw.Close()
}

// stylesXML defines the cell styles in the order of the xs* constants.
// Number formats 164–167: grouped integers, one-decimal percent, one
// decimal, dd/mm/yyyy.
const stylesXML = xml.Header + `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
	`<numFmts count="4"><numFmt numFmtId="164" formatCode="#,##0"/><numFmt numFmtId="165" formatCode="0.0%"/>` +
	`<numFmt numFmtId="166" formatCode="0.0"/><numFmt numFmtId="167" formatCode="dd/mm/yyyy"/></numFmts>` +
	`<fonts count="3"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font>` +
	`<font><b/><sz val="13"/><name val="Calibri"/></font></fonts>` +
	`<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>` +
	`<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>` +
	`<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>` +
	`<border><left style="thin"><color rgb="FFA6A6A6"/></left><right style="thin"><color rgb="FFA6A6A6"/></right>` +
	`<top style="thin"><color rgb="FFA6A6A6"/></top><bottom style="thin"><color rgb="FFA6A6A6"/></bottom><diagonal/></border></borders>` +
	`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
	`<cellXfs count="12">` +
	`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
	`<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>` +
	`<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>` +
	`<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>` +
	`<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
	`<xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>` +
	`<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
	`<xf numFmtId="165" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>` +
	`<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
	`<xf numFmtId="166" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>` +
	`<xf numFmtId="167" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
	`<xf numFmtId="167" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>` +
	`</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
