package entry

import (
	tea "charm.land/bubbletea/v2"

	"gopy/model"
	"gopy/store"
)

// RevealedMsg ends the reveal dialog: the petition with its identity
// opened, and its history with the sealed fields opened. Only the detail
// that asked holds them, until it is left or reloaded.
type RevealedMsg struct {
	ID   string
	Rec  *model.Petition
	Hist []model.Change
}

// RevealReason asks why a confidential petitioner's identity is to be
// shown (v, for a user with the confidential grant); the reason goes into
// the audit log with the user and the record.
func RevealReason(ctx Context, p *model.Petition) *Form {
	b := fieldSet{ctx.Lang}
	sp := &revealSpec{id: p.ID, reason: b.text("reason")}
	sp.reason.section = ctx.Lang.F("entry.section.reveal", p.Ref)
	sp.reason.required = true
	f := newForm(ctx, "reveal", p.ID, ctx.Lang.F("entry.title.reveal", p.Ref), sp)
	f.record = rawJSON(p)
	return f.ready()
}

type revealSpec struct {
	id     string
	reason *field
}

func (s *revealSpec) fields() []*field { return []*field{s.reason} }
func (s *revealSpec) changed(*field)   {}

func (s *revealSpec) check() model.FieldErrors {
	var errs model.FieldErrors
	if text(s.reason) == "" {
		errs.Add("reason", "err.required")
	}
	return errs
}

func (s *revealSpec) save() saveOp {
	id, reason := s.id, text(s.reason)
	return func(st *store.Store) (tea.Msg, error) {
		rec, err := st.Get(model.KindPetition, id)
		if err != nil {
			return nil, err
		}
		p := rec.(*model.Petition)
		if err := st.Reveal(p, reason); err != nil {
			return nil, err
		}
		hist, err := st.History(id)
		if err != nil {
			return nil, err
		}
		if err := st.RevealHistory(id, hist); err != nil {
			return nil, err
		}
		return RevealedMsg{ID: id, Rec: p, Hist: hist}, nil
	}
}
