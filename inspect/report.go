package inspect

import (
	"time"

	"jwtlens/keys"
)

// DefaultMaxSize is the input size cap used when Options.MaxSize is zero.
const DefaultMaxSize = 1 << 20

// Severity says how bad a finding is.
type Severity int

// The severities, least severe first.
const (
	Info Severity = iota
	Warning
	Error
)

// String returns "info", "warning" or "error".
func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	default:
		return "info"
	}
}

// Part names the piece of the input a finding or segment belongs to.
type Part string

// The parts of an input.
const (
	PartInput     Part = "input"     // the paste as a whole, before the token was found
	PartToken     Part = "token"     // the token as a whole (structure, truncation)
	PartHeader    Part = "header"    // the first segment (the JOSE header)
	PartPayload   Part = "payload"   // the second segment of a JWS (the claims)
	PartSignature Part = "signature" // the third segment of a JWS
	PartKey       Part = "key"       // key material given to verify with
	PartClaims    Part = "claims"    // claim values judged against now and expectations
	// The JWE segments after the protected header.
	PartEncryptedKey Part = "encrypted_key"
	PartIV           Part = "iv"
	PartCiphertext   Part = "ciphertext"
	PartTag          Part = "tag"
)

// Finding is one thing found wrong (or worth knowing) about the input.
// Offset and Length are byte offsets into the raw input as it was given, so a user
// interface can mark the very bytes that were pasted. A finding about the whole input,
// or about a key, has Offset 0 and Length 0.
type Finding struct {
	Code     string   // a stable code from the catalogue (codes.go), e.g. "structure.truncated"
	Severity Severity // error, warning or info
	Part     Part     // which part of the input it is about
	Offset   int      // offset into the raw input
	Length   int      // number of raw bytes it points at
	Message  string   // what is wrong, in plain words
	Hint     string   // what to do about it
}

// Kind is what sort of token the input holds.
type Kind string

// The kinds of token.
const (
	KindJWS       Kind = "JWS"       // three segments, signed
	KindUnsecured Kind = "unsecured" // a JWS with alg "none"
	KindJWE       Kind = "JWE"       // five segments, encrypted
	KindNested    Kind = "nested"    // a JWS or JWE whose payload is itself a JWT (cty: JWT)
	KindUnknown   Kind = "unknown"   // none of the above
)

// Segment is one dot-separated piece of the normalised token.
type Segment struct {
	Part  Part   // PartHeader, PartPayload, PartSignature, or a JWE part
	Start int    // offset of its first byte in Report.Token
	End   int    // offset just past its last byte in Report.Token
	Text  string // the segment text exactly as it is in Report.Token
	// Bytes holds the leniently decoded bytes (for display), even when the text is not
	// strict base64url; Decoded says whether any decoding was possible at all.
	Bytes   []byte
	Decoded bool
	// JSON is the parsed JSON value when Bytes hold JSON (nil otherwise). It keeps the
	// original member order and text.
	JSON *Value
}

// Claim is one registered (or well-known) header parameter or claim found in the token,
// with its meaning and, for NumericDates, the time it names.
type Claim struct {
	Name    string // the member name, e.g. "exp"
	Part    Part   // PartHeader or PartPayload
	Meaning string // one plain sentence: what it is for
	Ref     string // where it is defined, e.g. "RFC 7519 §4.1.4"
	Value   *Value // the value as sent
	// For NumericDate claims (exp, nbf, iat, auth_time…): the time it names, in UTC.
	IsTime bool
	Time   time.Time
	// Relative is the time relative to Options.Now, e.g. "expired 3h12m ago", "in 42m".
	Relative string
	// Problem is the code of the finding about this claim, or "" when it is fine.
	Problem string
}

// SignatureInfo describes the signature segment.
type SignatureInfo struct {
	Alg           string // the alg named in the header, as written
	Bytes         int    // decoded length of the signature
	ExpectedBytes int    // what the alg (and key, when known) requires; 0 when unknown
}

// VerifyStatus is the outcome of verification.
type VerifyStatus string

// The verification outcomes.
const (
	Verified    VerifyStatus = "verified"     // the signature verifies with Verification.Key
	Invalid     VerifyStatus = "invalid"      // it does not verify with the given key(s)
	NotChecked  VerifyStatus = "not-checked"  // no key was given
	CannotCheck VerifyStatus = "cannot-check" // alg none, unsupported alg, wrong key kind…
)

// Verification is the result of checking the signature against the chosen keys.
type Verification struct {
	Status VerifyStatus
	Key    *keys.Key // the key that verified, or the one tried when only one was; nil otherwise
	// Detail says in plain words what happened, e.g. "verified with rsa-2048 (pub.pem)".
	Detail string
}

// Candidate is another token-like string found in the input besides the one chosen.
type Candidate struct {
	Offset int    // offset into the raw input
	Length int    // length in raw bytes
	Where  string // where it was found, e.g. "JSON member id_token", "Cookie session"
}

// Expectation is a claim value a server expects (from --expect or Kamailio-style --claims).
type Expectation struct {
	Name string
	// Value is a string for a quoted value and a json.Number-like decimal text for an
	// unquoted number; IsString says which, since the comparison is type-sensitive.
	Value    string
	IsString bool
}

// Options are the inputs of a diagnosis besides the raw bytes.
type Options struct {
	Now     time.Time     // the time claims are judged at; the zero time skips time judgements
	Leeway  time.Duration // clock leeway for exp, nbf and iat
	MaxSize int           // input size cap in bytes; 0 means DefaultMaxSize
	Keys    []keys.Set    // key material to verify with, as read by package keys
	Expect  []Expectation // claim values the server expects
	// ReadCapped says the caller stopped reading at MaxSize+1 bytes (stdin may be
	// endless), so the input's real size is unknown: input.too-large then says "more than"
	// the cap rather than the count of bytes read.
	ReadCapped bool
}

// Report is everything known about one input.
type Report struct {
	RawLen int    // length of the raw input in bytes
	Token  string // the normalised token: extracted, cleaned, decoded from percent-encoding
	// RawOffsets maps every offset of Token (and len(Token)) to the offset in the raw
	// input that byte came from; len(RawOffsets) == len(Token)+1 when Token is set.
	RawOffsets []int
	Kind       Kind
	Segments   []Segment
	Header     *Value // the parsed header, nil when it is not a JSON object
	Payload    *Value // the parsed payload of a JWS, nil when it is not a JSON object
	// NestedToken is the inner token when the payload is itself a JWT.
	NestedToken  string
	Claims       []Claim
	Signature    SignatureInfo
	Verification Verification
	Findings     []Finding   // most important first (see sortFindings)
	Candidates   []Candidate // other token-like strings in the input
}
