package chooser

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"jwtlens/inspect"
	"jwtlens/keys"
)

// maxInfo and maxUsed bound the loaded-key and keys-used areas, so the list keeps room.
const (
	maxInfo = 7
	maxUsed = 3
)

// plan shares the height out: the title and the field always, then the loaded key's
// lines (up to maxInfo), then the keys used (up to maxUsed), and the list the rest, at
// least one line.
func (m Model) plan() (listH, infoN, usedN int) {
	h := m.height
	if h <= 0 {
		h = 24
	}
	avail := max(h-1-3-1, 0) // title; field label, field, hint; one list line
	infoN = min(len(m.infoLines(maxInfo)), avail)
	avail -= infoN
	if n := len(m.used); n > 0 && avail >= 2 {
		usedN = min(n, maxUsed, avail-1)
		avail -= usedN + 1
	}
	return 1 + avail, infoN, usedN
}

// listHeight is the number of directory lines that fit beside the other areas.
func (m Model) listHeight() int {
	h, _, _ := m.plan()
	return h
}

// View draws the chooser. Every name and message passes through inspect.Sanitize.
func (m Model) View() string {
	var lines []string
	add := func(s string) { lines = append(lines, ansi.Truncate(s, max(m.width, 20), "…")) }
	s := m.Styles

	add(s.Title.Render("Choose a key") + s.Dim.Render(" — "+inspect.Sanitize(m.show(m.dir))))
	h, infoN, usedN := m.plan()
	switch {
	case m.dirErr != nil:
		add(s.Error.Render("  cannot list this folder: " + inspect.Sanitize(reason(m.dirErr))))
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
		name := inspect.Sanitize(e.name)
		if e.dir {
			add(cur + s.Dir.Render(name+"/"))
			continue
		}
		size := humanSize(e.size)
		pad := max(m.width-2-ansi.StringWidth(name)-len(size)-1, 1)
		add(cur + s.File.Render(name) + strings.Repeat(" ", pad) + s.Dim.Render(size))
	}
	for n := len(lines); n < 1+h; n++ {
		lines = append(lines, "")
	}

	label := s.Label
	if m.focus == focusField {
		label = s.Focused
	}
	add(label.Render("Path, or paste a PEM, JWK, JWKS or HMAC secret:"))
	add(m.fieldLine())
	add(s.Dim.Render("  " + m.fieldHint()))

	for _, l := range m.infoLines(infoN) {
		add(l)
	}
	if usedN > 0 {
		label := s.Label
		if m.focus == focusUsed {
			label = s.Focused
		}
		add(label.Render("Keys used in this run (enter switches):"))
		first := max(0, min(m.usedCursor-usedN+1, len(m.used)-usedN))
		for i := first; i < len(m.used) && i < first+usedN; i++ {
			mark := "  "
			if i == m.active {
				mark = "● "
			}
			cur := "  "
			if m.focus == focusUsed && i == m.usedCursor {
				cur = s.Cursor.Render("▸ ")
			}
			add(cur + mark + m.setSummary(m.used[i], true))
		}
	}
	return strings.Join(lines, "\n")
}

// fieldLine shows the field: masked unless revealed or plainly a path.
func (m Model) fieldLine() string {
	prompt := "> "
	if m.focus == focusField {
		prompt = m.Styles.Cursor.Render("> ")
	}
	if len(m.field) == 0 {
		return prompt + m.Styles.Dim.Render("(type a path or paste)")
	}
	text := string(m.field)
	if m.reveal || pathLike(text) {
		shown := inspect.Sanitize(strings.ReplaceAll(strings.ReplaceAll(text, "\r", ""), "\n", "⏎"))
		room := max(m.width-4, 10)
		if ansi.StringWidth(shown) > room {
			shown = "…" + ansi.TruncateLeft(shown, ansi.StringWidth(shown)-room+1, "")
		}
		return prompt + shown
	}
	dots := min(len(m.field), max(m.width-30, 8))
	return prompt + strings.Repeat("•", dots) + m.Styles.Dim.Render(fmt.Sprintf("  %d characters, hidden", len(m.field)))
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
		out = append(out, s.Error.Render("✗ "+inspect.Sanitize(m.loadErr.Error())))
	case m.loaded != nil:
		set := *m.loaded
		if len(set.Keys) == 0 {
			out = append(out, s.Error.Render("✗ no key in "+inspect.Sanitize(m.what)))
		} else {
			out = append(out, s.Title.Render("Read "+inspect.Sanitize(m.what)+": ")+m.setSummary(set, false))
		}
		for _, k := range set.Keys {
			if k.Certificate != nil {
				c := k.Certificate
				out = append(out, s.Info.Render(fmt.Sprintf("  certificate %s, valid %s to %s",
					inspect.Sanitize(c.Subject), c.NotBefore.UTC().Format("2006-01-02"), c.NotAfter.UTC().Format("2006-01-02"))))
				break
			}
		}
		matched := ""
		if m.haveResult && m.verification.Status == inspect.Verified && m.verification.Key != nil {
			matched = m.verification.Key.KID
		}
		if kids := kidList(set, matched); kids != "" {
			out = append(out, s.Info.Render("  key ids: "+kids))
		}
		for _, f := range set.Findings {
			out = append(out, findingLine(s, f.Severity, f.Code, f.Message))
		}
		if m.haveResult {
			for _, f := range m.keyFindings {
				if !hasCode(set.Findings, f.Code) { // the set's own findings are listed above
					out = append(out, findingLine(s, f.Severity.String(), f.Code, f.Message))
				}
			}
			out = append(out, m.verdictLine())
		}
	}
	switch {
	case len(out) <= limit:
	case limit >= 2:
		more := len(out) - limit + 1
		out = append(out[:limit-1], s.Dim.Render(fmt.Sprintf("  … and %d more", more)))
	default:
		out = out[:max(limit, 0)]
	}
	return out
}

func (m Model) verdictLine() string {
	s, v := m.Styles, m.verification
	detail := inspect.Sanitize(v.Detail)
	switch v.Status {
	case inspect.Verified:
		return s.Verified.Render("✓ verified: ") + detail
	case inspect.Invalid:
		return s.Error.Render("✗ does not verify: ") + detail
	case inspect.CannotCheck:
		return s.Error.Render("✗ cannot check: ") + detail
	}
	return s.Dim.Render("not checked: " + detail)
}

func findingLine(s Styles, sev, code, msg string) string {
	mark, st := "·", s.Info
	switch sev {
	case "error":
		mark, st = "✗", s.Error
	case "warning":
		mark, st = "!", s.Warning
	}
	return st.Render("  "+mark+" "+code) + " " + inspect.Sanitize(msg)
}

// kidList lists the key ids of a set with more than one key, the one that verified
// marked with ✓.
func kidList(set keys.Set, matched string) string {
	if len(set.Keys) < 2 {
		return ""
	}
	var kids []string
	for _, k := range set.Keys {
		if k.KID == "" {
			continue
		}
		kid := inspect.Sanitize(k.KID)
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
		what = keySummary(set.Keys[0])
	default:
		what = fmt.Sprintf("%d keys", len(set.Keys))
	}
	if withSource {
		what += ", from " + inspect.Sanitize(m.show(set.Source))
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

func keySummary(k keys.Key) string {
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
		b.WriteString(" (" + inspect.Sanitize(k.Format) + ")")
	}
	if k.KID != "" {
		b.WriteString(" kid " + inspect.Sanitize(k.KID))
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
