package tokeninput

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

func init() { lipgloss.SetColorProfile(termenv.Ascii) }

func newInput(v string, w, h int) Model {
	m := New(Styles{})
	m.SetSize(w, h)
	m.SetValue(v)
	m.Focus()
	return m
}

func TestHardWrapNeverBreaksAtHyphens(t *testing.T) {
	m := newInput("abc-def-ghi-jkl", 4, 10)
	m.Blur()
	got := strings.Split(m.View(), "\n")[1:]
	want := []string{"abc-", "def-", "ghi-", "jkl"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("View rows = %q, want %q", got, want)
	}
}

func TestControlCharactersAreEscapedAndWrapWhole(t *testing.T) {
	m := newInput("ab\x1b[2Jcd", 5, 10)
	m.Blur()
	v := m.View()
	if !strings.Contains(v, "\x1b[4m\\e\x1b[24m") {
		t.Fatalf("the escape is not drawn underlined: %q", v)
	}
	v = strings.NewReplacer("\x1b[4m", "", "\x1b[24m", "").Replace(v)
	if strings.ContainsRune(v, 0x1b) {
		t.Fatalf("View holds a raw ESC: %q", v)
	}
	if !strings.Contains(v, `\x1b`) && !strings.Contains(v, `\e`) {
		t.Fatalf("View does not show the escape visibly: %q", v)
	}
}

func TestMarkerLineUnderSelectedBytes(t *testing.T) {
	m := newInput("aaaa.bbbb.cccc", 20, 10)
	m.SetMarks([]Mark{{Start: 5, End: 7, Selected: true}, {Start: 0, End: 1}})
	lines := strings.Split(m.View(), "\n")
	if len(lines) != 3 || strings.TrimRight(lines[2], " ") != "     ^^" {
		t.Fatalf("View = %q, want a caret line under bytes 5–6 only", lines)
	}
	if got := m.NeededLines(); got != 3 {
		t.Fatalf("NeededLines() = %d, want 3", got)
	}
	m.SetMarks([]Mark{{Start: 14, End: 14, Selected: true}}) // the end of the text
	lines = strings.Split(m.View(), "\n")
	if strings.TrimRight(lines[len(lines)-1], " ") != strings.Repeat(" ", 14)+"^" {
		t.Fatalf("a mark at the end: %q", lines)
	}
}

func TestCursorShowsWithoutColour(t *testing.T) {
	m := newInput("abcd", 10, 3)
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyLeft})
	if v := m.View(); !strings.Contains(v, "abc\x1b[7md\x1b[27m") {
		t.Fatalf("in the Ascii profile the cursor should still be reverse video: %q", v)
	}
}

func TestScrollKeepsCursorVisible(t *testing.T) {
	m := newInput(strings.Repeat("x", 300), 30, 4) // 10 rows + cursor row, 3 visible
	v := m.View()
	if !strings.Contains(v, "rows 9–11/11") {
		t.Fatalf("the title does not say which rows show: %q", v)
	}
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyHome})
	if v := m.View(); !strings.Contains(v, "rows 1–3/11") {
		t.Fatalf("after home the first rows should show: %q", v)
	}
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyDown})
	if m.Cursor() != 30 {
		t.Fatalf("down from 0: cursor %d, want 30", m.Cursor())
	}
}

func TestWordStart(t *testing.T) {
	tests := []struct {
		s    string
		i    int
		want int
	}{
		{"aaa.bbb", 7, 4},
		{"aaa.", 4, 3},
		{"Bearer abc", 10, 7},
		{"Bearer ", 7, 0},
		{"", 0, 0},
		{"ab-c_d", 6, 0},
	}
	for _, tt := range tests {
		if got := wordStart(tt.s, tt.i); got != tt.want {
			t.Errorf("wordStart(%q, %d) = %d, want %d", tt.s, tt.i, got, tt.want)
		}
	}
}

func TestMultibyteEditing(t *testing.T) {
	m := newInput("aé", 10, 3)
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyBackspace})
	if m.Value() != "a" {
		t.Fatalf("backspace over é: %q", m.Value())
	}
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("ü")})
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyLeft})
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyDelete})
	if m.Value() != "a" || m.Cursor() != 1 {
		t.Fatalf("left + delete over ü: %q cursor %d", m.Value(), m.Cursor())
	}
}

// TestMarkerGlyphSaysTheSeverity: the marker line reads ^ for an error, ~ for a warning
// and - for info, so severity shows without colour (warnings used to be marked ^ too).
func TestMarkerGlyphSaysTheSeverity(t *testing.T) {
	for _, c := range []struct {
		lvl  Level
		want string
	}{{Error, "     ^^"}, {Warning, "     ~~"}, {Info, "     --"}} {
		m := newInput("aaaa.bbbb.cccc", 20, 10)
		m.SetMarks([]Mark{{Start: 5, End: 7, Selected: true, Level: c.lvl}})
		lines := strings.Split(m.View(), "\n")
		if got := strings.TrimRight(lines[2], " "); got != c.want {
			t.Errorf("level %d: marker line %q, want %q", c.lvl, got, c.want)
		}
	}
}

// TestPlaceholderReadsCleanly: the placeholder began with a blank cursor cell and was cut
// at 80 columns. It starts with its first letter (under the cursor) and wraps at spaces.
func TestPlaceholderReadsCleanly(t *testing.T) {
	for _, w := range []int{40, 60, 80, 120} {
		m := newInput("", w, 10)
		m.Placeholder = []string{"Paste a token here (ctrl+shift+v, cmd+v, shift+insert)", "or type it."}
		lines := strings.Split(ansi.Strip(m.View()), "\n")[1:]
		if !strings.HasPrefix(lines[0], "Paste") {
			t.Errorf("width %d: first line %q", w, lines[0])
		}
		got := strings.Join(lines, " ")
		if strings.Contains(got, "…") || !strings.Contains(got, "shift+insert) or type it.") {
			t.Errorf("width %d: placeholder %q", w, lines)
		}
		if len(lines) != m.NeededLines()-1 {
			t.Errorf("width %d: %d lines drawn, NeededLines says %d", w, len(lines), m.NeededLines()-1)
		}
	}
}
