package entry

import (
	"gopy/model"
)

// --- an item of information owed to the Front (n on its list, e on one) -------

// NewInformation is the form for an item of information the Party
// committee or the People's Committee owes the Front.
func NewInformation(ctx Context) *Form {
	i := &model.Information{Category: model.InfoPlan, OwedBy: model.TargetGovernment, DueOn: ctx.today()}
	sp := newInformationSpec(&ctx, i, false)
	f := newForm(ctx, "information", "", ctx.Lang.T("entry.title.new_information"), sp)
	return f.ready()
}

// EditInformation edits a stored item, such as to record that it was
// provided.
func EditInformation(ctx Context, i *model.Information) *Form {
	cp := *i
	sp := newInformationSpec(&ctx, &cp, true)
	f := recordForm(ctx, "information", i, ctx.Lang.F("entry.title.edit", i.Ref), sp)
	if i.ProvidedOn == 0 {
		// The usual edit records that it was provided.
		f.startOn(sp.providedOn)
	}
	return f
}

type informationSpec struct {
	ctx  *Context
	i    *model.Information
	edit bool

	item, category, owedBy, owedByName, owedTo, dueOn, providedOn, how, docNo, note *field
}

func newInformationSpec(ctx *Context, i *model.Information, edit bool) *informationSpec {
	b := fieldSet{ctx.Lang}
	s := &informationSpec{ctx: ctx, i: i, edit: edit}
	s.item = b.text("item")
	s.item.required = true
	s.item.section = b.l.T("entry.section.information")
	s.category = b.choice("category", "infocat", model.Strings(model.InfoCategories))
	s.owedBy = b.choice("owed_by", "target", model.Strings(model.InfoOwers))
	s.owedByName = b.pick("owed_by_name", ctx.Settings.Agencies)
	s.owedTo = b.pick("owed_to", ctx.Settings.Organisations)
	s.dueOn = b.date("due_on")
	s.dueOn.required = true
	s.providedOn = b.date("provided_on")
	s.how = b.choice("how", "infohow", model.Strings(model.InfoMethods))
	s.how.visible = func() bool { return s.providedOn.value() != "" }
	s.docNo = b.make(kLine, "doc_no")
	s.docNo.visible = s.how.visible
	s.note = b.text("note")

	s.item.setValue(i.Item)
	s.category.setValue(string(i.Category))
	s.owedBy.setValue(string(i.OwedBy))
	s.owedByName.setValue(i.OwedByName)
	s.owedTo.setValue(i.OwedTo)
	s.dueOn.setValue(i.DueOn.String())
	s.providedOn.setValue(i.ProvidedOn.String())
	s.how.setValue(string(i.How))
	s.docNo.setValue(i.DocNo)
	s.note.setValue(i.Note)
	return s
}

func (s *informationSpec) fields() []*field {
	return []*field{s.item, s.category, s.owedBy, s.owedByName, s.owedTo, s.dueOn, s.providedOn, s.how, s.docNo, s.note}
}

func (s *informationSpec) changed(*field) {}

func (s *informationSpec) build() (*model.Information, model.FieldErrors) {
	var r reader
	i := *s.i
	i.Item, i.Note = text(s.item), text(s.note)
	i.Category, i.OwedBy = model.InfoCategory(s.category.value()), model.TargetKind(s.owedBy.value())
	i.OwedByName, i.OwedTo = line(s.owedByName), line(s.owedTo)
	i.DueOn, i.ProvidedOn = r.date(s.dueOn), r.date(s.providedOn)
	i.How, i.DocNo = "", ""
	if i.ProvidedOn != 0 {
		i.How, i.DocNo = model.InfoMethod(s.how.value()), line(s.docNo)
	}
	return &i, r.errs
}

func (s *informationSpec) check() model.FieldErrors {
	i, errs := s.build()
	return append(errs, i.Validate()...)
}

func (s *informationSpec) save() saveOp {
	i, _ := s.build()
	return saveRecord(i, s.ctx.by(), s.edit)
}
