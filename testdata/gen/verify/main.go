//go:debug rsa1024min=0

// Command verify makes the verification fixtures in testdata/verify: fresh keys of every
// family (two of each, so a test can use "another key of the same family"), written as
// public-key files, and tokens signed with them, written to tokens.json by name.
//
//	go run ./testdata/gen/verify            # from the module root; rewrites testdata/verify
//
// Made (all random, none from elsewhere; rerunning changes every key and token):
//
//	keys/rsa-a.pem, rsa-b.pem          RSA 2048 PKIX public keys
//	keys/rsa-1024.pem, rsa-512.pem     weak RSA keys (512 needs the rsa1024min=0 GODEBUG above)
//	keys/ec256-{a,b}.pem, ec384-…, ec521-…   EC public keys on P-256, P-384, P-521
//	keys/ed-a.pem, ed-b.pem            Ed25519 public keys
//	keys/secret-a.txt, secret-b.txt    HMAC secrets as text (64 characters, no newline)
//	keys/secret-short.txt              an 8-byte secret (key.weak)
//	keys/secret-nl.txt                 secret-a with a trailing newline (key.secret-whitespace)
//	keys/secret-b64.txt, secret-hex.txt   base64 and hex text of random bytes (key.secret-encoding)
//	keys/secret-raw.bin                random bytes whose base64url text signed a token
//	keys/jwks.json                     rsa-a (kid "a") and rsa-b (kid "b") as a JWK set
//	keys/jwk-enc.json                  rsa-a as a JWK with "use":"enc"
//	keys/jwk-keyops.json               rsa-a as a JWK whose "key_ops" are ["encrypt"]
//
// tokens.json maps a name to a token: one per alg signed with its "a" key (HS*: secret-a,
// RS*/PS*: rsa-a, ES256/384/512: ec256/384/521-a, EdDSA: ed-a), and the special cases
// named after what they test (see the test tables in inspect/verify_test.go).
package main

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"math/big"
	"os"
	"path/filepath"

	"github.com/golang-jwt/jwt/v5"
)

const out = "testdata/verify"

func main() {
	if err := os.MkdirAll(filepath.Join(out, "keys"), 0o755); err != nil {
		fail(err)
	}
	rsaA, rsaB := rsaKey(2048), rsaKey(2048)
	rsa1024, rsa512 := rsaKey(1024), rsaKey(512)
	ec := map[string][2]*ecdsa.PrivateKey{}
	for name, c := range map[string]elliptic.Curve{"ec256": elliptic.P256(), "ec384": elliptic.P384(), "ec521": elliptic.P521()} {
		ec[name] = [2]*ecdsa.PrivateKey{ecKey(c), ecKey(c)}
	}
	_, edA, _ := ed25519.GenerateKey(rand.Reader)
	_, edB, _ := ed25519.GenerateKey(rand.Reader)
	secretA, secretB := randText(48), randText(48)

	writePub("rsa-a.pem", &rsaA.PublicKey)
	writePub("rsa-b.pem", &rsaB.PublicKey)
	writePub("rsa-1024.pem", &rsa1024.PublicKey)
	writePub("rsa-512.pem", &rsa512.PublicKey)
	for name, pair := range ec {
		writePub(name+"-a.pem", &pair[0].PublicKey)
		writePub(name+"-b.pem", &pair[1].PublicKey)
	}
	writePub("ed-a.pem", edA.Public())
	writePub("ed-b.pem", edB.Public())
	write("keys/secret-a.txt", []byte(secretA))
	write("keys/secret-b.txt", []byte(secretB))
	write("keys/secret-short.txt", []byte("tooshort"))
	write("keys/secret-nl.txt", []byte(secretA+"\n"))
	rawB64, rawHex, rawBin := randBytes(32), randBytes(32), randBytes(32)
	write("keys/secret-b64.txt", []byte(base64.StdEncoding.EncodeToString(rawB64)))
	write("keys/secret-hex.txt", []byte(hex.EncodeToString(rawHex)))
	write("keys/secret-raw.bin", rawBin)
	writeJSON("keys/jwks.json", map[string]any{"keys": []any{rsaJWK(&rsaA.PublicKey, "a", ""), rsaJWK(&rsaB.PublicKey, "b", "")}})
	writeJSON("keys/jwk-enc.json", rsaJWK(&rsaA.PublicKey, "enc-a", "enc"))
	ops := rsaJWK(&rsaA.PublicKey, "ops-a", "")
	ops["key_ops"] = []string{"encrypt"}
	writeJSON("keys/jwk-keyops.json", ops)

	claims := `{"sub":"alice","iss":"jwtlens-test","aud":["app","admin"],"n":5,"admin":true,"name":""}`
	tokens := map[string]string{}
	keyFor := map[string]any{
		"HS256": []byte(secretA), "HS384": []byte(secretA), "HS512": []byte(secretA),
		"RS256": rsaA, "RS384": rsaA, "RS512": rsaA, "PS256": rsaA, "PS384": rsaA, "PS512": rsaA,
		"ES256": ec["ec256"][0], "ES384": ec["ec384"][0], "ES512": ec["ec521"][0], "EdDSA": edA,
	}
	for alg, key := range keyFor {
		tokens[alg] = sign(alg, `{"alg":"`+alg+`","typ":"JWT"}`, claims, key)
	}
	tokens["HS256-short-secret"] = sign("HS256", `{"alg":"HS256"}`, claims, []byte("tooshort"))
	tokens["HS256-b64-secret"] = sign("HS256", `{"alg":"HS256"}`, claims, rawB64)
	tokens["HS256-hex-secret"] = sign("HS256", `{"alg":"HS256"}`, claims, rawHex)
	tokens["HS256-b64url-text-secret"] = sign("HS256", `{"alg":"HS256"}`, claims, []byte(base64.RawURLEncoding.EncodeToString(rawBin)))
	tokens["HS256-secret-with-newline"] = sign("HS256", `{"alg":"HS256"}`, claims, []byte(secretA+"\n"))
	// The alg-confusion forgery: HS256 signed with the text of rsa-a's public PEM.
	tokens["HS256-signed-with-rsa-a-pem"] = sign("HS256", `{"alg":"HS256"}`, claims, pubPEM(&rsaA.PublicKey))
	tokens["RS256-rsa-1024"] = sign("RS256", `{"alg":"RS256"}`, claims, rsa1024)
	tokens["RS256-rsa-512"] = sign("RS256", `{"alg":"RS256"}`, claims, rsa512)
	tokens["RS256-kid-a"] = sign("RS256", `{"alg":"RS256","kid":"a"}`, claims, rsaA)
	tokens["RS256-kid-b-signed-by-a"] = sign("RS256", `{"alg":"RS256","kid":"b"}`, claims, rsaA)
	tokens["RS256-kid-unknown"] = sign("RS256", `{"alg":"RS256","kid":"zzz"}`, claims, rsaA)
	tokens["RS256-no-kid-signed-by-b"] = sign("RS256", `{"alg":"RS256"}`, claims, rsaB)
	tokens["RS256-kid-enc-a"] = sign("RS256", `{"alg":"RS256","kid":"enc-a"}`, claims, rsaA)
	// A token that brings its own key (rsa-b, which signed it) in a jwk header: never used.
	jwkB, _ := json.Marshal(rsaJWK(&rsaB.PublicKey, "b", ""))
	tokens["RS256-embedded-jwk-b"] = sign("RS256", `{"alg":"RS256","jwk":`+string(jwkB)+`}`, claims, rsaB)
	tokens["ES256-der"] = signDER(`{"alg":"ES256"}`, claims, ec["ec256"][0])
	tokens["ES384-signed-as-ES256"] = relabel(sign("ES384", `{"alg":"ES384"}`, claims, ec["ec384"][0]), `{"alg":"ES256"}`)
	tokens["none"] = b64(`{"alg":"none"}`) + "." + b64(claims) + "."
	tokens["none-with-signature"] = sign("HS256", `{"alg":"none"}`, claims, []byte(secretA))
	tokens["HS256-alg-lowercase"] = sign("HS256", `{"alg":"hs256"}`, claims, []byte(secretA))
	tokens["ES256K-unsupported"] = b64(`{"alg":"ES256K"}`) + "." + b64(claims) + "." + b64("0123456789012345678901234567890123456789012345678901234567890123")
	writeJSON("tokens.json", tokens)
}

func b64(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }

// sign makes a compact JWS over exactly the header and payload text given.
func sign(alg, header, payload string, key any) string {
	input := b64(header) + "." + b64(payload)
	sig, err := jwt.GetSigningMethod(alg).Sign(input, key)
	if err != nil {
		fail(fmt.Errorf("sign %s: %w", alg, err))
	}
	return input + "." + base64.RawURLEncoding.EncodeToString(sig)
}

// signDER makes an ES256 token whose signature is ASN.1 DER, as OpenSSL writes it.
func signDER(header, payload string, key *ecdsa.PrivateKey) string {
	input := b64(header) + "." + b64(payload)
	h := crypto.SHA256.New()
	h.Write([]byte(input))
	sig, err := ecdsa.SignASN1(rand.Reader, key, h.Sum(nil))
	if err != nil {
		fail(err)
	}
	return input + "." + base64.RawURLEncoding.EncodeToString(sig)
}

// relabel replaces the header of a token, keeping its payload and signature.
func relabel(tok, header string) string {
	i := 0
	for i < len(tok) && tok[i] != '.' {
		i++
	}
	return b64(header) + tok[i:]
}

func rsaKey(bits int) *rsa.PrivateKey {
	k, err := rsa.GenerateKey(rand.Reader, bits)
	if err != nil {
		fail(err)
	}
	return k
}

func ecKey(c elliptic.Curve) *ecdsa.PrivateKey {
	k, err := ecdsa.GenerateKey(c, rand.Reader)
	if err != nil {
		fail(err)
	}
	return k
}

func randBytes(n int) []byte {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		fail(err)
	}
	return b
}

// randText is n random bytes as base64url text: a secret a person could type.
func randText(n int) string { return base64.RawURLEncoding.EncodeToString(randBytes(n)) }

func pubPEM(pub crypto.PublicKey) []byte {
	der, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		fail(err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})
}

func writePub(name string, pub crypto.PublicKey) { write("keys/"+name, pubPEM(pub)) }

func rsaJWK(pub *rsa.PublicKey, kid, use string) map[string]any {
	m := map[string]any{"kty": "RSA", "kid": kid,
		"n": base64.RawURLEncoding.EncodeToString(pub.N.Bytes()),
		"e": base64.RawURLEncoding.EncodeToString(big.NewInt(int64(pub.E)).Bytes())}
	if use != "" {
		m["use"] = use
	}
	return m
}

func writeJSON(name string, v any) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		fail(err)
	}
	write(name, append(b, '\n'))
}

func write(name string, data []byte) {
	if err := os.WriteFile(filepath.Join(out, name), data, 0o644); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "gen/verify:", err)
	os.Exit(1)
}
