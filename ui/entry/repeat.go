package entry

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"gopy/model"
	"gopy/store"
)

// A repeated petition (issue 12) names the earlier one on the same matter
// by its reference (KN-2026-0012), as the officer reads it on the earlier
// petition or its papers; the store links them by id when it is saved.

// readRepeat sets the link from the typed reference: unchanged keeps it,
// empty removes it, another is resolved when saving (resolveRepeat).
func (s *petitionSpec) readRepeat(p *model.Petition) {
	ref := strings.ToUpper(line(s.repeat))
	switch {
	case ref == "":
		p.RepeatOf, p.RepeatRef = "", ""
	case s.orig != nil && ref == s.orig.RepeatRef:
	default:
		p.RepeatOf, p.RepeatRef = "", ref
	}
}

// resolveRepeat finds the petition a newly typed reference names (in the
// ward's own numbering first) before the save runs; a reference that names
// none is shown beside the field and nothing is written.
func (s *petitionSpec) resolveRepeat(p *model.Petition, save saveOp) saveOp {
	if p.RepeatRef == "" || p.RepeatOf != "" {
		return save
	}
	ref, ward := p.RepeatRef, s.ctx.Settings.WardCode
	if s.orig != nil {
		ward = s.orig.Ward
	}
	return func(st *store.Store) (tea.Msg, error) {
		id, err := findPetitionRef(st, ref, ward)
		if err != nil {
			return nil, err
		}
		if id == "" {
			return nil, &store.Invalid{Errors: model.FieldErrors{{Field: "repeat_of", Key: "err.not_found"}}}
		}
		p.RepeatOf = id
		return save(st)
	}
}

// findPetitionRef is the id of the petition with reference ref, of ward if
// there is one there, else of any ward.
func findPetitionRef(st *store.Store, ref, ward string) (string, error) {
	found := ""
	err := st.Each(store.Query{Kind: model.KindPetition, Search: ref}, func(r *model.Row) error {
		if r.Ref == ref && (found == "" || r.Ward == ward) {
			found = r.ID
		}
		return nil
	})
	return found, err
}
