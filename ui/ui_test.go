package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"gopy/model"
	"gopy/store"
	"gopy/store/demo"
	"gopy/ui/i18n"
)

func TestTabsSwitchByNumberAndTab(t *testing.T) {
	dr := newTestRoot(t, newFixtureStore(t), i18n.VI, 80, 24)
	dr.mustSee("[1 Tổng quan]", "Kiến nghị quá hạn")
	for i, want := range []string{"[1 Tổng quan]", "[2 Góp ý]", "[3 Đối thoại]", "[4 Kiến nghị]", "[5 Báo cáo]", "[6 Danh mục]"} {
		dr.key(fmt.Sprint(i + 1))
		dr.mustSee(want)
	}
	dr.key("tab")
	dr.mustSee("[1 Tổng quan]")
	dr.key("shift+tab")
	dr.mustSee("[6 Danh mục]")
	dr.key("shift+tab")
	dr.mustSee("[5 Báo cáo]")
}

func TestEnglishTabs(t *testing.T) {
	dr := newTestRoot(t, newFixtureStore(t), i18n.EN, 80, 24)
	dr.mustSee("Dashboard", "Feedback", "Sessions", "Petitions", "Reports", "Settings")
}

// Unikey (Telex, "backspace" mode) composes "nguyễn" from n g u y e e n x
// by sending backspaces and the composed letters. The search must end up
// with the word, show its results, and never leave the search or the list.
func TestSearchTypedWithUnikeyBursts(t *testing.T) {
	dr := newTestRoot(t, newFixtureStore(t), i18n.VI, 80, 24)
	dr.keys("4", "/")
	dr.keys("n", "g", "u", "y", "e")
	dr.keys("backspace", "ê") // e e → ê
	dr.key("n")
	dr.keys("backspace", "backspace", "ễ", "n") // x → ngã on ê
	l := dr.r.top().(*listScreen)
	if got := l.input.Value(); got != "nguyễn" {
		t.Fatalf("search field = %q, want nguyễn", got)
	}
	dr.mustSee("/ nguyễn", "Nguyễn Văn An", "Nguyễn Thị Yến", "2 bản ghi")
	dr.mustNotSee("Lê Thị Bình")

	// Letters and digits are text while the field has focus.
	dr.typ(" v2q")
	if !l.searching || dr.quit || dr.r.active != tabPetitions {
		t.Fatal("letters typed in the search acted as keys")
	}
	// Backspace on an emptied field stays in the search.
	for range 20 {
		dr.key("backspace")
	}
	if !l.searching || len(dr.r.stacks[tabPetitions]) != 1 {
		t.Fatal("backspace left the search")
	}
	dr.mustSee("8 bản ghi")
}

func TestSearchIgnoresDiacriticsAndCase(t *testing.T) {
	dr := newTestRoot(t, newFixtureStore(t), i18n.VI, 80, 24)
	dr.keys("4", "/")
	dr.typ("DAO")
	dr.mustSee("Hoàng Thị Đào", "1 bản ghi")
	dr.key("enter") // keep the search, keys back to the list
	dr.key("enter") // open the result
	dr.mustSee("KN-2026-0005", "Thanh tra tỉnh")
	dr.key("esc")
	dr.mustSee("/ DAO", "Hoàng Thị Đào")
	dr.key("esc") // drops the search
	dr.mustSee("8 bản ghi")
	dr.mustNotSee("/ DAO")
}

// Results of an older query never replace a newer one: only one query runs
// at a time, and what comes back for an older one is dropped.
func TestStaleSearchResultsAreDropped(t *testing.T) {
	dr := newTestRoot(t, newFixtureStore(t), i18n.VI, 80, 24)
	dr.keys("4", "/")
	r := dr.r
	first := r.update(keyMsg("đ")) // starts the query "đ"
	if first == nil {
		t.Fatal("typing did not start a query")
	}
	if cmd := r.update(keyMsg("à")); cmd != nil {
		t.Fatal("a second query started while the first runs")
	}
	r.update(keyMsg("o"))
	// The first query comes back: it is stale, and the latest starts.
	next := r.update(first())
	l := r.top().(*listScreen)
	if next == nil {
		t.Fatal("the waiting query did not start")
	}
	dr.run(next)
	dr.mustSee("/ đào", "Hoàng Thị Đào", "1 bản ghi")

	// A page for an older window is ignored outright.
	before := len(l.rows)
	r.update(pageMsg{screen: l.sid, wgen: l.wgen - 1, dir: pageFirst, rows: make([]store.Entry, 5)})
	if len(l.rows) != before {
		t.Fatal("a stale page replaced the rows")
	}
}

func TestBackspaceNeverNavigates(t *testing.T) {
	dr := newTestRoot(t, newFixtureStore(t), i18n.VI, 80, 24)
	dr.key("enter") // overdue petitions, pushed on the dashboard
	dr.key("enter") // a detail
	depth := len(dr.r.stacks[tabDashboard])
	for range 5 {
		dr.key("backspace")
	}
	if got := len(dr.r.stacks[tabDashboard]); got != depth || depth != 3 {
		t.Fatalf("stack depth %d after backspace, want 3", got)
	}
	dr.key("esc")
	dr.key("esc")
	if got := len(dr.r.stacks[tabDashboard]); got != 1 {
		t.Fatalf("esc esc left depth %d, want 1", got)
	}
}

func TestQuitKeys(t *testing.T) {
	dr := newTestRoot(t, newFixtureStore(t), i18n.VI, 80, 24)
	dr.key("q")
	if !dr.quit {
		t.Fatal("q did not quit")
	}
	dr = newTestRoot(t, newFixtureStore(t), i18n.VI, 80, 24)
	dr.keys("4", "/", "q")
	if dr.quit {
		t.Fatal("q typed in the search quit")
	}
	dr.key("ctrl+c")
	if !dr.quit {
		t.Fatal("ctrl+c did not quit from the search")
	}
}

// A screen with unsaved typing (a form, later) makes quitting ask first.
type dirtyScreen struct{ reportsTab }

func (dirtyScreen) Unsaved() bool { return true }

func TestQuitAsksWhenUnsaved(t *testing.T) {
	dr := newTestRoot(t, newFixtureStore(t), i18n.VI, 80, 24)
	dr.send(pushMsg{&dirtyScreen{reportsTab{c: dr.r.c, sid: dr.r.c.newID()}}})
	dr.key("q")
	if dr.quit {
		t.Fatal("quit without asking")
	}
	dr.mustSee("chưa lưu", "Vẫn thoát?")
	dr.key("n")
	dr.mustNotSee("Vẫn thoát?")
	dr.key("ctrl+c")
	dr.mustSee("Vẫn thoát?")
	dr.key("ctrl+c") // a second ctrl+c always quits
	if !dr.quit {
		t.Fatal("ctrl+c twice did not quit")
	}
}

func TestLinksBetweenSessionAndPetitions(t *testing.T) {
	dr := newTestRoot(t, newFixtureStore(t), i18n.VI, 120, 40)
	dr.keys("3", "G", "enter")
	dr.mustSee("DT-2026-0001", "Kiến nghị phát sinh (2)", "→ KN-2026-0001")
	d := dr.r.top().(*detailScreen)
	for i, ln := range d.doc.lines {
		if ln.link != nil {
			d.doc.cursor = i
			break
		}
	}
	dr.key("enter")
	dr.mustSee("KN-2026-0001", "Nguyễn Văn An", "→ Từ DT-2026-0001", "Giao bộ phận địa chính")
	p := dr.r.top().(*detailScreen)
	for i, ln := range p.doc.lines {
		if ln.link != nil {
			p.doc.cursor = i
		}
	}
	dr.key("enter")
	dr.mustSee("DT-2026-0001", "Đối thoại trực tiếp")
	if got := len(dr.r.stacks[tabSessions]); got != 4 {
		t.Fatalf("stack depth %d, want 4 (list, session, petition, session)", got)
	}
	dr.keys("esc", "esc")
	dr.mustSee("DT-2026-0001", "Kiến nghị phát sinh (2)")
}

func TestFeedbackPointLinkedPetition(t *testing.T) {
	dr := newTestRoot(t, newFixtureStore(t), i18n.EN, 120, 40)
	dr.keys("4", "j", "enter")
	dr.mustSee("KN-2026-0003", "→ From GY-2026-0001, point 2")
}

func TestConfidentialIdentityHidden(t *testing.T) {
	dr := newTestRoot(t, newFixtureStore(t), i18n.VI, 120, 40)
	dr.key("4")
	dr.mustSee("(bảo mật)")
	dr.mustNotSee("Phạm Văn Cường")
	dr.keys("/")
	dr.typ("cuong")
	dr.mustSee("0 bản ghi")
	dr.keys("esc", "j", "j", "j", "j", "enter")
	dr.mustSee("KN-2026-0004", "Tố cáo", "nhấn v để xem danh tính")
	dr.mustNotSee("Phạm Văn Cường", "001203004005")
	dr.key("v")
	dr.mustSee("Phạm Văn Cường", "001203004005")
	dr.key("v")
	dr.mustNotSee("Phạm Văn Cường")
}

func TestDatabaseTextIsInert(t *testing.T) {
	dr := newTestRoot(t, newFixtureStore(t), i18n.VI, 120, 40)
	dr.keys("2", "j", "j", "enter")
	raw := dr.r.View().Content
	if strings.Contains(raw, "\x1b]0;") || strings.Contains(raw, "\x07") || strings.Contains(raw, "\x1b[31m") {
		t.Fatalf("control sequences from the data reached the frame: %q", raw)
	}
	dr.mustSee("Thái độ tiếp dân ␛[31mcủa cán bộ␛]0;pwned␇")
}

func TestDashboardFiguresOpenTheirLists(t *testing.T) {
	dr := newTestRoot(t, newFixtureStore(t), i18n.VI, 120, 40)
	// Overdue petitions 2 (KN-2026-0001, KN-2026-0004); due in 7 days 2
	// (KN-2026-0003's acceptance 17/03, KN-2026-0008's resolution 17/03).
	// Then the overdue commitments and information: none in the fixture.
	want := []string{"2 bản ghi", "1 bản ghi", "Chưa có bản ghi nào.", "Chưa có bản ghi nào.", "2 bản ghi", "1 bản ghi", "3 bản ghi", "3 bản ghi", "1 bản ghi", "1 bản ghi", "1 bản ghi"}
	for i, w := range want {
		dr.key("1")
		dr.key("g")
		for range i {
			dr.key("j")
		}
		dr.key("enter")
		dr.mustSee(w)
		dr.key("esc")
	}
	dr.keys("g", "enter")
	dr.mustSee("KN-2026-0001", "KN-2026-0004", "Chưa thụ lý ")
	dr.mustNotSee("KN-2026-0002", "KN-2026-0005")
}

func TestFilterAndSort(t *testing.T) {
	dr := newTestRoot(t, newFixtureStore(t), i18n.VI, 120, 40)
	dr.keys("4", "f")
	// Letters belong to the dialog: "q" and "2" do nothing here.
	dr.keys("q", "2")
	if dr.quit || dr.r.active != tabPetitions {
		t.Fatal("keys leaked past the filter dialog")
	}
	dr.keys("right", "right", "enter") // status: in progress
	dr.mustSee("2 bản ghi", "Đang giải quyết")
	dr.mustNotSee("Vũ Ngọc Ánh")
	// Overdue only: KN-2026-0001 past its resolution due (23/02), and
	// KN-2026-0004, a denunciation with no decision past its acceptance
	// due (10/02); the transferred complaint has no due of this ward's.
	dr.keys("f", "x", "down", "down", "down", "right", "enter") // clear, overdue only
	dr.mustSee("2 bản ghi", "Quá hạn")
	dr.keys("f", "x", "enter")
	dr.mustSee("8 bản ghi", "mới nhất trước")
	dr.key("s")
	dr.mustSee("cũ nhất trước")
	l := dr.r.top().(*listScreen)
	if l.rows[0].Row.Ref != "KN-2026-0005" {
		t.Fatalf("oldest first starts with %s", l.rows[0].Row.Ref)
	}
	dr.key("s")
	dr.mustSee("hạn gần nhất", "8 bản ghi") // the open ones first, then the rest
	dr.key("s")
	dr.mustSee("tên A→Z", "8 bản ghi")
	var who []string
	for _, e := range l.rows {
		who = append(who, model.GivenNameFirst(e.Row.Who))
	}
	if !slices.IsSortedFunc(who, model.Compare) {
		t.Fatalf("by who: %q", who)
	}
	dr.key("s")
	dr.mustSee("số hiệu tăng dần")
	if l.rows[0].Row.Ref != "KN-2026-0001" || l.rows[7].Row.Ref != "KN-2026-0008" {
		t.Fatalf("by reference: %s … %s", l.rows[0].Row.Ref, l.rows[7].Row.Ref)
	}
	dr.key("s")
	dr.mustSee("mới nhất trước", "8 bản ghi")
	// Overdue: by deadline, by who, by reference.
	dr.keys("f", "down", "down", "down", "right", "enter")
	dr.mustSee("2 bản ghi", "hạn gần nhất")
	dr.key("s")
	dr.mustSee("2 bản ghi", "tên A→Z")
	dr.key("s")
	dr.mustSee("2 bản ghi", "số hiệu tăng dần")
	dr.key("s")
	dr.mustSee("2 bản ghi", "hạn gần nhất")
}

func TestFirstRunSetup(t *testing.T) {
	s := openFixtureStore(t, false)
	dr := newTestRoot(t, s, i18n.VI, 80, 24)
	dr.mustSee("Thiết lập lần đầu")
	dr.typ("Phường Hòa Bình")
	dr.key("enter")
	dr.typ("H B")
	dr.key("enter")
	dr.mustSee("Mã phường chỉ gồm chữ")
	dr.keys("q", "1") // letters are typed: the setup holds the keys
	if dr.quit {
		t.Fatal("q quit during setup")
	}
	dr.keys("backspace", "backspace", "shift+tab")
	for range 5 {
		dr.key("backspace")
	}
	dr.typ("HB")
	dr.keys("enter")
	dr.typ("Trần Thị Thu Hà")
	dr.key("enter")
	st, err := s.Settings()
	if err != nil {
		t.Fatal(err)
	}
	if st.WardName != "Phường Hòa Bình" || st.WardCode != "HB" || st.Officer != "Trần Thị Thu Hà" {
		t.Fatalf("settings saved: %+v", st)
	}
	dr.mustSee("[1 Tổng quan]", "Phường Hòa Bình (HB)", "Cán bộ: Trần Thị Thu Hà", "Kiến nghị quá hạn")
}

func TestFirstFrameBeforeAnyCount(t *testing.T) {
	r, err := NewRoot(newFixtureStore(t), i18n.VI, Options{Today: fixtureToday})
	if err != nil {
		t.Fatal(err)
	}
	r.Init() // commands not run: no figure is known yet
	got := plain(r.View().Content)
	for _, w := range []string{"Phường Hòa Bình", "[1 Tổng quan]", "Kiến nghị quá hạn", "…"} {
		if !strings.Contains(got, w) {
			t.Fatalf("first frame lacks %q:\n%s", w, got)
		}
	}
}

func TestResizeReflows(t *testing.T) {
	dr := newTestRoot(t, newFixtureStore(t), i18n.VI, 80, 24)
	dr.keys("4", "j", "enter")
	for _, sz := range [][2]int{{120, 40}, {80, 24}, {60, 15}, {200, 60}, {80, 24}} {
		dr.send(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		checkFrame(t, dr.r.View().Content, sz[0], sz[1])
		dr.key("esc")
		checkFrame(t, dr.r.View().Content, sz[0], sz[1])
		dr.key("enter")
	}
}

func TestLightBackgroundRestyles(t *testing.T) {
	dr := newTestRoot(t, newFixtureStore(t), i18n.VI, 80, 24)
	dark := dr.screen()
	dr.send(tea.BackgroundColorMsg{Color: lightColor{}})
	if dr.r.c.st.Dark {
		t.Fatal("styles still dark")
	}
	if got := dr.screen(); got != dark {
		t.Fatalf("the text changed with the background:\n%s", got)
	}
}

type lightColor struct{}

func (lightColor) RGBA() (r, g, b, a uint32) { return 0xffff, 0xffff, 0xffff, 0xffff }

// Paging through thousands of rows: the window stays bounded, every row
// comes once and in order, G and g jump to the ends.
func TestPagingThroughALargeList(t *testing.T) {
	s := openFixtureStore(t, false)
	if err := demo.Generate(s, demo.Options{Records: 3000, Seed: 7, Today: fixtureToday()}); err != nil {
		t.Fatal(err)
	}
	total, err := s.Count(store.Query{Kind: model.KindPetition})
	if err != nil {
		t.Fatal(err)
	}
	dr := newTestRoot(t, s, i18n.VI, 80, 24)
	dr.key("4")
	l := dr.r.top().(*listScreen)
	seen := map[string]bool{}
	prev := model.Date(99999999)
	for i := 0; i < total; i++ {
		r := l.rows[l.cursor].Row
		if seen[r.ID] {
			t.Fatalf("row %d: %s seen twice", i, r.Ref)
		}
		if r.Date > prev {
			t.Fatalf("row %d: %s out of order", i, r.Ref)
		}
		seen[r.ID], prev = true, r.Date
		if len(l.rows) > maxWindow {
			t.Fatalf("window holds %d rows", len(l.rows))
		}
		if pos := l.first + l.cursor + 1; pos != i+1 {
			t.Fatalf("position %d, want %d", pos, i+1)
		}
		dr.key("j")
	}
	dr.mustSee(fmt.Sprintf("%s/%s", num(i18n.VI, total), num(i18n.VI, total)))

	dr.key("g")
	if l.first+l.cursor != 0 {
		t.Fatal("g did not go to the top")
	}
	dr.key("G")
	dr.mustSee(fmt.Sprintf("%s/%s", num(i18n.VI, total), num(i18n.VI, total)))
	for range 30 {
		dr.key("pgup")
	}
	if want := total - 30*l.visible(); l.first+l.cursor+1 != want {
		t.Fatalf("after 30 pgup from the end: position %d, want %d", l.first+l.cursor+1, want)
	}
}

// Counting a search walks the index: one count at a time, and a count that
// comes back for an older search starts the count of the current one.
func TestOneCountAtATime(t *testing.T) {
	dr := newTestRoot(t, newFixtureStore(t), i18n.VI, 80, 24)
	dr.key("4")
	l := dr.r.top().(*listScreen)
	l.counting = true
	if l.wantCount() != nil {
		t.Fatal("a second count started")
	}
	l.qgen++
	l.total = -1
	cmd := l.Update(countMsg{screen: l.sid, qgen: l.qgen - 1, n: 99})
	if cmd == nil || l.total != -1 {
		t.Fatalf("stale count: cmd %v, total %d", cmd != nil, l.total)
	}
	dr.run(cmd)
	if l.total != 8 || l.counting {
		t.Fatalf("total %d, counting %v", l.total, l.counting)
	}
}

func TestPastedSearchIsInertAndSearched(t *testing.T) {
	dr := newTestRoot(t, newFixtureStore(t), i18n.VI, 80, 24)
	dr.keys("4", "/")
	dr.send(tea.PasteMsg{Content: "Đ\u202eào\x07"})
	l := dr.r.top().(*listScreen)
	if v := l.input.Value(); strings.ContainsAny(v, "\u202e\x07") {
		t.Fatalf("search field holds %q", v)
	}
	dr.mustSee("Hoàng Thị Đào", "1 bản ghi")
}

// The petitions' filter offers "not yet accepted": the three received
// with no decision taken (KN-2026-0003, -0004, -0007).
func TestFilterUnaccepted(t *testing.T) {
	dr := newTestRoot(t, newFixtureStore(t), i18n.VI, 120, 40)
	dr.keys("4", "f", "left", "enter")
	dr.mustSee("3 bản ghi", "KN-2026-0003", "KN-2026-0004", "KN-2026-0007")
	dr.mustNotSee("KN-2026-0001")
}
