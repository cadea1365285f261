// Package verdict draws the one line of jwtlens a person reads first: what the tool
// concludes about the token. The line always starts with a fixed badge (a mark and an
// upper-case label in brackets, drawn in the verdict style) built only from the tool's own
// words; text from the token reaches it only through the sanitiser, after the badge, so no
// claim can pass for a verdict.
package verdict

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"jwtlens/inspect"
	"jwtlens/ui/common"
)

// Styles are the looks of the verdict line, filled in by ui.NewStyles.
type Styles struct {
	Bad, Warn, Good, Neutral lipgloss.Style // the badge
	Text                     lipgloss.Style // the words after the badge
}

// Tone is how good the verdict is.
type Tone int

// The tones.
const (
	Neutral Tone = iota
	Good
	Warn
	Bad
)

// Input is what the verdict is made from.
type Input struct {
	Report  *inspect.Report // nil when nothing was inspected yet
	Empty   bool            // the input is empty
	Pending bool            // a paste is still arriving; the report is stale
	// KeyHint says how to give a key, e.g. "ctrl+o" or "start with --key FILE".
	KeyHint string
}

// Verdict is the conclusion: a mark, a label and the words that follow.
type Verdict struct {
	Tone  Tone
	Mark  string // "✗", "✓", "•", "!", "…"
	Label string // upper-case, e.g. "TRUNCATED"
	Text  string // already sanitised
	// Shorter says the same as Text in fewer words, longest first; Render uses the first
	// that fits the width, so the essential is never cut off by an ellipsis.
	Shorter []string
}

func verdictOf(t Tone, mark, label, text string) Verdict {
	return Verdict{Tone: t, Mark: mark, Label: label, Text: text}
}

// Decide works out the verdict for in.
func Decide(in Input) Verdict {
	r := in.Report
	switch {
	case in.Pending:
		return verdictOf(Neutral, "…", "READING", "the paste is still arriving")
	case in.Empty || r == nil:
		v := verdictOf(Neutral, "•", "EMPTY", "nothing to inspect yet: paste a token into the strip above")
		v.Shorter = []string{"nothing yet: paste a token above"}
		return v
	}
	if h := r.Headline(); h != nil && h.Severity == inspect.Error {
		msg := common.Safe(h.Message)
		return Verdict{Tone: Bad, Mark: "✗", Label: Label(h.Code), Text: msg, Shorter: shorter(r, h, msg)}
	}
	warn := count(r, inspect.Warning)
	tail := ""
	if warn > 0 {
		tail = fmt.Sprintf(" · %d %s", warn, common.Plural(warn, "warning", "warnings"))
	}
	switch r.Kind {
	case inspect.KindJWE:
		return verdictOf(Neutral, "•", "ENCRYPTED", "a JWE: the header is shown; the payload needs the decryption key"+tail)
	case inspect.KindUnsecured:
		return verdictOf(Warn, "!", "UNSECURED", "alg none: nothing protects this token, no key can verify it"+tail)
	}
	switch r.Verification.Status {
	case inspect.Verified:
		text := common.Safe(r.Verification.Detail)
		if text == "" {
			text = "signature verified"
		}
		exp := ""
		if e := expiry(r); e != "" {
			exp = ", " + e
		}
		tone := Good
		if warn > 0 {
			tone = Warn
		}
		v := verdictOf(tone, "✓", "VERIFIED", text+exp+tail)
		// shorter: the key's file by its base name, then without the key
		v.Shorter = []string{baseNames(text) + exp + tail, "signature verified" + exp + tail, "signature verified" + tail}
		return v
	case inspect.Invalid:
		return verdictOf(Bad, "✗", "INVALID SIGNATURE", nonEmpty(common.Safe(r.Verification.Detail), "the signature does not verify with the given key")+tail)
	case inspect.CannotCheck:
		return verdictOf(Warn, "!", "NOT VERIFIED", nonEmpty(common.Safe(r.Verification.Detail), "the signature cannot be checked")+tail)
	}
	text := "no key chosen"
	if in.KeyHint != "" {
		text += " (" + in.KeyHint + ")"
	}
	if exp := expiry(r); exp != "" {
		text += "; " + exp
	}
	tone := Neutral
	if warn > 0 {
		tone = Warn
	}
	return verdictOf(tone, "•", "NOT VERIFIED", text+tail)
}

// Render draws the verdict for in as one line of at most width cells.
func Render(in Input, width int, st Styles) string {
	v := Decide(in)
	badge := st.Neutral
	switch v.Tone {
	case Good:
		badge = st.Good
	case Warn:
		badge = st.Warn
	case Bad:
		badge = st.Bad
	}
	head := badge.Render("["+v.Mark+" "+v.Label+"]") + " "
	room := width - ansi.StringWidth(head)
	text := v.Text
	for _, alt := range v.Shorter {
		if ansi.StringWidth(text) <= room {
			break
		}
		text = alt
	}
	return ansi.Truncate(head+st.Text.Render(text), width, "…")
}

// shorter gives the headline finding h shorter wordings: the message's first clause, and
// for a cut token what matters in a few words (where it ends and what is missing).
func shorter(r *inspect.Report, h *inspect.Finding, msg string) []string {
	switch h.Code {
	case "structure.truncated", "json.truncated":
		if t := truncation(r); t != nil {
			return t
		}
	}
	if i := strings.Index(msg, ": "); i > 0 {
		return []string{msg[:i]}
	}
	return nil
}

// truncation words a cut token, longest first: "ends inside the payload after 150 chars;
// signature missing", then shorter.
func truncation(r *inspect.Report) []string {
	var last *inspect.Segment
	for i := range r.Segments {
		if r.Segments[i].Text != "" {
			last = &r.Segments[i]
		}
	}
	if last == nil {
		return nil
	}
	n := utf8.RuneCountInString(r.Token)
	part := common.Safe(string(last.Part))
	var missing, few string
	if last.Part == inspect.PartSignature {
		if sig := r.Signature; sig.ExpectedBytes > 0 && sig.Bytes < sig.ExpectedBytes {
			missing = fmt.Sprintf("has %d of %d bytes", sig.Bytes, sig.ExpectedBytes)
			few = fmt.Sprintf("%d/%d B", sig.Bytes, sig.ExpectedBytes)
		}
	} else if r.Kind != inspect.KindJWE {
		var gone []string
		have := map[inspect.Part]bool{}
		for _, s := range r.Segments {
			have[s.Part] = true
		}
		for _, p := range []inspect.Part{inspect.PartPayload, inspect.PartSignature} {
			if !have[p] {
				gone = append(gone, string(p))
			}
		}
		if len(gone) > 0 {
			missing = strings.Join(gone, " and ") + " missing"
			few = "no " + strings.Join(gone, ", no ")
		}
	}
	long := fmt.Sprintf("ends inside the %s after %d chars", part, n)
	short := fmt.Sprintf("cut in %s at %d chars", part, n)
	if missing == "" {
		return []string{long, short}
	}
	return []string{long + "; " + missing, short + ", " + few, short}
}

// Label is the upper-case verdict label for a finding code.
func Label(code string) string {
	switch code {
	case "structure.truncated", "json.truncated":
		return "TRUNCATED"
	case "structure.segment-count":
		return "WRONG SEGMENT COUNT"
	case "signature.invalid":
		return "INVALID SIGNATURE"
	case "claims.expired":
		return "EXPIRED"
	case "claims.not-yet-valid":
		return "NOT YET VALID"
	case "claims.expect-failed":
		return "CLAIM MISMATCH"
	case "input.not-a-token":
		return "NOT A TOKEN"
	case "key.alg-confusion":
		return "REFUSED"
	}
	i := strings.IndexByte(code, '.')
	prefix, rest := code, ""
	if i >= 0 {
		prefix, rest = code[:i], code[i+1:]
	}
	switch prefix {
	case "base64":
		return "BAD BASE64"
	case "json":
		return "BAD JSON"
	case "key":
		return "KEY PROBLEM"
	}
	return strings.ToUpper(strings.ReplaceAll(rest, "-", " "))
}

// baseNames shortens every path in s to its last element: "(/tmp/keys/pub.pem)" becomes
// "(pub.pem)".
func baseNames(s string) string {
	words := strings.Split(s, " ")
	for i, w := range words {
		if j := strings.LastIndexByte(w, '/'); j >= 0 && j < len(w)-1 {
			lead := ""
			if strings.HasPrefix(w, "(") {
				lead = "("
			}
			words[i] = lead + w[j+1:]
		}
	}
	return strings.Join(words, " ")
}

func expiry(r *inspect.Report) string {
	for _, c := range r.Claims {
		if c.Name == "exp" && c.Part == inspect.PartPayload && c.IsTime && c.Relative != "" {
			rel := common.Safe(c.Relative)
			if strings.HasPrefix(rel, "in ") {
				return "expires " + rel
			}
			return rel
		}
	}
	return ""
}

func count(r *inspect.Report, sev inspect.Severity) int {
	n := 0
	for _, f := range r.Findings {
		if f.Severity == sev {
			n++
		}
	}
	return n
}

func nonEmpty(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
