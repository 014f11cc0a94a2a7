package entry

import (
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"gopy/model"
	"gopy/store"
	"gopy/ui/kit"
	"gopy/ui/sanitize"
)

// spec is what makes a Form a feedback form, a session form, a dialog…
type spec interface {
	// fields lists every field in order, hidden ones included.
	fields() []*field
	// check validates what is typed; error fields are field keys.
	check() model.FieldErrors
	// save builds the records from the fields (no I/O) and returns the
	// store operation to run in a command.
	save() saveOp
	// changed reacts to a field's new value (due dates follow dates,
	// status follows handling, …).
	changed(f *field)
}

// saveOp runs in a command; it returns the message the form ends with.
type saveOp func(s *store.Store) (tea.Msg, error)

// saveRecord creates rec, or updates it when it is an edit (refused as
// stale when the record changed since the form read it).
func saveRecord(rec model.Record, by string, edit bool) saveOp {
	return func(st *store.Store) (tea.Msg, error) {
		write := st.Create
		if edit {
			write = st.Update
		}
		if err := write(rec, by); err != nil {
			return nil, err
		}
		m := rec.GetMeta()
		return SavedMsg{Kind: rec.Kind(), ID: m.ID, Ref: m.Ref, Created: !edit}, nil
	}
}

// grouper is a spec with repeated groups of fields (a feedback's points, a
// session's matters): ctrl+n adds one, ctrl+d removes the one in focus.
type grouper interface {
	add() *field         // adds an item; returns the field to focus
	itemOf(f *field) int // 1-based item of a field, 0 when none
	itemEmpty(item int) bool
	remove(item int) string // "" or the catalog key of why not
	groups() map[string]int
	setGroups(map[string]int)
}

// extraState is a spec holding more than its fields' values (the settings
// form's holiday lists of other years), kept in drafts.
type extraState interface {
	extra() map[string]string
	setExtra(map[string]string)
}

type ask int

const (
	askNone ask = iota
	askCancel
	askRemove
	// askAmend: the record is dated in a period already reported; the
	// save waits for the reason of the amendment.
	askAmend
)

var formIDs atomic.Int64

// Form is one data-entry screen: a record form or a dialog. It lays its
// fields out in a scrolling column, validates as the officer types, shows
// each error under its field, saves with ctrl+s in a command, and keeps a
// draft in the store while typed text is unsaved.
type Form struct {
	ctx  Context
	st   *kit.Styles
	keys *kit.KeyMap
	spec spec
	uid  int64

	title    string
	kind     string // draft kind: feedback, session, petition, matters, answer, status, note, raise, settings
	draftKey string
	// record is the stored record the form edits or acts on (JSON), kept
	// in the draft so that a resumed form edits the same version.
	record json.RawMessage
	point  int

	cur    *field
	offset int
	width  int // the body laid out by Resize
	height int

	errs      map[string]string // live validation, field key → catalog key
	storeErrs map[string]string // from the store's refusal, until the field changes
	other     []string          // errors of no visible field, translated
	touched   map[string]bool
	tried     bool
	formErr   string
	notice    string
	saving    bool
	saved     bool
	asking    ask
	initial   string
	// reason is the amendment's reason typed at askAmend; locked says
	// which report locks the period.
	reason textinput.Model
	locked string

	seq, draftSeq int
	lastDraft     time.Time
	hasDraft      bool
	draftNote     string
	drafts        *drafter
}

// recordForm is a form that edits or acts on a stored record; the record
// as read goes into its draft, so a resumed form edits the same version.
func recordForm(ctx Context, kind string, rec model.Record, title string, sp spec) *Form {
	f := newForm(ctx, kind, rec.GetMeta().ID, title, sp)
	f.record = rawJSON(rec)
	return f.ready()
}

func newForm(ctx Context, kind, id, title string, sp spec) *Form {
	if id == "" {
		id = "new"
	}
	f := &Form{ctx: ctx, st: ctx.styles(), keys: ctx.keys(), spec: sp,
		uid: formIDs.Add(1), title: title, kind: kind, draftKey: kind + "/" + id,
		touched: map[string]bool{}, storeErrs: map[string]string{}, drafts: &drafter{}}
	return f
}

// ready is called by constructors once the fields hold the record: it
// takes the snapshot that Unsaved compares against and focuses the first
// field.
func (f *Form) ready() *Form {
	for _, fd := range f.spec.fields() {
		fd.restyle(f.st)
	}
	f.initial = f.snapshot()
	for _, fd := range f.spec.fields() {
		if fd.focusable() {
			f.cur = fd
			break
		}
	}
	if f.cur != nil {
		f.cur.focus(f.st)
	}
	f.validate()
	return f
}

func (f *Form) Init() tea.Cmd   { return nil }
func (f *Form) Title() string   { return f.title }
func (f *Form) Capturing() bool { return true }
func (f *Form) Unsaved() bool   { return !f.saved && f.snapshot() != f.initial }

func (f *Form) Restyle(st *kit.Styles) {
	f.st = st
	for _, fd := range f.spec.fields() {
		fd.restyle(f.st)
	}
}

// ShortHelp leads with the keys of the field in focus (←/→ choose, t
// today, enter new line), then ctrl+n/ctrl+d, then the keys the form's own
// bottom line already says (ctrl+s, esc, tab, shift+tab): at 80 columns
// the help line has room for few.
func (f *Form) ShortHelp() []key.Binding {
	k, fk := f.keys, &f.keys.Form
	if f.asking != askNone {
		return []key.Binding{k.Yes, k.No}
	}
	var b []key.Binding
	if f.cur != nil {
		switch f.cur.kind {
		case kDate:
			b = append(b, fk.Today)
		case kChoice:
			b = append(b, fk.Choose)
		case kCheck:
			b = append(b, fk.Toggle)
		case kText:
			b = append(b, fk.Newline)
		}
	}
	if _, ok := f.spec.(grouper); ok {
		b = append(b, fk.Add, fk.Remove)
	}
	return append(b, k.Save, k.Cancel, fk.Next, fk.Prev)
}

func (f *Form) FullHelp() [][]key.Binding {
	k, fk := f.keys, &f.keys.Form
	return [][]key.Binding{{fk.Next, fk.Prev, k.Save, k.Cancel}, {fk.Add, fk.Remove, fk.Today, fk.Choose, fk.Toggle, fk.Newline}}
}

// visible lists the fields shown now, in order.
func (f *Form) visible() []*field {
	var out []*field
	for _, fd := range f.spec.fields() {
		if fd.shown() {
			out = append(out, fd)
		}
	}
	return out
}

func (f *Form) byKey(k string) *field {
	for _, fd := range f.spec.fields() {
		if fd.key == k {
			return fd
		}
	}
	return nil
}

// validate runs the spec's checks; errors of hidden or unknown fields are
// kept apart and shown at the bottom once a save was tried.
func (f *Form) validate() {
	f.errs = map[string]string{}
	f.other = nil
	shown := map[string]bool{}
	for _, fd := range f.visible() {
		shown[fd.key] = true
	}
	for _, fe := range f.spec.check() {
		if _, dup := f.errs[fe.Field]; dup {
			continue
		}
		if shown[fe.Field] {
			f.errs[fe.Field] = fe.Key
		} else {
			f.other = append(f.other, f.fieldName(fe.Field)+": "+f.msg(fe.Key))
		}
	}
}

// fieldName names a field for a message at the bottom of the form.
func (f *Form) fieldName(k string) string {
	if fd := f.byKey(k); fd != nil {
		return fd.label
	}
	if f.ctx.Lang.Has("entry.field." + k) {
		return f.ctx.Lang.T("entry.field." + k)
	}
	return k
}

// msg translates an error key; a literal message (with details the
// catalog cannot hold) passes as it is.
func (f *Form) msg(k string) string {
	if m, ok := strings.CutPrefix(k, literal); ok {
		return m
	}
	return f.ctx.Lang.T(k)
}

// errorOf is the error shown under a field: the store's refusal, else the
// live check once the field was left or a save tried.
func (f *Form) errorOf(fd *field) string {
	if k := f.storeErrs[fd.key]; k != "" {
		return k
	}
	if f.tried || f.touched[fd.key] {
		return f.errs[fd.key]
	}
	return ""
}

// Update handles a message, then lays out what it changed (new fields,
// the focus moved) so that View only draws.
func (f *Form) Update(msg tea.Msg) tea.Cmd {
	cmd := f.update(msg)
	f.layoutNew()
	f.scroll()
	return cmd
}

// Resize lays the form out for a body of w×h cells: the root calls it when
// the form opens and when the terminal's size changes.
func (f *Form) Resize(w, h int) {
	if w != f.width {
		f.width = w
		vw := f.valueW()
		for _, fd := range f.spec.fields() {
			fd.setWidth(vw)
		}
	}
	f.height = h
	f.layoutNew()
	f.scroll()
}

// scroll keeps the field in focus, and a little of what follows it, in
// sight.
func (f *Form) scroll() {
	if f.width == 0 {
		return // not laid out yet
	}
	body, from, to := f.bodyLines(f.width)
	bh := max(f.height-2, 1)
	to = min(to+2, len(body))
	if to > f.offset+bh {
		f.offset = to - bh
	}
	if from < f.offset {
		f.offset = from
	}
	f.offset = max(0, min(f.offset, len(body)-bh))
}

func (f *Form) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if f.saving || f.saved {
			return nil
		}
		return f.key(msg)
	case tea.PasteMsg:
		if f.saving || f.saved || f.asking != askNone || f.cur == nil {
			return nil
		}
		changed, cmd := f.cur.paste(msg)
		if changed {
			return tea.Batch(cmd, f.afterChange(f.cur))
		}
		return cmd
	case draftTickMsg:
		if msg.form == f.uid {
			return f.draftTick(msg)
		}
	case draftSavedMsg:
		if msg.form == f.uid {
			if msg.err != nil {
				f.draftNote = f.ctx.Lang.F("entry.draft.failed", errText(f.ctx.Lang, msg.err))
			} else {
				f.hasDraft = true
				f.draftNote = f.ctx.Lang.F("entry.draft.saved", msg.at.In(model.VNZone).Format("15:04:05"))
			}
		}
	case saveDoneMsg:
		if msg.form == f.uid {
			return f.saveDone(msg)
		}
	}
	return nil
}

func (f *Form) key(msg tea.KeyPressMsg) tea.Cmd {
	k := f.keys
	f.notice = ""
	switch f.asking {
	case askAmend:
		return f.amendKey(msg)
	case askCancel, askRemove:
		switch {
		case key.Matches(msg, k.Yes):
			a := f.asking
			f.asking = askNone
			if a == askCancel {
				return f.close()
			}
			return f.removeItem(true)
		case key.Matches(msg, k.No):
			f.asking = askNone
		}
		return nil
	}
	switch {
	case key.Matches(msg, k.Save):
		return f.trySave()
	case key.Matches(msg, k.Cancel):
		if f.Unsaved() {
			f.asking = askCancel
			return nil
		}
		return f.close()
	case key.Matches(msg, k.Form.Add):
		return f.addItem()
	case key.Matches(msg, k.Form.Remove):
		return f.removeItem(false)
	}
	fd := f.cur
	if fd == nil {
		return nil
	}
	fk := &k.Form
	// ? and q are text in a text field; elsewhere (a date, a number, a
	// check, a button; ? in a choice) they do what they do on every screen.
	if !fd.takesText(msg) {
		switch {
		case key.Matches(msg, k.Help):
			return func() tea.Msg { return kit.HelpMsg{} }
		case key.Matches(msg, k.Quit):
			return func() tea.Msg { return kit.QuitMsg{} }
		}
	}
	switch {
	case key.Matches(msg, fk.Tab):
		return f.move(1)
	case key.Matches(msg, fk.BackTab):
		return f.move(-1)
	case key.Matches(msg, fk.Up):
		if !fd.wantsUp() {
			return f.move(-1)
		}
	case key.Matches(msg, fk.Down):
		if !fd.wantsDown() {
			return f.move(1)
		}
	case key.Matches(msg, fk.Enter):
		switch {
		case fd.kind == kText:
		case fd.kind == kButton:
			if fd.action != nil {
				return fd.action()
			}
			return f.addItem()
		case (fd.kind == kPick || fd.kind == kTags) && fd.sugSel >= 0:
			fd.acceptSuggestion()
			return f.afterChange(fd)
		default:
			return f.move(1)
		}
	}
	changed, cmd := fd.handleKey(msg, fk, f.ctx.today())
	if changed {
		return tea.Batch(cmd, f.afterChange(fd))
	}
	return cmd
}

// afterChange: the spec reacts, the checks run again, and a draft is due
// after the officer stops typing.
func (f *Form) afterChange(fd *field) tea.Cmd {
	if fd != nil {
		if fd.kind == kDate {
			fd.auto = false
		}
		f.spec.changed(fd)
		delete(f.storeErrs, fd.key)
	}
	f.formErr = ""
	f.validate()
	f.seq++
	seq, uid := f.seq, f.uid
	return tea.Tick(draftDelay, func(t time.Time) tea.Msg { return draftTickMsg{form: uid, seq: seq, at: t} })
}

func (f *Form) move(delta int) tea.Cmd {
	vis := f.focusables()
	if len(vis) == 0 {
		return nil
	}
	i := 0
	for j, fd := range vis {
		if fd == f.cur {
			i = j
		}
	}
	i = (i + delta + len(vis)) % len(vis)
	return f.moveTo(vis[i])
}

func (f *Form) focusables() []*field {
	var out []*field
	for _, fd := range f.spec.fields() {
		if fd.focusable() {
			out = append(out, fd)
		}
	}
	return out
}

func (f *Form) moveTo(fd *field) tea.Cmd {
	if f.cur != nil {
		if f.cur.kind != kButton {
			f.touched[f.cur.key] = true
		}
		f.cur.blur()
	}
	f.cur = fd
	f.validate()
	if fd == nil {
		return nil
	}
	return fd.focus(f.st)
}

// startOn puts the cursor on fd as the form opens (or its draft is
// restored), before anything was typed: no field counts as touched.
func (f *Form) startOn(fd *field) {
	f.cur.blur()
	f.cur = fd
	fd.focus(f.st)
}

// layoutNew sizes fields added since the last layout.
func (f *Form) layoutNew() {
	for _, fd := range f.spec.fields() {
		if fd.w == 0 && f.valueW() > 0 {
			fd.restyle(f.st)
			fd.setWidth(f.valueW())
		}
	}
}

func (f *Form) addItem() tea.Cmd {
	g, ok := f.spec.(grouper)
	if !ok {
		return nil
	}
	fd := g.add()
	f.layoutNew()
	return tea.Batch(f.moveTo(fd), f.afterChange(nil))
}

func (f *Form) removeItem(confirmed bool) tea.Cmd {
	g, ok := f.spec.(grouper)
	if !ok || f.cur == nil {
		return nil
	}
	item := g.itemOf(f.cur)
	if item == 0 {
		f.notice = f.ctx.Lang.T("entry.notice.remove_where")
		return nil
	}
	if !confirmed && !g.itemEmpty(item) {
		f.asking = askRemove
		return nil
	}
	if why := g.remove(item); why != "" {
		f.notice = f.ctx.Lang.T(why)
		return nil
	}
	// Focus what now stands where the removed item was.
	vis := f.focusables()
	var next *field
	for _, fd := range vis {
		if it := g.itemOf(fd); it >= item || (it == 0 && next == nil && fd.kind == kButton) {
			next = fd
			break
		}
	}
	if next == nil && len(vis) > 0 {
		next = vis[len(vis)-1]
	}
	f.cur = nil
	f.storeErrs = map[string]string{}
	return tea.Batch(f.moveTo(next), f.afterChange(nil))
}

// trySave shows every error; when there is none it saves.
func (f *Form) trySave() tea.Cmd { return f.trySaveWith("") }

// amendKey types the amendment's reason: enter saves with it, esc goes
// back to the form with nothing saved.
func (f *Form) amendKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, f.keys.Accept), key.Matches(msg, f.keys.Save):
		reason := model.CleanLine(f.reason.Value())
		if reason == "" {
			f.notice = f.ctx.Lang.T("entry.amend.required")
			return nil
		}
		f.asking = askNone
		return f.trySaveWith(reason)
	case key.Matches(msg, f.keys.Cancel):
		f.asking = askNone
		f.formErr = f.ctx.Lang.T("entry.amend.cancelled")
		return nil
	}
	var cmd tea.Cmd
	f.reason, cmd = f.reason.Update(msg)
	return cmd
}

// askReason asks for the reason of an amendment to a reported period.
func (f *Form) askReason(le *store.LockedError) tea.Cmd {
	l := f.ctx.Lang
	f.locked = l.F("entry.amend.locked", le.Period.String(), sanitize.Line(le.Number))
	f.asking = askAmend
	f.reason = textinput.New()
	f.reason.SetStyles(f.st.Input)
	f.reason.Prompt = ""
	f.reason.CharLimit = 300
	bw := f.width - 2 // the bottom line's width
	f.reason.SetWidth(max(bw-min(kit.Width(f.locked), amendPromptW(bw))-2, 8))
	return f.reason.Focus()
}

// amendPromptW is what the amendment question may take of a bottom line
// w wide, leaving the rest to the reason being typed.
func amendPromptW(w int) int { return max(w-22, w/2) }

// trySaveWith saves; a reason makes the save an amendment of a period
// already reported (the store refuses such a save without one).
func (f *Form) trySaveWith(reason string) tea.Cmd {
	f.tried = true
	f.validate()
	if n := len(f.errs) + len(f.other); n > 0 {
		for _, fd := range f.visible() {
			if f.errs[fd.key] != "" && fd.focusable() {
				if fd != f.cur {
					f.moveTo(fd)
				}
				break
			}
		}
		f.formErr = f.errCount(n)
		return nil
	}
	op := f.spec.save()
	if op == nil {
		return nil
	}
	f.saving, f.formErr = true, ""
	s, d, dk, uid := f.ctx.Store, f.drafts, f.draftKey, f.uid
	return func() tea.Msg {
		var res tea.Msg
		err := s.Amending(reason, func() error {
			var err error
			res, err = op(s)
			return err
		})
		if err == nil {
			// A draft left behind would only be offered again.
			_ = d.drop(s, dk)
		}
		return saveDoneMsg{form: uid, result: res, err: err}
	}
}

func (f *Form) saveDone(msg saveDoneMsg) tea.Cmd {
	f.saving = false
	if msg.err == nil {
		f.saved = true
		return emit(msg.result)
	}
	var le *store.LockedError
	if errors.As(msg.err, &le) {
		return f.askReason(le)
	}
	inv := asInvalid(msg.err)
	if inv == nil {
		f.formErr = errText(f.ctx.Lang, msg.err)
		return nil
	}
	f.tried = true
	var first *field
	var other []string
	for _, fe := range inv.Errors {
		if fd := f.byKey(fe.Field); fd != nil && fd.shown() {
			f.storeErrs[fe.Field] = fe.Key
			if first == nil {
				first = fd
			}
			continue
		}
		other = append(other, f.fieldName(fe.Field)+": "+f.msg(fe.Key))
	}
	f.formErr = f.ctx.Lang.F("entry.err.refused", strings.Join(other, "; "))
	if len(other) == 0 {
		f.formErr = f.errCount(len(inv.Errors))
	}
	if first != nil && first.focusable() && first != f.cur {
		return f.moveTo(first)
	}
	return nil
}

// errCount says how many errors to fix, in the singular for one.
func (f *Form) errCount(n int) string {
	if n == 1 {
		return f.ctx.Lang.T("entry.err.fix_one")
	}
	return f.ctx.Lang.F("entry.err.fix", n)
}

// close ends the form without saving; its draft goes.
func (f *Form) close() tea.Cmd {
	f.saved = true // nothing left to lose
	if !f.hasDraft && f.draftSeq == 0 {
		return emit(ClosedMsg{})
	}
	s, d, dk := f.ctx.Store, f.drafts, f.draftKey
	return func() tea.Msg {
		_ = d.drop(s, dk)
		return ClosedMsg{}
	}
}

// --- drafts -----------------------------------------------------------------

type (
	draftTickMsg struct {
		form int64
		seq  int
		at   time.Time
	}
	draftSavedMsg struct {
		form int64
		at   time.Time
		err  error
	}
	saveDoneMsg struct {
		form   int64
		result tea.Msg
		err    error
	}
)

func (m draftTickMsg) FormID() int64  { return m.form }
func (m draftSavedMsg) FormID() int64 { return m.form }
func (m saveDoneMsg) FormID() int64   { return m.form }

// ID names the form to the messages of its own commands (see Targeted).
func (f *Form) ID() int64 { return f.uid }

// drafter serialises a form's draft writes with its final delete, so a
// draft written late never outlives the save or the cancel.
type drafter struct {
	mu   sync.Mutex
	done bool
}

func (d *drafter) save(s *store.Store, k string, data []byte) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.done {
		return nil
	}
	return s.SaveDraft(k, data)
}

func (d *drafter) drop(s *store.Store, k string) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.done = true
	return s.DeleteDraft(k)
}

// draftTick writes a draft when typing paused (the tick of the last
// keystroke) or when unsaved typing has gone on for draftMaxWait.
func (f *Form) draftTick(msg draftTickMsg) tea.Cmd {
	if f.saving || f.saved || f.draftSeq == f.seq {
		return nil
	}
	if f.lastDraft.IsZero() {
		f.lastDraft = msg.at.Add(-draftDelay)
	}
	if msg.seq != f.seq && msg.at.Sub(f.lastDraft) < draftMaxWait {
		return nil
	}
	f.draftSeq, f.lastDraft = f.seq, msg.at
	return f.writeDraft(msg.at)
}

// KeepDraft writes the form's draft now when it holds unsaved typing: the
// root runs it before quitting, so a quit loses nothing typed and the next
// start offers the form again.
func (f *Form) KeepDraft() tea.Cmd {
	if f.saving || !f.Unsaved() {
		return nil
	}
	return f.writeDraft(time.Now())
}

// writeDraft snapshots the form now and writes it off the UI goroutine.
func (f *Form) writeDraft(at time.Time) tea.Cmd {
	data, err := json.Marshal(f.draft(at))
	if err != nil {
		return nil
	}
	s, d, dk, uid := f.ctx.Store, f.drafts, f.draftKey, f.uid
	return func() tea.Msg {
		return draftSavedMsg{form: uid, at: at, err: d.save(s, dk, data)}
	}
}

// draftData is a form's draft as stored: what each field holds, keyed by
// field, with what is needed to rebuild the same form.
type draftData struct {
	V       int               `json:"v"`
	Kind    string            `json:"kind"`
	Title   string            `json:"title"`
	SavedAt time.Time         `json:"saved_at"`
	Record  json.RawMessage   `json:"record,omitempty"`
	Point   int               `json:"point,omitempty"`
	Groups  map[string]int    `json:"groups,omitempty"`
	Values  map[string]string `json:"values"`
	Auto    []string          `json:"auto,omitempty"`
	Extra   map[string]string `json:"extra,omitempty"`
	Focus   string            `json:"focus,omitempty"`
}

func (f *Form) draft(at time.Time) draftData {
	d := draftData{V: 1, Kind: f.kind, Title: f.title, SavedAt: at.UTC(), Record: f.record, Point: f.point,
		Values: map[string]string{}}
	for _, fd := range f.spec.fields() {
		if fd.kind == kInfo || fd.kind == kButton {
			continue
		}
		d.Values[fd.key] = fd.value()
		if fd.auto {
			d.Auto = append(d.Auto, fd.key)
		}
	}
	if g, ok := f.spec.(grouper); ok {
		d.Groups = g.groups()
	}
	if x, ok := f.spec.(extraState); ok {
		d.Extra = x.extra()
	}
	if f.cur != nil {
		d.Focus = f.cur.key
	}
	return d
}

// snapshot is the form's content as one string, for Unsaved.
func (f *Form) snapshot() string {
	d := f.draft(time.Time{})
	d.Focus, d.Auto = "", nil
	b, _ := json.Marshal(d)
	return string(b)
}

// restore puts a draft's values back into a freshly built form.
func (f *Form) restore(d draftData) {
	if g, ok := f.spec.(grouper); ok && d.Groups != nil {
		g.setGroups(d.Groups)
	}
	if x, ok := f.spec.(extraState); ok && d.Extra != nil {
		x.setExtra(d.Extra)
	}
	auto := map[string]bool{}
	for _, k := range d.Auto {
		auto[k] = true
	}
	for _, fd := range f.spec.fields() {
		if v, ok := d.Values[fd.key]; ok {
			fd.setValue(v)
		}
		if fd.kind == kDate {
			fd.auto = auto[fd.key]
		}
		fd.restyle(f.st)
	}
	f.hasDraft = true
	if fd := f.byKey(d.Focus); fd != nil && fd.focusable() {
		f.startOn(fd)
	}
	f.validate()
}

// --- view -------------------------------------------------------------------

const maxLabelW = 26

func (f *Form) labelW() int {
	w := 0
	for _, fd := range f.spec.fields() {
		if fd.kind != kButton {
			w = max(w, ansi.StringWidth(fd.label)+1)
		}
	}
	return min(w, maxLabelW)
}

func (f *Form) valueW() int { return f.width - f.labelW() - 4 }

// View draws the title, the fields scrolled to keep the one in focus in
// sight, and a bottom line for errors, questions and progress.
// View draws the form as Resize and Update laid it out; it changes
// nothing.
func (f *Form) View(w, h int) string {
	l, st := f.ctx.Lang, f.st
	title := st.Title.Render(kit.Clip(f.title, w/2))
	right := st.Muted.Render(f.draftNote)
	if f.saving {
		right = st.Warn.Render(l.T("entry.saving"))
	}
	body, _, _ := f.bodyLines(w)
	bh := max(h-2, 1)
	off := max(0, min(f.offset, len(body)-bh))
	end := min(off+bh, len(body))
	win := append([]string{}, body[off:end]...)
	for len(win) < bh {
		win = append(win, "")
	}
	// The scroll marks go on the title and bottom lines, never over a field.
	if off > 0 {
		right = strings.TrimSpace(right + " " + st.Muted.Render("▲"))
	}
	bottom := f.bottom(w - 2)
	if end < len(body) {
		bottom = kit.Spread(bottom, st.Muted.Render("▼"), w)
	}
	return kit.Spread(title, right, w) + "\n" + strings.Join(win, "\n") + "\n" + bottom
}

func (f *Form) bottom(w int) string {
	l, st := f.ctx.Lang, f.st
	switch {
	case f.asking == askCancel:
		return st.Warn.Render(kit.Clip(l.T("entry.ask.cancel"), w))
	case f.asking == askRemove:
		return st.Warn.Render(kit.Clip(l.T("entry.ask.remove"), w))
	case f.asking == askAmend:
		q := f.locked
		if f.notice != "" {
			q = f.notice
		}
		prompt := st.Warn.Render(kit.Clip(q, amendPromptW(w))) + " "
		return prompt + kit.Clip(f.reason.View(), max(w-kit.Width(prompt), 8))
	case f.formErr != "":
		msg := f.formErr
		if f.tried && len(f.other) > 0 {
			msg += " — " + strings.Join(f.other, "; ")
		}
		return st.Err.Render(kit.Clip("! "+msg, w))
	case f.notice != "":
		return st.Warn.Render(kit.Clip(f.notice, w))
	}
	// Nothing to say: the keys are in the help line the root builds from
	// the key map, below this one.
	return ""
}

// bodyLines lays every visible field out; from and to bound the lines of
// the field in focus.
func (f *Form) bodyLines(w int) (lines []string, from, to int) {
	st := f.st
	lw := f.labelW()
	vw := max(w-lw-4, 8)
	pad := strings.Repeat(" ", lw+4)
	for _, fd := range f.visible() {
		start := len(lines)
		if fd.section != "" {
			if len(lines) > 0 {
				lines = append(lines, "")
			}
			lines = append(lines, st.Section.Render(kit.Clip(fd.section, w)))
		}
		focused := fd == f.cur
		marker := "  "
		if focused {
			marker = st.Bold.Render("› ")
		}
		val := fd.view(st, focused, vw)
		if fd.kind == kButton {
			lines = append(lines, marker+pad[2:]+val[0])
		} else {
			label := fd.label
			if fd.required {
				label += "*"
			}
			ls := st.FieldLabel
			if focused {
				ls = st.FieldLabelFocus
			}
			lines = append(lines, marker+ls.Render(kit.Fill(label, lw))+"  "+val[0])
			for _, v := range val[1:] {
				lines = append(lines, pad+v)
			}
		}
		if e := f.errorOf(fd); e != "" {
			for _, ln := range wrapText("! "+f.msg(e), vw) {
				lines = append(lines, pad+st.Err.Render(ln))
			}
		} else {
			var notes []string
			if fd.note != nil {
				if n := fd.note(); n != "" {
					notes = append(notes, n)
				}
			}
			if focused && fd.hint != "" {
				notes = append(notes, fd.hint)
			}
			for _, n := range notes {
				for _, ln := range wrapText(n, vw) {
					lines = append(lines, pad+st.Muted.Render(ln))
				}
			}
		}
		if focused {
			from, to = start, len(lines)
		}
	}
	return lines, from, to
}

func wrapText(s string, w int) []string { return kit.Wrap(s, max(w, 8)) }
