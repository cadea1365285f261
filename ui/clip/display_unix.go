//go:build !darwin && !windows && !plan9

package clip

// needsDisplay is true where the clipboard tools talk to an X or Wayland server.
const needsDisplay = true
