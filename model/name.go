package model

import "strings"

// GivenNameFirst reorders a Vietnamese person's name for sorting: the
// given name (tên, the last word) first, then the middle names, then the
// family name — "Nguyễn Văn An" sorts as "An Văn Nguyễn", the way a
// Vietnamese register or class list is ordered. A one-word name is left
// as it is.
func GivenNameFirst(name string) string {
	w := strings.Fields(name)
	if len(w) < 2 {
		return strings.Join(w, " ")
	}
	out := make([]string, 0, len(w))
	out = append(out, w[len(w)-1])
	out = append(out, w[1:len(w)-1]...)
	out = append(out, w[0])
	return strings.Join(out, " ")
}

// NameSortKey is the index key of a person's name: SortKey (Vietnamese
// letter order, a < ă < â, d < đ, then tones) of the name given name
// first.
func NameSortKey(name string) []byte { return SortKey(GivenNameFirst(name)) }
