package model

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"
)

// hostile are texts encoding/json escapes or replaces, and their
// neighbours it does not.
var hostile = []string{
	"", "Nguyễn Văn An", "<script>&amp;</script>", "a\"b\\c", "\x00\x01\x1f\x7f",
	"\b\f\n\r\t", "\u2028\u2029\u2027\u202a", "\xff\xfe", "\xe1\xba", "\xed\xa0\x80",
	"\xf4\x90\x80\x80", "Đ\xc3", "\x1b[31mred\x1b[0m", "\u202eevil", "\ufeffbom", "\ufffd",
	"😀 emoji \U0010ffff", "/path/with/slash", "tab\tin", "{\"id\":\"x\"}", " ", "\u0301",
	strings.Repeat("Phản ánh tình trạng <đổ> & trộm rác \u2028", 400),
}

func randText(r *rand.Rand) string {
	switch r.IntN(4) {
	case 0:
		return hostile[r.IntN(len(hostile))]
	case 1:
		b := make([]byte, r.IntN(40))
		for i := range b {
			b[i] = byte(r.UintN(256))
		}
		return string(b)
	case 2:
		// Runes from every plane, some surrogates' neighbours.
		var sb strings.Builder
		for range r.IntN(20) {
			sb.WriteRune(rune(r.IntN(0x110000)))
		}
		return sb.String()
	}
	var sb strings.Builder
	for range 1 + r.IntN(4) {
		sb.WriteString(hostile[r.IntN(len(hostile))])
	}
	return sb.String()
}

var dates = []Date{0, 20260127, 19000101, 21991231, 1, -1, -20260127, 99999999, 100000000, 123456789, 2147483647, -2147483648, 99, 10000, 20261399}

func randDate(r *rand.Rand) Date {
	if r.IntN(3) == 0 {
		return dates[r.IntN(len(dates))]
	}
	return Date(r.Int32() - r.Int32())
}

var zones = []*time.Location{time.UTC, VNZone, time.FixedZone("odd", 5*3600+1800+17), time.FixedZone("far", 25*3600), time.FixedZone("west", -9*3600), time.Local}

func randTime(r *rand.Rand) time.Time {
	switch r.IntN(6) {
	case 0:
		return time.Time{}
	case 1:
		// Outside years 0–9999: encoding/json refuses it.
		return time.Date(10000+r.IntN(5), 1, 1, 0, 0, 0, 0, time.UTC)
	case 2:
		return time.Date(-r.IntN(5), 1, 1, 0, 0, 0, 0, time.UTC)
	}
	t := time.Unix(r.Int64N(1<<36)-1<<35, r.Int64N(1e9)).In(zones[r.IntN(len(zones))])
	if r.IntN(3) == 0 {
		t = t.Truncate(time.Second)
	}
	return t
}

// fill sets every field of v (found by reflection, so a field added to a
// record is filled too) to a random value, sometimes its zero.
func fill(r *rand.Rand, v reflect.Value) {
	if r.IntN(5) == 0 && v.Kind() != reflect.Struct {
		v.SetZero()
		return
	}
	switch v.Type() {
	case reflect.TypeFor[Date]():
		v.Set(reflect.ValueOf(randDate(r)))
		return
	case reflect.TypeFor[time.Time]():
		v.Set(reflect.ValueOf(randTime(r)))
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(randText(r))
	case reflect.Int, reflect.Int64, reflect.Int32:
		v.SetInt(r.Int64N(1<<40) - 1<<39)
		if r.IntN(2) == 0 {
			v.SetInt(int64(r.IntN(10) - 3))
		}
	case reflect.Bool:
		v.SetBool(r.IntN(2) == 0)
	case reflect.Slice:
		n := r.IntN(4)
		s := reflect.MakeSlice(v.Type(), n, n)
		if v.Type().Elem().Kind() == reflect.Uint8 {
			b := make([]byte, r.IntN(80))
			for i := range b {
				b[i] = byte(r.UintN(256))
			}
			v.SetBytes(b)
			return
		}
		for i := range n {
			fill(r, s.Index(i))
		}
		v.Set(s)
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(r, v.Field(i))
			}
		}
	default:
		panic(fmt.Sprintf("fill: no rule for %s", v.Type()))
	}
}

func checkSameJSON(t *testing.T, rec Record) {
	t.Helper()
	want, werr := json.Marshal(rec)
	got, gerr := AppendJSON([]byte("prefix"), rec)
	if (werr != nil) != (gerr != nil) {
		t.Fatalf("%T: json.Marshal error %v, AppendJSON error %v", rec, werr, gerr)
	}
	if werr != nil {
		return
	}
	if !bytes.Equal(got[:6], []byte("prefix")) || !bytes.Equal(got[6:], want) {
		t.Fatalf("%T differs:\njson.Marshal %s\nAppendJSON   %s", rec, want, got[6:])
	}
}

// AppendJSON writes json.Marshal's bytes for every kind, every field
// filled at random with hostile text (invalid UTF-8, control characters,
// <>&, U+2028, long text), odd dates and times, nil and empty slices.
func TestAppendJSONIsEncodingJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 2026))
	kinds := []func() Record{
		func() Record { return &Feedback{} }, func() Record { return &Session{} },
		func() Record { return &Petition{} }, func() Record { return &Commitment{} },
		func() Record { return &Information{} },
	}
	n := 20000
	if testing.Short() {
		n = 2000
	}
	for i := range n {
		rec := kinds[i%len(kinds)]()
		fill(r, reflect.ValueOf(rec).Elem())
		checkSameJSON(t, rec)
	}
	// Every kind empty, and with empty (not nil) slices.
	for _, mk := range kinds {
		checkSameJSON(t, mk())
	}
	checkSameJSON(t, &Feedback{Points: []Point{}, Topics: []string{}})
	checkSameJSON(t, &Petition{Extensions: []Extension{}, Log: []LogEntry{}, Sealed: []byte{}})
	checkSameJSON(t, &Session{Topics: []string{}})
	checkSameJSON(t, &Commitment{Progress: []ProgressNote{}})
}

// The test's filler reaches every field: a record filled at random and
// one left empty differ in every field's JSON name.
func TestAppendJSONFillReachesEveryField(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, rec := range []Record{&Feedback{}, &Session{}, &Petition{}, &Commitment{}, &Information{}} {
		seen := map[string]bool{}
		for range 200 {
			v := reflect.New(reflect.TypeOf(rec).Elem())
			fill(r, v.Elem())
			js, err := json.Marshal(v.Interface())
			if err != nil {
				continue
			}
			var m map[string]any
			if err := json.Unmarshal(js, &m); err != nil {
				t.Fatal(err)
			}
			for k := range m {
				seen[k] = true
			}
		}
		var walk func(reflect.Type)
		walk = func(tp reflect.Type) {
			for i := range tp.NumField() {
				f := tp.Field(i)
				if f.Anonymous {
					walk(f.Type)
					continue
				}
				name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
				if !seen[name] {
					t.Errorf("%T: field %s never written", rec, name)
				}
			}
		}
		walk(reflect.TypeOf(rec).Elem())
	}
}

func FuzzAppendJSON(f *testing.F) {
	for _, s := range hostile {
		f.Add(s, int32(20260127), int64(0))
	}
	f.Fuzz(func(t *testing.T, s string, d int32, sec int64) {
		at := time.Unix(sec, 0).UTC()
		m := Meta{ID: s, Ref: s, Ward: s, CreatedAt: at, CreatedBy: s, UpdatedAt: at, UpdatedBy: s}
		checkSameJSON(t, &Petition{Meta: m, ReceivedOn: Date(d), Name: s, Summary: s, Address: s,
			Log: []LogEntry{{On: Date(d), By: s, Kind: s, Text: s}}, Sealed: []byte(s)})
		checkSameJSON(t, &Feedback{Meta: m, GivenOn: Date(d), Subject: s, Topics: []string{s, s},
			Points: []Point{{Content: s, AnsweredOn: Date(d), Answer: s}}})
	})
}

func TestISOMatchesSprintf(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	check := func(d Date) {
		want := ""
		if d != 0 {
			want = fmt.Sprintf("%04d-%02d-%02d", d.Year(), int(d.Month()), d.Day())
		}
		if got := d.ISO(); got != want {
			t.Fatalf("%d: ISO %q, want %q", d, got, want)
		}
		if got := string(d.AppendISO([]byte("x"))); got != "x"+want {
			t.Fatalf("%d: AppendISO %q, want %q", d, got, "x"+want)
		}
	}
	for _, d := range dates {
		check(d)
	}
	for range 100000 {
		check(Date(r.Int32()))
		check(Date(r.IntN(1_0000_00_00 + 10)))
	}
}

func TestFormatRefMatchesSprintf(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for i := range 50000 {
		year, n := r.IntN(12000)-10, r.IntN(200000)-10
		if i%2 == 0 {
			year, n = 1990+r.IntN(60), r.IntN(12000)
		}
		k := Kinds[i%len(Kinds)]
		if got, want := FormatRef(k, year, n), fmt.Sprintf("%s-%04d-%04d", k.RefPrefix(), year, n); got != want {
			t.Fatalf("FormatRef(%s, %d, %d) = %q, want %q", k, year, n, got, want)
		}
	}
}

// RowOf folds each field into one buffer (appendFoldField): the same text
// as Fold gave field by field, a NUL folded as a space.
func TestAppendFoldFieldIsFold(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	extra := []string{"  Nguyễn   Văn  ĐỨC  ", "\t\n\v\f\r x \u0085\u00a0y\u3000", "ÀÁẢÃẠ ăắằẳẵặ \u0301\u0300", "a\x00b \x00 ", "İSTANBUL ǅ ß ΣΑΣ", "ＡＢＣ", "\x00", " \x00 "}
	for i := range 200000 {
		var s string
		if i < len(extra) {
			s = extra[i]
		} else {
			s = randText(r)
		}
		want := Fold(strings.ReplaceAll(s, "\x00", " "))
		if got := string(appendFoldField([]byte("p\x00"), s)); got != "p\x00"+want {
			t.Fatalf("%q: appendFoldField %q, want %q", s, got, "p\x00"+want)
		}
	}
}

// The day arithmetic without time.Date gives time's answers: every date
// of years 1–9999 moved by small and large steps, and odd dates (month 13,
// day 0, zero, negative) left to time as before.
func TestDayArithmeticIsTimes(t *testing.T) {
	old := func(d Date, n int) Date {
		if d == 0 {
			return 0
		}
		tt := d.Time().AddDate(0, 0, n)
		return NewDate(tt.Year(), tt.Month(), tt.Day())
	}
	oldUntil := func(d, e Date) int { return int(e.Time().Sub(d.Time()).Hours() / 24) }
	r := rand.New(rand.NewPCG(11, 12))
	steps := []int{0, 1, -1, 7, 30, -45, 365, 366, -1461, 36524, 146097, -146097, 999_999, -999_999, 1_000_000}
	check := func(d Date) {
		for _, n := range append(steps, r.IntN(4000)-2000) {
			if got, want := d.AddDays(n), old(d, n); got != want {
				t.Fatalf("%d.AddDays(%d) = %d, want %d", d, n, got, want)
			}
		}
		e := Date(r.IntN(99991231))
		if got, want := d.DaysUntil(e), oldUntil(d, e); got != want {
			t.Fatalf("%d.DaysUntil(%d) = %d, want %d", d, e, got, want)
		}
		if got, want := d.Weekday(), d.Time().Weekday(); got != want {
			t.Fatalf("%d.Weekday() = %v, want %v", d, got, want)
		}
	}
	for y := 1; y <= 9999; y += 1 + r.IntN(3) {
		for m := 0; m <= 13; m++ {
			for dd := 0; dd <= 32; dd++ {
				if y < 1890 || y > 2210 {
					if r.IntN(20) != 0 {
						continue
					}
				}
				check(NewDate(y, time.Month(m), dd))
			}
		}
	}
	for _, d := range dates {
		check(d)
	}
}

// AppendJSONString without HTML escaping and with runes of the caller's
// escaped (a report escapes what acts on a terminal): it reads back as
// the string, and the chosen runes, above U+FFFF too, appear only as
// \u escapes.
func TestAppendJSONStringEscapesChosenRunes(t *testing.T) {
	s := "a<b>&\u0085c\u202e😀\x00\xff\u2028đ"
	chosen := func(r rune) bool { return r == 0x85 || r == 0x202e || r == '😀' }
	got := AppendJSONString(nil, s, false, chosen)
	var back string
	if err := json.Unmarshal(got, &back); err != nil {
		t.Fatalf("%s: %v", got, err)
	}
	if want := strings.ToValidUTF8(s, "\ufffd"); back != want {
		t.Fatalf("read back %q, want %q", back, want)
	}
	for _, w := range []string{`a<b>&`, `\u0085`, `\u202e`, `\ud83d\ude00`, `\u0000`, `\ufffd`, `\u2028`, "đ"} {
		if !strings.Contains(string(got), w) {
			t.Errorf("%s lacks %s", got, w)
		}
	}
	if strings.ContainsAny(string(got), "\u0085\u202e😀") {
		t.Errorf("%s holds a chosen rune as it is", got)
	}
	if html := AppendJSONString(nil, "<&>", true, nil); string(html) != `"\u003c\u0026\u003e"` {
		t.Errorf("with HTML escaping: %s", html)
	}
}
