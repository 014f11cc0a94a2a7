package report

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"gopy/model"
	"gopy/store"
	"gopy/ui/i18n"
)

// registerColumns are the catalog keys of the register's 12 columns, in
// the order of Mẫu số 03 (Thông tư 04/2021/TT-TTCP): the handling
// ("Hướng xử lý") in three columns, one per decision.
var registerColumns = []string{
	"register.col.no", "register.col.date", "register.col.who", "register.col.id", "register.col.summary",
	"register.col.class", "register.col.before", "register.col.accepted", "register.col.returned",
	"register.col.transferred", "register.col.outcome", "register.col.note",
}

// inPerson reports whether the petition's citizen was received in person —
// a walk-in, or a matter raised at a citizen reception (periodic or ad
// hoc) — the only ones the reception register holds. Written, phone and
// feedback petitions, and matters of dialogues and consultations, are not
// receptions.
func inPerson(p *model.Petition, receptions map[string]bool) bool {
	switch p.Channel {
	case model.ChannelWalkIn:
		return true
	case model.ChannelSession:
		return receptions[p.SessionID]
	}
	return false
}

// receptionSessions are the ids of every citizen reception session.
func receptionSessions(s *store.Store) (map[string]bool, error) {
	out := map[string]bool{}
	for _, k := range []model.SessionKind{model.SessionReception, model.SessionReceptionAdhoc} {
		err := s.Each(store.Query{Kind: model.KindSession, Status: string(k)}, func(r *model.Row) error {
			out[r.ID] = true
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
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

	// Hướng xử lý: a mark in the decision's column, with its date or its
	// agency and document.
	var accepted, returned, transferred string
	detail := joinNonEmpty(", ", p.HandlingAgency, docNo(p.HandlingDocNo, l))
	switch p.Handling {
	case model.HandlingAccepted:
		accepted = "x"
		if p.AcceptedOn != 0 {
			accepted = l.F("register.accepted_on", p.AcceptedOn)
		}
	case model.HandlingReturned:
		returned = joinNonEmpty(": ", "x", detail)
	case model.HandlingTransferred:
		transferred = joinNonEmpty(": ", "x", detail)
	}

	outcome := l.Enum("status", string(p.Status))
	if p.Status == model.StatusResolved && p.ResolvedOn != 0 {
		outcome += " " + l.F("register.on", p.ResolvedOn)
	}
	var parts []string
	if p.Result != "" {
		parts = append(parts, strings.TrimRight(oneLine(p.Result), ".;, "))
	}
	due, kind := p.OpenDue()
	switch {
	case p.Overdue(today) && kind == model.DueAcceptance:
		parts = append(parts, l.F("register.unaccepted_overdue", p.DaysOverdue(today)))
	case p.Overdue(today):
		parts = append(parts, l.F("register.overdue", p.DaysOverdue(today)))
	case kind == model.DueAcceptance && due != 0:
		parts = append(parts, l.F("register.accept_due", due))
	case kind != "" && due != 0:
		parts = append(parts, l.F("register.due", due))
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

	return []value{num(no), date(p.ReceivedOn), txt(who), code(id), txt(oneLine(p.Summary)), txt(class),
		txt(p.PreviouslyBy), txt(accepted), txt(returned), txt(transferred), txt(outcome), txt(note)}
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

// WriteRegister writes the citizen-reception register of the citizens
// received in person in the period, oldest first, streaming from the
// store.
func WriteRegister(w io.Writer, f Format, s *store.Store, p model.Period, today model.Date, l i18n.Lang) error {
	st, err := s.Settings()
	if err != nil {
		return fmt.Errorf("register: %w", err)
	}
	rs, err := receptionSessions(s)
	if err != nil {
		return fmt.Errorf("register: %w", err)
	}
	reg := register{s: s, p: p, today: today, st: &st, receptions: rs, l: l}
	switch f {
	case CSV:
		return reg.csv(w)
	case XLSX:
		return reg.xlsx(w)
	}
	return fmt.Errorf("register: unknown format %q", f)
}

type register struct {
	s          *store.Store
	p          model.Period
	today      model.Date
	st         *model.Settings
	receptions map[string]bool
	l          i18n.Lang
}

// each calls fn for every petition of the register, numbered from 1.
func (r *register) each(fn func(no int, pt *model.Petition) error) error {
	n := 0
	err := r.s.ScanPetitions(r.p.From, r.p.To, func(pt *model.Petition) error {
		if !inPerson(pt, r.receptions) {
			return nil
		}
		n++
		return fn(n, pt)
	})
	if err != nil {
		return fmt.Errorf("register: %w", err)
	}
	return nil
}

func (r *register) csv(w io.Writer) error {
	l := r.l
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.WriteString(bom)
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	if err := cw.Write(RegisterHeader(l)); err != nil {
		return err
	}
	err := r.each(func(n int, pt *model.Petition) error {
		row := registerRow(pt, n, r.today, r.st.WardCode, l)
		cells := make([]string, len(row))
		for i, v := range row {
			cells[i] = csvCell(v, l)
		}
		return cw.Write(cells)
	})
	if err != nil {
		return err
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// registerWidths are the register's column widths in xlsx, in characters.
var registerWidths = []float64{6, 12, 32, 16, 48, 20, 22, 18, 24, 24, 40, 30}

func (r *register) xlsx(w io.Writer) error {
	l, p := r.l, r.p
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
	// The form's header: the unit, the title, the period.
	rw := rowWriter{sw: sw}
	rw.row(1, styled(0, l.T("report.unit")+": "+joinNonEmpty(" – ", r.st.WardName, r.st.Province)))
	rw.row(2, styled(b.title, l.T("register.title")))
	rw.row(3, styled(0, l.T("register.form")+" — "+l.T("report.period")+": "+l.F("report.from_to", p.From, p.To)))
	// The columns' header on two rows, as on the form: "Hướng xử lý"
	// over its three columns, every other title across both rows.
	top, sub := make([]any, len(registerColumns)), make([]any, len(registerColumns))
	for i, h := range RegisterHeader(l) {
		top[i], sub[i] = styled(b.head, h), styled(b.head, "")
		ref := colName(i+1) + strconv.Itoa(registerHeaderRow-1)
		switch {
		case i >= handlingFirst && i < handlingFirst+3:
			top[i], sub[i] = styled(b.head, ""), styled(b.head, h)
		default:
			sw.Merge(ref + ":" + colName(i+1) + strconv.Itoa(registerHeaderRow))
		}
	}
	top[handlingFirst] = styled(b.head, l.T("register.col.handling"))
	sw.Merge(colName(handlingFirst+1) + strconv.Itoa(registerHeaderRow-1) + ":" + colName(handlingFirst+3) + strconv.Itoa(registerHeaderRow-1))
	rw.row(registerHeaderRow-1, top...)
	rw.row(registerHeaderRow, sub...)
	err = r.each(func(n int, pt *model.Petition) error {
		row := registerRow(pt, n, r.today, r.st.WardCode, l)
		cells := make([]any, len(row))
		for i, v := range row {
			cells[i] = b.cell(v, false)
		}
		rw.row(registerHeaderRow+n, cells...)
		return rw.err
	})
	if err != nil {
		return err
	}
	if rw.err != nil {
		return rw.err
	}
	return b.x.close()
}

// registerHeaderRow is the xlsx row of the register's column titles (the
// second of the two header rows), under the unit, the title and the
// form's name.
const registerHeaderRow = 6

// handlingFirst is the 0-based column of the first of the three handling
// columns ("Hướng xử lý").
const handlingFirst = 7
