package store_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"gopy/model"
	"gopy/store"
)

// Bundles are signed; the province pins a ward's key at its first bundle
// and refuses another key, or no signature, until the new key is
// accepted by its fingerprint.
func TestBundleSigningTrustOnFirstUse(t *testing.T) {
	c := newClock(vn(2026, time.June, 15, 9, 0))
	ward, prov := openWard(t, "HB", c), openWard(t, "TINH", c)
	mustCreate(t, ward, petition(day(2026, 6, 1), model.ClassReport))
	fp, err := ward.KeyFingerprint()
	if err != nil || len(fp) != 39 {
		t.Fatalf("fingerprint %q %v", fp, err)
	}
	res, err := prov.ImportBundle(exportTo(t, ward), false, officer)
	if err != nil || res.NewKey != fp {
		t.Fatalf("first bundle: %v, pinned %q, want %q", err, res.NewKey, fp)
	}
	c.Add(time.Minute)
	mustCreate(t, ward, petition(day(2026, 6, 2), model.ClassReport))
	if res, err := prov.ImportBundle(exportTo(t, ward), false, officer); err != nil || res.NewKey != "" {
		t.Fatalf("second bundle: %v %+v", err, res)
	}

	// Another database calling itself HB: its own key, refused.
	impostor := openWard(t, "HB", c)
	mustCreate(t, impostor, petition(day(2025, 6, 3), model.ClassDenunciation))
	before := allJSON(t, prov)
	bundle := exportTo(t, impostor)
	_, err = prov.ImportBundle(bundle, false, officer)
	var be *store.BundleError
	if !errors.As(err, &be) || be.Key != "bundle.key_changed" {
		t.Fatalf("impostor: %v", err)
	}
	// Unsigned, it is refused too; with its manifest changed, its
	// signature no longer matches.
	unsigned := forge(t, bundle, func(m map[string]any, items []map[string]any) []map[string]any { return items })
	if _, err := prov.ImportBundle(unsigned, false, officer); !errors.As(err, &be) || be.Key != "bundle.unsigned" {
		t.Fatalf("unsigned: %v", err)
	}
	if !jsonEqual(before, allJSON(t, prov)) {
		t.Fatal("a refused bundle changed the province")
	}
	// The ward really moved to a new machine: the officer accepts the new
	// key by its fingerprint, and from then on only it.
	newFP, _ := impostor.KeyFingerprint()
	if err := prov.AcceptKey("HB", strings.ToUpper(newFP)); err != nil {
		t.Fatal(err)
	}
	if res, err := prov.ImportBundle(bundle, false, officer); err != nil || res.NewKey != newFP {
		t.Fatalf("accepted key: %v %+v", err, res)
	}
	c.Add(time.Minute)
	mustCreate(t, ward, petition(day(2026, 6, 4), model.ClassReport))
	if _, err := prov.ImportBundle(exportTo(t, ward), false, officer); !errors.As(err, &be) || be.Key != "bundle.key_changed" {
		t.Fatalf("the old key after the new was accepted: %v", err)
	}
}

// A signed manifest changed after signing (its ward name, say) is refused.
func TestSignedManifestTampered(t *testing.T) {
	c := newClock(vn(2026, time.June, 15, 9, 0))
	ward, prov := openWard(t, "HB", c), openWard(t, "TINH", c)
	mustCreate(t, ward, petition(day(2026, 6, 1), model.ClassReport))
	path := exportTo(t, ward)
	tampered := forgeKeepingSignature(t, path, func(m map[string]any) { m["ward_name"] = "Phường Giả" })
	_, err := prov.ImportBundle(tampered, false, officer)
	var be *store.BundleError
	if !errors.As(err, &be) || be.Key != "bundle.signature" {
		t.Fatalf("tampered manifest: %v", err)
	}
}

// Accepting a ward's new key changes whom the province trusts: once
// accounts exist only an admin may, and the audit log says who accepted
// which fingerprint for which ward.
func TestAcceptKeyAdminOnlyAndAudited(t *testing.T) {
	store.CheapKDF(t)
	c := newClock(vn(2026, time.June, 15, 9, 0))
	ward, prov := openWard(t, "HB", c), openWard(t, "TINH", c)
	mustCreate(t, ward, petition(day(2026, 6, 1), model.ClassReport))
	if _, err := prov.ImportBundle(exportTo(t, ward), false, officer); err != nil {
		t.Fatal(err)
	}
	if _, _, err := prov.Setup("admin", adminPass, false); err != nil {
		t.Fatal(err)
	}
	if err := prov.AddUser(model.User{Name: "officer", Role: model.RoleOfficer}, "officer passphrase"); err != nil {
		t.Fatal(err)
	}
	newFP, _ := openWard(t, "HB", c).KeyFingerprint()
	if _, err := prov.SignIn("officer", "officer passphrase"); err != nil {
		t.Fatal(err)
	}
	if err := prov.AcceptKey("HB", newFP); !errors.Is(err, store.ErrForbidden) {
		t.Fatalf("an officer accepted a key: %v", err)
	}
	if _, err := prov.SignIn("admin", adminPass); err != nil {
		t.Fatal(err)
	}
	if err := prov.AcceptKey("HB", newFP); err != nil {
		t.Fatal(err)
	}
	log, err := prov.AuditLog(store.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var got []store.AuditEntry
	for _, e := range log {
		if e.Action == store.AuditKeyAccept {
			got = append(got, e)
		}
	}
	if len(got) != 1 || got[0].User != "admin" || got[0].Record != "HB" || !strings.Contains(got[0].Detail, newFP) {
		t.Fatalf("key_accept entries %+v", got)
	}
	if _, brk, err := prov.VerifyAudit(); err != nil || brk != nil {
		t.Fatalf("audit chain: %v %v", brk, err)
	}
}

// A writing open makes the signing key once: the province keeps trusting a
// ward's bundles after the ward's gopy restarts (the key is checked, not
// made again, at each open).
func TestSigningKeyKeptAcrossOpens(t *testing.T) {
	s, path, c := openTest(t)
	fp, err := s.KeyFingerprint()
	if err != nil || fp == "" {
		t.Fatalf("fingerprint %q, %v", fp, err)
	}
	for range 2 {
		s = reopen(t, s, path, c)
		if got, err := s.KeyFingerprint(); err != nil || got != fp {
			t.Fatalf("after a reopen the key is %q (%v), was %q", got, err, fp)
		}
	}
}
