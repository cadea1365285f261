package keys

import "testing"

// BenchmarkRead measures reading 4096-bit RSA keys (the budget is under 1 ms each) and, for
// scale, a JWK set.
func BenchmarkRead(b *testing.B) {
	for _, name := range []string{"rsa4096.pub.pem", "rsa4096.pkcs1.pem", "rsa4096.pkcs8.pem", "rsa4096.cert.pem", "rsa4096.jwk", "jwks.json"} {
		data := readFixture(b, name)
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if s := Read(data, name); len(s.Keys) == 0 {
					b.Fatal(s.Findings)
				}
			}
		})
	}
}
