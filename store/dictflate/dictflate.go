// Package dictflate writes raw deflate streams (RFC 1951) that
// compress/flate's NewReaderDict reads back with the same dictionary. It
// is made for many small inputs against one fixed dictionary, the way gopy
// stores each record: compress/flate's Writer clears 640 KB of hash tables
// and hashes the whole dictionary again at every Reset, and builds its
// Huffman trees through sort.Interface, which made packing most of the time
// a bulk load of a million records took. Here the dictionary is hashed
// once, in New, and shared read-only by every call; a call touches only the
// table entries of its own input.
//
// The output is one final block, dynamic, fixed or stored, whichever is
// shortest; matches are found on hash chains through the input and the
// dictionary with lazy evaluation, as zlib's level 6 does. Only the
// standard library reads what it writes: there is no decoder here.
package dictflate

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"sync"
)

const (
	hashBits = 13
	hashSize = 1 << hashBits
	minMatch = 4 // matches are found through 4-byte hashes
	maxMatch = 258
	window   = 32768

	maxChain = 16  // candidates tried at a position (more gain under 0.1 %)
	goodLen  = 8   // a match this long already: try a quarter of them
	lazyLen  = 16  // a match this long is taken without looking one on
	niceLen  = 128 // a match this long stops the search
	// The positions inside a match longer than this are not hashed: the
	// long matches of a record are mostly of the dictionary's text, which
	// is hashed already.
	maxInsert = 16
)

// Encoder packs inputs against one dictionary. It is safe for concurrent
// use.
type Encoder struct {
	dict []byte
	// head[h] is 1 + the last dictionary position whose 4 bytes hash to
	// h (0: none); prev[p] the one before position p's, likewise.
	head []int32
	prev []int32
	pool sync.Pool
}

// New makes an Encoder for dict (its last 32 KB: what a reader keeps).
func New(dict []byte) *Encoder {
	if len(dict) > window {
		dict = dict[len(dict)-window:]
	}
	e := &Encoder{dict: slices.Clone(dict), head: make([]int32, hashSize), prev: make([]int32, len(dict))}
	for p := 0; p+minMatch <= len(dict); p++ {
		h := hash4(dict[p:])
		e.prev[p] = e.head[h]
		e.head[h] = int32(p + 1)
	}
	e.pool.New = func() any {
		s := &state{head: make([]uint32, hashSize)}
		s.buf = append(s.buf, e.dict...)
		return s
	}
	return e
}

func hash4(b []byte) uint32 {
	return (binary.LittleEndian.Uint32(b) * 0x1e35a7bd) >> (32 - hashBits)
}

// A token is a literal byte, or a match: matchFlag | (length-3)<<15 |
// (distance-1).
const matchFlag = 1 << 31

type state struct {
	buf []byte // dictionary ‖ input
	// head[h] is base + 1 + the last input position whose 4 bytes hash
	// to h; an entry at or below base is a past call's, none.
	head []uint32
	base uint32
	prev []int32 // prev[p-len(dict)] for an input position p
	toks []uint32
	lit  [286]int32
	dist [30]int32
	bw   bitWriter
	huff huffScratch
}

// Append appends to dst a complete raw deflate stream of src (one final
// block), to be read with flate.NewReaderDict(r, dict).
func (e *Encoder) Append(dst, src []byte) []byte {
	s := e.pool.Get().(*state)
	defer e.pool.Put(s)
	return e.appendWith(s, dst, src)
}

func (e *Encoder) appendWith(s *state, dst, src []byte) []byte {
	d := len(e.dict)
	s.buf = append(s.buf[:d], src...)
	s.prev = slices.Grow(s.prev[:0], len(src))[:len(src)]
	s.toks = s.toks[:0]
	s.match(e)
	// The next call's entries are above this one's: the table is never
	// cleared but when the numbers run out.
	if s.base += uint32(len(s.buf)) + 1; s.base > 1<<31 {
		clear(s.head)
		s.base = 0
	}
	s.bw = bitWriter{out: dst}
	// The input as copied: dst may share src's memory, and a stored
	// block's header is written before its bytes.
	s.block(s.buf[d:])
	out := s.bw.out
	s.bw.out = nil
	return out
}

// insert adds input position p to the hash chains.
func (s *state) insert(e *Encoder, p int) {
	h := hash4(s.buf[p:])
	first := e.head[h]
	if v := s.head[h]; v > s.base {
		first = int32(v - s.base)
	}
	s.prev[p-len(e.dict)] = first
	s.head[h] = s.base + uint32(p+1)
}

// longest finds the longest match for position p (whose hash is inserted)
// longer than atLeast, within the window; 0 when none.
func (s *state) longest(e *Encoder, p, atLeast int) (length, dist int) {
	buf := s.buf
	d := len(e.dict)
	limit := min(maxMatch, len(buf)-p)
	if limit < minMatch {
		return 0, 0
	}
	best := max(atLeast, minMatch-1)
	if best >= limit {
		return 0, 0
	}
	chain := maxChain
	if atLeast >= goodLen {
		chain >>= 2
	}
	want := binary.LittleEndian.Uint32(buf[p:])
	for c := int(s.prev[p-d]) - 1; c >= 0 && chain > 0; chain-- {
		if p-c > window {
			break
		}
		if buf[c+best] == buf[p+best] && binary.LittleEndian.Uint32(buf[c:]) == want {
			n := matchLen(buf[c:], buf[p:p+limit])
			if n > best {
				best, length, dist = n, n, p-c
				if n >= niceLen || n == limit {
					break
				}
			}
		}
		if c >= d {
			c = int(s.prev[c-d]) - 1
		} else {
			c = int(e.prev[c]) - 1
		}
	}
	return length, dist
}

// matchLen is the length of the common prefix of a and b (len(a) ≥ len(b)).
func matchLen(a, b []byte) int {
	n := 0
	for len(b)-n >= 8 {
		if x := binary.LittleEndian.Uint64(a[n:]) ^ binary.LittleEndian.Uint64(b[n:]); x != 0 {
			return n + bits.TrailingZeros64(x)>>3
		}
		n += 8
	}
	for n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// match turns the input into tokens: zlib's lazy evaluation (a match is
// taken only when the one starting a byte later is not longer).
func (s *state) match(e *Encoder) {
	d, end := len(e.dict), len(s.buf)
	p := d
	havePrev := false
	prevLen, prevDist := 0, 0
	for {
		curLen, curDist := 0, 0
		if p+minMatch <= end {
			s.insert(e, p)
			if !havePrev || prevLen < lazyLen {
				at := 0
				if havePrev {
					at = prevLen
				}
				curLen, curDist = s.longest(e, p, at)
			}
		}
		if havePrev && prevLen >= minMatch && curLen <= prevLen {
			s.toks = append(s.toks, matchFlag|uint32(prevLen-3)<<15|uint32(prevDist-1))
			stop := p - 1 + prevLen
			if prevLen <= maxInsert {
				for q := p + 1; q < stop && q+minMatch <= end; q++ {
					s.insert(e, q)
				}
			}
			p, havePrev = stop, false
			if p >= end {
				return
			}
			continue
		}
		if havePrev {
			s.toks = append(s.toks, uint32(s.buf[p-1]))
		}
		if p >= end {
			return
		}
		havePrev, prevLen, prevDist = true, curLen, curDist
		p++
	}
}

// lenSym, lenExtra: the length symbol (257–285) and extra bits of
// length-3.
var lenSym, lenExtra [256]uint16

func init() {
	for l := range 256 {
		switch {
		case l < 8:
			lenSym[l] = uint16(257 + l)
		case l == 255:
			lenSym[l] = 285
		default:
			x := bits.Len(uint(l)) - 3
			lenSym[l] = uint16(265 + 4*(x-1) + (l>>x)&3)
			lenExtra[l] = uint16(x)
		}
	}
}

// distSym is the distance symbol (0–29) and its extra bits of distance-1.
func distSym(d uint32) (sym, extra uint32) {
	if d < 4 {
		return d, 0
	}
	l := uint32(bits.Len32(d))
	return 2*(l-1) + (d>>(l-2))&1, l - 2
}

var fixedLit = func() (l [288]uint8) {
	for i := range l {
		switch {
		case i < 144:
			l[i] = 8
		case i < 256:
			l[i] = 9
		case i < 280:
			l[i] = 7
		default:
			l[i] = 8
		}
	}
	return
}()

var fixedDist = func() (l [30]uint8) {
	for i := range l {
		l[i] = 5
	}
	return
}()

var fixedLitCode, fixedDistCode = func() (lc [288]uint16, dc [30]uint16) {
	canonical(fixedLit[:], lc[:])
	canonical(fixedDist[:], dc[:])
	return
}()

// clOrder is the order code length code lengths are sent in.
var clOrder = [19]uint8{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}

// block writes the tokens as one final block, the shortest of dynamic,
// fixed and stored.
func (s *state) block(src []byte) {
	clear(s.lit[:])
	clear(s.dist[:])
	extra := 0 // extra bits of lengths and distances: the same in any block
	for _, t := range s.toks {
		if t&matchFlag == 0 {
			s.lit[t]++
			continue
		}
		l := (t >> 15) & 0xff
		s.lit[lenSym[l]]++
		ds, dx := distSym(t & 0x7fff)
		s.dist[ds]++
		extra += int(lenExtra[l]) + int(dx)
	}
	s.lit[256]++
	var litLen [286]uint8
	var distLen [30]uint8
	// Every tree gets two codes at least: compress/flate's reader accepts
	// only complete codes (a lone code is complete at length 1 only).
	lit, dist := s.lit, s.dist
	atLeastTwo(lit[:])
	atLeastTwo(dist[:])
	s.huff.lengths(lit[:], 15, litLen[:])
	s.huff.lengths(dist[:], 15, distLen[:])
	nlit, ndist := 257, 1
	for i := 285; i >= 257; i-- {
		if litLen[i] != 0 {
			nlit = i + 1
			break
		}
	}
	for i := 29; i >= 0; i-- {
		if distLen[i] != 0 {
			ndist = i + 1
			break
		}
	}
	// The code lengths, run-length coded.
	var seq [286 + 30]uint8
	n := copy(seq[:], litLen[:nlit])
	n += copy(seq[n:], distLen[:ndist])
	var rle [286 + 30]uint16 // symbol | extra value << 5
	nr := 0
	var clFreq [19]int32
	for i := 0; i < n; {
		v := seq[i]
		run := 1
		for i+run < n && seq[i+run] == v {
			run++
		}
		i += run
		if v == 0 {
			for run >= 11 {
				r := min(run, 138)
				rle[nr], nr, run = 18|uint16(r-11)<<5, nr+1, run-r
				clFreq[18]++
			}
			if run >= 3 {
				rle[nr], nr, run = 17|uint16(run-3)<<5, nr+1, 0
				clFreq[17]++
			}
		} else {
			rle[nr], nr, run = uint16(v), nr+1, run-1
			clFreq[v]++
			for run >= 3 {
				r := min(run, 6)
				rle[nr], nr, run = 16|uint16(r-3)<<5, nr+1, run-r
				clFreq[16]++
			}
		}
		for ; run > 0; run-- {
			rle[nr], nr = uint16(v), nr+1
			clFreq[v]++
		}
	}
	cf := clFreq
	atLeastTwo(cf[:])
	var clLen [19]uint8
	s.huff.lengths(cf[:], 7, clLen[:])
	nclen := 19
	for nclen > 4 && clLen[clOrder[nclen-1]] == 0 {
		nclen--
	}

	dynBits := 3 + 14 + 3*nclen + extra
	for i, f := range clFreq {
		dynBits += int(f) * int(clLen[i])
	}
	dynBits += 2*int(clFreq[16]) + 3*int(clFreq[17]) + 7*int(clFreq[18])
	fixBits := 3 + extra
	for i, f := range s.lit {
		dynBits += int(f) * int(litLen[i])
		fixBits += int(f) * int(fixedLit[i])
	}
	for i, f := range s.dist {
		dynBits += int(f) * int(distLen[i])
		fixBits += int(f) * 5
	}
	storedBits := 3 + 7 + 32 + 8*len(src) // at most: 7 bits to the byte
	w := &s.bw
	switch {
	case len(src) <= 0xffff && storedBits <= min(dynBits, fixBits):
		w.write(1, 3) // final, stored
		w.align()
		w.write(uint64(len(src))|uint64(^uint16(len(src)))<<16, 32)
		w.flush()
		w.out = append(w.out, src...)
		return
	case fixBits <= dynBits:
		w.write(1|1<<1, 3) // final, fixed
		s.tokens(fixedLit[:], fixedLitCode[:], fixedDist[:], fixedDistCode[:])
	default:
		w.write(1|2<<1, 3) // final, dynamic
		w.write(uint64(nlit-257)|uint64(ndist-1)<<5|uint64(nclen-4)<<10, 14)
		for _, sym := range clOrder[:nclen] {
			w.write(uint64(clLen[sym]), 3)
		}
		var clCode [19]uint16
		canonical(clLen[:], clCode[:])
		for _, r := range rle[:nr] {
			sym := r & 31
			w.write(uint64(clCode[sym]), uint(clLen[sym]))
			switch sym {
			case 16:
				w.write(uint64(r>>5), 2)
			case 17:
				w.write(uint64(r>>5), 3)
			case 18:
				w.write(uint64(r>>5), 7)
			}
		}
		var lc [286]uint16
		var dc [30]uint16
		canonical(litLen[:], lc[:])
		canonical(distLen[:], dc[:])
		s.tokens(litLen[:], lc[:], distLen[:], dc[:])
	}
	w.align()
	w.flush()
}

// tokens writes the tokens and the end of block with the given codes.
func (s *state) tokens(litLen []uint8, litCode []uint16, distLen []uint8, distCode []uint16) {
	w := &s.bw
	for _, t := range s.toks {
		if t&matchFlag == 0 {
			w.write(uint64(litCode[t]), uint(litLen[t]))
			continue
		}
		l := (t >> 15) & 0xff
		ls := lenSym[l]
		w.write(uint64(litCode[ls]), uint(litLen[ls]))
		if x := lenExtra[l]; x != 0 {
			w.write(uint64(l)&(1<<x-1), uint(x))
		}
		dv := t & 0x7fff
		ds, dx := distSym(dv)
		w.write(uint64(distCode[ds]), uint(distLen[ds]))
		if dx != 0 {
			w.write(uint64(dv)&(1<<dx-1), uint(dx))
		}
	}
	w.write(uint64(litCode[256]), uint(litLen[256]))
}

// atLeastTwo gives two symbols a count when fewer have one.
func atLeastTwo(freq []int32) {
	used := 0
	for _, f := range freq {
		if f != 0 {
			used++
		}
	}
	for i := 0; used < 2; i++ {
		if freq[i] == 0 {
			freq[i], used = 1, used+1
		}
	}
}

// huffLengths sets the lengths of an optimal prefix code for freq whose
// codes are at most maxBits long (0 for an unused symbol). At least two
// symbols must be used; the code is complete.
func huffLengths(freq []int32, maxBits int, lengths []uint8) {
	var h huffScratch
	h.lengths(freq, maxBits, lengths)
}

// huffScratch is huffLengths's working memory, none of it read before it
// is written (so it need not be cleared).
type huffScratch struct {
	leaves [286]uint64
	sorted [286]uint64
	count  [512]int32
	weight [2 * 286]int32
	parent [2 * 286]int16
	depth  [2 * 286]uint8
}

func (h *huffScratch) lengths(freq []int32, maxBits int, lengths []uint8) {
	leaves := h.leaves[:0]
	top := int32(0)
	for i, f := range freq {
		lengths[i] = 0
		if f != 0 {
			leaves = append(leaves, uint64(f)<<16|uint64(i))
			top = max(top, f)
		}
	}
	if top < int32(len(h.count)) {
		// Counting sort: the counts of a record's symbols are small.
		clear(h.count[:top+1])
		for _, l := range leaves {
			h.count[l>>16]++
		}
		at := int32(0)
		for f := range h.count[:top+1] {
			at, h.count[f] = at+h.count[f], at
		}
		for _, l := range leaves {
			f := l >> 16
			h.sorted[h.count[f]] = l
			h.count[f]++
		}
		leaves = h.sorted[:len(leaves)]
	} else {
		slices.Sort(leaves)
	}
	n := len(leaves)
	// Two queues: the leaves, ascending, and the inner nodes, made in
	// ascending order of weight. Node i < n is leaf i; n+j is inner node j.
	weight, parent := h.weight[:2*n-1], h.parent[:2*n-1]
	for i, l := range leaves {
		weight[i] = int32(l >> 16)
	}
	li, ii := 0, n // next leaf, next inner node not yet merged
	pick := func(made int) int {
		if li < n && (ii >= made || weight[li] <= weight[ii]) {
			li++
			return li - 1
		}
		ii++
		return ii - 1
	}
	for made := n; made < 2*n-1; made++ {
		a := pick(made)
		b := pick(made)
		weight[made] = weight[a] + weight[b]
		parent[a], parent[b] = int16(made), int16(made)
	}
	// Depths from the root (the last node) down.
	depth := h.depth[:2*n-1]
	depth[2*n-2] = 0
	var count [32]int
	for i := 2*n - 3; i >= 0; i-- {
		depth[i] = depth[parent[i]] + 1
	}
	for i := range n {
		count[min(int(depth[i]), 31)]++
	}
	// Too long: fold into maxBits, then lengthen shorter codes until the
	// code is complete again (miniz's way).
	for i := maxBits + 1; i < 32; i++ {
		count[maxBits] += count[i]
		count[i] = 0
	}
	total := 0
	for i := 1; i <= maxBits; i++ {
		total += count[i] << (maxBits - i)
	}
	for total != 1<<maxBits {
		count[maxBits]--
		for i := maxBits - 1; i > 0; i-- {
			if count[i] != 0 {
				count[i]--
				count[i+1] += 2
				break
			}
		}
		total--
	}
	// The rarest symbols get the longest codes.
	j := 0
	for l := maxBits; l >= 1; l-- {
		for range count[l] {
			lengths[leaves[j]&0xffff] = uint8(l)
			j++
		}
	}
}

// canonical sets the codes of the canonical prefix code with these
// lengths (RFC 1951 3.2.2), bit-reversed: deflate sends codes first bit
// first.
func canonical(lengths []uint8, codes []uint16) {
	var count, next [16]uint16
	for _, l := range lengths {
		count[l]++
	}
	count[0] = 0
	code := uint16(0)
	for l := 1; l < 16; l++ {
		code = (code + count[l-1]) << 1
		next[l] = code
	}
	for i, l := range lengths {
		if l != 0 {
			codes[i] = bits.Reverse16(next[l]) >> (16 - l)
			next[l]++
		}
	}
}

type bitWriter struct {
	out []byte
	acc uint64
	n   uint
}

// write sends the nb low bits of v (nb ≤ 32), first bit first.
func (w *bitWriter) write(v uint64, nb uint) {
	w.acc |= v << w.n
	w.n += nb
	if w.n >= 32 {
		w.out = binary.LittleEndian.AppendUint32(w.out, uint32(w.acc))
		w.acc >>= 32
		w.n -= 32
	}
}

// align pads with zero bits to the next byte.
func (w *bitWriter) align() { w.n = (w.n + 7) &^ 7 }

// flush writes out the whole bytes held (after align: all).
func (w *bitWriter) flush() {
	for w.n >= 8 {
		w.out = append(w.out, byte(w.acc))
		w.acc >>= 8
		w.n -= 8
	}
}
