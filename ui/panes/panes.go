package panes

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"jwtlens/inspect"
)

// The panes, in order.
const (
	Header = iota
	Payload
	Signature
	count
)

// Mode is how the panes are laid out.
type Mode int

// The layouts.
const (
	Tabs    Mode = iota // one pane at a time under a tab bar
	Columns             // header over signature on the left, payload on the right
	Wide                // three side by side
)

// Widths at which the layout changes.
const (
	ColumnsFrom = 100
	WideFrom    = 140
)

// Model holds the three panes.
type Model struct {
	panes   [count]pane
	styles  Styles
	p       paints
	width   int
	height  int
	mode    Mode
	active  int // the pane shown in Tabs mode
	focused int // the focused pane, or -1
	last    *inspect.Report
	lastW   int
	nested  *inspect.Report // the inner token's report, when the payload is a JWT
}

// New returns the panes drawn with st.
func New(st Styles) Model {
	m := Model{styles: st, p: newPaints(st), focused: -1}
	m.panes[Header] = newPane("Header", st.Header)
	m.panes[Payload] = newPane("Payload", st.Payload)
	m.panes[Signature] = newPane("Signature", st.Signature)
	for i := range m.panes {
		m.panes[i].setContent(message(&m.p, "nothing yet"))
	}
	return m
}

// Mode returns the layout in use.
func (m Model) Mode() Mode { return m.mode }

// Active returns the pane shown in Tabs mode.
func (m Model) Active() int { return m.active }

// SetSize sets the area the panes share and picks the layout.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	switch {
	case w >= WideFrom:
		m.mode = Wide
	case w >= ColumnsFrom:
		m.mode = Columns
	default:
		m.mode = Tabs
	}
	switch m.mode {
	case Wide:
		hw := w * 3 / 10
		m.panes[Header].setSize(hw, h)
		m.panes[Signature].setSize(hw, h)
		m.panes[Payload].setSize(w-2*hw, h)
	case Columns:
		lw := w * 2 / 5
		hh := (h + 1) / 2
		m.panes[Header].setSize(lw, hh)
		m.panes[Signature].setSize(lw, h-hh)
		m.panes[Payload].setSize(w-lw, h)
	default:
		for i := range m.panes {
			m.panes[i].setSize(w, h-1)
		}
	}
}

// Focus gives pane i the keyboard (and shows it in Tabs mode).
func (m *Model) Focus(i int) {
	m.Blur()
	if i >= 0 && i < count {
		m.focused = i
		m.active = i
		m.panes[i].focus = true
	}
}

// Blur takes the keyboard away from every pane.
func (m *Model) Blur() {
	m.focused = -1
	for i := range m.panes {
		m.panes[i].focus = false
	}
}

// Show makes pane i the one shown in Tabs mode, without focusing it.
func (m *Model) Show(i int) {
	if i >= 0 && i < count {
		m.active = i
	}
}

// Reveal shows pane i and scrolls it to the JSON member at decoded byte offset off.
func (m *Model) Reveal(i, off int) {
	if i < 0 || i >= count {
		return
	}
	m.active = i
	m.panes[i].reveal(off)
}

// YOffset returns how far pane i is scrolled.
func (m Model) YOffset(i int) int { return m.panes[i].vp.YOffset }

// Update sends a message to the focused pane's viewport, and to none when no pane is
// focused (the viewport binds bare letters).
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	if m.focused < 0 {
		return m, nil
	}
	var cmd tea.Cmd
	m.panes[m.focused], cmd = m.panes[m.focused].update(msg)
	return m, cmd
}

// SetNested gives the report of the inner token (Report.NestedToken, inspected by the
// caller in Update), shown in the Payload pane in place of the payload's text. Call it
// before SetReport.
func (m *Model) SetNested(inner *inspect.Report) {
	if inner != m.nested {
		m.nested = inner
		m.last = nil // the payload pane must be made again
	}
}

// SetReport fills the panes from r. A pane whose inputs did not change keeps its content.
func (m *Model) SetReport(r *inspect.Report) {
	if r != nil && r == m.last && m.width == m.lastW {
		return
	}
	m.last, m.lastW = r, m.width
	if r == nil {
		for i := range m.panes {
			m.panes[i].key = cacheKey{}
			m.panes[i].badge = ""
			m.panes[i].setContent(message(&m.p, "paste a token to see its "+strings.ToLower(m.panes[i].title)))
		}
		return
	}
	segs := map[inspect.Part]*inspect.Segment{}
	for i := range r.Segments {
		segs[r.Segments[i].Part] = &r.Segments[i]
	}
	jwe := r.Kind == inspect.KindJWE
	m.setPart(Header, r, segs[inspect.PartHeader], r.Header, inspect.PartHeader, string(r.Kind))
	if jwe {
		m.panes[Payload].key = cacheKey{}
		m.panes[Payload].setContent(renderJWEParts(&m.p, r))
		m.panes[Signature].setContent(renderJWESignature(&m.p, r))
	} else {
		m.setPart(Payload, r, segs[inspect.PartPayload], r.Payload, inspect.PartPayload, string(r.Kind))
		m.panes[Signature].setContent(renderSignature(&m.p, r, segs[inspect.PartSignature], m.panes[Signature].width-4))
	}
	m.badges(r, segs)
}

// setPart fills the header or payload pane, unless its segment and claims are unchanged.
func (m *Model) setPart(i int, r *inspect.Report, seg *inspect.Segment, v *inspect.Value, part inspect.Part, kind string) {
	var extra strings.Builder
	extra.WriteString(kind)
	for _, c := range r.Claims {
		if c.Part == part {
			extra.WriteString("\x00" + c.Name + "\x00" + c.Relative + "\x00" + c.Problem)
		}
	}
	if part == inspect.PartPayload && m.nested != nil {
		extra.WriteString("\x00nested")
	}
	k := cacheKey{extra: extra.String(), valid: true}
	if seg != nil {
		k.text = seg.Text
	} else {
		k.extra += "\x00missing"
	}
	p := &m.panes[i]
	if p.key == k {
		return
	}
	p.key = k
	var c content
	switch {
	case seg == nil:
		c = message(&m.p, "missing: the token ends before the "+string(part))
	case part == inspect.PartPayload && m.nested != nil && r.NestedToken != "":
		c = renderNested(&m.p, r.NestedToken, m.nested)
	case v != nil:
		c = renderJSON(&m.p, v, r.Claims, part)
	case seg.JSON != nil:
		c = renderJSON(&m.p, seg.JSON, r.Claims, part)
	case seg.Decoded && len(seg.Bytes) > 0:
		per := 16
		if p.width-4 < 70 {
			per = 8
		}
		c = renderDump(&m.p, seg.Bytes, per)
	case seg.Text == "":
		c = message(&m.p, "empty segment")
	default:
		c = message(&m.p, "cannot decode: this segment is not", "base64url (see the findings)")
	}
	p.setContent(c)
}

// PaneOf returns the pane a finding about part belongs to, or -1.
func PaneOf(part inspect.Part) int {
	switch part {
	case inspect.PartHeader:
		return Header
	case inspect.PartPayload, inspect.PartClaims, inspect.PartEncryptedKey, inspect.PartIV,
		inspect.PartCiphertext, inspect.PartTag:
		return Payload
	case inspect.PartSignature, inspect.PartKey:
		return Signature
	}
	return -1
}

// badges sets each pane's status badge from the worst finding about it. A part that is
// missing or could not be decoded never says ok, whatever the findings say about it.
func (m *Model) badges(r *inspect.Report, segs map[inspect.Part]*inspect.Segment) {
	worst := [count]int{-1, -1, -1}
	for _, f := range r.Findings {
		if i := PaneOf(f.Part); i >= 0 && int(f.Severity) > worst[i] {
			worst[i] = int(f.Severity)
		}
	}
	for i := range m.panes {
		switch worst[i] {
		case int(inspect.Error):
			m.panes[i].badge = m.styles.BadgeBad.Render("✗ error")
		case int(inspect.Warning):
			m.panes[i].badge = m.styles.BadgeWarn.Render("! warning")
		default:
			m.panes[i].badge = m.styles.BadgeGood.Render("✓ ok")
		}
	}
	for i, part := range []inspect.Part{inspect.PartHeader, inspect.PartPayload} {
		if i == Payload && r.Kind == inspect.KindJWE {
			continue
		}
		switch seg := segs[part]; {
		case seg == nil:
			m.panes[i].badge = m.styles.BadgeNeutral.Render("– missing")
		case !seg.Decoded && worst[i] != int(inspect.Error):
			m.panes[i].badge = m.styles.BadgeBad.Render("✗ error")
		}
	}
	var b string
	switch r.Verification.Status {
	case inspect.Verified:
		b = m.styles.BadgeGood.Render("✓ verified")
	case inspect.Invalid:
		b = m.styles.BadgeBad.Render("✗ invalid")
	case inspect.CannotCheck:
		b = m.styles.BadgeWarn.Render("! cannot check")
	default:
		b = m.styles.BadgeNeutral.Render("• not checked")
	}
	if worst[Signature] == int(inspect.Error) && r.Verification.Status != inspect.Invalid {
		b = m.styles.BadgeBad.Render("✗ error")
	}
	if segs[inspect.PartSignature] == nil && r.Kind != inspect.KindJWE && worst[Signature] != int(inspect.Error) {
		b = m.styles.BadgeNeutral.Render("– missing")
	}
	if r.Kind == inspect.KindJWE {
		b = m.styles.BadgeNeutral.Render("• JWE")
	}
	m.panes[Signature].badge = b
}

// View draws the panes in exactly the area given to SetSize.
func (m Model) View() string {
	switch m.mode {
	case Wide:
		return besides(m.panes[Header].view(&m.p), m.panes[Payload].view(&m.p), m.panes[Signature].view(&m.p))
	case Columns:
		left := m.panes[Header].view(&m.p) + "\n" + m.panes[Signature].view(&m.p)
		return besides(left, m.panes[Payload].view(&m.p))
	}
	return m.tabBar() + "\n" + m.panes[m.active].view(&m.p)
}

// besides joins blocks of equal height line by line (each block's lines have one width).
func besides(blocks ...string) string {
	split := make([][]string, len(blocks))
	n := 0
	for i, b := range blocks {
		split[i] = strings.Split(b, "\n")
		n = max(n, len(split[i]))
	}
	var out strings.Builder
	for l := 0; l < n; l++ {
		if l > 0 {
			out.WriteByte('\n')
		}
		for _, s := range split {
			if l < len(s) {
				out.WriteString(s[l])
			}
		}
	}
	return out.String()
}

// tabBar draws the tab titles; the active one is bracketed so it shows without colour.
func (m Model) tabBar() string {
	var parts []string
	for i, p := range m.panes {
		t := p.title
		if p.badge != "" {
			t += " " + ansi.Strip(p.badge)
		}
		if i == m.active {
			parts = append(parts, m.styles.TabActive.Render("["+t+"]"))
		} else {
			parts = append(parts, m.styles.Tab.Render(" "+t+" "))
		}
	}
	return ansi.Truncate(strings.Join(parts, " "), m.width, "…")
}
