package ui

import (
	"encoding/base64"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"jwtlens/keys"
)

// TestPastedCRBecomesLF: terminals and tmux send a paste's line breaks as CR; a lone CR
// reaches the diagnosis as LF (bracketed or not), a CRLF stays a CRLF.
func TestPastedCRBecomesLF(t *testing.T) {
	cases := []struct{ name, paste, want string }{
		{"lone CR", "GET / HTTP/1.1\rAuthorization: Bearer a.b.c\r\r", "GET / HTTP/1.1\nAuthorization: Bearer a.b.c\n\n"},
		{"CRLF kept", "a.b\r\nc", "a.b\r\nc"},
		{"CR at the end", "a.b.c\r", "a.b.c\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, _, _ := newTest(t, "")
			m = send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(c.paste), Paste: true})
			if m.Value() != c.want {
				t.Fatalf("bracketed paste %q: Value() = %q, want %q", c.paste, m.Value(), c.want)
			}
		})
	}
	// unbracketed: the CR arrives as Enter, a LF after it as ctrl+j
	m, _, clk := newTest(t, "")
	for _, k := range []tea.KeyMsg{runes("a.b"), keyOf(tea.KeyEnter), runes("c.d"), keyOf(tea.KeyEnter), keyOf(tea.KeyCtrlJ), runes("e")} {
		clk.t = clk.t.Add(time.Millisecond)
		m = send(m, k)
	}
	if want := "a.b\nc.d\r\ne"; m.Value() != want {
		t.Fatalf("unbracketed paste: Value() = %q, want %q", m.Value(), want)
	}
}

// TestPasteGoesToTheTokenWhateverHasFocus: after esc or tab a paste (bracketed or in
// pieces) used to be dropped; it must focus the strip and go in.
func TestPasteGoesToTheTokenWhateverHasFocus(t *testing.T) {
	for _, c := range []struct {
		name string
		away []tea.KeyMsg
		msg  tea.KeyMsg
	}{
		{"bracketed after esc", []tea.KeyMsg{keyOf(tea.KeyEsc)}, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("x.y.z"), Paste: true}},
		{"pieces after esc", []tea.KeyMsg{keyOf(tea.KeyEsc)}, runes("x.y.z")},
		{"bracketed on a pane", []tea.KeyMsg{keyOf(tea.KeyEsc), keyOf(tea.KeyTab)}, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("x.y.z"), Paste: true}},
	} {
		t.Run(c.name, func(t *testing.T) {
			m, _, clk := newTest(t, "aaaa.bbbb.cccc")
			for _, k := range c.away {
				clk.t = clk.t.Add(time.Second)
				m = send(m, k)
			}
			if m.Focus() == FocusInput {
				t.Fatalf("the keys did not move the focus away")
			}
			clk.t = clk.t.Add(time.Second)
			m = send(m, c.msg)
			if m.Focus() != FocusInput || m.Value() != "aaaa.bbbb.ccccx.y.z" {
				t.Fatalf("after the paste: focus %v, Value() %q; want the token focused with the paste in it", m.Focus(), m.Value())
			}
		})
	}
}

// TestFullHelpFitsSmallScreens: the full help used to lose its right-hand column at 80×24
// and show 4 rows at 60×20. Every enabled key must be on the screen, and the short help
// must not offer ? while ? is typed into the token.
func TestFullHelpFitsSmallScreens(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {60, 20}} {
		for _, focusAway := range []bool{false, true} {
			m, _, _ := newTest(t, "aaaa.bbbb.cccc")
			m = send(m, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
			want := []string{"ctrl+o", "ctrl+t", "ctrl+v", "ctrl+y", "ctrl+c", "ctrl+u", "ctrl+w", "shift+tab"}
			short := "f1 help"
			if focusAway {
				m = send(m, keyOf(tea.KeyEsc))
				want = []string{"o/ctrl+o", "e/ctrl+t", "ctrl+v", "y/ctrl+y", "ctrl+c", "q", "shift+tab", "enter"}
				short = "?/f1 help"
			}
			if v := m.View(); !strings.Contains(lastLine(v), short) {
				t.Errorf("%v away=%v: short help %q does not say %q", sz, focusAway, lastLine(v), short)
			}
			m = send(m, keyOf(tea.KeyF1))
			v := m.View()
			if n := len(strings.Split(v, "\n")); n > sz[1] {
				t.Errorf("%v: the screen has %d lines", sz, n)
			}
			for _, k := range want {
				if !strings.Contains(v, k+" ") {
					t.Errorf("%v away=%v: full help lacks %q:\n%s", sz, focusAway, k, v)
				}
			}
			m = send(m, keyOf(tea.KeyEsc))
			if m.fullHelp {
				t.Errorf("esc did not close the full help")
			}
		}
	}
}

func lastLine(s string) string {
	l := strings.Split(s, "\n")
	return l[len(l)-1]
}

// newReal builds a model over the real diagnosis at w×h.
func newReal(t testing.TB, token string, w, h int) Model {
	t.Helper()
	if !realInspect() {
		t.Skip("needs the real diagnosis")
	}
	m := New(Config{Token: token, Now: func() time.Time { return goldenNow }})
	return send(m, tea.WindowSizeMsg{Width: w, Height: h})
}

// flat is the screen's text with ANSI removed and runs of spaces and line breaks made one
// space, so a wrapped sentence can be looked for whole.
func flat(v string) string { return strings.Join(strings.Fields(ansi.Strip(v)), " ") }

// TestSelectedFindingIsShownWhole: messages were cut with "…" at every size. The verdict
// says the essential in a line, and the selected finding shows its whole message and hint
// at 80×24, and at 60×20 once the findings have the focus.
func TestSelectedFindingIsShownWhole(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {60, 20}} {
		m := newReal(t, fixture(t, "kamailio-truncated.txt"), sz[0], sz[1])
		if sz[1] <= 20 {
			m = send(m, keyOf(tea.KeyEsc))
		}
		f := m.findings.Selected()
		if f == nil || f.Code != "structure.truncated" {
			t.Fatalf("selected %+v, want structure.truncated", f)
		}
		v := m.View()
		for _, want := range []string{f.Message, "→ " + f.Hint} {
			if !strings.Contains(flat(v), strings.Join(strings.Fields(want), " ")) {
				t.Errorf("%v: the screen lacks %q:\n%s", sz, want, v)
			}
		}
		verdictLine := strings.Split(ansi.Strip(v), "\n")[m.lay.inputH]
		if !strings.Contains(verdictLine, "payload") || !strings.Contains(verdictLine, "200 chars") || strings.Contains(verdictLine, "…") {
			t.Errorf("%v: verdict %q does not say where the token ends", sz, verdictLine)
		}
		if n := len(strings.Split(v, "\n")); n != sz[1] {
			t.Errorf("%v: %d lines", sz, n)
		}
	}
}

// longPayloadToken is an HS256-shaped token whose payload has many members before an
// expired exp, so exp is far below the top of the Payload pane.
func longPayloadToken() string {
	enc := base64.RawURLEncoding.EncodeToString
	var p strings.Builder
	p.WriteString("{")
	for i := 0; i < 30; i++ {
		fmt.Fprintf(&p, `"m%02d":"value number %d",`, i, i)
	}
	p.WriteString(`"exp":1000000000}`)
	return enc([]byte(`{"alg":"HS256","typ":"JWT"}`)) + "." + enc([]byte(p.String())) + "." + enc(make([]byte, 32))
}

// TestSelectingAFindingScrollsToItsMember: selecting claims.expired must bring exp into
// view in the Payload pane, without pressing enter.
func TestSelectingAFindingScrollsToItsMember(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {140, 40}} {
		m := newReal(t, longPayloadToken(), sz[0], sz[1])
		m = send(m, keyOf(tea.KeyEsc))
		for i := 0; i < m.findings.Len() && m.findings.Selected().Code != "claims.expired"; i++ {
			m = send(m, keyOf(tea.KeyDown))
		}
		if m.findings.Selected().Code != "claims.expired" {
			t.Fatalf("no claims.expired finding")
		}
		if v := ansi.Strip(m.View()); !strings.Contains(v, `"exp": 1000000000`) {
			t.Errorf("%v: exp is not in view after selecting claims.expired:\n%s", sz, v)
		}
		// back up to the first finding and down again: the same
		m = send(m, keyOf(tea.KeyHome))
		for i := 0; i < m.findings.Len() && m.findings.Selected().Code != "claims.expired"; i++ {
			m = send(m, keyOf(tea.KeyDown))
		}
		if v := ansi.Strip(m.View()); !strings.Contains(v, `"exp": 1000000000`) {
			t.Errorf("%v: exp is not in view the second time:\n%s", sz, v)
		}
	}
}

// TestScreenKeepsItsHeightAcrossFocus: moving the focus changes the marks (and so the
// strip's lines) and the help; the screen used to come out shorter than the terminal.
func TestScreenKeepsItsHeightAcrossFocus(t *testing.T) {
	if !realInspect() {
		t.Skip("needs the real diagnosis")
	}
	for _, sz := range [][2]int{{120, 40}, {80, 24}, {60, 20}, {200, 50}} {
		m := New(Config{Token: fixture(t, "valid-rs256.jwt"), Now: func() time.Time { return goldenNow },
			Keys: []keys.Set{keys.Read(readFixture(t, "rsa-pub.pem"), "/tmp/review-tui-fix/rsa-public-key.pem")}})
		m = send(m, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		for i, k := range []tea.KeyMsg{keyOf(tea.KeyEsc), keyOf(tea.KeyTab), keyOf(tea.KeyTab), keyOf(tea.KeyTab), keyOf(tea.KeyTab)} {
			m = send(m, k)
			if n := len(strings.Split(m.View(), "\n")); n != sz[1] {
				t.Errorf("%v after key %d (focus %v): %d lines", sz, i, m.Focus(), n)
			}
		}
	}
}

// TestCandidatesAreShown: the other token-like strings of a paste were not shown, so the
// choice jwtlens made was invisible.
func TestCandidatesAreShown(t *testing.T) {
	tok := fixture(t, "valid-hs256.jwt")
	body := `{"access_token":"` + tok + `","refresh_token":"` + tok + `"}`
	m := newReal(t, body, 80, 24)
	if len(m.Report().Candidates) == 0 {
		t.Skip("the diagnosis reports no candidates for a JSON body")
	}
	m = send(m, keyOf(tea.KeyEsc))
	if v := flat(m.View()); !strings.Contains(v, "(+1 other candidate)") {
		t.Errorf("the input.extracted row does not say there are others:\n%s", m.View())
	}
	for i := 0; i < m.findings.Len() && m.findings.Selected().Code != "input.extracted"; i++ {
		m = send(m, keyOf(tea.KeyDown))
	}
	c := m.Report().Candidates[0]
	want := fmt.Sprintf("also found: JSON member refresh_token at byte %d (%d chars)", c.Offset, c.Length)
	if v := flat(m.View()); !strings.Contains(v, want) {
		t.Errorf("selected input.extracted does not list %q:\n%s", want, m.View())
	}
}

// nestedToken is an HS256 token whose payload is another token (cty JWT).
func nestedToken(t testing.TB) string {
	enc := base64.RawURLEncoding.EncodeToString
	inner := strings.TrimSpace(fixture(t, "valid-hs256.jwt"))
	return enc([]byte(`{"alg":"HS256","cty":"JWT"}`)) + "." + enc([]byte(inner)) + "." + enc(make([]byte, 32))
}

// TestNestedTokenShowsTheInnerToken: the Payload pane said "N bytes of text, not a JSON
// object"; it says the payload is a nested token and shows its header and payload.
func TestNestedTokenShowsTheInnerToken(t *testing.T) {
	m := newReal(t, nestedToken(t), 80, 40)
	if m.Report().NestedToken == "" {
		t.Skip("the diagnosis does not report the nested token")
	}
	m = send(m, keyOf(tea.KeyEsc))
	m.setFocus(FocusPayload)
	v := ansi.Strip(m.View())
	for _, want := range []string{"a nested token", "inner header", `"alg": "HS256"`, "inner payload", `"sub": "bob"`} {
		if !strings.Contains(v, want) {
			t.Errorf("the Payload pane lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "not a JSON object") {
		t.Errorf("the Payload pane still calls the inner token text:\n%s", v)
	}
	// memoised: typing elsewhere (here: in the signature) does not inspect it again
	inner := m.nested
	m.setFocus(FocusInput)
	m = send(m, runes("A"))
	if m.nested != inner {
		t.Errorf("the inner token was inspected again after an edit that left it alone")
	}
}

// TestTokenStripIsCappedOnSmallScreens: at 80×24 the strip took up to 7 lines. It keeps
// to 4 (3 at 60×20), more on tall screens, scrolls with a row indicator and keeps the
// cursor in view.
func TestTokenStripIsCappedOnSmallScreens(t *testing.T) {
	long := fixture(t, "valid-rs256.jwt") // 7 rows at 80 columns
	for _, c := range []struct{ w, h, max int }{{80, 24, 4}, {60, 20, 3}, {120, 40, 10}} {
		m, _, _ := newTest(t, long)
		m = send(m, tea.WindowSizeMsg{Width: c.w, Height: c.h})
		if m.lay.inputH > c.max {
			t.Errorf("%dx%d: the strip has %d lines, want at most %d", c.w, c.h, m.lay.inputH, c.max)
		}
		strip := strings.Split(ansi.Strip(m.input.View()), "\n")
		if m.input.NeededLines() > c.max && !strings.Contains(strip[0], "rows ") {
			t.Errorf("%dx%d: no row indicator in %q", c.w, c.h, strip[0])
		}
		m = send(m, keyOf(tea.KeyHome))
		if v := ansi.Strip(m.input.View()); !strings.Contains(v, long[:20]) {
			t.Errorf("%dx%d: after home the start of the token is not in view:\n%s", c.w, c.h, v)
		}
	}
}

// TestPasteGoesToAnOpenOverlay: with the key chooser open, a paste is the chooser's (a
// path typed into its field), not the token's.
func TestPasteGoesToAnOpenOverlay(t *testing.T) {
	m, _, _ := newTest(t, "aaaa.bbbb.cccc")
	m = send(m, keyOf(tea.KeyCtrlO))
	if m.overlay == nil {
		t.Fatalf("ctrl+o opened no overlay")
	}
	m = send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/tmp/key.pem"), Paste: true})
	if m.Value() != "aaaa.bbbb.cccc" || m.overlay == nil {
		t.Fatalf("the paste went to the token (%q) or closed the overlay", m.Value())
	}
}

// TestOverlayAndExplainKeepTheirRoom: the findings grew to show the selected one whole;
// with the key chooser or explain mode open they keep to a fifth of the screen again.
func TestOverlayAndExplainKeepTheirRoom(t *testing.T) {
	for _, k := range []tea.KeyMsg{keyOf(tea.KeyCtrlO), keyOf(tea.KeyCtrlT)} {
		m := newReal(t, fixture(t, "kamailio-truncated.txt"), 80, 24)
		m = send(m, k)
		if m.lay.findingsH > 4 {
			t.Errorf("%s: the findings take %d lines, the centre %d", k, m.lay.findingsH, m.paneH)
		}
	}
}
