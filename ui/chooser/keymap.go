package chooser

import "github.com/charmbracelet/bubbles/key"

// KeyMap is the chooser's key map. No binding is a bare letter: letters go to the field.
type KeyMap struct {
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Open     key.Binding // open a directory, load a file or the field, switch to a used key
	Parent   key.Binding // the list: go to the parent directory
	Next     key.Binding // move the focus: list → field → keys used
	Prev     key.Binding
	Reveal   key.Binding // show or hide what the field holds
	AsSecret key.Binding // use the field as an HMAC secret, whatever it looks like
	Clear    key.Binding // empty the field
	Close    key.Binding
}

// DefaultKeyMap returns the chooser's bindings.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:       key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("↑", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "ctrl+n"), key.WithHelp("↓", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "use")),
		Parent:   key.NewBinding(key.WithKeys("left", "backspace"), key.WithHelp("←", "parent folder")),
		Next:     key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next area")),
		Prev:     key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous area")),
		Reveal:   key.NewBinding(key.WithKeys("ctrl+r"), key.WithHelp("ctrl+r", "show/hide")),
		AsSecret: key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "use as secret")),
		Clear:    key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "clear")),
		Close:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back to the token")),
	}
}

// ShortHelp implements help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Open, k.Next, k.Parent, k.Reveal, k.AsSecret, k.Close}
}

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown},
		{k.Open, k.Parent, k.Next, k.Prev},
		{k.Reveal, k.AsSecret, k.Clear, k.Close},
	}
}
