package ui

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"jwtlens/inspect"
	"jwtlens/keys"
)

// Config is what the command line hands the inspector.
type Config struct {
	Token   string           // prefilled input, exactly as given (may be empty)
	Keys    []keys.Set       // key material from --key / --secret
	Now     func() time.Time // the clock claims are judged by; nil means time.Now
	Leeway  time.Duration    // clock leeway for exp, nbf and iat
	MaxSize int              // input size cap in bytes; 0 means inspect.DefaultMaxSize
	Expect  []inspect.Expectation
}

// Run runs the inspector full screen until the person quits. opts are added after the
// defaults (alternate screen; bracketed paste is on by default in bubbletea).
func Run(cfg Config, opts ...tea.ProgramOption) error {
	all := append([]tea.ProgramOption{tea.WithAltScreen()}, opts...)
	_, err := tea.NewProgram(New(cfg), all...).Run()
	return err
}
