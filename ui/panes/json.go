package panes

import (
	"fmt"
	"strings"

	"jwtlens/inspect"
	"jwtlens/ui/common"
)

// content is the rendered text of a pane plus, for JSON, the line each top-level member
// starts on, keyed by its offset in the decoded bytes (for scrolling to a finding).
type content struct {
	lines   []string
	members []memberLine
}

type memberLine struct {
	line int
	off  int // NameStart of the member in the decoded segment
	end  int // where its value ends (Value.End)
}

type jsonWriter struct {
	p      *paints
	out    *content
	cur    strings.Builder
	claims map[string]*inspect.Claim
}

// renderJSON lays out v (an object from a segment) in its original order, one member per
// line, with the registered claims of part annotated below their line.
func renderJSON(p *paints, v *inspect.Value, claims []inspect.Claim, part inspect.Part) content {
	var c content
	w := &jsonWriter{p: p, out: &c, claims: map[string]*inspect.Claim{}}
	for i := range claims {
		if claims[i].Part == part {
			w.claims[claims[i].Name] = &claims[i]
		}
	}
	w.value(v, 0, true)
	w.newline()
	return c
}

func (w *jsonWriter) newline() {
	w.out.lines = append(w.out.lines, w.cur.String())
	w.cur.Reset()
}

func (w *jsonWriter) indent(n int) { w.cur.WriteString(strings.Repeat("  ", n)) }

func (w *jsonWriter) safe(s string, paint common.Paint) {
	w.cur.WriteString(common.SafePaint(s, paint, w.p.esc))
}

func (w *jsonWriter) scalar(v *inspect.Value) {
	switch v.Type {
	case inspect.TypeString:
		w.safe(v.Raw, w.p.str)
	case inspect.TypeNumber:
		w.safe(v.Raw, w.p.num)
	default:
		w.safe(v.Raw, w.p.lit)
	}
}

// inlineable reports whether an array or object is short and flat enough for one line.
func inlineable(v *inspect.Value) bool {
	if len(v.Raw) > 48 {
		return false
	}
	for i := range v.Elems {
		if t := v.Elems[i].Type; t == inspect.TypeArray || t == inspect.TypeObject {
			return false
		}
	}
	return v.Type == inspect.TypeArray || len(v.Members) == 0
}

func (w *jsonWriter) value(v *inspect.Value, depth int, top bool) {
	switch v.Type {
	case inspect.TypeObject:
		if len(v.Members) == 0 {
			w.cur.WriteString(w.p.punct.S("{}"))
			return
		}
		w.cur.WriteString(w.p.punct.S("{"))
		last := map[string]int{}
		for i, m := range v.Members {
			last[m.Name] = i
		}
		for i := range v.Members {
			m := &v.Members[i]
			w.newline()
			if top {
				w.out.members = append(w.out.members, memberLine{line: len(w.out.lines), off: m.NameStart, end: m.Value.End})
			}
			w.indent(depth + 1)
			w.safe(m.NameRaw, w.p.key)
			w.cur.WriteString(w.p.punct.S(": "))
			w.value(&m.Value, depth+1, false)
			if i < len(v.Members)-1 {
				w.cur.WriteString(w.p.punct.S(","))
			}
			if top && last[m.Name] == i {
				if c := w.claims[m.Name]; c != nil {
					w.annotate(c, depth+1)
				}
			}
		}
		w.newline()
		w.indent(depth)
		w.cur.WriteString(w.p.punct.S("}"))
	case inspect.TypeArray:
		if inlineable(v) {
			w.cur.WriteString(w.p.punct.S("["))
			for i := range v.Elems {
				if i > 0 {
					w.cur.WriteString(w.p.punct.S(", "))
				}
				w.scalar(&v.Elems[i])
			}
			w.cur.WriteString(w.p.punct.S("]"))
			return
		}
		w.cur.WriteString(w.p.punct.S("["))
		for i := range v.Elems {
			w.newline()
			w.indent(depth + 1)
			w.value(&v.Elems[i], depth+1, false)
			if i < len(v.Elems)-1 {
				w.cur.WriteString(w.p.punct.S(","))
			}
		}
		w.newline()
		w.indent(depth)
		w.cur.WriteString(w.p.punct.S("]"))
	default:
		w.scalar(v)
	}
}

// annotate adds the line under a claim: its time and relative time, and its problem.
func (w *jsonWriter) annotate(c *inspect.Claim, depth int) {
	var parts []string
	if c.IsTime {
		t := c.Time.UTC().Format("2006-01-02 15:04:05 UTC")
		if c.Relative != "" {
			t += " · " + common.Safe(c.Relative)
		}
		parts = append(parts, t)
	}
	if c.Problem != "" {
		parts = append(parts, "✗ "+common.Safe(c.Problem))
	}
	if len(parts) == 0 {
		return
	}
	w.newline()
	w.indent(depth)
	p := w.p.note
	if c.Problem != "" {
		p = w.p.noteBad
	}
	w.cur.WriteString(p.S("↳ " + strings.Join(parts, "  ")))
}

// renderNested shows a payload that is itself a JWT: what it is, then the inner token's
// header and payload as JSON (or why they cannot be shown).
func renderNested(p *paints, token string, inner *inspect.Report) content {
	var c content
	c.lines = append(c.lines,
		p.value.S("a nested token: the payload is itself a "+common.Safe(string(inner.Kind))),
		p.dim.S(fmt.Sprintf("%d chars; the outer signature covers it as text", len(token))), "")
	part := func(title string, v *inspect.Value, pt inspect.Part) {
		c.lines = append(c.lines, p.label.S(title))
		if v == nil {
			c.lines = append(c.lines, p.dim.S("  cannot be read (inspect the inner token on its own)"), "")
			return
		}
		sub := renderJSON(p, v, inner.Claims, pt)
		c.lines = append(c.lines, sub.lines...)
		c.lines = append(c.lines, "")
	}
	part("inner header", inner.Header, inspect.PartHeader)
	if inner.Kind == inspect.KindJWE {
		c.lines = append(c.lines, p.label.S("inner payload"), p.dim.S("  encrypted: needs the decryption key"))
		return c
	}
	part("inner payload", inner.Payload, inspect.PartPayload)
	return c
}
