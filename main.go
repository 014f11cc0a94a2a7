// gopy records the feedback citizens and civic organisations give the Party
// and the government, the dialogue and citizen-reception sessions leaders
// hold, and every petition until it is resolved. See README.md.
package main

import (
	"os"

	"gopy/ui"
	"gopy/ui/cli"
	"gopy/ui/termquiet"
)

func main() {
	termquiet.Restore()
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr, ui.Run))
}
