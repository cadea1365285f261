package explain

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"jwtlens/inspect"
	"jwtlens/keys"
)

func init() { lipgloss.SetColorProfile(termenv.Ascii) }

func TestRender(t *testing.T) {
	tests := []struct {
		name  string
		r     *inspect.Report
		width int
		want  []string
		not   []string
	}{
		{"signed token", sampleReport(), 80, []string{
			"a JWS (signed), three segments",
			"HMAC with SHA-256",
			"base64url(header)",
			"here the first ", // the signing input length
			"HS256 signatures are 32 bytes; this one is 32.",
			"2026-03-01 13:00:00 UTC — expires in 40m",
			"2026-03-01 12:00:00 UTC — issued 20m ago",
			"valid from 20m ago",
			"✓ Valid now — valid from 2026-03-01 12:00 UTC (20m ago) until 2026-03-01 13:00 UTC (in 40m); lifetime exp − iat = 1h.",
			"Not checked yet",
		}, []string{"What is wrong"}},
		{"wrong secret", sampleReport(keys.Secret([]byte("not the secret"), "--secret")), 80, []string{
			"✗ signature.invalid",
			"Why: The signature does not match",
			"✗ Checked: it does not verify.",
		}, nil},
		{"truncated headline", truncatedReport(), 80, []string{
			"What is wrong, and how to fix it",
			"✗ structure.truncated",
			"4–8 KiB",
			"Log the full value",
		}, nil},
		{"narrow", sampleReport(), 20, []string{"HMAC"}, nil},
		{"JWE", inspect.Inspect([]byte(jweFixture(t)), inspect.Options{Now: now}), 80, []string{
			"a JWE (encrypted), five segments", "ciphertext", "the authentication tag", "Only the recipient's private key",
		}, []string{"How the signature is made"}},
		{"alg none", inspect.Inspect([]byte(b64.EncodeToString([]byte(`{"alg":"none"}`))+"."+b64.EncodeToString([]byte(`{"sub":"x"}`))+"."), inspect.Options{Now: now}), 80, []string{
			"! header.alg-none", "Why: alg none means nobody signed", "the third segment is empty", "nothing: an unsecured token carries no signature",
		}, []string{"none( key"}},
		{"alg none with a signature", reportOf(`{"alg":"none"}`, `{"sub":"x"}`), 80, []string{
			"✗ signature.unexpected", "set alg to none",
		}, nil},
		{"not yet valid", reportOf(`{"alg":"HS256"}`, `{"iat":4000000000,"nbf":4000000000,"exp":4000003600}`), 80, []string{
			"✗ Not yet valid — valid from 2096-10-02 07:06 UTC (in 70y", "until 2096-10-02 08:06 UTC", "lifetime exp − iat = 1h.",
		}, []string{"Valid now", "Valid for another"}},
		{"expired", reportOf(`{"alg":"HS256"}`, `{"iat":1000000000,"exp":1000003600}`), 80, []string{
			"✗ Expired — valid until 2001-09-09 02:46 UTC (24y", "ago); lifetime exp − iat = 1h.",
		}, []string{"Valid now"}},
		{"warning headline", warnedReport(), 80, []string{
			"Worth knowing, and what to do", "! key.not-for-signing",
		}, []string{"What is wrong", "✗ key.not-for-signing"}},
		{"nothing yet", nil, 80, []string{"Paste a token"}, []string{"Claims"}},
		{"private claim", sampleReport(), 140, []string{"role = \"admin\"", "not a registered name"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Render(tt.r, now, tt.width)
			flat := strings.Join(strings.Fields(got), " ")
			for _, w := range tt.want {
				if !strings.Contains(flat, strings.Join(strings.Fields(w), " ")) {
					t.Errorf("Render() lacks %q:\n%s", w, got)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(got, w) {
					t.Errorf("Render() holds %q:\n%s", w, got)
				}
			}
			limit := max(tt.width, MinWidth)
			for _, l := range strings.Split(got, "\n") {
				if ansi.StringWidth(l) > limit {
					t.Errorf("line %q is %d wide, over %d", l, ansi.StringWidth(l), limit)
				}
			}
		})
	}
}

func TestRenderExpiresWhileShown(t *testing.T) {
	r := sampleReport()
	exp := issued.Add(time.Hour)
	before := Render(r, exp.Add(-time.Second), 80)
	after := Render(r, exp.Add(time.Second), 80)
	if !strings.Contains(before, "expires in 1s") || strings.Contains(before, "Expired") {
		t.Errorf("one second before exp:\n%s", before)
	}
	if !strings.Contains(after, "expired 1s ago") || !strings.Contains(after, "✗ Expired — valid from") {
		t.Errorf("one second after exp:\n%s", after)
	}
}

func TestRenderSanitizes(t *testing.T) {
	if inspect.Sanitize("\x1b") == "\x1b" {
		t.Skip("inspect.Sanitize is still a stub")
	}
	r := sampleReport()
	r.Payload = obj("sub\x1b]0;pwned\a", "\"\x1b[2J\"")
	got := Render(r, issued, 80)
	if strings.ContainsAny(ansi.Strip(got), "\x1b\a") {
		t.Errorf("Render() lets a control character through: %q", got)
	}
}

func TestAdviceFor(t *testing.T) {
	tests := []struct {
		code string
		want string // a word of the Why, "" for none
	}{
		{"structure.truncated", "4–8 KiB"},
		{"base64.padding", "base64url"},
		{"json.truncated", "JSON"},
		{"key.alg-confusion", "forgery"},
		{"claims.expired", "exp"},
		{"text.control-chars", ""},
	}
	for _, tt := range tests {
		a, ok := adviceFor(tt.code)
		if ok != (tt.want != "") || !strings.Contains(a.Why, tt.want) {
			t.Errorf("adviceFor(%q) = %q, %v; want a Why with %q", tt.code, a.Why, ok, tt.want)
		}
	}
	for code := range advice {
		c := strings.TrimSuffix(code, ".*")
		if _, known := inspect.LookupCode(code); !known && !strings.HasSuffix(code, ".*") {
			t.Errorf("advice for %q, which is not in the catalogue", code)
		}
		_ = c
	}
}

func TestDuration(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{0, "0s"}, {42 * time.Second, "42s"}, {4*time.Minute + 12*time.Second, "4m12s"},
		{3*time.Hour + 12*time.Minute, "3h12m"}, {time.Hour, "1h"}, {50 * time.Hour, "2d2h"}, {-90 * time.Second, "1m30s"},
	}
	for _, tt := range tests {
		if got := Duration(tt.d); got != tt.want {
			t.Errorf("Duration(%s) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

func TestModelCaches(t *testing.T) {
	m := New()
	r := sampleReport()
	m.SetSize(80, 20)
	m.SetReport(r)
	m.SetNow(issued)
	if m.Renders() != 0 {
		t.Fatalf("rendered %d times while off, want 0", m.Renders())
	}
	m.SetActive(true)
	if m.Renders() != 1 {
		t.Fatalf("rendered %d times after turning on, want 1", m.Renders())
	}
	m.SetReport(r)
	m.SetNow(issued.Add(400 * time.Millisecond))
	m, _ = m.Update(struct{}{})
	_ = m.View()
	if m.Renders() != 1 {
		t.Errorf("rendered %d times with nothing changed, want 1", m.Renders())
	}
	m.SetNow(issued.Add(time.Second))
	if m.Renders() != 2 {
		t.Errorf("rendered %d times after a second passed on a token with times, want 2", m.Renders())
	}
	noTimes := reportOf(`{"alg":"HS256"}`, `{"sub":"alice"}`)
	m.SetReport(noTimes)
	m.SetNow(issued.Add(time.Hour))
	if m.Renders() != 3 {
		t.Errorf("rendered %d times, want 3 (one for the new report, none for time without time claims)", m.Renders())
	}
	m.SetSize(100, 20)
	if m.Renders() != 4 {
		t.Errorf("rendered %d times after a resize, want 4", m.Renders())
	}
}

func TestHasTimes(t *testing.T) {
	if !HasTimes(sampleReport()) {
		t.Error("HasTimes(token with exp) = false")
	}
	if r := reportOf(`{"alg":"HS256"}`, `{"sub":"x","exp":"tomorrow"}`); HasTimes(r) {
		t.Error("HasTimes(exp as a string) = true, want false")
	}
	if HasTimes(nil) {
		t.Error("HasTimes(nil) = true")
	}
}

func BenchmarkRender(b *testing.B) {
	r := sampleReport()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		_ = Render(r, now, 80)
	}
}

func TestAlgInfoOnlyKnownNames(t *testing.T) {
	how, _ := algInfo("HS\x1b[m")
	if strings.Contains(how, "\x1b") || strings.Contains(how, "HMAC") {
		t.Errorf("algInfo(%q) = %q, want the unknown-alg text with the name escaped", "HS\x1b[m", how)
	}
}

// jweFixture is the JWE of the ui fixtures (made by go run ./ui/testdata/gen).
func jweFixture(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../testdata/tokens/jwe.jwt")
	if err != nil {
		t.Fatalf("JWE fixture: %v (run go run ./ui/testdata/gen)", err)
	}
	return strings.TrimSpace(string(b))
}

func TestEscapesDrawnApart(t *testing.T) {
	st := DefaultStyles()
	st.Escape = lipgloss.NewStyle().Transform(func(s string) string { return "«" + s + "»" })
	r := reportOf(`{"alg":"HS256","kid":"k‮1"}`, `{"sub":"a‮b","na​me":"x"}`)
	got := st.Render(r, now, 80)
	esc := inspect.Sanitize("‮")
	for _, want := range []string{"kid = \"k«" + esc + "»1\"", "sub = \"a«" + esc + "»b\"", "na«" + inspect.Sanitize("​") + "»me"} {
		if !strings.Contains(got, want) {
			t.Errorf("Render() lacks %q (the escape in its own style):\n%s", want, got)
		}
	}
}

func TestEscapesUnderlinedWithoutColour(t *testing.T) {
	// The package's tests run with the Ascii profile, as NO_COLOR gives: every style dropped.
	got := Render(reportOf(`{"alg":"HS256"}`, `{"sub":"a`+"\u202e"+`b"}`), now, 80)
	if want := "a\x1b[4m" + inspect.Sanitize("\u202e") + "\x1b[24mb"; !strings.Contains(got, want) {
		t.Errorf("Render() lacks the escape underlined %q:\n%q", want, got)
	}
}
