package inspect

import (
	"strings"

	"github.com/golang-jwt/jwt/v5"

	"jwtlens/keys"
)

// algSpec is what verification needs to know about one JWS signing algorithm.
type algSpec struct {
	name   string
	family keys.Family
	method jwt.SigningMethod
	// hashBytes is the size of the hash: the minimum HMAC secret length (RFC 7518 §3.2).
	hashBytes int
	// curve is the EC curve an ES* alg needs, and sigBytes the fixed signature size
	// (0 for RS* and PS*, whose signature size is the key's modulus size).
	curve    string
	sigBytes int
}

// algSpecs lists every algorithm jwtlens verifies, each with golang-jwt's signing method.
var algSpecs = []algSpec{
	{"HS256", keys.HMAC, jwt.SigningMethodHS256, 32, "", 32},
	{"HS384", keys.HMAC, jwt.SigningMethodHS384, 48, "", 48},
	{"HS512", keys.HMAC, jwt.SigningMethodHS512, 64, "", 64},
	{"RS256", keys.RSA, jwt.SigningMethodRS256, 32, "", 0},
	{"RS384", keys.RSA, jwt.SigningMethodRS384, 48, "", 0},
	{"RS512", keys.RSA, jwt.SigningMethodRS512, 64, "", 0},
	{"PS256", keys.RSA, jwt.SigningMethodPS256, 32, "", 0},
	{"PS384", keys.RSA, jwt.SigningMethodPS384, 48, "", 0},
	{"PS512", keys.RSA, jwt.SigningMethodPS512, 64, "", 0},
	{"ES256", keys.EC, jwt.SigningMethodES256, 32, "P-256", 64},
	{"ES384", keys.EC, jwt.SigningMethodES384, 48, "P-384", 96},
	{"ES512", keys.EC, jwt.SigningMethodES512, 64, "P-521", 132},
	{"EdDSA", keys.Ed25519, jwt.SigningMethodEdDSA, 0, "", 64},
}

// lookupAlg returns the spec of alg, spelled exactly as registered.
func lookupAlg(alg string) (*algSpec, bool) {
	for i := range algSpecs {
		if algSpecs[i].name == alg {
			return &algSpecs[i], true
		}
	}
	return nil, false
}

// lookupAlgFold returns the spec whose name matches alg ignoring case, for explaining a
// misspelt alg; it is never used to verify.
func lookupAlgFold(alg string) (*algSpec, bool) {
	for i := range algSpecs {
		if strings.EqualFold(algSpecs[i].name, alg) {
			return &algSpecs[i], true
		}
	}
	return nil, false
}

// familyNeed says in words what kind of key an alg family needs.
func familyNeed(f keys.Family) string {
	switch f {
	case keys.HMAC:
		return "an HMAC shared secret"
	case keys.RSA:
		return "an RSA public key"
	case keys.EC:
		return "an EC public key"
	case keys.Ed25519:
		return "an Ed25519 public key"
	}
	return "a key of family " + string(f)
}

// curveForSigBytes names the curve whose raw R‖S signatures are n bytes long, or "".
func curveForSigBytes(n int) string {
	switch n {
	case 64:
		return "P-256"
	case 96:
		return "P-384"
	case 132:
		return "P-521"
	}
	return ""
}

// esAlgForCurve names the ES alg that goes with an EC curve, or "".
func esAlgForCurve(curve string) string {
	switch curve {
	case "P-256":
		return "ES256"
	case "P-384":
		return "ES384"
	case "P-521":
		return "ES512"
	}
	return ""
}
