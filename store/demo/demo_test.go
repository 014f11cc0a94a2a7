package demo_test

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/oklog/ulid/v2"

	"gopy/model"
	"gopy/store"
	"gopy/store/demo"
)

var today = model.NewDate(2026, 6, 15)

func generate(t *testing.T, opt demo.Options) *store.Store {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	now := time.Date(2026, 6, 15, 9, 0, 0, 0, model.VNZone)
	s, err := store.Open(path, store.Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := demo.Generate(s, opt); err != nil {
		t.Fatal(err)
	}
	return s
}

func records(t *testing.T, s *store.Store) map[model.Kind][]string {
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

func clean(t *testing.T, s *store.Store) {
	t.Helper()
	problems, err := s.Check()
	if err != nil || len(problems) > 0 {
		t.Fatalf("check: %v %v", problems, err)
	}
}

func TestSameSeedSameRecords(t *testing.T) {
	opt := demo.Options{Records: 1500, Seed: 42, Today: today, Wards: 2}
	a, b := generate(t, opt), generate(t, opt)
	ra, rb := records(t, a), records(t, b)
	n := 0
	for _, k := range model.Kinds {
		n += len(ra[k])
	}
	if n < opt.Records {
		t.Fatalf("%d records generated, want %d", n, opt.Records)
	}
	if !reflect.DeepEqual(ra, rb) {
		for _, k := range model.Kinds {
			for i := range min(len(ra[k]), len(rb[k])) {
				if ra[k][i] != rb[k][i] {
					t.Fatalf("first difference, %s %d:\n%s\n%s", k, i, ra[k][i], rb[k][i])
				}
			}
		}
		t.Fatal("same seed, different records")
	}
	opt.Seed = 43
	if rc := records(t, generate(t, opt)); reflect.DeepEqual(ra[model.KindPetition][:10], rc[model.KindPetition][:10]) {
		t.Error("another seed gave the same records")
	}
	clean(t, a)
}

func TestDemoData(t *testing.T) {
	s := generate(t, demo.Options{Records: 3000, Seed: 1, Today: today, Ward: "HB", Wards: 3})
	clean(t, s)
	st, _ := s.Settings()
	if st.WardCode != "HB" || st.WardName == "" || st.Officer == "" {
		t.Errorf("settings %+v", st)
	}
	sum := 0
	for _, k := range model.Kinds {
		n, _ := s.Total(k)
		if n == 0 {
			t.Errorf("no %s records", k)
		}
		sum += n
	}
	if sum != 3000 {
		t.Errorf("%d records, want 3000", sum)
	}

	statuses := map[string]int{}
	classes := map[string]int{}
	wards := map[string]bool{}
	years := map[int]int{}
	diacritics := 0
	linked := 0
	first, last := today.AddDays(1), model.Date(0)
	var rows int
	for _, k := range model.Kinds {
		err := s.Each(store.Query{Kind: k, Order: store.OldestFirst}, func(r *model.Row) error {
			rows++
			wards[r.Ward] = true
			years[r.Date.Year()]++
			first, last = min(first, r.Date), max(last, r.Date)
			if k == model.KindPetition {
				statuses[r.Status]++
				classes[r.Sub]++
				if r.ParentID != "" {
					linked++
				}
				if r.Who != "" && r.Who != model.Fold(r.Who) && !isASCII(r.Who) {
					diacritics++
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, st := range model.PetitionStatuses {
		if statuses[string(st)] == 0 {
			t.Errorf("no petition is %s (%v)", st, statuses)
		}
	}
	for _, c := range model.Classifications {
		if classes[string(c)] == 0 {
			t.Errorf("no petition is a %s", c)
		}
	}
	if len(wards) != 3 {
		t.Errorf("wards %v, want 3", wards)
	}
	if first < today.AddDays(-3*366) || last > today {
		t.Errorf("dates from %v to %v, want within the three years before %v", first, last, today)
	}
	if first > today.AddDays(-3*365+30) || last < today.AddDays(-30) {
		t.Errorf("dates from %v to %v do not span the last three years", first, last)
	}
	if len(years) < 3 {
		t.Errorf("years %v", years)
	}
	if diacritics == 0 {
		t.Error("no petitioner name with diacritics")
	}
	if linked == 0 {
		t.Error("no petition raised at a session")
	}
	for _, k := range []model.Kind{model.KindPetition, model.KindFeedback} {
		n, err := s.Count(store.Query{Kind: k, Overdue: true, Today: today})
		if err != nil || n == 0 {
			t.Errorf("%s overdue: %d, %v", k, n, err)
		}
		all, _ := s.Total(k)
		if n*2 > all {
			t.Errorf("%s: %d of %d overdue: more than 'some'", k, n, all)
		}
	}
	// Follow-through: commitments in every state, some overdue but not
	// most; the drain-clearing one the issue names; information items,
	// some overdue; repeated petitions, some matters raised three times.
	for _, k := range []model.Kind{model.KindCommitment, model.KindInformation} {
		n, err := s.Count(store.Query{Kind: k, Overdue: true, Today: today})
		all, _ := s.Total(k)
		if err != nil || n == 0 || n*3 > all {
			t.Errorf("%s: %d of %d overdue (%v)", k, n, all, err)
		}
	}
	for _, st := range model.CommitmentStates {
		if n, _ := s.Count(store.Query{Kind: model.KindCommitment, Status: string(st)}); n == 0 {
			t.Errorf("no commitment is %s", st)
		}
	}
	if n, _ := s.Count(store.Query{Kind: model.KindCommitment, Search: "nao vet cong thoat nuoc to dan pho 5"}); n == 0 {
		t.Error("no commitment to clear the drains of group 5")
	}
	rep := model.NewAggregator(model.Period{From: today.AddDays(-3 * 366), To: today}, today, &st)
	for _, k := range model.Kinds {
		s.Each(store.Query{Kind: k}, func(r *model.Row) error { rep.Add(r); return nil })
	}
	figs := rep.Result()
	if figs.Petitions.Repeated == 0 || figs.Petitions.MattersRaised3 == 0 || figs.Sessions.VoterRequested == 0 {
		t.Errorf("repeated %d, raised 3 times %d, voter-requested %d", figs.Petitions.Repeated, figs.Petitions.MattersRaised3, figs.Sessions.VoterRequested)
	}
	for _, a := range append(model.Strings(model.Assessments), model.AssessNone) {
		if figs.Feedback.Assessment.Get(a) == 0 {
			t.Errorf("no point assessed %s", a)
		}
	}
	if len(figs.Feedback.ShortWindowBySender) < 2 {
		t.Errorf("short drafts by sender: %v", figs.Feedback.ShortWindowBySender)
	}

	if n, _ := s.Count(store.Query{Kind: model.KindPetition, Search: "nguyen van"}); n == 0 {
		t.Error(`no petition found by "nguyen van"`)
	}
	if n, _ := s.Count(store.Query{Kind: model.KindFeedback, Search: "dat dai"}); n == 0 {
		t.Error(`no feedback found by "dat dai"`)
	}

	// Adding more to an existing database keeps it sound and keeps the
	// references running on.
	if err := demo.Generate(s, demo.Options{Records: 200, Seed: 2, Today: today}); err != nil {
		t.Fatal(err)
	}
	clean(t, s)
}

func isASCII(s string) bool {
	return utf8.RuneCountInString(s) == len(s) && !strings.ContainsAny(s, "đĐ")
}

// The demo writes records in the order they were made: a record's ID is
// its creation time (ULID), and in each ward, kind and year the references
// follow the days — a commitment made weeks after its feedback comes after
// the records of the weeks between. So keys append to their buckets
// instead of splitting pages written earlier.
func TestDemoWritesInCreationOrder(t *testing.T) {
	s := generate(t, demo.Options{Records: 12000, Seed: 5, Today: today, Wards: 2})
	clean(t, s)
	for _, k := range model.Kinds {
		type made struct {
			ref, series string
			day         model.Date
		}
		var all []made
		err := s.EachJSON(store.Query{Kind: k, Order: store.OldestFirst}, func(r *model.Row, raw []byte) error {
			var m model.Meta
			if err := json.Unmarshal(raw, &m); err != nil {
				return err
			}
			id, err := ulid.ParseStrict(m.ID)
			if err != nil {
				return err
			}
			if !ulid.Time(id.Time()).Equal(m.CreatedAt) {
				t.Fatalf("%s %s: id made at %v, created_at %v", k, m.Ref, ulid.Time(id.Time()), m.CreatedAt)
			}
			all = append(all, made{m.Ref, m.Ward + " " + m.Ref[:len(m.Ref)-4], r.Date})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		slices.SortFunc(all, func(a, b made) int { return strings.Compare(a.series+a.ref, b.series+b.ref) })
		for i := 1; i < len(all); i++ {
			if a, b := all[i-1], all[i]; a.series == b.series && b.day < a.day {
				t.Fatalf("%s: %s (%v) made after %s (%v)", k, b.ref, b.day, a.ref, a.day)
			}
		}
	}
}
