// Command input writes the fixtures of the input work (finding the token in a paste and
// repairing transport damage) to testdata/input/, and the manifest cases.json that the
// tests in package inspect check normalize against.
//
// Run it from the module root:
//
//	go run ./testdata/gen/input
//
// Every token is a real HS256 JWT made with golang-jwt and the fixed secret below, with
// fixed claims, so the output is the same on every run and no real person's token is used.
// The wrapped cases (wrapped.go) add RS256 tokens signed with the RSA 2048 fixture key of
// testdata/keys (deterministic PKCS#1 v1.5 signatures), broken over lines the ways
// terminals, base64 wrappers, loggers and folded HTTP/SIP headers break them.
// Each fixture is built by concatenating pieces; the generator records where it put the
// token and every piece a finding must point at, so the expected offsets in the manifest
// come from construction, not from parsing.
package main

import (
	"encoding/json"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf16"

	"github.com/golang-jwt/jwt/v5"
)

// secret signs every fixture token. It is a fixture value, not a credential.
var secret = []byte("jwtlens-input-fixtures-secret-0001")

func sign(claims jwt.MapClaims) string {
	s, err := jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(secret)
	if err != nil {
		log.Fatal(err)
	}
	return s
}

// Finding is an expected finding: its code and the raw bytes it points at.
type Finding struct {
	Code   string `json:"code"`
	Offset int    `json:"offset"`
	Length int    `json:"length"`
}

// Candidate is an expected other candidate.
type Candidate struct {
	Where  string `json:"where"`
	Offset int    `json:"offset"`
	Length int    `json:"length"`
}

// Case is one fixture and what normalize must make of it.
type Case struct {
	Name       string      `json:"name"`
	File       string      `json:"file"`
	About      string      `json:"about"`
	Token      string      `json:"token"`            // the expected token ("" when it stops)
	Stop       bool        `json:"stop"`             // normalize must stop
	Findings   []Finding   `json:"findings"`         // the exact set of findings (code, offset, length)
	Messages   []string    `json:"messages"`         // phrases the findings' messages must contain
	Candidates []Candidate `json:"candidates"`       // the other candidates, in input order
	Ellipsis   *Finding    `json:"ellipsis"`         // where a trailing ellipsis was, if any
	Source     string      `json:"source,omitempty"` // where the token was found
}

// input builds a fixture from pieces and remembers where each one went.
type input struct {
	b     strings.Builder
	marks map[string][2]int
}

func (in *input) put(s string) *input { in.b.WriteString(s); return in }

// mark appends s and records its offset and length under name.
func (in *input) mark(name, s string) *input {
	if in.marks == nil {
		in.marks = map[string][2]int{}
	}
	in.marks[name] = [2]int{in.b.Len(), len(s)}
	in.b.WriteString(s)
	return in
}

func (in *input) f(code, name string) Finding {
	m, ok := in.marks[name]
	if !ok {
		log.Fatalf("no mark %q", name)
	}
	return Finding{code, m[0], m[1]}
}

func (in *input) c(where, name string) Candidate {
	m := in.marks[name]
	return Candidate{where, m[0], m[1]}
}

func wrap(tok string, width int, nl string) string {
	var lines []string
	for len(tok) > width {
		lines = append(lines, tok[:width])
		tok = tok[width:]
	}
	return strings.Join(append(lines, tok), nl)
}

func main() {
	small := sign(jwt.MapClaims{"sub": "1234567890", "name": "Alice Example", "iat": 1767225600})
	large := sign(jwt.MapClaims{
		"iss": "https://login.example.com/", "sub": "auth0|5f7c8ec7c33c6c004bbafe82",
		"aud": []string{"https://api.example.com", "https://login.example.com/userinfo"},
		"iat": 1767225600, "exp": 1767229200, "scope": "openid profile email read:messages",
		"email": "alice@example.com", "roles": []string{"admin", "auditor"},
	})
	idTok := sign(jwt.MapClaims{"iss": "https://login.example.com/", "sub": "alice", "aud": "client-123", "nonce": "n-0S6_WzA2Mj", "iat": 1767225600, "exp": 1767229200})
	passport := sign(jwt.MapClaims{"attest": "A", "dest": map[string]any{"tn": []string{"12155551213"}}, "iat": 1767225600, "orig": map[string]any{"tn": "12155551212"}, "origid": "123e4567-e89b-12d3-a456-426655440000"})

	// Start from an empty set, so a case taken out leaves no stale fixture behind.
	old, _ := filepath.Glob(filepath.Join("testdata", "input", "*.txt"))
	for _, f := range old {
		if err := os.Remove(f); err != nil {
			log.Fatal(err)
		}
	}

	var cases []Case
	add := func(name, about string, in *input, c Case) {
		c.Name, c.About, c.File = name, about, name+".txt"
		if err := os.WriteFile(filepath.Join("testdata", "input", c.File), []byte(in.b.String()), 0o644); err != nil {
			log.Fatal(err)
		}
		cases = append(cases, c)
	}
	tokenCase := func(tok string, fs ...Finding) Case { return Case{Token: tok, Findings: fs} }

	in := (&input{}).mark("tok", small)
	add("clean", "the token alone", in, tokenCase(small))

	for _, v := range []struct{ name, scheme, about string }{
		{"bearer-one-space", "Bearer ", "Bearer and one space"},
		{"bearer-two-spaces", "Bearer  ", "Bearer and two spaces"},
		{"bearer-tab", "Bearer\t", "Bearer and a tab"},
		{"bearer-lower", "bearer ", "lower-case bearer"},
	} {
		in = (&input{}).mark("scheme", v.scheme).mark("tok", small)
		add(v.name, v.about, in, tokenCase(small, in.f("input.bearer-prefix", "scheme")))
	}

	in = (&input{}).mark("scheme", "Authorization: Bearer ").mark("tok", large).mark("nl", "\r\n")
	add("authorization-line", "a whole Authorization header line with its CRLF", in,
		tokenCase(large, in.f("input.bearer-prefix", "scheme"), in.f("input.trimmed", "nl")))

	for _, q := range []struct{ name, q string }{{"quoted-double", `"`}, {"quoted-single", "'"}, {"quoted-backtick", "`"}} {
		in = (&input{}).mark("q", q.q).mark("tok", small).put(q.q)
		add(q.name, "the token in "+q.q+" quotes", in, tokenCase(small, in.f("input.quoted", "q")))
	}

	in = (&input{}).put("session=").mark("tok", small).put("; Path=/; HttpOnly")
	c := tokenCase(small, in.f("input.extracted", "tok"))
	c.Messages, c.Source = []string{"from cookie session"}, "cookie session"
	add("cookie", "a cookie with its attributes", in, c)

	in = (&input{}).put("Set-Cookie: sid=").mark("tok", small).put("; Path=/; Secure; HttpOnly; SameSite=Lax").mark("nl", "\n")
	c = tokenCase(small, in.f("input.extracted", "tok"), in.f("input.trimmed", "nl"))
	c.Messages = []string{"from cookie sid"}
	add("set-cookie", "a Set-Cookie header line", in, c)

	in = (&input{}).put("{\n  \"access_token\": \"").mark("tok", large).
		put("\",\n  \"token_type\": \"Bearer\",\n  \"expires_in\": 3600,\n  \"refresh_token\": \"8xLOxBtZp8Gy5tb2pq0rJHzL\",\n  \"id_token\": \"").
		mark("id", idTok).put("\"\n}").mark("nl", "\n")
	c = tokenCase(large, in.f("input.extracted", "tok"), in.f("input.trimmed", "nl"))
	c.Messages, c.Candidates = []string{"from JSON member access_token"}, []Candidate{in.c("JSON member id_token", "id")}
	add("json-body", "an OAuth token response: access_token chosen, id_token listed, opaque refresh_token ignored", in, c)

	in = (&input{}).put(`{"refresh_token":"`).mark("r", idTok).put(`","id_token":"`).mark("tok", small).put(`"}`)
	c = tokenCase(small, in.f("input.extracted", "tok"))
	c.Messages, c.Candidates = []string{"from JSON member id_token"}, []Candidate{in.c("JSON member refresh_token", "r")}
	add("json-refresh-first", "JSON where a JWT refresh token comes first: the id_token is preferred", in, c)

	in = (&input{}).put("GET /api/v1/me HTTP/1.1\r\nHost: api.example.com\r\nUser-Agent: curl/8.5.0\r\nAuthorization: Bearer ").
		mark("tok", large).put("\r\nAccept: application/json").mark("nl", "\r\n\r\n")
	c = tokenCase(large, in.f("input.extracted", "tok"), in.f("input.trimmed", "nl"))
	c.Messages = []string{"taken from the Authorization header of an HTTP request"}
	add("http-request", "a whole HTTP request", in, c)

	in = (&input{}).put("INVITE sip:+12155551213@example.net SIP/2.0\r\n"+
		"Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds\r\n"+
		"Max-Forwards: 70\r\nTo: <sip:+12155551213@example.net>\r\n"+
		"From: <sip:+12155551212@atlanta.example.com>;tag=1928301774\r\n"+
		"Call-ID: a84b4c76e66710@pc33.atlanta.example.com\r\nCSeq: 314159 INVITE\r\n"+
		"Contact: <sip:alice@pc33.atlanta.example.com>\r\n"+
		"Identity: ").mark("tok", passport).
		put(";info=<https://cert.example.org/passport.cer>;alg=ES256;ppt=shaken\r\n"+
			"Content-Type: application/sdp\r\nContent-Length: 142\r\n\r\n"+
			"v=0\r\no=alice 2890844526 2890844526 IN IP4 pc33.atlanta.example.com\r\ns=-\r\n"+
			"c=IN IP4 192.0.2.101\r\nt=0 0\r\nm=audio 49172 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000").mark("nl", "\r\n")
	c = tokenCase(passport, in.f("input.extracted", "tok"), in.f("input.trimmed", "nl"))
	c.Messages = []string{"taken from the Identity header of a SIP INVITE"}
	add("sip-invite", "a SIP INVITE carrying a PASSporT in its Identity header, with an SDP body", in, c)

	in = (&input{}).mark("tok", small).mark("nl", "\n")
	add("trailing-lf", "a trailing LF", in, tokenCase(small, in.f("input.trimmed", "nl")))
	in = (&input{}).mark("tok", small).mark("nl", "\r\n")
	add("trailing-crlf", "a trailing CRLF", in, tokenCase(small, in.f("input.trimmed", "nl")))

	w64 := wrap(large, 64, "\n")
	in = (&input{}).put(large[:64]).mark("br", "\n").put(w64[65:])
	c = tokenCase(large, in.f("input.inner-whitespace", "br"))
	c.Messages = []string{"every 64 characters", "would not verify", `silently skips \r and \n`}
	add("wrapped-64", "the token broken every 64 characters with LF", in, c)

	w76 := wrap(large, 76, "\r\n")
	in = (&input{}).put(large[:76]).mark("br", "\r\n").put(w76[78:]).mark("nl", "\r\n")
	c = tokenCase(large, in.f("input.inner-whitespace", "br"), in.f("input.trimmed", "nl"))
	c.Messages = []string{"every 76 characters", "CRLF line breaks"}
	add("wrapped-76-crlf", "the token broken every 76 characters with CRLF, and a final CRLF", in, c)

	in = (&input{}).mark("scheme", "Authorization: Bearer ").put(large[:58]).mark("br", "\n").put(wrap(large[58:], 80, "\n"))
	c = tokenCase(large, in.f("input.bearer-prefix", "scheme"), in.f("input.inner-whitespace", "br"))
	c.Messages = []string{"every 80 characters"}
	add("wrapped-80-terminal", "an Authorization line wrapped by an 80-column terminal", in, c)

	in = (&input{}).put(small[:30]).mark("sp", " ").put(small[30:])
	add("inner-space", "a stray space inside the token", in, tokenCase(small, in.f("input.inner-whitespace", "sp")))

	in = (&input{}).mark("bom", "\uFEFF").mark("tok", small)
	c = tokenCase(small, in.f("input.invisible-char", "bom"))
	c.Messages = []string{"U+FEFF"}
	add("bom-leading", "a leading byte order mark", in, c)

	in = (&input{}).mark("zw", "\u200B").mark("tok", small)
	c = tokenCase(small, in.f("input.invisible-char", "zw"))
	c.Messages = []string{"U+200B ZERO WIDTH SPACE", "before the token"}
	add("zwsp-leading", "a leading zero-width space", in, c)

	in = (&input{}).put(small[:25]).mark("zw", "\u200D").put(small[25:])
	c = tokenCase(small, in.f("input.invisible-char", "zw"))
	c.Messages = []string{"U+200D", "inside the token"}
	add("zwj-inside", "a zero-width joiner inside the token", in, c)

	in = (&input{}).put("Bearer").mark("nbsp", "\u00A0").mark("tok", small)
	c = tokenCase(small, Finding{"input.bearer-prefix", 0, 8}, in.f("input.invisible-char", "nbsp"))
	c.Messages = []string{"U+00A0 NO-BREAK SPACE"}
	add("nbsp-after-bearer", "a no-break space between Bearer and the token", in, c)

	in = (&input{}).mark("rlo", "\u202E").mark("tok", small).mark("pdf", "\u202C")
	c = tokenCase(small, in.f("input.invisible-char", "rlo"), in.f("input.invisible-char", "pdf"))
	c.Messages = []string{"U+202E RIGHT-TO-LEFT OVERRIDE", "U+202C"}
	add("bidi-around", "a right-to-left override before and a pop after the token", in, c)

	enc := strings.ReplaceAll(small, ".", "%2E")
	first := strings.IndexByte(small, '.')
	in = (&input{}).put(enc)
	c = tokenCase(small, Finding{"input.url-encoded", first, 3})
	c.Messages = []string{"%2E"}
	add("url-encoded-dots", "the dots percent-encoded as %2E", in, c)

	in = (&input{}).mark("ph", "undefined")
	c = Case{Stop: true, Findings: []Finding{in.f("input.placeholder", "ph")}, Messages: []string{"JavaScript variable that was never set"}}
	add("placeholder-undefined", "undefined sent instead of a token", in, c)

	in = (&input{}).put("Bearer ").mark("ph", "null")
	c = Case{Stop: true, Findings: []Finding{in.f("input.placeholder", "ph")}, Messages: []string{"null"}}
	add("placeholder-bearer-null", "Bearer null", in, c)

	in = (&input{}).put("Authorization: Bearer ").mark("ph", "[object Object]").put("\r\n")
	c = Case{Stop: true, Findings: []Finding{in.f("input.placeholder", "ph")}, Messages: []string{"JavaScript object"}}
	add("placeholder-object", "an object turned into text", in, c)

	in = (&input{}).put("GET / HTTP/1.1\r\nHost: a.example\r\nAuthorization: Bearer ").mark("ph", "undefined").put("\r\n\r\n")
	c = Case{Stop: true, Findings: []Finding{in.f("input.placeholder", "ph")}, Messages: []string{"after the Bearer scheme"}}
	add("placeholder-in-request", "an HTTP request whose Authorization header says undefined", in, c)

	in = (&input{}).mark("ph", "YOUR_TOKEN")
	add("placeholder-template", "a documentation placeholder", in, Case{Stop: true, Findings: []Finding{in.f("input.placeholder", "ph")}})

	in = &input{}
	add("empty", "nothing at all", in, Case{Stop: true, Findings: []Finding{{"input.empty", 0, 0}}})
	in = (&input{}).put(" \r\n\t\n")
	add("whitespace-only", "only whitespace", in, Case{Stop: true, Findings: []Finding{{"input.empty", 0, 0}}})

	in = (&input{}).put("curl -sS -H 'Accept: application/json' -H 'Authorization: Bearer ").mark("tok", small).put("' https://api.example.com/v1/me").mark("nl", "\n")
	c = tokenCase(small, in.f("input.extracted", "tok"), in.f("input.trimmed", "nl"))
	c.Messages = []string{"the Authorization header of a curl command"}
	add("curl", "a curl command", in, c)

	in = (&input{}).put("https://app.example.com/callback#id_token=").mark("tok", idTok).put("&state=af0ifjsldkj&token_type=Bearer")
	c = tokenCase(idTok, in.f("input.extracted", "tok"))
	c.Messages = []string{"URL fragment parameter id_token"}
	add("url-fragment", "an OIDC implicit-flow redirect URL", in, c)

	in = (&input{}).put("wss://push.example.com/v2/socket?client=web&token=").mark("tok", small)
	c = tokenCase(small, in.f("input.extracted", "tok"))
	c.Messages = []string{"URL query parameter token"}
	add("url-query", "a URL with the token as a query parameter", in, c)

	in = (&input{}).put(`2026-12-03T14:02:11.120Z WARN  [auth] rejected request path=/v1/me token=`).mark("tok", small).put(` user=alice reason="failed to decode jwt value"`)
	c = tokenCase(small, in.f("input.extracted", "tok"))
	c.Messages = []string{"log field token"}
	add("log-line", "a log line with the token as a field", in, c)

	cut := large[:120]
	in = (&input{}).put(cut).mark("dots", "...")
	c = tokenCase(cut + "...")
	c.Ellipsis = &Finding{"ellipsis", in.marks["dots"][0], 3}
	add("trailing-ellipsis", "a token a logger shortened with ...: the dots stay at the end of the token, located for the decode work", in, c)

	in = (&input{}).put("token=").mark("tok", cut+"…").put(" user=alice")
	in.marks["dots"] = [2]int{in.marks["tok"][0] + len(cut), len("…")}
	c = tokenCase(cut+"…", in.f("input.extracted", "tok"))
	c.Ellipsis = &Finding{"ellipsis", in.marks["dots"][0], 3}
	add("log-ellipsis-sign", "a log line whose token was shortened with …", in, c)

	in = (&input{}).put("123e4567-e89b-12d3-a456-426655440000")
	c = Case{Stop: true, Findings: []Finding{{"input.not-a-token", 0, 0}}, Messages: []string{"a UUID"}}
	add("not-a-token-uuid", "a UUID", in, c)

	in = (&input{}).put("Bearer 2YotnFZFEjr1zCsicMWpAA\n")
	c = Case{Stop: true, Findings: []Finding{{"input.not-a-token", 0, 0}}, Messages: []string{"opaque token"}}
	add("not-a-token-opaque", "an opaque OAuth access token (RFC 6749's example)", in, c)

	in = (&input{}).put("-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEfixture0000000000000000000000\n-----END PUBLIC KEY-----\n")
	c = Case{Stop: true, Findings: []Finding{{"input.not-a-token", 0, 0}}, Messages: []string{"PEM"}}
	add("not-a-token-pem", "a PEM public key pasted instead of a token", in, c)

	in = (&input{}).put(`{"error":"invalid_grant","error_description":"Invalid authorization code"}`)
	c = Case{Stop: true, Findings: []Finding{{"input.not-a-token", 0, 0}}, Messages: []string{"JSON with no member"}}
	add("not-a-token-json", "an OAuth error response", in, c)

	in = (&input{}).put("jwt: ").mark("a", small).put("\nold: ").mark("b", idTok)
	c = tokenCase(small, in.f("input.extracted", "a"))
	c.Candidates = []Candidate{in.c("the old header", "b")}
	add("two-tokens", "two tokens on consecutive lines: neither swallows the other", in, c)

	in = (&input{}).mark("scheme", "Authorization: ").mark("tok", small)
	c = tokenCase(small, in.f("input.bearer-prefix", "scheme"))
	c.Messages = []string{"no Bearer scheme"}
	add("authorization-no-bearer", "an Authorization header line without the Bearer scheme", in, c)

	in = (&input{}).put("Authorization: ").mark("ph", "undefined")
	c = Case{Stop: true, Findings: []Finding{in.f("input.placeholder", "ph")}, Messages: []string{"in the Authorization header"}}
	add("placeholder-authorization-undefined", "an Authorization header holding undefined", in, c)

	in = (&input{}).mark("ph", `""`)
	c = Case{Stop: true, Findings: []Finding{in.f("input.placeholder", "ph")}, Messages: []string{"empty"}}
	add("placeholder-empty-quotes", "an empty quoted string", in, c)

	in = (&input{}).mark("ph", "[object Promise]")
	c = Case{Stop: true, Findings: []Finding{in.f("input.placeholder", "ph")}, Messages: []string{"not awaited"}}
	add("placeholder-promise", "a Promise turned into text", in, c)

	in = (&input{}).put("Authorization: Basic YWxpY2U6czNjcjN0\r\n")
	c = Case{Stop: true, Findings: []Finding{{"input.not-a-token", 0, 0}}, Messages: []string{"Basic credentials"}}
	add("not-a-token-basic", "HTTP Basic credentials", in, c)

	dots := strings.Repeat(".", 4000)
	in = (&input{}).put(dots)
	add("only-dots", "nothing but dots: passed on whole, for the decode work to count the segments; no ellipsis", in, tokenCase(dots))

	in = (&input{}).put("abc")
	add("short-word", "a short word with no dots that does not start like encoded JSON: no token, not a token cut short",
		in, Case{Stop: true, Findings: []Finding{{"input.not-a-token", 0, 0}}, Messages: []string{"short word"}})

	in = (&input{}).put(".e30.c2ln")
	add("empty-header", "an empty header segment: still token-like, as the payload starts like JSON", in, tokenCase(".e30.c2ln"))

	quoteIn := small[:60] + `"` + small[60:]
	in = (&input{}).put(quoteIn)
	add("quote-inside", "a stray quote inside the token stays in it, for the decode work to point at", in, tokenCase(quoteIn))

	noneCut := "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhbGljZSJ9."
	in = (&input{}).put(noneCut).mark("dots", "...")
	c = tokenCase(noneCut + "...")
	c.Ellipsis = &Finding{"ellipsis", in.marks["dots"][0] - 1, 4}
	add("dot-then-ellipsis", "a trailing dot then a logger's ...: the whole run of dots is the ellipsis, as the decode work counts it", in, c)

	in = (&input{}).put("https://api.example.com/cb?state=x&id_token=").mark("tok", enc).put("&x=1")
	c = tokenCase(small, Finding{"input.extracted", in.marks["tok"][0], len(enc)}, Finding{"input.url-encoded", in.marks["tok"][0] + first, 3})
	c.Messages = []string{"URL query parameter id_token", "%2E for '.'"}
	add("url-query-encoded", "a URL query parameter holding a percent-encoded token", in, c)

	in = (&input{}).put(small[:40]).mark("nbsp", "\u00A0").put(small[40:])
	c = tokenCase(small, in.f("input.inner-whitespace", "nbsp"), in.f("input.invisible-char", "nbsp"))
	c.Messages = []string{"U+00A0", "inside the token"}
	add("nbsp-inside", "a no-break space inside the token", in, c)

	in = (&input{}).put("user=alice token=").mark("a", small).put(" other=").mark("b", idTok)
	c = tokenCase(small, in.f("input.extracted", "a"))
	c.Candidates = []Candidate{in.c("log field other", "b")}
	add("two-tokens-one-line", "two tokens on one log line: the first is chosen, neither swallows the other", in, c)

	sig := large[strings.LastIndexByte(large, '.')+1:]
	head := large[:len(large)-len(sig)]
	in = (&input{}).put("token=").mark("tok", head+sig[:20]).put("\nnext line of the log")
	c = tokenCase(head+sig[:20], in.f("input.extracted", "tok"))
	add("cut-then-text", "a cut token followed by more log text on the next line, which must not be joined", in, c)

	in = (&input{}).mark("tok", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhbGljZSJ9.")
	add("alg-none-trailing-dot", "an unsecured token with its trailing dot, which is no ellipsis", in, tokenCase("eyJhbGciOiJub25lIn0.eyJzdWIiOiJhbGljZSJ9."))

	in = (&input{}).put(`{"level":"warn","msg":"auth failed","headers":{"authorization":"Bearer `).mark("tok", small).put(`","user-agent":"okhttp/4.12"}}`)
	c = tokenCase(small, in.f("input.extracted", "tok"))
	c.Messages = []string{"from JSON member authorization"}
	add("json-log-bearer", "a JSON log line holding a whole Authorization header value", in, c)

	in = (&input{}).put("curl 'https://api.example.com/v1/me' \\\n  -H 'accept: application/json' \\\n  -H 'authorization: Bearer ").
		mark("tok", large).put("' \\\n  --compressed").mark("nl", "\n")
	c = tokenCase(large, in.f("input.extracted", "tok"), in.f("input.trimmed", "nl"))
	c.Messages = []string{"the authorization header of a curl command"}
	add("curl-browser", "a browser's Copy as cURL (bash), over several lines", in, c)

	in = (&input{}).put(`curl ^"https://api.example.com/v1/me^" -H ^"authorization: Bearer `).mark("tok", small).put(`^" --compressed`)
	c = tokenCase(small, in.f("input.extracted", "tok"))
	c.Messages = []string{"the authorization header of a curl command"}
	add("curl-windows", "a browser's Copy as cURL (cmd), with ^\" quoting", in, c)

	in = (&input{}).put("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nSet-Cookie: session=").mark("tok", small).put("; Path=/; Secure; HttpOnly").mark("nl", "\r\n\r\n")
	c = tokenCase(small, in.f("input.extracted", "tok"), in.f("input.trimmed", "nl"))
	c.Messages = []string{"from cookie session"}
	add("http-response-cookie", "an HTTP response setting the token as a cookie", in, c)

	// A stray character inside the token stays in it, for the decode work to point at;
	// the rest of the token is not dropped as separate text.
	for _, v := range []struct{ name, at, ch, about string }{
		{"stray-star", "payload", "*", "a * typed into the payload"},
		{"stray-bang-header", "header", "!", "a ! typed into the header"},
		{"stray-semicolon", "payload", ";", "a ; inside the payload, followed by more of the token"},
		{"stray-equals", "payload", "=", "an = inside the payload that must not read as key=value"},
		{"stray-eacute", "signature", "é", "an é inside the signature"},
	} {
		pos := map[string]int{"header": 5, "payload": 100, "signature": len(large) - 10}[v.at]
		tok := large[:pos] + v.ch + large[pos:]
		in = (&input{}).put(tok)
		add(v.name, v.about+": the token is kept whole", in, tokenCase(tok))
	}
	// Typographic look-alikes in place of '-' and '.': read as them, each one reported.
	dash := strings.IndexByte(small, '-')
	if dash < 0 {
		log.Fatal("the small fixture token has no '-' to replace")
	}
	for _, v := range []struct{ name, ch, code string }{
		{"lookalike-hyphen-u2010", "\u2010", "U+2010 HYPHEN"},
		{"lookalike-hyphen-u2011", "\u2011", "U+2011 NON-BREAKING HYPHEN"},
		{"lookalike-minus-u2212", "\u2212", "U+2212 MINUS SIGN"},
		{"lookalike-en-dash-u2013", "\u2013", "U+2013 EN DASH"},
	} {
		in = (&input{}).put(small[:dash]).mark("ch", v.ch).put(small[dash+1:])
		c = tokenCase(small, in.f("input.invisible-char", "ch"))
		c.Messages = []string{v.code + `, is at byte`, `where "-" belongs`}
		add(v.name, "a word processor's or chat's "+v.code+" in place of the token's '-'", in, c)
	}
	first = strings.IndexByte(small, '.')
	in = (&input{}).put(small[:first]).mark("ch", "\uFF0E").put(small[first+1:])
	c = tokenCase(small, in.f("input.invisible-char", "ch"))
	c.Messages = []string{"U+FF0E FULLWIDTH FULL STOP", `where "." belongs`}
	add("lookalike-fullwidth-dot", "a fullwidth full stop (an input method's) in place of the first dot", in, c)

	in = (&input{}).put(small[:60]).mark("ch", "\u3000").put(small[60:])
	c = tokenCase(small, in.f("input.inner-whitespace", "ch"), in.f("input.invisible-char", "ch"))
	c.Messages = []string{"U+3000 IDEOGRAPHIC SPACE"}
	add("ideographic-space-inside", "an ideographic space (U+3000) inside the token", in, c)

	in = (&input{}).put("2026-12-03 \u2014 auth \u2013 rejected token=").mark("tok", small).put(" \u2014 retry")
	c = tokenCase(small, in.f("input.extracted", "tok"))
	add("dashes-around", "em and en dashes in the log text around a token: no finding", in, c)
	in = (&input{}).put("session=").mark("tok", small).put(";HttpOnly;Secure")
	c = tokenCase(small, in.f("input.extracted", "tok"))
	add("cookie-no-spaces", "a whole token followed by ;HttpOnly: the attribute is separate text", in, c)

	// Line breaks pasted as a carriage return alone (tmux and many terminals send \r for a
	// line break when pasting): read as line breaks everywhere.
	in = (&input{}).put("GET /api/v1/me HTTP/1.1\rHost: api.example.com\rAuthorization: Bearer ").
		mark("tok", large).put("\rAccept: application/json").mark("nl", "\r\r")
	c = tokenCase(large, in.f("input.extracted", "tok"), in.f("input.trimmed", "nl"))
	c.Messages = []string{"taken from the Authorization header of an HTTP request"}
	add("http-request-cr", "a whole HTTP request pasted with CR line breaks", in, c)

	in = (&input{}).put(large[:64]).mark("br", "\r").put(wrap(large[64:], 64, "\r")).mark("nl", "\r")
	c = tokenCase(large, in.f("input.inner-whitespace", "br"), in.f("input.trimmed", "nl"))
	c.Messages = []string{"CR line breaks", "every 64 characters", "a trailing line break (CR)"}
	add("wrapped-64-cr", "the token broken every 64 characters with CR alone", in, c)

	in = (&input{}).put("{\r  \"refresh_token\": \"8xLOxBtZp8Gy5tb2pq0rJHzL\",\r  \"access_token\": \"").mark("tok", small).put("\"\r}")
	c = tokenCase(small, in.f("input.extracted", "tok"))
	c.Messages = []string{"from JSON member access_token"}
	add("json-body-cr", "a JSON body pasted with CR line breaks", in, c)

	in = (&input{}).put("INVITE sip:bob@example.net SIP/2.0\rVia: SIP/2.0/UDP pc33.example.com;branch=z9hG4bK776\rIdentity: ").
		mark("tok", passport).put(";info=<https://cert.example.org/passport.cer>;alg=ES256;ppt=shaken\rContent-Length: 0")
	c = tokenCase(passport, in.f("input.extracted", "tok"))
	c.Messages = []string{"taken from the Identity header of a SIP INVITE"}
	add("sip-invite-cr", "a SIP INVITE pasted with CR line breaks", in, c)

	in = (&input{}).mark("scheme", "Authorization: Bearer\r ").mark("tok", small)
	c = tokenCase(small, in.f("input.bearer-prefix", "scheme"))
	c.Messages = []string{"separate lines"}
	add("bearer-folded-cr", "a folded Authorization line whose break is a CR alone", in, c)

	// A Bearer scheme whose space was encoded, and a scheme with no token after it.
	in = (&input{}).mark("scheme", "Bearer%20").mark("tok", small)
	c = tokenCase(small, in.f("input.bearer-prefix", "scheme"))
	c.Messages = []string{"percent-encoded as %20"}
	add("bearer-pct20", "Bearer%20 in front of the token (a URL-encoded header value)", in, c)

	in = (&input{}).mark("scheme", "Bearer+").mark("tok", small)
	c = tokenCase(small, in.f("input.bearer-prefix", "scheme"))
	c.Messages = []string{"written as + (form encoding)"}
	add("bearer-plus", "Bearer+ in front of the token (a form-encoded header value)", in, c)

	in = (&input{}).mark("ph", "Bearer").put(" ")
	c = Case{Stop: true, Findings: []Finding{in.f("input.placeholder", "ph")}, Messages: []string{"holds only the scheme, no token"}}
	add("bearer-empty", "`Bearer $TOKEN` with $TOKEN unset: the scheme alone", in, c)

	in = (&input{}).put("Authorization: ").mark("ph", "Bearer").put(" \r\n")
	c = Case{Stop: true, Findings: []Finding{in.f("input.placeholder", "ph")}, Messages: []string{"holds only the scheme, no token"}}
	add("authorization-bearer-empty", "an Authorization header line with the scheme alone", in, c)

	in = (&input{}).put("curl -sS -H 'Authorization: ").mark("ph", "Bearer").put(" ' https://api.example.com/v1/me")
	c = Case{Stop: true, Findings: []Finding{in.f("input.placeholder", "ph")}, Messages: []string{"holds only the scheme, no token"}}
	add("curl-bearer-empty", "a curl command whose Authorization header was built from an empty variable", in, c)

	in = (&input{}).put(`{"token_type":"Bearer","headers":{"authorization":"`).mark("ph", "Bearer").put(` "}}`)
	c = Case{Stop: true, Findings: []Finding{in.f("input.placeholder", "ph")}, Messages: []string{"holds only the scheme, no token"}}
	add("json-bearer-empty", "a JSON log of headers whose authorization value is the scheme alone (token_type Bearer is not it)", in, c)

	in = (&input{}).put("GET / HTTP/1.1\r\nHost: a.example\r\n\r\n")
	c = Case{Stop: true, Findings: []Finding{{"input.not-a-token", 0, 0}}, Messages: []string{"it looks like an HTTP request with no JWT"}}
	add("not-a-token-http", "an HTTP request without any token", in, c)

	in = (&input{}).put("GET / HTTP/1.1\r\nHost: a.example\r\nAuthorization: ").mark("ph", "Bearer").put(" \r\nAccept: */*\r\n\r\n")
	c = Case{Stop: true, Findings: []Finding{in.f("input.placeholder", "ph")}, Messages: []string{"holds only the scheme, no token"}}
	add("http-request-bearer-empty", "an HTTP request whose Authorization header holds the scheme alone", in, c)

	// Dotted words that are not tokens: said what they look like, not called truncated.
	for _, v := range []struct{ name, text, says string }{
		{"dotted-file-name", "t-hs256.txt", "a file name"},
		{"dotted-file-path", "./tokens/id.jwt", "a file name"},
		{"dotted-foo-bar", "foo.bar", "a domain name"},
		{"dotted-domain", "example.com", "a domain name"},
		{"dotted-opaque-google", "ya29.a0AfH6SMBx3opaque", "an opaque access token, not a JWT"},
		{"dotted-version", "1.2.3", "a version number"},
	} {
		in = (&input{}).put(v.text)
		add(v.name, "a dotted word given as the token: "+v.says, in,
			Case{Stop: true, Findings: []Finding{{"input.not-a-token", 0, 0}}, Messages: []string{v.says}})
	}
	in = (&input{}).put(small[:strings.IndexByte(small, '.')-3])
	add("cut-before-first-dot", "a JWT cut inside its header: still starts with eyJ, passed on for the decode work to call truncated", in, tokenCase(small[:strings.IndexByte(small, '.')-3]))

	// A stray dot after a whole token, and two whole tokens glued together.
	in = (&input{}).mark("tok", small).mark("dot", ".")
	c = tokenCase(small, in.f("input.extracted", "dot"))
	c.Messages = []string{"1 stray trailing dot", "HS256 signature is complete at 32 bytes"}
	add("trailing-dot", "a whole token followed by a stray dot", in, c)

	in = (&input{}).put("Use this token: ").mark("tok", small).mark("dot", ".").put("\n")
	c = tokenCase(small, in.f("input.extracted", "tok"), in.f("input.extracted", "dot"), Finding{"input.trimmed", in.marks["dot"][0] + 1, 1})
	add("trailing-dot-sentence", "a whole token ending a sentence with a full stop", in, c)

	in = (&input{}).mark("tok", small).mark("dot", "..")
	c = tokenCase(small, in.f("input.extracted", "dot"))
	c.Messages = []string{"2 stray trailing dots"}
	add("trailing-two-dots", "a whole token followed by two stray dots", in, c)

	noneTok := "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhbGljZSJ9."
	in = (&input{}).mark("tok", noneTok).mark("dot", ".")
	c = tokenCase(noneTok, in.f("input.extracted", "dot"))
	add("alg-none-extra-dot", "an unsecured token with its own trailing dot and one more", in, c)

	in = (&input{}).mark("tok", small).mark("second", idTok)
	c = tokenCase(small, in.f("input.extracted", "second"))
	c.Candidates = []Candidate{in.c("a second token glued to the first", "second")}
	c.Messages = []string{"Two tokens were glued together", "HS256 signature is complete (32 bytes)"}
	add("glued-tokens", "two whole tokens with nothing between them", in, c)

	in = (&input{}).put("token=").mark("tok", small).mark("second", idTok).put(" user=alice")
	c = tokenCase(small, in.f("input.extracted", "tok"), in.f("input.extracted", "second"))
	c.Candidates = []Candidate{in.c("a second token glued to the first", "second")}
	add("glued-tokens-log", "two whole tokens glued together in a log field", in, c)

	// UTF-16 files, as Windows PowerShell's Out-File and > write them: decoded, with every
	// offset pointing at the UTF-16 bytes.
	u16 := func(s string, be bool) string {
		var b strings.Builder
		for _, u := range utf16.Encode([]rune(s)) {
			if be {
				b.WriteByte(byte(u >> 8))
				b.WriteByte(byte(u))
			} else {
				b.WriteByte(byte(u))
				b.WriteByte(byte(u >> 8))
			}
		}
		return b.String()
	}
	in = (&input{}).mark("bom", "\xFF\xFE").mark("tok", u16(small, false)).mark("nl", u16("\r\n", false))
	c = tokenCase(small, in.f("input.invisible-char", "bom"), in.f("input.trimmed", "nl"))
	c.Messages = []string{"UTF-16 (little-endian, with the byte order mark FF FE)", "Out-File -Encoding utf8"}
	add("utf16le-bom", "a token saved by PowerShell's Out-File: UTF-16LE with a BOM and CRLF", in, c)

	in = (&input{}).mark("tok", u16(small, false))
	c = tokenCase(small, Finding{"input.invisible-char", 0, 0})
	c.Messages = []string{"UTF-16 (little-endian, without a byte order mark)"}
	add("utf16le-no-bom", "UTF-16LE without a BOM: every other byte NUL", in, c)

	in = (&input{}).mark("bom", "\xFF\xFE").put(u16(small[:dash], false)).mark("ch", u16("\u2010", false)).put(u16(small[dash+1:], false))
	c = tokenCase(small, in.f("input.invisible-char", "bom"), in.f("input.invisible-char", "ch"))
	c.Messages = []string{fmt.Sprintf("U+2010 HYPHEN, is at byte %d,", in.marks["ch"][0])}
	add("utf16le-lookalike", "UTF-16LE with a typographic hyphen in the token: the message names the UTF-16 byte", in, c)

	in = (&input{}).mark("bom", "\xFE\xFF").mark("scheme", u16("Authorization: Bearer ", true)).mark("tok", u16(small, true))
	c = tokenCase(small, in.f("input.invisible-char", "bom"), in.f("input.bearer-prefix", "scheme"))
	c.Messages = []string{"big-endian"}
	add("utf16be-bom-authorization", "an Authorization line in UTF-16BE with its BOM", in, c)

	// The Authorization header is what the server reads: its token is chosen even when it
	// is cut and a cookie holds a whole one, so the cut is what the person sees.
	in = (&input{}).put("Authorization: Bearer ").mark("tok", large[:120]).put("\nCookie: s=").mark("ck", small).mark("nl", "\n")
	c = tokenCase(large[:120], in.f("input.extracted", "tok"), in.f("input.trimmed", "nl"))
	c.Candidates = []Candidate{in.c("cookie s", "ck")}
	add("authorization-cut-cookie-whole", "a cut token in the Authorization header and a whole one in a cookie", in, c)

	in = (&input{}).put("POST /v1/orders HTTP/1.1\r\nHost: api.example.com\r\nCookie: sid=").mark("ck", idTok).
		put("\r\nAuthorization: Bearer ").mark("tok", large).put("\r\nContent-Type: application/json\r\n\r\n{\"id_token\":\"").mark("body", idTok).put("\"}")
	c = tokenCase(large, in.f("input.extracted", "tok"))
	c.Candidates = []Candidate{in.c("cookie sid", "ck"), in.c("JSON member id_token", "body")}
	c.Messages = []string{"taken from the Authorization header of an HTTP request"}
	add("http-request-authorization-first", "an HTTP request with tokens in a cookie, the Authorization header and the body", in, c)

	// Counts of one in the singular, and pasted text quoted once (Sanitize, no %q).
	in = (&input{}).mark("tok", small).mark("sp", " ")
	c = tokenCase(small, in.f("input.trimmed", "sp"))
	c.Messages = []string{"Removed 1 byte of trailing whitespace"}
	add("trailing-one-space", "a token and one trailing space", in, c)

	in = (&input{}).mark("sp", " ").mark("tok", small)
	c = tokenCase(small, in.f("input.trimmed", "sp"))
	c.Messages = []string{"Removed 1 byte of leading whitespace"}
	add("leading-one-space", "one leading space and a token", in, c)

	in = (&input{}).mark("ph", "<your\\token\x1b[2J>")
	c = Case{Stop: true, Findings: []Finding{in.f("input.placeholder", "ph")}, Messages: []string{`"<your\token\e[2J>"`}}
	add("placeholder-backslash-escape", "a template placeholder holding a backslash and an ESC: quoted once, the ESC made visible", in, c)

	wrappedCases(add, tokenCase)

	data, err := json.MarshalIndent(cases, "", "  ")
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("testdata", "input", "cases.json"), append(data, '\n'), 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("wrote %d fixtures to testdata/input\n", len(cases))
}
