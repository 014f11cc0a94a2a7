package entry

import (
	"errors"
	"io/fs"
	"syscall"

	bolterrors "go.etcd.io/bbolt/errors"

	"gopy/model"
	"gopy/store"
	"gopy/ui/i18n"
	"gopy/ui/sanitize"
)

func asInvalid(err error) *store.Invalid {
	var inv *store.Invalid
	if errors.As(err, &inv) {
		return inv
	}
	return nil
}

// errText translates a failed store call for the officer. Whatever it
// says, the form keeps what was typed.
func errText(l i18n.Lang, err error) string {
	switch {
	case errors.Is(err, store.ErrReplaced):
		return l.T("entry.err.replaced")
	case errors.Is(err, store.ErrStale):
		return l.T("entry.err.stale")
	case errors.Is(err, store.ErrNotFound):
		return l.T("entry.err.gone")
	case errors.Is(err, bolterrors.ErrDatabaseReadOnly), errors.Is(err, syscall.EROFS), errors.Is(err, fs.ErrPermission):
		return l.T("entry.err.read_only")
	case errors.Is(err, syscall.ENOSPC):
		return l.T("entry.err.disk_full")
	case errors.Is(err, bolterrors.ErrDatabaseNotOpen):
		return l.T("entry.err.closed")
	case errors.Is(err, store.ErrForbidden), errors.Is(err, store.ErrNotSignedIn):
		return l.T("cli.err.forbidden")
	case errors.Is(err, store.ErrSealed):
		return l.T("cli.err.sealed")
	case errors.Is(err, store.ErrPassphrase):
		return l.F("cli.err.short_pass", model.MinPassphrase)
	}
	return l.F("entry.err.save", sanitize.Line(err.Error()))
}
