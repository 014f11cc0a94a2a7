package entry

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"gopy/model"
	"gopy/store"
	"gopy/ui/kit"
	"gopy/ui/sanitize"
)

// DeleteDialog asks before deleting a record (d). The store keeps the
// record's history with who deleted it and when.
type DeleteDialog struct {
	ctx      Context
	st       *kit.Styles
	keys     *kit.KeyMap
	uid      int64
	kind     model.Kind
	id, ref  string
	what     string
	deleting bool
	err      string
	// locked: the record is dated in a period already reported; the
	// deletion waits for the reason typed in reason.
	locked string
	reason textinput.Model
}

// ConfirmDelete is the delete confirmation for rec.
func ConfirmDelete(ctx Context, rec model.Record) *DeleteDialog {
	m := rec.GetMeta()
	row := model.RowOf(rec)
	what := row.Title
	if p, ok := rec.(*model.Petition); ok && !p.Confidential && p.Name != "" {
		what = p.Name + " – " + what
	}
	return &DeleteDialog{ctx: ctx, st: ctx.styles(), keys: ctx.keys(), uid: formIDs.Add(1),
		kind: rec.Kind(), id: m.ID, ref: m.Ref, what: what}
}

func (d *DeleteDialog) Init() tea.Cmd          { return nil }
func (d *DeleteDialog) Title() string          { return d.ctx.Lang.F("entry.title.delete", d.ref) }
func (d *DeleteDialog) Capturing() bool        { return true }
func (d *DeleteDialog) Unsaved() bool          { return false }
func (d *DeleteDialog) Restyle(st *kit.Styles) { d.st = st }
func (d *DeleteDialog) ShortHelp() []key.Binding {
	return []key.Binding{d.keys.Yes, d.keys.No}
}
func (d *DeleteDialog) FullHelp() [][]key.Binding { return [][]key.Binding{d.ShortHelp()} }

type deleteDoneMsg struct {
	form int64
	err  error
}

func (m deleteDoneMsg) FormID() int64 { return m.form }

// Resize does nothing: the dialog's few lines are fitted as they are drawn.
func (d *DeleteDialog) Resize(w, h int) {}

// ID names the dialog to the messages of its own commands.
func (d *DeleteDialog) ID() int64 { return d.uid }

func (d *DeleteDialog) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if d.deleting {
			return nil
		}
		if d.locked != "" {
			return d.reasonKey(msg)
		}
		switch {
		case key.Matches(msg, d.keys.Yes):
			d.deleting, d.err = true, ""
			s, k, id, by, uid := d.ctx.Store, d.kind, d.id, d.ctx.by(), d.uid
			return func() tea.Msg { return deleteDoneMsg{form: uid, err: s.Delete(k, id, by)} }
		case key.Matches(msg, d.keys.No):
			return emit(ClosedMsg{})
		}
	case deleteDoneMsg:
		if msg.form != d.uid {
			return nil
		}
		d.deleting = false
		var le *store.LockedError
		if errors.As(msg.err, &le) {
			d.locked = d.ctx.Lang.F("entry.amend.locked", le.Period.String(), sanitize.Line(le.Number))
			d.reason = textinput.New()
			d.reason.SetStyles(d.st.Input)
			d.reason.Prompt = "› "
			d.reason.CharLimit = 300
			d.reason.SetWidth(40)
			return d.reason.Focus()
		}
		if msg.err != nil {
			d.err = errText(d.ctx.Lang, msg.err)
			return nil
		}
		return emit(DeletedMsg{Kind: d.kind, ID: d.id})
	}
	return nil
}

// reasonKey types the reason of deleting a record of a reported period:
// enter deletes with it, esc closes the dialog with nothing deleted.
func (d *DeleteDialog) reasonKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, d.keys.Accept):
		reason := model.CleanLine(d.reason.Value())
		if reason == "" {
			d.err = d.ctx.Lang.T("entry.amend.required")
			return nil
		}
		d.deleting, d.err = true, ""
		s, k, id, by, uid := d.ctx.Store, d.kind, d.id, d.ctx.by(), d.uid
		return func() tea.Msg {
			err := s.Amending(reason, func() error { return s.Delete(k, id, by) })
			return deleteDoneMsg{form: uid, err: err}
		}
	case key.Matches(msg, d.keys.Cancel):
		return emit(ClosedMsg{})
	}
	var cmd tea.Cmd
	d.reason, cmd = d.reason.Update(msg)
	return cmd
}

func (d *DeleteDialog) View(w, h int) string {
	l, st := d.ctx.Lang, d.st
	inner := max(min(w-6, 60), 20)
	var b strings.Builder
	b.WriteString(st.Err.Render(l.F("entry.delete.ask", d.ref)) + "\n")
	for _, ln := range wrapText(sanitize.Line(d.what), inner) {
		b.WriteString(ln + "\n")
	}
	b.WriteString("\n" + st.Muted.Render(strings.Join(wrapText(l.T("entry.delete.history"), inner), "\n")) + "\n\n")
	switch {
	case d.deleting:
		b.WriteString(st.Warn.Render(l.T("entry.deleting")))
	case d.locked != "":
		b.WriteString(st.Warn.Render(strings.Join(wrapText(d.locked, inner), "\n")) + "\n" + kit.Clip(d.reason.View(), inner))
		if d.err != "" {
			b.WriteString("\n" + st.Err.Render(kit.Clip("! "+d.err, inner)))
		}
	case d.err != "":
		b.WriteString(st.Err.Render(strings.Join(wrapText("! "+d.err, inner), "\n")))
	default:
		b.WriteString(st.Bold.Render(l.T("entry.delete.confirm")))
	}
	box := st.Box.Width(inner + 4).Render(b.String())
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, box)
}

var _ Screen = (*DeleteDialog)(nil)
var _ Screen = (*Form)(nil)
