package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"jwtlens/inspect"
	"jwtlens/keys"
)

// stubOverlay is a key chooser that answers enter with a key set and closes.
type stubOverlay struct{ w, h int }

func (o *stubOverlay) Update(msg tea.Msg) (Overlay, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok && k.Type == tea.KeyEnter {
		return o, tea.Batch(
			func() tea.Msg { return KeysMsg{Sets: []keys.Set{keys.Secret([]byte("s3cret"), "chosen")}} },
			func() tea.Msg { return CloseOverlayMsg{} })
	}
	return o, nil
}
func (o *stubOverlay) View() string     { return "CHOOSE A KEY" }
func (o *stubOverlay) SetSize(w, h int) { o.w, o.h = w, h }

// stubExplainer records what it is given.
type stubExplainer struct{ r *inspect.Report }

func (e *stubExplainer) SetReport(r *inspect.Report) { e.r = r }
func (e *stubExplainer) SetSize(int, int)            {}
func (e *stubExplainer) View() string                { return "EXPLAINING" }

func TestKeyChooserOverlay(t *testing.T) {
	m, _, _ := newTest(t, tok)
	if m = m.WithKeyChooser(nil); m.keys.ChooseKey.Enabled() {
		t.Fatal("ctrl+o is offered with no chooser wired")
	}
	var given []keys.Set
	m = m.WithKeyChooser(func(cur []keys.Set) Overlay { given = cur; return &stubOverlay{} })
	m.sets = []keys.Set{{Source: "before"}}
	m = send(m, keyOf(tea.KeyCtrlO))
	if m.overlay == nil || !strings.Contains(m.View(), "CHOOSE A KEY") || len(given) != 1 {
		t.Fatalf("ctrl+o did not open the chooser with the current keys:\n%s", m.View())
	}
	before := m.Value()
	m = send(m, runes("q")) // the overlay owns the keyboard: q neither quits nor types
	if m.Value() != before || m.overlay == nil {
		t.Fatal("a key went past the open overlay")
	}
	m, cmd := sendCmd(m, keyOf(tea.KeyEnter))
	for _, msg := range cmd().(tea.BatchMsg) {
		m = send(m, msg())
	}
	if m.overlay != nil || len(m.sets) != 1 || m.sets[0].Source != "chosen" {
		t.Fatalf("after choosing: overlay %v, sets %+v", m.overlay != nil, m.sets)
	}
}

func TestExplainerHook(t *testing.T) {
	m, _, _ := newTest(t, tok)
	e := &stubExplainer{}
	m = m.WithExplainer(e)
	if e.r == nil {
		t.Fatal("the explainer did not get the report")
	}
	m = send(m, keyOf(tea.KeyCtrlT))
	if !strings.Contains(m.View(), "EXPLAINING") {
		t.Fatalf("ctrl+t did not show the explainer:\n%s", m.View())
	}
	m = send(m, keyOf(tea.KeyCtrlT))
	if strings.Contains(m.View(), "EXPLAINING") {
		t.Fatal("ctrl+t again did not hide the explainer")
	}
}
