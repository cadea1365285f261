package ui

import (
	"io"
	"os"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"jwtlens/inspect"
	"jwtlens/keys"
	"jwtlens/ui/clip"
)

// Config is what the command line hands the inspector.
type Config struct {
	Token   string           // prefilled input, exactly as given (may be empty)
	Keys    []keys.Set       // key material from --key / --secret
	Now     func() time.Time // the clock claims are judged by; nil means time.Now
	Leeway  time.Duration    // clock leeway for exp, nbf and iat
	MaxSize int              // input size cap in bytes; 0 means inspect.DefaultMaxSize
	Expect  []inspect.Expectation

	// KeyDir is the folder the key chooser lists first; the working directory when "".
	KeyDir string
	// Output is the writer the program renders to; copies send their OSC 52 sequence
	// there. Run sets it to os.Stdout when nil; nil elsewhere disables OSC 52.
	Output io.Writer
	// Clipboard is the system clipboard; clip.Default() when nil.
	Clipboard *clip.Clipboard
	// Notice is shown on the status line at start, e.g. why --paste found no token.
	Notice string
}

// Run runs the inspector full screen until the person quits. opts are added after the
// defaults (alternate screen; bracketed paste is on by default in bubbletea).
func Run(cfg Config, opts ...tea.ProgramOption) error {
	if cfg.Output == nil {
		cfg.Output = os.Stdout
	}
	all := append([]tea.ProgramOption{tea.WithAltScreen(), tea.WithOutput(cfg.Output)}, opts...)
	_, err := tea.NewProgram(New(cfg), all...).Run()
	return err
}
