// Package model is gopy's domain: the three record kinds (feedback,
// sessions, petitions) and their enums, validation, the status rules and
// follow-up log of a petition, deadlines on working days with the lunar
// holidays, periods, the report and dashboard figures, and Vietnamese text
// folding and collation. It is pure: no I/O, no bbolt, no Bubble Tea, so
// the form, the dialogs, the CLI and the imports all call the same rule.
package model
