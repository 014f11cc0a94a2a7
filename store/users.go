package store

import (
	"bytes"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"

	"gopy/model"
)

var bUsers = []byte("users")

var (
	ErrBadSignIn   = errors.New("wrong user name or passphrase")
	ErrDisabled    = errors.New("account disabled")
	ErrForbidden   = errors.New("not allowed for this user")
	ErrNotSignedIn = errors.New("not signed in")
	ErrUserExists  = errors.New("user already exists")
	ErrSetupDone   = errors.New("database already has users")
	ErrBadRecovery = errors.New("wrong recovery key")
	ErrLastAdmin   = errors.New("the last admin cannot be removed, demoted or disabled")
	ErrPassphrase  = errors.New("passphrase too short")
)

// WaitError says a sign-in is refused until Until: five wrong passphrases
// in a row make each further try wait longer.
type WaitError struct{ Until time.Time }

func (e *WaitError) Error() string {
	return "too many wrong passphrases: wait until " + e.Until.Format(time.RFC3339)
}

// userRec is an account as stored. The passphrase itself is never stored:
// Verifier checks it, and the key derived with it unwraps Wrapped, the
// user's own X25519 private key. Grant is the ward's data key sealed to
// the user's public key (the confidential grant's key slot).
type userRec struct {
	model.User
	KDF      kdfParams `json:"kdf"`
	Salt     []byte    `json:"salt"`
	Verifier []byte    `json:"verifier"`
	Pub      []byte    `json:"pub"`
	Wrapped  []byte    `json:"wrapped"`
	Grant    []byte    `json:"grant,omitempty"`
	Failures int       `json:"failures,omitempty"`
	LastFail time.Time `json:"last_fail,omitzero"`
}

// session is who is signed in, with the keys their passphrase opened.
type session struct {
	user model.User
	priv []byte // the user's own private key (their drafts)
	// data is the ward's data key, with the confidential grant; use
	// dataKey. After a sign-in it is opened from grant at its first use:
	// counts and lists never need it, and opening it (two X25519
	// multiplications) was a quarter of a command-line sign-in.
	data     []byte
	grant    []byte
	grantAD  []byte
	openOnce sync.Once
}

// dataKey is the ward's data key, nil without the confidential grant (or
// when the grant does not open: nothing confidential opens then either).
func (sess *session) dataKey() []byte {
	if sess == nil {
		return nil
	}
	sess.openOnce.Do(func() {
		if sess.data == nil && sess.grant != nil {
			sess.data, _ = openWith(sess.priv, sess.grant, sess.grantAD)
		}
	})
	return sess.data
}

func userAD(name string) []byte  { return []byte("gopy/user/" + name) }
func grantAD(name string) []byte { return []byte("gopy/grant/" + name) }

// newUserRec makes an account with a fresh key pair; it returns the
// private key so the caller can seal a grant or keep it in the session.
func newUserRec(u model.User, pass string, kdf kdfParams) (*userRec, []byte) {
	r := &userRec{User: u, KDF: kdf, Salt: random(16)}
	verifier, kek := passKeys(pass, r.Salt, kdf)
	priv, pub := newKeyPair()
	r.Verifier, r.Pub = verifier, pub
	r.Wrapped = aeadSeal(kek, priv, userAD(u.Name))
	return r, priv
}

func getUser(tx *bolt.Tx, name string) (*userRec, error) {
	v := tx.Bucket(bUsers).Get([]byte(name))
	if v == nil {
		return nil, ErrBadSignIn
	}
	var r userRec
	if err := json.Unmarshal(v, &r); err != nil {
		return nil, fmt.Errorf("read user: %w", err)
	}
	return &r, nil
}

func putUser(tx *bolt.Tx, r *userRec) error {
	v, err := json.Marshal(r)
	if err != nil {
		return err
	}
	return tx.Bucket(bUsers).Put([]byte(r.Name), v)
}

func hasUsers(tx *bolt.Tx) bool {
	b := tx.Bucket(bUsers)
	if b == nil {
		return false
	}
	k, _ := b.Cursor().First()
	return k != nil
}

// HasUsers reports whether setup has made the first account.
func (s *Store) HasUsers() (bool, error) {
	var ok bool
	err := s.db.View(func(tx *bolt.Tx) error { ok = hasUsers(tx); return nil })
	return ok, err
}

// Users lists the accounts, by name.
func (s *Store) Users() ([]model.User, error) {
	var out []model.User
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bUsers)
		if b == nil {
			return nil
		}
		return b.ForEach(func(_, v []byte) error {
			var r userRec
			if err := json.Unmarshal(v, &r); err != nil {
				return fmt.Errorf("read user: %w", err)
			}
			out = append(out, r.User)
			return nil
		})
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, err
}

// Setup makes the first account, an admin with the confidential grant, and
// the ward's data key; it seals every confidential identity already held in
// clear (a database from before sealing) and signs the admin in. It
// returns the recovery key, to be shown once and kept on paper. demo marks
// the account as the demo one (published passphrase, cheap hash).
func (s *Store) Setup(name, pass string, demo bool) (recovery string, sealed int, err error) {
	if !model.ValidUserName(name) {
		return "", 0, &Invalid{model.FieldErrors{{Field: "user", Key: "err.user_name"}}}
	}
	if !demo && len([]rune(pass)) < model.MinPassphrase {
		return "", 0, ErrPassphrase
	}
	kdf := defaultKDF
	if demo {
		kdf = demoKDF
	}
	u := model.User{Name: name, Role: model.RoleAdmin, Confidential: true, Demo: demo}
	rec, priv := newUserRec(u, pass, kdf)
	data, pub := newKeyPair()
	code := random(20)
	rec.Grant, err = sealTo(rec.Pub, data, grantAD(name))
	if err != nil {
		return "", 0, err
	}
	err = s.update(func(tx *bolt.Tx) error {
		if hasUsers(tx) {
			return ErrSetupDone
		}
		m := tx.Bucket(bMeta)
		if err := m.Put(kDataPub, pub); err != nil {
			return err
		}
		if err := m.Put(kRecovery, aeadSeal(recoveryKEK(code), data, []byte("gopy/recovery"))); err != nil {
			return err
		}
		if err := putUser(tx, rec); err != nil {
			return err
		}
		if sealed, err = sealAll(tx); err != nil {
			return err
		}
		return appendAudit(tx, s.now(), name, AuditSetup, "", "", fmt.Sprintf("sealed %d", sealed))
	})
	if err != nil {
		return "", 0, err
	}
	s.setSession(&session{user: u, priv: priv, data: data})
	return formatRecovery(code), sealed, nil
}

func signInDelay(failures int) time.Duration {
	if failures < 5 {
		return 0
	}
	d := time.Second << min(failures-4, 9)
	return min(d, 5*time.Minute)
}

// SignIn checks a passphrase and opens the user's keys. A wrong one is
// counted (and audited) when the database is open for writing; from the
// fifth in a row on, each try must wait longer (WaitError).
func (s *Store) SignIn(name, pass string) (model.User, error) {
	var r *userRec
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		r, err = getUser(tx, name)
		return err
	})
	if err != nil {
		s.recordFailure(name, false)
		return model.User{}, err
	}
	now := s.now()
	if d := signInDelay(r.Failures); d > 0 && now.Before(r.LastFail.Add(d)) {
		return model.User{}, &WaitError{Until: r.LastFail.Add(d)}
	}
	verifier, kek := passKeys(pass, r.Salt, r.KDF)
	if subtle.ConstantTimeCompare(verifier, r.Verifier) != 1 {
		s.recordFailure(name, true)
		return model.User{}, ErrBadSignIn
	}
	if r.Disabled {
		s.auditBestEffort(name, AuditSignInFailed, "", "", "disabled")
		return model.User{}, ErrDisabled
	}
	priv, err := aeadOpen(kek, r.Wrapped, userAD(name))
	if err != nil {
		return model.User{}, fmt.Errorf("open key of %s: %w", name, err)
	}
	sess := &session{user: r.User, priv: priv, grant: r.Grant, grantAD: grantAD(name)}
	if !s.ro {
		err = s.update(func(tx *bolt.Tx) error {
			if r.Failures > 0 {
				cur, err := getUser(tx, name)
				if err != nil {
					return err
				}
				cur.Failures, cur.LastFail = 0, time.Time{}
				if err := putUser(tx, cur); err != nil {
					return err
				}
			}
			return appendAudit(tx, now, name, AuditSignIn, "", "", "")
		})
		if err != nil {
			return model.User{}, err
		}
	}
	s.setSession(sess)
	return r.User, nil
}

// recordFailure counts a wrong passphrase against a known user and audits
// every failure; a read-only store cannot write either.
func (s *Store) recordFailure(name string, known bool) {
	if s.ro {
		return
	}
	_ = s.update(func(tx *bolt.Tx) error {
		if known {
			if r, err := getUser(tx, name); err == nil {
				r.Failures++
				r.LastFail = s.now()
				if err := putUser(tx, r); err != nil {
					return err
				}
			}
		}
		return appendAudit(tx, s.now(), name, AuditSignInFailed, "", "", "")
	})
}

func (s *Store) setSession(sess *session) {
	s.smu.Lock()
	s.sess = sess
	s.smu.Unlock()
}

func (s *Store) current() *session {
	s.smu.Lock()
	defer s.smu.Unlock()
	return s.sess
}

// CurrentUser is who is signed in.
func (s *Store) CurrentUser() (model.User, bool) {
	if sess := s.current(); sess != nil {
		return sess.user, true
	}
	return model.User{}, false
}

// CanReveal reports whether the signed-in user holds the confidential grant.
func (s *Store) CanReveal() bool {
	sess := s.current()
	return sess.dataKey() != nil
}

// Lock forgets the signed-in user's keys (idle time, ctrl+l), audited.
func (s *Store) Lock() {
	if sess := s.current(); sess != nil {
		s.auditBestEffort(sess.user.Name, AuditLock, "", "", "")
	}
	s.setSession(nil)
}

// signer is the name history entries carry: the signed-in user's, never a
// typed one. Without a session (tests, setup of a new file) it is by.
func (s *Store) signer(by string) string {
	if sess := s.current(); sess != nil {
		return sess.user.Name
	}
	return by
}

// mayWrite refuses a save by a viewer, or by nobody once accounts exist.
func (s *Store) mayWrite(tx *bolt.Tx) error { return s.mayAs(tx, model.Role.CanWrite) }

// mayAdmin refuses what only an admin does.
func (s *Store) mayAdmin(tx *bolt.Tx) error {
	return s.mayAs(tx, func(r model.Role) bool { return r == model.RoleAdmin })
}

// mayAs refuses unless the signed-in user's role is allowed; without a
// session only a file with no accounts yet lets anything through.
func (s *Store) mayAs(tx *bolt.Tx, allowed func(model.Role) bool) error {
	sess := s.current()
	if sess == nil {
		if hasUsers(tx) {
			return ErrNotSignedIn
		}
		return nil
	}
	if !allowed(sess.user.Role) {
		return ErrForbidden
	}
	return nil
}

// MayAdmin reports whether the signed-in user is an admin.
func (s *Store) MayAdmin() bool {
	sess := s.current()
	return sess != nil && sess.user.Role == model.RoleAdmin
}

// AddUser makes an account (admins only). Giving the grant needs an admin
// who holds it: the data key is sealed to the new user's key.
func (s *Store) AddUser(u model.User, pass string) error {
	if !model.ValidUserName(u.Name) || !u.Role.Valid() {
		return &Invalid{model.FieldErrors{{Field: "user", Key: "err.user_name"}}}
	}
	if len([]rune(pass)) < model.MinPassphrase {
		return ErrPassphrase
	}
	u.Demo = false
	rec, _ := newUserRec(u, pass, defaultKDF)
	return s.update(func(tx *bolt.Tx) error {
		if err := s.mayAdmin(tx); err != nil {
			return err
		}
		if tx.Bucket(bUsers).Get([]byte(u.Name)) != nil {
			return ErrUserExists
		}
		if u.Confidential {
			if err := s.sealGrant(rec); err != nil {
				return err
			}
		}
		if err := putUser(tx, rec); err != nil {
			return err
		}
		return s.audit(tx, AuditUser, "", "", fmt.Sprintf("add %s role=%s grant=%t", u.Name, u.Role, u.Confidential))
	})
}

func (s *Store) sealGrant(r *userRec) error {
	sess := s.current()
	if sess.dataKey() == nil {
		return ErrSealed
	}
	g, err := sealTo(r.Pub, sess.dataKey(), grantAD(r.Name))
	if err != nil {
		return err
	}
	r.Grant, r.Confidential = g, true
	return nil
}

// ChangeUser applies an admin's change to an account: role, grant,
// disabled. Removing the grant deletes the user's key slot.
func (s *Store) ChangeUser(name string, role model.Role, grant, disabled bool) error {
	if !role.Valid() {
		return &Invalid{model.FieldErrors{{Field: "role", Key: "err.choice"}}}
	}
	return s.update(func(tx *bolt.Tx) error {
		if err := s.mayAdmin(tx); err != nil {
			return err
		}
		r, err := getUser(tx, name)
		if err != nil {
			return err
		}
		if (r.Role == model.RoleAdmin && !r.Disabled) && (role != model.RoleAdmin || disabled) && activeAdmins(tx) <= 1 {
			return ErrLastAdmin
		}
		switch {
		case grant && r.Grant == nil:
			if err := s.sealGrant(r); err != nil {
				return err
			}
		case !grant:
			r.Grant, r.Confidential = nil, false
		}
		r.Role, r.Disabled = role, disabled
		if err := putUser(tx, r); err != nil {
			return err
		}
		return s.audit(tx, AuditUser, "", "", fmt.Sprintf("change %s role=%s grant=%t disabled=%t", name, role, grant, disabled))
	})
}

func activeAdmins(tx *bolt.Tx) int {
	n := 0
	_ = tx.Bucket(bUsers).ForEach(func(_, v []byte) error {
		var r userRec
		if json.Unmarshal(v, &r) == nil && r.Role == model.RoleAdmin && !r.Disabled {
			n++
		}
		return nil
	})
	return n
}

// ChangePassphrase re-wraps the user's own key under a new passphrase: the
// grant slot and every record stay as they are.
func (s *Store) ChangePassphrase(name, old, pass string) error {
	if len([]rune(pass)) < model.MinPassphrase {
		return ErrPassphrase
	}
	return s.update(func(tx *bolt.Tx) error {
		r, err := getUser(tx, name)
		if err != nil {
			return err
		}
		verifier, kek := passKeys(old, r.Salt, r.KDF)
		if subtle.ConstantTimeCompare(verifier, r.Verifier) != 1 {
			return ErrBadSignIn
		}
		priv, err := aeadOpen(kek, r.Wrapped, userAD(name))
		if err != nil {
			return err
		}
		r.KDF, r.Salt, r.Demo = defaultKDF, random(16), false
		verifier, kek = passKeys(pass, r.Salt, r.KDF)
		r.Verifier, r.Wrapped = verifier, aeadSeal(kek, priv, userAD(name))
		if err := putUser(tx, r); err != nil {
			return err
		}
		return appendAudit(tx, s.now(), s.signer(name), AuditUser, "", "", "passphrase "+name)
	})
}

// Recover opens the data key with the recovery key when every holder of
// the grant forgot their passphrase: the named account (made if missing)
// becomes an admin with the grant and the new passphrase, and is signed in.
func (s *Store) Recover(code, name, pass string) error {
	raw, ok := parseRecovery(code)
	if !ok {
		return ErrBadRecovery
	}
	if !model.ValidUserName(name) {
		return &Invalid{model.FieldErrors{{Field: "user", Key: "err.user_name"}}}
	}
	if len([]rune(pass)) < model.MinPassphrase {
		return ErrPassphrase
	}
	var sess *session
	err := s.update(func(tx *bolt.Tx) error {
		data, err := aeadOpen(recoveryKEK(raw), tx.Bucket(bMeta).Get(kRecovery), []byte("gopy/recovery"))
		if err != nil {
			_ = appendAudit(tx, s.now(), name, AuditRecoverFailed, "", "", "")
			return ErrBadRecovery
		}
		u := model.User{Name: name, Role: model.RoleAdmin, Confidential: true}
		rec, priv := newUserRec(u, pass, defaultKDF)
		if rec.Grant, err = sealTo(rec.Pub, data, grantAD(name)); err != nil {
			return err
		}
		if err := putUser(tx, rec); err != nil {
			return err
		}
		sess = &session{user: u, priv: priv, data: data}
		return appendAudit(tx, s.now(), name, AuditRecover, "", "", "")
	})
	if err != nil {
		return err
	}
	s.setSession(sess)
	return nil
}

// Reveal opens a confidential petition's identity for a user with the
// grant, giving a reason; the reveal is audited with both.
func (s *Store) Reveal(p *model.Petition, reason string) error {
	sess := s.current()
	if sess.dataKey() == nil {
		return ErrSealed
	}
	if p.Sealed == nil {
		return nil
	}
	if err := openPetition(sess.dataKey(), p); err != nil {
		return err
	}
	return s.update(func(tx *bolt.Tx) error {
		return s.audit(tx, AuditReveal, p.Ref, reason, "")
	})
}

// RevealHistory opens the sealed fields of a record's history (after its
// identity was revealed: no second audit entry).
func (s *Store) RevealHistory(id string, changes []model.Change) error {
	sess := s.current()
	if sess.dataKey() == nil {
		return ErrSealed
	}
	for i := range changes {
		if err := openChange(sess.dataKey(), id, &changes[i]); err != nil {
			return err
		}
	}
	return nil
}

// openedForDiff returns old with its identity opened when the signed-in
// user can open it, so that a save records which identity fields changed
// (sealed again in the history entry).
func (s *Store) openedForDiff(old, rec model.Record) (model.Record, error) {
	op, ok := old.(*model.Petition)
	if !ok || op.Sealed == nil {
		return old, nil
	}
	p := rec.(*model.Petition)
	if p.Sealed != nil && !p.HasIdentity() {
		// Saved without opening the identity: it stays as stored.
		if !p.Confidential {
			sess := s.current()
			if sess.dataKey() == nil {
				return nil, ErrSealed
			}
			p.Sealed = op.Sealed
			if err := openPetition(sess.dataKey(), p); err != nil {
				return nil, err
			}
		} else {
			p.Sealed = op.Sealed
			return old, nil
		}
	}
	p.Sealed = nil
	sess := s.current()
	if sess.dataKey() == nil {
		return old, nil
	}
	cp := *op
	if err := openPetition(sess.dataKey(), &cp); err != nil {
		return nil, err
	}
	return &cp, nil
}

// draftKey is the store key of the signed-in user's draft: each user sees
// only their own drafts, sealed under their own key.
func (s *Store) draftKey(key string) []byte {
	if sess := s.current(); sess != nil {
		return []byte(sess.user.Name + "\x00" + key)
	}
	return []byte(key)
}

func draftAEADKey(priv []byte) []byte {
	return boxKey(priv, []byte("gopy drafts"), nil)
}

func (s *Store) sealDraft(key string, data []byte) []byte {
	sess := s.current()
	if sess == nil {
		return data
	}
	return aeadSeal(draftAEADKey(sess.priv), data, []byte(key))
}

// openDrafts keeps the signed-in user's drafts, opened.
func (s *Store) openDrafts(raw map[string][]byte) map[string][]byte {
	sess := s.current()
	out := map[string][]byte{}
	for k, v := range raw {
		name, key, found := bytes.Cut([]byte(k), []byte{0})
		switch {
		case sess == nil && !found:
			out[k] = v
		case sess != nil && found && string(name) == sess.user.Name:
			if plain, err := aeadOpen(draftAEADKey(sess.priv), v, key); err == nil {
				out[string(key)] = plain
			}
		}
	}
	return out
}

// ReadOnly reports whether the store was opened read-only.
func (s *Store) ReadOnly() bool { return s.ro }
