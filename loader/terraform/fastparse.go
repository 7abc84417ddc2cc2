package terraform

import (
	"bytes"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// fastParse builds the body hclsyntax.ParseConfig builds, with the same
// nodes and ranges, for the plain native syntax most modelled resources
// are written in: blocks with quoted or bare labels (also empty, or of
// one attribute on one line), and attributes set to a quoted string
// (literal text and ${a.b.c} references), a whole number, true, false,
// null, a reference, a function call or a tuple on one line whose
// elements are such values, or a heredoc of literal text, with # and //
// comments, in ASCII. For anything else (an escape, an operator, an
// object, a for expression, an index, a value over several lines, a
// syntax error, ...) ok is false and the caller parses with hclsyntax.
//
// hclsyntax allocates 45 KB for a service of 800 bytes: its token list
// grows by doubling, and a flush heredoc's every line counts its
// indentation with a 4 KiB bufio.Scanner. That was three quarters of a
// Terraform load's allocation and most of its collector's work.
// TestFastParse and FuzzFastParse compare the two parses node for node.
//
// The expressions are bounded as boundFile bounds hclsyntax's (boundOne).
// refs are the body's references, those bodyRefs would find (in another
// order): a lazily read resource's evaluation context is made of them.
//
// Nodes come from a when it is not nil (pieceArena), else from the heap.
// A parse left to hclsyntax gives a's nodes back at once.
func fastParse(src []byte, filename string, start hcl.Pos, a *pieceArena) (body *hclsyntax.Body, refs []ref, ok bool) {
	p := &fastParser{src: src, file: filename, line: start.Line, col: start.Column, base: start.Byte, a: a}
	if a != nil {
		p.parseBufs = a.bufs
		defer func() { a.bufs = p.parseBufs }()
	}
	for _, c := range src {
		if c >= 0x80 || c < ' ' && c != '\n' && c != '\t' || c == 0x7f {
			return nil, nil, false
		}
	}
	defer func() {
		if r := recover(); r != nil {
			if _, bail := r.(fastBail); !bail {
				panic(r)
			}
			body, refs, ok = nil, nil, false
			if a != nil {
				a.reset()
			}
		}
	}()
	if a != nil {
		p.refs = p.refBuf[:0]
	}
	body = p.parseFile()
	if a != nil {
		// The references live as long as the tree: the arena's.
		p.refBuf, p.refs = p.refs[:0], a.refs.Copy(p.refs)
	}
	if p.refs == nil {
		p.refs = []ref{}
	}
	return body, p.refs, true
}

// fastBail is the panic that ends a fast parse: the input is outside the
// subset (or malformed), and hclsyntax is to parse it.
type fastBail struct{}

type fastParser struct {
	src       []byte
	file      string
	i         int // next byte
	line, col int // of byte i
	base      int // the byte offset of src[0]
	// closers are the brackets open around the value being read: ')' of
	// a function call, ']' of a tuple.
	closers []byte
	// singleLine: the attribute being read is a one-line block's body,
	// which its closing brace ends.
	singleLine bool
	refs       []ref
	// a gives out the nodes, when not nil.
	a *pieceArena
	parseBufs
}

// parseBufs is room a parse reuses: a block's labels, a template's
// parts, a traversal's steps, a heredoc's lines and text (none is read
// while another of its kind is). An arena keeps it from one parse to the
// next.
type parseBufs struct {
	labelBuf []string
	rangeBuf []hcl.Range
	partBuf  []hclsyntax.Expression
	stepBuf  hcl.Traversal
	lineBuf  []heredocLine
	textBuf  []byte
	refBuf   []ref
}

// clear drops what the room points to, keeping the room.
func (b *parseBufs) clear() {
	clear(b.labelBuf[:cap(b.labelBuf)])
	clear(b.rangeBuf[:cap(b.rangeBuf)])
	clear(b.partBuf[:cap(b.partBuf)])
	clear(b.stepBuf[:cap(b.stepBuf)])
	clear(b.refBuf[:cap(b.refBuf)])
}

func (p *fastParser) bail() { panic(fastBail{}) }

func (p *fastParser) pos() hcl.Pos {
	return hcl.Pos{Line: p.line, Column: p.col, Byte: p.base + p.i}
}

func (p *fastParser) rng(from hcl.Pos) hcl.Range {
	return hcl.Range{Filename: p.file, Start: from, End: p.pos()}
}

// advance moves past n bytes, none of them a newline.
func (p *fastParser) advance(n int) {
	p.i += n
	p.col += n
}

// newline moves past a newline.
func (p *fastParser) newline() {
	p.i++
	p.line++
	p.col = 1
}

func (p *fastParser) peek() byte {
	if p.i < len(p.src) {
		return p.src[p.i]
	}
	return 0
}

func (p *fastParser) spaces() {
	p.advance(indentOf(p.src[p.i:]))
}

// indentOf is the number of spaces and tabs b starts with.
func indentOf(b []byte) int {
	k := 0
	for k < len(b) && (b[k] == ' ' || b[k] == '\t') {
		k++
	}
	return k
}

func isIdentStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

func isIdentPart(c byte) bool {
	return isIdentStart(c) || c >= '0' && c <= '9' || c == '-'
}

// ident reads an identifier.
func (p *fastParser) ident() (string, hcl.Range) {
	from := p.pos()
	j := p.i
	if j >= len(p.src) || !isIdentStart(p.src[j]) {
		p.bail()
	}
	for j < len(p.src) && isIdentPart(p.src[j]) {
		j++
	}
	name, known := knownIdents[string(p.src[p.i:j])]
	if !known {
		name = string(p.src[p.i:j])
	}
	p.advance(j - p.i)
	return name, p.rng(from)
}

// knownIdents are the names of the attributes and blocks chainlint reads
// and of common references, each one string: an evaluated attribute keeps
// its name (a backend's setter does, to the end of the run), and 16,000
// services held 250 KB of copies of "address" and "override_host".
var knownIdents = func() map[string]string {
	names := append([]string{"resource", "dynamic", "content", "for_each", "count", "depends_on", "lifecycle",
		"provider", "var", "local", "module", "each", "data", "path", "key", "value"}, readAttributes...)
	for _, nested := range nestedBlocks {
		names = append(names, nested...)
	}
	m := make(map[string]string, len(names))
	for _, n := range names {
		m[n] = n
	}
	return m
}()

// endOfLine reads what may end a line after an item: spaces, then a
// newline, a # or // comment (which hclsyntax reads as the newline), or
// the end of the input. It reports whether there was a line's end (false
// at the end of the input).
func (p *fastParser) endOfLine() bool {
	p.spaces()
	switch {
	case p.i >= len(p.src):
		return false
	case p.src[p.i] == '\n':
		p.newline()
	case p.commentAt(p.i):
		p.comment()
	default:
		p.bail()
	}
	return true
}

// commentAt reports whether a line comment (# or //) starts at byte j.
func (p *fastParser) commentAt(j int) bool {
	return j < len(p.src) && (p.src[j] == '#' || p.src[j] == '/' && j+1 < len(p.src) && p.src[j+1] == '/')
}

// blank reads a newline, or a line comment and its newline, at p.i, and
// reports whether there was one.
func (p *fastParser) blank() bool {
	switch {
	case p.peek() == '\n':
		p.newline()
	case p.commentAt(p.i):
		p.comment()
	default:
		return false
	}
	return true
}

// comment reads a line comment and the newline that ends it.
func (p *fastParser) comment() {
	for p.i < len(p.src) && p.src[p.i] != '\n' {
		p.advance(1)
	}
	if p.i >= len(p.src) {
		p.bail() // a comment at the end of the input: no newline to absorb
	}
	p.newline()
}

// parseFile reads a whole input as the top-level body.
func (p *fastParser) parseFile() *hclsyntax.Body {
	body := p.a.body()
	first := true
	var start hcl.Range
	for {
		p.spaces()
		from := p.pos()
		if p.i >= len(p.src) {
			end := p.rng(from)
			if first {
				start = end
			}
			body.SrcRange = hcl.RangeBetween(start, end)
			body.EndRange = hcl.Range{Filename: p.file, Start: end.End, End: end.End}
			return body
		}
		if p.blank() {
			if first {
				start = p.rng(from)
				first = false
			}
			continue
		}
		if !isIdentStart(p.src[p.i]) {
			p.bail()
		}
		if first {
			start = p.itemStart()
			first = false
		}
		p.item(body)
	}
}

// itemStart is the range of the identifier at p.i, not read.
func (p *fastParser) itemStart() hcl.Range {
	save := *p
	_, r := p.ident()
	*p = save
	return r
}

// item reads an attribute or a block into body.
func (p *fastParser) item(body *hclsyntax.Body) {
	name, nameRange := p.ident()
	p.spaces()
	if p.peek() == '=' {
		a := p.attribute(name, nameRange)
		p.endOfLine()
		if _, dup := body.Attributes[name]; dup {
			p.bail()
		}
		body.Attributes[name] = a
		return
	}
	block := p.a.block()
	block.Type, block.TypeRange = name, nameRange
	p.labelBuf, p.rangeBuf = p.labelBuf[:0], p.rangeBuf[:0]
	for p.spaces(); p.peek() != '{'; p.spaces() {
		var label string
		var r hcl.Range
		switch c := p.peek(); {
		case c == '"':
			label, r = p.label()
		case isIdentStart(c):
			label, r = p.ident()
		default:
			p.bail()
		}
		p.labelBuf = append(p.labelBuf, label)
		p.rangeBuf = append(p.rangeBuf, r)
	}
	block.Labels, block.LabelRanges = p.a.labels(p.labelBuf, p.rangeBuf)
	oFrom := p.pos()
	p.advance(1)
	block.OpenBraceRange = p.rng(oFrom)
	p.spaces()
	switch c := p.peek(); {
	case c == '}': // an empty block: {}
		p.closeBlock(body, block, p.a.body())
		return
	case isIdentStart(c): // a block of one attribute on one line: { a = 1 }
		name, nameRange := p.ident()
		p.spaces()
		if p.peek() != '=' {
			p.bail() // a nested block: hclsyntax refuses it
		}
		p.singleLine = true
		a := p.attribute(name, nameRange)
		p.singleLine = false
		p.spaces()
		if p.peek() != '}' {
			p.bail()
		}
		end := a.SrcRange.End
		inner := p.a.body()
		if p.a == nil {
			inner.Blocks = nil // as hclsyntax leaves a one-line body's
		}
		inner.Attributes[name] = a
		inner.SrcRange, inner.EndRange = a.SrcRange, hcl.Range{Filename: p.file, Start: end, End: end}
		p.closeBlock(body, block, inner)
		return
	}
	if !p.endOfLine() {
		p.bail() // hclsyntax: unclosed block
	}
	inner := p.a.body()
	for {
		p.spaces()
		if p.i >= len(p.src) {
			p.bail()
		}
		switch c := p.src[p.i]; {
		case p.blank():
		case isIdentStart(c):
			p.item(inner)
		case c == '}':
			p.closeBlock(body, block, inner)
			return
		default:
			p.bail()
		}
	}
}

// attribute reads an attribute whose name is read, from its equals sign
// to the end of its value.
func (p *fastParser) attribute(name string, nameRange hcl.Range) *hclsyntax.Attribute {
	if p.i+1 < len(p.src) && p.src[p.i+1] == '=' {
		p.bail() // ==
	}
	eqFrom := p.pos()
	p.advance(1)
	eq := p.rng(eqFrom)
	p.spaces()
	expr := p.expr()
	a := p.a.attr()
	a.Name, a.Expr, a.SrcRange, a.NameRange, a.EqualsRange = name, expr, hcl.RangeBetween(nameRange, expr.Range()), nameRange, eq
	return a
}

// closeBlock reads a block's closing brace and the end of its line, and
// adds the block, whose body is inner, to body. A body not of one line
// spans the braces.
func (p *fastParser) closeBlock(body *hclsyntax.Body, block *hclsyntax.Block, inner *hclsyntax.Body) {
	cFrom := p.pos()
	p.advance(1)
	block.CloseBraceRange = p.rng(cFrom)
	if inner.SrcRange.Filename == "" {
		inner.SrcRange = hcl.RangeBetween(block.OpenBraceRange, block.CloseBraceRange)
		inner.EndRange = hcl.Range{Filename: p.file, Start: block.CloseBraceRange.End, End: block.CloseBraceRange.End}
	}
	block.Body = inner
	p.endOfLine()
	body.Blocks = append(body.Blocks, block)
}

// label reads a quoted block label of plain text.
func (p *fastParser) label() (string, hcl.Range) {
	from := p.pos()
	p.advance(1)
	j := p.i
	for j < len(p.src) && p.src[j] != '"' {
		switch p.src[j] {
		case '\\', '\n', '$', '%':
			p.bail()
		}
		j++
	}
	if j >= len(p.src) {
		p.bail()
	}
	text := string(p.src[p.i:j])
	p.advance(j - p.i + 1)
	return text, p.rng(from)
}

// expr reads an attribute's value.
func (p *fastParser) expr() hclsyntax.Expression {
	c := p.peek()
	switch {
	case c == '"':
		return p.quoted()
	case c == '<':
		return p.heredoc()
	case c == '[':
		return p.tuple()
	case c >= '0' && c <= '9':
		return p.number()
	case isIdentStart(c):
		name, r := p.ident()
		if p.peek() == '(' {
			return p.call(name, r)
		}
		var e hclsyntax.Expression
		switch name {
		case "true":
			e = p.a.lit(cty.True, r)
		case "false":
			e = p.a.lit(cty.False, r)
		case "null":
			e = p.a.lit(cty.NullVal(cty.DynamicPseudoType), r)
		default:
			return p.traversal(name, r)
		}
		p.after()
		return e
	}
	p.bail()
	return nil
}

// after checks that what follows a value ends it: the end of a line or
// a comment, or in a call's arguments or a tuple's elements a comma or
// the closing bracket (not an operator, an index, ...), after spaces.
func (p *fastParser) after() {
	j := p.i + indentOf(p.src[p.i:])
	if n := len(p.closers); n > 0 {
		if j < len(p.src) && (p.src[j] == ',' || p.src[j] == p.closers[n-1]) {
			return
		}
		p.bail()
	}
	if p.singleLine {
		if j < len(p.src) && p.src[j] == '}' {
			return
		}
		p.bail()
	}
	if j >= len(p.src) || p.src[j] == '\n' || p.commentAt(j) {
		return
	}
	p.bail()
}

// call reads a function call on one line whose name is read: its
// arguments, separated by commas (one may end them), are values of the
// subset.
func (p *fastParser) call(name string, nameRange hcl.Range) hclsyntax.Expression {
	e := &hclsyntax.FunctionCallExpr{Name: name, NameRange: nameRange}
	e.OpenParenRange, e.Args, e.CloseParenRange = p.list(')')
	return e
}

// tuple reads a tuple of values of the subset on one line: [a, b].
func (p *fastParser) tuple() hclsyntax.Expression {
	j := p.i + 1 + indentOf(p.src[p.i+1:])
	if j+3 <= len(p.src) && string(p.src[j:j+3]) == "for" && (j+3 == len(p.src) || !isIdentPart(p.src[j+3])) {
		p.bail() // a for expression
	}
	open, exprs, close := p.list(']')
	return &hclsyntax.TupleConsExpr{Exprs: exprs, SrcRange: hcl.RangeBetween(open, close), OpenRange: open}
}

// list reads, from its opening bracket to closer, values of the subset
// on one line separated by commas (one may end them), and what follows
// the closer (after).
func (p *fastParser) list(closer byte) (open hcl.Range, exprs []hclsyntax.Expression, close hcl.Range) {
	openFrom := p.pos()
	p.advance(1)
	open = p.rng(openFrom)
	p.closers = append(p.closers, closer)
	for {
		p.spaces()
		if p.peek() == closer {
			break
		}
		exprs = append(exprs, p.expr())
		p.spaces()
		if p.peek() == closer {
			break
		}
		if p.peek() != ',' {
			p.bail()
		}
		p.advance(1)
	}
	p.closers = p.closers[:len(p.closers)-1]
	closeFrom := p.pos()
	p.advance(1)
	close = p.rng(closeFrom)
	p.after()
	return open, exprs, close
}

// number reads a whole number.
func (p *fastParser) number() hclsyntax.Expression {
	from := p.pos()
	j := p.i
	for j < len(p.src) && p.src[j] >= '0' && p.src[j] <= '9' {
		j++
	}
	if j-p.i > 15 || j < len(p.src) && (isIdentPart(p.src[j]) || p.src[j] == '.') {
		p.bail() // a fraction, an exponent, a huge number: hclsyntax's
	}
	v, err := cty.ParseNumberVal(string(p.src[p.i:j]))
	if err != nil {
		p.bail()
	}
	p.advance(j - p.i)
	e := p.a.lit(v, p.rng(from))
	p.after()
	return e
}

// traversal reads a reference whose root, name, is read: root.attr...
func (p *fastParser) traversal(name string, r hcl.Range) hclsyntax.Expression {
	e := p.steps(name, r)
	p.after()
	return e
}

// steps reads the .attr steps after a root.
func (p *fastParser) steps(name string, r hcl.Range) *hclsyntax.ScopeTraversalExpr {
	src := r
	p.stepBuf = append(p.stepBuf[:0], p.a.root(name, r))
	for p.peek() == '.' {
		dotFrom := p.pos()
		p.advance(1)
		if !isIdentStart(p.peek()) {
			p.bail() // .0, .*: hclsyntax's
		}
		attr, ar := p.ident()
		step := hcl.RangeBetween(hcl.Range{Filename: p.file, Start: dotFrom, End: dotFrom}, ar)
		p.stepBuf = append(p.stepBuf, p.a.attrStep(attr, step))
		src = hcl.RangeBetween(src, step)
	}
	p.refs = append(p.refs, ref{name, attrName(p.stepBuf)})
	switch p.peek() {
	case '[', '(', ':':
		p.bail()
	}
	return p.a.traversal(p.stepBuf, src)
}

// quoted reads a quoted template: literal text and ${reference}
// interpolations.
func (p *fastParser) quoted() hclsyntax.Expression {
	open := p.pos()
	p.advance(1)
	parts := p.partBuf[:0]
	defer func() { p.partBuf = parts[:0] }()
	var litFrom hcl.Pos
	litStart := -1
	flush := func() {
		if litStart >= 0 {
			parts = append(parts, p.a.lit(cty.StringVal(string(p.src[litStart:p.i])), p.rng(litFrom)))
			litStart = -1
		}
	}
	interps := 0
	for {
		if p.i >= len(p.src) {
			p.bail()
		}
		c := p.src[p.i]
		switch {
		case c == '"':
			flush()
			closeFrom := p.pos()
			p.advance(1)
			closeRange := p.rng(closeFrom)
			src := hcl.RangeBetween(hcl.Range{Filename: p.file, Start: open, End: open}, closeRange)
			p.after()
			if len(parts) == 0 {
				// hclsyntax: the empty string is a literal at the end of
				// the token after the opening quote, the closing one.
				parts = append(parts, p.a.lit(cty.StringVal(""), hcl.Range{Filename: p.file, Start: closeRange.End, End: closeRange.End}))
			}
			if len(parts) == 1 && interps == 1 {
				return &hclsyntax.TemplateWrapExpr{Wrapped: parts[0], SrcRange: src}
			}
			t := p.a.template(parts, src)
			chargeParts(t.Parts, p.a.charged) // as boundOne charges them
			return t
		case c == '\\' || c == '\n' || c == '%' && p.i+1 < len(p.src) && p.src[p.i+1] == '{':
			p.bail()
		case c == '$' && p.i+1 < len(p.src) && p.src[p.i+1] == '{':
			if p.i > 0 && p.src[p.i-1] == '$' {
				p.bail() // $${ is an escape
			}
			flush()
			p.advance(2)
			p.spaces()
			name, r := p.ident()
			if name == "true" || name == "false" || name == "null" {
				p.bail()
			}
			e := p.steps(name, r)
			p.spaces()
			if p.peek() != '}' {
				p.bail()
			}
			p.advance(1)
			parts = append(parts, e)
			interps++
		default:
			if litStart < 0 {
				litStart, litFrom = p.i, p.pos()
			}
			p.advance(1)
		}
	}
}

// heredoc reads a heredoc of literal text (<<ID or <<-ID).
func (p *fastParser) heredoc() hclsyntax.Expression {
	open := p.pos()
	if p.i+2 >= len(p.src) || p.src[p.i+1] != '<' {
		p.bail()
	}
	p.advance(2)
	flushing := p.peek() == '-'
	if flushing {
		p.advance(1)
	}
	marker, _ := p.ident()
	if p.peek() != '\n' {
		p.bail()
	}
	p.newline()
	openRange := p.rng(open)
	lines := p.lineBuf[:0]
	defer func() { p.lineBuf = lines[:0] }()
	for {
		if p.i >= len(p.src) {
			p.bail()
		}
		j := p.i
		for j < len(p.src) && p.src[j] != '\n' {
			j++
		}
		text := p.src[p.i:j]
		if rest := text[indentOf(text):]; string(bytes.TrimRight(rest, " \t")) == marker {
			// hclsyntax closes at a marker with spaces after it too, and
			// leaves one without a newline after it unterminated; an empty
			// heredoc is its too.
			if len(rest) != len(marker) || j >= len(p.src) || len(lines) == 0 {
				p.bail()
			}
			closeFrom := p.pos()
			p.advance(j - p.i)
			closeRange := p.rng(closeFrom)
			p.after()
			return p.heredocExpr(openRange, closeRange, flushing, lines)
		}
		if bytes.Contains(text, []byte("${")) || bytes.Contains(text, []byte("%{")) {
			p.bail() // a template sequence
		}
		if j >= len(p.src) {
			p.bail()
		}
		lines = append(lines, heredocLine{from: p.i, to: j + 1, pos: p.pos()})
		p.advance(j - p.i)
		p.newline()
	}
}

// heredocLine is a line of a heredoc: its bytes, the newline included,
// and where it starts.
type heredocLine struct {
	from, to int
	pos      hcl.Pos
}

// heredocExpr is a heredoc's template: its lines, less the least
// indentation of those not blank when flushing, as one literal.
func (p *fastParser) heredocExpr(open, close hcl.Range, flushing bool, lines []heredocLine) hclsyntax.Expression {
	least := -1
	if flushing {
		for _, l := range lines {
			text := p.src[l.from:l.to]
			k := indentOf(text)
			if k == len(text)-1 { // blank: hclsyntax counts it not, and trims it not
				continue
			}
			if least < 0 || k < least {
				least = k
			}
		}
	}
	val := p.textBuf[:0]
	defer func() { p.textBuf = val[:0] }()
	start := lines[0].pos
	for n, l := range lines {
		text := p.src[l.from:l.to]
		if least > 0 && indentOf(text) != len(text)-1 {
			text = text[least:]
			if n == 0 {
				start.Column += least
				start.Byte += least
			}
		}
		val = append(val, text...)
	}
	last := lines[len(lines)-1]
	end := hcl.Pos{Line: last.pos.Line + 1, Column: 1, Byte: p.base + last.to}
	lit := p.a.lit(cty.StringVal(string(val)), hcl.Range{Filename: p.file, Start: start, End: end})
	return p.a.template(append(p.partBuf[:0], lit), hcl.RangeBetween(open, close))
}
