// Command tokens writes the token fixtures of the inspect decode tests.
//
//	go run ./testdata/gen/tokens
//
// It generates fresh keys (RSA 2048, EC P-256, Ed25519 and an HMAC secret) into
// testdata/decode/keys, signs made-up claims with them, and writes one fixture per case
// into testdata/decode: NAME.token holds the raw input exactly as a person would paste it,
// and NAME.want.json the exact header and payload texts that were encoded into it (for a
// cut token, the texts before the cut; absent when nothing meaningful was encoded). The keys and signatures change on every
// run; the tests only depend on their shape. No real person's token is used: every claim is
// invented here.
//
// It also writes the seed corpus of FuzzInspect (inspect/testdata/fuzz/FuzzInspect, in go's corpus
// file format): every fixture, plus a few hand-made edge cases.
package main

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/hmac"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/asn1"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"log"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

var (
	outDir = filepath.Join("testdata", "decode")
	b64    = base64.RawURLEncoding
	secret = []byte("jwtlens-test-secret-0123456789ab") // 32 bytes, for HS256
)

type keyset struct {
	rsa *rsa.PrivateKey
	ec  *ecdsa.PrivateKey
	ed  ed25519.PrivateKey
}

func main() {
	log.SetFlags(0)
	ks := makeKeys()

	const claims = `{"sub":"alice","iss":"https://issuer.example","aud":"jwtlens-tests","iat":1700000000,"exp":1900000000}`
	hs := `{"alg":"HS256","typ":"JWT"}`
	write("hs256", jws(hs, claims, ks), hs, claims)
	rs := `{"alg":"RS256","typ":"JWT","kid":"rsa-1"}`
	write("rs256", jws(rs, claims, ks), rs, claims)
	ps := `{"alg":"PS256","typ":"JWT","kid":"rsa-1"}`
	write("ps256", jws(ps, claims, ks), ps, claims)
	es := `{"alg":"ES256","typ":"JWT","kid":"ec-1"}`
	write("es256", jws(es, claims, ks), es, claims)
	ed := `{"alg":"EdDSA","typ":"JWT","kid":"ed-1"}`
	write("eddsa", jws(ed, claims, ks), ed, claims)

	// A token cut 2 characters short (inside the signature).
	full := jws(hs, claims, ks)
	write("cut-2-short", full[:len(full)-2], hs, claims)

	// The Kamailio report: a long RS256 token cut at 512 characters, inside the payload, so
	// only one dot remains.
	long := `{"sub":"sip:alice@example.org","iss":"https://issuer.example","aud":"sip:proxy.example.org","iat":1700000000,"exp":1900000000,"scope":"` + strings.Repeat("call ", 80) + `"}`
	lt := jws(rs, long, ks)
	write("cut-in-payload", lt[:512], rs, long) // the payload decodes to a prefix of long

	// A fourth segment of garbage after a valid token.
	write("fourth-segment", full+".Z2FyYmFnZQ", hs, claims)

	// alg none with and without the trailing dot, and with '=' padding.
	none := `{"alg":"none"}`
	nt := b64.EncodeToString([]byte(none)) + "." + b64.EncodeToString([]byte(claims))
	write("none-dot", nt+".", none, claims)
	write("none-no-dot", nt, none, claims)
	pad := base64.URLEncoding
	write("none-padded", pad.EncodeToString([]byte(none))+"."+pad.EncodeToString([]byte(claims))+".", none, claims)

	// Segments with '=' padding, signed over the padded text.
	ph := `{"alg":"HS256","kid":"k1"}`      // 26 bytes: one '=' of padding
	pc := `{"sub":"bobb","iat":1700000000}` // 31 bytes: two '='
	ps2 := pad.EncodeToString([]byte(ph)) + "." + pad.EncodeToString([]byte(pc))
	write("padded-signed", ps2+"."+b64.EncodeToString(mac(ps2)), ph, pc)

	// All standard alphabet: '+' and '/' in the payload and signature, signed over that text.
	std := base64.RawStdEncoding
	sc := `{"sub":"~~~>>>???","note":"???>>>"}`
	si := std.EncodeToString([]byte(hs)) + "." + std.EncodeToString([]byte(sc))
	sig := mac(si)
	for i := 0; !strings.ContainsAny(std.EncodeToString(sig), "+/"); i++ {
		// Vary the claims until the MAC shows a standard-only character too.
		sc = `{"sub":"~~~>>>???","note":"???>>>","n":` + itoa(i) + `}`
		si = std.EncodeToString([]byte(hs)) + "." + std.EncodeToString([]byte(sc))
		sig = mac(si)
	}
	write("std-alphabet", si+"."+std.EncodeToString(sig), hs, sc)

	// A 44-character HS256 signature: the MAC in padded standard base64.
	hi := b64.EncodeToString([]byte(hs)) + "." + b64.EncodeToString([]byte(claims))
	write("sig-44-chars", hi+"."+base64.URLEncoding.EncodeToString(mac(hi)), hs, claims)
	// A 33-byte signature: one byte appended to the MAC.
	write("sig-33-bytes", hi+"."+b64.EncodeToString(append(mac(hi), 0x42)), hs, claims)

	// A sibling last character: the signature's last character with an unused low bit set.
	st := b64.EncodeToString(mac(hi))
	const alpha = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	v := strings.IndexByte(alpha, st[len(st)-1])
	write("sibling-last-char", hi+"."+st[:len(st)-1]+string(alpha[v|1]), hs, claims)

	// A payload of non-JSON bytes.
	bin := []byte{0x00, 0x01, 0xFE, 0xFF, 0x80, 'x', 'y', 0x10, 0x9C}
	write("payload-binary", signed(b64.EncodeToString([]byte(hs))+"."+b64.EncodeToString(bin)), hs, "")
	write("payload-text", signed(b64.EncodeToString([]byte(hs))+"."+b64.EncodeToString([]byte("hello, not json"))), hs, "hello, not json")

	// A header whose text was letter-rotated (ROT13) in transit.
	good := jws(hs, claims, ks)
	dot := strings.IndexByte(good, '.')
	write("header-rot13", rot13(good[:dot])+good[dot:], "", claims)

	// Duplicate members.
	dsub := `{"sub":"alice","admin":false,"sub":"root"}`
	write("duplicate-sub", jws(hs, dsub, ks), hs, dsub)
	dalg := `{"alg":"HS256","typ":"JWT","alg":"none"}`
	write("duplicate-alg", signed(b64.EncodeToString([]byte(dalg))+"."+b64.EncodeToString([]byte(claims))), dalg, claims)

	// "\/" escapes kept verbatim.
	esc := `{"iss":"https:\/\/issuer.example\/","sub":"alice"}`
	write("escaped-slash", jws(hs, esc, ks), hs, esc)

	// Claims holding terminal control sequences and a bidi override (JSON-escaped, as any
	// encoder writes them): ESC[2J, OSC 52 clipboard write, BEL and U+202E.
	ctl, _ := json.Marshal(map[string]string{
		"sub":  "mallory\u001b[2J",
		"name": "\u001b]52;c;ZWNobyBoaQ==\u0007",
		"bell": "ding\u0007",
		"file": "invoice\u202Etxt.exe",
	})
	write("control-chars", jws(hs, string(ctl), ks), hs, string(ctl))

	// ES256 signed with a DER-encoded signature.
	esi := b64.EncodeToString([]byte(es)) + "." + b64.EncodeToString([]byte(claims))
	h := sha256.Sum256([]byte(esi))
	r, s, err := ecdsa.Sign(rand.Reader, ks.ec, h[:])
	check(err)
	der, err := asn1.Marshal(struct{ R, S *big.Int }{r, s})
	check(err)
	write("es256-der", esi+"."+b64.EncodeToString(der), es, claims)

	// Header parameters worth a warning.
	risky := `{"alg":"HS256","kid":"../../../../dev/null","jku":"https://attacker.example/jwks.json","jwk":{"kty":"oct","k":"AAAA"},"crit":["exp"]}`
	write("header-risky", signed(b64.EncodeToString([]byte(risky))+"."+b64.EncodeToString([]byte(claims))), risky, claims)
	odd := `{"alg":"hs256"}`
	write("alg-case", signed(b64.EncodeToString([]byte(odd))+"."+b64.EncodeToString([]byte(claims))), odd, claims)
	unk := `{"alg":"HS257"}`
	write("alg-unknown", signed(b64.EncodeToString([]byte(unk))+"."+b64.EncodeToString([]byte(claims))), unk, claims)
	noalg := `{"typ":"JWT"}`
	write("alg-missing", signed(b64.EncodeToString([]byte(noalg))+"."+b64.EncodeToString([]byte(claims))), noalg, claims)
	nsig := `{"alg":"none"}`
	write("none-with-signature", b64.EncodeToString([]byte(nsig))+"."+b64.EncodeToString([]byte(claims))+"."+b64.EncodeToString(mac("x")), nsig, claims)

	// A real compact JWE (RFC 7520 §5.6, alg dir), taken from the copied vectors.
	var vec struct {
		Output struct{ Compact string }
	}
	vb, err := os.ReadFile(filepath.Join("testdata", "vectors", "5_6.direct_encryption_using_aes-gcm.json"))
	check(err)
	check(json.Unmarshal(vb, &vec))
	jh := `{"alg":"dir","kid":"77c7e2b8-6e13-45cf-8672-617b5b45243a","enc":"A128GCM"}`
	write("jwe-dir", vec.Output.Compact, jh, "")

	// A nested token: cty JWT, the payload is the HS256 token above.
	nest := `{"alg":"HS256","cty":"JWT"}`
	write("nested", jws(nest, good, ks), nest, good)

	writeSeeds()
}

// fuzzEdges are seeds beyond the fixtures: shapes the fuzzer should start from.
var fuzzEdges = map[string]string{
	"dots":      "..........",
	"empty":     "",
	"deep":      b64.EncodeToString([]byte(`{"a":`+strings.Repeat("[", 300))) + ".e30.",
	"ellipsis":  "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.abc…",
	"jwe4":      "eyJhbGciOiJkaXIiLCJlbmMiOiJBMTI4R0NNIn0..aXY.Y3Q",
	"surrogate": b64.EncodeToString([]byte(`{"alg":"HS256"}`)) + "." + b64.EncodeToString([]byte(`{"s":"\ud800\udc00\ud800","t":"\u00e9"}`)) + ".x",
	"bearer":    "Bearer  eyJhbGciOiJIUzI1NiJ9.e30.c2ln\r\n",
	"numbers":   b64.EncodeToString([]byte(`{"alg":"HS256"}`)) + "." + b64.EncodeToString([]byte(`{"a":-0.5e+10,"b":[1,2,{"c":null}],"d":true,"e":false}`)) + ".",
}

// writeSeeds writes every fixture and edge case as a FuzzInspect corpus file.
func writeSeeds() {
	dir := filepath.Join("inspect", "testdata", "fuzz", "FuzzInspect")
	check(os.MkdirAll(dir, 0o755))
	seed := func(name string, data []byte) {
		body := "go test fuzz v1\n[]byte(" + strconv.Quote(string(data)) + ")\n"
		check(os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644))
	}
	files, err := filepath.Glob(filepath.Join(outDir, "*.token"))
	check(err)
	for _, f := range files {
		b, err := os.ReadFile(f)
		check(err)
		seed(strings.TrimSuffix(filepath.Base(f), ".token"), b)
	}
	for name, data := range fuzzEdges {
		seed(name, []byte(data))
	}
}

// jws signs header.payload with the key its alg names.
func jws(header, payload string, ks keyset) string {
	var h struct{ Alg string }
	check(json.Unmarshal([]byte(header), &h))
	in := b64.EncodeToString([]byte(header)) + "." + b64.EncodeToString([]byte(payload))
	d := sha256.Sum256([]byte(in))
	var sig []byte
	var err error
	switch h.Alg {
	case "HS256":
		sig = mac(in)
	case "RS256":
		sig, err = rsa.SignPKCS1v15(rand.Reader, ks.rsa, crypto.SHA256, d[:])
	case "PS256":
		sig, err = rsa.SignPSS(rand.Reader, ks.rsa, crypto.SHA256, d[:], &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthEqualsHash})
	case "ES256":
		var r, s *big.Int
		r, s, err = ecdsa.Sign(rand.Reader, ks.ec, d[:])
		if err == nil {
			sig = make([]byte, 64)
			r.FillBytes(sig[:32])
			s.FillBytes(sig[32:])
		}
	case "EdDSA":
		sig = ed25519.Sign(ks.ed, []byte(in))
	default:
		log.Fatalf("no key for alg %q", h.Alg)
	}
	check(err)
	return in + "." + b64.EncodeToString(sig)
}

// signed appends an HS256 signature of in.
func signed(in string) string { return in + "." + b64.EncodeToString(mac(in)) }

func mac(in string) []byte {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(in))
	return m.Sum(nil)
}

func rot13(s string) string {
	b := []byte(s)
	for i, c := range b {
		switch {
		case c >= 'a' && c <= 'z':
			b[i] = 'a' + (c-'a'+13)%26
		case c >= 'A' && c <= 'Z':
			b[i] = 'A' + (c-'A'+13)%26
		}
	}
	return string(b)
}

func itoa(i int) string { return big.NewInt(int64(i)).String() }

// write stores one fixture: the raw token and the texts encoded into it.
func write(name, token, header, payload string) {
	check(os.WriteFile(filepath.Join(outDir, name+".token"), []byte(token), 0o644))
	want := filepath.Join(outDir, name+".want.json")
	if header == "" && payload == "" {
		os.Remove(want)
		return
	}
	b, err := json.MarshalIndent(map[string]string{"header": header, "payload": payload}, "", "  ")
	check(err)
	check(os.WriteFile(want, append(b, '\n'), 0o644))
}

// makeKeys generates the keys and writes them (private and public halves) to keys/.
func makeKeys() keyset {
	dir := filepath.Join(outDir, "keys")
	check(os.MkdirAll(dir, 0o755))
	rk, err := rsa.GenerateKey(rand.Reader, 2048)
	check(err)
	ek, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	check(err)
	_, edk, err := ed25519.GenerateKey(rand.Reader)
	check(err)
	for name, k := range map[string]crypto.Signer{"rsa": rk, "ec-p256": ek, "ed25519": edk} {
		priv, err := x509.MarshalPKCS8PrivateKey(k)
		check(err)
		pub, err := x509.MarshalPKIXPublicKey(k.Public())
		check(err)
		check(os.WriteFile(filepath.Join(dir, name+".pem"), pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: priv}), 0o644))
		check(os.WriteFile(filepath.Join(dir, name+".pub.pem"), pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: pub}), 0o644))
	}
	check(os.WriteFile(filepath.Join(dir, "hs256.secret"), secret, 0o644))
	return keyset{rsa: rk, ec: ek, ed: edk}
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
