package store

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"gopy/model"
)

// Stored values are read back by hand-written decoders: damaged bytes give
// an error, never a panic, and what decodes encodes to the same entry.
func FuzzStoredValues(f *testing.F) {
	id, _ := model.ParseID("01HGGYJHB8DBST0R1ZVY7FEA5F")
	js, _ := json.Marshal(&model.Petition{Meta: model.Meta{ID: "01HGGYJHB8DBST0R1ZVY7FEA5F", Ref: "KN-2026-0001"}, Summary: "Đèn đường hỏng"})
	f.Add(packRecord(id[:], js))
	f.Add(js)
	c, _ := encodeChange(model.Change{At: time.Date(2026, 1, 2, 3, 4, 5, 6, time.UTC), By: "Hà", Action: "update",
		Fields: []model.FieldChange{{Field: "summary", Old: "a", New: "b"}}})
	f.Add(c)
	f.Add([]byte{histCompact, 0x80})
	f.Add([]byte{recNoID, 0xff, 0x00})
	f.Fuzz(func(t *testing.T, v []byte) {
		if rec, err := recordJSON(id[:], v); err == nil && (len(rec) == 0 || rec[0] != '{') {
			t.Fatalf("record JSON %q from %x", rec, v)
		}
		ch, _, err := decodeChange(v)
		if err != nil {
			return
		}
		enc, err := encodeChange(ch)
		if err != nil {
			return // fields json cannot marshal back: never stored by gopy
		}
		again, valid, err := decodeChange(enc)
		if err != nil || !valid {
			t.Fatalf("re-encoded entry unreadable: %v valid %v", err, valid)
		}
		a, _ := json.Marshal(again)
		b, _ := encodeChange(again)
		if !bytes.Equal(b, enc) {
			t.Fatalf("entry not stable: %s", a)
		}
	})
}
