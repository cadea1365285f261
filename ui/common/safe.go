package common

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"jwtlens/inspect"
)

// SafeSpans calls emit for the runs of s that are safe to draw: plain text with escaped
// false, and visible escapes with escaped true. It goes through inspect.SanitizeSpans (the
// one sanitiser of the product) and then, as a second line of defence, escapes any
// character that would still reach the terminal as a control (C0, DEL, C1, bidi controls,
// zero-width characters), so the screen stays safe whatever the sanitiser lets through.
func SafeSpans(s string, emit func(text string, escaped bool)) {
	inspect.SanitizeSpans(s, func(t string, escaped bool) {
		if escaped {
			guard(t, func(x string, _ bool) { emit(x, true) })
			return
		}
		guard(t, emit)
	})
}

// Safe returns s as it is drawn: every unsafe character replaced by its visible escape.
func Safe(s string) string {
	if isPlainASCII(s) {
		return inspect.Sanitize(s)
	}
	var b strings.Builder
	SafeSpans(s, func(t string, _ bool) { b.WriteString(t) })
	return b.String()
}

// SafePaint returns s made safe, with the escapes painted esc and the rest painted plain.
func SafePaint(s string, plain, esc Paint) string {
	var b strings.Builder
	SafeSpans(s, func(t string, escaped bool) {
		if escaped {
			esc.W(&b, t)
		} else {
			plain.W(&b, t)
		}
	})
	return b.String()
}

// Unsafe reports whether r must never reach the terminal as it is.
func Unsafe(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0:
		return true
	case r == 0x061c, r == 0x200b, r == 0x200c, r == 0x200d, r == 0x200e, r == 0x200f,
		r >= 0x202a && r <= 0x202e, r >= 0x2060 && r <= 0x2069, r == 0xfeff, r == utf8.RuneError:
		return true
	}
	return false
}

// Escape is the visible escape the guard uses for an unsafe rune.
func Escape(r rune) string {
	if r < 0x80 {
		return fmt.Sprintf(`\x%02x`, r)
	}
	return fmt.Sprintf(`\u%04X`, r)
}

func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= 0x7f {
			return false
		}
	}
	return true
}

func guard(t string, emit func(string, bool)) {
	if isPlainASCII(t) {
		emit(t, false)
		return
	}
	start := 0
	for i, r := range t {
		if !Unsafe(r) {
			continue
		}
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(t[i:]); size != 1 {
				continue // a real U+FFFD is harmless
			}
		}
		if start < i {
			emit(t[start:i], false)
		}
		if r == utf8.RuneError {
			emit(fmt.Sprintf(`\x%02x`, t[i]), true)
		} else {
			emit(Escape(r), true)
		}
		_, size := utf8.DecodeRuneInString(t[i:])
		start = i + size
	}
	if start < len(t) {
		emit(t[start:], false)
	}
}

// SafePaintOrUnderline is SafePaint, except that an escape paint the colour profile
// dropped (NO_COLOR, a monochrome terminal) becomes an underline: not colour, and still
// set apart from text that merely looks like an escape.
func SafePaintOrUnderline(text string, plain, esc Paint) string {
	if !esc.Empty() {
		return SafePaint(text, plain, esc)
	}
	return SafePaint(text, plain, Paint{pre: "\x1b[4m", post: "\x1b[24m"})
}
