package inspect

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"time"
)

// minDateSeconds and maxDateSeconds bound the NumericDates turned into a time: the years
// 0 to 9999 (0000-01-01T00:00:00Z to 9999-12-31T23:59:59Z), which every reader of an
// RFC 3339 time (and the JSON output) can write. A date outside them is flagged, and a
// claim holding one gets no Time.
const (
	minDateSeconds = -62167219200
	maxDateSeconds = 253402300799
)

// numericDate is what could be read from a NumericDate claim.
type numericDate struct {
	readable bool      // a number of seconds could be read (secs is set)
	secs     float64   // the number as read
	ok       bool      // t is set: the number is within the years 0 to 9999
	t        time.Time // the time it names, in UTC
	shown    string    // the value as it can be shown in a message (sanitized)
	// typeProblem says, after "the claim "exp" is ", why the value is not a plain whole
	// JSON number; typeHint says what to do. Both are empty for a plain whole number.
	typeProblem, typeHint string
}

// readNumericDate reads a NumericDate claim value: a JSON number (fractions and exponents
// flagged), a string holding a number or an RFC 3339 time (flagged), or anything else
// (flagged, unreadable). A nil v gives the zero numericDate.
func readNumericDate(v *Value) numericDate {
	var d numericDate
	if v == nil {
		return d
	}
	const numberHint = "Have the issuer write the time as seconds since 1970-01-01 UTC, as a JSON number such as 1700000000."
	switch v.Type {
	case TypeNumber:
		d.shown = clip(v.Raw, 40)
		d.setNumber(v.Raw)
		if d.readable && strings.ContainsAny(v.Raw, ".eE") {
			whole := strconv.FormatFloat(math.Trunc(d.secs), 'f', -1, 64)
			if math.Trunc(d.secs) != d.secs {
				d.typeProblem = d.shown + ", a fractional number of seconds; RFC 7519 allows fractions, but verifiers that expect a whole number reject the token or drop the fraction"
				d.typeHint = "Have the issuer write whole seconds, like " + whole + ", unless every verifier is known to accept fractions."
			} else {
				d.typeProblem = "written as " + d.shown + " rather than as a plain whole number; verifiers that read whole numbers may reject it"
				d.typeHint = "Have the issuer write it as a plain whole number: " + whole + "."
			}
		}
	case TypeString:
		d.shown = quoted(clip((v.Str), 40))
		d.typeProblem = "the string " + d.shown + ", not a number; RFC 7519 requires a NumericDate (a JSON number of seconds since 1970), and many libraries reject a string or ignore the claim"
		s := strings.TrimSpace(v.Str)
		switch {
		case looksDecimal(s):
			d.setNumber(s)
			d.typeHint = "Have the issuer write it as a number, without the quotes: " + clip(Sanitize(s), 40) + "."
		default:
			d.typeHint = numberHint
			if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
				d.readable, d.ok, d.t = true, true, t.UTC()
				d.secs = float64(t.Unix()) + float64(t.Nanosecond())/1e9
				d.typeHint = "Have the issuer write it as seconds since 1970, as a JSON number: " + strconv.FormatInt(t.Unix(), 10) + "."
			}
		}
	default:
		d.shown = typeText(v.Type)
		d.typeProblem = typeText(v.Type) + ", not a NumericDate (a JSON number of seconds since 1970)"
		d.typeHint = numberHint
	}
	return d
}

// setNumber reads text, a JSON number, as seconds.
func (d *numericDate) setNumber(text string) {
	f, err := strconv.ParseFloat(text, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return // not a number at all; out of range reads as ±Inf or 0
	}
	d.readable, d.secs = true, f
	if math.IsInf(f, 0) || f < minDateSeconds || f > maxDateSeconds {
		return
	}
	d.ok = true
	if sec, nsec, exact := decimalSeconds(text); exact {
		d.t = time.Unix(sec, nsec).UTC()
		return
	}
	d.t = secondsToTime(f)
}

// secondsToTime turns a number of seconds since 1970 (within the years 0 to 9999) into a time,
// to the nearest nanosecond.
func secondsToTime(f float64) time.Time {
	sec := math.Floor(f)
	nsec := math.Round((f - sec) * 1e9)
	if nsec >= 1e9 {
		sec++
		nsec -= 1e9
	}
	return time.Unix(int64(sec), int64(nsec)).UTC()
}

// decimalSeconds reads a number without exponent, like "1700000000.123", exactly, as whole
// seconds and nanoseconds (digits past the ninth are dropped). exact is false when the
// text has an exponent or is out of range.
func decimalSeconds(text string) (sec, nsec int64, exact bool) {
	if strings.ContainsAny(text, "eE") {
		return 0, 0, false
	}
	neg := strings.HasPrefix(text, "-")
	intPart, frac, _ := strings.Cut(strings.TrimPrefix(text, "-"), ".")
	n, err := strconv.ParseInt(intPart, 10, 64)
	if err != nil {
		return 0, 0, false
	}
	if len(frac) > 9 {
		frac = frac[:9]
	}
	var f int64
	for i := 0; i < 9; i++ {
		f *= 10
		if i < len(frac) {
			if frac[i] < '0' || frac[i] > '9' {
				return 0, 0, false
			}
			f += int64(frac[i] - '0')
		}
	}
	if neg {
		n = -n
		if f > 0 {
			n--
			f = 1e9 - f
		}
	}
	return n, f, true
}

// looksDecimal reports whether s is a number as JSON writes one: an optional minus,
// digits, an optional fraction and an optional exponent.
func looksDecimal(s string) bool {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	digits := func() int {
		start := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i - start
	}
	if digits() == 0 {
		return false
	}
	if i < len(s) && s[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(s)
}
