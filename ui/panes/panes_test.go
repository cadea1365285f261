package panes

import (
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

func str(raw string) inspect.Value { return inspect.Value{Type: inspect.TypeString, Raw: raw} }

func TestJSONKeepsOrderAndAnnotatesTimes(t *testing.T) {
	v := &inspect.Value{Type: inspect.TypeObject, Members: []inspect.Member{
		{Name: "sub", NameRaw: `"sub"`, NameStart: 1, Value: str(`"alice"`)},
		{Name: "exp", NameRaw: `"exp"`, NameStart: 15, Value: inspect.Value{Type: inspect.TypeNumber, Raw: "1796306400"}},
		{Name: "aud", NameRaw: `"aud"`, NameStart: 33, Value: inspect.Value{Type: inspect.TypeArray, Raw: `["a","b"]`, Elems: []inspect.Value{str(`"a"`), str(`"b"`)}}},
	}}
	claims := []inspect.Claim{{Name: "exp", Part: inspect.PartPayload, IsTime: true,
		Time: time.Date(2026, 12, 3, 14, 42, 0, 0, time.UTC), Relative: "in 42m"}}
	p := newPaints(Styles{})
	c := renderJSON(&p, v, claims, inspect.PartPayload)
	want := []string{
		"{",
		`  "sub": "alice",`,
		`  "exp": 1796306400,`,
		"  ↳ 2026-12-03 14:42:00 UTC · in 42m",
		`  "aud": ["a", "b"]`,
		"}",
	}
	if strings.Join(c.lines, "\n") != strings.Join(want, "\n") {
		t.Fatalf("renderJSON =\n%s\nwant\n%s", strings.Join(c.lines, "\n"), strings.Join(want, "\n"))
	}
	if len(c.members) != 3 || c.members[2].line != 4 || c.members[1].off != 15 {
		t.Fatalf("member lines = %+v", c.members)
	}
}

func TestLayoutFillsTheArea(t *testing.T) {
	for _, w := range []int{60, 99, 100, 139, 140, 200} {
		m := New(Styles{})
		m.SetSize(w, 12)
		v := m.View()
		lines := strings.Split(v, "\n")
		if len(lines) != 12 {
			t.Errorf("width %d: %d lines, want 12", w, len(lines))
		}
		for i, l := range lines[1:] {
			if got := ansi.StringWidth(l); got != w {
				t.Errorf("width %d: line %d is %d wide", w, i+1, got)
			}
		}
	}
}

func TestShortHex(t *testing.T) {
	b := make([]byte, 32)
	for i := range b {
		b[i] = byte(i)
	}
	if got := shortHex(b[:4], 40); got != "00 01 02 03" {
		t.Errorf("shortHex(4 bytes) = %q", got)
	}
	got := shortHex(b, 30)
	if !strings.HasPrefix(got, "00 01") || !strings.HasSuffix(got, "1e 1f") || !strings.Contains(got, "…") || len(got) > 40 {
		t.Errorf("shortHex(32 bytes, 30) = %q", got)
	}
}

// TestBadgesOfMissingParts: a part the token does not have, or could not decode, is never
// badged ok (garbage input used to show "✓ ok" over "missing: the token ends before the
// header").
func TestBadgesOfMissingParts(t *testing.T) {
	cases := []struct {
		name string
		r    *inspect.Report
		want [count]string
	}{
		{"no segments", &inspect.Report{Findings: []inspect.Finding{{Code: "input.not-a-token", Severity: inspect.Error, Part: inspect.PartToken}}},
			[count]string{"– missing", "– missing", "– missing"}},
		{"header undecoded", &inspect.Report{Segments: []inspect.Segment{{Part: inspect.PartHeader, Text: "!!"}}},
			[count]string{"✗ error", "– missing", "– missing"}},
		{"decoded", &inspect.Report{Segments: []inspect.Segment{{Part: inspect.PartHeader, Text: "e30", Decoded: true},
			{Part: inspect.PartPayload, Text: "e30", Decoded: true}, {Part: inspect.PartSignature, Text: "", Decoded: true}}},
			[count]string{"✓ ok", "✓ ok", "• not checked"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := New(Styles{})
			m.SetSize(80, 12)
			m.SetReport(c.r)
			for i := range m.panes {
				if got := ansi.Strip(m.panes[i].badge); got != c.want[i] {
					t.Errorf("badge of %s = %q, want %q", m.panes[i].title, got, c.want[i])
				}
			}
		})
	}
}

// TestSignatureKeyRowsWrapAsUnits: the source path broke at its hyphen ("/tmp/review-" /
// "tui/…pem" / ")") and "(PEM PUBLIC KEY)" split across lines.
func TestSignatureKeyRowsWrapAsUnits(t *testing.T) {
	r := &inspect.Report{Signature: inspect.SignatureInfo{Alg: "RS256", Bytes: 256, ExpectedBytes: 256},
		Verification: inspect.Verification{Status: inspect.Verified, Detail: "verified with rsa-2048 (/tmp/review-tui/keys/rsa-pub.pem)",
			Key: &keys.Key{Family: "rsa", Bits: 2048, Source: "/tmp/review-tui/keys/a-rather-long-name/rsa-pub.pem", Format: "PEM PUBLIC KEY"}}}
	seg := &inspect.Segment{Part: inspect.PartSignature, Decoded: true, Bytes: make([]byte, 256)}
	for _, w := range []int{34, 40, 56, 76} {
		p := newPaints(Styles{})
		c := renderSignature(&p, r, seg, w)
		text := strings.Join(c.lines, "\n")
		for _, l := range c.lines {
			tl := strings.TrimSpace(l)
			if ansi.StringWidth(l) > w || tl == ")" || strings.HasSuffix(tl, "-") || strings.HasSuffix(tl, "(PEM") {
				t.Errorf("width %d: badly wrapped line %q in\n%s", w, l, text)
			}
		}
		if !strings.Contains(text, "(PEM PUBLIC KEY)") {
			t.Errorf("width %d: the format is split:\n%s", w, text)
		}
	}
}

// TestLazyWrapMatchesHardwrap: a pane cuts long lines only when it draws them; what it
// draws must be what hard-wrapping the whole content gives, wide characters included.
func TestLazyWrapMatchesHardwrap(t *testing.T) {
	raw := []string{"short", strings.Repeat("abcdefghij-", 40), "wide 漢字漢字漢字 " + strings.Repeat("x", 50), ""}
	for _, w := range []int{10, 17, 33, 80} {
		p := newPane("t", lipgloss.NewStyle())
		p.setSize(w+4, 200)
		p.setContent(content{lines: raw})
		var want []string
		for _, l := range raw {
			want = append(want, strings.Split(ansi.Hardwrap(l, w, true), "\n")...)
		}
		if p.total != len(want) {
			t.Fatalf("width %d: %d lines, want %d", w, p.total, len(want))
		}
		for k := range want {
			if got := p.line(k); got != want[k] {
				t.Errorf("width %d: line %d = %q, want %q", w, k, got, want[k])
			}
		}
	}
}
