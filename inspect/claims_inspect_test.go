package inspect

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestClaimsThroughInspect runs the token fixtures of testdata/claims (go run
// ./testdata/gen/claims) through Inspect, so the claims and text findings are checked with
// the real parser and offset mapping: each must point inside the payload segment of the
// token as it was given.
func TestClaimsThroughInspect(t *testing.T) {
	now := time.Unix(1700000000, 0).UTC()
	cases := []struct {
		fixture string
		leeway  time.Duration
		want    []string // the claims.* and text.* codes, in report order
		message string   // a substring of one of their messages
	}{
		{"iat-fractional", 0, []string{"claims.time-type", "claims.time-type"}, `"iat" is 1699999000.5, a fractional number`},
		{"exp-milliseconds", 0, []string{"claims.time-unit"}, "looks like milliseconds, which would make it 2023-11-14 23:13:20 UTC (in 1h)"},
		{"exp-string", 0, []string{"claims.time-type"}, `"exp" is the string "1700003600", not a number`},
		{"exp-duration", 0, []string{"claims.expired", "claims.time-unit"}, "did you mean iat+3600"},
		{"iat-ahead-2s", 0, []string{"claims.issued-in-future"}, "probably about 2s ahead"},
		{"iat-ahead-2s", 2 * time.Second, nil, ""},
		{"nbf-ahead-400s", 0, []string{"claims.not-yet-valid"}, "6m40s from now"},
		{"nbf-ahead-400s", 400 * time.Second, nil, ""},
		{"nbf-ahead-400s", 399 * time.Second, []string{"claims.not-yet-valid"}, "not within the 6m39s leeway"},
		{"expired", 0, []string{"claims.expired"}, "expired 3h12m ago, at 2023-11-14 19:01:20 UTC"},
		{"no-exp", 0, []string{"claims.no-exp"}, "never expires"},
		{"aud-shape", 0, []string{"claims.aud-shape"}, "holds a number at position 1"},
		{"control-chars", 0, []string{"text.control-chars", "text.control-chars", "text.control-chars", "text.control-chars"}, `the claim "file" holds an RLO bidi override`},
	}
	for _, tc := range cases {
		t.Run(tc.fixture+"/leeway="+tc.leeway.String(), func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join("..", "testdata", "claims", tc.fixture+".token"))
			if err != nil {
				t.Fatalf("fixture %s: %v (run go run ./testdata/gen/claims)", tc.fixture, err)
			}
			r := Inspect(raw, Options{Now: now, Leeway: tc.leeway})
			dot1 := bytes.IndexByte(raw, '.')
			dot2 := dot1 + 1 + bytes.IndexByte(raw[dot1+1:], '.')
			var got, msgs []string
			for _, f := range r.Findings {
				if !strings.HasPrefix(f.Code, "claims.") && !strings.HasPrefix(f.Code, "text.") {
					continue
				}
				got = append(got, f.Code)
				msgs = append(msgs, f.Message)
				if f.Length <= 0 || f.Offset <= dot1 || f.Offset+f.Length > dot2 {
					t.Errorf("%s points at [%d, %d), want a span inside the payload [%d, %d)", f.Code, f.Offset, f.Offset+f.Length, dot1+1, dot2)
				}
			}
			// Report order is by importance; compare as sets with their counts.
			slices.Sort(got)
			want := slices.Clone(tc.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("Inspect(%s) claim and text codes = %q, want %q\nmessages: %q", tc.fixture, got, want, msgs)
			}
			if tc.message != "" && !strings.Contains(strings.Join(msgs, "\n"), tc.message) {
				t.Errorf("Inspect(%s) messages %q do not contain %q", tc.fixture, msgs, tc.message)
			}
			for _, c := range r.Claims {
				if c.Part == PartPayload && c.Name == "exp" && c.Value == nil {
					t.Errorf("claim exp has no Value")
				}
			}
		})
	}
}
