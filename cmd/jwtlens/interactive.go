package main

import (
	"errors"
	"fmt"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"jwtlens/inspect"
	"jwtlens/ui"
)

// interactiveConfig is what the inspector starts with.
type interactiveConfig struct {
	raw      []byte          // the token (or text holding one) to prefill, possibly empty
	options  inspect.Options // keys, expectations, leeway and now from the flags
	fixedNow bool            // --now was given: judge at options.Now, not the clock
	notice   string          // shown on the status line at start (sanitised), e.g. why --paste found nothing
	keyDir   string          // --key-dir: where the key chooser starts
}

// runInteractive runs the inspector until the person quits. A piped stdin has been read
// already; bubbletea then reads the keyboard from the terminal (/dev/tty) by itself.
func runInteractive(c interactiveConfig, e env) (int, error) {
	cfg := ui.Config{
		Token:   prefill(c.raw),
		Keys:    c.options.Keys,
		Leeway:  c.options.Leeway,
		MaxSize: c.options.MaxSize,
		Expect:  c.options.Expect,
		Notice:  c.notice,
		KeyDir:  c.keyDir,
	}
	if c.fixedNow {
		at := c.options.Now
		cfg.Now = func() time.Time { return at }
	}
	err := ui.Run(cfg)
	switch {
	case err == nil:
		return exitOK, nil
	case errors.Is(err, tea.ErrInterrupted):
		return exitInterrupted, nil
	}
	return exitFindings, fmt.Errorf("the inspector stopped: %v; `jwtlens check` prints the report without a terminal UI", err)
}

// prefill is the text the inspector starts with: the file or pipe as read, less the one
// line break that ends every file and echo (it is no part of what was pasted, and the
// strip would show it as an escape). Anything else stays, for inspect to judge.
func prefill(raw []byte) string {
	s := string(raw)
	s = strings.TrimSuffix(s, "\n")
	return strings.TrimSuffix(s, "\r")
}
