package chooser

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"jwtlens/inspect"
	"jwtlens/keys"
	"jwtlens/ui/common"
)

// maxInfo and maxUsed bound the loaded-key and keys-used areas; listWant is the room the
// list keeps before the loaded key's lines take more; tallUsed is the height from which
// the keys used get a label and a line each (below it, one line).
const (
	maxInfo  = 7
	maxUsed  = 3
	listWant = 8
	tallUsed = 20
)

// plan shares the height out: the title, the field and its hint always; the keys used
// (one line on a small screen); the loaded key's lines, leaving the list listWant lines
// when it can; and the list the rest, at least one line.
func (m Model) plan() (listH, infoN, usedN int) {
	h := m.height
	if h <= 0 {
		h = 24
	}
	avail := max(h-2, 1) // title; field
	if m.showHint() {
		avail = max(avail-1, 1)
	}
	if n := len(m.used); n > 0 && avail >= 3 {
		usedN = 1
		if h >= tallUsed {
			usedN = min(n, maxUsed)
			avail-- // the label
		}
		avail -= usedN
	}
	info := len(m.infoLines(maxInfo))
	want := min(max(len(m.entries), 1), listWant)
	infoN = min(info, max(avail-want, min(info, 2)), avail-1)
	return max(avail-infoN, 1), max(infoN, 0), usedN
}

// listHeight is the number of directory lines that fit beside the other areas.
func (m Model) listHeight() int {
	h, _, _ := m.plan()
	return h
}

// safe draws hostile text (file names, kids, messages quoting them) in st, with the
// sanitiser's escapes in the escape style, so an escape cannot pass for the text.
func (m Model) safe(st lipgloss.Style, text string) string {
	return common.SafePaintOrUnderline(text, common.NewPaint(st), common.NewPaint(m.Styles.Escape))
}

// View draws the chooser. Every name and message passes through the sanitiser.
func (m Model) View() string {
	var lines []string
	width := max(m.width, 20)
	add := func(s string) { lines = append(lines, ansi.Truncate(s, width, "…")) }
	s := m.Styles

	h, infoN, usedN := m.plan()
	where := ""
	if n := len(m.entries); n > h {
		// the list scrolls: say where it is, in the title, to keep the lines for names
		where = fmt.Sprintf("  %d–%d of %d", m.offset+1, min(m.offset+h, n), n)
	}
	add(s.Title.Render("Choose a key") + s.Dim.Render(" — ") + m.safe(s.Dim, m.show(m.dir)) + s.Dim.Render(where))
	switch {
	case m.dirErr != nil:
		add(s.Error.Render("  cannot list this folder: ") + m.safe(s.Error, reason(m.dirErr)))
		h--
	case len(m.entries) == 0:
		add(s.Dim.Render("  (no folders or key files here: " + strings.Join(Extensions, " ") + ")"))
		h--
	}
	for i := m.offset; i < len(m.entries) && i < m.offset+h; i++ {
		e := m.entries[i]
		cur := "  "
		if i == m.cursor {
			cur = s.Cursor.Render("▸ ")
			if m.focus != focusList {
				cur = "· "
			}
		}
		name := common.Safe(e.name)
		if e.dir {
			add(cur + m.safe(s.Dir, e.name) + s.Dir.Render("/"))
			continue
		}
		size := humanSize(e.size)
		pad := max(width-2-ansi.StringWidth(name)-len(size)-1, 1)
		add(cur + m.safe(s.File, e.name) + strings.Repeat(" ", pad) + s.Dim.Render(size))
	}
	for n := len(lines); n < 1+m.listHeight(); n++ {
		lines = append(lines, "")
	}

	add(m.fieldLine())
	if m.showHint() {
		add(s.Dim.Render("  " + m.fieldHint()))
	}

	for _, l := range m.infoLines(infoN) {
		add(l)
	}
	if usedN > 0 {
		m.usedView(add, usedN)
	}
	return strings.Join(lines, "\n")
}

// usedView draws the keys used: a label and a line each, or one line on a small screen.
func (m Model) usedView(add func(string), usedN int) {
	s := m.Styles
	label := s.Label
	if m.focus == focusUsed {
		label = s.Focused
	}
	line := func(i int, compact bool) string {
		mark := "  "
		if i == m.active {
			mark = "● "
		}
		cur := "  "
		switch {
		case m.focus == focusUsed && i == m.usedCursor:
			cur = s.Cursor.Render("▸ ")
		case compact:
			cur = ""
		}
		return cur + mark + m.setSummary(m.used[i], true)
	}
	if m.height > 0 && m.height < tallUsed {
		i := m.usedCursor
		if m.focus != focusUsed && m.active >= 0 {
			i = m.active
		}
		i = min(max(i, 0), len(m.used)-1)
		add(label.Render(fmt.Sprintf("Keys used %d/%d:", i+1, len(m.used))) + " " + line(i, true))
		return
	}
	add(label.Render("Keys used in this run (enter switches):"))
	first := max(0, min(m.usedCursor-usedN+1, len(m.used)-usedN))
	for i := first; i < len(m.used) && i < first+usedN; i++ {
		add(line(i, false))
	}
}

// fieldLine shows the field: masked unless revealed or plainly a path.
func (m Model) fieldLine() string {
	label, prompt := m.Styles.Label.Render("Key "), "> "
	if m.focus == focusField {
		label, prompt = m.Styles.Focused.Render("Key"), m.Styles.Cursor.Render(" > ")
	}
	prompt = label + prompt
	if len(m.field) == 0 {
		return prompt + m.Styles.Dim.Render("(type a path, or paste a PEM, JWK, JWKS or HMAC secret)")
	}
	text := string(m.field)
	if m.reveal || m.shownAsTyped(text) {
		shown := strings.ReplaceAll(strings.ReplaceAll(text, "\r", ""), "\n", "⏎")
		room := max(m.width-8, 10)
		if w := ansi.StringWidth(common.Safe(shown)); w > room {
			shown = "…" + ansi.TruncateLeft(common.Safe(shown), w-room+1, "")
			return prompt + shown
		}
		return prompt + m.safe(lipgloss.NewStyle(), shown)
	}
	dots := min(len(m.field), max(m.width-34, 8))
	return prompt + strings.Repeat("•", dots) + m.Styles.Dim.Render(fmt.Sprintf("  %d characters, hidden", len(m.field)))
}

// shownAsTyped reports whether the field's text is plainly a path (path-like, the start
// of a name in the list, or a near miss of one) and so is not masked.
func (m Model) shownAsTyped(text string) bool {
	if pathLike(strings.TrimSpace(text)) {
		return true
	}
	if text == "" || strings.ContainsAny(text, " \t\r\n") {
		return false
	}
	for _, e := range m.entries {
		if e.name != ".." && (strings.HasPrefix(e.name, text) || len(text) >= 4 && editDistance(text, e.name) <= 2) {
			return true
		}
	}
	return false
}

// showHint reports whether the field's hint line is drawn: once the field holds text (an
// empty field's placeholder and the help line say the rest), or when there is room; not
// while the last load's error says what went wrong.
func (m Model) showHint() bool {
	if m.height > 0 && m.height < tallUsed && m.loaded != nil {
		return false // a small screen: the loaded key and its verdict need the line more
	}
	return m.loadErr == nil && (len(m.field) > 0 || m.height >= tallUsed+4)
}

// fieldHint says what enter will do with the field's text.
func (m Model) fieldHint() string {
	text := string(m.field)
	switch classify(text) {
	case inputPEM:
		return "a PEM block: enter reads it (escaped \\n and lost line breaks are repaired)"
	case inputJSON:
		return "JSON: enter reads it as a JWK or JWK set"
	case inputPathLike:
		return "a path: enter reads the file (relative to the folder above)"
	case inputOther:
		return "enter: the file of this name, else an HMAC secret; ctrl+s: a secret (file or text)"
	}
	return "tab moves between the folder, this field and the keys used; esc goes back"
}

// infoLines describe the last load: what was read, its findings, and the verdict with
// this token, in at most limit lines.
func (m Model) infoLines(limit int) []string {
	s := m.Styles
	var out []string
	switch {
	case m.loading:
		out = append(out, s.Dim.Render("reading…"))
	case m.loadErr != nil:
		// The error is what the person must read: wrapped, not cut (at most 3 lines).
		text := m.safe(s.Error, m.loadErr.Error())
		wrapped := strings.Split(lipgloss.NewStyle().Width(max(m.width-2, 18)).Render(text), "\n")
		for i, l := range wrapped[:min(len(wrapped), 3)] {
			mark := "  "
			if i == 0 {
				mark = "✗ "
			}
			out = append(out, s.Error.Render(mark)+strings.TrimRight(l, " "))
		}
	case m.loaded != nil:
		set := *m.loaded
		if len(set.Keys) == 0 {
			out = append(out, s.Error.Render("✗ no key in ")+m.safe(s.Error, m.what))
		} else {
			out = append(out, s.Title.Render("Read ")+m.safe(s.Title, m.what)+s.Title.Render(": ")+m.setSummary(set, false))
		}
		for _, k := range set.Keys {
			if k.Certificate != nil {
				c := k.Certificate
				out = append(out, s.Info.Render("  certificate ")+m.safe(s.Info, c.Subject)+s.Info.Render(fmt.Sprintf(", valid %s to %s",
					c.NotBefore.UTC().Format("2006-01-02"), c.NotAfter.UTC().Format("2006-01-02"))))
				break
			}
		}
		matched := ""
		if m.haveResult && m.verification.Status == inspect.Verified && m.verification.Key != nil {
			matched = m.verification.Key.KID
		}
		if kids := m.kidList(set, matched); kids != "" {
			out = append(out, s.Info.Render("  key ids: ")+kids)
		}
		for _, f := range set.Findings {
			out = append(out, m.findingLine(f.Severity, f.Code, f.Message))
		}
		if m.haveResult {
			for _, f := range m.keyFindings {
				if !hasCode(set.Findings, f.Code) { // the set's own findings are listed above
					out = append(out, m.findingLine(f.Severity.String(), f.Code, f.Message))
				}
			}
			out = append(out, m.verdictLine())
		}
	}
	switch {
	case len(out) <= limit:
	case limit >= 2 && m.haveResult:
		// the verdict is the line that matters most: keep it last
		verdict := out[len(out)-1]
		keep := limit - 1
		if limit >= 3 {
			keep = limit - 2
			out = append(out[:keep], s.Dim.Render(fmt.Sprintf("  … and %d more", len(out)-1-keep)))
		} else {
			out = out[:keep]
		}
		out = append(out, verdict)
	case limit >= 2:
		more := len(out) - limit + 1
		out = append(out[:limit-1], s.Dim.Render(fmt.Sprintf("  … and %d more", more)))
	case limit == 1 && m.haveResult:
		out = out[len(out)-1:] // the verdict
	default:
		out = out[:max(limit, 0)]
	}
	return out
}

func (m Model) verdictLine() string {
	s, v := m.Styles, m.verification
	detail := m.safe(lipgloss.NewStyle(), v.Detail)
	switch v.Status {
	case inspect.Verified:
		return s.Verified.Render("✓ verified: ") + detail
	case inspect.Invalid:
		return s.Error.Render("✗ does not verify: ") + detail
	case inspect.CannotCheck:
		return s.Error.Render("✗ cannot check: ") + detail
	}
	return s.Dim.Render("not checked: ") + m.safe(s.Dim, v.Detail)
}

func (m Model) findingLine(sev, code, msg string) string {
	s := m.Styles
	mark, st := "·", s.Info
	switch sev {
	case "error":
		mark, st = "✗", s.Error
	case "warning":
		mark, st = "!", s.Warning
	}
	return st.Render("  "+mark+" "+code) + " " + m.safe(lipgloss.NewStyle(), msg)
}

// kidList lists the key ids of a set with more than one key, the one that verified
// marked with ✓.
func (m Model) kidList(set keys.Set, matched string) string {
	if len(set.Keys) < 2 {
		return ""
	}
	var kids []string
	for _, k := range set.Keys {
		if k.KID == "" {
			continue
		}
		kid := m.safe(m.Styles.Info, k.KID)
		if matched != "" && k.KID == matched {
			kid = "✓ " + kid
		}
		kids = append(kids, kid)
	}
	return strings.Join(kids, ", ")
}

// setSummary says what a key set holds in a few words: "RSA 2048 (PEM PUBLIC KEY) from
// pub.pem", "3 keys from jwks.json".
func (m Model) setSummary(set keys.Set, withSource bool) string {
	var what string
	switch len(set.Keys) {
	case 0:
		what = "no key"
	case 1:
		what = m.keySummary(set.Keys[0])
	default:
		what = fmt.Sprintf("%d keys", len(set.Keys))
	}
	if withSource {
		what += ", from " + m.safe(lipgloss.NewStyle(), m.show(set.Source))
	}
	return what
}

// show shortens a path for the screen: relative to the folder first listed when inside it,
// else with the home directory as ~.
func (m Model) show(p string) string {
	if !filepath.IsAbs(p) {
		return p
	}
	if p != m.start {
		if rel, err := filepath.Rel(m.start, p); err == nil && !strings.HasPrefix(rel, "..") {
			return rel
		}
	}
	if home, err := os.UserHomeDir(); err == nil && home != "" && home != "/" {
		if p == home {
			return "~"
		}
		if rel, err := filepath.Rel(home, p); err == nil && !strings.HasPrefix(rel, "..") {
			return "~/" + rel
		}
	}
	return p
}

func (m Model) keySummary(k keys.Key) string {
	var b strings.Builder
	b.WriteString(string(k.Family))
	switch {
	case k.Family == keys.EC && k.Curve != "":
		b.WriteString(" " + k.Curve)
	case k.Family == keys.HMAC:
		fmt.Fprintf(&b, " secret of %d bytes", k.Bits/8)
	case k.Bits > 0 && k.Family != keys.Ed25519:
		fmt.Fprintf(&b, " %d", k.Bits)
	}
	if k.Format != "" {
		b.WriteString(" (" + m.safe(lipgloss.NewStyle(), k.Format) + ")")
	}
	if k.KID != "" {
		b.WriteString(" kid " + m.safe(lipgloss.NewStyle(), k.KID))
	}
	return b.String()
}

// hasCode reports whether fs holds a finding with code.
func hasCode(fs []keys.Finding, code string) bool {
	for _, f := range fs {
		if f.Code == code {
			return true
		}
	}
	return false
}
