package ui

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"jwtlens/inspect"
	"jwtlens/ui/panes"
	"jwtlens/ui/tokeninput"
)

// recompute makes the report of the current input, unless it is already made for this
// very text (the memo), and hands it to the components.
func (m *Model) recompute() {
	text := m.input.Value()
	if m.report != nil && text == m.reportFor {
		return
	}
	m.reportFor = text
	if text == "" {
		m.report = nil
	} else {
		m.report = m.inspectFn([]byte(text), inspect.Options{
			Now:     m.cfg.Now(),
			Leeway:  m.cfg.Leeway,
			MaxSize: m.cfg.MaxSize,
			Keys:    m.sets,
			Expect:  m.cfg.Expect,
		})
	}
	r := m.report
	if r == nil {
		m.findings.SetFindings(nil)
		m.findings.SetCandidates(nil)
	} else {
		m.findings.SetFindings(r.Findings)
		m.findings.SetCandidates(r.Candidates)
	}
	m.input.SetSpans(spans(r))
	m.panes.SetNested(m.nestedReport(r))
	m.panes.SetReport(r)
	if m.explain != nil {
		m.explain.SetReport(r)
	}
	if m.findings.Len() == 0 && m.focus == FocusFindings {
		m.setFocus(FocusInput)
	}
	if m.focus.pane() < 0 {
		// no pane chosen by hand: show the one the headline is about, at its member
		if f := m.findings.Selected(); f != nil && (f.Severity > inspect.Info || m.focus == FocusFindings) {
			m.revealFinding()
		}
	}
	m.syncMarks()
}

// nestedReport inspects the inner token of a nested JWT, once per inner token (memoised:
// the outer token's edits elsewhere keep it).
func (m *Model) nestedReport(r *inspect.Report) *inspect.Report {
	if r == nil || r.NestedToken == "" {
		m.nested, m.nestedFor = nil, ""
		return nil
	}
	if m.nested == nil || m.nestedFor != r.NestedToken {
		m.nestedFor = r.NestedToken
		m.nested = m.inspectFn([]byte(r.NestedToken), inspect.Options{
			Now: m.cfg.Now(), Leeway: m.cfg.Leeway, MaxSize: m.cfg.MaxSize, Expect: m.cfg.Expect,
		})
	}
	return m.nested
}

// spans colours the raw input by segment: each segment's raw bytes in its part's colour,
// the dots between them in the dot colour, anything around the token plain.
func spans(r *inspect.Report) []tokeninput.Span {
	if r == nil || len(r.RawOffsets) != len(r.Token)+1 {
		return nil
	}
	var out []tokeninput.Span
	for i, s := range r.Segments {
		if s.Start < 0 || s.End > len(r.Token) || s.Start > s.End {
			continue
		}
		if i > 0 {
			prev := r.Segments[i-1]
			if prev.End < s.Start && prev.End >= 0 {
				out = append(out, tokeninput.Span{Start: r.RawOffsets[prev.End], End: r.RawOffsets[s.Start-1] + 1, Class: tokeninput.Dot})
			}
		}
		if s.End > s.Start {
			out = append(out, tokeninput.Span{Start: r.RawOffsets[s.Start], End: r.RawOffsets[s.End-1] + 1, Class: classOf(s.Part, i)})
		}
	}
	// a trailing dot after the last segment (a token cut just after a dot)
	if n := len(r.Segments); n > 0 {
		last := r.Segments[n-1]
		if last.End < len(r.Token) && last.End >= 0 && r.Token[last.End] == '.' {
			out = append(out, tokeninput.Span{Start: r.RawOffsets[last.End], End: r.RawOffsets[last.End] + 1, Class: tokeninput.Dot})
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	// drop overlaps (a mapping that is not monotonic must not break the strip)
	clean := out[:0]
	end := 0
	for _, s := range out {
		if s.Start >= end && s.End > s.Start {
			clean = append(clean, s)
			end = s.End
		}
	}
	return clean
}

// classOf gives a segment its colour: the JWS parts theirs, JWE parts by position.
func classOf(p inspect.Part, i int) tokeninput.Class {
	switch p {
	case inspect.PartHeader:
		return tokeninput.Header
	case inspect.PartPayload:
		return tokeninput.Payload
	case inspect.PartSignature:
		return tokeninput.Signature
	}
	switch i {
	case 0:
		return tokeninput.Header
	case 1, 2, 3:
		return tokeninput.Payload
	}
	return tokeninput.Signature
}

// syncMarks marks the bytes of the selected finding (the headline until another is
// chosen) with reverse video and a marker line, and underlines those of every other error
// and warning. The strip scrolls to the selected one while the findings have the focus,
// or after a paste until the person types or moves the cursor; while they edit, it
// follows the cursor.
func (m *Model) syncMarks() {
	r := m.report
	m.input.SetInfo(m.counter())
	if r == nil || m.pending {
		m.input.SetMarks(nil)
		m.input.SetAnchor(-1)
		return
	}
	var marks []tokeninput.Mark
	sel := m.findings.Index()
	anchor := -1
	n := len(m.input.Value())
	for i, f := range r.Findings {
		if f.Offset < 0 || f.Offset > n || f.Length == 0 && f.Offset == 0 {
			continue // about the whole input or a key: nothing to point at
		}
		selected := i == sel && (f.Severity > inspect.Info || m.focus == FocusFindings)
		if f.Severity == inspect.Info && !selected {
			continue // an info finding is marked only while a person looks at it
		}
		if f.Part == inspect.PartToken && !selected {
			continue // underlining the whole token would say nothing
		}
		marks = append(marks, tokeninput.Mark{Start: f.Offset, End: min(n, f.Offset+max(0, f.Length)), Selected: selected, Level: levelOf(f.Severity)})
		if selected && (m.focus == FocusFindings || !m.followCursor) {
			anchor = f.Offset
		}
	}
	if anchor < 0 && !m.followCursor {
		anchor = 0 // nothing to point at and no editing going on: show the start
	}
	if m.followCursor && m.focus == FocusInput {
		anchor = -1
	}
	m.input.SetMarks(marks)
	m.input.SetAnchor(anchor)
}

// revealFinding shows and scrolls the pane the selected finding belongs to.
func (m *Model) revealFinding() {
	f := m.findings.Selected()
	if f == nil {
		return
	}
	i := m.paneOfFinding(f)
	if i < 0 {
		return
	}
	m.panes.Reveal(i, m.decodedOffset(f.Offset, i))
}

// paneOfFinding is the pane a finding is about: by the segment its bytes are in, else by
// its part.
func (m *Model) paneOfFinding(f *inspect.Finding) int {
	if f.Length > 0 {
		if s := m.segmentAt(f.Offset); s != nil {
			if i := panes.PaneOf(s.Part); i >= 0 {
				return i
			}
		}
	}
	return panes.PaneOf(f.Part)
}

// tokenOffset maps a raw offset to the offset in Report.Token it became.
func (m *Model) tokenOffset(raw int) int {
	r := m.report
	return sort.SearchInts(r.RawOffsets, raw)
}

func (m *Model) segmentAt(raw int) *inspect.Segment {
	r := m.report
	if r == nil || len(r.RawOffsets) != len(r.Token)+1 {
		return nil
	}
	t := m.tokenOffset(raw)
	for i := range r.Segments {
		if s := &r.Segments[i]; t >= s.Start && t < s.End {
			return s
		}
	}
	return nil
}

// decodedOffset estimates where raw offset raw falls in the decoded bytes of pane i's
// segment (four base64 characters make three bytes).
func (m *Model) decodedOffset(raw, i int) int {
	s := m.segmentAt(raw)
	if s == nil || panes.PaneOf(s.Part) != i {
		return -1
	}
	return (m.tokenOffset(raw) - s.Start) * 3 / 4
}

// counter is the token strip's title: characters, segments and bytes per segment.
func (m *Model) counter() string {
	v := m.input.Value()
	if v == "" {
		return "empty"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d chars", utf8.RuneCountInString(v))
	r := m.report
	if r == nil || m.pending {
		b.WriteString(" · reading…")
		return b.String()
	}
	fmt.Fprintf(&b, " · %d segment", len(r.Segments))
	if len(r.Segments) != 1 {
		b.WriteByte('s')
	}
	if len(r.Segments) > 0 {
		b.WriteString(" of ")
		for i, s := range r.Segments {
			if i > 0 {
				b.WriteString("+")
			}
			fmt.Fprintf(&b, "%d", len(s.Bytes))
		}
		b.WriteString(" B")
	}
	if r.Kind != "" && r.Kind != inspect.KindUnknown && m.width >= 80 {
		b.WriteString(" · " + string(r.Kind))
	}
	return b.String()
}

// levelOf is the token strip's mark level of a severity.
func levelOf(s inspect.Severity) tokeninput.Level {
	switch s {
	case inspect.Error:
		return tokeninput.Error
	case inspect.Warning:
		return tokeninput.Warning
	}
	return tokeninput.Info
}
