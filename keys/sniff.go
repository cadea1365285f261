package keys

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"regexp"
	"unicode/utf8"
)

// isText says whether b is printable UTF-8 text (with ordinary white space).
func isText(b []byte) bool {
	if !utf8.Valid(b) {
		return false
	}
	for _, c := range b {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7f {
			return false
		}
	}
	return true
}

// bareBase64 decodes t when it is nothing but base64 (standard or URL alphabet, padded or
// not, in lines or not).
func bareBase64(t []byte) ([]byte, bool) {
	clean := make([]byte, 0, len(t))
	url := false
	for _, c := range t {
		switch {
		case c == ' ' || c == '\n' || c == '\r' || c == '\t':
		case c == '-' || c == '_':
			url = true
			clean = append(clean, c)
		case isB64(c):
			clean = append(clean, c)
		default:
			return nil, false
		}
	}
	clean = bytes.TrimRight(clean, "=")
	enc := base64.RawStdEncoding
	if url {
		enc = base64.RawURLEncoding
	}
	b, err := enc.DecodeString(string(clean))
	return b, err == nil
}

var (
	jwtRE  = regexp.MustCompile(`^(?:Bearer\s+)?([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]*)(?:\.([A-Za-z0-9_-]*)\.([A-Za-z0-9_-]*))?$`)
	uuidRE = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
)

// matchJWT matches a JWT (or JWE), with or without a Bearer prefix.
func matchJWT(t []byte) [][]byte {
	if len(t) > 256<<10 || bytes.Count(t, []byte(".")) < 2 {
		return nil
	}
	return jwtRE.FindSubmatch(t)
}

// describeUnreadable says what bytes that hold no key looked like, without echoing them
// (they may be a secret).
func describeUnreadable(t []byte, src string) string {
	if m := matchJWT(t); m != nil {
		if h, err := base64.RawURLEncoding.DecodeString(string(m[1])); err == nil && json.Valid(h) {
			if m[4] != nil {
				return fmt.Sprintf("%s is an encrypted token (a JWE, five segments), not a key.", src)
			}
			return fmt.Sprintf("%s is a token (a JWT), not a key.", src)
		}
	}
	switch {
	case bytes.HasPrefix(t, []byte("PuTTY-User-Key-File-")):
		return fmt.Sprintf("%s is a PuTTY private key (.ppk).", src)
	case bytes.HasPrefix(t, []byte("<")):
		return fmt.Sprintf("%s is HTML or XML (perhaps an error page saved instead of the key), not a key.", src)
	case bytes.HasPrefix(t, []byte{0x1f, 0x8b}):
		return fmt.Sprintf("%s is gzip-compressed data, not a key.", src)
	case bytes.HasPrefix(t, []byte("PK\x03\x04")):
		return fmt.Sprintf("%s is a ZIP archive, not a key.", src)
	case len(t) > 0 && (t[0] == 0x99 || t[0] == 0xc6 || t[0] == 0x95) && !isText(t):
		return fmt.Sprintf("%s looks like a binary OpenPGP (GnuPG) key, not a key format JWS uses.", src)
	}
	if !isText(t) {
		n := min(len(t), 4)
		return fmt.Sprintf("%s is %d bytes of binary data that are not a DER key or certificate (they start % x).", src, len(t), t[:n])
	}
	single0 := !bytes.ContainsAny(t, " \t\r\n")
	if single0 && (bytes.HasPrefix(t, []byte("https://")) || bytes.HasPrefix(t, []byte("http://"))) {
		return fmt.Sprintf("%s is a URL, not a key; jwtlens never fetches anything.", src)
	}
	if single0 && len(t) < 4096 && (t[0] == '/' || bytes.HasPrefix(t, []byte("~/")) || bytes.HasPrefix(t, []byte("./"))) &&
		bytes.Count(t, []byte("/")) >= 1 && !bytes.Contains(t, []byte("//")) {
		return fmt.Sprintf("%s looks like a file path, not the contents of a key.", src)
	}
	if uuidRE.Match(t) {
		return fmt.Sprintf("%s is a UUID, which looks like a key id (kid) rather than a key.", src)
	}
	single := !bytes.ContainsAny(t, " \t\r\n")
	if single && len(t)%2 == 0 && isHex(t) {
		if len(t) == 64 {
			return fmt.Sprintf("%s is 64 hex digits: a SHA-256 fingerprint, a key id, or a 32-byte secret in hex — not a public key.", src)
		}
		return fmt.Sprintf("%s is %d hex digits (%d bytes): a key id, a fingerprint or a secret in hex, not a public key.", src, len(t), len(t)/2)
	}
	if b, ok := bareBase64(t); ok && single && len(t) >= 16 {
		return fmt.Sprintf("%s is base64 of %d bytes that are not a key structure (not DER): perhaps an HMAC secret, or a key cut short.", src, len(b))
	}
	if single && len(t) <= 64 {
		return fmt.Sprintf("%s is a short string of %d characters with no key structure: a key id (kid), a password or an HMAC secret, not a public key.", src, utf8.RuneCount(t))
	}
	if bytes.Contains(t, []byte("BEGIN")) {
		return fmt.Sprintf("%s mentions BEGIN but has no PEM armour line (-----BEGIN …-----).", src)
	}
	return fmt.Sprintf("%s is %d bytes of text that is not PEM, JWK or any key format.", src, len(t))
}

// hintUnreadable says what to do about bytes that hold no key.
func hintUnreadable(t []byte) string {
	if m := matchJWT(t); m != nil {
		return "Give the key the token is verified with (PEM, certificate, JWK or JWKS); the token goes in as the input to inspect."
	}
	if bytes.HasPrefix(t, []byte("https://")) || bytes.HasPrefix(t, []byte("http://")) {
		return "Download it yourself (curl -o jwks.json URL) and give the file."
	}
	if len(t) > 0 && (t[0] == '/' || bytes.HasPrefix(t, []byte("~/")) || bytes.HasPrefix(t, []byte("./"))) && !bytes.ContainsAny(t, " \t\r\n") {
		return "Give the file itself: jwtlens check --key PATH, or paste what the file holds."
	}
	if bytes.HasPrefix(t, []byte("PuTTY-User-Key-File-")) {
		return "Export the public key with: puttygen key.ppk -O public-openssh -o key.pub, then give key.pub."
	}
	if isText(t) && !bytes.ContainsAny(bytes.TrimSpace(t), " \t\r\n") && len(t) <= 128 {
		return "A kid only names a key: give the key itself. If this is an HMAC secret, pass it with --secret or --secret-file."
	}
	if isText(t) && !bytes.ContainsAny(bytes.TrimSpace(t), "\r\n") && len(t) <= 1024 {
		return "If this line is an HMAC secret, pass it with --secret-file (not as a key); otherwise give a PEM, certificate, JWK or JWK set."
	}
	return "Give a PEM public key, certificate, private key, DER, JWK or JWK set."
}
