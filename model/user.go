package model

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Role is what a signed-in user may do. The confidential grant (seeing
// sealed identities) is given apart from the role.
type Role string

const (
	RoleAdmin   Role = "admin"   // users, settings, restore, erasure
	RoleOfficer Role = "officer" // enters and edits records
	RoleViewer  Role = "viewer"  // reads, reports, exports without identities
)

var Roles = []Role{RoleAdmin, RoleOfficer, RoleViewer}

func (r Role) Valid() bool { return r == RoleAdmin || r == RoleOfficer || r == RoleViewer }

// CanWrite reports whether the role may save records.
func (r Role) CanWrite() bool { return r == RoleAdmin || r == RoleOfficer }

// User is an account as the rest of the program sees it: never its
// passphrase, hash or keys.
type User struct {
	Name         string `json:"name"`
	Role         Role   `json:"role"`
	Confidential bool   `json:"confidential,omitempty"` // the grant: may reveal sealed identities
	Disabled     bool   `json:"disabled,omitempty"`
	Demo         bool   `json:"demo,omitempty"` // made by `gopy demo`, its passphrase is published
}

// MinPassphrase is the shortest passphrase accepted for a new one (the demo
// account's published "demo" is the only shorter one).
const MinPassphrase = 8

// ValidUserName accepts a display name of 1–40 printable characters.
func ValidUserName(name string) bool {
	if name == "" || utf8.RuneCountInString(name) > 40 || strings.TrimSpace(name) != name {
		return false
	}
	for _, r := range name {
		if !unicode.IsPrint(r) {
			return false
		}
	}
	return true
}
