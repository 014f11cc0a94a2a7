// Package report builds a period's report from the store and writes it, and
// the citizen-reception register (Mẫu số 03), in the formats a ward sends
// upward: text for the terminal, Markdown, CSV (UTF-8 with BOM, for Excel),
// xlsx and JSON. The figures come from model.Aggregator; this package only
// lays them out, with every label from the catalog.
package report

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"
	"unicode/utf8"

	"gopy/model"
	"gopy/store"
	"gopy/ui/i18n"
	"gopy/ui/sanitize"
)

// Format is an output format.
type Format string

const (
	Text     Format = "text"
	Markdown Format = "md"
	CSV      Format = "csv"
	XLSX     Format = "xlsx"
	JSON     Format = "json"
	DOCX     Format = "docx"
)

// Formats are the report's formats; RegisterFormats the register's.
var (
	Formats         = []Format{Text, Markdown, CSV, XLSX, JSON, DOCX}
	RegisterFormats = []Format{CSV, XLSX}
)

// Binary reports whether the format cannot go to a terminal.
func (f Format) Binary() bool { return f == XLSX || f == DOCX }

// Ext is the file name extension, with its dot.
func (f Format) Ext() string {
	if f == Text {
		return ".txt"
	}
	return "." + string(f)
}

// FileName suggests a file name: "bao-cao-2026-Q1.xlsx",
// "so-tiep-cong-dan-2026-Q1.csv". A date range becomes
// "20260115-20260214" so the name holds no slash.
func FileName(register bool, p model.Period, f Format) string {
	base := "bao-cao"
	if register {
		base = "so-tiep-cong-dan"
	}
	ps := p.String()
	if strings.Contains(ps, "..") {
		ps = fmt.Sprintf("%08d-%08d", int(p.From), int(p.To))
	}
	return base + "-" + ps + f.Ext()
}

// Doc is a report with what its layout needs besides the figures.
type Doc struct {
	Report   model.Report
	Settings model.Settings
	Lang     i18n.Lang
	// Info is what the Word document adds: profile, narrative, number.
	Info DocxInfo
	// Adjustments are the sent figures of earlier periods that changed
	// since (the section "Điều chỉnh số liệu các kỳ đã báo cáo").
	Adjustments []Adjustment
	// Beside are the wards' figures as sent beside recomputed (--by-ward
	// --as-sent); nil when not asked for.
	Beside []WardSent
}

// Build computes the report for the period from the store's rows, as of
// today, with one entry of Wards per origin ward when byWard is set. Rows
// stream from the store one at a time, read in pieces in parallel (build).
func Build(s *store.Store, p model.Period, today model.Date, byWard bool) (Doc, error) {
	st, err := s.Settings()
	if err != nil {
		return Doc{}, fmt.Errorf("report: %w", err)
	}
	var rep model.Report
	if byWard {
		rep, err = build(s, p, func() *model.WardAggregator { return model.NewWardAggregator(p, today, &st) })
	} else {
		rep, err = build(s, p, func() *model.Aggregator { return model.NewAggregator(p, today, &st) })
	}
	if err != nil {
		return Doc{}, err
	}
	return Doc{Report: rep, Settings: st}, nil
}

type aggregator[A any] interface {
	Add(*model.Row)
	Merge(A)
	Result() model.Report
}

// spanRows is about how many rows one piece of a walk reads: small
// enough that the pieces share the cores evenly (petitions are half of a
// year's rows), large enough that cutting and merging cost nothing. A
// variable for the tests, which cut a small database into many pieces.
var spanRows = 16 << 10

// build reads every kind's rows of the period, each kind cut into pieces
// of about spanRows rows (store.Spans), the pieces shared out among a few
// workers, each counting into its own aggregator; those are merged at the
// end. Sessions are read from 1 January: the dialogue target is judged over
// the year to date (the aggregators count the earlier rows toward it only).
func build[A aggregator[A]](s *store.Store, p model.Period, newAgg func() A) (model.Report, error) {
	type piece struct {
		kind     model.Kind
		from, to model.Date
	}
	// From a cold disk, the pages are asked for all at once first.
	var pre sync.WaitGroup
	for _, k := range model.Kinds {
		pre.Go(func() { s.Prefetch(k, model.ScanFrom(k, p), p.To) })
	}
	pre.Wait()
	var pieces []piece
	for _, k := range model.Kinds {
		spans, err := s.Spans(k, model.ScanFrom(k, p), p.To, spanRows)
		if err != nil {
			return model.Report{}, fmt.Errorf("report: read %s: %w", k, err)
		}
		for _, sp := range spans {
			pieces = append(pieces, piece{k, sp.From, sp.To})
		}
	}
	// A worker more than the cores keeps the disk busy when the pages are
	// not in memory yet.
	workers := min(len(pieces), runtime.GOMAXPROCS(0)+1)
	parts := make([]A, workers)
	errs := make([]error, workers)
	todo := make(chan piece, len(pieces))
	for _, pc := range pieces {
		todo <- pc
	}
	close(todo)
	var wg sync.WaitGroup
	for w := range parts {
		parts[w] = newAgg()
		wg.Go(func() {
			for pc := range todo {
				err := s.ScanRows(pc.kind, pc.from, pc.to, func(r *model.Row) error {
					parts[w].Add(r)
					return nil
				})
				if err != nil {
					errs[w] = fmt.Errorf("report: read %s: %w", pc.kind, err)
					return
				}
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return model.Report{}, err
	}
	for _, part := range parts[1:] {
		parts[0].Merge(part)
	}
	return parts[0].Result(), nil
}

// jsonInert escapes the characters encoding/json leaves raw that act on a
// terminal (C1 controls, bidi overrides), so the JSON printed to stdout is
// inert and still means the same. They can only occur inside strings, where
// \uXXXX is their JSON spelling.
func jsonInert(b []byte) []byte {
	if !bytes.ContainsFunc(b, actsOnTerminal) {
		return b
	}
	out := make([]byte, 0, len(b)+32)
	for _, r := range string(b) {
		if actsOnTerminal(r) {
			out = fmt.Appendf(out, `\u%04x`, r)
		} else {
			out = utf8.AppendRune(out, r)
		}
	}
	return out
}

func actsOnTerminal(r rune) bool {
	return (r >= 0x80 && r <= 0x9f) || sanitize.IsBidiControl(r)
}

// Write writes the report in format f.
func Write(w io.Writer, f Format, d Doc) error {
	switch f {
	case JSON:
		return writeJSON(w, &d.Report)
	case Text:
		return writeText(w, d.header(), d.allSections(), d.Lang)
	case Markdown:
		return writeMarkdown(w, d.header(), d.allSections(), d.Lang)
	case CSV:
		return writeCSV(w, d.header(), d.allSections(), d.Lang)
	case XLSX:
		return writeXLSX(w, d.header(), d.allSections(), d.Lang)
	case DOCX:
		return writeDocx(w, &d)
	}
	return fmt.Errorf("report: unknown format %q", f)
}
