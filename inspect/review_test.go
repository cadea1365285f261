package inspect

import (
	"crypto/ecdsa"
	"encoding/base64"
	"encoding/json"
	"jwtlens/keys"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// demoToken is cmd/jwtlens/demo/token.jwt: an RS256 token with a 256-byte signature,
// made by cmd/jwtlens/demo's generator and verified with its key.pem.
func demoToken(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "cmd", "jwtlens", "demo", "token.jwt"))
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(b))
}

// TestSignatureTooLong: a signature longer than its alg makes has characters added; it
// was not cut, so it gets signature.length saying so and no structure.truncated.
func TestSignatureTooLong(t *testing.T) {
	hs := loadTokens(t)["HS256"]
	rs := demoToken(t)
	for _, tc := range []struct {
		name, tok, want string
	}{
		{"HS256 two characters appended", hs + "AA", "1 byte too many"},
		{"HS256 four characters appended", hs + "AAAA", "3 bytes too many"},
		{"RS256 one character typed in", rs[:300] + "x" + rs[300:], "1 byte too many for a 2048-bit key"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := reportFor(t, tc.tok)
			if r.Has("structure.truncated") {
				t.Errorf("structure.truncated for a signature with characters added: %s", find(r, "structure.truncated").Message)
			}
			if f := find(r, "base64.bad-length"); f != nil && strings.Contains(f.Hint, "cut") {
				t.Errorf("bad-length hint speaks of a cut: %s", f.Hint)
			}
			f := find(r, "signature.length")
			if f == nil || !strings.Contains(f.Message, tc.want) || !strings.Contains(f.Message, "typed into it") {
				t.Fatalf("signature.length = %+v, want a message with %q", f, tc.want)
			}
		})
	}
}

// TestRSASignatureUncommonSize: without a key, an RSA signature of a size no common key
// makes is damaged; the last segment shorter than the next common size was cut.
func TestRSASignatureUncommonSize(t *testing.T) {
	rs := demoToken(t)
	sigStart := strings.LastIndexByte(rs, '.') + 1
	for _, tc := range []struct {
		name      string
		chars     int // characters of the signature kept (a multiple of 4: no bad length)
		truncated bool
	}{
		{"224 bytes", 224 / 3 * 4, true},
		{"240 bytes", 240 / 3 * 4, true},
		{"whole", -1, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tok := rs
			if tc.chars >= 0 {
				tok = rs[:sigStart+tc.chars]
			}
			r := reportFor(t, tok)
			if got := r.Has("structure.truncated"); got != tc.truncated {
				t.Errorf("structure.truncated = %v, want %v (%v)", got, tc.truncated, codes(r))
			}
			if got := r.Has("signature.length"); got != tc.truncated {
				t.Errorf("signature.length = %v, want %v (%v)", got, tc.truncated, codes(r))
			}
		})
	}
	for _, n := range commonRSASizes {
		if _, _, ok := rsaNeighbours(n); !ok {
			t.Errorf("rsaNeighbours(%d) not common", n)
		}
	}
}

// TestExpectedBytesFromAlg: the expected signature size is known from a fixed-size alg
// even when the token was cut before its signature.
func TestExpectedBytesFromAlg(t *testing.T) {
	hs := loadTokens(t)["HS256"]
	r := reportFor(t, hs[:60])
	if r.Signature.ExpectedBytes != 32 {
		t.Errorf("ExpectedBytes = %d, want 32 for HS256 cut in the payload", r.Signature.ExpectedBytes)
	}
}

// TestLostDot: a token whose dot before the signature was lost has every character; it
// is not cut short, and the payload still shows.
func TestLostDot(t *testing.T) {
	hs := loadTokens(t)["HS256"]
	rs := demoToken(t)
	for _, tok := range []string{hs, rs} {
		dot := strings.LastIndexByte(tok, '.')
		r := reportFor(t, tok[:dot]+tok[dot+1:])
		if r.Has("structure.truncated") {
			t.Errorf("structure.truncated for a lost dot: %s", find(r, "structure.truncated").Message)
		}
		f := find(r, "structure.segment-count")
		if f == nil || !strings.Contains(f.Message, "the dot before the signature was lost") || f.Offset != dot {
			t.Errorf("segment-count = %+v, want the lost dot at %d", f, dot)
		}
		if r.Payload == nil || r.Has("base64.bad-length") {
			t.Errorf("payload %v, codes %v", r.Payload, codes(r))
		}
	}
	// A payload cut short is still a cut, not a lost dot.
	if r := reportFor(t, hs[:120]); !r.Has("structure.truncated") {
		t.Errorf("cut payload: %v", codes(r))
	}
}

// keyAt reads a key from testdata/keys (made by go run ./testdata/gen/keys).
func keyAt(t *testing.T, name string) Options {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "keys", name))
	if err != nil {
		t.Fatal(err)
	}
	return Options{Keys: []keys.Set{readKeyMaterial(t, b, name)}}
}

// TestRSAKeyOfOtherSize: a whole RSA signature checked with a key of another size is a
// key problem (the wrong key), not a damaged token.
func TestRSAKeyOfOtherSize(t *testing.T) {
	tok := loadTokens(t)["RS256"]
	r := Inspect([]byte(tok), keyAt(t, "rsa4096.pub.pem"))
	if r.Has("signature.length") || r.Has("structure.truncated") {
		t.Errorf("damage reported for a whole signature: %v", codes(r))
	}
	f := find(r, "signature.invalid")
	if f == nil || !strings.Contains(f.Message, "the signature is 256 bytes, this key makes 512-byte signatures: it is not the key that signed this token") {
		t.Fatalf("signature.invalid = %+v", f)
	}
	if strings.Contains(f.Message, "see the finding above") {
		t.Errorf("message points at a finding that is not there: %s", f.Message)
	}
	// A signature cut to a size no key makes is still damage, with a key too.
	cut := tok[:len(tok)-40]
	if r := Inspect([]byte(cut), keyAt(t, "rsa2048.pub.pem")); !r.Has("signature.length") {
		t.Errorf("cut signature with key: %v", codes(r))
	}
}

// TestCauseHeadsFindings: the finding that explains a failed verification comes first,
// and signature.invalid names it by code.
func TestCauseHeadsFindings(t *testing.T) {
	tok := loadTokens(t)["HS256-secret-with-newline"]
	r := Inspect([]byte(tok), Options{Keys: []keys.Set{keyFile(t, "secret-a.txt")}})
	if len(r.Findings) == 0 || r.Findings[0].Code != "key.secret-whitespace" {
		t.Fatalf("first finding %v, want key.secret-whitespace", r.Findings)
	}
	f := find(r, "signature.invalid")
	if f == nil || !strings.Contains(f.Message, "see key.secret-whitespace") || strings.Contains(f.Message, "above") {
		t.Errorf("signature.invalid = %+v", f)
	}
	tok = loadTokens(t)["ES256-der"]
	r = Inspect([]byte(tok), Options{Keys: []keys.Set{keyFile(t, "ec256-a.pem")}})
	if len(r.Findings) == 0 || r.Findings[0].Code != "signature.der-encoded" {
		t.Fatalf("first finding %v, want signature.der-encoded", r.Findings)
	}
}

// TestNothingToJudge: a token whose signature is empty, cut or over detached content
// cannot be checked by any key: cannot-check, never signature.invalid.
func TestNothingToJudge(t *testing.T) {
	toks := loadTokens(t)
	hs := toks["HS256"]
	dot1 := strings.IndexByte(hs, '.')
	dot2 := strings.LastIndexByte(hs, '.')
	secret := Options{Keys: []keys.Set{keyFile(t, "secret-a.txt")}}
	for _, tc := range []struct {
		name, tok string
		opt       Options
	}{
		{"empty signature", hs[:dot2+1], secret},
		{"signature cut 2 characters short", hs[:len(hs)-2], secret},
		{"signature cut, no key", hs[:len(hs)-2], Options{}},
		{"detached payload", hs[:dot1+1] + hs[dot2:], secret},
		{"RSA signature cut, with key", toks["RS256"][:len(toks["RS256"])-40], Options{Keys: []keys.Set{keyFile(t, "rsa-a.pem")}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Inspect([]byte(tc.tok), tc.opt)
			if r.Verification.Status != CannotCheck || r.Has("signature.invalid") {
				t.Errorf("status %s, codes %v; want cannot-check without signature.invalid", r.Verification.Status, codes(r))
			}
			if f := find(r, "signature.not-verified"); f != nil && strings.Contains(f.Hint, "--key") {
				t.Errorf("hint suggests a key: %s", f.Hint)
			}
		})
	}
}

// TestDatesOutOfRange: a NumericDate past year 9999 gets no Time (the JSON output must
// stay writable); an nbf no clock reaches makes the token never valid.
func TestDatesOutOfRange(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name, payload, code string
		sev                 Severity
	}{
		{"nbf 1e20", `{"nbf":1e20}`, "claims.not-yet-valid", Error},
		{"nbf in milliseconds", `{"nbf":1700000000000}`, "claims.not-yet-valid", Error},
		{"exp 1e20", `{"exp":1e20}`, "claims.time-unit", Warning},
		{"iat past 9999", `{"iat":300000000000}`, "claims.time-unit", Warning},
		{"exp before year 0", `{"exp":-1e12}`, "claims.expired", Error},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tok := b64(`{"alg":"HS256"}`) + "." + b64(tc.payload) + "." + strings.Repeat("A", 43)
			r := Inspect([]byte(tok), Options{Now: now})
			f := find(r, tc.code)
			if f == nil || f.Severity != tc.sev {
				t.Fatalf("%s = %+v, want severity %v", tc.code, f, tc.sev)
			}
			if tc.code == "claims.not-yet-valid" && !strings.Contains(f.Message, "never valid") {
				t.Errorf("message %q", f.Message)
			}
			for _, c := range r.Claims {
				if !c.Time.IsZero() && (c.Time.Year() < 0 || c.Time.Year() > 9999) {
					t.Errorf("claim %s has Time %v", c.Name, c.Time)
				}
			}
		})
	}
}

// b64 encodes s as base64url without padding.
func b64(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }

// TestCrit: crit naming an extension jwtlens does not know, or malformed, is an error (a
// conforming server rejects the token); crit naming only understood ones is a warning.
func TestCrit(t *testing.T) {
	for _, tc := range []struct {
		header string
		sev    Severity
	}{
		{`{"alg":"HS256","crit":["x-unknown"],"x-unknown":1}`, Error},
		{`{"alg":"HS256","crit":["b64"],"b64":false}`, Error},
		{`{"alg":"HS256","crit":[]}`, Error},
		{`{"alg":"HS256","crit":"ppt"}`, Error},
		{`{"alg":"ES256","typ":"passport","ppt":"shaken","crit":["ppt"]}`, Warning},
	} {
		tok := b64(tc.header) + "." + b64(`{"sub":"alice"}`) + "." + strings.Repeat("A", 43)
		f := find(reportFor(t, tok), "header.crit")
		if f == nil || f.Severity != tc.sev {
			t.Errorf("%s: header.crit = %+v, want severity %v", tc.header, f, tc.sev)
			continue
		}
		if tc.sev == Error && !strings.Contains(f.Message, "a conforming server rejects") {
			t.Errorf("%s: message %q", tc.header, f.Message)
		}
	}
}

// TestGluedTokens: two signed tokens glued together have 5 segments but no enc: one
// consistent finding, not JWE complaints that contradict each other.
func TestGluedTokens(t *testing.T) {
	hs := loadTokens(t)["HS256"]
	// Glued with nothing between them, extraction splits them (extract.go); glued with a
	// dot, or with parts lost, the segment count says so.
	for _, tok := range []string{hs + hs, b64(`{"alg":"HS256"}`) + ".e30.AAAA.e30.BBBB"} {
		r := reportFor(t, tok)
		if r.Has("header.alg-unknown") || r.Has("structure.jwe") || r.Kind == KindJWE {
			t.Errorf("kind %s, codes %v", r.Kind, codes(r))
		}
	}
	r := reportFor(t, b64(`{"alg":"HS256"}`)+".e30.AAAA.e30.BBBB")
	if f := find(r, "structure.segment-count"); f == nil || !strings.Contains(f.Message, "joined") {
		t.Errorf("segment-count = %+v", f)
	}
}

// TestExpectOnUnreadablePayload: when the payload did not parse, the expectations are
// one "cannot check" finding, never advice to the issuer.
func TestExpectOnUnreadablePayload(t *testing.T) {
	hs := loadTokens(t)["HS256"]
	exps, err := ParseClaimsSpec("sub='alice';iss='x'")
	if err != nil {
		t.Fatal(err)
	}
	r := Inspect([]byte(hs[:100]), Options{Expect: exps})
	var n int
	for _, f := range r.Findings {
		if f.Code == "claims.expect-failed" {
			n++
			if !strings.Contains(f.Message, "cannot check the expected claims") || !strings.Contains(f.Message, "cut short") || strings.Contains(f.Hint, "issuer") {
				t.Errorf("finding %+v", f)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d claims.expect-failed findings, want 1", n)
	}
}

// TestTextPayload: a JWS carrying text is a warning unless its header says typ JWT.
func TestTextPayload(t *testing.T) {
	for _, tc := range []struct {
		header, payload string
		sev             Severity
	}{
		{`{"alg":"HS256"}`, "It's a dangerous business, Frodo", Warning},
		{`{"alg":"HS256","typ":"JWT"}`, "It's a dangerous business, Frodo", Error},
		{`{"alg":"HS256"}`, `"a JSON string"`, Warning},
		{`{"alg":"HS256","typ":"JWT"}`, `[1,2]`, Error},
	} {
		tok := b64(tc.header) + "." + b64(tc.payload) + "." + strings.Repeat("A", 43)
		r := reportFor(t, tok)
		f := find(r, "json.invalid")
		if f == nil {
			f = find(r, "json.not-object")
		}
		if f == nil || f.Severity != tc.sev {
			t.Errorf("%s %s: %+v, want severity %v", tc.header, tc.payload, f, tc.sev)
		}
	}
}

// TestMixedKeySet: in a JWK set of several kinds, keys of another kind than the token's
// alg are skipped without a word; the detail names the key that matched, kid escaped once.
func TestMixedKeySet(t *testing.T) {
	toks := loadTokens(t)
	ec := keyFile(t, "ec256-a.pem").Keys[0].Public.(*ecdsa.PublicKey)
	pt, err := ec.Bytes() // uncompressed point: 0x04 || X || Y
	if err != nil {
		t.Fatal(err)
	}
	set := map[string]any{}
	b, _ := os.ReadFile(filepath.Join(verifyDir, "keys", "jwks.json"))
	if err := json.Unmarshal(b, &set); err != nil {
		t.Fatal(err)
	}
	list := set["keys"].([]any)
	for _, k := range list {
		k.(map[string]any)["alg"] = "RS256"
	}
	list = append(list,
		map[string]any{"kty": "oct", "k": "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA", "alg": "HS256", "kid": "h"},
		map[string]any{"kty": "EC", "crv": "P-256", "kid": "e\x1bc", "alg": "ES256",
			"x": base64.RawURLEncoding.EncodeToString(pt[1:33]), "y": base64.RawURLEncoding.EncodeToString(pt[33:])})
	set["keys"] = list
	jb, _ := json.Marshal(set)
	r := Inspect([]byte(toks["ES256"]), Options{Keys: []keys.Set{readKeyMaterial(t, jb, "mixed.jwks")}})
	if r.Verification.Status != Verified {
		t.Fatalf("status %s: %v", r.Verification.Status, r.Findings)
	}
	if r.Has("key.not-for-signing") {
		t.Errorf("noise about keys of other kinds: %+v", find(r, "key.not-for-signing"))
	}
	if d := r.Verification.Detail; !strings.Contains(d, `kid "e\ec"`) {
		t.Errorf("detail %q does not name the kid, escaped once", d)
	}
}

// TestUnreadableKeyBesideOneThatVerifies: a key source that yields no key is a warning
// (ignored) when another key verified, and an error when none did.
func TestUnreadableKeyBesideOneThatVerifies(t *testing.T) {
	tok := loadTokens(t)["RS256"]
	junk := keys.Read([]byte("c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA\n"), "secret.txt")
	if len(junk.Keys) != 0 {
		t.Skip("keys.Read reads the text as a key now")
	}
	r := Inspect([]byte(tok), Options{Keys: []keys.Set{junk, keyFile(t, "rsa-a.pem")}})
	f := find(r, "key.unreadable")
	if r.Verification.Status != Verified || f == nil || f.Severity != Warning || !strings.Contains(f.Message, "ignored") || r.HasErrors() {
		t.Errorf("status %s, key.unreadable %+v", r.Verification.Status, f)
	}
	r = Inspect([]byte(tok), Options{Keys: []keys.Set{junk, keyFile(t, "rsa-b.pem")}})
	if f := find(r, "key.unreadable"); f == nil || f.Severity != Error {
		t.Errorf("with no key verifying: key.unreadable %+v", f)
	}
}

// TestSecretBOMAndQuotes: a secret file with a BOM, or a quoted secret, is recognised as
// the reason the signature does not verify.
func TestSecretBOMAndQuotes(t *testing.T) {
	tok := loadTokens(t)["HS256"]
	b, err := os.ReadFile(filepath.Join(verifyDir, "keys", "secret-a.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, code, text string
		secret           []byte
	}{
		{"BOM", "key.secret-encoding", "the secret file starts with a BOM", append([]byte("\xEF\xBB\xBF"), b...)},
		{"double quotes", "key.secret-whitespace", "the secret is quoted", []byte(`"` + string(b) + `"` + "\n")},
		{"single quotes", "key.secret-whitespace", "the secret is quoted", []byte(`'` + string(b) + `'`)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Inspect([]byte(tok), Options{Keys: []keys.Set{keys.Secret(tc.secret, "secret.txt")}})
			f := find(r, tc.code)
			if f == nil || !strings.Contains(f.Message, tc.text) {
				t.Fatalf("%s = %+v; codes %v", tc.code, f, r.Findings)
			}
			if r.Findings[0].Code != tc.code {
				t.Errorf("first finding %s, want the cause %s", r.Findings[0].Code, tc.code)
			}
		})
	}
}
