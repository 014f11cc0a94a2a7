package ui

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"gopy/model"
	"gopy/store"
	"gopy/ui/i18n"
	"gopy/ui/kit"
	"gopy/ui/report"
)

// exportDialog writes the report shown, or the period's citizen-reception
// register (Mẫu số 03), to a file: the format chosen with ←/→, a file name
// suggested and editable. The file is written by a command, beside its
// place under a temporary name and renamed into place (a failed write never
// leaves half a report); an existing file is replaced only when confirmed.
type exportDialog struct {
	r         *reportsTab
	choice    int
	row       int // 0: the format, 1: the file name
	input     textinput.Model
	suggested string
	err       string
	confirm   string // the path that exists, awaiting y/n
	writing   bool
}

type exportChoice struct {
	register bool
	format   report.Format
	label    string // catalog key
	profile  string // the sender of a Word document
}

var exportChoices = []exportChoice{
	{false, report.XLSX, "reports.fmt.xlsx", ""},
	{false, report.CSV, "reports.fmt.csv", ""},
	{false, report.Markdown, "reports.fmt.md", ""},
	{false, report.Text, "reports.fmt.text", ""},
	{false, report.JSON, "reports.fmt.json", ""},
	{false, report.DOCX, "reports.fmt.docx_party", "dang-uy"},
	{false, report.DOCX, "reports.fmt.docx_committee", "ubnd"},
	{false, report.DOCX, "reports.fmt.docx_front", "mttq"},
	{true, report.XLSX, "reports.fmt.register_xlsx", ""},
	{true, report.CSV, "reports.fmt.register_csv", ""},
}

type (
	// exportMsg is a write's outcome; exists: the file was there and
	// nothing was written.
	exportMsg struct {
		screen int
		path   string
		exists bool
		err    error
	}
	// exportClosedMsg closes the dialog; written is the file's path when
	// one was written.
	exportClosedMsg struct {
		screen  int
		written string
	}
)

func (m exportMsg) target() int       { return m.screen }
func (m exportClosedMsg) target() int { return m.screen }

func newExportDialog(r *reportsTab) *exportDialog {
	e := &exportDialog{r: r, row: 1}
	e.input = newInput(r.c.st, "", "", 250)
	e.suggested = e.suggestion()
	e.input.SetValue(e.suggested)
	e.input.CursorEnd()
	e.resize()
	return e
}

// geometry is the box's inner width, the labels' and the field's.
func (e *exportDialog) geometry() (inner, labelW, fieldW int) {
	l := e.r.c.lang
	w, _ := e.r.c.body()
	inner = max(min(w, 90)-4, 20) // the box's border and padding
	labelW = max(kit.Width(l.T("reports.export.what")), kit.Width(l.T("reports.export.file")))
	return inner, labelW, max(inner-labelW-4, 8)
}

// resize fits the file name field to the terminal.
func (e *exportDialog) resize() {
	_, _, fieldW := e.geometry()
	e.input.SetWidth(fieldW - 1)
}

func (e *exportDialog) suggestion() string {
	ch := exportChoices[e.choice]
	return report.FileName(ch.register, e.r.doc.Report.Period, ch.format)
}

// choose moves to another format, and the file name with it unless one
// was typed: a suggested name follows, a typed one keeps its stem.
func (e *exportDialog) choose(d int) {
	old := exportChoices[e.choice].format.Ext()
	e.choice = (e.choice + d + len(exportChoices)) % len(exportChoices)
	sug := e.suggestion()
	v := e.input.Value()
	switch {
	case v == e.suggested || v == "":
		v = sug
	case strings.HasSuffix(v, old):
		v = strings.TrimSuffix(v, old) + exportChoices[e.choice].format.Ext()
	}
	e.suggested = sug
	e.input.SetValue(v)
	e.input.CursorEnd()
	e.err = ""
}

func (e *exportDialog) close(written string) tea.Cmd {
	msg := exportClosedMsg{screen: e.r.sid, written: written}
	return func() tea.Msg { return msg }
}

func (e *exportDialog) Update(msg tea.KeyPressMsg) tea.Cmd {
	k, rk := e.r.c.keys, e.r.keys()
	if e.writing {
		return nil
	}
	if e.confirm != "" {
		switch {
		case key.Matches(msg, rk.Overwrite):
			return e.write(true)
		case key.Matches(msg, k.No):
			e.confirm = ""
		}
		return nil
	}
	switch {
	case key.Matches(msg, k.Cancel):
		return e.close("")
	case key.Matches(msg, rk.Write):
		return e.write(false)
	case key.Matches(msg, rk.DlgNext, rk.DlgPrev):
		e.row = 1 - e.row
		return nil
	case e.row == 0 && key.Matches(msg, rk.DlgLeft):
		e.choose(-1)
		return nil
	case e.row == 0 && key.Matches(msg, rk.DlgRight):
		e.choose(1)
		return nil
	}
	return e.typed(msg)
}

// typed hands a key or a paste to the file name.
func (e *exportDialog) typed(msg tea.Msg) tea.Cmd {
	cmd := updateInput(&e.input, msg)
	e.err = ""
	return cmd
}

func (e *exportDialog) write(overwrite bool) tea.Cmd {
	l := e.r.c.lang
	name := strings.TrimSpace(model.NFC(e.input.Value()))
	if name == "" {
		e.err = l.T("reports.err.no_name")
		return nil
	}
	e.writing, e.confirm, e.err = true, "", ""
	doc := *e.r.doc
	if !wardsShown(&doc.Report, doc.Settings.WardCode) {
		doc.Report.Wards = nil // a ward's own report, as `gopy report` writes it
	}
	ch := exportChoices[e.choice]
	s, sid, today := e.r.c.store, e.r.sid, e.r.c.today()
	return func() tea.Msg {
		path, exists, err := writeExport(s, &doc, ch, today, name, overwrite)
		return exportMsg{screen: sid, path: path, exists: exists, err: err}
	}
}

// done takes a write's outcome.
func (e *exportDialog) done(msg exportMsg) tea.Cmd {
	e.writing = false
	l := e.r.c.lang
	switch {
	case msg.exists:
		e.confirm = msg.path
	case msg.err != nil:
		e.err = l.F("reports.err.write", db(msg.path), writeReason(l, msg.err))
	default:
		return e.close(msg.path)
	}
	return nil
}

// writeExport writes the report or the register to name (~ is the home
// folder; a relative name is under the working folder) and returns the
// absolute path.
func writeExport(s *store.Store, doc *report.Doc, ch exportChoice, today model.Date, name string, overwrite bool) (string, bool, error) {
	if rest, ok := strings.CutPrefix(name, "~"); ok && (rest == "" || rest[0] == '/' || rest[0] == filepath.Separator) {
		if home, err := os.UserHomeDir(); err == nil {
			name = filepath.Join(home, rest)
		}
	}
	path, err := filepath.Abs(name)
	if err != nil {
		return name, false, err
	}
	if err := store.CheckOutput(s.Path(), path); err != nil {
		return path, false, err
	}
	if st, err := os.Stat(path); err == nil {
		if st.IsDir() {
			return path, false, &fs.PathError{Op: "write", Path: path, Err: errIsDir}
		}
		if !overwrite {
			return path, true, nil
		}
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".gopy-report-*")
	if err != nil {
		return path, false, err
	}
	err = writeTo(tmp, s, doc, ch, today)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return path, false, err
	}
	return path, false, nil
}

var errIsDir = errors.New("is a directory")

func writeTo(w io.Writer, s *store.Store, doc *report.Doc, ch exportChoice, today model.Date) error {
	if ch.register {
		return report.WriteRegister(w, ch.format, s, doc.Report.Period, today, doc.Lang)
	}
	if ch.format == report.DOCX {
		// The document of the profile, with its narrative and
		// corrections; a ward's own database leaves out its one-row
		// by-ward tables.
		d := *doc
		if len(d.Report.Wards) <= 1 {
			d.Report.Wards = nil
		}
		if err := report.Dress(s, &d, today, ch.profile); err != nil {
			return err
		}
		return report.Write(w, ch.format, d)
	}
	return report.Write(w, ch.format, *doc)
}

// writeReason says why a file could not be written, in the language where
// the reason is a common one.
func writeReason(l i18n.Lang, err error) string {
	var oe *store.OutputError
	switch {
	case errors.As(err, &oe):
		return l.T(oe.Key)
	case errors.Is(err, errIsDir):
		return l.T("reports.err.is_dir")
	case errors.Is(err, fs.ErrNotExist):
		return l.T("reports.err.no_dir")
	case errors.Is(err, fs.ErrPermission):
		return l.T("reports.err.permission")
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return db(pe.Err.Error())
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return db(le.Err.Error())
	}
	return db(err.Error())
}

func (e *exportDialog) help() []key.Binding {
	k, rk := e.r.c.keys, e.r.keys()
	if e.confirm != "" {
		return []key.Binding{rk.Overwrite, k.No}
	}
	return []key.Binding{rk.Write, k.Cancel, rk.DlgNext, rk.DlgLeft, rk.DlgRight}
}

func (e *exportDialog) View() string {
	l, st := e.r.c.lang, e.r.c.st
	inner, labelW, fieldW := e.geometry()
	labels := []string{l.T("reports.export.what"), l.T("reports.export.file")}
	var b strings.Builder
	b.WriteString(st.Title.Render(kit.Clip(l.F("reports.export.title", periodLabel(l, e.r.doc.Report.Period)), inner)))
	b.WriteString("\n\n")
	line := func(i int, value string) {
		prefix := "  "
		if i == e.row {
			prefix = "> "
		}
		b.WriteString(prefix + st.Label.Render(kit.Fill(labels[i], labelW)) + "  " + value + "\n")
	}
	line(0, kit.Clip("‹ "+l.T(exportChoices[e.choice].label)+" ›", fieldW))
	line(1, e.input.View())
	b.WriteByte('\n')
	switch {
	case e.writing:
		b.WriteString(st.Muted.Render(l.T("reports.export.writing")))
	case e.confirm != "":
		for _, ln := range kit.Wrap(l.F("reports.export.exists", db(e.confirm)), inner) {
			b.WriteString(st.Warn.Render(ln) + "\n")
		}
		b.WriteString(st.Bold.Render(l.T("reports.export.overwrite")))
	case e.err != "":
		for i, ln := range kit.Wrap(e.err, inner) {
			if i > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(st.Err.Render(ln))
		}
	default:
		for i, ln := range kit.Wrap(l.T("reports.export.where"), inner) {
			if i > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(st.Muted.Render(ln))
		}
	}
	b.WriteString("\n\n" + st.Muted.Render(kit.Clip(l.T("reports.export.hint"), inner)))
	return st.Box.Render(b.String())
}
