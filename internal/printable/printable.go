// Package printable escapes what a terminal, a CI log or a diff would
// take for an instruction rather than text: control characters (escape
// sequences, carriage returns, line breaks inside a name), Unicode line
// and paragraph separators, and bidirectional overrides. Names in the
// inputs (services, backends, files) come from pull requests: printed
// raw, they could recolour a terminal, forge a workflow command or an
// extra diff header. It is a leaf: it imports nothing of chainlint.
package printable

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// String returns s with every rune that is not plain printable text
// written as a Go escape (\x1b, \r, \n, \u2028); s itself when it has
// none, so the common case costs a scan and no allocation.
func String(s string) string { return escape(s, false) }

// Lines is String for multi-line text: line breaks stay.
func Lines(s string) string { return escape(s, true) }

func escape(s string, keepNewlines bool) string {
	i := strings.IndexFunc(s, func(r rune) bool { return unsafe(r) && !(keepNewlines && r == '\n') })
	if i < 0 && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		switch {
		case r == utf8.RuneError:
			b.WriteString(`\ufffd`)
		case r == '\n' && keepNewlines:
			b.WriteByte('\n')
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x80 && unsafe(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafe(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// unsafe reports a rune String escapes.
func unsafe(r rune) bool {
	switch {
	case unicode.IsControl(r): // C0, DEL, C1
		return true
	case r == '\u2028', r == '\u2029': // line and paragraph separators
		return true
	case r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069', r == '\u200e', r == '\u200f', r == '\u061c': // bidirectional controls
		return true
	}
	return false
}
