package explain

import (
	"fmt"
	"math"
	"strconv"
	"time"

	"jwtlens/inspect"
)

// timeNames are the NumericDate claims of RFC 7519 and OpenID Connect Core, used when the
// report's claims do not say which members are times.
var timeNames = map[string]bool{"exp": true, "nbf": true, "iat": true, "auth_time": true, "updated_at": true}

// claimTime returns the time a member names, from the report's claims when they know it,
// else from the member's number.
func claimTime(r *inspect.Report, part inspect.Part, name string, v *inspect.Value) (time.Time, bool) {
	for _, c := range r.Claims {
		if c.Part == part && c.Name == name && c.IsTime {
			return c.Time, true
		}
	}
	if part != inspect.PartPayload || !timeNames[name] || v == nil || v.Type != inspect.TypeNumber {
		return time.Time{}, false
	}
	f, err := strconv.ParseFloat(v.Raw, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) || math.Abs(f) > 1e13 {
		return time.Time{}, false
	}
	sec, frac := math.Modf(f)
	return time.Unix(int64(sec), int64(frac*1e9)).UTC(), true
}

// HasTimes reports whether the report's payload holds a time claim, which is when the
// screen must refresh every second.
func HasTimes(r *inspect.Report) bool {
	if r == nil {
		return false
	}
	for _, c := range r.Claims {
		if c.IsTime {
			return true
		}
	}
	if r.Payload == nil {
		return false
	}
	for _, m := range r.Payload.Members {
		if _, ok := claimTime(r, inspect.PartPayload, m.Name, &m.Value); ok {
			return true
		}
	}
	return false
}

// Relative says how far t is from now: "3h12m ago", "in 42s", "now".
func Relative(t, now time.Time) string {
	d := t.Sub(now)
	switch {
	case d >= -500*time.Millisecond && d < 500*time.Millisecond:
		return "now"
	case d < 0:
		return Duration(-d) + " ago"
	}
	return "in " + Duration(d)
}

// Duration writes d at a precision a person reads at a glance: "42s", "4m12s", "3h12m",
// "2d3h", "400d".
func Duration(d time.Duration) string {
	d = d.Round(time.Second)
	s := int64(d / time.Second)
	switch {
	case s < 60:
		return fmt.Sprintf("%ds", s)
	case s < 3600:
		return fmt.Sprintf("%dm%02ds", s/60, s%60)
	case s < 86400:
		return fmt.Sprintf("%dh%02dm", s/3600, s%3600/60)
	case s < 100*86400:
		return fmt.Sprintf("%dd%dh", s/86400, s%86400/3600)
	}
	return fmt.Sprintf("%dd", s/86400)
}

// when says what a time claim's date means at now, e.g. "expired 3h12m ago".
func when(name string, t, now time.Time) string {
	rel := Relative(t, now)
	past := !t.After(now)
	switch name {
	case "exp":
		if past {
			return "expired " + rel
		}
		return "expires " + rel
	case "nbf":
		if past {
			return "valid since " + rel
		}
		return "not valid until " + rel
	case "iat":
		if past {
			return "issued " + rel
		}
		return "issued " + rel + " (in the future: a clock is off)"
	case "auth_time":
		return "user authenticated " + rel
	}
	return rel
}
