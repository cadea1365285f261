package clip

import "encoding/base64"

// OSC52 returns the terminal sequence that asks the terminal to put text on the clipboard:
// ESC ] 52 ; c ; base64(text) BEL. With tmux set, the sequence is wrapped for tmux's
// passthrough (ESC P tmux ; … ESC \, every ESC inside doubled), so it reaches the terminal
// tmux runs in; tmux 3.3 and later pass it only with `set -g allow-passthrough on`.
func OSC52(text string, tmux bool) []byte {
	enc := base64.StdEncoding
	n := enc.EncodedLen(len(text))
	seq := make([]byte, 0, n+32)
	if tmux {
		seq = append(seq, "\x1bPtmux;\x1b"...)
	}
	seq = append(seq, "\x1b]52;c;"...)
	seq = enc.AppendEncode(seq, []byte(text))
	seq = append(seq, '\a')
	if tmux {
		seq = append(seq, "\x1b\\"...)
	}
	return seq
}
