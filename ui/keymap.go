package ui

import (
	"github.com/charmbracelet/bubbles/key"

	"jwtlens/ui/tokeninput"
)

// KeyMap is every key of the screen. It implements help.KeyMap; bindings that do not apply
// in the current state are disabled (see update), so the help shows only what works.
type KeyMap struct {
	Quit      key.Binding // q, outside the token input
	ForceQuit key.Binding // ctrl+c, everywhere
	Next      key.Binding
	Prev      key.Binding
	Leave     key.Binding // esc: leave the token input
	Edit      key.Binding // back to the token input
	Open      key.Binding // enter on a finding: go to its pane
	Help      key.Binding
	ChooseKey key.Binding // open the key chooser (when one is wired)
	Explain   key.Binding // toggle the explain pane (when one is wired)
	Paste     key.Binding // paste from the system clipboard
	Copy      key.Binding // copy what has the focus (token, header, payload, findings)
	CopyPane  key.Binding // the same, as a bare letter outside the token input
	Scroll    key.Binding // help only: the pane keys of bubbles/viewport
	Select    key.Binding // help only: moving through the findings

	Input tokeninput.KeyMap
}

// NewKeyMap returns the key map.
func NewKeyMap() KeyMap {
	return KeyMap{
		Quit:      key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		ForceQuit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Next:      key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next")),
		Prev:      key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous area")),
		Leave:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "leave")),
		Edit:      key.NewBinding(key.WithKeys("i", "/"), key.WithHelp("i", "edit token")),
		Open:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "show pane")),
		Help:      key.NewBinding(key.WithKeys("?", "f1"), key.WithHelp("?/f1", "help")),
		ChooseKey: key.NewBinding(key.WithKeys("ctrl+o", "o"), key.WithHelp("ctrl+o", "key")),
		Explain:   key.NewBinding(key.WithKeys("ctrl+t", "e"), key.WithHelp("ctrl+t", "explain")),
		Paste:     key.NewBinding(key.WithKeys("ctrl+v"), key.WithHelp("ctrl+v", "paste clipboard")),
		Copy:      key.NewBinding(key.WithKeys("ctrl+y"), key.WithHelp("ctrl+y/y", "copy this")),
		CopyPane:  key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy this")),
		Scroll:    key.NewBinding(key.WithKeys("up", "down", "pgup", "pgdown"), key.WithHelp("↑↓ pgup/pgdn", "scroll")),
		Select:    key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "select")),
		Input:     tokeninput.DefaultKeyMap(),
	}
}

// update enables the bindings that apply to the focus f.
func (k *KeyMap) update(f Focus, chooser, explain bool) {
	in := f == FocusInput
	k.Quit.SetEnabled(!in)
	k.Leave.SetEnabled(in)
	k.Edit.SetEnabled(!in)
	k.Open.SetEnabled(f == FocusFindings)
	k.Select.SetEnabled(f == FocusFindings)
	k.Scroll.SetEnabled(f.pane() >= 0)
	k.ChooseKey.SetEnabled(chooser)
	k.Explain.SetEnabled(explain)
	k.CopyPane.SetEnabled(!in)
	k.Input.SetEnabled(in)
	// In the token, ? and the bare letters are typed into it: the help names only the keys
	// that work there.
	if in {
		k.Help.SetHelp("f1", "help")
		k.ChooseKey.SetHelp("ctrl+o", "key")
		k.Explain.SetHelp("ctrl+t", "explain")
		k.Copy.SetHelp("ctrl+y", "copy token")
	} else {
		k.Copy.SetHelp("y/ctrl+y", "copy this")
		k.Help.SetHelp("?/f1", "help")
		k.ChooseKey.SetHelp("o/ctrl+o", "key")
		k.Explain.SetHelp("e/ctrl+t", "explain")
	}
}

// ShortHelp implements help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.ForceQuit, k.Quit, k.Help, k.Leave, k.Next, k.Select, k.Open, k.Scroll, k.Edit,
		k.ChooseKey, k.Explain, k.Input.Clear}
}

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Next, k.Prev, k.Leave, k.Edit, k.Help},
		{k.Input.Left, k.Input.Up, k.Input.Home, k.Input.Backspace, k.Input.Delete},
		{k.Input.Clear, k.Input.DeleteWord, k.Input.KillToEnd},
		{k.Select, k.Open, k.Scroll},
		{k.ChooseKey, k.Explain, k.Paste, k.Copy, k.ForceQuit, k.Quit},
	}
}
