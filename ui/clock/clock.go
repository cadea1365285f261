// Package clock is the inspector's sense of time: an injectable clock and a once-a-second
// tick that runs only while the screen shows something that changes with time (relative
// times, an expiry), so an idle inspector of a token without time claims never wakes up.
package clock

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// TickMsg is the once-a-second tick. ID ties it to one run of the ticker, so a tick from a
// ticker that was stopped and started again is dropped instead of doubling the rate.
type TickMsg struct {
	ID int
}

// Model is the clock and its ticker.
type Model struct {
	now    func() time.Time
	id     int
	active bool
}

// New returns a clock reading now (time.Now when nil), not ticking.
func New(now func() time.Time) Model {
	if now == nil {
		now = time.Now
	}
	return Model{now: now}
}

// Now returns the current time of the clock.
func (m Model) Now() time.Time { return m.now() }

// Active reports whether the ticker runs.
func (m Model) Active() bool { return m.active }

// SetActive starts or stops the ticker. Starting returns the command of the first tick;
// starting a running ticker or stopping returns nil.
func (m *Model) SetActive(on bool) tea.Cmd {
	if on == m.active {
		return nil
	}
	m.active = on
	m.id++ // pending ticks of the previous run become stale
	if !on {
		return nil
	}
	return m.tick()
}

// tick waits until the clock's next whole second, so relative times change together.
func (m Model) tick() tea.Cmd {
	id := m.id
	d := time.Second - time.Duration(m.now().Nanosecond())
	return tea.Tick(d, func(time.Time) tea.Msg { return TickMsg{ID: id} })
}

// Update handles a tick: it reports whether msg was a live tick of this clock (the root
// then judges the token again at Now) and returns the next tick while active.
func (m Model) Update(msg tea.Msg) (Model, bool, tea.Cmd) {
	t, ok := msg.(TickMsg)
	if !ok || t.ID != m.id || !m.active {
		return m, false, nil
	}
	return m, true, m.tick()
}

// Tick returns the tick the running ticker sends next, for a root or a test that drives
// the clock by hand.
func (m Model) Tick() TickMsg { return TickMsg{ID: m.id} }
