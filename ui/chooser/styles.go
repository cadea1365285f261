package chooser

import "github.com/charmbracelet/lipgloss"

// Styles are the chooser's styles; the root may give its own. Focus and selection also
// show without colour (the ▸ cursor, bold, the > prompt).
type Styles struct {
	Title    lipgloss.Style
	Label    lipgloss.Style // an area's label
	Focused  lipgloss.Style // the label of the focused area
	Cursor   lipgloss.Style
	Dir      lipgloss.Style
	File     lipgloss.Style
	Dim      lipgloss.Style
	Error    lipgloss.Style
	Warning  lipgloss.Style
	Info     lipgloss.Style
	Verified lipgloss.Style
	Escape   lipgloss.Style // the sanitiser's visible escapes in names, kids and messages
}

// DefaultStyles returns the default styles.
func DefaultStyles() Styles {
	return Styles{
		Title:    lipgloss.NewStyle().Bold(true),
		Label:    lipgloss.NewStyle().Faint(true),
		Focused:  lipgloss.NewStyle().Bold(true).Underline(true),
		Cursor:   lipgloss.NewStyle().Bold(true).Foreground(lipgloss.AdaptiveColor{Light: "#0277BD", Dark: "#4FC3F7"}),
		Dir:      lipgloss.NewStyle().Foreground(lipgloss.AdaptiveColor{Light: "#5E35B1", Dark: "#B39DDB"}),
		File:     lipgloss.NewStyle(),
		Dim:      lipgloss.NewStyle().Faint(true),
		Error:    lipgloss.NewStyle().Bold(true).Foreground(lipgloss.AdaptiveColor{Light: "#C62828", Dark: "#EF5350"}),
		Warning:  lipgloss.NewStyle().Foreground(lipgloss.AdaptiveColor{Light: "#B26A00", Dark: "#FFB74D"}),
		Info:     lipgloss.NewStyle().Faint(true),
		Verified: lipgloss.NewStyle().Bold(true).Foreground(lipgloss.AdaptiveColor{Light: "#2E7D32", Dark: "#81C784"}),
		Escape:   lipgloss.NewStyle().Italic(true).Foreground(lipgloss.AdaptiveColor{Light: "#8250DF", Dark: "#FF79C6"}),
	}
}
