package common

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Wrap word-wraps s (which may hold SGR styling) to width cells, breaking only at spaces:
// never at a hyphen, so "rsa-pub.pem" or a base64url value stays whole. A word wider than
// width is hard-wrapped. A style open at a line break is closed there and opened again at
// the start of the next line, so every line can be drawn on its own.
func Wrap(s string, width int) []string {
	width = max(1, width)
	if ansi.StringWidth(s) <= width {
		return []string{s}
	}
	var lines []string
	var cur strings.Builder
	curW := 0
	active := "" // the SGR sequences in effect at the end of cur
	flush := func() {
		line := cur.String()
		if active != "" {
			line += "\x1b[0m"
		}
		lines = append(lines, line)
		cur.Reset()
		cur.WriteString(active)
		curW = 0
	}
	for i, word := range groupParens(strings.Split(s, " "), width) {
		w := ansi.StringWidth(word)
		switch {
		case i == 0:
		case curW+1+w <= width:
			cur.WriteByte(' ')
			curW++
		default:
			flush()
		}
		if w > width-curW {
			// a word longer than a line: cut it into pieces of the width
			for _, piece := range strings.Split(ansi.Hardwrap(word, width, true), "\n") {
				if curW > 0 {
					flush()
				}
				cur.WriteString(piece)
				curW = ansi.StringWidth(piece)
				active = trackSGR(active, piece)
			}
			continue
		}
		cur.WriteString(word)
		curW += w
		active = trackSGR(active, word)
	}
	lines = append(lines, cur.String())
	return lines
}

// trackSGR returns the SGR sequences in effect after s, given those in effect before it.
func trackSGR(active, s string) string {
	for {
		i := strings.Index(s, "\x1b[")
		if i < 0 {
			return active
		}
		j := i + 2
		for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';' || s[j] == ':') {
			j++
		}
		if j >= len(s) {
			return active
		}
		if s[j] == 'm' {
			switch seq := s[i : j+1]; seq {
			case "\x1b[0m", "\x1b[m":
				active = ""
			case "\x1b[24m": // underline off: the escape paint's underline is closed
				active = strings.Replace(active, "\x1b[4m", "", 1)
			case "\x1b[27m":
				active = strings.Replace(active, "\x1b[7m", "", 1)
			default:
				active += seq
			}
		}
		s = s[j+1:]
	}
}

// groupParens joins the words of a short parenthesised group, "(PEM PUBLIC KEY)", into one
// unit, so it is never split across lines. Long asides in prose wrap as words.
const maxGroup = 24

func groupParens(words []string, width int) []string {
	out := words[:0:0]
	for i := 0; i < len(words); i++ {
		w := words[i]
		plain := ansi.Strip(w)
		if strings.HasPrefix(plain, "(") && !strings.Contains(plain, ")") {
			j := i + 1
			for j < len(words) && !strings.Contains(ansi.Strip(words[j]), ")") {
				j++
			}
			if j < len(words) {
				if g := strings.Join(words[i:j+1], " "); ansi.StringWidth(g) <= min(width, maxGroup) {
					out = append(out, g)
					i = j
					continue
				}
			}
		}
		out = append(out, w)
	}
	return out
}

// ShortenMiddle fits s into width cells by putting "…" in place of its middle, keeping
// both ends of a path or identifier readable. s must be plain text (no styling).
func ShortenMiddle(s string, width int) string {
	if ansi.StringWidth(s) <= width || width < 5 {
		return s
	}
	r := []rune(s)
	keep := width - 1
	head := keep / 2
	tail := keep - head
	if head+tail >= len(r) {
		return s
	}
	return string(r[:head]) + "…" + string(r[len(r)-tail:])
}
