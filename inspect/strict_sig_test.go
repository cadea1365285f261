package inspect

import (
	"os"
	"strings"
	"testing"

	"jwtlens/keys"
)

// TestStraySignatureCharacterIsNotVerified: a stray character inside the signature is
// skipped by the lenient decoding, so the bytes match the key; but a strict server rejects
// the token as sent, so the status must not be "verified".
func TestStraySignatureCharacterIsNotVerified(t *testing.T) {
	tok, err := os.ReadFile("../cmd/jwtlens/demo/token.jwt")
	if err != nil {
		t.Fatal(err)
	}
	pem, err := os.ReadFile("../cmd/jwtlens/demo/key.pem")
	if err != nil {
		t.Fatal(err)
	}
	set := keys.Read(pem, "key.pem")
	good := strings.TrimSpace(string(tok))
	if r := Inspect([]byte(good), Options{Keys: []keys.Set{set}}); r.Verification.Status != Verified {
		t.Fatalf("the clean demo token: status %s, want verified", r.Verification.Status)
	}
	stray := good[:len(good)-40] + "*" + good[len(good)-40:]
	r := Inspect([]byte(stray), Options{Keys: []keys.Set{set}})
	if r.Verification.Status != Invalid || r.Verification.Key == nil {
		t.Fatalf("stray '*' in the signature: status %s (key %v), want invalid naming the key", r.Verification.Status, r.Verification.Key)
	}
	if h := r.Headline(); h == nil || h.Code != "base64.invalid-char" {
		t.Errorf("headline = %+v, want base64.invalid-char", h)
	}
}
