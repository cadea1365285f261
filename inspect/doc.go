// Package inspect turns the raw bytes a person pasted into a Report: the token found in
// them, its segments decoded one by one, and every finding about what is wrong with it,
// each pointing at the bytes of the paste that cause it.
//
// The package is pure: it never prints, never reads the clock, the disk or the clipboard.
// Time, keys and limits come in through Options, so every diagnosis is a plain function of
// its inputs.
package inspect
