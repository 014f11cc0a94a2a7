package cli

import (
	"encoding/binary"
	"os"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// The first read after an upgrade migrates the database (after a backup)
// instead of refusing it: `gopy list` on a schema-1 file just works.
func TestReadMigratesAnOlderDatabase(t *testing.T) {
	db := demoDB(t, 300)
	want := count(t, "--db", db, "list", "petitions", "--overdue")
	b, err := bolt.Open(db, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = b.Update(func(tx *bolt.Tx) error {
		v := make([]byte, 4)
		binary.BigEndian.PutUint32(v, 1)
		return tx.Bucket([]byte("meta")).Put([]byte("schema"), v)
	})
	b.Close()
	if err != nil {
		t.Fatal(err)
	}
	if got := count(t, "--db", db, "list", "petitions", "--overdue"); got != want {
		t.Errorf("after migrating: %d overdue, before %d", got, want)
	}
	if _, err := os.Stat(db + ".schema1.bak"); err != nil {
		t.Errorf("no backup before migrating: %v", err)
	}
	if code, out, errs := run(t, "--db", db, "check"); code != 0 {
		t.Errorf("check after migrating: %d %s %s", code, out, errs)
	}
}
