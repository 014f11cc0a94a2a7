package store

import (
	"testing"

	"gopy/model"
)

// A sent report arriving in a bundle is outside data: it is accepted only
// when it matches its own SHA-256, refused otherwise, never a panic.
func FuzzParseSent(f *testing.F) {
	f.Add([]byte(`{"kind":"sent_report","sent":{"id":"01M8M221S6GG57R0DDDDN19B01","period":{"from":"2026-07-01","to":"2026-09-30"},"settings":{"ward_code":"HB"},"sha256":"00"},"figures":"{}","versions":""}`))
	f.Add([]byte(`{"kind":"sent_report","sent":null}`))
	f.Add([]byte(`{"kind":"sent_report"`))
	f.Fuzz(func(t *testing.T, line []byte) {
		it := parseItem(line, false)
		if it.err == nil && it.sent == nil && it.rec == nil && it.tomb == nil {
			t.Fatal("accepted a line as nothing")
		}
		if it.sent != nil && !model.ValidWardCode(it.sent.Settings.WardCode) {
			t.Fatalf("accepted a sent report from ward %q", it.sent.Settings.WardCode)
		}
	})
}
