package ui

import (
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"jwtlens/ui/tokeninput"
)

// This file is the way into the token input: typed keys, bracketed pastes and pastes
// arriving in pieces (a terminal without bracketed paste), with their line breaks.

// handleInputKey gives a key to the token input. It reports done when the key was the
// input's; then the text may have changed and the report follows, at once for a typed key
// or a bracketed paste, after the burst settles for a paste arriving in pieces.
func (m *Model) handleInputKey(k tea.KeyMsg) (tea.Cmd, bool) {
	now := m.clock()
	burst := !m.lastInput.IsZero() && now.Sub(m.lastInput) < burstGap
	crlf := false
	switch {
	case isPaste(k):
		if k.Paste {
			k.Runes = []rune(tokeninput.PasteText(string(k.Runes)))
		}
	case k.Type == tea.KeyCtrlJ && burst && m.burstCR && strings.HasSuffix(m.input.Value()[:m.input.Cursor()], "\n"):
		// the LF of a CRLF: the CR before it was made a LF; make the pair whole again
		crlf = true
	case key.Matches(k, m.keys.Leave):
		m.leaveInput()
		return nil, true
	case k.Type == tea.KeyEnter && burst, k.Type == tea.KeyCtrlJ && burst:
		// a line break inside an unbracketed paste is part of the paste
		k = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'\n'}}
	case k.Type == tea.KeyTab && burst:
		k = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'\t'}}
	case k.Type == tea.KeyRunes && k.Alt, k.Type != tea.KeyRunes && k.Type != tea.KeySpace && !m.isEditKey(k):
		return nil, false
	}
	m.burstCR = burst && k.Type == tea.KeyRunes && len(k.Runes) == 1 && k.Runes[0] == '\n' && !k.Paste
	before := m.input.Value()
	if crlf {
		c := m.input.Cursor()
		m.input.SetValue(before[:c-1] + "\r\n" + before[c:])
		m.input.SetCursor(c + 1)
	} else {
		*m.input, _ = m.input.Update(k)
	}
	pieces := k.Type == tea.KeyRunes && !k.Paste && (len(k.Runes) > 1 || burst)
	m.followCursor = !k.Paste && !pieces
	if m.input.Value() == before {
		m.syncMarks()
		return nil, true
	}
	m.lastInput = now
	if pieces || (m.pending && !k.Paste) {
		m.pending = true
		m.seq++
		seq := m.seq
		m.relayout()
		return tea.Tick(settleAfter, func(time.Time) tea.Msg { return settleMsg{seq: seq} }), true
	}
	m.pending = false
	m.recompute()
	m.relayout()
	return nil, true
}

// leaveInput moves the focus from the token to the findings (or the panes when there are
// none), with the report brought up to date first.
func (m *Model) leaveInput() {
	m.pending = false
	m.recompute()
	if m.findings.Len() > 0 {
		m.setFocus(FocusFindings)
		m.revealFinding() // the selected finding's pane, at its member
	} else {
		m.setFocus(FocusHeader)
	}
	m.relayout()
}

// isPaste reports whether k is (a piece of) a paste: bracketed, or several characters in
// one message, which is how a terminal without bracketed paste delivers one.
func isPaste(k tea.KeyMsg) bool {
	return k.Type == tea.KeyRunes && !k.Alt && (k.Paste || len(k.Runes) > 1)
}

func (m *Model) isEditKey(k tea.KeyMsg) bool {
	km := m.input.KeyMap
	return key.Matches(k, km.Left, km.Right, km.Up, km.Down, km.Home, km.End, km.Backspace,
		km.Delete, km.Clear, km.DeleteWord, km.KillToEnd)
}
