package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"gopy/model"
	"gopy/store"
	"gopy/ui/report"
)

func init() {
	extraCommands["report"] = runReport
	extraCommands["register"] = runRegister
}

// runReport: gopy report [--period P] [--by-ward] [--format text|md|csv|xlsx|json|docx] [--out FILE]
// [--profile X] [--send --number N] [--sent [ID]] [--as-sent]
func runReport(env *Env, args []string) int {
	fs := newFlags("report")
	period := fs.String("period", "", "")
	byWard := fs.Bool("by-ward", false, "")
	format := fs.String("format", string(report.Text), "")
	out := fs.String("out", "", "")
	var sf sentFlags
	sf.add(fs)
	p, f, code, ok := reportArgs(env, fs, sf.rewrite(args), period, format, out, report.Formats)
	if !ok {
		return code
	}
	if sf.used() {
		return runSent(env, &sf, p, *period != "", *byWard, f, *out)
	}
	return env.reading(func(s *store.Store) int {
		// Prepare adds the profile, the narrative and the corrections to
		// periods already sent.
		doc, err := report.Prepare(s, p, env.Today(), sf.profile, env.Lang, *byWard)
		if err != nil {
			return env.fail(err)
		}
		return env.output(*out, func(w io.Writer) error { return report.Write(w, f, doc) })
	})
}

// runRegister: gopy register [--period P] [--format csv|xlsx] [--out FILE]
func runRegister(env *Env, args []string) int {
	fs := newFlags("register")
	period := fs.String("period", "", "")
	format := fs.String("format", string(report.CSV), "")
	out := fs.String("out", "", "")
	p, f, code, ok := reportArgs(env, fs, args, period, format, out, report.RegisterFormats)
	if !ok {
		return code
	}
	return env.reading(func(s *store.Store) int {
		today := env.Today()
		return env.output(*out, func(w io.Writer) error { return report.WriteRegister(w, f, s, p, today, env.Lang) })
	})
}

// reportArgs parses and checks the arguments report and register share;
// when ok is false, code is the exit code to return.
func reportArgs(env *Env, fs *flag.FlagSet, args []string, period, format, out *string,
	formats []report.Format) (p model.Period, f report.Format, code int, ok bool) {
	if code, ok := env.parseFlags(fs, args); !ok {
		return p, f, code, false
	}
	p = model.CurrentQuarter(env.Today())
	if *period != "" {
		v, err := model.ParsePeriod(*period)
		if err != nil {
			return p, f, env.usage(env.periodMessage(err)), false
		}
		p = v
	}
	f = report.Format(strings.ToLower(*format))
	known := make([]string, len(formats))
	for i, v := range formats {
		known[i] = string(v)
		ok = ok || v == f
	}
	if !ok {
		return p, f, env.usage(env.Lang.F("cli.err.format", *format, strings.Join(known, ", "))), false
	}
	if f.Binary() && *out == "" {
		return p, f, env.usage(env.Lang.F("cli.err.binary_out", f, f)), false
	}
	return p, f, exitOK, true
}

// output writes to stdout, or to the file out: written beside it under a
// temporary name and renamed into place, so a failed write never leaves a
// truncated report where the old one was.
func (e *Env) output(out string, write func(io.Writer) error) int {
	if out == "" {
		if err := write(e.Stdout); err != nil {
			return e.fail(err)
		}
		return exitOK
	}
	if err := store.CheckOutput(e.DBPath, out); err != nil {
		return e.fail(err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(out), ".gopy-report-*")
	if err != nil {
		return e.failWrite(out, err)
	}
	err = write(tmp)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), out)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return e.failWrite(out, err)
	}
	fmt.Fprintln(e.Stdout, e.Lang.F("cli.report.written", out))
	return exitOK
}

func (e *Env) failWrite(path string, err error) int {
	msg := err.Error()
	if pe, ok := err.(*os.PathError); ok {
		msg = pe.Err.Error()
	}
	fmt.Fprintf(e.Stderr, "gopy: %s\n", e.Lang.F("cli.err.write_out", path, msg))
	return exitError
}
