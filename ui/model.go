package ui

import (
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"jwtlens/inspect"
	"jwtlens/keys"
	"jwtlens/ui/findings"
	"jwtlens/ui/panes"
	"jwtlens/ui/tokeninput"
	"jwtlens/ui/verdict"
)

// Timing of the paste debounce: input messages closer together than burstGap are a paste
// arriving in pieces (a terminal without bracketed paste); the report is recomputed once
// nothing more has arrived for settleAfter.
const (
	burstGap    = 25 * time.Millisecond
	settleAfter = 60 * time.Millisecond
)

// Model is the root of the inspector: it routes messages to the components and lays them
// out. Build it with New.
type Model struct {
	cfg    Config
	sets   []keys.Set // the key material in use (the key chooser replaces it)
	styles *Styles
	keys   KeyMap
	help   *help.Model

	// The components are held by pointer: a Model is copied into an interface on every
	// message, and by value they would be tens of kilobytes copied per keystroke. Copies
	// of a Model therefore share them, as they share the extras.
	input    *tokeninput.Model
	findings *findings.Model
	panes    *panes.Model
	focus    Focus
	fullHelp bool

	// the report and the input text it was made from (memoised on that text)
	report    *inspect.Report
	reportFor string
	nested    *inspect.Report // the inner token's report, for a nested JWT
	nestedFor string          // the inner token it was made from
	pending   bool            // input changed in a burst; the report is stale until it settles
	// followCursor is set by typing and cursor keys and cleared by a paste: the strip then
	// shows the problem the paste has rather than the cursor at its end.
	followCursor bool
	seq          int // tags settle ticks
	// burstCR is set when the last key of an unbracketed paste was a CR (made a LF); a LF
	// right after it makes the pair a CRLF again.
	burstCR   bool
	lastInput time.Time
	clock     func() time.Time // wall clock for burst detection
	inspectFn func([]byte, inspect.Options) *inspect.Report

	overlay     Overlay
	chooser     KeyChooser
	explain     Explainer
	showExplain bool

	width, height int
	paneH         int    // lines given to the panes by the last layout
	helpStr       string // the help as drawn by the last layout
	helpFor       helpKey
	lay           layout

	ext *extras // the key chooser, clipboard, explain mode and clock (extras.go)
}

// New builds the inspector for cfg, with the report of cfg.Token already made.
func New(cfg Config) Model {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	st := NewStyles()
	hm := help.New()
	in := tokeninput.New(st.Input)
	fl := findings.New(st.Findings)
	pn := panes.New(st.Panes)
	m := Model{
		cfg:       cfg,
		sets:      cfg.Keys,
		styles:    &st,
		keys:      NewKeyMap(),
		help:      &hm,
		input:     &in,
		findings:  &fl,
		panes:     &pn,
		clock:     time.Now,
		inspectFn: inspect.Inspect,
		width:     80,
		height:    24,
	}
	m.help.Styles.ShortKey = st.Help.Bold(true)
	m.help.Styles.ShortDesc = st.Help
	m.help.Styles.FullKey = st.Help.Bold(true)
	m.help.Styles.FullDesc = st.Help
	m.input.Placeholder = []string{
		"Paste a token here (ctrl+shift+v, cmd+v, shift+insert)",
		"or type it. Bearer prefixes, quotes, header lines are fine.",
	}
	m.input.SetValue(cfg.Token)
	m.recompute()
	m.setFocus(FocusInput)
	m.relayout()
	return m.withExtras()
}

// WithKeyChooser wires the key chooser that ctrl+o opens.
func (m Model) WithKeyChooser(c KeyChooser) Model {
	m.chooser = c
	m.keys.update(m.focus, m.chooser != nil, m.explain != nil)
	return m
}

// WithExplainer wires the explain pane that ctrl+t shows.
func (m Model) WithExplainer(e Explainer) Model {
	m.explain = e
	if e != nil {
		e.SetReport(m.report)
	}
	m.keys.update(m.focus, m.chooser != nil, m.explain != nil)
	m.relayout()
	return m
}

// Report returns the current report (nil before any input).
func (m Model) Report() *inspect.Report { return m.report }

// Value returns the text in the token input.
func (m Model) Value() string { return m.input.Value() }

// Focus returns which part has the keyboard.
func (m Model) Focus() Focus { return m.focus }

// Pending reports whether input is still arriving and the report is stale.
func (m Model) Pending() bool { return m.pending }

// Init implements tea.Model.
func (m Model) Init() tea.Cmd { return nil }

// update is Update for everything the extras do not handle (see extras.go).
func (m Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.relayout()
		return m, nil
	case settleMsg:
		if msg.seq != m.seq || !m.pending {
			return m, nil // a tick of an earlier burst
		}
		m.pending = false
		m.recompute()
		m.relayout()
		return m, nil
	case KeysMsg:
		m.sets = msg.Sets
		m.reportFor = "\x00stale" // keys changed: the memo no longer holds
		m.recompute()
		m.relayout()
		return m, nil
	case OpenOverlayMsg:
		m.overlay = msg.Overlay
		m.relayout()
		return m, nil
	case CloseOverlayMsg:
		m.overlay = nil
		m.relayout()
		return m, nil
	case tea.KeyMsg:
		return m.handleKey(msg)
	}
	if m.overlay != nil {
		var cmd tea.Cmd
		m.overlay, cmd = m.overlay.Update(msg)
		return m, cmd
	}
	return m, nil
}

// handleKey routes a key: the overlay first, then the token input (which takes every key
// but the few global ones, so typing q never quits), then the global keys, then the
// focused component.
func (m Model) handleKey(k tea.KeyMsg) (tea.Model, tea.Cmd) {
	if isPaste(k) && m.overlay == nil {
		// a paste always goes to the token, whatever has the focus; it is matched against
		// no binding (each match would copy the whole paste into a string)
		if m.focus != FocusInput {
			m.setFocus(FocusInput)
		}
		cmd, _ := m.handleInputKey(k)
		return m, cmd
	}
	if key.Matches(k, m.keys.ForceQuit) {
		return m, tea.Quit
	}
	if m.overlay != nil {
		var cmd tea.Cmd
		m.overlay, cmd = m.overlay.Update(k)
		return m, cmd
	}
	if m.fullHelp && (k.Type == tea.KeyEsc || k.Type == tea.KeyF1 || m.focus != FocusInput && key.Matches(k, m.keys.Help)) {
		m.fullHelp = false // esc, f1 or ? closes the full help
		m.relayout()
		return m, nil
	}
	if m.focus == FocusInput && k.Alt && !m.isEditKey(k) {
		// esc pressed just before another key reaches us as alt+key (esc then q, typed
		// quickly): leave the token, then take the key outside it
		m.leaveInput()
		k.Alt = false
		return m.handleKey(k)
	}
	if m.focus == FocusInput {
		if cmd, done := m.handleInputKey(k); done {
			return m, cmd
		}
	}
	switch {
	case key.Matches(k, m.keys.Next):
		m.cycle(1)
	case key.Matches(k, m.keys.Prev):
		m.cycle(-1)
	case key.Matches(k, m.keys.Help):
		m.fullHelp = !m.fullHelp
		m.relayout()
	case key.Matches(k, m.keys.ChooseKey):
		m.overlay = m.chooser(m.sets)
		m.relayout()
	case key.Matches(k, m.keys.Explain):
		m.showExplain = !m.showExplain
		m.relayout()
	case m.focus == FocusInput:
		// keys the input did not take and that are not global do nothing
	case key.Matches(k, m.keys.Quit):
		return m, tea.Quit
	case key.Matches(k, m.keys.Edit):
		m.setFocus(FocusInput)
	case m.focus == FocusFindings && key.Matches(k, m.keys.Open):
		if f := m.findings.Selected(); f != nil {
			if i := m.paneOfFinding(f); i >= 0 {
				m.setFocus(paneFocus(i))
				m.revealFinding()
			}
		}
	case key.Matches(k, m.keys.Leave):
		if m.focus != FocusFindings && m.findings.Len() > 0 {
			m.setFocus(FocusFindings)
		}
	case m.focus == FocusFindings:
		*m.findings, _ = m.findings.Update(k)
		m.syncMarks()
		m.revealFinding()
		m.relayout() // the selected finding is drawn whole: the list's height follows it
	default:
		var cmd tea.Cmd
		*m.panes, cmd = m.panes.Update(k)
		return m, cmd
	}
	return m, nil
}

// View implements tea.Model. It only joins what Update prepared.
func (m Model) View() string {
	parts := []string{
		m.input.View(),
		verdict.Render(m.verdictInput(), m.width, m.styles.Verdict),
	}
	if m.lay.findingsH > 0 {
		parts = append(parts, m.findings.View())
	}
	parts = append(parts, m.centreView())
	parts = append(parts, m.helpStr)
	return strings.Join(parts, "\n")
}

// centreView is the panes, or the overlay or explain pane that takes their place.
func (m Model) centreView() string {
	switch {
	case m.overlay != nil:
		return lipgloss.Place(m.width, m.paneH, lipgloss.Center, lipgloss.Center, m.styles.Overlay.Render(m.overlay.View()))
	case m.fullHelp:
		return lipgloss.NewStyle().Width(m.width).Height(m.paneH).MaxHeight(m.paneH).Render(m.fullHelpBox(m.width))
	case m.showExplain && m.explain != nil:
		return lipgloss.NewStyle().Width(m.width).Height(m.paneH).MaxHeight(m.paneH).Render(m.explain.View())
	}
	return m.panes.View()
}

func (m Model) helpView() string {
	status, km := m.extrasHelp()
	if km == nil {
		km = m.keys
	}
	h := m.help.ShortHelpView(km.ShortHelp())
	if status != "" {
		return status + "\n" + h
	}
	return h
}

func (m Model) verdictInput() verdict.Input {
	hint := "start with --key FILE or --secret"
	if m.chooser != nil {
		hint = "ctrl+o"
	}
	return verdict.Input{Report: m.report, Empty: m.input.Value() == "", Pending: m.pending, KeyHint: hint}
}
