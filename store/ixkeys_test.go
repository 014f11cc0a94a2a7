package store

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"gopy/model"
)

// ixKeysOneByOne is ixKeys as it was: each key made by its own builder.
func ixKeysOneByOne(row *model.Row, id [16]byte) [][]byte {
	keys := [][]byte{statusKey(row.Status, row, id), whoKey(row, id), refKey(row, id), uniqKey(row, id)}
	if row.Unaccepted() {
		keys = append(keys, statusKey(StatusUnaccepted, row, id))
	}
	if due, kind := row.OpenDue(); kind != "" && due != 0 {
		keys = append(keys, dueKey(due, row.Date, id))
	}
	return keys
}

// ixKeys builds all of a row's keys in one slice: the same keys as each
// builder makes, none sharing room with the next (an append to one must
// not change another).
func TestIxKeysAsEachBuilderMakesThem(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	words := []string{"", "Nguyễn Văn An", "Ủy ban MTTQ Việt Nam Phường Hòa Bình", "ĐẶNG", "x\x00y", strings.Repeat("Trần Thị Thu Hà ", 30), "\xff\xfe", "Ban"}
	pick := func(l []string) string { return l[r.IntN(len(l))] }
	for i := range 20000 {
		k := model.Kinds[i%len(model.Kinds)]
		row := model.Row{Kind: k, Ref: pick([]string{"", "KN-2026-0001", "GY-2025-12345"}), Ward: pick([]string{"", "HB", "HB-02"}),
			Date: model.Date(20200101 + r.IntN(70000)), Who: pick(words), Due: model.Date(r.IntN(3) * (20260101 + r.IntN(900))),
			AckDue: model.Date(r.IntN(2) * 20260301)}
		row.Points[0] = r.IntN(2)
		row.Status = pick(append(model.RowStatuses(k), "", "x"))
		row.Handling = model.Handling(pick([]string{"", string(model.HandlingAccepted), string(model.HandlingReturned)}))
		var id [16]byte
		for j := range id {
			id[j] = byte(r.UintN(256))
		}
		want, got := ixKeysOneByOne(&row, id), ixKeys(&row, id)
		if len(got) != len(want) {
			t.Fatalf("%+v: %d keys, want %d", row, len(got), len(want))
		}
		for j := range want {
			if !bytes.Equal(got[j], want[j]) || cap(got[j]) != len(got[j]) {
				t.Fatalf("%+v: key %d %q (cap %d), want %q", row, j, got[j], cap(got[j]), want[j])
			}
		}
	}
}
