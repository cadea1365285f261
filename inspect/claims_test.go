package inspect

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// claimNow is the moment the claims tests judge at: 1700000000, 2023-11-14 22:13:20 UTC.
var claimNow = time.Unix(1700000000, 0).UTC()

// claimAt writes claimNow+d as a NumericDate.
func claimAt(d time.Duration) tvNode {
	return tvNum(strconv.FormatInt(claimNow.Add(d).Unix(), 10))
}

func TestClaimsJudge(t *testing.T) {
	type want struct {
		codes    []string          // finding codes, in order
		problems map[string]string // claim name -> Problem
		relative map[string]string // claim name -> Relative
		times    map[string]time.Time
		message  []string // substrings of the findings' messages and hints, joined
	}
	cases := []struct {
		name    string
		payload tvNode
		now     time.Time
		leeway  time.Duration
		want    want
	}{
		{
			name:    "expired 3h12m ago",
			payload: tvObj("iss", tvStr("https://issuer.example"), "iat", claimAt(-5*time.Hour), "exp", claimAt(-(3*time.Hour + 12*time.Minute + 5*time.Second))),
			now:     claimNow,
			want: want{
				codes:    []string{"claims.expired"},
				problems: map[string]string{"exp": "claims.expired", "iat": "", "iss": ""},
				relative: map[string]string{"exp": "expired 3h12m ago", "iat": "issued 5h ago"},
				message:  []string{"expired 3h12m ago, at 2023-11-14 19:01:15 UTC"},
			},
		},
		{
			name:    "expires in 42m",
			payload: tvObj("exp", claimAt(42*time.Minute)),
			now:     claimNow,
			want:    want{relative: map[string]string{"exp": "expires in 42m"}, problems: map[string]string{"exp": ""}},
		},
		{
			name:    "exp exactly now is expired (RFC 7519: now must be before exp)",
			payload: tvObj("exp", claimAt(0)),
			now:     claimNow,
			want:    want{codes: []string{"claims.expired"}, relative: map[string]string{"exp": "expired just now"}},
		},
		{
			name:    "exp one second ahead is valid",
			payload: tvObj("exp", claimAt(time.Second)),
			now:     claimNow,
			want:    want{relative: map[string]string{"exp": "expires in 1s"}},
		},
		{
			name:    "exp at exactly now-leeway is expired",
			payload: tvObj("exp", claimAt(-30*time.Second)),
			now:     claimNow, leeway: 30 * time.Second,
			want: want{codes: []string{"claims.expired"}, relative: map[string]string{"exp": "expired 30s ago"}, message: []string{"not within the 30s leeway"}},
		},
		{
			name:    "exp inside the leeway is accepted",
			payload: tvObj("exp", claimAt(-29*time.Second)),
			now:     claimNow, leeway: 30 * time.Second,
			want: want{relative: map[string]string{"exp": "expired 29s ago, within the 30s leeway"}, problems: map[string]string{"exp": ""}},
		},
		{
			name:    "nbf 400s ahead",
			payload: tvObj("nbf", claimAt(400*time.Second), "exp", claimAt(time.Hour)),
			now:     claimNow,
			want: want{
				codes:    []string{"claims.not-yet-valid"},
				problems: map[string]string{"nbf": "claims.not-yet-valid", "exp": ""},
				relative: map[string]string{"nbf": "becomes valid in 6m40s"},
				message:  []string{"not valid until 2023-11-14 22:20:00 UTC, 6m40s from now", "--leeway 6m40s"},
			},
		},
		{
			name:    "nbf at exactly now+leeway is accepted",
			payload: tvObj("nbf", claimAt(30*time.Second), "exp", claimAt(time.Hour)),
			now:     claimNow, leeway: 30 * time.Second,
			want: want{relative: map[string]string{"nbf": "becomes valid in 30s, within the 30s leeway"}},
		},
		{
			name:    "nbf one second past now+leeway",
			payload: tvObj("nbf", claimAt(31*time.Second), "exp", claimAt(time.Hour)),
			now:     claimNow, leeway: 30 * time.Second,
			want: want{codes: []string{"claims.not-yet-valid"}, relative: map[string]string{"nbf": "becomes valid in 31s"}},
		},
		{
			name:    "nbf in the past",
			payload: tvObj("nbf", claimAt(-5*time.Minute), "exp", claimAt(time.Hour)),
			now:     claimNow,
			want:    want{relative: map[string]string{"nbf": "valid from 5m ago"}},
		},
		{
			name:    "iat 2s ahead: clock skew",
			payload: tvObj("iat", claimAt(2*time.Second), "exp", claimAt(time.Hour)),
			now:     claimNow,
			want: want{
				codes:    []string{"claims.issued-in-future"},
				problems: map[string]string{"iat": "claims.issued-in-future"},
				relative: map[string]string{"iat": "issued 2s in the future"},
				message:  []string{"issued 2s from now", "clock is probably about 2s ahead", "--leeway 2s"},
			},
		},
		{
			name:    "iat 2s ahead within a 2s leeway",
			payload: tvObj("iat", claimAt(2*time.Second), "exp", claimAt(time.Hour)),
			now:     claimNow, leeway: 2 * time.Second,
			want: want{relative: map[string]string{"iat": "issued 2s in the future, within the 2s leeway"}},
		},
		{
			name:    "iat 3s ahead beyond a 2s leeway",
			payload: tvObj("iat", claimAt(3*time.Second), "exp", claimAt(time.Hour)),
			now:     claimNow, leeway: 2 * time.Second,
			want: want{codes: []string{"claims.issued-in-future"}},
		},
		{
			name:    "iat in milliseconds is no clock skew",
			payload: tvObj("iat", tvNum("1700000000000"), "exp", claimAt(time.Hour)),
			now:     claimNow,
			want: want{
				codes: []string{"claims.time-unit", "claims.issued-in-future"},
				// Of two warnings the first, the cause, stays the claim's problem.
				problems: map[string]string{"iat": "claims.time-unit"},
				message:  []string{"No clock is that far off", "looks like milliseconds"},
			},
		},
		{
			name:    "fractional iat and nbf",
			payload: tvObj("iat", tvNum("1699999000.5"), "nbf", tvNum("1699999000.25"), "exp", claimAt(time.Hour)),
			now:     claimNow,
			want: want{
				codes:    []string{"claims.time-type", "claims.time-type"},
				problems: map[string]string{"iat": "claims.time-type", "nbf": "claims.time-type"},
				times: map[string]time.Time{
					"iat": time.Unix(1699999000, 500_000_000).UTC(),
					"nbf": time.Unix(1699999000, 250_000_000).UTC(),
				},
				relative: map[string]string{"iat": "issued 16m39s ago"},
				message:  []string{`"iat" is 1699999000.5, a fractional number of seconds`, "like 1699999000,"},
			},
		},
		{
			name:    "whole number written with an exponent",
			payload: tvObj("exp", tvNum("1.7e9")),
			now:     claimNow,
			want:    want{codes: []string{"claims.time-type", "claims.expired"}, problems: map[string]string{"exp": "claims.expired"}, message: []string{"written as 1.7e9", "plain whole number: 1700000000."}},
		},
		{
			name:    "exp in milliseconds",
			payload: tvObj("iat", tvNum("1699990000"), "exp", tvNum("1699996400000")),
			now:     claimNow,
			want: want{
				codes:    []string{"claims.time-unit"},
				problems: map[string]string{"exp": "claims.time-unit"},
				message:  []string{"looks like milliseconds", "2023-11-14 21:13:20 UTC (1h ago)", "year 55840", "divide by 1000"},
			},
		},
		{
			name:    "exp in microseconds",
			payload: tvObj("exp", tvNum("1700003600000000")),
			now:     claimNow,
			want:    want{codes: []string{"claims.time-unit"}, message: []string{"looks like microseconds"}},
		},
		{
			name:    "exp far too large",
			payload: tvObj("exp", tvNum("1e300")),
			now:     claimNow,
			want:    want{codes: []string{"claims.time-type", "claims.time-unit"}, times: map[string]time.Time{"exp": {}}, message: []string{"far too large"}},
		},
		{
			name:    "exp as a string",
			payload: tvObj("exp", tvStr("1700003600")),
			now:     claimNow,
			want: want{
				codes:    []string{"claims.time-type"},
				relative: map[string]string{"exp": "expires in 1h"},
				times:    map[string]time.Time{"exp": claimNow.Add(time.Hour)},
				message:  []string{`"exp" is the string "1700003600", not a number`},
			},
		},
		{
			name:    "exp as an RFC 3339 string",
			payload: tvObj("exp", tvStr("2023-11-14T20:13:20Z")),
			now:     claimNow,
			want:    want{codes: []string{"claims.time-type", "claims.expired"}, times: map[string]time.Time{"exp": claimNow.Add(-2 * time.Hour)}},
		},
		{
			name:    "exp as a boolean",
			payload: tvObj("exp", tvBool(true)),
			now:     claimNow,
			want:    want{codes: []string{"claims.time-type"}, times: map[string]time.Time{"exp": {}}, message: []string{`"exp" is a boolean, not a NumericDate`}},
		},
		{
			name:    "exp as a small duration",
			payload: tvObj("iat", tvNum("1699999000"), "exp", tvNum("3600")),
			now:     claimNow,
			want: want{
				codes:    []string{"claims.time-unit", "claims.expired"},
				problems: map[string]string{"exp": "claims.expired"},
				message:  []string{"looks like a duration (1h)", "did you mean iat+3600, which is 2023-11-14 22:56:40 UTC (expires in 43m20s)?"},
			},
		},
		{
			name:    "nbf of zero",
			payload: tvObj("nbf", tvNum("0"), "exp", claimAt(time.Hour)),
			now:     claimNow,
			want:    want{codes: []string{"claims.time-unit"}, message: []string{"default that was never set"}},
		},
		{
			name:    "no exp",
			payload: tvObj("sub", tvStr("alice")),
			now:     claimNow,
			want:    want{codes: []string{"claims.no-exp"}, message: []string{"never expires"}},
		},
		{
			name:    "zero now: dates but no judgement",
			payload: tvObj("iat", claimAt(2*time.Second), "nbf", claimAt(400*time.Second), "exp", claimAt(-time.Hour)),
			want: want{
				relative: map[string]string{"iat": "", "nbf": "", "exp": ""},
				times:    map[string]time.Time{"exp": claimNow.Add(-time.Hour), "nbf": claimNow.Add(400 * time.Second)},
			},
		},
		{
			name:    "zero now still flags the shape",
			payload: tvObj("exp", tvStr("1700000000")),
			want:    want{codes: []string{"claims.time-type"}, relative: map[string]string{"exp": ""}},
		},
		{
			name:    "other time claims are dated, not judged",
			payload: tvObj("auth_time", claimAt(-time.Hour), "updated_at", claimAt(time.Hour), "exp", claimAt(time.Hour)),
			now:     claimNow,
			want:    want{relative: map[string]string{"auth_time": "authenticated 1h ago", "updated_at": "updated 1h in the future"}},
		},
		{
			name:    "aud empty string",
			payload: tvObj("aud", tvStr(""), "exp", claimAt(time.Hour)),
			now:     claimNow,
			want:    want{codes: []string{"claims.aud-shape"}, problems: map[string]string{"aud": "claims.aud-shape"}, message: []string{"empty string"}},
		},
		{
			name:    "aud empty array",
			payload: tvObj("aud", tvArr(), "exp", claimAt(time.Hour)),
			now:     claimNow,
			want:    want{codes: []string{"claims.aud-shape"}, message: []string{"empty array"}},
		},
		{
			name:    "aud array holding a number",
			payload: tvObj("aud", tvArr(tvStr("api"), tvNum("5")), "exp", claimAt(time.Hour)),
			now:     claimNow,
			want:    want{codes: []string{"claims.aud-shape"}, message: []string{"holds a number at position 1"}},
		},
		{
			name:    "aud array holding null",
			payload: tvObj("aud", tvArr(tvNull()), "exp", claimAt(time.Hour)),
			now:     claimNow,
			want:    want{codes: []string{"claims.aud-shape"}, message: []string{"holds null at position 0"}},
		},
		{
			name:    "aud as a number",
			payload: tvObj("aud", tvNum("5"), "exp", claimAt(time.Hour)),
			now:     claimNow,
			want:    want{codes: []string{"claims.aud-shape"}, message: []string{"is a number, not a string"}},
		},
		{
			name:    "aud fine as a string and as an array",
			payload: tvObj("aud", tvArr(tvStr("api"), tvStr("web")), "azp", tvStr("web"), "exp", claimAt(time.Hour)),
			now:     claimNow,
			want:    want{problems: map[string]string{"aud": "", "azp": ""}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			payload, _ := tvBuild(tc.payload)
			claims, findings := judgeClaims(nil, payload, Options{Now: tc.now, Leeway: tc.leeway}, identityAt, identityAt)
			var codes, msgs []string
			for _, f := range findings {
				codes = append(codes, f.Code)
				msgs = append(msgs, f.Message, f.Hint)
				if info, ok := LookupCode(f.Code); !ok || info.Severity != f.Severity {
					t.Errorf("finding %s has severity %v, catalogue says %v", f.Code, f.Severity, info.Severity)
				}
				if f.Part != PartClaims || f.Message == "" || f.Hint == "" {
					t.Errorf("finding %+v: want part claims, a message and a hint", f)
				}
			}
			if !slices.Equal(codes, tc.want.codes) {
				t.Errorf("codes = %q, want %q\nmessages: %q", codes, tc.want.codes, msgs)
			}
			all := strings.Join(msgs, "\n")
			for _, sub := range tc.want.message {
				if !strings.Contains(all, sub) {
					t.Errorf("messages %q do not contain %q", all, sub)
				}
			}
			byName := map[string]Claim{}
			for _, c := range claims {
				byName[c.Name] = c
			}
			check := func(what string, name string, got, want any) {
				if _, ok := byName[name]; !ok {
					t.Errorf("no claim %q in %v", name, claims)
					return
				}
				if got != want {
					t.Errorf("claim %q %s = %q, want %q", name, what, got, want)
				}
			}
			for name, want := range tc.want.problems {
				check("Problem", name, byName[name].Problem, want)
			}
			for name, want := range tc.want.relative {
				check("Relative", name, byName[name].Relative, want)
			}
			for name, want := range tc.want.times {
				check("Time", name, byName[name].Time.String(), want.String())
			}
		})
	}
}

func TestClaimsListing(t *testing.T) {
	header, _ := tvBuild(tvObj("typ", tvStr("JWT"), "alg", tvStr("RS256"), "x-custom", tvStr("?"), "kid", tvStr("k1")))
	payload, _ := tvBuild(tvObj("sub", tvStr("alice"), "private", tvNum("1"), "exp", claimAt(time.Hour), "sub", tvStr("mallory"), "email", tvStr("a@example.com")))
	claims, _ := judgeClaims(header, payload, Options{}, identityAt, identityAt)
	var got []string
	for _, c := range claims {
		got = append(got, string(c.Part)+":"+c.Name)
		if c.Meaning == "" || c.Ref == "" || c.Value == nil {
			t.Errorf("claim %q: Meaning %q, Ref %q, Value %v: want all set", c.Name, c.Meaning, c.Ref, c.Value)
		}
	}
	want := []string{"header:typ", "header:alg", "header:kid", "payload:sub", "payload:exp", "payload:email"}
	if !slices.Equal(got, want) {
		t.Errorf("judgeClaims listed %q, want %q", got, want)
	}
	for _, c := range claims {
		if c.Name == "sub" && c.Value.Str != "mallory" {
			t.Errorf("duplicated sub shows %q, want the last value %q (as Value.Get)", c.Value.Str, "mallory")
		}
		if c.Name == "exp" && (!c.IsTime || !c.Time.Equal(claimNow.Add(time.Hour)) || c.Ref != "RFC 7519 §4.1.4") {
			t.Errorf("exp claim = %+v, want a time %v with Ref RFC 7519 §4.1.4", c, claimNow.Add(time.Hour))
		}
	}
}

func TestClaimsNoExpPassport(t *testing.T) {
	cases := []struct {
		typ  string
		want string
	}{
		{"JWT", "never expires"},
		{"passport", "as a PASSporT"},
	}
	for _, tc := range cases {
		header, _ := tvBuild(tvObj("alg", tvStr("ES256"), "typ", tvStr(tc.typ)))
		payload, _ := tvBuild(tvObj("iat", claimAt(0), "orig", tvObj("tn", tvStr("12155551212"))))
		_, findings := judgeClaims(header, payload, Options{Now: claimNow}, identityAt, identityAt)
		if len(findings) != 1 || findings[0].Code != "claims.no-exp" || !strings.Contains(findings[0].Message, tc.want) {
			t.Errorf("judgeClaims(typ %q, no exp) = %v, want one claims.no-exp saying %q", tc.typ, findings, tc.want)
		}
	}
}

func TestClaimsNoPayload(t *testing.T) {
	header, _ := tvBuild(tvObj("alg", tvStr("dir"), "enc", tvStr("A256GCM")))
	for _, payload := range []*Value{nil, {Type: TypeArray}} {
		claims, findings := judgeClaims(header, payload, Options{Now: claimNow}, identityAt, identityAt)
		if len(claims) != 2 || len(findings) != 0 {
			t.Errorf("judgeClaims(JWE header, %v) = %d claims, findings %v; want 2 header claims and no findings", payload, len(claims), findings)
		}
	}
}

func TestClaimsOffsets(t *testing.T) {
	payload, text := tvBuild(tvObj("sub", tvStr("a"), "aud", tvArr(tvStr("x"), tvNum("7")), "exp", tvNum("3600")))
	_, findings := judgeClaims(nil, payload, Options{Now: claimNow}, identityAt, shiftedAt)
	want := map[string]string{"claims.aud-shape": "7", "claims.time-unit": "3600", "claims.expired": "3600"}
	if len(findings) != len(want) {
		t.Fatalf("findings = %v, want %d", findings, len(want))
	}
	for _, f := range findings {
		got := text[f.Offset-1000 : f.Offset-1000+f.Length]
		if got != want[f.Code] {
			t.Errorf("%s points at %q, want %q", f.Code, got, want[f.Code])
		}
	}
}

func BenchmarkJudgeClaims(b *testing.B) {
	header, _ := tvBuild(tvObj("alg", tvStr("RS256"), "typ", tvStr("JWT"), "kid", tvStr("2023-11-key")))
	payload, _ := tvBuild(tvObj(
		"iss", tvStr("https://login.example.com/"), "sub", tvStr("248289761001"), "aud", tvArr(tvStr("api://orders"), tvStr("web")),
		"exp", claimAt(time.Hour), "nbf", claimAt(-time.Minute), "iat", claimAt(-time.Minute), "jti", tvStr("b0c5d4f8-3a51-4b8e-9c3e-2f7a0e9d1c44"),
		"auth_time", claimAt(-10*time.Minute), "nonce", tvStr("n-0S6_WzA2Mj"), "email", tvStr("jane@example.com"),
		"email_verified", tvBool(true), "name", tvStr("Jane Doe"), "scope", tvStr("openid profile email"),
		"roles", tvArr(tvStr("reader"), tvStr("writer")), "tenant", tvStr("acme"),
	))
	opt := Options{Now: claimNow, Leeway: 30 * time.Second}
	b.ReportAllocs()
	for b.Loop() {
		judgeClaims(header, payload, opt, identityAt, identityAt)
	}
}

// FuzzClaims feeds JSON payloads through the package parser into judgeClaims and
// textFindings: no panic, every finding inside the payload, every message safe to print.
func FuzzClaims(f *testing.F) {
	for _, s := range []string{
		`{"exp":1700003600,"iat":1699999000.5,"nbf":"1700000400","aud":["a",1]}`,
		`{"exp":1e400,"iat":-1,"nbf":0,"auth_time":true,"aud":[]}`,
		`{"exp":"2023-11-14T20:13:20Z","name":"\u001b[2J\u001b]52;c;x\u0007\u202e"}`,
		`{"a\u202e":{"b":[["\u0000"]]},"exp":3600,"iat":1699999000}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, _, _ := parseJSON(s)
		if v == nil {
			return
		}
		opt := Options{Now: claimNow, Leeway: time.Second}
		claims, findings := judgeClaims(v, v, opt, identityAt, identityAt)
		findings = append(findings, textFindings(PartPayload, v, identityAt)...)
		for _, fd := range findings {
			if fd.Offset < 0 || fd.Length < 0 || fd.Offset+fd.Length > len(s) {
				t.Fatalf("%s at [%d, +%d) is outside the %d-byte payload", fd.Code, fd.Offset, fd.Length, len(s))
			}
			if HasUnsafe(fd.Message) || HasUnsafe(fd.Hint) || fd.Message == "" || fd.Hint == "" {
				t.Fatalf("%s message %q / hint %q: want both set and safe to print", fd.Code, fd.Message, fd.Hint)
			}
		}
		for _, c := range claims {
			if HasUnsafe(c.Relative) {
				t.Fatalf("claim %q Relative %q is not safe to print", c.Name, c.Relative)
			}
		}
	})
}
