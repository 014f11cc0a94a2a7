package entry

import (
	"strings"
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

// The narrative form keeps a draft like every form and resumes from it.
func TestNarrativeDraftResumes(t *testing.T) {
	fastDrafts(t)
	s, _ := openStore(t)
	ctx := testCtx(t, s)
	q1 := model.Period{From: model.NewDate(2026, 1, 1), To: model.NewDate(2026, 3, 31)}
	rep := model.Report{Period: q1}
	ns, err := LoadNarratives(s, &rep, ctx.Lang)
	if err != nil {
		t.Fatal(err)
	}
	f := EditNarrative(ctx, ns)
	checkFrame(t, f)
	mustContain(t, f, "Nhận định báo cáo quý I năm 2026", "Trong kỳ tiếp nhận 0 lượt góp ý")
	focusOn(t, f, "narr_tasks")
	run(t, f, typeText(f, "Tiếp dân đủ ngày"))
	drafts, err := Drafts(s)
	if err != nil || len(drafts) != 1 || drafts[0].Kind != "narrative" {
		t.Fatalf("drafts %+v %v", drafts, err)
	}
	r, err := ResumeDraft(ctx, drafts[0])
	if err != nil {
		t.Fatal(err)
	}
	focusOn(t, r, "narr_tasks")
	if r.cur.value() != "Tiếp dân đủ ngày" {
		t.Fatalf("resumed %q", r.cur.value())
	}
	save(t, r)
	n, ok, _ := s.Narrative("dang-uy", q1)
	if !ok || n.Tasks != "Tiếp dân đủ ngày" || !strings.HasPrefix(n.Results, "Trong kỳ tiếp nhận 0 lượt góp ý") {
		t.Fatalf("saved %+v", n)
	}
}
