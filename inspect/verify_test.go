package inspect

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jwtlens/keys"
)

// rightKey is the generated key each alg's token in tokens.json was signed with;
// otherKey is another key of the same family.
var rightKey = map[string]string{
	"HS256": "secret-a.txt", "HS384": "secret-a.txt", "HS512": "secret-a.txt",
	"RS256": "rsa-a.pem", "RS384": "rsa-a.pem", "RS512": "rsa-a.pem",
	"PS256": "rsa-a.pem", "PS384": "rsa-a.pem", "PS512": "rsa-a.pem",
	"ES256": "ec256-a.pem", "ES384": "ec384-a.pem", "ES512": "ec521-a.pem",
	"EdDSA": "ed-a.pem",
}

var otherKey = map[string]string{
	"HS256": "secret-b.txt", "HS384": "secret-b.txt", "HS512": "secret-b.txt",
	"RS256": "rsa-b.pem", "RS384": "rsa-b.pem", "RS512": "rsa-b.pem",
	"PS256": "rsa-b.pem", "PS384": "rsa-b.pem", "PS512": "rsa-b.pem",
	"ES256": "ec256-b.pem", "ES384": "ec384-b.pem", "ES512": "ec521-b.pem",
	"EdDSA": "ed-b.pem",
}

// familyKeys holds one key of each family.
var familyKeys = map[keys.Family]string{
	keys.HMAC: "secret-a.txt", keys.RSA: "rsa-a.pem", keys.EC: "ec256-a.pem", keys.Ed25519: "ed-a.pem",
}

// bareLibraryErrors are golang-jwt and crypto error strings no person should be shown.
var bareLibraryErrors = []string{"token signature is invalid", "signature is invalid", "key is of invalid type",
	"crypto/rsa: ", "crypto/ecdsa: ", "verification error", "expects *", "expects []byte"}

// runVerify verifies the named token with the given key sets.
func runVerify(t *testing.T, tok string, sets ...keys.Set) (*Report, Verification, []Finding) {
	t.Helper()
	r := reportFor(t, tok)
	v, fs := verify(r, Options{Keys: sets})
	seen := map[string]int{}
	for _, f := range fs {
		if seen[f.Code]++; seen[f.Code] > 1 && (f.Code == "key.weak" || f.Code == "key.type-mismatch" || f.Part == PartSignature) {
			t.Errorf("finding %s reported twice: %v", f.Code, findingCodes(fs))
		}
		for _, bad := range bareLibraryErrors {
			if strings.Contains(f.Message, bad) || strings.Contains(f.Hint, bad) {
				t.Errorf("finding %s shows a bare library error %q: %s", f.Code, bad, f.Message)
			}
		}
		if f.Message == "" || f.Hint == "" {
			t.Errorf("finding %s has an empty message or hint: %+v", f.Code, f)
		}
		if _, ok := LookupCode(f.Code); !ok {
			t.Errorf("finding code %q is not in the catalogue", f.Code)
		}
	}
	return r, v, fs
}

func findingCodes(fs []Finding) []string {
	var cs []string
	for _, f := range fs {
		cs = append(cs, f.Code)
	}
	return cs
}

func finding(fs []Finding, code string) *Finding {
	for i := range fs {
		if fs[i].Code == code {
			return &fs[i]
		}
	}
	return nil
}

func TestVerifyMatrix(t *testing.T) {
	toks := loadTokens(t)
	for alg, keyName := range rightKey {
		tok := toks[alg]
		spec, _ := lookupAlg(alg)
		t.Run(alg+"/right-key", func(t *testing.T) {
			_, v, fs := runVerify(t, tok, keyFile(t, keyName))
			if v.Status != Verified || finding(fs, "signature.verified") == nil {
				t.Fatalf("verify(%s, %s) = %s %v, want verified", alg, keyName, v.Status, findingCodes(fs))
			}
			if v.Key == nil || v.Key.Source != keyName {
				t.Errorf("verified key = %+v, want the one from %s", v.Key, keyName)
			}
			if !strings.Contains(finding(fs, "signature.verified").Message, keyName) {
				t.Errorf("verified message does not name the key: %s", finding(fs, "signature.verified").Message)
			}
		})
		t.Run(alg+"/same-family-other-key", func(t *testing.T) {
			_, v, fs := runVerify(t, tok, keyFile(t, otherKey[alg]))
			if v.Status != Invalid || finding(fs, "signature.invalid") == nil {
				t.Fatalf("verify(%s, %s) = %s %v, want invalid", alg, otherKey[alg], v.Status, findingCodes(fs))
			}
		})
		t.Run(alg+"/one-byte-changed", func(t *testing.T) {
			_, v, fs := runVerify(t, flipSigByte(tok), keyFile(t, keyName))
			if v.Status != Invalid {
				t.Fatalf("verify(%s with one signature byte changed) = %s %v, want invalid", alg, v.Status, findingCodes(fs))
			}
		})
		for fam, other := range familyKeys {
			if fam == spec.family {
				continue
			}
			t.Run(alg+"/family-"+string(fam), func(t *testing.T) {
				_, v, fs := runVerify(t, tok, keyFile(t, other))
				f := finding(fs, "key.type-mismatch")
				if v.Status != CannotCheck || f == nil {
					t.Fatalf("verify(%s, %s) = %s %v, want cannot-check with key.type-mismatch", alg, other, v.Status, findingCodes(fs))
				}
				given := keyFile(t, other).Keys[0]
				if !strings.Contains(f.Message, familyNeed(spec.family)) || !strings.Contains(f.Message, given.Describe()) {
					t.Errorf("type-mismatch message should say what %s needs and what was given: %s", alg, f.Message)
				}
			})
		}
	}
}

// flipSigByte changes one byte of the signature (its first decoded byte, by changing the
// first character of the third segment).
func flipSigByte(tok string) string {
	i := strings.LastIndexByte(tok, '.') + 1
	c := byte('A')
	if tok[i] == 'A' {
		c = 'B'
	}
	return tok[:i] + string(c) + tok[i+1:]
}

func TestVerifyRFC7520(t *testing.T) {
	for _, name := range []string{"4_1.rsa_v15_signature.json", "4_2.rsa-pss_signature.json", "4_3.ecdsa_signature.json", "4_4.hmac-sha2_integrity_protection.json"} {
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(verifyDir, "rfc7520", name))
			if err != nil {
				t.Fatal(err)
			}
			var ex struct {
				Input struct {
					Key json.RawMessage `json:"key"`
				} `json:"input"`
				Output struct {
					Compact string `json:"compact"`
				} `json:"output"`
			}
			if err := json.Unmarshal(b, &ex); err != nil {
				t.Fatal(err)
			}
			set := readKeyMaterial(t, ex.Input.Key, name)
			_, v, fs := runVerify(t, ex.Output.Compact, set)
			if v.Status != Verified {
				t.Fatalf("RFC 7520 %s = %s %v, want verified", name, v.Status, findingCodes(fs))
			}
			_, v, fs = runVerify(t, flipSigByte(ex.Output.Compact), set)
			if v.Status != Invalid {
				t.Fatalf("RFC 7520 %s with a signature byte changed = %s %v, want invalid", name, v.Status, findingCodes(fs))
			}
		})
	}
}

// TestVerifyCases covers the diagnoses beyond the matrix, each over a generated token.
func TestVerifyCases(t *testing.T) {
	toks := loadTokens(t)
	asSecret := func(t *testing.T, name string) keys.Set {
		b, err := os.ReadFile(filepath.Join(verifyDir, "keys", name))
		if err != nil {
			t.Fatal(err)
		}
		return keys.Secret(b, "--secret")
	}
	cases := []struct {
		name   string
		token  string
		keys   []string // key files; "secret:FILE" reads FILE as an HMAC secret
		status VerifyStatus
		want   []string // codes that must be present
		not    []string // codes that must be absent
		text   string   // must appear in the finding of want[0]
	}{
		{"secret with trailing newline", "HS256", []string{"secret-nl.txt"}, Invalid,
			[]string{"key.secret-whitespace", "signature.invalid"}, nil, "trailing newline trimmed"},
		{"issuer's secret has the newline", "HS256-secret-with-newline", []string{"secret-a.txt"}, Invalid,
			[]string{"key.secret-whitespace", "signature.invalid"}, nil, "newline is added"},
		{"secret is base64 text", "HS256-b64-secret", []string{"secret-b64.txt"}, Invalid,
			[]string{"key.secret-encoding", "signature.invalid"}, nil, "base64-decoded"},
		{"secret is hex text", "HS256-hex-secret", []string{"secret-hex.txt"}, Invalid,
			[]string{"key.secret-encoding"}, nil, "hex-decoded"},
		{"issuer used the base64url text", "HS256-b64url-text-secret", []string{"secret-raw.bin"}, Invalid,
			[]string{"key.secret-encoding"}, nil, "base64url-encoded"},
		{"short secret verifies with a warning", "HS256-short-secret", []string{"secret-short.txt"}, Verified,
			[]string{"key.weak", "signature.verified"}, nil, "8 bytes"},
		{"public key PEM as the HMAC secret", "HS256-signed-with-rsa-a-pem", []string{"secret:rsa-a.pem"}, CannotCheck,
			[]string{"key.alg-confusion"}, []string{"signature.verified", "signature.invalid"}, "forgery"},
		{"JWK set as the HMAC secret", "HS256", []string{"secret:jwks.json"}, CannotCheck,
			[]string{"key.alg-confusion"}, []string{"signature.verified", "signature.invalid"}, "a JWK public key"},
		{"the token's own jwk is never used", "RS256-embedded-jwk-b", []string{"rsa-a.pem"}, Invalid,
			[]string{"signature.invalid"}, []string{"signature.verified"}, "rsa-a.pem"},
		{"the token's own jwk does not make it verified", "RS256-embedded-jwk-b", nil, NotChecked,
			[]string{"signature.not-verified"}, []string{"signature.verified"}, "No key"},
		{"JWK whose key_ops lack verify is not used", "RS256", []string{"jwk-keyops.json"}, CannotCheck,
			[]string{"key.not-for-signing"}, []string{"signature.verified"}, `"verify"`},
		{"RSA public key for an HS token", "HS256", []string{"rsa-a.pem"}, CannotCheck,
			[]string{"key.type-mismatch"}, nil, "alg-confusion"},
		{"RSA 1024 verifies with a warning", "RS256-rsa-1024", []string{"rsa-1024.pem"}, Verified,
			[]string{"key.weak", "signature.verified"}, nil, "1024 bits"},
		{"RSA 512 is refused, not invalid", "RS256-rsa-512", []string{"rsa-512.pem"}, CannotCheck,
			[]string{"signature.not-verified", "key.weak"}, []string{"signature.invalid"}, "refuses RSA keys under 1024 bits"},
		{"RSA signature of another key's size: the wrong key", "RS256", []string{"rsa-1024.pem"}, Invalid,
			[]string{"signature.invalid"}, []string{"signature.length"}, "this key makes 128-byte signatures: it is not the key that signed this token"},
		{"kid chooses the key", "RS256-kid-a", []string{"jwks.json"}, Verified,
			[]string{"signature.verified"}, []string{"key.kid-mismatch", "key.kid-not-found"}, `kid "a"`},
		{"verifies with another key than kid names", "RS256-kid-b-signed-by-a", []string{"jwks.json"}, Verified,
			[]string{"key.kid-mismatch"}, nil, `kid "b"`},
		{"kid not in the set", "RS256-kid-unknown", []string{"jwks.json"}, Verified,
			[]string{"key.kid-not-found"}, nil, `"a", "b"`},
		{"no kid: each key tried", "RS256-no-kid-signed-by-b", []string{"jwks.json"}, Verified,
			[]string{"signature.verified"}, []string{"key.kid-mismatch"}, "key 2 matched"},
		{"JWK with use enc is not used", "RS256-kid-enc-a", []string{"jwk-enc.json"}, CannotCheck,
			[]string{"key.not-for-signing"}, []string{"signature.verified"}, `"enc"`},
		{"DER ECDSA signature", "ES256-der", []string{"ec256-a.pem"}, Invalid,
			[]string{"signature.der-encoded", "signature.invalid"}, nil, "it verifies with"},
		{"DER ECDSA signature, the second of two keys", "ES256-der", []string{"ec256-b.pem", "ec256-a.pem"}, Invalid,
			[]string{"signature.der-encoded", "signature.invalid"}, nil, "it verifies with ec P-256 (ec256-a.pem)"},
		{"DER ECDSA signature, wrong key too", "ES256-der", []string{"ec256-b.pem"}, Invalid,
			[]string{"signature.der-encoded"}, nil, "does not verify"},
		{"ES256 token with a P-384 key", "ES256", []string{"ec384-a.pem"}, CannotCheck,
			[]string{"key.curve-mismatch"}, nil, "needs a P-256 key"},
		{"ES384 signature relabelled ES256", "ES384-signed-as-ES256", []string{"ec384-a.pem"}, CannotCheck,
			[]string{"key.curve-mismatch"}, nil, "96 bytes"},
		{"alg none with a key", "none", []string{"rsa-a.pem"}, CannotCheck,
			[]string{"signature.not-verified"}, []string{"signature.verified"}, "never"},
		{"alg none with a signature and its secret", "none-with-signature", []string{"secret-a.txt"}, CannotCheck,
			[]string{"signature.not-verified"}, []string{"signature.verified"}, "unsecured"},
		{"alg in the wrong case", "HS256-alg-lowercase", []string{"secret-a.txt"}, CannotCheck,
			[]string{"signature.not-verified"}, []string{"signature.verified"}, `"HS256"`},
		{"unsupported alg", "ES256K-unsupported", []string{"ec256-a.pem"}, CannotCheck,
			[]string{"signature.not-verified"}, nil, "not one jwtlens can verify"},
		{"a key set where no key fits says so once", "ES256", []string{"jwks.json"}, CannotCheck,
			[]string{"key.type-mismatch"}, nil, "1 more of the keys"},
		{"mixed set: only the fitting key is used", "ES256", []string{"jwks.json", "ec256-a.pem"}, Verified,
			[]string{"signature.verified"}, []string{"key.type-mismatch"}, "ec256-a.pem"},
		{"no key at all", "HS256", nil, NotChecked,
			[]string{"signature.not-verified"}, []string{"signature.invalid"}, "No key"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tok, ok := toks[c.token]
			if !ok {
				t.Fatalf("no token %q in tokens.json", c.token)
			}
			var sets []keys.Set
			for _, k := range c.keys {
				if name, ok := strings.CutPrefix(k, "secret:"); ok {
					sets = append(sets, asSecret(t, name))
				} else {
					sets = append(sets, keyFile(t, k))
				}
			}
			_, v, fs := runVerify(t, tok, sets...)
			if v.Status != c.status {
				t.Errorf("status = %s, want %s (%v)", v.Status, c.status, findingCodes(fs))
			}
			for _, w := range c.want {
				if finding(fs, w) == nil {
					t.Errorf("missing %s in %v", w, findingCodes(fs))
				}
			}
			for _, n := range c.not {
				if finding(fs, n) != nil {
					t.Errorf("unexpected %s in %v", n, findingCodes(fs))
				}
			}
			if f := finding(fs, c.want[0]); f != nil && !strings.Contains(f.Message, c.text) {
				t.Errorf("%s message = %q, want it to contain %q", c.want[0], f.Message, c.text)
			}
		})
	}
}

func TestVerifyReportRefinement(t *testing.T) {
	toks := loadTokens(t)
	r, _, _ := runVerify(t, toks["RS256"], keyFile(t, "rsa-a.pem"))
	if r.Signature.ExpectedBytes != 256 {
		t.Errorf("ExpectedBytes = %d, want 256 for a 2048-bit key", r.Signature.ExpectedBytes)
	}
	// A signature of no key's size (two characters appended) is refined against the key.
	r = reportFor(t, toks["RS256"]+"AA")
	r.Findings = append(r.Findings, Finding{Code: "signature.length", Severity: Error, Part: PartSignature, Message: "old", Hint: "old"})
	_, fs := verify(r, Options{Keys: []keys.Set{keyFile(t, "rsa-1024.pem")}})
	if r.Has("signature.length") {
		t.Errorf("the report's own signature.length was not replaced by the refined one")
	}
	if f := finding(fs, "signature.length"); f == nil || !strings.Contains(f.Message, "258 bytes") {
		t.Errorf("refined signature.length = %+v, want expected vs found", f)
	}
	if r.Signature.ExpectedBytes != 128 {
		t.Errorf("ExpectedBytes = %d, want 128 for a 1024-bit key", r.Signature.ExpectedBytes)
	}
}

func TestVerifyCleanedToken(t *testing.T) {
	toks := loadTokens(t)
	r := reportFor(t, toks["HS256"])
	r.Findings = append(r.Findings, Finding{Code: "input.inner-whitespace", Severity: Warning, Part: PartInput})
	v, fs := verify(r, Options{Keys: []keys.Set{keyFile(t, "secret-a.txt")}})
	f := finding(fs, "signature.verified")
	if v.Status != Verified || f == nil || !strings.Contains(f.Message, "as pasted") {
		t.Fatalf("verify(cleaned token) = %s %+v, want verified saying the pasted text would not", v.Status, f)
	}
}

func TestVerifyNoKey(t *testing.T) {
	toks := loadTokens(t)
	for _, c := range []struct {
		name, tok string
		finding   bool
		status    VerifyStatus
	}{
		{"signed token", toks["RS256"], true, NotChecked},
		// No key could check these: cannot-check, and nothing suggests giving one.
		{"alg none", toks["none"], false, CannotCheck},
		{"JWE", "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.a.b.c.d", false, CannotCheck},
		{"not a token", "hello", false, NotChecked},
	} {
		_, v, fs := runVerify(t, c.tok)
		if v.Status != c.status || (finding(fs, "signature.not-verified") != nil) != c.finding {
			t.Errorf("%s with no key: %s %v, want %s with signature.not-verified %v", c.name, v.Status, findingCodes(fs), c.status, c.finding)
		}
		if c.status == CannotCheck && (strings.Contains(v.Detail, "--key") || strings.Contains(v.Detail, "give")) {
			t.Errorf("%s: detail suggests a key: %s", c.name, v.Detail)
		}
	}
}

func TestVerifyKeySetFindingsCopied(t *testing.T) {
	toks := loadTokens(t)
	bad := keys.Set{Source: "junk.txt", Findings: []keys.Finding{{Code: "key.unreadable", Severity: "error",
		Message: "junk.txt holds no key", Hint: "give a PEM"}}}
	_, v, fs := runVerify(t, toks["RS256"], bad)
	f := finding(fs, "key.unreadable")
	if f == nil || f.Part != PartKey || f.Severity != Error {
		t.Fatalf("key set finding not copied as an error key finding: %+v", fs)
	}
	if v.Status != CannotCheck {
		t.Errorf("status with only unreadable key material = %s, want cannot-check", v.Status)
	}
}

func TestVerifyBrokenTokens(t *testing.T) {
	toks := loadTokens(t)
	set := keyFile(t, "secret-a.txt")
	for name, tok := range map[string]string{
		"two segments": toks["HS256"][:strings.LastIndexByte(toks["HS256"], '.')],
		"JWE":          "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.a.b.c.d",
		"header junk":  "bm90IGpzb24." + strings.SplitN(toks["HS256"], ".", 2)[1],
	} {
		t.Run(name, func(t *testing.T) {
			_, v, fs := runVerify(t, tok, set)
			if v.Status != CannotCheck || finding(fs, "signature.not-verified") == nil {
				t.Errorf("verify(%s) = %s %v, want cannot-check", name, v.Status, findingCodes(fs))
			}
		})
	}
}

// TestVerifyThroughInspect runs verification and expectations the way the command does:
// one Inspect call with keys and expectations.
func TestVerifyThroughInspect(t *testing.T) {
	toks := loadTokens(t)
	tok := toks["RS256-kid-a"]
	exps, err := ParseClaimsSpec("sub='bob';iss='jwtlens-test';n='5';aud='admin';missing=1")
	if err != nil {
		t.Fatal(err)
	}
	raw := "Authorization: Bearer " + tok
	r := Inspect([]byte(raw), Options{Keys: []keys.Set{keyFile(t, "jwks.json")}, Expect: exps})
	if r.Verification.Status != Verified || r.Verification.Key == nil || r.Verification.Key.KID != "a" {
		t.Fatalf("Inspect with the JWKS: %s %+v, want verified with kid a", r.Verification.Status, r.Verification.Key)
	}
	var failed []Finding
	for _, f := range r.Findings {
		if f.Code == "claims.expect-failed" {
			failed = append(failed, f)
		}
	}
	if len(failed) != 3 {
		t.Fatalf("expect-failed findings = %d, want 3 (sub, n, missing): %v", len(failed), codes(r))
	}
	for _, f := range failed {
		if strings.Contains(f.Message, `"sub"`) {
			if f.Length == 0 || f.Offset < strings.IndexByte(raw, '.') || f.Offset+f.Length > strings.LastIndexByte(raw, '.') {
				t.Errorf("sub finding points at raw [%d,+%d), want inside the payload segment", f.Offset, f.Length)
			}
		}
	}
	if !r.HasErrors() || r.OK(true) {
		t.Errorf("a token failing expectations must not be OK")
	}

	// A token wrapped across lines: the cleaned text verifies, and the message says the
	// pasted one would not.
	wrapped := tok[:60] + "\n" + tok[60:120] + "\n" + tok[120:]
	r = Inspect([]byte(wrapped), Options{Keys: []keys.Set{keyFile(t, "rsa-a.pem")}})
	if !r.Has("input.inner-whitespace") {
		t.Fatalf("normalize does not report the wrapped paste: %v", codes(r))
	}
	f := find(r, "signature.verified")
	if r.Verification.Status != Verified || f == nil || !strings.Contains(f.Message, "as pasted") {
		t.Errorf("wrapped token: %s %v, want verified saying the pasted text would not", r.Verification.Status, codes(r))
	}
}

func TestVerifyKeyAlgRulesItOut(t *testing.T) {
	toks := loadTokens(t)
	set := keyFile(t, "rsa-a.pem")
	set.Keys[0].Alg = "RS384"
	_, v, fs := runVerify(t, toks["RS256"], set)
	f := finding(fs, "key.not-for-signing")
	if v.Status != CannotCheck || f == nil || !strings.Contains(f.Message, `"RS384"`) {
		t.Errorf("RS256 token, key with alg RS384: %s %v, want cannot-check with key.not-for-signing naming RS384", v.Status, findingCodes(fs))
	}
	set.Keys[0].Alg = "RS256"
	if _, v, fs := runVerify(t, toks["RS256"], set); v.Status != Verified {
		t.Errorf("RS256 token, key with alg RS256: %s %v, want verified", v.Status, findingCodes(fs))
	}
}

// FuzzVerify checks that verification never panics, whatever the token, with keys of
// every family given at once, and never calls a token verified whose alg is none.
func FuzzVerify(f *testing.F) {
	toks := loadTokens(f)
	for _, tok := range toks {
		f.Add(tok)
	}
	var sets []keys.Set
	for _, name := range []string{"secret-a.txt", "rsa-a.pem", "ec256-a.pem", "ec521-a.pem", "ed-a.pem", "jwks.json"} {
		sets = append(sets, keyFile(f, name))
	}
	f.Fuzz(func(t *testing.T, tok string) {
		r := Inspect([]byte(tok), Options{Keys: sets})
		if r.Verification.Status == Verified {
			if alg, _ := r.Header.Get("alg").String(); strings.EqualFold(alg, "none") {
				t.Fatalf("alg %q verified", alg)
			}
		}
	})
}
