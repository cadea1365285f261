package keys

import (
	"strings"
	"testing"
)

// TestHugeInputs feeds inputs built to make a reader slow or its report long: each is read
// with a bounded number of keys and findings (the time they take is in BenchmarkHuge).
func TestHugeInputs(t *testing.T) {
	for name, in := range hugeInputs() {
		s := Read([]byte(in), "x")
		if len(s.Keys) > maxJWKs || len(s.Findings) > 2*maxBlocks+2 && len(s.Findings) > maxJWKs+1 {
			t.Errorf("Read(%s) gave %d keys and %d findings", name, len(s.Keys), len(s.Findings))
		}
	}
}

func hugeInputs() map[string]string {
	return map[string]string{
		"begins":   strings.Repeat("-----BEGIN A-----\n", 50000),
		"ends":     strings.Repeat("-----END A-----\nAAAAAAAAAAAAAAAAAAAAAAAA\n", 30000),
		"pairs":    strings.Repeat("-----BEGIN A-----\nAAAA\n-----END A-----\n", 25000),
		"dashes":   "BEGIN " + strings.Repeat("-", 1<<20-10),
		"escaped":  "-----BEGIN A-----" + strings.Repeat(`\n`, 1<<19-20),
		"jwks":     `{"keys":[` + strings.Repeat(`{"kty":"RSA","n":"AQAB","e":"AQAB"},`, 20000) + `{}]}`,
		"brackets": strings.Repeat("[", 1<<19),
		"base64":   strings.Repeat("MIIB", 1<<18-4),
		"ssh":      "ssh-rsa " + strings.Repeat("A", 1<<20-20),
	}
}

// BenchmarkHuge measures reading the inputs of TestHugeInputs (about 1 MiB each).
func BenchmarkHuge(b *testing.B) {
	for name, in := range hugeInputs() {
		data := []byte(in)
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Read(data, "x")
			}
		})
	}
}
