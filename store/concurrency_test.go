package store_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"gopy/model"
	"gopy/store"
)

// The TUI calls the store from command goroutines while a hot backup may
// run: writers, readers and a backup at once (meaningful under -race).
func TestConcurrentUse(t *testing.T) {
	s, _, _ := openTest(t)
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	const writers, each = 3, 30
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < each; i++ {
				p := petition(day(2026, 5, 1).AddDays(i), model.ClassReport)
				p.Name = fmt.Sprintf("Nguyễn Văn %d-%d", w, i)
				if err := s.Create(p, officer); err != nil {
					errs <- err
					return
				}
				if i%3 == 0 {
					p.Status, p.Handling, p.AcknowledgedOn = model.StatusInProgress, model.HandlingAccepted, p.ReceivedOn
					if err := s.Update(p, officer); err != nil {
						errs <- err
						return
					}
				}
			}
		}(w)
	}
	for r := 0; r < 2; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 40; i++ {
				q := store.Query{Kind: model.KindPetition, Search: "nguyen van", Overdue: i%2 == 0, Today: day(2026, 6, 15)}
				if _, err := s.Count(q); err != nil {
					errs <- err
					return
				}
				if _, err := s.Page(store.Query{Kind: model.KindPetition}, nil, 20, i%2 == 1); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	var bak bytes.Buffer
	wg.Add(1)
	go func() {
		defer wg.Done()
		if err := s.Backup(&bak); err != nil {
			errs <- err
		}
	}()
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	mustClean(t, s)
	if n := total(t, s, model.KindPetition); n != writers*each {
		t.Errorf("%d petitions, want %d", n, writers*each)
	}
	refs := map[string]bool{}
	s.Each(store.Query{Kind: model.KindPetition}, func(r *model.Row) error { refs[r.Ref] = true; return nil })
	if len(refs) != writers*each {
		t.Errorf("%d distinct references for %d petitions", len(refs), writers*each)
	}
	// The backup taken mid-way is a sound database of its own.
	path := filepath.Join(t.TempDir(), "mid.db")
	if err := os.WriteFile(path, bak.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	b, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	mustClean(t, b)
}
