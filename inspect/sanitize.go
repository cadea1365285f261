package inspect

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// HasUnsafe reports whether s holds anything Sanitize would escape.
func HasUnsafe(s string) bool {
	return firstUnsafe(s) >= 0
}

// Sanitize returns s with every character that could steer a terminal or hide what the
// text says replaced by a visible escape, for a one-line display (line breaks and tabs
// are escaped too). The escapes always take the same forms:
//
//	\t \n \r \e      tab, line feed, carriage return, ESC (so ESC[2J shows as \e[2J)
//	\x00 … \x1f \x7f the other C0 controls and DEL
//	\xff             a byte that is not part of valid UTF-8
//	\u009b \u202e …  C1 controls (U+0080–U+009F), bidi overrides, isolates and marks,
//	                 zero-width and other invisible format characters (Unicode category
//	                 Cf: U+200B–U+200F, U+2060–U+2064, U+FEFF, tag characters…), and the
//	                 line and paragraph separators U+2028 and U+2029
//	\u{e0041}        the same beyond U+FFFF (tag characters)
//
// A backslash in the text is left as it is: SanitizeSpans tells the escapes apart from the
// text, so a user interface that styles them can never be fooled by a literal "\e".
//
// A string with nothing to escape is returned as it is, without allocating.
func Sanitize(s string) string {
	i := firstUnsafe(s)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	b.WriteString(s[:i])
	sanitizeFrom(s[i:], false, func(text string, _ bool) { b.WriteString(text) })
	return b.String()
}

// SanitizeSpans calls emit for the runs of s in order: plain text with escaped false, and
// the visible escape of an unsafe character with escaped true, so a UI can style escapes.
// Consecutive unsafe characters come as one escaped run. Like Sanitize, it escapes line
// breaks and tabs; concatenating the texts gives Sanitize(s). Nothing is emitted for "".
func SanitizeSpans(s string, emit func(text string, escaped bool)) {
	sanitizeFrom(s, false, emit)
}

// SanitizeBlockSpans is SanitizeSpans for text shown over several lines: a line feed
// ("\n") is emitted as plain text, so the caller can split lines on it; everything else,
// "\r" and "\t" included, is escaped as SanitizeSpans escapes it.
func SanitizeBlockSpans(s string, emit func(text string, escaped bool)) {
	sanitizeFrom(s, true, emit)
}

// sanitizeFrom emits s as plain and escaped runs. keepLF leaves '\n' plain.
func sanitizeFrom(s string, keepLF bool, emit func(text string, escaped bool)) {
	var esc []byte // the escaped run being built
	flush := func() {
		if len(esc) > 0 {
			emit(string(esc), true)
			esc = esc[:0]
		}
	}
	plain := 0 // start of the current plain run
	for i := 0; i < len(s); {
		r, size, unsafe := decodeUnsafe(s, i)
		if !unsafe || (keepLF && r == '\n') {
			if plain < 0 {
				flush()
				plain = i
			}
			i += size
			continue
		}
		if plain >= 0 && plain < i {
			emit(s[plain:i], false)
		}
		plain = -1
		esc = appendEscape(esc, s[i:i+size], r)
		i += size
	}
	if plain >= 0 && plain < len(s) {
		emit(s[plain:], false)
	}
	flush()
}

// firstUnsafe returns the offset of the first unsafe character of s, or -1.
func firstUnsafe(s string) int {
	const (
		lows  = 0x0101010101010101
		highs = 0x8080808080808080
	)
	for i := 0; i < len(s); {
		// Skip eight printable ASCII bytes at a time: no byte below 0x20, none equal to
		// 0x7f, none with the high bit set.
		for i+8 <= len(s) {
			w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
				uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
			del := w ^ (0x7f * lows)
			if (w|((w-0x20*lows)&^w)|((del-lows)&^del))&highs != 0 {
				break
			}
			i += 8
		}
		if i >= len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || unsafeRune(r) {
			return i
		}
		i += size
	}
	return -1
}

// decodeUnsafe decodes the character at s[i] and says whether it must be escaped. An
// invalid UTF-8 byte comes back as utf8.RuneError with size 1.
func decodeUnsafe(s string, i int) (r rune, size int, unsafe bool) {
	c := s[i]
	if c < utf8.RuneSelf {
		return rune(c), 1, c < 0x20 || c == 0x7f
	}
	r, size = utf8.DecodeRuneInString(s[i:])
	if r == utf8.RuneError && size == 1 {
		return r, 1, true
	}
	return r, size, unsafeRune(r)
}

// unsafeRune reports whether a valid non-ASCII rune must be escaped: C1 controls, format
// characters (bidi controls, zero-width characters, BOM, tags…) and the Unicode line and
// paragraph separators.
func unsafeRune(r rune) bool {
	switch {
	case r < 0x80:
		return r < 0x20 || r == 0x7f
	case r <= 0x9f:
		return true
	case r == 0x2028 || r == 0x2029:
		return true
	}
	return unicode.Is(unicode.Cf, r)
}

const hexDigits = "0123456789abcdef"

// appendEscape appends the visible escape of one unsafe character: raw holds its bytes
// in the input, r the rune (utf8.RuneError for an invalid byte).
func appendEscape(dst []byte, raw string, r rune) []byte {
	if len(raw) == 1 {
		switch c := raw[0]; c {
		case '\t':
			return append(dst, `\t`...)
		case '\n':
			return append(dst, `\n`...)
		case '\r':
			return append(dst, `\r`...)
		case 0x1b:
			return append(dst, `\e`...)
		default: // another C0 control, DEL, or a byte that is not UTF-8
			return append(dst, '\\', 'x', hexDigits[c>>4], hexDigits[c&0xf])
		}
	}
	dst = append(dst, '\\', 'u')
	if r > 0xffff {
		dst = append(dst, '{')
		dst = strconv.AppendUint(dst, uint64(r), 16)
		return append(dst, '}')
	}
	return append(dst, hexDigits[r>>12&0xf], hexDigits[r>>8&0xf], hexDigits[r>>4&0xf], hexDigits[r&0xf])
}
