package main

import (
	"encoding/json"
	"io"
	"time"

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

// writeJSON prints the report as one indented JSON object.
func writeJSON(w io.Writer, r *inspect.Report, ok bool, verdict string) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(toJSON(r, ok, verdict))
}
