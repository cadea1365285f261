package common

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
)

// Paint is a lipgloss style reduced to the escape sequences it puts around text, so hot
// paths (the token strip, big JSON panes) can colour thousands of runs without calling
// lipgloss.Style.Render for each. It is only right for styles without padding, width,
// borders or margins.
type Paint struct {
	pre, post string
}

// NewPaint captures the sequences st wraps around a single-line text.
func NewPaint(st lipgloss.Style) Paint {
	const probe = "X"
	out := st.Render(probe)
	i := strings.Index(out, probe)
	if i < 0 {
		return Paint{}
	}
	return Paint{pre: out[:i], post: out[i+len(probe):]}
}

// Reverse is reverse video drawn whatever the colour profile says. It is for the cursor
// only: with NO_COLOR or a monochrome profile every style is dropped, and a cursor nobody
// can see makes editing in the middle of a token guesswork. Reverse video is not colour.
var Reverse = Paint{pre: "\x1b[7m", post: "\x1b[27m"}

// EscapePaint is the paint of a visible escape (\e[2J, \u202e…) drawn from st: the
// style's colour plus an underline written whatever the colour profile says, so an escape
// stands out from the text around it on a NO_COLOR or monochrome terminal too (the escape
// could otherwise be taken for text the token holds).
func EscapePaint(st lipgloss.Style) Paint {
	p := NewPaint(st)
	return Paint{pre: p.pre + "\x1b[4m", post: "\x1b[24m" + p.post}
}

// Empty reports whether the paint draws nothing (its style was dropped by the profile).
func (p Paint) Empty() bool { return p.pre == "" && p.post == "" }

// S returns text wrapped in the paint's sequences.
func (p Paint) S(text string) string {
	if text == "" || (p.pre == "" && p.post == "") {
		return text
	}
	return p.pre + text + p.post
}

// W writes text wrapped in the paint's sequences to b.
func (p Paint) W(b *strings.Builder, text string) {
	if text == "" {
		return
	}
	b.WriteString(p.pre)
	b.WriteString(text)
	b.WriteString(p.post)
}
