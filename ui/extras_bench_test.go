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
			benchKeystrokes(b, sz.n, func(m Model) Model { return send(m, keyOf(tea.KeyCtrlT)) })
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
