package clip

import (
	"fmt"
	"strings"

	"jwtlens/inspect"
)

// Target is what a copy takes from the report.
type Target int

// The things that can be copied.
const (
	Token    Target = iota // the cleaned token (Report.Token)
	Header                 // the header JSON, as it was written
	Payload                // the payload JSON, as it was written
	Findings               // the findings, as plain text
)

// String names the target for messages and help.
func (t Target) String() string {
	switch t {
	case Header:
		return "header"
	case Payload:
		return "payload"
	case Findings:
		return "findings"
	default:
		return "token"
	}
}

// Text returns what copying t from r puts on the clipboard, and false when r holds nothing
// of that kind. Header and payload are their original text, exactly as decoded (member
// order, spacing and escapes kept); the clipboard gets the bytes unchanged, since it is
// not the terminal.
func Text(r *inspect.Report, t Target) (string, bool) {
	if r == nil {
		return "", false
	}
	switch t {
	case Token:
		return r.Token, r.Token != ""
	case Header:
		return segmentText(r, inspect.PartHeader, r.Header)
	case Payload:
		return segmentText(r, inspect.PartPayload, r.Payload)
	case Findings:
		if len(r.Findings) == 0 {
			return "", false
		}
		return FindingsText(r), true
	}
	return "", false
}

// segmentText is the JSON text of a header or payload, or the decoded bytes when they are
// not a JSON object.
func segmentText(r *inspect.Report, part inspect.Part, v *inspect.Value) (string, bool) {
	if v != nil && v.Raw != "" {
		return v.Raw, true
	}
	for _, s := range r.Segments {
		if s.Part == part && s.Decoded && len(s.Bytes) > 0 {
			return string(s.Bytes), true
		}
	}
	return "", false
}

// FindingsText renders the findings one per line, with their hint below, for pasting into
// a ticket or a chat.
func FindingsText(r *inspect.Report) string {
	var b strings.Builder
	for _, f := range r.Findings {
		fmt.Fprintf(&b, "%s %s", f.Severity, f.Code)
		if f.Length > 0 {
			fmt.Fprintf(&b, " at byte %d (+%d)", f.Offset, f.Length)
		}
		fmt.Fprintf(&b, ": %s\n", f.Message)
		if f.Hint != "" {
			fmt.Fprintf(&b, "    %s\n", f.Hint)
		}
	}
	return b.String()
}
