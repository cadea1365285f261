// Package verdict draws the one line of jwtlens a person reads first: what the tool
// concludes about the token. The line always starts with a fixed badge (a mark and an
// upper-case label in brackets, drawn in the verdict style) built only from the tool's own
// words; text from the token reaches it only through the sanitiser, after the badge, so no
// claim can pass for a verdict.
package verdict

import (
	"fmt"
	"strings"

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
}

// Decide works out the verdict for in.
func Decide(in Input) Verdict {
	r := in.Report
	switch {
	case in.Pending:
		return Verdict{Neutral, "…", "READING", "the paste is still arriving"}
	case in.Empty || r == nil:
		return Verdict{Neutral, "•", "EMPTY", "nothing to inspect yet: paste a token into the strip above"}
	}
	if h := r.Headline(); h != nil && h.Severity == inspect.Error {
		return Verdict{Bad, "✗", Label(h.Code), common.Safe(h.Message)}
	}
	warn := count(r, inspect.Warning)
	tail := ""
	if warn > 0 {
		tail = fmt.Sprintf(" · %d %s", warn, plural(warn, "warning"))
	}
	switch r.Verification.Status {
	case inspect.Verified:
		text := common.Safe(r.Verification.Detail)
		if text == "" {
			text = "signature verified"
		}
		if exp := expiry(r); exp != "" {
			text += ", " + exp
		}
		tone := Good
		if warn > 0 {
			tone = Warn
		}
		return Verdict{tone, "✓", "VERIFIED", text + tail}
	case inspect.Invalid:
		return Verdict{Bad, "✗", "INVALID SIGNATURE", nonEmpty(common.Safe(r.Verification.Detail), "the signature does not verify with the given key") + tail}
	case inspect.CannotCheck:
		return Verdict{Warn, "!", "NOT VERIFIED", nonEmpty(common.Safe(r.Verification.Detail), "the signature cannot be checked") + tail}
	}
	if r.Kind == inspect.KindJWE {
		return Verdict{Neutral, "•", "ENCRYPTED", "a JWE: the header is shown; the payload needs the decryption key" + tail}
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
	return Verdict{tone, "•", "NOT VERIFIED", text + tail}
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
	line := badge.Render("["+v.Mark+" "+v.Label+"]") + " " + st.Text.Render(v.Text)
	return ansi.Truncate(line, width, "…")
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

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

func nonEmpty(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
