package report

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"gopy/model"
	"gopy/ui/i18n"
)

// A small WordprocessingML (docx) writer, written the way xlsx.go is: the
// parts are few and fixed, so archive/zip and text templates do it in a
// page of code where a library would bring a dependency and its start-up
// cost. The output is deterministic (fixed zip timestamps, fixed part
// order, no generated ids), which is what lets a sent report be re-created
// byte for byte.

// The page follows Nghị định 30/2020/NĐ-CP, phụ lục I: A4, Times New Roman
// 14 pt body text, margins top and bottom 20 mm, left 30 mm, right 15 mm.
// Sizes in twips (1/1440 inch; 1 mm ≈ 56.7) and half-points.
const (
	pageW, pageH             = 11906, 16838
	marginTop, marginBottom  = 1134, 1134
	marginLeft, marginRight  = 1701, 850
	textWidth                = pageW - marginLeft - marginRight
	sz11, sz12, sz13, sz14   = 22, 24, 26, 28
	firstLineIndent          = 567 // 1 cm, the body paragraphs' indent
	headerLeftW, headerRight = 4300, textWidth + 700 - 4300
	headerIndent             = -500
)

// zipEpoch stamps every part, so the same document gives the same bytes.
var zipEpoch = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// DocxInfo is what a document needs besides the figures: the profile that
// sends it, the narrative, its number and date, and what it amends.
type DocxInfo struct {
	Profile   model.Profile // already Filled
	Narrative model.Narrative
	Number    string     // as the profile's Number gives it
	IssuedOn  model.Date // the date under the motto
	// Amends names the report this one corrects (sending a period again).
	Amends *Amended
}

// Amended is the report an amendment report replaces.
type Amended struct {
	Seq    int // 1 for the first correction
	Number string
	On     model.Date
}

// writeDocx writes the report as a Word document.
func writeDocx(w io.Writer, d *Doc) error {
	zw := zip.NewWriter(w)
	parts := []struct {
		name string
		body []byte
	}{
		{"[Content_Types].xml", []byte(docxContentTypes)},
		{"_rels/.rels", []byte(docxRels)},
		{"docProps/core.xml", []byte(docxCore)},
		{"word/_rels/document.xml.rels", []byte(docxDocRels)},
		{"word/styles.xml", []byte(docxStyles)},
		{"word/settings.xml", []byte(docxSettings)},
		{"word/header1.xml", []byte(docxHeader)},
		{"word/document.xml", documentXML(d)},
	}
	for _, p := range parts {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: zipEpoch})
		if err != nil {
			return err
		}
		if _, err := f.Write(p.body); err != nil {
			return err
		}
	}
	return zw.Close()
}

// docx accumulates document.xml.
type docx struct {
	b bytes.Buffer
	l i18n.Lang
}

// run styles.
type rs struct {
	bold, italic, underline bool
	size                    int // half-points; 0: the style's 14 pt
}

type align string

const (
	left    align = "left"
	center  align = "center"
	right   align = "right"
	justify align = "both"
)

// pp is a paragraph's properties.
type pp struct {
	align      align
	indent     int // first line
	before     int // space before, twips
	after      int
	ruleUnder  int // a bottom border this wide (twips, centred), 0 for none
	keepNext   bool
	lineExactS int // line spacing in 240ths of a line; 0 for single
}

func (x *docx) text(s string) {
	// EscapeText also replaces characters XML 1.0 cannot hold (C0
	// controls) with U+FFFD, so text from the database cannot break the
	// document.
	_ = xml.EscapeText(&x.b, []byte(s))
}

func (x *docx) run(s string, r rs) {
	x.b.WriteString("<w:r>")
	if r.bold || r.italic || r.underline || r.size != 0 {
		x.b.WriteString("<w:rPr>")
		if r.bold {
			x.b.WriteString("<w:b/>")
		}
		if r.italic {
			x.b.WriteString("<w:i/>")
		}
		if r.underline {
			x.b.WriteString(`<w:u w:val="single"/>`)
		}
		if r.size != 0 {
			fmt.Fprintf(&x.b, `<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, r.size, r.size)
		}
		x.b.WriteString("</w:rPr>")
	}
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			x.b.WriteString("<w:br/>")
		}
		x.b.WriteString(`<w:t xml:space="preserve">`)
		x.text(line)
		x.b.WriteString("</w:t>")
	}
	x.b.WriteString("</w:r>")
}

func (x *docx) pPr(p pp) {
	x.b.WriteString("<w:pPr>")
	if p.keepNext {
		x.b.WriteString("<w:keepNext/>")
	}
	if p.ruleUnder > 0 {
		x.b.WriteString(`<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>`)
	}
	fmt.Fprintf(&x.b, `<w:spacing w:before="%d" w:after="%d"`, p.before, p.after)
	if p.lineExactS > 0 {
		fmt.Fprintf(&x.b, ` w:line="%d" w:lineRule="auto"`, p.lineExactS)
	}
	x.b.WriteString("/>")
	if p.indent > 0 {
		fmt.Fprintf(&x.b, `<w:ind w:firstLine="%d"/>`, p.indent)
	}
	if p.align != "" {
		fmt.Fprintf(&x.b, `<w:jc w:val="%s"/>`, p.align)
	}
	x.b.WriteString("</w:pPr>")
}

// para writes one paragraph of one run.
func (x *docx) para(s string, p pp, r rs) {
	x.b.WriteString("<w:p>")
	x.pPr(p)
	if s != "" {
		x.run(s, r)
	}
	x.b.WriteString("</w:p>")
}

// rule is a short centred line, width twips wide: the stroke under the
// issuer, the motto and the title.
func (x *docx) rule(width, cellWidth int) {
	side := max((cellWidth-width)/2, 0)
	x.b.WriteString("<w:p><w:pPr>")
	x.b.WriteString(`<w:pBdr><w:top w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>`)
	fmt.Fprintf(&x.b, `<w:spacing w:before="0" w:after="0"/><w:ind w:left="%d" w:right="%d"/>`, side, side)
	x.b.WriteString(`<w:rPr><w:sz w:val="8"/><w:szCs w:val="8"/></w:rPr></w:pPr></w:p>`)
}

// layoutTable starts a borderless table of fixed column widths (the header
// and the signature block).
// A negative indent lets the header reach into the 30 mm left margin, as
// the templates do, so the motto fits on its line.
func (x *docx) layoutTable(indent int, widths ...int) {
	total := 0
	for _, w := range widths {
		total += w
	}
	fmt.Fprintf(&x.b, `<w:tbl><w:tblPr><w:tblW w:w="%d" w:type="dxa"/><w:tblInd w:w="%d" w:type="dxa"/><w:tblLayout w:type="fixed"/>`, total, indent)
	x.b.WriteString(`<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>`)
	x.b.WriteString(`<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		fmt.Fprintf(&x.b, `<w:gridCol w:w="%d"/>`, w)
	}
	x.b.WriteString("</w:tblGrid><w:tr>")
}

func (x *docx) cellStart(width int) {
	fmt.Fprintf(&x.b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>`, width)
}

func (x *docx) cellEnd() { x.b.WriteString("</w:tc>") }

func (x *docx) layoutTableEnd() { x.b.WriteString("</w:tr></w:tbl>") }

// documentXML is word/document.xml for the report.
func documentXML(d *Doc) []byte {
	x := &docx{l: d.Lang}
	x.b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	x.b.WriteString(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>`)
	x.header(d)
	x.title(d)
	x.body(d)
	x.signature(d)
	// Page numbers centred at the top from the second page (Nghị định
	// 30, phụ lục I): the first page has its own, empty, header.
	fmt.Fprintf(&x.b, `<w:sectPr><w:headerReference w:type="default" r:id="rId3"/><w:pgSz w:w="%d" w:h="%d"/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="567" w:footer="567" w:gutter="0"/><w:titlePg/></w:sectPr>`,
		pageW, pageH, marginTop, marginRight, marginBottom, marginLeft)
	x.b.WriteString("</w:body></w:document>")
	return x.b.Bytes()
}

// header is the two columns above the title: the issuing body and the
// number on the left, the Party's name or the national motto and the
// place and date on the right.
func (x *docx) header(d *Doc) {
	l, p := d.Lang, &d.Info.Profile
	c := pp{align: center}
	x.layoutTable(headerIndent, headerLeftW, headerRight)

	x.cellStart(headerLeftW)
	switch p.Sender {
	case model.SenderParty:
		// Hướng dẫn 36-HD/VPTW: the superior body in regular capitals,
		// the issuing body in bold capitals, an asterisk under it, then
		// "Số 12-BC/ĐU".
		if p.Superior != "" {
			x.para(p.Superior, c, rs{})
		}
		x.para(p.Issuer, c, rs{bold: true})
		x.para("*", c, rs{})
		x.para(l.T("doc.number_party")+" "+d.Info.Number, c, rs{})
	default:
		// Nghị định 30: the owning body, the issuing body in bold, a
		// short rule, then "Số: 12/BC-UBND" in 13 pt.
		x.para(p.Superior, c, rs{bold: p.Sender == model.SenderCommittee, size: sz13})
		x.para(p.Issuer, c, rs{bold: true, size: sz13})
		if p.IssuerSub != "" {
			x.para(p.IssuerSub, c, rs{bold: true, size: sz13})
		}
		x.rule(1000, headerLeftW)
		x.para(l.T("doc.number_state")+" "+d.Info.Number, pp{align: center, before: 60}, rs{size: sz13})
	}
	x.cellEnd()

	x.cellStart(headerRight)
	switch p.Sender {
	case model.SenderParty:
		x.para(l.T("doc.party"), c, rs{bold: true, size: 30, underline: true})
		x.para("", c, rs{})
	default:
		x.para(l.T("doc.nation"), c, rs{bold: true, size: sz12})
		x.para(l.T("doc.motto"), c, rs{bold: true})
		x.rule(3300, headerRight)
	}
	x.para(placeDate(l, p.Place, d.Info.IssuedOn), pp{align: center, before: 120}, rs{italic: true, size: sz13})
	x.cellEnd()
	x.layoutTableEnd()
}

// placeDate is "Phường X, ngày 05 tháng 10 năm 2026": day and month
// below 10 (and month 1, 2) with a leading zero (Nghị định 30, phụ lục I).
func placeDate(l i18n.Lang, place string, on model.Date) string {
	if on.IsZero() {
		return l.F("doc.place_date_blank", place)
	}
	return l.F("doc.place_date", place, fmt.Sprintf("%02d", on.Day()), fmt.Sprintf("%02d", int(on.Month())), on.Year())
}

// PeriodWords is the period as a title says it: "quý III năm 2026",
// "6 tháng đầu năm 2026", "tháng 7 năm 2026", "năm 2026".
func PeriodWords(l i18n.Lang, p model.Period) string {
	s := p.String()
	y, rest, _ := strings.Cut(s, "-")
	year, err := strconv.Atoi(y)
	if err != nil || strings.Contains(s, "..") {
		return l.F("doc.period.range", p.From.String(), p.To.String())
	}
	switch {
	case rest == "":
		return l.F("doc.period.year", year)
	case strings.HasPrefix(rest, "Q"):
		q, _ := strconv.Atoi(rest[1:])
		return l.F("doc.period.quarter", model.RomanQuarter(q), year)
	case rest == "H1":
		return l.F("doc.period.h1", year)
	case rest == "H2":
		return l.F("doc.period.h2", year)
	case rest == "9M":
		return l.F("doc.period.9m", year)
	}
	m, _ := strconv.Atoi(rest)
	return l.F("doc.period.month", m, year)
}

func (x *docx) title(d *Doc) {
	l, p := d.Lang, &d.Info.Profile
	x.para(l.T("doc.title"), pp{align: center, before: 360, keepNext: true}, rs{bold: true, size: 30})
	x.para(p.Subject+" "+PeriodWords(l, d.Report.Period), pp{align: center, keepNext: true}, rs{bold: true})
	if p.Sender == model.SenderParty {
		x.para("-----", pp{align: center, after: 120}, rs{})
	} else {
		x.rule(1800, textWidth)
	}
	if a := d.Info.Amends; a != nil {
		x.para(l.F("doc.amends", a.Seq, a.Number, a.On.String()), pp{align: center, after: 120}, rs{italic: true})
	}
}

// body is the numbered parts: the narrative around the figures, the
// figures as tables, and the corrections to periods already reported.
func (x *docx) body(d *Doc) {
	l, n := d.Lang, &d.Info.Narrative
	part := 0
	heading := func(key string) {
		part++
		x.para(romanPart(part)+". "+l.T(key), pp{align: justify, before: 240, after: 120, keepNext: true}, rs{bold: true})
	}
	prose := func(s string) {
		if strings.TrimSpace(s) == "" {
			s = "…"
		}
		for _, line := range strings.Split(s, "\n") {
			x.para(line, pp{align: justify, indent: firstLineIndent, after: 120, lineExactS: 264}, rs{})
		}
	}
	heading("doc.sec.assessment")
	prose(n.Assessment)
	heading("doc.sec.results")
	prose(n.Results)
	for i, s := range d.sections() {
		x.para(strconv.Itoa(i+1)+". "+untitled(s.title), pp{align: justify, before: 120, after: 60, keepNext: true}, rs{bold: true})
		for _, t := range s.tables {
			x.table(t)
		}
	}
	heading("doc.sec.limitations")
	prose(n.Limitations)
	heading("doc.sec.tasks")
	prose(n.Tasks)
	heading("doc.sec.proposals")
	prose(n.Proposals)
	if s, ok := d.adjustSection(); ok {
		heading("doc.sec.adjustments")
		for _, t := range s.tables {
			x.table(t)
		}
	}
	if s, ok := d.besideSection(); ok {
		heading("doc.beside.section")
		for _, t := range s.tables {
			x.table(t)
		}
	}
}

// untitled drops a section title's own Roman numeral ("I. GÓP Ý …"): in
// the document the figures are numbered under part II.
func untitled(s string) string {
	if head, rest, ok := strings.Cut(s, ". "); ok && strings.Trim(head, "IVX") == "" {
		return rest
	}
	return s
}

func romanPart(n int) string {
	r := []string{"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"}
	if n < len(r) {
		return r[n]
	}
	return strconv.Itoa(n)
}

// table writes a figures table as a real Word table: a header row
// repeated on each page, numbers right-aligned, the total row bold.
func (x *docx) table(t table) {
	if t.title != "" {
		x.para(t.title, pp{align: left, before: 120, after: 60, keepNext: true}, rs{italic: true, size: sz13})
	}
	if len(t.head) == 0 {
		return
	}
	widths := columnWidths(t, x.l)
	size := sz12
	switch {
	case len(t.head) > 8:
		size = 20
	case len(t.head) > 6:
		size = sz11
	}
	x.b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="`)
	x.b.WriteString(strconv.Itoa(textWidth))
	x.b.WriteString(`" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		fmt.Fprintf(&x.b, `<w:%s w:val="single" w:sz="4" w:space="0" w:color="000000"/>`, side)
	}
	x.b.WriteString(`</w:tblBorders><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		fmt.Fprintf(&x.b, `<w:gridCol w:w="%d"/>`, w)
	}
	x.b.WriteString("</w:tblGrid>")
	x.b.WriteString(`<w:tr><w:trPr><w:tblHeader/></w:trPr>`)
	for i, h := range t.head {
		x.cellStart(widths[i])
		x.para(h, pp{align: center}, rs{bold: true, size: size})
		x.cellEnd()
	}
	x.b.WriteString("</w:tr>")
	if len(t.rows) == 0 {
		fmt.Fprintf(&x.b, `<w:tr><w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/><w:gridSpan w:val="%d"/></w:tcPr>`, textWidth, len(t.head))
		x.para(x.l.T("report.none"), pp{align: center}, rs{italic: true, size: sz12})
		x.b.WriteString("</w:tc></w:tr>")
	}
	for ri, row := range t.rows {
		bold := t.total && ri == len(t.rows)-1
		x.b.WriteString("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
		for i := range t.head {
			var v value
			if i < len(row) {
				v = row[i]
			}
			a := left
			if v.numeric() {
				a = right
			} else if v.kind == vDate {
				a = center
			}
			x.cellStart(widths[i])
			x.para(v.human(x.l), pp{align: a}, rs{bold: bold, size: size})
			x.cellEnd()
		}
		x.b.WriteString("</w:tr>")
	}
	x.b.WriteString("</w:tbl>")
}

// columnWidths shares the text width among the columns by what they
// hold. Each column first gets room for its longest word (header or cell:
// a date, a reference, a number never wraps), then what is left goes to
// the columns whose cells are longer than that, in proportion to the room
// they would need on one line.
func columnWidths(t table, l i18n.Lang) []int {
	// Twips per character (capitals and digits are wide: a reference
	// such as KN-2026-0216 must not break), and the cell margins.
	perChar, pad := 130, 200
	switch {
	case len(t.head) > 8:
		perChar = 105 // the widest tables are set in 10 pt
	case len(t.head) > 6:
		perChar = 120 // wide tables in 11 pt
	}
	n := len(t.head)
	need, want := make([]int, n), make([]int, n)
	sumNeed, sumExtra := 0, 0
	longestWord := func(s string) int {
		w := 0
		for _, word := range strings.Fields(s) {
			w = max(w, len([]rune(word)))
		}
		return w
	}
	for i, h := range t.head {
		word, line := longestWord(h), 0
		for _, r := range t.rows {
			if i < len(r) {
				v := r[i].human(l)
				word = max(word, longestWord(v))
				line = max(line, min(len([]rune(v)), 60))
			}
		}
		if n <= 3 {
			// Few columns: room for each header on one line.
			line = max(line, len([]rune(h)))
		}
		need[i] = pad + perChar*max(word, 4)
		want[i] = max(need[i], pad+perChar*line)
		sumNeed += need[i]
		sumExtra += want[i] - need[i]
	}
	widths := make([]int, n)
	used := 0
	for i := range widths {
		switch {
		case sumNeed >= textWidth:
			widths[i] = textWidth * need[i] / sumNeed
		case sumExtra > 0:
			widths[i] = need[i] + (textWidth-sumNeed)*(want[i]-need[i])/sumExtra
		default:
			widths[i] = need[i] + (textWidth-sumNeed)/n
		}
		used += widths[i]
	}
	widths[0] += textWidth - used
	return widths
}

// signature is "Nơi nhận" on the left and the signer on the right.
func (x *docx) signature(d *Doc) {
	l, p := d.Lang, &d.Info.Profile
	const leftW = 4300
	x.b.WriteString(`<w:p><w:pPr><w:spacing w:before="240" w:after="0"/></w:pPr></w:p>`)
	x.layoutTable(0, leftW, textWidth-leftW)
	x.cellStart(leftW)
	x.para(l.T("doc.recipients"), pp{}, rs{bold: true, italic: true, size: sz12})
	for i, r := range p.Recipients {
		end := ";"
		if i == len(p.Recipients)-1 {
			end = "."
		}
		x.para("- "+strings.TrimRight(r, ";,.")+end, pp{}, rs{size: sz11})
	}
	x.cellEnd()
	x.cellStart(textWidth - leftW)
	c := pp{align: center}
	if p.SignFor != "" {
		x.para(p.SignFor, c, rs{bold: true})
	}
	if p.SignTitle != "" {
		x.para(p.SignTitle, c, rs{bold: true})
	}
	for range 4 {
		x.para("", c, rs{})
	}
	x.para(p.Signer, c, rs{bold: true})
	x.cellEnd()
	x.layoutTableEnd()
}

const docxContentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`

const docxRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`

// docxCore carries no author or date: a name in it would leak who made the
// file, and a date would make every copy differ.
const docxCore = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>gopy</dc:creator></cp:coreProperties>`

const docxDocRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>`

const docxSettings = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:defaultTabStop w:val="720"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="14"/></w:compat></w:settings>`

// docxStyles sets Times New Roman 14 pt for every script (Vietnamese
// letters are Latin with diacritics) and no spacing by default.
const docxStyles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>`

// docxHeader is the page number, centred, 13 pt.
const docxHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:rPr><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:rPr><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr><w:t>2</w:t></w:r><w:r><w:rPr><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr><w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>`
