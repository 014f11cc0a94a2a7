package store_test

import (
	"testing"

	"gopy/model"
)

// gopy stats accounts for every record and every byte of its buckets: the
// parts of a bucket (records and history, the index kinds) add up to it.
func TestStatsAddsUp(t *testing.T) {
	s, _, _ := openTest(t)
	for i := range 30 {
		if err := s.Create(petition(day(2026, 3, 1+i%28), model.ClassProposal), officer); err != nil {
			t.Fatal(err)
		}
	}
	for range 5 {
		if err := s.Create(feedback(day(2026, 4, 2), "Ý kiến thử"), officer); err != nil {
			t.Fatal(err)
		}
	}
	st, err := s.Stats()
	if err != nil {
		t.Fatal(err)
	}
	if st.Records != 35 {
		t.Errorf("records = %d, want 35", st.Records)
	}
	if st.FileBytes == 0 || st.PageSize == 0 || st.Unused < 2 {
		t.Errorf("file %d bytes, page %d, %d pages in no bucket (meta at least)", st.FileBytes, st.PageSize, st.Unused)
	}
	whole := map[string][3]int64{}
	parts := map[string][3]int64{}
	for _, b := range st.Buckets {
		v := [3]int64{int64(b.Keys), b.KeyBytes, b.ValueBytes}
		if b.Part == "" {
			whole[b.Name] = v
			// Small buckets live inline in their parent's page: no pages.
			if b.Pages > 0 && (b.Fill() <= 0 || b.Fill() > 1) {
				t.Errorf("%s: fill %.2f", b.Name, b.Fill())
			}
			continue
		}
		p := parts[b.Name]
		for i := range p {
			p[i] += v[i]
		}
		parts[b.Name] = p
	}
	for _, name := range []string{"rec/petition", "ix/petition", "rec/feedback"} {
		if parts[name] != whole[name] || whole[name][0] == 0 {
			t.Errorf("%s: parts %v, whole %v", name, parts[name], whole[name])
		}
	}
	if got := whole["list/petition"][0]; got != 30 {
		t.Errorf("list/petition keys = %d, want 30", got)
	}
}
