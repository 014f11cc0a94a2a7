package store

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	bolt "go.etcd.io/bbolt"
)

// Bundles are signed. Each database holds an Ed25519 key pair, made the
// first time it is opened for writing; export signs the manifest (which
// carries the checksum of everything after it) with it. The level above
// pins a ward's public key at the first signed bundle it imports from it
// (trust on first use), and refuses a bundle for that ward under another
// key — or unsigned — until an officer accepts the new key by its
// fingerprint (gopy keys accept WARD FINGERPRINT).

var kSignKey = []byte("sign/ed25519")

// ErrNoKey: this database has no signing key yet (it was never opened for
// writing by a gopy that signs).
var ErrNoKey = errors.New("no signing key")

// ensureKey makes the database's key pair if it has none.
func ensureKey(tx *bolt.Tx) error {
	m := tx.Bucket(bMeta)
	if hasSigningKey(tx) {
		return nil
	}
	seed := make([]byte, ed25519.SeedSize)
	if _, err := rand.Read(seed); err != nil {
		return fmt.Errorf("make signing key: %w", err)
	}
	return m.Put(kSignKey, seed)
}

// hasSigningKey: the database holds its signing key's seed. Checking it
// is not making the key: the first ed25519 key of a process computes a
// table of the curve's points, 1–1.5 ms, which every writing open paid
// before the interface's first frame.
func hasSigningKey(tx *bolt.Tx) bool {
	return len(tx.Bucket(bMeta).Get(kSignKey)) == ed25519.SeedSize
}

func signingKey(tx *bolt.Tx) (ed25519.PrivateKey, bool) {
	seed := tx.Bucket(bMeta).Get(kSignKey)
	if len(seed) != ed25519.SeedSize {
		return nil, false
	}
	return ed25519.NewKeyFromSeed(seed), true
}

// Fingerprint is how a public key is shown to people: the first 16 bytes
// of its SHA-256, in groups of four hex digits.
func Fingerprint(pub []byte) string {
	sum := sha256.Sum256(pub)
	h := hex.EncodeToString(sum[:16])
	var b strings.Builder
	for i := 0; i < len(h); i += 4 {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(h[i : i+4])
	}
	return b.String()
}

// KeyFingerprint is this database's public key fingerprint.
func (s *Store) KeyFingerprint() (string, error) {
	var fp string
	err := s.view(func(tx *bolt.Tx) error {
		k, ok := signingKey(tx)
		if !ok {
			return ErrNoKey
		}
		fp = Fingerprint(k.Public().(ed25519.PublicKey))
		return nil
	})
	return fp, err
}

// signManifest fills m's key and signature: Ed25519 over the manifest's
// JSON with the signature empty.
func signManifest(k ed25519.PrivateKey, m *Manifest) error {
	m.Key = base64.StdEncoding.EncodeToString(k.Public().(ed25519.PublicKey))
	m.Signature = ""
	msg, err := json.Marshal(m)
	if err != nil {
		return err
	}
	m.Signature = base64.StdEncoding.EncodeToString(ed25519.Sign(k, msg))
	return nil
}

// verifyManifest checks a signed manifest's signature; an unsigned one
// passes here and is judged against the pinned key at import.
func verifyManifest(m Manifest) error {
	if m.Key == "" && m.Signature == "" {
		return nil
	}
	pub, err1 := base64.StdEncoding.DecodeString(m.Key)
	sig, err2 := base64.StdEncoding.DecodeString(m.Signature)
	if err1 != nil || err2 != nil || len(pub) != ed25519.PublicKeySize || len(sig) != ed25519.SignatureSize {
		return bundleErr("bundle.signature", "malformed key or signature")
	}
	m.Signature = ""
	msg, err := json.Marshal(m)
	if err != nil {
		return err
	}
	if !ed25519.Verify(pub, msg, sig) {
		return bundleErr("bundle.signature", "does not match")
	}
	return nil
}

// pinKey applies trust on first use to the bundle's signer: it returns
// the fingerprint when the key is pinned now, "" when it was already.
func pinKey(m Manifest, info *WardInfo) (string, error) {
	if m.Key == "" {
		if info.Key != "" {
			return "", bundleErr("bundle.unsigned", m.Ward)
		}
		return "", nil
	}
	pub, _ := base64.StdEncoding.DecodeString(m.Key)
	fp := Fingerprint(pub)
	switch {
	case info.Key == m.Key:
		return "", nil
	case info.Key == "" || info.Accept == fp:
		info.Key, info.Accept = m.Key, ""
		return fp, nil
	}
	old, _ := base64.StdEncoding.DecodeString(info.Key)
	return "", bundleErr("bundle.key_changed", m.Ward, fp, Fingerprint(old))
}

// AcceptKey lets the next bundle from ward signed by the key with this
// fingerprint replace the pinned key (a ward that reinstalled gopy, or
// restored onto a new machine). It refuses a ward never heard from. Only an
// admin may, and it is audited (the ward, the fingerprint accepted and the
// one it replaces).
func (s *Store) AcceptKey(ward, fingerprint string) error {
	return s.update(func(tx *bolt.Tx) error {
		if err := s.mayAdmin(tx); err != nil {
			return err
		}
		v := tx.Bucket(bWards).Get([]byte(ward))
		if v == nil {
			return fmt.Errorf("ward %s: %w", ward, ErrNotFound)
		}
		var w WardInfo
		if err := json.Unmarshal(v, &w); err != nil {
			return err
		}
		w.Accept = strings.Join(strings.Fields(strings.ToLower(fingerprint)), " ")
		nv, err := json.Marshal(w)
		if err != nil {
			return err
		}
		if err := tx.Bucket(bWards).Put([]byte(ward), nv); err != nil {
			return err
		}
		return s.audit(tx, AuditKeyAccept, ward, "", w.Accept+" (was "+FingerprintOf(w.Key)+")")
	})
}

// FingerprintOf is the fingerprint of a base64 public key as pinned.
func FingerprintOf(key string) string {
	pub, err := base64.StdEncoding.DecodeString(key)
	if err != nil {
		return "?"
	}
	return Fingerprint(pub)
}
