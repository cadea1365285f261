package main

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"jwtlens/inspect"
)

// b64 is base64url without padding, as in a JWS.
func b64(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }

// oddValues are claim values that have broken, or could break, a JSON writer: NumericDates
// far outside 0–9999 (milliseconds, microseconds, 1e300, negative), non-numbers, raw bytes
// that are not UTF-8, an 8-bit CSI, C1 and bidi characters, tag characters beyond U+FFFF.
var oddValues = []string{
	`1767225600000`, `1767225600000000`, `253402300800`, `253402300799`, `-62135596801`, `-1`,
	`1e300`, `-1e300`, `1.5e19`, `9223372036854775808`, `0.0000001`, `"1767225600"`, `null`,
	`true`, `[]`, `{"a":1}`, `"\u202e\u200b\ufeff"`, `"\u009b31m"`, "\"a\x9bb\xffc\xc0\"",
	`"\udb40\udc41"`, "\"\xf3\xa0\x81\x81tag\"", `"\ud800"`, `""`,
}

// TestWriteJSONNeverFails feeds every odd value as exp, nbf, iat and a private claim, in the
// payload and the header, and asserts writeJSON succeeds with valid, terminal-safe UTF-8.
func TestWriteJSONNeverFails(t *testing.T) {
	now := time.Unix(1767225600, 0).UTC()
	for _, v := range oddValues {
		for _, name := range []string{"exp", "nbf", "iat", "x"} {
			tokens := []string{
				b64(`{"alg":"HS256"}`) + "." + b64(`{"`+name+`":`+v+`}`) + ".c2ln",
				b64(`{"alg":"HS256","`+name+`":`+v+`}`) + "." + b64(`{}`) + ".c2ln",
			}
			for _, tok := range tokens {
				r := inspect.Inspect([]byte(tok), inspect.Options{Now: now})
				var b bytes.Buffer
				if err := writeJSON(&b, r, false, "INVALID", ""); err != nil {
					t.Errorf("%s=%s: writeJSON failed: %v", name, v, err)
					continue
				}
				checkSafeJSON(t, name+"="+v, b.Bytes())
			}
		}
	}
}

// checkSafeJSON asserts out is one JSON object, valid UTF-8, with no character a terminal
// acts on outside the layout's line breaks.
func checkSafeJSON(t *testing.T, what string, out []byte) {
	t.Helper()
	if !utf8.Valid(out) {
		t.Errorf("%s: output is not UTF-8: %q", what, out)
	}
	if !json.Valid(out) {
		t.Errorf("%s: output is not JSON:\n%s", what, out)
	}
	for _, r := range string(out) {
		if (r < 0x20 && r != '\n') || (r >= 0x7f && r < 0xa0) || unicode.Is(unicode.Cf, r) || r == 0x2028 || r == 0x2029 {
			t.Errorf("%s: output holds %U raw", what, r)
		}
	}
}

func TestJSONTime(t *testing.T) {
	for _, tc := range []struct {
		t    time.Time
		want string
	}{
		{time.Unix(1767225600, 0), `"2026-01-01T00:00:00Z"`},
		{time.Unix(1767225600000, 0), `null`},
		{time.Date(-1, 12, 31, 0, 0, 0, 0, time.UTC), `null`},
		{time.Time{}, `null`},
		{time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC), `"9999-12-31T23:59:59Z"`},
	} {
		got, err := jsonTime{tc.t}.MarshalJSON()
		if err != nil || string(got) != tc.want {
			t.Errorf("%v: got %s, %v; want %s", tc.t, got, err, tc.want)
		}
	}
}

func TestEscapeUnsafe(t *testing.T) {
	in := "{\"a\": \"x\x9by\xffz\u202e\u0085\U000e0041\"}"
	got := string(escapeUnsafe([]byte(in)))
	want := `{"a": "x\ufffdy\ufffdz\u202e\u0085\udb40\udc41"}`
	if got != want {
		t.Errorf("escapeUnsafe = %s, want %s", got, want)
	}
	var v map[string]string
	if err := json.Unmarshal([]byte(got), &v); err != nil || !strings.HasSuffix(v["a"], "\u202e\u0085\U000e0041") {
		t.Errorf("escaped text decodes to %q, %v", v["a"], err)
	}
}
