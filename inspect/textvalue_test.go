package inspect

import (
	"encoding/json"
	"strings"
)

// This file builds *Value trees for the claims and text tests without the package's JSON
// parser: a tv node is written out as JSON text, and the Value built alongside records
// exactly where each piece landed in that text, as the parser would.

// tvNode is a JSON value to build: a number or literal (raw), a string, an array or an
// object.
type tvNode struct {
	typ     ValueType
	raw     string // for numbers, true/false/null
	str     string
	elems   []tvNode
	members []tvMember
}

type tvMember struct {
	name string
	val  tvNode
}

func tvNum(raw string) tvNode { return tvNode{typ: TypeNumber, raw: raw} }
func tvStr(s string) tvNode   { return tvNode{typ: TypeString, str: s} }
func tvBool(b bool) tvNode {
	return tvNode{typ: TypeBool, raw: map[bool]string{true: "true", false: "false"}[b]}
}
func tvNull() tvNode           { return tvNode{typ: TypeNull, raw: "null"} }
func tvArr(e ...tvNode) tvNode { return tvNode{typ: TypeArray, elems: e} }

// tvObj builds an object from name, value pairs.
func tvObj(kv ...any) tvNode {
	n := tvNode{typ: TypeObject}
	for i := 0; i+1 < len(kv); i += 2 {
		n.members = append(n.members, tvMember{kv[i].(string), kv[i+1].(tvNode)})
	}
	return n
}

// tvBuild writes n as JSON and returns the Value with its offsets, and the text.
func tvBuild(n tvNode) (*Value, string) {
	var b strings.Builder
	v := tvWrite(&b, n)
	return &v, b.String()
}

func tvQuote(s string) string {
	q, _ := json.Marshal(s) // escapes controls as \u00XX; keeps other runes as they are
	return string(q)
}

func tvWrite(b *strings.Builder, n tvNode) Value {
	start := b.Len()
	v := Value{Type: n.typ, Start: start}
	switch n.typ {
	case TypeString:
		b.WriteString(tvQuote(n.str))
		v.Str = n.str
	case TypeArray:
		b.WriteByte('[')
		for i, e := range n.elems {
			if i > 0 {
				b.WriteByte(',')
			}
			v.Elems = append(v.Elems, tvWrite(b, e))
		}
		b.WriteByte(']')
	case TypeObject:
		b.WriteByte('{')
		for i, m := range n.members {
			if i > 0 {
				b.WriteByte(',')
			}
			nameRaw := tvQuote(m.name)
			mem := Member{Name: m.name, NameRaw: nameRaw, NameStart: b.Len()}
			b.WriteString(nameRaw)
			b.WriteByte(':')
			mem.Value = tvWrite(b, m.val)
			v.Members = append(v.Members, mem)
		}
		b.WriteByte('}')
	default:
		b.WriteString(n.raw)
		v.Bool = n.raw == "true"
	}
	v.End = b.Len()
	v.Raw = b.String()[start:]
	return v
}

// identityAt maps decoded offsets to themselves.
func identityAt(start, end int) (int, int) { return start, end - start }

// shiftedAt maps decoded offsets 1000 bytes further, to show that findings go through
// the mapper.
func shiftedAt(start, end int) (int, int) { return start + 1000, end - start }
