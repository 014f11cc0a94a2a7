package store

import "testing"

// CheapKDF makes new passphrase hashes cheap for the test (the stored
// parameters travel with each hash, so sign-in still checks them).
func CheapKDF(t testing.TB) {
	saved := defaultKDF
	defaultKDF = demoKDF
	t.Cleanup(func() { defaultKDF = saved })
}
