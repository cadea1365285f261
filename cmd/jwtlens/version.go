package main

import (
	"runtime/debug"
	"strings"
)

// version is set at build time: go build -ldflags "-X main.version=v1.2.3".
var version = ""

// versionString is what --version prints after "jwtlens": the version set at build time,
// the module version and the VCS revision (with its time, and +dirty for uncommitted
// changes) from the build information, and the Go version — whichever are known, e.g.
//
//	v1.2.3 (module v1.2.3, revision 0123456789ab+dirty 2026-12-03T14:00:00Z, go1.26.8)
//	(development build, go1.26.8)
func versionString() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		bi = nil
	}
	return formatVersion(version, bi)
}

// formatVersion is versionString for a given ldflags version and build information (nil
// when there is none).
func formatVersion(ldflags string, bi *debug.BuildInfo) string {
	var details []string
	goVersion := ""
	if bi != nil {
		goVersion = bi.GoVersion
		if v := bi.Main.Version; v != "" && v != "(devel)" && v != ldflags {
			details = append(details, "module "+v)
		}
		var rev, dirty, at string
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				if s.Value == "true" {
					dirty = "+dirty"
				}
			case "vcs.time":
				at = s.Value
			}
		}
		if len(rev) > 12 {
			rev = rev[:12]
		}
		if rev != "" {
			r := "revision " + rev + dirty
			if at != "" {
				r += " " + at
			}
			details = append(details, r)
		}
	}
	if ldflags == "" && len(details) == 0 {
		details = append(details, "development build")
	}
	if goVersion != "" {
		details = append(details, goVersion)
	}
	out := ldflags
	if len(details) > 0 {
		if out != "" {
			out += " "
		}
		out += "(" + strings.Join(details, ", ") + ")"
	}
	return out
}
