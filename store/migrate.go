package store

import (
	"encoding/binary"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// migration moves a database from schema `from` to from+1.
type migration struct {
	from int
	run  func(tx *bolt.Tx) error
}

// migrations are run in order, all in one transaction, after a backup. The
// first schema is 1; steps appear here as the layout changes.
var migrations = []migration{
	// 2: accounts and the audit log. Identities held in clear are sealed
	// when the first admin is made (Setup), which makes the data key.
	{from: 1, run: func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bUsers, bAudit} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return nil
	}},
}

func (s *Store) migrate(version uint32) error {
	backup := s.path + fmt.Sprintf(".schema%d.bak", version)
	if err := s.BackupFile(backup); err != nil {
		return fmt.Errorf("back up before migrating: %w", err)
	}
	return s.db.Update(func(tx *bolt.Tx) error {
		v := int(version)
		for _, m := range migrations {
			if m.from != v {
				continue
			}
			if err := m.run(tx); err != nil {
				return fmt.Errorf("migrate schema %d to %d: %w", v, v+1, err)
			}
			v++
		}
		if v != SchemaVersion {
			return fmt.Errorf("no migration from schema %d", v)
		}
		b := make([]byte, 4)
		binary.BigEndian.PutUint32(b, SchemaVersion)
		return tx.Bucket(bMeta).Put(kSchema, b)
	})
}
