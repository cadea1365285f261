package inspect

import (
	"testing"

	"github.com/golang-jwt/jwt/v5"

	"jwtlens/keys"
)

// benchAlgs are the algs of the speed budget: our whole verify path for a parsed report
// (BenchmarkVerify) must cost at most 1.1× golang-jwt's jwt.Parse of the same token with
// the same key (BenchmarkGolangJWT), measured in the same run.
var benchAlgs = []string{"HS256", "RS256", "PS256", "ES256", "EdDSA"}

func BenchmarkVerify(b *testing.B) {
	toks := loadTokens(b)
	for _, alg := range benchAlgs {
		b.Run(alg, func(b *testing.B) {
			r := reportFor(b, toks[alg])
			opt := Options{Keys: []keys.Set{keyFile(b, rightKey[alg])}}
			if v, _ := verify(r, opt); v.Status != Verified {
				b.Fatalf("%s does not verify: %s", alg, v.Detail)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				verify(r, opt)
			}
		})
	}
}

func BenchmarkGolangJWT(b *testing.B) {
	toks := loadTokens(b)
	for _, alg := range benchAlgs {
		b.Run(alg, func(b *testing.B) {
			tok := toks[alg]
			set := keyFile(b, rightKey[alg])
			key := publicKeyArg(&set.Keys[0])
			keyFunc := func(*jwt.Token) (any, error) { return key, nil }
			if _, err := jwt.Parse(tok, keyFunc); err != nil {
				b.Fatalf("golang-jwt rejects the %s token: %v", alg, err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				jwt.Parse(tok, keyFunc)
			}
		})
	}
}
