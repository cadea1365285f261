package inspect

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestSanitize(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"plain ASCII", "alice@example.com", "alice@example.com"},
		{"plain Unicode", "Zoë Ångström 東京 🙂", "Zoë Ångström 東京 🙂"},
		{"backslash kept", `C:\path\e`, `C:\path\e`},
		{"screen clear", "x\x1b[2Jy", `x\e[2Jy`},
		{"OSC 52 with BEL", "\x1b]52;c;aGk=\x07", `\e]52;c;aGk=\x07`},
		{"tab, LF, CR", "a\tb\nc\rd", `a\tb\nc\rd`},
		{"NUL and other C0", "\x00\x01\x1f", `\x00\x01\x1f`},
		{"DEL", "a\x7fb", `a\x7fb`},
		{"C1 CSI", "a\u009b2Jb", `a\u009b2Jb`},
		{"C1 range ends", "\u0080\u009f\u00a0", `\u0080\u009f` + "\u00a0"},
		{"RLO", "abc\u202etxt.exe", `abc\u202etxt.exe`},
		{"bidi set", "\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\u200e\u200f\u061c",
			`\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\u200e\u200f\u061c`},
		{"zero width", "a\u200bb\u200cc\u200dd\u2060e\ufefff", `a\u200bb\u200cc\u200dd\u2060e\ufefff`},
		{"line and paragraph separators", "a\u2028b\u2029c", `a\u2028b\u2029c`},
		{"invalid UTF-8", "a\xffb\xc3", `a\xffb\xc3`},
		{"tag characters", "a\U000E0041b", `a\u{e0041}b`},
		{"soft hyphen is a format character", "co\u00adop", `co\u00adop`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := Sanitize(tc.in); got != tc.want {
				t.Errorf("Sanitize(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if got, want := HasUnsafe(tc.in), tc.in != tc.want; got != want {
				t.Errorf("HasUnsafe(%q) = %v, want %v", tc.in, got, want)
			}
			var joined strings.Builder
			SanitizeSpans(tc.in, func(text string, escaped bool) {
				if text == "" {
					t.Errorf("SanitizeSpans(%q) emitted an empty run", tc.in)
				}
				if escaped != strings.HasPrefix(text, `\`) {
					t.Errorf("SanitizeSpans(%q) emitted %q with escaped %v", tc.in, text, escaped)
				}
				joined.WriteString(text)
			})
			if joined.String() != tc.want {
				t.Errorf("SanitizeSpans(%q) joined = %q, want %q", tc.in, joined.String(), tc.want)
			}
		})
	}
}

func TestSanitizeSpans(t *testing.T) {
	type run struct {
		text    string
		escaped bool
	}
	cases := []struct {
		name  string
		in    string
		block bool
		want  []run
	}{
		{"clean", "hello", false, []run{{"hello", false}}},
		{"escape between text", "a\x1b[2Jb", false, []run{{"a", false}, {`\e`, true}, {"[2Jb", false}}},
		{"adjacent escapes merge", "\u202e\u200b!", false, []run{{`\u202e\u200b`, true}, {"!", false}}},
		{"ends escaped", "ok\a", false, []run{{"ok", false}, {`\x07`, true}}},
		{"one line escapes LF", "a\nb", false, []run{{"a", false}, {`\n`, true}, {"b", false}}},
		{"block keeps LF", "a\nb\r\n", true, []run{{"a\nb", false}, {`\r`, true}, {"\n", false}}},
		{"block escapes tab", "{\n\t\"a\"\n}", true, []run{{"{\n", false}, {`\t`, true}, {"\"a\"\n}", false}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var got []run
			emit := func(text string, escaped bool) { got = append(got, run{text, escaped}) }
			if tc.block {
				SanitizeBlockSpans(tc.in, emit)
			} else {
				SanitizeSpans(tc.in, emit)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("spans of %q = %v, want %v", tc.in, got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("spans of %q = %v, want %v", tc.in, got, tc.want)
					break
				}
			}
		})
	}
}

func TestSanitizeCleanDoesNotAllocate(t *testing.T) {
	s := strings.Repeat("payload é 東 ", 80)
	if n := testing.AllocsPerRun(100, func() { _ = Sanitize(s) }); n != 0 {
		t.Errorf("Sanitize(clean 1 KiB) allocates %v times, want 0", n)
	}
	if Sanitize(s) != s {
		t.Errorf("Sanitize(clean) changed the text")
	}
}

// checkSanitized fails t when out could still steer a terminal or hide text.
func checkSanitized(t *testing.T, in, out string) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Fatalf("Sanitize(%q) = %q, not valid UTF-8", in, out)
	}
	for i, r := range out {
		switch {
		case r < 0x20 || r == 0x7f:
			t.Fatalf("Sanitize(%q) = %q holds control byte %#x at %d", in, out, r, i)
		case r >= 0x80 && r <= 0x9f:
			t.Fatalf("Sanitize(%q) = %q holds C1 rune %U at %d", in, out, r, i)
		case unicode.Is(unicode.Cf, r), r == 0x2028, r == 0x2029:
			t.Fatalf("Sanitize(%q) = %q holds invisible or bidi rune %U at %d", in, out, r, i)
		}
	}
	if HasUnsafe(out) {
		t.Fatalf("HasUnsafe(Sanitize(%q)) = true", in)
	}
	if !HasUnsafe(in) && out != in {
		t.Fatalf("Sanitize(%q) = %q changed a clean string", in, out)
	}
}

func FuzzSanitize(f *testing.F) {
	for _, s := range []string{"", "plain", "\x1b[2J", "\x1b]52;c;aGk=\x07", "\u202e", "\xff\xfe", "\u009b31m", "a\u200db", "\U000E0041"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Sanitize(s)
		checkSanitized(t, s, out)
		var joined strings.Builder
		SanitizeSpans(s, func(text string, _ bool) { joined.WriteString(text) })
		if joined.String() != out {
			t.Fatalf("SanitizeSpans(%q) joined = %q, Sanitize = %q", s, joined.String(), out)
		}
		_ = describeUnsafe(s) // must not panic
	})
}

func BenchmarkSanitize(b *testing.B) {
	clean := strings.Repeat("eyJhbGciOiJSUzI1NiJ9 Jane Doe ", 35)[:1024]
	dirty := clean[:500] + "\x1b[2J\u202e" + clean[500:1000]
	b.Run("clean-1KiB", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(clean)))
		for b.Loop() {
			_ = Sanitize(clean)
		}
	})
	b.Run("dirty-1KiB", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(dirty)))
		for b.Loop() {
			_ = Sanitize(dirty)
		}
	})
}
