package ui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// layout is how the lines of the screen were shared out by the last relayout.
type layout struct {
	inputH, findingsH, paneH, helpH int
}

// fitWidth cuts every line of s to w cells (bubbles/help can overshoot its Width when
// the ellipsis does not fit).
func fitWidth(s string, w int) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, w, "…")
	}
	return strings.Join(lines, "\n")
}

// helpKey is what the help line depends on.
type helpKey struct {
	focus            Focus
	full             bool
	width            int
	chooser, explain bool
}

// relayout shares the height out: the verdict gets one line, the help what it measures,
// the token strip and findings what they need within a cap, and the panes the rest. It
// measures the parts instead of assuming their heights.
func (m *Model) relayout() {
	w, h := max(20, m.width), max(8, m.height)
	m.help.Width = w
	m.input.SetInfo(m.counter())
	m.input.SetSize(w, 2)
	m.findings.SetSize(w, 1)

	if hk := (helpKey{m.focus, m.fullHelp, w, m.chooser != nil, m.explain != nil}); hk != m.helpFor || m.helpStr == "" {
		m.helpStr, m.helpFor = fitWidth(m.helpView(), w), hk
	}
	helpH := lipgloss.Height(m.helpStr)
	verdictH := 1
	inputNeed := m.input.NeededLines()
	// the strip scrolls (with a row indicator) rather than squeeze the rest: title and
	// two or three rows on a small screen, a quarter of a tall one
	inputCap := 4
	switch {
	case h <= 20:
		inputCap = 3
	case h > 24:
		inputCap = max(4, h/4)
	}
	inputH := min(inputNeed, inputCap)

	// The findings may take all but what the panes need at least: the selected finding is
	// shown whole, message and hint. While the findings have the focus the panes give up
	// more (a person is reading the findings).
	minPanes := 6
	if m.focus == FocusFindings {
		minPanes = 4
	}
	findNeed := 0
	if m.findings.Len() > 0 {
		findNeed = m.findings.NeededLines()
	}
	findH := max(0, min(findNeed, h-helpH-verdictH-inputH-minPanes))
	if findNeed > 0 {
		findH = max(findH, min(findNeed, 2))
	}
	if m.overlay != nil || (m.showExplain && m.explain != nil) {
		// the key chooser or explain mode needs the room; explain repeats every finding
		findH = min(findH, max(3, h/5))
	}
	if m.fullHelp {
		findH = 0 // the full help takes the findings' and the panes' place
	}
	paneH := h - helpH - verdictH - inputH - findH
	paneH = max(3, paneH)

	m.input.SetSize(w, inputH)
	m.findings.SetSize(w, max(1, findH))
	m.panes.SetSize(w, paneH)
	if m.report != nil {
		m.panes.SetReport(m.report)
	}
	if m.overlay != nil {
		m.overlay.SetSize(w-4, paneH-2)
	}
	if m.explain != nil {
		m.explain.SetSize(w, paneH)
	}
	m.paneH = paneH
	m.lay = layout{inputH: inputH, findingsH: findH, paneH: paneH, helpH: helpH}
}
