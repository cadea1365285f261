// Package findings is the focusable list of what jwtlens found, most important first. Each
// row has a severity mark that reads without colour (✗ error, ! warning, · info), the
// message and, for the selected row, the hint. The root model follows the selection to mark
// the finding's bytes in the token strip and to scroll the pane it belongs to.
package findings

import (
	"fmt"
	"slices"
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
	cands  []inspect.Candidate // other token-like strings, shown under input.extracted
	sel    int
	width  int
	height int
	focus  bool
	styles Styles
	plain  common.Paint
	hint   common.Paint
	esc    common.Paint
	memo   *selMemo // the selected finding's lines, shared by copies of the model
}

// selMemo holds the selected finding's wrapped lines and what they were made from: they
// are asked for by the layout and by View after every message.
type selMemo struct {
	f     inspect.Finding // the selected finding, by value: a new report with the same one hits
	cands []inspect.Candidate
	sel   int
	width int
	focus bool
	lines []string
}

// New returns an empty list.
func New(st Styles) Model {
	return Model{KeyMap: DefaultKeyMap(), styles: st, width: 80, height: 3,
		plain: common.NewPaint(st.Message), hint: common.NewPaint(st.Hint), esc: common.EscapePaint(st.Escape),
		memo: &selMemo{sel: -1}}
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

// SetCandidates sets the other token-like strings the input held (Report.Candidates):
// they are listed under the input.extracted finding, so a person sees which one was taken
// and what else there was.
func (m *Model) SetCandidates(c []inspect.Candidate) { m.cands = c }

// candidateCode is the finding the candidates are listed under.
const candidateCode = "input.extracted"

// candidateLines lists the candidates, one a line.
func (m Model) candidateLines() []string {
	var out []string
	for _, c := range m.cands {
		l := fmt.Sprintf("also found: %s at byte %d (%d chars)", common.Safe(c.Where), c.Offset, c.Length)
		out = append(out, indent+"  "+m.styles.Hint.Render(ansi.Truncate(l, max(10, m.width-len(indent)-2), "…")))
	}
	return out
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

// NeededLines returns the lines the list needs to show everything: title, one line per
// finding, and the selected finding's whole message and hint, wrapped.
func (m Model) NeededLines() int {
	if len(m.items) == 0 {
		return 1
	}
	return len(m.items) + len(m.selectedLines())
}

// indent is where the wrapped lines of the selected finding start, under its message.
const indent = "    "

// selectedLines is the selected finding drawn in full: its message (with the code) and
// its hint, word-wrapped to the width, nothing cut.
func (m Model) selectedLines() []string {
	if m.sel >= len(m.items) {
		return nil
	}
	f := m.items[m.sel]
	if c := m.memo; c != nil && c.sel == m.sel && c.width == m.width && c.focus == m.focus && c.f == f &&
		(f.Code != candidateCode || slices.Equal(c.cands, m.cands)) {
		return c.lines
	}
	lines := m.drawSelected()
	if m.memo != nil {
		*m.memo = selMemo{f: f, cands: m.cands, sel: m.sel, width: m.width, focus: m.focus, lines: lines}
	}
	return lines
}

// drawSelected draws the selected finding's lines (see selectedLines).
func (m Model) drawSelected() []string {
	f := m.items[m.sel]
	ptr := m.styles.Selected.Render("▸ ")
	if !m.focus {
		ptr = m.styles.Selected.Render("› ")
	}
	room := max(10, m.width-len(indent))
	msg := common.SafePaint(f.Message, m.plain, m.esc) + " " + m.styles.Code.Render(f.Code)
	var out []string
	for i, l := range common.Wrap(msg, max(10, m.width-4)) {
		if i == 0 {
			out = append(out, ptr+m.Mark(f.Severity)+" "+l)
		} else {
			out = append(out, indent+l)
		}
	}
	if f.Hint != "" {
		hint := "→ " + common.SafePaint(f.Hint, m.hint, m.esc)
		for i, l := range common.Wrap(hint, room-2) {
			if i > 0 {
				l = "  " + l // under the text, past the arrow
			}
			out = append(out, indent+l)
		}
	}
	if f.Code == candidateCode {
		out = append(out, m.candidateLines()...)
	}
	for i := range out {
		out[i] = ansi.Truncate(out[i], m.width, "…")
	}
	return out
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

// View draws the list in exactly its height. The selected finding is drawn in full; the
// others get a line each, and the list scrolls to keep the selected one in view (from
// its first line, when it alone is taller than the list).
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
	rows := m.height - 1
	sel := m.selectedLines()
	first := 0
	// the rows above the selection that fit with the whole selected block
	if above := rows - len(sel); m.sel > above {
		first = max(0, m.sel-max(0, above))
	}
	if first > 0 || m.sel+max(0, rows-len(sel)-(m.sel-first)) < len(m.items)-1 {
		head += m.styles.Summary.Render(fmt.Sprintf(" · %d/%d", m.sel+1, len(m.items)))
	}
	lines = append(lines, ansi.Truncate(head, m.width, "…"))
	if rows <= 0 {
		return lines[0]
	}
	for i := first; i < len(m.items) && len(lines) < m.height; i++ {
		if i == m.sel {
			for k, l := range sel {
				if len(lines) == m.height-1 && k < len(sel)-1 {
					// the block goes on below the list: say so rather than stop mid-sentence
					l = ansi.Truncate(l, m.width-2, "") + " …"
				}
				if len(lines) < m.height {
					lines = append(lines, l)
				}
			}
			continue
		}
		f := m.items[i]
		row := "  " + m.Mark(f.Severity) + " "
		if f.Code == candidateCode && len(m.cands) > 0 {
			// first, so the row's ellipsis cannot hide it
			row += m.styles.Hint.Render(fmt.Sprintf("(+%d other candidate%s) ", len(m.cands), s(len(m.cands))))
		}
		row += common.SafePaint(f.Message, m.plain, m.esc) + " " + m.styles.Code.Render(f.Code)
		lines = append(lines, ansi.Truncate(row, m.width, "…"))
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
