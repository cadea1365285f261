package clip

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"jwtlens/inspect"
)

// fakeSystem is an in-memory clipboard.
type fakeSystem struct {
	mu        sync.Mutex
	text      string
	available bool
	readErr   error
	block     chan struct{} // when set, reads wait on it (a hung clipboard tool)
	writes    int
}

func (f *fakeSystem) ReadAll() (string, error) {
	if f.block != nil {
		<-f.block
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.text, f.readErr
}

func (f *fakeSystem) WriteAll(s string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.text = s
	f.writes++
	return nil
}
func (f *fakeSystem) Available() bool { return f.available }
func (f *fakeSystem) Name() string    { return "the fake clipboard" }

func envOf(kv ...string) Env {
	m := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return func(k string) string { return m[k] }
}

// lockedBuffer is a bytes.Buffer safe for the copy command's goroutine.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) Bytes() []byte {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]byte(nil), l.b.Bytes()...)
}

const sampleToken = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl"

func TestOSC52(t *testing.T) {
	tests := []struct {
		name string
		text string
		tmux bool
		want string
	}{
		{"plain", "hi", false, "\x1b]52;c;aGk=\a"},
		{"tmux: plain for set-clipboard, then passthrough with the ESC doubled", "hi", true, "\x1b]52;c;aGk=\a\x1bPtmux;\x1b\x1b]52;c;aGk=\a\x1b\\"},
		{"empty clears", "", false, "\x1b]52;c;\a"},
		{"token", sampleToken, false, "\x1b]52;c;ZXlKaGJHY2lPaUpJVXpJMU5pSjkuZXlKemRXSWlPaUpoYkdsalpTSjkuYzJsbmJtRjBkWEps\a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(OSC52(tt.text, tt.tmux)); got != tt.want {
				t.Errorf("OSC52(%q, %v) = %q, want %q", tt.text, tt.tmux, got, tt.want)
			}
		})
	}
}

func TestReachable(t *testing.T) {
	tests := []struct {
		name      string
		available bool
		env       Env
		wantErr   string // substring of the reason; "" for reachable
	}{
		{"desktop X11", true, envOf("DISPLAY", ":0"), ""},
		{"desktop Wayland", true, envOf("WAYLAND_DISPLAY", "wayland-0"), ""},
		{"SSH with X forwarding", true, envOf("DISPLAY", "localhost:10.0", "SSH_CONNECTION", "1 2 3 4"), ""},
		{"no tool", false, envOf("DISPLAY", ":0"), "no clipboard tool is installed"},
		{"SSH without display", true, envOf("SSH_CONNECTION", "10.0.0.1 5 10.0.0.2 22"), "SSH session"},
		{"SSH_TTY only", true, envOf("SSH_TTY", "/dev/pts/1"), "SSH session"},
		{"console", true, envOf(), "no graphical session"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := reachable(&fakeSystem{available: tt.available}, tt.env)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("reachable() = %v, want nil", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("reachable() = %v, want a reason containing %q", err, tt.wantErr)
			}
			if !errors.Is(err, ErrUnreachable) {
				t.Errorf("errors.Is(%v, ErrUnreachable) = false", err)
			}
			if !strings.Contains(err.Error(), "terminal's own paste") {
				t.Errorf("error %q does not say to use the terminal's paste", err)
			}
		})
	}
}

func TestReadTimeout(t *testing.T) {
	block := make(chan struct{})
	defer close(block)
	c := Clipboard{Sys: &fakeSystem{available: true, block: block}, Env: envOf("DISPLAY", ":0"), Timeout: 20 * time.Millisecond}
	start := time.Now()
	_, err := c.Read(context.Background())
	if !errors.Is(err, ErrUnreachable) || !strings.Contains(err.Error(), "did not answer") {
		t.Fatalf("Read() from a hung clipboard = %v, want a timeout saying it did not answer", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("Read() took %s, want about the 20ms timeout", d)
	}
}

func TestReadToolError(t *testing.T) {
	c := Clipboard{Sys: &fakeSystem{available: true, readErr: errors.New("Error: Can't open display: :9\nmore")}, Env: envOf("DISPLAY", ":9")}
	_, err := c.Read(context.Background())
	if err == nil || !strings.Contains(err.Error(), "Can't open display: :9)") || strings.Contains(err.Error(), "more") {
		t.Fatalf("Read() = %v, want the tool's first error line wrapped in a plain message", err)
	}
}

func TestReadToken(t *testing.T) {
	tests := []struct {
		name     string
		content  string
		wantText bool
		wantDesc string
	}{
		{"token", sampleToken, true, ""},
		{"bearer header", "Authorization: Bearer " + sampleToken + "\n", true, ""},
		{"truncated token", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIi", true, ""},
		{"password", "hunter2-correct-horse", false, "21 characters of text that is not a JWT"},
		{"empty", "", false, "nothing (it is empty)"},
		{"whitespace", " \n\t", false, "3 characters of whitespace only"},
		{"pem", "-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----\n", false, "a PEM block (a key or certificate) of 57 characters"},
		{"lines", "one\ntwo\nthree\n", false, "3 lines of text (14 characters) that are not a JWT"},
		{"binary", "\xff\xfe\x00a", false, "4 bytes of binary data"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Clipboard{Sys: &fakeSystem{available: true, text: tt.content}, Env: envOf("DISPLAY", ":0")}
			got, err := c.ReadToken(context.Background())
			if tt.wantText {
				if err != nil || got != tt.content {
					t.Fatalf("ReadToken() = %q, %v; want the content, nil", got, err)
				}
				return
			}
			var nt *NotTokenError
			if !errors.As(err, &nt) {
				t.Fatalf("ReadToken() error = %v, want a *NotTokenError", err)
			}
			if !strings.HasPrefix(nt.Description, tt.wantDesc) {
				t.Errorf("description = %q, want it to start %q", nt.Description, tt.wantDesc)
			}
			if len(tt.content) > 3 && strings.Contains(err.Error(), strings.TrimSpace(tt.content)) {
				t.Errorf("error %q repeats the clipboard content", err)
			}
		})
	}
}

func TestReadTokenNoClipboard(t *testing.T) {
	c := Clipboard{Sys: &fakeSystem{available: true, text: sampleToken}, Env: envOf("SSH_TTY", "/dev/pts/3")}
	_, err := c.ReadToken(context.Background())
	if !errors.Is(err, ErrUnreachable) {
		t.Fatalf("ReadToken() over SSH = %v, want ErrUnreachable", err)
	}
}

func report() *inspect.Report {
	h := &inspect.Value{Type: inspect.TypeObject, Raw: `{"alg":"HS256"}`}
	p := &inspect.Value{Type: inspect.TypeObject, Raw: `{"sub": "alice"}`}
	return &inspect.Report{Token: sampleToken, Header: h, Payload: p, Findings: []inspect.Finding{
		{Code: "claims.expired", Severity: inspect.Error, Part: inspect.PartClaims, Message: "expired 3h ago", Hint: "get a new token"},
	}}
}

func TestText(t *testing.T) {
	r := report()
	tests := []struct {
		t    Target
		want string
	}{
		{Token, sampleToken},
		{Header, `{"alg":"HS256"}`},
		{Payload, `{"sub": "alice"}`},
		{Findings, "error claims.expired: expired 3h ago\n    get a new token\n"},
	}
	for _, tt := range tests {
		if got, ok := Text(r, tt.t); !ok || got != tt.want {
			t.Errorf("Text(%s) = %q, %v; want %q, true", tt.t, got, ok, tt.want)
		}
	}
	if _, ok := Text(&inspect.Report{}, Payload); ok {
		t.Errorf("Text(empty report, payload) = ok, want nothing to copy")
	}
}

// run executes a command and feeds its message back, as the program would.
func run(t *testing.T, m Model, cmd tea.Cmd) Model {
	t.Helper()
	if cmd == nil {
		t.Fatal("no command returned")
	}
	m, _ = m.Update(cmd())
	return m
}

func TestCopyWritesOSC52AndSystem(t *testing.T) {
	for _, tmux := range []bool{false, true} {
		out := &lockedBuffer{}
		sys := &fakeSystem{available: true}
		env := envOf("DISPLAY", ":0")
		if tmux {
			env = envOf("DISPLAY", ":0", "TMUX", "/tmp/tmux-0/default,1,0")
		}
		m := New(Copier{Out: out, Clipboard: Clipboard{Sys: sys, Env: env}})
		m.SetReport(report())
		m.SetSize(200, 3)
		m = run(t, m, m.CopyTarget(Payload))
		if got, want := string(out.Bytes()), string(OSC52(`{"sub": "alice"}`, tmux)); got != want {
			t.Errorf("tmux=%v: terminal got %q, want %q", tmux, got, want)
		}
		if sys.text != `{"sub": "alice"}` {
			t.Errorf("system clipboard = %q, want the payload JSON", sys.text)
		}
		st, isErr := m.Status()
		if isErr || !strings.Contains(st, "system clipboard") || !strings.Contains(st, "OSC 52") {
			t.Errorf("status = %q (error %v), want both ways reported", st, isErr)
		}
		if tmux != strings.Contains(st, "tmux") {
			t.Errorf("tmux=%v: status %q", tmux, st)
		}
	}
}

func TestCopyOverSSH(t *testing.T) {
	out := &lockedBuffer{}
	sys := &fakeSystem{available: true}
	m := New(Copier{Out: out, Clipboard: Clipboard{Sys: sys, Env: envOf("SSH_CONNECTION", "a b c d")}})
	m.SetReport(report())
	m = run(t, m, m.CopyTarget(Token))
	if !bytes.Equal(out.Bytes(), OSC52(sampleToken, false)) {
		t.Errorf("terminal got %q, want the OSC 52 sequence of the token", out.Bytes())
	}
	if sys.writes != 0 {
		t.Errorf("system clipboard written %d times over SSH, want 0", sys.writes)
	}
	st, isErr := m.Status()
	if isErr || !strings.Contains(st, "OSC 52: sent to your terminal") || !strings.Contains(st, "system clipboard: not reachable over SSH") {
		t.Errorf("status = %q (error %v), want OSC 52 reported as sent and the system clipboard apart", st, isErr)
	}
	if v := m.View(); !strings.Contains(v, "credential") {
		t.Errorf("first token copy view = %q, want the credential warning", v)
	}
	m.ClearStatus()
	m = run(t, m, m.CopyTarget(Token))
	if v := m.View(); strings.Contains(v, "credential") {
		t.Errorf("second token copy view = %q, want the warning only once", v)
	}
}

func TestNoClipboardAtAll(t *testing.T) {
	m := New(Copier{Clipboard: Clipboard{Sys: &fakeSystem{}, Env: envOf()}})
	m.SetReport(report())
	m = run(t, m, m.CopyTarget(Header))
	st, isErr := m.Status()
	if !isErr || !strings.Contains(st, "could not copy header") || !strings.Contains(st, "no xclip, xsel or wl-copy") {
		t.Errorf("status = %q (error %v), want a plain failure with the reason", st, isErr)
	}
	m = run(t, m, m.Paste())
	st, isErr = m.Status()
	if !isErr || !strings.Contains(st, "terminal's own paste") {
		t.Errorf("paste status = %q (error %v), want the advice to use the terminal's paste", st, isErr)
	}
	m.SetSize(40, 5)
	for _, l := range strings.Split(m.View(), "\n") {
		if len([]rune(l)) > 40 {
			t.Errorf("status line %q wider than 40", l)
		}
	}
}

func TestCopyNothing(t *testing.T) {
	m := New(Copier{Clipboard: Clipboard{Sys: &fakeSystem{available: true}, Env: envOf("DISPLAY", ":0")}})
	m.SetReport(&inspect.Report{Token: "x"})
	if cmd := m.CopyTarget(Payload); cmd != nil {
		t.Fatal("CopyTarget(payload) of a report without payload returned a command")
	}
	if st, isErr := m.Status(); !isErr || !strings.Contains(st, "no payload") {
		t.Errorf("status = %q, want it to say there is no payload", st)
	}
}

func TestCopyStatusUnderTmux(t *testing.T) {
	m := New(Copier{Out: &lockedBuffer{}, Clipboard: Clipboard{Sys: &fakeSystem{available: true},
		Env: envOf("TMUX", "/tmp/tmux-0/default,1,0", "SSH_TTY", "/dev/pts/1")}})
	m.SetReport(report())
	m = run(t, m, m.CopyTarget(Payload))
	st, _ := m.Status()
	for _, want := range []string{"tmux set -g set-clipboard on", "allow-passthrough on", "system clipboard: not reachable over SSH"} {
		if !strings.Contains(st, want) {
			t.Errorf("status = %q, lacks %q", st, want)
		}
	}
	if strings.Contains(st, "if the terminal allows it") {
		t.Errorf("status = %q: under tmux it must say plainly that tmux may drop it", st)
	}
}

func TestCredentialWarningOnlyForTheToken(t *testing.T) {
	m := New(Copier{Out: &lockedBuffer{}, Clipboard: Clipboard{Sys: &fakeSystem{}, Env: envOf()}})
	m.SetReport(report())
	m = run(t, m, m.CopyTarget(Header))
	if v := m.View(); strings.Contains(v, "credential") {
		t.Errorf("copying the header warns about a credential: %q", v)
	}
	m = run(t, m, m.CopyTarget(Token))
	if v := m.View(); !strings.Contains(v, "credential") {
		t.Errorf("the first token copy does not warn: %q", v)
	}
	m = run(t, m, m.CopyTarget(Payload)) // no edit or ClearStatus between
	if v := m.View(); strings.Contains(v, "credential") {
		t.Errorf("copying the payload after the token still warns: %q", v)
	}
}
