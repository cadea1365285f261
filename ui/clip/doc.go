// Package clip moves text between jwtlens and the person's clipboard, on a desktop and over
// SSH.
//
// Reading uses the system clipboard (atotto/clipboard, which runs xclip, xsel or wl-paste)
// with a short timeout, and says plainly when no clipboard can be reached, so the person
// falls back on the terminal's own paste (bracketed paste), which always works.
//
// Writing sends an OSC 52 sequence to the terminal — it reaches the person's own clipboard
// through SSH and, wrapped for passthrough, through tmux — and also writes the system
// clipboard when one is reachable, then reports which of the two worked.
//
// The OSC 52 bytes go to an io.Writer the caller injects: the very writer the Bubble Tea
// program renders to (tea.WithOutput, os.Stdout by default). The renderer writes each frame
// with one Write call, and writes to one *os.File are serialised by the runtime, so a
// sequence written with one Write call lands between two frames, never inside one; an OSC
// sequence moves no cursor and draws nothing, so the screen is untouched.
package clip
