package keys

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
)

// Secret reads an HMAC secret exactly as given: the bytes are kept unchanged, even a
// trailing newline from a file (Key.TrailingNewline says so, and SecretVariants offers the
// trimmed bytes for verification to try). An empty secret gives no key and a
// key.unreadable finding.
func Secret(data []byte, source string) Set {
	set := Set{Source: source}
	name := "the secret"
	if source != "" {
		name = fmt.Sprintf("the secret from %q", source)
	}
	if len(data) == 0 {
		set.Findings = append(set.Findings, Finding{Code: "key.unreadable", Severity: SevError,
			Message: name + " is empty; an HMAC token cannot be checked without its secret.",
			Hint:    "Give the secret the issuer signs with (--secret TEXT or --secret-file FILE, or ctrl+o in the inspector)."})
		return set
	}
	k := Key{
		Family:          HMAC,
		Bits:            len(data) * 8,
		Secret:          bytes.Clone(data),
		Source:          source,
		Format:          "secret",
		Fingerprint:     secretFingerprint(data),
		TrailingNewline: len(bytes.TrimRight(data, " \t\r\n")) != len(data),
	}
	set.Keys = append(set.Keys, k)
	return set
}

// secretFingerprint names a secret without revealing it: "sha256:" and the first 8 hex
// digits of its SHA-256, enough to tell two secrets apart, too little to matter.
func secretFingerprint(s []byte) string {
	sum := sha256.Sum256(s)
	return "sha256:" + hex.EncodeToString(sum[:4])
}

// SecretVariant is one plausible other reading of an HMAC secret, for verification to try
// when the secret as given does not verify.
type SecretVariant struct {
	Label  string // what was done, for the message: "with the trailing newline trimmed"
	Code   string // the finding to report when this variant verifies: key.secret-whitespace or key.secret-encoding
	Secret []byte
}

// SecretVariants gives the plausible variants of a secret, each different from it and from
// the others: trailing (and leading) whitespace trimmed; a leading UTF-8 BOM removed;
// surrounding quotes removed; base64, base64url and hex decoded
// (of the trimmed text too); and the reverse, the secret base64url-, base64- and
// hex-encoded, for when the issuer uses the text of an encoded secret as the key.
func SecretVariants(secret []byte) []SecretVariant {
	var out []SecretVariant
	seen := map[string]bool{string(secret): true}
	add := func(label, code string, b []byte) {
		if len(b) == 0 || seen[string(b)] {
			return
		}
		seen[string(b)] = true
		out = append(out, SecretVariant{Label: label, Code: code, Secret: b})
	}
	trimmed := bytes.TrimRight(secret, " \t\r\n")
	if len(trimmed) != len(secret) {
		add("with the trailing newline trimmed", "key.secret-whitespace", bytes.Clone(trimmed))
	}
	both := bytes.TrimSpace(secret)
	add("with surrounding whitespace trimmed", "key.secret-whitespace", bytes.Clone(both))
	// A BOM an editor wrote at the start of the file, and quotes around the value.
	bare := both
	if b, ok := bytes.CutPrefix(bare, []byte("\xEF\xBB\xBF")); ok {
		bare = bytes.TrimSpace(b)
		add("with the BOM at its start removed (the secret file starts with a BOM)", "key.secret-encoding", bytes.Clone(bare))
	}
	if n := len(bare); n >= 2 && (bare[0] == '"' || bare[0] == '\'') && bare[n-1] == bare[0] {
		add("with its quotes removed (the secret is quoted)", "key.secret-whitespace", bytes.Clone(bare[1:n-1]))
	}
	suffix := ""
	if len(both) != len(secret) {
		suffix = " (after trimming whitespace)"
	}
	for _, d := range decodings(both) {
		add(d.label+suffix, "key.secret-encoding", d.b)
	}
	add("base64url-encoded", "key.secret-encoding", []byte(base64.RawURLEncoding.EncodeToString(secret)))
	add("base64-encoded", "key.secret-encoding", []byte(base64.StdEncoding.EncodeToString(secret)))
	add("hex-encoded", "key.secret-encoding", []byte(hex.EncodeToString(secret)))
	return out
}

type decoded struct {
	label string
	b     []byte
}

// decodings tries the encodings a secret is commonly kept in.
func decodings(s []byte) []decoded {
	var out []decoded
	if len(s) >= 2 && len(s)%2 == 0 && isHex(s) {
		if b, err := hex.DecodeString(string(s)); err == nil {
			out = append(out, decoded{"hex-decoded", b})
		}
	}
	if len(s) >= 4 {
		str := string(s)
		if b, err := base64.StdEncoding.DecodeString(str); err == nil {
			out = append(out, decoded{"base64-decoded", b})
		} else if b, err := base64.RawStdEncoding.DecodeString(str); err == nil {
			out = append(out, decoded{"base64-decoded", b})
		}
		if b, err := base64.RawURLEncoding.DecodeString(string(bytes.TrimRight(s, "="))); err == nil {
			out = append(out, decoded{"base64url-decoded", b})
		}
	}
	return out
}

func isHex(s []byte) bool {
	for _, c := range s {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

// MinSecretBytes is the shortest HMAC secret RFC 7518 §3.2 allows for alg: as long as the
// hash output (HS256 32, HS384 48, HS512 64 bytes); 0 for other algs.
func MinSecretBytes(alg string) int {
	switch alg {
	case "HS256":
		return 32
	case "HS384":
		return 48
	case "HS512":
		return 64
	}
	return 0
}

// WeakSecret judges an HMAC secret's length against alg and returns the key.weak finding
// when it is shorter than the hash; ok is false when the secret is long enough (or k is not
// an HMAC secret).
func WeakSecret(k Key, alg string) (f Finding, ok bool) {
	min := MinSecretBytes(alg)
	if k.Family != HMAC || min == 0 || len(k.Secret) >= min {
		return Finding{}, false
	}
	return Finding{
		Code:     "key.weak",
		Severity: SevWarning,
		Message:  fmt.Sprintf("the %s secret is %d bytes; RFC 7518 requires at least %d for %s (the length of its hash), so it can be guessed offline from any token it signed.", alg, len(k.Secret), min, alg),
		Hint:     fmt.Sprintf("Use a random secret of %d bytes or more, e.g. openssl rand -base64 %d.", min, min),
	}, true
}

// LooksLikeKeyMaterial says whether bytes given as an HMAC secret are in fact a public key,
// certificate or JWK — the material of the classic alg-confusion forgery (key.alg-confusion),
// which must never be used as an HMAC secret.
func LooksLikeKeyMaterial(secret []byte) bool {
	t := bytes.TrimSpace(secret)
	if isPEMish(t) || isSSHPublicLine(t) {
		return true
	}
	if len(t) > 0 && (t[0] == '{' || t[0] == 0x30) {
		s := Read(t, "")
		for _, k := range s.Keys {
			if k.Family != HMAC {
				return true
			}
		}
	}
	return false
}
