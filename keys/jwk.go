package keys

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"sort"
	"strings"
)

// readJSON reads a JWK, a JWK set, or a JSON array of JWKs, and otherwise says what the JSON
// was.
func (r *reader) readJSON(t []byte) {
	if t[0] == '[' {
		var arr []json.RawMessage
		if err := json.Unmarshal(t, &arr); err != nil {
			r.unreadable(jsonProblem(r.src(), t, err), "Give a JWK ({\"kty\": …}) or a JWK set ({\"keys\": [ … ]}).")
			return
		}
		r.find("key.jwk-encoding", SevWarning,
			fmt.Sprintf("%s is a bare JSON array of %d JWKs rather than a JWK set; read as one.", r.src(), len(arr)),
			`A JWK set is an object: {"keys": [ … ]} (RFC 7517 §5).`)
		r.readSet(arr)
		return
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(t, &m); err != nil {
		r.unreadable(jsonProblem(r.src(), t, err), "Give a JWK ({\"kty\": …}) or a JWK set ({\"keys\": [ … ]}).")
		return
	}
	if raw, ok := m["keys"]; ok {
		var arr []json.RawMessage
		if err := json.Unmarshal(raw, &arr); err != nil {
			r.unreadable(fmt.Sprintf("%s is a JWK set whose \"keys\" member is not an array of JWKs.", r.src()), `A JWK set is {"keys": [ {"kty": …}, … ]}.`)
			return
		}
		if len(arr) == 0 {
			r.unreadable(fmt.Sprintf("%s is a JWK set with no keys in it (\"keys\": []).", r.src()), "The issuer publishes no keys here; check that this is the right URL or file.")
			return
		}
		r.readSet(arr)
		return
	}
	if _, ok := m["kty"]; ok {
		r.readJWK(m, "", false)
		return
	}
	r.unreadable(describeJSON(r.src(), m), hintJSON(m))
}

// maxJWKs is the most keys read from one JWK set: real ones hold a few.
const maxJWKs = 256

func (r *reader) readSet(arr []json.RawMessage) {
	if len(arr) > maxJWKs {
		r.find("key.unreadable", SevWarning, fmt.Sprintf("%s holds %d keys; only the first %d were read.", r.src(), len(arr), maxJWKs),
			"Give the JWK set the issuer publishes; no real one holds this many keys.")
		arr = arr[:maxJWKs]
	}
	for i, raw := range arr {
		at := fmt.Sprintf("keys[%d]", i)
		var m map[string]json.RawMessage
		if err := json.Unmarshal(raw, &m); err != nil {
			r.find("key.unreadable", SevWarning, fmt.Sprintf("%s (%s) is not a JSON object; skipped.", r.src(), at), "Each entry of a JWK set is a JWK object.")
			continue
		}
		if kid, ok := jsonString(m, "kid"); ok && kid != "" {
			at += fmt.Sprintf(", kid %q", safeText(kid, 60))
		}
		r.readJWK(m, at, len(arr) > 1)
	}
}

// jsonProblem says where JSON breaks, without the library's wording.
func jsonProblem(src string, t []byte, err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		if se.Offset >= int64(len(bytes.TrimSpace(t))) {
			return fmt.Sprintf("%s starts like JSON but ends early: it was cut short.", src)
		}
		return fmt.Sprintf("%s starts like JSON but is not valid JSON (it breaks near byte %d).", src, se.Offset)
	}
	if strings.Contains(err.Error(), "unexpected end") {
		return fmt.Sprintf("%s starts like JSON but ends early: it was cut short.", src)
	}
	return fmt.Sprintf("%s is JSON, but not an object or array of keys.", src)
}

func jsonString(m map[string]json.RawMessage, name string) (string, bool) {
	raw, ok := m[name]
	if !ok {
		return "", false
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return "", false
	}
	return s, true
}

// jwkReader reads the members of one JWK, collecting what was loosely written.
type jwkReader struct {
	m     map[string]json.RawMessage
	loose []string
	err   string
}

// bytes decodes a base64url member leniently: padding, the standard alphabet and
// whitespace are accepted and noted.
func (j *jwkReader) bytes(name string) ([]byte, bool) {
	raw, ok := j.m[name]
	if !ok {
		return nil, false
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		j.fail(fmt.Sprintf("member %q is not a string", name))
		return nil, false
	}
	if strings.ContainsAny(s, " \t\r\n") {
		s = strings.Join(strings.Fields(s), "")
		j.loose = append(j.loose, name+" holds whitespace")
	}
	if strings.HasSuffix(s, "=") {
		s = strings.TrimRight(s, "=")
		j.loose = append(j.loose, name+" is padded with '='")
	}
	if strings.ContainsAny(s, "+/") {
		s = strings.NewReplacer("+", "-", "/", "_").Replace(s)
		j.loose = append(j.loose, name+" uses the standard base64 alphabet (+ /)")
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		j.fail(fmt.Sprintf("member %q is not base64url", name))
		return nil, false
	}
	return b, true
}

func (j *jwkReader) fail(s string) {
	if j.err == "" {
		j.err = s
	}
}

// unsigned reads a base64url big-endian integer, noting leading zero octets.
func (j *jwkReader) unsigned(name string) (*big.Int, bool) {
	b, ok := j.bytes(name)
	if !ok {
		return nil, false
	}
	if len(b) > 1 && b[0] == 0 {
		j.loose = append(j.loose, name+" has leading zero octets")
	}
	return new(big.Int).SetBytes(b), true
}

// coord reads an EC coordinate, which must be exactly size octets.
func (j *jwkReader) coord(name string, size int) ([]byte, bool) {
	b, ok := j.bytes(name)
	if !ok {
		return nil, false
	}
	for len(b) > size && b[0] == 0 {
		b = b[1:]
		if len(b) == size {
			j.loose = append(j.loose, name+" has extra leading zero octets")
		}
	}
	if len(b) < size {
		b = append(make([]byte, size-len(b)), b...)
		j.loose = append(j.loose, fmt.Sprintf("%s is shorter than the %d octets the curve needs (leading zeros dropped)", name, size))
	}
	if len(b) != size {
		j.fail(fmt.Sprintf("member %q is %d octets, more than the %d of the curve", name, len(b), size))
		return nil, false
	}
	return b, true
}

// readJWK reads one JWK. inSet makes a key that cannot be used a warning, since the rest of
// the set may still do.
func (r *reader) readJWK(m map[string]json.RawMessage, at string, inSet bool) {
	name := r.src() + where(at)
	sev := SevError
	if inSet {
		sev = SevWarning
	}
	fail := func(msg, hint string) { r.find("key.unreadable", sev, name+": "+msg, hint) }
	kty, _ := jsonString(m, "kty")
	j := &jwkReader{m: m}
	var k Key
	private := false
	switch kty {
	case "RSA":
		n, okN := j.unsigned("n")
		e, okE := j.unsigned("e")
		if okN && okE {
			if !e.IsInt64() || e.Int64() > 1<<31-1 || e.Sign() <= 0 || n.Sign() <= 0 {
				j.fail("its exponent e or modulus n is out of range")
			} else {
				k = Key{Family: RSA, Bits: n.BitLen(), Public: &rsa.PublicKey{N: n, E: int(e.Int64())}}
			}
		} else if j.err == "" && !hasX5C(m) {
			j.fail("an RSA JWK needs the members n and e")
		}
		_, private = m["d"]
	case "EC":
		crv, _ := jsonString(m, "crv")
		curve := map[string]elliptic.Curve{"P-256": elliptic.P256(), "P-384": elliptic.P384(), "P-521": elliptic.P521()}[crv]
		if curve == nil {
			if crv == "secp256k1" {
				fail("an EC JWK on secp256k1 (ES256K), which golang-jwt (and so jwtlens) does not support.", "Verify ES256K tokens with a library that supports it.")
			} else {
				fail(fmt.Sprintf("an EC JWK with crv %q; JOSE signatures use P-256, P-384 or P-521.", safeText(crv, 30)), "Check the crv member.")
			}
			return
		}
		size := (curve.Params().BitSize + 7) / 8
		x, okX := j.coord("x", size)
		y, okY := j.coord("y", size)
		if okX && okY {
			pub, err := ecdsa.ParseUncompressedPublicKey(curve, append(append([]byte{4}, x...), y...))
			if err != nil {
				j.fail(fmt.Sprintf("its point (x, y) is not on curve %s: x or y was damaged, or comes from another key", crv))
			} else {
				k = Key{Family: EC, Bits: curve.Params().BitSize, Curve: crv, Public: pub}
			}
		} else if j.err == "" && !hasX5C(m) {
			j.fail("an EC JWK needs the members x and y")
		}
		_, private = m["d"]
	case "OKP":
		crv, _ := jsonString(m, "crv")
		if crv != "Ed25519" {
			fail(fmt.Sprintf("an OKP JWK with crv %q; only Ed25519 can verify a JWT here (X25519 is for encryption, Ed448 is not supported by golang-jwt).", safeText(crv, 30)),
				"Give the Ed25519 key that signs the tokens.")
			return
		}
		x, ok := j.bytes("x")
		if ok && len(x) != ed25519.PublicKeySize {
			j.fail(fmt.Sprintf("its x is %d octets; an Ed25519 public key is 32", len(x)))
		} else if ok {
			k = Key{Family: Ed25519, Bits: 256, Public: ed25519.PublicKey(x)}
		} else if j.err == "" {
			j.fail("an OKP JWK needs the member x")
		}
		_, private = m["d"]
	case "oct":
		s, ok := j.bytes("k")
		if !ok {
			j.fail("an oct (symmetric) JWK needs the member k")
			break
		}
		k = Key{Family: HMAC, Bits: len(s) * 8, Secret: s}
	case "":
		fail("a JWK without a kty member (RSA, EC, OKP or oct).", "Add the key type; without it no library reads the key.")
		return
	default:
		fail(fmt.Sprintf("a JWK of kty %q, which is not a key type JOSE signatures use (RSA, EC, OKP, oct).", safeText(kty, 30)), "Give the key that signs the tokens.")
		return
	}
	if j.err != "" {
		fail("the JWK cannot be read: "+j.err+".", "Copy the JWK again from its source; members are base64url (RFC 7518 §6).")
		return
	}
	// x5c: a chain of standard-base64 DER certificates, the first holding this key.
	if cert, msg := r.x5c(m, k); msg != "" {
		use := " the JWK's own members are used."
		if k.Family == RSA {
			use = " n and e are still used."
		}
		if k.Family == "" {
			fail("its "+msg+", and it has no key members of its own.", "Give the key members (n/e, x/y) or a DER certificate in x5c.")
			return
		}
		r.find("key.jwk-encoding", SevWarning, name+": its "+msg+";"+use,
			"x5c holds standard base64 (not base64url) of DER certificates, the first one holding this very key (RFC 7517 §4.7).")
	} else if cert != nil {
		if k.Family == "" {
			kk, why := newKey(cert.PublicKey)
			if why != "" {
				fail("its x5c certificate cannot verify signatures: "+why+".", "Give the key that signs the tokens.")
				return
			}
			k = kk
		}
		k.Certificate = certInfo(cert)
	}
	if private {
		r.find("key.private", SevInfo, name+" is a private JWK (it has a d member); only its public half is used, and the private part is not kept.",
			"Publish and verify with the public members only; the private JWK must stay with the signer.")
	}
	if len(j.loose) > 0 {
		r.find("key.jwk-encoding", SevWarning, fmt.Sprintf("%s: the JWK is loosely written (%s); read anyway.", name, strings.Join(dedupe(j.loose), "; ")),
			"JWK members are base64url without padding and without leading zero octets (RFC 7518 §6); strict libraries refuse this key.")
	}
	k.KID, _ = jsonString(m, "kid")
	k.Alg, _ = jsonString(m, "alg")
	k.Use, _ = jsonString(m, "use")
	if raw, ok := m["key_ops"]; ok {
		_ = json.Unmarshal(raw, &k.KeyOps)
	}
	k.Source = r.set.Source
	k.Format = "JWK"
	if at != "" {
		k.Format = "JWKS"
	}
	k.Private = private
	if k.Family == HMAC {
		k.Fingerprint = secretFingerprint(k.Secret)
	} else {
		k.Fingerprint, _ = Thumbprint(k)
	}
	r.weakFinding(k, at)
	r.set.Keys = append(r.set.Keys, k)
}

func hasX5C(m map[string]json.RawMessage) bool { _, ok := m["x5c"]; return ok }

// x5c reads the first certificate of a JWK's x5c; msg says what is wrong with it.
func (r *reader) x5c(m map[string]json.RawMessage, k Key) (*x509.Certificate, string) {
	raw, ok := m["x5c"]
	if !ok {
		return nil, ""
	}
	var chain []string
	if json.Unmarshal(raw, &chain) != nil || len(chain) == 0 {
		return nil, "x5c is not an array of base64 strings"
	}
	s := strings.Join(strings.Fields(chain[0]), "")
	der, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		der, err = base64.RawURLEncoding.DecodeString(strings.TrimRight(s, "="))
		if err != nil {
			return nil, "x5c[0] is not base64"
		}
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		if p := parseDER(der, ""); p.err == "" {
			return nil, fmt.Sprintf("x5c[0] holds a %s, not a DER certificate", p.kind)
		}
		return nil, "x5c[0] does not hold a DER certificate"
	}
	if k.Public != nil {
		if pkixFingerprint(cert.PublicKey) != pkixFingerprint(k.Public) {
			return nil, "x5c[0] certificate holds a different key than the JWK's own members"
		}
	}
	return cert, ""
}

func dedupe(s []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, v := range s {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

// describeJSON says what a JSON object without key members looks like.
func describeJSON(src string, m map[string]json.RawMessage) string {
	has := func(names ...string) bool {
		for _, n := range names {
			if _, ok := m[n]; ok {
				return true
			}
		}
		return false
	}
	switch {
	case has("jwks_uri"):
		return fmt.Sprintf("%s is an OpenID Connect / OAuth discovery document, not a key; its jwks_uri names where the keys are.", src)
	case has("alg") && has("typ", "kid", "cty"):
		return fmt.Sprintf("%s looks like a JWT header (it has alg), not a key.", src)
	case has("iss", "sub", "exp", "iat", "aud", "nbf"):
		return fmt.Sprintf("%s looks like a JWT payload (claims such as iss, sub, exp), not a key.", src)
	case has("private_key", "public_key", "publicKey", "key", "secret"):
		return fmt.Sprintf("%s is JSON that holds a key inside one of its members (%s), not a JWK.", src, memberList(m))
	}
	if len(m) == 0 {
		return fmt.Sprintf("%s is an empty JSON object, not a key.", src)
	}
	return fmt.Sprintf("%s is JSON without the members of a key (kty) or a key set (keys); it has %s.", src, memberList(m))
}

func hintJSON(m map[string]json.RawMessage) string {
	if _, ok := m["jwks_uri"]; ok {
		return "jwtlens never fetches anything: download the JWK set from the jwks_uri yourself and give that file."
	}
	if _, ok := m["private_key"]; ok {
		return "Extract the PEM: jq -r .private_key file.json > key.pem, then give key.pem."
	}
	return "Give a JWK ({\"kty\": …}) or a JWK set ({\"keys\": [ … ]})."
}

func memberList(m map[string]json.RawMessage) string {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, safeText(n, 30))
	}
	sort.Strings(names)
	if len(names) > 8 {
		names = append(names[:8], "…")
	}
	return strings.Join(names, ", ")
}
