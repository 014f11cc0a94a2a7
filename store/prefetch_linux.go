package store

import (
	"bytes"
	"encoding/binary"
	"slices"
	"unsafe"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/sys/unix"

	"gopy/model"
)

// Prefetch asks the kernel to read into memory, all at once, the pages
// holding the list rows of kind k dated [from, to] (zero bounds are open),
// when the store was opened with ReadAhead, so that a walk over them that
// follows finds them there. A year's rows at a million records lie on
// 25,000 pages in 12,000 places of a 2.4 GB file, wherever each save's
// copy-on-write put them: faulting them in one at a time read 1.2 GB with
// the kernel's read-around (8 MB a fault on this machine) and took a
// second; asked for all at once, the disk reads them in parallel.
//
// The pages are found by reading the bucket's branch pages (bbolt's file
// format: a page header of id, flags, count and overflow, then count
// elements of position, key size and child page id), level by level, each
// level asked for before it is read. Where anything does not look as
// expected it stops: it is only advice. When the pages sampled are
// already in memory (a warm cache) it asks for nothing.
func (s *Store) Prefetch(k model.Kind, from, to model.Date) {
	if !s.readAheadOn {
		return
	}
	s.db.View(func(tx *bolt.Tx) error {
		s.listPages(tx, k, from, to, (*pageTree).willNeed)
		return nil
	})
}

// listPages goes down kind k's list tree through the pages that hold keys
// dated [from, to], level by level, each level handed to ask before it is
// read; it returns the last level reached (the leaves) and how many levels
// there were.
func (s *Store) listPages(tx *bolt.Tx, k model.Kind, from, to model.Date, ask func(*pageTree, []uint64)) ([]uint64, int) {
	b := tx.Bucket(bList(k))
	m := s.mapped()
	if b == nil || b.Root() == 0 || m == nil {
		return nil, 0
	}
	t := pageTree{m: m, size: uint64(s.db.Info().PageSize), lo: dateKey(from)}
	if to != 0 {
		t.hi = dateKey(to.AddDays(1))
	}
	level := []uint64{uint64(b.Root())}
	for depth := 1; depth < 32; depth++ {
		ask(&t, level)
		next := t.children(level)
		if len(next) == 0 {
			return level, depth
		}
		level = next
	}
	return nil, 0
}

type pageTree struct {
	m      []byte
	size   uint64 // page size
	lo, hi []byte // keys wanted: [lo, hi), hi nil for no end
}

const (
	pageHeader    = 16 // id u64, flags u16, count u16, overflow u32
	branchElement = 16 // pos u32, ksize u32, pgid u64
	branchFlag    = 0x01
)

// page is the bytes of page id with its overflow, nil when out of the map.
func (t *pageTree) page(id uint64) []byte {
	off := id * t.size
	if id == 0 || off/t.size != id || off+pageHeader > uint64(len(t.m)) {
		return nil
	}
	over := uint64(binary.NativeEndian.Uint32(t.m[off+12:]))
	end := off + (over+1)*t.size
	if over > uint64(len(t.m))/t.size || end > uint64(len(t.m)) {
		return nil
	}
	return t.m[off:end]
}

// children are the child pages of the branch pages in level whose keys
// meet [lo, hi); none when level is not of branch pages (the leaves).
func (t *pageTree) children(level []uint64) []uint64 {
	var next []uint64
	for _, id := range level {
		p := t.page(id)
		if p == nil || binary.NativeEndian.Uint16(p[8:]) != branchFlag {
			return nil
		}
		n := int(binary.NativeEndian.Uint16(p[10:]))
		if pageHeader+n*branchElement > len(p) {
			return nil
		}
		key := func(i int) []byte {
			e := pageHeader + i*branchElement
			pos := e + int(binary.NativeEndian.Uint32(p[e:]))
			size := int(binary.NativeEndian.Uint32(p[e+4:]))
			if pos < e || size < 0 || pos+size > len(p) {
				return nil
			}
			return p[pos : pos+size]
		}
		for i := range n {
			// Child i holds the keys from its own to the next one's.
			if i+1 < n {
				if next1 := key(i + 1); next1 == nil || bytes.Compare(next1, t.lo) <= 0 {
					continue
				}
			}
			if i > 0 && t.hi != nil {
				if k := key(i); k == nil || bytes.Compare(k, t.hi) >= 0 {
					break
				}
			}
			e := pageHeader + i*branchElement
			next = append(next, binary.NativeEndian.Uint64(p[e+8:]))
		}
	}
	return next
}

// prefetchSample is every how many runs of pages one is looked at to tell
// whether they are in memory already.
const prefetchSample = 32

// willNeed asks for the pages, in runs of consecutive ones, unless the
// ones sampled are all in memory.
func (t *pageTree) willNeed(ids []uint64) {
	ids = slices.Clone(ids)
	slices.Sort(ids)
	type run struct{ from, n uint64 }
	var runs []run
	for _, id := range ids {
		if n := len(runs); n > 0 && runs[n-1].from+runs[n-1].n == id {
			runs[n-1].n++
			continue
		}
		runs = append(runs, run{id, 1})
	}
	bytesOf := func(r run) []byte {
		off, end := r.from*t.size, (r.from+r.n)*t.size
		if end > uint64(len(t.m)) || off >= end {
			return nil
		}
		return t.m[off:end]
	}
	missing := false
	var in [1]byte
	for i := 0; i < len(runs) && !missing; i += prefetchSample {
		b := bytesOf(runs[i])
		if b == nil {
			continue
		}
		if !resident(b[:t.size], &in) {
			missing = true
		}
	}
	if !missing {
		return
	}
	for _, r := range runs {
		if b := bytesOf(r); b != nil {
			unix.Madvise(b, unix.MADV_WILLNEED)
		}
	}
}

// resident reports whether the page b begins with is in memory (mincore;
// x/sys has no wrapper for it on Linux).
func resident(b []byte, vec *[1]byte) bool {
	_, _, errno := unix.Syscall(unix.SYS_MINCORE, uintptr(unsafe.Pointer(&b[0])), uintptr(len(b)), uintptr(unsafe.Pointer(&vec[0])))
	return errno == 0 && vec[0]&1 != 0
}
