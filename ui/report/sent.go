package report

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"gopy/model"
	"gopy/store"
	"gopy/ui/i18n"
)

// Sending a report, making a sent one again, and the corrections to
// periods already reported.

// ErrNoProfile is returned for a --profile that names no profile.
var ErrNoProfile = errors.New("no such report profile")

// ErrNotSent is returned by AsSent for a period with no sent report.
var ErrNotSent = errors.New("period not sent")

// Prepare builds a period's report as a document: Build, then Dress.
func Prepare(s *store.Store, p model.Period, today model.Date, profile string, l i18n.Lang, byWard bool) (Doc, error) {
	d, err := Build(s, p, today, byWard)
	if err != nil {
		return Doc{}, err
	}
	d.Lang = l
	return d, Dress(s, &d, today, profile)
}

// Dress adds to a built report what its document needs: the profile
// (filled from Settings; the first one when profile is ""), dated today
// with its number left blank, the narrative kept for the period (or the
// draft one), and the corrections to periods reported before whose
// records were amended since the profile last sent.
func Dress(s *store.Store, d *Doc, today model.Date, profile string) error {
	p := d.Report.Period
	profiles, err := s.Profiles()
	if err != nil {
		return err
	}
	prof, ok := model.FindProfile(profiles, profile)
	if !ok {
		return fmt.Errorf("%q: %w", profile, ErrNoProfile)
	}
	d.Info.Profile = prof.Filled(&d.Settings)
	d.Info.Number = d.Info.Profile.Number("")
	d.Info.IssuedOn = today
	n, ok, err := s.Narrative(prof.Name, p)
	if err != nil {
		return err
	}
	if !ok {
		n = DraftNarrative(d.Lang, &d.Report)
	}
	d.Info.Narrative = n
	// Without a profile named, corrections from every profile's reports.
	d.Adjustments, err = adjustments(s, profile, p, d.Lang)
	return err
}

// Send sends the period's report under the profile with the given number:
// the document is frozen with the versions of the records it counted. A
// period already sent under the profile gets an amendment report that
// names the one it replaces.
func Send(s *store.Store, p model.Period, now time.Time, profile, number, by string, l i18n.Lang) (store.SentReport, error) {
	today := model.DateOf(now)
	d, err := Prepare(s, p, today, profile, l, false)
	if err != nil {
		return store.SentReport{}, err
	}
	prof := d.Info.Profile
	r := store.SentReport{
		Profile: prof, Period: p, Number: prof.Number(number), IssuedOn: today,
		SentAt: now.UTC(), SentBy: by, Lang: string(l), Settings: d.Settings, Narrative: d.Info.Narrative,
	}
	last, found, err := s.LatestSent(prof.Name, p)
	if err != nil {
		return r, err
	}
	if found {
		r.Seq, r.Amends, r.AmendsNumber, r.AmendsOn = last.Seq+1, last.ID, last.Number, last.IssuedOn
	}
	if r.Figures, err = reportJSON(&d.Report); err != nil {
		return r, err
	}
	if d.Adjustments != nil {
		if r.Adjustments, err = json.Marshal(d.Adjustments); err != nil {
			return r, err
		}
	}
	versions, err := s.RecordVersions(p)
	if err != nil {
		return r, err
	}
	return r, s.Send(&r, versions)
}

// FromSent is the document of a sent report, made again from what was
// stored: the same bytes in every format.
func FromSent(r *store.SentReport) (Doc, error) {
	d := Doc{Settings: r.Settings, Adjustments: nil}
	d.Lang, _ = i18n.Parse(r.Lang)
	if err := json.Unmarshal(r.Figures, &d.Report); err != nil {
		return d, fmt.Errorf("read sent figures: %w", err)
	}
	if len(r.Adjustments) > 0 && string(r.Adjustments) != "null" {
		if err := json.Unmarshal(r.Adjustments, &d.Adjustments); err != nil {
			return d, fmt.Errorf("read sent corrections: %w", err)
		}
	}
	d.Info = DocxInfo{Profile: r.Profile, Narrative: r.Narrative, Number: r.Number, IssuedOn: r.IssuedOn}
	if r.Seq > 0 {
		d.Info.Amends = &Amended{Seq: r.Seq, Number: r.AmendsNumber, On: r.AmendsOn}
	}
	return d, nil
}

// WriteSent writes a sent report in format f: JSON is the figures' bytes
// as they were printed; every other format is laid out from them.
func WriteSent(w interface{ Write([]byte) (int, error) }, f Format, r *store.SentReport) error {
	if f == JSON {
		_, err := w.Write(r.Figures)
		return err
	}
	d, err := FromSent(r)
	if err != nil {
		return err
	}
	return Write(w, f, d)
}

// AsSent is the last report sent for the period (under the profile, or
// under any profile when it is empty).
func AsSent(s *store.Store, p model.Period, profile string) (store.SentReport, error) {
	list, err := s.SentReports()
	if err != nil {
		return store.SentReport{}, err
	}
	var out *store.SentReport
	for i := range list {
		r := &list[i]
		if r.Period == p && (profile == "" || strings.EqualFold(profile, r.Profile.Name)) {
			out = r
		}
	}
	if out == nil {
		return store.SentReport{}, fmt.Errorf("%s: %w", p, ErrNotSent)
	}
	// The list does not check checksums; reading it again does.
	r, _, err := s.Sent(out.ID)
	return r, err
}

// Adjustment is one sent figure that changed since it was sent.
type Adjustment struct {
	Period     model.Period `json:"period"`
	Number     string       `json:"number"` // the report it was sent in
	Figure     string       `json:"figure"` // its label
	Sent       float64      `json:"sent"`
	Now        float64      `json:"now"`
	Amendments string       `json:"amendments"` // references and reasons
}

// adjustments compares each period the profile (any, when "") sent before p with the
// same period recomputed now (as of the day it was sent), when records
// of it were amended after the profile last sent: each amendment shows in
// the one report that follows it.
func adjustments(s *store.Store, profile string, p model.Period, l i18n.Lang) ([]Adjustment, error) {
	list, err := s.SentReports()
	if err != nil {
		return nil, err
	}
	var since time.Time
	latest := map[model.Period]store.SentReport{}
	for _, r := range list {
		if profile != "" && !strings.EqualFold(r.Profile.Name, profile) {
			continue
		}
		if r.SentAt.After(since) {
			since = r.SentAt
		}
		if r.Period.To < p.From && r.Seq >= latest[r.Period].Seq {
			latest[r.Period] = r
		}
	}
	periods := make([]model.Period, 0, len(latest))
	for q := range latest {
		periods = append(periods, q)
	}
	sort.Slice(periods, func(i, j int) bool { return periods[i].From < periods[j].From })
	var out []Adjustment
	for _, q := range periods {
		sent := latest[q]
		amends, err := s.Amendments(q, since)
		if err != nil || len(amends) == 0 {
			if err != nil {
				return nil, err
			}
			continue
		}
		var was model.Report
		if err := json.Unmarshal(sent.Figures, &was); err != nil {
			return nil, fmt.Errorf("read sent figures %s: %w", sent.ID, err)
		}
		now, err := Build(s, q, was.AsOf, false)
		if err != nil {
			return nil, err
		}
		why := make([]string, 0, len(amends))
		for _, a := range amends {
			why = append(why, a.Ref+": "+a.Reason)
		}
		before, after := flatFigures(&was), flatFigures(&now.Report)
		for _, f := range before {
			v, ok := after.get(f.path)
			if ok && math.Abs(v-f.v) < 1e-9 {
				continue
			}
			out = append(out, Adjustment{Period: q, Number: sent.Number, Figure: figureLabel(l, f.path),
				Sent: f.v, Now: v, Amendments: strings.Join(why, "; ")})
		}
	}
	return out, nil
}

type flatFigure struct {
	path string
	v    float64
}

type flatList []flatFigure

func (fl flatList) get(path string) (float64, bool) {
	for _, f := range fl {
		if f.path == path {
			return f.v, true
		}
	}
	return 0, false
}

// flatFigures lists a report's numbers by their JSON path
// ("petitions.by_status.resolved"), leaving out the per-petition overdue
// list (its count is a figure) and the per-ward rows.
func flatFigures(r *model.Report) flatList {
	b, _ := json.Marshal(r.Figures)
	var tree map[string]any
	_ = json.Unmarshal(b, &tree)
	var out flatList
	var walk func(prefix string, v any)
	walk = func(prefix string, v any) {
		switch x := v.(type) {
		case float64:
			out = append(out, flatFigure{prefix, x})
		case []any:
			// The targets: one object per rule, named by it.
			for _, e := range x {
				if m, ok := e.(map[string]any); ok {
					if rule, ok := m["rule"].(string); ok {
						walk(prefix+"."+rule, m)
					}
				}
			}
		case map[string]any:
			keys := make([]string, 0, len(x))
			for k := range x {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			for _, k := range keys {
				if k == "overdue_list" {
					continue
				}
				p := k
				if prefix != "" {
					p = prefix + "." + k
				}
				walk(p, x[k])
			}
		}
	}
	walk("", tree)
	return out
}

// figureLabel names a figure by its path in the user's words where the
// report has a label for it.
func figureLabel(l i18n.Lang, path string) string {
	simple := map[string]string{
		"feedback.total": "report.fb.total", "feedback.points": "report.fb.points",
		"feedback.answered": "report.fb.answered", "feedback.acceptance_rate": "report.fb.acceptance",
		"feedback.median_answer_days": "report.fb.median", "feedback.overdue": "report.fb.overdue",
		"feedback.overdue_points": "report.fb.overdue_pts", "feedback.drafts": "report.fb.drafts",
		"sessions.total": "report.ss.total", "sessions.participants": "report.ss.participants",
		"sessions.matters_raised": "report.ss.matters",
		"petitions.total":         "report.pt.total", "petitions.people": "report.pt.people",
		"petitions.ack_late": "report.pt.ack_late", "petitions.ack_pending": "report.pt.ack_pending",
		"petitions.resolved": "report.pt.resolved", "petitions.resolved_on_time": "report.pt.resolved_ontime",
		"petitions.overdue": "report.pt.overdue", "petitions.reported_back": "report.pt.reported_back",
	}
	if k, ok := simple[path]; ok {
		return l.T(k)
	}
	groups := map[string][2]string{
		"feedback.by_status":          {"report.fb.by_status", "answer"},
		"feedback.by_state":           {"report.fb.by_state", "fbstate"},
		"feedback.by_source":          {"report.fb.by_source", "source"},
		"feedback.by_form":            {"report.fb.by_form", "form"},
		"feedback.by_target":          {"report.fb.by_target", "target"},
		"sessions.by_kind":            {"report.ss.by_kind", "session"},
		"sessions.by_host":            {"report.ss.by_host", "host"},
		"petitions.by_status":         {"report.pt.by_status", "status"},
		"petitions.by_classification": {"report.pt.by_class", "class"},
		"petitions.by_channel":        {"report.pt.by_channel", "channel"},
	}
	if i := strings.LastIndexByte(path, '.'); i > 0 {
		if g, ok := groups[path[:i]]; ok {
			return l.T(g[0]) + ": " + l.Enum(g[1], path[i+1:])
		}
	}
	return path
}

// adjustSection is the corrections table, when there is one.
func (d *Doc) adjustSection() (section, bool) {
	if len(d.Adjustments) == 0 {
		return section{}, false
	}
	l := d.Lang
	t := table{head: []string{l.T("doc.adj.report"), l.T("doc.adj.figure"), l.T("doc.adj.sent"),
		l.T("doc.adj.now"), l.T("doc.adj.why")}}
	for _, a := range d.Adjustments {
		kind := vInt
		if a.Sent != math.Trunc(a.Sent) || a.Now != math.Trunc(a.Now) {
			kind = vNum
		}
		t.rows = append(t.rows, []value{txt(a.Number + " (" + a.Period.String() + ")"), txt(a.Figure),
			{kind: kind, num: a.Sent}, {kind: kind, num: a.Now}, txt(a.Amendments)})
	}
	return section{sheet: l.T("doc.adj.sheet"), title: l.T("doc.sec.adjustments"), tables: []table{t}}, true
}

// allSections are the report's sections, then the corrections.
func (d *Doc) allSections() []section {
	secs := d.sections()
	if s, ok := d.adjustSection(); ok {
		secs = append(secs, s)
	}
	if s, ok := d.besideSection(); ok {
		secs = append(secs, s)
	}
	return secs
}

// DraftNarrative is what the narrative starts as: one sentence per
// headline figure, for the officer to edit.
func DraftNarrative(l i18n.Lang, r *model.Report) model.Narrative {
	fb, ss, pt := &r.Feedback, &r.Sessions, &r.Petitions
	rate := "—"
	if fb.AcceptanceRate != nil {
		rate = optional(vRate, fb.AcceptanceRate).human(l)
	}
	target := func(rule model.TargetRule) (held, required int) {
		for _, t := range r.Targets {
			if t.Rule == rule {
				return t.Held, t.Required
			}
		}
		return 0, 0
	}
	sh, sr := target(model.RuleSecretaryMonthly)
	ch, cr := target(model.RuleChairWeekly)
	dh, dr := target(model.RuleDialogueYearly)
	lines := []string{
		l.F("doc.draft.feedback", fb.Total, fb.Points, fb.Answered, rate),
		l.F("doc.draft.sessions", ss.Total, ss.Participants, ss.MattersRaised),
		l.F("doc.draft.targets", sh, sr, ch, cr, dh, dr),
		l.F("doc.draft.petitions", pt.Total, pt.Resolved, pt.ResolvedOnTime, pt.Overdue),
	}
	return model.Narrative{Results: strings.Join(lines, "\n")}
}

// WardSent is one figure of a ward's report as the ward sent it, beside
// the same figure recomputed from the ward's records received here.
type WardSent struct {
	Ward   string
	Number string
	Figure string
	Sent   float64
	Now    float64
}

// headline are the figures set beside each other for every ward, changed
// or not; any other figure shows only when it differs.
var headline = []string{"feedback.total", "feedback.points", "feedback.answered", "feedback.overdue",
	"sessions.total", "sessions.participants", "petitions.total", "petitions.resolved", "petitions.overdue",
	"petitions.reported_back"}

// BesideSent fills d.Beside for a --by-ward report: for each ward that
// sent a report for the period (received in a bundle; the last per ward
// and profile), its figures as sent and as recomputed here, as of the
// day the ward made its report.
func BesideSent(s *store.Store, d *Doc) error {
	p := d.Report.Period
	list, err := s.WardSentReports()
	if err != nil {
		return err
	}
	latest := map[[2]string]store.SentReport{}
	for _, r := range list {
		if r.Period != p {
			continue
		}
		key := [2]string{r.Settings.WardCode, r.Profile.Name}
		if o, ok := latest[key]; !ok || r.SentAt.After(o.SentAt) {
			latest[key] = r
		}
	}
	keys := make([][2]string, 0, len(latest))
	for k := range latest {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b [2]string) int { return strings.Compare(a[0]+"\x00"+a[1], b[0]+"\x00"+b[1]) })
	byAsOf := map[model.Date]model.Report{}
	d.Beside = []WardSent{}
	for _, k := range keys {
		r := latest[k]
		var was model.Report
		if err := json.Unmarshal(r.Figures, &was); err != nil {
			return fmt.Errorf("read ward report %s: %w", r.ID, err)
		}
		now, ok := byAsOf[was.AsOf]
		if !ok {
			doc, err := Build(s, p, was.AsOf, true)
			if err != nil {
				return err
			}
			now, byAsOf[was.AsOf] = doc.Report, doc.Report
		}
		var mine flatList
		for i := range now.Wards {
			if now.Wards[i].Ward == k[0] {
				mine = flatFigures(&model.Report{Figures: now.Wards[i].Figures})
			}
		}
		for _, f := range flatFigures(&was) {
			v, _ := mine.get(f.path)
			if math.Abs(v-f.v) < 1e-9 && !slices.Contains(headline, f.path) {
				continue
			}
			d.Beside = append(d.Beside, WardSent{Ward: k[0], Number: r.Number, Figure: figureLabel(d.Lang, f.path), Sent: f.v, Now: v})
		}
	}
	return nil
}

func (d *Doc) besideSection() (section, bool) {
	if d.Beside == nil {
		return section{}, false
	}
	l := d.Lang
	t := table{head: []string{l.T("report.col.ward"), l.T("doc.adj.report"), l.T("doc.adj.figure"),
		l.T("doc.beside.sent"), l.T("doc.beside.now"), l.T("doc.beside.diff")}}
	for _, b := range d.Beside {
		kind := vInt
		if b.Sent != math.Trunc(b.Sent) || b.Now != math.Trunc(b.Now) {
			kind = vNum
		}
		diff := ""
		if math.Abs(b.Now-b.Sent) >= 1e-9 {
			diff = l.T("doc.beside.differs")
		}
		t.rows = append(t.rows, []value{txt(b.Ward), txt(b.Number), txt(b.Figure), {kind: kind, num: b.Sent}, {kind: kind, num: b.Now}, txt(diff)})
	}
	return section{sheet: l.T("doc.beside.sheet"), title: l.T("doc.beside.section"), tables: []table{t}}, true
}
