package keys

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// TestDemo checks the demo files the generator writes for cmd/jwtlens: the token verifies
// with golang-jwt against the key as Read gives it, and holds the claims the demo shows.
func TestDemo(t *testing.T) {
	tok, err := os.ReadFile("../cmd/jwtlens/demo/token.jwt")
	if err != nil {
		t.Fatal(err)
	}
	pem, err := os.ReadFile("../cmd/jwtlens/demo/key.pem")
	if err != nil {
		t.Fatal(err)
	}
	s := Read(pem, "key.pem")
	if len(s.Keys) != 1 || len(s.Findings) != 0 || s.Keys[0].Describe() != "rsa-2048" {
		t.Fatalf("Read(demo key.pem) = %d keys, %v", len(s.Keys), s.Findings)
	}
	claims := jwt.MapClaims{}
	parsed, err := jwt.ParseWithClaims(strings.TrimSpace(string(tok)), claims, func(*jwt.Token) (any, error) { return s.Keys[0].Public, nil },
		jwt.WithValidMethods([]string{"RS256"}), jwt.WithTimeFunc(func() time.Time { return time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC) }))
	if err != nil || !parsed.Valid {
		t.Fatalf("demo token does not verify with the demo key: %v", err)
	}
	exp, _ := claims.GetExpirationTime()
	if exp == nil || exp.Year() != 2099 || parsed.Header["kid"] == nil {
		t.Errorf("demo token exp %v kid %v, want exp in 2099 and a kid", exp, parsed.Header["kid"])
	}
	for _, c := range []string{"iss", "sub", "aud", "iat", "name", "email"} {
		if claims[c] == nil {
			t.Errorf("demo token lacks %s", c)
		}
	}
}
