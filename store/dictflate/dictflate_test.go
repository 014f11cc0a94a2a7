package dictflate

import (
	"bytes"
	"compress/flate"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
)

var testDict = []byte(strings.Repeat(`{"id":"","ref":"KN-","ward":"","name":"Nguyễn Văn Thử","status":"received","summary":"đề nghị giải quyết"}`, 3) +
	` phường xã thị trấn tổ dân phố khu phố thôn ấp số ngõ ngách hẻm đường phố quận huyện tỉnh thành phố `)

func inflate(t testing.TB, dict, packed []byte) []byte {
	t.Helper()
	r := flate.NewReaderDict(bytes.NewReader(packed), dict)
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("compress/flate cannot read the stream: %v", err)
	}
	return out
}

func roundTrip(t testing.TB, e *Encoder, dict, src []byte) []byte {
	t.Helper()
	packed := e.Append([]byte("prefix"), src)
	if !bytes.HasPrefix(packed, []byte("prefix")) {
		t.Fatalf("Append lost what dst held")
	}
	packed = packed[len("prefix"):]
	if got := inflate(t, dict, packed); !bytes.Equal(got, src) {
		t.Fatalf("read back %d bytes %q…, want %d bytes %q…", len(got), head(got), len(src), head(src))
	}
	return packed
}

func head(b []byte) []byte { return b[:min(len(b), 60)] }

// Every shape of input reads back exactly with compress/flate: empty, one
// byte, runs (long matches, overlapping ones, the 258-byte limit), the
// dictionary itself, text far longer than the window (distances at the
// limit), random bytes (stored blocks), every byte value.
func TestReadsBackWithCompressFlate(t *testing.T) {
	e := New(testDict)
	r := rand.New(rand.NewPCG(1, 2))
	random := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(r.Uint32())
		}
		return b
	}
	every := make([]byte, 256)
	for i := range every {
		every[i] = byte(i)
	}
	var words []byte
	for range 20000 {
		w := []string{"Nguyễn", "Văn", "phường", `"status":"`, "received", "\x00", "đề nghị", "{", "}", "x"}[r.IntN(10)]
		words = append(words, w...)
	}
	inputs := map[string][]byte{
		"empty":        {},
		"one byte":     {'a'},
		"three bytes":  []byte("abc"),
		"run":          bytes.Repeat([]byte{'z'}, 1000),
		"long run":     bytes.Repeat([]byte{'z'}, 100000),
		"dictionary":   testDict,
		"dict twice":   append(append([]byte{}, testDict...), testDict...),
		"random small": random(100),
		"random big":   random(70000),
		"every byte":   every,
		"words":        words,
		"json":         []byte(`{"id":"01J","ref":"KN-2025-00012","ward":"HB","name":"Nguyễn Văn Thử","status":"resolved","summary":"đề nghị giải quyết tranh chấp đất đai tại tổ dân phố số 5"}`),
		"tail of dict": testDict[len(testDict)-5:],
	}
	for name, src := range inputs {
		t.Run(name, func(t *testing.T) { roundTrip(t, e, testDict, src) })
	}
	// The same encoder again and again, interleaved: no state leaks from
	// one input to the next.
	for i := range 300 {
		src := words[r.IntN(len(words)/2):][:r.IntN(3000)]
		if i%7 == 0 {
			src = random(r.IntN(500))
		}
		roundTrip(t, e, testDict, src)
	}
}

func TestNoDictionaryAndLongDictionary(t *testing.T) {
	src := []byte(strings.Repeat("hello hello world ", 50))
	roundTrip(t, New(nil), nil, src)
	long := bytes.Repeat([]byte("abcdefghij"), 5000) // 50 KB: the reader keeps the last 32 KB
	roundTrip(t, New(long), long, append(src, long[:3000]...))
}

// The dictionary is used: text made of it packs to a small fraction.
func TestDictionaryShortensWhatItHolds(t *testing.T) {
	with := roundTrip(t, New(testDict), testDict, testDict[10:200])
	without := roundTrip(t, New(nil), nil, testDict[10:200])
	if len(with) > len(without)/3 {
		t.Fatalf("with the dictionary %d bytes, without %d: the dictionary is not used", len(with), len(without))
	}
}

// Concurrent calls share the encoder.
func TestConcurrentUse(t *testing.T) {
	e := New(testDict)
	done := make(chan struct{})
	for g := range 4 {
		go func() {
			defer func() { done <- struct{}{} }()
			r := rand.New(rand.NewPCG(uint64(g), 9))
			for range 200 {
				src := testDict[r.IntN(100):][:r.IntN(200)]
				src = append(append([]byte{}, src...), byte(g))
				packed := e.Append(nil, src)
				got, err := io.ReadAll(flate.NewReaderDict(bytes.NewReader(packed), testDict))
				if err != nil || !bytes.Equal(got, src) {
					t.Errorf("goroutine %d: read back %q, %v; want %q", g, got, err, src)
					return
				}
			}
		}()
	}
	for range 4 {
		<-done
	}
}

func FuzzReadsBack(f *testing.F) {
	f.Add([]byte("hello"))
	f.Add(testDict)
	f.Add(bytes.Repeat([]byte{0xff, 0}, 300))
	e := New(testDict)
	f.Fuzz(func(t *testing.T, src []byte) {
		roundTrip(t, e, testDict, src)
	})
}

// Huffman lengths stay within their limit and form a complete code, even
// for counts that make a plain Huffman code too deep (Fibonacci counts).
func TestHuffLengthsLimitedAndComplete(t *testing.T) {
	freq := make([]int32, 286)
	a, b := int32(1), int32(1)
	for i := range 30 {
		freq[i] = a
		a, b = b, a+b
	}
	freq[100] = 1
	lengths := make([]uint8, 286)
	for _, limit := range []int{15, 7} {
		huffLengths(freq, limit, lengths)
		kraft := 0
		for i, l := range lengths {
			if int(l) > limit {
				t.Fatalf("limit %d: symbol %d has length %d", limit, i, l)
			}
			if (l == 0) != (freq[i] == 0) {
				t.Fatalf("symbol %d: count %d, length %d", i, freq[i], l)
			}
			if l != 0 {
				kraft += 1 << (limit - int(l))
			}
		}
		if kraft != 1<<limit {
			t.Fatalf("limit %d: Kraft sum %d, want %d (a complete code)", limit, kraft, 1<<limit)
		}
	}
}

func BenchmarkAppend(b *testing.B) {
	src := []byte(`{"ref":"KN-2025-00012","ward":"HB","created_at":"2025-03-04T02:03:04Z","name":"Nguyễn Văn Thử","status":"resolved","summary":"đề nghị giải quyết tranh chấp đất đai tại tổ dân phố số 5, phường Hòa Bình, người dân phản ánh nhiều lần"}`)
	e := New(testDict)
	var out []byte
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		out = e.Append(out[:0], src)
	}
}

func BenchmarkCompressFlate(b *testing.B) {
	src := []byte(`{"ref":"KN-2025-00012","ward":"HB","created_at":"2025-03-04T02:03:04Z","name":"Nguyễn Văn Thử","status":"resolved","summary":"đề nghị giải quyết tranh chấp đất đai tại tổ dân phố số 5, phường Hòa Bình, người dân phản ánh nhiều lần"}`)
	var buf bytes.Buffer
	w, _ := flate.NewWriterDict(&buf, flate.DefaultCompression, testDict)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		buf.Reset()
		w.Reset(&buf)
		w.Write(src)
		w.Close()
	}
}

// The input's hash table is never cleared between calls but when its
// numbers run out: entries of an earlier input are never taken for this
// one's, across the wrap too.
func TestTableAcrossCallsAndItsWrap(t *testing.T) {
	e := New(testDict)
	s := e.pool.New().(*state)
	a := []byte(strings.Repeat("một hai ba bốn năm sáu bảy tám ", 20))
	b := []byte(strings.Repeat("chín mười một hai ba bốn năm ", 20))
	s.base = 1<<31 - uint32(len(testDict)) - 300
	for i := range 6 {
		src := a
		if i%2 == 1 {
			src = b
		}
		packed := e.appendWith(s, nil, src)
		if got := inflate(t, testDict, packed); !bytes.Equal(got, src) {
			t.Fatalf("call %d (base %d): read back %q", i, s.base, head(got))
		}
	}
	if s.base > 1<<20 {
		t.Fatalf("base %d: the table was not wrapped", s.base)
	}
}
