package model

import (
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// NFC returns s in Unicode normalisation form C. Unikey and pasted text can
// arrive decomposed (a + U+0301); stored text is always composed so that equal
// words are equal bytes.
func NFC(s string) string {
	if composedLatin(s) {
		return s
	}
	// Invalid UTF-8 (a paste from another code page) never enters a record:
	// its bytes become U+FFFD, as encoding/json would store them anyway,
	// so a record and its list row always agree.
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return norm.NFC.String(s)
}

// composedLatin reports whether s holds only runes below U+0300 (ASCII,
// Latin-1, Latin Extended-A and -B: ơ, ư, đ) and of Latin Extended
// Additional (U+1E00–U+1EFF: every Vietnamese letter with its tone). NFC
// leaves such a string as it is: none of them decomposes or combines with
// its neighbour (TestComposedLatinIsNFC checks every pair). It is how
// nearly all Vietnamese text arrives, and norm's own check cost a tenth of
// a bulk load.
func composedLatin(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !(r < 0x300 && n > 1 || r >= 0x1E00 && r <= 0x1EFF) {
			return false
		}
		i += n
	}
	return true
}

// CleanLine normalises a one-line value: NFC, trimmed, line breaks and tabs
// turned to spaces. Control sequences are kept as received; the UI shows
// them inert.
func CleanLine(s string) string {
	s = NFC(s)
	if strings.ContainsAny(s, "\r\n\t") {
		s = strings.Map(func(r rune) rune {
			if r == '\r' || r == '\n' || r == '\t' {
				return ' '
			}
			return r
		}, s)
	}
	return strings.TrimSpace(s)
}

// CleanText normalises a multi-line value: NFC, CRLF/CR to LF, trailing
// space trimmed.
func CleanText(s string) string {
	s = NFC(s)
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.TrimRight(s, " \t\n")
}

// Fold maps text to its search form: lower case, Vietnamese diacritics
// removed, đ/Đ to d, runs of spaces collapsed. "Nguyễn Văn Đức" → "nguyen van duc".
func Fold(s string) string { return string(appendFold(make([]byte, 0, len(s)), s, false)) }

const foldTableSize = 0x2000

// appendFoldField appends Fold(s) to dst, a NUL in s folded as a space
// (a field of Row.Fold holds no separator): RowOf folds a record's
// fields one after another into one buffer.
func appendFoldField(dst []byte, s string) []byte { return appendFold(dst, s, true) }

// appendFold appends Fold(s) to dst, a NUL as a space when nulAsSpace.
// The table is fetched at the first non-ASCII rune: folding ASCII (an
// empty filter, a count's query) never builds it.
func appendFold(dst []byte, s string, nulAsSpace bool) []byte {
	start := len(dst)
	space := false
	var table []rune
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size
			// Precomposed Latin letters (all of Vietnamese) fold by table.
			if r < foldTableSize {
				if table == nil {
					table = foldTable()
				}
				r = table[r]
			} else {
				r = foldRune(r)
			}
			if r == 0 {
				continue
			}
			if r >= utf8.RuneSelf {
				if unicode.IsSpace(r) {
					if !space && len(dst) > start {
						dst = append(dst, ' ')
					}
					space = true
					continue
				}
				dst = utf8.AppendRune(dst, unicode.ToLower(r))
				space = false
				continue
			}
			c = byte(r)
		} else {
			i++
		}
		// ASCII: a space (unicode.IsSpace's six), or a NUL when asked, collapses to
		// one space; a capital is lowered.
		if c == 0 && nulAsSpace || c == ' ' || c-'\t' <= '\r'-'\t' {
			if !space && len(dst) > start {
				dst = append(dst, ' ')
			}
			space = true
			continue
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
		space = false
	}
	for len(dst) > start && dst[len(dst)-1] == ' ' {
		dst = dst[:len(dst)-1]
	}
	return dst
}

// foldTable maps each rune below foldTableSize to its folded form: base
// letter, lower case, marks dropped (0 for a lone combining mark). It is
// built on first use: commands that never fold (counts) start faster.
var foldTable = sync.OnceValue(func() []rune {
	t := make([]rune, foldTableSize)
	for r := rune(0); r < foldTableSize; r++ {
		switch {
		case r < 0x80:
			t[r] = unicode.ToLower(r)
		case r < 0x250, r >= 0x300 && r < 0x370, r >= 0x1E00:
			// Latin-1, Latin Extended A/B, combining marks, Latin Extended Additional.
			t[r] = foldRune(r)
		default:
			t[r] = unicode.ToLower(r)
		}
	}
	return t
})

func foldRune(r rune) rune {
	if r == 'đ' || r == 'Đ' {
		return 'd'
	}
	if unicode.Is(unicode.Mn, r) {
		return 0
	}
	for _, d := range norm.NFD.String(string(r)) {
		if !unicode.Is(unicode.Mn, d) {
			return unicode.ToLower(d)
		}
	}
	return unicode.ToLower(r)
}

// keyer is a collator with its key buffer: the buffer is 4 KB, which
// made and cleared for every key cost as much as the key (a million demo
// records: 1.6 s of 4.6). Compare uses the collator alone.
type keyer struct {
	c   *collate.Collator
	buf collate.Buffer
}

var keyerPool = sync.Pool{New: func() any {
	return &keyer{c: collate.New(language.Vietnamese, collate.IgnoreCase)}
}}

// Compare orders two strings the Vietnamese way (a < ă < â < b, d < đ < e),
// ignoring case. Use it to sort names and lists shown to users.
func Compare(a, b string) int {
	k := keyerPool.Get().(*keyer)
	defer keyerPool.Put(k)
	return k.c.CompareString(a, b)
}

// SortKey returns bytes that sort like Compare; use it for index keys.
func SortKey(s string) []byte { return AppendSortKey(nil, s) }

// AppendSortKey appends SortKey(s) to dst (an index key is made of it
// and more, in one slice).
func AppendSortKey(dst []byte, s string) []byte {
	if v, ok := sortKeys.Load(s); ok {
		return append(dst, v.([]byte)...)
	}
	k := keyerPool.Get().(*keyer)
	defer keyerPool.Put(k)
	k.buf.Reset()
	key := k.c.KeyFromString(&k.buf, s)
	if len(s) <= 64 && sortKeysN.Add(1) <= sortKeysMax {
		sortKeys.Store(s, slices.Clone(key))
	}
	return append(dst, key...)
}

// sortKeys remembers the keys of the first sortKeysMax short strings
// asked for: names and organisations repeat (a million demo records have
// ten thousand names), and a key costs a microsecond or two.
var (
	sortKeys  sync.Map // string → []byte
	sortKeysN atomic.Int64
)

const sortKeysMax = 1 << 15
