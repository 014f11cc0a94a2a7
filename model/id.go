package model

import (
	"crypto/rand"
	"fmt"
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
	return fmt.Sprintf("%s-%04d-%04d", k.RefPrefix(), year, n)
}
