package browser

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"math/big"
	"time"
)

// testCert is a certificate authority made for one run and a leaf it
// signed for the run's https hosts. Chromium is told to accept the leaf
// by its public key alone (spki), so that TLS checks stay on for every
// other certificate.
type testCert struct {
	// config serves the leaf, HTTP/1.1 only: the adapters are served by
	// their framework's HTTP/1.1 server on a TLS listener.
	config *tls.Config
	// spki is the base64 SHA-256 hash of the leaf's SubjectPublicKeyInfo,
	// the form of Chromium's --ignore-certificate-errors-spki-list.
	spki string
}

// newTestCert makes a CA and a leaf for hosts (names such as
// "*.app.test" included), valid for a day around now.
func newTestCert(hosts []string) (*testCert, error) {
	now := time.Now()
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	ca := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "corsa browser test CA"},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.Add(24 * time.Hour),
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature,
		BasicConstraintsValid: true,
		IsCA:                  true,
		MaxPathLenZero:        true,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, ca, ca, &caKey.PublicKey, caKey)
	if err != nil {
		return nil, err
	}
	if ca, err = x509.ParseCertificate(caDER); err != nil {
		return nil, err
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	leaf := &x509.Certificate{
		SerialNumber: big.NewInt(2),
		Subject:      pkix.Name{CommonName: hosts[0]},
		DNSNames:     hosts,
		NotBefore:    now.Add(-time.Hour),
		NotAfter:     now.Add(24 * time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	leafDER, err := x509.CreateCertificate(rand.Reader, leaf, ca, &key.PublicKey, caKey)
	if err != nil {
		return nil, err
	}
	if leaf, err = x509.ParseCertificate(leafDER); err != nil {
		return nil, err
	}
	sum := sha256.Sum256(leaf.RawSubjectPublicKeyInfo)
	return &testCert{
		config: &tls.Config{
			Certificates: []tls.Certificate{{Certificate: [][]byte{leafDER, caDER}, PrivateKey: key, Leaf: leaf}},
			// No ALPN: the browser falls back to HTTP/1.1, which every
			// framework serves on a plain listener.
			NextProtos: nil,
			MinVersion: tls.VersionTLS12,
		},
		spki: base64.StdEncoding.EncodeToString(sum[:]),
	}, nil
}
