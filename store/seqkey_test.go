package store

import (
	"fmt"
	"testing"

	"gopy/model"
)

// The counters' keys are what fmt made of them before: a counter under
// another key would hand out references again.
func TestSeqKeyAsBefore(t *testing.T) {
	for _, ward := range []string{"", "HB", "HB-02", "x\x00y"} {
		for _, k := range model.Kinds {
			for _, year := range []int{-5, 0, 7, 999, 2026, 12345} {
				want := fmt.Sprintf("seq/%s\x00%s\x00%04d", ward, k, year)
				if got := string(seqKey(ward, k, year)); got != want {
					t.Errorf("seqKey(%q, %s, %d) = %q, want %q", ward, k, year, got, want)
				}
			}
		}
	}
}
