package inspect

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jwtlens/keys"
)

// verifyDir holds the fixtures made by go run ./testdata/gen/verify.
var verifyDir = filepath.Join("..", "testdata", "verify")

// loadTokens reads the generated tokens by name.
func loadTokens(t testing.TB) map[string]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(verifyDir, "tokens.json"))
	if err != nil {
		t.Fatalf("read tokens (run go run ./testdata/gen/verify): %v", err)
	}
	m := map[string]string{}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("tokens.json: %v", err)
	}
	return m
}

// keyFile reads a generated key file: secrets (.txt, .bin) as HMAC secrets exactly as
// stored, anything else as key material.
func keyFile(t testing.TB, name string) keys.Set {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(verifyDir, "keys", name))
	if err != nil {
		t.Fatalf("read key %s: %v", name, err)
	}
	if strings.HasSuffix(name, ".txt") || strings.HasSuffix(name, ".bin") {
		return keys.Secret(b, name)
	}
	return readKeyMaterial(t, b, name)
}

// readKeyMaterial reads key material with package keys, and fails the test when it holds
// no key.
func readKeyMaterial(t testing.TB, b []byte, source string) keys.Set {
	t.Helper()
	s := keys.Read(b, source)
	if len(s.Keys) == 0 {
		t.Fatalf("keys.Read(%s) found no key: %+v", source, s.Findings)
	}
	return s
}

// reportFor returns the report of a token as Inspect makes it, with no keys.
func reportFor(t testing.TB, tok string) *Report {
	t.Helper()
	return Inspect([]byte(tok), Options{})
}

// parseTestJSON parses JSON into a Value with the package's own parser.
func parseTestJSON(s string) (*Value, bool) {
	v, _, err := parseJSON(s)
	return v, err == nil && v != nil
}
