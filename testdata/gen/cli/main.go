// Command cli writes the fixture tokens of the command-line tests to testdata/cli/. Run it
// from the repository root:
//
//	go run ./testdata/gen/cli
//
// Every token is HS256, signed with the fixed secret in testdata/cli/secret.txt (no trailing
// newline), and its times are relative to 2026-01-01T00:00:00Z (Unix 1767225600), the
// --now the tests pass. The output is deterministic: running it again changes nothing.
// Nothing here is a real person's token.
//
//	valid.jwt        sub alice, iss sip.example, issued 1h before now, expires 1h after
//	expired.jwt      the same claims, expired 3h before now
//	wrong-secret.jwt valid.jwt's claims signed with another secret: signature.invalid
//	truncated.jwt    valid.jwt cut inside the payload, one dot left (the Kamailio report)
//	hostile.jwt      claims holding ESC[2J, an OSC 52 clipboard write, BEL, a C1 CSI and
//	                 U+202E (escaped as JSON requires, or raw where JSON allows)
//	hostile-raw.jwt  a payload with those bytes raw, which is not valid JSON
//	secret.txt       the secret
//
// And an RS256 set, signed with a 2048-bit RSA key made on the first run (Go makes keys from
// its own secure randomness, so the key files are written only when missing; delete
// testdata/cli/rs256* to make a new key and re-sign):
//
//	rs256.key.pem    the private key (PKCS#8), only to sign the fixtures
//	rs256.pub.pem    its public key (PKIX PEM)
//	rs256.jwks.json  a JWK set holding the public key with kid "cli-rs256"
//	other.key.pem    another RSA private key (made the same way)
//	other.pub.pem    its public half: verifies nothing here
//	rs256.jwt        valid.jwt's claims, RS256, kid "cli-rs256"
//	use-enc.jwk      the rs256 public key as one JWK with "use": "enc": not for verifying
//
// And two tokens no key can verify:
//
//	unsecured.jwt    valid.jwt's claims with alg "none" and an empty signature
//	jwe.jwt          a five-segment JWE (RSA-OAEP, A256GCM) with filler bytes
package main

import (
	"crypto"
	"crypto/hmac"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
)

// now is the time the fixtures are made relative to.
const now = 1767225600

// secret signs every fixture.
const secret = "jwtlens-cli-fixture-secret-0123456789abcdef"

func sign(header, payload, key string) string {
	enc := base64.RawURLEncoding
	input := enc.EncodeToString([]byte(header)) + "." + enc.EncodeToString([]byte(payload))
	m := hmac.New(sha256.New, []byte(key))
	m.Write([]byte(input))
	return input + "." + enc.EncodeToString(m.Sum(nil))
}

func main() {
	const hdr = `{"alg":"HS256","typ":"JWT"}`
	claims := func(iat, exp int) string {
		return fmt.Sprintf(`{"sub":"alice","iss":"sip.example","iat":%d,"exp":%d}`, iat, exp)
	}
	valid := sign(hdr, claims(now-3600, now+3600), secret)
	files := map[string]string{
		"testdata/cli/valid.jwt":        valid,
		"testdata/cli/expired.jwt":      sign(hdr, claims(now-7200, now-3*3600), secret),
		"testdata/cli/wrong-secret.jwt": sign(hdr, claims(now-3600, now+3600), "not-the-secret-"+secret),
		"testdata/cli/truncated.jwt":    valid[:len(hdr)*4/3+1+40],
		"testdata/cli/hostile.jwt": sign(hdr, `{"sub":"\u001b[2Jcleared","note":"\u001b]52;c;aGVsbG8=\u0007",`+
			`"bell":"ring\u0007","csi":"`+"\u009b"+`31m","rlo":"`+"\u202e"+`txt.exe","exp":`+fmt.Sprint(now+3600)+`}`, secret),
		"testdata/cli/hostile-raw.jwt": sign(hdr, "{\"sub\":\"\x1b[2J\x1b]52;c;aGVsbG8=\x07\u202e\u009b\"}", secret),
		"testdata/cli/secret.txt":      secret,
	}
	key := rsaKey("testdata/cli/rs256.key.pem")
	other := rsaKey("testdata/cli/other.key.pem")
	files["testdata/cli/rs256.pub.pem"] = publicPEM(&key.PublicKey)
	files["testdata/cli/other.pub.pem"] = publicPEM(&other.PublicKey)
	files["testdata/cli/rs256.jwks.json"] = jwks(&key.PublicKey, "cli-rs256")
	files["testdata/cli/rs256.jwt"] = signRS256(`{"alg":"RS256","typ":"JWT","kid":"cli-rs256"}`, claims(now-3600, now+3600), key)
	files["testdata/cli/use-enc.jwk"] = useEncJWK(&key.PublicKey)
	enc := base64.RawURLEncoding
	files["testdata/cli/unsecured.jwt"] = enc.EncodeToString([]byte(`{"alg":"none","typ":"JWT"}`)) + "." +
		enc.EncodeToString([]byte(claims(now-3600, now+3600))) + "."
	files["testdata/cli/jwe.jwt"] = enc.EncodeToString([]byte(`{"alg":"RSA-OAEP","enc":"A256GCM"}`)) + "." +
		enc.EncodeToString(make([]byte, 256)) + "." + enc.EncodeToString(make([]byte, 12)) + "." +
		enc.EncodeToString([]byte("filler ciphertext, not encrypted")) + "." + enc.EncodeToString(make([]byte, 16))
	for path, content := range files {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			fail(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			fail(err)
		}
	}
}

// rsaKey reads the PKCS#8 private key at path, making and writing a new one when the file
// is missing.
func rsaKey(path string) *rsa.PrivateKey {
	if data, err := os.ReadFile(path); err == nil {
		b, _ := pem.Decode(data)
		if b == nil {
			fail(fmt.Errorf("%s holds no PEM block; delete it to make a new key", path))
		}
		k, err := x509.ParsePKCS8PrivateKey(b.Bytes)
		if err != nil {
			fail(fmt.Errorf("%s: %v; delete it to make a new key", path, err))
		}
		return k.(*rsa.PrivateKey)
	}
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		fail(err)
	}
	der, err := x509.MarshalPKCS8PrivateKey(k)
	if err != nil {
		fail(err)
	}
	if err := os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), 0o644); err != nil {
		fail(err)
	}
	return k
}

func publicPEM(k *rsa.PublicKey) string {
	der, err := x509.MarshalPKIXPublicKey(k)
	if err != nil {
		fail(err)
	}
	return string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der}))
}

func jwks(k *rsa.PublicKey, kid string) string {
	enc := base64.RawURLEncoding
	set := map[string]any{"keys": []map[string]string{{
		"kty": "RSA", "kid": kid, "use": "sig", "alg": "RS256",
		"n": enc.EncodeToString(k.N.Bytes()), "e": enc.EncodeToString(big.NewInt(int64(k.E)).Bytes()),
	}}}
	b, err := json.MarshalIndent(set, "", "  ")
	if err != nil {
		fail(err)
	}
	return string(b) + "\n"
}

// useEncJWK is k as a single JWK whose "use" is "enc": a key for encryption, which a
// verifier must not use for a signature.
func useEncJWK(k *rsa.PublicKey) string {
	enc := base64.RawURLEncoding
	b, err := json.MarshalIndent(map[string]string{
		"kty": "RSA", "kid": "cli-rs256-enc", "use": "enc",
		"n": enc.EncodeToString(k.N.Bytes()), "e": enc.EncodeToString(big.NewInt(int64(k.E)).Bytes()),
	}, "", "  ")
	if err != nil {
		fail(err)
	}
	return string(b) + "\n"
}

// signRS256 signs with RSASSA-PKCS1-v1_5, which is deterministic: the same key and
// claims give the same token.
func signRS256(header, payload string, k *rsa.PrivateKey) string {
	enc := base64.RawURLEncoding
	input := enc.EncodeToString([]byte(header)) + "." + enc.EncodeToString([]byte(payload))
	sum := sha256.Sum256([]byte(input))
	sig, err := rsa.SignPKCS1v15(nil, k, crypto.SHA256, sum[:])
	if err != nil {
		fail(err)
	}
	return input + "." + enc.EncodeToString(sig)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "gen/cli:", err)
	os.Exit(1)
}
