package inspect

import (
	"fmt"
	"strings"
)

// PartExtra names what follows the segments a JWS or JWE has: trailing garbage after the
// third segment of a JWS, or everything after the fifth of a JWE.
const PartExtra Part = "extra"

// jwsParts and jweParts name the segments of each serialisation in order.
var (
	jwsParts = []Part{PartHeader, PartPayload, PartSignature}
	jweParts = []Part{PartHeader, PartEncryptedKey, PartIV, PartCiphertext, PartTag}
)

// segInfo is one segment with what decoding it found.
type segInfo struct {
	seg   Segment
	index int // position among the segments (0 for the header)
	scan  b64Scan
	// str is the decoded bytes as a string (shares nothing with Bytes' backing array, so
	// the Values parsed from it never alias memory a caller could change).
	str     string
	jsonErr *jsonErr
	dups    []jsonDup
}

// layout is the shape of the token: how many dots it has and where its segments lie.
type layout struct {
	count int // number of segments (dots + 1)
	// ends[k] is the token offset of the k-th dot, for as many as the layout names.
	dots []int
}

// splitToken counts the segments of tok without allocating per dot and returns the offsets
// of the first max dots.
func splitToken(tok string, max int) layout {
	l := layout{count: strings.Count(tok, ".") + 1}
	n := l.count - 1
	if n > max {
		n = max
	}
	l.dots = make([]int, 0, n)
	at := 0
	for len(l.dots) < n {
		k := strings.IndexByte(tok[at:], '.')
		if k < 0 {
			break
		}
		l.dots = append(l.dots, at+k)
		at += k + 1
	}
	return l
}

// segmentSpans cuts tok into spans named by parts; whatever follows the last named part
// (after its dot) becomes one PartExtra segment.
func segmentSpans(tok string, l layout, parts []Part) []Segment {
	var segs []Segment
	start := 0
	for k, part := range parts {
		end := len(tok)
		if k < len(l.dots) {
			end = l.dots[k]
		}
		segs = append(segs, Segment{Part: part, Start: start, End: end, Text: tok[start:end]})
		if k >= len(l.dots) {
			return segs
		}
		start = end + 1
	}
	segs = append(segs, Segment{Part: PartExtra, Start: start, End: len(tok), Text: tok[start:]})
	return segs
}

// segmentCountFinding explains a token that has neither 3 nor 5 segments.
func (in *inspection) segmentCountFinding() {
	count := in.layout.count
	jwe := in.looksJWE
	if in.cut.lostDot > 0 {
		in.lostDotFinding()
		return
	}
	var msg, hint string
	switch {
	case count == 1:
		msg = "the token has no dot, so it is one segment where a JWT has three (header.payload.signature): it was cut before the first dot, or it is not a JWT at all (an opaque access token or session id)"
		hint = "if the text should be a JWT, get the whole value from where it was issued; opaque tokens can only be checked by the server that issued them"
	case count == 2 && in.algNone:
		msg = "the token has 2 segments; an unsecured token (alg none) still has three, the last one empty, so it must end with a dot"
		hint = "add the trailing dot (header.payload.) — strict parsers reject the token without it"
	case count == 2:
		msg = "the token has 2 segments where a JWS has 3: the signature was cut off, or the last dot was lost"
		hint = "look at the end of the token: it should be `.` followed by the signature"
	case count == 5 && !jwe:
		msg = fmt.Sprintf("the token has 5 segments like a JWE, but its header is a signed token's (`alg` %s, no `enc`): two tokens were probably joined together, the second beginning inside the third segment", quoted(in.alg))
		hint = "split the text where the second token starts (a header begins with eyJ) and inspect one token at a time"
	case count < 5 && jwe:
		msg = fmt.Sprintf("the token has %s, but its header names an `enc` like a JWE, which has 5: parts are missing", countOf(count, "segment"))
		hint = "copy the whole token again; check that no part between dots was dropped"
	case count == 4:
		msg = fmt.Sprintf("the token has 4 segments where a JWS has 3: %d characters of trailing garbage follow the signature", in.extraLen())
		hint = "cut the token at its third dot; something appended text to it (a log field, a second value)"
	default:
		msg = fmt.Sprintf("the token has %d segments, more than any JWT (3 for JWS, 5 for JWE): several tokens joined together, or dots inside the text", count)
		hint = "split the text at the token boundaries and inspect one token at a time"
	}
	in.addAt("structure.segment-count", Error, PartToken, 0, len(in.r.Token), msg, hint)
}

// extraLen is the length of the trailing PartExtra segment, or 0.
func (in *inspection) extraLen() int {
	for _, s := range in.segs {
		if s.seg.Part == PartExtra {
			return len(s.seg.Text)
		}
	}
	return 0
}
