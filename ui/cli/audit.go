package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"gopy/model"
	"gopy/store"
	"gopy/ui/sanitize"
)

func init() {
	extraCommands["audit"] = runAudit
	extraCommands["compact"] = runCompact
}

// runAudit lists the audit log (admins), or with --verify walks its hash
// chain and names the first broken entry (exit 1).
func runAudit(env *Env, args []string) int {
	fs := newFlags("audit")
	from := fs.String("from", "", "")
	to := fs.String("to", "", "")
	user := fs.String("user", "", "")
	format := fs.String("format", "table", "")
	verify := fs.Bool("verify", false, "")
	if code, ok := env.parseFlags(fs, args); !ok {
		return code
	}
	var f store.AuditFilter
	f.User = *user
	if err := setDates(*from, *to, &f.From, &f.To); err != nil {
		return env.usage(env.Message(err))
	}
	if *format != "table" && *format != "json" {
		return env.usage(env.Lang.F("cli.err.format", *format, "table, json"))
	}
	s, err := env.openRead()
	if err != nil {
		return env.fail(err)
	}
	defer s.Close()
	if err := requireRole(s, true); err != nil {
		return env.fail(err)
	}
	if *verify {
		n, brk, err := s.VerifyAudit()
		if err != nil {
			return env.fail(err)
		}
		if brk != nil {
			fmt.Fprintln(env.Stderr, "gopy: "+env.Lang.F("cli.audit.broken", brk.Seq, brk.Reason))
			return exitError
		}
		fmt.Fprintln(env.Stdout, env.Lang.F("cli.audit.ok", n))
		return exitOK
	}
	entries, err := s.AuditLog(f)
	if err != nil {
		return env.fail(err)
	}
	w := bufio.NewWriter(env.Stdout)
	defer w.Flush()
	if *format == "json" {
		if entries == nil {
			entries = []store.AuditEntry{}
		}
		b, err := json.MarshalIndent(entries, "", "  ")
		if err != nil {
			return env.fail(err)
		}
		w.Write(b)
		w.WriteString("\n")
		return exitOK
	}
	l := env.Lang
	cols := []int{5, 19, 14, 16, 14}
	line := func(cells ...string) {
		for i, c := range cells {
			c = sanitize.Line(c)
			if i < len(cols) {
				c = ansi.Truncate(c, cols[i], "…")
				c += strings.Repeat(" ", cols[i]-ansi.StringWidth(c)+2)
			}
			w.WriteString(c)
		}
		w.WriteString("\n")
	}
	line("#", l.T("cli.audit.col.at"), l.T("cli.audit.col.user"), l.T("cli.audit.col.action"), l.T("cli.audit.col.record"), l.T("cli.audit.col.detail"))
	for _, e := range entries {
		detail := e.Detail
		if e.Reason != "" {
			detail = strings.TrimSpace(e.Reason + " " + detail)
		}
		line(fmt.Sprint(e.Seq), e.At.In(model.VNZone).Format("02/01/2006 15:04:05"), e.User, e.Action, e.Record, detail)
	}
	return exitOK
}

// runCompact rewrites the database into a fresh file (admins): pages bbolt
// freed, which may still hold erased or formerly clear data, are left out.
func runCompact(env *Env, args []string) int {
	fs := newFlags("compact")
	if code, ok := env.parseFlags(fs, args); !ok {
		return code
	}
	s, err := env.openWrite(false)
	if err != nil {
		return env.fail(err)
	}
	if err := requireRole(s, true); err != nil {
		s.Close()
		return env.fail(err)
	}
	err = s.Audit(store.AuditCompact, "", "", "")
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return env.fail(err)
	}
	before, after, err := store.Compact(env.DBPath, store.Options{Now: env.Now})
	if err != nil {
		return env.fail(err)
	}
	fmt.Fprintln(env.Stdout, env.Lang.F("cli.compact.done", env.DBPath, before, after))
	return exitOK
}
