// Package tokeninput is the token strip of jwtlens: a one-line editor for a token that may
// be tens of kilobytes long. It shows the text hard-wrapped to the width (a base64url token
// has '-' in it, so it is never word-wrapped), colours each segment, marks the bytes a
// finding points at with underline or reverse video plus a marker line (so the mark shows
// without colour too), and keeps a keystroke cheap: only the visible rows are drawn.
//
// Offsets are byte offsets into the text as typed or pasted, the same raw offsets the
// inspect Report uses for its findings.
package tokeninput
