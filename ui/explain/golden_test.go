package explain

import (
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"jwtlens/inspect"
)

// host is a minimal root for the component: it sizes it, routes keys and quits on ctrl+c.
type host struct {
	m Model
}

func (h host) Init() tea.Cmd { return nil }

// setNow moves the host's clock, as the root does on each tick.
type setNow time.Time

func (h host) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case setNow:
		h.m.SetNow(time.Time(msg))
	case tea.WindowSizeMsg:
		h.m.SetSize(msg.Width, msg.Height)
	case tea.KeyMsg:
		if msg.Type == tea.KeyCtrlC {
			return h, tea.Quit
		}
	}
	var cmd tea.Cmd
	h.m, cmd = h.m.Update(msg)
	return h, cmd
}

func (h host) View() string { return h.m.View() }

func newHost(r *inspect.Report, now time.Time) host {
	m := New()
	m.SetReport(r)
	m.SetNow(now)
	m.SetActive(true)
	return host{m: m}
}

func TestGolden(t *testing.T) {
	tests := []struct {
		name string
		w, h int
		r    *inspect.Report
		keys []tea.KeyType
	}{
		{"80x24_top", 80, 24, truncatedReport(), nil},
		{"80x24_scrolled", 80, 24, truncatedReport(), []tea.KeyType{tea.KeyPgDown, tea.KeyPgDown, tea.KeyDown}},
		{"80x24_end", 80, 24, sampleReport(), []tea.KeyType{tea.KeyEnd}},
		{"140x40", 140, 40, truncatedReport(), nil},
		{"not_yet_valid_60x20_end", 60, 20, reportOf(`{"alg":"HS256"}`, `{"iat":4000000000,"nbf":4000000000,"exp":4000003600}`), []tea.KeyType{tea.KeyEnd}},
		{"warning_80x24_top", 80, 24, warnedReport(), nil},
		{"sample_200x50", 200, 50, sampleReport(), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tm := teatest.NewTestModel(t, newHost(tt.r, now), teatest.WithInitialTermSize(tt.w, tt.h))
			for _, k := range tt.keys {
				tm.Send(tea.KeyMsg{Type: k})
			}
			tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
			final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(host)
			golden.RequireEqual(t, []byte(final.View()))
		})
	}
}

// TestGoldenExpiryTurnsOver drives the clock across exp, as the root's tick does, and
// keeps the page before and after.
func TestGoldenExpiryTurnsOver(t *testing.T) {
	exp := issued.Add(time.Hour)
	h := newHost(sampleReport(), exp.Add(-2*time.Second))
	tm := teatest.NewTestModel(t, h, teatest.WithInitialTermSize(80, 24))
	tm.Send(tea.KeyMsg{Type: tea.KeyEnd})
	tm.Send(setNow(exp.Add(-time.Second)))
	tm.Send(setNow(exp.Add(time.Second)))
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(host)
	golden.RequireEqual(t, []byte(final.View()))
}
