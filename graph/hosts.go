package graph

import (
	"net"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/idna"
)

// NormalizeHost lower-cases a hostname and strips a scheme, a port, a path
// and a trailing dot, so that addresses and Host values compare equal.
func NormalizeHost(h string) string {
	if plainHost(h) {
		return h
	}
	h = strings.TrimSpace(strings.ToLower(h))
	if i := strings.Index(h, "://"); i >= 0 {
		h = h[i+3:]
	}
	if i := strings.IndexAny(h, "/?#"); i >= 0 {
		h = h[:i]
	}
	if strings.HasPrefix(h, "[") {
		if i := strings.Index(h, "]"); i >= 0 {
			return h[1:i]
		}
	}
	if i := strings.LastIndexByte(h, ':'); i >= 0 && strings.Count(h, ":") == 1 {
		h = h[:i]
	}
	h = strings.TrimSuffix(h, ".")
	for i := 0; i < len(h); i++ {
		if h[i] >= utf8.RuneSelf {
			// A name written in Unicode is the same name as its punycode
			// (xn--…) form, as DNS sees it: compare in IDNA form.
			if a, err := idna.Lookup.ToASCII(h); err == nil {
				return a
			}
			break
		}
	}
	return h
}

// plainHost reports a host NormalizeHost leaves as it is: lower-case
// letters, digits, '-' and '.', not ending in '.'. Most are.
func plainHost(h string) bool {
	for i := 0; i < len(h); i++ {
		if c := h[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.') {
			return false
		}
	}
	return len(h) > 0 && h[len(h)-1] != '.'
}

// fastlySuffixes are hostnames that reach some Fastly service; which one
// is decided by the Host header.
var fastlySuffixes = []string{".fastly.net", ".fastlylb.net", ".edgecompute.app"}

// IsFastlyHostname reports whether a normalised hostname is one of
// Fastly's own (e.g. global.ssl.fastly.net, name.edgecompute.app).
func IsFastlyHostname(h string) bool {
	for _, s := range fastlySuffixes {
		if strings.HasSuffix(h, s) || h == s[1:] {
			return true
		}
	}
	return false
}

// IsIP reports whether a normalised address is an IP literal.
func IsIP(h string) bool { return net.ParseIP(h) != nil }
