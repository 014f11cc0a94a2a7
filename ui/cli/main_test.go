package cli

import (
	"os"
	"testing"

	"gopy/store"
)

// Every test signs in as the demo account, as `gopy demo` makes it (and as
// the first admin of a database made another way): tests written with
// run() and demoDB() need no sign-in of their own.
func TestMain(m *testing.M) {
	os.Setenv("GOPY_USER", "demo")
	os.Setenv("GOPY_PASSPHRASE", "demo")
	os.Exit(m.Run())
}

// openSigned opens a test database directly, signed in as the demo
// account, as a test that edits through the store needs once accounts exist.
func openSigned(t *testing.T, db string, opt store.Options) *store.Store {
	t.Helper()
	s, err := store.Open(db, opt)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SignIn("demo", "demo"); err != nil {
		s.Close()
		t.Fatal(err)
	}
	return s
}
