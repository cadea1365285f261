package ui

import (
	"github.com/charmbracelet/lipgloss"

	"jwtlens/ui/findings"
	"jwtlens/ui/panes"
	"jwtlens/ui/tokeninput"
	"jwtlens/ui/verdict"
)

// The named colours. The parts follow the jwt.io mapping everywhere they appear: header
// red, payload purple, signature blue.
var (
	colHeader     = lipgloss.AdaptiveColor{Light: "#C4003F", Dark: "#FF5F87"}
	colPayload    = lipgloss.AdaptiveColor{Light: "#8E24AA", Dark: "#D787FF"}
	colSignature  = lipgloss.AdaptiveColor{Light: "#0077B6", Dark: "#00AFFF"}
	colDot        = lipgloss.AdaptiveColor{Light: "#303030", Dark: "#EEEEEE"}
	colError      = lipgloss.AdaptiveColor{Light: "#C00000", Dark: "#FF5555"}
	colWarning    = lipgloss.AdaptiveColor{Light: "#9A6700", Dark: "#FFB86C"}
	colGood       = lipgloss.AdaptiveColor{Light: "#1A7F37", Dark: "#50FA7B"}
	colInfo       = lipgloss.AdaptiveColor{Light: "#0969DA", Dark: "#8BE9FD"}
	colDim        = lipgloss.AdaptiveColor{Light: "#6E7781", Dark: "#8B949E"}
	colText       = lipgloss.AdaptiveColor{Light: "#1F2328", Dark: "#E6EDF3"}
	colBorder     = lipgloss.AdaptiveColor{Light: "#AFB8C1", Dark: "#484F58"}
	colFocus      = lipgloss.AdaptiveColor{Light: "#0969DA", Dark: "#79C0FF"}
	colEscape     = lipgloss.AdaptiveColor{Light: "#8250DF", Dark: "#FF79C6"}
	colString     = lipgloss.AdaptiveColor{Light: "#0A3069", Dark: "#A5D6FF"}
	colNumber     = lipgloss.AdaptiveColor{Light: "#953800", Dark: "#FFA657"}
	colMarkerText = lipgloss.AdaptiveColor{Light: "#FFFFFF", Dark: "#FFFFFF"}
)

// Styles holds every style of the screen, grouped by the component that uses it.
type Styles struct {
	Input    tokeninput.Styles
	Verdict  verdict.Styles
	Findings findings.Styles
	Panes    panes.Styles
	Help     lipgloss.Style
	Overlay  lipgloss.Style // the frame of a modal overlay
}

// NewStyles builds every style of the screen. Marks never rely on colour alone: marked
// bytes are underlined (reversed when selected) and get a marker line, severities have
// their own glyphs, the focused pane a heavy frame, the active tab brackets.
func NewStyles() Styles {
	s := lipgloss.NewStyle
	bold := s().Bold(true)
	var st Styles

	st.Input.Class[tokeninput.Plain] = s().Foreground(colDim)
	st.Input.Class[tokeninput.Header] = s().Foreground(colHeader)
	st.Input.Class[tokeninput.Payload] = s().Foreground(colPayload)
	st.Input.Class[tokeninput.Signature] = s().Foreground(colSignature)
	st.Input.Class[tokeninput.Dot] = s().Foreground(colDot).Bold(true)
	st.Input.Escape = s().Foreground(colEscape).Italic(true)
	st.Input.Cursor = s().Reverse(true)
	// the error marker line is white on red, not red text, so it cannot be taken for the
	// header segment's colour
	st.Input.Marker = s().Foreground(colMarkerText).Background(colError).Bold(true)
	st.Input.MarkerWarn = s().Foreground(colWarning).Bold(true)
	st.Input.MarkerInfo = s().Foreground(colInfo)
	st.Input.Title = bold.Foreground(colText)
	st.Input.TitleFocus = bold.Foreground(colFocus).Underline(true)
	st.Input.Info = s().Foreground(colDim)
	st.Input.Placeholder = s().Foreground(colDim).Italic(true)

	st.Verdict.Bad = bold.Foreground(colError)
	st.Verdict.Warn = bold.Foreground(colWarning)
	st.Verdict.Good = bold.Foreground(colGood)
	st.Verdict.Neutral = bold.Foreground(colInfo)
	st.Verdict.Text = s().Foreground(colText)

	st.Findings.Title = bold.Foreground(colText)
	st.Findings.TitleFocus = bold.Foreground(colFocus).Underline(true)
	st.Findings.Error = bold.Foreground(colError)
	st.Findings.Warning = bold.Foreground(colWarning)
	st.Findings.Info = s().Foreground(colInfo)
	st.Findings.Message = s().Foreground(colText)
	st.Findings.Hint = s().Foreground(colDim)
	st.Findings.Code = s().Foreground(colDim).Faint(true)
	st.Findings.Selected = bold.Foreground(colFocus)
	st.Findings.Escape = st.Input.Escape
	st.Findings.Summary = s().Foreground(colDim)

	st.Panes.Header = bold.Foreground(colHeader)
	st.Panes.Payload = bold.Foreground(colPayload)
	st.Panes.Signature = bold.Foreground(colSignature)
	st.Panes.Border = s().Foreground(colBorder)
	st.Panes.BorderFocus = s().Foreground(colFocus)
	st.Panes.Title = bold
	st.Panes.BadgeGood = s().Foreground(colGood)
	st.Panes.BadgeWarn = s().Foreground(colWarning)
	st.Panes.BadgeBad = bold.Foreground(colError)
	st.Panes.BadgeNeutral = s().Foreground(colDim)
	st.Panes.Key = s().Foreground(colPayload)
	st.Panes.String = s().Foreground(colString)
	st.Panes.Number = s().Foreground(colNumber)
	st.Panes.Literal = s().Foreground(colInfo)
	st.Panes.Punct = s().Foreground(colDim)
	st.Panes.Note = s().Foreground(colGood)
	st.Panes.NoteBad = bold.Foreground(colError)
	st.Panes.Label = s().Foreground(colDim)
	st.Panes.Value = s().Foreground(colText)
	st.Panes.Dim = s().Foreground(colDim)
	st.Panes.Escape = st.Input.Escape
	st.Panes.Tab = s().Foreground(colDim)
	st.Panes.TabActive = bold.Foreground(colFocus)

	st.Help = s().Foreground(colDim)
	st.Overlay = s().Border(lipgloss.RoundedBorder()).BorderForeground(colFocus).Padding(0, 1)
	return st
}
