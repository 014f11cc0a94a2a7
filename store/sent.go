package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"gopy/model"
)

// Sent reports, report profiles and narratives. A sent report freezes what
// went upward: the figures as printed, the narrative, the number, who sent
// it and when, and the version of every record counted, under one SHA-256.
// Its buckets are made on first use, so databases made before them need no
// migration.
var (
	bSent       = []byte("sent")       // id ‖ 'h' → SentReport; id ‖ 'r' → record versions
	bNarratives = []byte("narratives") // profile ‖ 0 ‖ period → Narrative
	kProfiles   = []byte("profiles")   // in meta: []Profile
)

// ErrSentTampered is returned for a sent report whose stored bytes no longer
// match its SHA-256.
var ErrSentTampered = errors.New("sent report does not match its checksum")

// SentReport is one report as it was sent.
type SentReport struct {
	ID      string        `json:"id"`
	Profile model.Profile `json:"profile"` // as filled when sent
	Period  model.Period  `json:"period"`
	// Seq is 0 for the first report of a period and profile, n for the
	// n-th amendment report; Amends is then the ID of the one it replaces.
	Seq    int    `json:"seq"`
	Amends string `json:"amends,omitempty"`
	// AmendsNumber and AmendsOn name the replaced report in the document.
	AmendsNumber string     `json:"amends_number,omitempty"`
	AmendsOn     model.Date `json:"amends_on,omitempty"`
	Number       string     `json:"number"`
	IssuedOn     model.Date `json:"issued_on"`
	SentAt       time.Time  `json:"sent_at"`
	SentBy       string     `json:"sent_by"`
	Lang         string     `json:"lang"`
	// Settings are the ward's settings when sent (names, deadlines in the
	// table labels), so the document can be made again unchanged.
	Settings  model.Settings  `json:"settings"`
	Narrative model.Narrative `json:"narrative"`
	// Figures are the bytes `gopy report --format json` printed, kept
	// apart (id ‖ 'f') so they stay byte for byte as printed.
	Figures []byte `json:"-"`
	// Adjustments is the correction section as sent (JSON, may be null).
	Adjustments json.RawMessage `json:"adjustments,omitempty"`
	Records     int             `json:"records"`
	SHA256      string          `json:"sha256"`
}

// RecordVersion is one record counted in a sent report: its ID and the
// time it was last changed (its version).
type RecordVersion struct {
	ID      string    `json:"id"`
	Version time.Time `json:"version"`
}

func sentKey(id [16]byte, part byte) []byte { return append(id[:], part) }

// encodeVersions packs versions as id(16) ‖ unix nanoseconds(8).
func encodeVersions(vs []RecordVersion) ([]byte, error) {
	b := make([]byte, 0, 24*len(vs))
	for _, v := range vs {
		id, err := model.ParseID(v.ID)
		if err != nil {
			return nil, err
		}
		b = append(b, id[:]...)
		b = binary.BigEndian.AppendUint64(b, uint64(v.Version.UnixNano()))
	}
	return b, nil
}

func decodeVersions(b []byte) []RecordVersion {
	out := make([]RecordVersion, 0, len(b)/24)
	for ; len(b) >= 24; b = b[24:] {
		out = append(out, RecordVersion{ID: model.IDString(b[:16]),
			Version: time.Unix(0, int64(binary.BigEndian.Uint64(b[16:24]))).UTC()})
	}
	return out
}

// sentHash is the SHA-256 over the report (its SHA256 field empty), its
// figures and its record versions, each preceded by its length.
func sentHash(r SentReport, versions []byte) (string, error) {
	r.SHA256 = ""
	head, err := json.Marshal(r)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	for _, part := range [][]byte{head, r.Figures, versions} {
		h.Write(binary.BigEndian.AppendUint64(nil, uint64(len(part))))
		h.Write(part)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// RecordVersions lists the ID and version of every record dated in p, all
// kinds, in key order. It reads the version straight from the stored
// bytes: a year at 100k records is read in a fraction of a second.
func (s *Store) RecordVersions(p model.Period) ([]RecordVersion, error) {
	var out []RecordVersion
	err := s.view(func(tx *bolt.Tx) error {
		from, to := rowKey(p.From, [16]byte{}), rowKey(p.To+1, [16]byte{})
		for _, k := range model.Kinds {
			recs := tx.Bucket(bRec(k))
			c := tx.Bucket(bList(k)).Cursor()
			for key, _ := c.Seek(from); key != nil && bytes.Compare(key, to) < 0; key, _ = c.Next() {
				var at time.Time
				err := withRecordJSON(key[4:20], recs.Get(key[4:20]), func(js []byte) (err error) {
					at, err = updatedAt(js)
					return err
				})
				if err != nil {
					return fmt.Errorf("record %s: %w", model.IDString(key[4:20]), err)
				}
				out = append(out, RecordVersion{ID: model.IDString(key[4:20]), Version: at})
			}
		}
		return nil
	})
	return out, err
}

var updatedAtTag = []byte(`"updated_at":"`)

// updatedAt finds a stored record's updated_at without decoding it: Meta
// comes first in every record's JSON, and a quote inside a text value is
// escaped, so the first match is the field.
func updatedAt(v []byte) (time.Time, error) {
	i := bytes.Index(v, updatedAtTag)
	if i < 0 {
		return time.Time{}, errors.New("no updated_at")
	}
	v = v[i+len(updatedAtTag):]
	j := bytes.IndexByte(v, '"')
	if j < 0 {
		return time.Time{}, errors.New("bad updated_at")
	}
	return time.Parse(time.RFC3339Nano, string(v[:j]))
}

// Now is the store's clock (tests fix it).
func (s *Store) Now() time.Time { return s.now() }

// LatestSent returns the last report sent for the period under the
// profile, if any.
func (s *Store) LatestSent(profile string, p model.Period) (SentReport, bool, error) {
	list, err := s.SentReports()
	if err != nil {
		return SentReport{}, false, err
	}
	var last SentReport
	found := false
	for _, r := range list {
		if r.Profile.Name == profile && r.Period == p && (!found || r.Seq > last.Seq) {
			last, found = r, true
		}
	}
	return last, found, nil
}

// Send stores a sent report with the versions of the records it counted.
// r.Seq and r.Amends must follow the last report of its period and profile
// (LatestSent): a report is sent once, then only amended. It fills r.ID
// and r.SHA256. It is signed by the signed-in user (r.SentBy is kept only
// where nobody signs in: a database without accounts), and a viewer may not
// send.
func (s *Store) Send(r *SentReport, versions []RecordVersion) error {
	r.SentBy = s.signer(r.SentBy)
	vb, err := encodeVersions(versions)
	if err != nil {
		return fmt.Errorf("send: %w", err)
	}
	r.Records = len(versions)
	if r.ID == "" {
		r.ID = model.NewID(r.SentAt)
	}
	id, err := model.ParseID(r.ID)
	if err != nil {
		return fmt.Errorf("send: %w", err)
	}
	if r.SHA256, err = sentHash(*r, vb); err != nil {
		return fmt.Errorf("send: %w", err)
	}
	head, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("send: %w", err)
	}
	return s.update(func(tx *bolt.Tx) error {
		if err := s.mayWrite(tx); err != nil {
			return err
		}
		b, err := tx.CreateBucketIfNotExists(bSent)
		if err != nil {
			return err
		}
		prev := -1
		err = eachSent(tx, func(o SentReport) error {
			if o.Profile.Name == r.Profile.Name && o.Period == r.Period {
				prev = max(prev, o.Seq)
			}
			return nil
		})
		if err != nil {
			return err
		}
		if r.Seq != prev+1 {
			return fmt.Errorf("send: period %s already sent under %s (sequence %d, not %d)", r.Period, r.Profile.Name, prev, r.Seq)
		}
		if err := b.Put(sentKey(id, 'h'), head); err != nil {
			return err
		}
		if err := b.Put(sentKey(id, 'f'), r.Figures); err != nil {
			return err
		}
		if err := lock(tx, r.Period, id, r.Number); err != nil {
			return err
		}
		return b.Put(sentKey(id, 'r'), vb)
	})
}

func eachSent(tx *bolt.Tx, fn func(SentReport) error) error {
	b := tx.Bucket(bSent)
	if b == nil {
		return nil
	}
	c := b.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if len(k) != 17 || k[16] != 'h' {
			continue
		}
		var r SentReport
		if err := json.Unmarshal(v, &r); err != nil {
			return fmt.Errorf("read sent report %s: %w", model.IDString(k[:16]), err)
		}
		r.Figures = bytes.Clone(b.Get(sentKey([16]byte(k[:16]), 'f')))
		if err := fn(r); err != nil {
			return err
		}
	}
	return nil
}

// SentReports lists the sent reports, oldest first.
func (s *Store) SentReports() ([]SentReport, error) {
	var out []SentReport
	err := s.view(func(tx *bolt.Tx) error {
		return eachSent(tx, func(r SentReport) error { out = append(out, r); return nil })
	})
	return out, err
}

// Sent reads one sent report and the versions of its records, checking
// them against their SHA-256 (ErrSentTampered).
func (s *Store) Sent(idStr string) (SentReport, []RecordVersion, error) {
	var r SentReport
	var vs []RecordVersion
	id, err := model.ParseID(idStr)
	if err != nil {
		return r, nil, fmt.Errorf("%s: %w", idStr, ErrNotFound)
	}
	err = s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bSent)
		if b == nil {
			return fmt.Errorf("%s: %w", idStr, ErrNotFound)
		}
		head, vb := b.Get(sentKey(id, 'h')), b.Get(sentKey(id, 'r'))
		if head == nil {
			return fmt.Errorf("%s: %w", idStr, ErrNotFound)
		}
		if err := json.Unmarshal(head, &r); err != nil {
			return fmt.Errorf("read sent report %s: %w", idStr, err)
		}
		r.Figures = bytes.Clone(b.Get(sentKey(id, 'f')))
		sum, err := sentHash(r, vb)
		if err != nil {
			return err
		}
		if sum != r.SHA256 {
			return fmt.Errorf("%s: %w", idStr, ErrSentTampered)
		}
		vs = decodeVersions(vb)
		return nil
	})
	return r, vs, err
}

// Profiles are the report profiles (DefaultProfiles on a new database).
func (s *Store) Profiles() ([]model.Profile, error) {
	out := model.DefaultProfiles()
	err := s.view(func(tx *bolt.Tx) error {
		v := tx.Bucket(bMeta).Get(kProfiles)
		if v == nil {
			return nil
		}
		out = nil
		return json.Unmarshal(v, &out)
	})
	return out, err
}

// SaveProfiles stores the report profiles, recording the change in the
// settings' history under the signed-in user; a viewer may not.
func (s *Store) SaveProfiles(list []model.Profile, by string) error {
	var errs model.FieldErrors
	for i := range list {
		list[i].Normalize()
		errs = append(errs, list[i].Validate()...)
	}
	if len(errs) > 0 {
		return &Invalid{errs}
	}
	old, err := s.Profiles()
	if err != nil {
		return err
	}
	v, err := json.Marshal(list)
	if err != nil {
		return err
	}
	return s.update(func(tx *bolt.Tx) error {
		if err := s.mayWrite(tx); err != nil {
			return err
		}
		if err := tx.Bucket(bMeta).Put(kProfiles, v); err != nil {
			return err
		}
		ch := diff(map[string]any{"profiles": old}, map[string]any{"profiles": list})
		if len(ch) == 0 {
			return nil
		}
		return putHistory(tx, "", settingsID, model.Change{At: s.now().UTC(), By: s.signer(by), Action: "update", Fields: ch})
	})
}

func narrativeKey(profile string, p model.Period) []byte {
	return []byte(profile + "\x00" + p.From.ISO() + ".." + p.To.ISO())
}

// Narrative is the text kept for a period's report under a profile; ok is
// false when none was written yet.
func (s *Store) Narrative(profile string, p model.Period) (n model.Narrative, ok bool, err error) {
	err = s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bNarratives)
		if b == nil {
			return nil
		}
		v := b.Get(narrativeKey(profile, p))
		if v == nil {
			return nil
		}
		ok = true
		return json.Unmarshal(v, &n)
	})
	return n, ok, err
}

// SaveNarrative keeps a period's narrative under a profile; a viewer may
// not.
func (s *Store) SaveNarrative(profile string, p model.Period, n model.Narrative) error {
	n.Normalize()
	v, err := json.Marshal(n)
	if err != nil {
		return err
	}
	return s.update(func(tx *bolt.Tx) error {
		if err := s.mayWrite(tx); err != nil {
			return err
		}
		b, err := tx.CreateBucketIfNotExists(bNarratives)
		if err != nil {
			return err
		}
		return b.Put(narrativeKey(profile, p), v)
	})
}
