// Command gen makes the tokens and keys the ui tests and goldens use, in ui/testdata/tokens:
//
//	go run ./ui/testdata/gen
//
// Every token is made up here; none is a real person's. The RSA key is generated afresh on
// each run, so running it changes the files (regenerate the goldens after, with
// go test ./ui/... -update). The times are fixed around the goldens' clock,
// 2026-12-03 14:00:00 UTC (the tests' Now).
//
//	rsa-pub.pem            the public key the RS256 tokens verify with
//	valid-rs256.jwt        a good RS256 token: exp 42 minutes after Now
//	valid-hs256.jwt        a good HS256 token, secret in hs-secret.txt
//	cut2.jwt               valid-rs256.jwt with its last 2 characters cut off
//	kamailio-truncated.txt a long RS256 token of SIP claims cut inside the payload, so that
//	                       only one dot is left (what a header length limit does)
//	jwe.jwt                the compact JWE of RFC 7520 §5.6 (dir, A128GCM), copied from the
//	                       ietf-jose cookbook (public domain)
//	hostile.jwt            HS256 token whose claims hold a clear-screen sequence, an OSC 52
//	                       clipboard write, an OSC 8 link, OSC 0/2 title sets and U+202E
//	hostile-input.txt      a paste that carries those bytes raw around a Bearer token
package main

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// now is the clock of the goldens.
var now = time.Date(2026, 12, 3, 14, 0, 0, 0, time.UTC)

const dir = "ui/testdata/tokens"

const jwe = "eyJhbGciOiJkaXIiLCJraWQiOiI3N2M3ZTJiOC02ZTEzLTQ1Y2YtODY3Mi02MTdiNWI0NTI0M2EiLCJlbmMiOiJBMTI4R0NNIn0..refa467QzzKx6QAB.JW_i_f52hww_ELQPGaYyeAB6HYGcR559l9TYnSovc23XJoBcW29rHP8yZOZG7YhLpT1bjFuvZPjQS-m0IFtVcXkZXdH_lr_FrdYt9HRUYkshtrMmIUAyGmUnd9zMDB2n0cRDIHAzFVeJUDxkUwVAE7_YGRPdcqMyiBoCO-FBdE-Nceb4h3-FtBP-c_BIwCPTjb9o0SbdcdREEMJMyZBH8ySWMVi1gPD9yxi-aQpGbSv_F9N4IZAxscj5g-NJsUPbjk29-s7LJAGb15wEBtXphVCgyy53CoIKLHHeJHXex45Uz9aKZSRSInZI-wjsY0yu3cT4_aQ3i1o-tiE-F8Ios61EKgyIQ4CWao8PFMj8TTnp.vbb32Xvllea2OtmHAdccRQ"

const secret = "jwtlens-demo-secret-0123456789abcdef"

func main() {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		log.Fatal(err)
	}
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		log.Fatal(err)
	}
	der, err := x509.MarshalPKIXPublicKey(&key.PublicKey)
	if err != nil {
		log.Fatal(err)
	}
	write("rsa-pub.pem", string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})))

	good := sign(jwt.SigningMethodRS256, key, jwt.MapClaims{
		"sub": "alice", "name": "Alice Example", "iss": "https://issuer.example",
		"aud": "jwtlens-demo", "iat": now.Add(-18 * time.Minute).Unix(), "exp": now.Add(42 * time.Minute).Unix(),
	})
	write("valid-rs256.jwt", good)
	write("cut2.jwt", good[:len(good)-2])

	write("hs-secret.txt", secret)
	write("valid-hs256.jwt", sign(jwt.SigningMethodHS256, []byte(secret), jwt.MapClaims{
		"sub": "bob", "scope": "read write", "iat": now.Add(-5 * time.Minute).Unix(), "exp": now.Add(time.Hour).Unix(),
	}))

	sip := sign(jwt.SigningMethodRS256, key, jwt.MapClaims{
		"iss": "https://auth.voip.example", "sub": "sip:alice@voip.example",
		"aud": "sip:registrar.voip.example", "caller": "sip:+15550100@voip.example",
		"callee": "sip:+15550199@voip.example", "call_id": "a84b4c76e66710@pc33.voip.example",
		"iat": now.Add(-time.Minute).Unix(), "exp": now.Add(9 * time.Minute).Unix(),
	})
	// cut inside the payload: a header length limit of 200 characters
	write("kamailio-truncated.txt", sip[:200])

	write("jwe.jwt", jwe)

	hostile := sign(jwt.SigningMethodHS256, []byte(secret), jwt.MapClaims{
		"sub":   "\x1b[2J\x1b[H[✓ VERIFIED] all good",
		"clip":  "\x1b]52;c;ZWNobyBwd25lZA==\x07",
		"link":  "\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\",
		"title": "\x1b]0;pwned\x07\x1b]2;pwned too\x07",
		"name":  "\u202egnp.exe",
		"exp":   now.Add(time.Hour).Unix(),
	})
	write("hostile.jwt", hostile)
	write("hostile-input.txt", "\x1b[2J\x1b]0;title\x07Bearer "+hostile+"\u202e\x1b]52;c;AAAA\x07")
}

func sign(m jwt.SigningMethod, key any, c jwt.MapClaims) string {
	s, err := jwt.NewWithClaims(m, c).SignedString(key)
	if err != nil {
		log.Fatal(err)
	}
	return s
}

func write(name, content string) {
	if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
		log.Fatal(err)
	}
}
