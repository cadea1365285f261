package keys

import (
	"strings"
	"testing"
)

// FuzzRead checks that no bytes make Read, Secret or SecretVariants panic, and that what
// they return keeps its promises: key.* codes, known severities, a message on every finding,
// a finding whenever no key came out. Seeds are in testdata/fuzz/FuzzRead (written by
// go run ./testdata/gen/keys).
func FuzzRead(f *testing.F) {
	f.Add([]byte("-----BEGIN PUBLIC KEY-----\nMA==\n-----END PUBLIC KEY-----\n"))
	f.Add([]byte(`{"keys":[{"kty":"EC","crv":"P-256","x":"AA","y":"AA"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s := Read(data, "fuzz")
		if len(s.Keys) == 0 && len(s.Findings) == 0 {
			t.Fatal("no keys and no finding")
		}
		for _, fd := range s.Findings {
			if !strings.HasPrefix(fd.Code, "key.") || fd.Message == "" ||
				(fd.Severity != SevError && fd.Severity != SevWarning && fd.Severity != SevInfo) {
				t.Fatalf("bad finding %+v", fd)
			}
		}
		for _, k := range s.Keys {
			if k.Family == "" || k.Fingerprint == "" || k.Describe() == "unknown key" {
				t.Fatalf("bad key %+v", k)
			}
			if k.Family != HMAC && k.Public == nil {
				t.Fatalf("key without public half %+v", k)
			}
			if _, err := Thumbprint(k); err != nil {
				t.Fatalf("Thumbprint: %v", err)
			}
		}
		Secret(data, "fuzz")
		if len(data) < 4096 {
			SecretVariants(data)
		}
	})
}
