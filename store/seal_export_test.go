package store

import "testing"

// CheapKDF makes new passphrase hashes cheap for the test (the stored
// parameters travel with each hash, so sign-in still checks them).
func CheapKDF(t testing.TB) {
	saved := defaultKDF
	defaultKDF = demoKDF
	t.Cleanup(func() { defaultKDF = saved })
}

var benchPub = func() []byte { _, pub := newKeyPair(); return pub }()

// SealForBench seals one identity-sized value to a data key.
func SealForBench() {
	if _, err := sealTo(benchPub, []byte(`{"name":"Nguyễn Văn An","address":"Số 12 ngõ 4 phố Lê Lợi","phone":"0912345678"}`), identityAD("01JABCDEFGHJKMNPQRSTVWXYZ0")); err != nil {
		panic(err)
	}
}
