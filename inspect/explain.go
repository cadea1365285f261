package inspect

// Explanation is one plain sentence about a header parameter or claim, for explain mode.
type Explanation struct {
	Name    string // e.g. "nbf"
	Title   string // e.g. "Not Before"
	Meaning string // one sentence
	Ref     string // e.g. "RFC 7519 §4.1.5"
	IsTime  bool   // a NumericDate
}

// Explain returns the explanation of a header parameter (part PartHeader) or claim (part
// PartPayload), and false when the name is not one the package knows. Names are matched
// exactly: JOSE names are case-sensitive, so "ALG" is not "alg".
func Explain(part Part, name string) (Explanation, bool) {
	var index map[string]int
	var table []Explanation
	switch part {
	case PartHeader:
		index, table = headerIndex, headerExplanations
	case PartPayload, PartClaims:
		index, table = claimIndex, claimExplanations
	default:
		return Explanation{}, false
	}
	if i, ok := index[name]; ok {
		return table[i], true
	}
	return Explanation{}, false
}

// Explanations returns every explanation the package has for a part (PartHeader or
// PartPayload), in the order of the specifications, for a glossary. The slice is a copy.
func Explanations(part Part) []Explanation {
	switch part {
	case PartHeader:
		return append([]Explanation(nil), headerExplanations...)
	case PartPayload, PartClaims:
		return append([]Explanation(nil), claimExplanations...)
	}
	return nil
}

// headerIndex and claimIndex find an explanation by name.
var (
	headerIndex = indexExplanations(headerExplanations)
	claimIndex  = indexExplanations(claimExplanations)
)

func indexExplanations(table []Explanation) map[string]int {
	m := make(map[string]int, len(table))
	for i, e := range table {
		m[e.Name] = i
	}
	return m
}

// headerExplanations covers the JOSE header: RFC 7515 §4.1 (JWS), RFC 7516 §4.1 (JWE),
// RFC 7518 §4 (algorithm-specific parameters), RFC 7797 (b64), RFC 7519 §5.3 (claims
// copied into the header) and the PASSporT extension parameter used in SIP.
var headerExplanations = []Explanation{
	{"alg", "Algorithm", "The algorithm that signs the token (or, in a JWE, encrypts its content key); a verifier must choose the algorithm itself and only check that this one is allowed.", "RFC 7515 §4.1.1", false},
	{"jku", "JWK Set URL", "A URL from which the issuer says the verifying key can be fetched; trusting it lets anyone who makes a token name their own key.", "RFC 7515 §4.1.2", false},
	{"jwk", "JSON Web Key", "The public key that signed the token, carried inside the token itself; it proves nothing unless it matches a key you already trust.", "RFC 7515 §4.1.3", false},
	{"kid", "Key ID", "A hint naming which of the issuer's keys signed the token, used to pick the key from a key set.", "RFC 7515 §4.1.4", false},
	{"x5u", "X.509 URL", "A URL from which the certificate of the signing key can be fetched; like jku, it must never be trusted just because the token names it.", "RFC 7515 §4.1.5", false},
	{"x5c", "X.509 Certificate Chain", "The certificate of the signing key and the chain above it, carried in the token; it only counts if the chain leads to a certificate authority you trust.", "RFC 7515 §4.1.6", false},
	{"x5t", "X.509 Certificate SHA-1 Thumbprint", "The SHA-1 fingerprint of the certificate whose key signed the token, used to pick that certificate.", "RFC 7515 §4.1.7", false},
	{"x5t#S256", "X.509 Certificate SHA-256 Thumbprint", "The SHA-256 fingerprint of the certificate whose key signed the token, used to pick that certificate.", "RFC 7515 §4.1.8", false},
	{"typ", "Type", "What kind of object the whole token is, such as JWT, at+jwt for an OAuth access token, or passport in SIP, so one kind of token cannot be passed off as another.", "RFC 7515 §4.1.9", false},
	{"cty", "Content Type", "What the payload is; JWT here means the payload is itself another token (a nested JWT).", "RFC 7515 §4.1.10", false},
	{"crit", "Critical", "A list of header parameters that the verifier must understand and process, or else reject the token.", "RFC 7515 §4.1.11", false},
	{"enc", "Encryption Algorithm", "The algorithm that encrypts the content of a JWE, such as A256GCM.", "RFC 7516 §4.1.2", false},
	{"zip", "Compression Algorithm", "The compression applied to a JWE's content before it was encrypted; DEF means DEFLATE.", "RFC 7516 §4.1.3", false},
	{"epk", "Ephemeral Public Key", "The one-time public key the sender made for an ECDH-ES key agreement in a JWE.", "RFC 7518 §4.6.1.1", false},
	{"apu", "Agreement PartyUInfo", "Information about the sender that is mixed into an ECDH-ES key agreement.", "RFC 7518 §4.6.1.2", false},
	{"apv", "Agreement PartyVInfo", "Information about the recipient that is mixed into an ECDH-ES key agreement.", "RFC 7518 §4.6.1.3", false},
	{"iv", "Initialization Vector", "The initialisation vector used to wrap the content key with AES-GCM key wrapping.", "RFC 7518 §4.7.1.1", false},
	{"tag", "Authentication Tag", "The authentication tag produced when the content key was wrapped with AES-GCM.", "RFC 7518 §4.7.1.2", false},
	{"p2s", "PBES2 Salt Input", "The salt used to turn a password into the key that wraps the content key.", "RFC 7518 §4.8.1.1", false},
	{"p2c", "PBES2 Count", "How many rounds of hashing turned a password into the key that wraps the content key.", "RFC 7518 §4.8.1.2", false},
	{"b64", "Base64url-Encode Payload", "Set to false, it means the payload was signed as raw bytes rather than base64url-encoded, which most JWT libraries do not support.", "RFC 7797 §3", false},
	{"iss", "Issuer (copied)", "The issuer claim copied into the header, so it can be read before the token is decrypted; it must match the one inside.", "RFC 7519 §5.3", false},
	{"sub", "Subject (copied)", "The subject claim copied into the header, so it can be read before the token is decrypted; it must match the one inside.", "RFC 7519 §5.3", false},
	{"aud", "Audience (copied)", "The audience claim copied into the header, so it can be read before the token is decrypted; it must match the one inside.", "RFC 7519 §5.3", false},
	{"ppt", "PASSporT Extension", "Names the PASSporT extension the token follows, such as shaken for caller-ID attestation in SIP.", "RFC 8225 §8", false},
}

// claimExplanations covers the payload: RFC 7519 §4.1, OpenID Connect Core, OAuth token
// exchange and access-token profiles, proof of possession, security events and PASSporT.
var claimExplanations = []Explanation{
	{"iss", "Issuer", "Who made and signed the token; a verifier accepts only issuers it trusts and takes the key from that issuer.", "RFC 7519 §4.1.1", false},
	{"sub", "Subject", "Whom the token is about, usually a user or client ID that is unique within the issuer.", "RFC 7519 §4.1.2", false},
	{"aud", "Audience", "Who the token is meant for, as one string or a list; a service must reject a token whose audience does not name it.", "RFC 7519 §4.1.3", false},
	{"exp", "Expiration Time", "The moment from which the token must no longer be accepted, in seconds since 1970-01-01 UTC.", "RFC 7519 §4.1.4", true},
	{"nbf", "Not Before", "The moment before which the token must not be accepted, in seconds since 1970-01-01 UTC.", "RFC 7519 §4.1.5", true},
	{"iat", "Issued At", "When the token was made, in seconds since 1970-01-01 UTC, which tells how old it is.", "RFC 7519 §4.1.6", true},
	{"jti", "JWT ID", "A unique identifier of this token, so a server can notice when the same token is replayed.", "RFC 7519 §4.1.7", false},
	{"auth_time", "Authentication Time", "When the user last actively logged in, in seconds since 1970-01-01 UTC.", "OpenID Connect Core §2", true},
	{"nonce", "Nonce", "A random value the client sent with its login request and must find again here, which ties the ID token to that request and stops replays.", "OpenID Connect Core §2", false},
	{"acr", "Authentication Context Class Reference", "How strongly the user was authenticated, as a class the client and provider agreed on.", "OpenID Connect Core §2", false},
	{"amr", "Authentication Methods References", "The ways the user proved who they are, such as pwd, otp or mfa.", "OpenID Connect Core §2", false},
	{"azp", "Authorized Party", "The client the ID token was issued to, when that differs from or is one of several audiences.", "OpenID Connect Core §2", false},
	{"at_hash", "Access Token Hash", "Half of a hash of the access token issued together with this ID token, which binds the two.", "OpenID Connect Core §3.1.3.6", false},
	{"c_hash", "Code Hash", "Half of a hash of the authorisation code issued together with this ID token, which binds the two.", "OpenID Connect Core §3.3.2.11", false},
	{"sid", "Session ID", "The identifier of the user's login session at the provider, used to log that session out.", "OpenID Connect Front-Channel Logout §3", false},
	{"name", "Full Name", "The user's full name as it should be displayed.", "OpenID Connect Core §5.1", false},
	{"given_name", "Given Name", "The user's given or first name.", "OpenID Connect Core §5.1", false},
	{"family_name", "Family Name", "The user's surname or last name.", "OpenID Connect Core §5.1", false},
	{"middle_name", "Middle Name", "The user's middle name.", "OpenID Connect Core §5.1", false},
	{"nickname", "Nickname", "A casual name the user goes by.", "OpenID Connect Core §5.1", false},
	{"preferred_username", "Preferred Username", "The short name the user likes to be called by, which is not guaranteed to be unique or stable.", "OpenID Connect Core §5.1", false},
	{"profile", "Profile URL", "A link to the user's profile page.", "OpenID Connect Core §5.1", false},
	{"picture", "Picture URL", "A link to the user's profile picture.", "OpenID Connect Core §5.1", false},
	{"website", "Website", "A link to the user's web page or blog.", "OpenID Connect Core §5.1", false},
	{"email", "Email", "The user's preferred email address, which is not guaranteed to be unique or verified.", "OpenID Connect Core §5.1", false},
	{"email_verified", "Email Verified", "Whether the provider checked that the user controls the email address.", "OpenID Connect Core §5.1", false},
	{"gender", "Gender", "The user's gender.", "OpenID Connect Core §5.1", false},
	{"birthdate", "Birthdate", "The user's birthday, written as YYYY-MM-DD or YYYY.", "OpenID Connect Core §5.1", false},
	{"zoneinfo", "Time Zone", "The user's time zone, such as Europe/Paris.", "OpenID Connect Core §5.1", false},
	{"locale", "Locale", "The user's language and country, such as en-US.", "OpenID Connect Core §5.1", false},
	{"phone_number", "Phone Number", "The user's preferred telephone number.", "OpenID Connect Core §5.1", false},
	{"phone_number_verified", "Phone Number Verified", "Whether the provider checked that the user controls the phone number.", "OpenID Connect Core §5.1", false},
	{"address", "Address", "The user's postal address, as an object.", "OpenID Connect Core §5.1", false},
	{"updated_at", "Updated At", "When the user's profile information last changed, in seconds since 1970-01-01 UTC.", "OpenID Connect Core §5.1", true},
	{"scope", "Scope", "The permissions granted, as one string of space-separated names.", "RFC 8693 §4.2", false},
	{"client_id", "Client ID", "The OAuth client that asked for the token.", "RFC 8693 §4.3", false},
	{"act", "Actor", "Who is acting on behalf of the subject, when one party uses a token for another.", "RFC 8693 §4.1", false},
	{"may_act", "Authorized Actor", "Who is allowed to act on behalf of the subject.", "RFC 8693 §4.4", false},
	{"roles", "Roles", "The roles the subject has, for the service to decide what it may do.", "RFC 9068 §2.2.3.1", false},
	{"groups", "Groups", "The groups the subject belongs to, for the service to decide what it may do.", "RFC 9068 §2.2.3.1", false},
	{"entitlements", "Entitlements", "The individual rights the subject has been given.", "RFC 9068 §2.2.3.1", false},
	{"cnf", "Confirmation", "The key the presenter must prove they hold, which makes the token useless to a thief without that key.", "RFC 7800 §3.1", false},
	{"events", "Security Events", "The security events this token reports, such as a revoked session.", "RFC 8417 §2.2", false},
	{"toe", "Time of Event", "When the reported security event happened, in seconds since 1970-01-01 UTC.", "RFC 8417 §2.2", true},
	{"txn", "Transaction ID", "An identifier that links this security event to others from the same transaction.", "RFC 8417 §2.2", false},
	{"orig", "Originating Identity", "The calling party's telephone number or URI that this PASSporT vouches for.", "RFC 8225 §5.2.1", false},
	{"dest", "Destination Identity", "The called party's telephone numbers or URIs.", "RFC 8225 §5.2.1", false},
	{"attest", "Attestation Level", "How well the signing carrier knows the caller: A full, B partial, C gateway.", "RFC 8588", false},
	{"origid", "Origination Identifier", "A unique identifier of where the call entered the network, for tracing it back.", "RFC 8588", false},
}
