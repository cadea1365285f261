// Command cli writes the fixture tokens of the command-line tests to testdata/cli/, and the
// temporary HS256 sample of --demo to cmd/jwtlens/demo/. Run it from the repository root:
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
package main

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
)

// now is the time the fixtures are made relative to.
const now = 1767225600

// secret signs every fixture.
const secret = "jwtlens-cli-fixture-secret-0123456789abcdef"

// demoSecret signs the temporary --demo sample.
const demoSecret = "jwtlens-demo-secret: not for production use"

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
		"cmd/jwtlens/demo/hs256.jwt": sign(`{"alg":"HS256","typ":"JWT","kid":"demo"}`,
			`{"sub":"alice@sip.example","iss":"https://auth.sip.example","aud":"sip.example","iat":1767225600,"exp":4102444800,"name":"Alice Demo"}`, demoSecret),
		"cmd/jwtlens/demo/hs256.secret": demoSecret,
	}
	for path, content := range files {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}
