package explain

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"jwtlens/inspect"
)

// FuzzRender explains whatever inspect makes of any input: it must not panic, must keep
// every line within the width, and must let no control character of the input through.
func FuzzRender(f *testing.F) {
	f.Add(sampleToken(), 80)
	f.Add(sampleToken()[:100], 40)
	f.Add("eyJhbGciOiJub25lIn0.eyJcdTAwMWJbMkoiOiJceDFiXTA7cHduZWRcdTAwMDciLCJleHAiOiIxZTMwMCJ9.", 140)
	f.Add("a.b.c.d.e", 60)
	f.Add("eyJhbGciOiJSUzI1NiIsImtpZCI6Ilx1MjAyZSJ9.e30.AAAA", 20)
	f.Fuzz(func(t *testing.T, raw string, width int) {
		if width < 0 || width > 400 {
			return
		}
		r := inspect.Inspect([]byte(raw), inspect.Options{Now: now})
		out := Render(r, now.Add(time.Second), width)
		limit := max(width, MinWidth)
		for _, l := range strings.Split(out, "\n") {
			if ansi.StringWidth(l) > limit {
				t.Fatalf("line %q is %d wide, over %d", l, ansi.StringWidth(l), limit)
			}
			if strings.ContainsAny(ansi.Strip(l), "\x1b\a\x00\r\u202e") {
				t.Fatalf("a control character reached the page: %q", l)
			}
		}
	})
}
