package panes

import (
	"github.com/charmbracelet/lipgloss"

	"jwtlens/ui/common"
)

// Styles are the looks of the panes, filled in by ui.NewStyles.
type Styles struct {
	// Part colours, in the jwt.io mapping: header, payload, signature.
	Header, Payload, Signature lipgloss.Style
	Border, BorderFocus        lipgloss.Style // the frame lines
	Title                      lipgloss.Style
	BadgeGood, BadgeWarn       lipgloss.Style
	BadgeBad, BadgeNeutral     lipgloss.Style
	Key, String, Number        lipgloss.Style // JSON syntax
	Literal, Punct             lipgloss.Style
	Note, NoteBad              lipgloss.Style // claim annotations
	Label, Value, Dim          lipgloss.Style // label/value rows
	Escape                     lipgloss.Style
	Tab, TabActive             lipgloss.Style
}

type paints struct {
	key, str, num, lit, punct, note, noteBad, label, value, dim, esc common.Paint
	border, borderFocus                                              common.Paint
}

func newPaints(s Styles) paints {
	return paints{
		key: common.NewPaint(s.Key), str: common.NewPaint(s.String), num: common.NewPaint(s.Number),
		lit: common.NewPaint(s.Literal), punct: common.NewPaint(s.Punct), note: common.NewPaint(s.Note),
		noteBad: common.NewPaint(s.NoteBad), label: common.NewPaint(s.Label), value: common.NewPaint(s.Value),
		dim: common.NewPaint(s.Dim), esc: common.EscapePaint(s.Escape),
		border: common.NewPaint(s.Border), borderFocus: common.NewPaint(s.BorderFocus),
	}
}
