// Package glob compiles the path patterns chainlint's configuration and
// .gitignore files use: * and ? within a path segment, ** across segments,
// [classes] ([!a], [^a], [a-z]) and plain {a,b} alternatives. A pattern
// ending in /** also matches the directory itself, so a walk can skip it
// whole.
package glob

import (
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
)

// Regexp compiles a slash-separated pattern into an anchored regular
// expression over slash-separated relative paths.
func Regexp(glob string) (*regexp.Regexp, error) {
	glob = strings.TrimPrefix(filepath.ToSlash(glob), "./")
	glob = strings.TrimSuffix(glob, "/")
	if glob == "" {
		return nil, errors.New("empty pattern")
	}
	// "dir/**" matches dir itself too, so a walk can skip it whole.
	suffix := "$"
	if rest, ok := strings.CutSuffix(glob, "/**"); ok {
		glob, suffix = rest, "(?:/.*)?$"
	}
	var b strings.Builder
	b.WriteString("^")
	for i := 0; i < len(glob); i++ {
		switch c := glob[i]; c {
		case '*':
			if i+1 < len(glob) && glob[i+1] == '*' {
				i++
				if i+1 < len(glob) && glob[i+1] == '/' {
					i++
					b.WriteString("(?:.*/)?")
				} else {
					b.WriteString(".*")
				}
			} else {
				b.WriteString("[^/]*")
			}
		case '?':
			b.WriteString("[^/]")
		case '[':
			// A character class, as in the shell and .gitignore: [abc],
			// [a-z], [!a] or [^a]; it never matches '/'.
			end := strings.IndexByte(glob[i+1:], ']')
			if end == 0 && i+2 < len(glob) { // "[]...]": a ']' first is literal
				end = strings.IndexByte(glob[i+2:], ']') + 1
			}
			if end < 0 || end == 0 {
				return nil, fmt.Errorf("unterminated [ at byte %d", i+1)
			}
			class := glob[i+1 : i+1+end]
			neg := strings.HasPrefix(class, "!") || strings.HasPrefix(class, "^")
			if neg {
				class = class[1:]
			}
			if class == "" {
				return nil, fmt.Errorf("empty character class at byte %d", i+1)
			}
			b.WriteString("[")
			if neg {
				b.WriteString("^/")
			}
			for _, r := range class {
				if r == '-' {
					b.WriteRune(r)
				} else {
					b.WriteString(regexp.QuoteMeta(string(r)))
				}
			}
			b.WriteString("]")
			i += end + 1
		case '{':
			// An alternation, as in .gitignore tools and doublestar:
			// {a,b}; not nested.
			end := strings.IndexByte(glob[i:], '}')
			if end < 0 {
				return nil, fmt.Errorf("unterminated { at byte %d", i+1)
			}
			alts := strings.Split(glob[i+1:i+end], ",")
			b.WriteString("(?:")
			for k, a := range alts {
				if strings.ContainsAny(a, "{*?[") {
					return nil, fmt.Errorf("a pattern inside {…} at byte %d: only plain alternatives are supported", i+1)
				}
				if k > 0 {
					b.WriteString("|")
				}
				b.WriteString(regexp.QuoteMeta(a))
			}
			b.WriteString(")")
			i += end
		case ']', '}':
			return nil, fmt.Errorf("unmatched %c at byte %d", c, i+1)
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	b.WriteString(suffix)
	re, err := regexp.Compile(b.String())
	if err != nil {
		return nil, fmt.Errorf("not a glob chainlint understands: %w", err)
	}
	return re, nil
}

// LiteralPrefix is what every path a pattern matches starts with: the
// pattern up to its first wildcard, class or alternative, and up to its
// last complete path element before that ("dir/**" matches "dir" too).
func LiteralPrefix(glob string) string {
	glob = strings.TrimPrefix(filepath.ToSlash(glob), "./")
	if i := strings.IndexAny(glob, "*?[{"); i >= 0 {
		glob = glob[:i]
	}
	if i := strings.LastIndexByte(glob, '/'); i >= 0 {
		return glob[:i]
	}
	return ""
}
