package inspect

import (
	"bytes"
	"fmt"
	"strings"
)

// placeholder explains a value sent where a token belongs.
type placeholder struct {
	why  string // what the client likely did wrong
	hint string
}

var (
	placeholderEmpty = placeholder{
		"the value is empty: the variable meant to hold the token was an empty string",
		"Check where the client reads the token (storage, environment, the login response) before it builds the header.",
	}
	placeholderSchemeOnly = placeholder{
		"the Authorization header holds only the scheme, no token after it: the variable meant to hold the token was empty (an unset $TOKEN in a shell expands to nothing)",
		"Check that the variable is set where the header is built; in a shell, `${TOKEN:?}` stops with an error instead of sending an empty token.",
	}
	placeholderTemplate = placeholder{
		"it is a placeholder from documentation or a template that was never replaced with a real token",
		"Put an actual token there, or make sure the template variable is defined where the request is built.",
	}
	placeholderWords = map[string]placeholder{
		"undefined": {"a JavaScript variable that was never set (undefined) was turned into text: the token was not stored, was read under another name, or was read before the login finished",
			"Log the variable before building the header; check the property name (access_token or accessToken?) and that the login response arrived first."},
		"null": {"a variable holding null was turned into text: the token was never fetched, was cleared, or storage had no entry for it (localStorage.getItem returns null)",
			"Check that the login stored the token under the name the client reads, and that the request waits for it."},
		"[object object]": {"a JavaScript object was turned into text instead of its token member: the whole login response was sent",
			"Send the token member of the object, e.g. `Bearer ${data.access_token}`, not the object."},
		"[object promise]": {"a JavaScript Promise was turned into text: the async call that gets the token was not awaited",
			"await the call (or use .then) before building the header."},
		"none":  {"a Python None was formatted into the text: the token variable was never set", "Check the code that fetches the token; do not format the header when it is None."},
		"nil":   {"a nil value was formatted into the text: the token variable was never set", "Check the code that fetches the token before it builds the header."},
		"<nil>": {"a Go nil value was formatted with %v: the token variable was never set", "Check the code that fetches the token before it builds the header."},
		"nan":   {"a JavaScript NaN was turned into text: arithmetic on a missing value", "Check how the client builds the header value."},
	}
)

// placeholderFor reports whether t (one pair of quotes allowed around it) is a value sent
// instead of a token.
func placeholderFor(t []byte) (placeholder, bool) {
	if len(t) >= 2 && isQuote(t[0]) && t[len(t)-1] == t[0] {
		t = t[1 : len(t)-1]
	}
	if len(t) == 0 {
		return placeholderEmpty, true
	}
	if len(t) > 64 {
		return placeholder{}, false
	}
	l := strings.ToLower(string(t))
	if p, ok := placeholderWords[l]; ok {
		return p, true
	}
	switch {
	case strings.HasPrefix(l, "<") && strings.HasSuffix(l, ">"),
		strings.HasPrefix(l, "{{") && strings.HasSuffix(l, "}}"),
		strings.HasPrefix(l, "${") && strings.HasSuffix(l, "}"),
		strings.HasPrefix(l, "%") && strings.HasSuffix(l, "%") && len(l) > 2,
		strings.HasPrefix(l, "$") && isUpperWord(t[1:]),
		strings.Contains(l, "your") && (strings.Contains(l, "token") || strings.Contains(l, "jwt")),
		l == "token" || l == "jwt" || l == "access_token" || l == "id_token" || l == "...", l == "…",
		len(l) >= 3 && strings.Trim(l, "x") == "":
		return placeholderTemplate, true
	}
	return placeholder{}, false
}

func isUpperWord(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	for _, c := range b {
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// placeholderFinding stops with input.placeholder for the value in b[s:e] of the view.
func (n *normalized) placeholderFinding(v *view, ph placeholder, s, e int, where string) {
	n.stop = true
	text := string(v.b[s:e])
	if len(text) > 40 {
		text = text[:40] + "…"
	}
	if where != "" {
		where = " " + where
	}
	n.add("input.placeholder", Error, PartInput, v.rawAt(s), v.rawAt(e)-v.rawAt(s),
		fmt.Sprintf("The input holds %s%s instead of a token: %s.", quoteText(text), where, ph.why), ph.hint)
	n.invisibleFindings(v)
}

// noToken ends the slow path when no candidate was found: a placeholder after a Bearer
// scheme or in a token member, or else input.not-a-token saying what the input looked like.
func (n *normalized) noToken(v *view, ts0, te0, s, e, cs int) {
	b := v.b
	if s0, e0, where, ph, ok := findPlaceholderValue(b, ts0, te0); ok {
		n.placeholderFinding(v, ph, s0, e0, where)
		return
	}
	n.notToken(b[cs:e], detectKind(b[ts0:te0]))
	n.invisibleFindings(v)
}

// notToken stops with input.not-a-token, saying what core (the input without whitespace,
// quotes and scheme) looked like.
func (n *normalized) notToken(core []byte, kind msgKind) {
	n.stop = true
	desc, hint := describe(core, kind)
	n.add("input.not-a-token", Error, PartInput, 0, 0,
		"Nothing in the input looks like a JWT: it looks like "+desc+".",
		"A JWT is three base64url segments joined by dots (five when encrypted), and nearly always starts with \"eyJ\". "+hint)
}

// findPlaceholderValue looks for a placeholder after a Bearer scheme or as the value of a
// member or field whose name holds "token", within b[lo:hi]. It checks a bounded number of
// places.
func findPlaceholderValue(b []byte, lo, hi int) (int, int, string, placeholder, bool) {
	tries := 0
	for i := lo; i+6 <= hi && tries < 64; i++ {
		if c := b[i] | 0x20; c != 'b' && c != 't' {
			continue
		}
		var where string
		j := -1
		switch {
		case hasPrefixFold(b[i:hi], "bearer") && (i == lo || !isLetter(b[i-1])):
			j = i + 6
			if k := blankToLineEnd(b, j, hi); k >= 0 && lo < i && (b[i-1] == ' ' || isQuote(b[i-1])) {
				return i, j, "", placeholderSchemeOnly, true // `Authorization: Bearer ` and nothing after it
			}
			if j >= hi || (b[j] != ' ' && b[j] != '\t') {
				continue
			}
			where = "after the Bearer scheme"
		case hasPrefixFold(b[i:hi], "token") && (i+5 == hi || !isNameChar(b[i+5]) || b[i+5] == '.'):
			j = i + 5
			if j < hi && b[j] == '"' {
				j++
			}
			for j < hi && (b[j] == ' ' || b[j] == '\t') {
				j++
			}
			if j >= hi || (b[j] != ':' && b[j] != '=') {
				continue
			}
			j++
			where = "as the token value"
		default:
			continue
		}
		tries++
		for j < hi && (b[j] == ' ' || b[j] == '\t') {
			j++
		}
		k := j
		if k < hi && isQuote(b[k]) {
			q := b[k]
			k++
			for k < hi && b[k] != q && b[k] != '\n' {
				k++
			}
			if k < hi && b[k] == q {
				k++
			}
		} else {
			for k < hi && !isSpace(b[k]) && b[k] != ',' && b[k] != ';' && b[k] != '}' && b[k] != '&' && b[k] != '\'' && b[k] != '"' {
				k++
			}
		}
		if k == j {
			continue
		}
		if ph, ok := placeholderFor(b[j:k]); ok {
			return j, k, where, ph, true
		}
	}
	return 0, 0, "", placeholder{}, false
}

// blankToLineEnd returns where the value at b[j:hi], right after a Bearer scheme, ends
// when nothing but spaces and tabs is left of it: up to the end of the line, or, after
// at least one space, the quote that closes a quoted header value (curl -H 'Authorization:
// Bearer ', a JSON string "Bearer "). It returns -1 when more follows.
func blankToLineEnd(b []byte, j, hi int) int {
	k := j
	for k < hi && (b[k] == ' ' || b[k] == '\t') {
		k++
	}
	if k == hi || b[k] == '\n' || b[k] == '\r' || k > j && isQuote(b[k]) {
		return k
	}
	return -1
}

// describe says briefly what a text with no token in it looks like, and what to do.
func describe(t []byte, kind msgKind) (string, string) {
	switch {
	case bytes.Contains(t, []byte("-----BEGIN")):
		return "a PEM block (a key or a certificate), not a token", "Give keys with --key FILE and paste the token itself here."
	case hasPrefixFold(t, "basic ") || hasPrefixFold(t, "authorization: basic"):
		return "HTTP Basic credentials (a user name and password in base64), not a bearer token", "Basic credentials are not a JWT; look for the Bearer header the server expects."
	case kind.of != "":
		return kind.of[3:] + " with no JWT in its headers or body", "Check that the request actually carried the token (the header may have been dropped by a proxy)."
	case len(t) > 0 && (t[0] == '{' || t[0] == '['):
		return "JSON with no member that holds a JWT", "Look for the member that should carry it (access_token, id_token); the server may have returned an error object instead."
	case isUUID(t):
		return "a UUID", "A UUID is an identifier, perhaps a session id or an opaque token reference; it holds nothing to decode."
	}
	if desc, hint, ok := dottedKind(t); ok {
		return desc, hint
	}
	word, allDots, allHex := true, true, true
	for _, c := range t {
		cl := charClass[c]
		if cl&(clB64|clStd|clDot|clEq) == 0 {
			word = false
		}
		if c != '.' {
			allDots = false
		}
		if !isHex(c) {
			allHex = false
		}
	}
	switch {
	case word && allDots:
		return fmt.Sprintf("nothing but dots (%s)", plural(len(t), "dot")), "Paste the token itself."
	case word && allHex && len(t) >= 16:
		return fmt.Sprintf("a hex string of %s (a hash, an id or a secret?)", plural(len(t), "character")), "Paste the token itself, not a hash or an id."
	case word && len(t) >= 16:
		return fmt.Sprintf("an opaque token of %s: a random reference that only its issuer can look up, with nothing inside to decode", plural(len(t), "character")),
			"Opaque tokens are checked by asking the issuer (OAuth token introspection); if a JWT was expected, configure the issuer to issue JWT access tokens."
	case word:
		return fmt.Sprintf("a short word of %s with no dots", plural(len(t), "character")), "Paste the whole token; it may have been cut or replaced."
	}
	return "text with nothing shaped like a JWT in it", "Paste the token itself, or the header, body or log line that carries it."
}

// fileExts are the extensions of files people keep tokens, keys and logs in.
var fileExts = map[string]bool{
	"txt": true, "jwt": true, "json": true, "pem": true, "key": true, "crt": true, "cer": true, "der": true,
	"log": true, "token": true, "tok": true, "b64": true, "out": true, "env": true, "yaml": true, "yml": true,
	"conf": true, "cfg": true, "jwk": true, "jwks": true, "pub": true, "har": true, "http": true, "sh": true,
}

// dottedKind says what a dotted word that does not start like a JWT is: a file name, a
// version number, an opaque access token, a domain name. ok is false when it is none of
// these (a JWT whose header was lost, say), so the decode work judges it.
func dottedKind(t []byte) (desc, hint string, ok bool) {
	if len(t) == 0 || len(t) > 255 || jsonPrefix(t) {
		return "", "", false
	}
	for _, c := range t {
		if c <= ' ' || c >= 0x7F {
			return "", "", false // words with spaces or controls are text, not a name
		}
	}
	dot := bytes.LastIndexByte(t, '.')
	first := bytes.IndexByte(t, '.')
	if dot <= 0 || dot == len(t)-1 {
		return "", "", false
	}
	ext := strings.ToLower(string(t[dot+1:]))
	digitsOnly, label, labels, domain := true, 0, 1, true
	for _, c := range t {
		switch {
		case c == '.':
			if label == 0 || label > 63 {
				domain = false
			}
			label = 0
			labels++
			continue
		case c >= '0' && c <= '9':
		case isLetter(c) || c == '-':
			digitsOnly = false
		default:
			digitsOnly, domain = false, false
		}
		label++
	}
	tld := true
	for _, c := range t[dot+1:] {
		tld = tld && isLetter(c)
	}
	rest := t[first+1:]
	switch {
	case fileExts[ext] || bytes.IndexByte(t, '/') >= 0 && !bytes.Contains(t, []byte("//")):
		return "a file name (" + quoteText(string(t)) + "), not a token", "To inspect a file's contents use `jwtlens check - < FILE`.", true
	case digitsOnly:
		return "a version number (" + quoteText(string(t)) + "), not a token", "Paste the token itself.", true
	case hasPrefixFold(t, "ya29.") || first <= 8 && len(rest) >= 16 && looksRandom(rest) && !domain:
		return "an opaque access token, not a JWT — it cannot be decoded locally: only its issuer can look it up (Google's access tokens start with ya29.)",
			"Opaque tokens are checked by asking the issuer (token introspection, or Google's tokeninfo endpoint); if a JWT was expected, ask for an ID token or a JWT access token.", true
	case domain && tld && dot < len(t)-2 && labels <= 8:
		return "a domain name (" + quoteText(string(t)) + "), not a token", "Paste the token itself, not the host it is sent to.", true
	}
	return "", "", false
}

// isUUID reports whether t is 8-4-4-4-12 hex digits.
func isUUID(t []byte) bool {
	if len(t) != 36 {
		return false
	}
	for i, c := range t {
		if i == 8 || i == 13 || i == 18 || i == 23 {
			if c != '-' {
				return false
			}
		} else if !isHex(c) {
			return false
		}
	}
	return true
}

// repairFindings reports whitespace inside the token and percent-encoding.
func (n *normalized) repairFindings(v *view, ps []piece, st buildStats) {
	b := v.b
	if len(ps) > 1 {
		g := countGaps(b, ps)
		var parts []string
		switch {
		case g.crlf > 0 && g.crlf == g.breaks:
			parts = append(parts, plural(g.breaks, "CRLF line break"))
		case g.cr > 0 && g.cr == g.breaks:
			parts = append(parts, plural(g.breaks, "CR line break")+", a carriage return alone as terminals and tmux send for a line break when pasting")
		case g.breaks > 0:
			parts = append(parts, plural(g.breaks, "line break"))
		}
		if g.escaped > 0 {
			parts = append(parts, plural(g.escaped, `\n escape`)+" written into a JSON string")
		}
		if g.indented > 0 && g.indented == g.breaks {
			parts = append(parts, "each following line indented as in a folded header: RFC 7230 obs-fold, SIP folding")
		} else if g.indented > 0 {
			parts = append(parts, plural(g.indented, "indented line"))
		}
		switch {
		case g.continued > 0 && g.continued == g.breaks:
			parts = append(parts, `each line ending in a \ that continues a shell command`)
		case g.continued > 0:
			parts = append(parts, plural(g.continued, "line")+` ending in a \ that continues a shell command`)
		}
		switch {
		case g.quoted > 0 && g.quoted == g.breaks:
			parts = append(parts, "each following line starting with the > of a quoted e-mail")
		case g.quoted > 0:
			parts = append(parts, plural(g.quoted, "line")+" starting with the > of a quoted e-mail")
		}
		if g.blanks > 0 {
			parts = append(parts, plural(g.blanks, "space"))
		}
		if len(parts) == 0 {
			parts = append(parts, "whitespace")
		}
		every := ""
		if w := wrapEvery(ps); w > 0 && g.breaks+g.escaped > 0 {
			every = fmt.Sprintf(", one every %s, as a terminal or a base64 wrapper makes them", plural(w, "character"))
		}
		off := v.rawAt(ps[0].e)
		n.add("input.inner-whitespace", Warning, PartToken, off, v.rawAt(ps[1].s)-off,
			fmt.Sprintf("Whitespace inside the token as pasted (%s%s) was removed to read it. The text as pasted would not verify, and Go's base64 decoder silently skips \\r and \\n, so a server may decode it anyway and then blame the key when the signature fails.",
				strings.Join(parts, "; "), every),
			"Copy the token as one line (widen the terminal, use `less -S`, or copy from the source instead of the wrapped screen), and make sure whatever stores or sends it does not wrap it.")
	}
	if st.pct > 0 {
		var what []string
		for _, k := range st.kinds {
			c := unhex(k[1])<<4 | unhex(k[2])
			what = append(what, k+" for '"+Sanitize(string(rune(c)))+"'")
		}
		n.add("input.url-encoded", Warning, PartToken, st.pctFirst, 3,
			fmt.Sprintf("The token was percent-encoded (%s): %s decoded.", strings.Join(what, ", "), plural(st.pct, "sequence")),
			"It was copied from a URL or a form body; the server must get the plain token, so decode the parameter before using it (or copy it from where it is not URL-encoded).")
	}
}

// gapCounts sums up the whitespace between the pieces of a token.
type gapCounts struct {
	breaks, crlf int // real line breaks, and how many of them were CRLF
	cr           int // line breaks that were a carriage return alone (CR)
	escaped      int // \n escapes of a JSON string
	indented     int // line breaks followed by indentation
	continued    int // line breaks after a backslash that continues a shell line
	quoted       int // line breaks followed by the > of a quoted e-mail
	blanks       int // other spaces and tabs
}

func countGaps(b []byte, ps []piece) gapCounts {
	var g gapCounts
	for i := 1; i < len(ps); i++ {
		lineStart := false
		for k := ps[i-1].e; k < ps[i].s; k++ {
			switch c := b[k]; {
			case c == '\n':
				g.breaks++
				if k > 0 && b[k-1] == '\r' {
					g.crlf++
				}
				lineStart = true
			case c == '\r' && isBreak(b, k):
				g.breaks++
				g.cr++
				lineStart = true
			case c == '\r':
			case c == '\\' && k+1 < ps[i].s && (b[k+1] == '\n' || b[k+1] == '\r'):
				g.continued++
			case c == '>' && lineStart:
				g.quoted++
				for k+1 < ps[i].s && (b[k+1] == '>' || b[k+1] == ' ' || b[k+1] == '\t') {
					k++
				}
				lineStart = false
			case c == '\\' && k+1 < ps[i].s:
				if b[k+1] == 'n' {
					g.escaped++
				}
				k++
			case lineStart:
				g.indented++
				for k+1 < ps[i].s && (b[k+1] == ' ' || b[k+1] == '\t') {
					k++
				}
				lineStart = false
			default:
				g.blanks++
			}
		}
	}
	return g
}

// wrapEvery returns the common length of the full lines of a wrapped token, or 0.
func wrapEvery(ps []piece) int {
	if len(ps) < 2 {
		return 0
	}
	full := ps[:len(ps)-1]
	start := 0
	if len(full) > 1 {
		start = 1 // the first line may carry a prefix
	}
	w := full[start].e - full[start].s
	for _, p := range full[start:] {
		if p.e-p.s != w {
			return 0
		}
	}
	if start == 1 && full[0].e-full[0].s > w {
		return 0
	}
	return w
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// invisibleFindings reports the invisible characters of the input, saying where each is
// relative to the token.
func (n *normalized) invisibleFindings(v *view) {
	ts, te := -1, -1
	if len(n.offsets) > 0 {
		ts, te = n.offsets[0], n.offsets[len(n.offsets)-1]
	}
	for _, h := range v.inv {
		part, where := PartInput, "elsewhere in the input"
		switch {
		case ts < 0:
		case h.off < ts:
			where = "before the token"
		case h.off >= te:
			where = "after the token"
		default:
			part, where = PartToken, "inside the token"
		}
		done := "it was removed"
		if h.ch.space {
			done = "it was read as a plain space"
		}
		msg := fmt.Sprintf("An invisible character, %s %s, is at byte %d, %s; %s.", codePoint(h.ch.r), h.ch.name, h.off, where, done)
		if h.ch.r == 0xFEFF && h.off == 0 {
			msg = "The input starts with a byte order mark (U+FEFF), as editors and Windows tools add when saving UTF-8; it was removed."
		}
		n.add("input.invisible-char", Warning, part, h.off, h.size, msg,
			"It comes from copying out of a web page, chat, e-mail or word processor, or from a file saved with a BOM; a server sees it as part of the token and cannot decode it. Copy from a plain-text source, or strip it where the token is stored.")
	}
	listed := 0
	for _, h := range v.look {
		if ts < 0 || h.off < ts || h.off >= te {
			continue // a dash in the text around the token is no damage to it
		}
		if listed++; listed > maxInvisibleFindings {
			break
		}
		n.add("input.invisible-char", Warning, PartToken, h.off, h.size,
			fmt.Sprintf("A typographic character, %s %s, is at byte %d, inside the token, where %s belongs; it was read as %s.", codePoint(h.ch.r), h.ch.name, h.off, quoteText(string(h.ch.repl)), quoteText(string(h.ch.repl))),
			"A word processor, a chat app or an input method replaced the character when the token was pasted through it; a server sees the replacement and cannot decode the token. Copy the token from a plain-text source, or turn off smart punctuation.")
	}
	if more := v.nInv - len(v.inv); more > 0 {
		n.add("input.invisible-char", Warning, PartInput, 0, 0,
			fmt.Sprintf("The input holds %s (not listed one by one); all were removed.", plural(more, "more invisible character")),
			"Copy the token from a plain-text source.")
	}
}
