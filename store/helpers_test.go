package store_test

import (
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"gopy/model"
	"gopy/store"
)

// clock is the store's fixed, hand-advanced clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock(t time.Time) *clock { return &clock{t: t} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

func (c *clock) Set(t time.Time) {
	c.mu.Lock()
	c.t = t
	c.mu.Unlock()
}

// vn is a wall-clock time in Vietnam.
func vn(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, model.VNZone)
}

func day(y int, m time.Month, d int) model.Date { return model.NewDate(y, m, d) }

const officer = "Trần Thị Thu Hà"

// openTest opens a new database in a temp dir with ward HB set and the
// clock at 15/06/2026 09:00 (Vietnam).
func openTest(t testing.TB) (*store.Store, string, *clock) {
	t.Helper()
	path := checkedPath(t)
	c := newClock(vn(2026, time.June, 15, 9, 0))
	s, err := store.Open(path, store.Options{Now: c.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	st, err := s.Settings()
	if err != nil {
		t.Fatal(err)
	}
	st.WardName, st.WardCode, st.Officer = "Phường Hòa Bình", "HB", officer
	if err := s.SaveSettings(st, officer); err != nil {
		t.Fatal(err)
	}
	return s, path, c
}

func reopen(t testing.TB, s *store.Store, path string, c *clock) *store.Store {
	t.Helper()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2, err := store.Open(path, store.Options{Now: c.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s2.Close() })
	return s2
}

func feedback(given model.Date, points ...string) *model.Feedback {
	f := &model.Feedback{
		GivenOn:    given,
		SourceKind: model.SourceFront,
		SourceName: "Ủy ban MTTQ Việt Nam phường Hòa Bình",
		Form:       model.FormConference,
		TargetKind: model.TargetGovernment,
		TargetName: "UBND phường",
		Subject:    "Dự thảo Kế hoạch phát triển kinh tế - xã hội năm 2026",
		Topics:     []string{"Đất đai"},
	}
	if len(points) == 0 {
		points = []string{"Đề nghị công khai quy hoạch sử dụng đất của phường."}
	}
	for _, p := range points {
		f.Points = append(f.Points, model.Point{Content: p})
	}
	return f
}

func session(held model.Date) *model.Session {
	return &model.Session{
		Type:         model.SessionReception,
		HeldOn:       held,
		Location:     "Trụ sở tiếp công dân phường",
		HostRole:     model.HostPartySecretary,
		HostName:     "Bí thư Nguyễn Văn Thành",
		Participants: 12,
		Topics:       []string{"An sinh xã hội"},
	}
}

func petition(received model.Date, c model.Classification) *model.Petition {
	return &model.Petition{
		ReceivedOn:     received,
		Channel:        model.ChannelWalkIn,
		Classification: c,
		Name:           "Lê Thị Hồng",
		Group:          "Tổ dân phố 3",
		Address:        "Số 12 ngõ 4 phố Lê Lợi",
		Summary:        "Phản ánh tình trạng đổ trộm rác thải xây dựng ra bờ sông.",
	}
}

func mustCreate(t testing.TB, s *store.Store, rec model.Record) {
	t.Helper()
	if err := s.Create(rec, officer); err != nil {
		t.Fatalf("create %s: %v", rec.Kind(), err)
	}
}

func mustGet(t testing.TB, s *store.Store, k model.Kind, id string) model.Record {
	t.Helper()
	rec, err := s.Get(k, id)
	if err != nil {
		t.Fatalf("get %s %s: %v", k, id, err)
	}
	return rec
}

// checkedPath is a database path in a temp dir whose file, if a test made
// it, must pass Check when the test ends — after every store the test
// opened is closed (cleanups run last-registered first), as bbolt's
// btesting.MustCreateDB does. No test can forget it.
func checkedPath(t testing.TB) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "gopy.db")
	t.Cleanup(func() {
		if _, err := os.Stat(path); err != nil {
			return
		}
		s, err := store.Open(path, store.Options{ReadOnly: true})
		if err != nil {
			t.Errorf("check at the end: %v", err)
			return
		}
		defer s.Close()
		problems, err := s.Check()
		if err != nil {
			t.Errorf("check at the end: %v", err)
		}
		for _, p := range problems {
			t.Errorf("check at the end: %s", p)
		}
	})
	return path
}

func mustClean(t testing.TB, s *store.Store) {
	t.Helper()
	problems, err := s.Check()
	if err != nil {
		t.Fatalf("check: %v", err)
	}
	for _, p := range problems {
		t.Errorf("check: %s", p)
	}
	if len(problems) > 0 {
		t.FailNow()
	}
}

func total(t testing.TB, s *store.Store, k model.Kind) int {
	t.Helper()
	n, err := s.Total(k)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func asInvalid(t testing.TB, err error) *store.Invalid {
	t.Helper()
	var inv *store.Invalid
	if !errors.As(err, &inv) {
		t.Fatalf("want *store.Invalid, got %v", err)
	}
	return inv
}

// allJSON is every record of every kind as stored, oldest first.
func allJSON(t testing.TB, s *store.Store) map[model.Kind][]string {
	t.Helper()
	out := map[model.Kind][]string{}
	for _, k := range model.Kinds {
		err := s.EachJSON(store.Query{Kind: k, Order: store.OldestFirst}, func(_ *model.Row, raw []byte) error {
			out[k] = append(out[k], string(raw))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}
