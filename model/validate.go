package model

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// FieldError says one field is wrong; Key is a catalog key the UI translates
// and shows beside the field.
type FieldError struct {
	Field string
	Key   string
}

// FieldErrors is empty when a record is valid.
type FieldErrors []FieldError

func (e *FieldErrors) Add(field, key string) { *e = append(*e, FieldError{field, key}) }

// For returns the error key of a field, or "".
func (e FieldErrors) For(field string) string {
	for _, fe := range e {
		if fe.Field == field {
			return fe.Key
		}
	}
	return ""
}

func (e FieldErrors) Error() string {
	parts := make([]string, len(e))
	for i, fe := range e {
		parts[i] = fe.Field + ": " + fe.Key
	}
	slices.Sort(parts)
	return strings.Join(parts, "; ")
}

// Err returns nil when there is no error, so callers can write
// `if err := r.Validate().Err(); err != nil`.
func (e FieldErrors) Err() error {
	if len(e) == 0 {
		return nil
	}
	return e
}

// The limits count characters (runes), as the form's fields do, so that
// a Vietnamese line is allowed as many letters as an English one; the
// messages err.too_long, err.too_long_text and err.too_many name them.
const (
	maxLine = 500
	maxText = 100_000
	maxList = 200
)

func checkLine(e *FieldErrors, field, v string, required bool) {
	if required && v == "" {
		e.Add(field, "err.required")
	} else if len(v) > maxLine && utf8.RuneCountInString(v) > maxLine { // no more runes than bytes
		e.Add(field, "err.too_long")
	}
}

func checkText(e *FieldErrors, field, v string, required bool) {
	if required && v == "" {
		e.Add(field, "err.required")
	} else if len(v) > maxText && utf8.RuneCountInString(v) > maxText {
		e.Add(field, "err.too_long_text")
	}
}

func checkDate(e *FieldErrors, field string, d Date, required bool) {
	if d == 0 {
		if required {
			e.Add(field, "err.required")
		}
		return
	}
	if !d.Valid() {
		e.Add(field, "err.date.invalid")
	}
}

func checkEnum[T ~string](e *FieldErrors, field string, v T, all []T) {
	if v == "" {
		e.Add(field, "err.required")
	} else if !valid(v, all) {
		e.Add(field, "err.invalid_value")
	}
}

func checkList(e *FieldErrors, field string, l []string) {
	if len(l) > maxList {
		e.Add(field, "err.too_many")
		return
	}
	for _, v := range l {
		if utf8.RuneCountInString(v) > maxLine {
			e.Add(field, "err.too_long")
			return
		}
	}
}
