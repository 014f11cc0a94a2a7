package report

import (
	"bytes"
	"testing"
	"time"

	"gopy/model"
)

// The overdue lists written by hand (reportJSON) read exactly as
// encoding/json writes them, made inert: on the demo reports of every kind
// of period, by ward and not, and on entries full of what JSON and a
// terminal must escape. A field added to OverdueEntry and not written by
// hand fails it.
func TestReportJSONByHand(t *testing.T) {
	s, today := scanStore(t)
	st, err := s.Settings()
	if err != nil {
		t.Fatal(err)
	}
	listed := 0
	for _, ps := range []string{"2025", "2026-Q1", "01/01/1900..31/12/2199", "2030"} {
		p, err := model.ParsePeriod(ps)
		if err != nil {
			t.Fatal(err)
		}
		for _, byWard := range []bool{false, true} {
			var rep model.Report
			if byWard {
				rep = fullScan(t, s, p, model.NewWardAggregator(p, today, &st))
			} else {
				rep = fullScan(t, s, p, model.NewAggregator(p, today, &st))
			}
			listed += len(rep.Petitions.OverdueList)
			sameJSON(t, ps, &rep)
		}
	}
	if listed == 0 {
		t.Fatal("no overdue petition in the demo reports: the test proves nothing")
	}

	hostile := []string{"", "plain", "Nguyễn Văn An", "q\"uo\\te", "ctl\x00\x01\x1f\x7f\b\f\n\r\t", "<a href='x'>&amp;</a>",
		"bidi\u202eevil\u2066\u200f\u061c", "c1\u0085\u009b[31m", "ls\u2028ps\u2029", "bad\xff\xc3utf8\xe2\x80", "emoji 👍🏽", "\"overdue_list\": []"}
	var list []model.OverdueEntry
	for i, h := range hostile {
		list = append(list, model.OverdueEntry{
			ID: h, Ref: h, Ward: h, ReceivedOn: model.NewDate(2025, time.Month(1+i%12), 1+i), Due: model.Date(i * 3),
			Kind: model.DueKind(h), DaysOverdue: i*1000 - 3, Status: h, Classification: h, Assignee: h,
		})
	}
	rep := model.Report{Period: model.Period{From: model.NewDate(2025, 1, 1), To: model.NewDate(2025, 12, 31)}}
	rep.Petitions.OverdueList = list
	rep.Petitions.ByStatus = model.Counts{{Key: "overdue_list", N: 1}}
	sameJSON(t, "hostile", &rep)
	rep.Wards = []model.WardReport{{Ward: "\u202ew1"}, {Ward: "w2"}, {Ward: "w3"}}
	rep.Wards[0].Petitions.OverdueList = list[:3]
	rep.Wards[2].Petitions.OverdueList = list[5:]
	sameJSON(t, "hostile by ward", &rep)
	rep.Petitions.OverdueList = nil
	sameJSON(t, "hostile, none in the total", &rep)
}

// sameJSON compares the JSON written by hand, in one piece and flushed
// after every entry, with encoding/json's.
func sameJSON(t *testing.T, name string, rep *model.Report) {
	t.Helper()
	want, err := encodeJSON(rep)
	if err != nil {
		t.Fatal(err)
	}
	sameBytes(t, name, reportJSON, rep, want)
	defer func(n int) { jsonFlush = n }(jsonFlush)
	jsonFlush = 1
	sameBytes(t, name+", flushed often", func(r *model.Report) ([]byte, error) {
		var b bytes.Buffer
		err := Write(&b, JSON, Doc{Report: *r})
		return b.Bytes(), err
	}, rep, want)
}

func sameBytes(t *testing.T, name string, write func(*model.Report) ([]byte, error), rep *model.Report, want []byte) {
	t.Helper()
	got, err := write(rep)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		i := 0
		for i < len(got) && i < len(want) && got[i] == want[i] {
			i++
		}
		t.Errorf("%s: JSON differs from encoding/json's at byte %d:\n got …%q…\nwant …%q…", name, i,
			got[max(i-80, 0):min(i+80, len(got))], want[max(i-80, 0):min(i+80, len(want))])
	}
}
