package keys

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"math/big"
)

// errNoThumbprint is returned for a key that has no public or secret material.
var errNoThumbprint = errors.New("keys: the key has no material to take a thumbprint of")

// Thumbprint is the RFC 7638 JWK thumbprint of k (SHA-256, base64url): the hash of the
// key's required JWK members in lexical order with no whitespace. It is the same whatever
// format the key was read from. For an HMAC secret it hashes the secret, so treat it as
// being as sensitive as a hash of the secret.
func Thumbprint(k Key) (string, error) {
	b64 := base64.RawURLEncoding.EncodeToString
	var js string
	switch p := k.Public.(type) {
	case *rsa.PublicKey:
		js = `{"e":"` + b64(big.NewInt(int64(p.E)).Bytes()) + `","kty":"RSA","n":"` + b64(p.N.Bytes()) + `"}`
	case *ecdsa.PublicKey:
		raw, err := p.Bytes()
		if err != nil {
			return "", err
		}
		size := (len(raw) - 1) / 2
		js = `{"crv":"` + k.curveName(p) + `","kty":"EC","x":"` + b64(raw[1:1+size]) + `","y":"` + b64(raw[1+size:]) + `"}`
	case ed25519.PublicKey:
		js = `{"crv":"Ed25519","kty":"OKP","x":"` + b64(p) + `"}`
	default:
		if k.Family != HMAC || k.Secret == nil {
			return "", errNoThumbprint
		}
		js = `{"k":"` + b64(k.Secret) + `","kty":"oct"}`
	}
	sum := sha256.Sum256([]byte(js))
	return b64(sum[:]), nil
}

func (k Key) curveName(p *ecdsa.PublicKey) string {
	if k.Curve != "" {
		return k.Curve
	}
	return p.Curve.Params().Name
}
