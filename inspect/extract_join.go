package inspect

import "strings"

// Rejoining a token that a terminal, a base64 wrapper, a logger or a folded HTTP/SIP header
// broke over lines. The rule: whitespace after a run is part of the token when the token so
// far is incomplete — fewer segments than its header asks for, or a last segment that is
// shorter than the header's alg makes it — and what follows continues it as base64url. A
// complete token gets no text glued on, and a second token on the next line stays apart.

// piece is one whitespace-free stretch of the token in the view.
type piece struct{ s, e int }

// maxPieces bounds how many stretches one token is joined from.
const maxPieces = 1 << 16

// maxJoinHeader is the longest header text decoded to learn what the token needs; a longer
// one is judged by its shape alone.
const maxJoinHeader = 16 << 10

// joinState follows the token while it is being joined.
type joinState struct {
	dots   int    // dots so far (a %2E counts as one)
	last   int    // base64 characters of the last segment so far
	padded bool   // the last segment ended in '=' padding: its encoder ended it there
	hdr    []byte // the header text so far, while it spans stretches
	// hdrLost is set when the header is longer than maxJoinHeader: judged by shape alone.
	hdrLost bool
	// What the header says, once complete: need is the number of segments (3, or 5 with
	// enc; 0 when the header could not be read) and sizes the byte lengths the last
	// segment may have (nil when the alg or enc does not fix them).
	need  int
	sizes []int
	alg   string // the alg, or the enc of a JWE, as the header names it
}

// add accounts for the stretch t of the token.
func (js *joinState) add(t []byte) {
	for k := 0; k < len(t); k++ {
		c := t[k]
		switch {
		case c == '.' || c == '%' && k+2 < len(t) && t[k+1] == '2' && t[k+2]|0x20 == 'e':
			js.dots++
			if js.dots == 1 && !js.hdrLost {
				if js.hdr == nil {
					js.readHeader(t[:k]) // the header lies in this stretch: no copy
				} else {
					js.readHeader(append(js.hdr, t[:k]...))
				}
				js.hdr = nil
			}
			if c == '%' {
				k += 2
			}
			js.last, js.padded = 0, false
			continue
		case c == '=':
			js.padded = true
		case c == '%':
			js.last++
			k += 2
		default:
			js.last++
		}
	}
	if js.dots == 0 {
		if len(js.hdr)+len(t) > maxJoinHeader {
			js.hdr, js.hdrLost = nil, true
		} else {
			js.hdr = append(js.hdr, t...) // a header wrapped over lines
		}
	}
}

// readHeader decodes the complete header text hdr and learns how many segments the token
// has and how long its last one must be.
func (js *joinState) readHeader(hdr []byte) {
	if len(hdr) > maxJoinHeader {
		return
	}
	var arr [512]byte
	dec := arr[:0]
	if n := len(hdr) * 3 / 4; n > len(arr) {
		dec = make([]byte, 0, n)
	}
	dec = decodeB64(dec, hdr)
	alg, enc, ok := algAndEnc(dec)
	if !ok {
		return
	}
	js.need = 3
	if enc != "" {
		js.need, js.alg = 5, enc
		switch {
		case strings.HasSuffix(enc, "GCM"), strings.HasSuffix(enc, "CBC-HS256"):
			js.sizes = []int{16}
		case strings.HasSuffix(enc, "CBC-HS384"):
			js.sizes = []int{24}
		case strings.HasSuffix(enc, "CBC-HS512"):
			js.sizes = []int{32}
		}
		return
	}
	js.alg = alg
	want, known := jwsAlgs[alg]
	if !known {
		if a, found := caseFold(alg); found {
			want, known = jwsAlgs[a]
		}
	}
	switch {
	case !known:
	case want < 0: // none
		js.sizes = sizesNone
	case want == 0: // RSA: the common modulus sizes
		js.sizes = sizesRSA
	default:
		js.sizes = []int{want}
	}
}

var (
	sizesNone = []int{0}
	sizesRSA  = []int{128, 256, 384, 512, 1024}
)

// decodeB64 appends the bytes that the base64 (either alphabet) text src encodes to dst,
// skipping any other character.
func decodeB64(dst, src []byte) []byte {
	var acc uint32
	n := 0
	for _, c := range src {
		v := b64Table[c]
		if v >= 64 {
			continue
		}
		acc = acc<<6 | uint32(v)
		if n++; n == 4 {
			dst = append(dst, byte(acc>>16), byte(acc>>8), byte(acc))
			acc, n = 0, 0
		}
	}
	switch n {
	case 2:
		dst = append(dst, byte(acc>>4))
	case 3:
		dst = append(dst, byte(acc>>10), byte(acc>>2))
	}
	return dst
}

// algAndEnc reads the top-level "alg" and "enc" members of the JSON object j, when they
// are plain strings, without allocating beyond the two results. ok is false when j is not
// a well-formed object.
func algAndEnc(j []byte) (alg, enc string, ok bool) {
	i := skipJSONSpace(j, 0)
	if i >= len(j) || j[i] != '{' {
		return "", "", false
	}
	i = skipJSONSpace(j, i+1)
	if i < len(j) && j[i] == '}' {
		return "", "", true
	}
	for i < len(j) {
		ks, ke, next, plain := jsonString(j, i)
		if next < 0 {
			return "", "", false
		}
		i = skipJSONSpace(j, next)
		if i >= len(j) || j[i] != ':' {
			return "", "", false
		}
		i = skipJSONSpace(j, i+1)
		key := j[ks:ke]
		if i < len(j) && j[i] == '"' && plain && (string(key) == "alg" || string(key) == "enc") {
			vs, ve, vnext, vplain := jsonString(j, i)
			if vnext < 0 {
				return "", "", false
			}
			if vplain && string(key) == "alg" {
				alg = string(j[vs:ve])
			} else if vplain {
				enc = string(j[vs:ve])
			}
			i = vnext
		} else if i = skipJSONValue(j, i); i < 0 {
			return "", "", false
		}
		i = skipJSONSpace(j, i)
		if i < len(j) && j[i] == '}' {
			return alg, enc, true
		}
		if i >= len(j) || j[i] != ',' {
			return "", "", false
		}
		i = skipJSONSpace(j, i+1)
	}
	return "", "", false
}

func skipJSONSpace(j []byte, i int) int {
	for i < len(j) && (j[i] == ' ' || j[i] == '\t' || j[i] == '\n' || j[i] == '\r') {
		i++
	}
	return i
}

// jsonString reads the string at j[i] (which must be '"'): its contents are j[s:e], next
// is the offset after it (-1 when unterminated), and plain says it holds no escape.
func jsonString(j []byte, i int) (s, e, next int, plain bool) {
	if i >= len(j) || j[i] != '"' {
		return 0, 0, -1, false
	}
	plain = true
	for k := i + 1; k < len(j); k++ {
		switch j[k] {
		case '\\':
			plain = false
			k++
		case '"':
			return i + 1, k, k + 1, plain
		}
	}
	return 0, 0, -1, false
}

// skipJSONValue returns the offset after the JSON value at j[i], or -1. Nesting is followed
// by counting brackets outside strings; it is a skim, not a validation.
func skipJSONValue(j []byte, i int) int {
	depth := 0
	for i < len(j) {
		switch c := j[i]; c {
		case '"':
			_, _, next, _ := jsonString(j, i)
			if next < 0 {
				return -1
			}
			i = next
			if depth == 0 {
				return i
			}
			continue
		case '{', '[':
			depth++
		case '}', ']':
			if depth == 0 {
				return i // the end of the enclosing object: a bare value ended here
			}
			depth--
			if depth == 0 {
				return i + 1
			}
		case ',':
			if depth == 0 {
				return i
			}
		}
		i++
	}
	if depth == 0 {
		return i
	}
	return -1
}

// segBytes is how many bytes n base64 characters decode to; -1 when n ≡ 1 (mod 4), which
// no encoder makes.
func segBytes(n int) int {
	if n%4 == 1 {
		return -1
	}
	return n * 6 / 8
}

// fits reports whether a last segment of n characters has a length the header allows.
func (js *joinState) fits(n int) bool {
	b := segBytes(n)
	for _, s := range js.sizes {
		if b == s {
			return true
		}
	}
	return false
}

// over reports whether a last segment of n characters is longer than any the header allows.
func (js *joinState) over(n int) bool {
	m := 0
	for _, s := range js.sizes {
		m = max(m, s)
	}
	return n*6/8 > m
}

// gap is the whitespace between two stretches: how many line breaks it holds, and whether
// they were a JSON string's \n escapes rather than real ones.
type gap struct {
	end     int // where the next stretch starts
	breaks  int
	escaped bool
}

// scanGap reads the whitespace at b[i:hi]: spaces, tabs, CR and LF, the \n, \r and \t
// escapes of a JSON string a wrapped token was put into, a backslash that continues a shell
// line, and the > markers that start the lines of a quoted e-mail.
func scanGap(b []byte, i, hi int) gap {
	g := gap{end: i}
	for g.end < hi {
		c := b[g.end]
		if isSpace(c) {
			if isBreak(b, g.end) {
				g.breaks++
			}
			g.end++
			continue
		}
		if c == '\\' && g.end+1 < hi && (b[g.end+1] == '\n' || b[g.end+1] == '\r') {
			g.end++ // a shell or C line continuation: the break follows
			continue
		}
		if c == '>' && g.breaks > 0 && g.end > 0 && (b[g.end-1] == '\n' || b[g.end-1] == '\r' || b[g.end-1] == '>' || b[g.end-1] == ' ' || b[g.end-1] == '\t') {
			g.end++ // the quote marker of a quoted e-mail line
			continue
		}
		if c == '\\' && g.end+1 < hi && (b[g.end+1] == 'n' || b[g.end+1] == 'r' || b[g.end+1] == 't') {
			if b[g.end+1] == 'n' {
				g.breaks++
			}
			g.escaped = true
			g.end += 2
			continue
		}
		break
	}
	return g
}

// joinPieces extends the run b[s:e] (holding dots dots) over the gaps after it, within
// b[:hi], while what follows is the rest of the token; see the file comment.
func joinPieces(b []byte, s, e, dots, hi int) []piece {
	ps := []piece{{s, e}}
	var js joinState
	js.add(b[s:e])
	prevLW, prevPW := -1, -1 // the previous full line's width, in bytes and in token characters
	for len(ps) < maxPieces {
		g := scanGap(b, e, hi)
		j := g.end
		if j == e || j >= hi || g.breaks > 1 || charClass[b[j]]&clRun == 0 || b[j] == '=' {
			break
		}
		end, d, key := scanRun(b, j, hi, &js)
		if key || (end < hi && b[end] == ':') || js.dots+d > 4 {
			break // name=value, a header name, or more dots than any token has
		}
		run := b[j:end]
		afterDot := b[e-1] == '.' || e >= 3 && b[e-3] == '%' && b[e-2] == '2' && b[e-1]|0x20 == 'e'
		if jsonPrefix(run) && (js.dots >= 2 || d > 0 && !(afterDot && js.dots+d <= 2)) {
			break // another token, not the rest of this one
		}
		// The widths of the line just ended: of the whole line (a terminal wraps the line)
		// and of its part of the token (a base64 wrapper wraps the token after a prefix).
		pw := e - ps[len(ps)-1].s
		lw := pw
		if g.breaks == 1 && !g.escaped {
			lw = lineWidth(b, e)
		}
		sameWidth := prevPW >= 16 && (pw == prevPW || lw == prevLW)
		wrapped := g.breaks == 1 && (sameWidth || isWrapWidth(lw) || isWrapWidth(pw))
		if !js.continues(run, d, g.breaks, wrapped, sameWidth, lastOnLine(b, end, hi), lw) {
			break
		}
		if g.breaks == 1 {
			prevLW, prevPW = lw, pw
		}
		ps = append(ps, piece{j, end})
		js.add(run)
		e = end
	}
	return ps
}

// continues decides whether run (holding d dots), after a gap with breaks line breaks, is
// more of the token. wrapped says the line just ended looks like a full line of a wrap,
// sameWidth that it is as wide as the one before; lw is its width.
func (js *joinState) continues(run []byte, d, breaks int, wrapped, sameWidth, lastOnLine bool, lw int) bool {
	need := js.need
	if need == 0 {
		need = 3 // the header could not be read: judge by shape
	}
	random := looksRandom(run)
	switch {
	case js.dots < need-1 || js.need == 0 && js.dots == 3:
		// Segments are missing: a dot or random base64 continues it.
		return d > 0 && (random || len(run) <= 4 || wrapped) || d == 0 && (random || wrapped && len(run) <= lw)
	case d > 0 || js.padded || !b64Only(run):
		return false
	case js.sizes != nil:
		// The header says how long the last segment is: join only to reach that length.
		now, joined := js.last, js.last+len(run)
		if js.over(joined) {
			return false
		}
		if js.fits(now) {
			// Complete already, unless the stretch makes it another size the alg allows
			// (a signature wrapped where its first part is as long as a shorter key's).
			return breaks == 1 && (js.fits(joined) || sameWidth && random)
		}
		return random || wrapped || js.fits(joined)
	case breaks == 0:
		return false // words after a token whose length nothing fixes
	case js.last%4 == 1:
		return random || wrapped || (js.last+len(run))%4 != 1
	default:
		return sameWidth || wrapped && (random || lastOnLine) || lw >= 40 && lastOnLine && len(run) <= lw && random
	}
}

// lastOnLine reports whether nothing but whitespace, quotes or a separator follows b[end]
// on its line.
func lastOnLine(b []byte, end, hi int) bool {
	for k := end; k < hi && b[k] != '\n' && b[k] != '\r'; k++ {
		if !isSpace(b[k]) && !isQuote(b[k]) && b[k] != ',' && b[k] != ';' {
			return false
		}
	}
	return true
}

// b64Only reports whether t is all base64 characters (either alphabet).
func b64Only(t []byte) bool {
	for _, c := range t {
		if charClass[c]&(clB64|clStd) == 0 {
			return false
		}
	}
	return true
}

// looksRandom reports whether t (dots aside) reads like random base64 rather than a word:
// at least 8 characters mixing two of lower case, upper case past the first letter, and
// digits or - _ + /. "Expired", "Connection" and "failed" do not; "ZXhhbXBsZS5jb20" does.
func looksRandom(t []byte) bool {
	var n, lower, upper, digit int
	for i, c := range t {
		switch {
		case c == '.':
			continue
		case c >= 'a' && c <= 'z':
			lower = 1
		case c >= 'A' && c <= 'Z':
			if i > 0 {
				upper = 1
			}
		case c >= '0' && c <= '9' || c == '-' || c == '_' || c == '+' || c == '/':
			digit = 1
		default:
			return false
		}
		n++
	}
	return n >= 8 && lower+upper+digit >= 2
}

// lineWidth is the width in bytes of the line that ends at or after b[e-1] (up to the
// line break, CR excluded).
func lineWidth(b []byte, e int) int {
	ls := e
	for ls > 0 && b[ls-1] != '\n' && b[ls-1] != '\r' && e-ls < maxLookBehind {
		ls--
	}
	le := e
	for le < len(b) && b[le] != '\n' && b[le] != '\r' && le-e < maxLookBehind {
		le++
	}
	// trailing spaces on the line do not count
	for le > e && isSpace(b[le-1]) {
		le--
	}
	return le - ls
}

func isWrapWidth(w int) bool {
	switch w {
	case 64, 76, 72, 80, 100, 120, 128, 132:
		return true
	}
	return false
}
