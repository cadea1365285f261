package inspect

import "fmt"

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
		fmt.Sprintf("Removed the %q after the token: the token before it is whole (its %s %s is complete at %d bytes), so the dots were written after it and did not cut it.",
			raw[n.ellipsisOffset:n.ellipsisOffset+n.ellipsisLen], js.alg, what, segBytes(js.last)),
		"Nothing is missing from this token. If a logger wrote the dots, check that it did not shorten other values it printed.")
	n.ellipsisOffset, n.ellipsisLen = 0, 0
}
