package entry

import (
	"testing"

	"gopy/model"
	"gopy/ui/i18n"
)

// The automatic backups' counts and size budget are edited in the
// settings form: 7 daily, 4 weekly and no budget until changed; bad input
// gets its translated error and saves nothing; good input is stored and
// reads back.
func TestSettingsFormBackups(t *testing.T) {
	s, _ := openStore(t)
	f := EditSettings(testCtx(t, s))
	for k, want := range map[string]string{"backup_daily": "7", "backup_weekly": "4", "backup_budget_mb": "0"} {
		focusOn(t, f, k)
		if f.cur.value() != want {
			t.Errorf("%s shown as %q, want the default %s", k, f.cur.value(), want)
		}
	}
	bad := []struct{ field, typed, msg string }{
		{"backup_daily", "0", "err.backup_daily"},
		{"backup_daily", "-3", "err.backup_daily"},
		{"backup_daily", "ba", "err.invalid_number"},
		{"backup_daily", "", "err.backup_daily"},
		{"backup_daily", "5000", "err.backup_daily"},
		{"backup_weekly", "-1", "err.backup_weekly"},
		{"backup_weekly", "9999", "err.backup_weekly"},
		{"backup_budget_mb", "-500", "err.backup_budget"},
		{"backup_budget_mb", "2GB", "err.invalid_number"},
		{"backup_budget_mb", "999999999", "err.backup_budget"},
	}
	for _, b := range bad {
		g := EditSettings(testCtx(t, s))
		focusOn(t, g, b.field)
		press(g, "ctrl+u")
		typeText(g, b.typed)
		if g.cur.value() != b.typed {
			// A number field takes only digits from the keyboard and from a
			// paste; a restored draft can still hold anything.
			g.cur.setValue(b.typed)
		}
		if got := g.spec.check().For(b.field); got != b.msg {
			t.Errorf("%s = %q: error %q, want %q", b.field, b.typed, got, b.msg)
		}
		if msgs := run(t, g, press(g, "ctrl+s")); len(msgs) != 0 {
			t.Errorf("%s = %q saved: %v", b.field, b.typed, msgs)
		}
		mustContain(t, g, "! "+i18n.VI.T(b.msg))
		if st, _ := s.Settings(); st.Backups != model.DefaultBackups() {
			t.Fatalf("%s = %q: stored %+v", b.field, b.typed, st.Backups)
		}
	}

	typed := map[string]string{"backup_daily": "5", "backup_weekly": "0", "backup_budget_mb": "800"}
	for _, k := range []string{"backup_daily", "backup_weekly", "backup_budget_mb"} {
		focusOn(t, f, k)
		press(f, "ctrl+u")
		typeText(f, typed[k])
	}
	if _, ok := save(t, f).(SettingsSavedMsg); !ok {
		t.Fatal("no SettingsSavedMsg")
	}
	st, _ := s.Settings()
	if want := (model.Backups{Daily: 5, Weekly: 0, BudgetMB: 800}); st.Backups != want {
		t.Fatalf("stored %+v, want %+v", st.Backups, want)
	}
	g := EditSettings(testCtx(t, s))
	for k, want := range typed {
		focusOn(t, g, k)
		if g.cur.value() != want {
			t.Errorf("%s reads back %q, want %q", k, g.cur.value(), want)
		}
	}
}
