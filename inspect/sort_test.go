package inspect

import (
	"slices"
	"testing"
)

func TestSortFindings(t *testing.T) {
	fs := []Finding{
		{Code: "claims.no-exp", Severity: Info, Offset: 0},
		{Code: "base64.padding", Severity: Warning, Offset: 5},
		{Code: "json.invalid", Severity: Error, Offset: 40},
		{Code: "structure.truncated", Severity: Error, Offset: 90},
		{Code: "base64.bad-length", Severity: Error, Offset: 10},
		{Code: "header.alg-none", Severity: Warning, Offset: 2},
		{Code: "base64.invalid-char", Severity: Error, Offset: 10},
	}
	want := []string{"structure.truncated", "base64.bad-length", "base64.invalid-char", "json.invalid", "header.alg-none", "base64.padding", "claims.no-exp"}
	for _, perm := range [][]int{{0, 1, 2, 3, 4, 5, 6}, {6, 5, 4, 3, 2, 1, 0}, {3, 0, 6, 1, 5, 2, 4}} {
		in := make([]Finding, len(fs))
		for i, k := range perm {
			in[i] = fs[k]
		}
		sortFindings(in)
		var got []string
		for _, f := range in {
			got = append(got, f.Code)
		}
		if !slices.Equal(got, want) {
			t.Errorf("order %v sorted to %q, want %q", perm, got, want)
		}
	}
}

// TestTokenProblemsBeforeClaims: an expired token with a stray character is first of all
// malformed, whatever the offsets (the claim sits earlier in the raw input).
func TestTokenProblemsBeforeClaims(t *testing.T) {
	fs := []Finding{
		{Code: "claims.expired", Severity: Error, Offset: 40},
		{Code: "base64.invalid-char", Severity: Error, Offset: 300},
	}
	sortFindings(fs)
	if fs[0].Code != "base64.invalid-char" {
		t.Fatalf("headline = %s, want base64.invalid-char before claims.expired", fs[0].Code)
	}
}
