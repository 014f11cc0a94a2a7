package store

import (
	"bytes"
	"fmt"
	"slices"

	bolt "go.etcd.io/bbolt"

	"gopy/model"
)

// Lists sorted by who (petitioner, source, host) and by reference page from
// the kind's ix bucket, like the status and deadline orders: key ‖ 0 ‖ date
// ‖ id. The who key is the name's Vietnamese collation key, which may
// itself hold zero bytes, so a walk finds date‖id as the key's last 20
// bytes, not after the first zero.

const (
	sortWho = 'w'
	sortRef = 'r'
)

// whoKey is 'w' ‖ SortKey(who) ‖ 0 ‖ date ‖ id. A confidential petition's
// Who is empty: it sorts first.
func whoKey(row *model.Row, id [16]byte) []byte {
	t := rowTail(row.Date, id)
	return appendWhoKey(nil, row, &t)
}

func appendWhoKey(b []byte, row *model.Row, tail *[20]byte) []byte {
	b = append(b, sortWho)
	if row.Kind == model.KindPetition {
		b = model.AppendNameSortKey(b, row.Who) // a person: by given name
	} else {
		b = model.AppendSortKey(b, row.Who)
	}
	return append(append(b, 0), tail[:]...)
}

// refKey is 'r' ‖ ref ‖ 0 ‖ date ‖ id.
func refKey(row *model.Row, id [16]byte) []byte {
	t := rowTail(row.Date, id)
	return appendTagged(nil, sortRef, row.Ref, &t)
}

// kCollation holds the collation key of a fixed probe, as the who index's
// keys were made: a newer golang.org/x/text may weigh letters otherwise,
// and keys made with the old weights would then not be found to delete.
// When the probe's key changes, the who index is made again.
var kCollation = []byte("collation/who")

// collationProbe holds the letters of Vietnamese names, with their tones.
const collationProbe = "Aa Ăă Ââ Bb Dd Đđ Ee Êê Ii Oo Ôô Ơơ Uu Ưư Yy àáảãạ ằắẳẵặ ầấẩẫậ ềếểễệ ồốổỗộ ờớởỡợ ừứửữự ỳýỷỹỵ 0-9"

// collationStamp is what kCollation holds: the probe's key, and a
// person's name key (given name first since issue 13), so a database
// indexed by either older rule has its who index made again.
func collationStamp() []byte {
	return append(model.SortKey(collationProbe), model.NameSortKey("Nguyễn Văn An")...)
}

func putCollation(tx *bolt.Tx) error {
	return tx.Bucket(bMeta).Put(kCollation, collationStamp())
}

// addSortIndexes gives a database made before the who and reference
// indexes existed (or whose who keys were made by other collation weights)
// its ix buckets, made anew from the list rows. The check is one read
// transaction: a database that has them opens without a write.
func (s *Store) addSortIndexes() error {
	var missing []model.Kind
	err := s.view(func(tx *bolt.Tx) error {
		stale := !bytes.Equal(tx.Bucket(bMeta).Get(kCollation), collationStamp())
		for _, k := range model.Kinds {
			if stale || ixMissing(tx, k) || !hasUniqKeys(tx, k) && firstKey(tx.Bucket(bList(k))) != nil {
				missing = append(missing, k)
			}
		}
		return nil
	})
	if err != nil || len(missing) == 0 {
		return err
	}
	err = s.db.Update(func(tx *bolt.Tx) error {
		for _, k := range missing {
			if err := refillIx(tx, k); err != nil {
				return err
			}
		}
		return putCollation(tx)
	})
	if err != nil {
		return fmt.Errorf("%s: add the who and reference indexes: %w", s.path, err)
	}
	return nil
}

// ixMissing: the ix bucket is absent, or empty while the kind has rows.
func ixMissing(tx *bolt.Tx, k model.Kind) bool {
	list := tx.Bucket(bList(k))
	hasRows := list != nil && firstKey(list) != nil
	b := tx.Bucket(bIx(k))
	return b == nil || hasRows && firstKey(b) == nil
}

func firstKey(b *bolt.Bucket) []byte {
	k, _ := b.Cursor().First()
	return k
}

// refillIx makes a kind's ix bucket anew from its list rows: the status,
// deadline, who and reference indexes all.
func refillIx(tx *bolt.Tx, k model.Kind) error {
	name := bIx(k)
	if tx.Bucket(name) != nil {
		if err := tx.DeleteBucket(name); err != nil {
			return fmt.Errorf("drop bucket %s: %w", name, err)
		}
	}
	ix, err := tx.CreateBucket(name)
	if err != nil {
		return fmt.Errorf("create bucket %s: %w", name, err)
	}
	ix.FillPercent = 0.9
	list := tx.Bucket(bList(k))
	if list == nil {
		return nil
	}
	// The keys are put in key order: a new bucket's keys all sit in one
	// node until the commit, and putting them in row order moved that
	// node's tail at each put; at a million records the upgrade that adds
	// the reference keys ran for many minutes before the first frame.
	var keys [][]byte
	var row model.Row
	err = list.ForEach(func(key, v []byte) error {
		if len(key) != 20 {
			return fmt.Errorf("%s: bad list key %x", bList(k), key)
		}
		if err := decodeRow(k, key, v, &row); err != nil {
			return err
		}
		var id [16]byte
		copy(id[:], key[4:])
		keys = append(keys, ixKeys(&row, id)...)
		return nil
	})
	if err != nil {
		return err
	}
	slices.SortFunc(keys, bytes.Compare)
	for _, ik := range keys {
		if err := ix.Put(ik, nil); err != nil {
			return err
		}
	}
	return nil
}
