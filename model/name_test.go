package model

import (
	"bytes"
	"slices"
	"testing"
)

func TestGivenNameFirst(t *testing.T) {
	for in, want := range map[string]string{
		"Nguyễn Văn An":       "An Văn Nguyễn",
		"Lê Thị Hồng Nhung":   "Nhung Thị Hồng Lê",
		"  Tạ   Bình ":        "Bình Tạ",
		"Ánh":                 "Ánh",
		"":                    "",
		"Nguyễn Ngọc Đức Anh": "Anh Ngọc Đức Nguyễn",
	} {
		if got := GivenNameFirst(in); got != want {
			t.Errorf("GivenNameFirst(%q) = %q, want %q", in, got, want)
		}
	}
}

// Issue 13, item 10: names sort by given name, then middle and family
// names, in Vietnamese letter order (a < ă < â, d < đ) and tone order.
func TestNameSortKeyOrdersByGivenName(t *testing.T) {
	want := []string{
		"Nguyễn Văn An",   // same given and middle name: the family name decides
		"Trần Văn An",     //
		"Lê Thị Ánh",      // "anh" after "an"
		"Phạm Thị Ăn",     // ă after a
		"Đỗ Văn Bình",     // B
		"Nguyễn Văn Dũng", // D
		"Lê Văn Đức",      // đ after d
		"Hoàng Văn Hùng",  // H
	}
	got := slices.Clone(want)
	slices.Reverse(got)
	slices.SortFunc(got, func(a, b string) int { return bytes.Compare(NameSortKey(a), NameSortKey(b)) })
	if !slices.Equal(got, want) {
		t.Errorf("sorted\n %q\nwant\n %q", got, want)
	}
	// By family name (the old order), Đỗ would come before Hoàng and Lê.
	if bytes.Compare(NameSortKey("Đỗ Văn Bình"), NameSortKey("Lê Thị Ánh")) < 0 {
		t.Error("sorted by family name")
	}
}
