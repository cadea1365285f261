package keys

import (
	"crypto"
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"fmt"
	"math/big"
)

// The DER structures Read knows, as named in messages.
const (
	kindCert      = "certificate"
	kindPKIX      = "PKIX public key"
	kindPKCS1Pub  = "PKCS#1 RSA public key"
	kindPKCS8     = "PKCS#8 private key"
	kindPKCS1Priv = "PKCS#1 RSA private key"
	kindSEC1      = "SEC1 EC private key"
)

// parsed is what one DER structure held.
type parsed struct {
	kind    string
	pub     crypto.PublicKey
	private bool
	cert    *x509.Certificate
	note    string // something the reader should report as a warning
	err     string // why nothing usable came out; completes "… but %s"
}

// Object identifiers of the key algorithms met in SubjectPublicKeyInfo and PKCS#8.
var (
	oidRSA     = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 1}
	oidRSAPSS  = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 10}
	oidEC      = asn1.ObjectIdentifier{1, 2, 840, 10045, 2, 1}
	oidEd25519 = asn1.ObjectIdentifier{1, 3, 101, 112}
	oidEd448   = asn1.ObjectIdentifier{1, 3, 101, 113}
	oidX25519  = asn1.ObjectIdentifier{1, 3, 101, 110}
	oidX448    = asn1.ObjectIdentifier{1, 3, 101, 111}
	oidDSA     = asn1.ObjectIdentifier{1, 2, 840, 10040, 4, 1}
	oidP256    = asn1.ObjectIdentifier{1, 2, 840, 10045, 3, 1, 7}
	oidP384    = asn1.ObjectIdentifier{1, 3, 132, 0, 34}
	oidP521    = asn1.ObjectIdentifier{1, 3, 132, 0, 35}
	oidP224    = asn1.ObjectIdentifier{1, 3, 132, 0, 33}
	oidK256    = asn1.ObjectIdentifier{1, 3, 132, 0, 10}
)

// algName names a key algorithm OID for a person, and says why jwtlens cannot use it when
// that is so.
func algProblem(oid asn1.ObjectIdentifier) string {
	switch {
	case oid.Equal(oidEd448):
		return "it holds an Ed448 key, which golang-jwt (and so jwtlens) cannot verify with"
	case oid.Equal(oidX25519), oid.Equal(oidX448):
		return "it holds an X25519/X448 key, which is for key agreement (JWE ECDH-ES), not for signatures"
	case oid.Equal(oidDSA):
		return "it holds a DSA key, and JOSE defines no DSA algorithm"
	}
	return fmt.Sprintf("it holds a key of an algorithm jwtlens does not know (OID %s)", oid)
}

func curveFor(oid asn1.ObjectIdentifier) (elliptic.Curve, ecdh.Curve, string) {
	switch {
	case oid.Equal(oidP256):
		return elliptic.P256(), ecdh.P256(), ""
	case oid.Equal(oidP384):
		return elliptic.P384(), ecdh.P384(), ""
	case oid.Equal(oidP521):
		return elliptic.P521(), ecdh.P521(), ""
	case oid.Equal(oidK256):
		return nil, nil, "it holds an EC key on secp256k1 (ES256K), which golang-jwt (and so jwtlens) does not support"
	case oid.Equal(oidP224):
		return nil, nil, "it holds an EC key on P-224, which no JOSE algorithm uses"
	}
	return nil, nil, fmt.Sprintf("it holds an EC key on a curve JOSE does not use (OID %s)", oid)
}

// parseDER finds out which structure der is and reads the public key out of it. want is the
// kind the PEM label promises, tried first; "" tries every kind.
func parseDER(der []byte, want string) parsed {
	if len(der) == 0 {
		return parsed{err: "it is empty"}
	}
	if msg := derTruncated(der); msg != "" {
		return parsed{err: msg}
	}
	order := []string{kindCert, kindPKIX, kindPKCS8, kindPKCS1Priv, kindSEC1, kindPKCS1Pub}
	if want != "" {
		order = append([]string{want}, order...)
	}
	var firstErr string
	for _, k := range order {
		p, ok := tryKind(der, k)
		if ok {
			return p
		}
		if p.err != "" && firstErr == "" {
			firstErr = p.err
		}
	}
	if firstErr != "" {
		return parsed{err: firstErr}
	}
	if isPKCS12(der) {
		return parsed{err: "it is a PKCS#12 (.p12/.pfx) bundle, a password-protected container; extract the certificate with: openssl pkcs12 -in bundle.p12 -nokeys -clcerts -out cert.pem"}
	}
	return parsed{err: "it is none of the structures that hold a key (certificate, PKIX, PKCS#1, PKCS#8, SEC1)"}
}

// tryKind tries one structure. ok reports a match; a parsed with err and !ok means the bytes
// were that structure but held something unusable (worth saying instead of "not a key").
func tryKind(der []byte, kind string) (parsed, bool) {
	switch kind {
	case kindCert:
		return tryCert(der)
	case kindPKIX:
		return tryPKIX(der)
	case kindPKCS1Pub:
		k, err := x509.ParsePKCS1PublicKey(der)
		if err != nil {
			return parsed{}, false
		}
		return parsed{kind: kindPKCS1Pub, pub: k}, true
	case kindPKCS8:
		return tryPKCS8(der)
	case kindPKCS1Priv:
		return tryPKCS1Private(der)
	case kindSEC1:
		return trySEC1(der, nil)
	}
	return parsed{}, false
}

// spki is the SubjectPublicKeyInfo structure.
type spki struct {
	Algorithm pkix.AlgorithmIdentifier
	PublicKey asn1.BitString
}

func tryPKIX(der []byte) (parsed, bool) {
	var s spki
	if rest, err := asn1.Unmarshal(der, &s); err != nil || len(rest) != 0 || len(s.Algorithm.Algorithm) == 0 {
		return parsed{}, false
	}
	return pkixKey(der, s)
}

// pkixKey reads the key out of a SubjectPublicKeyInfo.
func pkixKey(der []byte, s spki) (parsed, bool) {
	oid := s.Algorithm.Algorithm
	if oid.Equal(oidRSAPSS) {
		k, err := x509.ParsePKCS1PublicKey(s.PublicKey.RightAlign())
		if err != nil {
			return parsed{kind: kindPKIX, err: "it is an RSA-PSS public key whose modulus and exponent do not parse"}, false
		}
		return parsed{kind: kindPKIX, pub: k}, true
	}
	if oid.Equal(oidEC) {
		var c asn1.ObjectIdentifier
		if _, err := asn1.Unmarshal(s.Algorithm.Parameters.FullBytes, &c); err == nil {
			if curve, _, msg := curveFor(c); curve == nil {
				return parsed{kind: kindPKIX, err: msg}, false
			}
		}
	}
	if !oid.Equal(oidRSA) && !oid.Equal(oidEC) && !oid.Equal(oidEd25519) {
		return parsed{kind: kindPKIX, err: algProblem(oid)}, false
	}
	k, err := x509.ParsePKIXPublicKey(der)
	if err != nil {
		return parsed{kind: kindPKIX, err: "it is a public key structure whose key bytes do not parse (a damaged or hand-edited key)"}, false
	}
	return parsed{kind: kindPKIX, pub: k}, true
}

func tryCert(der []byte) (parsed, bool) {
	c, err := x509.ParseCertificate(der)
	if err == nil {
		if c.PublicKey == nil {
			var s spki
			if _, err := asn1.Unmarshal(c.RawSubjectPublicKeyInfo, &s); err == nil {
				return parsed{kind: kindCert, err: "it is a certificate, but " + algProblem(s.Algorithm.Algorithm)[3:]}, false
			}
			return parsed{kind: kindCert, err: "it is a certificate whose public key jwtlens cannot read"}, false
		}
		return parsed{kind: kindCert, pub: c.PublicKey, cert: c}, true
	}
	// Go's x509 is strict (negative serials, odd extensions); a certificate it refuses
	// still carries a readable SubjectPublicKeyInfo.
	raw, ok := certSPKI(der)
	if !ok {
		return parsed{}, false
	}
	var s spki
	if _, err := asn1.Unmarshal(raw, &s); err != nil {
		return parsed{}, false
	}
	p, ok := pkixKey(raw, s)
	if !ok {
		if p.err != "" {
			p.err = "it is a certificate, but " + p.err[3:]
		}
		p.kind = kindCert
		return p, false
	}
	p.kind = kindCert
	p.note = "the certificate is not well-formed by Go's X.509 rules (so its subject and validity are not shown); its public key was read from it directly"
	return p, true
}

// certSPKI digs the SubjectPublicKeyInfo out of a certificate without judging the rest.
func certSPKI(der []byte) ([]byte, bool) {
	var cert struct {
		TBS    asn1.RawValue
		SigAlg asn1.RawValue
		Sig    asn1.RawValue
	}
	if rest, err := asn1.Unmarshal(der, &cert); err != nil || len(rest) != 0 {
		return nil, false
	}
	var tbs struct {
		Version asn1.RawValue `asn1:"optional,explicit,tag:0"`
		Serial  asn1.RawValue
		SigAlg  asn1.RawValue
		Issuer  asn1.RawValue
		Valid   asn1.RawValue
		Subject asn1.RawValue
		SPKI    asn1.RawValue
	}
	if _, err := asn1.Unmarshal(cert.TBS.FullBytes, &tbs); err != nil {
		return nil, false
	}
	if tbs.SPKI.Tag != asn1.TagSequence || tbs.Valid.Tag != asn1.TagSequence {
		return nil, false
	}
	return tbs.SPKI.FullBytes, true
}

// pkcs8 is the PrivateKeyInfo structure (optional attributes and public key ignored).
type pkcs8 struct {
	Version    int
	Algo       pkix.AlgorithmIdentifier
	PrivateKey []byte
}

func tryPKCS8(der []byte) (parsed, bool) {
	var k pkcs8
	if rest, err := asn1.Unmarshal(der, &k); err != nil || len(rest) != 0 || len(k.Algo.Algorithm) == 0 {
		return parsed{}, false
	}
	oid := k.Algo.Algorithm
	switch {
	case oid.Equal(oidRSA), oid.Equal(oidRSAPSS):
		p, ok := tryPKCS1Private(k.PrivateKey)
		if !ok {
			return parsed{kind: kindPKCS8, err: "it is a PKCS#8 RSA private key whose inner RSA key does not parse"}, false
		}
		p.kind = kindPKCS8
		return p, true
	case oid.Equal(oidEC):
		var c asn1.ObjectIdentifier
		if _, err := asn1.Unmarshal(k.Algo.Parameters.FullBytes, &c); err != nil {
			return parsed{kind: kindPKCS8, err: "it is a PKCS#8 EC private key that does not name its curve"}, false
		}
		p, ok := trySEC1(k.PrivateKey, c)
		if !ok {
			if p.err == "" {
				p.err = "it is a PKCS#8 EC private key whose inner EC key does not parse"
			}
			p.kind = kindPKCS8
			return p, false
		}
		p.kind = kindPKCS8
		return p, true
	case oid.Equal(oidEd25519):
		var seed []byte
		if _, err := asn1.Unmarshal(k.PrivateKey, &seed); err != nil || len(seed) != ed25519.SeedSize {
			return parsed{kind: kindPKCS8, err: "it is a PKCS#8 Ed25519 private key whose seed is not 32 bytes"}, false
		}
		pub := ed25519.NewKeyFromSeed(seed).Public()
		clear(seed)
		return parsed{kind: kindPKCS8, pub: pub, private: true}, true
	}
	return parsed{kind: kindPKCS8, err: "it is a PKCS#8 private key, but " + algProblem(oid)[3:]}, false
}

// pkcs1Private is the RSAPrivateKey structure of RFC 8017.
type pkcs1Private struct {
	Version int
	N       *big.Int
	E       *big.Int
	D       *big.Int
	P       *big.Int
	Q       *big.Int
	Dp      *big.Int        `asn1:"optional"`
	Dq      *big.Int        `asn1:"optional"`
	Qinv    *big.Int        `asn1:"optional"`
	Other   []asn1.RawValue `asn1:"optional"`
}

// tryPKCS1Private reads only what the public half needs (and checks the primes multiply to
// the modulus, which is cheap and catches a damaged file); the private numbers are dropped.
func tryPKCS1Private(der []byte) (parsed, bool) {
	var k pkcs1Private
	if rest, err := asn1.Unmarshal(der, &k); err != nil || len(rest) != 0 || k.N == nil || k.E == nil || k.P == nil || k.Q == nil {
		return parsed{}, false
	}
	p := parsed{kind: kindPKCS1Priv, private: true}
	if k.N.Sign() <= 0 || k.E.Sign() <= 0 || !k.E.IsInt64() || k.E.Int64() > 1<<31-1 {
		p.err = "it is an RSA private key with an impossible modulus or exponent"
		return p, false
	}
	if len(k.Other) == 0 && new(big.Int).Mul(k.P, k.Q).Cmp(k.N) != 0 {
		p.err = "it is an RSA private key whose primes do not multiply to its modulus: the file is damaged"
		return p, false
	}
	p.pub = &rsa.PublicKey{N: k.N, E: int(k.E.Int64())}
	k.D, k.P, k.Q, k.Dp, k.Dq, k.Qinv = nil, nil, nil, nil, nil, nil
	return p, true
}

// sec1 is the ECPrivateKey structure of RFC 5915.
type sec1 struct {
	Version    int
	PrivateKey []byte
	Curve      asn1.ObjectIdentifier `asn1:"optional,explicit,tag:0"`
	PublicKey  asn1.BitString        `asn1:"optional,explicit,tag:1"`
}

// trySEC1 reads an EC private key; curve comes from PKCS#8 when the key is wrapped in it.
func trySEC1(der []byte, curve asn1.ObjectIdentifier) (parsed, bool) {
	var k sec1
	if rest, err := asn1.Unmarshal(der, &k); err != nil || len(rest) != 0 || k.Version != 1 || len(k.PrivateKey) == 0 {
		return parsed{}, false
	}
	defer clear(k.PrivateKey)
	if len(k.Curve) > 0 {
		curve = k.Curve
	}
	p := parsed{kind: kindSEC1, private: true}
	if len(curve) == 0 {
		p.err = "it is an EC private key that does not name its curve"
		return p, false
	}
	ec, ecdhCurve, msg := curveFor(curve)
	if ec == nil {
		p.err = msg
		return p, false
	}
	if pt := k.PublicKey.RightAlign(); len(pt) > 0 && pt[0] == 4 {
		pub, err := ecdsa.ParseUncompressedPublicKey(ec, pt)
		if err == nil {
			p.pub = pub
			return p, true
		}
	}
	// No (usable) public key stored: compute it from the private scalar.
	size := (ec.Params().BitSize + 7) / 8
	d := k.PrivateKey
	for len(d) > size && d[0] == 0 {
		d = d[1:]
	}
	if len(d) < size {
		d = append(make([]byte, size-len(d)), d...)
	}
	priv, err := ecdhCurve.NewPrivateKey(d)
	if err != nil {
		p.err = "it is an EC private key whose private number is out of range for its curve: the file is damaged"
		return p, false
	}
	pub, err := ecdsa.ParseUncompressedPublicKey(ec, priv.PublicKey().Bytes())
	if err != nil {
		p.err = "it is an EC private key whose public point cannot be computed"
		return p, false
	}
	p.pub = pub
	return p, true
}

// derTruncated says when the outer DER length claims more bytes than there are — a file cut
// short — in words; "" otherwise.
func derTruncated(der []byte) string {
	if len(der) < 2 || der[0] != 0x30 {
		return ""
	}
	n, hdr := 0, 2
	l := int(der[1])
	switch {
	case l < 0x80:
		n = l
	case l == 0x80 || l > 0x84:
		return ""
	default:
		c := l & 0x7f
		if len(der) < 2+c {
			return fmt.Sprintf("it is cut short: only %d bytes, not even the length of its first structure", len(der))
		}
		for _, b := range der[2 : 2+c] {
			n = n<<8 | int(b)
		}
		hdr += c
	}
	if hdr+n > len(der) {
		return fmt.Sprintf("it is cut short: its structure says %d bytes but only %d are there (the key was truncated, or characters were lost, when it was copied)", hdr+n, len(der))
	}
	return ""
}

// isPKCS12 recognises a PKCS#12 (.p12/.pfx) bundle: SEQUENCE { INTEGER 3, SEQUENCE { OID data … } … }.
func isPKCS12(der []byte) bool {
	var pfx struct {
		Version  int
		AuthSafe struct {
			ContentType asn1.ObjectIdentifier
			Content     asn1.RawValue `asn1:"optional,explicit,tag:0"`
		}
		Rest asn1.RawValue `asn1:"optional"`
	}
	if _, err := asn1.Unmarshal(der, &pfx); err != nil || pfx.Version != 3 ||
		!pfx.AuthSafe.ContentType.Equal(asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 1}) &&
			!pfx.AuthSafe.ContentType.Equal(asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 2}) {
		return false
	}
	return true
}

// pemLabelFor is the PEM label that goes with a DER kind.
func pemLabelFor(kind string) string {
	switch kind {
	case kindCert:
		return "CERTIFICATE"
	case kindPKIX:
		return "PUBLIC KEY"
	case kindPKCS1Pub:
		return "RSA PUBLIC KEY"
	case kindPKCS8:
		return "PRIVATE KEY"
	case kindPKCS1Priv:
		return "RSA PRIVATE KEY"
	case kindSEC1:
		return "EC PRIVATE KEY"
	}
	return "PUBLIC KEY"
}

// kindForLabel is the DER kind a PEM label promises; "" for labels that promise no key kind.
func kindForLabel(label string) string {
	switch label {
	case "CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE":
		return kindCert
	case "PUBLIC KEY":
		return kindPKIX
	case "RSA PUBLIC KEY":
		return kindPKCS1Pub
	case "PRIVATE KEY":
		return kindPKCS8
	case "RSA PRIVATE KEY":
		return kindPKCS1Priv
	case "EC PRIVATE KEY":
		return kindSEC1
	}
	return ""
}
