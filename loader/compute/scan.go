package compute

import (
	"path/filepath"
	"strings"
)

// lang is a source language chainlint scans.
type lang int

const (
	langNone lang = iota
	langRust
	langJS // JavaScript and TypeScript
	langGo
)

func langOf(name string) lang {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".rs":
		return langRust
	case ".js", ".mjs", ".cjs", ".ts", ".mts", ".cts", ".jsx", ".tsx":
		return langJS
	case ".go":
		return langGo
	}
	return langNone
}

type tokKind int

const (
	tIdent tokKind = iota
	tString
	tPunct
	tOther // numbers and anything else
)

type tok struct {
	kind     tokKind
	text     string // identifier, punctuation, or a string's value
	off, end int    // source offsets (for a string: the quotes included)
}

// tokenize splits source into identifiers, strings and punctuation,
// dropping comments, so that a name inside a comment or inside an
// unrelated string can never look like a call. It is a small lexer per
// language, not a parser: enough for the call shapes scan looks for.
func tokenize(src []byte, l lang) []tok {
	var out []tok
	i := 0
	for i < len(src) {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '/' && i+1 < len(src) && src[i+1] == '/':
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			i = skipBlockComment(src, i, l == langRust)
		case c == '"':
			end, val := quoted(src, i, '"')
			out = append(out, tok{tString, val, i, end})
			i = end
		case c == '\'' && l == langJS:
			end, val := quoted(src, i, '\'')
			out = append(out, tok{tString, val, i, end})
			i = end
		case c == '\'': // Rust char or lifetime, Go rune
			if l == langRust && i+2 < len(src) && isIdent(src[i+1]) && src[i+2] != '\'' {
				i++ // a lifetime: 'a
				continue
			}
			end, _ := quoted(src, i, '\'')
			out = append(out, tok{tOther, "char", i, end})
			i = end
		case c == '`' && l == langJS:
			end := template(src, i)
			// A template literal without substitutions is a plain string.
			val := string(src[i+1 : max(i+1, end-1)])
			kind := tString
			if strings.Contains(val, "${") {
				kind = tOther
			}
			out = append(out, tok{kind, val, i, end})
			i = end
		case c == '`' && l == langGo:
			j := i + 1
			for j < len(src) && src[j] != '`' {
				j++
			}
			end := min(j+1, len(src))
			out = append(out, tok{tString, string(src[i+1 : min(j, len(src))]), i, end})
			i = end
		case l == langRust && (c == 'r' || c == 'b') && rawStringAt(src, i):
			end, val := rustRaw(src, i)
			out = append(out, tok{tString, val, i, end})
			i = end
		case isIdentStart(c):
			j := i
			for j < len(src) && isIdent(src[j]) {
				j++
			}
			out = append(out, tok{tIdent, string(src[i:j]), i, j})
			i = j
		case c >= '0' && c <= '9':
			j := i
			for j < len(src) && (isIdent(src[j]) || src[j] == '.') {
				j++
			}
			out = append(out, tok{tOther, string(src[i:j]), i, j})
			i = j
		case c == ':' && i+1 < len(src) && src[i+1] == ':':
			out = append(out, tok{tPunct, "::", i, i + 2})
			i += 2
		default:
			out = append(out, tok{tPunct, string(c), i, i + 1})
			i++
		}
	}
	return out
}

func isIdentStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$' || c >= 0x80
}

func isIdent(c byte) bool { return isIdentStart(c) || c >= '0' && c <= '9' }

func skipBlockComment(src []byte, i int, nested bool) int {
	depth := 0
	for i < len(src) {
		switch {
		case src[i] == '/' && i+1 < len(src) && src[i+1] == '*':
			depth++
			i += 2
			if !nested && depth > 1 {
				depth = 1
			}
		case src[i] == '*' && i+1 < len(src) && src[i+1] == '/':
			depth--
			i += 2
			if depth == 0 {
				return i
			}
		default:
			i++
		}
	}
	return i
}

// quoted scans a quoted string from i; it returns the end offset and the
// value with simple escapes undone.
func quoted(src []byte, i int, q byte) (int, string) {
	var b strings.Builder
	j := i + 1
	for j < len(src) {
		c := src[j]
		switch {
		case c == q:
			return j + 1, b.String()
		case c == '\\' && j+1 < len(src):
			switch src[j+1] {
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			default:
				b.WriteByte(src[j+1])
			}
			j += 2
		case c == '\n' && q != '`':
			return j, b.String() // unterminated: stop at the line end
		default:
			b.WriteByte(c)
			j++
		}
	}
	return j, b.String()
}

// template skips a JavaScript template literal, substitutions included.
func template(src []byte, i int) int {
	j := i + 1
	for j < len(src) {
		switch src[j] {
		case '\\':
			j += 2
		case '`':
			return j + 1
		case '$':
			if j+1 < len(src) && src[j+1] == '{' {
				depth := 0
				for j < len(src) {
					if src[j] == '{' {
						depth++
					} else if src[j] == '}' {
						depth--
						if depth == 0 {
							break
						}
					}
					j++
				}
			}
			j++
		default:
			j++
		}
	}
	return min(j, len(src))
}

// rawStringAt reports a Rust raw or byte string: r"…", r#"…"#, b"…", br"…".
func rawStringAt(src []byte, i int) bool {
	j := i
	if src[j] == 'b' {
		j++
	}
	if j < len(src) && src[j] == 'r' {
		j++
		for j < len(src) && src[j] == '#' {
			j++
		}
	}
	return j > i && j < len(src) && src[j] == '"' && (i == 0 || !isIdent(src[i-1]))
}

func rustRaw(src []byte, i int) (int, string) {
	j := i
	if src[j] == 'b' {
		j++
	}
	if src[j] != 'r' { // b"…": an ordinary string with escapes
		return quoted(src, j, '"')
	}
	j++
	hashes := 0
	for src[j] == '#' {
		hashes++
		j++
	}
	start := j + 1
	closing := "\"" + strings.Repeat("#", hashes)
	k := strings.Index(string(src[start:]), closing)
	if k < 0 {
		return len(src), string(src[start:])
	}
	return start + k + len(closing), string(src[start : start+k])
}
