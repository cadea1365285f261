package explain

import "strings"

// Advice is the "why this happens and how to fix it" of a finding code.
type Advice struct {
	Why string
	Fix string
}

// advice holds the paragraphs, by exact code or by family (the part before the dot, with
// a trailing ".*").
var advice = map[string]Advice{
	"structure.truncated": {
		Why: "Something between the issuer and you cut the token short. HTTP proxies, load balancers and SIP servers cap a header line at 4–8 KiB and drop or cut what is longer; log lines are cut at a fixed length; terminals and chat tools wrap or trim long lines when copied.",
		Fix: "Compare the length at the source with the length here: print len(token) where it is issued and where it is received. Log the full value (or its length and a SHA-256) instead of a prefix, raise the proxy's header limit (nginx large_client_header_buffers, Kamailio/SIP message size), or keep the token small (fewer claims, a shorter key id, ES256 instead of RS512).",
	},
	"structure.segment-count": {
		Why: "A JWS has exactly three dot-separated segments and a JWE five. Another count means part of the token was lost, two tokens were joined, or this is not a JWT at all (an opaque access token, a session id).",
		Fix: "Copy the token again from its source as a whole. If it comes from an OAuth server, check whether it issues JWTs at all: many issue opaque tokens that only the server can read (RFC 7662 introspection).",
	},
	"structure.empty-segment": {
		Why: "A segment that must hold data is empty: a template that left a value out, or a token built by hand.",
		Fix: "Check the code that builds the token; every JWS needs a header and a payload, and a signature unless alg is none.",
	},
	"base64.*": {
		Why: "Each segment is base64url (RFC 4648 §5) without padding: letters, digits, '-' and '_'. Other characters come from transport: standard base64 ('+', '/', '=') from the wrong encoder, '%' escapes from a URL, or a character changed by an editor or chat tool.",
		Fix: "Use a base64url encoder without padding when building the token (every JWT library does); decode percent-encoding before use; copy the token from the raw source, not from a rendered page.",
	},
	"input.inner-whitespace": {
		Why: "The pasted text has spaces or line breaks inside the token: a terminal or e-mail wrapped a long line. The signature covers the exact text, so a server given the wrapped text fails to verify or decode it.",
		Fix: "jwtlens removed them to show the token. At the source, send the token on one line; when copying from a terminal, widen it or copy from a file (for example with `jq -r .access_token`).",
	},
	"input.url-encoded": {
		Why: "The token was percent-encoded (as in a URL query or a form body) and not decoded before use.",
		Fix: "Decode the parameter once (url.QueryUnescape) before handing the token to the JWT library.",
	},
	"input.invisible-char": {
		Why: "Invisible characters (a byte order mark, zero-width spaces, non-breaking spaces) came along with the copy, usually from a word processor, a wiki or a chat tool.",
		Fix: "Copy from a plain-text source, or strip the characters before use; servers reject them.",
	},
	"input.placeholder": {
		Why: "The text is a placeholder such as undefined or null: the client sent a variable that was never set, so there never was a token.",
		Fix: "Look at the client code that sets the Authorization header: the token was missing when the request was made (a login that failed, an expired session, a race at start-up).",
	},
	"input.not-a-token": {
		Why: "Nothing in the text looks like a JWT (base64url segments joined by dots, starting with eyJ).",
		Fix: "Copy the token itself: from the Authorization header after `Bearer `, from the id_token or access_token member of the JSON response, or from the cookie value.",
	},
	"json.*": {
		Why: "The segment decodes, but the bytes are not a complete JSON object: the token was cut short, built by hand, or encoded twice.",
		Fix: "If the token is also cut short, fix that first. Otherwise check the code that encodes the header and claims: it must base64url-encode the JSON text once.",
	},
	"header.alg-none": {
		Why: "alg none means nobody signed the token: anyone can write any claims. Libraries accept it only when told to, and attackers send it hoping they are.",
		Fix: "Never accept unsecured tokens outside tests. Pin the algorithms your server accepts (for example only RS256) instead of trusting the header.",
	},
	"header.alg-case": {
		Why: "JOSE algorithm names are case-sensitive. Spellings like None or hs256 are how attackers probe for libraries that compare without case.",
		Fix: "Treat the token as hostile; pin the accepted algorithms on the server.",
	},
	"header.remote-key": {
		Why: "jku and x5u name a URL to fetch the verification key from. A server that follows them lets the token choose its own key.",
		Fix: "Fetch keys only from a configured JWKS URL; ignore jku and x5u unless they match an allow-list.",
	},
	"header.embedded-key": {
		Why: "A key carried in the token (jwk, x5c) proves nothing: whoever forged the token made that key too.",
		Fix: "Verify with a key you already trust; use an embedded certificate only after validating its chain to a trusted root.",
	},
	"signature.invalid": {
		Why: "The signature does not match the header and payload under this key. Either the key is not the one that signed (a different environment, a rotated key, the wrong kid), or the token text changed after signing (re-encoded, cut, edited).",
		Fix: "Check the kid in the header against your key set, and that you verify with the issuer's current public key (or the exact shared secret: no trailing newline, not base64-decoded by mistake). Compare the token byte for byte with what was issued.",
	},
	"signature.length": {
		Why: "The signature has the wrong size for its algorithm: a cut token, or a signature made with another algorithm or key size than the header says.",
		Fix: "If the token is cut short, fix that first; otherwise compare the signer's configured algorithm and key with the header's alg.",
	},
	"signature.der-encoded": {
		Why: "JWS ECDSA signatures are the raw R and S numbers joined (RFC 7518 §3.4); this one is in ASN.1 DER, the form OpenSSL and most crypto APIs produce.",
		Fix: "Convert the DER signature to R‖S in the signer (every JWT library does this; hand-rolled signing code often forgets).",
	},
	"signature.unexpected": {
		Why: "The header says alg none (no signature) yet a signature follows: the classic way to forge a token is to take a signed one, set alg to none and hope the server skips the check.",
		Fix: "Refuse it. Pin the algorithms the server accepts instead of reading them from the token; never accept none in production.",
	},
	"signature.missing": {
		Why: "The algorithm needs a signature but the third segment is empty: the signature was stripped, or the token was built without signing.",
		Fix: "Refuse the token; find where the signature is lost (a log that keeps only header.payload, a proxy that cuts at the last dot).",
	},
	"key.alg-confusion": {
		Why: "The token says HMAC, and the key given is a public key. Using public key bytes as an HMAC secret is the classic forgery: the public key is public, so anyone could have signed.",
		Fix: "Verify RS/ES/PS/EdDSA tokens with public keys and HS tokens with the shared secret only; pin the algorithm on the server rather than reading it from the token.",
	},
	"key.type-mismatch": {
		Why: "The key's family cannot check this algorithm: RS and PS need RSA keys, ES needs EC keys, EdDSA needs Ed25519 and HS needs a shared secret.",
		Fix: "Choose the issuer's key of the right kind (ctrl+o); a JWKS often holds several, told apart by kid and kty.",
	},
	"key.curve-mismatch": {
		Why: "Each ES algorithm is tied to one curve: ES256 to P-256, ES384 to P-384, ES512 to P-521.",
		Fix: "Use the issuer's key on the matching curve.",
	},
	"key.kid-not-found": {
		Why: "The token names a key id the key set does not hold: the issuer rotated its keys, or this is another environment's set.",
		Fix: "Fetch the issuer's current JWKS; if the kid is still missing, the token comes from elsewhere.",
	},
	"key.weak": {
		Why: "RSA keys under 2048 bits can be factored; an HMAC secret shorter than the hash output can be guessed offline from one token.",
		Fix: "Use RSA 2048+ or EC keys, and HMAC secrets of at least 32 random bytes for HS256.",
	},
	"claims.expired": {
		Why: "exp is in the past: the token's lifetime is over, or the server's clock runs ahead of the issuer's.",
		Fix: "Get a fresh token (refresh it). If it was just issued, compare the clocks of issuer and server (NTP) or allow a small leeway.",
	},
	"claims.not-yet-valid": {
		Why: "nbf is in the future: the token is not valid yet, usually because the issuer's clock runs ahead of the server's.",
		Fix: "Synchronise the clocks (NTP), or allow a small leeway for nbf.",
	},
	"claims.issued-in-future": {
		Why: "iat is in the future: the issuer's clock runs ahead of this machine's.",
		Fix: "Synchronise the clocks with NTP.",
	},
	"claims.time-unit": {
		Why: "NumericDates are seconds since 1970 (RFC 7519 §2). A 13-digit value is milliseconds (JavaScript's Date.now()), which puts the date tens of thousands of years away.",
		Fix: "Divide by 1000 when issuing: Math.floor(Date.now() / 1000).",
	},
	"claims.expect-failed": {
		Why: "A claim does not have the value the server expects (audience, issuer, subject…): the token was issued for another service or environment.",
		Fix: "Request the token for the right audience, or fix the server's expected value.",
	},
}

// adviceFor returns the advice for a code: the exact entry, else its family's.
func adviceFor(code string) (Advice, bool) {
	if a, ok := advice[code]; ok {
		return a, true
	}
	if i := strings.IndexByte(code, '.'); i > 0 {
		a, ok := advice[code[:i]+".*"]
		return a, ok
	}
	return Advice{}, false
}
