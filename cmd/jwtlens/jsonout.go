package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"time"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"jwtlens/inspect"
)

// jsonReport is the object `check --json` prints. The README documents every field; keep
// them in step.
type jsonReport struct {
	OK           bool             `json:"ok"`
	Verdict      string           `json:"verdict"`
	Kind         inspect.Kind     `json:"kind"`
	Token        string           `json:"token"`
	Source       string           `json:"source,omitempty"`
	Header       json.RawMessage  `json:"header"`
	Payload      json.RawMessage  `json:"payload"`
	Signature    jsonSignature    `json:"signature"`
	Verification jsonVerification `json:"verification"`
	Claims       []jsonClaim      `json:"claims"`
	Findings     []jsonFinding    `json:"findings"`
	Candidates   []jsonCandidate  `json:"candidates"`
}

type jsonSignature struct {
	Alg           string `json:"alg"`
	Bytes         int    `json:"bytes"`
	ExpectedBytes int    `json:"expected_bytes"`
}

type jsonVerification struct {
	Status inspect.VerifyStatus `json:"status"`
	Detail string               `json:"detail"`
	Key    *jsonKey             `json:"key"`
}

type jsonKey struct {
	Family      string `json:"family"`
	Bits        int    `json:"bits,omitempty"`
	Curve       string `json:"curve,omitempty"`
	KID         string `json:"kid,omitempty"`
	Alg         string `json:"alg,omitempty"`
	Source      string `json:"source"`
	Format      string `json:"format,omitempty"`
	Fingerprint string `json:"fingerprint,omitempty"`
	Private     bool   `json:"private"`
}

type jsonClaim struct {
	Name     string          `json:"name"`
	Part     inspect.Part    `json:"part"`
	Value    json.RawMessage `json:"value"`
	Time     *jsonTime       `json:"time,omitempty"`
	TimeRaw  string          `json:"time_raw,omitempty"`
	Relative string          `json:"relative,omitempty"`
	Problem  string          `json:"problem,omitempty"`
}

type jsonFinding struct {
	Code     string       `json:"code"`
	Severity string       `json:"severity"`
	Part     inspect.Part `json:"part"`
	Offset   int          `json:"offset"`
	Length   int          `json:"length"`
	Message  string       `json:"message"`
	Hint     string       `json:"hint"`
}

type jsonCandidate struct {
	Offset int    `json:"offset"`
	Length int    `json:"length"`
	Where  string `json:"where"`
}

// jsonTime is a claim's time as JSON: RFC 3339 in UTC when its year is within 1–9999, else
// null (the claim's raw value is then in time_raw). Unlike time.Time it never fails to
// encode, whatever the token holds.
type jsonTime struct{ t time.Time }

// inRange reports whether t can be written as RFC 3339. The zero time (a NumericDate
// inspect could not place) is out of range too.
func (j jsonTime) inRange() bool {
	y := j.t.UTC().Year()
	return !j.t.IsZero() && y >= 0 && y <= 9999
}

// MarshalJSON implements json.Marshaler.
func (j jsonTime) MarshalJSON() ([]byte, error) {
	if !j.inRange() {
		return []byte("null"), nil
	}
	return []byte(`"` + j.t.UTC().Format(time.RFC3339Nano) + `"`), nil
}

// rawJSON is v's original text as a JSON value (order and text kept), or null.
func rawJSON(v *inspect.Value) json.RawMessage {
	if v == nil || !json.Valid([]byte(v.Raw)) {
		return json.RawMessage("null")
	}
	return json.RawMessage(v.Raw)
}

// toJSON converts a report to the --json object.
func toJSON(r *inspect.Report, ok bool, verdict, source string) jsonReport {
	out := jsonReport{
		OK: ok, Verdict: verdict, Kind: r.Kind, Token: r.Token, Source: source,
		Header: rawJSON(r.Header), Payload: rawJSON(r.Payload),
		Signature:    jsonSignature{r.Signature.Alg, r.Signature.Bytes, r.Signature.ExpectedBytes},
		Verification: jsonVerification{Status: r.Verification.Status, Detail: r.Verification.Detail},
		Claims:       []jsonClaim{}, Findings: []jsonFinding{}, Candidates: []jsonCandidate{},
	}
	if out.Verification.Status == "" {
		out.Verification.Status = inspect.NotChecked
	}
	if k := r.Verification.Key; k != nil {
		out.Verification.Key = &jsonKey{Family: string(k.Family), Bits: k.Bits, Curve: k.Curve, KID: k.KID,
			Alg: k.Alg, Source: k.Source, Format: k.Format, Fingerprint: k.Fingerprint, Private: k.Private}
	}
	for _, c := range r.Claims {
		jc := jsonClaim{Name: c.Name, Part: c.Part, Value: rawJSON(c.Value), Relative: c.Relative, Problem: c.Problem}
		if c.IsTime {
			jc.Time = &jsonTime{c.Time}
			if !jc.Time.inRange() && c.Value != nil {
				jc.TimeRaw = c.Value.Raw
			}
		}
		out.Claims = append(out.Claims, jc)
	}
	for _, f := range r.Findings {
		out.Findings = append(out.Findings, jsonFinding{f.Code, f.Severity.String(), f.Part, f.Offset, f.Length, f.Message, f.Hint})
	}
	for _, c := range r.Candidates {
		out.Candidates = append(out.Candidates, jsonCandidate{c.Offset, c.Length, c.Where})
	}
	return out
}

// writeJSON prints the report as one indented JSON object. Every string in it is valid
// UTF-8: a byte of the token that is not UTF-8 is written as \ufffd (U+FFFD, the
// replacement character), and characters a terminal would act on or that hide text (DEL,
// C1 controls, bidi controls, zero-width and other format characters, U+2028/U+2029) are
// written as \uXXXX escapes, so the output is safe to read on a terminal. C0 controls are
// escaped by encoding/json itself. Nothing the token holds can make it fail.
func writeJSON(w io.Writer, r *inspect.Report, ok bool, verdict, source string) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(toJSON(r, ok, verdict, source)); err != nil {
		return fmt.Errorf("cannot write the JSON report (%v); this is a bug in jwtlens, please report it with the token's shape (not the token)", err)
	}
	_, err := w.Write(escapeUnsafe(b.Bytes()))
	return err
}

// escapeUnsafe replaces the characters a terminal would act on by \uXXXX escapes, and
// bytes that are not UTF-8 by \ufffd. In the encoder's output such bytes can only stand
// inside strings (raw header and payload text was checked with json.Valid, and outside
// strings JSON is ASCII), where the escape is valid and means the same character.
func escapeUnsafe(js []byte) []byte {
	out := make([]byte, 0, len(js))
	for i := 0; i < len(js); {
		r, n := utf8.DecodeRune(js[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			out = append(out, `\ufffd`...)
		case unsafeRune(r) && r > 0xffff:
			r1, r2 := utf16.EncodeRune(r)
			out = fmt.Appendf(out, `\u%04x\u%04x`, r1, r2)
		case unsafeRune(r):
			out = fmt.Appendf(out, `\u%04x`, r)
		default:
			out = append(out, js[i:i+n]...)
		}
		i += n
	}
	return out
}

// unsafeRune reports whether r is DEL, a C1 control, a format character (Unicode category
// Cf: bidi controls, zero-width characters, the BOM, tag characters…) or a line or
// paragraph separator. C0 controls are left alone: in the encoder's output they are only
// the layout's line breaks.
func unsafeRune(r rune) bool {
	switch {
	case r == 0x7f, r >= 0x80 && r <= 0x9f, r == 0x2028, r == 0x2029:
		return true
	}
	return r >= 0xad && unicode.Is(unicode.Cf, r)
}
