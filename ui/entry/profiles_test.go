package entry

import (
	"testing"

	"gopy/model"
)

// The report profiles are edited in one form, one sender at a time; what
// is typed for each is kept when switching and saved together.
func TestProfilesForm(t *testing.T) {
	s, _ := openStore(t)
	f := EditProfiles(testCtx(t, s), model.DefaultProfiles())
	checkFrame(t, f)
	mustContain(t, f, "Mẫu báo cáo gửi cấp trên", "dang-uy · Đảng ủy", "Để trống: ĐẢNG ỦY PHƯỜNG BẾN THÀNH")
	focusOn(t, f, "prof_signer")
	typeText(f, "Nguyễn Văn Mẫu")
	focusOn(t, f, "prof_choice")
	press(f, "right")
	mustContain(t, f, "ubnd · UBND")
	focusOn(t, f, "prof_signer")
	if f.cur.value() != "" {
		t.Fatalf("the UBND profile shows the party's signer %q", f.cur.value())
	}
	typeText(f, "Trần Thị Ký")
	focusOn(t, f, "prof_pattern")
	press(f, "ctrl+u")
	typeText(f, "%d/BC")
	press(f, "tab")
	mustContain(t, f, "! ")
	focusOn(t, f, "prof_pattern")
	press(f, "ctrl+u")
	typeText(f, "%s/BC-UBND")
	if _, ok := save(t, f).(SavedMsg); !ok {
		t.Fatal("not saved")
	}
	got, err := s.Profiles()
	if err != nil || got[0].Signer != "Nguyễn Văn Mẫu" || got[1].Signer != "Trần Thị Ký" || got[1].NumberPattern != "%s/BC-UBND" {
		t.Fatalf("saved %+v %v", got, err)
	}
}
