package panes

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// frame is the set of lines a pane border is drawn with.
type frame struct{ tl, tr, bl, br, h, v string }

var (
	thin  = frame{"╭", "╮", "╰", "╯", "─", "│"}
	thick = frame{"┏", "┓", "┗", "┛", "━", "┃"} // the focused pane, visible without colour
)

// pane is one framed, scrollable pane.
type pane struct {
	title      string
	titleStyle lipgloss.Style
	badge      string
	vp         viewport.Model
	raw        content  // as rendered, before wrapping
	lines      []string // wrapped to the inner width; the viewport scrolls over these
	starts     []int    // wrapped line where each raw line starts
	inner      int      // wrapped at this width
	height     int
	width      int
	focus      bool
	key        cacheKey
	rev        int        // bumped whenever what the view shows may have changed
	drawn      *drawCache // the last view, shared by copies of the pane
}

// drawCache is the last drawn view of a pane and what it was drawn from.
type drawCache struct {
	rev, y int
	focus  bool
	badge  string
	out    string
}

// cacheKey says what a pane's content was made from, so an unchanged pane is not redrawn.
type cacheKey struct {
	text  string
	extra string
	valid bool
}

func newPane(title string, st lipgloss.Style) pane {
	vp := viewport.New(10, 1)
	return pane{title: title, titleStyle: st, vp: vp, drawn: &drawCache{rev: -1}}
}

// setContent replaces the content and wraps it to the pane's width.
func (p *pane) setContent(c content) {
	if p.inner > 0 && sameLines(p.raw.lines, c.lines) {
		p.raw.members = c.members
		return
	}
	p.rev++
	p.raw = c
	p.inner = -1
	p.wrap()
}

func (p *pane) setSize(w, h int) {
	if max(4, w) == p.width && max(3, h) == p.height {
		return
	}
	p.rev++
	p.width, p.height = max(4, w), max(3, h)
	p.vp.Width = p.width - 4
	p.vp.Height = p.height - 2
	p.wrap()
}

// wrap hard-wraps the content to the inner width (never word-wrapping: base64url and
// JSON strings hold '-').
func (p *pane) wrap() {
	inner := max(1, p.width-4)
	if inner == p.inner {
		return
	}
	p.inner = inner
	p.starts = p.starts[:0]
	var out []string
	for _, l := range p.raw.lines {
		p.starts = append(p.starts, len(out))
		if ansi.StringWidth(l) <= inner {
			out = append(out, l)
			continue
		}
		out = append(out, strings.Split(ansi.Hardwrap(l, inner, true), "\n")...)
	}
	y := p.vp.YOffset
	p.lines = out
	// the viewport only keeps the scroll position (draw shows p.lines itself): it is given
	// as many empty lines, not the text, which it would split and measure again
	p.vp.SetContent(strings.Repeat("\n", max(0, len(out)-1)))
	p.vp.SetYOffset(y)
}

// reveal scrolls so that the member at decoded offset off is at the top: the one whose
// name or value holds off, else the last that starts before it.
func (p *pane) reveal(off int) {
	line := -1
	for _, m := range p.raw.members {
		if m.off <= off && off < m.end {
			line = m.line
			break
		}
		if m.off <= off {
			line = m.line
		}
	}
	if line < 0 {
		p.vp.GotoTop()
		return
	}
	if line < len(p.starts) {
		p.vp.SetYOffset(max(0, p.starts[line]-1))
	}
}

func (p pane) update(msg tea.Msg) (pane, tea.Cmd) {
	var cmd tea.Cmd
	p.vp, cmd = p.vp.Update(msg)
	return p, cmd
}

func sameLines(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// view draws the framed pane in exactly width × height cells, or returns the last drawing
// when nothing it shows has changed.
func (p pane) view(pt *paints) string {
	d := p.drawn
	if d.rev == p.rev && d.y == p.vp.YOffset && d.focus == p.focus && d.badge == p.badge {
		return d.out
	}
	out := p.draw(pt)
	*d = drawCache{rev: p.rev, y: p.vp.YOffset, focus: p.focus, badge: p.badge, out: out}
	return out
}

func (p pane) draw(pt *paints) string {
	f, bp := thin, pt.border
	if p.focus {
		f, bp = thick, pt.borderFocus
	}
	w := p.width
	var b strings.Builder
	title := p.titleStyle.Render(p.title)
	if p.badge != "" {
		title += " " + p.badge
	}
	title = ansi.Truncate(title, max(0, w-6), "…")
	fill := max(0, w-5-ansi.StringWidth(title))
	b.WriteString(bp.S(f.tl+f.h) + " " + title + " " + bp.S(strings.Repeat(f.h, fill)+f.tr))
	// the viewport keeps the scroll position; the visible lines are drawn here, without
	// the padding passes of viewport.View
	for i := 0; i < p.height-2; i++ {
		line := ""
		if k := p.vp.YOffset + i; k >= 0 && k < len(p.lines) {
			line = p.lines[k]
		}
		if pad := p.inner - ansi.StringWidth(line); pad > 0 {
			line += strings.Repeat(" ", pad)
		}
		b.WriteString("\n" + bp.S(f.v) + " " + line + " " + bp.S(f.v))
	}
	info := ""
	if total, vis := p.vp.TotalLineCount(), p.vp.VisibleLineCount(); total > vis {
		last := min(total, p.vp.YOffset+vis)
		info = fmt.Sprintf(" %d–%d of %d ", p.vp.YOffset+1, last, total)
		if ansi.StringWidth(info) > w-4 {
			info = ""
		}
	}
	fill = max(0, w-3-ansi.StringWidth(info))
	b.WriteString("\n" + bp.S(f.bl+strings.Repeat(f.h, fill)) + pt.dim.S(info) + bp.S(f.h+f.br))
	return b.String()
}
