package report

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"gopy/model"
	"gopy/store"
	"gopy/ui/i18n"
)

// registerColumns are the catalog keys of the register's columns, in the
// order of Mẫu số 03 (Thông tư 04/2021/TT-TTCP).
var registerColumns = []string{
	"register.col.no", "register.col.date", "register.col.who", "register.col.id", "register.col.summary",
	"register.col.class", "register.col.before", "register.col.handling", "register.col.outcome", "register.col.note",
}

// RegisterHeader is the register's header row in the language.
func RegisterHeader(l i18n.Lang) []string {
	out := make([]string, len(registerColumns))
	for i, k := range registerColumns {
		out[i] = l.T(k)
	}
	return out
}

// registerRow is one petition's line. A confidential petition's identity
// (name, address, ID number) is written as "(bảo mật)". References are
// numbered per ward, so another ward's petition (in a consolidated
// database) has its ward beside its reference.
func registerRow(p *model.Petition, no int, today model.Date, ownWard string, l i18n.Lang) []value {
	who, id := p.Name, p.IDNumber
	if addr := joinNonEmpty(", ", p.Group, p.Address); addr != "" {
		who += " – " + addr
	}
	if p.Confidential {
		who, id = l.T("word.confidential"), l.T("word.confidential")
	}
	class := l.Enum("class", string(p.Classification)) + ", " + l.F("register.people", max(p.People, 1))

	handling := l.Enum("handling", string(p.Handling))
	if p.Handling == model.HandlingReturned || p.Handling == model.HandlingTransferred {
		detail := joinNonEmpty(", ", p.HandlingAgency, docNo(p.HandlingDocNo, l))
		if detail != "" {
			handling += ": " + detail
		}
	}

	outcome := l.Enum("status", string(p.Status))
	if p.Status == model.StatusResolved && p.ResolvedOn != 0 {
		outcome += " " + l.F("register.on", p.ResolvedOn)
	}
	var parts []string
	if p.Result != "" {
		parts = append(parts, strings.TrimRight(oneLine(p.Result), ".;, "))
	}
	switch {
	case p.Overdue(today):
		parts = append(parts, l.F("register.overdue", p.DaysOverdue(today)))
	case p.Status.Open() && p.ResolutionDue != 0:
		parts = append(parts, l.F("register.due", p.ResolutionDue))
	}
	if p.ReportedBackOn != 0 {
		parts = append(parts, l.F("register.told", p.ReportedBackOn))
	}
	if len(parts) > 0 {
		outcome += ": " + strings.Join(parts, "; ")
	}

	assignee := joinNonEmpty(" – ", p.AssigneeUnit, p.AssigneeOfficer)
	if assignee != "" {
		assignee = l.F("register.assignee", assignee)
	}
	ref := p.Ref
	if p.Ward != ownWard {
		ref += " (" + p.Ward + ")"
	}
	note := joinNonEmpty("; ", ref, l.Enum("channel", string(p.Channel)), assignee)

	return []value{num(no), date(p.ReceivedOn), txt(who), txt(id), txt(oneLine(p.Summary)), txt(class),
		txt(p.PreviouslyBy), txt(handling), txt(outcome), txt(note)}
}

func docNo(n string, l i18n.Lang) string {
	if n == "" {
		return ""
	}
	return l.F("register.doc_no", n)
}

func joinNonEmpty(sep string, parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, sep)
}

// oneLine keeps a multi-line text in one cell line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// WriteRegister writes the citizen-reception register of the petitions
// received in the period, oldest first, streaming from the store.
func WriteRegister(w io.Writer, f Format, s *store.Store, p model.Period, today model.Date, l i18n.Lang) error {
	st, err := s.Settings()
	if err != nil {
		return fmt.Errorf("register: %w", err)
	}
	switch f {
	case CSV:
		return registerCSV(w, s, p, today, st.WardCode, l)
	case XLSX:
		return registerXLSX(w, s, p, today, st.WardCode, l)
	}
	return fmt.Errorf("register: unknown format %q", f)
}

func registerCSV(w io.Writer, s *store.Store, p model.Period, today model.Date, ward string, l i18n.Lang) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.WriteString(bom)
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	if err := cw.Write(RegisterHeader(l)); err != nil {
		return err
	}
	n := 0
	err := s.ScanPetitions(p.From, p.To, func(pt *model.Petition) error {
		n++
		row := registerRow(pt, n, today, ward, l)
		cells := make([]string, len(row))
		for i, v := range row {
			cells[i] = store.Defuse(v.plain())
		}
		return cw.Write(cells)
	})
	if err != nil {
		return fmt.Errorf("register: %w", err)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// registerWidths are the register's column widths in xlsx, in characters.
var registerWidths = []float64{6, 12, 32, 16, 48, 20, 22, 30, 40, 30}

func registerXLSX(w io.Writer, s *store.Store, p model.Period, today model.Date, ward string, l i18n.Lang) error {
	b := newBook(w)
	sw, err := b.sheet(l.T("register.sheet"))
	if err != nil {
		return err
	}
	for i, wd := range registerWidths {
		if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
			return err
		}
	}
	rw := rowWriter{sw: sw}
	rw.row(1, styled(b.title, l.T("register.title")))
	rw.row(2, styled(0, l.T("register.form")+" — "+l.T("report.period")+": "+l.F("report.from_to", p.From, p.To)))
	head := make([]any, len(registerColumns))
	for i, h := range RegisterHeader(l) {
		head[i] = styled(b.head, h)
	}
	rw.row(registerHeaderRow, head...)
	r := registerHeaderRow
	err = s.ScanPetitions(p.From, p.To, func(pt *model.Petition) error {
		r++
		row := registerRow(pt, r-registerHeaderRow, today, ward, l)
		cells := make([]any, len(row))
		for i, v := range row {
			cells[i] = b.cell(v, false)
		}
		rw.row(r, cells...)
		return rw.err
	})
	if err != nil {
		return fmt.Errorf("register: %w", err)
	}
	if rw.err != nil {
		return rw.err
	}
	return b.x.close()
}

// registerHeaderRow is the xlsx row of the register's header, under the
// title and the form's name.
const registerHeaderRow = 4
