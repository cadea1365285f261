package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"jwtlens/ui/clip"
	"jwtlens/ui/clip/xvfbtest"
)

// TestXvfbPasteAndCopy pastes a token from a real X clipboard with ctrl+v, and copies the
// payload back to it with y in the payload pane.
func TestXvfbPasteAndCopy(t *testing.T) {
	display := xvfbtest.Start(t)
	t.Setenv("DISPLAY", display)
	t.Setenv("WAYLAND_DISPLAY", "")
	t.Setenv("SSH_CONNECTION", "")
	t.Setenv("SSH_TTY", "")
	token := fixture(t, "valid-hs256.jwt")
	xvfbtest.SetClipboard(t, display, token)

	def := clip.Default()
	m, _ := newExtras(t, "", Config{Clipboard: &def, Output: &lockedBuffer{}})
	m, cmd := sendCmd(m, keyOf(tea.KeyCtrlV))
	m = drive(t, m, cmd)
	if m.Value() != token {
		t.Fatalf("ctrl+v put %q in the token strip, want the clipboard's token\n%s", m.Value(), m.View())
	}
	if !realInspect() {
		return
	}
	m.setFocus(FocusPayload)
	m, cmd = sendCmd(m, runes("y"))
	m = drive(t, m, cmd)
	want := m.Report().Payload.Raw
	if got := xvfbtest.WaitClipboard(t, display, want); got != want {
		t.Errorf("the X clipboard holds %q after y in the payload pane, want %q", got, want)
	}
	if v := strings.Join(strings.Fields(m.View()), " "); !strings.Contains(v, "OSC 52: sent to your terminal") || !strings.Contains(v, "system clipboard: written") {
		t.Errorf("the status does not report both ways:\n%s", v)
	}
}
