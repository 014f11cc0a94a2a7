package entry

import (
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"

	"gopy/model"
	"gopy/ui/i18n"
)

// fieldSet builds a form's fields with translated labels.
type fieldSet struct{ l i18n.Lang }

func (b fieldSet) label(name string) string { return b.l.T("entry.field." + name) }

// make builds a field whose key is also its label's name.
func (b fieldSet) make(k fieldKind, key string) *field { return newField(k, key, b.label(key)) }

func (b fieldSet) choice(key, group string, values []string) *field {
	f := b.make(kChoice, key)
	for _, v := range values {
		f.opts = append(f.opts, option{value: v, label: b.l.Enum(group, v)})
	}
	return f
}

func (b fieldSet) pick(key string, lists ...[]string) *field {
	f := b.make(kPick, key)
	f.list = merge(lists...)
	f.hint = b.l.T("entry.hint.pick")
	return f
}

func (b fieldSet) tags(key string, list []string) *field {
	f := b.make(kTags, key)
	f.list = list
	f.hint = b.l.T("entry.hint.tags")
	return f
}

func (b fieldSet) date(key string) *field {
	f := b.make(kDate, key)
	f.hint = b.l.T("entry.hint.date")
	return f
}

func (b fieldSet) text(key string) *field {
	f := b.make(kText, key)
	f.hint = b.l.T("entry.hint.text")
	return f
}

// merge joins Settings lists without repeats, in order.
func merge(lists ...[]string) []string {
	var out []string
	seen := map[string]bool{}
	for _, l := range lists {
		for _, v := range l {
			if !seen[v] {
				seen[v] = true
				out = append(out, v)
			}
		}
	}
	return out
}

// reader reads typed values, collecting the errors of what cannot be read
// (a date that is not one); model validation adds the rest.
type reader struct{ errs model.FieldErrors }

func (r *reader) date(f *field) model.Date {
	v := strings.TrimSpace(f.value())
	if v == "" {
		return 0
	}
	d, err := model.ParseDate(v)
	if err != nil {
		var de *model.ErrDate
		if errors.As(err, &de) {
			r.errs.Add(f.key, de.Key)
		} else {
			r.errs.Add(f.key, "err.date.format")
		}
		return 0
	}
	return d
}

func (r *reader) number(f *field, empty int) int {
	v := strings.TrimSpace(f.value())
	if v == "" {
		return empty
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		r.errs.Add(f.key, "err.invalid_number")
		return empty
	}
	return n
}

func line(f *field) string { return model.CleanLine(f.value()) }
func text(f *field) string { return model.CleanText(f.value()) }

func tagList(f *field) []string {
	var out []string
	for _, p := range strings.Split(f.value(), ",") {
		if p = model.CleanLine(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func numText(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func boolText(b bool) string {
	if b {
		return "1"
	}
	return ""
}

// Copies of records, so a form never changes the record its caller holds.
func copyFeedback(f *model.Feedback) *model.Feedback {
	c := *f
	c.Topics, c.Points = slices.Clone(f.Topics), slices.Clone(f.Points)
	return &c
}

func copySession(s *model.Session) *model.Session {
	c := *s
	c.Topics = slices.Clone(s.Topics)
	return &c
}

func copyPetition(p *model.Petition) *model.Petition {
	c := *p
	c.Log = slices.Clone(p.Log)
	return &c
}

func rawJSON(v any) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		return nil
	}
	return b
}
