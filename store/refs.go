package store

import (
	"bytes"

	bolt "go.etcd.io/bbolt"

	"gopy/model"
)

// A reference (GY-2026-0001) names one record of its kind in its ward. The
// kind's ix bucket holds 'u' ‖ ward ‖ 0 ‖ ref ‖ 0 ‖ date ‖ id for every
// record, so a reference already used is found with one seek, whatever
// the number of wards, and Check finds two records sharing one as
// neighbouring keys.
const ixUnique = 'u'

func uniqPrefix(ward, ref string) []byte {
	return appendUniqPrefix(make([]byte, 0, 3+len(ward)+len(ref)), ward, ref)
}

// appendUniqPrefix appends 'u' ‖ ward ‖ 0 ‖ ref ‖ 0.
func appendUniqPrefix[W, R ~string | ~[]byte](b []byte, ward W, ref R) []byte {
	return append(append(append(append(append(b, ixUnique), ward...), 0), ref...), 0)
}

func uniqKey(row *model.Row, id [16]byte) []byte {
	t := rowTail(row.Date, id)
	return append(uniqPrefix(row.Ward, row.Ref), t[:]...)
}

// refTaken reports whether another record than id holds ref in ward.
func refTaken(tx *bolt.Tx, k model.Kind, ward, ref string, id [16]byte) bool {
	prefix := uniqPrefix(ward, ref)
	if bulkTaken(tx, bIx(k), prefix, id) {
		return true
	}
	c := tx.Bucket(bIx(k)).Cursor()
	for key, _ := c.Seek(prefix); key != nil && bytes.HasPrefix(key, prefix); key, _ = c.Next() {
		if len(key) == len(prefix)+20 && !bytes.Equal(key[len(key)-16:], id[:]) {
			return true
		}
	}
	return false
}

// idKind is the kind of the record stored under id, if any.
func idKind(tx *bolt.Tx, id [16]byte) (model.Kind, bool) {
	b := bulkOf(tx)
	if b != nil && b.pending != nil {
		if rec, ok := b.pending[id]; ok {
			return rec.Kind(), true
		}
	}
	for _, k := range model.Kinds {
		if storedAbove(b, k, id) {
			continue
		}
		if tx.Bucket(bRec(k)).Get(id[:]) != nil {
			return k, true
		}
	}
	return "", false
}

// hasUniqKeys reports whether a kind's ix bucket has its reference keys
// (a database made before them has not: they are added at open).
func hasUniqKeys(tx *bolt.Tx, k model.Kind) bool {
	key, _ := tx.Bucket(bIx(k)).Cursor().Seek([]byte{ixUnique})
	return key != nil && key[0] == ixUnique
}
