package main

import (
	"runtime/debug"
)

// version is set at build time with -ldflags "-X main.version=…"; without
// it the module version recorded by go install is used.
var version = ""

// A released build (go install …@v0.1.0) reports its module version; a
// build from a clone reports 0.0.0-dev with the commit it was built from,
// a semantic version (SARIF's semanticVersion needs one).
func versionString() string {
	if version != "" {
		return version
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "0.0.0-dev"
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	v := "0.0.0-dev"
	var rev string
	dirty := false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev != "" {
		v += "+" + rev[:min(len(rev), 12)]
		if dirty {
			v += ".dirty"
		}
	}
	return v
}
