package chooser

import (
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"jwtlens/inspect"
	"jwtlens/keys"
)

// KeyChosenMsg says the person chose a key set to verify the token with.
type KeyChosenMsg struct {
	Set keys.Set
}

// ClosedMsg says the person left the chooser (its state is kept for next time).
type ClosedMsg struct{}

// Config sets up a chooser. Zero fields take the defaults.
type Config struct {
	Dir     string                        // the folder listed first; the working directory when ""
	MaxFile int64                         // the largest key file read; DefaultMaxFile when 0
	Read    func([]byte, string) keys.Set // reads key material; keys.Read when nil
	Secret  func([]byte, string) keys.Set // reads an HMAC secret; keys.Secret when nil
}

// focus is the area of the chooser that has the keyboard.
type focus int

const (
	focusList focus = iota
	focusField
	focusUsed
)

// Model is the key chooser.
type Model struct {
	KeyMap KeyMap
	Styles Styles

	load          loader
	width, height int
	focus         focus

	// the directory list
	start   string // the folder first listed
	dir     string
	entries []entry
	cursor  int
	offset  int
	dirID   int
	dirErr  error

	// the field
	field  []rune
	reveal bool
	// burst tells an unbracketed paste (keys arriving faster than anyone types) from
	// typing: it is on from a typed key until a burstMsg with the latest burstSeq arrives.
	burst    bool
	burstSeq int

	// the last load
	loadID  int
	loading bool
	loaded  *keys.Set
	loadErr error
	what    string

	// the keys used in this run, and which of them the token is verified with
	used       []keys.Set
	usedCursor int
	active     int // index into used, -1 for none

	// what the root said about the chosen key and the token
	verification inspect.Verification
	keyFindings  []inspect.Finding
	haveResult   bool
}

// New returns a chooser; Init lists its folder.
func New(cfg Config) Model {
	dir := cfg.Dir
	if dir == "" {
		dir, _ = os.Getwd()
	}
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	l := loader{read: cfg.Read, secret: cfg.Secret, maxFile: cfg.MaxFile}
	if l.read == nil {
		l.read = keys.Read
	}
	if l.secret == nil {
		l.secret = keys.Secret
	}
	if l.maxFile <= 0 {
		l.maxFile = DefaultMaxFile
	}
	m := Model{KeyMap: DefaultKeyMap(), Styles: DefaultStyles(), load: l, start: dir, dir: dir, active: -1}
	m.updateKeys()
	return m
}

// SetSize sets the area the chooser draws in.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.clampList()
}

// Init lists the starting folder.
func (m Model) Init() tea.Cmd { return m.listDir(m.dir) }

// Dir returns the folder listed.
func (m Model) Dir() string { return m.dir }

// IsTyping reports whether the field has the keyboard (the root keeps its own letter
// shortcuts away then).
func (m Model) IsTyping() bool { return m.focus == focusField }

// Used returns the key sets used in this run, oldest first.
func (m Model) Used() []keys.Set { return m.used }

// SetResult gives the chooser the report verified with the chosen key, so it can show the
// verdict and the key's findings for this token (wrong family, kid not in the set…).
func (m *Model) SetResult(r *inspect.Report) {
	m.haveResult = r != nil
	if r == nil {
		return
	}
	m.verification = r.Verification
	m.keyFindings = m.keyFindings[:0]
	for _, f := range r.Findings {
		if f.Part == inspect.PartKey {
			m.keyFindings = append(m.keyFindings, f)
		}
	}
}

// AddUsed records a key set given on the command line (--key, --secret), so it can be
// switched back to; the last one added is the active one.
func (m *Model) AddUsed(s keys.Set) {
	m.used = append(m.used, s)
	m.active = len(m.used) - 1
	m.usedCursor = m.active
	m.updateKeys()
}

func (m Model) listDir(dir string) tea.Cmd {
	id := m.dirID
	return func() tea.Msg { return readDir(id, dir) }
}

// Update handles keys, pastes and the results of the chooser's own commands. The root
// must route every message here, not only while the chooser is shown, so a load that
// finishes after Esc still lands.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case dirMsg:
		if msg.id != m.dirID {
			return m, nil
		}
		m.dirErr = msg.err
		if msg.err == nil {
			m.dir, m.entries = msg.dir, msg.entries
			m.cursor, m.offset = 0, 0
		}
		m.updateKeys()
	case loadedMsg:
		return m.handleLoaded(msg)
	case burstMsg:
		if msg.id != m.burstSeq {
			return m, burstTick(m.burstSeq) // keys came since: the burst goes on
		}
		m.burst = false
	case tea.KeyMsg:
		return m.key(msg)
	}
	return m, nil
}

// handleLoaded takes the result of a load, dropping a stale one.
func (m Model) handleLoaded(msg loadedMsg) (Model, tea.Cmd) {
	if msg.id != m.loadID {
		return m, nil
	}
	m.loading = false
	if msg.dir != "" {
		m.field = m.field[:0]
		return m, m.goTo(msg.dir)
	}
	m.loadErr, m.what, m.haveResult = msg.err, msg.what, false
	if msg.err != nil {
		m.loaded = nil
		return m, nil
	}
	set := msg.set
	m.loaded = &set
	if len(set.Keys) == 0 {
		return m, nil
	}
	if i := m.sameAsUsed(set); i >= 0 {
		m.used = append(m.used[:i], m.used[i+1:]...) // the same key again: moved last, not listed twice
	}
	m.used = append(m.used, set)
	m.active = len(m.used) - 1
	m.usedCursor = m.active
	m.updateKeys()
	return m, chosen(set)
}

// sameAsUsed returns the index of a used set with the same source and the same keys
// (by fingerprint, or secret bytes), or -1.
func (m Model) sameAsUsed(set keys.Set) int {
	for i, u := range m.used {
		if u.Source != set.Source || len(u.Keys) != len(set.Keys) {
			continue
		}
		same := true
		for j, k := range u.Keys {
			o := set.Keys[j]
			if k.Fingerprint != o.Fingerprint || k.KID != o.KID || string(k.Secret) != string(o.Secret) || k.Family != o.Family {
				same = false
				break
			}
		}
		if same {
			return i
		}
	}
	return -1
}

func chosen(s keys.Set) tea.Cmd { return func() tea.Msg { return KeyChosenMsg{Set: s} } }

// goTo lists dir, dropping any listing still under way.
func (m *Model) goTo(dir string) tea.Cmd {
	m.dirID++
	return m.listDir(dir)
}

// startLoad reads the field (or a file of the list) off the UI thread.
func (m *Model) startLoad(f func(l loader, id int) loadedMsg) tea.Cmd {
	m.loadID++
	m.loading = true
	id, l := m.loadID, m.load
	return func() tea.Msg { return f(l, id) }
}

func (m Model) key(msg tea.KeyMsg) (Model, tea.Cmd) {
	k := m.KeyMap
	switch {
	case key.Matches(msg, k.Close):
		return m, func() tea.Msg { return ClosedMsg{} }
	case msg.Paste:
		// A paste anywhere goes to the field, its line breaks as LF (terminals send CR).
		m.focus = focusField
		m.field = append(m.field, []rune(pasteText(string(msg.Runes)))...)
		m.updateKeys()
		return m, nil
	case msg.Type == tea.KeyRunes && m.focus != focusField:
		// Typing anywhere goes to the field.
		m.focus = focusField
		m.field = append(m.field, msg.Runes...)
		m.updateKeys()
		return m, m.keyArrived()
	case key.Matches(msg, k.Next):
		m.focus = (m.focus + 1) % 3
		if m.focus == focusUsed && len(m.used) == 0 {
			m.focus = focusList
		}
		m.updateKeys()
		return m, nil
	case key.Matches(msg, k.Prev):
		m.focus = (m.focus + 2) % 3
		if m.focus == focusUsed && len(m.used) == 0 {
			m.focus = focusField
		}
		m.updateKeys()
		return m, nil
	case key.Matches(msg, k.Reveal):
		m.reveal = !m.reveal
		return m, nil
	case key.Matches(msg, k.Clear):
		m.field, m.loadErr = m.field[:0], nil
		m.updateKeys()
		return m, nil
	case key.Matches(msg, k.AsSecret):
		if len(m.field) == 0 {
			return m, nil
		}
		input, dir := string(m.field), m.dir
		return m, m.startLoad(func(l loader, id int) loadedMsg { return l.loadInput(id, input, dir, true) })
	}
	switch m.focus {
	case focusField:
		return m.fieldKey(msg)
	case focusUsed:
		return m.usedKey(msg)
	}
	return m.listKey(msg)
}

func (m Model) fieldKey(msg tea.KeyMsg) (Model, tea.Cmd) {
	switch {
	case msg.Type == tea.KeyCtrlJ,
		key.Matches(msg, m.KeyMap.Open) && (m.burst || unfinished(string(m.field))):
		// A line feed, or an enter inside a burst of keys (a paste the terminal sent as
		// keystrokes) or inside an unfinished PEM block or JSON object: a line break.
		m.field = append(m.field, '\n')
		m.updateKeys()
		return m, m.keyArrived()
	case key.Matches(msg, m.KeyMap.Open):
		if len(m.field) == 0 {
			return m, nil
		}
		input, dir := string(m.field), m.dir
		return m, m.startLoad(func(l loader, id int) loadedMsg { return l.loadInput(id, input, dir, false) })
	case msg.Type == tea.KeyRunes:
		m.field = append(m.field, msg.Runes...)
		m.updateKeys()
		return m, m.keyArrived()
	case msg.Type == tea.KeyBackspace:
		if n := len(m.field); n > 0 {
			m.field = m.field[:n-1]
		}
	case msg.Type == tea.KeySpace:
		m.field = append(m.field, ' ')
		m.updateKeys()
		return m, m.keyArrived()
	case key.Matches(msg, m.KeyMap.Up):
		m.focus = focusList
	case key.Matches(msg, m.KeyMap.Down) && len(m.used) > 0:
		m.focus = focusUsed
	}
	m.updateKeys()
	return m, nil
}

func (m Model) usedKey(msg tea.KeyMsg) (Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.KeyMap.Up):
		if m.usedCursor > 0 {
			m.usedCursor--
		} else {
			m.focus = focusField
		}
	case key.Matches(msg, m.KeyMap.Down):
		if m.usedCursor < len(m.used)-1 {
			m.usedCursor++
		}
	case key.Matches(msg, m.KeyMap.Open):
		if m.usedCursor < len(m.used) {
			m.active = m.usedCursor
			set := m.used[m.active]
			m.loaded, m.loadErr, m.what, m.haveResult = &set, nil, set.Source, false
			m.loadID++ // a load still under way would now be stale
			m.loading = false
			return m, chosen(set)
		}
	}
	m.updateKeys()
	return m, nil
}

func (m Model) listKey(msg tea.KeyMsg) (Model, tea.Cmd) {
	k := m.KeyMap
	switch {
	case key.Matches(msg, k.Up):
		m.cursor--
	case key.Matches(msg, k.Down):
		if m.cursor == len(m.entries)-1 || len(m.entries) == 0 {
			m.focus = focusField
		} else {
			m.cursor++
		}
	case key.Matches(msg, k.PageUp):
		m.cursor -= max(m.listHeight()-1, 1)
	case key.Matches(msg, k.PageDown):
		m.cursor += max(m.listHeight()-1, 1)
	case key.Matches(msg, k.Parent):
		m.clampList()
		return m, m.goTo(filepath.Dir(m.dir))
	case key.Matches(msg, k.Open):
		if m.cursor < 0 || m.cursor >= len(m.entries) {
			return m, nil
		}
		e := m.entries[m.cursor]
		path := filepath.Join(m.dir, e.name)
		if e.dir {
			return m, m.goTo(filepath.Clean(path))
		}
		return m, m.startLoad(func(l loader, id int) loadedMsg { return l.loadFile(id, path) })
	}
	m.clampList()
	m.updateKeys()
	return m, nil
}

// burstWindow is how soon after a key the next must come for both to be one burst: far
// quicker than anyone types, far slower than a terminal sends a paste.
const burstWindow = 25 * time.Millisecond

// burstMsg ends a burst of keys unless more keys came after the one that started it.
type burstMsg struct{ id int }

func burstTick(id int) tea.Cmd {
	return tea.Tick(burstWindow, func(time.Time) tea.Msg { return burstMsg{id: id} })
}

// keyArrived notes a key typed into the field; the first of a burst starts the one tick
// that watches it (a burst of thousands of keys still has one tick under way).
func (m *Model) keyArrived() tea.Cmd {
	m.loadErr = nil // the field changed: the last load's error is old news
	m.burstSeq++
	if m.burst {
		return nil
	}
	m.burst = true
	return burstTick(m.burstSeq)
}

// pasteText is pasted text with its line breaks as LF: terminals send a paste's line
// breaks as CR.
func pasteText(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// unfinished reports whether s is a PEM block begun and not ended, or a JSON object not
// closed: an enter there is a line break of the paste, not the end of it.
func unfinished(s string) bool {
	if i := strings.LastIndex(s, "-----BEGIN"); i >= 0 {
		return !strings.Contains(s[i:], "-----END")
	}
	t := strings.TrimSpace(s)
	if !strings.HasPrefix(t, "{") {
		return false
	}
	depth, inStr, esc := 0, false, false
	for _, r := range t {
		switch {
		case esc:
			esc = false
		case inStr && r == '\\':
			esc = true
		case r == '"':
			inStr = !inStr
		case inStr:
		case r == '{' || r == '[':
			depth++
		case r == '}' || r == ']':
			depth--
		}
	}
	return depth > 0
}

// clampList keeps the cursor on an entry and in view.
func (m *Model) clampList() {
	m.cursor = min(max(m.cursor, 0), max(len(m.entries)-1, 0))
	h := max(m.listHeight(), 1)
	if m.cursor < m.offset {
		m.offset = m.cursor
	}
	if m.cursor >= m.offset+h {
		m.offset = m.cursor - h + 1
	}
	m.offset = max(min(m.offset, len(m.entries)-h), 0)
}

// updateKeys enables the bindings that do something now, so the help shows only those.
func (m *Model) updateKeys() {
	k := &m.KeyMap
	inList := m.focus == focusList
	k.Parent.SetEnabled(inList)
	k.PageUp.SetEnabled(inList)
	k.PageDown.SetEnabled(inList)
	k.Reveal.SetEnabled(len(m.field) > 0)
	k.AsSecret.SetEnabled(len(m.field) > 0)
	k.Clear.SetEnabled(len(m.field) > 0)
	k.Prev.SetEnabled(true)
	m.clampList() // the list's height follows the field (its hint line comes and goes)
}

// Owns reports whether msg is one of the chooser's own results (a folder listing, a key
// load). A root routes those to the chooser even while it is closed, so a load that
// finishes after Esc is not lost.
func Owns(msg tea.Msg) bool {
	switch msg.(type) {
	case dirMsg, loadedMsg, burstMsg:
		return true
	}
	return false
}
