package clip

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/atotto/clipboard"
)

// DefaultTimeout bounds every access to the system clipboard.
const DefaultTimeout = 2 * time.Second

// MaxRead caps what is taken from the clipboard (the inspector's own input cap).
const MaxRead = 1 << 20

// System is a system clipboard. The real one is Atotto; tests use a fake.
type System interface {
	// ReadAll returns the clipboard's text.
	ReadAll() (string, error)
	// WriteAll replaces the clipboard's text.
	WriteAll(text string) error
	// Available reports whether a clipboard tool (xclip, xsel, wl-paste…) was found.
	Available() bool
	// Name says what the clipboard is, for messages, e.g. "the system clipboard".
	Name() string
}

// Atotto is the system clipboard reached through atotto/clipboard.
type Atotto struct{}

// ReadAll implements System.
func (Atotto) ReadAll() (string, error) { return clipboard.ReadAll() }

// WriteAll implements System.
func (Atotto) WriteAll(text string) error { return clipboard.WriteAll(text) }

// Available implements System.
func (Atotto) Available() bool { return !clipboard.Unsupported }

// Name implements System.
func (Atotto) Name() string { return "the system clipboard" }

// Env looks up an environment variable; os.Getenv in the product, a map in tests.
type Env func(string) string

// Unreachable is the error returned when no system clipboard can be reached. Reason says
// why in plain words; Error adds what to do instead.
type Unreachable struct {
	Reason string
	Short  string // the reason in a few words, for a status line ("not reachable over SSH")
}

// Error implements error.
func (e *Unreachable) Error() string {
	return "no clipboard reachable: " + e.Reason +
		"; use your terminal's own paste instead (for example ctrl+shift+v or shift+insert), which always works"
}

// ErrUnreachable matches every *Unreachable with errors.Is.
var ErrUnreachable = errors.New("no clipboard reachable")

// Is lets errors.Is(err, ErrUnreachable) match.
func (e *Unreachable) Is(target error) bool { return target == ErrUnreachable }

// reachable says why the system clipboard cannot be used, or returns nil when it may be.
func reachable(sys System, env Env) error {
	if sys == nil || !sys.Available() {
		return &Unreachable{Reason: "no clipboard tool is installed (xclip, xsel or wl-clipboard)",
			Short: "none (no xclip, xsel or wl-copy)"}
	}
	display := env("DISPLAY") != "" || env("WAYLAND_DISPLAY") != ""
	if !display && (env("SSH_CONNECTION") != "" || env("SSH_TTY") != "") {
		return &Unreachable{Reason: "this is an SSH session without a display, so the clipboard of the machine you type on is out of reach",
			Short: "not reachable over SSH"}
	}
	if !display && needsDisplay {
		return &Unreachable{Reason: "no graphical session is running here (neither DISPLAY nor WAYLAND_DISPLAY is set)",
			Short: "none (no graphical session)"}
	}
	return nil
}

// withTimeout runs f in a goroutine and gives up after the context or timeout ends. A tool
// that hangs (an X server that never answers) is left behind rather than freezing the UI.
func withTimeout[T any](ctx context.Context, timeout time.Duration, f func() (T, error)) (T, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1)
	go func() {
		v, err := f()
		done <- result{v, err}
	}()
	select {
	case r := <-done:
		return r.v, r.err
	case <-ctx.Done():
		var zero T
		return zero, &Unreachable{Reason: fmt.Sprintf("the clipboard did not answer within %s", timeout),
			Short: fmt.Sprintf("did not answer within %s", timeout)}
	}
}

// Clipboard is the system clipboard together with what decides whether it is reachable.
type Clipboard struct {
	Sys     System
	Env     Env
	Timeout time.Duration
}

// Default is the clipboard of the running process: atotto, the real environment and
// DefaultTimeout.
func Default() Clipboard {
	return Clipboard{Sys: Atotto{}, Env: os.Getenv, Timeout: DefaultTimeout}
}

func (c Clipboard) timeout() time.Duration {
	if c.Timeout <= 0 {
		return DefaultTimeout
	}
	return c.Timeout
}

func (c Clipboard) env() Env {
	if c.Env == nil {
		return os.Getenv
	}
	return c.Env
}

// Read returns the clipboard's text, at most MaxRead bytes of it, or an *Unreachable error
// saying why there is none to read.
func (c Clipboard) Read(ctx context.Context) (string, error) {
	if err := reachable(c.Sys, c.env()); err != nil {
		return "", err
	}
	s, err := withTimeout(ctx, c.timeout(), c.Sys.ReadAll)
	if err != nil {
		var u *Unreachable
		if errors.As(err, &u) {
			return "", err
		}
		return "", &Unreachable{Reason: "reading " + c.Sys.Name() + " failed (" + oneLine(err.Error()) + ")"}
	}
	if len(s) > MaxRead {
		s = s[:MaxRead+1] // one byte over: the inspector reports input.too-large
	}
	return s, nil
}

// Write replaces the clipboard's text, or returns an *Unreachable error saying why it
// cannot.
func (c Clipboard) Write(ctx context.Context, text string) error {
	if err := reachable(c.Sys, c.env()); err != nil {
		return err
	}
	_, err := withTimeout(ctx, c.timeout(), func() (struct{}, error) { return struct{}{}, c.Sys.WriteAll(text) })
	if err != nil {
		var u *Unreachable
		if errors.As(err, &u) {
			return err
		}
		return &Unreachable{Reason: "writing " + c.Sys.Name() + " failed (" + oneLine(err.Error()) + ")"}
	}
	return nil
}

// oneLine keeps the first line of a tool's error output, at most 120 bytes.
func oneLine(s string) string {
	for i, r := range s {
		if r == '\n' || r == '\r' {
			s = s[:i]
			break
		}
	}
	if len(s) > 120 {
		s = s[:120] + "…"
	}
	return s
}
