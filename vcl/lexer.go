// Package vcl is a parser for Fastly VCL: a lexer, a tolerant
// recursive-descent parser and the syntax tree, with byte offsets on every
// node. It covers the language as Fastly documents it (declarations,
// statements, the three string forms, durations, the #FASTLY macro lines)
// plus what Fastly's generated VCL holds (pragma, C!/W!). An error inside a
// subroutine is recorded and parsing resumes at the next statement, so one
// typo does not hide the rest of a file.
//
// Offsets are into the text given to the parser; callers that parse VCL
// embedded in another file map them back themselves. The package knows
// nothing of Fastly services or of chainlint's graph.
package vcl

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Kind is a token kind.
type Kind int

// Token kinds.
const (
	EOF Kind = iota
	Illegal
	Word     // req.http.Host, var.x, F_origin, Cache-Control:private
	String   // "…", {"…"}, {delim"…"delim}
	Number   // 10, 1.5, 50%
	Duration // 10s, 1.5m, 100ms
	Macro    // #FASTLY recv
	LBrace
	RBrace
	LParen
	RParen
	Semicolon
	Comma
	Colon
	Op // = == != ~ !~ ! < > <= >= && || + - * / % += -= … and the rest
)

var kindNames = [...]string{"end of file", "illegal character", "identifier", "string", "number", "duration", "#FASTLY macro", "'{'", "'}'", "'('", "')'", "';'", "','", "':'", "operator"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Token is one lexical token. Off and End are byte offsets; Text is the
// source text, except for strings, where it is the string's value.
type Token struct {
	Kind     Kind
	Off, End int
	Text     string
	// Value is a string's value (without quotes or braces).
	Value string
	// Err describes an Illegal token or an unterminated string.
	Err string
}

// Lexer turns VCL source into tokens. Comments are skipped; #FASTLY lines
// are Macro tokens.
type Lexer struct {
	// src is the source as one string: token texts are slices of it, so
	// lexing allocates nothing per token.
	src string
	pos int
}

// NewLexer returns a lexer over src.
func NewLexer(src []byte) *Lexer { return &Lexer{src: string(src)} }

// NewStringLexer returns a lexer over src, which it does not copy.
func NewStringLexer(src string) *Lexer { return &Lexer{src: src} }

// Tokenize returns every token of src, ending with EOF.
func Tokenize(src []byte) []Token { return tokenize(NewLexer(src), nil) }

// tokenize appends every token of the lexer's source to toks.
func tokenize(lx *Lexer, toks []Token) []Token {
	if toks == nil {
		// Real VCL averages a token every 6–8 bytes; sizing for that avoids
		// regrowing a slice of 72-byte tokens.
		toks = make([]Token, 0, len(lx.src)/6+16)
	}
	for {
		t := lx.Next()
		toks = append(toks, t)
		if t.Kind == EOF {
			return toks
		}
	}
}

func isIdentStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

func isIdentPart(c byte) bool {
	return isIdentStart(c) || c >= '0' && c <= '9' || c == '.' || c == '-' || c == ':'
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// skipSpace skips white space and comments, stopping at a #FASTLY macro.
func (lx *Lexer) skipSpace() {
	for lx.pos < len(lx.src) {
		c := lx.src[lx.pos]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			lx.pos++
		case c == '#':
			if lx.isMacro() {
				return
			}
			lx.skipLine()
		case c == '/' && lx.peek(1) == '/':
			lx.skipLine()
		case c == '/' && lx.peek(1) == '*':
			end := indexFrom(lx.src, lx.pos+2, "*/")
			if end < 0 {
				lx.pos = len(lx.src)
				return
			}
			lx.pos = end + 2
		case c == 0xEF && lx.pos == 0 && lx.peek(1) == 0xBB && lx.peek(2) == 0xBF:
			lx.pos += 3 // byte-order mark
		default:
			return
		}
	}
}

func (lx *Lexer) isMacro() bool {
	rest := lx.src[lx.pos:]
	return len(rest) >= 7 && rest[:7] == "#FASTLY" && (len(rest) == 7 || rest[7] == ' ' || rest[7] == '\t')
}

func (lx *Lexer) skipLine() {
	for lx.pos < len(lx.src) && lx.src[lx.pos] != '\n' {
		lx.pos++
	}
}

func (lx *Lexer) peek(n int) byte {
	if lx.pos+n < len(lx.src) {
		return lx.src[lx.pos+n]
	}
	return 0
}

func indexFrom(src string, from int, sub string) int {
	if from > len(src) {
		return -1
	}
	if i := strings.Index(src[from:], sub); i >= 0 {
		return from + i
	}
	return -1
}

// threeCharOps and the rest are matched longest first.
var (
	threeCharOps = []string{"<<=", ">>=", "&&=", "||="}
	twoCharOps   = []string{"==", "!=", "!~", "<=", ">=", "&&", "||", "+=", "-=", "*=", "/=", "%=", "|=", "&=", "^="}
)

// Next returns the next token.
func (lx *Lexer) Next() Token {
	lx.skipSpace()
	start := lx.pos
	if lx.pos >= len(lx.src) {
		return Token{Kind: EOF, Off: start, End: start}
	}
	c := lx.src[lx.pos]
	tok := func(k Kind, n int) Token {
		lx.pos += n
		return Token{Kind: k, Off: start, End: lx.pos, Text: lx.src[start:lx.pos]}
	}
	switch {
	case c == '#': // a #FASTLY macro: the whole line
		lx.skipLine()
		return Token{Kind: Macro, Off: start, End: lx.pos, Text: lx.src[start:lx.pos]}
	case c == '"':
		return lx.shortString()
	case c == '{' && lx.isLongString():
		return lx.longString()
	case c == '{':
		return tok(LBrace, 1)
	case c == '}':
		return tok(RBrace, 1)
	case c == '(':
		return tok(LParen, 1)
	case c == ')':
		return tok(RParen, 1)
	case c == ';':
		return tok(Semicolon, 1)
	case c == ',':
		return tok(Comma, 1)
	case c == ':':
		return tok(Colon, 1)
	case isDigit(c):
		return lx.number()
	case isIdentStart(c) || c == '.' && isIdentStart(lx.peek(1)): // .host: a property name
		lx.pos++
		for lx.pos < len(lx.src) && isIdentPart(lx.src[lx.pos]) {
			lx.pos++
		}
		// rol= and ror= are operators spelt like identifiers.
		if t := lx.src[start:lx.pos]; (t == "rol" || t == "ror") && lx.pos < len(lx.src) && lx.src[lx.pos] == '=' {
			lx.pos++
			return Token{Kind: Op, Off: start, End: lx.pos, Text: t + "="}
		}
		return Token{Kind: Word, Off: start, End: lx.pos, Text: lx.src[start:lx.pos]}
	}
	for _, op := range threeCharOps {
		if lx.hasPrefix(op) {
			return tok(Op, 3)
		}
	}
	for _, op := range twoCharOps {
		if lx.hasPrefix(op) {
			return tok(Op, 2)
		}
	}
	switch c {
	case '=', '~', '!', '<', '>', '+', '-', '*', '/', '%', '|', '&', '^':
		return tok(Op, 1)
	}
	r, w := utf8.DecodeRuneInString(lx.src[lx.pos:])
	lx.pos += max(w, 1)
	msg := fmt.Sprintf("unexpected character %q", r)
	if r == utf8.RuneError {
		msg = fmt.Sprintf("unexpected byte 0x%02x", c)
	}
	return Token{Kind: Illegal, Off: start, End: lx.pos, Text: lx.src[start:lx.pos], Err: msg}
}

func (lx *Lexer) hasPrefix(s string) bool {
	return lx.pos+len(s) <= len(lx.src) && lx.src[lx.pos:lx.pos+len(s)] == s
}

// shortString lexes "…": no escapes (Fastly uses %xx), no line breaks.
func (lx *Lexer) shortString() Token {
	start := lx.pos
	for i := lx.pos + 1; i < len(lx.src); i++ {
		switch lx.src[i] {
		case '"':
			lx.pos = i + 1
			return Token{Kind: String, Off: start, End: lx.pos, Text: lx.src[start:lx.pos], Value: lx.src[start+1 : i]}
		case '\n':
			lx.pos = i
			return Token{Kind: String, Off: start, End: i, Text: lx.src[start:i], Value: lx.src[start+1 : i],
				Err: `unterminated string: a "…" string cannot span lines (use {"…"} for that)`}
		}
	}
	lx.pos = len(lx.src)
	return Token{Kind: String, Off: start, End: lx.pos, Text: lx.src[start:], Value: lx.src[start+1:], Err: "unterminated string"}
}

// isLongString reports {"…"} or {delim"…"delim} at the position.
func (lx *Lexer) isLongString() bool {
	i := lx.pos + 1
	for i < len(lx.src) && (isIdentStart(lx.src[i]) || isDigit(lx.src[i])) {
		i++
	}
	return i < len(lx.src) && lx.src[i] == '"'
}

func (lx *Lexer) longString() Token {
	start := lx.pos
	i := lx.pos + 1
	for lx.src[i] != '"' {
		i++
	}
	delim := lx.src[lx.pos+1 : i]
	closing := "\"" + delim + "}"
	body := i + 1
	end := indexFrom(lx.src, body, closing)
	if end < 0 {
		lx.pos = len(lx.src)
		return Token{Kind: String, Off: start, End: lx.pos, Text: lx.src[start:], Value: lx.src[body:],
			Err: fmt.Sprintf("unterminated string: no closing %s", closing)}
	}
	lx.pos = end + len(closing)
	return Token{Kind: String, Off: start, End: lx.pos, Text: lx.src[start:lx.pos], Value: lx.src[body:end]}
}

// number lexes integers, floats, hex, percentages and durations.
func (lx *Lexer) number() Token {
	start := lx.pos
	if lx.src[lx.pos] == '0' && (lx.peek(1) == 'x' || lx.peek(1) == 'X') {
		lx.pos += 2
		for lx.pos < len(lx.src) && (isDigit(lx.src[lx.pos]) || (lx.src[lx.pos]|0x20) >= 'a' && (lx.src[lx.pos]|0x20) <= 'f') {
			lx.pos++
		}
		return Token{Kind: Number, Off: start, End: lx.pos, Text: lx.src[start:lx.pos]}
	}
	for lx.pos < len(lx.src) && isDigit(lx.src[lx.pos]) {
		lx.pos++
	}
	if lx.pos < len(lx.src) && lx.src[lx.pos] == '.' && isDigit(lx.peek(1)) {
		lx.pos++
		for lx.pos < len(lx.src) && isDigit(lx.src[lx.pos]) {
			lx.pos++
		}
	}
	if lx.pos < len(lx.src) && (lx.src[lx.pos] == 'e' || lx.src[lx.pos] == 'E') && (isDigit(lx.peek(1)) || (lx.peek(1) == '-' || lx.peek(1) == '+') && isDigit(lx.peek(2))) {
		lx.pos += 2
		for lx.pos < len(lx.src) && isDigit(lx.src[lx.pos]) {
			lx.pos++
		}
	}
	kind := Number
	switch {
	case lx.hasPrefix("ms"):
		lx.pos += 2
		kind = Duration
	case lx.pos < len(lx.src) && isDurationUnit(lx.src[lx.pos]) && (lx.pos+1 >= len(lx.src) || !isIdentPart(lx.src[lx.pos+1])):
		lx.pos++
		kind = Duration
	case lx.pos < len(lx.src) && lx.src[lx.pos] == '%':
		lx.pos++
	}
	if lx.pos < len(lx.src) && isIdentStart(lx.src[lx.pos]) {
		for lx.pos < len(lx.src) && isIdentPart(lx.src[lx.pos]) {
			lx.pos++
		}
		return Token{Kind: Illegal, Off: start, End: lx.pos, Text: lx.src[start:lx.pos],
			Err: fmt.Sprintf("malformed number %q (durations end in ms, s, m, h, d or y)", lx.src[start:lx.pos])}
	}
	return Token{Kind: kind, Off: start, End: lx.pos, Text: lx.src[start:lx.pos]}
}

func isDurationUnit(c byte) bool {
	switch c {
	case 's', 'm', 'h', 'd', 'y':
		return true
	}
	return false
}
