package demo

import (
	"testing"

	"gopy/model"
)

// A transaction ends before its batch's last day when more batches follow
// (the day's records go with the next one), never inside a day, and the
// records keep their order.
func TestDayCut(t *testing.T) {
	d := model.NewDate(2026, 3, 2)
	var recs []model.Record
	for _, day := range []int{0, 0, 1, 1, 1, 2, 2} {
		recs = append(recs, &model.Petition{ReceivedOn: d.AddDays(day)})
	}
	write, carry := dayCut(recs, true)
	if len(write) != 5 || len(carry) != 2 || carry[0] != recs[5] || carry[1] != recs[6] {
		t.Fatalf("cut: %d written, %d carried", len(write), len(carry))
	}
	if write, carry := dayCut(recs, false); len(write) != 7 || carry != nil {
		t.Fatalf("last batch: %d written, %d carried", len(write), len(carry))
	}
	oneDay := recs[2:5]
	if write, carry := dayCut(oneDay, true); len(write) != 3 || carry != nil {
		t.Fatalf("one day: %d written, %d carried", len(write), len(carry))
	}
}
