package ui

import (
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"
	"github.com/muesli/termenv"

	"jwtlens/inspect"
	"jwtlens/keys"
	"jwtlens/ui/common"
)

// This file draws the static report: what `jwtlens check` prints, and what `jwtlens` prints
// when it has no terminal. It is read on a server over SSH, often without colour, so every
// marker is drawn in plain characters too (segment labels, a caret line under bad bytes).

// ReportOptions configure WriteReport.
type ReportOptions struct {
	// Width is the number of columns to wrap to; 0 means 80.
	Width int
	// Color allows colour; WriteReport still draws without it when false.
	Color bool
	// KeysGiven says a key or secret was given, so an unverified token is a failure.
	KeysGiven bool
	// Source says where the input came from when that is not the argument or stdin, e.g.
	// "read from token.txt"; it is printed under the verdict (sanitised).
	Source string
}

// ColorWanted reports whether a report written to w may use colour: w is a terminal,
// NO_COLOR is unset and TERM is not "dumb".
func ColorWanted(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return false
	}
	return os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb"
}

// newReportRenderer is the renderer of the static report: its colour profile is decided
// here (basic ANSI colours when color, none otherwise; ColorWanted decides from the
// environment), and its background is set, so termenv never sends a query (OSC 11, CSI 6n)
// to the terminal and never waits for an answer.
func newReportRenderer(w io.Writer, color bool) *lipgloss.Renderer {
	profile := termenv.Ascii
	if color {
		profile = termenv.ANSI
	}
	r := lipgloss.NewRenderer(w, termenv.WithProfile(profile))
	r.SetColorProfile(profile)
	r.SetHasDarkBackground(true)
	return r
}

// staticStyles are the styles of the static report, bound to one renderer.
type staticStyles struct {
	verdictOK, verdictBad, verdictNeutral lipgloss.Style
	section                               lipgloss.Style
	seg                                   map[inspect.Part]lipgloss.Style
	dot                                   lipgloss.Style
	marked                                lipgloss.Style
	caretErr, caretWarn                   lipgloss.Style
	sev                                   map[inspect.Severity]lipgloss.Style
	code, dim, escaped                    lipgloss.Style
	plain                                 lipgloss.Style // no style, on this renderer
}

// newStaticStyles builds the styles on r. The colours are the basic ANSI ones, readable on
// dark and light backgrounds alike, so the terminal is never queried for its background.
func newStaticStyles(r *lipgloss.Renderer) staticStyles {
	s := r.NewStyle
	header, payload, sig := lipgloss.Color("1"), lipgloss.Color("5"), lipgloss.Color("6")
	return staticStyles{
		verdictOK:      s().Bold(true).Foreground(lipgloss.Color("2")),
		verdictBad:     s().Bold(true).Foreground(lipgloss.Color("1")),
		verdictNeutral: s().Bold(true).Foreground(lipgloss.Color("3")),
		section:        s().Bold(true).Underline(true),
		seg: map[inspect.Part]lipgloss.Style{
			inspect.PartHeader:       s().Foreground(header),
			inspect.PartPayload:      s().Foreground(payload),
			inspect.PartSignature:    s().Foreground(sig),
			inspect.PartEncryptedKey: s().Foreground(lipgloss.Color("3")),
			inspect.PartIV:           s().Foreground(lipgloss.Color("2")),
			inspect.PartCiphertext:   s().Foreground(payload),
			inspect.PartTag:          s().Foreground(sig),
		},
		dot:       s().Faint(true),
		marked:    s().Reverse(true).Underline(true),
		caretErr:  s().Bold(true).Foreground(lipgloss.Color("1")),
		caretWarn: s().Foreground(lipgloss.Color("3")),
		sev: map[inspect.Severity]lipgloss.Style{
			inspect.Error:   s().Bold(true).Foreground(lipgloss.Color("1")),
			inspect.Warning: s().Foreground(lipgloss.Color("3")),
			inspect.Info:    s().Foreground(lipgloss.Color("4")),
		},
		code:    s().Bold(true),
		dim:     s().Faint(true),
		escaped: s().Reverse(true),
		plain:   s(),
	}
}

// Verdict is the one-word judgement of a report, the first thing a person reads.
type Verdict string

// The verdicts.
const (
	VerdictVerified    Verdict = "VERIFIED"     // no error, and the signature verifies
	VerdictInvalid     Verdict = "INVALID"      // well-formed, but signature, key or claims fail
	VerdictNotVerified Verdict = "NOT VERIFIED" // no error, but nothing vouches for the signature
	VerdictMalformed   Verdict = "MALFORMED"    // the token itself is damaged or not a token
	VerdictUnsecured   Verdict = "UNSECURED"    // alg none: no key can verify it, nothing protects it
	VerdictEncrypted   Verdict = "ENCRYPTED"    // a JWE: decrypted with a key, never verified here
)

// malformedPrefixes are the code families that say the token itself is damaged.
var malformedPrefixes = []string{"input.", "structure.", "base64.", "json.", "header."}

// malformedCodes are the signature codes that say the signature segment itself is damaged.
var malformedCodes = map[string]bool{
	"signature.missing": true, "signature.unexpected": true,
	"signature.length": true, "signature.der-encoded": true,
}

// isMalformed reports whether f says the token itself is damaged.
func isMalformed(f inspect.Finding) bool {
	if f.Severity != inspect.Error {
		return false
	}
	if malformedCodes[f.Code] {
		return true
	}
	for _, p := range malformedPrefixes {
		if strings.HasPrefix(f.Code, p) {
			return true
		}
	}
	return false
}

// JudgeVerdict returns the verdict of r; keysGiven says whether a key or secret was given.
// A damaged token is MALFORMED; an unsecured one (alg none) or a JWE, which no key can
// verify, is UNSECURED or ENCRYPTED whether or not a key was given.
func JudgeVerdict(r *inspect.Report, keysGiven bool) Verdict {
	for _, f := range r.Findings {
		if isMalformed(f) {
			return VerdictMalformed
		}
	}
	switch r.Kind {
	case inspect.KindUnsecured:
		return VerdictUnsecured
	case inspect.KindJWE:
		return VerdictEncrypted
	}
	if r.HasErrors() || r.Verification.Status == inspect.Invalid {
		return VerdictInvalid
	}
	if r.Verification.Status == inspect.Verified {
		return VerdictVerified
	}
	if keysGiven && r.Verification.Status != inspect.NotChecked {
		return VerdictInvalid
	}
	return VerdictNotVerified
}

// WriteReport writes the human report of r to w: the verdict, the token with its segments
// and bad bytes marked, header and payload JSON in their original order, the claims, the
// signature, the verification and every finding with its hint. Every string that comes
// from the token goes through inspect.Sanitize first.
func WriteReport(w io.Writer, r *inspect.Report, opt ReportOptions) error {
	rend := newReportRenderer(w, opt.Color)
	width := opt.Width
	if width <= 0 {
		width = 80
	}
	if width < 40 {
		width = 40
	}
	p := &printer{st: newStaticStyles(rend), width: width}
	p.verdict(r, opt.KeysGiven)
	if opt.Source != "" {
		p.wrapped("  ", 4, "input: "+inspect.Sanitize(opt.Source), p.st.dim)
	}
	p.token(r)
	p.json("Header", r, inspect.PartHeader, r.Header)
	if r.Kind == inspect.KindJWE {
		p.encrypted(r)
	} else {
		p.json("Payload", r, inspect.PartPayload, r.Payload)
	}
	p.nested(r)
	p.claims(r)
	p.signature(r)
	p.verification(r, opt.KeysGiven)
	p.findings(r)
	p.candidates(r)
	_, err := io.WriteString(w, p.b.String())
	return err
}

// printer accumulates the report text.
type printer struct {
	b     strings.Builder
	st    staticStyles
	width int

	budget, rows, cut int // the row budget of the current section (see limitRows)
}

// line writes one line of the report. Inside a section with a row budget (limitRows), the
// lines past the budget are counted instead of written.
func (p *printer) line(s string) {
	if p.budget > 0 {
		if p.rows >= p.budget {
			p.cut++
			return
		}
		p.rows++
	}
	p.b.WriteString(s)
	p.b.WriteByte('\n')
}

// limitRows gives the lines written until endLimit a budget of n rows.
func (p *printer) limitRows(n int) { p.budget, p.rows, p.cut = n, 0, 0 }

// endLimit ends the row budget and says how many rows were left out, and where to see them.
func (p *printer) endLimit(where string) {
	cut := p.cut
	p.budget, p.rows, p.cut = 0, 0, 0
	if cut > 0 {
		p.line(p.st.dim.Render(fmt.Sprintf("  … %d more %s not shown (%s)", cut, common.Plural(cut, "line", "lines"), where)))
	}
}

func (p *printer) heading(s string) {
	p.line("")
	p.line(p.st.section.Render(s))
}

// wrapped writes text word-wrapped to the width: the first line after first, the others
// indented by indent spaces. Words longer than a line are broken.
func (p *printer) wrapped(first string, indent int, text string, style lipgloss.Style) {
	firstW := ansi.StringWidth(first)
	for i, l := range wrapWords(text, p.width-firstW, p.width-indent) {
		if i == 0 {
			p.line(first + style.Render(l))
			continue
		}
		p.line(strings.Repeat(" ", indent) + style.Render(l))
	}
}

// wrapWords breaks text (plain, printable) into lines of at most firstLimit columns for
// the first and restLimit for the others, at spaces where it can.
func wrapWords(text string, firstLimit, restLimit int) []string {
	firstLimit, restLimit = max(firstLimit, 10), max(restLimit, 10)
	var lines []string
	var cur strings.Builder
	curW, limit := 0, firstLimit
	flush := func() {
		lines = append(lines, strings.TrimRight(cur.String(), " "))
		cur.Reset()
		curW, limit = 0, restLimit
	}
	for _, word := range strings.Split(text, " ") {
		ww := ansi.StringWidth(word)
		if curW > 0 && curW+1+ww > limit {
			flush()
		}
		if curW > 0 {
			cur.WriteByte(' ')
			curW++
		}
		if ww > limit-curW {
			// A word longer than the room left: break it, rune by rune (one pass, however
			// long the word).
			for _, r := range word {
				rw := ansi.StringWidth(string(r))
				if curW+rw > limit && curW > 0 {
					flush()
				}
				cur.WriteRune(r)
				curW += rw
			}
			continue
		}
		cur.WriteString(word)
		curW += ww
	}
	if cur.Len() > 0 || len(lines) == 0 {
		lines = append(lines, cur.String())
	}
	return lines
}

// headline returns the finding the verdict rests on, and what the verdict line says about
// it (its message, or the verdict's own words for alg none and JWE).
func headline(r *inspect.Report, v Verdict, keysGiven bool) (*inspect.Finding, string) {
	byCode := func(code string) *inspect.Finding {
		for i := range r.Findings {
			if r.Findings[i].Code == code {
				return &r.Findings[i]
			}
		}
		return nil
	}
	msg := func(f *inspect.Finding) string {
		if f == nil {
			return inspect.Sanitize(r.Verification.Detail)
		}
		return inspect.Sanitize(f.Message)
	}
	switch v {
	case VerdictUnsecured:
		return byCode("header.alg-none"), "alg none: nothing protects this token"
	case VerdictEncrypted:
		return byCode("structure.jwe"), "JWE, payload cannot be shown without the key"
	case VerdictVerified:
		return byCode("signature.verified"), inspect.Sanitize(r.Verification.Detail)
	case VerdictInvalid, VerdictMalformed:
		f := firstAtLeast(r, inspect.Error)
		if f == nil {
			f = firstAtLeast(r, inspect.Warning)
		}
		return f, msg(f)
	}
	if !keysGiven {
		return byCode("signature.not-verified"), "no key given; add --key FILE or --secret TEXT to verify"
	}
	f := firstAtLeast(r, inspect.Warning)
	return f, msg(f)
}

// verdict writes the verdict: the word, then what it rests on and the headline finding's
// code, wrapped (never cut) onto indented lines; then, for a token that passes or is not
// judged, the first warning that qualifies it, and for one that fails, how many errors more.
func (p *printer) verdict(r *inspect.Report, keysGiven bool) {
	v := JudgeVerdict(r, keysGiven)
	mark, style := "•", p.st.verdictNeutral
	switch v {
	case VerdictVerified:
		mark, style = "✓", p.st.verdictOK
	case VerdictInvalid, VerdictMalformed:
		mark, style = "✗", p.st.verdictBad
	case VerdictUnsecured:
		// Without a key nothing fails (exit 0), but nothing protects the token either.
		mark, style = "!", p.st.verdictBad
		if keysGiven {
			mark = "✗"
		}
	}
	head, text := headline(r, v, keysGiven)
	if head != nil {
		text += " (" + head.Code + ")"
	}
	if text == "" {
		text = "no finding"
	}
	p.wrapped(style.Render(mark+" "+string(v))+" — ", 4, text, p.st.plain)
	var next *inspect.Finding
	var more int
	for i := range r.Findings {
		f := &r.Findings[i]
		if f == head || f.Severity < inspect.Warning {
			continue
		}
		switch {
		case v == VerdictInvalid || v == VerdictMalformed:
			if f.Severity == inspect.Error {
				more++
			}
		case next == nil:
			next = f
		}
	}
	switch {
	case more > 0:
		p.wrapped("    ", 4, fmt.Sprintf("and %d more %s, listed under Findings", more, common.Plural(more, "error", "errors")), p.st.dim)
	case next != nil:
		word := "but"
		if v == VerdictUnsecured || v == VerdictEncrypted {
			word = "also:"
		}
		p.wrapped("    ", 4, fmt.Sprintf("%s %s (%s)", word, lowerFirst(inspect.Sanitize(next.Message)), next.Code), p.st.plain)
	}
}

// countAtLeast counts the findings of at least severity s.
func countAtLeast(r *inspect.Report, s inspect.Severity) int {
	n := 0
	for _, f := range r.Findings {
		if f.Severity >= s {
			n++
		}
	}
	return n
}

// firstAtLeast returns the first finding of at least severity s (findings are sorted most
// important first), or nil.
func firstAtLeast(r *inspect.Report, s inspect.Severity) *inspect.Finding {
	for i := range r.Findings {
		if r.Findings[i].Severity >= s {
			return &r.Findings[i]
		}
	}
	return nil
}

// cell is one drawn character of the token strip.
type cell struct {
	text string       // what is drawn (printable)
	esc  bool         // text is the visible escape of an unsafe character
	part inspect.Part // the segment it belongs to, "" for a dot or the end marker
	mark inspect.Severity
	hit  bool // a warning or error finding points at it
}

// tokenCells splits the normalised token into drawn cells and marks the bytes findings
// point at (their raw offsets mapped back through RawOffsets).
func tokenCells(r *inspect.Report) []cell {
	tok := r.Token
	partAt := make([]inspect.Part, len(tok))
	for _, s := range r.Segments {
		for i := max(s.Start, 0); i < s.End && i < len(tok); i++ {
			partAt[i] = s.Part
		}
	}
	hit := markHits(r)
	cells := make([]cell, 0, len(tok)+1)
	for i := 0; i < len(tok); {
		ru, n := utf8.DecodeRuneInString(tok[i:])
		c := cell{text: tok[i : i+n], part: partAt[i]}
		if ru == utf8.RuneError && n == 1 {
			c.text, c.esc = fmt.Sprintf(`\x%02x`, tok[i]), true
		} else if ru < 0x21 || ru > 0x7e {
			c.text, c.esc = inspect.Sanitize(c.text), true
		}
		for j := i; j < i+n; j++ {
			if hit[j] > 0 {
				c.hit, c.mark = true, max(c.mark, inspect.Severity(hit[j]-1))
			}
		}
		cells = append(cells, c)
		i += n
	}
	if hit[len(tok)] > 0 { // a finding points just past the end: the token was cut here
		cells = append(cells, cell{text: " ", hit: true, mark: inspect.Severity(hit[len(tok)] - 1)})
	}
	return cells
}

// markHits returns, per byte of the normalised token and one past its end, 0 when no
// warning or error finding points at it, else 1 plus the highest severity that does. It
// takes one pass over the findings and one over the raw offsets (coverage counts per
// severity, summed as a running total), so it is linear in the findings and the input.
func markHits(r *inspect.Report) []int {
	tok := r.Token
	hit := make([]int, len(tok)+1)
	if len(r.RawOffsets) != len(tok)+1 {
		return hit
	}
	rawEnd := r.RawOffsets[len(tok)] + 1
	for _, ro := range r.RawOffsets {
		rawEnd = max(rawEnd, ro+1)
	}
	// starts[s][o] - ends: how many findings of severity s begin (+1) or end (-1) at raw offset o.
	var cover [2][]int32
	monotonic := sort.IntsAreSorted(r.RawOffsets)
	for _, f := range r.Findings {
		if f.Severity < inspect.Warning || (f.Length == 0 && f.Offset == 0) {
			continue
		}
		lo, hi := f.Offset, f.Offset+f.Length
		if len(tok) > 1 && lo <= r.RawOffsets[0] && hi >= r.RawOffsets[len(tok)-1]+1 {
			continue // about the token as a whole: carets under all of it would hide the rest
		}
		sev := int(f.Severity) + 1
		if f.Length == 0 { // a point: the first token byte at or after it
			i := firstAtOrAfter(r.RawOffsets, lo, monotonic)
			if i >= 0 {
				hit[i] = max(hit[i], sev)
			}
			continue
		}
		lo, hi = max(lo, 0), min(hi, rawEnd)
		if lo >= hi {
			continue
		}
		k := 0
		if f.Severity == inspect.Error {
			k = 1
		}
		if cover[k] == nil {
			cover[k] = make([]int32, rawEnd+1)
		}
		cover[k][lo]++
		cover[k][hi]--
	}
	for k, c := range cover {
		if c == nil {
			continue
		}
		for o := 1; o < len(c); o++ {
			c[o] += c[o-1]
		}
		sev := int(inspect.Warning) + 1
		if k == 1 {
			sev = int(inspect.Error) + 1
		}
		for i := 0; i < len(tok); i++ {
			if c[r.RawOffsets[i]] > 0 {
				hit[i] = max(hit[i], sev)
			}
		}
	}
	return hit
}

// firstAtOrAfter is the first index i with offs[i] >= lo, or -1; a binary search when offs
// is sorted (as raw offsets are), else a scan.
func firstAtOrAfter(offs []int, lo int, sorted bool) int {
	if sorted {
		if i := sort.SearchInts(offs, lo); i < len(offs) {
			return i
		}
		return -1
	}
	for i, o := range offs {
		if o >= lo {
			return i
		}
	}
	return -1
}

// token writes the token strip: per wrapped row, a label line naming the segments, the
// token text, and a caret line under the bytes findings point at.
func (p *printer) token(r *inspect.Report) {
	if r.Token == "" {
		return
	}
	nseg := len(r.Segments)
	p.heading(fmt.Sprintf("Token — %d characters, %d segments, %s", utf8.RuneCountInString(r.Token), nseg, r.Kind))
	cells := tokenCells(r)
	avail := p.width - 2
	// Rows are slices of cells (no copies): a new row starts where the next cell would
	// pass the width.
	var rows [][]cell
	start, w := 0, 0
	for i, c := range cells {
		cw := cellWidth(c)
		if w+cw > avail && i > start {
			rows = append(rows, cells[start:i:i])
			start, w = i, 0
		}
		w += cw
	}
	if start < len(cells) {
		rows = append(rows, cells[start:])
	}
	var anyErr, anyWarn bool
	var prevPart inspect.Part
	shown := pickRows(rows, maxTokenRows)
	for ri, row := range rows {
		if !shown[ri] {
			if ri == 0 || shown[ri-1] {
				n := 0
				for j := ri; j < len(rows) && !shown[j]; j++ {
					n++
				}
				p.line(p.st.dim.Render(fmt.Sprintf("  ⋮ %d %s of the token not shown (--json has it whole)", n, common.Plural(n, "row", "rows"))))
			}
			prevPart = row[len(row)-1].part
			continue
		}
		if l := p.labels(row, prevPart); l != "" {
			p.line("  " + l)
		}
		prevPart = row[len(row)-1].part
		var text, carets strings.Builder
		rowHit := false
		// Render runs of cells that share a style at once: one Render per cell is slow.
		for i := 0; i < len(row); {
			c := row[i]
			j := i
			var run strings.Builder
			w := 0
			for ; j < len(row) && sameLook(row[j], c); j++ {
				run.WriteString(row[j].text)
				w += ansi.StringWidth(row[j].text)
			}
			st := p.st.seg[c.part]
			if c.part == "" {
				st = p.st.dot
			}
			if c.esc {
				st = st.Inherit(p.st.escaped)
			}
			if c.hit {
				st = st.Inherit(p.st.marked)
				ch, cs := "~", p.st.caretWarn
				if c.mark == inspect.Error {
					ch, cs = "^", p.st.caretErr
					anyErr = true
				} else {
					anyWarn = true
				}
				carets.WriteString(cs.Render(strings.Repeat(ch, w)))
				rowHit = true
			} else {
				carets.WriteString(strings.Repeat(" ", w))
			}
			text.WriteString(st.Render(run.String()))
			i = j
		}
		p.line(strings.TrimRight("  "+text.String(), " "))
		if rowHit {
			p.line("  " + strings.TrimRight(carets.String(), " "))
		}
	}
	var legend []string
	if anyErr {
		legend = append(legend, "^ an error points here")
	}
	if anyWarn {
		legend = append(legend, "~ a warning points here")
	}
	if len(legend) > 0 {
		p.line(p.st.dim.Render("  " + strings.Join(legend, "   ")))
	}
}

// Caps on what the report prints, so a huge input (up to the 1 MiB cap, or more with
// --max-size) still prints a report a person can read. Each cut is said where it is made.
const (
	maxTokenRows    = 48  // rows of the token strip
	maxFindings     = 200 // findings listed one by one; the rest are counted per code
	maxJSONLines    = 200 // lines of the header or payload JSON
	maxClaims       = 200 // rows of the claims table
	maxCandidates   = 50  // other tokens in the input
	tokenHeadRows   = 16  // rows always shown at the start of a long token
	tokenTailRows   = 4   // and at its end
	maxRowsWithHits = maxTokenRows - tokenHeadRows - tokenTailRows
)

// maxClaimValue is how many bytes of a claim's value the Claims table shows; the payload
// section above holds it whole (within its own budget).
const maxClaimValue = 240

// shorten cuts s to at most n bytes at a rune boundary, saying how long it was.
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + fmt.Sprintf("… (%d bytes in all)", len(s))
}

// pickRows chooses which rows of the token strip to draw when there are more than limit:
// the first and last few, and the first rows with carets (the bytes findings point at).
func pickRows(rows [][]cell, limit int) []bool {
	shown := make([]bool, len(rows))
	if len(rows) <= limit {
		for i := range shown {
			shown[i] = true
		}
		return shown
	}
	for i := 0; i < tokenHeadRows; i++ {
		shown[i] = true
	}
	for i := len(rows) - tokenTailRows; i < len(rows); i++ {
		shown[i] = true
	}
	n := 0
	for i := tokenHeadRows; i < len(rows)-tokenTailRows && n < maxRowsWithHits; i++ {
		for _, c := range rows[i] {
			if c.hit {
				shown[i] = true
				n++
				break
			}
		}
	}
	return shown
}

// cellWidth is the columns a cell takes: 1 for the printable ASCII most tokens are.
func cellWidth(c cell) int {
	if len(c.text) == 1 && c.text[0] >= 0x20 && c.text[0] < 0x7f {
		return 1
	}
	return ansi.StringWidth(c.text)
}

// sameLook reports whether two cells are drawn in the same style.
func sameLook(a, b cell) bool {
	return a.part == b.part && a.esc == b.esc && a.hit == b.hit && a.mark == b.mark
}

// labels draws the label line of one row: each run of a segment gets its name followed by
// a rule to the run's end; a run continuing from the previous row gets only the rule.
func (p *printer) labels(row []cell, prev inspect.Part) string {
	var b strings.Builder
	for i := 0; i < len(row); {
		j, w := i, 0
		for j < len(row) && row[j].part == row[i].part {
			w += ansi.StringWidth(row[j].text)
			j++
		}
		part := row[i].part
		if part == "" {
			b.WriteString(strings.Repeat(" ", w))
			i = j
			continue
		}
		label := string(part)
		if i == 0 && part == prev {
			label = ""
		}
		if len(label) > w {
			label = label[:w]
		}
		text := label + strings.Repeat("─", w-len(label))
		b.WriteString(p.st.seg[part].Render(text))
		i = j
	}
	return strings.TrimRight(b.String(), " ")
}

// json writes a header or payload section: the JSON re-indented from its raw text, in its
// original order; bytes that are not JSON are shown as sanitised text or hex.
func (p *printer) json(title string, r *inspect.Report, part inspect.Part, v *inspect.Value) {
	var seg *inspect.Segment
	for i := range r.Segments {
		if r.Segments[i].Part == part {
			seg = &r.Segments[i]
		}
	}
	if v == nil && seg == nil {
		return
	}
	p.heading(title)
	p.limitRows(maxJSONLines)
	defer p.endLimit("--json has the whole " + strings.ToLower(title))
	switch {
	case v != nil:
		p.jsonLines(Reindent(v.Raw))
	case seg.JSON != nil:
		p.jsonLines(Reindent(seg.JSON.Raw))
	case !seg.Decoded:
		p.line(p.st.dim.Render("  (could not be decoded)"))
	case len(seg.Bytes) == 0:
		p.line(p.st.dim.Render("  (empty)"))
	case utf8.Valid(seg.Bytes):
		p.line(p.st.dim.Render("  not JSON; the decoded text:"))
		for _, l := range strings.Split(string(seg.Bytes), "\n") {
			if p.rows >= p.budget {
				p.cut++
				continue
			}
			// Prose: wrapped at word boundaries within the width; a word longer than a
			// line is broken.
			p.wrapped("  ", 2, inspect.Sanitize(l), p.st.plain)
		}
	default:
		p.line(p.st.dim.Render(fmt.Sprintf("  not text; %d bytes: %s", len(seg.Bytes), shortHex(seg.Bytes))))
	}
}

// jsonLines writes re-indented JSON lines; the section's row budget bounds them.
func (p *printer) jsonLines(lines []string) {
	for i, l := range lines {
		if p.budget > 0 && p.rows >= p.budget {
			p.cut += len(lines) - i // the rest, counted as the lines they are before wrapping
			return
		}
		p.hardwrapped("  ", inspect.Sanitize(l))
	}
}

// hardwrapped writes an already sanitised line, broken at the width, continuation rows
// indented two more spaces.
func (p *printer) hardwrapped(indent, s string) {
	lead := len(s) - len(strings.TrimLeft(s, " "))
	cont := indent + strings.Repeat(" ", lead+2)
	lines := strings.Split(ansi.Hardwrap(s, p.width-len(indent), true), "\n")
	for i, l := range lines {
		if i == 0 {
			p.line(indent + l)
			continue
		}
		for _, ll := range strings.Split(ansi.Hardwrap(l, p.width-len(cont), true), "\n") {
			p.line(cont + ll)
		}
	}
}

// claims writes the registered claims of the payload (and any header parameter with a
// problem; the header JSON is shown just above) with their dates in UTC and relative to now.
func (p *printer) claims(r *inspect.Report) {
	var shown []inspect.Claim
	for _, c := range r.Claims {
		if c.Part != inspect.PartHeader || c.Problem != "" {
			shown = append(shown, c)
		}
	}
	if len(shown) == 0 {
		return
	}
	p.heading("Claims")
	nameW, titleW := 3, 0
	titles := make([]string, len(shown))
	for i, c := range shown {
		nameW = max(nameW, min(ansi.StringWidth(inspect.Sanitize(c.Name)), 12))
		if ex, ok := inspect.Explain(c.Part, c.Name); ok {
			titles[i] = ex.Title
		}
		titleW = max(titleW, min(len(titles[i]), 22))
	}
	extra := 0
	if len(shown) > maxClaims {
		shown, extra = shown[:maxClaims], len(shown)-maxClaims
	}
	defer func() {
		if extra > 0 {
			p.line(p.st.dim.Render(fmt.Sprintf("  … and %d more %s (--json lists them all)", extra, common.Plural(extra, "claim", "claims"))))
		}
	}()
	for i, c := range shown {
		name := inspect.Sanitize(c.Name)
		val := ""
		if c.Value != nil {
			val = inspect.Sanitize(shorten(c.Value.Raw, maxClaimValue))
		}
		if c.IsTime {
			val += "  = " + c.Time.UTC().Format("2006-01-02 15:04:05 UTC")
			if c.Relative != "" {
				val += " · " + inspect.Sanitize(c.Relative)
			}
		}
		if c.Problem != "" {
			val += "  " + severityMark[problemSeverity(r, c.Problem)] + " " + c.Problem
		}
		if c.Part == inspect.PartHeader {
			val += " (header)"
		}
		first := fmt.Sprintf("  %-*s  ", nameW, name)
		title := ""
		if titleW > 0 {
			title = fmt.Sprintf("%-*s  ", titleW, ansi.Truncate(titles[i], titleW, "…"))
		}
		indent := ansi.StringWidth(first) + titleW + 2
		if indent > p.width/2 {
			indent = 6
		}
		p.wrapped(p.st.code.Render(first)+p.st.dim.Render(title), indent, val, p.st.plain)
	}
}

// problemSeverity is the severity of the finding a claim's Problem names: the report's
// own finding when there is one, else the catalogue's default.
func problemSeverity(r *inspect.Report, code string) inspect.Severity {
	for _, f := range r.Findings {
		if f.Code == code {
			return f.Severity
		}
	}
	if ci, ok := inspect.LookupCode(code); ok {
		return ci.Severity
	}
	return inspect.Error
}

// signature writes the alg, the signature length against what the alg needs, and the bytes.
func (p *printer) signature(r *inspect.Report) {
	var seg *inspect.Segment
	for i := range r.Segments {
		if r.Segments[i].Part == inspect.PartSignature {
			seg = &r.Segments[i]
		}
	}
	if seg == nil && r.Signature.Alg == "" {
		return
	}
	p.heading("Signature")
	alg := inspect.Sanitize(r.Signature.Alg)
	if alg == "" {
		alg = "(none named)"
	}
	p.line("  alg       " + alg)
	length := fmt.Sprintf("%d bytes", r.Signature.Bytes)
	if e := r.Signature.ExpectedBytes; e > 0 {
		if e == r.Signature.Bytes {
			length += fmt.Sprintf(" (as %s needs)", alg)
		} else {
			length += fmt.Sprintf(" — %s needs %d", alg, e)
		}
	}
	p.line("  length    " + length)
	if seg != nil && len(seg.Bytes) > 0 {
		p.line("  bytes     " + shortHex(seg.Bytes))
	}
}

// encrypted writes the lengths of a JWE's encrypted parts: the payload cannot be shown
// without the recipient's key.
func (p *printer) encrypted(r *inspect.Report) {
	p.heading("Encrypted parts")
	for _, seg := range r.Segments {
		if seg.Part == inspect.PartHeader {
			continue
		}
		p.line(fmt.Sprintf("  %-13s %d characters, %d bytes", seg.Part, len(seg.Text), len(seg.Bytes)))
	}
	p.line(p.st.dim.Render("  the payload is encrypted; it cannot be shown without the recipient's key"))
}

// nested writes the inner token of a nested JWT, to inspect on its own.
func (p *printer) nested(r *inspect.Report) {
	if r.NestedToken == "" {
		return
	}
	p.heading("Inner token (the payload is itself a JWT; inspect it with jwtlens check)")
	p.limitRows(maxTokenRows)
	p.hardwrapped("  ", inspect.Sanitize(r.NestedToken))
	p.endLimit("--json has the whole token")
}

// shortHex is b in hex, shortened to its first 16 and last 8 bytes when longer.
func shortHex(b []byte) string {
	if len(b) <= 32 {
		return hex.EncodeToString(b)
	}
	return hex.EncodeToString(b[:16]) + "…" + hex.EncodeToString(b[len(b)-8:]) + fmt.Sprintf(" (%d bytes)", len(b))
}

// verification writes the verification status and the key it used.
func (p *printer) verification(r *inspect.Report, keysGiven bool) {
	if r.Token == "" {
		return
	}
	v := r.Verification
	p.heading("Verification")
	status := string(v.Status)
	if status == "" {
		status = string(inspect.NotChecked)
	}
	if v.Detail != "" {
		status += " — " + inspect.Sanitize(v.Detail)
	}
	switch {
	case r.Kind == inspect.KindUnsecured:
		status += " (alg none: no key can verify it)"
	case r.Kind == inspect.KindJWE:
		status += " (a JWE is decrypted, not verified)"
	case v.Status == inspect.NotChecked && !keysGiven:
		status += " (add --key FILE or --secret TEXT)"
	}
	p.wrapped("  status    ", 12, status, p.st.plain)
	if k := v.Key; k != nil {
		desc := string(k.Family)
		switch {
		case k.Curve != "":
			desc += " " + k.Curve
		case k.Family == keys.HMAC:
			desc += fmt.Sprintf(" secret of %d bytes", len(k.Secret))
		case k.Bits > 0:
			desc += fmt.Sprintf(" %d-bit", k.Bits)
		}
		if k.KID != "" {
			desc += fmt.Sprintf(", kid %q", inspect.Sanitize(k.KID))
		}
		if k.Format != "" && k.Format != "secret" {
			desc += ", " + inspect.Sanitize(k.Format)
		}
		if k.Source != "" {
			desc += ", from " + inspect.Sanitize(k.Source)
		}
		if k.Fingerprint != "" {
			fp := k.Fingerprint
			if len(fp) > 16 {
				fp = fp[:16] + "…"
			}
			if !strings.Contains(fp, ":") {
				fp = "sha256:" + fp
			}
			desc += ", " + fp
		}
		if c := k.Certificate; c != nil {
			desc += fmt.Sprintf("; certificate %s, valid %s to %s", inspect.Sanitize(c.Subject),
				c.NotBefore.UTC().Format(time.DateOnly), c.NotAfter.UTC().Format(time.DateOnly))
		}
		p.wrapped("  key       ", 12, desc, p.st.plain)
	}
}

// severityMark is the plain-character mark of each severity, drawn with or without colour.
var severityMark = map[inspect.Severity]string{inspect.Error: "✗", inspect.Warning: "!", inspect.Info: "i"}

// findings writes every finding: severity, code, where, message and hint.
func (p *printer) findings(r *inspect.Report) {
	p.heading(fmt.Sprintf("Findings (%d)", len(r.Findings)))
	if len(r.Findings) == 0 {
		p.line("  none")
		return
	}
	listed, rest := r.Findings, []inspect.Finding(nil)
	if len(listed) > maxFindings {
		listed, rest = capFindings(r.Findings)
	}
	for _, f := range listed {
		where := string(f.Part)
		if f.Length > 0 || f.Offset > 0 {
			where += fmt.Sprintf(" @%d", f.Offset)
			if f.Length > 1 {
				where += fmt.Sprintf("+%d", f.Length)
			}
		}
		sev := fmt.Sprintf("%s %-7s", severityMark[f.Severity], f.Severity)
		head := "  " + p.st.sev[f.Severity].Render(sev) + " " + p.st.code.Render(f.Code)
		if ansi.StringWidth(head)+2+len(where) <= p.width {
			p.line(head + p.st.dim.Render("  "+where))
		} else {
			p.line(head)
			p.line("    " + p.st.dim.Render(where))
		}
		if f.Message != "" {
			p.wrapped("    ", 4, inspect.Sanitize(f.Message), p.st.plain)
		}
		if f.Hint != "" {
			p.wrapped("    → ", 6, inspect.Sanitize(f.Hint), p.st.dim)
		}
	}
	p.moreFindings(rest)
}

// capFindings splits findings into at most maxFindings to list, in their order, and the
// rest to count. No code takes more than maxPerCode of the listed ones, so seventy
// thousand duplicate members do not hide the one finding of another kind.
func capFindings(all []inspect.Finding) (listed, rest []inspect.Finding) {
	const maxPerCode = 20
	per := map[string]int{}
	for _, f := range all {
		if len(listed) < maxFindings && per[f.Code] < maxPerCode {
			per[f.Code]++
			listed = append(listed, f)
			continue
		}
		rest = append(rest, f)
	}
	return listed, rest
}

// moreFindings counts the findings past the listed ones per code, most frequent first.
func (p *printer) moreFindings(rest []inspect.Finding) {
	if len(rest) == 0 {
		return
	}
	count := map[string]int{}
	var codes []string
	for _, f := range rest {
		if count[f.Code] == 0 {
			codes = append(codes, f.Code)
		}
		count[f.Code]++
	}
	sort.SliceStable(codes, func(i, j int) bool { return count[codes[i]] > count[codes[j]] })
	for _, c := range codes {
		p.line(p.st.dim.Render(fmt.Sprintf("  … and %d more of code %s", count[c], c)))
	}
	p.line(p.st.dim.Render("  (jwtlens check --json lists every finding)"))
}

// candidates lists the other token-like strings found in the input.
func (p *printer) candidates(r *inspect.Report) {
	if len(r.Candidates) == 0 {
		return
	}
	p.heading("Other tokens in the input")
	cands := r.Candidates
	if len(cands) > maxCandidates {
		cands = cands[:maxCandidates]
		defer p.line(p.st.dim.Render(fmt.Sprintf("  … and %d more (--json lists them all)", len(r.Candidates)-maxCandidates)))
	}
	for _, c := range cands {
		p.wrapped("  ", 4, fmt.Sprintf("at byte %d, %d bytes: %s", c.Offset, c.Length, inspect.Sanitize(c.Where)), p.st.plain)
	}
}

// Reindent lays out raw JSON text one member or element per line, indented by two spaces
// per level, without reordering or re-encoding anything: strings, numbers and literals are
// kept exactly as written, only the whitespace between them changes.
func Reindent(raw string) []string {
	var lines []string
	var cur strings.Builder
	depth := 0
	newline := func() {
		lines = append(lines, cur.String())
		cur.Reset()
		cur.WriteString(strings.Repeat("  ", depth))
	}
	nextNonSpace := func(i int) byte {
		for ; i < len(raw); i++ {
			if c := raw[i]; c != ' ' && c != '\t' && c != '\n' && c != '\r' {
				return c
			}
		}
		return 0
	}
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch c {
		case '"':
			j := i + 1
			for j < len(raw) && raw[j] != '"' {
				if raw[j] == '\\' {
					j++
				}
				j++
			}
			j = min(j+1, len(raw))
			cur.WriteString(raw[i:j])
			i = j - 1
		case ' ', '\t', '\n', '\r':
		case '{', '[':
			cur.WriteByte(c)
			if n := nextNonSpace(i + 1); n == '}' || n == ']' {
				continue
			}
			depth++
			newline()
		case '}', ']':
			if isOpenBefore(raw, i) {
				cur.WriteByte(c)
				continue
			}
			depth = max(depth-1, 0)
			newline()
			cur.WriteByte(c)
		case ',':
			cur.WriteByte(c)
			newline()
		case ':':
			cur.WriteString(": ")
		default:
			cur.WriteByte(c)
		}
	}
	if cur.Len() > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}

// isOpenBefore reports whether the last non-space byte before i opens an object or array.
func isOpenBefore(raw string, i int) bool {
	for i--; i >= 0; i-- {
		switch raw[i] {
		case ' ', '\t', '\n', '\r':
			continue
		case '{', '[':
			return true
		}
		return false
	}
	return false
}

// lowerFirst lower-cases the first letter of a sentence that continues another one
// ("… but whitespace inside …"), unless the first word is an acronym or a code (RS256).
func lowerFirst(s string) string {
	if len(s) >= 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'a' && s[1] <= 'z' {
		return string(s[0]+'a'-'A') + s[1:]
	}
	return s
}
