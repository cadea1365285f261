package clock

import (
	"testing"
	"time"
)

func TestTicksOnlyWhileActive(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 900_000_000, time.UTC)
	m := New(func() time.Time { return now })
	if m.Active() {
		t.Fatal("a new clock ticks")
	}
	if _, live, cmd := m.Update(TickMsg{ID: 0}); live || cmd != nil {
		t.Fatalf("Update(tick) of a stopped clock = live %v, cmd %v; want neither", live, cmd != nil)
	}
	start := m.SetActive(true)
	if start == nil {
		t.Fatal("SetActive(true) returned no tick")
	}
	if again := m.SetActive(true); again != nil {
		t.Error("SetActive(true) on a running clock started a second ticker")
	}
	tick := TickMsg{ID: m.id}
	m, live, next := m.Update(tick)
	if !live || next == nil {
		t.Fatalf("Update(live tick) = live %v, next %v; want a live tick and the next one", live, next != nil)
	}
	m.SetActive(false)
	if _, live, next := m.Update(tick); live || next != nil {
		t.Errorf("Update(tick) after stopping = live %v, next %v; want it dropped", live, next != nil)
	}
	m.SetActive(true)
	if _, live, _ := m.Update(tick); live {
		t.Error("a tick of the previous run was taken as live after a restart")
	}
	if got := m.Now(); !got.Equal(now) {
		t.Errorf("Now() = %v, want the injected %v", got, now)
	}
}
