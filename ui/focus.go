package ui

import "jwtlens/ui/panes"

// Focus says which part of the screen has the keyboard.
type Focus int

// The focusable parts, in tab order.
const (
	FocusInput Focus = iota
	FocusFindings
	FocusHeader
	FocusPayload
	FocusSignature
	numFocus
)

// pane returns the pane index of a pane focus, or -1.
func (f Focus) pane() int {
	switch f {
	case FocusHeader:
		return panes.Header
	case FocusPayload:
		return panes.Payload
	case FocusSignature:
		return panes.Signature
	}
	return -1
}

// paneFocus returns the focus of pane i.
func paneFocus(i int) Focus { return FocusHeader + Focus(i) }

// setFocus moves the keyboard to f: the old owner is blurred, the new one focused, and the
// key map follows.
func (m *Model) setFocus(f Focus) {
	m.blur()
	m.focus = f
	switch f {
	case FocusInput:
		m.input.Focus()
	case FocusFindings:
		m.findings.Focus()
	default:
		m.panes.Focus(f.pane())
	}
	m.keys.update(f, m.chooser != nil, m.explain != nil)
	m.syncMarks()
	m.relayout() // the marks, the help and the findings' share of the screen follow the focus
}

func (m *Model) blur() {
	m.input.Blur()
	m.findings.Blur()
	m.panes.Blur()
}

// cycle moves the focus by d places, skipping the findings when there are none.
func (m *Model) cycle(d int) {
	f := m.focus
	for range numFocus {
		f = (f + Focus(d) + numFocus) % numFocus
		if f == FocusFindings && m.findings.Len() == 0 {
			continue
		}
		break
	}
	m.setFocus(f)
}
