package ui

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"jwtlens/inspect"
	"jwtlens/keys"
	"jwtlens/ui/chooser"
	"jwtlens/ui/clip"
	"jwtlens/ui/clock"
	"jwtlens/ui/explain"
)

// extras are the components of issue 6 — the key chooser, the clipboard, explain mode and
// the clock — and what the root needs to drive them. Model holds them by pointer, so every
// copy of the model shares them, as it shares its overlay and explainer.
type extras struct {
	chooser     chooser.Model
	chooserOpen bool // the chooser was open after the last update (to list on opening)
	clip        clip.Model
	explain     *explain.Model
	clock       clock.Model
	timesFor    *inspect.Report // the report hasTimes was worked out for
	hasTimes    bool
	lastStatus  string // the clipboard status the help line was measured with
	tickedAt    int64  // the second the last tick judged the token at
	statusFor   string // the input the clipboard status was about; an edit clears it
}

// withExtras wires the extras into a new model: the chooser as the ctrl+o overlay and
// explain mode as the explainer.
func (m Model) withExtras() Model {
	e := explain.New()
	ext := &extras{
		chooser: chooser.New(chooser.Config{Dir: m.cfg.KeyDir}),
		clip:    clip.New(clip.Copier{Out: m.cfg.Output, Clipboard: clip.Default()}),
		explain: &e,
		clock:   clock.New(m.cfg.Now),
	}
	if m.cfg.Clipboard != nil {
		ext.clip.Copier.Clipboard = *m.cfg.Clipboard
	}
	for _, s := range m.sets {
		ext.chooser.AddUsed(s)
	}
	if m.cfg.Notice != "" {
		ext.clip.SetStatus(m.cfg.Notice, true)
		ext.statusFor = m.input.Value()
	}
	m.ext = ext
	m = m.WithKeyChooser(func([]keys.Set) Overlay { return chooserOverlay{ext} })
	m = m.WithExplainer(ext.explain)
	return m.syncExtras()
}

// chooserOverlay shows the chooser as the root's overlay. It is a view onto the one
// chooser of the run, so closing and opening it again keeps the folder, the field and the
// keys used.
type chooserOverlay struct{ ext *extras }

// Update implements Overlay.
func (o chooserOverlay) Update(msg tea.Msg) (Overlay, tea.Cmd) {
	var cmd tea.Cmd
	o.ext.chooser, cmd = o.ext.chooser.Update(msg)
	return o, cmd
}

// View implements Overlay.
func (o chooserOverlay) View() string { return o.ext.chooser.View() }

// SetSize implements Overlay.
func (o chooserOverlay) SetSize(w, h int) { o.ext.chooser.SetSize(w, h) }

// ShortHelp implements help.KeyMap: the help line shows the chooser's keys while it is open.
func (o chooserOverlay) ShortHelp() []key.Binding { return o.ext.chooser.KeyMap.ShortHelp() }

// FullHelp implements help.KeyMap.
func (o chooserOverlay) FullHelp() [][]key.Binding { return o.ext.chooser.KeyMap.FullHelp() }

// Update implements tea.Model. It handles what the extras own — the clock's tick, the
// chooser's results, copies and pastes — and hands everything else to update, then lets
// the extras follow the new state.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if m.ext == nil {
		return m.update(msg)
	}
	ext := m.ext
	switch msg := msg.(type) {
	case clock.TickMsg:
		var live bool
		var next tea.Cmd
		ext.clock, live, next = ext.clock.Update(msg)
		if !live {
			return m, nil
		}
		sec := m.cfg.Now().Unix()
		if sec == ext.tickedAt {
			return m.after(next) // a fixed clock (--now): nothing moved
		}
		ext.tickedAt = sec
		m.reportFor = "\x00tick" // judge the times again at the clock's new now
		m.recompute()
		m.relayout()
		return m.after(next)
	case chooser.KeyChosenMsg:
		nm, cmd := m.update(KeysMsg{Sets: []keys.Set{msg.Set}})
		m = nm.(Model)
		ext.chooser.SetResult(m.report)
		return m.after(cmd)
	case chooser.ClosedMsg:
		nm, cmd := m.update(CloseOverlayMsg{})
		return nm.(Model).after(cmd)
	case clip.CopiedMsg:
		ext.clip, _ = ext.clip.Update(msg)
		ext.statusFor = m.input.Value()
		return m.after(nil)
	case clip.PastedMsg:
		ext.clip, _ = ext.clip.Update(msg)
		if msg.Err == nil && msg.Text != "" {
			// The clipboard's text goes in as a terminal paste would: at the cursor, at once.
			m.setFocus(FocusInput)
			nm, cmd := m.update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(msg.Text), Paste: true})
			m = nm.(Model)
			ext.statusFor = m.input.Value()
			return m.after(cmd)
		}
		ext.statusFor = m.input.Value()
		return m.after(nil)
	case tea.KeyMsg:
		// The last copy's or paste's status is old news at the next key, whatever it does.
		ext.clip.ClearStatus()
		if cmd, done := m.extraKey(msg); done {
			return m.after(cmd)
		}
	}
	if chooser.Owns(msg) {
		var cmd tea.Cmd
		ext.chooser, cmd = ext.chooser.Update(msg)
		return m.after(cmd)
	}
	nm, cmd := m.update(msg)
	return nm.(Model).after(cmd)
}

// extraKey handles the keys of the extras: paste, copy and scrolling explain mode. The
// overlay, when open, has the keyboard; letters are left to the token input when it is
// focused, and pasted text always is.
func (m *Model) extraKey(k tea.KeyMsg) (tea.Cmd, bool) {
	if m.overlay != nil || isPaste(k) {
		// A paste is text for the token, never a shortcut; and matching bindings against
		// it would spell out the whole paste as a string for each one.
		return nil, false
	}
	ext := m.ext
	switch {
	case key.Matches(k, m.keys.Paste):
		return ext.clip.Paste(), true
	case key.Matches(k, m.keys.Copy), m.focus != FocusInput && key.Matches(k, m.keys.CopyPane):
		ext.clip.SetReport(m.report)
		return ext.clip.CopyTarget(m.copyTarget()), true
	case m.showExplain:
		// Page keys scroll explain mode from anywhere; the arrows and home/end only outside
		// the token strip, where they do not edit.
		km := ext.explain.KeyMap
		if key.Matches(k, km.PageUp, km.PageDown) ||
			m.focus != FocusInput && key.Matches(k, km.Up, km.Down, km.Top, km.Bottom) {
			*ext.explain, _ = ext.explain.Update(k)
			return nil, true
		}
	}
	return nil, false
}

// copyTarget is what a copy takes, from the focus: the pane's JSON, the findings, or the
// cleaned token.
func (m Model) copyTarget() clip.Target {
	switch m.focus {
	case FocusHeader:
		return clip.Header
	case FocusPayload:
		return clip.Payload
	case FocusFindings:
		return clip.Findings
	}
	return clip.Token
}

// after lets the extras follow the state an update left: explain mode renders only while
// shown, the clock ticks only while the token has time claims, the chooser lists its
// folder each time it opens, and the help line makes room for the clipboard's status.
func (m Model) after(cmd tea.Cmd) (tea.Model, tea.Cmd) {
	m = m.syncExtras()
	var cmds []tea.Cmd
	if cmd != nil {
		cmds = append(cmds, cmd)
	}
	ext := m.ext
	_, open := m.overlay.(chooserOverlay)
	if open && !ext.chooserOpen {
		cmds = append(cmds, ext.chooser.Init())
	}
	// While the chooser is open its help follows its focus, so the line is drawn anew.
	if status := ext.clip.View(); open || open != ext.chooserOpen || status != ext.lastStatus {
		ext.chooserOpen, ext.lastStatus = open, status
		m.helpStr = "" // the help line shows other keys, or the status changed: measure again
		m.relayout()
	}
	if ext.timesFor != m.report {
		ext.timesFor, ext.hasTimes = m.report, explain.HasTimes(m.report)
	}
	if c := ext.clock.SetActive(ext.hasTimes); c != nil {
		cmds = append(cmds, c)
	}
	return m, tea.Batch(cmds...)
}

// syncExtras hands the current report and time to explain mode and the clipboard.
func (m Model) syncExtras() Model {
	ext := m.ext
	if ext.statusFor != m.input.Value() {
		ext.clip.ClearStatus() // the token was edited: the last copy or paste is old news
		ext.statusFor = m.input.Value()
	}
	ext.explain.SetActive(m.showExplain && m.overlay == nil)
	ext.explain.SetNow(m.cfg.Now())
	ext.clip.SetReport(m.report)
	ext.clip.SetSize(m.width, 3)
	return m
}

// extrasHelp is the help line's top: the clipboard's status, when it has one, or the
// overlay's own keys.
func (m Model) extrasHelp() (status string, km help.KeyMap) {
	if m.ext == nil {
		return "", nil
	}
	if h, ok := m.overlay.(help.KeyMap); ok {
		km = h
	}
	return m.ext.clip.View(), km
}
