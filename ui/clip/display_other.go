//go:build darwin || windows || plan9

package clip

// needsDisplay is false where the clipboard needs no display server.
const needsDisplay = false
