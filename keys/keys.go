// Package keys reads key material in whatever form people actually have it — PEM (damaged
// or not), DER, certificates, JWK and JWK sets, HMAC secrets — into keys that can verify a
// JWS, and says what it found on the way (repairs, weak keys, unreadable bytes).
//
// The package is pure: it is given bytes and a name for where they came from, and never
// reads the disk or the clock itself.
//
// Read takes any key material: PEM blocks of every usual kind (PKIX, PKCS#1, PKCS#8, SEC1,
// certificates and chains, several blocks in one file), PEM damaged by copy and paste
// (escaped \n, lost line breaks, missing armour, wrong dash counts, mislabelled blocks),
// raw DER, JWK and JWK sets, OpenSSH public keys and private keys. It recognises and
// explains what it cannot use (encrypted keys, PGP, CSRs, tokens, key ids, binary data).
// Only public halves are kept. Secret takes an HMAC secret byte for byte; SecretVariants,
// WeakSecret and LooksLikeKeyMaterial help verification judge it. Thumbprint and
// PKIXFingerprint name a key the same way whatever format it came in.
package keys

import (
	"crypto"
	"fmt"
	"time"
)

// Family is the kind of key, which decides the algorithms it can verify.
type Family string

// The key families.
const (
	RSA     Family = "RSA"     // RS256/384/512, PS256/384/512
	EC      Family = "EC"      // ES256 (P-256), ES384 (P-384), ES512 (P-521)
	Ed25519 Family = "Ed25519" // EdDSA
	HMAC    Family = "HMAC"    // HS256/384/512
)

// Key is one key that can verify signatures, with what is known about it.
type Key struct {
	Family Family
	Bits   int    // RSA modulus size in bits; HMAC secret length in bits; EC field size
	Curve  string // "P-256", "P-384", "P-521" for EC keys
	// Public is *rsa.PublicKey, *ecdsa.PublicKey or ed25519.PublicKey; nil for HMAC.
	Public crypto.PublicKey
	Secret []byte // the HMAC secret, exactly as given; nil for other families
	// Private says the material held a private key (its public half is what is used).
	Private bool
	KID     string   // key id, from a JWK or JWKS
	Alg     string   // the alg a JWK names, if any
	Use     string   // the JWK "use", if any ("sig", "enc")
	KeyOps  []string // the JWK "key_ops", if any
	Source  string   // where it came from: a file path, "--secret", "pasted"
	Format  string   // how it was written: "PEM PUBLIC KEY", "JWK", "certificate"…
	// Fingerprint is the SHA-256 of the public key's DER (hex), or the RFC 7638 thumbprint
	// for a JWK; for an HMAC secret, a short SHA-256 prefix that never reveals the secret.
	Fingerprint string
	Certificate *CertInfo // set when the key came from an X.509 certificate
	// TrailingNewline says an HMAC secret ends in a line break or other trailing white
	// space (as a file written by an editor or `echo` does). Secret keeps the bytes as
	// given; SecretVariants offers the trimmed one for verification to try.
	TrailingNewline bool
}

// CertInfo is what a person needs to know about the certificate a key came from.
type CertInfo struct {
	Subject   string
	Issuer    string
	NotBefore time.Time
	NotAfter  time.Time
	SHA256    string // fingerprint of the certificate DER, hex
}

// Finding is something found while reading key material. Codes are those of the catalogue
// in package inspect (key.*); Severity is "error", "warning" or "info".
type Finding struct {
	Code     string
	Severity string
	Message  string
	Hint     string
}

// Set is what one piece of key material yielded: zero or more keys and the findings.
type Set struct {
	Source   string
	Keys     []Key
	Findings []Finding
}

// Describe says in a few words what kind of key k is: "rsa-2048", "ec P-256", "ed25519",
// "hmac 32 bytes".
func (k Key) Describe() string {
	switch k.Family {
	case RSA:
		return fmt.Sprintf("rsa-%d", k.Bits)
	case EC:
		return "ec " + k.Curve
	case Ed25519:
		return "ed25519"
	case HMAC:
		n := len(k.Secret)
		if n == 1 {
			return "hmac 1 byte"
		}
		return fmt.Sprintf("hmac %d bytes", n)
	}
	return "unknown key"
}

// ShortFingerprint is the first 16 characters of the fingerprint, enough to tell keys apart
// on screen.
func (k Key) ShortFingerprint() string {
	if len(k.Fingerprint) <= 16 {
		return k.Fingerprint
	}
	return k.Fingerprint[:16]
}

// HasError says whether the set holds an error finding.
func (s Set) HasError() bool {
	for _, f := range s.Findings {
		if f.Severity == SevError {
			return true
		}
	}
	return false
}
