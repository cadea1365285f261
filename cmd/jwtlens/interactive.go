package main

import (
	"jwtlens/inspect"
)

// interactiveConfig is what the inspector starts with.
type interactiveConfig struct {
	raw       []byte          // the token (or text holding one) to prefill, possibly empty
	options   inspect.Options // keys, expectations, leeway and now from the flags
	keysGiven bool
	demo      bool
}

// runInteractive runs the inspector. Until package ui has its program this falls back to
// the static report, so the command is usable throughout.
func runInteractive(c interactiveConfig, e env) (int, error) {
	return report(c.raw, c.options, c.keysGiven, false, e)
}
