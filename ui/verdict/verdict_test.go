package verdict

import (
	"strings"
	"testing"

	"jwtlens/inspect"
)

func TestDecide(t *testing.T) {
	trunc := &inspect.Report{Findings: []inspect.Finding{{Code: "structure.truncated", Severity: inspect.Error, Message: "cut \x1b[2J short"}}}
	ok := &inspect.Report{
		Verification: inspect.Verification{Status: inspect.Verified, Detail: "verified with rsa-2048 (pub.pem)"},
		Claims:       []inspect.Claim{{Name: "exp", Part: inspect.PartPayload, IsTime: true, Relative: "in 42m"}},
	}
	none := &inspect.Report{Verification: inspect.Verification{Status: inspect.NotChecked},
		Findings: []inspect.Finding{{Code: "header.crit", Severity: inspect.Warning}}}
	tests := []struct {
		name string
		in   Input
		want string
	}{
		{"empty", Input{Empty: true}, "[• EMPTY]"},
		{"pending", Input{Pending: true, Report: trunc}, "[… READING]"},
		{"truncated", Input{Report: trunc}, "[✗ TRUNCATED] cut "},
		{"verified", Input{Report: ok}, "[✓ VERIFIED] verified with rsa-2048 (pub.pem), expires in 42m"},
		{"not verified", Input{Report: none, KeyHint: "ctrl+o"}, "[• NOT VERIFIED] no key chosen (ctrl+o) · 1 warning"},
		// No key can verify these: the verdict must not ask for one.
		{"jwe", Input{Report: &inspect.Report{Kind: inspect.KindJWE, Verification: inspect.Verification{Status: inspect.CannotCheck}}, KeyHint: "ctrl+o"}, "[• ENCRYPTED] a JWE"},
		{"alg none", Input{Report: &inspect.Report{Kind: inspect.KindUnsecured, Verification: inspect.Verification{Status: inspect.CannotCheck}}, KeyHint: "ctrl+o"}, "[! UNSECURED] alg none"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Render(tt.in, 200, Styles{})
			if !strings.HasPrefix(got, tt.want) {
				t.Fatalf("Render() = %q, want it to start with %q", got, tt.want)
			}
			if strings.ContainsRune(got, 0x1b) {
				t.Fatalf("Render() holds a raw ESC: %q", got)
			}
		})
	}
}

func TestLabel(t *testing.T) {
	for code, want := range map[string]string{
		"structure.truncated": "TRUNCATED", "base64.padding": "BAD BASE64", "json.not-object": "BAD JSON",
		"key.kid-not-found": "KEY PROBLEM", "header.alg-missing": "ALG MISSING", "claims.expired": "EXPIRED",
	} {
		if got := Label(code); got != want {
			t.Errorf("Label(%q) = %q, want %q", code, got, want)
		}
	}
}

// TestVerdictSaysTheEssentialAtEveryWidth: a cut token's verdict was "…inside the …" at
// 80 columns; a shorter wording that fits is used instead of an ellipsis.
func TestVerdictSaysTheEssentialAtEveryWidth(t *testing.T) {
	r := &inspect.Report{Token: strings.Repeat("x", 150), Kind: inspect.KindJWS,
		Segments: []inspect.Segment{{Part: inspect.PartHeader, Text: "eyJ"}, {Part: inspect.PartPayload, Text: "eyJ"}},
		Findings: []inspect.Finding{{Code: "structure.truncated", Severity: inspect.Error,
			Message: "the token was cut short: it ends after 150 characters, inside the payload: the signature and the end of the claims are missing"}}}
	for _, c := range []struct {
		width int
		want  string
	}{
		{200, "the token was cut short: it ends after 150 characters"},
		{80, "[✗ TRUNCATED] ends inside the payload after 150 chars; signature missing"},
		{60, "[✗ TRUNCATED] cut in payload at 150 chars, no signature"},
	} {
		got := Render(Input{Report: r}, c.width, Styles{})
		if !strings.Contains(got, c.want) || strings.Contains(got, "…") {
			t.Errorf("Render(width %d) = %q, want it to hold %q and no ellipsis", c.width, got, c.want)
		}
	}
}

// TestVerifiedVerdictFits: "verified with rsa-2048 (/tmp/review-tui/…pem), e…" lost the
// expiry at 80 columns; the key's path is shortened to its base name instead.
func TestVerifiedVerdictFits(t *testing.T) {
	r := &inspect.Report{
		Verification: inspect.Verification{Status: inspect.Verified, Detail: "verified with rsa-2048 (/tmp/review-tui-fix/rsa-public-key.pem)"},
		Claims:       []inspect.Claim{{Name: "exp", Part: inspect.PartPayload, IsTime: true, Relative: "in 42m"}},
	}
	for w, want := range map[int]string{80: "verified with rsa-2048 (rsa-public-key.pem), expires in 42m", 50: "signature verified, expires in 42m"} {
		got := Render(Input{Report: r}, w, Styles{})
		if !strings.HasSuffix(got, want) {
			t.Errorf("Render(width %d) = %q, want it to end %q", w, got, want)
		}
	}
}
