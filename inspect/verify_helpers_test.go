package inspect

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jwtlens/keys"
)

// verifyDir holds the fixtures made by go run ./testdata/gen/verify.
var verifyDir = filepath.Join("..", "testdata", "verify")

// loadTokens reads the generated tokens by name.
func loadTokens(t testing.TB) map[string]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(verifyDir, "tokens.json"))
	if err != nil {
		t.Fatalf("read tokens (run go run ./testdata/gen/verify): %v", err)
	}
	m := map[string]string{}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("tokens.json: %v", err)
	}
	return m
}

// keyFile reads a generated key file: secrets (.txt, .bin) as HMAC secrets exactly as
// stored, anything else as key material.
func keyFile(t testing.TB, name string) keys.Set {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(verifyDir, "keys", name))
	if err != nil {
		t.Fatalf("read key %s: %v", name, err)
	}
	if strings.HasSuffix(name, ".txt") || strings.HasSuffix(name, ".bin") {
		return keys.Secret(b, name)
	}
	return readKeyMaterial(t, b, name)
}

// readKeyMaterial reads key material with keys.Read, and — while package keys is still a
// stub — with a minimal reader of PKIX PEM and public JWK/JWKS good enough for these
// fixtures.
func readKeyMaterial(t testing.TB, b []byte, source string) keys.Set {
	t.Helper()
	if s := keys.Read(b, source); len(s.Keys) > 0 {
		return s
	}
	set := keys.Set{Source: source}
	if blk, _ := pem.Decode(b); blk != nil {
		pub, err := x509.ParsePKIXPublicKey(blk.Bytes)
		if err != nil {
			t.Fatalf("%s: %v", source, err)
		}
		set.Keys = append(set.Keys, publicKey(pub, source))
		return set
	}
	var jwks struct {
		Keys []map[string]any `json:"keys"`
	}
	if err := json.Unmarshal(b, &jwks); err == nil && len(jwks.Keys) > 0 {
		for _, j := range jwks.Keys {
			set.Keys = append(set.Keys, jwkKey(t, j, source))
		}
		return set
	}
	var j map[string]any
	if err := json.Unmarshal(b, &j); err != nil {
		t.Fatalf("%s: not PEM or JSON: %v", source, err)
	}
	set.Keys = append(set.Keys, jwkKey(t, j, source))
	return set
}

func publicKey(pub any, source string) keys.Key {
	k := keys.Key{Public: pub, Source: source, Format: "PEM PUBLIC KEY"}
	switch p := pub.(type) {
	case *rsa.PublicKey:
		k.Family, k.Bits = keys.RSA, p.N.BitLen()
	case *ecdsa.PublicKey:
		k.Family, k.Bits, k.Curve = keys.EC, p.Curve.Params().BitSize, p.Curve.Params().Name
	case ed25519.PublicKey:
		k.Family, k.Bits = keys.Ed25519, 256
	}
	return k
}

func jwkKey(t testing.TB, j map[string]any, source string) keys.Key {
	t.Helper()
	str := func(name string) string { s, _ := j[name].(string); return s }
	num := func(name string) *big.Int {
		b, err := base64.RawURLEncoding.DecodeString(str(name))
		if err != nil {
			t.Fatalf("%s: JWK %s: %v", source, name, err)
		}
		return new(big.Int).SetBytes(b)
	}
	var k keys.Key
	switch str("kty") {
	case "RSA":
		k = publicKey(&rsa.PublicKey{N: num("n"), E: int(num("e").Int64())}, source)
	case "EC":
		c := map[string]elliptic.Curve{"P-256": elliptic.P256(), "P-384": elliptic.P384(), "P-521": elliptic.P521()}[str("crv")]
		k = publicKey(&ecdsa.PublicKey{Curve: c, X: num("x"), Y: num("y")}, source)
	case "oct":
		sec, _ := base64.RawURLEncoding.DecodeString(str("k"))
		k = keys.Secret(sec, source).Keys[0]
	default:
		t.Fatalf("%s: kty %q", source, str("kty"))
	}
	k.KID, k.Alg, k.Use, k.Format = str("kid"), str("alg"), str("use"), "JWK"
	if ops, ok := j["key_ops"].([]any); ok {
		for _, op := range ops {
			s, _ := op.(string)
			k.KeyOps = append(k.KeyOps, s)
		}
	}
	return k
}

// reportFor returns the report of a token as Inspect makes it; while the decode work is
// still a stub it builds the parts verification reads (segments, header) directly.
func reportFor(t testing.TB, tok string) *Report {
	t.Helper()
	r := Inspect([]byte(tok), Options{})
	if len(r.Segments) > 0 {
		return r
	}
	parts := strings.Split(tok, ".")
	names := []Part{PartHeader, PartPayload, PartSignature}
	if len(parts) == 5 {
		r.Kind = KindJWE
		names = []Part{PartHeader, PartEncryptedKey, PartIV, PartCiphertext, PartTag}
	} else {
		r.Kind = KindJWS
	}
	pos := 0
	for i, p := range parts {
		seg := Segment{Start: pos, End: pos + len(p), Text: p}
		if i < len(names) {
			seg.Part = names[i]
		}
		if b, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(p, "=")); err == nil {
			seg.Bytes, seg.Decoded = b, true
		}
		if i == 0 && seg.Decoded {
			if v, ok := parseTestJSON(string(seg.Bytes)); ok && v.Type == TypeObject {
				seg.JSON = v
				r.Header = v
			}
		}
		if i == 1 && seg.Decoded {
			if v, ok := parseTestJSON(string(seg.Bytes)); ok && v.Type == TypeObject {
				r.Payload = v
			}
		}
		r.Segments = append(r.Segments, seg)
		pos += len(p) + 1
	}
	return r
}

// parseTestJSON parses JSON into a Value for tests (no source offsets beyond Raw).
func parseTestJSON(s string) (*Value, bool) {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	v, ok := testValue(dec)
	return &v, ok
}

func testValue(dec *json.Decoder) (Value, bool) {
	tok, err := dec.Token()
	if err != nil {
		return Value{}, false
	}
	switch x := tok.(type) {
	case json.Delim:
		if x == '{' {
			v := Value{Type: TypeObject}
			for dec.More() {
				nt, err := dec.Token()
				if err != nil {
					return v, false
				}
				name, _ := nt.(string)
				mv, ok := testValue(dec)
				if !ok {
					return v, false
				}
				q, _ := json.Marshal(name)
				v.Members = append(v.Members, Member{Name: name, NameRaw: string(q), Value: mv})
			}
			_, err := dec.Token()
			return v, err == nil
		}
		v := Value{Type: TypeArray}
		for dec.More() {
			ev, ok := testValue(dec)
			if !ok {
				return v, false
			}
			v.Elems = append(v.Elems, ev)
		}
		_, err := dec.Token()
		return v, err == nil
	case string:
		q, _ := json.Marshal(x)
		return Value{Type: TypeString, Str: x, Raw: string(q)}, true
	case json.Number:
		return Value{Type: TypeNumber, Raw: x.String()}, true
	case bool:
		v := Value{Type: TypeBool, Bool: x, Raw: "false"}
		if x {
			v.Raw = "true"
		}
		return v, true
	}
	return Value{Type: TypeNull, Raw: "null"}, true
}
