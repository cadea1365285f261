// Package ui is the interactive jwtlens inspector, a bubbletea program: a token strip to
// paste into, the verdict line, the findings, and the Header, Payload and Signature panes.
//
// The root model only routes messages and lays the components out; each component lives
// in its own package (tokeninput, verdict, findings, panes) and every style is made in
// NewStyles. The Report is recomputed in Update, once per change of the input, never in
// View.
package ui
