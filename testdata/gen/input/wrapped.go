package main

import (
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

// rsaKeyFile is the RSA 2048 fixture key of testdata/gen/keys (deterministic, published
// there as a test key); the wrapped cases sign RS256 tokens with it, so their 342-character
// signatures are what a real RS256 token carries.
const rsaKeyFile = "testdata/keys/rsa2048.pkcs1.pem"

func signRS256(claims jwt.MapClaims) string {
	pem, err := os.ReadFile(filepath.FromSlash(rsaKeyFile))
	if err != nil {
		log.Fatalf("reading %s (run `go run ./testdata/gen/keys` first): %v", rsaKeyFile, err)
	}
	key, err := jwt.ParseRSAPrivateKeyFromPEM(pem)
	if err != nil {
		log.Fatal(err)
	}
	s, err := jwt.NewWithClaims(jwt.SigningMethodRS256, claims).SignedString(key)
	if err != nil {
		log.Fatal(err)
	}
	return s
}

// wrappedCases adds the fixtures of tokens that a terminal, a base64 wrapper, a logger or
// header folding broke over several lines, in every place a token is pasted from, and the
// fixtures that must NOT be joined: two tokens on consecutive lines, a word after a whole
// token. The expected offsets come from construction, as everywhere in this generator.
func wrappedCases(add func(string, string, *input, Case), tokenCase func(string, ...Finding) Case) {
	rs := signRS256(jwt.MapClaims{
		"iss": "https://auth.example.com/", "sub": "user-4711", "aud": "api.example.com",
		"iat": 1767225600, "exp": 1767229200, "name": "Ada Example", "email": "ada@example.com",
	})
	small := sign(jwt.MapClaims{"sub": "1234567890", "name": "Alice Example", "iat": 1767225600})
	other := sign(jwt.MapClaims{"sub": "bob", "iat": 1767225600})
	dot1 := strings.IndexByte(rs, '.')
	dot2 := strings.LastIndexByte(rs, '.')

	// The report of issue 2: `Authorization: Bearer <64>\n<64>\n<rest>\n`.
	in := (&input{}).mark("scheme", "Authorization: Bearer ").put(rs[:64]).mark("br", "\n").put(wrap(rs[64:], 64, "\n")).mark("nl", "\n")
	c := tokenCase(rs, in.f("input.bearer-prefix", "scheme"), in.f("input.inner-whitespace", "br"), in.f("input.trimmed", "nl"))
	c.Messages = []string{"every 64 characters", "line breaks"}
	add("bearer-wrapped-64", "an Authorization line whose RS256 token was wrapped every 64 characters after the scheme", in, c)

	in = (&input{}).mark("scheme", "Bearer ").put(rs[:76]).mark("br", "\r\n").put(wrap(rs[76:], 76, "\r\n")).mark("nl", "\r\n")
	c = tokenCase(rs, in.f("input.bearer-prefix", "scheme"), in.f("input.inner-whitespace", "br"), in.f("input.trimmed", "nl"))
	c.Messages = []string{"every 76 characters", "CRLF line breaks"}
	add("bearer-wrapped-76-crlf", "Bearer and a token wrapped every 76 characters with CRLF (MIME base64 style)", in, c)

	in = (&input{}).put(`{"access_token": "`).mark("tok", rs[:64]+"\n"+wrap(rs[64:], 64, "\n")).put("\", \"token_type\": \"Bearer\", \"expires_in\": 3600}")
	in.marks["br"] = [2]int{in.marks["tok"][0] + 64, 1}
	c = tokenCase(rs, in.f("input.extracted", "tok"), in.f("input.inner-whitespace", "br"))
	c.Source = "JSON member access_token"
	add("json-wrapped", "a JSON body whose access_token string was wrapped over several lines", in, c)

	in = (&input{}).put(`{"access_token":"`).mark("tok", wrap(rs, 64, `\n`)).put(`","token_type":"Bearer"}`).mark("nl", "\n")
	in.marks["br"] = [2]int{in.marks["tok"][0] + 64, 2}
	c = tokenCase(rs, in.f("input.extracted", "tok"), in.f("input.inner-whitespace", "br"), in.f("input.trimmed", "nl"))
	c.Messages, c.Source = []string{`\n escapes`}, "JSON member access_token"
	add("json-escaped-newlines", "a JSON string holding the token with \\n escapes every 64 characters (a wrapped file read into JSON)", in, c)

	line := `2026-12-03T14:02:11.120Z WARN  [auth] rejected request path=/v1/me token=` + rs + ` user=ada reason="failed to decode jwt value"`
	p := strings.Index(line, rs)
	at := func(i int) int { return i + i/80 } // offset of line[i] once wrapped at 80
	firstBreak := (p/80 + 1) * 80
	in = (&input{marks: map[string][2]int{}}).put(wrap(line, 80, "\n"))
	in.marks["tok"] = [2]int{at(p), at(p+len(rs)-1) + 1 - at(p)}
	in.marks["br"] = [2]int{at(firstBreak) - 1, 1}
	c = tokenCase(rs, in.f("input.extracted", "tok"), in.f("input.inner-whitespace", "br"))
	c.Messages, c.Source = []string{"every 80 characters"}, "log field token"
	add("log-wrapped-80", "a log line wrapped by an 80-column terminal, the token spread over eight lines", in, c)

	in = (&input{}).mark("scheme", "Authorization: Bearer\r\n ").mark("tok", rs).mark("nl", "\r\n")
	c = tokenCase(rs, in.f("input.bearer-prefix", "scheme"), in.f("input.trimmed", "nl"))
	c.Messages = []string{"line break"}
	add("bearer-folded", "an Authorization header folded after the scheme (RFC 7230 obs-fold: the next line starts with a space)", in, c)

	in = (&input{}).mark("scheme", "Bearer\n").mark("tok", rs)
	c = tokenCase(rs, in.f("input.bearer-prefix", "scheme"))
	c.Messages = []string{"line break"}
	add("bearer-own-line", "the Bearer scheme alone on one line and the token on the next", in, c)

	folded := rs[:50] + "\r\n\t" + wrap(rs[50:], 64, "\r\n\t")
	in = (&input{}).put("GET /v1/me HTTP/1.1\r\nHost: api.example.com\r\nAuthorization: Bearer ").mark("tok", folded).put("\r\nAccept: */*").mark("nl", "\r\n\r\n")
	in.marks["br"] = [2]int{in.marks["tok"][0] + 50, 3}
	c = tokenCase(rs, in.f("input.extracted", "tok"), in.f("input.inner-whitespace", "br"), in.f("input.trimmed", "nl"))
	c.Messages, c.Source = []string{"folded"}, "the Authorization header of an HTTP request"
	add("http-folded-token", "an HTTP request whose Authorization value is folded over tab-indented lines", in, c)

	sipFold := small[:60] + "\r\n " + wrap(small[60:], 70, "\r\n ")
	in = (&input{}).put("INVITE sip:+12155551213@example.net SIP/2.0\r\n"+
		"Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds\r\n"+
		"From: <sip:+12155551212@atlanta.example.com>;tag=1928301774\r\nTo: <sip:+12155551213@example.net>\r\n"+
		"Call-ID: a84b4c76e66710@pc33.atlanta.example.com\r\nCSeq: 314159 INVITE\r\n"+
		"Identity: ").mark("tok", sipFold).
		put("\r\n ;info=<https://cert.example.org/passport.cer>;alg=ES256;ppt=shaken\r\n"+
			"Content-Type: application/sdp\r\nContent-Length: 57\r\n\r\n"+
			"v=0\r\no=- 1 1 IN IP4 192.0.2.101\r\ns=-\r\nc=IN IP4 192.0.2.101\r\nt=0 0").mark("nl", "\r\n")
	in.marks["br"] = [2]int{in.marks["tok"][0] + 60, 3}
	c = tokenCase(small, in.f("input.extracted", "tok"), in.f("input.inner-whitespace", "br"), in.f("input.trimmed", "nl"))
	c.Messages, c.Source = []string{"folded"}, "the Identity header of a SIP INVITE"
	add("sip-identity-folded", "a SIP INVITE whose Identity header is folded inside the token and before its parameters", in, c)

	in = (&input{}).mark("scheme", "Bearer ").put(rs[:dot2+1]).mark("br", "\n").put(rs[dot2+1:]).mark("nl", "\n")
	c = tokenCase(rs, in.f("input.bearer-prefix", "scheme"), in.f("input.inner-whitespace", "br"), in.f("input.trimmed", "nl"))
	add("break-after-second-dot", "a line break right after the dot before the signature", in, c)

	in = (&input{}).put(rs[:dot1+1]).mark("br", "\n").put(rs[dot1+1:])
	add("break-after-first-dot", "a line break right after the dot after the header", in, tokenCase(rs, in.f("input.inner-whitespace", "br")))

	// A break inside the signature where the part on the first line is by itself as long as
	// an RSA-1024 signature (171 characters, 128 bytes): only the whole is an RS256 size.
	cutAt := dot2 + 1 + 171
	in = (&input{}).put(rs[:cutAt]).mark("br", "\n").put(rs[cutAt:])
	add("break-at-rsa-size", "a line break inside the signature after 171 characters, the length of a 1024-bit RSA signature", in, tokenCase(rs, in.f("input.inner-whitespace", "br")))

	in = (&input{}).mark("a", small).put("\n").mark("b", other).mark("nl", "\n")
	c = tokenCase(small, in.f("input.extracted", "a"), in.f("input.trimmed", "nl"))
	c.Candidates = []Candidate{in.c("the surrounding text", "b")}
	add("two-tokens-lines", "two whole tokens on consecutive lines with nothing else: they stay apart", in, c)

	in = (&input{}).mark("a", rs).put("\n").mark("b", other)
	c = tokenCase(rs, in.f("input.extracted", "a"))
	c.Candidates = []Candidate{in.c("the surrounding text", "b")}
	add("two-tokens-lines-rs", "a whole RS256 token and an HS256 token on the next line: they stay apart", in, c)

	in = (&input{}).mark("tok", small).put("\nExpired").mark("nl", "\n")
	c = tokenCase(small, in.f("input.extracted", "tok"), in.f("input.trimmed", "nl"))
	add("token-then-word", "a whole token with a word on the next line, which is not glued on", in, c)

	in = (&input{}).mark("tok", rs).put("\nQmFzZTY0VGV4dA").mark("nl", "\n")
	c = tokenCase(rs, in.f("input.extracted", "tok"), in.f("input.trimmed", "nl"))
	add("token-then-base64", "a whole RS256 token with a base64-looking word on the next line: the signature is complete, so it is not glued on", in, c)
}
