package cli

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"strings"

	"gopy/model"
	"gopy/store"
	"gopy/ui/i18n"
	"gopy/ui/kit"
	"gopy/ui/sanitize"
)

// kindArg maps the list command's plural nouns (and Vietnamese ones) to kinds.
func kindArg(s string) (model.Kind, bool) {
	switch strings.ToLower(s) {
	case "feedback", "feedbacks", "gopy", "gop-y":
		return model.KindFeedback, true
	case "sessions", "session", "doi-thoai", "doithoai":
		return model.KindSession, true
	case "petitions", "petition", "kien-nghi", "kiennghi":
		return model.KindPetition, true
	case "commitments", "commitment", "cam-ket", "camket":
		return model.KindCommitment, true
	case "information", "info", "thong-tin", "thongtin":
		return model.KindInformation, true
	}
	return "", false
}

func runList(env *Env, args []string) int {
	fs := newFlags("list")
	status := fs.String("status", "", "")
	overdue := fs.Bool("overdue", false, "")
	search := fs.String("search", "", "")
	from := fs.String("from", "", "")
	to := fs.String("to", "", "")
	period := fs.String("period", "", "")
	ward := fs.String("ward", "", "")
	format := fs.String("format", "table", "")
	count := fs.Bool("count", false, "")
	sortBy := fs.String("sort", "newest", "")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return env.flagError(err)
	}
	if len(pos) == 0 {
		return env.usage(env.Lang.T("cli.err.list_kind"))
	}
	if len(pos) > 1 {
		return env.usage(env.Lang.F("cli.err.extra_args", strings.Join(pos[1:], " ")))
	}
	kind, ok := kindArg(pos[0])
	if !ok {
		return env.usage(env.Lang.T("cli.err.list_kind"))
	}
	orders := map[string]store.Order{"newest": store.NewestFirst, "oldest": store.OldestFirst,
		"due": store.DueFirst, "who": store.ByWho, "ref": store.ByRef}
	order, ok := orders[*sortBy]
	if !ok {
		return env.usage(env.Lang.F("cli.err.sort", *sortBy, "newest, oldest, due, who, ref"))
	}
	q := store.Query{Kind: kind, Overdue: *overdue, Search: model.NFC(*search), Ward: *ward, Today: env.Today(), Order: order}
	if *status != "" {
		vals := model.RowStatuses(kind)
		if kind == model.KindPetition {
			vals = append(vals, store.StatusUnaccepted)
		}
		found := false
		for _, v := range vals {
			found = found || v == *status
		}
		if !found {
			return env.usage(env.Lang.F("cli.err.status", *status, strings.Join(vals, ", ")))
		}
		q.Status = *status
	}
	if *period != "" {
		p, err := model.ParsePeriod(*period)
		if err != nil {
			return env.usage(env.periodMessage(err))
		}
		q.From, q.To = p.From, p.To
	}
	if err := setDates(*from, *to, &q.From, &q.To); err != nil {
		return env.usage(env.Message(err))
	}
	if q.From != 0 && q.To != 0 && q.From > q.To {
		return env.usage(env.Lang.T("err.period.order"))
	}
	switch *format {
	case "table", "csv", "json":
	default:
		return env.usage(env.Lang.F("cli.err.format", *format, "table, csv, json"))
	}

	return env.reading(func(s *store.Store) int {
		if *count {
			n, err := s.Count(q)
			if err != nil {
				return env.fail(err)
			}
			fmt.Fprintln(env.Stdout, n)
			return exitOK
		}
		w := bufio.NewWriterSize(env.Stdout, 64<<10)
		// What goes to a file keeps the stored text; what goes to a terminal
		// is made inert, as the table always is.
		tty := isTerminal(env.Stdout)
		var err error
		switch *format {
		case "json":
			err = writeJSON(w, s, q, tty)
		case "csv":
			err = writeCSV(w, s, q, tty)
		default:
			err = writeTable(w, s, q, env.Lang)
		}
		if ferr := w.Flush(); err == nil {
			err = ferr
		}
		if err != nil {
			return env.fail(err)
		}
		return exitOK
	})
}

func (e *Env) periodMessage(err error) string {
	if pe, ok := err.(*model.ErrPeriod); ok {
		return e.Lang.T(pe.Key) + ": " + pe.Input
	}
	return e.Message(err)
}

func writeJSON(w *bufio.Writer, s *store.Store, q store.Query, inert bool) error {
	w.WriteString("[")
	first := true
	err := s.EachJSON(q, func(row *model.Row, raw []byte) error {
		raw, err := withoutIdentity(row, raw)
		if err != nil {
			return err
		}
		if !first {
			w.WriteString(",")
		}
		first = false
		w.WriteString("\n  ")
		if inert {
			raw = sanitize.JSON(raw)
		}
		_, err = w.Write(raw)
		return err
	})
	if !first {
		w.WriteString("\n")
	}
	w.WriteString("]\n")
	return err
}

// writeTable prints an aligned, sanitised table for people to read.
func writeTable(w *bufio.Writer, s *store.Store, q store.Query, l i18n.Lang) error {
	group := map[model.Kind]string{model.KindFeedback: "fbstate", model.KindSession: "session", model.KindPetition: "status",
		model.KindCommitment: "commitment", model.KindInformation: "infostate"}[q.Kind]
	cols := []int{14, 10, 22, 40, 20, 10}
	head := []string{l.T("cli.col.ref"), l.T("cli.col.date"), l.T("cli.col.who"), l.T("cli.col.summary"), l.T("cli.col.status"), l.T("cli.col.due")}
	line := func(cells []string) {
		for i, c := range cells {
			if i < len(cells)-1 {
				w.WriteString(kit.Fill(c, cols[i]) + "  ")
			} else {
				w.WriteString(kit.Clip(c, cols[i]))
			}
		}
		w.WriteString("\n")
	}
	line(head)
	n := 0
	err := s.Each(q, func(r *model.Row) error {
		n++
		who := sanitize.Line(r.Who)
		if r.Confidential {
			who = l.T("word.confidential")
		}
		st := l.Enum(group, r.Status)
		due, kind := r.OpenDue()
		switch {
		case r.Overdue(q.Today) && kind == model.DueAcceptance:
			st = "! " + l.T("due.acceptance") + " · " + st
		case r.Overdue(q.Today):
			st = "! " + l.T("word.overdue") + " · " + st
		}
		if kind == "" {
			due = r.Due
		}
		title := sanitize.Line(r.Title)
		if r.RepeatNo >= 2 {
			title = l.F("list.repeat", r.RepeatNo) + " " + title
		}
		line([]string{sanitize.Line(r.Ref), r.Date.String(), who, title, st, due.String()})
		return nil
	})
	fmt.Fprintf(w, "%s\n", l.F("cli.list.total", n))
	return err
}

func writeCSV(w *bufio.Writer, s *store.Store, q store.Query, inert bool) error {
	w.WriteString("\uFEFF") // Excel reads UTF-8 only with a BOM
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	cols := store.CSVColumns(q.Kind)
	if err := cw.Write(cols); err != nil {
		return err
	}
	err := s.EachJSON(q, func(row *model.Row, raw []byte) error {
		raw, err := withoutIdentity(row, raw)
		if err != nil {
			return err
		}
		rows, err := store.CSVRows(q.Kind, raw)
		if err != nil {
			return err
		}
		for _, r := range rows {
			if inert {
				for i := range r {
					r[i] = sanitize.Text(r[i])
				}
			}
			if err := cw.Write(r); err != nil {
				return err
			}
		}
		return nil
	})
	cw.Flush()
	if err == nil {
		err = cw.Error()
	}
	return err
}

// setDates parses the --from and --to values that were given into from and
// to; one not given leaves its date as it was (a --period may have set it).
func setDates(fromFlag, toFlag string, from, to *model.Date) error {
	for _, d := range []struct {
		s   string
		dst *model.Date
	}{{fromFlag, from}, {toFlag, to}} {
		if d.s == "" {
			continue
		}
		v, err := model.ParseDate(d.s)
		if err != nil {
			return err
		}
		*d.dst = v
	}
	return nil
}
