package inspect

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"fmt"
	"strings"

	"jwtlens/keys"
)

// candidate is one key given to verify with, and the set it came from.
type candidate struct {
	key *keys.Key
	set int // index into Options.Keys
}

// describeKey names a key the way a person recognises it: what it is (keys.Key.Describe),
// its kid, where it came from. It never shows an HMAC secret.
func describeKey(k *keys.Key) string {
	d := k.Describe()
	if k.KID != "" {
		d += " kid " + quoted(k.KID)
	}
	if k.Source != "" {
		d += " (" + Sanitize(k.Source) + ")"
	}
	return d
}

// notForSigning says why a JWK's own use, key_ops or alg rules it out for verifying a
// token signed with alg, or "" when nothing does.
func notForSigning(k *keys.Key, alg string) string {
	if k.Use != "" && k.Use != "sig" {
		return fmt.Sprintf("its \"use\" is %s, not \"sig\": it is published for encryption, not for signatures", quoted(k.Use))
	}
	if len(k.KeyOps) > 0 {
		ok := false
		for _, op := range k.KeyOps {
			if op == "verify" {
				ok = true
				break
			}
		}
		if !ok {
			return fmt.Sprintf("its \"key_ops\" are [%s], which do not include \"verify\"", Sanitize(strings.Join(k.KeyOps, ", ")))
		}
	}
	if k.Alg != "" && k.Alg != alg {
		return fmt.Sprintf("its \"alg\" is %s, but the token says %s", quoted(k.Alg), quoted(alg))
	}
	return ""
}

// keyMaterialInSecret says what public- or private-key material an HMAC secret holds
// ("a PEM public key"…), or "" when it looks like an ordinary secret.
func keyMaterialInSecret(s []byte) string {
	if i := bytes.Index(s, []byte("-----BEGIN ")); i >= 0 {
		rest := s[i+len("-----BEGIN "):]
		switch {
		case bytes.HasPrefix(rest, []byte("CERTIFICATE")):
			return "a PEM certificate"
		case bytes.Contains(rest[:min(len(rest), 40)], []byte("PRIVATE KEY")):
			return "a PEM private key"
		case bytes.Contains(rest[:min(len(rest), 40)], []byte("PUBLIC KEY")):
			return "a PEM public key"
		}
		return "PEM key material"
	}
	t := bytes.TrimSpace(s)
	for _, p := range []string{"ssh-rsa ", "ssh-ed25519 ", "ecdsa-sha2-"} {
		if bytes.HasPrefix(t, []byte(p)) {
			return "an OpenSSH public key"
		}
	}
	if !keys.LooksLikeKeyMaterial(s) {
		return ""
	}
	if len(t) > 0 && t[0] == '{' {
		return "a JWK public key"
	}
	return "public key material (DER)"
}

// publicKeyArg returns the value golang-jwt's Verify expects for k, or nil when k holds
// no usable key for its family.
func publicKeyArg(k *keys.Key) any {
	switch k.Family {
	case keys.HMAC:
		return k.Secret
	case keys.RSA:
		if p, ok := k.Public.(*rsa.PublicKey); ok && p != nil {
			return p
		}
	case keys.EC:
		if p, ok := k.Public.(*ecdsa.PublicKey); ok && p != nil {
			return p
		}
	case keys.Ed25519:
		switch p := k.Public.(type) {
		case ed25519.PublicKey:
			return p
		case *ed25519.PublicKey:
			if p != nil {
				return *p
			}
		}
	}
	return nil
}

// rsaModulusBytes is the signature size an RSA key makes.
func rsaModulusBytes(k *keys.Key) int {
	if p, ok := k.Public.(*rsa.PublicKey); ok && p != nil && p.N != nil {
		return (p.N.BitLen() + 7) / 8
	}
	return (k.Bits + 7) / 8
}

// rsaBits is the modulus size of an RSA key in bits.
func rsaBits(k *keys.Key) int {
	if p, ok := k.Public.(*rsa.PublicKey); ok && p != nil && p.N != nil {
		return p.N.BitLen()
	}
	return k.Bits
}

// ecCurve names the curve of an EC key, from the key itself when it is there.
func ecCurve(k *keys.Key) string {
	if p, ok := k.Public.(*ecdsa.PublicKey); ok && p != nil && p.Curve != nil {
		return p.Curve.Params().Name
	}
	return k.Curve
}
