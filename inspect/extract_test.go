package inspect

import (
	"encoding/base64"
	"strings"
	"testing"
)

// TestJSONPrefix checks the JSON-start test against what an encoder really makes of the
// ways a JSON object can begin.
func TestJSONPrefix(t *testing.T) {
	for _, start := range []string{`{"alg":"HS256"}`, `{"1":2}`, `{ "alg": "none" }`, "{\n  \"alg\": 1}", "{\r\n\"a\":1}", "{\t\"a\":1}", `{}`} {
		enc := base64.RawURLEncoding.EncodeToString([]byte(start))
		if !jsonPrefix([]byte(enc)) {
			t.Errorf("jsonPrefix(%q, the encoding of %q) = false, want true", enc, start)
		}
	}
	for _, s := range []string{"expires_in", "exampleToken", "ey", "rlWuoTpvBwR", "QUFB", ""} {
		if jsonPrefix([]byte(s)) {
			t.Errorf("jsonPrefix(%q) = true, want false", s)
		}
	}
}

func TestPlaceholderFor(t *testing.T) {
	for _, s := range []string{"undefined", "NULL", "null", "None", "nil", "<nil>", "NaN", "[object Object]", "[object Promise]",
		`""`, "''", "<token>", "<your-token-here>", "{{token}}", "${ACCESS_TOKEN}", "$TOKEN", "%TOKEN%", "YOUR_TOKEN", "your_jwt_here", "xxxxx", "TOKEN", "..."} {
		if _, ok := placeholderFor([]byte(s)); !ok {
			t.Errorf("placeholderFor(%q) = false, want true", s)
		}
	}
	for _, s := range []string{"eyJhbGciOiJIUzI1NiJ9", "2YotnFZFEjr1zCsicMWpAA", "nullable", "Bearer", "$token", "x"} {
		if _, ok := placeholderFor([]byte(s)); ok {
			t.Errorf("placeholderFor(%q) = true, want false", s)
		}
	}
}

func TestDescribe(t *testing.T) {
	cases := []struct{ in, want string }{
		{"123e4567-e89b-12d3-a456-426655440000", "UUID"},
		{"d41d8cd98f00b204e9800998ecf8427e", "hex string of 32"},
		{"2YotnFZFEjr1zCsicMWpAA", "opaque token of 22"},
		{"-----BEGIN CERTIFICATE-----\nMIIB", "PEM block"},
		{`{"error":"invalid_token"}`, "JSON with no member"},
		{"Basic YWxhZGRpbjpvcGVuc2VzYW1l", "Basic credentials"},
		{"hello there, world", "text with nothing shaped like a JWT"},
	}
	for _, c := range cases {
		if got, hint := describe([]byte(c.in), msgKind{}); !strings.Contains(got, c.want) || hint == "" {
			t.Errorf("describe(%q) = %q (hint %q), want it to mention %q", c.in, got, hint, c.want)
		}
	}
}

// TestExtractJoins checks when whitespace after a run is part of the token and when it
// ends it.
func TestExtractJoins(t *testing.T) {
	hdr := "eyJhbGciOiJIUzI1NiJ9"
	pay := "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkFsaWNlIn0"
	sig := "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
	tok := hdr + "." + pay + "." + sig
	cases := []struct{ name, in, want string }{
		{"space in payload", hdr + "." + pay[:20] + " " + pay[20:] + "." + sig, tok},
		{"tab in header", hdr[:10] + "\t" + hdr[10:] + "." + pay + "." + sig, tok},
		{"word after a whole token", "token " + tok + " expired", tok},
		{"word after a cut token", hdr + "." + pay + " failed to decode", hdr + "." + pay},
		{"two whole tokens on two lines", tok + "\n" + hdr + "." + pay + ".c2ln", tok},
		{"header line after the token", "Authorization: Bearer " + tok + "\r\nHost: example.com", tok},
		{"key after the token", "token=" + tok + "\nuser=alice", tok},
		{"signature tail on its own line", tok[:64] + "\n" + tok[64:], tok},
		{"cut at a dot then the next line", hdr + ".\n" + pay + "." + sig, tok},
		{"cut right after the second dot", hdr + "." + pay + ".\n" + sig, tok},
		{"space inside the signature", hdr + "." + pay + "." + sig[:20] + " " + sig[20:], tok},
		{"signature tail of 3 on its own line", tok[:len(tok)-3] + "\n" + tok[len(tok)-3:], tok},
		{"capitalised word after a whole token", tok + "\nExpired", tok},
		{"random word after a whole token", tok + "\nQmFzZTY0VGV4dA", tok},
		{"word after a token cut in the signature", hdr + "." + pay + "." + sig[:20] + "\nConnection reset", hdr + "." + pay + "." + sig[:20]},
		{"dotted word after a cut payload", hdr + "." + pay[:30] + "\nexample.com is down", hdr + "." + pay[:30]},
		{"a token cut before its signature, then a whole one (chosen)", hdr + "." + pay + "\n" + tok, tok},
		{"alg none then a token", "eyJhbGciOiJub25lIn0." + pay + ".\n" + tok, "eyJhbGciOiJub25lIn0." + pay + "."},
		{"header alone on a line, then a whole token (chosen)", hdr + ".\n" + tok, tok},
		{"folded with a tab", "Authorization: Bearer " + tok[:30] + "\r\n\t" + tok[30:] + "\r\nHost: x", tok},
		{"JSON escapes", `{"id_token":"` + tok[:50] + `\r\n` + tok[50:] + `"}`, tok},
		{"stray * inside the payload", hdr + "." + pay[:20] + "*" + pay[20:] + "." + sig, hdr + "." + pay[:20] + "*" + pay[20:] + "." + sig},
		{"stray | inside the signature", hdr + "." + pay + "." + sig[:20] + "|" + sig[20:], hdr + "." + pay + "." + sig[:20] + "|" + sig[20:]},
		{"cut token then a cookie attribute", "s=" + hdr + "." + pay[:30] + ";Path=/", hdr + "." + pay[:30]},
		{"cut token then a long URL parameter", "/cb?id_token=" + hdr + "." + pay[:30] + "&redirect_uri=https://x", hdr + "." + pay[:30]},
		{"whole token then ;HttpOnly", "s=" + tok + ";HttpOnly", tok},
		{"cut token, an ellipsis sign, a word", "token=" + hdr + "." + pay[:30] + "…truncated", hdr + "." + pay[:30] + "…"},
		{"terminal wrap right after token=eyJ", "level=warn token=eyJ\n" + tok[3:] + " user=alice", tok},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			n := normalize([]byte(c.in), 0)
			if n.token != c.want {
				t.Errorf("normalize(%q) token = %q, want %q", c.in, n.token, c.want)
			}
			checkNormalized(t, []byte(c.in), n)
		})
	}
}
