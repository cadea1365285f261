package ui

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"jwtlens/inspect"
	"jwtlens/ui/clip"
	"jwtlens/ui/clock"
)

// lockedBuffer stands in for the terminal: it records what copies write to it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// memClipboard is a system clipboard in memory.
type memClipboard struct {
	mu   sync.Mutex
	text string
}

func (c *memClipboard) ReadAll() (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.text, nil
}
func (c *memClipboard) WriteAll(s string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.text = s
	return nil
}
func (c *memClipboard) Available() bool { return true }
func (c *memClipboard) Name() string    { return "the test clipboard" }

func envOf(kv ...string) clip.Env {
	return func(k string) string {
		for i := 0; i+1 < len(kv); i += 2 {
			if kv[i] == k {
				return kv[i+1]
			}
		}
		return ""
	}
}

// drive runs cmd and the commands that follow from it through Update, as the program
// would: each in its own goroutine, their messages fed back one at a time. Clock ticks
// are dropped (the tests drive the clock by hand).
// typeInChooser types s into the open chooser as a person does: the enter that follows
// comes after the burst of keys has ended, so it submits.
func typeInChooser(t *testing.T, m Model, s string) Model {
	t.Helper()
	m, cmd := sendCmd(m, runes(s))
	return drive(t, m, cmd)
}

func drive(t *testing.T, m Model, cmd tea.Cmd) Model {
	t.Helper()
	msgs := make(chan tea.Msg, 64)
	pending := 0
	launch := func(c tea.Cmd) {
		if c != nil {
			pending++
			go func() { msgs <- c() }()
		}
	}
	launch(cmd)
	for steps := 0; pending > 0 && steps < 100; steps++ {
		select {
		case msg := <-msgs:
			pending--
			switch msg := msg.(type) {
			case nil, clock.TickMsg:
			case tea.BatchMsg:
				for _, c := range msg {
					launch(c)
				}
			default:
				var next tea.Cmd
				m, next = sendCmd(m, msg)
				launch(next)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("a command gave no message within 5s")
		}
	}
	return m
}

type clockAt struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clockAt) now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clockAt) set(t time.Time) { c.mu.Lock(); c.t = t; c.mu.Unlock() }

func newExtras(t *testing.T, token string, cfg Config) (Model, *clockAt) {
	t.Helper()
	clk := &clockAt{t: goldenNow}
	cfg.Token = token
	cfg.Now = clk.now
	if cfg.Clipboard == nil {
		cfg.Clipboard = &clip.Clipboard{Sys: &memClipboard{}, Env: envOf("DISPLAY", ":0")}
	}
	m := New(cfg)
	m = send(m, tea.WindowSizeMsg{Width: 100, Height: 30})
	return m, clk
}

func TestChooseKeyVerifies(t *testing.T) {
	if !realInspect() {
		t.Skip("needs the real diagnosis")
	}
	m, _ := newExtras(t, fixture(t, "valid-rs256.jwt"), Config{KeyDir: "testdata/tokens"})
	m = send(m, keyOf(tea.KeyEsc)) // leave the token strip
	m, cmd := sendCmd(m, runes("o"))
	if _, ok := m.overlay.(chooserOverlay); !ok {
		t.Fatalf("o outside the token strip did not open the chooser (overlay %T)", m.overlay)
	}
	m = drive(t, m, cmd)
	if v := m.View(); !strings.Contains(v, "rsa-pub.pem") {
		t.Fatalf("the chooser does not list testdata/tokens:\n%s", v)
	}
	m = typeInChooser(t, m, "rsa-pub.pem")
	m, cmd = sendCmd(m, keyOf(tea.KeyEnter))
	m = drive(t, m, cmd)
	if got := m.Report().Verification.Status; got != inspect.Verified {
		t.Fatalf("after choosing rsa-pub.pem the verification is %s, want verified", got)
	}
	if v := m.View(); !strings.Contains(v, "✓ verified") {
		t.Errorf("the chooser does not show the verdict:\n%s", v)
	}
	m, cmd = sendCmd(m, keyOf(tea.KeyEsc))
	m = drive(t, m, cmd)
	if m.overlay != nil {
		t.Fatal("esc did not close the chooser")
	}
	m, cmd = sendCmd(m, keyOf(tea.KeyCtrlO))
	m = drive(t, m, cmd)
	if v := m.View(); !strings.Contains(v, "> rsa-pub.pem") || !strings.Contains(v, "● RSA 2048") {
		t.Errorf("reopening lost the field or the keys used:\n%s", v)
	}
}

func TestCopyWritesOSC52(t *testing.T) {
	out := &lockedBuffer{}
	sys := &memClipboard{}
	token := fixture(t, "valid-hs256.jwt")
	m, _ := newExtras(t, "Bearer "+token, Config{Output: out, Clipboard: &clip.Clipboard{Sys: sys, Env: envOf("SSH_TTY", "/dev/pts/0")}})
	m, cmd := sendCmd(m, keyOf(tea.KeyCtrlY))
	m = drive(t, m, cmd)
	clean := m.Report().Token
	if want := string(clip.OSC52(clean, false)); out.String() != want {
		t.Errorf("terminal got %q, want %q", out.String(), want)
	}
	v := m.View()
	if !strings.Contains(v, "OSC 52: sent to your terminal") || !strings.Contains(v, "credential") {
		t.Errorf("the status line does not say how the copy went:\n%s", v)
	}
	// The next key, whatever it does, clears the status.
	m = send(m, keyOf(tea.KeyTab))
	if v := m.View(); strings.Contains(v, "OSC 52") || strings.Contains(v, "credential") {
		t.Errorf("the copy's status stays up after the next key:\n%s", v)
	}
	if sys.text != "" {
		t.Errorf("the system clipboard was written over SSH without a display")
	}
}

func TestPasteFromClipboard(t *testing.T) {
	token := fixture(t, "valid-hs256.jwt")
	sys := &memClipboard{text: token}
	m, _ := newExtras(t, "", Config{Clipboard: &clip.Clipboard{Sys: sys, Env: envOf("DISPLAY", ":0")}})
	m, cmd := sendCmd(m, keyOf(tea.KeyCtrlV))
	m = drive(t, m, cmd)
	if m.Value() != token || m.Report() == nil {
		t.Fatalf("ctrl+v put %q in the input, want the clipboard's token", m.Value())
	}
}

func TestPasteWithoutClipboard(t *testing.T) {
	m, _ := newExtras(t, "", Config{Clipboard: &clip.Clipboard{Sys: &memClipboard{text: "x"}, Env: envOf("SSH_CONNECTION", "1 2 3 4")}})
	m, cmd := sendCmd(m, keyOf(tea.KeyCtrlV))
	m = drive(t, m, cmd)
	v := m.View()
	if !strings.Contains(v, "SSH session") || !strings.Contains(v, "terminal's own paste") {
		t.Errorf("no clear message without a clipboard:\n%s", v)
	}
	m = send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(fixture(t, "valid-hs256.jwt")), Paste: true})
	if m.Report() == nil {
		t.Error("a terminal paste after the failed clipboard read was not inspected")
	}
	if h := strings.Count(m.View(), "\n") + 1; h > 30 {
		t.Errorf("the view is %d lines on a 30-line screen", h)
	}
}

func TestExplainToggle(t *testing.T) {
	m, _ := newExtras(t, fixture(t, "valid-hs256.jwt"), Config{})
	m = send(m, keyOf(tea.KeyCtrlT))
	if v := m.View(); !strings.Contains(v, "How this token is built") {
		t.Fatalf("ctrl+t does not show explain mode:\n%s", v)
	}
	m = send(m, runes("e")) // typed into the token strip, not a toggle there
	if !strings.Contains(m.View(), "How this token is built") {
		t.Error("e typed in the token strip turned explain mode off")
	}
	m = send(m, keyOf(tea.KeyEsc))
	m = send(m, runes("e"))
	if strings.Contains(m.View(), "How this token is built") {
		t.Error("e outside the token strip did not turn explain mode off")
	}
}

func TestExpiryTurnsOver(t *testing.T) {
	if !realInspect() {
		t.Skip("needs the real diagnosis")
	}
	m, clk := newExtras(t, fixture(t, "valid-rs256.jwt"), Config{})
	if !m.ext.clock.Active() {
		t.Fatal("the clock does not tick for a token with exp")
	}
	if m.Report().Has("claims.expired") {
		t.Fatal("the token is expired at the start")
	}
	exp := goldenNow.Add(42 * time.Minute)
	clk.set(exp.Add(-time.Second))
	m, next := sendCmd(m, m.ext.clock.Tick())
	if next == nil || m.Report().Has("claims.expired") {
		t.Fatalf("one second before exp: next tick %v, expired %v", next != nil, m.Report().Has("claims.expired"))
	}
	clk.set(exp.Add(time.Second))
	m = send(m, m.ext.clock.Tick())
	if !m.Report().Has("claims.expired") {
		t.Fatal("one second after exp the report is not expired")
	}
	if v := m.View(); !strings.Contains(strings.ToLower(v), "expired") {
		t.Errorf("the screen does not say expired:\n%s", v)
	}
	// A token without time claims stops the clock.
	m = send(m, keyOf(tea.KeyCtrlU))
	m = send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln"), Paste: true})
	if m.ext.clock.Active() {
		t.Error("the clock still ticks for a token without time claims")
	}
}

func TestChooserResultAfterEsc(t *testing.T) {
	m, _ := newExtras(t, fixture(t, "valid-rs256.jwt"), Config{KeyDir: "testdata/tokens"})
	m, cmd := sendCmd(m, keyOf(tea.KeyCtrlO))
	m = drive(t, m, cmd)
	m = typeInChooser(t, m, "rsa-pub.pem")
	m, load := sendCmd(m, keyOf(tea.KeyEnter))
	m, closeCmd := sendCmd(m, keyOf(tea.KeyEsc))
	m = drive(t, m, closeCmd)
	m = drive(t, m, load) // the load lands after the chooser closed
	if len(m.sets) != 1 || !strings.HasSuffix(m.sets[0].Source, "rsa-pub.pem") {
		t.Errorf("a load finishing after esc was lost: sets %v", len(m.sets))
	}
}

// writeECKey writes a fresh P-256 public key as PEM, with its line breaks written as the
// two characters \n (as an environment variable or JSON string holds it), into dir.
func writeEscapedECKey(t *testing.T, dir string) string {
	t.Helper()
	priv, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	der, err := x509.MarshalPKIXPublicKey(&priv.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	p := strings.ReplaceAll(string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})), "\n", `\n`)
	path := filepath.Join(dir, "ec-escaped.pem")
	if err := os.WriteFile(path, []byte(p), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestChooserWrongFamilyPastedPEM(t *testing.T) {
	if !realInspect() {
		t.Skip("needs the real diagnosis")
	}
	pasted := writeEscapedECKey(t, t.TempDir())
	m, _ := newExtras(t, fixture(t, "valid-rs256.jwt"), Config{KeyDir: t.TempDir()})
	m, cmd := sendCmd(m, keyOf(tea.KeyCtrlO))
	m = drive(t, m, cmd)
	m = send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(pasted), Paste: true})
	m, cmd = sendCmd(m, keyOf(tea.KeyEnter))
	m = drive(t, m, cmd)
	v := m.View()
	for _, want := range []string{"key.escaped-newlines", "key.type-mismatch"} {
		if !strings.Contains(v, want) {
			t.Errorf("the chooser does not show %s for an escaped EC PEM against an RS256 token:\n%s", want, v)
		}
	}
	if got := m.Report().Verification.Status; got == inspect.Verified {
		t.Errorf("an EC key verified an RS256 token")
	}
}

func TestStatusClearsOnEdit(t *testing.T) {
	m, _ := newExtras(t, "", Config{Clipboard: &clip.Clipboard{Sys: &memClipboard{}, Env: envOf()}, Notice: "the clipboard holds 4 characters of text that is not a JWT"})
	if !strings.Contains(m.View(), "4 characters of text") {
		t.Fatalf("the notice is not shown at start:\n%s", m.View())
	}
	m = send(m, runes("e"))
	if strings.Contains(m.View(), "4 characters of text") {
		t.Errorf("the notice outlived an edit of the token:\n%s", m.View())
	}
}

func TestExplainScrolls(t *testing.T) {
	m, _ := newExtras(t, fixture(t, "valid-rs256.jwt"), Config{})
	m = send(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m = send(m, keyOf(tea.KeyCtrlT))
	top := m.View()
	m = send(m, keyOf(tea.KeyPgDown)) // from the token strip
	if m.View() == top {
		t.Fatal("pgdown in the token strip did not scroll explain mode")
	}
	m = send(m, keyOf(tea.KeyEsc))
	before := m.View()
	m = send(m, keyOf(tea.KeyDown))
	if m.View() == before {
		t.Error("↓ outside the token strip did not scroll explain mode")
	}
	if m.Value() != fixture(t, "valid-rs256.jwt") {
		t.Error("scrolling changed the token")
	}
}

func TestChooserFits80x24(t *testing.T) {
	m, _ := newExtras(t, fixture(t, "valid-rs256.jwt"), Config{KeyDir: "testdata/tokens"})
	m = send(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m, cmd := sendCmd(m, keyOf(tea.KeyCtrlO))
	m = drive(t, m, cmd)
	for _, name := range []string{"rsa-pub.pem", "hs-secret.txt"} {
		m = send(m, keyOf(tea.KeyCtrlU))
		m = typeInChooser(t, m, name)
		m, cmd = sendCmd(m, keyOf(tea.KeyEnter))
		m = drive(t, m, cmd)
	}
	v := m.View()
	if n := strings.Count(v, "\n") + 1; n > 24 {
		t.Errorf("with the chooser open the screen is %d lines, over 24:\n%s", n, v)
	}
	if !strings.Contains(v, "Key > ") {
		t.Errorf("the chooser's field is not on screen:\n%s", v)
	}
}

func TestSecretFileWithCtrlS(t *testing.T) {
	if !realInspect() {
		t.Skip("needs the real diagnosis")
	}
	m, _ := newExtras(t, fixture(t, "valid-hs256.jwt"), Config{KeyDir: "testdata/tokens"})
	m, cmd := sendCmd(m, keyOf(tea.KeyCtrlO))
	m = drive(t, m, cmd)
	m = typeInChooser(t, m, "hs-secret.txt")
	m, cmd = sendCmd(m, keyOf(tea.KeyCtrlS))
	m = drive(t, m, cmd)
	if got := m.Report().Verification.Status; got != inspect.Verified {
		t.Errorf("ctrl+s on hs-secret.txt: verification %s, want verified with the file's secret\n%s", got, m.View())
	}
	if strings.Contains(m.View(), strings.TrimSpace(fixture(t, "hs-secret.txt"))) {
		t.Errorf("the secret is on screen:\n%s", m.View())
	}
}

// TestExtrasFitWithoutColour draws the chooser, explain mode and a copy's status (under
// tmux, over SSH: the longest status) at the sizes people use, with every style dropped
// as NO_COLOR drops them, and checks each screen fits and says what it must.
func TestExtrasFitWithoutColour(t *testing.T) {
	for _, size := range [][2]int{{60, 20}, {80, 24}, {200, 50}} {
		w, h := size[0], size[1]
		t.Run(fmt.Sprintf("%dx%d", w, h), func(t *testing.T) {
			cb := &clip.Clipboard{Sys: &memClipboard{}, Env: envOf("TMUX", "/tmp/tmux-0/default,1,0", "SSH_TTY", "/dev/pts/0")}
			m, _ := newExtras(t, fixture(t, "valid-rs256.jwt"), Config{KeyDir: "testdata/tokens", Output: &lockedBuffer{}, Clipboard: cb})
			m = send(m, tea.WindowSizeMsg{Width: w, Height: h})
			fits := func(what string, v string, want ...string) {
				t.Helper()
				lines := strings.Split(v, "\n")
				if len(lines) > h {
					t.Errorf("%s: %d lines, over %d:\n%s", what, len(lines), h, v)
				}
				for _, l := range lines {
					if lw := ansi.StringWidth(l); lw > w {
						t.Errorf("%s: line %q is %d wide, over %d", what, l, lw, w)
					}
				}
				flat := strings.Join(strings.Fields(ansi.Strip(v)), " ")
				for _, s := range want {
					if !strings.Contains(flat, s) {
						t.Errorf("%s: the screen lacks %q:\n%s", what, s, v)
					}
				}
			}
			m, cmd := sendCmd(m, keyOf(tea.KeyCtrlO))
			m = drive(t, m, cmd)
			fits("chooser", m.View(), "Choose a key", "rsa-pub.pem", "Key >")
			m = typeInChooser(t, m, "rsa-pub.pm")
			m, cmd = sendCmd(m, keyOf(tea.KeyEnter))
			m = drive(t, m, cmd)
			fits("chooser after a typo", m.View(), "no such file: rsa-pub.pm", "did you mean rsa-pub.pem?")
			if v := m.View(); !strings.Contains(v, "> rsa-pub.pm") {
				t.Errorf("a near miss of a listed name is masked:\n%s", v)
			}
			m, cmd = sendCmd(m, keyOf(tea.KeyEsc))
			m = drive(t, m, cmd)
			m = send(m, keyOf(tea.KeyCtrlT))
			fits("explain", m.View(), "How this token is built")
			m = send(m, keyOf(tea.KeyCtrlT))
			m, cmd = sendCmd(m, keyOf(tea.KeyCtrlY))
			m = drive(t, m, cmd)
			fits("copy status", m.View(), "copied token", "tmux set -g set-clipboard on", "system clipboard: not reachable over SSH", "credential")
		})
	}
}
