package inspect

import (
	"fmt"
	"strings"
)

// jwsAlgs are the JWS "alg" values of the IANA JOSE registry (RFC 7518 §3, RFC 8037,
// RFC 8812, RFC 9864), with the signature length in bytes each produces; 0 means it
// depends on the key (RSA) and -1 that there is no signature (none).
var jwsAlgs = map[string]int{
	"HS256": 32, "HS384": 48, "HS512": 64,
	"RS256": 0, "RS384": 0, "RS512": 0,
	"PS256": 0, "PS384": 0, "PS512": 0,
	"ES256": 64, "ES384": 96, "ES512": 132, "ES256K": 64,
	"EdDSA": 64, "Ed25519": 64, "Ed448": 114,
	"none": -1,
}

// jweAlgs are the JWE key management algorithms of the registry (RFC 7518 §4, RFC 8230).
var jweAlgs = map[string]bool{
	"RSA1_5": true, "RSA-OAEP": true, "RSA-OAEP-256": true, "RSA-OAEP-384": true, "RSA-OAEP-512": true,
	"A128KW": true, "A192KW": true, "A256KW": true, "dir": true,
	"ECDH-ES": true, "ECDH-ES+A128KW": true, "ECDH-ES+A192KW": true, "ECDH-ES+A256KW": true,
	"A128GCMKW": true, "A192GCMKW": true, "A256GCMKW": true,
	"PBES2-HS256+A128KW": true, "PBES2-HS384+A192KW": true, "PBES2-HS512+A256KW": true,
}

// jweEncs are the JWE content encryption algorithms of the registry (RFC 7518 §5).
var jweEncs = map[string]bool{
	"A128CBC-HS256": true, "A192CBC-HS384": true, "A256CBC-HS512": true,
	"A128GCM": true, "A192GCM": true, "A256GCM": true,
}

// caseFold finds the registered spelling of name ignoring case, in JWS then JWE algs.
func caseFold(name string) (string, bool) {
	for a := range jwsAlgs {
		if strings.EqualFold(a, name) {
			return a, true
		}
	}
	for a := range jweAlgs {
		if strings.EqualFold(a, name) {
			return a, true
		}
	}
	return "", false
}

// member returns the last member called name of obj, or nil.
func member(obj *Value, name string) *Member {
	if obj == nil || obj.Type != TypeObject {
		return nil
	}
	for i := len(obj.Members) - 1; i >= 0; i-- {
		if obj.Members[i].Name == name {
			return &obj.Members[i]
		}
	}
	return nil
}

// headerChecks judges the JOSE header: alg, enc, crit, key references and kid.
func (in *inspection) headerChecks() {
	h := in.r.Header
	sg := in.seg(PartHeader)
	if h == nil || sg == nil {
		return
	}
	at := in.mapper(sg)
	valueAt := func(m *Member) (int, int) { return at(m.Value.Start, m.Value.End) }
	memberAt := func(m *Member) (int, int) { return at(m.NameStart, m.Value.End) }

	alg := member(h, "alg")
	switch {
	case alg == nil:
		off, n := at(h.Start, h.End)
		in.add("header.alg-missing", Error, PartHeader, off, n, "the header has no `alg`: nothing says how the token is signed or encrypted",
			"every JOSE header needs `alg` (RFC 7515 §4.1.1); the producer is broken or this is not a JOSE header")
	case alg.Value.Type != TypeString:
		off, n := valueAt(alg)
		in.add("header.alg-unknown", Error, PartHeader, off, n, fmt.Sprintf("the header's `alg` is a %s (%s), not a string", typeName(alg.Value.Type), clipRaw(alg.Value.Raw)),
			"`alg` must be a string naming a registered algorithm such as \"RS256\"")
	default:
		in.alg = alg.Value.Str
		in.judgeAlg(alg, valueAt)
	}
	if in.looksJWE {
		in.judgeEnc(h, valueAt, at)
	}

	if m := member(h, "crit"); m != nil {
		in.judgeCrit(m, memberAt)
	}
	for _, name := range []string{"jku", "x5u"} {
		if m := member(h, name); m != nil {
			off, n := memberAt(m)
			in.add("header.remote-key", Warning, PartHeader, off, n,
				fmt.Sprintf("the header names where to fetch its own key (`%s`: %s); jwtlens never fetches it", name, clipRaw(m.Value.Raw)),
				"a verifier must take keys from its own configuration, never from a URL the token supplies; verify with a key you trust")
		}
	}
	for _, name := range []string{"jwk", "x5c"} {
		if m := member(h, name); m != nil {
			off, n := memberAt(m)
			in.add("header.embedded-key", Warning, PartHeader, off, n,
				fmt.Sprintf("the header carries its own key (`%s`): anyone can sign a token with a key they bring", name),
				"verify with a key from your configuration; trust an embedded key only after checking it against a known certificate chain")
		}
	}
	if m := member(h, "kid"); m != nil {
		in.judgeKid(m, valueAt)
	}
	if m := member(h, "cty"); m != nil {
		if s, ok := m.Value.String(); ok && strings.EqualFold(s, "JWT") {
			in.nested = true
			off, n := memberAt(m)
			msg := "the header says `cty: JWT`: the payload is itself a JWT (a nested token)"
			if in.looksJWE {
				msg += ", encrypted here; decrypt it to see the inner token"
			}
			in.add("structure.nested", Info, PartHeader, off, n, msg, "inspect the inner token on its own, once it is visible")
			in.nestedReported = true
		}
	}
}

// judgeAlg checks a string alg against the registry and the token's shape.
func (in *inspection) judgeAlg(alg *Member, valueAt func(*Member) (int, int)) {
	name := alg.Value.Str
	off, n := valueAt(alg)
	_, isJWS := jwsAlgs[name]
	isJWE := jweAlgs[name]
	switch {
	case name == "none":
		in.algNone = true
		in.add("header.alg-none", Warning, PartHeader, off, n, "the token is unsecured (`alg: none`): nothing protects its integrity, anyone can write such a token",
			"never accept `alg: none` where a signed token is expected; the server must pin the algorithms it allows")
	case isJWS && in.looksJWE:
		in.add("header.alg-unknown", Error, PartHeader, off, n, fmt.Sprintf("`alg` %s is a signature algorithm, but the header names an `enc` like a JWE", quoted(name)),
			"a JWE header needs a key management algorithm (RSA-OAEP, dir, ECDH-ES…); the token is malformed")
	case isJWE && !in.looksJWE:
		in.add("header.alg-unknown", Error, PartHeader, off, n, fmt.Sprintf("`alg` %s is a JWE key management algorithm, but the token is laid out like a JWS (no `enc`, %s)", quoted(name), countOf(in.layout.count, "segment")),
			"an encrypted token has 5 segments and an `enc`; check whether the token was cut or mislabelled")
	case isJWS || isJWE:
	default:
		if canon, ok := caseFold(name); ok {
			if canon == "none" {
				in.algNone = true
			}
			in.add("header.alg-case", Warning, PartHeader, off, n, fmt.Sprintf("`alg` is %s, an odd spelling of %q: algorithm names are case-sensitive, and such spellings are a known attack on lax verifiers", quoted(name), canon),
				fmt.Sprintf("a correct verifier rejects %s; if you produce this token, write %q", quoted(name), canon))
			return
		}
		in.add("header.alg-unknown", Error, PartHeader, off, n, fmt.Sprintf("`alg` %s is not an algorithm of the JOSE registry", quoted(name)),
			"registered signature algorithms are HS256/384/512, RS256/384/512, PS256/384/512, ES256/384/512, EdDSA; check the producer's configuration")
	}
}

// judgeEnc checks the enc of a JWE header.
func (in *inspection) judgeEnc(h *Value, valueAt func(*Member) (int, int), at spanMapper) {
	m := member(h, "enc")
	if m == nil {
		off, n := at(h.Start, h.End)
		in.add("header.alg-unknown", Error, PartHeader, off, n, "the token is laid out like a JWE but its header has no `enc` (content encryption algorithm)",
			"a JWE header needs `enc` such as A256GCM (RFC 7516 §4.1.2)")
		return
	}
	if s, ok := m.Value.String(); !ok || !jweEncs[s] {
		off, n := valueAt(m)
		in.add("header.alg-unknown", Error, PartHeader, off, n, fmt.Sprintf("`enc` %s is not a content encryption algorithm of the JOSE registry", clipRaw(m.Value.Raw)),
			"registered values are A128CBC-HS256, A192CBC-HS384, A256CBC-HS512, A128GCM, A192GCM, A256GCM")
	}
}

// understoodCrit are the crit extensions a verifier may accept the token with while
// jwtlens checks it: "ppt" (RFC 8225 §8.1, the PASSporT extension of SIP STIR/SHAKEN),
// which changes nothing in how the signature is made. Any other name (such as "b64" of
// RFC 7797, which changes the signing input) is one jwtlens does not implement.
var understoodCrit = map[string]bool{"ppt": true}

// judgeCrit flags crit: an error when it is malformed or names an extension jwtlens does
// not understand (RFC 7515 §4.1.11: a verifier MUST reject such a token), a warning when
// every name is one it understands.
func (in *inspection) judgeCrit(m *Member, memberAt func(*Member) (int, int)) {
	off, n := memberAt(m)
	names := critNames(&m.Value)
	if names == "" {
		in.add("header.crit", Error, PartHeader, off, n,
			"the header has a `crit` that is not a non-empty array of names ("+clipRaw(m.Value.Raw)+"): RFC 7515 §4.1.11 forbids that, and a conforming server rejects the token",
			"have the issuer drop `crit`, or list in it the names of the extensions the token uses")
		return
	}
	var unknown []string
	for _, e := range m.Value.Elems {
		if s, _ := e.String(); !understoodCrit[s] {
			unknown = append(unknown, quoted(s))
		}
	}
	if len(unknown) > 0 {
		in.add("header.crit", Error, PartHeader, off, n,
			fmt.Sprintf("the header's `crit` names %s, an extension jwtlens does not know: a verifier must understand every name in `crit` or reject the token (RFC 7515 §4.1.11), so a conforming server rejects it unless it implements %s", strings.Join(unknown, ", "), strings.Join(unknown, ", ")),
			"check that the server implements these extensions; if not, have the issuer stop listing them in `crit`")
		return
	}
	in.add("header.crit", Warning, PartHeader, off, n,
		fmt.Sprintf("the header lists extensions in `crit` that a verifier must understand or reject the token: %s", names),
		"a library that does not know these extensions must reject the token; check that the verifier supports them")
}

// critNames lists the names of a crit array, or "" when it is not a non-empty array of strings.
func critNames(v *Value) string {
	if v.Type != TypeArray || len(v.Elems) == 0 {
		return ""
	}
	var names []string
	for _, e := range v.Elems {
		s, ok := e.String()
		if !ok {
			return ""
		}
		names = append(names, quoted(s))
	}
	return strings.Join(names, ", ")
}

// judgeKid flags a kid that is not a string, or that holds characters used to attack key
// lookups (path traversal, quotes, shell and SQL syntax).
func (in *inspection) judgeKid(m *Member, valueAt func(*Member) (int, int)) {
	off, n := valueAt(m)
	s, ok := m.Value.String()
	if !ok {
		in.add("header.kid-suspicious", Warning, PartHeader, off, n, fmt.Sprintf("`kid` is a %s (%s), not a string", typeName(m.Value.Type), clipRaw(m.Value.Raw)),
			"`kid` is a string (RFC 7515 §4.1.4); a verifier that looks it up as is may misbehave")
		return
	}
	why := kidTrouble(s)
	if why == "" {
		return
	}
	in.add("header.kid-suspicious", Warning, PartHeader, off, n, fmt.Sprintf("`kid` %s holds %s", clipRaw(m.Value.Raw), why),
		"a key id is looked up by the verifier: make sure it is matched against a fixed list, never used as a path, shell word or SQL text")
}

// kidTrouble says what is suspicious about a kid, or "".
func kidTrouble(s string) string {
	low := strings.ToLower(s)
	switch {
	case strings.Contains(s, "../") || strings.Contains(s, `..\`) || strings.HasPrefix(s, "/") || strings.HasPrefix(low, "file:"):
		return "a file path (path traversal to pick the key file)"
	case strings.ContainsAny(s, "'\""):
		return "a quote (SQL or shell injection into the key lookup)"
	case strings.ContainsAny(s, ";|&$`<>\x00\n\r"):
		return "shell or control characters (command injection into the key lookup)"
	case strings.Contains(s, "--") || strings.Contains(low, " or ") || strings.Contains(low, "union select") || strings.Contains(low, "/*"):
		return "SQL syntax (injection into the key lookup)"
	}
	return ""
}

// clipRaw shortens a raw JSON text for a message and makes it safe to show.
func clipRaw(s string) string { return Sanitize(clip(s, 60)) }

// findNestedToken notices a payload that is itself a compact JWT and keeps it.
func (in *inspection) findNestedToken() {
	sg := in.seg(PartPayload)
	if sg == nil || in.looksJWE {
		return
	}
	b := sg.seg.Bytes
	// trim surrounding whitespace and a JSON string's quotes
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\n' || b[0] == '\r' || b[0] == '\t') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\n' || b[len(b)-1] == '\r' || b[len(b)-1] == '\t') {
		b = b[:len(b)-1]
	}
	if !looksCompactJWT(b) {
		return
	}
	in.r.NestedToken = string(b)
	in.nested = true
}

// nestedCheck reports a nested token found in the payload, unless cty already said so.
func (in *inspection) nestedCheck() {
	sg := in.seg(PartPayload)
	if sg == nil || in.r.NestedToken == "" || in.nestedReported {
		return
	}
	at := in.mapper(sg)
	off, n := at(0, len(sg.seg.Bytes))
	in.add("structure.nested", Info, PartPayload, off, n, "the payload is itself a compact JWT: a nested token",
		"inspect the inner token on its own; the outer signature covers it as text")
}

// looksCompactJWT reports whether b reads as a compact JWS or JWE: a header starting "eyJ",
// 3 or 5 segments, base64url characters only.
func looksCompactJWT(b []byte) bool {
	if len(b) < 8 || b[0] != 'e' || b[1] != 'y' || b[2] != 'J' {
		return false
	}
	dots := 0
	for _, c := range b {
		if c == '.' {
			dots++
			continue
		}
		if v := b64Table[c]; v >= 64 || c == '+' || c == '/' {
			return false
		}
	}
	return dots == 2 || dots == 4
}

// rot13Hint returns a hint when a segment that failed to parse reads as a JSON object once
// its letters are rotated by 13: the text was letter-rotated in transit.
func (in *inspection) rot13Hint(sg *segInfo) string {
	t := sg.seg.Text
	if len(t) < 4 || len(t) > 1<<16 {
		return ""
	}
	rot := make([]byte, len(t))
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch {
		case c >= 'a' && c <= 'z':
			c = 'a' + (c-'a'+13)%26
		case c >= 'A' && c <= 'Z':
			c = 'A' + (c-'A'+13)%26
		}
		rot[i] = c
	}
	dec, _ := decodeLenient(nil, string(rot))
	v, _, err := parseJSON(string(dec))
	if err != nil || v.Type != TypeObject {
		return ""
	}
	return "the segment decodes to a JSON object once its letters are rotated by 13 (ROT13): something letter-rotated the text in transit; copy the token from its source"
}
