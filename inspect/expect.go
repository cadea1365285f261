package inspect

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// ParseClaimsSpec reads expected claims in the syntax of Kamailio's jwt module, e.g.
// "sub='alice';iss='x';n=5": NAME=VALUE pairs separated by ';' (a trailing ';' is fine,
// spaces around names and values are ignored). A value in single or double quotes is a
// string, taken exactly as written between the quotes (no escapes, as in Kamailio); an
// unquoted integer is a number; any other unquoted value is a string, as Kamailio reads it.
// A name with no value, or an empty value, gives an Expectation with an empty string
// Value: Kamailio skips such a check silently, and the report says so. Errors say where
// in the spec the problem is (1-based character positions).
func ParseClaimsSpec(spec string) ([]Expectation, error) {
	var exps []Expectation
	i := 0
	for i < len(spec) {
		start := i
		for i < len(spec) && spec[i] != '=' && spec[i] != ';' {
			if spec[i] == '\'' || spec[i] == '"' {
				return nil, specError(spec, i, "a quote in a claim name; quote the value, not the name (e.g. sub='alice')")
			}
			i++
		}
		name := strings.TrimSpace(spec[start:i])
		if name == "" {
			if i < len(spec) && spec[i] == ';' && strings.TrimSpace(spec[start:i]) == "" {
				i++ // an empty item, e.g. "a=1;;b=2": Kamailio ignores it too
				continue
			}
			return nil, specError(spec, start, "a value with no claim name before '='; write NAME=VALUE")
		}
		if strings.ContainsAny(name, " \t") {
			return nil, specError(spec, start, fmt.Sprintf("the claim name %q holds a space; separate claims with ';'", name))
		}
		if i >= len(spec) || spec[i] == ';' {
			exps = append(exps, Expectation{Name: name, IsString: true})
			if i < len(spec) {
				i++
			}
			continue
		}
		i++ // '='
		for i < len(spec) && (spec[i] == ' ' || spec[i] == '\t') {
			i++
		}
		var e Expectation
		e.Name = name
		if i < len(spec) && (spec[i] == '\'' || spec[i] == '"') {
			q := spec[i]
			end := strings.IndexByte(spec[i+1:], q)
			if end < 0 {
				return nil, specError(spec, i, fmt.Sprintf("the quote (%c) that starts the value of %s is never closed", q, name))
			}
			open := i
			e.Value, e.IsString = spec[i+1:i+1+end], true
			i += end + 2
			for i < len(spec) && (spec[i] == ' ' || spec[i] == '\t') {
				i++
			}
			if i < len(spec) && spec[i] != ';' {
				return nil, specError(spec, i, fmt.Sprintf("text after the end of %s's value (its quote opens at character %d and closes at %d); end the value with ';', and quote no ';' you do not mean", name, open+1, open+end+2))
			}
		} else {
			vs := i
			for i < len(spec) && spec[i] != ';' {
				if spec[i] == '\'' || spec[i] == '"' {
					return nil, specError(spec, i, fmt.Sprintf("a quote inside the unquoted value of %s; quote the whole value (%s='…')", name, name))
				}
				i++
			}
			raw := strings.TrimSpace(spec[vs:i])
			if _, err := strconv.ParseInt(raw, 10, 64); err == nil {
				e.Value = raw
			} else {
				e.Value, e.IsString = raw, true
			}
		}
		exps = append(exps, e)
		if i < len(spec) {
			i++ // ';'
		}
	}
	if len(exps) == 0 {
		return nil, fmt.Errorf("--claims %q names no claims; write NAME=VALUE pairs separated by ';', e.g. sub='alice';n=5", spec)
	}
	return exps, nil
}

// specError says where in a --claims spec a problem is.
func specError(spec string, at int, what string) error {
	return fmt.Errorf("--claims %q, at character %d: %s", spec, at+1, what)
}

// ParseExpect reads one --expect NAME=VALUE. The value is a string unless it is a JSON
// number (5, -1.5, 1e3) or true/false, which are compared as that type; put it in quotes
// to force a string (n="5" or n='5'); a double-quoted value is read as a JSON string, so
// escapes such as \" work in it. An empty value expects the empty string, and the report
// says that a server would skip such a check.
func ParseExpect(s string) (Expectation, error) {
	eq := strings.IndexByte(s, '=')
	if eq < 0 {
		return Expectation{}, fmt.Errorf("--expect %q: no '=' between the claim name and the value; write NAME=VALUE, e.g. sub=alice", s)
	}
	name := strings.TrimSpace(s[:eq])
	if name == "" {
		return Expectation{}, fmt.Errorf("--expect %q: no claim name before '='; write NAME=VALUE, e.g. sub=alice", s)
	}
	v := s[eq+1:]
	switch {
	case len(v) >= 2 && v[0] == '\'' && v[len(v)-1] == '\'':
		return Expectation{Name: name, Value: v[1 : len(v)-1], IsString: true}, nil
	case len(v) >= 1 && v[0] == '"':
		var str string
		if err := json.Unmarshal([]byte(v), &str); err != nil {
			return Expectation{}, fmt.Errorf("--expect %q: the value after '=' starts with '\"' but is not a complete JSON string (at character %d); close the quote, or escape inner quotes as \\\"", s, eq+2)
		}
		return Expectation{Name: name, Value: str, IsString: true}, nil
	case v == "true" || v == "false":
		return Expectation{Name: name, Value: v}, nil
	case isJSONNumber(v):
		return Expectation{Name: name, Value: v}, nil
	}
	return Expectation{Name: name, Value: v, IsString: true}, nil
}

// isJSONNumber reports whether s is a number as JSON writes it.
func isJSONNumber(s string) bool {
	_, _, _, _, ok := splitJSONNumber(s)
	return ok
}

// splitJSONNumber splits a JSON number into sign, integer digits, fraction digits and
// exponent text.
func splitJSONNumber(s string) (neg bool, intPart, frac, exp string, ok bool) {
	i := 0
	if i < len(s) && s[i] == '-' {
		neg = true
		i++
	}
	st := i
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	intPart = s[st:i]
	if intPart == "" || (len(intPart) > 1 && intPart[0] == '0') {
		return
	}
	if i < len(s) && s[i] == '.' {
		i++
		fs := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if frac = s[fs:i]; frac == "" {
			return
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		es := i
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		ds := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if ds == i {
			return
		}
		exp = s[es:i]
	}
	return neg, intPart, frac, exp, i == len(s)
}

// numberKey is a JSON number in a canonical form (sign, significant digits, power of
// ten), so 5, 5.0 and 0.5e1 compare equal without parsing into floats, which would lose
// digits, or big numbers, which a hostile exponent could make huge.
type numberKey struct {
	neg    bool
	digits string
	exp    int64
}

func canonicalNumber(s string) (numberKey, bool) {
	neg, ip, frac, exp, ok := splitJSONNumber(s)
	if !ok {
		return numberKey{}, false
	}
	var e int64
	if exp != "" {
		if len(strings.TrimLeft(strings.TrimLeft(exp, "+-"), "0")) > 15 {
			return numberKey{}, false
		}
		e, _ = strconv.ParseInt(strings.TrimPrefix(exp, "+"), 10, 64)
	}
	d := strings.TrimLeft(ip+frac, "0")
	if d == "" {
		return numberKey{digits: "0"}, true
	}
	e -= int64(len(frac))
	t := strings.TrimRight(d, "0")
	e += int64(len(d) - len(t))
	return numberKey{neg: neg, digits: t, exp: e}, true
}

// numbersEqual compares two JSON numbers by value.
func numbersEqual(a, b string) bool {
	if a == b {
		return true
	}
	ka, oka := canonicalNumber(a)
	kb, okb := canonicalNumber(b)
	return oka && okb && ka == kb
}

// expectKind names the type of an expected value.
func (e Expectation) kind() ValueType {
	switch {
	case e.IsString:
		return TypeString
	case e.Value == "true" || e.Value == "false":
		return TypeBool
	}
	return TypeNumber
}

// describe writes the expected value with its type, e.g. `the string "alice"`.
func (e Expectation) describe() string {
	switch e.kind() {
	case TypeString:
		return "the string " + quoted((e.Value))
	case TypeBool:
		return e.Value
	}
	return "the number " + Sanitize(e.Value)
}

// matches reports whether v is the expected value, type and all.
func (e Expectation) matches(v *Value) bool {
	switch e.kind() {
	case TypeString:
		return v.Type == TypeString && v.Str == e.Value
	case TypeBool:
		return v.Type == TypeBool && v.Bool == (e.Value == "true")
	}
	return v.Type == TypeNumber && numbersEqual(v.Raw, e.Value)
}

// typeName names a JSON type with its article.
func typePhrase(t ValueType) string {
	switch t {
	case TypeString:
		return "a string"
	case TypeNumber:
		return "a number"
	case TypeBool:
		return "a boolean"
	case TypeArray:
		return "an array"
	case TypeObject:
		return "an object"
	}
	return "null"
}

// shownValue is a claim value as the report shows it: its source text, sanitised, cut
// to a readable length.
func shownValue(v *Value) string {
	s := v.Raw
	if s == "" {
		switch v.Type {
		case TypeString:
			s = strconv.Quote(v.Str)
		case TypeBool:
			s = strconv.FormatBool(v.Bool)
		}
	}
	if len(s) > 80 {
		cut := 77
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut--
		}
		s = s[:cut] + "…"
	}
	return Sanitize(s)
}

// valuePhrase names a claim value with its type for a message: the string "bob", the
// number 5, null.
func valuePhrase(v *Value) string {
	switch v.Type {
	case TypeNull:
		return "null"
	case TypeString:
		return "the string " + shownValue(v)
	case TypeNumber:
		return "the number " + shownValue(v)
	case TypeBool:
		return "the boolean " + shownValue(v)
	}
	return typePhrase(v.Type) + " " + shownValue(v)
}

// sameText reports whether v holds the expected text under another type: 5 vs "5".
func sameText(e Expectation, v *Value) bool {
	if e.kind() == TypeString {
		return (v.Type == TypeNumber || v.Type == TypeBool) && v.Raw == e.Value
	}
	return v.Type == TypeString && (v.Str == e.Value || (e.kind() == TypeNumber && numbersEqual(v.Str, e.Value)))
}

// checkExpectations reports claims.expect-failed for every expectation the payload does not
// meet, all at once, missing claims included. Comparison is type-sensitive, as in
// Kamailio's jwt module: the string "5" is not the number 5. An aud array matches when any
// of its values does.
func checkExpectations(payload *Value, exps []Expectation, payloadAt spanMapper) []Finding {
	var fs []Finding
	at := func(v *Value) (int, int) {
		if v == nil || payloadAt == nil {
			return 0, 0
		}
		return payloadAt(v.Start, v.End)
	}
	for _, e := range exps {
		name := quoted((e.Name))
		skipped := ""
		if e.IsString && e.Value == "" {
			skipped = " The expected value is empty: Kamailio's jwt module (and servers like it) skip such a check without a word, so the server did not check this claim at all; a variable that expanded to nothing is the usual cause."
		}
		hint := fmt.Sprintf("If the server really expects %s, the issuer must put it in the token; if the expectation is out of date, correct the server's claims setting.", e.describe())
		if skipped != "" {
			hint = "Check the server's claims setting: give the value it should expect, or drop the check on purpose."
		}
		var v *Value
		if payload != nil {
			v = payload.Get(e.Name)
		}
		if v == nil {
			msg := fmt.Sprintf("The server expects claim %s to be %s, but the token has no %s claim.", name, e.describe(), name)
			if payload == nil {
				msg = fmt.Sprintf("The server expects claim %s to be %s, but the payload is not a JSON object, so the token has no claims at all.", name, e.describe())
			}
			off, n := at(payload)
			fs = append(fs, Finding{Code: "claims.expect-failed", Severity: Error, Part: PartClaims, Offset: off, Length: n,
				Message: msg + skipped, Hint: hint})
			continue
		}
		if e.matches(v) {
			continue
		}
		if e.Name == "aud" && v.Type == TypeArray {
			ok := false
			for i := range v.Elems {
				if e.matches(&v.Elems[i]) {
					ok = true
					break
				}
			}
			if ok {
				continue
			}
		}
		msg := fmt.Sprintf("The server expects claim %s to be %s, but in the token it is %s.", name, e.describe(), valuePhrase(v))
		switch {
		case e.Name == "aud" && v.Type == TypeArray:
			msg = fmt.Sprintf("The server expects claim %s to hold %s, but none of the values in the token's %s does: %s.", name, e.describe(), name, shownValue(v))
		case sameText(e, v):
			msg += fmt.Sprintf(" The text is the same but the type is not (%s, not %s); the comparison is type-sensitive, as in Kamailio's jwt module, so this fails.", typePhrase(v.Type), typePhrase(e.kind()))
			if e.IsString {
				hint = fmt.Sprintf("If the server means the number, write it unquoted (%s=%s); otherwise the issuer must send it as a string.", Sanitize(e.Name), Sanitize(e.Value))
			} else {
				hint = fmt.Sprintf("If the server means the string, quote it (%s='%s'); otherwise the issuer must send it as a number.", Sanitize(e.Name), Sanitize(e.Value))
			}
		}
		off, n := at(v)
		fs = append(fs, Finding{Code: "claims.expect-failed", Severity: Error, Part: PartClaims, Offset: off, Length: n,
			Message: msg + skipped, Hint: hint})
	}
	return fs
}
