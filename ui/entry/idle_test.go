package entry

import "testing"

// The idle time before the screen locks is edited in the settings form:
// 10 minutes until changed, 1–1440 accepted.
func TestSettingsFormIdleLock(t *testing.T) {
	s, _ := openStore(t)
	f := EditSettings(testCtx(t, s))
	focusOn(t, f, "idle_lock_minutes")
	if f.cur.value() != "10" {
		t.Fatalf("idle lock shown as %q, want the default 10", f.cur.value())
	}
	press(f, "ctrl+u", "0")
	if got := f.spec.check().For("idle_lock_minutes"); got != "err.idle_lock" {
		t.Errorf("0 minutes: error %q", got)
	}
	press(f, "ctrl+u")
	typeText(f, "5")
	if _, ok := save(t, f).(SettingsSavedMsg); !ok {
		t.Fatal("no SettingsSavedMsg")
	}
	if st, _ := s.Settings(); st.IdleLockMinutes != 5 {
		t.Errorf("stored idle lock %d, want 5", st.IdleLockMinutes)
	}
}
