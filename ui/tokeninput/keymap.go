package tokeninput

import "github.com/charmbracelet/bubbles/key"

// KeyMap holds the editing keys of the token input.
type KeyMap struct {
	Left, Right, Up, Down key.Binding
	Home, End             key.Binding
	Backspace, Delete     key.Binding
	Clear, DeleteWord     key.Binding
	KillToEnd             key.Binding
}

// DefaultKeyMap returns the editing keys: arrows, home/end, backspace/delete, ctrl+u to
// clear, ctrl+w to delete the word before the cursor, ctrl+k to delete to the end.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Left:       key.NewBinding(key.WithKeys("left", "ctrl+b"), key.WithHelp("←/→", "move")),
		Right:      key.NewBinding(key.WithKeys("right", "ctrl+f"), key.WithHelp("→", "right")),
		Up:         key.NewBinding(key.WithKeys("up"), key.WithHelp("↑/↓", "row up/down")),
		Down:       key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", "row down")),
		Home:       key.NewBinding(key.WithKeys("home", "ctrl+a"), key.WithHelp("home/end", "start/end")),
		End:        key.NewBinding(key.WithKeys("end", "ctrl+e"), key.WithHelp("end", "end")),
		Backspace:  key.NewBinding(key.WithKeys("backspace", "ctrl+h"), key.WithHelp("bksp", "delete left")),
		Delete:     key.NewBinding(key.WithKeys("delete", "ctrl+d"), key.WithHelp("del", "delete right")),
		Clear:      key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "clear")),
		DeleteWord: key.NewBinding(key.WithKeys("ctrl+w", "alt+backspace"), key.WithHelp("ctrl+w", "delete word")),
		KillToEnd:  key.NewBinding(key.WithKeys("ctrl+k"), key.WithHelp("ctrl+k", "delete to end")),
	}
}

// SetEnabled enables or disables every editing key, so the help follows the focus.
func (k *KeyMap) SetEnabled(on bool) {
	for _, b := range []*key.Binding{&k.Left, &k.Right, &k.Up, &k.Down, &k.Home, &k.End,
		&k.Backspace, &k.Delete, &k.Clear, &k.DeleteWord, &k.KillToEnd} {
		b.SetEnabled(on)
	}
}

// ShortHelp implements help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Clear, k.DeleteWord}
}

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Left, k.Up, k.Home}, {k.Backspace, k.Delete, k.Clear, k.DeleteWord, k.KillToEnd}}
}
