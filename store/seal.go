package store

import (
	"bytes"
	"crypto/ecdh"
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/chacha20poly1305"

	"gopy/model"
)

// Sealed identities.
//
// A confidential petition's name, address, ID number and phone are stored
// encrypted to the ward's data key, an X25519 key pair made at setup. Its
// public half is in meta, so anyone signed in (an officer without the grant
// included) can seal an identity; its private half is never stored in clear:
// it is sealed once per user holding the confidential grant, to that user's
// own key pair, whose private half is wrapped under a key derived from the
// user's passphrase by argon2id (key slots, as age and LUKS keep them), and
// once under the recovery key shown at setup. A passphrase change re-wraps
// one user's key; granting or revoking adds or removes one slot; records are
// never re-encrypted.
//
// Each sealed value is XChaCha20-Poly1305 under a key from HKDF-SHA256 over
// an ephemeral X25519 exchange with the data key, bound by its additional
// data to the record it belongs to, so a sealed identity cannot be moved to
// another record.

var (
	kDataPub  = []byte("keyring/pub")
	kRecovery = []byte("keyring/recovery")

	// ErrSealed: the identity is sealed and the signed-in user cannot open it.
	ErrSealed = errors.New("identity is sealed: the confidential grant is needed")
)

// kdfParams are argon2id's costs, kept with each hash so they can change.
type kdfParams struct {
	Time    uint32 `json:"t"`
	MemKiB  uint32 `json:"m"`
	Threads uint8  `json:"p"`
}

// defaultKDF is RFC 9106's second recommended setting (t=3, 64 MiB) with
// two lanes for a 2-core machine: about 75 ms idle, well under a second
// with the machine busy (BenchmarkSignIn).
var defaultKDF = kdfParams{Time: 3, MemKiB: 64 * 1024, Threads: 2}

// demoKDF is for the demo account only, whose passphrase ("demo") is
// published in the README: a slow hash would protect nothing.
var demoKDF = kdfParams{Time: 1, MemKiB: 64, Threads: 1}

// passKeys derives from a passphrase the verifier stored to check it and
// the key that wraps the user's private key: one argon2id run for both.
func passKeys(pass string, salt []byte, p kdfParams) (verifier, kek []byte) {
	out := argon2.IDKey([]byte(pass), salt, p.Time, p.MemKiB, p.Threads, 64)
	return out[:32], out[32:]
}

func random(n int) []byte {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand never fails on supported systems
	}
	return b
}

// aeadSeal encrypts under a 32-byte key: nonce(24) ‖ ciphertext.
func aeadSeal(key, plain, ad []byte) []byte {
	a, err := chacha20poly1305.NewX(key)
	if err != nil {
		panic(err) // keys are always 32 bytes here
	}
	nonce := random(a.NonceSize())
	return a.Seal(nonce, nonce, plain, ad)
}

var errOpen = errors.New("cannot decrypt")

func aeadOpen(key, blob, ad []byte) ([]byte, error) {
	a, err := chacha20poly1305.NewX(key)
	if err != nil {
		return nil, err
	}
	if len(blob) < a.NonceSize()+a.Overhead() {
		return nil, errOpen
	}
	out, err := a.Open(nil, blob[:a.NonceSize()], blob[a.NonceSize():], ad)
	if err != nil {
		return nil, errOpen
	}
	return out, nil
}

func newKeyPair() (priv, pub []byte) {
	k, err := ecdh.X25519().GenerateKey(rand.Reader)
	if err != nil {
		panic(err)
	}
	return k.Bytes(), k.PublicKey().Bytes()
}

func boxKey(shared, ephPub, pub []byte) []byte {
	salt := append(append([]byte{}, ephPub...), pub...)
	k, err := hkdf.Key(sha256.New, shared, salt, "gopy sealed box v1", 32)
	if err != nil {
		panic(err)
	}
	return k
}

// sealTo encrypts plain so that only the holder of pub's private key opens
// it: ephemeral public key(32) ‖ nonce(24) ‖ ciphertext.
func sealTo(pub, plain, ad []byte) ([]byte, error) {
	rk, err := ecdh.X25519().NewPublicKey(pub)
	if err != nil {
		return nil, fmt.Errorf("seal: %w", err)
	}
	eph, err := ecdh.X25519().GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	shared, err := eph.ECDH(rk)
	if err != nil {
		return nil, fmt.Errorf("seal: %w", err)
	}
	ephPub := eph.PublicKey().Bytes()
	return append(ephPub, aeadSeal(boxKey(shared, ephPub, pub), plain, ad)...), nil
}

func openWith(priv, blob, ad []byte) ([]byte, error) {
	if len(blob) < 32 {
		return nil, errOpen
	}
	k, err := ecdh.X25519().NewPrivateKey(priv)
	if err != nil {
		return nil, err
	}
	ep, err := ecdh.X25519().NewPublicKey(blob[:32])
	if err != nil {
		return nil, errOpen
	}
	shared, err := k.ECDH(ep)
	if err != nil {
		return nil, errOpen
	}
	return aeadOpen(boxKey(shared, blob[:32], k.PublicKey().Bytes()), blob[32:], ad)
}

// identity is what a sealed petition hides.
type identity struct {
	Name     string `json:"name,omitempty"`
	Address  string `json:"address,omitempty"`
	IDNumber string `json:"id_number,omitempty"`
	Phone    string `json:"phone,omitempty"`
}

func identityAD(id string) []byte { return []byte("gopy/identity/" + id) }
func historyAD(id string) []byte  { return []byte("gopy/history/" + id) }

// dataPub is the ward's public data key, nil before setup.
func dataPub(tx *bolt.Tx) []byte {
	if v := tx.Bucket(bMeta).Get(kDataPub); len(v) == 32 {
		return append([]byte{}, v...)
	}
	return nil
}

// sealPetition moves a confidential petition's identity into Sealed. It
// does nothing before setup (no data key yet: setup seals what is there)
// or when there is no identity in clear.
func sealPetition(tx *bolt.Tx, p *model.Petition) error {
	if !p.Confidential || !p.HasIdentity() {
		return nil
	}
	pub := dataPub(tx)
	if pub == nil {
		return nil
	}
	plain, err := json.Marshal(identity{p.Name, p.Address, p.IDNumber, p.Phone})
	if err != nil {
		return err
	}
	blob, err := sealTo(pub, plain, identityAD(p.ID))
	if err != nil {
		return err
	}
	p.Sealed = blob
	p.Name, p.Address, p.IDNumber, p.Phone = "", "", "", ""
	return nil
}

// openPetition puts a sealed identity back in clear with the data key.
func openPetition(data []byte, p *model.Petition) error {
	if p.Sealed == nil {
		return nil
	}
	if data == nil {
		return ErrSealed
	}
	plain, err := openWith(data, p.Sealed, identityAD(p.ID))
	if err != nil {
		return fmt.Errorf("open identity of %s: %w", p.Ref, err)
	}
	var id identity
	if err := json.Unmarshal(plain, &id); err != nil {
		return fmt.Errorf("open identity of %s: %w", p.Ref, err)
	}
	p.Name, p.Address, p.IDNumber, p.Phone = id.Name, id.Address, id.IDNumber, id.Phone
	p.Sealed = nil
	return nil
}

// sealChange seals the identity fields of a confidential petition's
// history entry. It reports whether anything changed.
func sealChange(pub []byte, id string, c *model.Change) (bool, error) {
	dirty := false
	for i := range c.Fields {
		f := &c.Fields[i]
		if !personalFields[f.Field] || (f.Old == "" && f.New == "") {
			continue
		}
		plain, err := json.Marshal([2]string{f.Old, f.New})
		if err != nil {
			return false, err
		}
		if f.Sealed, err = sealTo(pub, plain, historyAD(id)); err != nil {
			return false, err
		}
		f.Old, f.New, dirty = "", "", true
	}
	if c.Action == "conflict" && c.Note != "" {
		// A conflict note holds the other version, identity included.
		plain, err := json.Marshal([2]string{"", c.Note})
		if err != nil {
			return false, err
		}
		blob, err := sealTo(pub, plain, historyAD(id))
		if err != nil {
			return false, err
		}
		c.Fields = append(c.Fields, model.FieldChange{Field: "note", Sealed: blob})
		c.Note, dirty = "", true
	}
	return dirty, nil
}

// openChange puts a history entry's sealed fields back in clear.
func openChange(data []byte, id string, c *model.Change) error {
	for i := range c.Fields {
		f := &c.Fields[i]
		if f.Sealed == nil {
			continue
		}
		plain, err := openWith(data, f.Sealed, historyAD(id))
		if err != nil {
			return fmt.Errorf("open history: %w", err)
		}
		var v [2]string
		if err := json.Unmarshal(plain, &v); err != nil {
			return fmt.Errorf("open history: %w", err)
		}
		f.Old, f.New, f.Sealed = v[0], v[1], nil
	}
	return nil
}

// hasClearPersonal reports whether a history entry holds an identity field
// in clear.
func hasClearPersonal(c *model.Change) bool {
	for _, f := range c.Fields {
		if personalFields[f.Field] && (f.Old != "" || f.New != "") {
			return true
		}
	}
	return c.Action == "conflict" && c.Note != ""
}

// sealHistory seals the identity in every history entry of one petition
// (when it becomes confidential, and at setup).
func sealHistory(tx *bolt.Tx, pub []byte, id [16]byte) error {
	idStr := model.IDString(id[:])
	return rewriteChanges(tx, model.KindPetition, id, func(ch *model.Change) (bool, error) {
		return sealChange(pub, idStr, ch)
	})
}

// rewriteChanges passes every history entry of one record to fn and writes
// back those fn reports changed. The puts wait until the walk is done: a
// cursor must not see the bucket change under it.
func rewriteChanges(tx *bolt.Tx, k model.Kind, id [16]byte, fn func(ch *model.Change) (changed bool, err error)) error {
	b := histBucket(tx, k)
	type entry struct {
		key []byte
		v   []byte
	}
	var changed []entry
	c := b.Cursor()
	for key, v := c.Seek(id[:]); key != nil && bytes.HasPrefix(key, id[:]); key, v = c.Next() {
		if len(key) != 24 {
			continue
		}
		ch, _, err := decodeChange(v)
		if err != nil {
			return fmt.Errorf("decode history: %w", err)
		}
		dirty, err := fn(&ch)
		if err != nil {
			return err
		}
		if dirty {
			nv, err := encodeChange(ch)
			if err != nil {
				return err
			}
			changed = append(changed, entry{append([]byte{}, key...), nv})
		}
	}
	for _, e := range changed {
		if err := b.Put(e.key, e.v); err != nil {
			return err
		}
	}
	return nil
}

// sealHistoryEntry seals a new history entry of a petition that is
// confidential (as stored in tx) before it is written.
func sealHistoryEntry(tx *bolt.Tx, k model.Kind, id [16]byte, c *model.Change) error {
	if k != model.KindPetition || !hasClearPersonal(c) {
		return nil
	}
	pub := dataPub(tx)
	if pub == nil {
		return nil
	}
	rec, err := getRecord(tx, k, id)
	if err != nil {
		if errors.Is(err, ErrNotFound) {
			return nil
		}
		return err
	}
	if p := rec.(*model.Petition); !p.Confidential {
		return nil
	}
	c.Fields = append([]model.FieldChange(nil), c.Fields...)
	_, err = sealChange(pub, model.IDString(id[:]), c)
	return err
}

// sealAll seals every confidential petition held in clear, with its
// history: run once, when setup makes the data key (a database from
// before sealing, or records made before the first admin).
func sealAll(tx *bolt.Tx) (int, error) {
	pub := dataPub(tx)
	b := tx.Bucket(bRec(model.KindPetition))
	var ids [][16]byte
	err := b.ForEach(func(k, v []byte) error {
		if !isRecordKey(k) {
			return nil
		}
		var p model.Petition
		if err := decodeRecordInto(k, v, &p); err != nil {
			return fmt.Errorf("decode petition %s: %w", model.IDString(k), err)
		}
		if p.Confidential {
			var id [16]byte
			copy(id[:], k)
			ids = append(ids, id)
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	n := 0
	for _, id := range ids {
		rec, err := getRecord(tx, model.KindPetition, id)
		if err != nil {
			return n, err
		}
		p := rec.(*model.Petition)
		if p.HasIdentity() {
			if err := sealPetition(tx, p); err != nil {
				return n, err
			}
			v, err := json.Marshal(p)
			if err != nil {
				return n, err
			}
			if err := b.Put(id[:], v); err != nil {
				return n, err
			}
			n++
		}
		if err := sealHistory(tx, pub, id); err != nil {
			return n, err
		}
	}
	return n, nil
}

// validateSealed validates a confidential petition whose identity is not
// in clear as if its name were there: the name is required, and it is, only
// sealed (or withheld: a CSV ledger or a stripped bundle does not carry a
// sealed identity).
func validateSealed(rec model.Record) model.FieldErrors {
	p, ok := rec.(*model.Petition)
	if !ok || !(p.Sealed != nil || p.Confidential) || p.HasIdentity() {
		return rec.Validate()
	}
	cp := *p
	cp.Name = "sealed"
	return cp.Validate()
}

// recoveryKey wraps the data key under a key derived from the recovery
// code (random, so no slow hash is needed).
func recoveryKEK(code []byte) []byte {
	k, err := hkdf.Key(sha256.New, code, nil, "gopy recovery v1", 32)
	if err != nil {
		panic(err)
	}
	return k
}

// formatRecovery writes 20 random bytes as 8 groups of 4 base32 letters,
// easy to copy onto paper.
func formatRecovery(b []byte) string {
	const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	var out []byte
	var acc uint64
	bits := 0
	n := 0
	for _, c := range b {
		acc = acc<<8 | uint64(c)
		bits += 8
		for bits >= 5 {
			bits -= 5
			if n > 0 && n%4 == 0 {
				out = append(out, '-')
			}
			out = append(out, alphabet[(acc>>uint(bits))&31])
			n++
		}
	}
	return string(out)
}

// parseRecovery reads a recovery code back (case, spaces and dashes
// ignored).
func parseRecovery(s string) ([]byte, bool) {
	const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	var out []byte
	var acc uint64
	bits, n := 0, 0
	for _, r := range s {
		if r == '-' || r == ' ' {
			continue
		}
		if n++; n > 32 {
			return nil, false
		}
		if r >= 'a' && r <= 'z' {
			r -= 'a' - 'A'
		}
		i := bytes.IndexRune([]byte(alphabet), r)
		if i < 0 {
			return nil, false
		}
		acc = acc<<5 | uint64(i)
		bits += 5
		if bits >= 8 {
			bits -= 8
			out = append(out, byte(acc>>uint(bits)))
		}
	}
	return out, len(out) == 20
}

func u64(v uint64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, v)
	return b
}

// sealOnBecomingConfidential seals the identity a petition's history held
// in clear when the petition is now marked confidential.
func sealOnBecomingConfidential(tx *bolt.Tx, old, rec model.Record, id [16]byte) error {
	op, ok1 := old.(*model.Petition)
	p, ok2 := rec.(*model.Petition)
	if !ok1 || !ok2 || op.Confidential || !p.Confidential {
		return nil
	}
	pub := dataPub(tx)
	if pub == nil {
		return nil
	}
	return sealHistory(tx, pub, id)
}

// keepSealed carries a stored sealed identity over to a new version of the
// record that arrives without one (a CSV ledger row, an edit that never
// opened it): what nobody could see is not erased by saving.
func keepSealed(old, rec model.Record) {
	op, ok1 := old.(*model.Petition)
	p, ok2 := rec.(*model.Petition)
	if ok1 && ok2 && op.Sealed != nil && p.Sealed == nil && p.Confidential && !p.HasIdentity() {
		p.Sealed = op.Sealed
	}
}

// putRaw stores a record's JSON as it came (a bundle's), sealing a
// confidential petition's identity if it came in clear (a bundle from a
// gopy before sealing).
func putRaw(tx *bolt.Tx, k model.Kind, id [16]byte, raw []byte) error {
	if k == model.KindPetition && bytes.Contains(raw, []byte(`"confidential":true`)) && dataPub(tx) != nil {
		var p model.Petition
		if err := json.Unmarshal(raw, &p); err != nil {
			return fmt.Errorf("decode petition: %w", err)
		}
		if p.HasIdentity() {
			if err := sealPetition(tx, &p); err != nil {
				return err
			}
			v, err := json.Marshal(&p)
			if err != nil {
				return err
			}
			raw = v
		}
	}
	return tx.Bucket(bRec(k)).Put(id[:], packRecord(id[:], raw))
}
