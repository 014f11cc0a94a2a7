package ui

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"gopy/model"
	"gopy/ui/i18n"
)

func signInRoot(t *testing.T) *driver {
	t.Helper()
	s := newFixtureStore(t)
	if _, _, err := s.Setup("demo", "demo", true); err != nil {
		t.Fatal(err)
	}
	if err := s.AddUser(model.User{Name: "Cán bộ Thử", Role: model.RoleOfficer}, "officer passphrase"); err != nil {
		t.Fatal(err)
	}
	s.Lock()
	r, err := NewRoot(s, i18n.VI, Options{Today: fixtureToday, Width: 100, Height: 30, SignIn: true})
	if err != nil {
		t.Fatal(err)
	}
	dr := &driver{t: t, r: r}
	dr.run(r.Init())
	dr.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	return dr
}

// The interface starts on the sign-in: a user is chosen from the list, a
// wrong passphrase is refused, the right one opens the dashboard signed
// by that user; ctrl+l and the idle time lock it, and signing in again
// returns to the form being typed, with what was typed.
func TestSignInLockAndReturn(t *testing.T) {
	dr := signInRoot(t)
	dr.mustSee("Đăng nhập", "› Cán bộ Thử", "demo")
	dr.mustNotSee("Tổng quan ·", "KN-2026")
	dr.key("down")
	dr.mustSee("› demo")
	dr.key("up")
	dr.send(tea.PasteMsg{Content: "wrong passphrase"})
	dr.key("enter")
	dr.mustSee("sai tên người dùng hoặc mật khẩu")
	dr.send(tea.PasteMsg{Content: "officer passphrase"})
	dr.key("enter")
	dr.mustSee("[1 Tổng quan]", "Cán bộ: Cán bộ Thử")

	dr.keys("4", "n")
	dr.mustBeForm()
	dr.keys("tab", "tab", "tab")
	dr.send(tea.PasteMsg{Content: "Người Gõ Dở"})
	dr.mustSee("Người Gõ Dở")
	dr.key("ctrl+l")
	dr.mustSee("Đã khóa màn hình · Cán bộ Thử")
	dr.mustNotSee("Người Gõ Dở")
	if _, ok := dr.r.c.store.CurrentUser(); ok {
		t.Fatal("locked, still signed in")
	}
	dr.send(tea.PasteMsg{Content: "officer passphrase"})
	dr.key("enter")
	dr.mustBeForm()
	dr.mustSee("Người Gõ Dở")

	// Idle for the idle time: locked.
	dr.r.idleLock = 10 * time.Minute
	dr.r.idle(idleMsg{now: time.Now().Add(9 * time.Minute)})
	dr.mustSee("Người Gõ Dở")
	dr.r.idle(idleMsg{now: time.Now().Add(11 * time.Minute)})
	dr.mustSee("Đã khóa màn hình")
}

func TestSignInWaitsAfterFiveFailures(t *testing.T) {
	dr := signInRoot(t)
	dr.key("down") // demo
	for range 5 {
		dr.send(tea.PasteMsg{Content: "wrong"})
		dr.key("enter")
		dr.mustSee("sai tên người dùng hoặc mật khẩu")
	}
	dr.send(tea.PasteMsg{Content: "demo"})
	dr.key("enter")
	dr.mustSee("thử lại sau")
	dr.mustNotSee("[1 Tổng quan]")
}

// A database without accounts starts by making the first admin, shows
// the recovery key once, then goes on to the first-run setup.
func TestFirstAdminThenRecoveryKey(t *testing.T) {
	s := openFixtureStore(t, false)
	r, err := NewRoot(s, i18n.VI, Options{Today: fixtureToday, Width: 100, Height: 30, SignIn: true})
	if err != nil {
		t.Fatal(err)
	}
	dr := &driver{t: t, r: r}
	dr.run(r.Init())
	dr.mustSee("Tạo quản trị viên đầu tiên")
	dr.send(tea.PasteMsg{Content: "Quản Trị Thử"})
	dr.key("enter")
	dr.send(tea.PasteMsg{Content: "một mật khẩu dài"})
	dr.key("enter")
	dr.send(tea.PasteMsg{Content: "mật khẩu khác"})
	dr.key("enter")
	dr.mustSee("hai lần nhập mật khẩu không khớp")
	dr.send(tea.PasteMsg{Content: "một mật khẩu dài"})
	dr.key("enter")
	dr.send(tea.PasteMsg{Content: "một mật khẩu dài"})
	dr.key("enter")
	dr.mustSee("Mã khôi phục", "-")
	dr.key("enter")
	dr.mustSee("Thiết lập lần đầu")
	if u, ok := s.CurrentUser(); !ok || u.Name != "Quản Trị Thử" || u.Role != model.RoleAdmin || !u.Confidential {
		t.Errorf("signed in as %+v", u)
	}
}

// An admin sees the accounts and the audit log in Settings; an officer
// does not.
func TestSettingsShowAdminsUsersAndAudit(t *testing.T) {
	dr := signInRoot(t)
	s := dr.r.c.store
	s.SignIn("demo", "wrong") // audited
	if _, err := s.SignIn("demo", "demo"); err != nil {
		t.Fatal(err)
	}
	dr = newTestRoot(t, s, i18n.VI, 120, 300)
	dr.key("6")
	dr.mustSee("Người dùng (2)", "Cán bộ Thử · Cán bộ", "Nhật ký kiểm tra", "đăng nhập sai", "nhật ký kiểm tra nguyên vẹn")
	if _, err := s.SignIn("Cán bộ Thử", "officer passphrase"); err != nil {
		t.Fatal(err)
	}
	dr = newTestRoot(t, s, i18n.VI, 120, 300)
	dr.key("6")
	dr.mustSee("Tự khóa sau 10 phút")
	dr.mustNotSee("Người dùng (2)", "Nhật ký kiểm tra")
}
