// Package panes draws the Header, Payload and Signature panes of jwtlens: the JSON of the
// header and payload in its original member order and text with syntax colour and the
// registered time claims annotated, the signature with its length, bytes and verification,
// a protected header and part lengths for a JWE, and a hex or text dump for bytes that are
// not JSON. The panes stand side by side when the terminal is wide, two columns when it is
// middling, and become tabs when it is narrow. Each pane is a scrollable viewport that gets
// keys only while it has the focus.
package panes
