package cli

import (
	"fmt"
	"text/tabwriter"

	"gopy/store"
)

func init() { extraCommands["stats"] = runStats }

// runStats prints where the database file's bytes go: per bucket (and
// per part of the record and index buckets) its keys, key and value bytes,
// pages and page fill, and each one's share of a record.
func runStats(env *Env, args []string) int {
	fs := newFlags("stats")
	if code, ok := env.parseFlags(fs, args); !ok {
		return code
	}
	return env.reading(func(s *store.Store) int {
		st, err := s.Stats()
		if err != nil {
			return env.fail(err)
		}
		writeStats(env, st)
		return exitOK
	})
}

func writeStats(env *Env, st store.Stats) {
	l := env.Lang
	per := func(n int64) string {
		if st.Records == 0 {
			return "-"
		}
		return fmt.Sprint(n / int64(st.Records))
	}
	mb := func(n int64) string { return fmt.Sprintf("%.1f", float64(n)/(1<<20)) }
	fmt.Fprintln(env.Stdout, l.F("cli.stats.file", mb(st.FileBytes), st.Records, per(st.FileBytes),
		st.PageSize, st.Unused, mb(int64(st.Unused)*int64(st.PageSize))))
	tw := tabwriter.NewWriter(env.Stdout, 2, 8, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, l.T("cli.stats.header"))
	var total store.BucketStats
	for _, b := range st.Buckets {
		name := b.Name
		if b.Part != "" {
			name = "  " + b.Part
			fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t\t\t\t%s\t\n", name, b.Keys, mb(b.KeyBytes), mb(b.ValueBytes), per(b.KeyBytes+b.ValueBytes))
			continue
		}
		total.Keys += b.Keys
		total.KeyBytes += b.KeyBytes
		total.ValueBytes += b.ValueBytes
		total.Pages += b.Pages
		total.PageBytes += b.PageBytes
		total.InUse += b.InUse
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%d\t%s\t%.0f%%\t%s\t\n", name, b.Keys, mb(b.KeyBytes), mb(b.ValueBytes),
			b.Pages, mb(b.PageBytes), 100*b.Fill(), per(b.PageBytes))
	}
	fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%d\t%s\t%.0f%%\t%s\t\n", l.T("cli.stats.total"), total.Keys, mb(total.KeyBytes), mb(total.ValueBytes),
		total.Pages, mb(total.PageBytes), 100*total.Fill(), per(total.PageBytes))
	tw.Flush()
}
