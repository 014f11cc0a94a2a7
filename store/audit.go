package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"gopy/model"
)

// The audit log is append-only and hash-chained: each entry holds the
// hash of the previous entry, and meta keeps the chain's
// length and head hash. Editing, deleting or re-ordering an entry breaks the
// chain at that entry (VerifyAudit); cutting entries off the end shows
// against the head, and against the head a bundle carried upward.

var (
	bAudit    = []byte("audit")
	kAuditTop = []byte("audit/head")
)

// Audit actions.
const (
	AuditSetup         = "setup"
	AuditSignIn        = "sign_in"
	AuditSignInFailed  = "sign_in_failed"
	AuditLock          = "lock"
	AuditReveal        = "reveal"
	AuditExport        = "export"
	AuditImport        = "import"
	AuditBackup        = "backup"
	AuditRestore       = "restore"
	AuditUser          = "user"
	AuditSettings      = "settings"
	AuditDelete        = "delete"
	AuditErase         = "erase"
	AuditCorrect       = "correct"
	AuditPerson        = "person"
	AuditRecover       = "recover"
	AuditRecoverFailed = "recover_failed"
	AuditCompact       = "compact"
	AuditMigrate       = "migrate"
	AuditKeyAccept     = "key_accept"
)

// AuditEntry is one line of the log.
type AuditEntry struct {
	Seq    uint64    `json:"seq"`
	At     time.Time `json:"at"`
	User   string    `json:"user"`
	Action string    `json:"action"`
	Record string    `json:"record,omitempty"`
	Reason string    `json:"reason,omitempty"`
	Detail string    `json:"detail,omitempty"`
	Prev   string    `json:"prev"`
	// Hash is the SHA-256 of the entry as stored with Hash empty: an
	// edited entry no longer matches its own hash.
	Hash string `json:"hash"`
}

func (e AuditEntry) sum() string {
	e.Hash = ""
	v, _ := json.Marshal(e)
	s := sha256.Sum256(v)
	return hex.EncodeToString(s[:])
}

// AuditHead is the chain's length and the hash of its last entry.
type AuditHead struct {
	Length uint64 `json:"length"`
	Hash   string `json:"hash"`
}

var zeroHash = hex.EncodeToString(make([]byte, 32))

func readHead(tx *bolt.Tx) AuditHead {
	v := tx.Bucket(bMeta).Get(kAuditTop)
	if len(v) != 40 {
		return AuditHead{Hash: zeroHash}
	}
	return AuditHead{Length: binary.BigEndian.Uint64(v), Hash: hex.EncodeToString(v[8:])}
}

func appendAudit(tx *bolt.Tx, at time.Time, user, action, record, reason, detail string) error {
	b := tx.Bucket(bAudit)
	if b == nil {
		return nil // read-only on an unmigrated file: nothing to append to
	}
	head := readHead(tx)
	e := AuditEntry{Seq: head.Length + 1, At: at.UTC(), User: user, Action: action,
		Record: model.CleanLine(record), Reason: model.CleanLine(reason), Detail: detail, Prev: head.Hash}
	e.Hash = e.sum()
	v, err := json.Marshal(e)
	if err != nil {
		return err
	}
	if err := b.Put(u64(e.Seq), v); err != nil {
		return err
	}
	sum, _ := hex.DecodeString(e.Hash)
	return tx.Bucket(bMeta).Put(kAuditTop, append(u64(e.Seq), sum...))
}

// audit appends an entry by the signed-in user inside tx.
func (s *Store) audit(tx *bolt.Tx, action, record, reason, detail string) error {
	return appendAudit(tx, s.now(), s.signer(""), action, record, reason, detail)
}

// Audit appends an entry by the signed-in user (export, backup, …).
func (s *Store) Audit(action, record, reason, detail string) error {
	if s.ro {
		return ErrReadOnly
	}
	return s.update(func(tx *bolt.Tx) error { return s.audit(tx, action, record, reason, detail) })
}

// auditBestEffort appends when the file is writable; a read-only command
// cannot (its sign-ins are not logged).
func (s *Store) auditBestEffort(user, action, record, reason, detail string) {
	if s.ro {
		return
	}
	_ = s.update(func(tx *bolt.Tx) error {
		return appendAudit(tx, s.now(), user, action, record, reason, detail)
	})
}

// AuditFilter selects entries; zero fields select all.
type AuditFilter struct {
	From, To model.Date
	User     string
}

// AuditLog lists the entries the filter selects, oldest first.
func (s *Store) AuditLog(f AuditFilter) ([]AuditEntry, error) {
	var out []AuditEntry
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bAudit)
		if b == nil {
			return nil
		}
		return b.ForEach(func(_, v []byte) error {
			var e AuditEntry
			if err := json.Unmarshal(v, &e); err != nil {
				return fmt.Errorf("read audit: %w", err)
			}
			d := model.DateOf(e.At)
			if (f.From != 0 && d < f.From) || (f.To != 0 && d > f.To) || (f.User != "" && e.User != f.User) {
				return nil
			}
			out = append(out, e)
			return nil
		})
	})
	return out, err
}

// AuditHead returns the chain's length and head hash (bundles carry it).
func (s *Store) AuditHead() (AuditHead, error) {
	var h AuditHead
	err := s.db.View(func(tx *bolt.Tx) error { h = readHead(tx); return nil })
	return h, err
}

// AuditBreak names the first entry where the chain does not hold.
type AuditBreak struct {
	Seq    uint64
	Reason string
}

func (b *AuditBreak) Error() string { return fmt.Sprintf("audit entry %d: %s", b.Seq, b.Reason) }

// VerifyAudit walks the chain; it returns the number of entries and the
// first break, nil when the log is whole.
func (s *Store) VerifyAudit() (uint64, *AuditBreak, error) {
	var n uint64
	var brk *AuditBreak
	err := s.db.View(func(tx *bolt.Tx) error {
		n, brk = verifyAudit(tx)
		return nil
	})
	return n, brk, err
}

func verifyAudit(tx *bolt.Tx) (uint64, *AuditBreak) {
	b := tx.Bucket(bAudit)
	if b == nil {
		return 0, nil
	}
	prev := zeroHash
	var n uint64
	c := b.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		n++
		var e AuditEntry
		if err := json.Unmarshal(v, &e); err != nil {
			return n, &AuditBreak{n, "unreadable"}
		}
		if !bytes.Equal(k, u64(n)) || e.Seq != n {
			return n, &AuditBreak{n, fmt.Sprintf("out of order or missing (found entry %d)", e.Seq)}
		}
		if e.Hash != e.sum() {
			return n, &AuditBreak{n, "edited"}
		}
		if e.Prev != prev {
			return n, &AuditBreak{n, "does not follow the previous entry (an entry was removed, replaced or moved)"}
		}
		prev = e.Hash
	}
	head := readHead(tx)
	if head.Length != n || head.Hash != prev {
		return n + 1, &AuditBreak{min(n, head.Length) + 1, fmt.Sprintf("log holds %d entries, its head says %d (entries cut off or edited)", n, head.Length)}
	}
	return n, nil
}

// settingsNames lists which settings changed (never their values).
func settingsNames(ch []model.FieldChange) string {
	names := make([]string, 0, len(ch))
	seen := map[string]bool{}
	for _, c := range ch {
		top, _, _ := strings.Cut(c.Field, ".")
		if !seen[top] {
			seen[top] = true
			names = append(names, top)
		}
	}
	return strings.Join(names, ",")
}
