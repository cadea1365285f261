package inspect

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The slow path: the paste is more than a token (a header line, an HTTP or SIP message, a
// JSON body, a cookie, a URL, a log line), or the token carries transport damage. The work
// stays linear: one pass to drop invisible characters, one pass to find candidate runs,
// and bounded look-behind for the context of at most maxConsidered candidates.

const (
	maxInvisibleFindings = 8   // individual invisible-char findings; the rest are summed up
	maxConsidered        = 256 // token-like runs whose context is examined
	maxCandidates        = 16  // other candidates listed in the result
	maxLookBehind        = 4096
)

// view is the paste with invisible characters dropped (those that show as a space turned
// into one), with the map back to raw offsets.
type view struct {
	b    []byte
	m    []int32 // m[i] is the raw offset of b[i]; nil when b is raw itself
	raw  []byte
	inv  []invHit
	nInv int // invisible characters found in all
	// look are the typographic look-alikes read as the ASCII they stand for; only those
	// inside the token are reported.
	look []invHit
}

// invHit is one invisible character in the raw input.
type invHit struct {
	off, size int
	ch        invisible
}

// rawAt is the raw offset of b[i]; i == len(b) maps to len(raw).
func (v *view) rawAt(i int) int {
	if v.m == nil {
		return i
	}
	if i >= len(v.b) {
		return len(v.raw)
	}
	return int(v.m[i])
}

// rawEnd is the raw offset just past b[i].
func (v *view) rawEnd(i int) int {
	if v.m == nil {
		return i + 1
	}
	if i+1 < len(v.b) && int(v.m[i+1]) == int(v.m[i])+1 {
		return int(v.m[i]) + 1
	}
	// b[i] came from a single raw byte unless it stands for a multi-byte space.
	if _, size, ok := invisibleAt(v.raw, int(v.m[i])); ok {
		return int(v.m[i]) + size
	}
	return int(v.m[i]) + 1
}

func newView(raw []byte) *view {
	v := &view{b: raw, raw: raw}
	for i := 0; i < len(raw); i++ {
		if raw[i] < 0xC2 {
			if v.m != nil {
				v.b = append(v.b, raw[i])
				v.m = append(v.m, int32(i))
			}
			continue
		}
		ch, size, ok := invisibleAt(raw, i)
		if !ok {
			if v.m != nil {
				v.b = append(v.b, raw[i])
				v.m = append(v.m, int32(i))
			}
			continue
		}
		if v.m == nil {
			v.b = make([]byte, i, len(raw))
			copy(v.b, raw[:i])
			v.m = make([]int32, i, len(raw))
			for k := range v.m {
				v.m[k] = int32(k)
			}
		}
		switch {
		case ch.repl != 0:
			if len(v.look) < maxConsidered {
				v.look = append(v.look, invHit{off: i, size: size, ch: ch})
			}
			v.b = append(v.b, ch.repl)
			v.m = append(v.m, int32(i))
			i += size - 1
			continue
		case len(v.inv) < maxInvisibleFindings:
			v.inv = append(v.inv, invHit{off: i, size: size, ch: ch})
		}
		v.nInv++
		if ch.space {
			v.b = append(v.b, ' ')
			v.m = append(v.m, int32(i))
		}
		i += size - 1
	}
	return v
}

// msgKind is what sort of text the paste is, for saying where a token came from.
type msgKind struct {
	of string // "of an HTTP request", "of a SIP INVITE", "of a curl command", or ""
}

func detectKind(b []byte) msgKind {
	line := b
	for i, c := range b {
		if c == '\n' || c == '\r' || i >= 8192 {
			line = b[:i]
			break
		}
	}
	for len(line) > 0 && isSpace(line[len(line)-1]) {
		line = line[:len(line)-1]
	}
	ls := string(line)
	switch {
	case hasPrefixFold(line, "curl ") || hasPrefixFold(line, "$ curl "):
		return msgKind{"of a curl command"}
	case strings.HasPrefix(ls, "SIP/2.0 "):
		return msgKind{"of a SIP response"}
	case strings.HasPrefix(ls, "HTTP/"):
		return msgKind{"of an HTTP response"}
	case strings.HasSuffix(ls, " SIP/2.0"):
		method := ls
		if i := strings.IndexByte(ls, ' '); i > 0 {
			method = ls[:i]
		}
		if len(method) > 16 || !isUpperWord([]byte(method)) {
			method = "request" // SIP methods are upper-case words: INVITE, REGISTER…
		}
		return msgKind{"of a SIP " + method}
	case strings.Contains(ls, " HTTP/1.") || strings.HasSuffix(ls, " HTTP/2") || strings.HasSuffix(ls, " HTTP/3"):
		return msgKind{"of an HTTP request"}
	}
	return msgKind{}
}

// cand is a token-like run of the view.
type cand struct {
	s, e   int // view span
	dots   int
	score  int
	where  string
	pstart int // view offset where a removed scheme (`Authorization: Bearer`) starts; -1 if none
}

// scanRun returns the end of the run of run characters starting at b[i] (within e), the
// number of dots in it (a %2E counts as one), and whether it ended at the `=` of a
// key=value pair (an `=` followed by anything but `=` or `.` cannot be base64 padding).
// A stray character inside the token (strayAt) stays in the run, for the decode work to
// point at. prior is the token joined so far when the run continues one (nil otherwise).
func scanRun(b []byte, i, e int, prior *joinState) (end, dots int, key bool) {
	j := i
	var js joinState // the token so far, followed only once a stray character is met
	started := false
	from := i // b[from:j] is not yet in js
	for j < e {
		c := charClass[b[j]]
		if c&clRun == 0 || c == clEq && j > i && j+1 < e && charClass[b[j+1]]&(clB64|clStd|clPct) != 0 {
			// A quote between two base64url characters is a stray character inside
			// the token, not a delimiter: keep it for the decode work to point at.
			if isQuote(b[j]) && j > i && j+1 < e && charClass[b[j-1]]&clB64 != 0 && charClass[b[j+1]]&clB64 != 0 {
				j++
				continue
			}
			if w := strayShape(b, i, j, e); w > 0 {
				if !started && prior != nil {
					js = *prior
					js.hdr = append([]byte(nil), prior.hdr...)
				}
				started = true
				js.add(b[from:j])
				if js.incomplete() {
					from = j + w
					j += w
					continue
				}
				from = j
			}
			if c == clEq {
				return j, dots, true
			}
			break
		}
		switch c {
		case clDot:
			dots++
		case clPct:
			if j+2 < e && b[j+1] == '2' && (b[j+2] == 'E' || b[j+2] == 'e') {
				dots++
			}
		}
		j++
	}
	return j, dots, false
}

// minStrayTail is how many base64url characters must follow a stray character for the
// text after it to count as the rest of the token rather than separate text.
const minStrayTail = 8

// strayShape reports whether b[j], a character no token holds (or an `=` that would read
// as a key=value separator) right after the token characters of b[i:j], may be a stray
// character inside the token (a slip of the keyboard, a chat's replacement): at least
// minStrayTail base64url characters follow it, not ending in a key= or a header name. It
// returns the character's width, or 0 when what follows is separate text. Whether the
// token so far is incomplete (joinState.incomplete) decides.
func strayShape(b []byte, i, j, e int) int {
	if j <= i || charClass[b[j-1]]&(clB64|clDot) == 0 {
		return 0
	}
	w := 1
	switch c := b[j]; {
	case c == '=':
		if !jsonPrefix(b[i:j]) {
			return 0 // name=value: names do not start like encoded JSON
		}
	case c >= 0xC2:
		r, size := utf8.DecodeRune(b[j:e])
		if r == utf8.RuneError || unicode.IsControl(r) || r == '…' {
			return 0 // a logger's ellipsis marks a cut: what follows is not the token
		}
		w = size
	case c <= ' ' || c == 0x7F || c >= 0x80:
		return 0
	case c == '\\' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}':
		return 0 // markup and escapes around a token, not inside it
	}
	k := j + w
	for k < e && charClass[b[k]]&(clB64|clStd|clDot) != 0 {
		k++
	}
	if k-(j+w) < minStrayTail || k < e && (b[k] == ':' || b[k] == '=' && k+1 < e && charClass[b[k+1]]&clB64 != 0) {
		return 0
	}
	return w
}

// incomplete reports whether the token followed so far misses segments, or has a last
// segment shorter than its alg makes it.
func (js *joinState) incomplete() bool {
	need := js.need
	if need == 0 {
		need = 3
	}
	return js.dots < need-1 || js.dots == need-1 && js.sizes != nil && !js.fits(js.last) && !js.over(js.last)
}

// slow is the general path: see the file comment.
func (n *normalized) slow(raw []byte) {
	v := newView(raw)
	b := v.b
	s, e := 0, len(b)
	for s < e && isSpace(b[s]) {
		s++
	}
	for e > s && isSpace(b[e-1]) {
		e--
	}
	if s == e {
		n.stop = true
		msg := "The input is empty."
		if len(raw) > 0 {
			msg = fmt.Sprintf("The input holds only whitespace (%s) and nothing to inspect.", plural(len(raw), "byte"))
		}
		n.add("input.empty", Error, PartInput, 0, 0, msg, "Paste a token, give it as an argument, or pipe it on standard input.")
		return
	}
	ts0, te0 := s, e // the trimmed input
	quoted := false
	if e-s >= 2 && isQuote(b[s]) && b[e-1] == b[s] && bytes.IndexByte(b[s+1:e-1], b[s]) < 0 {
		quoted = true
		s++
		e--
		for s < e && isSpace(b[s]) {
			s++
		}
		for e > s && isSpace(b[e-1]) {
			e--
		}
	}
	cs, _ := schemePrefix(b, s, e)
	if cs < 0 { // `Authorization:` with no Bearer scheme
		cs = s + len("authorization:")
		for cs < e && (b[cs] == ' ' || b[cs] == '\t') {
			cs++
		}
	}
	if ph, ok := placeholderFor(b[cs:e]); ok || equalFold(b[cs:e], "bearer") || (quoted && s == e) {
		switch {
		case !ok && s < e:
			ph = placeholderSchemeOnly
		case !ok:
			ph = placeholderEmpty
		}
		if s == e {
			cs, e = ts0, te0 // point at the empty quotes
		}
		where := ""
		switch {
		case cs > s && hasBearer(b[s:cs]):
			where = "after the Bearer scheme"
		case cs > s:
			where = "in the Authorization header"
		}
		if ph == placeholderSchemeOnly {
			where = "" // the reason names the header already
		}
		n.placeholderFinding(v, ph, cs, e, where)
		return
	}

	kind := detectKind(b[ts0:te0])
	best, others := n.findCandidates(v, ts0, te0, kind)
	if best == nil {
		n.noToken(v, ts0, te0, s, e, cs)
		return
	}
	pieces := joinPieces(b, best.s, best.e, best.dots, te0)
	st := n.build(v, pieces)
	n.settleEllipsis(raw)
	n.settleTail(raw, strings.Count(n.token, "."))
	tailEnd := pieces[len(pieces)-1].e
	cutLen := n.offsets[len(n.offsets)-1] - n.offsets[0]
	if n.ellipsis {
		cutLen = n.ellipsisOffset - n.offsets[0]
	}
	n.tokenAtBufferLimit = bufferLimit(cutLen)

	// What was removed around it.
	lead, trail := best.s, tailEnd
	if best.pstart >= 0 {
		lead = best.pstart
	}
	bare := lead == s && trail == e
	if ts0 > 0 || te0 < len(b) {
		n.trimmedFinding(raw, v.rawAt(ts0), v.rawAt(te0))
	}
	if quoted && bare {
		n.add("input.quoted", Info, PartInput, v.rawAt(ts0), 1,
			fmt.Sprintf("Removed the %c quotes around the token.", b[ts0]),
			"Quotes are not part of a token; a client that sends them has quoted a string twice (JSON.stringify on a string, or quotes in an environment variable).")
	}
	if bare && best.pstart >= 0 {
		n.bearerFinding(raw, v.rawAt(best.pstart), v.rawAt(best.s))
	}
	if !bare {
		n.source = best.where
		n.add("input.extracted", Info, PartInput, n.offsets[0], n.offsets[len(n.offsets)-1]-n.offsets[0],
			"Token taken from "+best.where+"; the rest of the input was set aside.",
			"Check that this is the token you meant; the other token-like strings, if any, are listed as candidates.")
	}
	n.repairFindings(v, pieces, st)
	n.invisibleFindings(v)
	for _, c := range others {
		if len(n.candidates) >= maxCandidates {
			break
		}
		if c.s >= best.s && c.s < tailEnd {
			continue // joined into the token
		}
		n.candidates = append(n.candidates, Candidate{Offset: v.rawAt(c.s), Length: v.rawAt(c.e) - v.rawAt(c.s), Where: c.where})
	}
}

func isQuote(c byte) bool { return c == '"' || c == '\'' || c == '`' }

// findCandidates finds the token-like runs of b[s:e], scores them by shape and context, and
// returns the best and the others in input order.
func (n *normalized) findCandidates(v *view, s, e int, kind msgKind) (*cand, []cand) {
	b := v.b
	var all []cand
	bestI := -1
	for i := s; i < e && len(all) < maxConsidered; {
		if charClass[b[i]]&clRun == 0 || b[i] == '=' {
			i++
			continue
		}
		end, dots, key := scanRun(b, i, e, nil)
		rs := i
		if k := encodedScheme(b[i:end]); k > 0 && (i == s || !isLetter(b[i-1])) {
			rs = i + k // `Bearer%20` or `Bearer+`: the scheme with its space encoded
			dots = 0
			for _, ch := range b[rs:end] {
				if ch == '.' {
					dots++
				}
			}
		}
		wrappedStart := false
		if !tokenLike(b[rs:end], dots) && jsonPrefix(b[rs:end]) {
			// The start of a token whose first line holds only a few characters (a
			// terminal wrapped the line right after `token=eyJ`): judge it with what
			// follows. A short look ahead is enough to tell.
			n := 0
			for _, p := range joinPieces(b, rs, end, dots, min(e, end+256)) {
				n += p.e - p.s
			}
			wrappedStart = n >= 10
		}
		if !wrappedStart && !tokenLike(b[rs:end], dots) {
			// A token at the end of a URL path: /verify/eyJ...
			rs = -1
			for k := i; k+1 < end; k++ {
				if b[k] == '/' && jsonPrefix(b[k+1:end]) {
					rs = k + 1
					break
				}
			}
			if rs >= 0 {
				dots = 0
				for k := rs; k < end; k++ {
					if b[k] == '.' {
						dots++
					}
				}
			}
		}
		if rs >= 0 && (wrappedStart || tokenLike(b[rs:end], dots)) {
			c := cand{s: rs, e: end, dots: dots, pstart: -1}
			c.score = shapeScore(b[rs:end], dots)
			switch {
			case rs > i && b[rs-1] != '/':
				// An encoded Bearer scheme: its context is what precedes the scheme.
				c.s = i
				placeContext(b, s, &c, kind)
				c.where = Sanitize(c.where)
				c.s = rs
				if c.pstart < 0 {
					c.pstart = i
				}
				c.score += 15
			case rs > i:
				c.where = "a URL path"
			default:
				placeContext(b, s, &c, kind)
				c.where = Sanitize(c.where) // names come from the paste: keep messages printable
			}
			all = append(all, c)
			if bestI < 0 || c.score > all[bestI].score {
				bestI = len(all) - 1
			}
		}
		i = end
		if key {
			i++
		}
	}
	if bestI < 0 {
		return nil, nil
	}
	best := all[bestI]
	others := append(all[:bestI:bestI], all[bestI+1:]...)
	return &best, others
}

func shapeScore(t []byte, dots int) int {
	sc := 0
	if jsonPrefix(t) {
		sc += 100
		if t[1] == 'y' && t[2] == 'J' {
			sc += 5
		}
	}
	switch dots {
	case 2, 4:
		sc += 50
	case 1, 3:
		sc += 20
	}
	return sc
}

// placeContext looks behind the candidate for what holds it: a JSON member, a key=value pair
// (URL parameter, cookie, log field), a `Bearer` scheme, a header. It sets where, the
// start of a removable scheme, and adjusts the score.
func placeContext(b []byte, lo int, c *cand, kind msgKind) {
	lo = max(lo, c.s-maxLookBehind)
	q := c.s
	// A Bearer scheme right before the token, perhaps alone on the line before it.
	k := blankBack(b, lo, q-1)
	if k < q-1 && k-5 >= lo && equalFold(b[k-5:k+1], "bearer") && (k-6 < lo || !isLetter(b[k-6])) {
		c.pstart = k - 5
		c.score += 15
		q = k - 5
	}
	if q-1 >= lo && (b[q-1] == '"' || b[q-1] == '\'') {
		// JSON member: "name" : "token" (or "Bearer token")
		k := q - 2
		for k >= lo && isSpace(b[k]) {
			k--
		}
		if k >= lo && b[k] == ':' {
			k--
			for k >= lo && isSpace(b[k]) {
				k--
			}
			if k >= lo && b[k] == '"' {
				ne := k
				k--
				for k >= lo && ne-k <= 128 && b[k] != '"' && b[k] >= 0x20 {
					k--
				}
				if k >= lo && b[k] == '"' {
					name := string(b[k+1 : ne])
					c.where = "JSON member " + name
					c.score += nameScore(name)
					return
				}
			}
		}
		q--
	}
	if q-1 >= lo && b[q-1] == '=' {
		k := q - 2
		for k >= lo && q-k <= 66 && isNameChar(b[k]) {
			k--
		}
		name := string(b[k+1 : q-1])
		if name != "" {
			c.score += nameScore(name)
			c.where = keyValueWhere(b, lo, k, c.e, name)
			return
		}
	}
	// Header or field: Name: value (the value perhaps folded onto the next line)
	k = blankBack(b, lo, q-1)
	if k >= lo && b[k] == ':' {
		ne := k
		k--
		for k >= lo && ne-k <= 64 && (isNameChar(b[k]) && b[k] != '.') {
			k--
		}
		name := string(b[k+1 : ne])
		if name != "" {
			lineStart := k < lo || b[k] == '\n' || b[k] == '\r' || quotedLineStart(b, lo, k)
			inQuote := k >= lo && (b[k] == '\'' || b[k] == '"')
			switch {
			case lineStart || inQuote:
				if kind.of != "" {
					c.where = "the " + name + " header " + kind.of
				} else {
					c.where = "the " + name + " header"
				}
				c.score += 5
				if strings.EqualFold(name, "authorization") || strings.EqualFold(name, "proxy-authorization") {
					c.pstart = k + 1 // the header name (and scheme) can be removed
					// The server reads the Authorization header first: prefer it to a
					// token in a cookie or the body, even a cut one, whose cut is then
					// what the person needs to see.
					c.score += authorizationBonus
				}
			default:
				c.where = "log field " + name
				c.score += nameScore(name)
			}
			return
		}
	}
	if c.pstart >= 0 {
		c.where = "a Bearer scheme in the text"
		return
	}
	c.where = "the surrounding text"
}

// authorizationBonus outweighs what a whole token elsewhere scores over a cut one.
const authorizationBonus = 60

// blankBack steps back from b[k] over spaces and tabs and at most one line break (LF or
// CRLF) with the indentation before it, as a folded header line (RFC 7230 obs-fold, SIP
// folding) or a scheme left alone on its line has; it returns the offset of the byte before
// them, lo-1 when none is left.
func blankBack(b []byte, lo, k int) int {
	for k >= lo && (b[k] == ' ' || b[k] == '\t') {
		k--
	}
	if k >= lo && (b[k] == '\n' || b[k] == '\r') {
		if b[k] == '\n' && k-1 >= lo && b[k-1] == '\r' {
			k--
		}
		k--
		for k >= lo && (b[k] == ' ' || b[k] == '\t') {
			k--
		}
	}
	return k
}

// quotedLineStart reports whether b[k] ends the > markers (and spaces) that start a line
// of a quoted e-mail.
func quotedLineStart(b []byte, lo, k int) bool {
	seen := false
	for k >= lo && (b[k] == '>' || b[k] == ' ' || b[k] == '\t') {
		seen = seen || b[k] == '>'
		k--
	}
	return seen && (k < lo || b[k] == '\n' || b[k] == '\r')
}

func isLetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

func isNameChar(c byte) bool { return charClass[c]&clB64 != 0 || c == '.' }

// nameScore prefers the members and fields that usually hold the token a person means.
func nameScore(name string) int {
	l := strings.ToLower(name)
	switch {
	case strings.Contains(l, "refresh"):
		return -30
	case l == "access_token" || l == "accesstoken":
		return 12
	case l == "id_token" || l == "idtoken":
		return 10
	case strings.Contains(l, "token") || strings.Contains(l, "jwt") || strings.Contains(l, "assertion") || l == "authorization":
		return 5
	}
	return 0
}

// keyValueWhere names a key=value context: URL parameter, cookie or log field. k is the
// offset just before the name, end the end of the value.
func keyValueWhere(b []byte, lo, k, end int, name string) string {
	if k >= lo {
		switch b[k] {
		case '?':
			return "URL query parameter " + name
		case '#':
			return "URL fragment parameter " + name
		case '&':
			for j := k - 1; j >= lo && k-j < maxLookBehind && !isSpace(b[j]); j-- {
				if b[j] == '#' {
					return "URL fragment parameter " + name
				}
				if b[j] == '?' {
					return "URL query parameter " + name
				}
			}
			return "form field " + name
		}
	}
	ls := k + 1
	for ls > lo && b[ls-1] != '\n' && b[ls-1] != '\r' {
		ls--
	}
	le := end
	for le < len(b) && b[le] != '\n' && b[le] != '\r' && le-end < maxLookBehind {
		le++
	}
	line := b[ls:le]
	if hasPrefixFold(line, "cookie:") || hasPrefixFold(line, "set-cookie:") {
		return "cookie " + name
	}
	rest := strings.ToLower(string(b[end:le]))
	for _, attr := range []string{"; path=", "; domain=", "; httponly", "; secure", "; samesite=", "; expires=", "; max-age="} {
		if strings.Contains(rest, attr) {
			return "cookie " + name
		}
	}
	if k+1 == ls && strings.TrimSpace(rest) == "" {
		return "field " + name
	}
	return "log field " + name
}

// build makes the token from the pieces: drops the whitespace between them, decodes
// percent-encoding, strips a logger's trailing ellipsis, and fills the offset map.
func (n *normalized) build(v *view, ps []piece) (st buildStats) {
	b := v.b
	last := &ps[len(ps)-1]
	// A logger's ellipsis stays at the end of the token (the decode work judges it), and
	// is located in the raw input here.
	if k := trailingDots(b, last.s, last.e); k < last.e {
		n.ellipsis, n.ellipsisOffset = true, v.rawAt(k)
		n.ellipsisLen = v.rawEnd(last.e-1) - n.ellipsisOffset
	} else if last.e+2 < len(b) && b[last.e] == 0xE2 && b[last.e+1] == 0x80 && b[last.e+2] == 0xA6 {
		n.ellipsis, n.ellipsisOffset = true, v.rawAt(last.e)
		n.ellipsisLen = v.rawEnd(last.e+2) - n.ellipsisOffset
		last.e += 3
	}
	size := 0
	for _, p := range ps {
		size += p.e - p.s
	}
	buf := n.spare
	if !buf.fits(size) {
		buf = newTokenBuf(size)
	}
	n.spare = tokenBuf{}
	tok, offs := buf.tok[:0], buf.offs[:0]
	rawEnd := v.rawAt(ps[0].s)
	for _, p := range ps {
		if bytes.IndexByte(b[p.s:p.e], '%') < 0 {
			// No percent-encoding: copy the bytes and their offsets in bulk.
			tok = append(tok, b[p.s:p.e]...)
			o := len(offs)
			offs = offs[:o+p.e-p.s]
			if v.m == nil {
				fillOffsets(offs[o:], p.s)
			} else {
				for k, m := range v.m[p.s:p.e] {
					offs[o+k] = int(m)
				}
			}
			if p.e > p.s {
				rawEnd = v.rawEnd(p.e - 1)
			}
			continue
		}
		for k := p.s; k < p.e; k++ {
			c := b[k]
			if c == '%' && k+2 < p.e && isHex(b[k+1]) && isHex(b[k+2]) {
				st.note(v.rawAt(k), b[k:k+3])
				tok = append(tok, unhex(b[k+1])<<4|unhex(b[k+2]))
				offs = append(offs, v.rawAt(k))
				rawEnd = v.rawEnd(k + 2)
				k += 2
				continue
			}
			tok = append(tok, c)
			offs = append(offs, v.rawAt(k))
			rawEnd = v.rawEnd(k)
		}
	}
	n.token = tokenString(tok)
	n.offsets = append(offs, rawEnd)
	return st
}

// buildStats records the percent-encoding decoded while building the token.
type buildStats struct {
	pct      int      // triplets decoded
	pctFirst int      // raw offset of the first
	kinds    []string // distinct triplets, upper-cased, at most 6
}

func (st *buildStats) note(off int, trip []byte) {
	if st.pct == 0 {
		st.pctFirst = off
	}
	st.pct++
	t := strings.ToUpper(string(trip))
	for _, k := range st.kinds {
		if k == t {
			return
		}
	}
	if len(st.kinds) < 6 {
		st.kinds = append(st.kinds, t)
	}
}
