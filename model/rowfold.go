package model

import "bytes"

// foldSep separates the fields of a row's folded text (Row.Fold), each
// folded on its own. A query never holds a NUL, so it matches within one
// field. (Until schema 5 it was " \x00 ", the whole text folded at once:
// two bytes more a field, at a million records 14 MB; the fields are
// still trimmed when split.)
const foldSep = "\x00"

func foldSegments(fold []byte) [][]byte {
	segs := bytes.Split(fold, []byte{0})
	for i, s := range segs {
		segs[i] = bytes.TrimSpace(s)
	}
	return segs
}

// FoldFields names the fields of a row's folded text, in the order RowOf
// joins them (a confidential petition leaves its identity out, so it has
// fewer). An officer's own fields — a petition's assignee unit and officer —
// are named with a leading "-": search leaves them out, so that looking
// for a citizen "Nguyễn Văn …" does not list every petition assigned to an
// officer of that name (issue 13); the "mine" filter finds those.
func FoldFields(kind Kind, n int) []string {
	var names []string
	switch kind {
	case KindPetition:
		names = []string{"group", "summary", "-assignee_unit", "-assignee_officer", "ref"}
		if n == 9 {
			names = append([]string{"name", "address", "phone", "id_number"}, names...)
		}
	case KindSession:
		names = []string{"host_name", "location", "other_leaders", "organised_by", "topics", "ref"}
	case KindFeedback:
		names = make([]string, n)
		for i := range names {
			names[i] = "points"
		}
		copy(names, []string{"source_name", "target_name", "subject", "topics"})
		if n > 0 {
			names[n-1] = "ref"
		}
	}
	if len(names) != n {
		// A layout this version does not know: every field searchable.
		names = make([]string, n)
	}
	return names
}

// SearchFold matches the folded query q against a row's folded text,
// field by field, leaving out the officer's own fields; it returns the
// first field that holds q ("" when the layout is unknown).
func SearchFold(kind Kind, fold, q []byte) (field string, ok bool) {
	if len(q) == 0 {
		return "", true
	}
	if !bytes.Contains(fold, q) {
		return "", false
	}
	segs := foldSegments(fold)
	names := FoldFields(kind, len(segs))
	for i, s := range segs {
		if len(names[i]) > 0 && names[i][0] == '-' {
			continue
		}
		if bytes.Contains(s, q) {
			return names[i], true
		}
	}
	return "", false
}

// FoldField is one named field of a row's folded text (nil when the row
// has no such field, e.g. a confidential petition's address).
func FoldField(kind Kind, fold []byte, name string) []byte {
	segs := foldSegments(fold)
	for i, n := range FoldFields(kind, len(segs)) {
		if n == name {
			return segs[i]
		}
	}
	return nil
}
