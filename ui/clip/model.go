package clip

import (
	"jwtlens/ui/common"

	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"jwtlens/inspect"
)

// CredentialWarning is said once per run, the first time a token is copied.
const CredentialWarning = "careful: a token is a credential — whoever holds it can use it until it expires; clear your clipboard when done"

// KeyMap is the clipboard's key map: global shortcuts a root routes here. What a copy
// takes follows the focus (the root's choice of Target).
type KeyMap struct {
	Paste key.Binding
	Copy  key.Binding
}

// DefaultKeyMap returns the clipboard bindings.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Paste: key.NewBinding(key.WithKeys("ctrl+v"), key.WithHelp("ctrl+v", "paste from clipboard")),
		Copy:  key.NewBinding(key.WithKeys("ctrl+y"), key.WithHelp("ctrl+y", "copy")),
	}
}

// ShortHelp implements help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Paste, k.Copy} }

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// Styles are the clip component's styles; the root may replace them with its own.
type Styles struct {
	Status  lipgloss.Style
	Warning lipgloss.Style
	Error   lipgloss.Style
}

// DefaultStyles returns styles that stay readable without colour.
func DefaultStyles() Styles {
	return Styles{
		Status:  lipgloss.NewStyle().Foreground(lipgloss.AdaptiveColor{Light: "#2E7D32", Dark: "#81C784"}),
		Warning: lipgloss.NewStyle().Foreground(lipgloss.AdaptiveColor{Light: "#B26A00", Dark: "#FFB74D"}).Bold(true),
		Error:   lipgloss.NewStyle().Foreground(lipgloss.AdaptiveColor{Light: "#C62828", Dark: "#EF9A9A"}).Bold(true),
	}
}

// Model is the clipboard component: it starts pastes and copies and keeps the status of
// the last one. The root routes ctrl+v, ctrl+y and the results here.
type Model struct {
	KeyMap KeyMap
	Styles Styles
	Copier Copier

	width, height int
	report        *inspect.Report
	status        string
	statusErr     bool
	warned        bool // the credential warning was shown
	warning       string
}

// New returns a clipboard component copying through c.
func New(c Copier) Model {
	return Model{KeyMap: DefaultKeyMap(), Styles: DefaultStyles(), Copier: c}
}

// SetSize sets the width the menu and status lines are cut to.
func (m *Model) SetSize(w, h int) { m.width, m.height = w, h }

// SetReport gives the report copies are taken from.
func (m *Model) SetReport(r *inspect.Report) { m.report = r }

// Paste returns the command reading the system clipboard.
func (m Model) Paste() tea.Cmd { return m.Copier.Paste() }

// CopyTarget copies t from the current report.
func (m *Model) CopyTarget(t Target) tea.Cmd {
	text, ok := Text(m.report, t)
	if !ok {
		m.setStatus("nothing to copy: this token has no "+t.String(), true)
		m.warning = ""
		return nil
	}
	m.warning = "" // the warning is about copying the token, and only the first time
	if t == Token && !m.warned {
		m.warned = true
		m.warning = CredentialWarning
	}
	return m.Copier.Copy(t, text)
}

// Init implements tea.Model.
func (m Model) Init() tea.Cmd { return nil }

// Update takes the results of copies and pastes (PastedMsg is also for the root, which
// takes the text as input).
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case CopiedMsg:
		m.setStatus(msg.Status(), !msg.OK())
	case PastedMsg:
		if msg.Err != nil {
			m.setStatus(msg.Err.Error(), true)
		} else {
			m.setStatus("pasted "+common.Count(len(msg.Text), "byte")+" from the system clipboard", false)
		}
	}
	return m, nil
}

func (m *Model) setStatus(s string, isErr bool) {
	m.status, m.statusErr = inspect.Sanitize(s), isErr
}

// SetStatus shows a message on the status line, e.g. what --paste found on the clipboard.
func (m *Model) SetStatus(s string, isErr bool) { m.setStatus(s, isErr) }

// Status returns the last status line, and whether it reports a failure.
func (m Model) Status() (string, bool) { return m.status, m.statusErr }

// ClearStatus forgets the last status (the root calls it on the next edit).
func (m *Model) ClearStatus() { m.status, m.warning = "", "" }

// View renders the status (and the one-time credential warning), wrapped to the width;
// "" when there is nothing to say.
func (m Model) View() string {
	var lines []string
	if m.warning != "" {
		lines = append(lines, m.Styles.Warning.Render(m.warning))
	}
	if m.status != "" {
		st := m.Styles.Status
		if m.statusErr {
			st = m.Styles.Error
		}
		lines = append(lines, st.Render(m.status))
	}
	if m.width > 0 {
		for i, l := range lines {
			lines[i] = lipgloss.NewStyle().Width(m.width).Render(l)
		}
	}
	return strings.Join(lines, "\n")
}
