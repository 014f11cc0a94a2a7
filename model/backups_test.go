package model

import (
	"encoding/json"
	"testing"
)

// Settings saved before the backup settings existed keep 7 daily and 4
// weekly backups without a budget; what is set survives a save and a load,
// including no weekly backups at all.
func TestBackupSettingsDefaultAndRoundTrip(t *testing.T) {
	var old Settings
	if err := json.Unmarshal([]byte(`{"ward_name":"Phường Hòa Bình","ward_code":"HB","officer":"Lê Thị Hoa"}`), &old); err != nil {
		t.Fatal(err)
	}
	old.Normalize()
	if old.Backups != (Backups{Daily: 7, Weekly: 4}) {
		t.Errorf("old settings: %+v, want 7 daily, 4 weekly, no budget", old.Backups)
	}
	old.Backups = Backups{Daily: 3, Weekly: 0, BudgetMB: 2048}
	raw, err := json.Marshal(old)
	if err != nil {
		t.Fatal(err)
	}
	var back Settings
	if err := json.Unmarshal(raw, &back); err != nil {
		t.Fatal(err)
	}
	back.Normalize()
	if back.Backups != old.Backups {
		t.Errorf("round trip: %+v, want %+v", back.Backups, old.Backups)
	}
	for _, tc := range []struct {
		b     Backups
		field string
	}{
		{Backups{Daily: 1}, ""},
		{Backups{Daily: MaxBackupDaily, Weekly: MaxBackupWeekly, BudgetMB: MaxBackupBudgetMB}, ""},
		{Backups{Daily: 0, Weekly: 4}, "backup_daily"},
		{Backups{Daily: MaxBackupDaily + 1}, "backup_daily"},
		{Backups{Daily: 7, Weekly: -1}, "backup_weekly"},
		{Backups{Daily: 7, Weekly: MaxBackupWeekly + 1}, "backup_weekly"},
		{Backups{Daily: 7, BudgetMB: -1}, "backup_budget_mb"},
		{Backups{Daily: 7, BudgetMB: MaxBackupBudgetMB + 1}, "backup_budget_mb"},
	} {
		errs := tc.b.Validate()
		if (tc.field == "") != (len(errs) == 0) || tc.field != "" && errs.For(tc.field) == "" {
			t.Errorf("%+v: errors %v, want one for %q", tc.b, errs, tc.field)
		}
	}
	if got := (Backups{Daily: 7, BudgetMB: 3}).BudgetBytes(); got != 3<<20 {
		t.Errorf("3 MB = %d bytes", got)
	}
}
