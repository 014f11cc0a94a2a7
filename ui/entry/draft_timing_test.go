package entry

import (
	"fmt"
	"sort"
	"testing"
	"time"
)

// Issue 16.10: typing goes on at 4.4 characters a second (and, in other
// runs, at other speeds): a draft is written at least every 2 s while it
// does, and at most ~1 s after the last key. The ticks are delivered at
// the times tea.Tick would deliver them, on a virtual clock.
func TestDraftsKeepUpWithContinuousTyping(t *testing.T) {
	for _, perSecond := range []float64{1.2, 2, 4.4, 9} {
		t.Run(fmt.Sprintf("%.1f keys/s", perSecond), func(t *testing.T) {
			s, _ := openStore(t)
			f := NewFeedback(testCtx(t, s))
			focusOn(t, f, "subject")
			start := time.Date(2026, 6, 15, 9, 0, 0, 0, time.UTC)
			interval := time.Duration(float64(time.Second) / perSecond)
			type event struct {
				at  time.Time
				key bool
				seq int
			}
			var events []event
			const keys = 60
			for i := 0; i < keys; i++ {
				events = append(events, event{at: start.Add(time.Duration(i) * interval), key: true})
			}
			var writes []time.Time
			for len(events) > 0 {
				sort.SliceStable(events, func(i, j int) bool { return events[i].at.Before(events[j].at) })
				ev := events[0]
				events = events[1:]
				if ev.key {
					typeText(f, "a")
					events = append(events, event{at: ev.at.Add(draftDelay), seq: f.seq})
					continue
				}
				if cmd := f.Update(draftTickMsg{form: f.uid, seq: ev.seq, at: ev.at}); cmd != nil {
					writes = append(writes, ev.at)
				}
			}
			last := start.Add(time.Duration(keys-1) * interval)
			prev := start
			for _, w := range writes {
				if w.Sub(prev) > 2*time.Second {
					t.Errorf("%v typed without a draft (from %s to %s)", w.Sub(prev), prev.Format("05.000"), w.Format("05.000"))
				}
				prev = w
			}
			if len(writes) == 0 || writes[len(writes)-1].Sub(last) > 1100*time.Millisecond || writes[len(writes)-1].Before(last) {
				t.Errorf("last draft %v after the last key (writes %d)", writes[len(writes)-1].Sub(last), len(writes))
			}
		})
	}
}
