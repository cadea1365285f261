package keys

import (
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"
)

// TestRFC7520 reads the published JWKs of RFC 7520 §3 (copied into testdata/keys/rfc7520)
// and checks what they are, including the thumbprint RFC 7638 §3.1 computes for the RSA key
// of its own example (a different key) is reproduced by Thumbprint on that example.
func TestRFC7520(t *testing.T) {
	tests := []struct {
		file, describe, kid, use, alg string
		private                       bool
	}{
		{"3_1.ec_public_key.json", "ec P-521", "bilbo.baggins@hobbiton.example", "sig", "", false},
		{"3_2.ec_private_key.json", "ec P-521", "bilbo.baggins@hobbiton.example", "sig", "", true},
		{"3_3.rsa_public_key.json", "rsa-2048", "bilbo.baggins@hobbiton.example", "sig", "", false},
		{"3_4.rsa_private_key.json", "rsa-2048", "bilbo.baggins@hobbiton.example", "sig", "", true},
		{"3_5.symmetric_key_mac_computation.json", "hmac 32 bytes", "018c0ae5-4d9b-471b-bfd6-eef314bc7037", "sig", "HS256", false},
		{"3_6.symmetric_key_encryption.json", "hmac 32 bytes", "1e571774-2e08-40da-8308-e8d68773842d", "enc", "A256GCM", false},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			s := Read(readFixture(t, "rfc7520/"+tt.file), tt.file)
			if len(s.Keys) != 1 {
				t.Fatalf("Read(%s) gave %d keys; findings %v", tt.file, len(s.Keys), s.Findings)
			}
			k := s.Keys[0]
			if k.Describe() != tt.describe || k.KID != tt.kid || k.Use != tt.use || k.Alg != tt.alg || k.Private != tt.private {
				t.Errorf("Read(%s) = %s kid %q use %q alg %q private %v, want %s kid %q use %q alg %q private %v",
					tt.file, k.Describe(), k.KID, k.Use, k.Alg, k.Private, tt.describe, tt.kid, tt.use, tt.alg, tt.private)
			}
			if s.HasError() || hasCode(s, "key.jwk-encoding") {
				t.Errorf("Read(%s) findings %v, want none but key.private", tt.file, s.Findings)
			}
		})
	}
	// The public and private forms are the same key.
	pub := Read(readFixture(t, "rfc7520/3_3.rsa_public_key.json"), "")
	priv := Read(readFixture(t, "rfc7520/3_4.rsa_private_key.json"), "")
	if pub.Keys[0].Fingerprint != priv.Keys[0].Fingerprint {
		t.Errorf("RFC 7520 RSA public and private JWK thumbprints differ: %s, %s", pub.Keys[0].Fingerprint, priv.Keys[0].Fingerprint)
	}
}

// TestThumbprintRFC7638 checks Thumbprint against the worked example of RFC 7638 §3.1.
func TestThumbprintRFC7638(t *testing.T) {
	jwk := `{"kty":"RSA","n":"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw","e":"AQAB","alg":"RS256","kid":"2011-04-29"}`
	s := Read([]byte(jwk), "rfc7638")
	if len(s.Keys) != 1 {
		t.Fatalf("Read gave %d keys: %v", len(s.Keys), s.Findings)
	}
	const want = "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"
	if got, _ := Thumbprint(s.Keys[0]); got != want {
		t.Errorf("Thumbprint = %s, want %s", got, want)
	}
	if s.Keys[0].Fingerprint != want {
		t.Errorf("Fingerprint of a JWK = %s, want its thumbprint %s", s.Keys[0].Fingerprint, want)
	}
}

// TestJWKProblems covers JWKs that are wrong in the ways people get them wrong.
func TestJWKProblems(t *testing.T) {
	rsaJWK := string(readFixture(t, "rsa2048.jwk"))
	var m map[string]any
	if err := json.Unmarshal([]byte(rsaJWK), &m); err != nil {
		t.Fatal(err)
	}
	n := m["n"].(string)
	ec := string(readFixture(t, "ec256.jwk"))
	tests := []struct {
		name, in string
		keys     int
		code     string
		say      string
	}{
		{"padded e", strings.Replace(rsaJWK, `"AQAB"`, `"AQAB=="`, 1), 1, "key.jwk-encoding", "e is padded"},
		{"std alphabet", strings.Replace(rsaJWK, n, base64.StdEncoding.EncodeToString(mustB64(t, n)), 1), 1, "", ""},
		{"no n", `{"kty":"RSA","e":"AQAB"}`, 0, "key.unreadable", "needs the members n and e"},
		{"no kty", `{"n":"AQAB","e":"AQAB"}`, 0, "key.unreadable", "without the members of a key"},
		{"kty empty", `{"kty":"","n":"AQAB"}`, 0, "key.unreadable", "without a kty"},
		{"unknown kty", `{"kty":"DSA"}`, 0, "key.unreadable", `kty "DSA"`},
		{"secp256k1", `{"kty":"EC","crv":"secp256k1","x":"AA","y":"AA"}`, 0, "key.unreadable", "ES256K"},
		{"x25519", `{"kty":"OKP","crv":"X25519","x":"AAAA"}`, 0, "key.unreadable", "X25519 is for encryption"},
		{"ed25519 short", `{"kty":"OKP","crv":"Ed25519","x":"AAAA"}`, 0, "key.unreadable", "32"},
		{"point off curve", strings.Replace(ec, `"y": "`, `"y": "AB`, 1), 0, "key.unreadable", ""},
		{"not base64", `{"kty":"RSA","n":"!!!","e":"AQAB"}`, 0, "key.unreadable", `"n" is not base64url`},
		{"n a number", `{"kty":"RSA","n":5,"e":"AQAB"}`, 0, "key.unreadable", "not a string"},
		{"oct", `{"kty":"oct","k":"c2VjcmV0","kid":"h"}`, 1, "", ""},
		{"empty set", `{"keys":[]}`, 0, "key.unreadable", "no keys"},
		{"keys not array", `{"keys":{}}`, 0, "key.unreadable", "not an array"},
		{"set with bad entry", `{"keys":[` + rsaJWK + `,{"kty":"OKP","crv":"X25519","x":"AAAA","use":"enc"},7]}`, 1, "key.unreadable", "keys[1]"},
		{"bare array", `[` + rsaJWK + `,` + ec + `]`, 2, "key.jwk-encoding", "bare JSON array"},
		{"truncated", rsaJWK[:len(rsaJWK)/2], 0, "key.unreadable", "cut short"},
		{"broken", `{"kty": "RSA",, }`, 0, "key.unreadable", "not valid JSON"},
		{"jwt header", `{"alg":"RS256","typ":"JWT"}`, 0, "key.unreadable", "JWT header"},
		{"jwt payload", `{"sub":"alice","exp":1}`, 0, "key.unreadable", "JWT payload"},
		{"service account", `{"type":"x","private_key":"none"}`, 0, "key.unreadable", "private_key"},
		{"x5c garbage", strings.Replace(rsaJWK, `"kty"`, `"x5c":["%%%"],"kty"`, 1), 1, "key.jwk-encoding", "x5c[0] is not base64"},
		{"x5c another key", strings.Replace(rsaJWK, `"kty"`, `"x5c":["`+base64.StdEncoding.EncodeToString(readFixture(t, "ec256.cert.der"))+`"],"kty"`, 1), 1, "key.jwk-encoding", "holds a different key"},
		{"x5c only", `{"kty":"RSA","x5c":["` + base64.StdEncoding.EncodeToString(certDER(t)) + `"]}`, 1, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Read([]byte(tt.in), "jwk")
			if len(s.Keys) != tt.keys {
				t.Fatalf("Read(%s) gave %d keys, want %d; findings %v", tt.name, len(s.Keys), tt.keys, s.Findings)
			}
			if tt.code != "" && !hasCode(s, tt.code) {
				t.Errorf("Read(%s) findings %v, want %s", tt.name, codes(s), tt.code)
			}
			if tt.code == "" && len(s.Findings) > 0 && tt.name != "std alphabet" {
				t.Errorf("Read(%s) findings %v, want none", tt.name, s.Findings)
			}
			if tt.say != "" && !said(s, tt.say) {
				t.Errorf("Read(%s): no finding says %q: %v", tt.name, tt.say, s.Findings)
			}
			for _, f := range s.Findings {
				checkMessage(t, f)
			}
		})
	}
	// The standard alphabet is read to the same key, with the warning.
	s := Read([]byte(strings.Replace(rsaJWK, n, base64.StdEncoding.EncodeToString(mustB64(t, n)), 1)), "")
	ref := Read([]byte(rsaJWK), "")
	if len(s.Keys) != 1 || s.Keys[0].Public.(*rsa.PublicKey).N.Cmp(ref.Keys[0].Public.(*rsa.PublicKey).N) != 0 {
		t.Fatalf("standard-base64 n read to another key")
	}
	if strings.ContainsAny(base64.StdEncoding.EncodeToString(mustB64(t, n)), "+/=") && !hasCode(s, "key.jwk-encoding") {
		t.Errorf("standard-base64 n: findings %v, want key.jwk-encoding", codes(s))
	}
}

func mustB64(t *testing.T, s string) []byte {
	t.Helper()
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// certDER is the DER of the RSA 2048 self-signed fixture certificate.
func certDER(t *testing.T) []byte {
	t.Helper()
	return readFixture(t, "rsa2048.cert.der")
}

// TestJWKMembersKept checks kid, alg, use and key_ops survive reading a set.
func TestJWKMembersKept(t *testing.T) {
	in := `{"keys":[{"kty":"oct","k":"c2VjcmV0c2VjcmV0","kid":"a","alg":"HS256","use":"sig","key_ops":["verify","sign"]}]}`
	s := Read([]byte(in), "set")
	if len(s.Keys) != 1 {
		t.Fatalf("Read gave %d keys", len(s.Keys))
	}
	k := s.Keys[0]
	if k.KID != "a" || k.Alg != "HS256" || k.Use != "sig" || strings.Join(k.KeyOps, ",") != "verify,sign" || string(k.Secret) != "secretsecret" || k.Format != "JWKS" {
		t.Errorf("Read kept %+v", k)
	}
	if !strings.HasPrefix(k.Fingerprint, "sha256:") || strings.Contains(k.Fingerprint, "c2Vj") {
		t.Errorf("oct key fingerprint %q, want a short hash that does not reveal the secret", k.Fingerprint)
	}
}
