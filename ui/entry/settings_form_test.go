package entry

import (
	"strings"
	"testing"

	"gopy/model"
)

func TestSettingsForm(t *testing.T) {
	s, _ := openStore(t)
	f := EditSettings(testCtx(t, s))
	checkFrame(t, f)
	mustContain(t, f, "Sửa danh mục", "Phường Bến Thành", "BT")

	focusOn(t, f, "ward_code")
	press(f, "ctrl+u")
	typeText(f, "BT 01")
	press(f, "tab")
	mustContain(t, f, "! Mã phường chỉ gồm chữ, số, - và _")
	press(f, "shift+tab", "ctrl+u")
	typeText(f, "BT-01")
	focusOn(t, f, "language")
	press(f, "right")

	focusOn(t, f, "officers")
	press(f, "ctrl+g", "backspace") // select all, delete: the editor's own keys work
	if f.cur.value() != "" {
		t.Fatalf("officers not cleared: %q", f.cur.value())
	}
	typeText(f, "Lê Thị Hoa")
	press(f, "enter")
	typeText(f, "Phạm Văn Bình")
	focusOn(t, f, "groups")
	f.cur.ta.MoveToEnd()
	press(f, "enter")
	typeText(f, "Tổ dân phố 7")

	focusOn(t, f, "feedback_response_days")
	press(f, "ctrl+u", "0", "tab")
	mustContain(t, f, "! Nhập một số lớn hơn 0")
	press(f, "shift+tab", "ctrl+u")
	typeText(f, "45")

	focusOn(t, f, "holidays")
	if !strings.Contains(f.cur.value(), "Tết Nguyên đán") || !strings.Contains(f.cur.value(), "30/04/2026") {
		t.Fatalf("2026 holidays:\n%s", f.cur.value())
	}
	f.cur.ta.MoveToEnd()
	press(f, "enter")
	typeText(f, "31/04/2026 Nghỉ")
	press(f, "ctrl+s")
	mustContain(t, f, "! Dòng")
	press(f, "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace",
		"backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace")
	typeText(f, "04/05/2026 Nghỉ hoán đổi")

	// Next year's list, edited too; this year's stays as typed.
	focusOn(t, f, "holiday_year")
	press(f, "ctrl+u")
	typeText(f, "2027")
	focusOn(t, f, "holidays")
	if !strings.Contains(f.cur.value(), "/2027") {
		t.Fatalf("2027 holidays:\n%s", f.cur.value())
	}
	f.cur.ta.MoveToEnd()
	press(f, "enter")
	typeText(f, "03/05/2027 Nghỉ bù")

	msg, ok := save(t, f).(SettingsSavedMsg)
	if !ok {
		t.Fatal("no SettingsSavedMsg")
	}
	st, _ := s.Settings()
	if st.WardCode != "BT-01" || st.Language != "en" || msg.Settings.WardCode != "BT-01" {
		t.Errorf("ward %q language %q", st.WardCode, st.Language)
	}
	if strings.Join(st.Officers, "|") != "Lê Thị Hoa|Phạm Văn Bình" || st.Groups[len(st.Groups)-1] != "Tổ dân phố 7" {
		t.Errorf("lists %q %q", st.Officers, st.Groups)
	}
	if st.Deadlines.FeedbackResponseDays != 45 || st.Deadlines.AckWorkingDays != 10 {
		t.Errorf("deadlines %+v", st.Deadlines)
	}
	cal := model.NewCalendar(st.Holidays)
	if !cal.IsHoliday(model.NewDate(2026, 5, 4)) || !cal.IsHoliday(model.NewDate(2027, 5, 3)) {
		t.Errorf("edited holidays not stored: %v", st.Holidays)
	}
	// The law's names are stored as catalog keys, so they read in English.
	var tet int
	for _, h := range st.Holidays[2026] {
		if h.Name == "holiday.tet" {
			tet++
		}
	}
	if tet != 5 {
		t.Errorf("Tết days stored as keys: %d (%v)", tet, st.Holidays[2026])
	}
	if _, ok := st.Holidays[2028]; ok {
		t.Error("an untouched year was stored")
	}
}

// The day-off switch, the remote-area flag and a worked Saturday: set in
// the form, stored, and shown again as typed.
func TestSettingsFormDeadlineRules(t *testing.T) {
	s, _ := openStore(t)
	f := EditSettings(testCtx(t, s))
	focusOn(t, f, "day_off_shift")
	if f.cur.value() != boolText(true) {
		t.Fatalf("the day-off rule starts %q, want on", f.cur.value())
	}
	press(f, "space")
	focusOn(t, f, "remote_area")
	press(f, "space")
	focusOn(t, f, "complaint_ack_days")
	if f.cur.value() != "10" {
		t.Fatalf("complaint acceptance %q, want 10", f.cur.value())
	}
	focusOn(t, f, "holidays")
	f.cur.ta.MoveToEnd()
	press(f, "enter")
	typeText(f, "10/01/2026 (làm việc) Làm bù cho 02/01")
	save(t, f)

	st, _ := s.Settings()
	if !st.Deadlines.OffDayStays || !st.RemoteArea {
		t.Errorf("off_day_stays %v remote_area %v, want both set", st.Deadlines.OffDayStays, st.RemoteArea)
	}
	cal := model.NewCalendar(st.Holidays)
	if !cal.IsWorkingDay(model.NewDate(2026, 1, 10)) || cal.IsWorkingDay(model.NewDate(2026, 1, 17)) {
		t.Errorf("Sat 10/01/2026 should be worked, 17/01 not: %v", st.Holidays[2026])
	}
	g := EditSettings(testCtx(t, s))
	focusOn(t, g, "holidays")
	if !strings.Contains(g.cur.value(), "10/01/2026  (làm việc) Làm bù cho 02/01") {
		t.Errorf("the worked day reads back as:\n%s", g.cur.value())
	}
	focusOn(t, g, "day_off_shift")
	if g.cur.value() != boolText(false) {
		t.Errorf("the switch reads back %q", g.cur.value())
	}
}
