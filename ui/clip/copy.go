package clip

import (
	"context"
	"errors"
	"fmt"
	"io"

	tea "github.com/charmbracelet/bubbletea"
)

// CopiedMsg reports how a copy went.
type CopiedMsg struct {
	What  Target
	Bytes int
	// OSC52 says the OSC 52 sequence was written to the terminal. Whether the terminal
	// honours it cannot be known (none answers), so the message says "sent".
	OSC52 bool
	Tmux  bool // the sequence was wrapped for tmux passthrough
	// System says the system clipboard was written; SystemErr says why not.
	System    bool
	SystemErr error
	OSCErr    error // writing the sequence to the terminal failed
}

// OK reports whether at least one way of copying worked.
func (m CopiedMsg) OK() bool { return m.OSC52 || m.System }

// Status is the report shown after a copy: what was copied, then how each way went —
// OSC 52 (said plainly under tmux, which drops it unless told otherwise) and the system
// clipboard (with why it could not be reached) — as separate clauses.
func (m CopiedMsg) Status() string {
	what := fmt.Sprintf("%s (%d bytes)", m.What, m.Bytes)
	var osc string
	switch {
	case m.OSC52 && m.Tmux:
		osc = "OSC 52: sent through tmux, which drops it unless `tmux set -g set-clipboard on`" +
			" (the wrapped copy: `allow-passthrough on`)"
	case m.OSC52:
		osc = "OSC 52: sent to your terminal (most put it on your clipboard; some need OSC 52 allowed in their settings)"
	case m.OSCErr != nil:
		osc = "OSC 52: could not be written to the terminal"
	default:
		osc = "OSC 52: no terminal to send it to"
	}
	sys := "system clipboard: written"
	if !m.System {
		sys = "system clipboard: " + shortReason(m.SystemErr)
	}
	if m.OK() {
		return "copied " + what + " · " + osc + " · " + sys
	}
	return "could not copy " + what + " · " + osc + " · " + sys
}

// shortReason says in a few words why the system clipboard was not written.
func shortReason(err error) string {
	var u *Unreachable
	switch {
	case err == nil:
		return "not used"
	case errors.As(err, &u) && u.Short != "":
		return u.Short
	case errors.As(err, &u):
		return u.Reason
	}
	return "failed"
}

// Copier writes text to the terminal (OSC 52) and the system clipboard.
type Copier struct {
	// Out is where the OSC 52 sequence goes: the writer the program renders to. Nil
	// disables OSC 52.
	Out       io.Writer
	Clipboard Clipboard
}

// Copy returns a command that copies text and reports a CopiedMsg. It runs off the UI
// thread: the clipboard tools are separate processes.
func (c Copier) Copy(what Target, text string) tea.Cmd {
	return func() tea.Msg { return c.CopyNow(context.Background(), what, text) }
}

// CopyNow copies text at once and says how it went.
func (c Copier) CopyNow(ctx context.Context, what Target, text string) CopiedMsg {
	msg := CopiedMsg{What: what, Bytes: len(text)}
	if c.Out != nil {
		msg.Tmux = c.Clipboard.env()("TMUX") != ""
		// One Write call, so the sequence lands between two frames of the renderer.
		if _, err := c.Out.Write(OSC52(text, msg.Tmux)); err != nil {
			msg.OSCErr = err
		} else {
			msg.OSC52 = true
		}
	}
	if err := c.Clipboard.Write(ctx, text); err != nil {
		msg.SystemErr = err
	} else {
		msg.System = true
	}
	return msg
}

// PastedMsg carries what a paste from the system clipboard found.
type PastedMsg struct {
	Text string
	Err  error // an *Unreachable error when there is no clipboard to read
}

// Paste returns a command that reads the system clipboard and reports a PastedMsg.
func (c Copier) Paste() tea.Cmd {
	return func() tea.Msg {
		s, err := c.Clipboard.Read(context.Background())
		return PastedMsg{Text: s, Err: err}
	}
}
