package store_test

import (
	"path/filepath"
	"testing"
	"time"

	"gopy/model"
	"gopy/store"
)

// BenchmarkSignIn: one sign-in of an account with the default argon2id
// parameters (t=3, 64 MiB, 2 lanes) and the confidential grant: the hash,
// unwrapping the user's key, opening the grant.
//
//	go test ./store -run '^$' -bench BenchmarkSignIn -benchtime 20x
func BenchmarkSignIn(b *testing.B) {
	s, err := store.Open(filepath.Join(b.TempDir(), "s.db"), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if _, _, err := s.Setup("admin", "a long enough passphrase", false); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := s.SignIn("admin", "a long enough passphrase"); err != nil {
			b.Fatal(err)
		}
	}
}

func benchDenunciation() *model.Petition {
	p := benchPetition()
	p.Classification = model.ClassDenunciation
	p.Confidential = true
	return p
}

// BenchmarkSaveSealedVsBare alternates a save of a confidential petition
// (its identity sealed), a save of an ordinary one and a bare bbolt commit
// of the ordinary one's bytes, in a 100k-record database: what sealing
// adds to a save, and the sealed save against the SPEC's 2× bar.
//
//	go test ./store -run '^$' -bench BenchmarkSaveSealedVsBare -benchtime 300x
func BenchmarkSaveSealedVsBare(b *testing.B) {
	s := benchStore(b, true)
	bareCommit := bareCommitter(b, s)
	var sealed, plain, bare time.Duration
	n := 0
	for b.Loop() {
		start := time.Now()
		if err := s.Create(benchDenunciation(), "bench"); err != nil {
			b.Fatal(err)
		}
		sealed += time.Since(start)
		start = time.Now()
		if err := s.Create(benchPetition(), "bench"); err != nil {
			b.Fatal(err)
		}
		plain += time.Since(start)
		bare += bareCommit()
		n++
	}
	b.ReportMetric(float64(sealed.Nanoseconds())/float64(n), "sealed-ns")
	b.ReportMetric(float64(plain.Nanoseconds())/float64(n), "plain-ns")
	b.ReportMetric(float64(bare.Nanoseconds())/float64(n), "bare-ns")
	b.ReportMetric(float64(sealed-plain)/float64(n)/1e3, "seal-µs")
	b.ReportMetric(float64(sealed)/float64(bare), "sealed/bare")
}

// BenchmarkSealIdentity: sealing one identity alone (an X25519 exchange,
// HKDF, XChaCha20-Poly1305), without the disk.
func BenchmarkSealIdentity(b *testing.B) {
	for b.Loop() {
		store.SealForBench()
	}
}
