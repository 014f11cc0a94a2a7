package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
)

// checkLength refuses a file shorter than the pages its bbolt meta page
// says it holds: a backup copied halfway, a download cut short. bbolt maps
// the file into memory and reading a page past its end kills the process
// with SIGBUS instead of returning an error, so the length is checked
// before bbolt sees the file. The meta layout is bbolt's on-disk format
// (version 2), which bbolt keeps stable.
func checkLength(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	size := fi.Size()
	if size == 0 || !fi.Mode().IsRegular() {
		return nil // bbolt sets up an empty file itself
	}
	// Find the page size as bbolt does: from the first meta page, else
	// from the second at each possible page size, else the OS page size.
	m0, ok0 := readMeta(f, 0)
	pageSize := int64(os.Getpagesize())
	if ok0 {
		pageSize = int64(m0.pageSize)
	} else {
		for i := 0; i <= 14; i++ {
			pos := int64(1024) << i
			if pos >= size-1024 {
				break
			}
			if m, ok := readMeta(f, pos); ok {
				pageSize = int64(m.pageSize)
				break
			}
		}
	}
	need := 2 * pageSize
	m1, ok1 := readMeta(f, pageSize)
	// bbolt uses the valid meta page with the later transaction.
	var cur *meta
	switch {
	case ok0 && ok1:
		cur = &m0
		if m1.txid > m0.txid {
			cur = &m1
		}
	case ok0:
		cur = &m0
	case ok1:
		cur = &m1
	}
	if cur != nil && int64(cur.pgid)*pageSize > need {
		need = int64(cur.pgid) * pageSize
	}
	if size < need {
		return fmt.Errorf("%s: %d bytes, its pages need %d (truncated?): %w", path, size, need, ErrNotGopy)
	}
	return nil
}

type meta struct {
	pageSize uint32
	pgid     uint64
	txid     uint64
}

const (
	boltMagic      = 0xED0CDAED
	boltVersion    = 2
	pageHeaderSize = 16
	metaSize       = 64
)

// readMeta decodes and validates (magic, version, checksum) the meta page
// at off.
func readMeta(r io.ReaderAt, off int64) (meta, bool) {
	var b [pageHeaderSize + metaSize]byte
	if _, err := r.ReadAt(b[:], off); err != nil {
		return meta{}, false
	}
	m := b[pageHeaderSize:]
	le := binary.NativeEndian
	if le.Uint32(m[0:]) != boltMagic || le.Uint32(m[4:]) != boltVersion {
		return meta{}, false
	}
	h := fnv.New64a()
	h.Write(m[:56])
	if h.Sum64() != le.Uint64(m[56:]) {
		return meta{}, false
	}
	return meta{pageSize: le.Uint32(m[8:]), pgid: le.Uint64(m[40:]), txid: le.Uint64(m[48:])}, true
}
