package inspect

import (
	"fmt"
	"strings"
	"unsafe"
)

// settleEllipsis looks again at a trailing "..." or "…" once the token is built. When the
// token before it is whole — every segment its header asks for, the last exactly as long as
// the header's alg or enc makes it — nothing was cut there: the dots were written after a
// whole token (a logger that marks the end of every value it prints, or a person). They are
// then taken off the token and reported as text set aside, instead of being judged a cut.
func (n *normalized) settleEllipsis(raw []byte) {
	if !n.ellipsis {
		return
	}
	tok, cut := trimEllipsis(n.token)
	if cut == 0 || tok == "" {
		return
	}
	var js joinState
	js.add([]byte(tok))
	if js.need == 0 || js.dots != js.need-1 || js.sizes == nil || !js.fits(js.last) {
		return
	}
	last := n.offsets[len(tok)-1]
	n.token = tok
	n.offsets = n.offsets[:len(tok)+1]
	n.offsets[len(tok)] = last + 1
	if raw[last] == '%' && tok[len(tok)-1] != '%' {
		n.offsets[len(tok)] = last + 3 // the last character was percent-encoded
	}
	n.ellipsis = false
	what := "signature"
	if js.need == 5 {
		what = "authentication tag"
	}
	n.add("input.extracted", Info, PartInput, n.ellipsisOffset, n.ellipsisLen,
		fmt.Sprintf("Removed the %s after the token: the token before it is whole (its %s %s is complete at %s), so the dots were written after it and did not cut it.",
			quoteText(string(raw[n.ellipsisOffset:n.ellipsisOffset+n.ellipsisLen])), js.alg, what, plural(segBytes(js.last), "byte")),
		"Nothing is missing from this token. If a logger wrote the dots, check that it did not shorten other values it printed.")
	n.ellipsisOffset, n.ellipsisLen = 0, 0
}

// settleTail looks at a token with three or more dots (dots of them) whose header fixes
// how long its signature is. When the signature is complete and only one or two dots
// follow it, the dots are a stray mark after a whole token (a full stop after a token
// copied from a sentence), set aside rather than read as a fourth segment. When a second
// encoded header ("eyJ…") starts right where the signature is complete, two tokens were
// glued together: the token is cut there and the second listed as a candidate.
func (n *normalized) settleTail(raw []byte, dots int) {
	if n.ellipsis || dots < 3 || len(n.token) == 0 {
		return
	}
	tok := n.token
	d1 := strings.IndexByte(tok, '.')
	if d1 <= 0 || d1 > maxJoinHeader {
		return
	}
	var js joinState
	js.readHeader(unsafe.Slice(unsafe.StringData(tok), d1)) // read only: no copy
	if js.need != 3 || js.sizes == nil {
		return
	}
	d2 := strings.IndexByte(tok[d1+1:], '.')
	if d2 < 0 {
		return
	}
	sigStart := d1 + 1 + d2 + 1
	rest := tok[sigStart:]
	k := strings.IndexByte(rest, '.')
	if k < 0 {
		return
	}
	if len(rest)-k <= 2 && strings.Trim(rest[k:], ".") == "" && js.fits(k) {
		off, end := n.offsets[sigStart+k], n.rawEndOf(raw, len(tok)-1)
		n.cutAt(raw, sigStart+k)
		n.add("input.extracted", Info, PartInput, off, end-off,
			fmt.Sprintf("Set aside %s after the token: the token before it is whole (its %s signature is complete at %s), so the dot does not start a fourth segment.",
				plural(len(rest)-k, "stray trailing dot"), js.alg, plural(segBytes(k), "byte")),
			"A server given the token with the dot sees four segments and rejects it: check what added it (a full stop after a token copied from a sentence, a template that appends a separator).")
		return
	}
	for _, size := range js.sizes {
		l := (size*4 + 2) / 3 // base64url characters of size bytes, unpadded
		p := sigStart + l
		if l > k || p >= len(tok) || !jsonPrefix([]byte(tok[p:min(len(tok), p+3)])) || strings.IndexByte(tok[p:], '.') < 0 {
			continue
		}
		off, end := n.offsets[p], n.rawEndOf(raw, len(tok)-1)
		n.cutAt(raw, p)
		n.candidates = append(n.candidates, Candidate{Offset: off, Length: end - off, Where: "a second token glued to the first"})
		n.add("input.extracted", Info, PartInput, off, end-off,
			fmt.Sprintf("Two tokens were glued together with nothing between them: the first ends where its %s signature is complete (%s), and a second starts right after it, at byte %d, with \"eyJ\". The first is inspected; the second is listed as a candidate.",
				js.alg, plural(size, "byte"), off),
			"Paste one token at a time. If a program wrote them, it joined two values without a separator (a newline, a comma or a space).")
		return
	}
}

// rawEndOf is the raw offset just past the raw bytes of token byte i.
func (n *normalized) rawEndOf(raw []byte, i int) int {
	if i+1 < len(n.offsets) && i+1 == len(n.token) {
		return n.offsets[i+1]
	}
	last := n.offsets[i]
	if raw[last] == '%' && n.token[i] != '%' {
		return last + 3 // the byte was percent-encoded
	}
	return last + 1
}

// cutAt ends the token before token byte p.
func (n *normalized) cutAt(raw []byte, p int) {
	end := n.rawEndOf(raw, p-1)
	n.token = n.token[:p]
	n.offsets = n.offsets[:p+1]
	n.offsets[p] = end
}
