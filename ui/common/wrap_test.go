package common

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestWrapBreaksOnlyAtSpaces(t *testing.T) {
	cases := []struct {
		s     string
		width int
		want  []string
	}{
		{"verified with rsa-pub.pem as given", 20, []string{"verified with", "rsa-pub.pem as given"}},
		{"/tmp/review-tui/key.pem (PEM)", 12, []string{"/tmp/review-", "tui/key.pem", "(PEM)"}},
		{"short", 10, []string{"short"}},
		{"key.pem (PEM PUBLIC KEY)", 18, []string{"key.pem", "(PEM PUBLIC KEY)"}},
	}
	for _, c := range cases {
		if got := Wrap(c.s, c.width); strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("Wrap(%q, %d) = %q, want %q", c.s, c.width, got, c.want)
		}
	}
}

func TestWrapReopensStyles(t *testing.T) {
	got := Wrap("\x1b[31maaa bbb\x1b[0m", 3)
	if len(got) != 2 || got[1] != "\x1b[31mbbb\x1b[0m" || ansi.Strip(got[0]) != "aaa" {
		t.Fatalf("Wrap = %q", got)
	}
}

func TestShortenMiddle(t *testing.T) {
	if got := ShortenMiddle("/tmp/review-tui/keys/rsa-pub.pem", 20); ansi.StringWidth(got) != 20 ||
		!strings.HasPrefix(got, "/tmp/") || !strings.HasSuffix(got, "pub.pem") || !strings.Contains(got, "…") {
		t.Errorf("ShortenMiddle = %q", got)
	}
	if got := ShortenMiddle("short", 20); got != "short" {
		t.Errorf("ShortenMiddle(short) = %q", got)
	}
}
