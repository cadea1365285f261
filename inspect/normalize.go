package inspect

import (
	"bytes"
	"fmt"
)

// normalized is the token found in a raw input, cleaned of transport damage, with the map
// from its offsets back to the raw input.
type normalized struct {
	token      string
	offsets    []int // offsets[i] is the raw offset of token[i]; len(offsets) == len(token)+1
	findings   []Finding
	candidates []Candidate
	// stop is true when nothing further can be inspected: empty input, over the cap, a
	// placeholder, nothing token-like.
	stop bool

	// source says where the token was found, in words ("the Authorization header of an
	// HTTP request", "JSON member access_token"); "" when the input was the token itself.
	source string

	// ellipsis is true when the token as pasted ended in "..." or "…", as loggers write
	// when they shorten a value. The dots are not part of token; ellipsisOffset and
	// ellipsisLen locate them in the raw input so the decode work can report
	// structure.truncated pointing at them.
	ellipsis       bool
	ellipsisOffset int
	ellipsisLen    int

	// atBufferLimit is the length of the raw input when it is exactly a common buffer size
	// (255, 256, 512, 1024, 4096…), a hint that something cut it off there; 0 otherwise.
	// tokenAtBufferLimit is the same test applied to the length of the token text as it was
	// pasted (a header value cut inside a longer paste).
	atBufferLimit      int
	tokenAtBufferLimit int

	// spare is the block the fast path filled before it handed the input on; the slow
	// path builds the token in it when it is large enough.
	spare tokenBuf

	// utf16 is set when the input was UTF-16 and was decoded: offsets point at the code
	// units, so a token byte and the raw byte at its offset may differ.
	utf16 bool
}

// normalize finds the token in raw and cleans it. maxSize caps the input (0 means
// DefaultMaxSize); nothing past the cap is looked at. It never panics and its work is
// linear in len(raw).
func normalize(raw []byte, maxSize int) normalized {
	if maxSize <= 0 {
		maxSize = DefaultMaxSize
	}
	maxSize = min(maxSize, 1<<31-1) // the slow path keeps raw offsets in 32 bits
	var n normalized
	if len(raw) > maxSize {
		n.stop = true
		n.add("input.too-large", Error, PartInput, 0, 0,
			fmt.Sprintf("The input is %s, over the %d-byte cap; it was not read further.", plural(len(raw), "byte"), maxSize),
			"Paste only the token, or raise the cap if a token really is this long.")
		return n
	}
	if len(raw) >= 2 && (raw[0] == 0 || raw[1] == 0 || raw[0] >= 0xFE) {
		if bom, be, ok := utf16Order(raw); ok {
			return fromUTF16(raw, maxSize, bom, be)
		}
	}
	return normalizeText(raw, maxSize)
}

// normalizeText is normalize for an input that is not UTF-16.
func normalizeText(raw []byte, maxSize int) normalized {
	var n normalized
	n.atBufferLimit = bufferLimit(len(raw))
	if !n.fast(raw) {
		n.slow(raw)
		n.spare = tokenBuf{}
	}
	return n
}

// sayReadCapped rewords input.too-large for an input whose reading stopped at the cap
// (Options.ReadCapped): its real size is unknown, so it says "more than" the cap.
func (n *normalized) sayReadCapped(maxSize int) {
	if maxSize <= 0 {
		maxSize = DefaultMaxSize
	}
	for i := range n.findings {
		if n.findings[i].Code != "input.too-large" {
			continue
		}
		msg := fmt.Sprintf("The input is more than %s (stopped reading at the cap)", SizeWords(maxSize))
		if maxSize >= DefaultMaxSize {
			msg += "; a token is never this long" // under a small cap, a real token can be
		}
		n.findings[i].Message = msg + "."
		n.findings[i].Hint = "Give only the token, or raise the cap with --max-size (e.g. --max-size 4MiB) if a token really is this long."
	}
}

// SizeWords writes a byte count as a person reads it: "1 MiB", "64 KiB", else bytes.
func SizeWords(n int) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// add appends a finding.
func (n *normalized) add(code string, sev Severity, part Part, off, length int, msg, hint string) {
	n.findings = append(n.findings, Finding{Code: code, Severity: sev, Part: part, Offset: off, Length: length, Message: msg, Hint: hint})
}

// fast handles the common case in one pass without allocating beyond the result: the
// token alone, perhaps with surrounding whitespace and an `Authorization:`/`Bearer`
// scheme. It reports false, having changed nothing, when the input needs the slow path.
func (n *normalized) fast(raw []byte) bool {
	s, e := 0, len(raw)
	for s < e && isSpace(raw[s]) {
		s++
	}
	for e > s && isSpace(raw[e-1]) {
		e--
	}
	if s == e {
		return false
	}
	ts, bearer := schemePrefix(raw, s, e)
	if ts < 0 {
		return false
	}
	// One pass: OR the byte classes together, count the dots, and copy the token and its
	// offsets into the one block they share. When the slow path takes over, it reuses
	// the block.
	buf := newTokenBuf(e - ts)
	seen, dots := scanCopy(raw[ts:e], ts, buf.tok, buf.offs)
	if seen&fastBad != 0 {
		n.spare = buf
		return false
	}
	if seen&fastEq != 0 && hasKeySeparator(raw[ts:e]) {
		n.spare = buf
		return false // name=value: the slow path says where it came from
	}
	te := trailingDots(raw, ts, e)
	dots -= e - te
	if !tokenLike(raw[ts:te], dots) {
		if equalFold(raw[ts:te], "bearer") {
			n.placeholderFinding(&view{b: raw, raw: raw}, placeholderSchemeOnly, ts, te, "")
			return true
		}
		// One word with nothing around it that is no JWT. A placeholder, or a word
		// without dots the size of an opaque token, a UUID or a hash stops here; anything
		// else (dots, a short word, a long blob) goes on to be split, so the decode work
		// can say what its segments suggest.
		v := &view{b: raw, raw: raw}
		if ph, ok := placeholderFor(raw[ts:e]); ok {
			n.placeholderFinding(v, ph, ts, e, afterBearer(bearer))
			return true
		}
		if _, _, ok := dottedKind(raw[ts:te]); ok && dots > 0 {
			n.notToken(raw[ts:te], msgKind{})
			return true
		}
		// A short word that does not start the way an encoded JSON object does ("abc",
		// "test") is no token cut short either: a cut JWT still begins with "ey".
		if dots == 0 && te-ts <= maxOpaque && (te-ts >= 16 || !bytes.HasPrefix(raw[ts:te], []byte("ey"))) {
			n.notToken(raw[ts:e], msgKind{})
			return true
		}
	}
	if s > 0 || e < len(raw) {
		n.findings = make([]Finding, 0, 2)
		n.trimmedFinding(raw, s, e)
	}
	if bearer {
		n.bearerFinding(raw, s, ts)
	}
	if te < e {
		n.ellipsis, n.ellipsisOffset, n.ellipsisLen = true, te, e-te
	}
	// The ellipsis stays at the end of the token, where the decode work looks for it.
	n.token = tokenString(buf.tok[:e-ts])
	n.offsets = buf.offs[:e-ts+1]
	n.tokenAtBufferLimit = bufferLimit(te - ts)
	n.settleEllipsis(raw)
	n.settleTail(raw, dots)
	return true
}

// maxOpaque is the longest dotless word called an opaque token rather than handed on
// as a single segment; opaque access tokens are far shorter.
const maxOpaque = 512

// trailingDots returns where a logger's ellipsis of three or more dots at the end of
// b[s:e] starts, or e when there is none (a run of nothing but dots is no ellipsis).
func trailingDots(b []byte, s, e int) int {
	k := e
	for k > s && b[k-1] == '.' {
		k--
	}
	if e-k >= 3 && k > s {
		return k
	}
	return e
}

// The classes of the fast path's single pass (scanCopy).
const (
	fastDot uint8 = 1 << iota
	fastEq
	fastBad
)

var fastClass = func() (t [256]uint8) {
	for c := range t {
		switch cl := charClass[c]; {
		case cl == clDot:
			t[c] = fastDot
		case cl == clEq:
			t[c] = fastEq
		case cl&clToken == 0:
			t[c] = fastBad
		}
	}
	return t
}()

// fillOffsets sets o[i] = base+i, eight at a time.
func fillOffsets(o []int, base int) {
	i := 0
	for ; i+8 <= len(o); i += 8 {
		p := (*[8]int)(o[i:])
		v := base + i
		p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7] = v, v+1, v+2, v+3, v+4, v+5, v+6, v+7
	}
	for ; i < len(o); i++ {
		o[i] = base + i
	}
}

// hasKeySeparator reports whether t holds an '=' that cannot be padding (followed by
// anything but '=' or '.'), as in name=value.
func hasKeySeparator(t []byte) bool {
	for i := 0; i+1 < len(t); i++ {
		if t[i] == '=' && t[i+1] != '=' && t[i+1] != '.' {
			return true
		}
	}
	return false
}

func afterBearer(bearer bool) string {
	if bearer {
		return "after the Bearer scheme"
	}
	return ""
}

// schemePrefix looks at b[s:e] for a leading `Authorization:` and/or `Bearer` scheme and
// returns where the value after it starts (s when there is none) and whether a scheme was
// found. It returns -1 when `Authorization:` names a scheme other than Bearer.
func schemePrefix(b []byte, s, e int) (int, bool) {
	p := s
	if hasPrefixFold(b[p:e], "authorization:") {
		p += len("authorization:")
		for p < e && (b[p] == ' ' || b[p] == '\t') {
			p++
		}
	}
	if hasPrefixFold(b[p:e], "bearer") && p+6 < e && (b[p+6] == ' ' || b[p+6] == '\t') {
		p += 6
		for p < e && (b[p] == ' ' || b[p] == '\t') {
			p++
		}
		return p, true
	}
	if k := encodedScheme(b[p:e]); k > 0 {
		return p + k, true
	}
	if p != s {
		return -1, false
	}
	return s, false
}

// encodedScheme returns the length of a Bearer scheme at the start of t whose space was
// encoded: `Bearer%20` (URL encoding) or `Bearer+` (form encoding), followed by more text;
// 0 when there is none.
func encodedScheme(t []byte) int {
	if !hasPrefixFold(t, "bearer") {
		return 0
	}
	switch {
	case len(t) > 7 && t[6] == '+':
		return 7
	case len(t) > 9 && t[6] == '%' && t[7] == '2' && t[8] == '0':
		return 9
	}
	return 0
}

// tokenLike reports whether t (with dots dots, counting %2E) could be a JWT: it starts
// the way an encoded JSON object does, or it has the three or five segments of one with a
// segment that starts like JSON or a first and second segment long enough to be a header
// and a payload.
func tokenLike(t []byte, dots int) bool {
	if len(t) >= 10 && jsonPrefix(t) {
		return true
	}
	if dots != 2 && dots != 4 {
		return false
	}
	// Either a segment starts like encoded JSON (the header may be the empty one), or the
	// first two segments are long enough to be a header and a payload.
	seg, segs, long := 0, 0, true
	for i, c := range t {
		cl := charClass[c]
		if cl&(clB64|clDot|clEq) == 0 {
			return false
		}
		if c == '.' {
			if segs < 2 && seg < 16 {
				long = false
			}
			if jsonPrefix(t[i+1:]) {
				return true
			}
			segs++
			seg = 0
			continue
		}
		seg++
	}
	return long
}

// trimmedFinding reports the whitespace around b[s:e].
func (n *normalized) trimmedFinding(raw []byte, s, e int) {
	var what string
	tail := string(raw[e:])
	switch {
	case s == 0 && tail == "\n":
		what = "a trailing line break (LF)"
	case s == 0 && tail == "\r\n":
		what = "a trailing CRLF line break"
	case s == 0 && tail == "\r":
		what = "a trailing line break (CR)"
	case s == 0:
		what = plural(len(tail), "byte") + " of trailing whitespace"
	case e == len(raw):
		what = plural(s, "byte") + " of leading whitespace"
	default:
		what = fmt.Sprintf("%s of leading and %d of trailing whitespace", plural(s, "byte"), len(tail))
	}
	off, l := 0, s
	if s == 0 {
		off, l = e, len(raw)-e
	}
	n.add("input.trimmed", Info, PartInput, off, l,
		"Removed "+what+" around the token.",
		"Nothing to fix in the token; if a program reads it from a file or a command, make sure it strips the line break before sending it.")
}

// bearerFinding reports the scheme in raw[s:ts].
func (n *normalized) bearerFinding(raw []byte, s, ts int) {
	scheme := raw[s:ts]
	k := len(scheme)
	for k > 0 && (isSpace(scheme[k-1]) || scheme[k-1] >= 0x80) {
		k--
	}
	gap, note := scheme[k:], ""
	if k >= 9 && string(scheme[k-3:k]) == "%20" && hasPrefixFold(scheme[k-9:], "bearer") {
		k -= 3
		note = " The space after it was percent-encoded as %20: the header value was URL-encoded, so a server reads `Bearer%20…` as one word and finds no token in it."
	} else if k >= 7 && scheme[k-1] == '+' && hasPrefixFold(scheme[k-7:], "bearer") {
		k--
		note = " The space after it was written as + (form encoding): a server reads `Bearer+…` as one word and finds no token in it."
	}
	switch {
	case bytes.IndexByte(gap, '\n') >= 0 || bytes.IndexByte(gap, '\r') >= 0:
		note = " It was followed by a line break: the scheme and the token were on separate lines (a folded header line, or the paste broke there), and a server that does not unfold header lines sees no token after the scheme."
	case bytes.IndexByte(gap, '\t') >= 0:
		note = " It was followed by a tab, which some servers do not accept as the separator."
	case bytes.IndexByte(gap, 0xC2) >= 0:
		note = " It was followed by a no-break space (U+00A0), which servers do not take as the separator."
	case len(gap) > 1:
		note = fmt.Sprintf(" It was followed by %d spaces; servers that split on a single space then see an empty token.", len(gap))
	}
	if !hasBearer(scheme) {
		note += " There was no Bearer scheme: most servers require `Authorization: Bearer <token>`."
	}
	n.add("input.bearer-prefix", Info, PartInput, s, ts-s,
		fmt.Sprintf("Removed the %s scheme in front of the token.%s", quoteText(string(scheme[:k])), note),
		"Give a JWT decoder only the token: a server that passes the whole header value (scheme included) to it fails with \"failed to decode\". Send exactly `Authorization: Bearer <token>`.")
}

// hasBearer reports whether b holds the word bearer in any case.
func hasBearer(b []byte) bool {
	for i := 0; i+6 <= len(b); i++ {
		if hasPrefixFold(b[i:], "bearer") {
			return true
		}
	}
	return false
}
