package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"jwtlens/inspect"
	"jwtlens/keys"
)

// settleMsg asks for the report to be recomputed after a burst of input; seq tags it so a
// tick from an earlier burst is dropped.
type settleMsg struct{ seq int }

// KeysMsg replaces the key material the token is verified with (sent by a key chooser).
type KeysMsg struct{ Sets []keys.Set }

// OpenOverlayMsg opens a modal overlay over the panes.
type OpenOverlayMsg struct{ Overlay Overlay }

// CloseOverlayMsg closes the overlay.
type CloseOverlayMsg struct{}

// Overlay is a modal drawn in place of the panes (a key chooser, say). While it is open it
// gets every key except ctrl+c; it closes itself by returning a CloseOverlayMsg command.
type Overlay interface {
	Update(tea.Msg) (Overlay, tea.Cmd)
	View() string
	SetSize(width, height int)
}

// Explainer is a pane that explains the token's parts (explain mode). When one is wired
// with WithExplainer, ctrl+t shows it in place of the panes (its scrolling keys are
// handled where it is wired, extras.go).
type Explainer interface {
	SetReport(r *inspect.Report)
	SetSize(width, height int)
	View() string
}

// KeyChooser makes the overlay that lets a person choose key material; it is given the
// key sets in use.
type KeyChooser func(current []keys.Set) Overlay
