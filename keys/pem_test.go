package keys

import (
	"bytes"
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"encoding/asn1"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"math/big"
	"strings"
	"testing"
)

// TestReadVariants covers inputs built from the fixtures in ways too small to deserve a file.
func TestReadVariants(t *testing.T) {
	pub := string(readFixture(t, "rsa2048.pub.pem"))
	lines := strings.Split(strings.TrimSpace(pub), "\n")
	body := strings.Join(lines[1:len(lines)-1], "\n")
	edLine := strings.Fields(string(readFixture(t, "ed25519.pub.ssh")))
	token := strings.TrimSpace(string(readFixture(t, "not.token.jwt")))
	x25519, err := ecdh.X25519().GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	xDER, err := x509.MarshalPKIXPublicKey(x25519.PublicKey())
	if err != nil {
		t.Fatal(err)
	}
	sec1 := readFixture(t, "ec256.sec1.der")
	tests := []struct {
		name, in string
		keys     int
		code     string
		say      string
		same     string // fixture whose key it must be
	}{
		{"service account json", `{"type":"service_account","private_key":` + jsonQuote(string(readFixture(t, "rsa2048.pkcs8.pem"))) + `,"client_email":"x@y"}`, 1, "key.escaped-newlines", "", "rsa2048.pub.pem"},
		{"backslashes lost", strings.ReplaceAll(strings.TrimSpace(pub), "\n", "n"), 1, "key.pem-repaired", "the letter n", "rsa2048.pub.pem"},
		{"text before and after", "subject=CN=x\nissuer=CN=x\n" + pub + "trailing words\n", 1, "", "", "rsa2048.pub.pem"},
		{"blocks glued", strings.TrimSpace(pub) + strings.TrimSpace(string(readFixture(t, "ec256.pub.pem"))), 2, "", "", "rsa2048.pub.pem"},
		{"begin missing", body + "\n" + lines[len(lines)-1] + "\n", 1, "key.pem-repaired", "BEGIN line was missing", "rsa2048.pub.pem"},
		{"end label differs", strings.Replace(pub, "END PUBLIC KEY", "END RSA PUBLIC KEY", 1), 1, "key.pem-repaired", "END line names RSA PUBLIC KEY", "rsa2048.pub.pem"},
		{"odd label", strings.ReplaceAll(pub, "PUBLIC KEY", "RSA KEY"), 1, "key.pem-repaired", "not a standard PEM label", "rsa2048.pub.pem"},
		{"url alphabet", strings.NewReplacer("+", "-", "/", "_").Replace(body) + "\n", 1, "key.pem-repaired", "", "rsa2048.pub.pem"},
		{"escaped CRLF", strings.ReplaceAll(strings.TrimSpace(pub), "\n", `\r\n`), 1, "key.escaped-newlines", "", "rsa2048.pub.pem"},
		{"bad char", strings.Replace(pub, lines[2], lines[2][:10]+"*"+lines[2][11:], 1), 0, "key.unreadable", `the character '*'`, ""},
		{"lost character", strings.Replace(pub, lines[2], lines[2][1:], 1), 0, "key.unreadable", "characters were lost", ""},
		{"armour only", "-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n", 0, "key.unreadable", "no base64", ""},
		{"ssh2 public key", "---- BEGIN SSH2 PUBLIC KEY ----\nComment: \"fixture\"\n" + edLine[1] + "\n---- END SSH2 PUBLIC KEY ----\n", 1, "", "", "ed25519.pub.pem"},
		{"ssh line no key", "ssh-ed25519", 0, "key.unreadable", "no base64 key", ""},
		{"ssh line bad base64", "ssh-ed25519 AAAA!!!! x", 0, "key.unreadable", "does not decode", ""},
		{"ssh dss", "ssh-dss " + base64.StdEncoding.EncodeToString(sshStr("ssh-dss")) + " x", 0, "key.unreadable", "DSA", ""},
		{"csr", "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n", 0, "key.unreadable", "openssl req -in request.pem -pubkey", ""},
		{"dsa", "-----BEGIN DSA PRIVATE KEY-----\nMIIB\n-----END DSA PRIVATE KEY-----\n", 0, "key.unreadable", "no DSA algorithm", ""},
		{"ec parameters only", "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n", 0, "key.unreadable", "only curve or group parameters", ""},
		{"x25519", string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: xDER})), 0, "key.unreadable", "key agreement", ""},
		{"trusted certificate", string(pem.EncodeToMemory(&pem.Block{Type: "TRUSTED CERTIFICATE", Bytes: append(readFixture(t, "rsa2048.cert.der"), 0x30, 0x00)})), 1, "key.certificate", "", "rsa2048.pub.pem"},
		{"sec1 without public key", string(pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: stripSEC1Public(t, sec1)})), 1, "key.private", "", "ec256.pub.pem"},
		{"damaged primes", string(pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: damagePrimes(t, readFixture(t, "rsa2048.pkcs1.der"))})), 0, "key.unreadable", "primes do not multiply", ""},
		{"cert Go refuses", string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: negativeSerial(t, readFixture(t, "rsa2048.cert.der"))})), 1, "key.certificate", "not well-formed by Go's X.509 rules", "rsa2048.pub.pem"},
		{"bearer token", "Bearer " + token, 0, "key.unreadable", "a token (a JWT)", ""},
		{"jwe", "eyJhbGciOiJSU0EtT0FFUCJ9.AAAA.BBBB.CCCC.DDDD", 0, "key.unreadable", "encrypted token", ""},
		{"fingerprint", strings.Repeat("ab", 32), 0, "key.unreadable", "SHA-256 fingerprint", ""},
		{"hex", strings.Repeat("ab", 8), 0, "key.unreadable", "hex digits", ""},
		{"base64 not der", base64.StdEncoding.EncodeToString([]byte("this is a secret value, not DER")), 0, "key.unreadable", "base64 of 31 bytes", ""},
		{"putty", "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\n", 0, "key.unreadable", "puttygen", ""},
		{"gzip", "\x1f\x8b\x08\x00rest", 0, "key.unreadable", "gzip", ""},
		{"url", "https://id.example/.well-known/jwks.json", 0, "key.unreadable", "curl -o jwks.json", ""},
		{"path", "/etc/keys/public.pem", 0, "key.unreadable", "file path", ""},
		{"prose", "please find the key attached to this message, thanks", 0, "key.unreadable", "bytes of text", ""},
		{"der garbage", "\x30\x03\x02\x01\x05", 0, "key.unreadable", "none of the structures", ""},
		{"der with newline", string(readFixture(t, "ec256.pub.der")) + "\n", 1, "", "", "ec256.pub.pem"},
		{"der truncated", string(readFixture(t, "rsa2048.pub.der")[:100]), 0, "key.unreadable", "cut short", ""},
		{"too large", strings.Repeat("a", MaxInput+1), 0, "key.unreadable", "far more than any key file", ""},
		{"only whitespace", " \n\t ", 0, "key.unreadable", "empty", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Read([]byte(tt.in), "in.pem")
			if testing.Verbose() {
				for _, f := range s.Findings {
					t.Logf("[%s %s] %s | %s", f.Severity, f.Code, f.Message, f.Hint)
				}
			}
			if len(s.Keys) != tt.keys {
				t.Fatalf("Read(%s) gave %d keys, want %d; findings %v", tt.name, len(s.Keys), tt.keys, s.Findings)
			}
			if tt.code != "" && !hasCode(s, tt.code) {
				t.Errorf("Read(%s) findings %v, want %s", tt.name, codes(s), tt.code)
			}
			if tt.code == "" {
				for _, f := range s.Findings {
					if f.Severity != SevInfo {
						t.Errorf("Read(%s): unexpected %s: %s", tt.name, f.Code, f.Message)
					}
				}
			}
			if tt.say != "" && !said(s, tt.say) {
				t.Errorf("Read(%s): no finding says %q: %v", tt.name, tt.say, s.Findings)
			}
			for _, f := range s.Findings {
				checkMessage(t, f)
			}
			if tt.same != "" {
				want := Read(readFixture(t, tt.same), "").Keys[0].Fingerprint
				if s.Keys[0].Fingerprint != want {
					t.Errorf("Read(%s) read key %s, want that of %s", tt.name, s.Keys[0].Fingerprint, tt.same)
				}
			}
		})
	}
}

func sshStr(s string) []byte {
	n := len(s)
	return append([]byte{byte(n >> 24), byte(n >> 16), byte(n >> 8), byte(n)}, s...)
}

// elements splits a DER SEQUENCE into its elements.
func elements(t *testing.T, der []byte) []asn1.RawValue {
	t.Helper()
	var seq asn1.RawValue
	if _, err := asn1.Unmarshal(der, &seq); err != nil {
		t.Fatal(err)
	}
	var out []asn1.RawValue
	for rest := seq.Bytes; len(rest) > 0; {
		var e asn1.RawValue
		var err error
		if rest, err = asn1.Unmarshal(rest, &e); err != nil {
			t.Fatal(err)
		}
		out = append(out, e)
	}
	return out
}

func sequence(t *testing.T, els []asn1.RawValue) []byte {
	t.Helper()
	var body []byte
	for _, e := range els {
		body = append(body, e.FullBytes...)
	}
	b, err := asn1.Marshal(asn1.RawValue{Tag: asn1.TagSequence, IsCompound: true, Bytes: body})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func stripSEC1Public(t *testing.T, der []byte) []byte {
	els := elements(t, der)
	return sequence(t, els[:3])
}

func damagePrimes(t *testing.T, der []byte) []byte {
	els := elements(t, der)
	p, err := asn1.Marshal(big.NewInt(7))
	if err != nil {
		t.Fatal(err)
	}
	els[4] = asn1.RawValue{FullBytes: p}
	return sequence(t, els)
}

// negativeSerial gives the certificate a negative serial number, which Go's x509 refuses.
func negativeSerial(t *testing.T, der []byte) []byte {
	cert := elements(t, der)
	tbs := elements(t, cert[0].FullBytes)
	tbs[1] = asn1.RawValue{FullBytes: []byte{0x02, 0x01, 0xff}}
	cert[0] = asn1.RawValue{FullBytes: sequence(t, tbs)}
	out := sequence(t, cert)
	if _, err := x509.ParseCertificate(out); err == nil {
		t.Skip("this Go accepts negative serial numbers")
	}
	return out
}

// TestOpenSSHPrivateDamaged checks a cut OpenSSH key is explained, with the conversion.
func TestOpenSSHPrivateDamaged(t *testing.T) {
	full := readFixture(t, "ed25519.openssh")
	blk, _ := pem.Decode(full)
	cut := pem.EncodeToMemory(&pem.Block{Type: blk.Type, Bytes: blk.Bytes[:40]})
	s := Read(cut, "id_ed25519")
	if len(s.Keys) != 0 || !said(s, "ssh-keygen -e -m PKCS8 -f key.pub") || !said(s, "OpenSSH private key") {
		t.Errorf("Read(cut OpenSSH key) = %d keys, %v", len(s.Keys), s.Findings)
	}
	bad := pem.EncodeToMemory(&pem.Block{Type: blk.Type, Bytes: bytes.Repeat([]byte{1}, 40)})
	if s := Read(bad, ""); len(s.Keys) != 0 || !said(s, "openssh-key-v1") {
		t.Errorf("Read(OpenSSH key without magic) = %v", s.Findings)
	}
}

// TestWeakRSA checks the size findings, and that a key Go refuses says so.
func TestWeakRSA(t *testing.T) {
	for _, tt := range []struct {
		file     string
		unusable bool
	}{{"rsa512.pub.pem", true}, {"rsa1024.pub.pem", false}} {
		s := Read(readFixture(t, tt.file), tt.file)
		if !hasCode(s, "key.weak") {
			t.Errorf("Read(%s) findings %v, want key.weak", tt.file, codes(s))
		}
		if got := s.Keys[0].Unusable() != ""; got != tt.unusable {
			t.Errorf("Read(%s).Unusable() = %q", tt.file, s.Keys[0].Unusable())
		}
		if tt.unusable && (!said(s, "GODEBUG=rsa1024min=0") || said(s, "invalid")) {
			t.Errorf("Read(%s) does not explain Go's refusal: %v", tt.file, s.Findings)
		}
	}
	if s := Read(readFixture(t, "rsa2048.pub.pem"), ""); hasCode(s, "key.weak") || s.Keys[0].Unusable() != "" {
		t.Errorf("RSA 2048 judged weak: %v", s.Findings)
	}
}

func TestDescribe(t *testing.T) {
	for file, want := range map[string]string{
		"rsa4096.pub.pem": "rsa-4096", "ec384.pub.pem": "ec P-384", "ec521.jwk": "ec P-521",
		"ed25519.pub.ssh": "ed25519", "jwks.json": "rsa-2048",
	} {
		if got := Read(readFixture(t, file), "").Keys[0].Describe(); got != want {
			t.Errorf("Describe(%s) = %q, want %q", file, got, want)
		}
	}
	if got := Secret([]byte("0123456789abcdef0123456789abcdef"), "").Keys[0].Describe(); got != "hmac 32 bytes" {
		t.Errorf("Describe(secret) = %q", got)
	}
}

// TestFingerprintStable checks the PKIX fingerprint is the SHA-256 of the PKIX DER.
func TestFingerprintStable(t *testing.T) {
	s := Read(readFixture(t, "ec256.sec1.pem"), "")
	if got, want := s.Keys[0].Fingerprint, sha256hex(readFixture(t, "ec256.pub.der")); got != want {
		t.Errorf("Fingerprint = %s, want SHA-256 of the PKIX DER %s", got, want)
	}
	if len(s.Keys[0].ShortFingerprint()) != 16 {
		t.Errorf("ShortFingerprint = %q", s.Keys[0].ShortFingerprint())
	}
}

func sha256hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

func jsonQuote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// TestOtherEncodings covers encodings Go does not write but other tools do: PKCS#8 v2 with
// the public key attached (RFC 5958), and RSA-PSS keys (openssl genpkey -algorithm RSA-PSS).
func TestOtherEncodings(t *testing.T) {
	// PKCS#8 v2: version 1, and the public key as [1] after the private key.
	ed := elements(t, readFixture(t, "ed25519.pkcs8.der"))
	pubBits := elements(t, readFixture(t, "ed25519.pub.der"))[1]
	ver, _ := asn1.Marshal(1)
	pub := asn1.RawValue{Class: asn1.ClassContextSpecific, Tag: 1, Bytes: pubBits.Bytes}
	pubDER, _ := asn1.Marshal(pub)
	v2 := sequence(t, []asn1.RawValue{{FullBytes: ver}, ed[1], ed[2], {FullBytes: pubDER}})
	// RSA-PSS: the same RSA key with the id-RSASSA-PSS algorithm.
	pssOID, _ := asn1.Marshal(asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 10})
	alg := sequence(t, []asn1.RawValue{{FullBytes: pssOID}})
	spki := elements(t, readFixture(t, "rsa2048.pub.der"))
	pssPub := sequence(t, []asn1.RawValue{{FullBytes: alg}, spki[1]})
	p8 := elements(t, readFixture(t, "rsa2048.pkcs8.der"))
	pssPriv := sequence(t, []asn1.RawValue{p8[0], {FullBytes: alg}, p8[2]})
	for _, tt := range []struct {
		name string
		der  []byte
		same string
	}{
		{"pkcs8 v2 ed25519", v2, "ed25519.pub.pem"},
		{"rsa-pss public", pssPub, "rsa2048.pub.pem"},
		{"rsa-pss private", pssPriv, "rsa2048.pub.pem"},
	} {
		s := Read(tt.der, tt.name)
		if len(s.Keys) != 1 {
			t.Errorf("Read(%s) gave %d keys: %v", tt.name, len(s.Keys), s.Findings)
			continue
		}
		if want := Read(readFixture(t, tt.same), "").Keys[0].Fingerprint; s.Keys[0].Fingerprint != want {
			t.Errorf("Read(%s) read another key than %s", tt.name, tt.same)
		}
	}
}

// TestUnusableAlgorithms checks keys of algorithms JOSE (or golang-jwt) cannot verify with
// are named as such, not called unreadable bytes.
func TestUnusableAlgorithms(t *testing.T) {
	spkiOf := func(alg []byte, key []byte) []byte {
		bits, _ := asn1.Marshal(asn1.BitString{Bytes: key, BitLength: 8 * len(key)})
		return sequence(t, []asn1.RawValue{{FullBytes: alg}, {FullBytes: bits}})
	}
	oid := func(o ...int) []byte { b, _ := asn1.Marshal(asn1.ObjectIdentifier(o)); return b }
	algID := func(parts ...[]byte) []byte {
		var els []asn1.RawValue
		for _, p := range parts {
			els = append(els, asn1.RawValue{FullBytes: p})
		}
		return sequence(t, els)
	}
	p224, err := ecdsa.GenerateKey(elliptic.P224(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	p224DER, _ := x509.MarshalPKIXPublicKey(&p224.PublicKey)
	ver3, _ := asn1.Marshal(3)
	data := algID(oid(1, 2, 840, 113549, 1, 7, 1))
	pfx := sequence(t, []asn1.RawValue{{FullBytes: ver3}, {FullBytes: data}})
	for _, tt := range []struct {
		name string
		der  []byte
		say  string
	}{
		{"ed448", spkiOf(algID(oid(1, 3, 101, 113)), make([]byte, 57)), "Ed448"},
		{"dsa", spkiOf(algID(oid(1, 2, 840, 10040, 4, 1)), make([]byte, 20)), "DSA"},
		{"unknown", spkiOf(algID(oid(1, 2, 3, 4)), make([]byte, 20)), "OID 1.2.3.4"},
		{"secp256k1", spkiOf(algID(oid(1, 2, 840, 10045, 2, 1), oid(1, 3, 132, 0, 10)), make([]byte, 65)), "ES256K"},
		{"p224", p224DER, "P-224"},
		{"pkcs12", pfx, "openssl pkcs12"},
	} {
		s := Read(tt.der, tt.name)
		if len(s.Keys) != 0 || !hasCode(s, "key.unreadable") || !said(s, tt.say) {
			t.Errorf("Read(%s) = %d keys, %v; want key.unreadable saying %q", tt.name, len(s.Keys), s.Findings, tt.say)
		}
		for _, f := range s.Findings {
			checkMessage(t, f)
		}
	}
}
