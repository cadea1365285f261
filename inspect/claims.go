package inspect

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// spanMapper turns a span [start, end) of a segment's decoded bytes into the offset and
// length of the raw input bytes it came from.
type spanMapper func(start, end int) (offset, length int)

// judgeClaims annotates the registered claims of the header and payload and judges the
// time claims against opt.Now and opt.Leeway.
//
// The claims come in the order they are written, header first, one per name (a
// duplicated name shows the value Value.Get returns, the last one; json.duplicate-key is
// reported elsewhere). Only names Explain knows are listed.
//
// The time judgements follow RFC 7519 and golang-jwt: a token is expired from the instant
// now reaches exp+leeway (exp itself is already too late: "the current date/time MUST be
// before the expiration date/time"), not yet valid while nbf-leeway is after now, and
// issued in the future while iat-leeway is after now. With opt.Now the zero time, no time
// is judged, but every NumericDate is still turned into a date.
func judgeClaims(header, payload *Value, opt Options, headerAt, payloadAt spanMapper) ([]Claim, []Finding) {
	claims := make([]Claim, 0, countKnown(PartHeader, header)+countKnown(PartPayload, payload))
	claims = appendKnownClaims(claims, PartHeader, header)
	first := len(claims)
	claims = appendKnownClaims(claims, PartPayload, payload)
	if payload == nil || payload.Type != TypeObject {
		return claims, nil
	}
	j := claimJudge{opt: opt, at: payloadAt, payload: payload}
	for i := first; i < len(claims); i++ {
		c := &claims[i]
		switch {
		case c.IsTime:
			j.judgeTime(c)
		case c.Name == "aud":
			j.judgeAud(c)
		}
	}
	if payload.Get("exp") == nil {
		off, n := payloadAt(payload.Start, payload.End)
		f := Finding{
			Code: "claims.no-exp", Severity: Info, Part: PartClaims, Offset: off, Length: n,
			Message: "the token has no exp claim, so it never expires: whoever holds it can use it for as long as its key is trusted",
			Hint:    "If the token is a credential, have the issuer set exp (a lifetime of minutes to hours is usual); otherwise make sure it can be revoked some other way.",
		}
		if typ, _ := header.Get("typ").String(); strings.EqualFold(typ, "passport") {
			f.Message = "the token has no exp claim; as a PASSporT (typ passport, used in SIP) it needs none"
			f.Hint = "SIP verifiers judge a PASSporT's freshness by its iat and reject one that is more than about a minute old (RFC 8224), so check iat and the clocks instead."
		}
		j.out = append(j.out, f)
	}
	return claims, j.out
}

// countKnown counts the members of obj that Explain knows (duplicates included), to size
// the claims slice once.
func countKnown(part Part, obj *Value) int {
	if obj == nil || obj.Type != TypeObject {
		return 0
	}
	n := 0
	for i := range obj.Members {
		if _, ok := Explain(part, obj.Members[i].Name); ok {
			n++
		}
	}
	return n
}

// appendKnownClaims appends a Claim for each member of obj that Explain knows.
func appendKnownClaims(claims []Claim, part Part, obj *Value) []Claim {
	if obj == nil || obj.Type != TypeObject {
		return claims
	}
	first := len(claims)
next:
	for i := range obj.Members {
		name := obj.Members[i].Name
		e, ok := Explain(part, name)
		if !ok {
			continue
		}
		for k := first; k < len(claims); k++ {
			if claims[k].Name == name {
				continue next
			}
		}
		claims = append(claims, Claim{
			Name: name, Part: part, Meaning: e.Meaning, Ref: e.Ref,
			Value: obj.Get(name), IsTime: e.IsTime,
		})
	}
	return claims
}

// claimJudge holds what judging one payload's claims needs.
type claimJudge struct {
	opt     Options
	at      spanMapper
	payload *Value
	out     []Finding
}

// add records a finding about claim c (pointing at v) and makes it c's Problem unless c
// already has a problem at least as severe.
func (j *claimJudge) add(c *Claim, v *Value, code string, sev Severity, msg, hint string) {
	off, n := j.at(v.Start, v.End)
	j.out = append(j.out, Finding{Code: code, Severity: sev, Part: PartClaims, Offset: off, Length: n, Message: msg, Hint: hint})
	if c.Problem == "" {
		c.Problem = code
		return
	}
	if info, ok := LookupCode(c.Problem); ok && sev > info.Severity {
		c.Problem = code
	}
}

// judgeTime reads a NumericDate claim, flags its type and unit, and judges it against now.
func (j *claimJudge) judgeTime(c *Claim) {
	v := c.Value
	d := readNumericDate(v)
	if d.ok {
		c.Time = d.t
	}
	if d.typeProblem != "" {
		j.add(c, v, "claims.time-type", Warning, "the claim "+strconv.Quote(c.Name)+" is "+d.typeProblem, d.typeHint)
	}
	if d.readable {
		j.judgeUnit(c, d)
	}
	if d.readable && !d.ok {
		j.judgeOutOfRange(c, d)
		return
	}
	if !d.ok || j.opt.Now.IsZero() {
		return
	}
	now, leeway := j.opt.Now, j.opt.Leeway
	c.Relative = ClaimRelative(c.Name, d.t, now, leeway)
	at := func() string { return formatUTC(d.t) }
	beyond := func() string {
		if leeway > 0 {
			return ", not within the " + goDuration(leeway) + " leeway"
		}
		return ""
	}
	switch c.Name {
	case "exp":
		if !now.Before(d.t.Add(leeway)) {
			j.add(c, v, "claims.expired", Error,
				"the token expired "+agoText(d.t, now)+", at "+at()+beyond(),
				"Get a new token. If it should still be valid, compare the clocks of the issuer and this machine; --now judges the token at another time and --leeway allows for clock skew.")
		}
	case "nbf":
		if d.t.After(now.Add(leeway)) {
			ahead := d.t.Sub(now)
			hint := "Wait until then. If it was meant to be valid already, the issuer's clock probably runs about " +
				goDuration(ahead) + " ahead: synchronise the clocks (NTP), or accept the skew with --leeway " + goDuration(ahead) + "."
			if ahead > maxSkew {
				hint = "No clock is that far off: the issuer writes a wrong nbf. Check how it computes the value (seconds since 1970, not milliseconds)."
			}
			j.add(c, v, "claims.not-yet-valid", Error,
				"the token is not valid until "+at()+", "+compactSeconds(diffSeconds(d.t, now))+" from now"+beyond(), hint)
		}
	case "iat":
		if d.t.After(now.Add(leeway)) {
			ahead := d.t.Sub(now)
			msg := "the token says it was issued " + compactSeconds(diffSeconds(d.t, now)) + " from now, at " + at() + beyond()
			hint := "Synchronise the clocks of the issuer and this machine (NTP), or allow for the skew with --leeway " +
				goDuration(ahead) + "; verifiers that check iat reject the token until then."
			if ahead > maxSkew {
				hint = "No clock is that far off: the issuer writes a wrong iat. Check how it computes the value (seconds since 1970, not milliseconds)."
			} else {
				msg += "; the issuer's clock is probably about " + goDuration(ahead) + " ahead of this one"
			}
			j.add(c, v, "claims.issued-in-future", Warning, msg, hint)
		}
	}
}

// judgeOutOfRange judges a NumericDate beyond the years 0 to 9999 (judgeUnit has already
// said it is no plausible date): an nbf no clock reaches means a token that is never
// valid, an exp before year 0 one that has always been expired.
func (j *claimJudge) judgeOutOfRange(c *Claim, d numericDate) {
	v := c.Value
	switch {
	case c.Name == "nbf" && d.secs > 0:
		j.add(c, v, "claims.not-yet-valid", Error,
			fmt.Sprintf("the token is never valid: nbf is %s, a date in the year %s, which no clock reaches", d.shown, yearText(d.secs)),
			"The issuer writes a wrong nbf: a NumericDate counts seconds since 1970 (not milliseconds or finer). Every verifier that checks nbf rejects this token.")
	case c.Name == "iat" && d.secs > 0:
		j.add(c, v, "claims.issued-in-future", Warning,
			fmt.Sprintf("the token says it was issued in the year %s (iat is %s)", yearText(d.secs), d.shown),
			"No clock is that far off: the issuer writes a wrong iat. Check how it computes the value (seconds since 1970, not milliseconds).")
	case c.Name == "exp" && d.secs < 0:
		j.add(c, v, "claims.expired", Error,
			fmt.Sprintf("the token has always been expired: exp is %s, a date in the year %s", d.shown, yearText(d.secs)),
			"The issuer writes a wrong exp: a NumericDate is a moment in seconds since 1970. Every verifier that checks exp rejects this token.")
	}
}

// maxSkew is the largest clock difference worth suggesting as the cause of a future
// nbf or iat; beyond it the value itself is wrong.
const maxSkew = 24 * time.Hour

// agoText says how long before now t was: "3h12m ago", or "just now" within a second.
func agoText(t, now time.Time) string {
	if s := diffSeconds(now, t); s > 0 {
		return compactSeconds(s) + " ago"
	}
	return "just now"
}

// judgeUnit flags a NumericDate that looks like milliseconds (or finer) or like a
// duration instead of a moment in seconds since 1970.
func (j *claimJudge) judgeUnit(c *Claim, d numericDate) {
	v, secs, shown := c.Value, d.secs, d.shown
	if secs >= 1e8 && secs < 1e11 {
		return // a plausible date in seconds: 1973 to 5138
	}
	q := strconv.Quote(c.Name)
	switch {
	case secs >= 1e11:
		for _, u := range []struct {
			div  float64
			name string
		}{{1e3, "milliseconds"}, {1e6, "microseconds"}, {1e9, "nanoseconds"}} {
			s := secs / u.div
			if s >= 1e8 && s < 1e11 {
				t := secondsToTime(s)
				msg := fmt.Sprintf("the claim %s is %s, which as seconds is a date in the year %s; it looks like %s, which would make it %s",
					q, shown, yearText(secs), u.name, formatUTC(t))
				if !j.opt.Now.IsZero() {
					msg += " (" + Relative(t, j.opt.Now) + ")"
				}
				j.add(c, v, "claims.time-unit", Warning, msg,
					fmt.Sprintf("A NumericDate counts seconds since 1970: have the issuer divide by %s. A verifier that reads it as seconds treats the time as thousands of years away.", numberText(u.div)))
				return
			}
		}
		j.add(c, v, "claims.time-unit", Warning,
			fmt.Sprintf("the claim %s is %s, far too large to be a date in seconds since 1970", q, shown),
			"Have the issuer write the time as seconds since 1970-01-01 UTC, e.g. 1700000000 for November 2023.")
	case secs < 1e8:
		var msg string
		switch {
		case secs < 0:
			msg = fmt.Sprintf("the claim %s is %s, a date before 1970, which no token was made at", q, shown)
		case secs == 0:
			msg = fmt.Sprintf("the claim %s is 0, the first second of 1970: probably a default that was never set", q)
		default:
			msg = fmt.Sprintf("the claim %s is %s, which as a date is in %s; it looks like a duration (%s) rather than a moment",
				q, shown, yearText(secs), compactSeconds(int64(secs)))
		}
		hint := "A NumericDate is a moment, in seconds since 1970-01-01 UTC, not a lifetime."
		if c.Name == "exp" && secs > 0 {
			if iat := readNumericDate(j.payload.Get("iat")); iat.ok && iat.readable && iat.secs >= 1e8 {
				t := secondsToTime(iat.secs + secs)
				msg += fmt.Sprintf("; did you mean iat+%s, which is %s", numberText(secs), formatUTC(t))
				if !j.opt.Now.IsZero() {
					msg += " (" + ClaimRelative("exp", t, j.opt.Now, 0) + ")"
				}
				msg += "?"
			}
			hint += " Have the issuer set exp to iat plus the lifetime."
		}
		j.add(c, v, "claims.time-unit", Warning, msg, hint)
	}
}

// judgeAud flags an aud that is empty, or neither a string nor an array of strings.
func (j *claimJudge) judgeAud(c *Claim) {
	v := c.Value
	const hint = "Have the issuer set aud to the identifier of the service the token is for, as a string or an array of strings; many verifiers reject any other shape."
	switch v.Type {
	case TypeString:
		if v.Str == "" {
			j.add(c, v, "claims.aud-shape", Warning, `the claim "aud" is an empty string, so the token names no audience`, hint)
		}
	case TypeArray:
		if len(v.Elems) == 0 {
			j.add(c, v, "claims.aud-shape", Warning, `the claim "aud" is an empty array, so the token names no audience`, hint)
			return
		}
		for i := range v.Elems {
			e := &v.Elems[i]
			switch {
			case e.Type != TypeString:
				j.add(c, e, "claims.aud-shape", Warning,
					fmt.Sprintf(`the claim "aud" holds %s at position %d; every audience must be a string`, typeText(e.Type), i), hint)
				return
			case e.Str == "":
				j.add(c, e, "claims.aud-shape", Warning,
					fmt.Sprintf(`the claim "aud" holds an empty string at position %d`, i), hint)
				return
			}
		}
	default:
		j.add(c, v, "claims.aud-shape", Warning,
			`the claim "aud" is `+typeText(v.Type)+", not a string or an array of strings", hint)
	}
}

// typeText names a JSON type with its article, for messages.
func typeText(t ValueType) string {
	switch t {
	case TypeNull:
		return "null"
	case TypeBool:
		return "a boolean"
	case TypeNumber:
		return "a number"
	case TypeString:
		return "a string"
	case TypeArray:
		return "an array"
	}
	return "an object"
}

// formatUTC writes a time as the claims view shows it, e.g. "2023-11-14 22:13:20 UTC",
// with fractions of a second when it has them.
func formatUTC(t time.Time) string {
	return t.UTC().Format("2006-01-02 15:04:05.999999999") + " UTC"
}

// yearText names the year of a number of seconds since 1970, even far outside the years
// time.Time formats well.
func yearText(secs float64) string {
	if secs < 1e15 && secs > -1e15 {
		return strconv.Itoa(secondsToTime(secs).Year())
	}
	return "about " + strconv.FormatFloat(1970+secs/(365.2425*24*3600), 'g', 3, 64)
}

// numberText writes a number without exponent or trailing zeros.
func numberText(f float64) string {
	return strconv.FormatFloat(f, 'f', -1, 64)
}
