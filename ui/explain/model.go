package explain

import (
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"

	"jwtlens/inspect"
)

// KeyMap scrolls explain mode. It binds no bare letters, so the token strip can keep
// typing while explain mode is on.
type KeyMap struct {
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Top      key.Binding
	Bottom   key.Binding
}

// DefaultKeyMap returns explain mode's bindings.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:       key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", "scroll up")),
		Down:     key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", "scroll down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+b"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "ctrl+f"), key.WithHelp("pgdn", "page down")),
		Top:      key.NewBinding(key.WithKeys("home"), key.WithHelp("home", "top")),
		Bottom:   key.NewBinding(key.WithKeys("end"), key.WithHelp("end", "bottom")),
	}
}

// ShortHelp implements help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Down, k.Up, k.PageDown} }

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down}, {k.PageUp, k.PageDown}, {k.Top, k.Bottom}}
}

// cacheKey is what the page depends on; the page is rendered again only when it changes.
type cacheKey struct {
	r     *inspect.Report
	width int
	now   int64 // the second it was judged at, when the report has time claims; else 0
}

// Model is explain mode: the page of Render in a scrolling viewport.
type Model struct {
	KeyMap KeyMap
	Styles Styles

	vp       viewport.Model
	on       bool
	report   *inspect.Report
	hasTimes bool
	now      time.Time
	key      cacheKey
	renders  int
}

// New returns explain mode, off.
func New() Model {
	vp := viewport.New(0, 0)
	vp.KeyMap = viewport.KeyMap{} // scrolling goes through KeyMap, never bare letters
	vp.MouseWheelEnabled = true
	return Model{KeyMap: DefaultKeyMap(), Styles: DefaultStyles(), vp: vp}
}

// SetSize sets the area the page is shown in.
func (m *Model) SetSize(w, h int) {
	m.vp.Width, m.vp.Height = w, h
	m.refresh()
}

// SetReport gives the report to explain.
func (m *Model) SetReport(r *inspect.Report) {
	if r != m.report {
		m.report = r
		m.hasTimes = HasTimes(r)
	}
	m.refresh()
}

// SetNow gives the time relative times are judged at.
func (m *Model) SetNow(t time.Time) {
	m.now = t
	m.refresh()
}

// SetActive turns explain mode on or off; the page is rendered only while it is on.
func (m *Model) SetActive(on bool) {
	m.on = on
	m.refresh()
}

// Active reports whether explain mode is on.
func (m Model) Active() bool { return m.on }

// Renders counts how many times the page was rendered (for tests and benchmarks).
func (m Model) Renders() int { return m.renders }

func (m *Model) refresh() {
	if !m.on || m.vp.Width <= 0 {
		return
	}
	k := cacheKey{r: m.report, width: m.vp.Width}
	if m.hasTimes {
		k.now = m.now.Unix()
	}
	if k == m.key && m.renders > 0 {
		return
	}
	m.key = k
	m.renders++
	m.vp.SetContent(m.Styles.Render(m.report, m.now, m.vp.Width))
}

// Init implements tea.Model.
func (m Model) Init() tea.Cmd { return nil }

// Update scrolls the page.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	if !m.on {
		return m, nil
	}
	switch msg := msg.(type) {
	case tea.KeyMsg:
		switch {
		case key.Matches(msg, m.KeyMap.Up):
			m.vp.ScrollUp(1)
		case key.Matches(msg, m.KeyMap.Down):
			m.vp.ScrollDown(1)
		case key.Matches(msg, m.KeyMap.PageUp):
			m.vp.PageUp()
		case key.Matches(msg, m.KeyMap.PageDown):
			m.vp.PageDown()
		case key.Matches(msg, m.KeyMap.Top):
			m.vp.GotoTop()
		case key.Matches(msg, m.KeyMap.Bottom):
			m.vp.GotoBottom()
		}
	case tea.MouseMsg:
		var cmd tea.Cmd
		m.vp, cmd = m.vp.Update(msg)
		return m, cmd
	}
	return m, nil
}

// View implements tea.Model; it only returns the viewport's lines.
func (m Model) View() string {
	if !m.on {
		return ""
	}
	return m.vp.View()
}

// ScrollPercent says how far down the page is scrolled, for a footer.
func (m Model) ScrollPercent() float64 { return m.vp.ScrollPercent() }
