package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"runtime"

	bolt "go.etcd.io/bbolt"

	"gopy/model"
)

// A migration writes the migrated database into a new file beside the old
// one and then puts it in the old one's place; the old file itself becomes
// the backup (path.schemaN.bak). At no moment is the database at path
// anything but the old file, whole, or the new one, whole:
//
//  1. every key is copied in key order into path.migrating (made anew),
//     in transactions of rewriteTxBytes, rewritten on the way (records
//     packed, rewriteKey); the steps for an older schema run on the copy;
//     the copy is synced and closed;
//  2. the old file gets a second name, path.schemaN.bak (a hard link; a
//     copy where the file system has none);
//  3. the copy is renamed over path (atomic), and the folder synced.
//
// A crash in 1 or 2 leaves path untouched (the next open starts again,
// dropping the half-made copy); after 3 path is the new file. The pages
// come out full (FillPercent 1.0) with none free, and memory stays bounded: a transaction's pages, and the old
// file's map handed back as the walk goes (touched).

// rewriteTxBytes is how many bytes of keys and values one transaction of
// the copy writes: bbolt keeps a transaction's nodes in memory until it
// commits. (A variable: the crash test commits often.)
var rewriteTxBytes = 8 << 20

// migrateStage is called at each point of a migration a crash test
// stops a process at: "commit" (the copy's intermediate commits),
// "copied", "linked" (the backup's name made), "renamed".
var migrateStage = func(string) {}

// migratingSuffix names the copy a migration is writing.
const migratingSuffix = ".migrating"

// rewriteKey is the value one key of bucket gets in the copy (v itself
// when unchanged). Schema 4's values become schema 5's: records packed, history entries
// compact, search texts' fields joined by a NUL alone.
func rewriteKey(bucket, k, v []byte) []byte {
	switch {
	case bytes.HasPrefix(bucket, []byte("rec/")) || bytes.Equal(bucket, bHistory):
		switch {
		case len(v) == 0 || v[0] != '{':
		case isRecordKey(k):
			return packRecord(k, v)
		case len(k) == 24:
			// A history entry, made compact when its JSON reads (an
			// unreadable one is left for gopy check to report).
			if ch, _, err := decodeChange(v); err == nil {
				if nv, err := encodeChange(ch); err == nil {
					return nv
				}
			}
		}
	case bytes.HasPrefix(bucket, []byte("fold/")):
		// Schema 4 joined a search text's fields with " \x00 ".
		if bytes.Contains(v, []byte(" \x00")) || bytes.Contains(v, []byte("\x00 ")) {
			segs := bytes.Split(v, []byte{0})
			for i, s := range segs {
				segs[i] = bytes.TrimSpace(s)
			}
			return bytes.Join(segs, []byte{0})
		}
	}
	return v
}

// rewriteTo copies the database into a new bbolt file at dst, rewriting
// its keys (rewriteKey), then runs steps on the copy in one transaction.
func (s *Store) rewriteTo(dst string, steps func(tx *bolt.Tx) error) error {
	os.Remove(dst)
	out, err := bolt.Open(dst, 0o600, &bolt.Options{
		Timeout:         s.bopt.Timeout,
		NoSync:          true, // synced once, at the end: a crash drops the copy anyway
		InitialMmapSize: initialMmap(),
		FreelistType:    bolt.FreelistArrayType,
	})
	if err != nil {
		return fmt.Errorf("create %s: %w", dst, err)
	}
	ok := false
	defer func() {
		if !ok {
			out.Close()
			os.Remove(dst)
		}
	}()
	dstStore := &Store{db: out, path: dst}
	wtx, err := out.Begin(true)
	if err != nil {
		return err
	}
	defer func() { wtx.Rollback() }()
	size := 0
	var refold []refoldItem
	err = s.view(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, src *bolt.Bucket) error {
			name = bytes.Clone(name)
			b, err := wtx.CreateBucket(name)
			if err != nil {
				return fmt.Errorf("create bucket %s: %w", name, err)
			}
			if err := b.SetSequence(src.Sequence()); err != nil {
				return err
			}
			// Pages written full, as bbolt's Compact does. Most buckets
			// get their new keys at the end (records by ULID, rows by
			// date, mostly recent); in the others (ix, links) a full page
			// splits in two at its first new key, and they come back to
			// bbolt's usual three-quarters as they grow.
			const fill = 1.0
			b.FillPercent = fill
			put := func(k, nv []byte) error {
				if size >= rewriteTxBytes {
					if err := wtx.Commit(); err != nil {
						return err
					}
					migrateStage("commit")
					// The copy's map holds what its commits wrote.
					dstStore.releaseMapped()
					if wtx, err = out.Begin(true); err != nil {
						return err
					}
					size = 0
					b = wtx.Bucket(name)
					b.FillPercent = fill
				}
				size += len(k) + len(nv)
				if err := b.Put(k, nv); err != nil {
					return fmt.Errorf("copy %s: %w", name, err)
				}
				return nil
			}
			c := src.Cursor()
			var batch []rewriteItem
			kind, isRec := bytes.CutPrefix(name, []byte("rec/"))
			for k, v := c.First(); ; k, v = c.Next() {
				if k != nil && v == nil {
					return fmt.Errorf("bucket %s: nested bucket %x: %w", name, k, ErrNotGopy)
				}
				if k != nil {
					s.touched(1)
					if isRec && isRecordKey(k) && bytes.Contains(v, []byte(`\u0000`)) {
						// A NUL in a field: schema 4's search text cannot
						// tell it from a field's end; it is made anew.
						refold = append(refold, refoldItem{model.Kind(kind), bytes.Clone(k)})
					}
					batch = append(batch, rewriteItem{k: k, v: v})
					if len(batch) < rewriteBatch {
						continue
					}
				}
				rewriteAll(name, batch)
				for _, it := range batch {
					if err := put(it.k, it.v); err != nil {
						return err
					}
				}
				batch = batch[:0]
				if k == nil {
					return nil
				}
			}
		})
	})
	if err != nil {
		return err
	}
	for _, r := range refold {
		var id [16]byte
		copy(id[:], r.id)
		rec, err := getRecord(wtx, r.kind, id)
		if err != nil {
			return err
		}
		row := model.RowOf(rec)
		if err := wtx.Bucket(bFold(r.kind)).Put(rowKey(row.Date, id), []byte(row.Fold)); err != nil {
			return err
		}
	}
	if err := steps(wtx); err != nil {
		return err
	}
	if err := wtx.Commit(); err != nil {
		return err
	}
	var used int64
	out.View(func(tx *bolt.Tx) error { used = tx.Size(); return nil })
	ok = true
	if err := out.Close(); err != nil {
		os.Remove(dst)
		return err
	}
	// bbolt grows a file ahead of its pages: the copy ends where they
	// do. Then it is synced, before it can take the old file's place.
	if err := syncFile(dst, used); err != nil {
		os.Remove(dst)
		return fmt.Errorf("sync %s: %w", dst, err)
	}
	migrateStage("copied")
	return nil
}

// Repack rewrites the database into a fresh file in its place, the way a
// migration does (rewriteTo): pages full, no free pages, the file ending at
// its last page. gopy demo runs it after its bulk load, which left a fifth
// of the file free or half-filled.
func (s *Store) Repack() error {
	tmp := s.path + migratingSuffix
	if err := s.rewriteTo(tmp, func(*bolt.Tx) error { return nil }); err != nil {
		return fmt.Errorf("%s: %w", s.path, err)
	}
	return s.replaceWith(tmp, "")
}

// replaceWith puts the file at newPath in the place of the open database,
// the old file kept as bak (unless bak is ""), and opens it.
func (s *Store) replaceWith(newPath, bak string) error {
	if bak != "" {
		os.Remove(bak)
		if err := os.Link(s.path, bak); err != nil {
			// No hard links here (FAT, some network shares): a copy.
			if err := s.BackupFile(bak); err != nil {
				return fmt.Errorf("back up before migrating: %w", err)
			}
		}
	}
	migrateStage("linked")
	if runtime.GOOS == "windows" {
		// Windows renames over no open file. Elsewhere the old file stays
		// open, and locked, until the new one is in its place.
		s.db.Close()
	}
	if err := os.Rename(newPath, s.path); err != nil {
		return fmt.Errorf("put the migrated database in place: %w", err)
	}
	syncDir(filepath.Dir(s.path))
	migrateStage("renamed")
	s.db.Close()
	db, err := openBolt(s.path, s.bopt)
	if err != nil {
		return fmt.Errorf("open the migrated database: %w", err)
	}
	s.db = db
	if fi, err := os.Stat(s.path); err == nil {
		s.opened = fi
	}
	return nil
}

// syncFile cuts the file at path to size bytes (when longer) and syncs it.
func syncFile(path string, size int64) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if fi, err := f.Stat(); err == nil && fi.Size() > size {
		if err := f.Truncate(size); err != nil {
			f.Close()
			return err
		}
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// syncDir makes a rename in dir durable where the system allows it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// schemaBytes is the stored form of a schema version.
func schemaBytes(v uint32) []byte {
	b := make([]byte, 4)
	binary.BigEndian.PutUint32(b, v)
	return b
}

// refoldItem is a record whose search text a migration makes anew.
type refoldItem struct {
	kind model.Kind
	id   []byte
}

// rewriteItem is one key of a copy's batch: its value rewritten in place.
type rewriteItem struct{ k, v []byte }

// rewriteBatch keys are rewritten at a time, on every core: packing the
// records is most of a migration's time.
const rewriteBatch = 1024

func rewriteAll(bucket []byte, batch []rewriteItem) {
	sideBySide(len(batch), func(i int) error {
		batch[i].v = rewriteKey(bucket, batch[i].k, batch[i].v)
		return nil
	})
}
