package ui

import (
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// BenchmarkKeystrokeExplain is BenchmarkKeystroke with explain mode shown: every typed
// character changes the token, so the page is rendered again each time.
func BenchmarkKeystrokeExplain(b *testing.B) {
	for _, sz := range sizes {
		b.Run(sz.name, func(b *testing.B) {
			m := New(Config{Token: benchToken(sz.n), Now: func() time.Time { return goldenNow }})
			t := goldenNow
			m.clock = func() time.Time { t = t.Add(time.Second); return t }
			m = send(m, tea.WindowSizeMsg{Width: 120, Height: 40})
			m = send(m, keyOf(tea.KeyCtrlT))
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
		})
	}
}

// BenchmarkTick is one second of the moving clock: the token judged again at the new
// time and the screen drawn.
func BenchmarkTick(b *testing.B) {
	for _, sz := range sizes {
		b.Run(sz.name, func(b *testing.B) {
			now := goldenNow
			m := New(Config{Token: benchToken(sz.n), Now: func() time.Time { return now }})
			m = send(m, tea.WindowSizeMsg{Width: 120, Height: 40})
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				now = now.Add(time.Second)
				m = send(m, m.ext.clock.Tick())
				_ = m.View()
			}
		})
	}
}
