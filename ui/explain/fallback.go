package explain

import "jwtlens/inspect"

// fallback explains the registered JWS header parameters and JWT claims when
// inspect.Explain does not know them (it is the catalogue of record; this keeps explain
// mode useful for the names every token has while that catalogue is incomplete).
var fallback = map[inspect.Part]map[string]inspect.Explanation{
	inspect.PartHeader: {
		"alg":      {Title: "Algorithm", Meaning: "how the token is signed (or encrypted); the receiver must check it against the algorithms it accepts.", Ref: "RFC 7515 §4.1.1"},
		"typ":      {Title: "Type", Meaning: "the media type of the whole token, usually JWT.", Ref: "RFC 7515 §4.1.9"},
		"cty":      {Title: "Content type", Meaning: "what the payload is; JWT means the payload is itself a token.", Ref: "RFC 7515 §4.1.10"},
		"kid":      {Title: "Key ID", Meaning: "which of the issuer's keys signed it, to pick from a key set.", Ref: "RFC 7515 §4.1.4"},
		"jku":      {Title: "JWK Set URL", Meaning: "where the signer says its keys are; never trust it without an allow-list.", Ref: "RFC 7515 §4.1.2"},
		"jwk":      {Title: "JSON Web Key", Meaning: "a public key carried in the token itself; it cannot vouch for the token.", Ref: "RFC 7515 §4.1.3"},
		"x5u":      {Title: "X.509 URL", Meaning: "where the signer's certificate is said to be.", Ref: "RFC 7515 §4.1.5"},
		"x5c":      {Title: "X.509 certificate chain", Meaning: "the signer's certificate chain, trusted only once validated to a known root.", Ref: "RFC 7515 §4.1.6"},
		"x5t":      {Title: "X.509 SHA-1 thumbprint", Meaning: "names the signer's certificate by its SHA-1 hash.", Ref: "RFC 7515 §4.1.7"},
		"x5t#S256": {Title: "X.509 SHA-256 thumbprint", Meaning: "names the signer's certificate by its SHA-256 hash.", Ref: "RFC 7515 §4.1.8"},
		"crit":     {Title: "Critical", Meaning: "header parameters the receiver must understand, or reject the token.", Ref: "RFC 7515 §4.1.11"},
		"enc":      {Title: "Encryption", Meaning: "how the payload of a JWE is encrypted with the content key.", Ref: "RFC 7516 §4.1.2"},
		"zip":      {Title: "Compression", Meaning: "the payload was compressed (DEF) before encryption.", Ref: "RFC 7516 §4.1.3"},
	},
	inspect.PartPayload: {
		"iss":       {Title: "Issuer", Meaning: "who made and signed the token.", Ref: "RFC 7519 §4.1.1"},
		"sub":       {Title: "Subject", Meaning: "whom the token is about, usually a user id, unique within the issuer.", Ref: "RFC 7519 §4.1.2"},
		"aud":       {Title: "Audience", Meaning: "the services the token is meant for; a service must refuse a token not addressed to it.", Ref: "RFC 7519 §4.1.3"},
		"exp":       {Title: "Expiration time", Meaning: "the moment the token stops being valid, in seconds since 1970.", Ref: "RFC 7519 §4.1.4", IsTime: true},
		"nbf":       {Title: "Not before", Meaning: "the moment the token starts being valid; before it, receivers must refuse it.", Ref: "RFC 7519 §4.1.5", IsTime: true},
		"iat":       {Title: "Issued at", Meaning: "when the token was made, which tells its age.", Ref: "RFC 7519 §4.1.6", IsTime: true},
		"jti":       {Title: "JWT ID", Meaning: "a unique id for this token, so a receiver can refuse a replay.", Ref: "RFC 7519 §4.1.7"},
		"auth_time": {Title: "Authentication time", Meaning: "when the user last logged in.", Ref: "OpenID Connect Core §2", IsTime: true},
		"nonce":     {Title: "Nonce", Meaning: "ties an ID token to the login request that asked for it, against replay.", Ref: "OpenID Connect Core §2"},
		"azp":       {Title: "Authorized party", Meaning: "the client the ID token was issued to.", Ref: "OpenID Connect Core §2"},
		"scope":     {Title: "Scope", Meaning: "the permissions granted, separated by spaces.", Ref: "RFC 8693 §4.2"},
		"client_id": {Title: "Client ID", Meaning: "the OAuth client the token was issued to.", Ref: "RFC 8693 §4.3"},
	},
}
