package ui

import (
	"os"
	"path/filepath"
	"testing"

	tea "charm.land/bubbletea/v2"

	"gopy/model"
	"gopy/store"
	"gopy/ui/i18n"
)

// On a database with accounts, v asks the reason before showing a sealed
// identity to a user with the grant, and logs the reveal; without the
// grant it only says why not.
func TestRevealAsksAReasonAndIsAudited(t *testing.T) {
	s := newFixtureStore(t)
	if _, sealed, err := s.Setup("demo", "demo", true); err != nil || sealed == 0 {
		t.Fatalf("setup sealed %d: %v", sealed, err)
	}
	dr := newTestRoot(t, s, i18n.VI, 120, 40)
	dr.keys("4", "j", "j", "j", "j", "enter")
	dr.mustSee("KN-2026-0004", "(bảo mật)")
	dr.key("v")
	dr.mustBeForm()
	dr.mustSee("Lý do xem danh tính")
	dr.mustNotSee("Phạm Văn Cường")
	dr.key("ctrl+s")
	dr.mustBeForm()                                                   // no reason, no reveal
	dr.send(tea.PasteMsg{Content: "Xác minh theo yêu cầu thanh tra"}) // one draft tick, not one per letter
	dr.key("ctrl+s")
	dr.mustSee("KN-2026-0004", "Phạm Văn Cường", "001203004005")
	log, err := s.AuditLog(store.AuditFilter{User: "demo"})
	if err != nil {
		t.Fatal(err)
	}
	last := log[len(log)-1]
	if last.Action != store.AuditReveal || last.Record != "KN-2026-0004" || last.Reason != "Xác minh theo yêu cầu thanh tra" {
		t.Errorf("last audit entry %+v, want the reveal with its reason", last)
	}
	dr.key("v")
	dr.mustNotSee("Phạm Văn Cường")

	if err := s.AddUser(model.User{Name: "Cán bộ", Role: model.RoleOfficer}, "officer passphrase"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SignIn("Cán bộ", "officer passphrase"); err != nil {
		t.Fatal(err)
	}
	dr.key("v")
	dr.mustSee("không có quyền xem thông tin bảo mật")
	dr.mustNotSee("Phạm Văn Cường", "Lý do xem danh tính")
}

// An admin answers a personal-data request from Settings: p, the person,
// find; then erase: the sealed petitioner is gone and the backups holding
// the old data are named.
func TestPersonRequestInSettings(t *testing.T) {
	s := newFixtureStore(t)
	if _, _, err := s.Setup("demo", "demo", true); err != nil {
		t.Fatal(err)
	}
	dr := newTestRoot(t, s, i18n.VI, 120, 60)
	dr.keys("6", "p")
	dr.mustBeForm()
	dr.mustSee("Yêu cầu về dữ liệu cá nhân")
	dr.send(tea.PasteMsg{Content: "pham van cuong"})
	dr.key("ctrl+s")
	dr.mustSee("Dữ liệu cá nhân: Tìm thấy", "KN-2026-0004", "Phạm Văn Cường", "1 bản ghi")
	dr.key("esc")
	backup := filepath.Join(store.BackupDir(s.Path()), "gopy-20260316-093000.db")
	if err := s.BackupFile(backup); err != nil {
		t.Fatal(err)
	}
	dr.keys("p")
	dr.send(tea.PasteMsg{Content: "pham van cuong"})
	dr.keys("tab", "right", "right")
	dr.mustSee("Xóa danh tính")
	dr.key("ctrl+s")
	dr.mustSee("Dữ liệu cá nhân: Đã xóa danh tính", "KN-2026-0004", "gopy compact", "gopy-20260316-093000.db", "d: xóa các bản sao lưu này")
	dr.key("d")
	dr.mustSee("Bấm d lần nữa để xóa 1 bản sao lưu")
	if _, err := os.Stat(backup); err != nil {
		t.Fatal("deleted on the first d")
	}
	dr.key("d")
	dr.mustSee("Đã xóa 1 bản sao lưu")
	if _, err := os.Stat(backup); err == nil {
		t.Error("the backup holding the erased person is still there")
	}
	res, err := s.FindPerson("pham van cuong")
	if err != nil || len(res.Hits) != 0 {
		t.Errorf("after erasure: %+v %v", res, err)
	}
	log, _ := s.AuditLog(store.AuditFilter{})
	erased := false
	for _, e := range log {
		if e.Action == store.AuditErase && e.User == "demo" && e.Record == "KN-2026-0004" {
			erased = true
		}
	}
	if !erased {
		t.Errorf("no erasure in the audit log: %+v", log)
	}
}

// A viewer's save is refused with a translated line; the form keeps what
// was typed.
func TestViewerCannotSave(t *testing.T) {
	s := newFixtureStore(t)
	if _, _, err := s.Setup("demo", "demo", true); err != nil {
		t.Fatal(err)
	}
	if err := s.AddUser(model.User{Name: "Người Xem", Role: model.RoleViewer}, "viewer passphrase"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SignIn("Người Xem", "viewer passphrase"); err != nil {
		t.Fatal(err)
	}
	n, _ := s.Total(model.KindPetition)
	dr := newTestRoot(t, s, i18n.VI, 120, 40)
	dr.keys("4", "j", "enter", "a") // a note on a petition
	dr.mustBeForm()
	dr.key("tab")
	dr.send(tea.PasteMsg{Content: "Ghi chú thử"})
	dr.key("ctrl+s")
	dr.mustBeForm()
	dr.mustSee("tài khoản này không được làm việc đó", "Ghi chú thử")
	if m, _ := s.Total(model.KindPetition); m != n {
		t.Errorf("petitions %d → %d", n, m)
	}
	logged := false
	_ = s.Each(store.Query{Kind: model.KindPetition}, func(r *model.Row) error {
		rec, _ := s.Get(model.KindPetition, r.ID)
		for _, e := range rec.(*model.Petition).Log {
			logged = logged || e.Text == "Ghi chú thử"
		}
		return nil
	})
	if logged {
		t.Error("the viewer's note was saved")
	}
}

// An admin adds a user and gives, then removes, the grant in Settings.
func TestUsersManagedInSettings(t *testing.T) {
	s := newFixtureStore(t)
	if _, _, err := s.Setup("demo", "demo", true); err != nil {
		t.Fatal(err)
	}
	dr := newTestRoot(t, s, i18n.VI, 120, 60)
	dr.keys("6", "u")
	dr.mustBeForm()
	dr.mustSee("Người dùng mới")
	dr.send(tea.PasteMsg{Content: "Cán bộ Mới"})
	dr.keys("tab", "tab", "tab")
	dr.send(tea.PasteMsg{Content: "mật khẩu mới dài"})
	dr.key("tab")
	dr.send(tea.PasteMsg{Content: "mật khẩu mới dài"})
	dr.mustNotSee("mật khẩu mới dài") // echoed as dots
	dr.key("ctrl+s")
	dr.mustSee("Đã lưu người dùng Cán bộ Mới")
	users, _ := s.Users()
	if len(users) != 2 || users[0].Name != "Cán bộ Mới" || users[0].Role != model.RoleOfficer || users[0].Confidential {
		t.Fatalf("users %+v", users)
	}
	if d, _ := s.Drafts(); len(d) != 0 {
		t.Errorf("a draft of the user form was kept: %v", d)
	}
	dr.key("U")
	dr.mustBeForm()
	dr.mustSee("Đổi quyền người dùng", "Cán bộ Mới")
	dr.keys("tab", "tab", "space")
	dr.key("ctrl+s")
	users, _ = s.Users()
	if !users[0].Confidential {
		t.Fatalf("grant not given: %+v", users[0])
	}
	if _, err := s.SignIn("Cán bộ Mới", "mật khẩu mới dài"); err != nil || !s.CanReveal() {
		t.Errorf("the new user with the grant cannot reveal: %v", err)
	}
}

// Anyone signed in changes their own passphrase in Settings (P); the grant
// stays.
func TestOwnPassphraseInSettings(t *testing.T) {
	s := newFixtureStore(t)
	if _, _, err := s.Setup("demo", "demo", true); err != nil {
		t.Fatal(err)
	}
	dr := newTestRoot(t, s, i18n.VI, 120, 60)
	dr.keys("6", "P")
	dr.mustBeForm()
	dr.mustSee("Đổi mật khẩu", "Mật khẩu hiện tại")
	dr.send(tea.PasteMsg{Content: "demo"})
	dr.key("tab")
	dr.send(tea.PasteMsg{Content: "mật khẩu mới dài"})
	dr.key("tab")
	dr.send(tea.PasteMsg{Content: "mật khẩu mới dài"})
	dr.key("ctrl+s")
	dr.mustSee("Đã lưu người dùng demo")
	if _, err := s.SignIn("demo", "demo"); err == nil {
		t.Error("the old passphrase still signs in")
	}
	if _, err := s.SignIn("demo", "mật khẩu mới dài"); err != nil || !s.CanReveal() {
		t.Errorf("new passphrase: %v, grant %v", err, s.CanReveal())
	}
}
