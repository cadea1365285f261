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

// Status is the one-line report shown after a copy.
func (m CopiedMsg) Status() string {
	what := fmt.Sprintf("%s (%d bytes)", m.What, m.Bytes)
	osc := "sent to your terminal by OSC 52"
	if m.Tmux {
		osc = "sent through tmux by OSC 52 (tmux passes it on with set-clipboard on or allow-passthrough on)"
	}
	switch {
	case m.OSC52 && m.System:
		return "copied " + what + ": written to the system clipboard and " + osc
	case m.System:
		return "copied " + what + " to the system clipboard"
	case m.OSC52:
		return "copied " + what + ": " + osc + "; it lands on your clipboard if the terminal allows it"
	}
	reason := "no terminal output and no clipboard"
	if m.SystemErr != nil {
		var u *Unreachable
		if errors.As(m.SystemErr, &u) {
			reason = u.Reason
		}
	}
	return "could not copy " + what + ": " + reason
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
