package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// fullHelpView lays out every enabled binding of km as "key  description" entries in as
// many columns as fit width, filled column by column, so the whole help fits narrow
// screens too (bubbles/help puts the groups side by side and cuts what does not fit).
// It returns the block and its height in lines.
func fullHelpView(km help.KeyMap, width int, keySt, descSt lipgloss.Style) string {
	var ks, ds []string
	seen := map[string]bool{}
	for _, group := range km.FullHelp() {
		for _, b := range group {
			h := b.Help()
			if !b.Enabled() || h.Key == "" || seen[h.Key+h.Desc] {
				continue
			}
			seen[h.Key+h.Desc] = true
			ks, ds = append(ks, h.Key), append(ds, h.Desc)
		}
	}
	if len(ks) == 0 {
		return ""
	}
	keyW, entryW := 0, 0
	for i := range ks {
		keyW = max(keyW, ansi.StringWidth(ks[i]))
	}
	for i := range ds {
		entryW = max(entryW, keyW+2+ansi.StringWidth(ds[i]))
	}
	const gap = 3
	cols := max(1, (width+gap)/(entryW+gap))
	rows := (len(ks) + cols - 1) / cols
	cols = (len(ks) + rows - 1) / rows // as few columns as the rows need
	lines := make([]string, rows)
	for c := 0; c < cols; c++ {
		for r := 0; r < rows; r++ {
			i := c*rows + r
			if i >= len(ks) {
				break
			}
			entry := keySt.Render(padRight(ks[i], keyW)) + "  " + descSt.Render(ds[i])
			if c > 0 {
				lines[r] += strings.Repeat(" ", gap)
			}
			if c < cols-1 {
				entry += strings.Repeat(" ", max(0, entryW-keyW-2-ansi.StringWidth(ds[i])))
			}
			lines[r] += entry
		}
	}
	for i := range lines {
		lines[i] = ansi.Truncate(lines[i], width, "…")
	}
	return strings.Join(lines, "\n")
}

func padRight(s string, w int) string {
	if n := ansi.StringWidth(s); n < w {
		return s + strings.Repeat(" ", w-n)
	}
	return s
}

// helpKeyMap is the key map the help shows: an open overlay's own, else the screen's.
func (m Model) helpKeyMap() help.KeyMap {
	if _, km := m.extrasHelp(); km != nil {
		return km
	}
	return m.keys
}

// fullHelpBox is the full help as drawn in the centre of the screen, titled.
func (m Model) fullHelpBox(width int) string {
	title := m.styles.Help.Bold(true).Render("Keys") + m.styles.Help.Render(" — "+m.keys.Help.Help().Key+" or esc closes this")
	return title + "\n" + fullHelpView(m.helpKeyMap(), width, m.help.Styles.FullKey, m.help.Styles.FullDesc)
}
