package inspect

import "fmt"

// Character classes used while looking for a token in a paste. One table lookup per byte
// keeps the fast path free of branches on ranges.
const (
	clB64   uint8 = 1 << iota // A-Z a-z 0-9 - _ (base64url)
	clStd                     // + / (standard base64)
	clDot                     // .
	clEq                      // = (padding, or a key=value separator)
	clPct                     // % (percent-encoding)
	clSpace                   // ASCII whitespace: space, tab, CR, LF, VT, FF
)

// clToken is what may appear inside a token as pasted, repairs aside.
const clToken = clB64 | clStd | clDot | clEq

// clRun is what a candidate run is made of while scanning messy text.
const clRun = clToken | clPct

var charClass = func() (t [256]uint8) {
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = clB64
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = clB64
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = clB64
	}
	t['-'], t['_'] = clB64, clB64
	t['+'], t['/'] = clStd, clStd
	t['.'] = clDot
	t['='] = clEq
	t['%'] = clPct
	for _, c := range []byte{' ', '\t', '\r', '\n', '\v', '\f'} {
		t[c] = clSpace
	}
	return t
}()

// quoteText puts text from the paste in double quotes for a message, made printable by
// Sanitize (once: nothing else escapes it again).
func quoteText(s string) string { return "\"" + Sanitize(s) + "\"" }

func isSpace(c byte) bool { return charClass[c]&clSpace != 0 }

// isBreak reports whether b[k] ends a line: a line feed, or a carriage return not followed
// by one (the CR of a CRLF is not counted twice). A CR alone is what terminals and tmux
// send for a line break when text is pasted.
func isBreak(b []byte, k int) bool {
	return b[k] == '\n' || b[k] == '\r' && (k+1 >= len(b) || b[k+1] != '\n')
}

// commonBufferSizes are lengths at which tools commonly cut a value: fixed-size buffers,
// field, header-line and log-line limits.
var commonBufferSizes = [...]int{255, 256, 511, 512, 1000, 1023, 1024, 2000, 2047, 2048, 4000, 4095, 4096,
	8000, 8190, 8191, 8192, 16383, 16384, 32767, 32768, 65535, 65536}

// bufferLimit returns n when n is a common buffer size, else 0.
func bufferLimit(n int) int {
	for _, l := range commonBufferSizes {
		if n == l {
			return n
		}
	}
	return 0
}

// invisible describes a character that a paste can carry without anyone seeing it.
type invisible struct {
	r     rune
	name  string
	space bool // shows as a space: treated as whitespace rather than dropped
}

// invisibleAt reports whether the UTF-8 sequence at s[i:] is an invisible character worth a
// finding, and how many bytes it takes.
func invisibleAt(s []byte, i int) (invisible, int, bool) {
	c := s[i]
	if c < 0xC2 || i+1 >= len(s) {
		return invisible{}, 0, false
	}
	if c == 0xC2 && s[i+1] == 0xA0 {
		return invisible{0xA0, "NO-BREAK SPACE", true}, 2, true
	}
	if c == 0xC2 && s[i+1] == 0xAD {
		return invisible{0xAD, "SOFT HYPHEN", false}, 2, true
	}
	if i+2 >= len(s) {
		return invisible{}, 0, false
	}
	if c == 0xEF && s[i+1] == 0xBB && s[i+2] == 0xBF {
		return invisible{0xFEFF, "BYTE ORDER MARK / ZERO WIDTH NO-BREAK SPACE", false}, 3, true
	}
	if c != 0xE2 {
		return invisible{}, 0, false
	}
	r := rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
	if s[i+1]&0xC0 != 0x80 || s[i+2]&0xC0 != 0x80 {
		return invisible{}, 0, false
	}
	switch {
	case r == 0x200B:
		return invisible{r, "ZERO WIDTH SPACE", false}, 3, true
	case r == 0x200C:
		return invisible{r, "ZERO WIDTH NON-JOINER", false}, 3, true
	case r == 0x200D:
		return invisible{r, "ZERO WIDTH JOINER", false}, 3, true
	case r == 0x2060:
		return invisible{r, "WORD JOINER", false}, 3, true
	case r == 0x200E:
		return invisible{r, "LEFT-TO-RIGHT MARK", false}, 3, true
	case r == 0x200F:
		return invisible{r, "RIGHT-TO-LEFT MARK", false}, 3, true
	case r >= 0x202A && r <= 0x202E:
		names := [...]string{"LEFT-TO-RIGHT EMBEDDING", "RIGHT-TO-LEFT EMBEDDING", "POP DIRECTIONAL FORMATTING", "LEFT-TO-RIGHT OVERRIDE", "RIGHT-TO-LEFT OVERRIDE"}
		return invisible{r, names[r-0x202A], false}, 3, true
	case r >= 0x2066 && r <= 0x2069:
		names := [...]string{"LEFT-TO-RIGHT ISOLATE", "RIGHT-TO-LEFT ISOLATE", "FIRST STRONG ISOLATE", "POP DIRECTIONAL ISOLATE"}
		return invisible{r, names[r-0x2066], false}, 3, true
	case r == 0x2028 || r == 0x2029:
		return invisible{r, "LINE/PARAGRAPH SEPARATOR", true}, 3, true
	}
	return invisible{}, 0, false
}

// codePoint formats r as U+XXXX.
func codePoint(r rune) string { return fmt.Sprintf("U+%04X", r) }

// jsonPrefix reports whether s starts the way the base64url of a JSON object does:
// `{"` gives "eyJ"/"eyI", `{ ` "eyA", `{` and a line break "ewo"/"ew0", a tab "ewk",
// and `{}` "e30".
func jsonPrefix(s []byte) bool {
	if len(s) < 3 || s[0] != 'e' {
		return false
	}
	switch s[1] {
	case 'y':
		return s[2] == 'J' || s[2] == 'I' || s[2] == 'A'
	case 'w':
		return s[2] == 'o' || s[2] == '0' || s[2] == 'k'
	case '3':
		return s[2] == '0'
	}
	return false
}

func isHex(c byte) bool {
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}

func unhex(c byte) byte {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	default:
		return c - 'A' + 10
	}
}

// hasPrefixFold reports whether s starts with the lower-case ASCII word p, ignoring case.
func hasPrefixFold(s []byte, p string) bool {
	if len(s) < len(p) {
		return false
	}
	for i := 0; i < len(p); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != p[i] {
			return false
		}
	}
	return true
}

func equalFold(s []byte, p string) bool { return len(s) == len(p) && hasPrefixFold(s, p) }
