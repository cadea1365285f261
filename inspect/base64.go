package inspect

import (
	"fmt"
	"unicode/utf8"
)

// b64 values: 0..63 for a digit of either alphabet, b64Pad for '=', b64Bad for anything else.
const (
	b64Pad = 0xFE
	b64Bad = 0xFF
)

// b64Table decodes both the URL-safe and the standard alphabet, so display never fails on a
// token that was encoded with the wrong one; the strict judgement is made separately.
var b64Table = func() (t [256]byte) {
	for i := range t {
		t[i] = b64Bad
	}
	const url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	for i := 0; i < 64; i++ {
		t[url[i]] = byte(i)
	}
	t['+'] = 62
	t['/'] = 63
	t['='] = b64Pad
	return t
}()

// b64URL decodes only the URL-safe alphabet (b64Bad elsewhere), for the fast path.
var b64URL = func() (t [256]byte) {
	t = b64Table
	t['+'], t['/'], t['='] = b64Bad, b64Bad, b64Bad
	return t
}()

// b64Scan is what the lenient decoder saw in one segment, for the strict judgement.
type b64Scan struct {
	digits int // characters that carried data

	firstBad, badCount int // characters outside both alphabets (-1 when none)
	firstStd, stdCount int // '+' or '/'
	firstPad, padCount int // '='
	padInside          bool
	// skips lists, in order, the text offsets of characters that carried no data (bad
	// characters and padding), so decoded offsets can be mapped back to the text.
	skips []int
	// nonCanonical is set when the last digit has unused low bits set.
	nonCanonical bool
}

// maxSkips bounds the skipped offsets kept per segment; past it, offsets of later decoded
// bytes are approximate rather than the memory unbounded.
const maxSkips = 1024

// decodedLen is an upper bound of the decoded size of n base64 characters.
func decodedLen(n int) int { return n/4*3 + 2 }

// decodeLenient decodes text, a segment in base64url or standard base64, with or without
// padding, skipping characters of neither alphabet. It appends the bytes to dst and returns
// the extended slice and what it saw.
func decodeLenient(dst []byte, text string) ([]byte, b64Scan) {
	s := b64Scan{firstBad: -1, firstStd: -1, firstPad: -1}
	var acc uint32
	n := 0 // digits in acc
	var last byte
	for i := 0; i < len(text); i++ {
		// Fast path: four URL-safe digits at a group boundary decode at once.
		if n == 0 && i+4 <= len(text) {
			a, b, c, d := b64URL[text[i]], b64URL[text[i+1]], b64URL[text[i+2]], b64URL[text[i+3]]
			if a|b|c|d < 64 {
				dst = append(dst, a<<2|b>>4, b<<4|c>>2, c<<6|d)
				last = d
				s.digits += 4
				i += 3
				continue
			}
		}
		c := text[i]
		v := b64Table[c]
		if v >= 64 {
			if v == b64Pad {
				if s.firstPad < 0 {
					s.firstPad = i
				}
				s.padCount++
			} else {
				if s.firstBad < 0 {
					s.firstBad = i
				}
				s.badCount++
			}
			if len(s.skips) < maxSkips {
				s.skips = append(s.skips, i)
			}
			continue
		}
		if s.firstPad >= 0 && !s.padInside {
			s.padInside = true // data after '=': padding in the middle
		}
		if c == '+' || c == '/' {
			if s.firstStd < 0 {
				s.firstStd = i
			}
			s.stdCount++
		}
		acc = acc<<6 | uint32(v)
		last = v
		n++
		s.digits++
		if n == 4 {
			dst = append(dst, byte(acc>>16), byte(acc>>8), byte(acc))
			acc, n = 0, 0
		}
	}
	switch n {
	case 2:
		dst = append(dst, byte(acc>>4))
		s.nonCanonical = last&0x0F != 0
	case 3:
		dst = append(dst, byte(acc>>10), byte(acc>>2))
		s.nonCanonical = last&0x03 != 0
	}
	return dst, s
}

// textAt maps the index of a data character (one that carries bits) to its offset in the
// segment text, stepping over the characters that carried none.
func (s *b64Scan) textAt(d int) int {
	for _, k := range s.skips {
		if k <= d {
			d++
		} else {
			break
		}
	}
	return d
}

// base64Findings judges one segment strictly: characters outside base64url, the standard
// alphabet, padding, impossible lengths and non-canonical trailing bits.
func (in *inspection) base64Findings(sg *segInfo) {
	text := sg.seg.Text
	s := &sg.scan
	part := sg.seg.Part
	if s.firstBad >= 0 {
		i := s.firstBad
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError {
			size = 1
		}
		what, hint := badCharAdvice(text, i, r, sg.index)
		msg := fmt.Sprintf("the %s holds %s at character %d, which base64url does not use", part, describeChar(text[i:i+size]), i+1)
		if s.badCount > 1 {
			msg += fmt.Sprintf(" (%d bytes outside base64url in all)", s.badCount)
		}
		msg += "; " + what
		in.addAt("base64.invalid-char", Error, part, sg.seg.Start+i, sg.seg.Start+i+size, msg, hint)
	}
	if s.stdCount > 0 {
		msg := fmt.Sprintf("the %s uses %q of the standard base64 alphabet at character %d (%d in all); JWS uses base64url, which has '-' and '_' instead of '+' and '/'", part, text[s.firstStd], s.firstStd+1, s.stdCount)
		in.addAt("base64.std-alphabet", Warning, part, sg.seg.Start+s.firstStd, sg.seg.Start+s.firstStd+1, msg,
			"the producer used standard base64: re-encode with base64url (RFC 4648 §5) without padding; a strict verifier will reject this token")
	}
	if s.padCount > 0 {
		if s.padInside {
			// '=' followed by more data: not padding, two encodings glued together.
			msg := fmt.Sprintf("the %s holds '=' at character %d with more data after it: padding belongs only at the end, so two encoded pieces were probably joined", part, s.firstPad+1)
			in.addAt("base64.invalid-char", Error, part, sg.seg.Start+s.firstPad, sg.seg.Start+s.firstPad+1, msg,
				"check how the token was assembled; each segment must be one base64url string without '='")
		} else {
			msg := fmt.Sprintf("the %s ends with %d '=' padding character(s); JWS segments are base64url without padding", part, s.padCount)
			in.addAt("base64.padding", Warning, part, sg.seg.Start+s.firstPad, sg.seg.End, msg,
				"many libraries reject padded segments; the signature covers the text as sent, so strip padding only on the producer's side, before signing")
		}
	}
	switch s.digits % 4 {
	case 1:
		msg := fmt.Sprintf("the %s has %d base64 characters, a length no encoder makes (one more than a multiple of 4): a character is missing or extra", part, s.digits)
		in.addAt("base64.bad-length", Error, part, sg.seg.End-1, sg.seg.End, msg,
			"if this is the last segment, the token was cut; otherwise look for a lost or doubled character")
	case 2, 3:
		if s.nonCanonical {
			last := sg.lastDigit()
			msg := fmt.Sprintf("the last character of the %s, %q, has unused low bits set: no encoder writes it, though it decodes to the same bytes as its sibling", part, text[last])
			in.addAt("base64.non-canonical", Warning, part, sg.seg.Start+last, sg.seg.Start+last+1, msg,
				"the character was changed after encoding (edited by hand, or a tampering test); strict decoders reject it and the signature covers the text as sent")
		}
	}
}

// lastDigit is the text offset of the last data character of the segment.
func (sg *segInfo) lastDigit() int {
	t := sg.seg.Text
	for i := len(t) - 1; i >= 0; i-- {
		if b64Table[t[i]] < 64 {
			return i
		}
	}
	return 0
}

// describeChar names a character for a message, escaping what cannot be shown.
func describeChar(c string) string {
	r, _ := utf8.DecodeRuneInString(c)
	switch {
	case c == " ":
		return "a space"
	case c == "\t":
		return "a tab"
	case c == "\n" || c == "\r":
		return "a line break"
	case r == utf8.RuneError && len(c) == 1:
		return fmt.Sprintf("the byte 0x%02X", c[0])
	case r < 0x20 || r == 0x7F || (r >= 0x80 && r < 0xA0):
		return fmt.Sprintf("the control character U+%04X", r)
	case r >= 0x80:
		return fmt.Sprintf("the character U+%04X", r)
	case c == `"`:
		return "a double quote"
	default:
		return "\"" + c + "\""
	}
}

// badCharAdvice says what a character outside base64url suggests and what to do.
func badCharAdvice(text string, i int, r rune, segIndex int) (what, hint string) {
	switch {
	case r == ' ' || r == '\t':
		if segIndex == 0 && i <= 16 {
			return "a `Bearer ` prefix or an HTTP header name seems to be left in front of the token",
				"paste only the token, without the `Authorization: Bearer ` part"
		}
		return "whitespace inside a token usually means it was wrapped or joined from pieces",
			"remove the whitespace and check that nothing else was lost at the wrap"
	case r == '\n' || r == '\r':
		return "the token was wrapped across lines", "join the lines without adding anything"
	case r == '%':
		return "this looks like URL percent-encoding (%2E is '.', %3D is '=')",
			"decode the URL-encoding first: the token was taken from a URL or form body"
	case r == '"' || r == '\'' || r == '`':
		return "a quote suggests the token was copied together with the quotes around it",
			"copy only the text between the quotes"
	case r == '\\':
		return "a backslash suggests an escaped string (from JSON or a shell)",
			"unescape the value before pasting"
	case r == ',' || r == ';' || r == '&':
		return "a separator suggests the token was copied together with what follows it (a cookie attribute, a parameter)",
			"cut the token at the separator"
	case r >= 0x80 || r == utf8.RuneError:
		return "a character outside ASCII: the text went through an editor or a chat that changed it",
			"copy the token again from its source, as plain text"
	default:
		return "the text was changed or is not base64url", "copy the token again from its source"
	}
}
