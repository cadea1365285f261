// Package findings is the focusable list of what jwtlens found, most important first. Each
// row has a severity mark that reads without colour (✗ error, ! warning, · info), the
// message and, for the selected row, the hint. The root model follows the selection to mark
// the finding's bytes in the token strip and to scroll the pane it belongs to.
package findings

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"jwtlens/inspect"
	"jwtlens/ui/common"
)

// Styles are the looks of the list, filled in by ui.NewStyles.
type Styles struct {
	Title, TitleFocus    lipgloss.Style
	Error, Warning, Info lipgloss.Style // the severity marks
	Message, Hint, Code  lipgloss.Style
	Selected             lipgloss.Style // the selection pointer
	Escape               lipgloss.Style
	Summary              lipgloss.Style
}

// KeyMap holds the keys of the list.
type KeyMap struct {
	Up, Down, Top, Bottom key.Binding
}

// DefaultKeyMap returns the list keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "previous finding")),
		Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "next finding")),
		Top:    key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g", "first")),
		Bottom: key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G", "last")),
	}
}

// Model is the findings list.
type Model struct {
	KeyMap KeyMap
	items  []inspect.Finding
	sel    int
	width  int
	height int
	focus  bool
	styles Styles
	plain  common.Paint
	esc    common.Paint
}

// New returns an empty list.
func New(st Styles) Model {
	return Model{KeyMap: DefaultKeyMap(), styles: st, width: 80, height: 3,
		plain: common.NewPaint(st.Message), esc: common.NewPaint(st.Escape)}
}

// SetFindings replaces the list, keeping the selection on the same code when it is still
// there.
func (m *Model) SetFindings(fs []inspect.Finding) {
	var code string
	if m.sel < len(m.items) {
		code = m.items[m.sel].Code
	}
	m.items = fs
	m.sel = 0
	for i, f := range fs {
		if f.Code == code {
			m.sel = i
			break
		}
	}
}

// Selected returns the selected finding, or nil when the list is empty.
func (m Model) Selected() *inspect.Finding {
	if m.sel < len(m.items) {
		return &m.items[m.sel]
	}
	return nil
}

// Index returns the selection index.
func (m Model) Index() int { return m.sel }

// Select moves the selection to index i (clamped).
func (m *Model) Select(i int) { m.sel = max(0, min(i, len(m.items)-1)) }

// Len returns how many findings there are.
func (m Model) Len() int { return len(m.items) }

// SetSize sets the width and the lines the list may use (title included).
func (m *Model) SetSize(w, h int) { m.width, m.height = max(1, w), max(1, h) }

// Focus gives the list the keyboard.
func (m *Model) Focus() { m.focus = true }

// Blur takes the keyboard away.
func (m *Model) Blur() { m.focus = false }

// NeededLines returns the lines the list needs to show everything: title, rows, and the
// selected finding's hint, wrapped.
func (m Model) NeededLines() int {
	if len(m.items) == 0 {
		return 1
	}
	return 1 + len(m.items) + len(m.hintLines(maxHintLines))
}

// maxHintLines is how many lines the selected finding's hint may wrap to.
const maxHintLines = 3

// hintLines is the selected finding's hint, word-wrapped under the message, at most n lines
// (the last cut with an ellipsis).
func (m Model) hintLines(n int) []string {
	if m.sel >= len(m.items) || m.items[m.sel].Hint == "" || n <= 0 {
		return nil
	}
	const indent = "    "
	text := "→ " + common.Safe(m.items[m.sel].Hint)
	lines := strings.Split(ansi.Wrap(text, max(10, m.width-len(indent)-2), ""), "\n")
	for i := 1; i < len(lines); i++ {
		lines[i] = "  " + lines[i] // under the text, past the arrow
	}
	if len(lines) > n {
		lines = lines[:n]
		lines[n-1] = ansi.Truncate(lines[n-1]+" …", m.width-len(indent), "…")
	}
	for i := range lines {
		lines[i] = indent + m.styles.Hint.Render(ansi.Truncate(lines[i], m.width-len(indent), "…"))
	}
	return lines
}

// Update moves the selection.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok || !m.focus {
		return m, nil
	}
	switch {
	case key.Matches(k, m.KeyMap.Up):
		m.Select(m.sel - 1)
	case key.Matches(k, m.KeyMap.Down):
		m.Select(m.sel + 1)
	case key.Matches(k, m.KeyMap.Top):
		m.Select(0)
	case key.Matches(k, m.KeyMap.Bottom):
		m.Select(len(m.items) - 1)
	}
	return m, nil
}

// Mark returns the severity mark of sev, styled.
func (m Model) Mark(sev inspect.Severity) string {
	switch sev {
	case inspect.Error:
		return m.styles.Error.Render("✗")
	case inspect.Warning:
		return m.styles.Warning.Render("!")
	}
	return m.styles.Info.Render("·")
}

// View draws the list in exactly its height.
func (m Model) View() string {
	lines := make([]string, 0, m.height)
	title := m.styles.Title
	if m.focus {
		title = m.styles.TitleFocus
	}
	head := title.Render(fmt.Sprintf("Findings (%d)", len(m.items)))
	if s := m.summary(); s != "" {
		head += " " + m.styles.Summary.Render(s)
	}
	lines = append(lines, ansi.Truncate(head, m.width, "…"))
	rows := m.height - 1
	if rows <= 0 {
		return lines[0]
	}
	// the hint gets what is left after one line per finding, within its cap
	hintRoom := min(maxHintLines, rows-len(m.items))
	if hintRoom < 1 && rows >= 2 {
		hintRoom = 1
	}
	hint := m.hintLines(hintRoom)
	listRows := rows - len(hint)
	first := 0
	if m.sel >= listRows {
		first = m.sel - listRows + 1
	}
	for i := first; i < len(m.items) && len(lines) < m.height; i++ {
		f := m.items[i]
		ptr := "  "
		if i == m.sel {
			ptr = m.styles.Selected.Render("▸ ")
			if !m.focus {
				ptr = m.styles.Selected.Render("› ")
			}
		}
		row := ptr + m.Mark(f.Severity) + " " + common.SafePaint(f.Message, m.plain, m.esc) +
			" " + m.styles.Code.Render(f.Code)
		lines = append(lines, ansi.Truncate(row, m.width, "…"))
		if i == m.sel {
			for _, h := range hint {
				if len(lines) < m.height {
					lines = append(lines, h)
				}
			}
		}
	}
	for len(lines) < m.height {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

func (m Model) summary() string {
	var e, w, i int
	for _, f := range m.items {
		switch f.Severity {
		case inspect.Error:
			e++
		case inspect.Warning:
			w++
		default:
			i++
		}
	}
	var parts []string
	if e > 0 {
		parts = append(parts, fmt.Sprintf("%d error", e)+s(e))
	}
	if w > 0 {
		parts = append(parts, fmt.Sprintf("%d warning", w)+s(w))
	}
	if i > 0 {
		parts = append(parts, fmt.Sprintf("%d info", i))
	}
	return strings.Join(parts, " · ")
}

func s(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
