package entry

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"gopy/model"
	"gopy/store"
	"gopy/ui/i18n"
	"gopy/ui/sanitize"
)

// Draft is a form left unsaved (the program was killed, the power cut):
// the root lists them at start and offers to resume each.
type Draft struct {
	Key     string // the store's draft key
	Kind    string
	Title   string // the form's title when it was typed
	SavedAt time.Time
	data    draftData
}

// Describe is one line for a list of drafts: the form and when it was
// last written.
func (d Draft) Describe(l i18n.Lang) string {
	return l.F("entry.draft.describe", sanitize.Line(d.Title), d.SavedAt.In(model.VNZone).Format("15:04 02/01/2006"))
}

// Gist is what the draft is about, from what was typed in it: the
// subject, summary, location or text (for a form on a stored record, its
// reference is in the title already). A name is used only when nothing
// else was typed, and never for a confidential petition or a
// denunciation. "" when nothing telling was typed.
func (d Draft) Gist() string {
	v := d.data.Values
	for _, k := range []string{"subject", "summary", "location", "result", "answer", "note", "points.1.content", "matters.1.summary"} {
		if s := strings.TrimSpace(v[k]); s != "" {
			return firstLine(s, 60)
		}
	}
	if v["confidential"] != "1" && v["classification"] != string(model.ClassDenunciation) {
		if s := strings.TrimSpace(v["name"]); s != "" {
			return firstLine(s, 60)
		}
	}
	return ""
}

// Drafts lists the drafts in the store, newest first. A draft that cannot
// be read (written by another version) is left out.
func Drafts(s *store.Store) ([]Draft, error) {
	raw, err := s.Drafts()
	if err != nil {
		return nil, fmt.Errorf("read drafts: %w", err)
	}
	var out []Draft
	for k, v := range raw {
		var d draftData
		if json.Unmarshal(v, &d) != nil || d.V != 1 || d.Values == nil {
			continue
		}
		out = append(out, Draft{Key: k, Kind: d.Kind, Title: d.Title, SavedAt: d.SavedAt, data: d})
	}
	slices.SortFunc(out, func(a, b Draft) int { return b.SavedAt.Compare(a.SavedAt) })
	return out, nil
}

// ResumeDraft rebuilds the form a draft was typed in, with everything
// typed. Saving it (or cancelling) removes the draft.
func ResumeDraft(ctx Context, d Draft) (*Form, error) {
	dd := d.data
	var f *Form
	var err error
	switch dd.Kind {
	case "feedback":
		f, err = resumeOn(dd, func() *Form { return NewFeedback(ctx) }, func(r *model.Feedback) *Form { return EditFeedback(ctx, r) })
	case "session":
		f, err = resumeOn(dd, func() *Form { return NewSession(ctx) }, func(r *model.Session) *Form { return EditSession(ctx, r) })
	case "petition":
		f, err = resumeOn(dd, func() *Form { return NewPetition(ctx) }, func(r *model.Petition) *Form { return EditPetition(ctx, r) })
	case "raise":
		f, err = resumeOn(dd, nil, func(r *model.Feedback) *Form { return RaisePetition(ctx, r, dd.Point) })
	case "answer":
		f, err = resumeOn(dd, nil, func(r *model.Feedback) *Form { return AnswerPoint(ctx, r, dd.Point) })
	case "matters":
		f, err = resumeOn(dd, nil, func(r *model.Session) *Form { return AddMatters(ctx, r) })
	case "status":
		f, err = resumeOn(dd, nil, func(r *model.Petition) *Form { return ChangeStatus(ctx, r) })
	case "note":
		f, err = resumeOn(dd, nil, func(r *model.Petition) *Form { return AddNote(ctx, r) })
	case "reveal":
		f, err = resumeOn(dd, nil, func(r *model.Petition) *Form { return RevealReason(ctx, r) })
	case "person":
		f = PersonRequest(ctx)
	case "settings":
		f = EditSettings(ctx)
	case "profiles":
		f, err = resumeOn(dd, nil, func(r *[]model.Profile) *Form { return EditProfiles(ctx, *r) })
	case "narrative":
		f, err = resumeOn(dd, nil, func(r *NarrativeState) *Form { return EditNarrative(ctx, *r) })
	case "send":
		f, err = resumeOn(dd, nil, func(r *NarrativeState) *Form { return SendReport(ctx, r.Period, r.Profiles) })
	case "commit", "commitment", "commit_state", "information":
		f, err = resumeFollow(ctx, dd)
	default:
		return nil, fmt.Errorf("draft %s: unknown form %q", d.Key, dd.Kind)
	}
	if err != nil {
		return nil, fmt.Errorf("draft %s: %w", d.Key, err)
	}
	f.draftKey = d.Key
	f.restore(dd)
	return f, nil
}

// resumeOn builds the form a draft belongs to: on the record it was
// opened on (kept in the draft), or fresh when there was none.
func resumeOn[T any](d draftData, fresh func() *Form, build func(*T) *Form) (*Form, error) {
	if len(d.Record) == 0 {
		if fresh == nil {
			return nil, fmt.Errorf("no record")
		}
		return fresh(), nil
	}
	r := new(T)
	if err := json.Unmarshal(d.Record, r); err != nil {
		return nil, err
	}
	return build(r), nil
}
