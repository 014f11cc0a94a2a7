package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"gopy/model"
	"gopy/ui/i18n"
)

// Issue 13, item 2: the ctrl+c question in a form fits 80 columns: no line
// of it is cut, the sentence that matters is whole.
func TestQuitQuestionFitsTheTerminal(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {60, 20}} {
		for _, lang := range []i18n.Lang{i18n.VI, i18n.EN} {
			s := newFixtureStore(t)
			dr := newTestRoot(t, s, lang, size[0], size[1])
			dr.keys("4", "n")
			dr.focus(map[i18n.Lang]string{i18n.VI: "Họ tên", i18n.EN: "Name"}[lang])
			dr.ft("Quách Thị Quyên")
			dr.key("ctrl+c")
			scr := dr.screen()
			checkFrame(t, dr.r.View().Content, size[0], size[1])
			joined := strings.Join(strings.Fields(strings.NewReplacer("│", " ", "…", "…").Replace(scr)), " ")
			for _, want := range []string{lang.T("quit.unsaved"), lang.T("quit.confirm")} {
				if !strings.Contains(joined, strings.Join(strings.Fields(want), " ")) {
					t.Errorf("%dx%d %v: the question lacks %q whole:\n%s", size[0], size[1], lang, want, scr)
				}
			}
			for _, ln := range strings.Split(scr, "\n") {
				if strings.Contains(ln, "│") && strings.Contains(ln, "…") {
					t.Errorf("%dx%d: a line of the question is cut: %q", size[0], size[1], ln)
				}
			}
		}
	}
}

// Issue 13, item 3: in a form, q and ? act where they are not text (a
// date, a check); in a text field they are letters, and f1 shows the help
// from anywhere. The help line says so.
func TestQuitAndHelpInAForm(t *testing.T) {
	s := newFixtureStore(t)
	dr := newTestRoot(t, s, i18n.VI, 80, 24)
	dr.keys("4", "n")
	dr.mustBeForm()
	dr.mustSee("f1 trợ giúp")
	// The receipt date has focus first: ? shows the help, any key closes it.
	dr.focus("Ngày tiếp nhận")
	dr.key("?")
	dr.mustSee("Phím tắt", "Mọi màn hình")
	dr.key("esc")
	dr.mustBeForm()
	dr.mustSee("Kiến nghị mới")
	// In a text field ? and q are typed.
	dr.focus("Họ tên")
	dr.ft("Ai? q")
	dr.mustSee("Ai? q")
	dr.mustNotSee("Phím tắt")
	// f1 shows the help even there.
	dr.key("f1")
	dr.mustSee("Phím tắt")
	dr.key("esc")
	// q on a check: the quit question (there is typing unsaved).
	dr.focus("Giữ bí mật")
	dr.key("q")
	dr.mustSee("Vẫn thoát?")
	dr.key("n")
	dr.mustBeForm()
	if dr.quit {
		t.Fatal("q quit without asking")
	}
}

// openPetition finds a petition by a word of it on the Petitions tab and
// opens its detail.
func (d *driver) openPetition(word string) {
	d.t.Helper()
	d.keys("4", "/")
	d.typ(word)
	d.keys("enter", "enter")
	if _, ok := d.r.top().(*detailScreen); !ok {
		d.t.Fatalf("no detail opened for %q:\n%s", word, d.screen())
	}
}

// Issue 13, item 7: closing a petition asks for its result and offers the
// day the citizen was told; x offers only the statuses that can follow,
// and a second x on a resolved petition completes it rather than refusing.
func TestResolvingAsksForTheResult(t *testing.T) {
	s := newFixtureStore(t)
	dr := newTestRoot(t, s, i18n.VI, 80, 24)
	dr.openPetition("chieu sang")
	dr.key("x")
	dr.mustSee("◂ Đã giải quyết ▸ 1/3", "Kết quả giải quyết*", "Ngày trả lời công dân")
	dr.key("ctrl+s")
	dr.mustBeForm()
	dr.mustSee("! Chưa nhập (bắt buộc)")
	dr.focus("Kết quả giải quyết")
	dr.ft("Đã thay bóng đèn.")
	dr.focus("Ngày trả lời công dân")
	dr.fk("t")
	dr.key("ctrl+s")
	dr.mustSee("Đã lưu KN-", "Đã giải quyết")
	p := getRec[*model.Petition](t, s, model.KindPetition, fid(27))
	if p.Status != model.StatusResolved || p.Result != "Đã thay bóng đèn." || p.ReportedBackOn != fixtureToday() {
		t.Fatalf("stored %+v", p)
	}
	// x again: resolved (to complete it) or reopened, nothing else.
	dr.key("x")
	dr.mustSee("◂ Đã giải quyết ▸ 1/2", "Đã thay bóng đèn.")
	dr.focus("Kết quả giải quyết")
	dr.ft(" Đã báo công dân.")
	dr.key("ctrl+s")
	dr.mustSee("Đã lưu KN-")
	if p := getRec[*model.Petition](t, s, model.KindPetition, fid(27)); p.Result != "Đã thay bóng đèn. Đã báo công dân." {
		t.Fatalf("result after x again: %q", p.Result)
	}
}

// Issue 13, item 8: the draft offered at start says what it is about; a
// confidential name never shows.
func TestDraftsSayWhatTheyAreAbout(t *testing.T) {
	s := newFixtureStore(t)
	for i, p := range []struct{ name, summary, want string }{
		{"Quách Thị Quyên", "Hỏi thủ tục cấp đổi sổ đỏ.", "«Hỏi thủ tục cấp đổi sổ đỏ.»"},
		{"Tạ Văn Bí Mật", "", ""},
	} {
		dr := newTestRoot(t, s, i18n.VI, 80, 24)
		if i > 0 {
			dr.key("d") // the first draft: discarded
		}
		dr.keys("4", "n")
		dr.focus("Họ tên")
		dr.ft(p.name)
		if p.summary != "" {
			dr.focus("Tóm tắt nội dung")
			dr.ft(p.summary)
		} else {
			dr.focus("Giữ bí mật")
			dr.fk("space")
		}
		dr.key("ctrl+c")
		dr.key("y")
		dr = newTestRoot(t, s, i18n.VI, 80, 24)
		dr.mustSee("Có 1 biểu mẫu chưa lưu", "Kiến nghị mới", p.want)
		dr.mustNotSee("Tạ Văn Bí Mật", "Quách Thị Quyên")
		checkFrame(t, dr.r.View().Content, 80, 24)
	}
}

// Issue 13, item 9: search looks at what a citizen gave, not at the
// officer a petition is assigned to; under the selected row it says which
// field matched when the row does not show it; the filter offers "mine"
// and the residential group.
func TestSearchCitizenFieldsAndMineFilter(t *testing.T) {
	s := newFixtureStore(t)
	st, _ := s.Settings()
	st.Officer = "Nguyễn Văn Hùng"
	if err := s.SaveSettings(st, st.Officer); err != nil {
		t.Fatal(err)
	}
	dr := newTestRoot(t, s, i18n.VI, 80, 24)
	dr.keys("4", "/")
	dr.typ("nguyen van hung") // only the assigned officer's name
	dr.mustSee("0 bản ghi")
	for range "nguyen van hung" {
		dr.key("backspace")
	}
	dr.typ("hoa binh") // KN-2026-0001's address: not a column of the list
	dr.mustSee("1 bản ghi", "KN-2026-0001", "↳ khớp ở: Địa chỉ")
	dr.keys("esc")
	dr.mustNotSee("↳")

	// f: the officer's own petitions, then a residential group.
	dr.key("f")
	dr.mustSee("Người được giao", "Tổ dân phố")
	dr.keys("down", "down", "down", "down", "right")
	dr.mustSee("Việc của tôi (Nguyễn Văn Hùng)")
	dr.key("enter")
	dr.mustSee("1 bản ghi", "việc của tôi", "KN-2026-0001")
	dr.keys("f", "x", "down", "down", "down", "down", "down", "right", "right", "enter")
	dr.mustSee("2 bản ghi", "Tổ dân phố 2", "KN-2026-0002", "KN-2026-0008")
	checkFrame(t, dr.r.View().Content, 80, 24)
}

// Issue 13, item 10: "name A→Z" on petitions sorts by given name (tên),
// then the middle and family names.
func TestPetitionsSortByGivenName(t *testing.T) {
	s := newFixtureStore(t)
	dr := newTestRoot(t, s, i18n.VI, 80, 24)
	dr.key("4")
	for range 5 {
		if strings.Contains(dr.screen(), "tên A→Z") {
			break
		}
		dr.key("s")
	}
	dr.mustSee("Xếp: tên A→Z (tên, đệm, họ)")
	// Given names: An, Ánh, Bình, Đào, Khánh, Yến (the denunciation's
	// petitioner is confidential: no name, first).
	var order []string
	for _, ln := range strings.Split(dr.screen(), "\n") {
		for _, n := range []string{"Nguyễn Văn An", "Vũ Ngọc Ánh", "Lê Thị Bình", "Hoàng Thị Đ", "Đỗ Minh Khánh", "Nguyễn Thị Yến"} {
			if strings.Contains(ln, n) {
				order = append(order, n)
			}
		}
	}
	want := []string{"Nguyễn Văn An", "Vũ Ngọc Ánh", "Lê Thị Bình", "Hoàng Thị Đ", "Đỗ Minh Khánh", "Nguyễn Thị Yến"}
	if strings.Join(order, ",") != strings.Join(want, ",") {
		t.Errorf("order %q, want %q\n%s", order, want, dr.screen())
	}
}

// Issue 13, item 12: emoji in a name (skin tones, joined families, a
// heart with its variation selector) keep the list's columns: every line
// has the same width whether counted as lipgloss counts (grapheme
// clusters) or as most terminals do (code point by code point), and the
// due date stays whole.
func TestEmojiKeepTheColumns(t *testing.T) {
	s := newFixtureStore(t)
	for i, n := range []string{"Bé Na 👍🏽👍🏿", "Gia đình 👨‍👩‍👧 Lê", "Cờ 🇻🇳 Việt", "Tim ❤️ Hồng"} {
		p := &model.Petition{Meta: model.Meta{ID: fid(90 + i)}, ReceivedOn: d(15, 3), Channel: model.ChannelWalkIn,
			Classification: model.ClassReport, Name: n, Summary: "Đèn 💡 hỏng ở ngõ 5 👍🏽"}
		if err := s.Create(p, "x"); err != nil {
			t.Fatal(err)
		}
	}
	for _, size := range [][2]int{{80, 24}, {60, 20}} {
		dr := newTestRoot(t, s, i18n.VI, size[0], size[1])
		dr.key("4")
		frame := dr.r.View().Content
		checkFrame(t, frame, size[0], size[1])
		for i, ln := range strings.Split(frame, "\n") {
			if g, wc := ansi.StringWidth(ln), ansi.StringWidthWc(ln); g != wc {
				t.Errorf("%dx%d line %d: %d cells by graphemes, %d by code points: %q", size[0], size[1], i, g, wc, ansi.Strip(ln))
			}
		}
		if size[0] == 80 {
			dr.mustSeeRow("KN-2026-0009", "Bé Na 👍👍", "27/03/2026")
			dr.mustSeeRow("KN-2026-0012", "Tim ❤ Hồng", "27/03/2026")
		}
	}
}

// Issue 13, item 13: the search field and the typed period show their
// whole hint, not its first letter.
func TestPlaceholdersWhole(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {60, 20}} {
		dr := newTestRoot(t, newFixtureStore(t), i18n.VI, size[0], size[1])
		dr.keys("4", "/")
		dr.mustSee("/ gõ để tìm, có dấu hay không dấu đều được")
		dr.keys("esc", "5", "p")
		dr.mustSee("Kỳ báo cáo: 2026-Q3 hoặc 01/07/2026..30/09/2026")
	}
}

// Issue 13, item 15: each change in the history is one sentence; a
// follow-up entry added is one line, not one per field.
func TestHistoryReadsAsSentences(t *testing.T) {
	s := newFixtureStore(t)
	dr := newTestRoot(t, s, i18n.VI, 80, 24)
	dr.openPetition("chieu sang")
	dr.key("a")
	dr.focus("Nội dung ghi chép")
	dr.ft("Đã báo Điện lực phường.")
	dr.key("ctrl+s")
	dr.key("x")
	dr.focus("Kết quả giải quyết")
	dr.ft("Đã thay bóng đèn.")
	dr.key("ctrl+s")
	dr.detailHas(
		"Thêm vào nhật ký xử lý (16/03/2026, Ghi chú, Trần Thị Thu Hà): «Đã báo Điện",
		"Đổi Trạng thái từ Đang giải quyết thành Đã giải quyết",
		"Ghi Kết quả giải quyết: Đã thay bóng đèn.",
	)
	dr.key("G")
	dr.mustNotSee("Nhật ký 1 ·", "Người ghi:", "— →")
}

// Issue 13, item 22: "1 record" in English; Settings says the stored
// language is the default when the session runs in another.
func TestEnglishWording(t *testing.T) {
	dr := newTestRoot(t, newFixtureStore(t), i18n.EN, 80, 24)
	dr.keys("4", "/")
	dr.typ("hoa binh")
	dr.mustSee("Petitions · 1 record ")
	dr.keys("esc", "esc", "6")
	dr.mustSee("Vietnamese (default; this session: English)")
}

// Issue 13, item 11: at 80 columns a petition's classification leads its
// summary (unless the summary starts with it) and an overdue row says by
// how many days; at 60 columns whole columns go, the name and summary keep
// room; from 90 the classification has its column.
func TestListColumnsByWidth(t *testing.T) {
	s := newFixtureStore(t)
	dr := newTestRoot(t, s, i18n.VI, 80, 24)
	dr.key("4")
	dr.mustSeeRow("KN-2026-0008", "Nguyễn Thị Yến", "Phản ánh: Đèn chiếu")
	dr.mustSeeRow("KN-2026-0007", "Phản ánh nước sinh")
	dr.mustNotSee("Phản ánh: Phản ánh")
	dr.mustSeeRow("KN-2026-0001", "quá 21 ngày")

	dr = newTestRoot(t, s, i18n.VI, 60, 20)
	dr.key("4")
	dr.mustSee("1 Tổng", "2 Góp ý", "[4 Kiến nghị]", "5 Báo c", "6 Danh")
	dr.mustSeeRow("KN-2026-0008", "Nguyễn Thị", "Đèn chiếu sáng c", "Đang giải quyết")
	dr.mustNotSee("Hạn ", "17/03/2026")

	dr = newTestRoot(t, s, i18n.EN, 120, 40)
	dr.key("4")
	dr.mustSee("Class")
	dr.mustSeeRow("KN-2026-0008", "Report", "Đèn chiếu sáng công cộng")
}
