package ui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"gopy/model"
	"gopy/store"
	"gopy/ui/entry"
	"gopy/ui/i18n"
	"gopy/ui/kit"
)

const (
	headerLines = 2 // ward and date; tabs
	footerLines = 1 // key help
)

// The tabs, in the SPEC's order.
const (
	tabDashboard = iota
	tabFeedback
	tabSessions
	tabPetitions
	tabReports
	tabSettings
	nTabs
)

var tabKeys = [nTabs]string{"tab.dashboard", "tab.feedback", "tab.sessions", "tab.petitions", "tab.reports", "tab.settings"}

// Root owns the screen stacks (one per tab: dashboard → list → detail →
// form), the first-run setup, the full help and the quit confirmation.
// Dialogs and screens that hold the keyboard see a key before the global
// keys do (gh-dash's focus cascade).
type Root struct {
	c           *common
	setup       *setupScreen
	stacks      [nTabs][]screen
	started     [nTabs]bool
	active      int
	help        help.Model
	showHelp    bool
	confirmQuit bool
	quitting    bool
	// note is a one-line message on the help line until the next key:
	// what was just saved or deleted, a failed backup.
	note    string
	noteErr bool
	backup  bool

	// lock is the sign-in in front of everything (signin.go).
	lock         *signInScreen
	signedInOnce bool
	lastKey      time.Time
	idleLock     time.Duration // 0: never (tests)
	settle       time.Duration // see Options.Settle
}

// Options for NewRoot; Run sets AutoBackup and leaves the rest zero.
type Options struct {
	// Today overrides the date (tests); nil uses the store's clock.
	Today func() model.Date
	// Width and Height are the size assumed until the terminal tells
	// (80×24 when zero).
	Width, Height int
	// AutoBackup writes the day's rotating backup in the background at
	// start (Run sets it; tests leave their databases alone).
	AutoBackup bool
	// Settle is how long after Init the work that reads the database in
	// the background (the dashboard's figures, the drafts, the backup)
	// waits, so that it never competes with the first frame for the
	// processor and the disk: at a million records it delayed the frame
	// by half its time. Run sets 0.1 s, six of Bubble Tea's frames (the first
	// one may come late on a busy machine); tests leave
	// it zero.
	Settle time.Duration
	// SignIn starts on the sign-in (or the first admin's setup) unless a
	// user is signed in already; IdleLock locks after the idle time (Run
	// sets both). User is the name offered first.
	SignIn, IdleLock bool
	User             string
}

// NewRoot builds the root model on an open store. It reads only the
// settings: everything that depends on the number of records is counted
// after the first frame.
func NewRoot(s *store.Store, lang i18n.Lang, opt Options) (*Root, error) {
	st, err := s.Settings()
	if err != nil {
		return nil, err
	}
	c := &common{store: s, lang: lang, keys: kit.NewKeyMap(lang), st: kit.NewStyles(true), settings: st,
		today: opt.Today, width: opt.Width, height: opt.Height}
	if c.today == nil {
		c.today = s.Today
	}
	if c.width == 0 || c.height == 0 {
		c.width, c.height = 80, 24
	}
	r := &Root{c: c, help: help.New(), backup: opt.AutoBackup, lastKey: time.Now(), signedInOnce: true, settle: opt.Settle}
	r.restyle()
	r.buildTabs()
	if st.WardCode == "" {
		r.setup = newSetup(c)
	}
	if opt.IdleLock {
		r.idleLock = idleLockOf(st.IdleLockMinutes)
	}
	if _, ok := s.CurrentUser(); opt.SignIn && !ok {
		has, err := s.HasUsers()
		if err != nil {
			return nil, err
		}
		r.lock, r.signedInOnce = newSignIn(c, !has, "", opt.User), false
	}
	return r, nil
}

// buildTabs makes each tab's first screen; each starts on its first visit.
func (r *Root) buildTabs() {
	c := r.c
	r.stacks[tabDashboard] = []screen{newDashboard(c)}
	r.stacks[tabFeedback] = []screen{newList(c, listSpec{kind: model.KindFeedback}, "", true)}
	r.stacks[tabSessions] = []screen{newList(c, listSpec{kind: model.KindSession}, "", true)}
	r.stacks[tabPetitions] = []screen{newList(c, listSpec{kind: model.KindPetition}, "", true)}
	r.stacks[tabReports] = []screen{newReportsTab(c)}
	r.stacks[tabSettings] = []screen{newSettingsView(c)}
	r.started = [nTabs]bool{}
}

func (r *Root) restyle() {
	st := r.c.st
	r.help.Styles = help.Styles{
		ShortKey: st.HelpKey, ShortDesc: st.HelpDesc, ShortSeparator: st.HelpSep, Ellipsis: st.HelpSep,
		FullKey: st.HelpKey, FullDesc: st.HelpDesc, FullSeparator: st.HelpSep,
	}
	r.help.ShortSeparator = " · "
}

// Init asks the terminal for its background and starts the first screen;
// in the background it looks for drafts left unsaved (a killed program, a
// power cut) and writes the day's backup.
func (r *Root) Init() tea.Cmd {
	var idle tea.Cmd
	if r.idleLock > 0 {
		idle = idleTick()
	}
	var first tea.Cmd
	if r.lock != nil {
		// The drafts are the user's own, sealed: read after sign-in.
		first = r.lock.Init()
	} else if r.setup != nil {
		// Focusing the setup's first field reads nothing: it cannot wait
		// for the settle, or what is typed before it is dropped.
		first = r.setup.Init()
	}
	if r.settle == 0 {
		return tea.Batch(tea.RequestBackgroundColor, first, r.background(), idle)
	}
	return tea.Batch(tea.RequestBackgroundColor, first, idle, tea.Tick(r.settle, func(time.Time) tea.Msg { return settledMsg{} }))
}

// settledMsg: the first frame is out (see Options.Settle).
type settledMsg struct{}

// background starts what reads the database after the first frame: the
// day's backup and, unless the sign-in comes first, the first screen's
// data and the drafts left unsaved.
func (r *Root) background() tea.Cmd {
	var backup tea.Cmd
	if r.backup {
		backup = autoBackup(r.c.store, r.c.settings.Backups)
	}
	if r.lock != nil {
		return backup
	}
	if r.setup != nil {
		return backup
	}
	// Not activate: a tab chosen before the first frame stays chosen.
	var first tea.Cmd
	if !r.started[tabDashboard] {
		r.started[tabDashboard] = true
		first = r.stacks[tabDashboard][0].Init()
	}
	return tea.Batch(first, loadDrafts(r.c.store), backup)
}

// start shows the first screen and looks for the user's drafts.
func (r *Root) start() tea.Cmd {
	if r.setup != nil {
		return r.setup.Init()
	}
	return tea.Batch(r.activate(tabDashboard), loadDrafts(r.c.store))
}

func (r *Root) top() screen {
	s := r.stacks[r.active]
	return s[len(s)-1]
}

// activate shows tab i, starting its screen on the first visit.
func (r *Root) activate(i int) tea.Cmd {
	r.active = i
	if r.started[i] {
		return nil
	}
	r.started[i] = true
	return r.stacks[i][0].Init()
}

func (r *Root) each(f func(screen)) {
	if r.setup != nil {
		f(r.setup)
	}
	for _, st := range r.stacks {
		for _, s := range st {
			f(s)
		}
	}
}

func (r *Root) find(id int) screen {
	var found screen
	r.each(func(s screen) {
		if s.id() == id {
			found = s
		}
	})
	return found
}

func (r *Root) broadcast(msg tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	r.each(func(s screen) { cmds = append(cmds, s.Update(msg)) })
	return tea.Batch(cmds...)
}

func (r *Root) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	return r, r.update(msg)
}

func (r *Root) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		r.c.width, r.c.height = msg.Width, msg.Height
		return r.broadcast(msg)
	case tea.BackgroundColorMsg:
		if dark := msg.IsDark(); dark != r.c.st.Dark {
			r.c.st = kit.NewStyles(dark)
			r.restyle()
			return r.broadcast(restyleMsg{})
		}
		return nil
	case tea.KeyPressMsg:
		return r.key(msg)
	case signInDoneMsg, setupDoneMsg:
		return r.signInDone(msg)
	case idleMsg:
		return r.idle(msg)
	case signInUsersMsg:
		if r.lock != nil {
			return r.lock.Update(msg)
		}
		return nil
	case pushMsg:
		r.stacks[r.active] = append(r.stacks[r.active], msg.s)
		return msg.s.Init()
	case kit.PopMsg:
		if s := r.stacks[r.active]; len(s) > 1 {
			r.stacks[r.active] = s[:len(s)-1]
		}
		return nil
	case openOnTabMsg:
		cmd := r.activate(msg.tab)
		r.stacks[msg.tab] = append(r.stacks[msg.tab], msg.s)
		return tea.Batch(cmd, msg.s.Init())
	case wardsMsg:
		r.c.wards = msg.wards
		return r.broadcast(msg) // the lists lay their columns out again
	case noteMsg:
		r.setNote(msg.text, false)
		return nil
	case dropMsg:
		r.drop(func(s screen) bool { return s.id() == msg.sid })
		return nil
	case kit.ReloadMsg:
		return r.broadcast(msg)
	case kit.HelpMsg:
		r.showHelp = true
		return nil
	case kit.QuitMsg:
		return r.quit()
	case entry.SavedMsg, entry.DeletedMsg, entry.SettingsSavedMsg, entry.ClosedMsg:
		return r.entryDone(msg)
	case settledMsg:
		return r.background()
	case entry.UserSavedMsg:
		r.popEntry()
		r.setNote(r.c.lang.F("cli.user.done", db(msg.Name)), false)
		return r.broadcast(kit.ReloadMsg{})
	case entry.PersonDoneMsg:
		r.popEntry()
		pv := newPersonView(r.c, msg)
		r.stacks[r.active] = append(r.stacks[r.active], pv)
		return tea.Batch(pv.Init(), r.broadcast(kit.ReloadMsg{}))
	case entry.RevealedMsg:
		r.popEntry()
		for _, st := range r.stacks {
			for _, s := range st {
				if d, ok := s.(*detailScreen); ok && d.recID == msg.ID {
					d.showRevealed(msg)
				}
			}
		}
		return nil
	case draftsMsg:
		if msg.err != nil {
			r.setNote(r.c.lang.F("drafts.read_failed", db(msg.err.Error())), true)
			return nil
		}
		if len(msg.drafts) > 0 {
			dd := newDraftsDialog(r.c, msg.drafts)
			r.stacks[r.active] = append(r.stacks[r.active], dd)
		}
		return nil
	case backupMsg:
		if msg.err != nil {
			r.setNote(r.c.lang.F("backup.failed", db(msg.err.Error())), true)
		} else if msg.res.OverBudget {
			r.setNote(r.c.lang.F("backup.over_budget", megabytes(msg.res.NewestBytes), msg.budget), true)
		}
		return nil
	case settingsSavedMsg:
		if msg.err == nil {
			r.c.settings = msg.settings
			r.c.settingsGen++
			r.setup = nil
			return r.activate(tabDashboard)
		}
	}
	if t, ok := msg.(entry.Targeted); ok {
		var found screen
		r.each(func(s screen) {
			if e, ok := s.(*entryScreen); ok && e.ID() == t.FormID() {
				found = s
			}
		})
		if found != nil {
			return found.Update(msg)
		}
		return nil
	}
	if t, ok := msg.(targeted); ok {
		if s := r.find(t.target()); s != nil {
			return s.Update(msg)
		}
		return nil
	}
	// Anything else (a text field's own messages) goes to the screen in
	// front.
	if r.lock != nil {
		return r.lock.Update(msg)
	}
	if r.setup != nil {
		return r.setup.Update(msg)
	}
	return r.top().Update(msg)
}

// restyleMsg tells screens the styles changed (the terminal's background
// turned out light).
type restyleMsg struct{}

func (r *Root) unsaved() bool {
	found := false
	r.each(func(s screen) {
		if u, ok := s.(unsaved); ok && u.Unsaved() {
			found = true
		}
	})
	return found
}

func (r *Root) quit() tea.Cmd {
	if r.unsaved() && !r.confirmQuit {
		r.confirmQuit = true
		return nil
	}
	return r.quitNow()
}

// quitNow ends the program; forms holding unsaved typing first write their
// drafts, so the next start offers them again.
func (r *Root) quitNow() tea.Cmd {
	r.quitting = true
	var keep []tea.Cmd
	r.each(func(s screen) {
		if k, ok := s.(draftKeeper); ok {
			if c := k.KeepDraft(); c != nil {
				keep = append(keep, c)
			}
		}
	})
	if len(keep) == 0 {
		return tea.Quit
	}
	return func() tea.Msg {
		for _, c := range keep {
			c()
		}
		return tea.QuitMsg{}
	}
}

func (r *Root) key(msg tea.KeyPressMsg) tea.Cmd {
	k := r.c.keys
	r.note = ""
	if key.Matches(msg, k.ForceQuit) {
		return r.quit()
	}
	if r.confirmQuit {
		switch {
		case key.Matches(msg, k.Yes):
			return r.quitNow()
		case key.Matches(msg, k.No):
			r.confirmQuit = false
		}
		return nil
	}
	if r.lock != nil {
		return r.lock.Update(msg)
	}
	r.lastKey = time.Now()
	if key.Matches(msg, lockKey) {
		return r.lockNow()
	}
	if r.setup != nil {
		return r.setup.Update(msg)
	}
	top := r.top()
	if r.showHelp {
		r.showHelp = false
		if key.Matches(msg, k.Help, k.HelpAnywhere, k.Back) {
			return nil
		}
	} else if key.Matches(msg, k.HelpAnywhere) {
		r.showHelp = true
		return nil
	}
	if top.Capturing() {
		return top.Update(msg)
	}
	switch {
	case key.Matches(msg, k.Quit):
		return r.quit()
	case key.Matches(msg, k.Help):
		r.showHelp = true
		return nil
	case key.Matches(msg, k.NextTab):
		return r.activate((r.active + 1) % nTabs)
	case key.Matches(msg, k.PrevTab):
		return r.activate((r.active + nTabs - 1) % nTabs)
	}
	for i, b := range k.TabKeys() {
		if key.Matches(msg, b) {
			return r.activate(i)
		}
	}
	return top.Update(msg)
}

// View draws the whole frame: header, tabs, the screen, the help line.
func (r *Root) View() tea.View {
	v := tea.NewView(r.render())
	v.AltScreen = true
	v.WindowTitle = "gopy"
	return v
}

func (r *Root) render() string {
	w, h := r.c.body()
	var b strings.Builder
	b.Grow(w * (h + 3) * 2)
	b.WriteString(r.headerLine(w))
	b.WriteByte('\n')
	b.WriteString(r.tabLine(w))
	b.WriteByte('\n')
	var body string
	var helpKeys []key.Binding
	switch {
	case r.lock != nil:
		body = r.lock.View(w, h)
		helpKeys = r.lock.ShortHelp()
	case r.setup != nil:
		body = r.setup.View(w, h)
		helpKeys = r.setup.ShortHelp()
	case r.showHelp:
		body = r.fullHelp(w)
	default:
		top := r.top()
		body = top.View(w, h)
		helpKeys = top.ShortHelp()
	}
	if r.confirmQuit {
		// The question is wrapped to the terminal (border and padding take
		// 4 cells), so no line of it is cut.
		tw := max(min(w-4, 60), 10)
		text := strings.Join(kit.Wrap(r.c.lang.T("quit.unsaved"), tw), "\n") + "\n\n" +
			strings.Join(kit.Wrap(r.c.lang.T("quit.confirm"), tw), "\n")
		box := r.c.st.Box.Render(text)
		body = lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, box)
	}
	b.WriteString(frame(body, w, h))
	b.WriteByte('\n')
	b.WriteString(r.helpLine(w, helpKeys))
	return b.String()
}

func (r *Root) headerLine(w int) string {
	l, st := r.c.lang, r.c.st
	s := r.c.settings
	left := st.Header.Render("gopy")
	if s.WardName != "" {
		left += st.HeaderDim.Render(" · ") + st.Header.Render(db(s.WardName))
		if s.WardCode != "" {
			left += st.HeaderDim.Render(" (" + db(s.WardCode) + ")")
		}
	}
	right := r.c.today().String()
	if who := r.headerUser(); who != "" {
		right = l.F("header.officer", db(who)) + " · " + right
	}
	return kit.Spread(left, st.HeaderDim.Render(right), w)
}

// tabLine shows the six tabs with their number keys; the active one is
// reversed and bracketed, so it shows without colour or attributes.
func (r *Root) tabLine(w int) string {
	l, st := r.c.lang, r.c.st
	var b strings.Builder
	for i, k := range tabKeys {
		label := string(rune('1'+i)) + " " + l.T(k)
		if r.setup == nil && r.lock == nil && i == r.active {
			b.WriteString(st.TabActive.Render("[" + label + "]"))
		} else {
			b.WriteString(st.Tab.Render(" " + label + " "))
		}
	}
	line := b.String()
	if ansi.StringWidth(line) > w {
		line = r.narrowTabLine(w)
	}
	return line
}

// narrowTabLine: the active tab whole, the others sharing what is left,
// each cut to its share ("2 Góp ý", "5 Báo…") but never below its number,
// so every tab keeps a name as long as the width allows one.
func (r *Root) narrowTabLine(w int) string {
	l, st := r.c.lang, r.c.st
	labels := make([]string, nTabs)
	for i, k := range tabKeys {
		labels[i] = string(rune('1'+i)) + " " + l.T(k)
	}
	budget := w - ansi.StringWidth("["+labels[r.active]+"]") - (nTabs - 1)
	share := make([]int, nTabs)
	// Hand out the budget fairly: a tab whose name is short returns what
	// it does not need to the others.
	left := []int{}
	for i := range labels {
		if i != r.active {
			left = append(left, i)
		}
	}
	for len(left) > 0 {
		each := max(budget/len(left), 1)
		var rest []int
		for _, i := range left {
			if ansi.StringWidth(labels[i]) <= each {
				share[i] = ansi.StringWidth(labels[i])
				budget -= share[i]
			} else {
				rest = append(rest, i)
			}
		}
		if len(rest) == len(left) {
			for _, i := range rest {
				share[i] = each
			}
			break
		}
		left = rest
	}
	var b strings.Builder
	for i, label := range labels {
		if i > 0 {
			b.WriteByte(' ')
		}
		if i == r.active && r.setup == nil {
			b.WriteString(st.TabActive.Render("[" + label + "]"))
			continue
		}
		if share[i] < 3 {
			label = label[:1]
		} else {
			label = kit.Clip(label, share[i])
		}
		b.WriteString(st.Tab.Render(label))
	}
	return b.String()
}

// helpLine is the screen's keys on the left and the global ones (help,
// quit) always visible on the right.
func (r *Root) helpLine(w int, keys []key.Binding) string {
	k := r.c.keys
	var global []key.Binding
	switch {
	case r.confirmQuit:
		keys, global = []key.Binding{k.Yes, k.No}, nil
	case r.lock != nil:
		global = []key.Binding{k.ForceQuit}
	case r.setup != nil:
		global = nil
	case r.showHelp:
		keys, global = []key.Binding{k.Back}, []key.Binding{k.Quit}
	case r.top().Capturing():
		global = []key.Binding{k.HelpAnywhere, k.ForceQuit}
	default:
		global = []key.Binding{k.Help, k.Quit}
	}
	right := r.help.ShortHelpView(global)
	hm := r.help
	room := max(w-ansi.StringWidth(right)-3, 10)
	var note string
	if r.note != "" {
		st := r.c.st.OK
		if r.noteErr {
			st = r.c.st.Err
		}
		note = st.Render(kit.Clip(r.note, room))
		room -= ansi.StringWidth(note) + 3
	}
	hm.SetWidth(max(room, 0))
	left := ""
	if room >= 10 {
		left = hm.ShortHelpView(keys)
	}
	if note != "" && left != "" {
		left = note + r.c.st.HelpSep.Render(" · ") + left
	} else if note != "" {
		left = note
	}
	return kit.Spread(left, right, w)
}

// fullHelp is the ? page: every key of the screen in front and the global
// ones, from the same key map as the help line.
func (r *Root) fullHelp(w int) string {
	l, st := r.c.lang, r.c.st
	k := r.c.keys
	col := func(title string, groups [][]key.Binding) string {
		var b strings.Builder
		b.WriteString(st.Section.Render(title))
		seen := map[string]bool{}
		for _, g := range groups {
			for _, kb := range g {
				hp := kb.Help()
				if !kb.Enabled() || hp.Key == "" || seen[hp.Key+hp.Desc] {
					continue
				}
				seen[hp.Key+hp.Desc] = true
				b.WriteString("\n  " + st.HelpKey.Render(kit.Fill(hp.Key, 11)) + " " + hp.Desc)
			}
		}
		return b.String()
	}
	left := col(l.T("help.screen"), r.top().FullHelp())
	right := col(l.T("help.global"), [][]key.Binding{k.Global(), k.TabKeys()})
	legend := st.Overdue.Render("!") + " " + l.T("help.legend_overdue") + "\n" +
		l.T("help.legend_backspace")
	title := st.Title.Render(l.T("help.title"))
	if w >= 70 {
		return title + "\n\n" + lipgloss.JoinHorizontal(lipgloss.Top, lipgloss.NewStyle().Width(w/2).Render(left), right) +
			"\n\n" + legend
	}
	return title + "\n\n" + left + "\n\n" + right + "\n\n" + legend
}
