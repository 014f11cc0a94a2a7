package store

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"gopy/model"
)

// Sent reports travel upward in bundles, one line each after the records
// and deletions, so the higher level can set each ward's figures as sent
// beside the figures its records give. They are kept apart from the
// level's own sent reports (bWardSent): a ward's report locks nothing at
// the province.
const kindSent model.Kind = "sent_report"

var bWardSent = []byte("ward_sent") // id ‖ 'h' → SentReport; id ‖ 'f' → figures

// sentLine is a sent report in a bundle: the report, the figures' bytes
// and the record versions, so its checksum can be checked on arrival.
type sentLine struct {
	Kind     model.Kind `json:"kind"`
	Sent     SentReport `json:"sent"`
	Figures  string     `json:"figures"`
	Versions []byte     `json:"versions"`
}

// exportSent writes the sent reports whose period overlaps p (all when p
// is zero).
func (s *Store) exportSent(bw *bufio.Writer, m *Manifest, p model.Period) error {
	return s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bSent)
		return eachSent(tx, func(r SentReport) error {
			if p != (model.Period{}) && (r.Period.To < p.From || r.Period.From > p.To) {
				return nil
			}
			id, err := model.ParseID(r.ID)
			if err != nil {
				return err
			}
			line, err := json.Marshal(sentLine{Kind: kindSent, Sent: r, Figures: string(r.Figures), Versions: b.Get(sentKey(id, 'r'))})
			if err != nil {
				return err
			}
			bw.Write(line)
			if err := bw.WriteByte('\n'); err != nil {
				return err
			}
			m.Counts[string(kindSent)]++
			return nil
		})
	})
}

func parseSent(line []byte) parsedItem {
	var sl sentLine
	if err := json.Unmarshal(line, &sl); err != nil {
		return parsedItem{err: bundleErr("bundle.sent", err)}
	}
	sl.Sent.Figures = []byte(sl.Figures)
	sum, err := sentHash(sl.Sent, sl.Versions)
	if err != nil || sum != sl.Sent.SHA256 {
		return parsedItem{err: bundleErr("bundle.sent_checksum", sl.Sent.ID)}
	}
	id, err := model.ParseID(sl.Sent.ID)
	if err != nil || !model.ValidWardCode(sl.Sent.Settings.WardCode) {
		return parsedItem{err: bundleErr("bundle.sent_id", sl.Sent.ID)}
	}
	return parsedItem{sent: &sl.Sent, id: id}
}

func (s *Store) mergeSent(tx *bolt.Tx, it *parsedItem) error {
	b, err := tx.CreateBucketIfNotExists(bWardSent)
	if err != nil {
		return err
	}
	head, err := json.Marshal(it.sent)
	if err != nil {
		return err
	}
	if err := b.Put(sentKey(it.id, 'h'), head); err != nil {
		return err
	}
	return b.Put(sentKey(it.id, 'f'), it.sent.Figures)
}

// WardSentReports lists the sent reports received from wards in bundles,
// oldest first.
func (s *Store) WardSentReports() ([]SentReport, error) {
	var out []SentReport
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bWardSent)
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
				return fmt.Errorf("read ward report: %w", err)
			}
			r.Figures = bytes.Clone(b.Get(sentKey([16]byte(k[:16]), 'f')))
			out = append(out, r)
		}
		return nil
	})
	return out, err
}
