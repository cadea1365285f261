package tokeninput

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"jwtlens/ui/common"
)

// Span gives the bytes [Start, End) of the text a colour class.
type Span struct {
	Start, End int
	Class      Class
}

// Mark points at the bytes [Start, End) of the text a finding is about. A mark with
// Start == End points at the single cell at Start (which may be the end of the text).
// Marked bytes are underlined; the selected mark is reversed and gets a marker line under
// it whose glyph says the severity (^ error, ~ warning, · info), so it shows without
// colour too.
type Mark struct {
	Start, End int
	Selected   bool
	Level      Level
}

// Level is the severity of a mark's finding. The zero value is Error.
type Level uint8

// The levels, and the glyph of each on the marker line.
const (
	Error Level = iota
	Warning
	Info
	numLevels
)

var levelGlyph = [numLevels]byte{'^', '~', '-'}

// Model is the token input. The zero value is not usable; call New.
type Model struct {
	KeyMap      KeyMap
	Placeholder []string // lines shown when the text is empty

	value  string
	cursor int // byte offset, always on a rune boundary
	width  int
	height int // lines for the whole strip, title included
	focus  bool

	spans  []Span
	marks  []Mark
	anchor int // byte offset kept visible instead of the cursor; -1 for the cursor
	info   string

	styles Styles
	paint  paints

	// layout cache: row start offsets for value at width
	rows       []int
	layoutOK   bool
	top        int // first visible row
	lastEndCol int // cells used on the last row
}

// New returns an empty token input drawn with st.
func New(st Styles) Model {
	return Model{KeyMap: DefaultKeyMap(), styles: st, paint: newPaints(st), anchor: -1, width: 80, height: 3}
}

// Value returns the text.
func (m Model) Value() string { return m.value }

// Cursor returns the cursor's byte offset.
func (m Model) Cursor() int { return m.cursor }

// SetValue replaces the text and puts the cursor at its end.
func (m *Model) SetValue(s string) {
	m.value = s
	m.cursor = len(s)
	m.layoutOK = false
}

// SetCursor moves the cursor to byte offset i (clamped, moved back to a rune boundary).
func (m *Model) SetCursor(i int) {
	i = max(0, min(i, len(m.value)))
	for i > 0 && i < len(m.value) && !utf8.RuneStart(m.value[i]) {
		i--
	}
	m.cursor = i
}

// InsertString inserts s at the cursor and moves the cursor past it.
func (m *Model) InsertString(s string) {
	if s == "" {
		return
	}
	m.value = m.value[:m.cursor] + s + m.value[m.cursor:]
	m.cursor += len(s)
	m.layoutOK = false
}

// PasteText is pasted text as it goes into the token: a lone CR (not followed by LF) is
// made a LF. Terminals and tmux send the line breaks of a paste as CR, and the token's
// diagnosis reads LF and CRLF as line breaks; a CRLF is kept as it is.
func PasteText(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	b := []byte(s)
	for i, c := range b {
		if c == '\r' && (i+1 == len(b) || b[i+1] != '\n') {
			b[i] = '\n'
		}
	}
	return string(b)
}

// SetSize sets the width and the number of lines the whole strip may use (title included).
func (m *Model) SetSize(width, height int) {
	if width != m.width {
		m.layoutOK = false
	}
	m.width = max(1, width)
	m.height = max(2, height)
}

// Focus gives the input the keyboard.
func (m *Model) Focus() { m.focus = true }

// Blur takes the keyboard away.
func (m *Model) Blur() { m.focus = false }

// Focused reports whether the input has the keyboard.
func (m Model) Focused() bool { return m.focus }

// SetSpans sets the colour classes, sorted by Start and not overlapping.
func (m *Model) SetSpans(spans []Span) { m.spans = spans }

// SetMarks sets the marked bytes.
func (m *Model) SetMarks(marks []Mark) { m.marks = marks }

// SetAnchor keeps byte offset i visible instead of the cursor; -1 goes back to the cursor.
func (m *Model) SetAnchor(i int) { m.anchor = i }

// SetInfo sets the counter shown in the title line.
func (m *Model) SetInfo(s string) { m.info = s }

// NeededLines returns how many lines the strip needs to show all of the text at its width,
// title and marker lines included.
func (m *Model) NeededLines() int {
	if m.value == "" {
		return 1 + max(1, len(m.placeholderLines()))
	}
	m.layout()
	n := 1 + len(m.rows)
	for r := range m.rows {
		if m.rowHasMark(r) {
			n++
		}
	}
	return n
}

// placeholderLines is the placeholder word-wrapped to the width, each entry a paragraph.
func (m *Model) placeholderLines() []string {
	var out []string
	for _, p := range m.Placeholder {
		out = append(out, common.Wrap(p, m.width)...)
	}
	return out
}

// Update handles an editing key. Other messages are ignored.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok || !m.focus {
		return m, nil
	}
	km := m.KeyMap
	switch {
	case k.Type == tea.KeyRunes && !k.Alt, k.Type == tea.KeySpace:
		m.InsertString(string(k.Runes))
	case key.Matches(k, km.Backspace):
		if m.cursor > 0 {
			_, size := utf8.DecodeLastRuneInString(m.value[:m.cursor])
			m.value = m.value[:m.cursor-size] + m.value[m.cursor:]
			m.cursor -= size
			m.layoutOK = false
		}
	case key.Matches(k, km.Delete):
		if m.cursor < len(m.value) {
			_, size := utf8.DecodeRuneInString(m.value[m.cursor:])
			m.value = m.value[:m.cursor] + m.value[m.cursor+size:]
			m.layoutOK = false
		}
	case key.Matches(k, km.Left):
		if m.cursor > 0 {
			_, size := utf8.DecodeLastRuneInString(m.value[:m.cursor])
			m.cursor -= size
		}
	case key.Matches(k, km.Right):
		if m.cursor < len(m.value) {
			_, size := utf8.DecodeRuneInString(m.value[m.cursor:])
			m.cursor += size
		}
	case key.Matches(k, km.Home):
		m.cursor = 0
	case key.Matches(k, km.End):
		m.cursor = len(m.value)
	case key.Matches(k, km.Up):
		m.moveRows(-1)
	case key.Matches(k, km.Down):
		m.moveRows(1)
	case key.Matches(k, km.Clear):
		m.value, m.cursor, m.layoutOK = "", 0, false
	case key.Matches(k, km.KillToEnd):
		m.value, m.layoutOK = m.value[:m.cursor], false
	case key.Matches(k, km.DeleteWord):
		i := wordStart(m.value, m.cursor)
		m.value = m.value[:i] + m.value[m.cursor:]
		m.cursor = i
		m.layoutOK = false
	}
	return m, nil
}

// wordStart returns where the word before i starts: spaces are skipped, then a run of
// token characters, or a single separator ('.', quote…) when that is what comes first.
func wordStart(s string, i int) int {
	for i > 0 && (s[i-1] == ' ' || s[i-1] == '\n' || s[i-1] == '\t') {
		i--
	}
	j := i
	for j > 0 && isWordByte(s[j-1]) {
		j--
	}
	if j == i && i > 0 {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		j = i - size
	}
	return j
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' ||
		b == '-' || b == '_' || b == '+' || b == '/' || b == '=' || b >= 0x80
}

// moveRows moves the cursor n rows up or down, keeping its column.
func (m *Model) moveRows(n int) {
	m.layout()
	r := m.rowOf(m.cursor)
	col := m.colOf(r, m.cursor)
	t := r + n
	if t < 0 {
		m.cursor = 0
		return
	}
	if t >= len(m.rows) {
		m.cursor = len(m.value)
		return
	}
	i, end := m.rows[t], m.rowEnd(t)
	c := 0
	for i < end {
		_, w, size := m.cell(i)
		if c+w > col {
			break
		}
		c += w
		i += size
	}
	m.cursor = i
}

// cell returns how the rune at byte offset i is drawn: its text, width and size in bytes.
func (m *Model) cell(i int) (text string, width, size int) {
	b := m.value[i]
	if b >= 0x20 && b < 0x7f {
		return m.value[i : i+1], 1, 1
	}
	r, size := utf8.DecodeRuneInString(m.value[i:])
	if size == 1 && r == utf8.RuneError {
		t := common.Escape(rune(b))
		return t, len(t), 1
	}
	t := common.Safe(string(r))
	return t, max(1, ansi.StringWidth(t)), size
}

func (m *Model) escaped(i int) bool {
	b := m.value[i]
	if b >= 0x20 && b < 0x7f {
		return false
	}
	r, size := utf8.DecodeRuneInString(m.value[i:])
	if size == 1 && r == utf8.RuneError {
		return true
	}
	return common.Safe(string(r)) != string(r)
}

// layout computes where each row starts. It is O(len) with a fast path for ASCII.
func (m *Model) layout() {
	if m.layoutOK {
		return
	}
	w := max(1, m.width)
	m.rows = append(m.rows[:0], 0)
	col := 0
	v := m.value
	for i := 0; i < len(v); {
		cw, size := 1, 1
		if b := v[i]; b < 0x20 || b >= 0x7f {
			_, cw, size = m.cell(i)
		}
		if col+cw > w && col > 0 {
			m.rows = append(m.rows, i)
			col = 0
		}
		col += cw
		i += size
	}
	if col >= w && len(v) > 0 {
		// the last row is full: the cursor after the end gets a row of its own
		m.rows = append(m.rows, len(v))
		col = 0
	}
	m.lastEndCol = col
	m.layoutOK = true
}

func (m *Model) rowEnd(r int) int {
	if r+1 < len(m.rows) {
		return m.rows[r+1]
	}
	return len(m.value)
}

// rowOf returns the row holding byte offset i (the end of the text counts as the last row,
// or a fresh row when the last is full).
func (m *Model) rowOf(i int) int {
	r := sort.Search(len(m.rows), func(k int) bool { return m.rows[k] > i }) - 1
	return max(0, r)
}

func (m *Model) colOf(r, i int) int {
	c := 0
	for j := m.rows[r]; j < i && j < len(m.value); {
		_, w, size := m.cell(j)
		c += w
		j += size
	}
	return c
}

// selectedLevel is the level of the selected mark (Error when there is none).
func (m *Model) selectedLevel() Level {
	for _, mk := range m.marks {
		if mk.Selected && mk.Level < numLevels {
			return mk.Level
		}
	}
	return Error
}

func (m *Model) markAt(i int) markState {
	st := unmarked
	for _, mk := range m.marks {
		in := i >= mk.Start && i < mk.End || mk.Start == mk.End && i == mk.Start
		if !in {
			continue
		}
		if mk.Selected {
			return selected
		}
		st = marked
	}
	return st
}

func (m *Model) rowHasMark(r int) bool {
	start, end := m.rows[r], m.rowEnd(r)
	last := r == len(m.rows)-1
	for _, mk := range m.marks {
		if !mk.Selected {
			continue // only the selected mark gets a marker line
		}
		e := mk.End
		if mk.Start == mk.End {
			e = mk.Start + 1
		}
		if mk.Start < end && e > start || last && mk.Start >= len(m.value) && mk.Start == end {
			return true
		}
	}
	return false
}

// classAt returns the colour class of byte i, walking spans from *si (spans are sorted).
func (m *Model) classAt(i int, si *int) Class {
	for *si < len(m.spans) && m.spans[*si].End <= i {
		*si++
	}
	if *si < len(m.spans) && m.spans[*si].Start <= i {
		return m.spans[*si].Class
	}
	return Plain
}

// View draws the strip: a title line with the counter, then the visible rows, each
// followed by a marker line when it holds marked bytes.
func (m Model) View() string {
	var b strings.Builder
	title := m.styles.Title
	if m.focus {
		title = m.styles.TitleFocus
	}
	head := title.Render("Token")
	if m.info != "" {
		head += " " + m.styles.Info.Render(m.info)
	}
	b.WriteString(ansi.Truncate(head, m.width, "…"))
	lines := 1
	if m.value == "" {
		for i, p := range m.placeholderLines() {
			if lines >= m.height {
				break
			}
			b.WriteByte('\n')
			if i == 0 && m.focus {
				// the cursor sits on the placeholder's first character, as in a text field
				r, size := utf8.DecodeRuneInString(p)
				b.WriteString(m.paint.cursor.S(string(r)))
				b.WriteString(m.styles.Placeholder.Render(p[size:]))
			} else {
				b.WriteString(m.styles.Placeholder.Render(p))
			}
			lines++
		}
		return b.String()
	}
	m.layout()
	top := m.visibleTop()
	var body strings.Builder
	last := top
	for r := top; r < len(m.rows) && lines < m.height; r++ {
		body.WriteByte('\n')
		hasMark := m.rowHasMark(r)
		m.drawRow(&body, r, hasMark && lines+1 < m.height)
		lines++
		if hasMark && lines < m.height {
			lines++
		}
		last = r
	}
	if top > 0 || last < len(m.rows)-1 {
		// not every row fits: say which are shown, in the title line
		b.Reset()
		b.WriteString(ansi.Truncate(head+" "+m.styles.Info.Render(fmt.Sprintf("· rows %d–%d/%d", top+1, last+1, len(m.rows))), m.width, "…"))
	}
	b.WriteString(body.String())
	return b.String()
}

// visibleTop picks the first row so that the anchor (or the cursor) is visible.
func (m *Model) visibleTop() int {
	at := m.cursor
	if m.anchor >= 0 {
		at = min(m.anchor, len(m.value))
	}
	ar := m.rowOf(at)
	if ar == len(m.rows)-1 && at == len(m.value) && m.lastEndCol >= m.width && m.anchor < 0 {
		// the cursor sits after a full last row; keep that row visible
		ar = len(m.rows) - 1
	}
	budget := m.height - 1
	// the first row from which rows up to ar still fit, walking up from ar: O(visible rows)
	lowest, used := ar, 0
	for r := ar; r >= 0; r-- {
		need := 1
		if m.rowHasMark(r) {
			need++
		}
		if used+need > budget && r < ar {
			break
		}
		used += need
		lowest = r
	}
	top := max(min(m.top, ar), lowest)
	m.top = top
	return top
}

// drawRow writes row r (and its marker line when withMarker) to b.
func (m *Model) drawRow(b *strings.Builder, r int, withMarker bool) {
	start, end := m.rows[r], m.rowEnd(r)
	var marker []byte
	lvl := m.selectedLevel()
	glyph := levelGlyph[lvl]
	si := 0
	// run batching: consecutive cells with the same paint become one painted string
	var run strings.Builder
	var cur *common.Paint
	flush := func() {
		if cur != nil && run.Len() > 0 {
			cur.W(b, run.String())
		}
		run.Reset()
	}
	for i := start; i < end; {
		text, w, size := m.cell(i)
		mk := m.markAt(i)
		var p *common.Paint
		switch {
		case m.focus && i == m.cursor:
			p = &m.paint.cursor
		case text != m.value[i:i+size] || m.escaped(i):
			p = &m.paint.escape[mk]
		default:
			p = &m.paint.cell[m.classAt(i, &si)][mk]
		}
		if p != cur {
			flush()
			cur = p
		}
		run.WriteString(text)
		if withMarker {
			ch := byte(' ')
			if mk == selected {
				ch = glyph
			}
			for k := 0; k < w; k++ {
				marker = append(marker, ch)
			}
		}
		i += size
	}
	flush()
	last := r == len(m.rows)-1
	if last {
		endMark := m.markAt(len(m.value))
		if m.focus && m.cursor == len(m.value) && m.lastEndCol < m.width {
			m.paint.cursor.W(b, " ")
		}
		if withMarker && endMark == selected && m.lastEndCol < m.width {
			marker = append(marker, glyph)
		}
	}
	if withMarker {
		b.WriteByte('\n')
		b.WriteString(m.paint.marker[lvl].S(strings.TrimRight(string(marker), " ")))
	}
}
