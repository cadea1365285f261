package explain

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"jwtlens/inspect"
	"jwtlens/ui/common"
)

// MinWidth is the narrowest width Render lays out for; narrower widths are treated as it.
const MinWidth = 40

// Render returns explain mode's text for r, judged at now, laid out for width columns.
// Every string that comes from the token passes through inspect.Sanitize.
func Render(r *inspect.Report, now time.Time, width int) string {
	return DefaultStyles().Render(r, now, width)
}

// Render is Render with these styles.
func (s Styles) Render(r *inspect.Report, now time.Time, width int) string {
	if width < MinWidth {
		width = MinWidth
	}
	w := &writer{s: s, width: width, now: now}
	if r == nil || r.Token == "" && len(r.Segments) == 0 {
		w.section("Explain mode")
		w.para(2, "Paste a token (or type it) and this page explains how it is built: its segments, how its signature is made and checked, and what each header parameter and claim means.")
		if r != nil {
			w.problem(r)
		}
		return w.String()
	}
	w.problem(r)
	w.segments(r)
	w.signature(r)
	w.members(r, inspect.PartHeader, r.Header, "Header parameters")
	w.members(r, inspect.PartPayload, r.Payload, "Claims")
	w.lifetime(r, now)
	return strings.TrimRight(w.String(), "\n")
}

// writer accumulates the lines of the page.
type writer struct {
	s     Styles
	width int
	b     strings.Builder
	now   time.Time
}

func (w *writer) String() string { return w.b.String() }

func (w *writer) line(s string) {
	w.b.WriteString(ansi.Truncate(s, w.width, "…"))
	w.b.WriteByte('\n')
}

func (w *writer) blank() { w.b.WriteByte('\n') }

func (w *writer) section(title string) {
	if w.b.Len() > 0 {
		w.blank()
	}
	w.line(w.s.Section.Render(title))
}

// para word-wraps text to the width, indented.
func (w *writer) para(indent int, text string) {
	wrapped := lipgloss.NewStyle().Width(w.width - indent).Render(text)
	pad := strings.Repeat(" ", indent)
	for _, l := range strings.Split(wrapped, "\n") {
		w.line(pad + strings.TrimRight(l, " "))
	}
}

// text makes token text safe and one line for the page: whitespace runs become one space,
// and the sanitiser's escapes are drawn in the escape style, so a claim's text cannot pass
// for the page's own words. Only a prefix that can fit on a screen is worked on, so a
// 64 KiB claim costs no more than a short one.
func (w *writer) text(s string) string {
	s = strings.Join(strings.Fields(prefix(s, maxShown)), " ")
	return common.SafePaintOrUnderline(s, common.Paint{}, common.NewPaint(w.s.Escape))
}

// maxShown bounds the bytes of one token string the page works on: more than the widest
// line shows, even with every character escaped.
const maxShown = 2048

// prefix cuts s to at most n bytes, on a character boundary.
func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func (w *writer) partStyle(p inspect.Part) lipgloss.Style {
	switch p {
	case inspect.PartHeader:
		return w.s.Header
	case inspect.PartPayload:
		return w.s.Payload
	case inspect.PartSignature:
		return w.s.Signature
	}
	return w.s.Other
}

// partInfo says what each segment is.
var partInfo = map[inspect.Part]string{
	inspect.PartHeader:       "the JOSE header: JSON saying how the token is protected (alg) and which key to check it with (kid)",
	inspect.PartPayload:      "the claims: JSON saying who the token is about, who issued it, for whom and until when",
	inspect.PartSignature:    "bytes proving the first two segments are unchanged since they were signed",
	inspect.PartEncryptedKey: "the content key, encrypted for the recipient (empty when alg is dir)",
	inspect.PartIV:           "the initialisation vector of the content encryption",
	inspect.PartCiphertext:   "the encrypted payload: only the recipient's key reveals it",
	inspect.PartTag:          "the authentication tag: proves the ciphertext and header are intact",
}

func (w *writer) segments(r *inspect.Report) {
	switch r.Kind {
	case inspect.KindJWE:
		w.section("How this token is built: a JWE (encrypted), five segments")
	case inspect.KindUnsecured:
		w.section("How this token is built: an unsecured JWS (alg none)")
	default:
		if n := len(r.Segments); n != 3 && n > 0 {
			w.section(fmt.Sprintf("How this token is built: a JWS (signed) has three segments; this one has %d", n))
		} else {
			w.section("How this token is built: a JWS (signed), three segments")
		}
	}
	if len(r.Segments) == 0 {
		w.para(2, "No segments could be found in this input, so there is nothing to take apart yet.")
		return
	}
	w.para(2, "Each segment is base64url text (RFC 4648 §5, no padding); dots join them:")
	w.blank()
	label := 10
	for _, sg := range r.Segments {
		if n := len(sg.Part); n > label {
			label = n
		}
	}
	sizes := make([]string, len(r.Segments))
	sizeW := 0
	for i, sg := range r.Segments {
		size := fmt.Sprintf("%d chars", len(sg.Text))
		switch {
		case sg.Decoded && sg.JSON != nil:
			size += fmt.Sprintf(" → %d bytes of JSON", len(sg.Bytes))
		case sg.Decoded:
			size += fmt.Sprintf(" → %d bytes", len(sg.Bytes))
		case sg.Text != "":
			size += " → not decodable"
		}
		sizes[i] = size
		sizeW = max(sizeW, ansi.StringWidth(size))
	}
	for i, sg := range r.Segments {
		st := w.partStyle(sg.Part)
		size := sizes[i]
		name := fmt.Sprintf("%-*s", label, sg.Part)
		room := w.width - 2 - label - 1 - sizeW - 2
		text := ""
		if room >= 8 {
			text = ansi.Truncate(inspect.Sanitize(prefix(sg.Text, maxShown)), room, "…")
			text += strings.Repeat(" ", room-ansi.StringWidth(text))
		}
		sep := "  "
		if i > 0 {
			sep = ". "
		}
		w.line(sep + st.Render(name) + " " + st.Render(text) + "  " + w.s.Dim.Render(size))
	}
	w.blank()
	for _, sg := range r.Segments {
		if info, ok := partInfo[sg.Part]; ok {
			w.para(2, w.partStyle(sg.Part).Render(string(sg.Part))+": "+info)
		}
	}
}

// algInfo says how a JWS alg signs: the primitive, the key, and what a verifier does.
func algInfo(alg string) (how, check string) {
	bits := ""
	if len(alg) == 5 && (alg[2:] == "256" || alg[2:] == "384" || alg[2:] == "512") {
		bits = alg[2:]
	}
	switch {
	case alg == "none":
		return "nothing: an unsecured token carries no signature, so anyone can change it",
			"There is nothing to check: a receiver must refuse it unless it expects unsecured tokens."
	case strings.HasPrefix(alg, "HS") && bits != "":
		return "HMAC with SHA-" + bits + ", keyed with a secret the issuer and receivers share",
			"The receiver computes the same HMAC with the same secret and compares: whoever can check an HS token can also make one."
	case strings.HasPrefix(alg, "RS") && bits != "":
		return "RSASSA-PKCS1-v1_5 with SHA-" + bits + ", with the issuer's RSA private key",
			"The receiver checks it with the issuer's RSA public key (a PEM, a certificate or a JWKS entry)."
	case strings.HasPrefix(alg, "PS") && bits != "":
		return "RSASSA-PSS with SHA-" + bits + ", with the issuer's RSA private key (randomised: signing twice gives two signatures)",
			"The receiver checks it with the issuer's RSA public key."
	case strings.HasPrefix(alg, "ES") && bits != "":
		curve := map[string]string{"256": "P-256", "384": "P-384", "512": "P-521"}[bits]
		return "ECDSA on " + curve + " with SHA-" + bits + "; the signature is the two numbers R and S joined",
			"The receiver checks it with the issuer's EC public key on " + curve + "."
	case alg == "EdDSA" || alg == "Ed25519":
		return "Ed25519, with the issuer's private key; the signature is 64 bytes",
			"The receiver checks it with the issuer's Ed25519 public key."
	}
	return "the algorithm named by alg (" + inspect.Sanitize(alg) + ")", "The receiver checks it with the key the algorithm needs."
}

func (w *writer) signature(r *inspect.Report) {
	if r.Kind == inspect.KindJWE {
		w.section("How it is protected")
		w.para(2, "The header's alg says how the random content key was encrypted for the recipient, and enc how the payload was encrypted with it (authenticated encryption: the tag fails if any byte changed). Only the recipient's private key can open it.")
		return
	}
	alg := r.Signature.Alg
	if alg == "" && r.Header != nil {
		alg, _ = r.Header.Get("alg").String()
	}
	w.section("How the signature is made and checked")
	if alg == "" {
		w.para(2, "The header names no alg, so nobody can tell how the token was meant to be signed.")
		return
	}
	how, check := algInfo(alg)
	if alg == "none" {
		w.para(2, "An unsecured JWS (RFC 7519 §6) has no signature: the third segment is empty, and "+how+".")
		w.para(2, check)
		return
	}
	w.para(2, w.s.Signature.Render("signature")+" = base64url( "+inspect.Sanitize(alg)+"( key, "+
		w.s.Header.Render("base64url(header)")+" + \".\" + "+w.s.Payload.Render("base64url(payload)")+" ) )")
	input := ""
	if len(r.Segments) >= 2 {
		input = fmt.Sprintf(" — here the first %d characters of the token, exactly as sent", len(r.Segments[0].Text)+1+len(r.Segments[1].Text))
	}
	w.para(2, "The signer signs the text of the first two segments and the dot between them"+input+
		". Its algorithm: "+how+". Change one character of header or payload and the signature no longer fits.")
	switch {
	case r.Signature.ExpectedBytes > 0 && !hasSegment(r, inspect.PartSignature):
		w.para(2, fmt.Sprintf("%s signatures are %d bytes; this token has no signature segment at all.", inspect.Sanitize(alg), r.Signature.ExpectedBytes))
	case r.Signature.ExpectedBytes > 0:
		w.para(2, fmt.Sprintf("%s signatures are %d bytes; this one is %d.", inspect.Sanitize(alg), r.Signature.ExpectedBytes, r.Signature.Bytes))
	}
	w.para(2, check)
	v := r.Verification
	switch v.Status {
	case inspect.Verified:
		w.para(2, w.s.Good.Render("Checked: it verifies.")+" "+w.text(v.Detail))
	case inspect.Invalid:
		w.para(2, w.s.Problem.Render("✗ Checked: it does not verify.")+" "+w.text(v.Detail))
	case inspect.CannotCheck:
		w.para(2, w.s.Problem.Render("✗ Cannot be checked.")+" "+w.text(v.Detail))
	default:
		w.para(2, "Not checked yet: choose a key with ctrl+o to check it.")
	}
}

// explanation finds what a member means: the inspect catalogue first, then the report's
// own claim annotation.
func explanation(r *inspect.Report, part inspect.Part, name string) (text, ref string, ok bool) {
	if e, found := inspect.Explain(part, name); found {
		t := e.Meaning
		if e.Title != "" {
			t = e.Title + ": " + e.Meaning
		}
		return t, e.Ref, true
	}
	for _, c := range r.Claims {
		if c.Part == part && c.Name == name && c.Meaning != "" {
			return c.Meaning, c.Ref, true
		}
	}
	return "", "", false
}

func (w *writer) members(r *inspect.Report, part inspect.Part, v *inspect.Value, title string) {
	if v == nil || v.Type != inspect.TypeObject {
		return
	}
	w.section(title)
	if len(v.Members) == 0 {
		w.para(2, "(none)")
		return
	}
	for i := range v.Members {
		m := &v.Members[i]
		name := common.SafePaintOrUnderline(strings.Join(strings.Fields(prefix(m.Name, maxShown)), " "), common.NewPaint(w.s.Name), common.NewPaint(w.s.Escape))
		val := w.text(m.Value.Raw)
		w.line("  " + name + " = " + ansi.Truncate(val, max(w.width-5-ansi.StringWidth(name), 8), "…"))
		text, ref, ok := explanation(r, part, m.Name)
		if ok {
			if ref != "" {
				text += " " + w.s.Dim.Render("("+ref+")")
			}
			w.para(6, text)
		} else {
			w.para(6, w.s.Dim.Render("not a registered name: its meaning is whatever the issuer and the receiving service agreed"))
		}
		if t, isTime := claimTime(r, part, m.Name, &m.Value); isTime {
			w.para(6, t.UTC().Format("2006-01-02 15:04:05 MST")+" — "+when(m.Name, t, w.now))
		}
		for _, c := range r.Claims {
			if c.Part == part && c.Name == m.Name && c.Problem != "" {
				mark, st := w.severityMark(severityOf(r, c.Problem))
				w.para(6, st.Render(mark+" "+c.Problem))
			}
		}
	}
}

func (w *writer) lifetime(r *inspect.Report, now time.Time) {
	if r.Payload == nil {
		return
	}
	exp, hasExp := claimTime(r, inspect.PartPayload, "exp", r.Payload.Get("exp"))
	iat, hasIat := claimTime(r, inspect.PartPayload, "iat", r.Payload.Get("iat"))
	nbf, hasNbf := claimTime(r, inspect.PartPayload, "nbf", r.Payload.Get("nbf"))
	if !hasExp && !hasNbf {
		w.section("Lifetime")
		w.para(2, "No exp: this token never expires. Whoever holds it can use it until the key is changed.")
		return
	}
	w.section("Lifetime")
	date := func(t time.Time) string { return t.UTC().Format("2006-01-02 15:04 MST") }
	rel := func(t time.Time) string {
		if t.After(now) {
			return "in " + Duration(t.Sub(now))
		}
		return Duration(now.Sub(t)) + " ago"
	}
	var span []string
	if hasNbf {
		span = append(span, "valid from "+date(nbf)+" ("+rel(nbf)+")")
	}
	switch {
	case hasExp && hasNbf:
		span = append(span, "until "+date(exp)+" ("+rel(exp)+")")
	case hasExp:
		span = append(span, "valid until "+date(exp)+" ("+rel(exp)+")")
	default:
		span = append(span, "with no end (no exp)")
	}
	if hasExp && hasIat {
		span[len(span)-1] += ";"
		span = append(span, "lifetime exp − iat = "+Duration(exp.Sub(iat)))
	}
	span[len(span)-1] += "."
	var state string
	switch {
	case hasNbf && nbf.After(now):
		state = w.s.Problem.Render("✗ Not yet valid")
	case hasExp && !exp.After(now):
		state = w.s.Problem.Render("✗ Expired")
	default:
		state = w.s.Good.Render("✓ Valid now")
	}
	w.pack(2, append([]string{state + " —"}, span...))
	if !hasExp {
		w.para(2, "No exp: once valid, this token never expires. Whoever holds it can use it until the key is changed.")
	}
}

// pack writes pieces joined by spaces, wrapped between pieces only (a date is never
// cut), the lines after the first indented two more.
func (w *writer) pack(indent int, pieces []string) {
	pad := strings.Repeat(" ", indent)
	line := pad + pieces[0]
	for _, p := range pieces[1:] {
		if ansi.StringWidth(line)+1+ansi.StringWidth(p) > w.width {
			w.line(line)
			line = pad + "  " + p
			continue
		}
		line += " " + p
	}
	w.line(line)
}

// severityMark is the mark and style of a finding's severity: ✗ for an error, ! for a
// warning, · for a note.
func (w *writer) severityMark(sev inspect.Severity) (string, lipgloss.Style) {
	switch sev {
	case inspect.Error:
		return "✗", w.s.Problem
	case inspect.Warning:
		return "!", w.s.Warning
	}
	return "·", w.s.Dim
}

func (w *writer) problem(r *inspect.Report) {
	f := r.Headline()
	if f == nil || f.Severity == inspect.Info {
		return
	}
	if f.Severity == inspect.Error {
		w.section("What is wrong, and how to fix it")
	} else {
		w.section("Worth knowing, and what to do")
	}
	mark, st := w.severityMark(f.Severity)
	w.para(2, st.Render(mark+" "+f.Code)+" — "+w.text(f.Message))
	if a, ok := adviceFor(f.Code); ok {
		w.para(2, w.s.Name.Render("Why: ")+a.Why)
		w.para(2, w.s.Name.Render("Fix: ")+a.Fix)
	} else if f.Hint != "" {
		w.para(2, w.s.Name.Render("Fix: ")+w.text(f.Hint))
	}
}

// severityOf is the severity of the report's finding with code, an error when none has it.
func severityOf(r *inspect.Report, code string) inspect.Severity {
	for _, f := range r.Findings {
		if f.Code == code {
			return f.Severity
		}
	}
	return inspect.Error
}

// hasSegment reports whether the token has a segment for part.
func hasSegment(r *inspect.Report, part inspect.Part) bool {
	for _, sg := range r.Segments {
		if sg.Part == part {
			return true
		}
	}
	return false
}
