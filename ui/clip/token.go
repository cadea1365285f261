package clip

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"jwtlens/inspect"
	"jwtlens/ui/common"
)

// NotTokenError says the clipboard holds something that is not a JWT, by kind and length
// only: the content itself (which may be a password) is never repeated.
type NotTokenError struct {
	Description string // e.g. "43 characters of text that is not a JWT"
}

// Error implements error.
func (e *NotTokenError) Error() string {
	return "the clipboard holds " + e.Description +
		"; copy the token again, or paste it into the inspector with your terminal's paste"
}

// ReadToken reads the system clipboard for --paste. It returns the text when it holds
// something token-like (a token, even a damaged one, or a token inside other text), an
// *Unreachable error when no clipboard can be read, and a *NotTokenError describing the
// content when it holds no token.
func ReadToken(ctx context.Context) (string, error) {
	return Default().ReadToken(ctx)
}

// ReadToken is ReadToken on this clipboard.
func (c Clipboard) ReadToken(ctx context.Context) (string, error) {
	s, err := c.Read(ctx)
	if err != nil {
		return "", err
	}
	if !TokenLike(s) {
		return "", &NotTokenError{Description: Describe(s)}
	}
	return s, nil
}

// TokenLike reports whether s holds anything the inspector can work on: a run of at least
// ten base64url characters that starts a JSON object's encoding ("eyJ") or holds a dot,
// or a report that does not say "not a token". A truncated token still counts.
func TokenLike(s string) bool {
	r := inspect.Inspect([]byte(s), inspect.Options{})
	if r.Has("input.empty") || r.Has("input.not-a-token") {
		return false
	}
	return hasTokenRun(s)
}

// hasTokenRun finds a run of base64url characters and dots, at least ten long, holding a
// dot or the "eyJ" every JSON object's base64url starts with.
func hasTokenRun(s string) bool {
	start := -1
	for i := 0; i <= len(s); i++ {
		if i < len(s) && isTokenByte(s[i]) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			run := s[start:i]
			if len(run) >= 10 && (strings.Contains(run, "eyJ") || strings.Count(run, ".") >= 1 && strings.Trim(run, ".") != "" && hasBothSides(run)) {
				return true
			}
			start = -1
		}
	}
	return false
}

// hasBothSides says a run has base64url text on both sides of some dot ("abc.def").
func hasBothSides(run string) bool {
	i := strings.IndexByte(run, '.')
	for i >= 0 {
		if i > 0 && i+1 < len(run) && run[i-1] != '.' && run[i+1] != '.' {
			return true
		}
		j := strings.IndexByte(run[i+1:], '.')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

func isTokenByte(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' ||
		c == '-' || c == '_' || c == '.' || c == '=' || c == '+' || c == '/'
}

// Describe says what s is by kind and length, never by content: "nothing (the clipboard
// is empty)", "12 characters of whitespace", "a PEM block (a key or certificate) of 451
// characters", "3 lines of text (120 characters) that is not a JWT"…
func Describe(s string) string {
	n := utf8.RuneCountInString(s)
	t := strings.TrimSpace(s)
	lines := strings.Count(strings.TrimRight(s, "\r\n"), "\n") + 1
	switch {
	case s == "":
		return "nothing (it is empty)"
	case !utf8.ValidString(s):
		return fmt.Sprintf("%d bytes of binary data", len(s))
	case t == "":
		return fmt.Sprintf("%s of whitespace only", common.Count(n, "character"))
	case strings.Contains(t, "-----BEGIN "):
		return fmt.Sprintf("a PEM block (a key or certificate) of %s; open it as a key with ctrl+o", common.Count(n, "character"))
	case strings.HasPrefix(t, "{") || strings.HasPrefix(t, "["):
		return fmt.Sprintf("%s of JSON-like text with no JWT in it", common.Count(n, "character"))
	case strings.HasPrefix(t, "http://") || strings.HasPrefix(t, "https://"):
		return fmt.Sprintf("a URL of %s with no JWT in it", common.Count(n, "character"))
	case lines > 1:
		return fmt.Sprintf("%d lines of text (%s) that are not a JWT", lines, common.Count(n, "character"))
	}
	return fmt.Sprintf("%s of text that is not a JWT", common.Count(n, "character"))
}
