//go:build race

package ui

// raceEnabled: the race detector slows the report about tenfold, so timed tests allow
// for it.
const raceEnabled = true
