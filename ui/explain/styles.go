package explain

import "github.com/charmbracelet/lipgloss"

// Styles are explain mode's styles. The segment colours follow the jwt.io convention used
// everywhere in jwtlens (header red, payload purple, signature blue); every distinction
// also shows without colour (labels, bold, the ✗ mark).
type Styles struct {
	Section   lipgloss.Style
	Header    lipgloss.Style
	Payload   lipgloss.Style
	Signature lipgloss.Style
	Other     lipgloss.Style // JWE segments
	Name      lipgloss.Style // a member name
	Dim       lipgloss.Style // references, lengths
	Problem   lipgloss.Style
	Good      lipgloss.Style
	Warning   lipgloss.Style // a warning's mark
	Escape    lipgloss.Style // the sanitiser's visible escapes in token text
}

// DefaultStyles returns the default styles; the root may give its own.
func DefaultStyles() Styles {
	return Styles{
		Section:   lipgloss.NewStyle().Bold(true).Underline(true),
		Header:    lipgloss.NewStyle().Foreground(lipgloss.AdaptiveColor{Light: "#C62828", Dark: "#FB015B"}),
		Payload:   lipgloss.NewStyle().Foreground(lipgloss.AdaptiveColor{Light: "#7B1FA2", Dark: "#D63AFF"}),
		Signature: lipgloss.NewStyle().Foreground(lipgloss.AdaptiveColor{Light: "#0277BD", Dark: "#00B9F1"}),
		Other:     lipgloss.NewStyle().Foreground(lipgloss.AdaptiveColor{Light: "#2E7D32", Dark: "#66BB6A"}),
		Name:      lipgloss.NewStyle().Bold(true),
		Dim:       lipgloss.NewStyle().Faint(true),
		Problem:   lipgloss.NewStyle().Bold(true).Foreground(lipgloss.AdaptiveColor{Light: "#C62828", Dark: "#EF5350"}),
		Good:      lipgloss.NewStyle().Foreground(lipgloss.AdaptiveColor{Light: "#2E7D32", Dark: "#81C784"}),
		Warning:   lipgloss.NewStyle().Bold(true).Foreground(lipgloss.AdaptiveColor{Light: "#B26A00", Dark: "#FFB74D"}),
		Escape:    lipgloss.NewStyle().Italic(true).Foreground(lipgloss.AdaptiveColor{Light: "#8250DF", Dark: "#FF79C6"}),
	}
}
