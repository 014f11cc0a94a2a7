package store_test

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"gopy/model"
	"gopy/store"
)

const crashEnv = "GOPY_STORE_CRASH_DB"

// TestCrashHelper is the child of TestCrashSafety: it saves records as fast
// as it can and prints each reference only once its save has returned,
// the way the UI reports a save done.
func TestCrashHelper(t *testing.T) {
	path := os.Getenv(crashEnv)
	if path == "" {
		t.Skip("the child process of TestCrashSafety")
	}
	s, err := store.Open(path, store.Options{Timeout: 5 * time.Second})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	deadline := time.Now().Add(20 * time.Second) // never outlive a parent that failed to kill us
	var last *model.Petition
	for i := 0; time.Now().Before(deadline); i++ {
		var recs []model.Record
		for j := 0; j < 1+i%3; j++ {
			p := petition(day(2026, 1, 1).AddDays(i%300), model.Classifications[i%4])
			p.Summary = fmt.Sprintf("Lần lưu %d/%d: %s", i, j, p.Summary)
			recs = append(recs, p)
		}
		if len(recs) == 1 {
			err = s.Create(recs[0], officer)
		} else {
			err = s.CreateBatch(recs, officer)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		var out strings.Builder
		for _, r := range recs {
			out.WriteString(r.GetMeta().Ref + "\n")
		}
		os.Stdout.WriteString(out.String())
		if last != nil && i%2 == 0 { // updates are interrupted too
			last.Status, last.Handling, last.AcknowledgedOn = model.StatusInProgress, model.HandlingAccepted, last.ReceivedOn.AddDays(1)
			last.AssigneeOfficer = fmt.Sprintf("Cán bộ %d", i)
			if err := s.Update(last, officer); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(2)
			}
		}
		last = recs[len(recs)-1].(*model.Petition)
	}
	s.Close()
	os.Exit(3)
}

// TestCrashSafety kills a process that is saving, at a random moment, five
// times over the same file: every save it reported done is there, and
// Check finds nothing wrong.
func TestCrashSafety(t *testing.T) {
	if os.Getenv(crashEnv) != "" {
		t.Skip()
	}
	if testing.Short() {
		t.Skip("starts child processes")
	}
	s, path, c := openTest(t)
	s.Close()
	r := rand.New(rand.NewPCG(5, 25))
	reported := map[string]bool{}
	for round := 0; round < 5; round++ {
		cmd, lines, stderr := startChild(t, "TestCrashHelper", crashEnv+"="+path)
		select {
		case ref, ok := <-lines:
			if !ok {
				cmd.Wait()
				t.Fatalf("round %d: the child saved nothing: %s", round, stderr.String())
			}
			reported[ref] = true
		case <-time.After(30 * time.Second):
			cmd.Process.Kill()
			t.Fatalf("round %d: no save within 30 s", round)
		}
		time.Sleep(time.Duration(r.IntN(150_000)) * time.Microsecond)
		if err := cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		n := 1
		for ref := range lines {
			reported[ref] = true
			n++
		}
		cmd.Wait()
		if strings.TrimSpace(stderr.String()) != "" && !strings.Contains(stderr.String(), "signal: killed") {
			t.Logf("round %d child stderr: %s", round, stderr.String())
		}

		s, err := store.Open(path, store.Options{Now: c.Now})
		if err != nil {
			t.Fatalf("round %d: open after the kill: %v", round, err)
		}
		mustClean(t, s)
		stored := map[string]int{}
		err = s.Each(store.Query{Kind: model.KindPetition}, func(row *model.Row) error {
			stored[row.Ref]++
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		for ref := range reported {
			if stored[ref] == 0 {
				t.Errorf("round %d: %s was reported saved but is gone", round, ref)
			}
		}
		for ref, k := range stored {
			if k > 1 {
				t.Errorf("round %d: reference %s used %d times", round, ref, k)
			}
		}
		t.Logf("round %d: %d saves reported this round, %d stored in all", round, n, len(stored))
		s.Close()
	}
}

// startChild runs this test binary's test run in a child process with env
// added, and hands back its output a line at a time (a line cut by a kill
// is dropped) and its stderr.
func startChild(t *testing.T, run, env string) (*exec.Cmd, <-chan string, *strings.Builder) {
	cmd := exec.Command(os.Args[0], "-test.run=^"+run+"$", "-test.count=1", "-test.timeout=60s")
	cmd.Env = append(os.Environ(), env)
	stderr := &strings.Builder{}
	cmd.Stderr = stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string, 4096)
	go func() {
		defer close(lines)
		br := bufio.NewReader(stdout)
		for {
			line, err := br.ReadString('\n')
			if err != nil {
				if err != io.EOF {
					t.Error(err)
				}
				return
			}
			lines <- strings.TrimSuffix(line, "\n")
		}
	}()
	return cmd, lines, stderr
}
