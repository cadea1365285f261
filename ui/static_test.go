package ui

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/muesli/termenv"

	"jwtlens/inspect"
	"jwtlens/keys"
)

// makeReport builds a report by hand (independent of the inspect package's diagnosis):
// token split at its dots into header, payload and signature, raw offsets shifted by
// prefix bytes (as when a "Bearer " prefix was removed).
func makeReport(token string, prefix int, findings ...inspect.Finding) *inspect.Report {
	r := &inspect.Report{Token: token, RawLen: len(token) + prefix, Kind: inspect.KindJWS, Findings: findings}
	for i := 0; i <= len(token); i++ {
		r.RawOffsets = append(r.RawOffsets, i+prefix)
	}
	parts := []inspect.Part{inspect.PartHeader, inspect.PartPayload, inspect.PartSignature}
	start := 0
	for i, text := range strings.Split(token, ".") {
		if i >= len(parts) {
			break
		}
		r.Segments = append(r.Segments, inspect.Segment{Part: parts[i], Start: start, End: start + len(text), Text: text})
		start += len(text) + 1
	}
	r.Verification = inspect.Verification{Status: inspect.NotChecked, Detail: "no key given"}
	return r
}

func render(t *testing.T, r *inspect.Report, opt ReportOptions) string {
	t.Helper()
	var b bytes.Buffer
	if err := WriteReport(&b, r, opt); err != nil {
		t.Fatalf("WriteReport: %v", err)
	}
	return b.String()
}

// caretColumns returns the columns of '^' or '~' in the line after the line holding want.
func caretColumns(t *testing.T, out, want string) []int {
	t.Helper()
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		if strings.Contains(l, want) && i+1 < len(lines) {
			var cols []int
			for c, r := range []rune(lines[i+1]) {
				if r == '^' || r == '~' {
					cols = append(cols, c)
				}
			}
			return cols
		}
	}
	t.Fatalf("no line holding %q in\n%s", want, out)
	return nil
}

func TestWriteReport(t *testing.T) {
	verifiedKey := &keys.Key{Family: keys.HMAC, Bits: 256, Secret: make([]byte, 32), Source: "secret.txt", Format: "secret"}
	header := &inspect.Value{Type: inspect.TypeObject, Raw: `{"typ":"JWT","alg":"HS256"}`}
	exp := time.Date(2026, 1, 1, 1, 0, 0, 0, time.UTC)
	tests := []struct {
		name      string
		report    func() *inspect.Report
		opt       ReportOptions
		first     string   // the first line
		want      []string // substrings, in order
		carets    []int    // caret columns under the line holding caretLine
		caretLine string
	}{{
		name: "truncated, caret after the last byte, none for the token as a whole",
		report: func() *inspect.Report {
			return makeReport("eyJhbGciOi.eyJzdWIi", 0, inspect.Finding{Code: "structure.truncated", Severity: inspect.Error,
				Part: inspect.PartToken, Offset: 19, Message: "the token was cut short after 19 characters", Hint: "copy the whole token"},
				inspect.Finding{Code: "structure.segment-count", Severity: inspect.Error, Part: inspect.PartToken, Offset: 0, Length: 19})
		},
		first:     "✗ MALFORMED — the token was cut short after 19 characters (structure.truncated)",
		want:      []string{"    and 1 more error, listed under Findings\n", "Token — 19 characters, 2 segments, JWS", "header────", "payload─", "Findings (2)", "✗ error   structure.truncated  token @19", "→ copy the whole token"},
		caretLine: "eyJhbGciOi.eyJzdWIi",
		carets:    []int{21},
	}, {
		name: "bad byte found through the raw offsets of a Bearer paste",
		report: func() *inspect.Report {
			return makeReport("abcd.ef!h.ijkl", 7, inspect.Finding{Code: "base64.invalid-char", Severity: inspect.Error,
				Part: inspect.PartPayload, Offset: 7 + 7, Length: 1, Message: "'!' is not base64url"})
		},
		first:     "✗ MALFORMED — '!' is not base64url (base64.invalid-char)",
		want:      []string{"^ an error points here", "payload @14"},
		caretLine: "abcd.ef!h.ijkl",
		carets:    []int{2 + 7},
	}, {
		name: "warning marked with tildes",
		report: func() *inspect.Report {
			return makeReport("abcd.efgh.ij==", 0, inspect.Finding{Code: "base64.padding", Severity: inspect.Warning,
				Part: inspect.PartSignature, Offset: 12, Length: 2, Message: "padding"})
		},
		first:     "• NOT VERIFIED — no key given; add --key FILE or --secret TEXT to verify",
		want:      []string{"    but padding (base64.padding)\n"},
		caretLine: "abcd.efgh.ij==",
		carets:    []int{14, 15},
	}, {
		name: "verified, header in its original order, claims with dates",
		report: func() *inspect.Report {
			r := makeReport("abcd.efgh.ijkl", 0)
			r.Header = header
			r.Payload = &inspect.Value{Type: inspect.TypeObject, Raw: `{"sub":"alice","exp":1767229200,"aud":["a","b"],"x":{}}`}
			r.Claims = []inspect.Claim{{Name: "exp", Part: inspect.PartPayload, Meaning: "When the token expires.",
				Value: &inspect.Value{Raw: "1767229200"}, IsTime: true, Time: exp, Relative: "in 1h"}}
			r.Signature = inspect.SignatureInfo{Alg: "HS256", Bytes: 32, ExpectedBytes: 32}
			r.Verification = inspect.Verification{Status: inspect.Verified, Key: verifiedKey, Detail: "verified with HMAC-256 (secret.txt)"}
			return r
		},
		opt:   ReportOptions{KeysGiven: true},
		first: "✓ VERIFIED — verified with HMAC-256 (secret.txt)",
		// No signature.verified finding in this hand-made report: no code to name.
		want: []string{"Header", "  {", `    "typ": "JWT",`, `    "alg": "HS256"`, "  }",
			"Payload", `    "sub": "alice",`, `    "aud": [`, `      "a",`, `    ],`, `    "x": {}`,
			"Claims", "exp  Expiration Time  1767229200  = 2026-01-01 01:00:00 UTC · in 1h",
			"Signature", "alg       HS256", "length    32 bytes (as HS256 needs)",
			"Verification", "status    verified — verified with HMAC-256 (secret.txt)", "key       HMAC secret of 32 bytes, from secret.txt",
			"Findings (0)", "none"},
	}, {
		name: "invalid signature with a key given",
		report: func() *inspect.Report {
			r := makeReport("abcd.efgh.ijkl", 0, inspect.Finding{Code: "signature.invalid", Severity: inspect.Error,
				Part: inspect.PartSignature, Offset: 10, Length: 4, Message: "the signature does not verify with secret.txt", Hint: "check the secret"})
			r.Verification = inspect.Verification{Status: inspect.Invalid, Key: verifiedKey, Detail: "does not verify with secret.txt"}
			r.Signature = inspect.SignatureInfo{Alg: "HS256", Bytes: 3, ExpectedBytes: 32}
			return r
		},
		opt:   ReportOptions{KeysGiven: true},
		first: "✗ INVALID — the signature does not verify with secret.txt (signature.invalid)",
		want:  []string{"length    3 bytes — HS256 needs 32", "status    invalid — does not verify with secret.txt"},
	}, {
		name: "JWE: part lengths instead of a payload",
		report: func() *inspect.Report {
			r := makeReport("hhhh.kk.iv.cccccc.tt", 0, inspect.Finding{Code: "structure.jwe", Severity: inspect.Info, Part: inspect.PartToken,
				Message: "an encrypted token"})
			r.Kind = inspect.KindJWE
			r.Header = &inspect.Value{Type: inspect.TypeObject, Raw: `{"alg":"RSA-OAEP","enc":"A256GCM"}`}
			parts := []inspect.Part{inspect.PartHeader, inspect.PartEncryptedKey, inspect.PartIV, inspect.PartCiphertext, inspect.PartTag}
			r.Segments = nil
			start := 0
			for i, text := range strings.Split(r.Token, ".") {
				r.Segments = append(r.Segments, inspect.Segment{Part: parts[i], Start: start, End: start + len(text), Text: text, Bytes: make([]byte, len(text)*3/4)})
				start += len(text) + 1
			}
			return r
		},
		first: "• ENCRYPTED — JWE, payload cannot be shown without the key (structure.jwe)",
		want: []string{"5 segments, JWE", "head en iv cipher ta", `"enc": "A256GCM"`, "Encrypted parts",
			"ciphertext    6 characters, 4 bytes", "cannot be shown without the recipient's key", "i info    structure.jwe  token"},
	}, {
		name: "nested: the inner token shown",
		report: func() *inspect.Report {
			r := makeReport("abcd.efgh.ijkl", 0)
			r.Kind, r.NestedToken = inspect.KindNested, "inner.token.text"
			return r
		},
		first: "• NOT VERIFIED — no key given; add --key FILE or --secret TEXT to verify",
		want:  []string{"3 segments, nested", "Inner token", "  inner.token.text"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := render(t, tt.report(), tt.opt)
			if strings.Contains(out, "\x1b") {
				t.Errorf("report without colour holds an escape sequence:\n%q", out)
			}
			first, _, _ := strings.Cut(out, "\n")
			if first != tt.first {
				t.Errorf("first line = %q, want %q", first, tt.first)
			}
			rest := out
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("report lacks %q (in order) in\n%s", w, out)
				}
				rest = rest[i+len(w):]
			}
			if tt.caretLine != "" {
				got := caretColumns(t, out, tt.caretLine)
				if !equalInts(got, tt.carets) {
					t.Errorf("carets at columns %v, want %v in\n%s", got, tt.carets, out)
				}
			}
		})
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestWriteReportWrapsToWidth(t *testing.T) {
	token := strings.Repeat("A", 70) + "." + strings.Repeat("B", 90) + "." + strings.Repeat("C", 43)
	r := makeReport(token, 0, inspect.Finding{Code: "base64.invalid-char", Severity: inspect.Error, Part: inspect.PartPayload,
		Offset: 100, Length: 1, Message: strings.Repeat("a long message that must wrap ", 6)})
	for _, width := range []int{40, 80, 120} {
		out := render(t, r, ReportOptions{Width: width})
		for _, l := range strings.Split(out, "\n") {
			if n := len([]rune(l)); n > width {
				t.Errorf("width %d: line of %d columns: %q", width, n, l)
			}
		}
		// The token text survives wrapping: its rows joined give it back.
		var rows []string
		for _, l := range strings.Split(out, "\n") {
			if t := strings.TrimPrefix(l, "  "); len(t) > 0 && strings.Trim(t, "ABC.") == "" {
				rows = append(rows, t)
			}
		}
		if got := strings.Join(rows, ""); got != token {
			t.Errorf("width %d: token rows join to %q, want the token", width, got)
		}
	}
}

func TestWriteReportColour(t *testing.T) {
	r := makeReport("abcd.efgh.ijkl", 0, inspect.Finding{Code: "signature.invalid", Severity: inspect.Error, Part: inspect.PartSignature, Offset: 10, Length: 4})
	if out := render(t, r, ReportOptions{Color: true}); !strings.Contains(out, "\x1b[") {
		t.Errorf("Color: true drew no colour:\n%q", out)
	}
	if out := render(t, r, ReportOptions{}); strings.Contains(out, "\x1b") {
		t.Errorf("Color: false drew escapes:\n%q", out)
	}
}

func TestJudgeVerdict(t *testing.T) {
	f := func(code string, s inspect.Severity) inspect.Finding { return inspect.Finding{Code: code, Severity: s} }
	tests := []struct {
		name      string
		findings  []inspect.Finding
		status    inspect.VerifyStatus
		keysGiven bool
		want      Verdict
	}{
		{"nothing wrong, no key", []inspect.Finding{f("signature.not-verified", inspect.Info)}, inspect.NotChecked, false, VerdictNotVerified},
		{"verified", []inspect.Finding{f("signature.verified", inspect.Info)}, inspect.Verified, true, VerdictVerified},
		{"bad signature", []inspect.Finding{f("signature.invalid", inspect.Error)}, inspect.Invalid, true, VerdictInvalid},
		{"expired", []inspect.Finding{f("claims.expired", inspect.Error)}, inspect.NotChecked, false, VerdictInvalid},
		{"truncated", []inspect.Finding{f("structure.truncated", inspect.Error)}, inspect.NotChecked, false, VerdictMalformed},
		{"short signature", []inspect.Finding{f("signature.length", inspect.Error)}, inspect.Invalid, true, VerdictMalformed},
		{"cannot check with a key", []inspect.Finding{f("key.type-mismatch", inspect.Warning)}, inspect.CannotCheck, true, VerdictInvalid},
		{"warnings only", []inspect.Finding{f("base64.padding", inspect.Warning)}, inspect.NotChecked, false, VerdictNotVerified},
		{"alg none", []inspect.Finding{f("header.alg-none", inspect.Warning)}, inspect.CannotCheck, false, VerdictUnsecured},
		{"alg none with a key", []inspect.Finding{f("header.alg-none", inspect.Warning)}, inspect.CannotCheck, true, VerdictUnsecured},
		{"JWE with a key", []inspect.Finding{f("structure.jwe", inspect.Info)}, inspect.CannotCheck, true, VerdictEncrypted},
		{"alg none, cut short", []inspect.Finding{f("structure.truncated", inspect.Error)}, inspect.CannotCheck, false, VerdictMalformed},
	}
	for _, tt := range tests {
		r := &inspect.Report{Findings: tt.findings, Verification: inspect.Verification{Status: tt.status}}
		switch tt.findings[0].Code {
		case "header.alg-none", "structure.truncated":
			r.Kind = inspect.KindUnsecured
		case "structure.jwe":
			r.Kind = inspect.KindJWE
		}
		if got := JudgeVerdict(r, tt.keysGiven); got != tt.want {
			t.Errorf("%s: JudgeVerdict = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestReindent(t *testing.T) {
	tests := []struct {
		raw  string
		want []string
	}{
		{`{}`, []string{`{}`}},
		{`{"a":1}`, []string{`{`, `  "a": 1`, `}`}},
		{`{ "b" : [1, 2 ,{ }], "a":"x,{}\"]" }`, []string{`{`, `  "b": [`, `    1,`, `    2,`, `    {}`, `  ],`, `  "a": "x,{}\"]"`, `}`}},
		{`{"z":1,"a":2,"z":3}`, []string{`{`, `  "z": 1,`, `  "a": 2,`, `  "z": 3`, `}`}},
		{`{"n":1.50e+3,"u":"\u00e9"}`, []string{`{`, `  "n": 1.50e+3,`, `  "u": "\u00e9"`, `}`}},
	}
	for _, tt := range tests {
		got := Reindent(tt.raw)
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("Reindent(%q) =\n%s\nwant\n%s", tt.raw, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
	}
}

// bigToken is an unsigned-looking JWS whose payload holds about n bytes of claims.
func bigToken(n int) string {
	enc := base64.RawURLEncoding
	payload := `{"sub":"alice","data":"` + strings.Repeat("x", n) + `"}`
	return enc.EncodeToString([]byte(`{"alg":"HS256","typ":"JWT"}`)) + "." + enc.EncodeToString([]byte(payload)) + "." +
		enc.EncodeToString(bytes.Repeat([]byte{7}, 32))
}

// BenchmarkWriteReport measures the static report of a diagnosed token (diagnosis not
// included) at 80 columns.
func BenchmarkWriteReport(b *testing.B) {
	for _, size := range []struct {
		name string
		n    int
	}{{"1KiB", 1 << 10}, {"8KiB", 8 << 10}, {"64KiB", 64 << 10}} {
		r := inspect.Inspect([]byte(bigToken(size.n)), inspect.Options{Now: time.Unix(1767225600, 0)})
		b.Run(size.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := WriteReport(io.Discard, r, ReportOptions{Width: 80}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// dupToken is a JWS whose payload repeats one member n times: a finding per duplicate.
func dupToken(n int) string {
	enc := base64.RawURLEncoding
	payload := "{" + strings.TrimSuffix(strings.Repeat(`"a":1,`, n), ",") + "}"
	return enc.EncodeToString([]byte(`{"alg":"HS256","typ":"JWT"}`)) + "." + enc.EncodeToString([]byte(payload)) + "." +
		enc.EncodeToString(bytes.Repeat([]byte{7}, 32))
}

// BenchmarkWriteReportFindings measures the report of a token with a finding per duplicate
// member: the cost must grow linearly with the number of findings.
func BenchmarkWriteReportFindings(b *testing.B) {
	for _, n := range []int{1000, 4000, 16000} {
		r := inspect.Inspect([]byte(dupToken(n)), inspect.Options{Now: time.Unix(1767225600, 0)})
		b.Run(fmt.Sprintf("%dfindings", len(r.Findings)), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := WriteReport(io.Discard, r, ReportOptions{Width: 80}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestWriteReportManyFindings is a token with a finding per duplicate member: the report
// takes well under a second, lists a bounded number of findings and counts the rest per
// code, and keeps the token strip and the payload JSON to a bounded number of lines.
func TestWriteReportManyFindings(t *testing.T) {
	r := inspect.Inspect([]byte(dupToken(20000)), inspect.Options{Now: time.Unix(1767225600, 0)})
	if len(r.Findings) < 20000 {
		t.Fatalf("%d findings, want one per duplicate member", len(r.Findings))
	}
	limit := 500 * time.Millisecond
	if raceEnabled {
		limit *= 20
	}
	start := time.Now()
	out := render(t, r, ReportOptions{Width: 80})
	if took := time.Since(start); took > limit {
		t.Errorf("the report of %d findings took %v (limit %v)", len(r.Findings), took, limit)
	}
	if n := strings.Count(out, "\n"); n > maxFindings*4+maxJSONLines+maxTokenRows*3+100 {
		t.Errorf("the report is %d lines long", n)
	}
	for _, want := range []string{"more of code json.duplicate-key", "claims.no-exp", "rows of the token not shown", "more lines not shown"} {
		if !strings.Contains(out, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	// The last bytes of the token are still drawn: its end is never cut away.
	tail := r.Token[len(r.Token)-20:]
	if !strings.Contains(out, tail) {
		t.Errorf("the token's end %q is not shown", tail)
	}
}

// TestMarkHitsLinear checks markHits against the definition on a report whose raw offsets
// skip bytes (a removed prefix and a removed line break).
func TestMarkHitsLinear(t *testing.T) {
	r := makeReport("abcd.efgh.ijkl", 7,
		inspect.Finding{Code: "w", Severity: inspect.Warning, Offset: 8, Length: 4},
		inspect.Finding{Code: "e", Severity: inspect.Error, Offset: 10, Length: 2},
		inspect.Finding{Code: "p", Severity: inspect.Error, Offset: 16, Length: 0},
		inspect.Finding{Code: "i", Severity: inspect.Info, Offset: 7, Length: 3},
		inspect.Finding{Code: "past", Severity: inspect.Warning, Offset: 21, Length: 0})
	got := markHits(r)
	w, e := int(inspect.Warning)+1, int(inspect.Error)+1
	want := []int{0, w, w, e, e, 0, 0, 0, 0, e, 0, 0, 0, 0, w}
	if !equalInts(got, want) {
		t.Errorf("markHits = %v, want %v", got, want)
	}
}

// TestVerdictWrapsAndNamesTheCode: a headline message longer than the line is wrapped onto
// indented lines, never cut, and ends with the headline finding's code; alg none and JWE
// say so and never suggest a key.
func TestVerdictWrapsAndNamesTheCode(t *testing.T) {
	long := "None of the keys given may be used to verify this token (see the key findings): each is ruled out by its use, key_ops or alg member"
	r := makeReport("abcd.efgh.ijkl", 0, inspect.Finding{Code: "key.not-for-signing", Severity: inspect.Warning, Part: inspect.PartKey, Message: long})
	r.Verification = inspect.Verification{Status: inspect.CannotCheck, Detail: long}
	for _, width := range []int{40, 80} {
		out := render(t, r, ReportOptions{Width: width, KeysGiven: true})
		head, _, _ := strings.Cut(out, "\n\n")
		if strings.Contains(head, "…") {
			t.Errorf("width %d: the verdict is cut:\n%s", width, head)
		}
		var words []string
		for i, l := range strings.Split(head, "\n") {
			if len([]rune(l)) > width {
				t.Errorf("width %d: verdict line over the width: %q", width, l)
			}
			if i > 0 && !strings.HasPrefix(l, "    ") {
				t.Errorf("width %d: continuation not indented: %q", width, l)
			}
			words = append(words, strings.Fields(l)...)
		}
		if got := strings.Join(words, " "); got != "✗ INVALID — "+long+" (key.not-for-signing)" {
			t.Errorf("width %d: verdict reads %q", width, got)
		}
	}

	for _, tc := range []struct {
		kind  inspect.Kind
		code  string
		first string
	}{
		{inspect.KindUnsecured, "header.alg-none", "✗ UNSECURED — alg none: nothing protects this token (header.alg-none)"},
		{inspect.KindJWE, "structure.jwe", "• ENCRYPTED — JWE, payload cannot be shown without the key (structure.jwe)"},
	} {
		for _, keysGiven := range []bool{false, true} {
			r := makeReport("abcd.efgh.", 0, inspect.Finding{Code: tc.code, Severity: inspect.Warning, Part: inspect.PartHeader, Message: "m"})
			r.Kind = tc.kind
			r.Verification = inspect.Verification{Status: inspect.NotChecked, Detail: "no key given"}
			out := render(t, r, ReportOptions{Width: 80, KeysGiven: keysGiven})
			want := tc.first
			if tc.kind == inspect.KindUnsecured && !keysGiven {
				want = "!" + strings.TrimPrefix(want, "✗") // nothing fails without a key: a warning mark
			}
			if first, _, _ := strings.Cut(out, "\n"); first != want {
				t.Errorf("%s keys %v: first line %q, want %q", tc.kind, keysGiven, first, want)
			}
			if strings.Contains(out, "--key") || strings.Contains(out, "--secret") {
				t.Errorf("%s keys %v: the report suggests a key:\n%s", tc.kind, keysGiven, out)
			}
		}
	}
}

// TestReportRendererIsDecided: the report's renderer has its colour profile and background
// set when it is made, so lipgloss never asks termenv, which would query the terminal
// (OSC 11, CSI 6n) and wait for an answer.
func TestReportRendererIsDecided(t *testing.T) {
	_, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	for _, color := range []bool{false, true} {
		r := newReportRenderer(w, color)
		want := termenv.Ascii
		if color {
			want = termenv.ANSI
		}
		if got := r.ColorProfile(); got != want {
			t.Errorf("color %v: profile %v, want %v", color, got, want)
		}
		if !r.HasDarkBackground() {
			t.Errorf("color %v: the background is not set", color)
		}
		if got := r.Output().Profile; got != want {
			t.Errorf("color %v: termenv output profile %v, want %v", color, got, want)
		}
	}
}

// TestWriteReportWrapsTextAtWords: a payload that is text, not JSON, is wrapped at word
// boundaries within the width; no word is split unless it is longer than a line.
func TestWriteReportWrapsTextAtWords(t *testing.T) {
	text := "This payload is plain prose rather than JSON, the kind of thing a misconfigured issuer might emit when the claims get swept off to a template engine that was never meant to be swept off to."
	enc := base64.RawURLEncoding
	token := enc.EncodeToString([]byte(`{"alg":"HS256"}`)) + "." + enc.EncodeToString([]byte(text)) + "." + enc.EncodeToString(make([]byte, 32))
	r := makeReport(token, 0)
	r.Segments[1].Decoded, r.Segments[1].Bytes = true, []byte(text)
	for _, width := range []int{40, 80} {
		out := render(t, r, ReportOptions{Width: width})
		_, after, ok := strings.Cut(out, "not JSON; the decoded text:\n")
		if !ok {
			t.Fatalf("no decoded text in\n%s", out)
		}
		body, _, _ := strings.Cut(after, "\n\n")
		var words []string
		for _, l := range strings.Split(body, "\n") {
			if n := len([]rune(l)); n > width {
				t.Errorf("width %d: line of %d columns: %q", width, n, l)
			}
			words = append(words, strings.Fields(l)...)
		}
		if got := strings.Join(words, " "); got != text {
			t.Errorf("width %d: words split or lost:\n%s", width, body)
		}
	}
}

// TestClaimProblemMark: a claim's problem is marked with its finding's severity, so a
// warning does not look like an error.
func TestClaimProblemMark(t *testing.T) {
	for _, tc := range []struct {
		sev  inspect.Severity
		mark string
	}{{inspect.Warning, "! claims.time-type"}, {inspect.Error, "✗ claims.time-type"}} {
		r := makeReport("abcd.efgh.ijkl", 0, inspect.Finding{Code: "claims.time-type", Severity: tc.sev, Part: inspect.PartClaims, Message: "m"})
		r.Claims = []inspect.Claim{{Name: "exp", Part: inspect.PartPayload, Value: &inspect.Value{Raw: `"1767229200"`}, Problem: "claims.time-type"}}
		out := render(t, r, ReportOptions{})
		_, claims, _ := strings.Cut(out, "\nClaims\n")
		claims, _, _ = strings.Cut(claims, "\n\n")
		if !strings.Contains(claims, tc.mark) {
			t.Errorf("%v: claims section\n%s\nwant %q", tc.sev, claims, tc.mark)
		}
	}
}
