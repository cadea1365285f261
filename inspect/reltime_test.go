package inspect

import (
	"testing"
	"time"
)

func TestRelative(t *testing.T) {
	now := time.Date(2023, 11, 14, 22, 13, 20, 0, time.UTC)
	cases := []struct {
		d    time.Duration
		want string
	}{
		{0, "now"},
		{999 * time.Millisecond, "now"},
		{-999 * time.Millisecond, "now"},
		{time.Second, "in 1s"},
		{-59 * time.Second, "59s ago"},
		{42 * time.Minute, "in 42m"},
		{42*time.Minute + 30*time.Second, "in 42m30s"},
		{-(3*time.Hour + 12*time.Minute + 59*time.Second), "3h12m ago"},
		{-(3*time.Hour + 59*time.Second), "3h ago"},
		{-(2*24*time.Hour + 4*time.Hour + 5*time.Minute), "2d4h ago"},
		{400 * time.Second, "in 6m40s"},
		{(365 + 20) * 24 * time.Hour, "in 1y20d"},
		{-53 * 365 * 24 * time.Hour, "53y ago"},
	}
	for _, tc := range cases {
		if got := Relative(now.Add(tc.d), now); got != tc.want {
			t.Errorf("Relative(now%+v, now) = %q, want %q", tc.d, got, tc.want)
		}
	}
	// Beyond time.Duration's 292 years: exp written in milliseconds.
	far := time.Unix(1700000000000, 0)
	if got, want := Relative(far, now), "in 53852y270d"; got != want {
		t.Errorf("Relative(year 55840, now) = %q, want %q", got, want)
	}
}

func TestClaimRelative(t *testing.T) {
	now := time.Date(2023, 11, 14, 22, 13, 20, 0, time.UTC)
	cases := []struct {
		name   string
		d      time.Duration
		leeway time.Duration
		want   string
	}{
		{"exp", -(3*time.Hour + 12*time.Minute), 0, "expired 3h12m ago"},
		{"exp", 0, 0, "expired just now"},
		{"exp", 0, time.Minute, "expired just now, within the 1m leeway"},
		{"exp", -time.Minute, time.Minute, "expired 1m ago"},
		{"exp", 42 * time.Minute, 0, "expires in 42m"},
		{"nbf", -5 * time.Minute, 0, "valid from 5m ago"},
		{"nbf", 400 * time.Second, 0, "becomes valid in 6m40s"},
		{"nbf", 400 * time.Second, 400 * time.Second, "becomes valid in 6m40s, within the 6m40s leeway"},
		{"iat", -(2*24*time.Hour + 4*time.Hour), 0, "issued 2d4h ago"},
		{"iat", 2 * time.Second, 0, "issued 2s in the future"},
		{"iat", 2 * time.Second, 5 * time.Second, "issued 2s in the future, within the 5s leeway"},
		{"auth_time", -time.Hour, 0, "authenticated 1h ago"},
		{"updated_at", -24 * time.Hour, 0, "updated 1d ago"},
		{"toe", -time.Second, 0, "happened 1s ago"},
		{"other", time.Hour, 0, "in 1h"},
	}
	for _, tc := range cases {
		if got := ClaimRelative(tc.name, now.Add(tc.d), now, tc.leeway); got != tc.want {
			t.Errorf("ClaimRelative(%q, now%+v, now, %v) = %q, want %q", tc.name, tc.d, tc.leeway, got, tc.want)
		}
	}
}

func TestGoDuration(t *testing.T) {
	cases := []struct {
		d    time.Duration
		want string
	}{
		{0, "0s"},
		{time.Millisecond, "1s"},
		{2 * time.Second, "2s"},
		{400 * time.Second, "6m40s"},
		{time.Hour, "1h"},
		{50*time.Hour + 3*time.Minute, "50h3m"},
	}
	for _, tc := range cases {
		got := goDuration(tc.d)
		if got != tc.want {
			t.Errorf("goDuration(%v) = %q, want %q", tc.d, got, tc.want)
		}
		if back, err := time.ParseDuration(got); err != nil || back < tc.d {
			t.Errorf("time.ParseDuration(goDuration(%v) = %q) = %v, %v; want at least %v", tc.d, got, back, err, tc.d)
		}
	}
}
