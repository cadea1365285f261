package keys

import (
	"bytes"
	"strings"
	"testing"
)

func TestSecret(t *testing.T) {
	tests := []struct {
		in       string
		keys     int
		trailing bool
	}{
		{"s3cret", 1, false},
		{"s3cret\n", 1, true},
		{"s3cret\r\n", 1, true},
		{"s3cret ", 1, true},
		{"", 0, false},
	}
	for _, tt := range tests {
		s := Secret([]byte(tt.in), "--secret")
		if len(s.Keys) != tt.keys {
			t.Fatalf("Secret(%q) gave %d keys, want %d", tt.in, len(s.Keys), tt.keys)
		}
		if tt.keys == 0 {
			if !hasCode(s, "key.unreadable") {
				t.Errorf("Secret(%q) findings %v, want key.unreadable", tt.in, codes(s))
			}
			continue
		}
		k := s.Keys[0]
		if string(k.Secret) != tt.in || k.TrailingNewline != tt.trailing || k.Family != HMAC || k.Bits != 8*len(tt.in) {
			t.Errorf("Secret(%q) = %q trailing %v family %s bits %d", tt.in, k.Secret, k.TrailingNewline, k.Family, k.Bits)
		}
		if strings.Contains(k.Fingerprint, "s3cret") || !strings.HasPrefix(k.Fingerprint, "sha256:") || len(k.Fingerprint) != 15 {
			t.Errorf("Secret(%q).Fingerprint = %q, want sha256: and 8 hex digits", tt.in, k.Fingerprint)
		}
	}
	// The bytes are a copy: changing the input does not change the key.
	in := []byte("abc")
	s := Secret(in, "")
	in[0] = 'x'
	if string(s.Keys[0].Secret) != "abc" {
		t.Error("Secret keeps a reference to its input")
	}
}

func TestSecretVariants(t *testing.T) {
	find := func(vs []SecretVariant, secret string) *SecretVariant {
		for i := range vs {
			if string(vs[i].Secret) == secret {
				return &vs[i]
			}
		}
		return nil
	}
	tests := []struct {
		in, want, code, label string
	}{
		{"topsecret\n", "topsecret", "key.secret-whitespace", "trailing newline trimmed"},
		{"  topsecret  ", "topsecret", "key.secret-whitespace", "surrounding whitespace"},
		{"dG9wc2VjcmV0", "topsecret", "key.secret-encoding", "base64-decoded"},
		{"dG9wc2VjcmV0\n", "topsecret", "key.secret-encoding", "base64-decoded (after trimming whitespace)"},
		{"dG9w-_8", "top\xfb\xff", "key.secret-encoding", "base64url-decoded"},
		{"746f70736563726574", "topsecret", "key.secret-encoding", "hex-decoded"},
		{"topsecret", "dG9wc2VjcmV0", "key.secret-encoding", "base64url-encoded"},
		{"topsecret", "746f70736563726574", "key.secret-encoding", "hex-encoded"},
		{"\xff\xfe", "//4=", "key.secret-encoding", "base64-encoded"},
	}
	for _, tt := range tests {
		vs := SecretVariants([]byte(tt.in))
		v := find(vs, tt.want)
		if v == nil {
			t.Errorf("SecretVariants(%q) lacks %q: %v", tt.in, tt.want, vs)
			continue
		}
		if v.Code != tt.code || !strings.Contains(v.Label, tt.label) {
			t.Errorf("SecretVariants(%q) variant %q = %s %q, want %s %q", tt.in, tt.want, v.Code, v.Label, tt.code, tt.label)
		}
		seen := map[string]bool{tt.in: true}
		for _, v := range vs {
			if seen[string(v.Secret)] {
				t.Errorf("SecretVariants(%q) repeats %q (or the secret itself)", tt.in, v.Secret)
			}
			seen[string(v.Secret)] = true
		}
	}
	if vs := SecretVariants([]byte("x")); find(vs, "x") != nil {
		t.Errorf("SecretVariants offers the secret itself")
	}
}

func TestWeakSecret(t *testing.T) {
	tests := []struct {
		n    int
		alg  string
		weak bool
	}{
		{31, "HS256", true}, {32, "HS256", false}, {47, "HS384", true}, {48, "HS384", false},
		{63, "HS512", true}, {64, "HS512", false}, {1, "RS256", false},
	}
	for _, tt := range tests {
		k := Secret(bytes.Repeat([]byte("a"), tt.n), "").Keys[0]
		f, weak := WeakSecret(k, tt.alg)
		if weak != tt.weak {
			t.Errorf("WeakSecret(%d bytes, %s) = %v, want %v", tt.n, tt.alg, weak, tt.weak)
		}
		if weak && (f.Code != "key.weak" || f.Severity != SevWarning || !strings.Contains(f.Message, "RFC 7518")) {
			t.Errorf("WeakSecret finding %+v", f)
		}
	}
	rsaKey := Read(readFixture(t, "rsa2048.pub.pem"), "").Keys[0]
	if _, weak := WeakSecret(rsaKey, "HS256"); weak {
		t.Error("WeakSecret judged an RSA key")
	}
}

func TestLooksLikeKeyMaterial(t *testing.T) {
	for _, f := range []string{"rsa2048.pub.pem", "rsa2048.cert.pem", "rsa2048.jwk", "ed25519.pub.ssh", "damaged.one-line.pem", "rsa2048.pub.der"} {
		if !LooksLikeKeyMaterial(readFixture(t, f)) {
			t.Errorf("LooksLikeKeyMaterial(%s) = false, want true", f)
		}
	}
	for _, s := range []string{"secret", `{"kty":"oct","k":"c2VjcmV0"}`, "0123456789abcdef", ""} {
		if LooksLikeKeyMaterial([]byte(s)) {
			t.Errorf("LooksLikeKeyMaterial(%q) = true, want false", s)
		}
	}
}

// TestSecretFixtures ties the secret fixtures to the JWK set: secret.b64 and secret.hex hold
// the bytes of its "hmac-1" key, which one of their variants must give.
func TestSecretFixtures(t *testing.T) {
	var oct []byte
	for _, k := range Read(readFixture(t, "jwks.json"), "").Keys {
		if k.KID == "hmac-1" {
			oct = k.Secret
		}
	}
	if len(oct) != 32 {
		t.Fatalf("jwks.json hmac-1 secret is %d bytes", len(oct))
	}
	for file, label := range map[string]string{"secret.b64": "base64-decoded (after trimming whitespace)", "secret.hex": "hex-decoded"} {
		s := Secret(readFixture(t, file), file)
		found := false
		for _, v := range SecretVariants(s.Keys[0].Secret) {
			if bytes.Equal(v.Secret, oct) {
				found = true
				if v.Label != label || v.Code != "key.secret-encoding" {
					t.Errorf("%s: variant %q %s, want %q key.secret-encoding", file, v.Label, v.Code, label)
				}
			}
		}
		if !found {
			t.Errorf("SecretVariants(%s) lacks the decoded secret", file)
		}
	}
	if s := Secret(readFixture(t, "secret.txt"), "secret.txt"); !s.Keys[0].TrailingNewline {
		t.Error("secret.txt: TrailingNewline not set")
	}
	if s := Read(readFixture(t, "secret.txt"), "secret.txt"); !said(s, "--secret-file") {
		t.Errorf("Read(secret.txt) does not suggest --secret-file: %v", s.Findings)
	}
}
