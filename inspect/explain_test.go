package inspect

import (
	"strconv"
	"strings"
	"testing"
)

func TestExplainCoversRegisteredNames(t *testing.T) {
	cases := []struct {
		part  Part
		names []string
		ref   string // every one of these names is defined under this reference
		// numbered: the names are listed in the order of the RFC's subsections
		// (ref + "1", ref + "2"…).
		numbered bool
	}{
		// RFC 7515 §4.1: the registered header parameter names of a JWS.
		{PartHeader, []string{"alg", "jku", "jwk", "kid", "x5u", "x5c", "x5t", "x5t#S256", "typ", "cty", "crit"}, "RFC 7515 §4.1.", true},
		// RFC 7516 §4.1 adds these for a JWE.
		{PartHeader, []string{"enc", "zip"}, "RFC 7516 §4.1.", false},
		{PartHeader, []string{"b64"}, "RFC 7797 §3", false},
		// RFC 7519 §4.1: the registered claim names.
		{PartPayload, []string{"iss", "sub", "aud", "exp", "nbf", "iat", "jti"}, "RFC 7519 §4.1.", true},
		{PartPayload, []string{"auth_time", "nonce", "acr", "amr", "azp", "at_hash", "c_hash"}, "OpenID Connect Core §", false},
		{PartPayload, []string{"name", "email", "email_verified", "given_name", "family_name", "preferred_username", "updated_at"}, "OpenID Connect Core §5.1", false},
		{PartPayload, []string{"sid"}, "OpenID Connect", false},
		{PartPayload, []string{"scope", "client_id"}, "RFC 8693 §4.", false},
		{PartPayload, []string{"roles", "groups"}, "RFC 9068 §2.2.3.1", false},
	}
	for _, tc := range cases {
		for i, name := range tc.names {
			t.Run(string(tc.part)+"/"+name, func(t *testing.T) {
				e, ok := Explain(tc.part, name)
				if !ok {
					t.Fatalf("Explain(%s, %q) = false, want an explanation", tc.part, name)
				}
				if e.Name != name || e.Title == "" || !strings.HasPrefix(e.Ref, tc.ref) {
					t.Errorf("Explain(%s, %q) = %+v, want its name, a title and a ref under %q", tc.part, name, e, tc.ref)
				}
				if want := tc.ref + strconv.Itoa(i+1); tc.numbered && e.Ref != want {
					t.Errorf("Explain(%s, %q).Ref = %q, want %q", tc.part, name, e.Ref, want)
				}
			})
		}
	}
}

func TestExplainTable(t *testing.T) {
	times := map[string]bool{"exp": true, "nbf": true, "iat": true, "auth_time": true, "updated_at": true, "toe": true}
	for _, part := range []Part{PartHeader, PartPayload} {
		seen := map[string]bool{}
		for _, e := range Explanations(part) {
			if seen[e.Name] {
				t.Errorf("%s explanation %q listed twice", part, e.Name)
			}
			seen[e.Name] = true
			if !strings.HasSuffix(e.Meaning, ".") || strings.Count(e.Meaning, ". ") > 0 || e.Meaning[0] < 'A' || e.Meaning[0] > 'Z' {
				t.Errorf("%s %q: Meaning %q is not one sentence", part, e.Name, e.Meaning)
			}
			if !strings.HasPrefix(e.Ref, "RFC ") && !strings.HasPrefix(e.Ref, "OpenID Connect ") {
				t.Errorf("%s %q: Ref %q names no specification", part, e.Name, e.Ref)
			}
			if want := part == PartPayload && times[e.Name]; e.IsTime != want {
				t.Errorf("%s %q: IsTime = %v, want %v", part, e.Name, e.IsTime, want)
			}
			if got, ok := Explain(part, e.Name); !ok || got != e {
				t.Errorf("Explain(%s, %q) = %+v, %v; want %+v", part, e.Name, got, ok, e)
			}
		}
	}
}

func TestExplainUnknown(t *testing.T) {
	cases := []struct {
		part Part
		name string
	}{
		{PartHeader, "ALG"},  // names are case-sensitive
		{PartHeader, "exp"},  // a claim, not a header parameter
		{PartPayload, "alg"}, // a header parameter, not a claim
		{PartPayload, "tenant"},
		{PartSignature, "alg"},
	}
	for _, tc := range cases {
		if e, ok := Explain(tc.part, tc.name); ok {
			t.Errorf("Explain(%s, %q) = %+v, true; want false", tc.part, tc.name, e)
		}
	}
}
