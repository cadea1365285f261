// Command keys generates every key fixture under testdata/keys, and the demo files
// cmd/jwtlens/demo/token.jwt and cmd/jwtlens/demo/key.pem.
//
// Run it from the module root:
//
//	go run ./testdata/gen/keys
//
// It is deterministic: every key comes from a SHA-256 counter-mode stream seeded with the
// key's name (RSA primes are searched for by hand, EC and Ed25519 keys are made from
// seeded bytes, since Go's own generators ignore a seeded reader), and certificates are
// signed deterministically (RSA PKCS#1 v1.5, Ed25519, ECDSA as in RFC 6979). Running it
// again rewrites the same bytes, so tokens others sign with these keys stay valid. The tests
// compare files with each other, never with fixed numbers. What it writes:
//
//   - RSA 512 (built by hand from two primes, since Go refuses to generate it), 1024, 2048
//     and 4096; EC P-256, P-384 and P-521; Ed25519 — each as PKIX PUBLIC KEY (the clean
//     reference, NAME.pub.pem), PKCS#1 RSA PUBLIC/PRIVATE KEY, PKCS#8, SEC1 EC PRIVATE KEY,
//     a self-signed CERTIFICATE, raw DER of each, a public JWK and a private JWK;
//   - a 2-certificate chain (leaf RSA 2048 signed by an EC P-256 CA), a private key with its
//     certificate in one file, and two public keys in one file;
//   - OpenSSH public key lines and OpenSSH private keys (plain and encrypted shape);
//   - encrypted PEM: legacy Proc-Type: 4,ENCRYPTED and PKCS#8 ENCRYPTED PRIVATE KEY (random
//     bytes in the right shape: nothing decrypts them);
//   - damaged PEMs (escaped \n, spaces for line breaks, one line, no armour, CRLF, wrong
//     dash count, label not matching content, missing END, JSON-quoted, truncated);
//   - loosely written JWKs (padded, standard base64, leading zero octets), an x5c holding a
//     public key instead of a certificate, a JWK set with kids;
//   - HMAC secrets with a trailing newline, as base64 and as hex;
//   - inputs that are not keys (a JWT, a kid, a short string, a PGP key, JSON without key
//     members, binary data, an HTML page);
//   - seeds for the fuzz target FuzzRead, in keys/testdata/fuzz/FuzzRead: a few fixtures
//     of each kind;
//   - manifest.json: for each fixture, what reading it must give (which clean PEM it equals,
//     how many keys, which finding codes), for the table test in package keys.
package main

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"io"
	"log"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"time"
)

const dir = "testdata/keys"

// Case is one manifest entry; the test in package keys reads the same shape.
type Case struct {
	File    string   `json:"file"`
	Same    string   `json:"same,omitempty"`    // the clean PKIX PEM this must read to
	Keys    int      `json:"keys"`              // how many keys Read must give
	Codes   []string `json:"codes,omitempty"`   // finding codes that must appear
	Say     string   `json:"say,omitempty"`     // a phrase a finding's message must hold
	Secret  bool     `json:"secret,omitempty"`  // read with keys.Secret instead of keys.Read
	Private bool     `json:"private,omitempty"` // Key.Private must be set
}

var manifest []Case

func write(name string, data []byte, c Case) {
	if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
		log.Fatal(err)
	}
	c.File = name
	manifest = append(manifest, c)
}

func pemOf(label string, der []byte) []byte {
	return pem.EncodeToMemory(&pem.Block{Type: label, Bytes: der})
}

func must[T any](v T, err error) T {
	if err != nil {
		log.Fatal(err)
	}
	return v
}

var b64u = base64.RawURLEncoding.EncodeToString

// fixed validity for every certificate, so the fixtures say nothing about today.
var notBefore = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
var notAfter = time.Date(2035, 1, 1, 0, 0, 0, 0, time.UTC)

// det signs without randomness: ECDSA given a nil reader follows RFC 6979; RSA PKCS#1 v1.5
// and Ed25519 are deterministic anyway.
type det struct{ crypto.Signer }

func (d det) Sign(_ io.Reader, digest []byte, opts crypto.SignerOpts) ([]byte, error) {
	return d.Signer.Sign(nil, digest, opts)
}

func selfSigned(cn string, priv crypto.Signer) []byte {
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: cn, Organization: []string{"jwtlens test fixtures"}},
		NotBefore:    notBefore, NotAfter: notAfter,
		KeyUsage: x509.KeyUsageDigitalSignature,
	}
	return must(x509.CreateCertificate(newStream("cert "+cn), tmpl, tmpl, priv.Public(), det{priv}))
}

// stream is a deterministic byte stream: SHA-256 of a seed and a counter, block after block.
type stream struct {
	seed []byte
	ctr  uint64
	buf  []byte
}

func newStream(seed string) *stream { return &stream{seed: []byte("jwtlens fixture " + seed)} }

func (s *stream) Read(p []byte) (int, error) {
	for n := 0; n < len(p); {
		if len(s.buf) == 0 {
			h := sha256.New()
			h.Write(s.seed)
			h.Write(binary.BigEndian.AppendUint64(nil, s.ctr))
			s.ctr++
			s.buf = h.Sum(nil)
		}
		c := copy(p[n:], s.buf)
		s.buf = s.buf[c:]
		n += c
	}
	return len(p), nil
}

// prime finds a prime of exactly bits bits with the top two bits set (so that two of them
// make a modulus of twice the size), p-1 prime to 65537.
func prime(r *stream, bits int) *big.Int {
	b := make([]byte, (bits+7)/8)
	e := big.NewInt(65537)
	for {
		r.Read(b)
		if extra := len(b)*8 - bits; extra > 0 {
			b[0] &= 0xff >> extra
		}
		p := new(big.Int).SetBytes(b)
		p.SetBit(p, bits-1, 1)
		p.SetBit(p, bits-2, 1)
		p.SetBit(p, 0, 1)
		pm1 := new(big.Int).Sub(p, big.NewInt(1))
		if p.ProbablyPrime(20) && new(big.Int).GCD(nil, nil, e, pm1).Cmp(big.NewInt(1)) == 0 {
			return p
		}
	}
}

// rsaKey builds an RSA key from two primes of the named stream. It is how a 512-bit key is
// made at all, since Go refuses to generate one, and it makes every size deterministic.
func rsaKey(bits int, seed string) *rsa.PrivateKey {
	r := newStream(seed)
	e := big.NewInt(65537)
	for {
		p, q := prime(r, bits/2), prime(r, bits-bits/2)
		n := new(big.Int).Mul(p, q)
		if n.BitLen() != bits || p.Cmp(q) == 0 {
			continue
		}
		phi := new(big.Int).Mul(new(big.Int).Sub(p, big.NewInt(1)), new(big.Int).Sub(q, big.NewInt(1)))
		d := new(big.Int).ModInverse(e, phi)
		if d == nil {
			continue
		}
		k := &rsa.PrivateKey{PublicKey: rsa.PublicKey{N: n, E: 65537}, D: d, Primes: []*big.Int{p, q}}
		k.Precompute()
		return k
	}
}

// ecKey makes an EC key from the named stream.
func ecKey(c elliptic.Curve, seed string) *ecdsa.PrivateKey {
	r := newStream(seed)
	b := make([]byte, (c.Params().BitSize+7)/8)
	for {
		r.Read(b)
		if k, err := ecdsa.ParseRawPrivateKey(c, b); err == nil {
			return k
		}
	}
}

// misc is the stream for everything else random: secrets, IVs, sealed blobs, signatures.
var misc = newStream("misc")

func rsaJWK(k *rsa.PublicKey, kid string, priv *rsa.PrivateKey) map[string]any {
	m := map[string]any{"kty": "RSA", "n": b64u(k.N.Bytes()), "e": b64u(big.NewInt(int64(k.E)).Bytes())}
	if kid != "" {
		m["kid"], m["alg"], m["use"] = kid, "RS256", "sig"
	}
	if priv != nil {
		m["d"] = b64u(priv.D.Bytes())
		m["p"], m["q"] = b64u(priv.Primes[0].Bytes()), b64u(priv.Primes[1].Bytes())
	}
	return m
}

func ecJWK(k *ecdsa.PublicKey, kid string, priv *ecdsa.PrivateKey) map[string]any {
	raw := must(k.Bytes())
	size := (len(raw) - 1) / 2
	crv := k.Curve.Params().Name
	m := map[string]any{"kty": "EC", "crv": crv, "x": b64u(raw[1 : 1+size]), "y": b64u(raw[1+size:])}
	if kid != "" {
		m["kid"] = kid
	}
	if priv != nil {
		d := must(priv.Bytes())
		m["d"] = b64u(d)
	}
	return m
}

func edJWK(k ed25519.PublicKey, kid string, priv ed25519.PrivateKey) map[string]any {
	m := map[string]any{"kty": "OKP", "crv": "Ed25519", "x": b64u(k)}
	if kid != "" {
		m["kid"] = kid
	}
	if priv != nil {
		m["d"] = b64u(priv.Seed())
	}
	return m
}

func js(v any) []byte { return append(must(json.MarshalIndent(v, "", "  ")), '\n') }

// sshString appends an SSH wire string.
func sshString(b []byte, s []byte) []byte {
	b = binary.BigEndian.AppendUint32(b, uint32(len(s)))
	return append(b, s...)
}

func sshMpint(b []byte, n *big.Int) []byte {
	v := n.Bytes()
	if len(v) > 0 && v[0]&0x80 != 0 {
		v = append([]byte{0}, v...)
	}
	return sshString(b, v)
}

func sshWire(pub crypto.PublicKey) (string, []byte) {
	switch k := pub.(type) {
	case ed25519.PublicKey:
		return "ssh-ed25519", sshString(sshString(nil, []byte("ssh-ed25519")), k)
	case *rsa.PublicKey:
		b := sshString(nil, []byte("ssh-rsa"))
		b = sshMpint(b, big.NewInt(int64(k.E)))
		return "ssh-rsa", sshMpint(b, k.N)
	case *ecdsa.PublicKey:
		name := map[string]string{"P-256": "nistp256", "P-384": "nistp384", "P-521": "nistp521"}[k.Curve.Params().Name]
		t := "ecdsa-sha2-" + name
		b := sshString(nil, []byte(t))
		b = sshString(b, []byte(name))
		return t, sshString(b, must(k.Bytes()))
	}
	panic("no ssh form")
}

// openssh writes an "openssh-key-v1" private key for Ed25519 (PROTOCOL.key); encrypted
// gives the encrypted shape (aes256-ctr/bcrypt) with random bytes as the sealed part.
func openssh(priv ed25519.PrivateKey, encrypted bool) []byte {
	_, pubWire := sshWire(priv.Public())
	b := []byte("openssh-key-v1\x00")
	var sealed []byte
	if encrypted {
		b = sshString(b, []byte("aes256-ctr"))
		b = sshString(b, []byte("bcrypt"))
		opts := sshString(nil, must(randBytes(16)))
		opts = binary.BigEndian.AppendUint32(opts, 16)
		b = sshString(b, opts)
		sealed = must(randBytes(160))
	} else {
		b = sshString(b, []byte("none"))
		b = sshString(b, []byte("none"))
		b = sshString(b, nil)
		check := must(randBytes(4))
		sealed = append(append(sealed, check...), check...)
		sealed = sshString(sealed, []byte("ssh-ed25519"))
		sealed = sshString(sealed, priv.Public().(ed25519.PublicKey))
		sealed = sshString(sealed, priv)
		sealed = sshString(sealed, []byte("fixture@jwtlens"))
		for i := byte(1); len(sealed)%8 != 0; i++ {
			sealed = append(sealed, i)
		}
	}
	b = binary.BigEndian.AppendUint32(b, 1)
	b = sshString(b, pubWire)
	b = sshString(b, sealed)
	return pemWrap("OPENSSH PRIVATE KEY", b, 70)
}

// pemWrap writes PEM with lines of width characters (OpenSSH uses 70).
func pemWrap(label string, der []byte, width int) []byte {
	s := base64.StdEncoding.EncodeToString(der)
	var w bytes.Buffer
	fmt.Fprintf(&w, "-----BEGIN %s-----\n", label)
	for len(s) > width {
		w.WriteString(s[:width] + "\n")
		s = s[width:]
	}
	fmt.Fprintf(&w, "%s\n-----END %s-----\n", s, label)
	return w.Bytes()
}

func randBytes(n int) ([]byte, error) {
	b := make([]byte, n)
	_, err := misc.Read(b)
	return b, err
}

func main() {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		log.Fatal(err)
	}
	// Remove what the last run wrote (it is listed in its manifest), and nothing else.
	if b, err := os.ReadFile(filepath.Join(dir, "manifest.json")); err == nil {
		var old []Case
		if json.Unmarshal(b, &old) == nil {
			for _, c := range old {
				os.Remove(filepath.Join(dir, filepath.Base(c.File)))
			}
		}
	}
	var (
		rsaKeys = map[int]*rsa.PrivateKey{}
		jwks    []any
	)
	// RSA keys in every format.
	for _, bits := range []int{512, 1024, 2048, 4096} {
		k := rsaKey(bits, fmt.Sprintf("rsa%d", bits))
		rsaKeys[bits] = k
		name := fmt.Sprintf("rsa%d", bits)
		ref := name + ".pub.pem"
		pkixDER := must(x509.MarshalPKIXPublicKey(&k.PublicKey))
		var weak []string
		if bits < 2048 {
			weak = []string{"key.weak"}
		}
		priv := append([]string{"key.private"}, weak...)
		write(ref, pemOf("PUBLIC KEY", pkixDER), Case{Same: ref, Keys: 1, Codes: weak})
		write(name+".pub.der", pkixDER, Case{Same: ref, Keys: 1, Codes: weak})
		pkcs1pub := x509.MarshalPKCS1PublicKey(&k.PublicKey)
		write(name+".pkcs1.pub.pem", pemOf("RSA PUBLIC KEY", pkcs1pub), Case{Same: ref, Keys: 1, Codes: weak})
		write(name+".pkcs1.pub.der", pkcs1pub, Case{Same: ref, Keys: 1, Codes: weak})
		pkcs1 := x509.MarshalPKCS1PrivateKey(k)
		write(name+".pkcs1.pem", pemOf("RSA PRIVATE KEY", pkcs1), Case{Same: ref, Keys: 1, Codes: priv, Private: true})
		write(name+".pkcs1.der", pkcs1, Case{Same: ref, Keys: 1, Codes: priv, Private: true})
		pkcs8 := must(x509.MarshalPKCS8PrivateKey(k))
		write(name+".pkcs8.pem", pemOf("PRIVATE KEY", pkcs8), Case{Same: ref, Keys: 1, Codes: priv, Private: true})
		write(name+".pkcs8.der", pkcs8, Case{Same: ref, Keys: 1, Codes: priv, Private: true})
		write(name+".jwk", js(rsaJWK(&k.PublicKey, "", nil)), Case{Same: ref, Keys: 1, Codes: weak})
		write(name+".priv.jwk", js(rsaJWK(&k.PublicKey, "", k)), Case{Same: ref, Keys: 1, Codes: priv, Private: true})
		if bits == 512 {
			write(name+".weak-msg.pem", pemOf("PUBLIC KEY", pkixDER), Case{Same: ref, Keys: 1, Codes: weak, Say: "Go's crypto/rsa refuses"})
			continue
		}
		cert := selfSigned(name+".test", k)
		cc := append([]string{"key.certificate"}, weak...)
		write(name+".cert.pem", pemOf("CERTIFICATE", cert), Case{Same: ref, Keys: 1, Codes: cc})
		write(name+".cert.der", cert, Case{Same: ref, Keys: 1, Codes: cc})
		if bits == 2048 {
			t, wire := sshWire(&k.PublicKey)
			write(name+".pub.ssh", []byte(t+" "+base64.StdEncoding.EncodeToString(wire)+" fixture@jwtlens\n"), Case{Same: ref, Keys: 1})
			// a private key followed by its certificate: one key
			write(name+".bundle.pem", append(pemOf("PRIVATE KEY", pkcs8), pemOf("CERTIFICATE", cert)...),
				Case{Same: ref, Keys: 1, Codes: []string{"key.private", "key.certificate"}, Private: true})
			m := rsaJWK(&k.PublicKey, "rsa-1", nil)
			m["x5c"] = []string{base64.StdEncoding.EncodeToString(cert)}
			write(name+".x5c.jwk", js(m), Case{Same: ref, Keys: 1})
			m["x5c"] = []string{base64.StdEncoding.EncodeToString(pkixDER)}
			write(name+".x5c-not-cert.jwk", js(m), Case{Same: ref, Keys: 1, Codes: []string{"key.jwk-encoding"}, Say: "not a DER certificate"})
			jwks = append(jwks, rsaJWK(&k.PublicKey, "rsa-1", nil))
		}
	}
	// EC and Ed25519 keys.
	for _, c := range []elliptic.Curve{elliptic.P256(), elliptic.P384(), elliptic.P521()} {
		k := ecKey(c, c.Params().Name)
		name := fmt.Sprintf("ec%d", c.Params().BitSize)
		ref := name + ".pub.pem"
		pkixDER := must(x509.MarshalPKIXPublicKey(&k.PublicKey))
		priv := []string{"key.private"}
		write(ref, pemOf("PUBLIC KEY", pkixDER), Case{Same: ref, Keys: 1})
		write(name+".pub.der", pkixDER, Case{Same: ref, Keys: 1})
		sec1 := must(x509.MarshalECPrivateKey(k))
		write(name+".sec1.pem", pemOf("EC PRIVATE KEY", sec1), Case{Same: ref, Keys: 1, Codes: priv, Private: true})
		write(name+".sec1.der", sec1, Case{Same: ref, Keys: 1, Codes: priv, Private: true})
		pkcs8 := must(x509.MarshalPKCS8PrivateKey(k))
		write(name+".pkcs8.pem", pemOf("PRIVATE KEY", pkcs8), Case{Same: ref, Keys: 1, Codes: priv, Private: true})
		write(name+".pkcs8.der", pkcs8, Case{Same: ref, Keys: 1, Codes: priv, Private: true})
		// openssl ecparam -genkey writes the curve parameters first
		params := must(asn1.Marshal(map[int]asn1.ObjectIdentifier{256: {1, 2, 840, 10045, 3, 1, 7}, 384: {1, 3, 132, 0, 34}, 521: {1, 3, 132, 0, 35}}[c.Params().BitSize]))
		write(name+".ecparam.pem", append(pemOf("EC PARAMETERS", params), pemOf("EC PRIVATE KEY", sec1)...), Case{Same: ref, Keys: 1, Codes: priv, Private: true})
		cert := selfSigned(name+".test", k)
		write(name+".cert.pem", pemOf("CERTIFICATE", cert), Case{Same: ref, Keys: 1, Codes: []string{"key.certificate"}})
		write(name+".cert.der", cert, Case{Same: ref, Keys: 1, Codes: []string{"key.certificate"}})
		write(name+".jwk", js(ecJWK(&k.PublicKey, "", nil)), Case{Same: ref, Keys: 1})
		write(name+".priv.jwk", js(ecJWK(&k.PublicKey, "", k)), Case{Same: ref, Keys: 1, Codes: priv, Private: true})
		t, wire := sshWire(&k.PublicKey)
		write(name+".pub.ssh", []byte(t+" "+base64.StdEncoding.EncodeToString(wire)+" fixture@jwtlens\n"), Case{Same: ref, Keys: 1})
		if c == elliptic.P256() {
			m := ecJWK(&k.PublicKey, "ec-1", nil)
			jwks = append(jwks, m)
			// an x with one extra leading zero octet
			raw := must(k.PublicKey.Bytes())
			loose := ecJWK(&k.PublicKey, "", nil)
			loose["x"] = b64u(append([]byte{0}, raw[1:33]...))
			write(name+".leading-zero.jwk", js(loose), Case{Same: ref, Keys: 1, Codes: []string{"key.jwk-encoding"}})
			// two public keys in one file (with RSA 2048)
			rsaPKIX := must(x509.MarshalPKIXPublicKey(&rsaKeys[2048].PublicKey))
			write("multi.pem", append(pemOf("PUBLIC KEY", rsaPKIX), pemOf("PUBLIC KEY", pkixDER)...), Case{Same: "rsa2048.pub.pem", Keys: 2})
			// a chain: leaf (RSA 2048) issued by this EC key as CA
			ca := &x509.Certificate{SerialNumber: big.NewInt(10), Subject: pkix.Name{CommonName: "jwtlens test CA"},
				NotBefore: notBefore, NotAfter: notAfter, IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign}
			caDER := must(x509.CreateCertificate(newStream("ca"), ca, ca, &k.PublicKey, det{k}))
			leaf := &x509.Certificate{SerialNumber: big.NewInt(11), Subject: pkix.Name{CommonName: "signer.jwtlens.test"},
				NotBefore: notBefore, NotAfter: notAfter, KeyUsage: x509.KeyUsageDigitalSignature}
			leafDER := must(x509.CreateCertificate(newStream("leaf"), leaf, ca, &rsaKeys[2048].PublicKey, det{k}))
			write("chain.pem", append(pemOf("CERTIFICATE", leafDER), pemOf("CERTIFICATE", caDER)...),
				Case{Same: "rsa2048.pub.pem", Keys: 1, Codes: []string{"key.certificate"}, Say: "chain of 2 certificates"})
		}
	}
	{
		seed := make([]byte, ed25519.SeedSize)
		newStream("ed25519").Read(seed)
		k := ed25519.NewKeyFromSeed(seed)
		pub := k.Public().(ed25519.PublicKey)
		name := "ed25519"
		ref := name + ".pub.pem"
		pkixDER := must(x509.MarshalPKIXPublicKey(pub))
		priv := []string{"key.private"}
		write(ref, pemOf("PUBLIC KEY", pkixDER), Case{Same: ref, Keys: 1})
		write(name+".pub.der", pkixDER, Case{Same: ref, Keys: 1})
		pkcs8 := must(x509.MarshalPKCS8PrivateKey(k))
		write(name+".pkcs8.pem", pemOf("PRIVATE KEY", pkcs8), Case{Same: ref, Keys: 1, Codes: priv, Private: true})
		write(name+".pkcs8.der", pkcs8, Case{Same: ref, Keys: 1, Codes: priv, Private: true})
		cert := selfSigned(name+".test", k)
		write(name+".cert.pem", pemOf("CERTIFICATE", cert), Case{Same: ref, Keys: 1, Codes: []string{"key.certificate"}})
		write(name+".jwk", js(edJWK(pub, "", nil)), Case{Same: ref, Keys: 1})
		write(name+".priv.jwk", js(edJWK(pub, "", k)), Case{Same: ref, Keys: 1, Codes: priv, Private: true})
		t, wire := sshWire(pub)
		write(name+".pub.ssh", []byte(t+" "+base64.StdEncoding.EncodeToString(wire)+" fixture@jwtlens\n"), Case{Same: ref, Keys: 1})
		write(name+".openssh", openssh(k, false), Case{Same: ref, Keys: 1, Codes: priv, Private: true, Say: "OpenSSH private key"})
		write(name+".openssh-encrypted", openssh(k, true), Case{Same: ref, Keys: 1, Codes: priv, Private: true, Say: "encrypted with aes256-ctr"})
		jwks = append(jwks, edJWK(pub, "ed-1", nil))
	}
	secret := must(randBytes(32))
	jwks = append(jwks, map[string]any{"kty": "oct", "kid": "hmac-1", "alg": "HS256", "k": b64u(secret)})
	write("jwks.json", js(map[string]any{"keys": jwks}), Case{Same: "rsa2048.pub.pem", Keys: 4})

	damaged(rsaKeys[2048])
	secrets(secret)
	notKeys(rsaKeys[2048])
	demo()

	fuzzSeeds()
	sortManifest()
	if err := os.WriteFile(filepath.Join(dir, "manifest.json"), js(manifest), 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("wrote %d fixtures to %s\n", len(manifest), dir)
}

// damaged writes the RSA 2048 public key (and private key) as copy and paste break them.
func damaged(k *rsa.PrivateKey) {
	ref := "rsa2048.pub.pem"
	clean := string(pemOf("PUBLIC KEY", must(x509.MarshalPKIXPublicKey(&k.PublicKey))))
	repaired := []string{"key.pem-repaired"}
	write("damaged.escaped-newlines.pem", []byte(strings.ReplaceAll(strings.TrimSpace(clean), "\n", `\n`)+"\n"),
		Case{Same: ref, Keys: 1, Codes: []string{"key.escaped-newlines"}})
	quoted := must(json.Marshal(clean))
	write("damaged.json-string.txt", append(quoted, '\n'), Case{Same: ref, Keys: 1, Codes: []string{"key.escaped-newlines"}})
	write("damaged.spaces.pem", []byte(strings.ReplaceAll(strings.TrimSpace(clean), "\n", " ")+"\n"),
		Case{Same: ref, Keys: 1, Codes: repaired, Say: "turned into spaces"})
	write("damaged.one-line.pem", []byte(strings.ReplaceAll(strings.TrimSpace(clean), "\n", "")+"\n"),
		Case{Same: ref, Keys: 1, Codes: repaired, Say: "line breaks were lost"})
	lines := strings.Split(strings.TrimSpace(clean), "\n")
	write("damaged.no-armour.txt", []byte(strings.Join(lines[1:len(lines)-1], "\n")+"\n"),
		Case{Same: ref, Keys: 1, Codes: repaired, Say: "missing armour"})
	write("damaged.crlf.pem", []byte(strings.ReplaceAll(clean, "\n", "\r\n")), Case{Same: ref, Keys: 1})
	write("damaged.dashes.pem", []byte(strings.Replace(clean, "-----BEGIN", "----BEGIN", 1)),
		Case{Same: ref, Keys: 1, Codes: repaired, Say: "4 dashes"})
	write("damaged.no-end.pem", []byte(strings.Join(lines[:len(lines)-1], "\n")+"\n"),
		Case{Same: ref, Keys: 1, Codes: repaired, Say: "END line was missing"})
	write("damaged.label-mismatch.pem", []byte(strings.ReplaceAll(clean, "PUBLIC KEY", "CERTIFICATE")),
		Case{Same: ref, Keys: 1, Codes: repaired, Say: "labelled CERTIFICATE but holds a PKIX public key"})
	write("damaged.label-private.pem", []byte(strings.ReplaceAll(string(pemOf("RSA PRIVATE KEY", x509.MarshalPKCS1PrivateKey(k))), "RSA PRIVATE KEY", "PUBLIC KEY")),
		Case{Same: ref, Keys: 1, Codes: []string{"key.pem-repaired", "key.private"}, Private: true})
	body := strings.Join(lines[1:len(lines)-1], "")
	write("damaged.truncated.pem", []byte(lines[0]+"\n"+body[:len(body)/2]+"\n"+lines[len(lines)-1]+"\n"),
		Case{Keys: 0, Codes: []string{"key.unreadable"}, Say: "cut short"})
	loose := rsaJWK(&k.PublicKey, "", nil)
	loose["n"] = base64.StdEncoding.EncodeToString(append([]byte{0}, k.N.Bytes()...))
	write("rsa2048.loose.jwk", js(loose), Case{Same: ref, Keys: 1, Codes: []string{"key.jwk-encoding"}, Say: "leading zero octets"})
	// encrypted private keys: the right shape, random contents
	iv := hex.EncodeToString(must(randBytes(16)))
	legacy := pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Headers: map[string]string{"Proc-Type": "4,ENCRYPTED", "DEK-Info": "AES-128-CBC," + strings.ToUpper(iv)}, Bytes: must(randBytes(1200))})
	write("rsa2048.encrypted-legacy.pem", legacy, Case{Codes: []string{"key.unreadable"}, Say: "-pubout -out public.pem"})
	epki := must(asn1.Marshal(struct {
		Algo pkix.AlgorithmIdentifier
		Data []byte
	}{pkix.AlgorithmIdentifier{Algorithm: asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 13}}, must(randBytes(1232))}))
	write("rsa2048.encrypted-pkcs8.pem", pemOf("ENCRYPTED PRIVATE KEY", epki), Case{Codes: []string{"key.unreadable"}, Say: "-pubout -out public.pem"})
}

// secrets writes HMAC secrets as people keep them.
func secrets(secret []byte) {
	write("secret.txt", []byte("correct horse battery staple, stapled\n"), Case{Keys: 1, Secret: true})
	write("secret.b64", []byte(base64.StdEncoding.EncodeToString(secret)+"\n"), Case{Keys: 1, Secret: true})
	write("secret.hex", []byte(hex.EncodeToString(secret)), Case{Keys: 1, Secret: true})
}

// notKeys writes inputs that hold no key, each with what Read must say it looked like.
func notKeys(k *rsa.PrivateKey) {
	u := []string{"key.unreadable"}
	write("not.token.jwt", []byte(jwt(k, "rsa-1")+"\n"), Case{Codes: u, Say: "a token (a JWT), not a key"})
	write("not.kid.txt", []byte("3f1c9a52-7b7e-4c0e-9d44-0c2f5b1e8a67\n"), Case{Codes: u, Say: "key id (kid)"})
	write("not.short.txt", []byte("s3cr3t-Pa55\n"), Case{Codes: u, Say: "short string"})
	write("not.pgp.asc", []byte("-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQINBGVzZXJ0ZXN0a2V5Zm9yand0bGVuc3Rlc3RzAAAAAAAAAAAA\n=abcd\n-----END PGP PUBLIC KEY BLOCK-----\n"), Case{Codes: u, Say: "OpenPGP"})
	write("not.json", []byte(`{"name": "service", "version": 3, "enabled": true}`+"\n"), Case{Codes: u, Say: "without the members of a key"})
	write("not.discovery.json", []byte(`{"issuer": "https://id.example", "jwks_uri": "https://id.example/jwks"}`+"\n"), Case{Codes: u, Say: "discovery document"})
	write("not.binary.bin", append([]byte{0x89, 'P', 'N', 'G', 0, 1, 2}, must(randBytes(64))...), Case{Codes: u, Say: "binary data"})
	write("not.html", []byte("<html><body>404 Not Found</body></html>\n"), Case{Codes: u, Say: "HTML"})
	write("not.empty", nil, Case{Codes: u, Say: "empty"})
}

// jwt signs an RS256 token with a realistic payload.
func jwt(k *rsa.PrivateKey, kid string) string {
	h := `{"alg":"RS256","typ":"JWT","kid":"` + kid + `"}`
	p := `{"iss":"https://auth.example.com/","sub":"user-4711","aud":"api.example.com","iat":1764748800,"exp":4070908800,"name":"Ada Example","email":"ada@example.com"}`
	in := b64u([]byte(h)) + "." + b64u([]byte(p))
	sum := sha256.Sum256([]byte(in))
	sig := must(rsa.SignPKCS1v15(nil, k, crypto.SHA256, sum[:]))
	return in + "." + b64u(sig)
}

// demo writes cmd/jwtlens/demo: an RS256 token (exp in 2099) and its public key.
func demo() {
	k := rsaKey(2048, "demo")
	d := filepath.Join("cmd", "jwtlens", "demo")
	if err := os.MkdirAll(d, 0o755); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(d, "token.jwt"), []byte(jwt(k, "demo-2026")+"\n"), 0o644); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(d, "key.pem"), pemOf("PUBLIC KEY", must(x509.MarshalPKIXPublicKey(&k.PublicKey))), 0o644); err != nil {
		log.Fatal(err)
	}
}

func sortManifest() {
	for i := 1; i < len(manifest); i++ {
		for j := i; j > 0 && manifest[j].File < manifest[j-1].File; j-- {
			manifest[j], manifest[j-1] = manifest[j-1], manifest[j]
		}
	}
}

// fuzzSeeds copies a few fixtures of each kind into the seed corpus of keys.FuzzRead.
func fuzzSeeds() {
	seedDir := filepath.Join("keys", "testdata", "fuzz", "FuzzRead")
	if err := os.MkdirAll(seedDir, 0o755); err != nil {
		log.Fatal(err)
	}
	// Files already there that this program did not write (crashers the fuzzer found)
	// are regression seeds: they stay.
	for _, name := range []string{"rsa1024.pub.pem", "rsa1024.pkcs1.der", "ec256.sec1.pem", "ec256.cert.der", "ed25519.pkcs8.pem",
		"ed25519.openssh", "ec384.pub.ssh", "jwks.json", "rsa2048.loose.jwk", "rsa2048.x5c-not-cert.jwk", "chain.pem",
		"damaged.spaces.pem", "damaged.escaped-newlines.pem", "damaged.dashes.pem", "damaged.truncated.pem",
		"rsa2048.encrypted-legacy.pem", "not.token.jwt", "not.discovery.json"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			log.Fatal(err)
		}
		seed := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", data)
		if err := os.WriteFile(filepath.Join(seedDir, name), []byte(seed), 0o644); err != nil {
			log.Fatal(err)
		}
	}
}
