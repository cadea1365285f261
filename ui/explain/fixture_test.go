package explain

import (
	"encoding/base64"
	"strconv"
	"strings"
	"time"

	"jwtlens/inspect"
	"jwtlens/keys"
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

// now is when the sample token is judged: 20 minutes into its hour of life.
var now = issued.Add(20 * time.Minute)

// sampleToken is an HS256 token with the usual claims and a private one. Its signature is
// 32 arbitrary bytes (the length HS256 makes), so it verifies with no key.
func sampleToken() string {
	h := `{"alg":"HS256","typ":"JWT","kid":"2026-03"}`
	p := `{"iss":"https://issuer.example","sub":"alice","aud":"api","iat":` + strconv.FormatInt(issued.Unix(), 10) +
		`,"nbf":` + strconv.FormatInt(issued.Unix(), 10) + `,"exp":` + strconv.FormatInt(issued.Add(time.Hour).Unix(), 10) +
		`,"role":"admin"}`
	return b64.EncodeToString([]byte(h)) + "." + b64.EncodeToString([]byte(p)) + "." +
		b64.EncodeToString([]byte("0123456789abcdef0123456789abcdef"))
}

// sampleReport is inspect's report of the sample token at now, with opt's keys.
func sampleReport(ks ...keys.Set) *inspect.Report {
	return inspect.Inspect([]byte(sampleToken()), inspect.Options{Now: now, Keys: ks})
}

// truncatedReport is the report of the sample token cut 60 characters short, inside the
// payload, as a header size limit would cut it.
func truncatedReport() *inspect.Report {
	t := sampleToken()
	return inspect.Inspect([]byte(t[:len(t)-60]), inspect.Options{Now: now})
}

// reportOf is inspect's report at now of an unsigned-looking token made of the given
// header and payload JSON.
func reportOf(header, payload string) *inspect.Report {
	t := b64.EncodeToString([]byte(header)) + "." + b64.EncodeToString([]byte(payload)) + "." + b64.EncodeToString([]byte("0123456789abcdef0123456789abcdef"))
	return inspect.Inspect([]byte(t), inspect.Options{Now: now})
}

// warnedReport is the sample report whose headline is a warning about the key (a key
// meant for encryption), as package inspect reports key.not-for-signing.
func warnedReport() *inspect.Report {
	r := sampleReport()
	r.Findings = append([]inspect.Finding{{Code: "key.not-for-signing", Severity: inspect.Warning, Part: inspect.PartKey,
		Message: "the JWK says use enc: it is meant for encryption, not signatures"}}, r.Findings...)
	return r
}
