package panes

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"jwtlens/ui/common"
)

// maxDump is how many bytes a dump shows before it says how many more there are.
const maxDump = 4096

// renderDump shows bytes that are not JSON: as text when they are UTF-8 text, else as a
// hex dump with offsets and a printable column, perRow bytes a row.
func renderDump(p *paints, b []byte, perRow int) content {
	var c content
	shown := b
	if len(shown) > maxDump {
		shown = shown[:maxDump]
	}
	if isText(b) {
		c.lines = append(c.lines, p.dim.S(fmt.Sprintf("%d bytes of text, not a JSON object (see the findings):", len(b))))
		for _, ln := range strings.Split(string(shown), "\n") {
			c.lines = append(c.lines, common.SafePaint(ln, p.value, p.esc))
		}
	} else {
		c.lines = append(c.lines, p.dim.S(fmt.Sprintf("binary, %d bytes:", len(b))))
		c.lines = append(c.lines, hexRows(p, shown, perRow)...)
	}
	if len(b) > maxDump {
		c.lines = append(c.lines, p.dim.S(fmt.Sprintf("… %d more bytes", len(b)-maxDump)))
	}
	return c
}

func isText(b []byte) bool {
	if !utf8.Valid(b) {
		return false
	}
	bad := 0
	for _, r := range string(b) {
		if r < 0x20 && r != '\n' && r != '\t' && r != '\r' {
			bad++
		}
	}
	return bad*20 <= len(b)
}

func hexRows(p *paints, b []byte, perRow int) []string {
	perRow = max(4, perRow)
	var out []string
	for off := 0; off < len(b); off += perRow {
		row := b[off:min(off+perRow, len(b))]
		var hx, tx strings.Builder
		for i := 0; i < perRow; i++ {
			if i < len(row) {
				fmt.Fprintf(&hx, "%02x ", row[i])
				if row[i] >= 0x20 && row[i] < 0x7f {
					tx.WriteByte(row[i])
				} else {
					tx.WriteByte('.')
				}
			} else {
				hx.WriteString("   ")
			}
		}
		out = append(out, p.dim.S(fmt.Sprintf("%04x ", off))+p.value.S(hx.String())+p.dim.S(tx.String()))
	}
	return out
}

// shortHex shows b as hex, the first and last few bytes when it is long.
func shortHex(b []byte, room int) string {
	full := len(b)*3 - 1
	if len(b) == 0 {
		return ""
	}
	if full <= room {
		return spacedHex(b)
	}
	n := max(2, (room-2)/6)
	if 2*n >= len(b) {
		return spacedHex(b)
	}
	return spacedHex(b[:n]) + " … " + spacedHex(b[len(b)-n:])
}

func spacedHex(b []byte) string {
	var s strings.Builder
	for i, c := range b {
		if i > 0 {
			s.WriteByte(' ')
		}
		fmt.Fprintf(&s, "%02x", c)
	}
	return s.String()
}
