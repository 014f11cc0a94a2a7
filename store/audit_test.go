package store_test

import (
	"bytes"
	"encoding/binary"
	"testing"

	bolt "go.etcd.io/bbolt"

	"gopy/model"
	"gopy/store"
)

func seqKey(n uint64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, n)
	return b
}

// auditDB has five audit entries: settings, setup, sign-in, a reveal, an
// export.
func auditDB(t *testing.T) *store.Store {
	t.Helper()
	s, _, _, _ := setUp(t)
	p := secretPetition()
	if err := s.Create(p, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SignIn("admin", adminPass); err != nil {
		t.Fatal(err)
	}
	rec, _ := s.Get(model.KindPetition, p.ID)
	if err := s.Reveal(rec.(*model.Petition), "verify the denouncer's address"); err != nil {
		t.Fatal(err)
	}
	if err := s.Audit(store.AuditExport, "", "", "b.gpb"); err != nil {
		t.Fatal(err)
	}
	if n, brk, err := s.VerifyAudit(); err != nil || brk != nil || n != 5 {
		t.Fatalf("fresh log: %d entries, break %v, %v", n, brk, err)
	}
	log, _ := s.AuditLog(store.AuditFilter{})
	if log[3].Action != store.AuditReveal || log[3].User != "admin" || log[3].Record != p.Ref || log[3].Reason != "verify the denouncer's address" {
		t.Fatalf("reveal entry %+v", log[3])
	}
	return s
}

func TestAuditChainFindsTampering(t *testing.T) {
	cases := []struct {
		name   string
		tamper func(b *bolt.Bucket) error
		first  uint64
	}{
		{"edit an entry", func(b *bolt.Bucket) error {
			v := bytes.Replace(b.Get(seqKey(4)), []byte(`"admin"`), []byte(`"someone"`), 1)
			return b.Put(seqKey(4), v)
		}, 4},
		{"delete an entry", func(b *bolt.Bucket) error { return b.Delete(seqKey(3)) }, 3},
		{"swap two entries", func(b *bolt.Bucket) error {
			v3, v4 := append([]byte{}, b.Get(seqKey(3))...), append([]byte{}, b.Get(seqKey(4))...)
			if err := b.Put(seqKey(3), v4); err != nil {
				return err
			}
			return b.Put(seqKey(4), v3)
		}, 3},
		{"cut the last entry", func(b *bolt.Bucket) error { return b.Delete(seqKey(5)) }, 5},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := auditDB(t)
			err := store.BoltDB(s).Update(func(tx *bolt.Tx) error { return c.tamper(tx.Bucket([]byte("audit"))) })
			if err != nil {
				t.Fatal(err)
			}
			_, brk, err := s.VerifyAudit()
			if err != nil {
				t.Fatal(err)
			}
			if brk == nil || brk.Seq != c.first {
				t.Fatalf("break %+v, want at entry %d", brk, c.first)
			}
		})
	}
}
