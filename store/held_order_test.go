package store

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// The held entries are written in the order of their keys' bytes, which
// is what makes every page full: references past 9,999 in a year
// ("KN-2025-10000" sorts between "KN-2025-1000" and "KN-2025-1001"),
// ward codes one the other's prefix (HB, HB-02), names whose collation
// key is another's prefix and holds zero bytes.
func TestHeldEntriesSortAsTheirKeys(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	h := newHeldKeys()
	wards := []string{"HB", "HB-02", "HB-1", "H"}
	heads := [][]byte{[]byte("wab\x00"), []byte("wab\x00c\x00"), []byte("wa\x00"), []byte("wab\x00\x00"), []byte("w\x00")}
	for range 3000 {
		var tail [20]byte
		for i := range tail {
			tail[i] = byte(r.IntN(4)) // small bytes: ties with the heads' zeros
		}
		ref := fmt.Sprintf("KN-%04d-%04d", 2024+r.IntN(2), r.IntN(120_000))
		h.addRef(0, wards[r.IntN(len(wards))], ref, tail)
		h.addWho(0, append(slices.Clone(heads[r.IntN(len(heads))]), tail[:]...))
	}
	h.sort()
	byRef := slices.Clone(h.refs[0])
	byUniq := slices.Clone(h.refs[0])
	slices.SortFunc(byUniq, h.compareRef(0, false))
	for name, keys := range map[string]func(i int) []byte{
		"r": func(i int) []byte { return h.refKey(0, byRef[i], nil) },
		"u": func(i int) []byte { return h.uniqKey(0, byUniq[i], nil) },
		"w": func(i int) []byte { return append([]byte(h.heads[h.who[0][i].head]), h.who[0][i].tail[:]...) },
	} {
		for i := 1; i < 3000; i++ {
			if bytes.Compare(keys(i-1), keys(i)) > 0 {
				t.Fatalf("%s keys %d and %d out of order: %q > %q", name, i-1, i, keys(i-1), keys(i))
			}
		}
	}
}
