package inspect

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxTextDepth bounds how deep textFindings walks nested arrays and objects; a deeper tree
// is hostile on its face and the rest of it is not searched.
const maxTextDepth = 10000

// pathElem is one step of the path to a value: a member name, or an array index when
// name is empty and index >= 0.
type pathElem struct {
	name  string
	index int
}

// textFindings reports text.control-chars for every string (member names included) in v
// that holds characters Sanitize would escape: one finding per offending string, naming
// where it is and what it holds. at maps spans of the decoded segment to the raw input.
func textFindings(part Part, v *Value, at spanMapper) []Finding {
	if v == nil {
		return nil
	}
	w := textWalker{part: part, at: at}
	w.walk(v, 0)
	return w.out
}

type textWalker struct {
	part Part
	at   spanMapper
	path []pathElem
	out  []Finding
}

func (w *textWalker) walk(v *Value, depth int) {
	if depth > maxTextDepth {
		return
	}
	switch v.Type {
	case TypeString:
		if HasUnsafe(v.Str) {
			w.report(v.Str, w.where(""), v.Start, v.End)
		}
	case TypeArray:
		for i := range v.Elems {
			w.path = append(w.path, pathElem{index: i})
			w.walk(&v.Elems[i], depth+1)
			w.path = w.path[:len(w.path)-1]
		}
	case TypeObject:
		for i := range v.Members {
			m := &v.Members[i]
			if HasUnsafe(m.Name) {
				w.report(m.Name, w.where(m.Name), m.NameStart, m.NameStart+len(m.NameRaw))
			}
			w.path = append(w.path, pathElem{name: m.Name, index: -1})
			w.walk(&m.Value, depth+1)
			w.path = w.path[:len(w.path)-1]
		}
	}
}

// where says in words which string is meant: the value at the current path, or (name
// set) the name of a member of the object at the current path.
func (w *textWalker) where(name string) string {
	noun := "member"
	switch w.part {
	case PartHeader:
		noun = "header parameter"
	case PartPayload:
		noun = "claim"
	}
	if name != "" {
		q := quoted(clip(name, 40))
		if len(w.path) == 0 {
			return "the " + noun + " name " + q
		}
		return "the name " + q + " inside the " + noun + ` "` + pathText(w.path) + `"`
	}
	if len(w.path) == 0 {
		return "the " + string(w.part) + " text"
	}
	// pathText is already made safe: quote it without escaping it again.
	return "the " + noun + ` "` + pathText(w.path) + `"`
}

func (w *textWalker) report(s, where string, start, end int) {
	off, n := w.at(start, end)
	kinds := describeUnsafe(s)
	w.out = append(w.out, Finding{
		Code:     "text.control-chars",
		Severity: Warning,
		Part:     w.part,
		Offset:   off,
		Length:   n,
		Message:  where + " holds " + joinKinds(kinds),
		Hint: "jwtlens shows it escaped (like \\e or \\u202e); a terminal, log viewer or tool that " +
			"prints this value raw could be made to act on it or show text other than what it holds. " +
			"Treat the token as crafted, and do not print its claims unescaped.",
	})
}

// pathText writes a path as address.street or roles[2], with every name made safe to show.
func pathText(path []pathElem) string {
	var b strings.Builder
	for i, p := range path {
		if p.index >= 0 {
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(p.index))
			b.WriteByte(']')
			continue
		}
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(clip(Sanitize(p.name), 40))
	}
	return b.String()
}

// clip shortens s to at most n runes, marking the cut with an ellipsis.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for j := range s {
		if i == n {
			return s[:j] + "…"
		}
		i++
	}
	return s
}

// joinKinds lists the kinds of unsafe content in plain words; describeUnsafe stops after
// mostKinds+1, and the extra one only says there are more.
func joinKinds(kinds []string) string {
	switch len(kinds) {
	case 1:
		return kinds[0]
	case 2:
		return kinds[0] + " and " + kinds[1]
	case 3:
		return kinds[0] + ", " + kinds[1] + " and " + kinds[2]
	}
	return strings.Join(kinds[:mostKinds], ", ") + " and other control characters"
}

// mostKinds is how many kinds of unsafe content a message names.
const mostKinds = 3

// describeUnsafe names, in order of first appearance and without repeats, each kind of
// unsafe content in s: "an ESC[2J screen-clear sequence", "an OSC 52 clipboard write",
// "a BEL (terminal bell)", "an RLO bidi override (U+202E)"… It stops at mostKinds+1
// kinds, so a long hostile string costs no more than one pass.
func describeUnsafe(s string) []string {
	var kinds []string
	add := func(k string) {
		for _, have := range kinds {
			if have == k {
				return
			}
		}
		kinds = append(kinds, k)
	}
	for i := 0; i < len(s) && len(kinds) <= mostKinds; {
		r, size, unsafe := decodeUnsafe(s, i)
		if !unsafe {
			i += size
			continue
		}
		switch {
		case r == 0x1b && i+1 < len(s) && strings.IndexByte("[]P_^Xc", s[i+1]) >= 0:
			k, n := describeEscape(s[i+2:], s[i+1], "ESC"+s[i+1:i+2])
			add(k)
			i += 2 + n
			continue
		case r == 0x9b || r == 0x9d || r == 0x90:
			intro := map[rune]byte{0x9b: '[', 0x9d: ']', 0x90: 'P'}[r]
			k, n := describeEscape(s[i+size:], intro, "C1 "+c1Name(r)+" ")
			add(k)
			i += size + n
			continue
		}
		add(describeRune(r, size))
		i += size
	}
	return kinds
}

// describeEscape names the escape sequence that follows ESC (or a C1 introducer): intro
// is the byte after ESC, rest what follows it, shown how it is written. It returns the
// words and how many bytes of rest the sequence takes.
func describeEscape(rest string, intro byte, shown string) (string, int) {
	switch intro {
	case '[': // CSI: parameters, intermediates, one final byte
		n := 0
		for n < len(rest) && rest[n] >= 0x20 && rest[n] <= 0x3f {
			n++
		}
		if n >= len(rest) || rest[n] < 0x40 || rest[n] > 0x7e {
			return "an unfinished " + shown + " control sequence", n
		}
		params, final := rest[:n], rest[n]
		shown += clip(params, 12) + string(final)
		what := "terminal control"
		switch final {
		case 'J':
			what = "screen-erase"
			if params == "2" || params == "3" {
				what = "screen-clear"
			}
		case 'K':
			what = "line-erase"
		case 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'f', 'd':
			what = "cursor-move"
		case 'm':
			what = "colour or style"
		case 'h', 'l':
			what = "terminal-mode"
		}
		return article(shown) + shown + " " + what + " sequence", n + 1
	case ']', 'P', '_', '^', 'X': // OSC and the other strings, ended by BEL or ST
		n, end := 0, len(rest)
		for n < len(rest) {
			if rest[n] == 0x07 {
				end = n + 1
				break
			}
			if rest[n] == 0x1b && n+1 < len(rest) && rest[n+1] == '\\' {
				end = n + 2
				break
			}
			if strings.HasPrefix(rest[n:], "\u009c") {
				end = n + len("\u009c")
				break
			}
			n++
		}
		if intro != ']' {
			names := map[byte]string{'P': "device-control string (DCS)", '_': "application program command (APC)",
				'^': "privacy message (PM)", 'X': "start-of-string (SOS) sequence"}
			return "a " + names[intro], end
		}
		num := 0
		for num < n && rest[num] >= '0' && rest[num] <= '9' {
			num++
		}
		code := rest[:num]
		switch code {
		case "52":
			return "an OSC 52 clipboard write", end
		case "8":
			return "an OSC 8 hyperlink", end
		case "0", "1", "2":
			return "an OSC " + code + " window-title change", end
		case "":
			return "an OSC operating-system command", end
		}
		return "an OSC " + clip(code, 6) + " operating-system command", end
	case 'c':
		return "an ESC c terminal reset", 0
	}
	return "an ESC escape character", 0
}

// article returns "a " or "an " for a word that starts with ESC or C1.
func article(word string) string {
	if strings.HasPrefix(word, "E") {
		return "an "
	}
	return "a "
}

// c1Name names the C1 controls that start sequences.
func c1Name(r rune) string {
	switch r {
	case 0x9b:
		return "CSI"
	case 0x9d:
		return "OSC"
	}
	return "DCS"
}

// bidiNames names the bidi controls.
var bidiNames = map[rune]string{
	0x202a: "an LRE bidi embedding (U+202A)",
	0x202b: "an RLE bidi embedding (U+202B)",
	0x202c: "a PDF bidi terminator (U+202C)",
	0x202d: "an LRO bidi override (U+202D)",
	0x202e: "an RLO bidi override (U+202E) that shows the text after it reversed",
	0x2066: "an LRI bidi isolate (U+2066)",
	0x2067: "an RLI bidi isolate (U+2067)",
	0x2068: "an FSI bidi isolate (U+2068)",
	0x2069: "a PDI bidi terminator (U+2069)",
	0x200e: "a left-to-right mark (U+200E)",
	0x200f: "a right-to-left mark (U+200F)",
	0x061c: "an Arabic letter mark (U+061C)",
}

// describeRune names one unsafe character that does not start an escape sequence.
func describeRune(r rune, size int) string {
	if name, ok := bidiNames[r]; ok {
		return name
	}
	switch {
	case r == utf8.RuneError && size == 1:
		return "bytes that are not UTF-8"
	case r == 0x07:
		return "a BEL (terminal bell)"
	case r == 0x08:
		return "a backspace (can erase what is shown before it)"
	case r == '\r':
		return "a carriage return (can overwrite what is shown before it)"
	case r == '\n':
		return "a line break"
	case r == '\t':
		return "a tab"
	case r == 0x1b:
		return "an ESC escape character"
	case r == 0x7f:
		return "a DEL control character"
	case r < 0x20:
		return fmt.Sprintf("a control character (U+%04X)", r)
	case r <= 0x9f:
		return fmt.Sprintf("a C1 control character (U+%04X)", r)
	case r == 0x200b:
		return "a zero-width space (U+200B)"
	case r == 0x200c:
		return "a zero-width non-joiner (U+200C)"
	case r == 0x200d:
		return "a zero-width joiner (U+200D)"
	case r == 0x2060:
		return "a word joiner (U+2060)"
	case r == 0xfeff:
		return "a byte order mark (U+FEFF)"
	case r == 0x2028:
		return "a Unicode line separator (U+2028)"
	case r == 0x2029:
		return "a Unicode paragraph separator (U+2029)"
	case r >= 0xe0000 && r <= 0xe007f:
		return fmt.Sprintf("an invisible tag character (U+%04X)", r)
	}
	return fmt.Sprintf("an invisible format character (U+%04X)", r)
}
