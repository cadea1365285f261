package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"jwtlens/inspect"
)

// goldenNow is the clock of the fixtures (see testdata/gen).
var goldenNow = time.Date(2026, 12, 3, 14, 0, 0, 0, time.UTC)

// fixture reads a token made by testdata/gen.
func fixture(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "tokens", name))
	if err != nil {
		t.Fatalf("fixture %s: %v (run go run ./ui/testdata/gen)", name, err)
	}
	return string(b)
}

// fakeClock is a wall clock the test moves by hand.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time { return c.t }

// counting wraps an inspect function and counts its calls.
type counting struct {
	n  int
	fn func([]byte, inspect.Options) *inspect.Report
}

func (c *counting) inspect(raw []byte, o inspect.Options) *inspect.Report {
	c.n++
	return c.fn(raw, o)
}

// fakeInspect makes a report with three segments split at the dots of the raw text, a
// header object with alg, and two findings: an error on the second segment and a warning
// on the first, so tests do not depend on the real diagnosis.
func fakeInspect(raw []byte, _ inspect.Options) *inspect.Report {
	s := string(raw)
	r := &inspect.Report{RawLen: len(raw), Token: s, Kind: inspect.KindJWS}
	r.RawOffsets = make([]int, len(s)+1)
	for i := range r.RawOffsets {
		r.RawOffsets[i] = i
	}
	parts := []inspect.Part{inspect.PartHeader, inspect.PartPayload, inspect.PartSignature}
	start := 0
	for i, p := range strings.SplitN(s, ".", 3) {
		r.Segments = append(r.Segments, inspect.Segment{Part: parts[i], Start: start, End: start + len(p), Text: p, Decoded: true, Bytes: []byte(p)})
		start += len(p) + 1
	}
	hdr := &inspect.Value{Type: inspect.TypeObject, Raw: `{"alg":"HS256"}`, Members: []inspect.Member{
		{Name: "alg", NameRaw: `"alg"`, Value: inspect.Value{Type: inspect.TypeString, Raw: `"HS256"`, Str: "HS256"}},
	}}
	r.Header = hdr
	r.Segments[0].JSON = hdr
	if len(r.Segments) > 1 {
		seg := r.Segments[1]
		r.Findings = append(r.Findings, inspect.Finding{Code: "base64.invalid-char", Severity: inspect.Error,
			Part: inspect.PartPayload, Offset: seg.Start, Length: min(2, len(seg.Text)), Message: "bad char", Hint: "remove it"})
	}
	r.Findings = append(r.Findings, inspect.Finding{Code: "header.crit", Severity: inspect.Warning,
		Part: inspect.PartHeader, Offset: 0, Length: 1, Message: "crit", Hint: "look"})
	r.Verification = inspect.Verification{Status: inspect.NotChecked}
	return r
}

// newTest builds a model with the fake diagnosis, a fake clock and a 120×40 screen.
func newTest(t testing.TB, token string) (Model, *counting, *fakeClock) {
	t.Helper()
	c := &counting{fn: fakeInspect}
	clk := &fakeClock{t: goldenNow}
	m := New(Config{Now: func() time.Time { return goldenNow }})
	m.inspectFn = c.inspect
	m.clock = clk.now
	m.input.SetValue(token)
	m.reportFor = "\x00"
	m.recompute()
	m = send(m, tea.WindowSizeMsg{Width: 120, Height: 40})
	return m, c, clk
}

// send passes msg to Update and returns the model.
func send(m Model, msg tea.Msg) Model {
	nm, _ := m.Update(msg)
	return nm.(Model)
}

// sendCmd passes msg to Update and returns the model and the command.
func sendCmd(m Model, msg tea.Msg) (Model, tea.Cmd) {
	nm, cmd := m.Update(msg)
	return nm.(Model), cmd
}

func runes(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

func keyOf(t tea.KeyType) tea.KeyMsg { return tea.KeyMsg{Type: t} }

// realInspect reports whether the real diagnosis is merged (the stub finds no segments).
func realInspect() bool {
	r := inspect.Inspect([]byte("eyJhbGciOiJIUzI1NiJ9.e30.c2ln"), inspect.Options{})
	return len(r.Segments) == 3
}
