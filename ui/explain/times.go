package explain

import (
	"math"
	"strconv"
	"strings"
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
			return c.Time, !c.Time.IsZero()
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
		if c.IsTime && !c.Time.IsZero() {
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

// Duration writes a span the way relative times are written ("1h", "3h12m", "6m40s").
func Duration(d time.Duration) string {
	if d < time.Second && d > -time.Second {
		return "0s"
	}
	var epoch time.Time
	rel := inspect.Relative(epoch.Add(d), epoch)
	rel = strings.TrimPrefix(rel, "in ")
	return strings.TrimSuffix(rel, " ago")
}

// when says what a time claim's date means at now, e.g. "expired 3h12m ago".
func when(name string, t, now time.Time) string {
	return inspect.ClaimRelative(name, t, now, 0)
}
