package main

import (
	"strconv"
	"strings"
)

// checkClaimsSpec rejects a --claims member that has no '=' at all ("garbage", or
// "sub alice"): inspect.ParseClaimsSpec reads such a member as an expected empty string,
// which is how Kamailio treats "sub=" from a variable that expanded to nothing, but a
// member without '=' is a mistake in the flag, not a claim. Members are separated by ';'
// outside quotes; an empty member ("a=1;;b=2") is allowed, as Kamailio allows it.
func checkClaimsSpec(spec string) error {
	start := 0
	var quote byte
	for i := 0; i <= len(spec); i++ {
		if i < len(spec) {
			c := spec[i]
			switch {
			case quote != 0:
				if c == quote {
					quote = 0
				}
				continue
			case c == '\'' || c == '"':
				quote = c
				continue
			case c != ';':
				continue
			}
		}
		member := spec[start:i]
		if m := strings.TrimSpace(member); m != "" && !strings.Contains(m, "=") {
			at := start + strings.Index(member, m) + 1
			return misuse("--claims %s, at character %d: the member %s has no '='; write each claim as NAME=VALUE, separated by ';', e.g. \"sub='alice';iss='x';n=5\"",
				quoteArg(spec), at, quoteArg(m))
		}
		start = i + 1
	}
	return nil
}

// quoteArg quotes a command-line value for a message, Go-style (escapes included).
func quoteArg(s string) string { return strconv.Quote(s) }
