package ui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"jwtlens/ui/panes"
)

const tok = "aaaa.bbbbbbbb.cccc"

func TestBracketedPasteRecomputesOnce(t *testing.T) {
	m, c, _ := newTest(t, "")
	c.n = 0
	m = send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(tok), Paste: true})
	if m.Value() != tok {
		t.Fatalf("Value() = %q, want %q", m.Value(), tok)
	}
	if c.n != 1 || m.Pending() {
		t.Fatalf("after a bracketed paste: %d inspections, pending %v; want 1, false", c.n, m.Pending())
	}
	if m.Report() == nil || m.Report().Token != tok {
		t.Fatalf("report not made for the pasted text")
	}
}

func TestPasteInPiecesSettlesOnceWithSameResult(t *testing.T) {
	m, c, clk := newTest(t, "")
	c.n = 0
	var cmd tea.Cmd
	for i := 0; i < len(tok); i += 5 {
		clk.t = clk.t.Add(time.Millisecond)
		m, cmd = sendCmd(m, runes(tok[i:min(i+5, len(tok))]))
		if cmd == nil {
			t.Fatalf("piece %d: no settle tick scheduled", i)
		}
	}
	if m.Value() != tok {
		t.Fatalf("Value() = %q, want %q", m.Value(), tok)
	}
	if c.n != 0 || !m.Pending() {
		t.Fatalf("while pieces arrive: %d inspections, pending %v; want 0, true", c.n, m.Pending())
	}
	if v := m.View(); !strings.Contains(v, "READING") || strings.Contains(v, "bad char") {
		t.Fatalf("while pending the verdict should say READING and show no findings of a partial token:\n%s", v)
	}
	m = send(m, settleMsg{seq: m.seq - 1}) // stale tick
	if !m.Pending() || c.n != 0 {
		t.Fatalf("a stale tick recomputed the report")
	}
	m = send(m, settleMsg{seq: m.seq})
	if m.Pending() || c.n != 1 {
		t.Fatalf("after settling: pending %v, %d inspections; want false, 1", m.Pending(), c.n)
	}
	b, _, _ := newTest(t, "")
	b = send(b, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(tok), Paste: true})
	if b.View() != m.View() {
		t.Fatalf("bracketed and piecewise paste differ:\n%s\n----\n%s", b.View(), m.View())
	}
}

func TestUnbracketedLineBreakIsPartOfPaste(t *testing.T) {
	m, _, clk := newTest(t, "")
	m = send(m, runes("aaaa.bb"))
	clk.t = clk.t.Add(time.Millisecond)
	m = send(m, keyOf(tea.KeyEnter))
	clk.t = clk.t.Add(time.Millisecond)
	m = send(m, runes("bb.cc"))
	if m.Value() != "aaaa.bb\nbb.cc" {
		t.Fatalf("Value() = %q, want the line break kept", m.Value())
	}
	clk.t = clk.t.Add(time.Second)
	m = send(m, keyOf(tea.KeyEnter)) // a real Enter, long after: not text
	if m.Value() != "aaaa.bb\nbb.cc" {
		t.Fatalf("a lone Enter changed the token: %q", m.Value())
	}
}

func TestTypingRecomputesEachKeyAndNeverQuits(t *testing.T) {
	m, c, clk := newTest(t, "")
	c.n = 0
	for _, r := range "aq.bq.cq" {
		clk.t = clk.t.Add(200 * time.Millisecond)
		var cmd tea.Cmd
		m, cmd = sendCmd(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
		if cmd != nil {
			if _, quit := cmd().(tea.QuitMsg); quit {
				t.Fatalf("typing %q quit", r)
			}
		}
	}
	if m.Value() != "aq.bq.cq" || c.n != 8 {
		t.Fatalf("Value() = %q after %d inspections; want %q after 8", m.Value(), c.n, "aq.bq.cq")
	}
}

func TestEditing(t *testing.T) {
	tests := []struct {
		name string
		keys []tea.KeyMsg
		want string
	}{
		{"middle", []tea.KeyMsg{keyOf(tea.KeyLeft), keyOf(tea.KeyLeft), runes("X")}, "aaaa.bbbbbbbb.ccXcc"},
		{"backspace", []tea.KeyMsg{keyOf(tea.KeyBackspace)}, "aaaa.bbbbbbbb.ccc"},
		{"home-delete", []tea.KeyMsg{keyOf(tea.KeyHome), keyOf(tea.KeyDelete)}, "aaa.bbbbbbbb.cccc"},
		{"clear", []tea.KeyMsg{keyOf(tea.KeyCtrlU)}, ""},
		{"word", []tea.KeyMsg{keyOf(tea.KeyCtrlW)}, "aaaa.bbbbbbbb."},
		{"word-dot", []tea.KeyMsg{keyOf(tea.KeyCtrlW), keyOf(tea.KeyCtrlW)}, "aaaa.bbbbbbbb"},
		{"kill", []tea.KeyMsg{keyOf(tea.KeyHome), keyOf(tea.KeyRight), keyOf(tea.KeyCtrlK)}, "a"},
		{"space", []tea.KeyMsg{{Type: tea.KeySpace, Runes: []rune{' '}}}, tok + " "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, _, clk := newTest(t, tok)
			for _, k := range tt.keys {
				clk.t = clk.t.Add(time.Second)
				m = send(m, k)
			}
			if m.Value() != tt.want {
				t.Fatalf("Value() = %q, want %q", m.Value(), tt.want)
			}
			if tt.want == "" {
				if m.Report() != nil || !strings.Contains(m.View(), "EMPTY") {
					t.Fatalf("a cleared input should have no report and say EMPTY")
				}
			} else if m.Report() == nil || m.Report().Token != tt.want {
				t.Fatalf("report not recomputed for %q", tt.want)
			}
		})
	}
}

func TestFocusMoves(t *testing.T) {
	m, _, _ := newTest(t, tok)
	want := []Focus{FocusFindings, FocusHeader, FocusPayload, FocusSignature, FocusInput}
	for i, f := range want {
		m = send(m, keyOf(tea.KeyTab))
		if m.Focus() != f {
			t.Fatalf("tab %d: focus %v, want %v", i+1, m.Focus(), f)
		}
	}
	m = send(m, keyOf(tea.KeyShiftTab))
	if m.Focus() != FocusSignature {
		t.Fatalf("shift+tab: focus %v, want %v", m.Focus(), FocusSignature)
	}
	m = send(m, runes("i"))
	if m.Focus() != FocusInput || m.Value() != tok {
		t.Fatalf("i outside the input should return to it without typing: focus %v value %q", m.Focus(), m.Value())
	}
	m = send(m, keyOf(tea.KeyEsc))
	if m.Focus() != FocusFindings {
		t.Fatalf("esc from the input: focus %v, want findings", m.Focus())
	}
	_, cmd := sendCmd(m, runes("q"))
	if cmd == nil {
		t.Fatal("q outside the input did not quit")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("q outside the input did not quit")
	}
	_, cmd = sendCmd(m, keyOf(tea.KeyCtrlC))
	if cmd == nil {
		t.Fatal("ctrl+c did not quit")
	}
}

func TestEscThenKeyArrivingAsAlt(t *testing.T) {
	m, _, _ := newTest(t, tok)
	_, cmd := sendCmd(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'q'}, Alt: true})
	if cmd == nil {
		t.Fatal("esc q typed quickly (alt+q) did not quit")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("esc q typed quickly (alt+q) did not quit")
	}
	m, _, _ = newTest(t, tok)
	m = send(m, tea.KeyMsg{Type: tea.KeyDown, Alt: true})
	if m.Focus() != FocusFindings || m.findings.Index() != 1 || m.Value() != tok {
		t.Fatalf("esc down typed quickly: focus %v, selection %d, value %q", m.Focus(), m.findings.Index(), m.Value())
	}
	m, _, _ = newTest(t, tok)
	m = send(m, tea.KeyMsg{Type: tea.KeyBackspace, Alt: true})
	if m.Focus() != FocusInput || m.Value() != "aaaa.bbbbbbbb." {
		t.Fatalf("alt+backspace should delete a word in the token: focus %v value %q", m.Focus(), m.Value())
	}
}

func TestResizeFitsTheScreen(t *testing.T) {
	long := strings.Repeat("eyJhbGciOiJIUzI1NiJ9", 40) + "." + strings.Repeat("x", 900) + ".sig"
	for _, sz := range [][2]int{{60, 20}, {80, 24}, {120, 40}, {200, 50}, {100, 30}} {
		for _, token := range []string{"", tok, long} {
			m, _, _ := newTest(t, token)
			m = send(m, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
			v := m.View()
			lines := strings.Split(v, "\n")
			if len(lines) > sz[1] {
				t.Errorf("%dx%d token %d: %d lines, more than the screen", sz[0], sz[1], len(token), len(lines))
			}
			for i, l := range lines {
				if w := ansi.StringWidth(l); w > sz[0] {
					t.Errorf("%dx%d token %d: line %d is %d wide: %q", sz[0], sz[1], len(token), i, w, l)
				}
			}
			if !strings.Contains(v, "ctrl+c") {
				t.Errorf("%dx%d: the help line lost ctrl+c quit", sz[0], sz[1])
			}
		}
	}
	m, _, _ := newTest(t, tok)
	for _, c := range []struct {
		w    int
		mode panes.Mode
	}{{60, panes.Tabs}, {120, panes.Columns}, {200, panes.Wide}} {
		m = send(m, tea.WindowSizeMsg{Width: c.w, Height: 40})
		if m.panes.Mode() != c.mode {
			t.Errorf("width %d: layout %v, want %v", c.w, m.panes.Mode(), c.mode)
		}
	}
}

func TestSelectingAFindingMarksItsBytesAndShowsItsPane(t *testing.T) {
	m, _, _ := newTest(t, tok)
	m = send(m, tea.WindowSizeMsg{Width: 60, Height: 24}) // tabs: one pane shown
	m = send(m, keyOf(tea.KeyEsc))
	if m.Focus() != FocusFindings {
		t.Fatalf("focus %v, want findings", m.Focus())
	}
	// the first finding is the payload error at offset 5, length 2
	if !markerUnder(m.View(), "aaaa.bbbbbbbb", 5, 2) {
		t.Fatalf("the selected finding's bytes have no marker line:\n%s", m.View())
	}
	if m.panes.Active() != panes.Payload {
		t.Fatalf("pane shown %d, want the payload's", m.panes.Active())
	}
	m = send(m, keyOf(tea.KeyDown))
	if m.findings.Index() != 1 || !markerUnderGlyph(m.View(), "aaaa.bbbbbbbb", 0, 1, "~") {
		t.Fatalf("after down: selection %d, marker not under the header byte:\n%s", m.findings.Index(), m.View())
	}
	if m.panes.Active() != panes.Header {
		t.Fatalf("pane shown %d, want the header's", m.panes.Active())
	}
	m = send(m, keyOf(tea.KeyEnter))
	if m.Focus() != FocusHeader {
		t.Fatalf("enter on a finding: focus %v, want its pane", m.Focus())
	}
}

// markerUnder reports whether the line after the one starting with row has carets at
// columns [col, col+n) and nowhere else.
func markerUnder(view, row string, col, n int) bool {
	return markerUnderGlyph(view, row, col, n, "^")
}

// markerUnderGlyph is markerUnder with the marker glyph of a severity (~ for a warning).
func markerUnderGlyph(view, row string, col, n int, glyph string) bool {
	lines := strings.Split(view, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, row) && i+1 < len(lines) {
			want := strings.Repeat(" ", col) + strings.Repeat(glyph, n)
			return strings.TrimRight(lines[i+1], " ") == want
		}
	}
	return false
}
