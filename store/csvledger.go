package store

import (
	"bufio"
	"cmp"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"gopy/model"
)

// The CSV ledger is the spreadsheet form of a kind's records: every stored
// field, one line per record (a feedback takes one line per point). `gopy
// list --format csv` writes it and `gopy import FILE.csv` reads it back, so
// a ward moving from Excel, or re-importing its own export, loses nothing.

var csvColumns = map[model.Kind][]string{
	model.KindFeedback: {"id", "ref", "ward", "given_on", "source_kind", "source_name", "form", "target_kind", "target_name",
		"subject", "topics", "draft_received_on", "comment_deadline", "response_due",
		"point_no", "point_content", "point_status", "point_answered_on", "point_answer", "point_answered_by",
		"created_at", "created_by", "updated_at", "updated_by"},
	model.KindSession: {"id", "ref", "ward", "kind", "held_on", "location", "host_role", "host_name", "other_leaders",
		"organised_by", "participants", "topics", "minutes", "commitments", "announced_on", "results_published_on",
		"created_at", "created_by", "updated_at", "updated_by"},
	model.KindPetition: {"id", "ref", "ward", "received_on", "channel", "session_id", "feedback_id", "point_no",
		"classification", "name", "group", "address", "id_number", "phone", "people", "confidential", "summary",
		"previously_handled_by", "handling", "handling_agency", "handling_doc_no", "assignee_unit", "assignee_officer",
		"accepted_on", "complex", "especially_complex", "multi_site", "ack_due", "acknowledged_on", "resolution_due", "extensions", "status", "result", "resolved_on", "reported_back_on", "log",
		"created_at", "created_by", "updated_at", "updated_by"},
}

// required columns a hand-made ledger must have; the rest may be missing.
var csvRequired = map[model.Kind][]string{
	model.KindFeedback: {"given_on", "source_kind", "source_name", "form", "target_kind", "subject", "point_content"},
	model.KindSession:  {"kind", "held_on", "host_role", "host_name"},
	model.KindPetition: {"received_on", "channel", "classification", "name", "summary"},
}

// CSVColumns is the CSV header of a kind.
func CSVColumns(k model.Kind) []string { return csvColumns[k] }

// CSVRows turns a stored record's JSON into its CSV lines.
func CSVRows(k model.Kind, raw []byte) ([][]string, error) {
	var fields map[string]any
	if err := json.Unmarshal(raw, &fields); err != nil {
		return nil, err
	}
	cols := csvColumns[k]
	line := func(extra map[string]string) []string {
		out := make([]string, len(cols))
		for i, c := range cols {
			if v, ok := extra[c]; ok {
				out[i] = v
			} else {
				out[i] = csvCell(fields[c])
			}
			out[i] = Defuse(out[i])
		}
		return out
	}
	if k != model.KindFeedback {
		return [][]string{line(nil)}, nil
	}
	points, _ := fields["points"].([]any)
	var out [][]string
	for i, p := range points {
		pm, _ := p.(map[string]any)
		cells := map[string]string{
			"point_no": strconv.Itoa(i + 1), "point_content": csvCell(pm["content"]), "point_status": csvCell(pm["status"]),
			"point_answered_on": csvCell(pm["answered_on"]), "point_answer": csvCell(pm["answer"]), "point_answered_by": csvCell(pm["answered_by"]),
		}
		csvPointExtra(pm, cells)
		out = append(out, line(cells))
	}
	return out, nil
}

func csvCell(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case bool:
		return strconv.FormatBool(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case []any:
		if len(x) > 0 {
			if _, ok := x[0].(string); ok {
				parts := make([]string, len(x))
				for i, s := range x {
					parts[i], _ = s.(string)
				}
				return strings.Join(parts, "; ")
			}
		}
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// Defuse keeps a spreadsheet from running a cell as a formula (CSV
// injection): a leading = + - @ gets a quote, which the CSV import removes.
// Every CSV gopy writes passes its cells through it.
func Defuse(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return s
		}
		return "'" + s
	}
	return s
}

func undefuse(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune("=+-@\t\r", rune(s[1])) {
		return s[1:]
	}
	return s
}

// CSVError names the line and column of a bad value; Key is a catalog key.
type CSVError struct {
	Line   int
	Column string
	Key    string
	// Offset is the position in the line (from 1, in bytes) of a bad
	// byte, when that is what is wrong.
	Offset int
}

func (e *CSVError) Error() string {
	return fmt.Sprintf("line %d, column %s: %s", e.Line, e.Column, e.Key)
}

const maxCSVBytes = 1 << 30

// CSVOptions say how a ledger is imported.
type CSVOptions struct {
	DryRun bool
	By     string
	Labels Labels
	// Progress, if set, is told how many records were merged so far, every
	// few thousand and at the end.
	Progress func(done, total int)
}

// ImportCSV reads a ledger and merges it in one transaction: lines without
// an id are new records; lines with a known id update the record when they
// differ. Any bad value rejects the whole file; nothing is written. The
// time taken grows with the number of lines, not its square: records with
// ids go in id order and the indexes are written sorted (see bulk.go).
func (s *Store) ImportCSV(path string, opt CSVOptions) (*ImportResult, error) {
	opt.By = s.signer(opt.By)
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	recs, err := ParseCSV(io.LimitReader(f, maxCSVBytes), s.now(), opt.Labels)
	if err != nil {
		return nil, err
	}
	// Lines naming a record (an id) go first, in id order, so the records
	// bucket grows at its end; new records keep the ledger's order, which
	// gives their references.
	slices.SortStableFunc(recs, func(a, b CSVRecord) int {
		ia, ib := a.Rec.GetMeta().ID, b.Rec.GetMeta().ID
		switch {
		case ia == "" || ib == "":
			return cmp.Compare(len(ib), len(ia)) // with an id first
		default:
			return strings.Compare(ia, ib)
		}
	})
	res := &ImportResult{Wards: map[string]*ImportSummary{}}
	err = s.update(func(tx *bolt.Tx) error {
		if err := s.mayWrite(tx); err != nil {
			return err
		}
		st, err := loadSettings(tx)
		if err != nil {
			return err
		}
		cal := model.NewCalendar(st.Holidays)
		packBuckets(tx)
		startBulk(tx)
		defer endBulk(tx)
		for i, cr := range recs {
			if err := s.mergeCSV(tx, &st, cal, cr, opt.By, res); err != nil {
				return err
			}
			// bbolt holds what was written: the parsed record can go.
			recs[i] = CSVRecord{}
			if opt.Progress != nil && (i+1)%5000 == 0 {
				opt.Progress(i+1, len(recs))
			}
		}
		if err := finishBulk(tx); err != nil {
			return err
		}
		if opt.Progress != nil {
			opt.Progress(len(recs), len(recs))
		}
		if opt.DryRun {
			return errDryRun
		}
		return nil
	})
	if errors.Is(err, errDryRun) {
		err = nil
	}
	if err != nil {
		return nil, err
	}
	return res, nil
}

// CSVRecord is one record read from a ledger, with the line it started on.
type CSVRecord struct {
	Line int
	Rec  model.Record
}

// Labels lets a ledger typed by people use the words they read instead of
// the stored values: column → folded label → stored value ("source_kind" →
// "ub mttq" → "front"). The caller builds it from the text catalog.
type Labels map[string]map[string]string

// ParseCSV reads a ledger of one kind (told by its header).
func ParseCSV(r io.Reader, now time.Time, labels Labels) ([]CSVRecord, error) {
	br := bufio.NewReader(r)
	if b, _ := br.Peek(3); string(b) == "\uFEFF" {
		br.Discard(3)
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = false
	header, err := cr.Read()
	if err != nil {
		return nil, &CSVError{Line: 1, Column: "", Key: "err.csv.columns"}
	}
	for i, h := range header {
		if !utf8.ValidString(h) {
			_, c := cr.FieldPos(i)
			return nil, &CSVError{Line: 1, Column: fmt.Sprintf("%d", i+1), Key: "err.csv.utf8", Offset: c + invalidUTF8([]byte(h))}
		}
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimSpace(strings.ToLower(h))] = i
	}
	kind := model.Kind("")
	for _, k := range model.Kinds {
		ok := true
		for _, c := range csvRequired[k] {
			if _, has := col[c]; !has {
				ok = false
			}
		}
		if ok {
			kind = k
			break
		}
	}
	if kind == "" {
		return nil, &CSVError{Line: 1, Column: strings.Join(header, ","), Key: "err.csv.kind"}
	}
	var out []CSVRecord
	var cur *model.Feedback
	for {
		fields, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, &CSVError{Line: pe.Line, Column: "", Key: pe.Err.Error()}
			}
			return nil, err
		}
		line, _ := cr.FieldPos(0)
		for i, f := range fields {
			if !utf8.ValidString(f) {
				l, c := cr.FieldPos(i)
				name := fmt.Sprintf("%d", i+1)
				if i < len(header) && utf8.ValidString(header[i]) {
					name = header[i]
				}
				return nil, &CSVError{Line: l, Column: name, Key: "err.csv.utf8", Offset: c + invalidUTF8([]byte(f))}
			}
		}
		get := func(c string) string {
			if i, ok := col[c]; ok && i < len(fields) {
				v := undefuse(fields[i])
				if l, ok := labels[c]; ok {
					if stored, ok := l[model.Fold(v)]; ok {
						return stored
					}
				}
				return v
			}
			return ""
		}
		empty := true
		for _, f := range fields {
			empty = empty && strings.TrimSpace(f) == ""
		}
		if empty {
			continue
		}
		p := lineParser{line: line, get: get}
		switch kind {
		case model.KindFeedback:
			// Lines of the same feedback follow each other, one per point.
			id := get("id")
			if cur == nil || id == "" || id != cur.ID || get("ref") != cur.Ref {
				cur = &model.Feedback{}
				p.meta(&cur.Meta, now)
				cur.GivenOn = p.date("given_on")
				cur.SourceKind = model.SourceKind(get("source_kind"))
				cur.SourceName = get("source_name")
				cur.Form = model.FeedbackForm(get("form"))
				cur.TargetKind = model.TargetKind(get("target_kind"))
				cur.TargetName = get("target_name")
				cur.Subject = get("subject")
				cur.Topics = splitList(get("topics"))
				cur.DraftReceivedOn = p.date("draft_received_on")
				cur.CommentDeadline = p.date("comment_deadline")
				cur.ResponseDue = p.date("response_due")
				csvFollow(&p, cur)
				out = append(out, CSVRecord{Line: line, Rec: cur})
			}
			pt := model.Point{Content: get("point_content"), Status: model.AnswerStatus(get("point_status")),
				AnsweredOn: p.date("point_answered_on"), Answer: get("point_answer"), AnsweredBy: get("point_answered_by")}
			if pt.Status == "" {
				pt.Status = model.AnswerPending
			}
			csvFollowPoint(&p, &pt)
			cur.Points = append(cur.Points, pt)
		case model.KindSession:
			v := &model.Session{}
			p.meta(&v.Meta, now)
			v.Type = model.SessionKind(get("kind"))
			v.HeldOn = p.date("held_on")
			v.Location, v.HostRole, v.HostName = get("location"), model.HostRole(get("host_role")), get("host_name")
			v.OtherLeaders, v.OrganisedBy = get("other_leaders"), get("organised_by")
			v.Participants = p.int("participants")
			v.Topics = splitList(get("topics"))
			v.Minutes, v.Commitments = get("minutes"), get("commitments")
			v.AnnouncedOn, v.ResultsPublishedOn = p.date("announced_on"), p.date("results_published_on")
			csvFollow(&p, v)
			out = append(out, CSVRecord{Line: line, Rec: v})
		case model.KindPetition:
			v := &model.Petition{}
			p.meta(&v.Meta, now)
			v.ReceivedOn = p.date("received_on")
			v.Channel = model.Channel(get("channel"))
			v.SessionID, v.FeedbackID = get("session_id"), get("feedback_id")
			v.PointNo = p.int("point_no")
			v.Classification = model.Classification(get("classification"))
			v.Name, v.Group, v.Address, v.IDNumber, v.Phone = get("name"), get("group"), get("address"), get("id_number"), get("phone")
			v.People = p.int("people")
			v.Confidential = p.bool("confidential")
			v.Summary, v.PreviouslyBy = get("summary"), get("previously_handled_by")
			v.Handling = model.Handling(get("handling"))
			v.HandlingAgency, v.HandlingDocNo = get("handling_agency"), get("handling_doc_no")
			v.AssigneeUnit, v.AssigneeOfficer = get("assignee_unit"), get("assignee_officer")
			v.AcceptedOn = p.date("accepted_on")
			v.Complex, v.EspeciallyComplex, v.MultiSite = p.bool("complex"), p.bool("especially_complex"), p.bool("multi_site")
			v.AckDue, v.AcknowledgedOn, v.ResolutionDue = p.date("ack_due"), p.date("acknowledged_on"), p.date("resolution_due")
			if x := get("extensions"); x != "" && p.err == nil {
				if err := json.Unmarshal([]byte(x), &v.Extensions); err != nil {
					p.fail("extensions", "err.invalid_value")
				}
			}
			v.Status = model.PetitionStatus(get("status"))
			v.Result = get("result")
			v.ResolvedOn, v.ReportedBackOn = p.date("resolved_on"), p.date("reported_back_on")
			if l := get("log"); l != "" && p.err == nil {
				if err := json.Unmarshal([]byte(l), &v.Log); err != nil {
					p.fail("log", "err.invalid_value")
				}
			}
			csvFollow(&p, v)
			out = append(out, CSVRecord{Line: line, Rec: v})
		default:
			out = append(out, CSVRecord{Line: line, Rec: parseFollowCSV(kind, &p, now)})
		}
		if p.err != nil {
			return nil, p.err
		}
	}
	return out, nil
}

type lineParser struct {
	line int
	get  func(string) string
	err  *CSVError
}

func (p *lineParser) fail(col, key string) {
	if p.err == nil {
		p.err = &CSVError{Line: p.line, Column: col, Key: key}
	}
}

func (p *lineParser) date(col string) model.Date {
	s := strings.TrimSpace(p.get(col))
	if s == "" {
		return 0
	}
	d, err := model.ParseDate(s)
	if err != nil {
		var de *model.ErrDate
		key := "err.date.invalid"
		if errors.As(err, &de) {
			key = de.Key
		}
		p.fail(col, key)
	}
	return d
}

func (p *lineParser) int(col string) int {
	s := strings.TrimSpace(p.get(col))
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		p.fail(col, "err.invalid_number")
	}
	return n
}

func (p *lineParser) bool(col string) bool {
	switch strings.ToLower(strings.TrimSpace(p.get(col))) {
	case "", "false", "0", "không", "khong", "no":
		return false
	case "true", "1", "có", "co", "x", "yes":
		return true
	}
	p.fail(col, "err.invalid_value")
	return false
}

func (p *lineParser) meta(m *model.Meta, now time.Time) {
	m.ID, m.Ref, m.Ward = strings.TrimSpace(p.get("id")), strings.TrimSpace(p.get("ref")), strings.TrimSpace(p.get("ward"))
	if m.ID != "" {
		if _, err := model.ParseID(m.ID); err != nil {
			p.fail("id", "err.invalid_value")
		}
	}
	if m.Ward != "" && !model.ValidWardCode(m.Ward) {
		p.fail("ward", "err.ward_code")
	}
	for _, t := range []struct {
		col string
		dst *time.Time
	}{{"created_at", &m.CreatedAt}, {"updated_at", &m.UpdatedAt}} {
		if s := strings.TrimSpace(p.get(t.col)); s != "" {
			v, err := time.Parse(time.RFC3339Nano, s)
			if err != nil {
				p.fail(t.col, "err.invalid_value")
			}
			*t.dst = v
		}
	}
	m.CreatedBy, m.UpdatedBy = p.get("created_by"), p.get("updated_by")
}

func splitList(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	parts := strings.Split(s, ";")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

// csvField maps a record's field error to its CSV column.
func csvField(field string) string {
	if strings.HasPrefix(field, "points.") {
		parts := strings.SplitN(field, ".", 3)
		if len(parts) == 3 {
			return "point_" + parts[2]
		}
	}
	return field
}

func (s *Store) mergeCSV(tx *bolt.Tx, st *model.Settings, cal *model.Calendar, cr CSVRecord, by string, res *ImportResult) error {
	rec := cr.Rec
	m := rec.GetMeta()
	if m.Ward == "" {
		m.Ward = st.WardCode
	}
	if m.Ward == "" {
		return &CSVError{Line: cr.Line, Column: "ward", Key: "err.no_ward"}
	}
	if st.WardCode != "" && m.Ward != st.WardCode {
		// A ledger is the ward's own: another ward's records come in that
		// ward's bundles. (Created here, they would make this ward's next
		// bundle speak for a ward it does not, and be refused upstream.)
		if m.ID == "" {
			return &CSVError{Line: cr.Line, Column: "ward", Key: "err.csv.other_ward"}
		}
		if id, err := model.ParseID(m.ID); err != nil || tx.Bucket(bRec(rec.Kind())).Get(id[:]) == nil {
			return &CSVError{Line: cr.Line, Column: "ward", Key: "err.csv.other_ward"}
		}
	}
	sum := res.ward(m.Ward)
	if m.ID != "" {
		id, _ := model.ParseID(m.ID)
		if old, err := getRecord(tx, rec.Kind(), id); err == nil {
			rec.Normalize()
			fillDues(rec, old, st, cal)
			if errs := validateSealed(rec); len(errs) > 0 {
				return &CSVError{Line: cr.Line, Column: csvField(errs[0].Field), Key: errs[0].Key}
			}
			m.Ref, m.Ward, m.CreatedAt, m.CreatedBy = old.GetMeta().Ref, old.GetMeta().Ward, old.GetMeta().CreatedAt, old.GetMeta().CreatedBy
			changes := diff(old, rec)
			if len(changes) == 0 {
				sum.Unchanged++
				return nil
			}
			if !m.UpdatedAt.After(old.GetMeta().UpdatedAt) {
				m.UpdatedAt = s.now().UTC()
				m.UpdatedBy = by
			}
			if err := s.checkLocked(tx, "import", rec, by, s.now().UTC(), old.Date(), rec.Date()); err != nil {
				return err
			}
			if err := replaceRecord(tx, old, rec, id); err != nil {
				return err
			}
			sum.Updated++
			return putHistory(tx, rec.Kind(), id, model.Change{At: s.now().UTC(), By: by, Action: "update", Fields: changes, Note: "csv"})
		}
	}
	err := s.create(tx, st, cal, rec, by)
	var inv *Invalid
	if errors.As(err, &inv) && len(inv.Errors) > 0 {
		return &CSVError{Line: cr.Line, Column: csvField(inv.Errors[0].Field), Key: inv.Errors[0].Key}
	}
	if err != nil {
		return err
	}
	sum.Added++
	return nil
}
