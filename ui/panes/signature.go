package panes

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"jwtlens/inspect"
	"jwtlens/keys"
	"jwtlens/ui/common"
)

// row is one label/value line of the signature pane.
func row(p *paints, label, value string) string {
	return p.label.S(fmt.Sprintf("%-10s", label)) + " " + value
}

// labelWidth is the width of the label column of row, the space included.
const labelWidth = 11

// wrapRows word-wraps the value of each label/value row to width, continuation lines
// indented under the value column, so prose never breaks inside a word.
func wrapRows(c content, width int) content {
	room := width - labelWidth
	if room < 12 {
		return c
	}
	var out []string
	for _, l := range c.lines {
		if ansi.StringWidth(l) <= width {
			out = append(out, l)
			continue
		}
		head := ansi.Truncate(l, labelWidth, "")
		rest := ansi.TruncateLeft(l, labelWidth, "")
		for i, part := range common.Wrap(rest, room) {
			if i == 0 {
				out = append(out, head+part)
			} else {
				out = append(out, strings.Repeat(" ", labelWidth)+part)
			}
		}
	}
	c.lines = out
	return c
}

// renderSignature describes the signature: whether it verified, then alg, length against
// what the alg needs and the bytes, then the detail and the key it was checked with.
func renderSignature(p *paints, r *inspect.Report, seg *inspect.Segment, width int) content {
	var c content
	add := func(s string) { c.lines = append(c.lines, s) }
	sig := r.Signature
	alg := common.Safe(sig.Alg)
	if alg == "" {
		alg = p.dim.S("(none named)")
	} else {
		alg = p.value.S(alg)
	}
	v := r.Verification
	var status string
	switch v.Status {
	case inspect.Verified:
		status = p.note.S("✓ verified")
	case inspect.Invalid:
		status = p.noteBad.S("✗ invalid: does not verify")
	case inspect.CannotCheck:
		status = p.noteBad.S("! cannot check")
	default:
		status = p.dim.S("• not checked: no key given")
	}
	add(row(p, "status", status)) // first: at 80×24 the pane may show only a few rows
	add(row(p, "alg", alg))
	switch {
	case seg == nil:
		add(row(p, "length", p.noteBad.S("✗ missing: the token ends before the signature")))
	case !seg.Decoded:
		add(row(p, "length", p.noteBad.S(fmt.Sprintf("✗ %d characters that are not base64url", len(seg.Text)))))
	case sig.ExpectedBytes > 0 && sig.Bytes != sig.ExpectedBytes:
		add(row(p, "length", p.noteBad.S(fmt.Sprintf("✗ %d bytes, %s needs %d", sig.Bytes, common.Safe(sig.Alg), sig.ExpectedBytes))))
	case sig.ExpectedBytes > 0:
		add(row(p, "length", p.value.S(fmt.Sprintf("%d bytes", sig.Bytes))+p.dim.S(fmt.Sprintf(" (as %s needs)", common.Safe(sig.Alg)))))
	default:
		add(row(p, "length", p.value.S(fmt.Sprintf("%d bytes", len(seg.Bytes)))))
	}
	if seg != nil && len(seg.Bytes) > 0 {
		add(row(p, "bytes", p.value.S(shortHex(seg.Bytes, max(12, width-11)))))
	}
	add("")
	if v.Detail != "" && v.Status != inspect.NotChecked {
		add(row(p, "detail", common.SafePaint(v.Detail, p.value, p.esc)))
	}
	if k := v.Key; k != nil {
		add("")
		c.lines = append(c.lines, keyRows(p, k, width-labelWidth)...)
	}
	return wrapRows(c, width)
}

// keyRows describes a key: family and size or curve, kid, fingerprint, where it came from
// (a long path shortened in its middle to room, the format on a row of its own when the
// two do not fit together).
func keyRows(p *paints, k *keys.Key, room int) []string {
	desc := string(k.Family)
	switch {
	case k.Curve != "":
		desc += " " + k.Curve
	case k.Bits > 0:
		desc += fmt.Sprintf(" %d-bit", k.Bits)
	}
	if k.Private {
		desc += " (public half of a private key)"
	}
	out := []string{row(p, "key", p.value.S(desc))}
	if k.KID != "" {
		out = append(out, row(p, "kid", common.SafePaint(k.KID, p.value, p.esc)))
	}
	if k.Fingerprint != "" {
		fp := common.Safe(k.Fingerprint)
		if len(fp) > 24 {
			fp = fp[:16] + "…" + fp[len(fp)-6:]
		}
		out = append(out, row(p, "sha256", p.value.S(fp)))
	}
	src := common.ShortenMiddle(common.Safe(k.Source), max(12, room))
	format := ""
	if k.Format != "" {
		format = "(" + common.Safe(k.Format) + ")"
	}
	switch {
	case src != "" && format != "" && ansi.StringWidth(src)+1+ansi.StringWidth(format) > room:
		out = append(out, row(p, "source", p.value.S(src)), row(p, "format", p.dim.S(format)))
	case src != "" && format != "":
		out = append(out, row(p, "source", p.value.S(src)+" "+p.dim.S(format)))
	case src != "":
		out = append(out, row(p, "source", p.value.S(src)))
	case format != "":
		out = append(out, row(p, "format", p.dim.S(format)))
	}
	if ci := k.Certificate; ci != nil {
		out = append(out, row(p, "cert", common.SafePaint(ci.Subject, p.value, p.esc)))
		out = append(out, row(p, "valid", p.value.S(ci.NotBefore.UTC().Format("2006-01-02")+" – "+ci.NotAfter.UTC().Format("2006-01-02"))))
	}
	return out
}

// renderJWEParts lists the lengths of a JWE's parts in place of its payload.
func renderJWEParts(p *paints, r *inspect.Report) content {
	var c content
	c.lines = append(c.lines, p.value.S("encrypted: the payload needs the decryption key"), "")
	names := map[inspect.Part]string{inspect.PartEncryptedKey: "enc. key", inspect.PartIV: "iv",
		inspect.PartCiphertext: "ciphertext", inspect.PartTag: "tag"}
	for _, s := range r.Segments {
		n, ok := names[s.Part]
		if !ok {
			continue
		}
		c.lines = append(c.lines, row(p, n, p.value.S(fmt.Sprintf("%d bytes", len(s.Bytes)))+p.dim.S(fmt.Sprintf(" (%d chars)", len(s.Text)))))
	}
	if enc, ok := r.Header.Get("enc").String(); ok {
		c.lines = append(c.lines, "", row(p, "enc", common.SafePaint(enc, p.value, p.esc)))
	}
	return c
}

// renderJWESignature explains that a JWE has no signature.
func renderJWESignature(p *paints, r *inspect.Report) content {
	var c content
	tag := 0
	for _, s := range r.Segments {
		if s.Part == inspect.PartTag {
			tag = len(s.Bytes)
		}
	}
	alg := ""
	if a, ok := r.Header.Get("alg").String(); ok {
		alg = a
	}
	c.lines = append(c.lines,
		row(p, "alg", common.SafePaint(alg, p.value, p.esc)),
		"",
		p.value.S("a JWE has no signature;"),
		p.value.S(fmt.Sprintf("its integrity is the %d-byte", tag)),
		p.value.S("authentication tag, checked on"),
		p.value.S("decryption."))
	return c
}

// message is a content of plain sentences.
func message(p *paints, lines ...string) content {
	var c content
	for _, l := range lines {
		c.lines = append(c.lines, p.dim.S(l))
	}
	return c
}

func joinLines(c content) string { return strings.Join(c.lines, "\n") }
