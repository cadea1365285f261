package tokeninput

import (
	"github.com/charmbracelet/lipgloss"

	"jwtlens/ui/common"
)

// Class is the colour class of a byte of the text.
type Class uint8

// The classes: text outside the token, the three JWS parts (JWE parts take the colour of
// the part in the same place), the dots between segments.
const (
	Plain Class = iota
	Header
	Payload
	Signature
	Dot
	numClasses
)

// Styles are the looks of the token strip. They are filled in by ui.NewStyles.
type Styles struct {
	Class       [numClasses]lipgloss.Style
	Escape      lipgloss.Style // a visible escape of a control or invisible character
	Cursor      lipgloss.Style
	Marker      lipgloss.Style // the marker line under the bytes of an error
	MarkerWarn  lipgloss.Style // … of a warning
	MarkerInfo  lipgloss.Style // … of an info finding
	Title       lipgloss.Style
	TitleFocus  lipgloss.Style
	Info        lipgloss.Style // the counter
	Placeholder lipgloss.Style
}

// markState is how a byte is marked: not, by a finding, by the selected finding.
type markState uint8

const (
	unmarked markState = iota
	marked
	selected
	numMarks
)

// paints are the styles turned into cheap brushes, one per class and mark state.
type paints struct {
	cell   [numClasses][numMarks]common.Paint
	escape [numMarks]common.Paint
	cursor common.Paint
	marker [numLevels]common.Paint
}

func newPaints(s Styles) paints {
	var p paints
	for c := Class(0); c < numClasses; c++ {
		p.cell[c][unmarked] = common.NewPaint(s.Class[c])
		p.cell[c][marked] = common.NewPaint(s.Class[c].Underline(true))
		p.cell[c][selected] = common.NewPaint(s.Class[c].Underline(true).Reverse(true))
	}
	p.escape[unmarked] = common.EscapePaint(s.Escape)
	p.escape[marked] = common.EscapePaint(s.Escape.Underline(true))
	p.escape[selected] = common.EscapePaint(s.Escape.Underline(true).Reverse(true))
	p.cursor = common.NewPaint(s.Cursor)
	if p.cursor.Empty() {
		p.cursor = common.Reverse
	}
	p.marker[Error] = common.NewPaint(s.Marker)
	p.marker[Warning] = common.NewPaint(s.MarkerWarn)
	p.marker[Info] = common.NewPaint(s.MarkerInfo)
	return p
}
