package keys

import (
	"crypto"
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"fmt"
	"strings"
)

// MinRSABits is the size below which an RSA key is weak (key.weak).
const MinRSABits = 2048

// GoMinRSABits is the size below which Go's crypto/rsa refuses to verify with an RSA key at
// all (unless the program runs with GODEBUG=rsa1024min=0).
const GoMinRSABits = 1024

// newKey describes a public key; a non-empty reason says why it cannot verify JWS.
func newKey(pub crypto.PublicKey) (Key, string) {
	switch p := pub.(type) {
	case *rsa.PublicKey:
		return Key{Family: RSA, Bits: p.N.BitLen(), Public: p}, ""
	case *ecdsa.PublicKey:
		name := p.Curve.Params().Name
		switch name {
		case "P-256", "P-384", "P-521":
			return Key{Family: EC, Bits: p.Curve.Params().BitSize, Curve: name, Public: p}, ""
		}
		return Key{}, fmt.Sprintf("it is an EC key on %s, which no JOSE algorithm uses", name)
	case ed25519.PublicKey:
		return Key{Family: Ed25519, Bits: 256, Public: p}, ""
	case *ecdh.PublicKey:
		return Key{}, "it is an X25519 key, which is for key agreement (JWE ECDH-ES), not for signatures"
	}
	return Key{}, fmt.Sprintf("it holds a %T key, which JOSE has no signature algorithm for", pub)
}

// pkixFingerprint is the hex SHA-256 of the key's PKIX (SubjectPublicKeyInfo) DER.
func pkixFingerprint(pub crypto.PublicKey) string {
	der, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		return ""
	}
	sum := sha256.Sum256(der)
	return hex.EncodeToString(sum[:])
}

// PKIXFingerprint is the hex SHA-256 of k's public key in PKIX DER (what
// `openssl pkey -pubin -outform DER | sha256sum` prints); "" for HMAC secrets.
func PKIXFingerprint(k Key) string {
	if k.Public == nil {
		return ""
	}
	return pkixFingerprint(k.Public)
}

// Unusable says why Go refuses to verify with k at all (an RSA key under 1024 bits), or ""
// when it can be used.
func (k Key) Unusable() string {
	if k.Family == RSA && k.Bits < GoMinRSABits {
		return fmt.Sprintf("Go's crypto/rsa refuses RSA keys under %d bits, so nothing can be verified with this %d-bit key here; that is a rule of Go, not a sign that the key or the token is wrong", GoMinRSABits, k.Bits)
	}
	return ""
}

// where prefixes a message with the place in the material, if there is one.
func where(w string) string {
	if w == "" {
		return ""
	}
	return " (" + w + ")"
}

// useParsed turns a parsed DER structure into a Key of the set.
func (r *reader) useParsed(p parsed, format, at string) {
	if p.kind == kindCert {
		r.certs++
		if r.certs > 1 {
			r.chain = append(r.chain, certName(p))
			return
		}
	}
	k, why := newKey(p.pub)
	if why != "" {
		r.unreadable(fmt.Sprintf("%s%s is a %s, but %s.", r.src(), where(at), p.kind, why),
			"Give the key that signs the tokens (RSA, EC P-256/P-384/P-521 or Ed25519).")
		return
	}
	k.Source = r.set.Source
	k.Format = format
	k.Private = p.private
	k.Fingerprint = pkixFingerprint(k.Public)
	for i := range r.set.Keys {
		old := &r.set.Keys[i]
		if old.Fingerprint == k.Fingerprint && old.KID == "" {
			// The same key again (a key file holding both the private key and its
			// certificate): one key, described by the richer of the two.
			if p.private && !old.Private {
				old.Private = true
				r.privateFinding(p.kind, at)
			}
			if p.cert != nil && old.Certificate == nil {
				old.Certificate = certInfo(p.cert)
				r.certFinding(*old.Certificate, at)
			}
			return
		}
	}
	if p.private {
		r.privateFinding(p.kind, at)
	}
	if p.cert != nil {
		k.Certificate = certInfo(p.cert)
		r.certFinding(*k.Certificate, at)
	}
	if p.note != "" {
		r.find("key.certificate", SevWarning, fmt.Sprintf("%s%s: %s.", r.src(), where(at), p.note),
			"Nothing to do to verify with it; to see why Go refuses it: openssl x509 -in "+r.fileArg("cert.pem")+" -noout -text")
	}
	r.weakFinding(k, at)
	r.set.Keys = append(r.set.Keys, k)
}

func (r *reader) privateFinding(kind, at string) {
	r.find("key.private", SevInfo,
		fmt.Sprintf("%s%s is a private key (%s); only its public half is used, and the private part is not kept.", r.src(), where(at), kind),
		"Verifying needs only the public key: openssl pkey -in "+r.fileArg("key.pem")+" -pubout -out public.pem gives it; keep the private key where it is.")
}

func (r *reader) certFinding(c CertInfo, at string) {
	self := ""
	if c.Subject == c.Issuer {
		self = ", self-signed"
	}
	r.find("key.certificate", SevInfo,
		fmt.Sprintf("%s%s is an X.509 certificate (subject %s, issuer %s%s, valid %s to %s, SHA-256 %s); its public key is used.",
			r.src(), where(at), c.Subject, c.Issuer, self, c.NotBefore.UTC().Format("2006-01-02"), c.NotAfter.UTC().Format("2006-01-02"), c.SHA256),
		"The certificate's dates and chain are not checked: only its key matters for the signature.")
}

func (r *reader) weakFinding(k Key, at string) {
	if k.Family != RSA || k.Bits >= MinRSABits {
		return
	}
	msg := fmt.Sprintf("%s%s is an RSA key of %d bits, under the %d that RFC 7518 requires for RS/PS algorithms.", r.src(), where(at), k.Bits, MinRSABits)
	hint := "Signatures still verify, but anyone with modest computing power may forge them: move to a 2048-bit (or larger) key."
	if why := k.Unusable(); why != "" {
		msg = fmt.Sprintf("%s%s is an RSA key of only %d bits: %s.", r.src(), where(at), k.Bits, why)
		hint = "Replace the key with a 2048-bit one; only to examine an old token, a Go program run with GODEBUG=rsa1024min=0 (or openssl) will still check it."
	}
	r.find("key.weak", SevWarning, msg, hint)
}

// certInfo is what a person needs to know of a certificate.
func certInfo(c *x509.Certificate) *CertInfo {
	sum := sha256.Sum256(c.Raw)
	return &CertInfo{
		Subject:   safeText(c.Subject.String(), 200),
		Issuer:    safeText(c.Issuer.String(), 200),
		NotBefore: c.NotBefore,
		NotAfter:  c.NotAfter,
		SHA256:    hex.EncodeToString(sum[:]),
	}
}

func certName(p parsed) string {
	if p.cert == nil {
		return "a certificate Go cannot fully parse"
	}
	return safeText(p.cert.Subject.String(), 120)
}

// safeText makes text from key material safe to show: control, format and non-printing
// characters become visible escapes, and it is cut to at most max runes.
func safeText(s string, max int) string {
	q := strings.Trim(fmt.Sprintf("%q", s), `"`)
	q = strings.ReplaceAll(q, `\"`, `"`)
	if r := []rune(q); len(r) > max {
		q = string(r[:max]) + "…"
	}
	if q == "" {
		return "(empty)"
	}
	return q
}

// fileArg is the source as a shell argument when it names a file, for the commands the
// hints give; otherwise def.
func (r *reader) fileArg(def string) string {
	s := r.set.Source
	switch {
	case s == "" || s == "-" || strings.HasPrefix(s, "-") || strings.HasPrefix(s, "<") || len(s) > 200:
		return def
	case strings.ContainsAny(s, "\x00\n\r"):
		return def
	case strings.IndexFunc(s, func(c rune) bool {
		return !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.ContainsRune("._/-+@:,=", c))
	}) < 0:
		if !strings.ContainsAny(s, "./") && (s == "pasted" || s == "clipboard" || s == "stdin") {
			return def
		}
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
