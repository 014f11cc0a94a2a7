package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gopy/model"
	"gopy/store"
	"gopy/ui/i18n"
)

// When the newest automatic backup alone is larger than the size budget
// in Settings, it is kept, the older ones go, and the officer is told in
// the help line, in their language; the Settings tab shows the policy.
func TestBackupOverBudgetSaid(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.VI} {
		s := openFixtureStore(t, true)
		st, _ := s.Settings()
		st.Backups = model.Backups{Daily: 7, Weekly: 4, BudgetMB: 1}
		if err := s.SaveSettings(st, st.Officer); err != nil {
			t.Fatal(err)
		}
		dir := store.BackupDir(s.Path())
		if err := os.MkdirAll(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		// Yesterday's (small) and today's, 1.5 MB: over the 1 MB budget alone.
		old := filepath.Join(dir, "gopy-"+fixtureNow.Add(-24*time.Hour).Format("20060102-150405")+".db.gz")
		newest := filepath.Join(dir, "gopy-"+fixtureNow.Add(-time.Hour).Format("20060102-150405")+".db.gz")
		for name, size := range map[string]int{old: 1000, newest: 1536 << 10} {
			if err := os.WriteFile(name, make([]byte, size), 0o600); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.Chtimes(newest, fixtureNow.Add(-time.Hour), fixtureNow.Add(-time.Hour)); err != nil {
			t.Fatal(err)
		}
		r, err := NewRoot(s, lang, Options{Today: fixtureToday, AutoBackup: true, Settle: time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		dr := &driver{t: t, r: r}
		for _, msg := range flatten(r.Init()) {
			dr.send(msg)
		}
		dr.send(settledMsg{})
		dr.mustSee(lang.F("backup.over_budget", 2, 1)[:40])
		if _, err := os.Stat(newest); err != nil {
			t.Errorf("the newest backup is gone: %v", err)
		}
		if _, err := os.Stat(old); !os.IsNotExist(err) {
			t.Errorf("the older backup is still there over the budget")
		}
		dr.key("6")
		var page []string
		for _, l := range r.stacks[tabSettings][0].(*settingsView).doc.lines {
			page = append(page, l.plain)
		}
		// Long lines wrap: compare the words.
		words := strings.Join(strings.Fields(strings.Join(page, " ")), " ")
		for _, want := range []string{lang.T("set.backups"), lang.F("set.backup_keep", 7, 4), lang.F("set.backup_budget", 1)} {
			if !strings.Contains(words, strings.Join(strings.Fields(want), " ")) {
				t.Errorf("%s: the Settings page lacks %q", lang, want)
			}
		}
	}
}
