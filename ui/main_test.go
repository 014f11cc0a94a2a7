package ui

import (
	"os"
	"testing"
	"time"

	"gopy/ui/entry"
)

// Tests that run the real binary sign in as the demo account `gopy demo`
// makes. The driver runs commands synchronously, so a form's draft tick
// would sleep its full second after every typed key: a millisecond does the
// same (the tick of the last key writes the draft) without the wait.
func TestMain(m *testing.M) {
	os.Setenv("GOPY_USER", "demo")
	os.Setenv("GOPY_PASSPHRASE", "demo")
	entry.SetDraftDelay(time.Millisecond)
	os.Exit(m.Run())
}
