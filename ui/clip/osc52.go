package clip

import "encoding/base64"

// OSC52 returns the terminal sequence that asks the terminal to put text on the clipboard:
// ESC ] 52 ; c ; base64(text) BEL. Under tmux (tmux true) it returns that sequence twice:
// once plain, which tmux takes itself when its set-clipboard option is on (and passes to
// the outer terminal), and once wrapped for passthrough (ESC P tmux ; … ESC \, the inner
// ESC doubled), which reaches the outer terminal when allow-passthrough is on. Either
// setting is enough; with both the clipboard is set twice to the same text.
func OSC52(text string, tmux bool) []byte {
	enc := base64.StdEncoding
	n := enc.EncodedLen(len(text))
	seq := make([]byte, 0, 2*n+32)
	seq = append(seq, "\x1b]52;c;"...)
	seq = enc.AppendEncode(seq, []byte(text))
	seq = append(seq, '\a')
	if !tmux {
		return seq
	}
	plain := len(seq)
	seq = append(seq, "\x1bPtmux;\x1b"...)
	seq = append(seq, seq[:plain]...)
	return append(seq, "\x1b\\"...)
}
