package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"time"
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
	Time     *time.Time      `json:"time,omitempty"`
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

// rawJSON is v's original text as a JSON value (order and text kept), or null.
func rawJSON(v *inspect.Value) json.RawMessage {
	if v == nil || !json.Valid([]byte(v.Raw)) {
		return json.RawMessage("null")
	}
	return json.RawMessage(v.Raw)
}

// toJSON converts a report to the --json object.
func toJSON(r *inspect.Report, ok bool, verdict string) jsonReport {
	out := jsonReport{
		OK: ok, Verdict: verdict, Kind: r.Kind, Token: r.Token,
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
			t := c.Time.UTC()
			jc.Time = &t
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

// writeJSON prints the report as one indented JSON object. Characters a terminal would act
// on (DEL, C1 controls, bidi overrides, zero-width characters) are written as \uXXXX
// escapes, so the output is safe to read on a terminal and decodes to the same values.
func writeJSON(w io.Writer, r *inspect.Report, ok bool, verdict string) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(toJSON(r, ok, verdict)); err != nil {
		return err
	}
	_, err := w.Write(escapeUnsafe(b.Bytes()))
	return err
}

// escapeUnsafe replaces the characters a terminal would act on by \uXXXX escapes. In JSON
// text such characters can only stand inside strings, where the escape means the same.
func escapeUnsafe(js []byte) []byte {
	out := make([]byte, 0, len(js))
	for i := 0; i < len(js); {
		r, n := utf8.DecodeRune(js[i:])
		if unsafeRune(r) {
			out = fmt.Appendf(out, `\u%04x`, r)
		} else {
			out = append(out, js[i:i+n]...)
		}
		i += n
	}
	return out
}

// unsafeRune reports whether r is DEL, a C1 control, a bidi control, a zero-width
// character or a BOM.
func unsafeRune(r rune) bool {
	switch {
	case r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x200b && r <= 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	case r == 0x061c, r == 0xfeff, r == 0x2028, r == 0x2029:
		return true
	}
	return false
}
