package ui

import (
	"encoding/base64"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/textarea"
	tea "github.com/charmbracelet/bubbletea"
)

// benchToken makes a JWS-shaped token of about n bytes: a small header, a payload with a
// long claim, a 32-byte signature.
func benchToken(n int) string {
	enc := base64.RawURLEncoding.EncodeToString
	h := enc([]byte(`{"alg":"HS256","typ":"JWT"}`))
	sig := enc(make([]byte, 32))
	room := max(16, (n-len(h)-len(sig)-2)*3/4-40)
	p := enc([]byte(fmt.Sprintf(`{"sub":"bench","exp":1796306400,"data":"%s"}`, strings.Repeat("x", room))))
	return h + "." + p + "." + sig
}

var sizes = []struct {
	name string
	n    int
}{{"1KiB", 1 << 10}, {"8KiB", 8 << 10}, {"64KiB", 64 << 10}}

// BenchmarkKeystroke is one typed character (alternately a letter and a backspace, so the
// token keeps its size) with the whole screen drawn after it, at 120×40.
func BenchmarkKeystroke(b *testing.B) {
	for _, sz := range append(sizes, struct {
		name string
		n    int
	}{"1MiB", 1<<20 - 64}) {
		b.Run(sz.name, func(b *testing.B) { benchKeystrokes(b, sz.n, nil) })
	}
}

// BenchmarkPaste is a bracketed paste of a whole token into the empty input, with the
// screen drawn after it.
func BenchmarkPaste(b *testing.B) {
	for _, sz := range append(sizes[1:], struct {
		name string
		n    int
	}{"900KB", 900_000}) {
		b.Run(sz.name, func(b *testing.B) {
			tokn := []rune(benchToken(sz.n))
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				m := New(Config{Now: func() time.Time { return goldenNow }})
				m = send(m, tea.WindowSizeMsg{Width: 120, Height: 40})
				b.StartTimer()
				m = send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: tokn, Paste: true})
				_ = m.View()
			}
		})
	}
}

// BenchmarkTextareaBaseline is the same keystroke into a bubbles textarea holding the
// token, for scale.
func BenchmarkTextareaBaseline(b *testing.B) {
	b.Run("8KiB", func(b *testing.B) {
		ta := textarea.New()
		ta.SetWidth(120)
		ta.SetHeight(10)
		ta.CharLimit = 0
		ta.MaxHeight = 0
		ta.Focus()
		ta.SetValue(benchToken(8 << 10))
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			k := runes("A")
			if i%2 == 1 {
				k = keyOf(tea.KeyBackspace)
			}
			ta, _ = ta.Update(k)
			_ = ta.View()
		}
	})
}

// BenchmarkKeystrokeMiddle is BenchmarkKeystroke with the cursor in the middle of the
// payload, so every keystroke changes the payload and its pane is drawn again.
func BenchmarkKeystrokeMiddle(b *testing.B) {
	for _, sz := range append(sizes[1:], struct {
		name string
		n    int
	}{"1MiB", 1<<20 - 64}) {
		b.Run(sz.name, func(b *testing.B) {
			benchKeystrokes(b, sz.n, func(m Model) Model { m.input.SetCursor(len(m.Value()) / 2); return m })
		})
	}
}

// benchKeystrokes times one typed character (alternately a letter and a backspace, so the
// token keeps its size) with the whole screen drawn after it, at 120×40, on a token of about
// n bytes; setup, when given, prepares the model first (cursor, mode).
func benchKeystrokes(b *testing.B, n int, setup func(Model) Model) {
	m := New(Config{Token: benchToken(n), Now: func() time.Time { return goldenNow }})
	t := goldenNow
	m.clock = func() time.Time { t = t.Add(time.Second); return t }
	m = send(m, tea.WindowSizeMsg{Width: 120, Height: 40})
	if setup != nil {
		m = setup(m)
	}
	_ = m.View()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := runes("A")
		if i%2 == 1 {
			k = keyOf(tea.KeyBackspace)
		}
		m = send(m, k)
		_ = m.View()
	}
}
