package model

import (
	"strings"
	"sync"
	"sync/atomic"
)

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
func NameSortKey(name string) []byte { return AppendNameSortKey(nil, name) }

// AppendNameSortKey appends NameSortKey(name) to dst. The keys of the
// first short names asked for are kept by name, as SortKey keeps its own:
// reordering the name cost three allocations a petition.
func AppendNameSortKey(dst []byte, name string) []byte {
	if v, ok := nameKeys.Load(name); ok {
		return append(dst, v.([]byte)...)
	}
	key := SortKey(GivenNameFirst(name))
	if len(name) <= 64 && nameKeysN.Add(1) <= sortKeysMax {
		nameKeys.Store(name, key)
	}
	return append(dst, key...)
}

var (
	nameKeys  sync.Map // name → NameSortKey(name), never written to
	nameKeysN atomic.Int64
)
