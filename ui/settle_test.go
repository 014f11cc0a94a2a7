package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"gopy/model"
	"gopy/store"
	"gopy/ui/i18n"
)

// flatten runs a command and every command of the batches it returns,
// collecting their messages.
func flatten(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if b, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range b {
			out = append(out, flatten(c)...)
		}
		return out
	}
	return []tea.Msg{msg}
}

// Nothing reads the database before the first frame: the dashboard's
// figures, the drafts and the day's backup start once Init's short wait
// is over, and the dashboard then fills in, its parts one after another.
func TestNothingReadBeforeTheFirstFrame(t *testing.T) {
	s := newFixtureStore(t)
	r, err := NewRoot(s, i18n.EN, Options{Today: fixtureToday, AutoBackup: true, Settle: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	dr := &driver{t: t, r: r}
	settled := false
	for _, msg := range flatten(r.Init()) {
		switch msg.(type) {
		case settledMsg:
			settled = true
		case dashMsg, dashWardsMsg, draftsMsg, backupMsg:
			t.Errorf("Init read the database before the first frame: %T", msg)
		}
	}
	if !settled {
		t.Fatal("Init never says the first frame is out")
	}
	if names, _ := filepath.Glob(filepath.Join(store.BackupDir(s.Path()), "gopy-*.db*")); len(names) != 0 {
		t.Fatalf("backup written before the first frame: %v", names)
	}
	dr.mustSee("[1 Dashboard]")
	if line := strings.TrimSpace(lineWith(t, dr.screen(), "Petitions overdue")); !strings.HasSuffix(line, "…") {
		t.Errorf("before the first frame is out: %q, want the figure still to come (…)", line)
	}
	dr.send(settledMsg{})
	if line := strings.TrimSpace(lineWith(t, dr.screen(), "Petitions overdue")); strings.HasSuffix(line, "…") || !strings.ContainsAny(line, "0123456789") {
		t.Errorf("after: %q, want its figure", line)
	}
	dr.mustSee("In all: 4 feedback · 4 sessions · 8 petitions")
	d := r.stacks[tabDashboard][0].(*dashboard)
	for part, ok := range d.loaded {
		if !ok {
			t.Errorf("dashboard part %d not counted", part)
		}
	}
	if names, _ := filepath.Glob(filepath.Join(store.BackupDir(s.Path()), "gopy-*.db*")); len(names) != 1 {
		t.Fatalf("backups after the first frame: %v", names)
	}
}

// A tab chosen before the background work starts stays chosen: the
// dashboard's figures are counted behind it.
func TestTabChosenBeforeTheFirstFrameStays(t *testing.T) {
	s := newFixtureStore(t)
	r, err := NewRoot(s, i18n.EN, Options{Today: fixtureToday, Settle: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	dr := &driver{t: t, r: r}
	dr.key("4")
	dr.send(settledMsg{})
	dr.mustSee("[4 Petitions]")
	d := r.stacks[tabDashboard][0].(*dashboard)
	if !d.loaded[model.DashTotals] {
		t.Error("the dashboard was not counted behind the chosen tab")
	}
}
