package panes

import (
	"fmt"
	"slices"
	"sort"
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
	raw        content          // as rendered, before wrapping
	starts     []int            // wrapped line where each raw line starts
	total      int              // wrapped lines in all
	pieces     map[int][]string // the wrapped pieces of long raw lines, cut when drawn
	inner      int              // wrapped at this width
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
	if p.inner > 0 && slices.Equal(p.raw.lines, c.lines) {
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

// wrap works out how the content hard-wraps at the inner width (never word-wrapping:
// base64url and JSON strings hold '-'): where each raw line starts among the wrapped ones.
// The pieces of a long line are cut only when draw shows them (see line), so a megabyte
// claim costs a measure per edit, not a copy.
func (p *pane) wrap() {
	inner := max(1, p.width-4)
	if inner == p.inner {
		return
	}
	p.inner = inner
	p.starts = p.starts[:0]
	p.pieces = map[int][]string{}
	n := 0
	for i, l := range p.raw.lines {
		p.starts = append(p.starts, n)
		w := ansi.StringWidth(l)
		switch {
		case w <= inner:
			n++
		case strings.IndexFunc(l, mayBeWide) >= 0:
			// a wide character can move to the next piece early: cut now to count exactly
			p.pieces[i] = strings.Split(ansi.Hardwrap(l, inner, true), "\n")
			n += len(p.pieces[i])
		default:
			n += (w + inner - 1) / inner
		}
	}
	p.total = n
	y := p.vp.YOffset
	// the viewport only keeps the scroll position (draw shows the lines itself): it is
	// given as many empty lines, not the text, which it would split and measure again
	p.vp.SetContent(strings.Repeat("\n", max(0, n-1)))
	p.vp.SetYOffset(y)
}

// mayBeWide reports whether r may take two cells (East Asian wide, emoji).
func mayBeWide(r rune) bool { return r >= 0x1100 }

// line returns wrapped line k.
func (p pane) line(k int) string {
	if k < 0 || k >= p.total {
		return ""
	}
	i := sort.Search(len(p.starts), func(j int) bool { return p.starts[j] > k }) - 1
	next := p.total
	if i+1 < len(p.starts) {
		next = p.starts[i+1]
	}
	if next-p.starts[i] == 1 && p.pieces[i] == nil {
		return p.raw.lines[i]
	}
	pieces, ok := p.pieces[i]
	if !ok {
		pieces = strings.Split(ansi.Hardwrap(p.raw.lines[i], p.inner, true), "\n")
		p.pieces[i] = pieces
	}
	if j := k - p.starts[i]; j < len(pieces) {
		return pieces[j]
	}
	return ""
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
		line = p.line(p.vp.YOffset + i)
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
