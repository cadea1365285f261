package inspect

// CodeInfo describes one finding code of the stable catalogue.
type CodeInfo struct {
	Code     string
	Severity Severity // the usual severity (a few codes vary with the part they are about)
	Meaning  string   // what it means, one line, for documentation and explain mode
}

// Catalogue lists every finding code the package can produce. Codes are part of the
// product's interface: the JSON output carries them and the README documents them; add
// codes, never rename them.
var Catalogue = []CodeInfo{
	{"input.empty", Error, "nothing to inspect"},
	{"input.too-large", Error, "input over the size cap (default 1 MiB, configurable)"},
	{"input.trimmed", Info, "leading/trailing whitespace removed"},
	{"input.bearer-prefix", Info, "`Bearer ` / `Authorization:` scheme removed"},
	{"input.quoted", Info, "surrounding quotes removed"},
	{"input.extracted", Info, "token taken out of surrounding text (cookie, JSON body, URL, HTTP or SIP message, log line)"},
	{"input.inner-whitespace", Warning, "whitespace or line breaks inside the token (wrapped paste); the text as pasted would not verify"},
	{"input.url-encoded", Warning, "percent-encoding decoded"},
	{"input.invisible-char", Warning, "BOM, zero-width, NBSP or bidi characters in the token"},
	{"input.placeholder", Error, "`undefined`, `null`, `[object Object]`… sent instead of a token"},
	{"input.not-a-token", Error, "nothing in the input looks like a JWT"},
	{"structure.segment-count", Error, "not 3 (JWS) or 5 (JWE) segments; says how many and what that suggests"},
	{"structure.truncated", Error, "the token was cut short"},
	{"structure.empty-segment", Error, "a segment that must not be empty is empty"},
	{"structure.jwe", Info, "5 segments: an encrypted token; header shown, payload cannot be without the key"},
	{"structure.nested", Info, "the payload is itself a JWT (`cty: JWT`)"},
	{"base64.invalid-char", Error, "a character outside base64url, with its offset and what it suggests"},
	{"base64.bad-length", Error, "segment length ≡ 1 (mod 4): impossible, a character is missing or extra"},
	{"base64.padding", Warning, "`=` padding present (not allowed in JWS)"},
	{"base64.std-alphabet", Warning, "`+` or `/` used (standard base64, not base64url)"},
	{"base64.non-canonical", Warning, "unused trailing bits set: the text differs from what any encoder makes"},
	{"json.invalid", Error, "segment is not valid JSON, with the offset"},
	{"json.truncated", Error, "JSON ends early: cut off"},
	{"json.not-object", Error, "JSON, but not an object"},
	{"json.not-utf8", Error, "decoded bytes are not UTF-8"},
	{"json.duplicate-key", Warning, "a member name appears twice; parsers disagree on which wins (an error in the header)"},
	{"header.alg-missing", Error, "no `alg`"},
	{"header.alg-none", Warning, "unsecured token: nothing protects its integrity"},
	{"header.alg-case", Warning, "`None`, `NONE`, `hs256`…: known attack spellings"},
	{"header.alg-unknown", Error, "an `alg` no JOSE registry names"},
	{"header.crit", Warning, "`crit` names extensions that must be understood"},
	{"header.remote-key", Warning, "`jku` or `x5u`: the token names where to fetch its own key; never fetched"},
	{"header.embedded-key", Warning, "`jwk` or `x5c` in the header: a key the token brings cannot vouch for the token"},
	{"header.kid-suspicious", Warning, "`kid` with path, quote, shell or SQL characters, or not a string"},
	{"signature.missing", Error, "empty signature where `alg` needs one"},
	{"signature.unexpected", Error, "`alg: none` with a signature present"},
	{"signature.length", Error, "signature length does not fit the `alg` (and key): expected vs found"},
	{"signature.der-encoded", Error, "ECDSA signature in ASN.1 DER, not the raw R‖S that JWS needs"},
	{"signature.not-verified", Info, "no key given: nothing said about the signature"},
	{"signature.verified", Info, "verified with the named key"},
	{"signature.invalid", Error, "does not verify with the given key"},
	{"key.unreadable", Error, "not a key in any known format; says what it looked like"},
	{"key.escaped-newlines", Warning, "literal `\\n` in a PEM (env var, JSON) repaired"},
	{"key.pem-repaired", Warning, "PEM with lost line breaks or armour repaired"},
	{"key.private", Info, "a private key was given; its public half is used"},
	{"key.certificate", Info, "X.509 certificate; its public key is used (subject, validity, fingerprint shown)"},
	{"key.type-mismatch", Error, "key family does not fit `alg` (RSA vs EC vs Ed25519 vs HMAC secret)"},
	{"key.curve-mismatch", Error, "EC curve does not fit `alg` (ES256 needs P-256…)"},
	{"key.alg-confusion", Error, "HMAC token with public-key material as the secret: the classic forgery; refused"},
	{"key.weak", Warning, "RSA under 2048 bits, HMAC secret shorter than the hash"},
	{"key.kid-not-found", Error, "the token's `kid` is not in the key set; lists those that are"},
	{"key.kid-mismatch", Warning, "verifies, but with a different key than `kid` names"},
	{"key.secret-whitespace", Warning, "verifies only after trimming the secret's trailing newline"},
	{"key.secret-encoding", Warning, "verifies only with the secret base64- or hex-decoded (or the reverse)"},
	{"key.jwk-encoding", Warning, "JWK members padded, standard base64, or with leading zero octets"},
	{"key.not-for-signing", Warning, "a JWK whose `use`, `key_ops` or `alg` rules it out for verifying this token; not used"},
	{"claims.expired", Error, "`exp` is past (with leeway)"},
	{"claims.not-yet-valid", Error, "`nbf` is in the future (with leeway)"},
	{"claims.issued-in-future", Warning, "`iat` is in the future: clock skew?"},
	{"claims.time-type", Warning, "a NumericDate that is a string, or fractional"},
	{"claims.time-unit", Warning, "a NumericDate that looks like milliseconds or a duration"},
	{"claims.aud-shape", Warning, "`aud` empty, or an array holding non-strings"},
	{"claims.expect-failed", Error, "an expected claim value (`--expect`, Kamailio-style `--claims`) does not match"},
	{"claims.no-exp", Info, "no `exp`: the token never expires"},
	{"text.control-chars", Warning, "decoded text holds terminal control sequences or bidi overrides (shown escaped)"},
}

// LookupCode returns the catalogue entry for code, and false when the code is unknown.
func LookupCode(code string) (CodeInfo, bool) {
	for _, c := range Catalogue {
		if c.Code == code {
			return c, true
		}
	}
	return CodeInfo{}, false
}
