package inspect

import (
	"reflect"
	"strings"
	"testing"
)

func TestExpectParseClaimsSpec(t *testing.T) {
	cases := []struct {
		spec string
		want []Expectation
	}{
		{"sub='alice';iss='x';n=5", []Expectation{{"sub", "alice", true}, {"iss", "x", true}, {"n", "5", false}}},
		{`sub="alice";`, []Expectation{{"sub", "alice", true}}},
		{" sub = 'a;b' ; n = -12 ", []Expectation{{"sub", "a;b", true}, {"n", "-12", false}}},
		{"n='5'", []Expectation{{"n", "5", true}}},
		{"n=5.5;flag=true", []Expectation{{"n", "5.5", true}, {"flag", "true", true}}}, // Kamailio: unquoted non-integer is a string
		{"sub=;iss", []Expectation{{"sub", "", true}, {"iss", "", true}}},
		{"a=1;;b=2", []Expectation{{"a", "1", false}, {"b", "2", false}}},
	}
	for _, c := range cases {
		got, err := ParseClaimsSpec(c.spec)
		if err != nil || !reflect.DeepEqual(got, c.want) {
			t.Errorf("ParseClaimsSpec(%q) = %v, %v; want %v", c.spec, got, err, c.want)
		}
	}
}

func TestExpectParseClaimsSpecErrors(t *testing.T) {
	cases := []struct{ spec, where string }{
		{"sub='alice;iss='x'", "character 5"},
		{"=5", "character 1"},
		{"sub='a'x", "character 8"},
		{"sub=al'ice", "character 7"},
		{"'sub'=1", "character 1"},
		{"sub iss=1", "character 1"},
		{"", "names no claims"},
		{";;", "names no claims"},
	}
	for _, c := range cases {
		_, err := ParseClaimsSpec(c.spec)
		if err == nil || !strings.Contains(err.Error(), c.where) {
			t.Errorf("ParseClaimsSpec(%q) error = %v, want one saying %q", c.spec, err, c.where)
		}
	}
}

func TestExpectParseExpect(t *testing.T) {
	cases := []struct {
		in   string
		want Expectation
	}{
		{"sub=alice", Expectation{"sub", "alice", true}},
		{"n=5", Expectation{"n", "5", false}},
		{"n=-1.5e3", Expectation{"n", "-1.5e3", false}},
		{"admin=true", Expectation{"admin", "true", false}},
		{"n='5'", Expectation{"n", "5", true}},
		{`n="5"`, Expectation{"n", "5", true}},
		{`q="say \"hi\""`, Expectation{"q", `say "hi"`, true}},
		{"n=05", Expectation{"n", "05", true}}, // not a JSON number
		{"url=a=b", Expectation{"url", "a=b", true}},
		{"sub=", Expectation{"sub", "", true}},
	}
	for _, c := range cases {
		got, err := ParseExpect(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParseExpect(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
	for _, bad := range []string{"sub", "=x", `q="open`} {
		if _, err := ParseExpect(bad); err == nil {
			t.Errorf("ParseExpect(%q) succeeded, want an error", bad)
		}
	}
}

func TestExpectCheck(t *testing.T) {
	payload, ok := parseTestJSON(`{"sub":"alice","n":5,"big":12345678901234567890,"f":1.50,"s5":"5","admin":true,"aud":["app","admin"],"one":"x","name":""}`)
	if !ok {
		t.Fatal("test payload does not parse")
	}
	pass := []Expectation{
		{"sub", "alice", true}, {"n", "5", false}, {"n", "5.0", false}, {"n", "0.5e1", false},
		{"big", "12345678901234567890", false}, {"f", "1.5", false}, {"s5", "5", true},
		{"admin", "true", false}, {"aud", "admin", true}, {"aud", "app", true}, {"name", "", true},
	}
	if fs := checkExpectations(payload, pass, nil); len(fs) != 0 {
		t.Errorf("checkExpectations(matching) = %v, want none", fs)
	}
	fail := []struct {
		e    Expectation
		text string
	}{
		{Expectation{"sub", "bob", true}, `"alice"`},
		{Expectation{"n", "5", true}, "type-sensitive"},
		{Expectation{"s5", "5", false}, "type-sensitive"},
		{Expectation{"big", "12345678901234567891", false}, "12345678901234567890"},
		{Expectation{"admin", "false", false}, "the boolean true"},
		{Expectation{"aud", "other", true}, "none of the values"},
		{Expectation{"missing", "x", true}, "no \"missing\" claim"},
		{Expectation{"one", "", true}, "skip such a check"},
		{Expectation{"gone", "", true}, "skip such a check"},
		{Expectation{"n", "1e999999999999999999", false}, "the number"},
	}
	var exps []Expectation
	for _, f := range fail {
		exps = append(exps, f.e)
	}
	fs := checkExpectations(payload, exps, func(s, e int) (int, int) { return 100 + s, e - s })
	if len(fs) != len(fail) {
		t.Fatalf("checkExpectations = %d findings, want every one of the %d failures: %v", len(fs), len(fail), fs)
	}
	for i, f := range fs {
		if f.Code != "claims.expect-failed" || f.Severity != Error || f.Part != PartClaims {
			t.Errorf("finding %d = %s %s %s, want claims.expect-failed error claims", i, f.Code, f.Severity, f.Part)
		}
		if !strings.Contains(f.Message, fail[i].text) || !strings.Contains(f.Message, fail[i].e.Name) {
			t.Errorf("expectation %v: message %q, want it to name the claim and contain %q", fail[i].e, f.Message, fail[i].text)
		}
		if f.Hint == "" {
			t.Errorf("expectation %v: no hint", fail[i].e)
		}
	}
	if fs := checkExpectations(nil, []Expectation{{"sub", "a", true}, {"n", "1", false}}, nil); len(fs) != 2 || !strings.Contains(fs[0].Message, "not a JSON object") {
		t.Errorf("checkExpectations(no payload) = %v, want two findings saying there are no claims", fs)
	}
}

func TestExpectNumbersEqual(t *testing.T) {
	for _, c := range []struct {
		a, b string
		eq   bool
	}{
		{"5", "5.0", true}, {"-0", "0", true}, {"100", "1e2", true}, {"1.25E+1", "12.5", true},
		{"5", "6", false}, {"-5", "5", false}, {"1e400", "1e401", false}, {"0.1", "1e-1", true},
	} {
		if got := numbersEqual(c.a, c.b); got != c.eq {
			t.Errorf("numbersEqual(%s, %s) = %v, want %v", c.a, c.b, got, c.eq)
		}
	}
}

// FuzzExpectParse checks the expectation parsers never panic and never return a nameless
// expectation, and that checking what they return never panics either.
func FuzzExpectParse(f *testing.F) {
	for _, s := range []string{"sub='alice';iss='x';n=5", `a="b";c=`, "n=1e5", "x='", "=", ";;", "aud=admin"} {
		f.Add(s)
	}
	payload, _ := parseTestJSON(`{"sub":"alice","n":5,"aud":["admin"],"x":null}`)
	f.Fuzz(func(t *testing.T, s string) {
		exps, err := ParseClaimsSpec(s)
		if err == nil {
			for _, e := range exps {
				if e.Name == "" {
					t.Fatalf("ParseClaimsSpec(%q) gave a nameless expectation", s)
				}
			}
			checkExpectations(payload, exps, nil)
		}
		if e, err := ParseExpect(s); err == nil {
			if e.Name == "" {
				t.Fatalf("ParseExpect(%q) gave a nameless expectation", s)
			}
			checkExpectations(payload, []Expectation{e}, nil)
		}
	})
}
