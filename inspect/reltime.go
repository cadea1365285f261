package inspect

import (
	"strconv"
	"time"
)

// Relative returns t relative to now in compact units, at most two of them and truncated
// toward zero: "3h12m ago", "in 42m", "2d4h ago", "in 1y20d" (a year is 365 days).
// A difference under one second is "now". It works for any pair of times, also those
// more than 292 years apart. A user interface that refreshes relative times once a second
// calls it (or ClaimRelative) with the new now; nothing here reads the clock.
func Relative(t, now time.Time) string {
	secs := diffSeconds(t, now)
	switch {
	case secs == 0:
		return "now"
	case secs > 0:
		return "in " + compactSeconds(secs)
	default:
		return compactSeconds(-secs) + " ago"
	}
}

// ClaimRelative phrases the time a claim names relative to now, as the claims view shows
// it: "expired 3h12m ago", "expires in 42m", "valid from 5m ago", "becomes valid in 6m40s",
// "issued 2d4h ago", "issued 2s in the future", "authenticated 1h ago". When leeway is what
// keeps an expired (or not yet valid, or future) time acceptable, it says so. Names it has
// no phrase for get Relative(t, now). It matches how judgeClaims decides: exp is
// expired from the instant now reaches exp+leeway.
func ClaimRelative(name string, t, now time.Time, leeway time.Duration) string {
	secs := diffSeconds(t, now) // > 0: t is in the future
	var buf [96]byte
	b := buf[:0]
	ago := func(prefix string) []byte {
		b = append(b, prefix...)
		if secs == 0 {
			return append(b, "just now"...)
		}
		return append(appendCompact(b, -secs), " ago"...)
	}
	ahead := func(prefix, suffix string) []byte {
		return append(appendCompact(append(b, prefix...), secs), suffix...)
	}
	within := func() []byte {
		if leeway <= 0 {
			return b
		}
		return append(append(append(b, ", within the "...), goDuration(leeway)...), " leeway"...)
	}
	switch name {
	case "exp":
		if now.Before(t) {
			b = ahead("expires in ", "")
		} else if b = ago("expired "); now.Before(t.Add(leeway)) {
			b = within()
		}
	case "nbf":
		if !now.Before(t) {
			b = ago("valid from ")
		} else if b = ahead("becomes valid in ", ""); !t.After(now.Add(leeway)) {
			b = within()
		}
	case "iat", "auth_time", "updated_at", "toe":
		verb := "issued "
		switch name {
		case "auth_time":
			verb = "authenticated "
		case "updated_at":
			verb = "updated "
		case "toe":
			verb = "happened "
		}
		if secs <= 0 {
			b = ago(verb)
		} else if b = ahead(verb, " in the future"); name == "iat" && !t.After(now.Add(leeway)) {
			b = within()
		}
	default:
		return Relative(t, now)
	}
	return string(b)
}

// diffSeconds returns t-now in whole seconds, truncated toward zero, without the
// 292-year limit of time.Duration.
func diffSeconds(t, now time.Time) int64 {
	secs := t.Unix() - now.Unix()
	nanos := t.Nanosecond() - now.Nanosecond()
	switch {
	case secs > 0 && nanos < 0:
		secs--
	case secs < 0 && nanos > 0:
		secs++
	}
	return secs
}

// The units of compactSeconds, largest first.
var compactUnits = []struct {
	secs int64
	name string
}{
	{365 * 24 * 3600, "y"},
	{24 * 3600, "d"},
	{3600, "h"},
	{60, "m"},
	{1, "s"},
}

// compactSeconds writes a positive number of seconds in its largest unit and the next
// one down, that one left out when it is zero: "3h12m", "42m", "2d4h", "6m40s", "1y".
func compactSeconds(secs int64) string {
	var buf [40]byte
	return string(appendCompact(buf[:0], secs))
}

// appendCompact appends compactSeconds(secs) to dst.
func appendCompact(dst []byte, secs int64) []byte {
	if secs <= 0 {
		return append(dst, "0s"...)
	}
	for i, u := range compactUnits {
		if secs < u.secs {
			continue
		}
		dst = append(strconv.AppendInt(dst, secs/u.secs, 10), u.name...)
		if i+1 < len(compactUnits) {
			next := compactUnits[i+1]
			if n := secs % u.secs / next.secs; n > 0 {
				dst = append(strconv.AppendInt(dst, n, 10), next.name...)
			}
		}
		return dst
	}
	return append(dst, "0s"...)
}

// goDuration writes d rounded up to whole seconds in units that --leeway (Go's
// time.ParseDuration) accepts, leaving out zero parts: "2s", "6m40s", "1h", "50h3m".
func goDuration(d time.Duration) string {
	secs := int64(d / time.Second)
	if d%time.Second > 0 {
		secs++
	}
	if secs <= 0 {
		return "0s"
	}
	h, m, s := secs/3600, secs%3600/60, secs%60
	out := ""
	if h > 0 {
		out += strconv.FormatInt(h, 10) + "h"
	}
	if m > 0 {
		out += strconv.FormatInt(m, 10) + "m"
	}
	if s > 0 {
		out += strconv.FormatInt(s, 10) + "s"
	}
	return out
}
