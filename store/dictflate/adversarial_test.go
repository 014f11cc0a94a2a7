package dictflate

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// simulate is what a deflate reader makes of s.toks after dict.
func simulate(dict []byte, toks []uint32) []byte {
	out := append([]byte{}, dict...)
	for _, t := range toks {
		if t&matchFlag == 0 {
			out = append(out, byte(t))
			continue
		}
		l, d := int(t>>15&0xff)+3, int(t&0x7fff)+1
		for range l {
			out = append(out, out[len(out)-d])
		}
	}
	return out[len(dict):]
}

func fib(n int) []int {
	f := []int{1, 1}
	for len(f) < n {
		f = append(f, f[len(f)-1]+f[len(f)-2])
	}
	return f[:n]
}

// Tokens chosen so that literals, lengths and distances each have
// Fibonacci counts (Huffman trees far deeper than 15 bits, and code
// length codes deeper than 7) are written as a block compress/flate reads.
func TestBlockWithFibonacciCounts(t *testing.T) {
	dict := make([]byte, window)
	r := rand.New(rand.NewPCG(3, 4))
	for i := range dict {
		dict[i] = byte(r.Uint32())
	}
	e := New(dict)
	for _, c := range []struct {
		name             string
		lits, lens, dsts int
	}{{"literals", 27, 0, 0}, {"lengths", 3, 24, 0}, {"distances", 3, 0, 24}, {"all", 22, 22, 22}, {"few", 2, 1, 1}} {
		t.Run(c.name, func(t *testing.T) {
			s := e.pool.New().(*state)
			var toks []uint32
			for i, n := range fib(c.lits) {
				for range n {
					toks = append(toks, uint32((i*37)%256))
				}
			}
			lenOf := func(sym int) uint32 { // a length-3 of length symbol 257+sym
				for l := range 256 {
					if int(lenSym[l]) == 257+sym {
						return uint32(l)
					}
				}
				panic(sym)
			}
			distOf := func(sym uint32) uint32 {
				for d := uint32(0); d < window; d++ {
					if s, _ := distSym(d); s == sym {
						return d | (1<<max(0, int(sym/2)-1)-1)&d
					}
				}
				panic(sym)
			}
			for i, n := range fib(c.lens) {
				for range n {
					toks = append(toks, matchFlag|lenOf(i%29)<<15|uint32(r.IntN(window)))
				}
			}
			for i, n := range fib(c.dsts) {
				for range n {
					toks = append(toks, matchFlag|uint32(r.IntN(256))<<15|distOf(uint32(i%30)))
				}
			}
			r.Shuffle(len(toks), func(i, j int) { toks[i], toks[j] = toks[j], toks[i] })
			want := simulate(dict, toks)
			s.toks = toks
			s.bw = bitWriter{}
			s.block(want)
			if got := inflate(t, dict, s.bw.out); !bytes.Equal(got, want) {
				t.Fatalf("read back %d bytes, want %d", len(got), len(want))
			}
		})
	}
}

// Random token mixes over skewed alphabets, many sizes.
func TestBlockRandomSkewedTokens(t *testing.T) {
	dict := make([]byte, window)
	r := rand.New(rand.NewPCG(5, 6))
	for i := range dict {
		dict[i] = byte(r.Uint32())
	}
	e := New(dict)
	s := e.pool.New().(*state)
	for i := range 400 {
		n := r.IntN(3000) + 1
		skew := 1 + r.Float64()*3
		pick := func(k int) int { // roughly geometric over 0..k-1
			return min(k-1, int(r.ExpFloat64()*float64(k)/(skew*8)))
		}
		toks := make([]uint32, 0, n)
		for range n {
			switch r.IntN(3) {
			case 0:
				toks = append(toks, uint32(pick(256)))
			default:
				toks = append(toks, matchFlag|uint32(pick(256))<<15|uint32(pick(window)))
			}
		}
		want := simulate(dict, toks)
		s.toks = toks
		s.bw = bitWriter{}
		s.block(want)
		if got := inflate(t, dict, s.bw.out); !bytes.Equal(got, want) {
			t.Fatalf("case %d: read back %d bytes, want %d", i, len(got), len(want))
		}
	}
}

// Inputs at the edges of the format, through Append.
func TestEdgeInputs(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	random := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(r.Uint32())
		}
		return b
	}
	far := random(40000)
	far = append(far, far[:2000]...)                 // 40 KB back: out of the window
	far = append(far, far[len(far)-32768:][:600]...) // exactly 32 KB back
	every := make([]byte, 0, 256*3)
	for range 3 {
		for i := range 256 {
			every = append(every, byte(i))
		}
	}
	var fibText []byte // literal counts in Fibonacci proportion, no long repeats
	for i, n := range fib(17) {
		for range n {
			fibText = append(fibText, byte(i*13))
		}
	}
	r.Shuffle(len(fibText), func(i, j int) { fibText[i], fibText[j] = fibText[j], fibText[i] })
	var big []byte // megabytes of mixed text
	for len(big) < 3<<20 {
		if r.IntN(4) == 0 {
			big = append(big, random(r.IntN(300))...)
		} else {
			at := r.IntN(max(1, len(big)))
			big = append(big, big[at:][:min(len(big)-at, r.IntN(600))]...)
			big = append(big, testDict[r.IntN(len(testDict)-50):][:r.IntN(50)]...)
		}
	}
	inputs := map[string][]byte{
		"run 257":           bytes.Repeat([]byte{'a'}, 1+257),
		"run 258":           bytes.Repeat([]byte{'a'}, 1+258),
		"run 259":           bytes.Repeat([]byte{'a'}, 1+259),
		"run 516":           bytes.Repeat([]byte{'a'}, 1+516),
		"run 517":           bytes.Repeat([]byte{'a'}, 1+517),
		"far":               far,
		"every byte thrice": every,
		"fibonacci":         fibText,
		"stored 65535":      random(65535),
		"stored 65536":      random(65536),
		"random 200k":       random(200000),
		"big":               big,
		"dict then tail":    append(append([]byte{}, testDict...), 'x', 'y', 'z'),
		"match at end":      append([]byte("xyz"), testDict[len(testDict)-40:]...),
		"four":              testDict[len(testDict)-4:],
	}
	for name, src := range inputs {
		t.Run(name, func(t *testing.T) { roundTrip(t, New(testDict), testDict, src) })
	}
	// A 32 KB dictionary: matches reach its first byte.
	dict := random(window)
	src := append(append([]byte{}, dict[:300]...), dict[window-300:]...)
	src = append(src, dict[100:700]...)
	roundTrip(t, New(dict), dict, src)
}

// One state through many calls and several wraps of its table, random
// inputs: each reads back, and packs to the same bytes as a fresh state.
func TestManyCallsAcrossWraps(t *testing.T) {
	e := New(testDict)
	s := e.pool.New().(*state)
	r := rand.New(rand.NewPCG(9, 10))
	var prev []byte
	for i := range 3000 {
		if i%500 == 0 {
			s.base = 1<<31 - uint32(r.IntN(5000))
		}
		src := append([]byte{}, testDict[r.IntN(len(testDict)):]...)
		src = src[:r.IntN(len(src)+1)]
		src = append(src, prev[:r.IntN(len(prev)+1)]...)
		src = append(src, byte(r.Uint32()), byte(r.Uint32()))
		got := e.appendWith(s, nil, src)
		if back := inflate(t, testDict, got); !bytes.Equal(back, src) {
			t.Fatalf("call %d (base %d): read back wrong", i, s.base)
		}
		if fresh := e.appendWith(e.pool.New().(*state), nil, src); !bytes.Equal(fresh, got) {
			t.Fatalf("call %d: packs differently from a fresh state", i)
		}
		prev = src
	}
}

// Random counts of every spread, both limits: lengths within the limit,
// one for each used symbol only, and a complete code.
func TestHuffLengthsRandomCounts(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for i := range 20000 {
		n := []int{19, 30, 286}[i%3]
		limit := 15
		if n == 19 {
			limit = 7
		}
		freq := make([]int32, n)
		used := 0
		for j := range freq {
			if r.IntN(3) > 0 {
				switch r.IntN(3) {
				case 0:
					freq[j] = 1 + int32(r.IntN(3))
				case 1:
					freq[j] = int32(1) << r.IntN(30)
				default:
					freq[j] = 1 + int32(r.IntN(100000))
				}
				used++
			}
		}
		for used < 2 {
			if j := r.IntN(n); freq[j] == 0 {
				freq[j], used = 1, used+1
			}
		}
		lengths := make([]uint8, n)
		huffLengths(freq, limit, lengths)
		kraft := 0
		for j, l := range lengths {
			if int(l) > limit || (l == 0) != (freq[j] == 0) {
				t.Fatalf("case %d: symbol %d count %d length %d (limit %d)", i, j, freq[j], l, limit)
			}
			if l != 0 {
				kraft += 1 << (limit - int(l))
			}
		}
		if kraft != 1<<limit {
			t.Fatalf("case %d: Kraft sum %d, want %d", i, kraft, 1<<limit)
		}
	}
}

// dst may share src's memory (Append(b[:0], b), as append-style APIs are
// used): the stream still holds src's bytes, stored blocks included.
func TestAppendOverItsOwnInput(t *testing.T) {
	e := New(testDict)
	r := rand.New(rand.NewPCG(13, 14))
	for _, n := range []int{1, 10, 100, 3000} {
		for _, text := range []bool{false, true} {
			b := make([]byte, n, 2*n+64)
			for i := range b {
				b[i] = byte(r.Uint32())
				if text {
					b[i] = testDict[i%len(testDict)]
				}
			}
			want := append([]byte{}, b...)
			packed := e.Append(b[:0], b)
			if got := inflate(t, testDict, packed); !bytes.Equal(got, want) {
				t.Fatalf("%d bytes (text %v): read back %q…, want %q…", n, text, head(got), head(want))
			}
		}
	}
}
