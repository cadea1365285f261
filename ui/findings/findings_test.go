package findings

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"jwtlens/inspect"
)

func init() { lipgloss.SetColorProfile(termenv.Ascii) }

// TestEscapesAreDrawnDistinctly: a sanitiser escape (\e[2J, \u202e) in a message must be
// drawn in its own style, underlined even without colour, never as the raw bytes.
func TestEscapesAreDrawnDistinctly(t *testing.T) {
	m := New(Styles{})
	m.SetSize(80, 6)
	m.SetFindings([]inspect.Finding{
		{Code: "text.control-chars", Severity: inspect.Warning, Message: "sub holds x\x1b[2Jy", Hint: "see \u202e here"},
		{Code: "claims.no-exp", Severity: inspect.Info, Message: "other \x1b[2J row"},
	})
	v := m.View()
	if strings.Contains(v, "\x1b[2J") || strings.Contains(v, "\u202e") {
		t.Fatalf("raw control bytes reached the view: %q", v)
	}
	if n := strings.Count(v, "\x1b[4m"); n < 3 {
		t.Fatalf("the escapes are not underlined (%d underlines): %q", n, v)
	}
	if plain := ansi.Strip(v); !strings.Contains(plain, `x\e[2Jy`) && !strings.Contains(plain, `x\x1b[2Jy`) {
		t.Fatalf("the escape is not visible: %q", plain)
	}
}

// TestSelectedFindingWrapsWhole: the selected finding shows its whole message and hint,
// wrapped at spaces; the others stay one line.
func TestSelectedFindingWrapsWhole(t *testing.T) {
	msg := "the token was cut short: it ends after 200 characters, inside the payload: the signature and the end of the claims are missing"
	hint := "Something on the way cut the token; log or copy the full value at its source, and raise the limit that cut it."
	m := New(Styles{})
	m.SetSize(60, 20)
	m.SetFindings([]inspect.Finding{{Code: "structure.truncated", Severity: inspect.Error, Message: msg, Hint: hint},
		{Code: "structure.segment-count", Severity: inspect.Error, Message: msg}})
	lines := strings.Split(ansi.Strip(m.View()), "\n")
	if got := m.NeededLines(); got >= 20 || got < 6 {
		t.Fatalf("NeededLines() = %d", got)
	}
	flat := strings.Join(strings.Fields(strings.Join(lines, " ")), " ")
	if !strings.Contains(flat, msg) || !strings.Contains(flat, "→ "+hint) {
		t.Fatalf("the selected finding is not whole:\n%s", strings.Join(lines, "\n"))
	}
	for _, l := range lines {
		if ansi.StringWidth(l) > 60 {
			t.Errorf("line wider than 60: %q", l)
		}
	}
}
