package inspect

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestParseJSONFaithful(t *testing.T) {
	src := ` {"b":1.50,"a":"x\/y","c":[true,false,null,{"d":"\u00e9\ud83d\ude00"}],"b":-2e+3} `
	v, dups, err := parseJSON(src)
	if err != nil {
		t.Fatalf("parseJSON: %+v", err)
	}
	if v.Raw != strings.TrimSpace(src) || v.Start != 1 || v.End != len(src)-1 {
		t.Errorf("Raw = %q [%d,%d)", v.Raw, v.Start, v.End)
	}
	var names []string
	for _, m := range v.Members {
		names = append(names, m.Name)
	}
	if strings.Join(names, ",") != "b,a,c,b" {
		t.Errorf("member order = %v", names)
	}
	if got := v.Members[0].Value.Raw; got != "1.50" {
		t.Errorf("number Raw = %q, want the digits as written", got)
	}
	if a := v.Get("a"); a.Raw != `"x\/y"` || a.Str != "x/y" {
		t.Errorf("a = %q / %q", a.Raw, a.Str)
	}
	if b := v.Get("b"); b.Raw != "-2e+3" {
		t.Errorf("Get(b) = %q, want the last one", b.Raw)
	}
	d := v.Get("c").Elems[3].Get("d")
	if d.Str != "é😀" {
		t.Errorf("d = %q", d.Str)
	}
	if src[d.Start:d.End] != d.Raw || src[v.Members[2].NameStart:v.Members[2].NameStart+3] != `"c"` {
		t.Errorf("offsets do not index the source")
	}
	if len(dups) != 1 || dups[0].name != "b" || dups[0].firstRaw != "1.50" || dups[0].raw != "-2e+3" {
		t.Errorf("dups = %+v", dups)
	}
}

func TestParseJSONErrors(t *testing.T) {
	cases := []struct {
		in     string
		code   string
		offset int
	}{
		{`{"a":1`, "json.truncated", 6},
		{`{"a":"bc`, "json.truncated", 8},
		{`{"a":tr`, "json.truncated", 7},
		{`{"a":[1,2`, "json.truncated", 9},
		{`{"a":1,`, "json.truncated", 7},
		{`{"a":"\u00`, "json.truncated", 10},
		{`{"a":1}x`, "json.invalid", 7},
		{`{a:1}`, "json.invalid", 1},
		{`{"a":01}`, "json.invalid", 6},
		{`{"a":.5}`, "json.invalid", 5},
		{`{"a":"\q"}`, "json.invalid", 7},
		{"{\"a\":\"\x01\"}", "json.invalid", 6},
		{`{"a":1 "b":2}`, "json.invalid", 7},
		{`[1 2]`, "json.invalid", 3},
		{`nul`, "json.truncated", 3},
		{`{"a":1e}`, "json.invalid", 7},
		{strings.Repeat("[", 300), "json.invalid", 256},
		{``, "json.truncated", 0},
	}
	for _, c := range cases {
		_, _, err := parseJSON(c.in)
		if err == nil || err.code != c.code || err.offset != c.offset {
			t.Errorf("parseJSON(%q) = %+v, want %s at %d", c.in, err, c.code, c.offset)
		}
	}
}

// TestParseJSONAgreesWithStdlib checks that the parser accepts what encoding/json accepts
// and decodes strings the same way.
func TestParseJSONAgreesWithStdlib(t *testing.T) {
	for _, in := range []string{
		`{}`, `[]`, `{"a":[]}`, `{"a":{}}`, `"\ud800"`, `"\ud800\u0041"`, `"\udc00\ud800"`,
		`{"a":"\"\\\/\b\f\n\r\t"}`, `-0`, `0.0e-0`, `{"x":[{"y":[1,[2,[3]]]}]}`, "\t\n\r {} ",
		`{"a":1`, `[1,]`, `{"a":1,}`, `1.`, `-`, `"a`, `tru`, `{"a" 1}`, `"\u12"`,
	} {
		v, _, err := parseJSON(in)
		var std any
		stdErr := json.Unmarshal([]byte(in), &std)
		if (err == nil) != (stdErr == nil) {
			t.Errorf("parseJSON(%q) err = %v, encoding/json err = %v", in, err, stdErr)
			continue
		}
		if err == nil && v.Type == TypeString && v.Str != std.(string) {
			t.Errorf("parseJSON(%q) = %q, encoding/json %q", in, v.Str, std)
		}
	}
}
