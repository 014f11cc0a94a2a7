// Package i18n is gopy's text catalog. Every string a user sees comes from
// here, in Vietnamese (the default) and English. Each area of the program
// registers its keys from its own catalog_*.go file; a test fails when a key
// is missing in either language.
package i18n

import (
	"fmt"
	"os"
	"strings"
	"sync"
)

type Lang string

const (
	VI Lang = "vi"
	EN Lang = "en"
)

// sources are the areas' catalogs, each a function so that nothing is
// built until a text is needed: `gopy list --count` prints only a number,
// and building ~1,500 entries cost it a tenth of its run.
var sources []func() map[string][2]string

// register adds one area's keys: each entry is {vi, en}.
func register(entries func() map[string][2]string) { sources = append(sources, entries) }

// catalog holds every key's {vi, en} pair in one map, sized before it is
// filled: building it is on the interface's path to its first frame (two
// maps, grown as they filled, took twice as long).
var catalog = sync.OnceValue(func() map[string][2]string {
	parts := make([]map[string][2]string, len(sources))
	n := 0
	for i, src := range sources {
		parts[i] = src()
		n += len(parts[i])
	}
	c := make(map[string][2]string, n)
	for _, part := range parts {
		for k, v := range part {
			if _, dup := c[k]; dup {
				panic("i18n: duplicate key " + k)
			}
			c[k] = v
		}
	}
	return c
})

// index is the language's place in a catalog pair; an unknown language
// reads Vietnamese.
func (l Lang) index() int {
	if l == EN {
		return 1
	}
	return 0
}

// Parse returns the language for a flag or setting value; "" or unknown
// values give Vietnamese, the default.
func Parse(s string) (Lang, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "vi", "vn", "vi_vn", "vi-vn":
		return VI, true
	case "en", "en_us", "en-us", "en_gb":
		return EN, true
	}
	return VI, false
}

// T returns the text for key. A missing key shows as the key itself, so a
// gap is visible rather than blank (and the catalog test catches it).
func (l Lang) T(key string) string {
	if v, ok := catalog()[key]; ok {
		return v[l.index()]
	}
	return key
}

// F formats the text for key with fmt verbs.
func (l Lang) F(key string, args ...any) string { return fmt.Sprintf(l.T(key), args...) }

// N is F for a count n: key+".one" when n is 1 and the catalog has it
// (English "1 record"; Vietnamese has one form), else key.
func (l Lang) N(key string, n int, args ...any) string {
	if n == 1 && l.Has(key+".one") {
		key += ".one"
	}
	return l.F(key, args...)
}

// Has reports whether key exists.
func (l Lang) Has(key string) bool {
	_, ok := catalog()[key]
	return ok && (l == VI || l == EN)
}

// Enum translates a stored enum value: Enum("status", "in_progress").
func (l Lang) Enum(group, value string) string {
	if value == "" {
		return ""
	}
	k := group + "." + value
	if l.Has(k) {
		return l.T(k)
	}
	return value
}

// Keys lists every key of a language (for tests).
func Keys(l Lang) []string {
	if l != VI && l != EN {
		return nil
	}
	out := make([]string, 0, len(catalog()))
	for k := range catalog() {
		out = append(out, k)
	}
	return out
}

// FromEnv picks the language from a flag value, else $GOPY_LANG, else vi.
func FromEnv(flag string) (Lang, bool) {
	if flag != "" {
		return Parse(flag)
	}
	return Parse(os.Getenv("GOPY_LANG"))
}
