package vcl

import (
	"fmt"
	"slices"
	"strings"
	"sync"
)

// MaxDepth bounds the nesting of blocks and expressions, so that hostile
// input cannot exhaust the stack.
const MaxDepth = 500

// Parse parses a VCL file: a list of declarations.
func Parse(src []byte) *File { return ParseString(string(src)) }

// ParseString is Parse over a string, which it does not copy: the tree's
// names and literals share its memory.
func ParseString(src string) *File { return ParseStringIn(nil, src) }

// ParseStringIn is ParseString with the tree's commonest nodes from a
// (nil: the heap's): the tree must not be read after a.Reset.
func ParseStringIn(a *Arena, src string) *File {
	p := newParser(src, a)
	defer p.release()
	f := &File{Decls: p.decls()}
	f.Errors = dedupe(p.errs)
	return f
}

// ParseSnippet parses a VCL snippet of a Fastly snippet type. Snippets of
// the subroutine types (recv, hash, hit, miss, pass, fetch, error,
// deliver, log) are statement lists, parsed as the body of that
// subroutine; init snippets are declarations; a snippet of type none (or
// of no known type) is parsed as declarations when it starts with one,
// and as statements otherwise.
func ParseSnippet(src []byte, typ string) *File { return ParseSnippetString(string(src), typ) }

// ParseSnippetString is ParseSnippet over a string, which it does not
// copy.
func ParseSnippetString(src, typ string) *File { return ParseSnippetStringIn(nil, src, typ) }

// ParseSnippetStringIn is ParseSnippetString with the tree's commonest
// nodes from a (nil: the heap's): the tree must not be read after
// a.Reset.
func ParseSnippetStringIn(a *Arena, src, typ string) *File {
	p := newParser(src, a)
	defer p.release()
	f := &File{}
	switch strings.ToLower(typ) {
	case "init":
		f.Decls = p.decls()
	case "recv", "hash", "hit", "miss", "pass", "fetch", "error", "deliver", "log":
		f.Stmts = p.stmts(0)
	default:
		if p.hasTopLevelDecl() {
			f.Decls = p.decls()
		} else {
			f.Stmts = p.stmts(0)
		}
	}
	f.Errors = dedupe(p.errs)
	return f
}

// hasTopLevelDecl reports whether a declaration keyword followed by a name
// (sub vcl_recv, backend F_x, …) stands outside braces anywhere: then the
// text is declarations, even when a line before it is not (a template
// directive, a stray token), and the parser resynchronises at each
// declaration instead of reading the rest as statements.
func (p *parser) hasTopLevelDecl() bool {
	defer func(i int) { p.i = i }(p.i)
	depth := 0
	for i, t := range p.toks {
		switch t.Kind {
		case LBrace:
			depth++
		case RBrace:
			depth = max(depth-1, 0)
		case Word:
			if depth == 0 && declKeywords[t.Text] && i+1 < len(p.toks) && (p.toks[i+1].Kind == Word || p.toks[i+1].Kind == String) {
				return true
			}
		}
	}
	return false
}

// dedupe drops an error at a position an earlier error already has (a
// lexical error the parser then fails on): one error per position.
func dedupe(errs []*Error) []*Error {
	seen := map[int]bool{}
	out := errs[:0]
	for _, e := range errs {
		if seen[e.Pos] {
			continue
		}
		seen[e.Pos] = true
		out = append(out, e)
	}
	return out
}

// SubroutineSnippetTypes maps a snippet type to the subroutine it is
// inserted into.
var SubroutineSnippetTypes = map[string]string{
	"recv": "vcl_recv", "hash": "vcl_hash", "hit": "vcl_hit", "miss": "vcl_miss", "pass": "vcl_pass",
	"fetch": "vcl_fetch", "error": "vcl_error", "deliver": "vcl_deliver", "log": "vcl_log",
}

type parser struct {
	toks  []Token
	i     int
	errs  []*Error
	depth int
	// a holds the tree's commonest nodes (nil: the heap); the stacks
	// hold the lists being parsed (Arena).
	a         *Arena
	stmtStack []Stmt
	declStack []Decl
}

// tokens holds token buffers between parses: a parse needs all of its
// tokens at once (some 12 bytes of them per byte of VCL), and only for
// as long as it runs.
var tokens sync.Pool

// maxPooledTokens bounds the buffers kept: one huge file's buffer is
// not held for the small ones.
const maxPooledTokens = 1 << 16

func newParser(src string, a *Arena) *parser {
	var buf []Token
	if b, ok := tokens.Get().(*[]Token); ok {
		buf = *b
	}
	p := &parser{toks: tokenize(NewStringLexer(src), buf), a: a}
	if a != nil {
		p.stmtStack, p.declStack = a.stmtStack[:0], a.declStack[:0]
	}
	// Lexical errors are reported once, where they are.
	for _, t := range p.toks {
		if t.Err != "" {
			p.errs = append(p.errs, &Error{Pos: t.Off, End: t.End, Msg: t.Err})
		}
	}
	return p
}

// release returns the parser's token buffer to the pool, cleared so that
// it holds on to no source.
func (p *parser) release() {
	if p.a != nil {
		clear(p.stmtStack[:cap(p.stmtStack)])
		clear(p.declStack[:cap(p.declStack)])
		p.a.stmtStack, p.a.declStack = p.stmtStack[:0], p.declStack[:0]
	}
	if cap(p.toks) <= maxPooledTokens {
		clear(p.toks)
		buf := p.toks[:0]
		tokens.Put(&buf)
	}
	p.toks = nil
}

func (p *parser) cur() Token { return p.toks[p.i] }

// next returns the token after the current one.
func (p *parser) next() Token {
	if p.i+1 < len(p.toks) {
		return p.toks[p.i+1]
	}
	return p.toks[len(p.toks)-1]
}

func (p *parser) advance() Token {
	t := p.toks[p.i]
	if p.i < len(p.toks)-1 {
		p.i++
	}
	return t
}

func (p *parser) prevEnd() int {
	if p.i == 0 {
		return 0
	}
	return p.toks[p.i-1].End
}

// syntaxError aborts the construct being parsed; the caller recovers.
type syntaxError struct{ err *Error }

func (p *parser) failAt(t Token, format string, args ...any) {
	panic(syntaxError{&Error{Pos: t.Off, End: max(t.End, t.Off+1), Msg: fmt.Sprintf(format, args...)}})
}

func describe(t Token) string {
	switch t.Kind {
	case EOF:
		return "end of file"
	case Word:
		return fmt.Sprintf("%q", t.Text)
	case String:
		return "string " + t.Text
	case Illegal:
		return fmt.Sprintf("%q", t.Text)
	}
	return fmt.Sprintf("%q", t.Text)
}

func (p *parser) expect(k Kind, what string) Token {
	t := p.cur()
	if t.Kind != k && k == Semicolon && p.i > 0 {
		// Report a missing ';' where it belongs: after the previous token.
		// When what follows starts a statement or closes the block, act as
		// if the ';' were there, so neither statement is lost.
		end := p.prevEnd()
		err := &Error{Pos: end, End: end + 1, Msg: fmt.Sprintf("missing ';' (found %s next)", describe(t))}
		if t.Kind == RBrace || t.Kind == EOF || t.Kind == Word && stmtKeywords[t.Text] && t.Text != "else" {
			p.errs = append(p.errs, err)
			return Token{Kind: Semicolon, Off: end, End: end}
		}
		panic(syntaxError{err})
	}
	if t.Kind != k {
		p.failAt(t, "expected %s, found %s", what, describe(t))
	}
	return p.advance()
}

func (p *parser) expectOp(op string) {
	t := p.cur()
	if t.Kind != Op || t.Text != op {
		p.failAt(t, "expected %q, found %s", op, describe(t))
	}
	p.advance()
}

func (p *parser) isWord(w string) bool {
	t := p.cur()
	return t.Kind == Word && t.Text == w
}

func (p *parser) ident(what string) *Ident {
	t := p.expect(Word, what)
	return p.a.ident(t.Off, t.End, t.Text)
}

// guard runs parse, turning a syntax error into a recorded error and a
// resynchronisation by sync.
func (p *parser) guard(parse func(), sync func()) {
	start := p.i
	stmts, decls := len(p.stmtStack), len(p.declStack)
	defer func() {
		if r := recover(); r != nil {
			se, isSyntax := r.(syntaxError)
			if !isSyntax {
				panic(r)
			}
			// Lists cut short by the error are no one's.
			clear(p.stmtStack[stmts:])
			clear(p.declStack[decls:])
			p.stmtStack, p.declStack = p.stmtStack[:stmts], p.declStack[:decls]
			p.errs = append(p.errs, se.err)
			if p.i == start {
				p.advance() // always make progress
			}
			sync()
		}
	}()
	parse()
}

var declKeywords = map[string]bool{
	"backend": true, "director": true, "table": true, "acl": true, "sub": true, "include": true,
	"import": true, "penaltybox": true, "ratecounter": true, "pragma": true,
}

func (p *parser) startsDecl() bool {
	t := p.cur()
	if t.Kind == Word && declKeywords[t.Text] {
		return true
	}
	return t.Kind == Word && (t.Text == "C" || t.Text == "W") && p.next().Kind == Op && p.next().Text == "!"
}

func (p *parser) decls() []Decl {
	from := len(p.declStack)
	for p.cur().Kind != EOF {
		var d Decl
		p.guard(func() { d = p.decl() }, p.syncDecl)
		if d != nil {
			p.declStack = append(p.declStack, d)
		}
	}
	out := p.a.declList(p.declStack[from:])
	clear(p.declStack[from:])
	p.declStack = p.declStack[:from]
	return out
}

// syncDecl skips to the next declaration keyword outside braces.
func (p *parser) syncDecl() {
	depth := 0
	for p.cur().Kind != EOF {
		t := p.cur()
		switch {
		case t.Kind == LBrace:
			depth++
		case t.Kind == RBrace:
			if depth > 0 {
				depth--
			}
		case depth == 0 && p.startsDecl():
			return
		}
		p.advance()
	}
}

func (p *parser) decl() Decl {
	t := p.cur()
	switch {
	case t.Kind == Macro:
		p.advance()
		return &MacroDecl{Range: Range{t.Off, t.End}, Name: macroName(t.Text)}
	case t.Kind != Word:
		p.failAt(t, "expected a declaration (backend, director, table, acl, sub, include, import, penaltybox, ratecounter), found %s", describe(t))
	case t.Text == "C" || t.Text == "W":
		if n := p.next(); n.Kind == Op && n.Text == "!" {
			p.advance()
			p.advance()
			return &PragmaDecl{Range: Range{t.Off, p.prevEnd()}, Text: t.Text + "!"}
		}
	}
	switch t.Text {
	case "backend":
		return p.backend()
	case "director":
		return p.director()
	case "table":
		return p.table()
	case "acl":
		return p.acl()
	case "sub":
		return p.sub()
	case "include":
		p.advance()
		s := p.stringLit("a file name in quotes")
		p.optionalSemicolon()
		return &IncludeDecl{Range: Range{t.Off, p.prevEnd()}, Path: s}
	case "import":
		p.advance()
		name := p.ident("a module name")
		p.expect(Semicolon, "';'")
		return &ImportDecl{Range: Range{t.Off, p.prevEnd()}, Name: name}
	case "penaltybox", "ratecounter":
		p.advance()
		name := p.ident("a name")
		p.expect(LBrace, "'{'")
		p.expect(RBrace, "'}' (a "+t.Text+" has an empty body)")
		if t.Text == "penaltybox" {
			return &PenaltyboxDecl{Range: Range{t.Off, p.prevEnd()}, Name: name}
		}
		return &RatecounterDecl{Range: Range{t.Off, p.prevEnd()}, Name: name}
	case "pragma":
		for p.cur().Kind != Semicolon && p.cur().Kind != EOF {
			p.advance()
		}
		p.expect(Semicolon, "';'")
		return &PragmaDecl{Range: Range{t.Off, p.prevEnd()}, Text: "pragma"}
	}
	p.failAt(t, "expected a declaration (backend, director, table, acl, sub, include, import, penaltybox, ratecounter), found %s", describe(t))
	return nil
}

func macroName(text string) string {
	fields := strings.Fields(strings.TrimPrefix(text, "#FASTLY"))
	if len(fields) == 0 {
		return ""
	}
	return strings.ToLower(fields[0])
}

func (p *parser) optionalSemicolon() {
	if p.cur().Kind == Semicolon {
		p.advance()
	}
}

func (p *parser) stringLit(what string) *StringLit {
	t := p.expect(String, what)
	return p.stringLitOf(t)
}

// stringLitOf makes a literal of a string token; its value starts after
// the opening quote, {" or {delim".
func (p *parser) stringLitOf(t Token) *StringLit {
	return p.a.str(StringLit{Range: Range{t.Off, t.End}, Value: t.Value, ValuePos: t.Off + strings.IndexByte(t.Text, '"') + 1})
}

func (p *parser) backend() *BackendDecl {
	start := p.advance()
	name := p.ident("a backend name")
	props := p.properties()
	return &BackendDecl{Range: Range{start.Off, p.prevEnd()}, Name: name, Props: props}
}

// properties parses { .name = value; … }.
func (p *parser) properties() []*Property {
	p.expect(LBrace, "'{'")
	p.enter()
	defer p.leave()
	var props []*Property
	for p.cur().Kind != RBrace && p.cur().Kind != EOF {
		var prop *Property
		p.guard(func() { prop = p.property() }, p.syncStmt)
		if prop != nil {
			props = append(props, prop)
		}
	}
	p.expect(RBrace, "'}'")
	return props
}

func (p *parser) property() *Property {
	t := p.cur()
	if t.Kind != Word || !strings.HasPrefix(t.Text, ".") || len(t.Text) < 2 {
		if t.Kind == Op && t.Text == "." {
			p.failAt(t, "expected a property name after '.'")
		}
		p.failAt(t, "expected a property (.name = value;), found %s", describe(t))
	}
	p.advance()
	prop := &Property{Name: p.a.ident(t.Off+1, t.End, t.Text[1:])}
	p.expectOp("=")
	if p.cur().Kind == LBrace {
		prop.Object = p.properties()
		p.optionalSemicolon()
	} else {
		prop.Value = p.expr()
		p.expect(Semicolon, "';'")
	}
	prop.Range = Range{t.Off, p.prevEnd()}
	return prop
}

func (p *parser) director() *DirectorDecl {
	start := p.advance()
	d := &DirectorDecl{Name: p.ident("a director name")}
	d.Type = p.ident("a director type (random, hash, client, fallback, chash, shield)")
	p.expect(LBrace, "'{'")
	p.enter()
	defer p.leave()
	for p.cur().Kind != RBrace && p.cur().Kind != EOF {
		if p.cur().Kind == LBrace {
			var member []*Property
			p.guard(func() { member = p.properties() }, p.syncStmt)
			d.Members = append(d.Members, member)
			continue
		}
		var prop *Property
		p.guard(func() { prop = p.property() }, p.syncStmt)
		if prop != nil {
			d.Props = append(d.Props, prop)
		}
	}
	p.expect(RBrace, "'}'")
	d.Range = Range{start.Off, p.prevEnd()}
	return d
}

func (p *parser) table() *TableDecl {
	start := p.advance()
	d := &TableDecl{Name: p.ident("a table name")}
	if p.cur().Kind == Word {
		d.Type = p.ident("a table type")
	}
	p.expect(LBrace, "'{'")
	for p.cur().Kind != RBrace && p.cur().Kind != EOF {
		var e *TableEntry
		p.guard(func() {
			key := p.stringLit(`a key in quotes ("key": value)`)
			p.expect(Colon, "':' after the table key")
			val := p.unary()
			e = &TableEntry{Range: Range{key.Pos, p.prevEnd()}, Key: key, Value: val}
			if p.cur().Kind == Comma {
				p.advance()
			} else if p.cur().Kind != RBrace {
				p.failAt(p.cur(), "expected ',' or '}' after a table entry, found %s", describe(p.cur()))
			}
		}, p.syncTableEntry)
		if e != nil {
			d.Entries = append(d.Entries, e)
		}
	}
	p.expect(RBrace, "'}'")
	d.Range = Range{start.Off, p.prevEnd()}
	return d
}

func (p *parser) syncTableEntry() {
	for p.cur().Kind != EOF && p.cur().Kind != RBrace {
		if p.advance().Kind == Comma {
			return
		}
	}
}

func (p *parser) acl() *ACLDecl {
	start := p.advance()
	d := &ACLDecl{Name: p.ident("an ACL name")}
	p.expect(LBrace, "'{'")
	for p.cur().Kind != RBrace && p.cur().Kind != EOF {
		var e *ACLEntry
		p.guard(func() {
			first := p.cur()
			e = &ACLEntry{}
			if first.Kind == Op && first.Text == "!" {
				e.Negated = true
				p.advance()
			}
			e.Addr = p.stringLit(`an address in quotes ("10.0.0.0"/8;)`)
			if t := p.cur(); t.Kind == Op && t.Text == "/" {
				p.advance()
				e.Mask = p.expect(Number, "a mask length").Text
			}
			p.expect(Semicolon, "';'")
			e.Range = Range{first.Off, p.prevEnd()}
		}, p.syncStmt)
		if e != nil {
			d.Entries = append(d.Entries, e)
		}
	}
	p.expect(RBrace, "'}'")
	d.Range = Range{start.Off, p.prevEnd()}
	return d
}

func (p *parser) sub() *SubDecl {
	start := p.advance()
	d := p.a.sub(SubDecl{Name: p.ident("a subroutine name")})
	if p.cur().Kind == LParen {
		p.advance()
		for p.cur().Kind != RParen {
			typ := p.ident("a parameter type")
			name := p.ident("a parameter name")
			d.Params = append(d.Params, &Param{Range: Range{typ.Pos, name.End}, Type: typ, Name: name})
			if p.cur().Kind != Comma {
				break
			}
			p.advance()
		}
		p.expect(RParen, "')'")
	}
	if p.cur().Kind == Word {
		d.ReturnType = p.ident("a return type")
	}
	d.Body = p.block()
	d.Range = Range{start.Off, p.prevEnd()}
	return d
}

func (p *parser) enter() {
	p.depth++
	if p.depth > MaxDepth {
		p.depth-- // the caller's deferred leave() will not run for this level
		p.failAt(p.cur(), "nesting deeper than %d levels", MaxDepth)
	}
}

func (p *parser) leave() {
	if p.depth > 0 {
		p.depth--
	}
}

func (p *parser) block() *Block {
	open := p.expect(LBrace, "'{'")
	p.enter()
	defer p.leave()
	b := p.a.block(Block{Stmts: p.stmts(1)})
	p.expect(RBrace, "'}'")
	b.Range = Range{open.Off, p.prevEnd()}
	return b
}

// stmts parses statements up to a closing brace (inBlock > 0) or the end.
func (p *parser) stmts(inBlock int) []Stmt {
	from := len(p.stmtStack)
	for {
		t := p.cur()
		if t.Kind == EOF || (t.Kind == RBrace && inBlock > 0) {
			out := p.a.stmtList(p.stmtStack[from:])
			clear(p.stmtStack[from:])
			p.stmtStack = p.stmtStack[:from]
			return out
		}
		if t.Kind == RBrace {
			p.errs = append(p.errs, &Error{Pos: t.Off, End: t.End, Msg: "unexpected '}' with no block to close"})
			p.advance()
			continue
		}
		var s Stmt
		p.guard(func() { s = p.stmt() }, p.syncStmt)
		if s != nil {
			p.stmtStack = append(p.stmtStack, s)
		}
	}
}

// syncStmt skips past the next ';' outside braces, or to a '}' that
// closes the enclosing block.
func (p *parser) syncStmt() {
	depth := 0
	for p.cur().Kind != EOF {
		switch p.cur().Kind {
		case Semicolon:
			if depth == 0 {
				p.advance()
				return
			}
		case LBrace:
			depth++
		case RBrace:
			if depth == 0 {
				return
			}
			depth--
			if depth == 0 {
				p.advance()
				return
			}
		}
		p.advance()
	}
}

func (p *parser) stmt() Stmt {
	t := p.cur()
	switch t.Kind {
	case Macro:
		p.advance()
		return p.a.macro(MacroStmt{Range: Range{t.Off, t.End}, Name: macroName(t.Text)})
	case LBrace:
		return p.block()
	case Word:
	default:
		p.failAt(t, "expected a statement, found %s", describe(t))
	}
	end := func() Range {
		p.expect(Semicolon, "';'")
		return Range{t.Off, p.prevEnd()}
	}
	switch t.Text {
	case "set":
		p.advance()
		target := p.ident("a variable to set")
		op := p.cur()
		if op.Kind != Op || !strings.HasSuffix(op.Text, "=") || op.Text == "==" || op.Text == "!=" || op.Text == "<=" || op.Text == ">=" {
			p.failAt(op, "expected an assignment operator (=, +=, …), found %s", describe(op))
		}
		p.advance()
		val := p.expr()
		return p.a.set(SetStmt{Target: target, Op: op.Text, Value: val, Range: end()})
	case "unset", "remove":
		p.advance()
		target := p.ident("a variable to unset")
		return &UnsetStmt{Target: target, Range: end()}
	case "add":
		p.advance()
		target := p.ident("a header to add")
		p.expectOp("=")
		val := p.expr()
		return &AddStmt{Target: target, Value: val, Range: end()}
	case "call":
		p.advance()
		name := p.ident("a subroutine name")
		s := &CallStmt{Name: name}
		if p.cur().Kind == LParen { // call f(args);
			p.advance()
			for p.cur().Kind != RParen {
				s.Args = append(s.Args, p.expr())
				if p.cur().Kind != Comma {
					break
				}
				p.advance()
			}
			p.expect(RParen, "')'")
		}
		s.Range = end()
		return s
	case "declare":
		p.advance()
		if !p.isWord("local") {
			p.failAt(p.cur(), "expected \"local\" after declare, found %s", describe(p.cur()))
		}
		p.advance()
		s := &DeclareStmt{Name: p.ident("a variable name (var.…)")}
		s.Type = p.ident("a type (STRING, INTEGER, BOOL, …)")
		if t := p.cur(); t.Kind == Op && t.Text == "=" {
			p.advance()
			s.Value = p.expr()
		}
		s.Range = end()
		return s
	case "return":
		p.advance()
		s := p.a.ret(ReturnStmt{})
		if p.cur().Kind != Semicolon {
			s.Value = p.expr()
		}
		s.Range = end()
		return s
	case "error":
		p.advance()
		s := &ErrorStmt{}
		if p.cur().Kind != Semicolon {
			s.Code = p.unary()
			if p.cur().Kind != Semicolon {
				s.Message = p.expr()
			}
		}
		s.Range = end()
		return s
	case "restart":
		p.advance()
		return &RestartStmt{Range: end()}
	case "esi":
		p.advance()
		return &EsiStmt{Range: end()}
	case "synthetic", "synthetic.base64":
		p.advance()
		val := p.expr()
		return &SyntheticStmt{Base64: t.Text == "synthetic.base64", Value: val, Range: end()}
	case "log":
		p.advance()
		val := p.expr()
		return &LogStmt{Value: val, Range: end()}
	case "if":
		return p.ifStmt()
	case "goto":
		p.advance()
		label := p.ident("a label")
		return &GotoStmt{Label: label, Range: end()}
	case "include":
		p.advance()
		path := p.stringLit("a file name in quotes")
		return &IncludeStmt{Path: path, Range: end()}
	case "switch":
		return p.switchStmt()
	case "break":
		p.advance()
		return &BreakStmt{Range: end()}
	case "fallthrough":
		p.advance()
		return &FallthroughStmt{Range: end()}
	case "else", "elseif", "elsif":
		p.failAt(t, "%q without a matching if", t.Text)
	}
	if strings.HasSuffix(t.Text, ":") && len(t.Text) > 1 {
		p.advance()
		return &LabelStmt{Range: Range{t.Off, t.End}, Name: strings.TrimSuffix(t.Text, ":")}
	}
	if p.next().Kind == LParen {
		call := p.primary().(*CallExpr)
		return &CallExprStmt{Call: call, Range: end()}
	}
	p.failAt(t, "unknown statement %q (expected set, unset, add, call, declare, return, error, restart, synthetic, esi, log, if, switch, include or goto)", t.Text)
	return nil
}

// switchStmt parses switch (value) { case "a": …; case ~ "re": …;
// default: …; }.
func (p *parser) switchStmt() *SwitchStmt {
	start := p.advance()
	s := &SwitchStmt{}
	p.expect(LParen, "'(' after switch")
	s.Value = p.expr()
	p.expect(RParen, "')'")
	p.expect(LBrace, "'{'")
	for p.cur().Kind != RBrace && p.cur().Kind != EOF {
		t := p.cur()
		c := &SwitchCase{}
		switch {
		case t.Kind == Word && t.Text == "case":
			p.advance()
			if o := p.cur(); o.Kind == Op && o.Text == "~" {
				c.Regex = true
				p.advance()
			}
			c.Match = p.stringLit("a string after case")
			p.expect(Colon, "':' after the case")
		case t.Kind == Word && t.Text == "default:":
			p.advance()
		case t.Kind == Word && t.Text == "default":
			p.advance()
			p.expect(Colon, "':' after default")
		default:
			p.failAt(t, "expected case or default in a switch, found %s", describe(t))
		}
		for {
			n := p.cur()
			if n.Kind == RBrace || n.Kind == EOF || n.Kind == Word && (n.Text == "case" || n.Text == "default" || n.Text == "default:") {
				break
			}
			var st Stmt
			p.guard(func() { st = p.stmt() }, p.syncStmt)
			if st != nil {
				c.Stmts = append(c.Stmts, st)
			}
		}
		c.Range = Range{t.Off, p.prevEnd()}
		s.Cases = append(s.Cases, c)
	}
	p.expect(RBrace, "'}' to close the switch")
	s.Range = Range{start.Off, p.prevEnd()}
	return s
}

func (p *parser) ifStmt() *IfStmt {
	start := p.advance() // if, elseif, elsif, or the if of "else if"
	s := p.a.ifStmt(IfStmt{})
	p.expect(LParen, "'(' after if")
	s.Cond = p.expr()
	p.expect(RParen, "')'")
	s.Then = p.block()
	switch {
	case p.isWord("else"):
		if n := p.next(); n.Kind == Word && n.Text == "if" {
			p.advance()
			s.Else = p.ifStmt()
		} else {
			p.advance()
			s.Else = p.block()
		}
	case p.isWord("elseif") || p.isWord("elsif"):
		s.Else = p.ifStmt()
	}
	s.Range = Range{start.Off, p.prevEnd()}
	return s
}

// Expressions, loosest first: || && comparisons concatenation unary.

func (p *parser) expr() Expr {
	p.enter()
	defer p.leave()
	return p.or()
}

func (p *parser) binaryLevel(next func() Expr, ops ...string) Expr {
	x := next()
	for {
		t := p.cur()
		if t.Kind != Op || !slices.Contains(ops, t.Text) {
			return x
		}
		p.advance()
		y := next()
		px, _ := x.Span()
		_, ey := y.Span()
		x = p.a.binary(BinaryExpr{Range: Range{px, ey}, Op: t.Text, X: x, Y: y})
	}
}

func (p *parser) or() Expr  { return p.binaryLevel(p.and, "||") }
func (p *parser) and() Expr { return p.binaryLevel(p.cmp, "&&") }
func (p *parser) cmp() Expr {
	return p.binaryLevel(p.concat, "==", "!=", "~", "!~", "<", ">", "<=", ">=")
}

// concat parses + - * / % and implicit concatenation by juxtaposition.
func (p *parser) concat() Expr {
	x := p.unary()
	var parts []Expr
	for {
		t := p.cur()
		switch {
		case t.Kind == Op && (t.Text == "+" || t.Text == "-" || t.Text == "*" || t.Text == "/" || t.Text == "%"):
			p.advance()
			y := p.unary()
			if parts != nil {
				x = concatOf(parts)
				parts = nil
			}
			px, _ := x.Span()
			_, ey := y.Span()
			x = &BinaryExpr{Range: Range{px, ey}, Op: t.Text, X: x, Y: y}
		case t.Kind == String || t.Kind == Number || t.Kind == Duration || (t.Kind == Word && (!isKeywordAfterExpr(t.Text) || t.Text == "if" && p.next().Kind == LParen)):
			if parts == nil {
				parts = []Expr{x}
			}
			parts = append(parts, p.unary())
		default:
			if parts != nil {
				return concatOf(parts)
			}
			return x
		}
	}
}

// isKeywordAfterExpr lists words that end an expression rather than
// continue a concatenation.
func isKeywordAfterExpr(w string) bool { return stmtKeywords[w] }

// stmtKeywords begin statements; no VCL variable is spelt like one.
var stmtKeywords = map[string]bool{
	"else": true, "elseif": true, "elsif": true, "set": true, "unset": true, "remove": true, "add": true,
	"call": true, "declare": true, "return": true, "error": true, "restart": true, "synthetic": true,
	"synthetic.base64": true, "esi": true, "log": true, "if": true, "goto": true,
	"include": true, "switch": true, "break": true, "fallthrough": true, "case": true,
}

func concatOf(parts []Expr) Expr {
	p0, _ := parts[0].Span()
	_, e := parts[len(parts)-1].Span()
	return &ConcatExpr{Range: Range{p0, e}, Parts: parts}
}

func (p *parser) unary() Expr {
	t := p.cur()
	if t.Kind == Op && (t.Text == "!" || t.Text == "-" || t.Text == "+") {
		p.advance()
		p.enter()
		defer p.leave()
		x := p.unary()
		_, e := x.Span()
		return &UnaryExpr{Range: Range{t.Off, e}, Op: t.Text, X: x}
	}
	return p.primary()
}

func (p *parser) primary() Expr {
	t := p.cur()
	switch t.Kind {
	case String:
		p.advance()
		s := p.stringLitOf(t)
		// "10.0.0.0"/8 is an IP literal (the concat level would read the
		// slash as division otherwise, so take it here when a mask follows).
		if n := p.cur(); n.Kind == Op && n.Text == "/" && p.next().Kind == Number && looksLikeIP(t.Value) {
			p.advance()
			mask := p.advance()
			return &IPLit{Range: Range{t.Off, mask.End}, Addr: s, Mask: mask.Text}
		}
		return s
	case Number:
		p.advance()
		return &NumberLit{Range: Range{t.Off, t.End}, Text: t.Text}
	case Duration:
		p.advance()
		return &DurationLit{Range: Range{t.Off, t.End}, Text: t.Text}
	case Word:
		p.advance()
		id := p.a.ident(t.Off, t.End, t.Text)
		if p.cur().Kind != LParen {
			return id
		}
		p.advance()
		call := &CallExpr{Func: id}
		for p.cur().Kind != RParen {
			call.Args = append(call.Args, p.expr())
			if p.cur().Kind != Comma {
				break
			}
			p.advance()
		}
		p.expect(RParen, "')' to close the call")
		call.Range = Range{t.Off, p.prevEnd()}
		return call
	case LParen:
		p.advance()
		x := p.expr()
		p.expect(RParen, "')'")
		return p.a.paren(ParenExpr{Range: Range{t.Off, p.prevEnd()}, X: x})
	}
	if (t.Kind == RBrace || t.Kind == Semicolon || t.Kind == EOF) && p.i > 0 {
		end := p.prevEnd()
		panic(syntaxError{&Error{Pos: end, End: end + 1, Msg: fmt.Sprintf("missing expression (found %s next)", describe(t))}})
	}
	p.failAt(t, "expected an expression, found %s", describe(t))
	return nil
}

func looksLikeIP(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if !(c >= '0' && c <= '9' || c == '.' || c == ':' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}
