package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"jwtlens/inspect"
)

// usageError is a misuse of the command line (exit status 2). Its text says what is wrong
// and what to do.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// misuse builds a usageError from a format.
func misuse(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// listFlag is a repeatable string flag.
type listFlag []string

// String implements flag.Value.
func (l *listFlag) String() string { return strings.Join(*l, ", ") }

// Set implements flag.Value.
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

// sizeFlag is a byte count written as a number with an optional K, KiB, M or MiB suffix.
type sizeFlag int

// String implements flag.Value.
func (s *sizeFlag) String() string { return strconv.Itoa(int(*s)) }

// Set implements flag.Value. Its error is the whole message flagError shows.
func (s *sizeFlag) Set(v string) error {
	n, err := parseSize(v)
	if err != nil {
		return fmt.Errorf("--max-size takes a size such as 1048576, 64KiB or 4MiB, at most 1GiB (got %q)", v)
	}
	*s = sizeFlag(n)
	return nil
}

// durationFlag is --leeway: a Go duration such as 30s or 2m, not negative.
type durationFlag time.Duration

// String implements flag.Value.
func (d *durationFlag) String() string { return time.Duration(*d).String() }

// Set implements flag.Value. Its error is the whole message flagError shows.
func (d *durationFlag) Set(v string) error {
	t, err := time.ParseDuration(strings.TrimSpace(v))
	if err != nil {
		return fmt.Errorf("--leeway takes a duration like 30s or 2m (got %q)", v)
	}
	if t < 0 {
		return fmt.Errorf("--leeway takes a duration like 30s or 2m, not a negative one (got %q)", v)
	}
	*d = durationFlag(t)
	return nil
}

// parseSize reads "1048576", "64K", "64KiB", "1M" or "1MiB".
func parseSize(v string) (int, error) {
	t := strings.TrimSpace(v)
	mult := 1
	for _, u := range []struct {
		suffix string
		mult   int
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"K", 1 << 10}, {"M", 1 << 20}, {"k", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSuffix(t, u.suffix), u.mult
			break
		}
	}
	n, err := strconv.Atoi(t)
	if err != nil || n <= 0 || n > (1<<30)/mult {
		return 0, errors.New("want a size in bytes such as 1048576, 64KiB or 4MiB (at most 1GiB)")
	}
	return n * mult, nil
}

// options are the flags shared by the inspector and check.
type options struct {
	keyFiles    listFlag
	secrets     listFlag
	secretFiles listFlag
	expects     listFlag
	claims      listFlag
	leeway      durationFlag
	now         string
	json        bool
	maxSize     sizeFlag
	keyDir      string
	demo        bool
	paste       bool
	version     bool
	help        bool
}

// newFlagSet registers the flags; check says whether it is the check subcommand (which has
// --json) or the inspector (which has --demo and --version).
func newFlagSet(name string, o *options, check bool) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	o.maxSize = inspect.DefaultMaxSize
	fs.Var(&o.keyFiles, "key", "key `FILE` (PEM, certificate, JWK or JWKS); repeatable")
	fs.Var(&o.secrets, "secret", "HMAC secret `TEXT`; repeatable")
	fs.Var(&o.secretFiles, "secret-file", "read an HMAC secret from `FILE`, byte for byte; repeatable")
	fs.Var(&o.expects, "expect", "expected claim `NAME=VALUE`; repeatable")
	fs.Var(&o.claims, "claims", "Kamailio-style expected claims, e.g. \"sub='alice';iss='x'\"")
	fs.Var(&o.leeway, "leeway", "clock leeway for exp, nbf and iat, e.g. 30s")
	fs.StringVar(&o.now, "now", "", "judge times at `TIME` (RFC 3339 or Unix seconds)")
	fs.Var(&o.maxSize, "max-size", "input size cap, e.g. 1MiB")
	fs.BoolVar(&o.paste, "paste", false, "inspect what the system clipboard holds")
	fs.BoolVar(&o.help, "help", false, "show help")
	fs.BoolVar(&o.help, "h", false, "show help")
	if check {
		fs.BoolVar(&o.json, "json", false, "print one JSON object")
	} else {
		fs.BoolVar(&o.demo, "demo", false, "load the embedded sample token and key")
		fs.StringVar(&o.keyDir, "key-dir", "", "the `DIR` the key chooser starts in")
		fs.BoolVar(&o.version, "version", false, "print the version")
	}
	return fs
}

// parseArgs parses flags that may come before or after the positional arguments (the
// token, or "-"), and returns the positionals. After "--" everything is positional.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, flagError(fs.Name(), err)
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// flagError turns the flag package's error into one that says what to do. The flag
// package writes flags with one dash and wraps a Value's error in its own words; the
// Values here return the whole message, which is kept as it is.
func flagError(cmd string, err error) error {
	msg := err.Error()
	switch {
	case strings.HasPrefix(msg, "flag provided but not defined: "):
		name := "--" + strings.TrimLeft(strings.TrimPrefix(msg, "flag provided but not defined: "), "-")
		return misuse("unknown flag %s; run `%s --help` to see the flags", name, cmd)
	case strings.HasPrefix(msg, "flag needs an argument: "):
		name := "--" + strings.TrimLeft(strings.TrimPrefix(msg, "flag needs an argument: "), "-")
		return misuse("flag %s needs a value, e.g. %s VALUE; run `%s --help`", name, name, cmd)
	case strings.HasPrefix(msg, "invalid boolean value "):
		// invalid boolean value "maybe" for -json: parse error
		rest := strings.TrimPrefix(msg, "invalid boolean value ")
		val, name, _ := strings.Cut(rest, " for -")
		name, _, _ = strings.Cut(name, ":")
		return misuse("--%s is on or off: give --%s alone, or --%s=false (got %s)", name, name, name, val)
	case strings.HasPrefix(msg, "invalid value "):
		// invalid value "30" for flag -leeway: <the Value's own message>
		if _, why, ok := strings.Cut(msg, ": "); ok {
			return misuse("%s; run `%s --help`", why, cmd)
		}
	}
	return misuse("%s; run `%s --help`", msg, cmd)
}

// parseNow reads --now: RFC 3339, or Unix seconds.
func parseNow(s string) (time.Time, error) {
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		if n < 0 || n > 1<<40 {
			return time.Time{}, misuse("--now %s: Unix seconds out of range", s)
		}
		return time.Unix(n, 0).UTC(), nil
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t.UTC(), nil
	}
	return time.Time{}, misuse("--now %q is not a time: give RFC 3339 (2026-12-03T14:00:00Z) or Unix seconds (1764770400)", s)
}
