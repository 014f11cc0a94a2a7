// Package theme is gopy's palette: the 16 basic ANSI colours, so that old
// consoles and 16-colour terminals show it, picked for a light or dark
// background. Status is never told by colour alone.
package theme

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// Palette holds the colours the screens and the forms use.
type Palette struct {
	Red, Green, Yellow, Cyan, Magenta, Blue, Grey color.Color
}

// New returns the palette for a dark or light background.
func New(dark bool) Palette {
	pick := func(light, darkC color.Color) color.Color {
		if dark {
			return darkC
		}
		return light
	}
	return Palette{
		Red:     pick(lipgloss.Red, lipgloss.BrightRed),
		Green:   pick(lipgloss.Green, lipgloss.BrightGreen),
		Yellow:  pick(lipgloss.Magenta, lipgloss.BrightYellow), // yellow is unreadable on white
		Cyan:    pick(lipgloss.Blue, lipgloss.BrightCyan),
		Magenta: pick(lipgloss.Magenta, lipgloss.BrightMagenta),
		Blue:    pick(lipgloss.Blue, lipgloss.BrightBlue),
		Grey:    lipgloss.BrightBlack,
	}
}
