package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"gopy/model"
	"gopy/store"
	"gopy/ui/report"
	"gopy/ui/sanitize"
)

// The report flags that send, list and re-create sent reports.
type sentFlags struct {
	profile string
	send    bool
	number  string
	sent    string // "" not given; sentList: list; else an ID
	asSent  bool
}

const sentList = "\x00list"

func (sf *sentFlags) add(fs *flag.FlagSet) {
	fs.StringVar(&sf.profile, "profile", "", "")
	fs.BoolVar(&sf.send, "send", false, "")
	fs.StringVar(&sf.number, "number", "", "")
	fs.StringVar(&sf.sent, "sent", "", "")
	fs.BoolVar(&sf.asSent, "as-sent", false, "")
}

// rewrite lets --sent stand alone (list) or take an ID: a bare --sent
// followed by nothing or by another flag becomes the list.
func (sf *sentFlags) rewrite(args []string) []string {
	out := make([]string, 0, len(args))
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--sent" || a == "-sent" {
			if i+1 < len(args) && !strings.HasPrefix(args[i+1], "-") {
				out = append(out, "--sent="+args[i+1])
				i++
			} else {
				out = append(out, "--sent="+sentList)
			}
			continue
		}
		out = append(out, a)
	}
	return out
}

func (sf *sentFlags) used() bool { return sf.send || sf.sent != "" || sf.asSent }

// runSent sends (--send), lists (--sent), re-creates (--sent ID) or shows
// a period as sent (--as-sent).
func runSent(env *Env, sf *sentFlags, p model.Period, periodGiven, byWard bool, f report.Format, out string) int {
	l := env.Lang
	modes := 0
	for _, on := range []bool{sf.send, sf.sent != "", sf.asSent} {
		if on {
			modes++
		}
	}
	if modes > 1 || byWard && !sf.asSent {
		return env.usage(l.T("cli.err.sent_flags"))
	}
	if sf.send {
		if strings.TrimSpace(sf.number) == "" {
			return env.usage(l.T("cli.err.send_number"))
		}
		return runSend(env, sf, p, f, out)
	}
	s, err := env.openRead()
	if err != nil {
		return env.fail(err)
	}
	defer s.Close()
	var r store.SentReport
	switch {
	case sf.sent == sentList:
		return listSent(env, s)
	case sf.sent != "":
		r, _, err = s.Sent(sf.sent)
	case !periodGiven:
		return env.usage(l.T("cli.err.as_sent_period"))
	case byWard:
		// At the higher level: each ward's figures as sent beside the
		// figures its records give here.
		doc, err := report.Build(s, p, env.Today(), true)
		if err == nil {
			doc.Lang = l
			err = report.BesideSent(s, &doc)
		}
		if err != nil {
			return env.fail(err)
		}
		return env.output(out, func(w io.Writer) error { return report.Write(w, f, doc) })
	default:
		r, err = report.AsSent(s, p, sf.profile)
	}
	if sf.sent != "" && errors.Is(err, store.ErrNotFound) {
		fmt.Fprintf(env.Stderr, "gopy: %s\n", l.F("cli.err.sent_unknown", sanitize.Line(sf.sent)))
		return exitError
	}
	if err != nil {
		return env.fail(err)
	}
	return env.output(out, func(w io.Writer) error { return report.WriteSent(w, f, &r) })
}

func runSend(env *Env, sf *sentFlags, p model.Period, f report.Format, out string) int {
	s, err := env.openWrite(false)
	if err != nil {
		return env.fail(err)
	}
	defer s.Close()
	st, err := s.Settings()
	if err != nil {
		return env.fail(err)
	}
	r, err := report.Send(s, p, env.Now(), sf.profile, model.CleanLine(sf.number), st.Officer, env.Lang)
	if err != nil {
		return env.fail(err)
	}
	msg := "cli.report.sent"
	if r.Seq > 0 {
		msg = "cli.report.sent_amend"
	}
	fmt.Fprintln(env.Stdout, env.Lang.F(msg, sanitize.Line(r.Number), r.Period, r.Profile.Name, r.Records, r.ID, r.SHA256))
	if out == "" {
		return exitOK
	}
	return env.output(out, func(w io.Writer) error { return report.WriteSent(w, f, &r) })
}

func listSent(env *Env, s *store.Store) int {
	list, err := s.SentReports()
	if err != nil {
		return env.fail(err)
	}
	l := env.Lang
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join([]string{l.T("cli.sent.id"), l.T("cli.sent.profile"), l.T("cli.sent.period"),
		l.T("cli.sent.number"), l.T("cli.sent.at"), l.T("cli.sent.by"), l.T("cli.sent.records"), "SHA-256"}, "\t"))
	for _, r := range list {
		number := r.Number
		if r.Seq > 0 {
			number += " " + l.F("cli.sent.amend", r.Seq)
		}
		fmt.Fprintln(tw, strings.Join([]string{r.ID, r.Profile.Name, r.Period.String(), sanitize.Line(number),
			model.DateOf(r.SentAt).String() + " " + r.SentAt.In(model.VNZone).Format("15:04"),
			sanitize.Line(r.SentBy), fmt.Sprint(r.Records), r.SHA256[:16]}, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return env.fail(err)
	}
	return exitOK
}

// sentMessage translates the errors of sending and locked periods.
func (e *Env) sentMessage(err error) (string, bool) {
	l := e.Lang
	var le *store.LockedError
	switch {
	case errors.As(err, &le):
		return l.F("cli.err.locked", sanitize.Line(le.Ref), le.Date, le.Period, sanitize.Line(le.Number)), true
	case errors.Is(err, store.ErrSentTampered):
		return l.T("cli.err.sent_tampered"), true
	case errors.Is(err, report.ErrNoProfile):
		return l.F("cli.err.no_profile", sanitize.Line(strings.TrimSuffix(err.Error(), ": "+report.ErrNoProfile.Error()))), true
	case errors.Is(err, report.ErrNotSent):
		return l.T("cli.err.not_sent"), true
	}
	return "", false
}
