package store

import (
	"bytes"
	"strings"
	"testing"

	"gopy/model"
)

// packRecord's value reads back as the exact JSON given, whether or not
// its id head can be left out: the id alone, another record's id, a short
// or odd value, a key that is not 16 bytes, a record of hundreds of KB.
func TestPackRecordEdgesReadBack(t *testing.T) {
	id, _ := model.ParseID("01HGGYJHB8DBST0R1ZVY7FEA5F")
	other, _ := model.ParseID("01HGGYJHB8DBST0R1ZVY7FEA5G")
	head := `{"id":"01HGGYJHB8DBST0R1ZVY7FEA5F"`
	big := `,"summary":"` + strings.Repeat("Phản ánh <đổ> rác & ồn \\u2028 ", 20000) + `"}`
	cases := []struct {
		name   string
		key    []byte
		js     string
		noHead bool
	}{
		{"usual", id[:], head + `,"ref":"KN-2026-0001"}`, true},
		{"id alone", id[:], head + `}`, false},
		{"head only", id[:], head, false},
		{"shorter than the head", id[:], `{"id":"01HGG`, false},
		{"another record's id", other[:], head + `,"ref":"x"}`, false},
		{"no id first", id[:], `{"ref":"KN","id":"01HGGYJHB8DBST0R1ZVY7FEA5F"}`, false},
		{"short key", id[:8], head + `,"ref":"x"}`, false},
		{"big", id[:], head + big, true},
		{"empty object", id[:], `{}`, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := packRecord(c.key, []byte(c.js))
			if got := v[0] == recNoID; got != c.noHead {
				t.Fatalf("id head left out: %v, want %v", got, c.noHead)
			}
			back, err := recordJSON(c.key, v)
			if err != nil || !bytes.Equal(back, []byte(c.js)) {
				t.Fatalf("read back %.80q, %v; want %.80q", back, err, c.js)
			}
			// Under another key a value without its head must not read
			// as this record's JSON with that key's id.
			if c.noHead {
				back, err := recordJSON(other[:], v)
				if err == nil && bytes.Equal(back, []byte(c.js)) {
					t.Fatalf("read under another key as the same record")
				}
			}
		})
	}
}
