package ui

import (
	"os"
	"testing"
)

// Tests that run the real binary sign in as the demo account `gopy demo`
// makes.
func TestMain(m *testing.M) {
	os.Setenv("GOPY_USER", "demo")
	os.Setenv("GOPY_PASSPHRASE", "demo")
	os.Exit(m.Run())
}
