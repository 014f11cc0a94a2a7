package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"gopy/model"
	"gopy/store"
	"gopy/ui/i18n"
)

func init() {
	extraCommands["export"] = runExport
	extraCommands["import"] = runImport
}

func runExport(env *Env, args []string) int {
	fs := newFlags("export")
	out := fs.String("out", "", "")
	period := fs.String("period", "", "")
	strip := fs.Bool("strip-personal", false, "")
	if code, ok := env.parseFlags(fs, args); !ok {
		return code
	}
	if *out == "" {
		return env.usage(env.Lang.T("cli.err.export_out"))
	}
	if err := store.CheckOutput(env.DBPath, *out); err != nil {
		return env.fail(err)
	}
	var p model.Period
	if *period != "" {
		var err error
		if p, err = model.ParsePeriod(*period); err != nil {
			return env.usage(env.periodMessage(err))
		}
	}
	s, err := env.openWrite(false)
	if err != nil {
		return env.fail(err)
	}
	defer s.Close()
	// Logged first, so the bundle's manifest carries its own entry.
	if err := s.Audit(store.AuditExport, "", "", fmt.Sprintf("%s strip_personal=%t", *out, *strip)); err != nil {
		return env.fail(err)
	}
	// Write beside the target and rename, so a failed export never leaves a
	// half bundle under the name that gets sent upward.
	tmp, err := os.CreateTemp(filepath.Dir(*out), ".gopy-export-*")
	if err != nil {
		return env.fail(err)
	}
	defer os.Remove(tmp.Name())
	m, err := s.Export(tmp, store.ExportOptions{Period: p, StripPersonal: *strip, By: signer(s)})
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), *out)
	}
	if err != nil {
		return env.fail(err)
	}
	fmt.Fprintln(env.Stdout, env.Lang.F("cli.export.done", *out, m.Counts["feedback"], m.Counts["session"], m.Counts["petition"]))
	return exitOK
}

func runImport(env *Env, args []string) int {
	fs := newFlags("import")
	dry := fs.Bool("dry-run", false, "")
	amend := fs.String("amend", "", "")
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return env.flagError(err)
	}
	if len(files) == 0 {
		return env.usage(env.Lang.T("cli.err.import_files"))
	}
	s, err := env.openWrite(false)
	if err != nil {
		return env.fail(err)
	}
	defer s.Close()
	if err := requireRole(s, false); err != nil {
		return env.fail(err)
	}
	by := signer(s)
	failed := 0
	for _, f := range files {
		var res *store.ImportResult
		err := s.Amending(*amend, func() error {
			var err error
			if strings.HasSuffix(strings.ToLower(f), ".csv") {
				res, err = s.ImportCSV(f, store.CSVOptions{DryRun: *dry, By: by, Labels: csvLabels(), Progress: env.progress(f)})
			} else {
				res, err = s.ImportBundle(f, *dry, by)
			}
			return err
		})
		if err != nil {
			failed++
			fmt.Fprintf(env.Stderr, "gopy: %s: %s\n", f, env.importMessage(err))
			continue
		}
		if !*dry {
			if err := s.Audit(store.AuditImport, "", "", f); err != nil {
				return env.fail(err)
			}
		}
		if res.AlreadyImported {
			fmt.Fprintln(env.Stdout, env.Lang.F("cli.import.again", f))
			continue
		}
		head := "cli.import.done"
		if *dry {
			head = "cli.import.dry"
		}
		fmt.Fprintln(env.Stdout, env.Lang.F(head, f))
		if res.NewKey != "" {
			fmt.Fprintln(env.Stdout, "  "+env.Lang.F("cli.import.new_key", res.Manifest.Ward, res.NewKey))
		}
		wards := make([]string, 0, len(res.Wards))
		for w := range res.Wards {
			wards = append(wards, w)
		}
		slices.Sort(wards)
		for _, w := range wards {
			x := res.Wards[w]
			fmt.Fprintln(env.Stdout, "  "+env.Lang.F("cli.import.ward", w, x.Added, x.Updated, x.Unchanged, x.Conflicts, x.Deleted))
		}
	}
	if failed > 0 {
		return exitError
	}
	return exitOK
}

func (e *Env) importMessage(err error) string {
	var ce *store.CSVError
	var be *store.BundleError
	switch {
	case errors.As(err, &ce) && ce.Offset > 0:
		return e.Lang.F("cli.err.csv_at", ce.Line, ce.Column, ce.Offset, e.csvReason(ce))
	case errors.As(err, &ce):
		return e.Lang.F("cli.err.csv", ce.Line, ce.Column, e.csvReason(ce))
	case errors.As(err, &be):
		return e.Lang.F("cli.err.bundle", e.bundleReason(be))
	case errors.Is(err, store.ErrBundle):
		msg := err.Error()
		msg = strings.TrimPrefix(msg, store.ErrBundle.Error()+": ")
		return e.Lang.F("cli.err.bundle", msg)
	}
	return e.Message(err)
}

// bundleReason is a rejected bundle's reason in the user's language: the
// line, what is wrong, and a record's field errors translated.
func (e *Env) bundleReason(be *store.BundleError) string {
	msg := e.Lang.F(be.Key, be.Args...)
	if len(be.Fields) > 0 {
		parts := make([]string, 0, len(be.Fields))
		for _, fe := range be.Fields {
			parts = append(parts, fe.Field+": "+e.Lang.T(fe.Key))
		}
		msg += ": " + strings.Join(parts, "; ")
	}
	if be.Line > 0 {
		msg = e.Lang.F("bundle.line", be.Line, msg)
	}
	return msg
}

func (e *Env) csvReason(ce *store.CSVError) string {
	if e.Lang.Has(ce.Key) {
		return e.Lang.T(ce.Key)
	}
	return ce.Key
}

// csvLabels lets a ledger kept by hand in Excel say "Khiếu nại" or
// "Complaint" where gopy stores "complaint": each enum column accepts its
// values' labels in both languages (accents and case ignored).
func csvLabels() store.Labels {
	groups := map[string]struct {
		group  string
		values []string
	}{
		"source_kind":    {"source", model.Strings(model.SourceKinds)},
		"form":           {"form", model.Strings(model.FeedbackForms)},
		"target_kind":    {"target", model.Strings(model.TargetKinds)},
		"point_status":   {"answer", model.Strings(model.AnswerStatuses)},
		"kind":           {"session", model.Strings(model.SessionKinds)},
		"host_role":      {"host", model.Strings(model.HostRoles)},
		"channel":        {"channel", model.Strings(model.Channels)},
		"classification": {"class", model.Strings(model.Classifications)},
		"handling":       {"handling", model.Strings(model.Handlings)},
		"status":         {"status", model.Strings(model.PetitionStatuses)},
	}
	out := store.Labels{}
	for col, g := range groups {
		m := map[string]string{}
		for _, v := range g.values {
			for _, l := range []i18n.Lang{i18n.VI, i18n.EN} {
				m[model.Fold(l.Enum(g.group, v))] = v
			}
		}
		out[col] = m
	}
	return out
}
