package explain

import (
	"encoding/base64"
	"strconv"
	"strings"
	"time"

	"jwtlens/inspect"
)

// obj builds an object Value from name/raw-JSON pairs, the way package inspect would
// present it (members in order, Raw the exact text). Only flat values are needed here.
func obj(pairs ...string) *inspect.Value {
	v := &inspect.Value{Type: inspect.TypeObject}
	var raw strings.Builder
	raw.WriteByte('{')
	for i := 0; i+1 < len(pairs); i += 2 {
		if i > 0 {
			raw.WriteByte(',')
		}
		name, val := pairs[i], pairs[i+1]
		nameRaw := strconv.Quote(name)
		raw.WriteString(nameRaw + ":")
		start := raw.Len()
		raw.WriteString(val)
		m := inspect.Member{Name: name, NameRaw: nameRaw, Value: inspect.Value{Raw: val, Start: start, End: raw.Len()}}
		switch {
		case strings.HasPrefix(val, `"`):
			m.Value.Type = inspect.TypeString
			m.Value.Str, _ = strconv.Unquote(val)
		case val == "true" || val == "false":
			m.Value.Type, m.Value.Bool = inspect.TypeBool, val == "true"
		case val == "null":
			m.Value.Type = inspect.TypeNull
		case strings.HasPrefix(val, "["):
			m.Value.Type = inspect.TypeArray
		default:
			m.Value.Type = inspect.TypeNumber
		}
		v.Members = append(v.Members, m)
	}
	raw.WriteByte('}')
	v.Raw = raw.String()
	v.End = len(v.Raw)
	return v
}

var b64 = base64.RawURLEncoding

// issued is the iat of the sample token; exp is an hour later.
var issued = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

// sampleReport is what inspect reports for an HS256 token with the usual claims, with the
// findings given. The signature bytes are 32 arbitrary bytes (the length HS256 makes).
func sampleReport(findings ...inspect.Finding) *inspect.Report {
	h := obj("alg", `"HS256"`, "typ", `"JWT"`, "kid", `"2026-03"`)
	p := obj("iss", `"https://issuer.example"`, "sub", `"alice"`, "aud", `"api"`,
		"iat", strconv.FormatInt(issued.Unix(), 10), "nbf", strconv.FormatInt(issued.Unix(), 10),
		"exp", strconv.FormatInt(issued.Add(time.Hour).Unix(), 10), "role", `"admin"`)
	sig := []byte("0123456789abcdef0123456789abcdef")
	segs := []inspect.Segment{
		{Part: inspect.PartHeader, Text: b64.EncodeToString([]byte(h.Raw)), Bytes: []byte(h.Raw), Decoded: true, JSON: h},
		{Part: inspect.PartPayload, Text: b64.EncodeToString([]byte(p.Raw)), Bytes: []byte(p.Raw), Decoded: true, JSON: p},
		{Part: inspect.PartSignature, Text: b64.EncodeToString(sig), Bytes: sig, Decoded: true},
	}
	var token string
	for i := range segs {
		if i > 0 {
			token += "."
		}
		segs[i].Start = len(token)
		token += segs[i].Text
		segs[i].End = len(token)
	}
	return &inspect.Report{
		RawLen: len(token), Token: token, Kind: inspect.KindJWS, Segments: segs, Header: h, Payload: p,
		Signature:    inspect.SignatureInfo{Alg: "HS256", Bytes: 32, ExpectedBytes: 32},
		Verification: inspect.Verification{Status: inspect.NotChecked, Detail: "no key given"},
		Findings:     findings,
	}
}

var truncated = inspect.Finding{Code: "structure.truncated", Severity: inspect.Error, Part: inspect.PartToken,
	Message: "the token ends after 2 segments: it was cut short", Hint: "copy the whole token"}
