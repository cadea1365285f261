package inspect

import (
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"
)

// maxJSONDepth bounds nesting, so a segment of a million '[' cannot exhaust the stack.
const maxJSONDepth = 256

// jsonErr is why a segment is not a JSON value: the code (json.invalid or json.truncated),
// the decoded-byte offset where parsing stopped, and what was expected there.
type jsonErr struct {
	code   string
	offset int
	what   string
}

// jsonParser reads one JSON text faithfully into Values: every Raw is a substring of the
// source, names and strings without escapes are substrings too, and member order and
// duplicates are kept. Members and elements are gathered on reusable stacks and copied
// out once per object or array, so a value costs no allocation of its own.
type jsonParser struct {
	s       string
	i       int
	depth   int
	scratch *jsonScratch
	// memArena and elemArena are the chunks the exact Members and Elems slices are carved
	// from, so a document costs a few allocations rather than one per object and array.
	memArena  []Member
	elemArena []Value
	err       *jsonErr
	// dups records duplicated member names of the top-level object (and nested ones), as
	// the offset of the repeated name and the name itself.
	dups []jsonDup
}

// jsonScratch holds the stacks members and elements are gathered on while their object or
// array is being read; they are reused from one parse to the next.
type jsonScratch struct {
	members []Member
	elems   []Value
	table   []int32 // the duplicate-name table of findDups
}

var scratchPool = sync.Pool{New: func() any { return new(jsonScratch) }}

// release returns the stacks to the pool. They are not cleared: the pool drops its
// entries at the next collections, so old strings are not held for long.
func (s *jsonScratch) release() {
	s.members, s.elems = s.members[:0], s.elems[:0]
	scratchPool.Put(s)
}

func (p *jsonParser) allocMembers(n int) []Member {
	if cap(p.memArena)-len(p.memArena) < n {
		p.memArena = make([]Member, 0, max(n, cap(p.memArena)/2, 64))
	}
	k := len(p.memArena)
	p.memArena = p.memArena[:k+n]
	return p.memArena[k : k+n : k+n]
}

func (p *jsonParser) allocElems(n int) []Value {
	if cap(p.elemArena)-len(p.elemArena) < n {
		p.elemArena = make([]Value, 0, max(n, cap(p.elemArena)/2, 64))
	}
	k := len(p.elemArena)
	p.elemArena = p.elemArena[:k+n]
	return p.elemArena[k : k+n : k+n]
}

// jsonDup is one repeated member name.
type jsonDup struct {
	name    string
	nameAt  int // decoded offset of the repeated name
	nameEnd int
	firstAt int // decoded offset of the first occurrence
	// raw and firstRaw are the two values as written.
	raw, firstRaw string
}

// parseJSON parses s, which must hold exactly one JSON value with optional whitespace
// around it. On failure it returns the error and, when the top level got far enough, nil.
func parseJSON(s string) (*Value, []jsonDup, *jsonErr) {
	p := jsonParser{s: s, scratch: scratchPool.Get().(*jsonScratch)}
	defer p.scratch.release()
	// Every member has a ':' and every further element a ','; the counts size the arenas.
	colons := strings.Count(s, ":")
	p.memArena = make([]Member, 0, min(colons+1, 1<<12))
	// Commas separate members and elements: elements = commas - members + objects + arrays.
	if n := strings.Count(s, ",") - colons + strings.Count(s, "{") + strings.Count(s, "["); n > 0 {
		p.elemArena = make([]Value, 0, min(n+n/8+16, 1<<12)) // ':' inside strings make n low
	}
	p.skipWS()
	v := new(Value)
	*v = p.value()
	if p.err == nil {
		p.skipWS()
		if p.i < len(s) {
			p.fail("json.invalid", "the end of the text after the JSON value")
		}
	}
	if p.err != nil {
		return nil, p.dups, p.err
	}
	return v, p.dups, nil
}

func (p *jsonParser) fail(code, what string) {
	if p.err == nil {
		p.err = &jsonErr{code: code, offset: p.i, what: what}
	}
}

// failAt reports an invalid character at p.i, or truncation when the text ended.
func (p *jsonParser) failAt(what string) {
	if p.i >= len(p.s) {
		p.fail("json.truncated", what)
		return
	}
	p.fail("json.invalid", what)
}

func (p *jsonParser) skipWS() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// value reads one value. It returns the Value itself rather than filling one through a
// pointer, so that no Value escapes to the heap through the recursion.
func (p *jsonParser) value() (v Value) {
	if p.i >= len(p.s) {
		p.fail("json.truncated", "a value")
		return v
	}
	start := p.i
	v.Start = start
	switch c := p.s[p.i]; {
	case c == '{':
		v.Type = TypeObject
		v.Members = p.object()
	case c == '[':
		v.Type = TypeArray
		v.Elems = p.array()
	case c == '"':
		v.Type = TypeString
		v.Str = p.str()
	case c == 't':
		v.Type, v.Bool = TypeBool, true
		p.literal("true")
	case c == 'f':
		v.Type = TypeBool
		p.literal("false")
	case c == 'n':
		v.Type = TypeNull
		p.literal("null")
	case c == '-' || (c >= '0' && c <= '9'):
		v.Type = TypeNumber
		p.number()
	default:
		p.fail("json.invalid", "a value (object, array, string, number, true, false or null)")
		return v
	}
	v.End = p.i
	v.Raw = p.s[start:p.i]
	return v
}

func (p *jsonParser) literal(word string) {
	rest := p.s[p.i:]
	if strings.HasPrefix(rest, word) {
		p.i += len(word)
		return
	}
	if len(rest) < len(word) && strings.HasPrefix(word, rest) {
		p.i = len(p.s)
		p.fail("json.truncated", "the rest of "+word)
		return
	}
	p.fail("json.invalid", "a value (object, array, string, number, true, false or null)")
}

func (p *jsonParser) digits() int {
	n := 0
	for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
		p.i++
		n++
	}
	return n
}

func (p *jsonParser) number() {
	if p.s[p.i] == '-' {
		p.i++
	}
	if p.i < len(p.s) && p.s[p.i] == '0' {
		p.i++
	} else if p.digits() == 0 {
		p.failAt("a digit")
		return
	}
	if p.i < len(p.s) && p.s[p.i] == '.' {
		p.i++
		if p.digits() == 0 {
			p.failAt("a digit after the decimal point")
			return
		}
	}
	if p.i < len(p.s) && (p.s[p.i] == 'e' || p.s[p.i] == 'E') {
		p.i++
		if p.i < len(p.s) && (p.s[p.i] == '+' || p.s[p.i] == '-') {
			p.i++
		}
		if p.digits() == 0 {
			p.failAt("a digit of the exponent")
			return
		}
	}
	// A number at the very end of the text may have lost digits, but a complete top-level
	// number is valid JSON; the caller judges that from context.
}

// strSpecial marks the bytes that end the plain run of a string: the quote, the backslash
// and the control characters JSON forbids.
var strSpecial = func() (t [256]bool) {
	for c := 0; c < 0x20; c++ {
		t[c] = true
	}
	t['"'], t['\\'] = true, true
	return t
}()

// str reads a string starting at the opening quote and returns its decoded content.
func (p *jsonParser) str() string {
	p.i++ // opening quote
	start := p.i
	s := p.s
	for p.i < len(s) {
		c := s[p.i]
		if !strSpecial[c] {
			p.i++
			continue
		}
		if c == '"' {
			out := s[start:p.i]
			p.i++
			return out
		}
		if c == '\\' {
			return p.strEscaped(start)
		}
		if c < 0x20 {
			p.fail("json.invalid", "a control character escaped as \\u00XX (raw control characters are not allowed in JSON strings)")
			return ""
		}
		p.i++
	}
	p.fail("json.truncated", "the closing quote of a string")
	return ""
}

// strEscaped continues a string that holds escapes, building its decoded content.
func (p *jsonParser) strEscaped(start int) string {
	s := p.s
	var b strings.Builder
	b.Grow(p.i - start + 16)
	b.WriteString(s[start:p.i])
	for p.i < len(s) {
		c := s[p.i]
		switch {
		case c == '"':
			p.i++
			return b.String()
		case c < 0x20:
			p.fail("json.invalid", "a control character escaped as \\u00XX (raw control characters are not allowed in JSON strings)")
			return ""
		case c != '\\':
			b.WriteByte(c)
			p.i++
			continue
		}
		p.i++ // backslash
		if p.i >= len(s) {
			p.fail("json.truncated", "an escape sequence")
			return ""
		}
		e := s[p.i]
		p.i++
		switch e {
		case '"', '\\', '/':
			b.WriteByte(e)
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			r, ok := p.hex4()
			if !ok {
				return ""
			}
			if utf16.IsSurrogate(r) {
				// A pair decodes to one rune; a lone half becomes U+FFFD, as encoding/json does.
				if r < 0xDC00 && strings.HasPrefix(s[p.i:], "\\u") {
					save := p.i
					p.i += 2
					r2, ok := p.hex4()
					if !ok {
						return ""
					}
					if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
						b.WriteRune(d)
						continue
					}
					p.i = save
				}
				r = utf8.RuneError
			}
			b.WriteRune(r)
		default:
			p.i--
			p.fail("json.invalid", `a valid escape (\" \\ \/ \b \f \n \r \t \uXXXX)`)
			return ""
		}
	}
	p.fail("json.truncated", "the closing quote of a string")
	return ""
}

func (p *jsonParser) hex4() (rune, bool) {
	var r rune
	for k := 0; k < 4; k++ {
		if p.i >= len(p.s) {
			p.fail("json.truncated", "four hex digits of a \\u escape")
			return 0, false
		}
		c := p.s[p.i]
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			p.fail("json.invalid", "four hex digits of a \\u escape")
			return 0, false
		}
		p.i++
	}
	return r, true
}

func (p *jsonParser) enter() bool {
	p.depth++
	if p.depth > maxJSONDepth {
		p.i-- // point at the bracket that opened one level too many
		p.fail("json.invalid", "less nesting (more than 256 levels of objects and arrays)")
		return false
	}
	return true
}

func (p *jsonParser) object() []Member {
	p.i++ // '{'
	if !p.enter() {
		return nil
	}
	defer func() { p.depth-- }()
	sc := p.scratch
	base := len(sc.members)
	defer func() { sc.members = sc.members[:base] }()
	p.skipWS()
	if p.i < len(p.s) && p.s[p.i] == '}' {
		p.i++
		return nil
	}
	for {
		p.skipWS()
		if p.i >= len(p.s) || p.s[p.i] != '"' {
			p.failAt("a member name in double quotes")
			return nil
		}
		nameStart := p.i
		name := p.str()
		if p.err != nil {
			return nil
		}
		nameRaw := p.s[nameStart:p.i]
		p.skipWS()
		if p.i >= len(p.s) || p.s[p.i] != ':' {
			p.failAt("':' after the member name")
			return nil
		}
		p.i++
		p.skipWS()
		// The member goes on the stack first and its value is stored in place: nested
		// values may grow the stack, so it is indexed again after the call.
		k := len(sc.members)
		sc.members = append(sc.members, Member{Name: name, NameRaw: nameRaw, NameStart: nameStart})
		v := p.value()
		if p.err != nil {
			return nil
		}
		sc.members[k].Value = v
		p.skipWS()
		if p.i >= len(p.s) {
			p.fail("json.truncated", "',' or '}'")
			return nil
		}
		if p.s[p.i] == ',' {
			p.i++
			continue
		}
		if p.s[p.i] == '}' {
			p.i++
			break
		}
		p.fail("json.invalid", "',' or '}' after a member")
		return nil
	}
	ms := p.allocMembers(len(sc.members) - base)
	copy(ms, sc.members[base:])
	p.findDups(ms)
	return ms
}

// findDups records repeated member names: pairwise for small objects, with a map for big ones.
func (p *jsonParser) findDups(ms []Member) {
	if len(ms) < 2 {
		return
	}
	if len(ms) <= 24 {
		for j := 1; j < len(ms); j++ {
			for k := 0; k < j; k++ {
				if ms[j].Name == ms[k].Name {
					p.addDup(ms[j], ms[k])
					break
				}
			}
		}
		return
	}
	// An open-addressing table of member indexes, reused from the scratch.
	size := 64
	for size < 2*len(ms) {
		size <<= 1
	}
	sc := p.scratch
	if cap(sc.table) < size {
		sc.table = make([]int32, size)
	}
	table := sc.table[:size]
	for i := range table {
		table[i] = -1
	}
	mask := uint32(size - 1)
	for j := range ms {
		name := ms[j].Name
		h := uint32(2166136261)
		for k := 0; k < len(name); k++ {
			h = (h ^ uint32(name[k])) * 16777619
		}
		for slot := h & mask; ; slot = (slot + 1) & mask {
			k := table[slot]
			if k < 0 {
				table[slot] = int32(j)
				break
			}
			if ms[k].Name == name {
				p.addDup(ms[j], ms[k])
				break
			}
		}
	}
}

func (p *jsonParser) addDup(m, first Member) {
	p.dups = append(p.dups, jsonDup{name: m.Name, nameAt: m.NameStart, nameEnd: m.NameStart + len(m.NameRaw), firstAt: first.NameStart,
		raw: m.Value.Raw, firstRaw: first.Value.Raw})
}

func (p *jsonParser) array() []Value {
	p.i++ // '['
	if !p.enter() {
		return nil
	}
	defer func() { p.depth-- }()
	sc := p.scratch
	base := len(sc.elems)
	defer func() { sc.elems = sc.elems[:base] }()
	p.skipWS()
	if p.i < len(p.s) && p.s[p.i] == ']' {
		p.i++
		return nil
	}
	for {
		p.skipWS()
		e := p.value()
		if p.err != nil {
			return nil
		}
		sc.elems = append(sc.elems, e)
		p.skipWS()
		if p.i >= len(p.s) {
			p.fail("json.truncated", "',' or ']'")
			return nil
		}
		if p.s[p.i] == ',' {
			p.i++
			continue
		}
		if p.s[p.i] == ']' {
			p.i++
			break
		}
		p.fail("json.invalid", "',' or ']' after an element")
		return nil
	}
	es := p.allocElems(len(sc.elems) - base)
	copy(es, sc.elems[base:])
	return es
}
