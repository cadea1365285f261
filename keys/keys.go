// Package keys reads key material in whatever form people actually have it — PEM (damaged
// or not), DER, certificates, JWK and JWK sets, HMAC secrets — into keys that can verify a
// JWS, and says what it found on the way (repairs, weak keys, unreadable bytes).
//
// The package is pure: it is given bytes and a name for where they came from, and never
// reads the disk or the clock itself.
package keys

import (
	"crypto"
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

// Read reads any key material (PEM, DER, JWK, JWKS). Bytes that hold no key give a Set with
// no keys and a key.unreadable finding saying what they looked like. STUB: owned by the keys work.
func Read(data []byte, source string) Set {
	return Set{Source: source, Findings: []Finding{{Code: "key.unreadable", Severity: "error",
		Message: "key reading is not built yet", Hint: "use a later version"}}}
}

// Secret reads an HMAC secret exactly as given. STUB: owned by the keys work.
func Secret(data []byte, source string) Set {
	return Set{Source: source, Keys: []Key{{Family: HMAC, Bits: len(data) * 8, Secret: append([]byte(nil), data...), Source: source, Format: "secret"}}}
}
