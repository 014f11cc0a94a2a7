package report

import (
	"bytes"
	"encoding/csv"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"gopy/model"
	"gopy/ui/i18n"
)

// excelCell reads a CSV cell the way Excel does in the reader's locale:
// ="…" is the text written; a number in the locale's form (Vietnamese:
// decimal comma; English: decimal point; no thousands separators, no
// unit) is a number; anything else is text — "84.1%" in a Vietnamese
// Excel, and "0912345678" loses its leading zero as the number 912345678.
func excelCell(s string, l i18n.Lang) (text string, number float64, isNumber bool) {
	if m := regexp.MustCompile(`^="(.*)"$`).FindStringSubmatch(s); m != nil {
		return m[1], 0, false
	}
	form := `^-?\d+(\.\d+)?$`
	if l == i18n.VI {
		form = `^-?\d+(,\d+)?$`
	}
	if regexp.MustCompile(form).MatchString(s) {
		n, _ := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
		return "", n, true
	}
	return s, 0, false
}

func readCSV(t *testing.T, b []byte) [][]string {
	t.Helper()
	rd := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte(bom))))
	rd.FieldsPerRecord = -1
	recs, err := rd.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// Issue 13, item 21: read back as Excel reads it, the report's rates and
// medians are numbers in both languages (no "%" in the cell, the row says
// "(%)"), and the register keeps the ID number's leading zeros.
func TestCSVReadAsExcel(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.VI, i18n.EN} {
		d := smallDoc(t)
		d.Lang = l
		var buf bytes.Buffer
		if err := Write(&buf, CSV, d); err != nil {
			t.Fatal(err)
		}
		rates := 0
		for _, rec := range readCSV(t, buf.Bytes()) {
			if len(rec) < 2 {
				continue
			}
			label := rec[0]
			isRate := label == l.T("report.fb.acceptance")+" (%)"
			if label == l.T("report.fb.acceptance") {
				t.Errorf("%s: the rate's label does not say (%%)", l)
			}
			if !isRate && label != l.T("report.fb.median") {
				continue
			}
			if rec[1] == "" {
				continue // no figure for the period
			}
			if _, n, ok := excelCell(rec[1], l); !ok {
				t.Errorf("%s: %q = %q is read as text", l, label, rec[1])
			} else if isRate && (n < 0 || n > 100) {
				t.Errorf("%s: rate %v is not a percentage", l, n)
			} else if isRate {
				rates++
			}
		}
		if rates == 0 {
			t.Errorf("%s: no acceptance rate to check", l)
		}
	}

	p := &model.Petition{ReceivedOn: model.NewDate(2026, 2, 11), Channel: model.ChannelWalkIn,
		Classification: model.ClassProposal, Name: "Nguyễn Văn An", IDNumber: "001203004005", Summary: "s"}
	row := registerRow(p, 1, model.NewDate(2026, 2, 12), "HB", i18n.VI)
	text, _, isNum := excelCell(csvCell(row[3], i18n.VI), i18n.VI)
	if isNum || text != "001203004005" {
		t.Errorf("the ID number reads as %q (number %v)", text, isNum)
	}
	if _, n, ok := excelCell(csvCell(row[0], i18n.VI), i18n.VI); !ok || n != 1 {
		t.Errorf("the row number is not the number 1")
	}
}
