package ui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"jwtlens/inspect"
	"jwtlens/keys"
)

// hostile are the byte sequences that must never reach the terminal from a token.
var hostile = []struct{ name, seq string }{
	{"clear screen", "\x1b[2J"},
	{"cursor home", "\x1b[H"},
	{"OSC (52 clipboard, 8 link, 0/2 title)", "\x1b]"},
	{"string terminator", "\x1b\\"},
	{"BEL", "\x07"},
	{"RLO", "\u202e"},
	{"C1 CSI", "\u009b"},
}

const evil = "\x1b[2J\x1b[H\x1b]52;c;ZWNobyBwd25lZA==\x07\x1b]8;;https://evil.example\x1b\\x\x1b]8;;\x1b\\\x1b]0;t\x07\x1b]2;t\x07\u202e\u009b2J"

// hostileInspect returns a report whose every token-derived string is hostile.
func hostileInspect(raw []byte, o inspect.Options) *inspect.Report {
	r := fakeInspect(raw, o)
	v := inspect.Value{Type: inspect.TypeString, Raw: `"` + evil + `"`, Str: evil}
	obj := &inspect.Value{Type: inspect.TypeObject, Raw: "{}", Members: []inspect.Member{
		{Name: evil, NameRaw: `"` + evil + `"`, Value: v},
		{Name: "exp", NameRaw: `"exp"`, Value: inspect.Value{Type: inspect.TypeNumber, Raw: "1" + evil}},
		{Name: "arr", NameRaw: `"arr"`, Value: inspect.Value{Type: inspect.TypeArray, Raw: "[]", Elems: []inspect.Value{v}}},
	}}
	r.Header, r.Payload = obj, obj
	for i := range r.Segments {
		r.Segments[i].JSON = obj
	}
	r.Claims = []inspect.Claim{{Name: "exp", Part: inspect.PartPayload, IsTime: true, Time: goldenNow, Relative: "in " + evil, Problem: evil}}
	r.Signature = inspect.SignatureInfo{Alg: evil, Bytes: 3, ExpectedBytes: 32}
	k := &keys.Key{Family: keys.HMAC, Bits: 256, KID: evil, Source: evil, Format: evil, Fingerprint: evil,
		Certificate: &keys.CertInfo{Subject: evil}}
	r.Verification = inspect.Verification{Status: inspect.Verified, Key: k, Detail: evil}
	for i := range r.Findings {
		r.Findings[i].Message = evil
		r.Findings[i].Hint = evil
	}
	r.Findings = append([]inspect.Finding{{Code: "claims.expired", Severity: inspect.Error, Part: inspect.PartClaims, Message: evil, Hint: evil}}, r.Findings...)
	return r
}

func TestHostileTextNeverReachesTheScreen(t *testing.T) {
	defer lipgloss.SetColorProfile(lipgloss.ColorProfile())
	inputs := map[string]string{
		"hostile-input.txt": fixture(t, "hostile-input.txt"),
		"hostile.jwt":       fixture(t, "hostile.jwt"),
		"raw escapes":       evil + "." + evil + "." + evil,
	}
	for _, prof := range []termenv.Profile{termenv.Ascii, termenv.ANSI, termenv.TrueColor} {
		lipgloss.SetColorProfile(prof)
		for name, in := range inputs {
			for _, diag := range []struct {
				name string
				fn   func([]byte, inspect.Options) *inspect.Report
			}{{"real", inspect.Inspect}, {"hostile report", hostileInspect}} {
				m := New(Config{Token: in, Now: func() time.Time { return goldenNow }})
				m.inspectFn = diag.fn
				m.reportFor = "\x00"
				m.recompute()
				for _, sz := range [][2]int{{60, 20}, {120, 40}, {200, 50}} {
					m = send(m, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
					views := []string{m.View()}
					for _, k := range []tea.KeyType{tea.KeyTab, tea.KeyTab, tea.KeyTab, tea.KeyTab} {
						m = send(m, keyOf(k))
						views = append(views, m.View())
					}
					for _, v := range views {
						for _, h := range hostile {
							if strings.Contains(v, h.seq) {
								t.Fatalf("profile %v, %s, %s, %dx%d: the screen holds %s (%q)", prof, name, diag.name, sz[0], sz[1], h.name, h.seq)
							}
						}
						// the sequences drawn in every profile: the cursor's reverse video and
						// the underline of a visible escape
						bare := strings.NewReplacer("\x1b[7m", "", "\x1b[27m", "", "\x1b[4m", "", "\x1b[24m", "").Replace(v)
						if prof == termenv.Ascii && strings.ContainsRune(bare, 0x1b) {
							i := strings.IndexRune(bare, 0x1b)
							t.Fatalf("profile Ascii, %s, %s: the screen holds an escape byte: %q", name, diag.name, bare[max(0, i-40):min(len(bare), i+40)])
						}
					}
				}
			}
		}
	}
}
