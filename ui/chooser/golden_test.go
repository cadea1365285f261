package chooser

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"jwtlens/inspect"
)

// host is a minimal root: it sizes the chooser, routes every message to it, answers a
// chosen key with a verdict (as the root would after verifying) and quits on ctrl+c.
type host struct {
	m       Model
	verdict *inspect.Report
	closed  bool
}

func (h host) Init() tea.Cmd { return h.m.Init() }

func (h host) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		h.m.SetSize(msg.Width, msg.Height)
		return h, nil
	case tea.KeyMsg:
		if msg.Type == tea.KeyCtrlC {
			return h, tea.Quit
		}
	case KeyChosenMsg:
		h.m.SetResult(h.verdict)
		return h, nil
	case ClosedMsg:
		h.closed = true
		return h, nil
	}
	var cmd tea.Cmd
	h.m, cmd = h.m.Update(msg)
	return h, cmd
}

func (h host) View() string { return h.m.View() }

func TestGolden(t *testing.T) {
	wrongFamily := &inspect.Report{
		Verification: inspect.Verification{Status: inspect.CannotCheck, Detail: "an RSA key cannot check an ES256 token"},
		Findings: []inspect.Finding{{Code: "key.type-mismatch", Severity: inspect.Error, Part: inspect.PartKey,
			Message: "ES256 needs an EC P-256 key; this is RSA 2048"}},
	}
	tests := []struct {
		name string
		w, h int
		send []tea.Msg
	}{
		{"listed_80x24", 80, 24, []tea.Msg{tea.KeyMsg{Type: tea.KeyDown}, tea.KeyMsg{Type: tea.KeyDown}}},
		{"wrong_family_80x24", 80, 24, []tea.Msg{keys1("pub.pem"), tea.KeyMsg{Type: tea.KeyEnter}}},
		{"pasted_pem_80x24", 80, 24, []tea.Msg{
			tea.KeyMsg{Type: tea.KeyRunes, Paste: true, Runes: []rune(`-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----`)},
			tea.KeyMsg{Type: tea.KeyEnter}}},
		{"secret_typed_60x16", 60, 16, []tea.Msg{keys1("s3cret-value")}},
		{"typo_56x10", 56, 10, []tea.Msg{keys1("pub.pem.x"), tea.KeyMsg{Type: tea.KeyEnter}}},
		{"unbracketed_pem_76x12", 76, 12, []tea.Msg{keys1("-----BEGIN PUBLIC KEY-----"), tea.KeyMsg{Type: tea.KeyEnter},
			keys1("MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE"), tea.KeyMsg{Type: tea.KeyEnter},
			keys1("-----END PUBLIC KEY-----"), tea.KeyMsg{Type: tea.KeyEnter}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := mixedDir(t)
			t.Setenv("HOME", dir) // the title shows the folder as ~
			fk := &fakeKeys{}
			h := host{m: New(Config{Dir: dir, Read: fk.read, Secret: fk.secret}), verdict: wrongFamily}
			tm := teatest.NewTestModel(t, h, teatest.WithInitialTermSize(tt.w, tt.h))
			teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return strings.Contains(string(b), "pub.pem") },
				teatest.WithDuration(5*time.Second))
			for _, msg := range tt.send {
				if k, ok := msg.(tea.KeyMsg); ok && k.Type == tea.KeyEnter {
					time.Sleep(4 * burstWindow) // a person's enter, not one inside a paste
				}
				tm.Send(msg)
			}
			time.Sleep(100 * time.Millisecond) // let the load command finish
			tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
			final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(host)
			golden.RequireEqual(t, []byte(final.View()))
		})
	}
}
