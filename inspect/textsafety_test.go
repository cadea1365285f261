package inspect

import (
	"slices"
	"strings"
	"testing"
)

func TestTextFindings(t *testing.T) {
	cases := []struct {
		name  string
		part  Part
		value tvNode
		// want holds, per finding, the text it points at and substrings of its message.
		want []struct {
			at       string
			messages []string
		}
	}{
		{
			name:  "clean payload",
			part:  PartPayload,
			value: tvObj("name", tvStr("Zoë"), "roles", tvArr(tvStr("admin")), "n", tvNum("1")),
		},
		{
			name:  "screen clear",
			part:  PartPayload,
			value: tvObj("sub", tvStr("alice"), "name", tvStr("Jane\x1b[2J\x1b[HDoe")),
			want: []struct {
				at       string
				messages []string
			}{{`"Jane\u001b[2J\u001b[HDoe"`, []string{`the claim "name" holds an ESC[2J screen-clear sequence and an ESC[H cursor-move sequence`}}},
		},
		{
			name:  "OSC 52 clipboard write ended by BEL",
			part:  PartPayload,
			value: tvObj("nickname", tvStr("\x1b]52;c;Y3VybA==\x07")),
			want: []struct {
				at       string
				messages []string
			}{{`"\u001b]52;c;Y3VybA==\u0007"`, []string{`"nickname" holds an OSC 52 clipboard write`}}},
		},
		{
			name:  "OSC 8 hyperlink and OSC 2 title",
			part:  PartPayload,
			value: tvObj("website", tvStr("\x1b]8;;https://x.example/\x1b\\go\x1b]8;;\x1b\\\x1b]2;root\x07")),
			want: []struct {
				at       string
				messages []string
			}{{"", []string{"an OSC 8 hyperlink and an OSC 2 window-title change"}}},
		},
		{
			name:  "BEL alone",
			part:  PartPayload,
			value: tvObj("name", tvStr("ding\x07")),
			want: []struct {
				at       string
				messages []string
			}{{"", []string{`"name" holds a BEL (terminal bell)`}}},
		},
		{
			name:  "RLO nested in an array",
			part:  PartPayload,
			value: tvObj("files", tvArr(tvStr("ok.txt"), tvStr("invoice\u202egpj.exe"))),
			want: []struct {
				at       string
				messages []string
			}{{"\"invoice\u202egpj.exe\"", []string{`the claim "files[1]" holds an RLO bidi override (U+202E)`}}},
		},
		{
			name:  "C1 CSI",
			part:  PartPayload,
			value: tvObj("x", tvStr("\u009b2J")),
			want: []struct {
				at       string
				messages []string
			}{{"", []string{"a C1 CSI 2J screen-clear sequence"}}},
		},
		{
			name:  "member name in the header, and a nested value",
			part:  PartHeader,
			value: tvObj("ki\u200bd", tvStr("k1"), "jwk", tvObj("kty", tvStr("RSA\x7f"))),
			want: []struct {
				at       string
				messages []string
			}{
				{"\"ki\u200bd\"", []string{`the header parameter name "ki\u200bd" holds a zero-width space (U+200B)`}},
				{"\"RSA\x7f\"", []string{`the header parameter "jwk.kty" holds a DEL control character`}},
			},
		},
		{
			name:  "unsafe name inside an object, path shown escaped",
			part:  PartPayload,
			value: tvObj("add\x1bress", tvObj("st\u202ereet", tvStr("x"))),
			want: []struct {
				at       string
				messages []string
			}{
				{"", []string{`the claim name "add\eress" holds an ESC escape character`}},
				{"", []string{`the name "st\u202ereet" inside the claim "add\eress"`}},
			},
		},
		{
			name:  "many kinds are summed up",
			part:  PartPayload,
			value: tvObj("s", tvStr("\a\b\r\n\t")),
			want: []struct {
				at       string
				messages []string
			}{{"", []string{"a BEL (terminal bell), a backspace (can erase what is shown before it), a carriage return (can overwrite what is shown before it) and other control characters"}}},
		},
		{
			name:  "invalid UTF-8 and separators",
			part:  PartPayload,
			value: tvObj("s", tvStr("a\u2028b\xff")),
			want: []struct {
				at       string
				messages []string
			}{{"", []string{"a Unicode line separator (U+2028) and bytes that are not UTF-8"}}},
		},
		{
			name:  "a payload that is one string",
			part:  PartPayload,
			value: tvStr("\x1bc"),
			want: []struct {
				at       string
				messages []string
			}{{"", []string{"the payload text holds an ESC c terminal reset"}}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			v, text := tvBuild(tc.value)
			got := textFindings(tc.part, v, shiftedAt)
			if len(got) != len(tc.want) {
				t.Fatalf("textFindings(%q) = %v, want %d findings", text, got, len(tc.want))
			}
			for i, f := range got {
				w := tc.want[i]
				if f.Code != "text.control-chars" || f.Severity != Warning || f.Part != tc.part {
					t.Errorf("finding %d = %s/%v/%s, want text.control-chars/warning/%s", i, f.Code, f.Severity, f.Part, tc.part)
				}
				if HasUnsafe(f.Message) || HasUnsafe(f.Hint) {
					t.Errorf("finding %d carries unsafe text: %q / %q", i, f.Message, f.Hint)
				}
				if !strings.Contains(f.Hint, "escaped") {
					t.Errorf("hint %q does not say the value is shown escaped", f.Hint)
				}
				for _, m := range w.messages {
					if !strings.Contains(f.Message, m) {
						t.Errorf("message %q does not contain %q", f.Message, m)
					}
				}
				if w.at != "" {
					if pointed := text[f.Offset-1000 : f.Offset-1000+f.Length]; pointed != w.at {
						t.Errorf("finding %d points at %q, want %q", i, pointed, w.at)
					}
				}
			}
		})
	}
}

func TestTextFindingsNil(t *testing.T) {
	if got := textFindings(PartPayload, nil, identityAt); got != nil {
		t.Errorf("textFindings(nil) = %v, want nil", got)
	}
}

func TestDescribeUnsafe(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"\x1b[31mred\x1b[0m", []string{"an ESC[31m colour or style sequence", "an ESC[0m colour or style sequence"}},
		{"\x1b[2J\x1b[2J", []string{"an ESC[2J screen-clear sequence"}},
		{"\x1b[J", []string{"an ESC[J screen-erase sequence"}},
		{"\x1b[12;", []string{"an unfinished ESC[ control sequence"}},
		{"\x1b]52;c;AAAA", []string{"an OSC 52 clipboard write"}},
		{"\x1b]0;t\x1b\\", []string{"an OSC 0 window-title change"}},
		{"\x1b]777;x\x07", []string{"an OSC 777 operating-system command"}},
		{"\x1bPq\x1b\\", []string{"a device-control string (DCS)"}},
		{"\x1b", []string{"an ESC escape character"}},
		{"\x1b\x1b[K", []string{"an ESC escape character", "an ESC[K line-erase sequence"}},
		{"\x1b\xff", []string{"an ESC escape character", "bytes that are not UTF-8"}},
		{"\u009d8;;u\u009c", []string{"an OSC 8 hyperlink"}},
		{"\u202d\ufeff\u00ad", []string{"an LRO bidi override (U+202D)", "a byte order mark (U+FEFF)", "an invisible format character (U+00AD)"}},
		{"\a\b\r\n\t\x01", []string{"a BEL (terminal bell)", "a backspace (can erase what is shown before it)",
			"a carriage return (can overwrite what is shown before it)", "a line break"}},
	}
	for _, tc := range cases {
		if got := describeUnsafe(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("describeUnsafe(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
