package model

import (
	"crypto/rand"
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/oklog/ulid/v2"
)

var (
	idMu      sync.Mutex
	idEntropy = ulid.Monotonic(rand.Reader, 0)
)

// NewID returns a ULID string: globally unique without a server, and sorting
// by creation time.
func NewID(t time.Time) string {
	idMu.Lock()
	defer idMu.Unlock()
	return ulid.MustNew(ulid.Timestamp(t), idEntropy).String()
}

// ParseID checks an ID and returns its 16 bytes.
func ParseID(s string) ([16]byte, error) {
	u, err := ulid.ParseStrict(s)
	if err != nil {
		return [16]byte{}, fmt.Errorf("id %q: %w", s, err)
	}
	return u, nil
}

// IDText writes the text of a 16-byte id (as IDString) into dst.
func IDText(dst *[26]byte, b []byte) {
	var u ulid.ULID
	copy(u[:], b)
	u.MarshalTextTo(dst[:])
}

// IDString is the inverse of ParseID.
func IDString(b []byte) string {
	var u ulid.ULID
	copy(u[:], b)
	return u.String()
}

// FormatRef gives the human reference of the n-th record of a kind in a
// ward's year: GY-2026-0001.
func FormatRef(k Kind, year, n int) string {
	if year < 0 || n < 0 {
		return fmt.Sprintf("%s-%04d-%04d", k.RefPrefix(), year, n)
	}
	var b [24]byte
	out := append(b[:0], k.RefPrefix()...)
	out = AppendPadded(append(out, '-'), year, 4)
	return string(AppendPadded(append(out, '-'), n, 4))
}

// AppendPadded appends n ≥ 0 in decimal, zero-padded to width digits:
// fmt's %0*d without fmt (references and their counters' keys are made
// for every record of a bulk load).
func AppendPadded(b []byte, n, width int) []byte {
	var d [20]byte
	s := strconv.AppendInt(d[:0], int64(n), 10)
	for range width - len(s) {
		b = append(b, '0')
	}
	return append(b, s...)
}
