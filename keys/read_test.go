package keys

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fixtureCase is one entry of testdata/keys/manifest.json, written by testdata/gen/keys.
type fixtureCase struct {
	File    string   `json:"file"`
	Same    string   `json:"same"`
	Keys    int      `json:"keys"`
	Codes   []string `json:"codes"`
	Say     string   `json:"say"`
	Secret  bool     `json:"secret"`
	Private bool     `json:"private"`
}

const fixtures = "../testdata/keys"

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(fixtures, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func codes(s Set) []string {
	var out []string
	for _, f := range s.Findings {
		out = append(out, f.Code)
	}
	return out
}

func hasCode(s Set, code string) bool {
	for _, f := range s.Findings {
		if f.Code == code {
			return true
		}
	}
	return false
}

// TestFixtures reads every fixture of the manifest: each key format reads to the same public
// key as its clean PEM, each damaged one with the finding it deserves, each non-key saying
// what it looked like.
func TestFixtures(t *testing.T) {
	var cases []fixtureCase
	if err := json.Unmarshal(readFixture(t, "manifest.json"), &cases); err != nil {
		t.Fatal(err)
	}
	if len(cases) < 100 {
		t.Fatalf("manifest holds %d cases; regenerate with go run ./testdata/gen/keys", len(cases))
	}
	for _, c := range cases {
		t.Run(c.File, func(t *testing.T) {
			data := readFixture(t, c.File)
			var s Set
			if c.Secret {
				s = Secret(data, c.File)
			} else {
				s = Read(data, c.File)
			}
			if len(s.Keys) != c.Keys {
				t.Fatalf("Read(%s) gave %d keys, want %d; findings %v", c.File, len(s.Keys), c.Keys, s.Findings)
			}
			for _, code := range c.Codes {
				if !hasCode(s, code) {
					t.Errorf("Read(%s) findings %v, want %s", c.File, codes(s), code)
				}
			}
			// Nothing but what the manifest names: a clean key gives no warnings.
			for _, f := range s.Findings {
				if f.Severity != SevInfo && !contains(c.Codes, f.Code) {
					t.Errorf("Read(%s): unexpected %s %s: %s", c.File, f.Severity, f.Code, f.Message)
				}
				checkMessage(t, f)
			}
			if c.Say != "" && !said(s, c.Say) {
				t.Errorf("Read(%s): no finding says %q; findings %v", c.File, c.Say, s.Findings)
			}
			if c.Same != "" && len(s.Keys) > 0 {
				ref := Read(readFixture(t, c.Same), c.Same)
				if len(ref.Keys) != 1 {
					t.Fatalf("reference %s gave %d keys", c.Same, len(ref.Keys))
				}
				if got, want := PKIXFingerprint(s.Keys[0]), PKIXFingerprint(ref.Keys[0]); got != want || got == "" {
					t.Errorf("Read(%s) key %s (%s), want the key of %s (%s)", c.File, got, s.Keys[0].Describe(), c.Same, want)
				}
				a, _ := Thumbprint(s.Keys[0])
				b, _ := Thumbprint(ref.Keys[0])
				if a != b {
					t.Errorf("Thumbprint(%s) = %s, want %s as for %s", c.File, a, b, c.Same)
				}
			}
			for _, k := range s.Keys {
				if k.Private != c.Private && (k.Family != HMAC) && c.Same != "" && k.Fingerprint == s.Keys[0].Fingerprint {
					t.Errorf("Read(%s).Private = %v, want %v", c.File, k.Private, c.Private)
				}
				if k.Fingerprint == "" || k.Source != c.File || k.Format == "" {
					t.Errorf("Read(%s) key lacks fingerprint, source or format: %+v", c.File, k)
				}
			}
		})
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func said(s Set, phrase string) bool {
	for _, f := range s.Findings {
		if strings.Contains(f.Message, phrase) || strings.Contains(f.Hint, phrase) {
			return true
		}
	}
	return false
}

// checkMessage holds every finding to the rules: a key.* code, a known severity, a message
// and a hint, and no bare library error text.
func checkMessage(t *testing.T, f Finding) {
	t.Helper()
	if !strings.HasPrefix(f.Code, "key.") {
		t.Errorf("finding code %q is not a key.* code", f.Code)
	}
	if f.Severity != SevError && f.Severity != SevWarning && f.Severity != SevInfo {
		t.Errorf("finding %s has severity %q", f.Code, f.Severity)
	}
	if f.Message == "" || f.Hint == "" {
		t.Errorf("finding %s lacks a message or hint: %+v", f.Code, f)
	}
	for _, bare := range []string{"x509:", "asn1:", "crypto/", "illegal base64", "unexpected EOF", "invalid character", "structure error"} {
		if strings.Contains(f.Message, bare) && !strings.Contains(f.Message, "crypto/rsa refuses") {
			t.Errorf("finding %s message holds library text %q: %s", f.Code, bare, f.Message)
		}
	}
}
