package entry

import (
	tea "charm.land/bubbletea/v2"

	"gopy/model"
	"gopy/store"
)

// PersonDoneMsg ends a personal-data request: what was found (and
// corrected or erased), and after an erasure the backups still holding
// the old data.
type PersonDoneMsg struct {
	Action  string // find | correct | erase
	Result  *store.PersonResult
	Backups []string
}

var personActions = []string{"find", "correct", "erase"}

// PersonRequest is an admin's personal-data request (Luật 91/2025): find
// everything naming a person (name, ID number or phone, accents ignored),
// correct it everywhere, or erase the identity. The store audits it.
func PersonRequest(ctx Context) *Form {
	b := fieldSet{ctx.Lang}
	sp := &personSpec{query: b.make(kLine, "person_query"), action: b.choice("person_action", "person_action", personActions),
		value: b.make(kLine, "person_value")}
	sp.query.section = ctx.Lang.T("entry.section.person")
	sp.query.required = true
	sp.action.setValue("find")
	f := newForm(ctx, "person", "", ctx.Lang.T("entry.title.person"), sp)
	return f.ready()
}

type personSpec struct {
	query, action, value *field
}

func (s *personSpec) fields() []*field { return []*field{s.query, s.action, s.value} }
func (s *personSpec) changed(*field)   {}

func (s *personSpec) check() model.FieldErrors {
	var errs model.FieldErrors
	if line(s.query) == "" {
		errs.Add("person_query", "err.required")
	}
	if s.action.value() == "correct" && line(s.value) == "" {
		errs.Add("person_value", "err.required")
	}
	return errs
}

func (s *personSpec) save() saveOp {
	q, action, value := line(s.query), s.action.value(), line(s.value)
	return func(st *store.Store) (tea.Msg, error) {
		var res *store.PersonResult
		var err error
		switch action {
		case "correct":
			res, err = st.CorrectPerson(q, value)
		case "erase":
			res, err = st.ErasePerson(q)
		default:
			res, err = st.FindPerson(q)
		}
		if err != nil {
			return nil, err
		}
		m := PersonDoneMsg{Action: action, Result: res}
		if action == "erase" {
			m.Backups = st.StaleBackups()
		}
		return m, nil
	}
}
