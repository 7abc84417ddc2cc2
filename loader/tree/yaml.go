package tree

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"unicode/utf8"
	"unsafe"

	"gopkg.in/yaml.v3"
)

// maxYAMLNodes bounds the nodes one document may expand to through
// aliases, so that an alias bomb is an error, not an out-of-memory kill.
const maxYAMLNodes = 1_000_000

// ParseYAML parses every document of a YAML stream. Offsets come from
// yaml.v3's line and column marks; a string's segments are found by
// matching its source lines against its decoded text, which is exact for
// plain and literal block scalars and line-exact for the other styles.
func ParseYAML(src []byte) ([]*Node, error) {
	src = sameWidthBreaks(src)
	lines := lineStarts(src)
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var docs []*Node
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			return docs, nil
		}
		if err != nil {
			return docs, yamlError(src, lines, err)
		}
		c := &yamlConverter{src: src, lines: lines}
		n, err := c.convert(&doc, 0)
		if err != nil {
			return docs, err
		}
		if n != nil {
			docs = append(docs, n)
		}
	}
}

// sameWidthBreaks returns src with its lone CRs written as LF and its
// NELs as CR LF, in a copy when it has any: yaml.v3 reads them as the
// same line breaks (libyaml's read_line), the offsets stay the same, and
// the rest of this package (block scalars' bodies, matching a string's
// lines) need only know LF and CR LF. LS and PS, which yaml.v3 keeps in a
// scalar's text, stay: only line numbering counts them (yamlBreak).
func sameWidthBreaks(src []byte) []byte {
	if bytes.IndexByte(src, '\r') < 0 && bytes.IndexByte(src, 0xC2) < 0 {
		return src
	}
	var out []byte
	for i := 0; i < len(src); i++ {
		var repl string
		switch {
		case src[i] == '\r' && (i+1 == len(src) || src[i+1] != '\n'):
			repl = "\n"
		case src[i] == 0xC2 && i+1 < len(src) && src[i+1] == 0x85:
			repl = "\r\n"
		default:
			continue
		}
		if out == nil {
			out = bytes.Clone(src)
		}
		copy(out[i:], repl)
		i += len(repl) - 1
	}
	if out == nil {
		return src
	}
	return out
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// longKeyHint explains what yaml.v3 says of a line at off that holds a
// key of over 1,024 characters ("could not find expected ':'", or in a
// sequence's entry "mapping values are not allowed in this context"):
// YAML's limit on an implicit key, which its message does not name.
func longKeyHint(src []byte, off int, msg string) string {
	if msg != "could not find expected ':'" && msg != "mapping values are not allowed in this context" {
		return ""
	}
	for off+1 < len(src) && src[off] == '-' && src[off+1] == ' ' { // a sequence's entry
		off += 2
		for off < len(src) && src[off] == ' ' {
			off++
		}
	}
	end := off
	for end < len(src) && src[end] != ':' && src[end] != '\n' {
		end++
	}
	if end-off <= maxImplicitKey || end == len(src) || src[end] != ':' {
		return ""
	}
	return fmt.Sprintf(" (the key here is %d characters long; YAML allows a key of at most %d written this way: shorten it, or write it as an explicit key, \"? KEY\" on its own line)", end-off, maxImplicitKey)
}

// yamlError turns yaml.v3's "yaml: line N: msg" into an offset error.
func yamlError(src []byte, lines []int, err error) error {
	msg := err.Error()
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		if isParserError(m[2]) {
			// yaml.v3 numbers a parser error's line from 0 (its scanner
			// errors from 1); the line is where the unfinished construct
			// started.
			line++
		}
		off := offsetOf(src, lines, line, 1)
		for off < len(src) && (src[off] == ' ' || src[off] == '\t') {
			off++
		}
		return &Error{Off: off, Msg: m[2] + longKeyHint(src, off, m[2])}
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	return &Error{Off: 0, Msg: msg}
}

// isParserError tells yaml.v3's parser errors from its scanner errors by
// their wording: the parser's say "did not find expected <construct>".
func isParserError(msg string) bool {
	if !strings.HasPrefix(msg, "did not find expected") {
		return false
	}
	return !strings.Contains(msg, "alphabetic") && !strings.Contains(msg, "URI") && !strings.Contains(msg, "hexdecimal")
}

func lineStarts(src []byte) []int {
	return appendLineStarts(make([]int, 0, 1+bytes.Count(src, []byte{'\n'})), src, 0)
}

// appendLineStarts appends the offsets of src's lines, src being at
// offset base in its file. Lines end where yaml.v3 counts a line break
// (libyaml's, YAML 1.1's): LF, CR LF, a lone CR, NEL, LS and PS, so that
// its line numbers index the result.
func appendLineStarts(dst []int, src []byte, base int) []int {
	dst = append(dst, base)
	if bytes.IndexByte(src, '\r') < 0 && bytes.IndexByte(src, 0xC2) < 0 && bytes.IndexByte(src, 0xE2) < 0 {
		// Line feeds only (the common case, and the outline's pieces).
		for off := 0; ; {
			i := bytes.IndexByte(src[off:], '\n')
			if i < 0 {
				return dst
			}
			off += i + 1
			dst = append(dst, base+off)
		}
	}
	for i := 0; i < len(src); i++ {
		if w := yamlBreak(src, i); w > 0 {
			i += w - 1
			dst = append(dst, base+i+1)
		}
	}
	return dst
}

// yamlBreak returns the width of the line break at src[i], 0 if none.
func yamlBreak(src []byte, i int) int {
	switch src[i] {
	case '\n':
		return 1
	case '\r':
		if i+1 < len(src) && src[i+1] == '\n' {
			return 2
		}
		return 1
	case 0xC2:
		if i+1 < len(src) && src[i+1] == 0x85 {
			return 2
		}
	case 0xE2:
		if i+2 < len(src) && src[i+1] == 0x80 && (src[i+2] == 0xA8 || src[i+2] == 0xA9) {
			return 3
		}
	}
	return 0
}

// offsetOf converts yaml.v3's 1-based line and character column to a byte
// offset.
func offsetOf(src []byte, lines []int, line, col int) int {
	return (&cursor{}).offset(src, lines, line, col)
}

// cursor remembers the last position offset found, so that the next one
// on the same line at or after it is counted from there rather than from
// the line's start: a converter visits a document's nodes in order, and
// counted from the line's start, a one-line document (JSON saved as
// YAML, flow style) cost its length for every node (2,000 services in a
// 1.6 MB line: 75 s).
type cursor struct {
	line, col, off int
}

// offsetSteps, when a test sets it, counts the characters offsets have
// been counted over (the test holds it linear in a document's size).
var offsetSteps *atomic.Int64

func (k *cursor) offset(src []byte, lines []int, line, col int) int {
	if line < 1 {
		return 0
	}
	if line > len(lines) {
		return len(src)
	}
	off, c := lines[line-1], 1
	if k.line == line && k.col <= col && k.col >= 1 {
		off, c = k.off, k.col
	}
	from := c
	for ; c < col && off < len(src); c++ {
		if b := src[off]; b < utf8.RuneSelf && b != '\n' && b != '\r' {
			off++
			continue
		}
		if yamlBreak(src, off) != 0 {
			break
		}
		_, w := utf8.DecodeRune(src[off:])
		off += w
	}
	if offsetSteps != nil {
		offsetSteps.Add(int64(c - from))
	}
	k.line, k.col, k.off = line, col, off
	if c < col { // stopped short, at a line break or the end: not a place to go on from
		k.line = 0
	}
	return off
}

type yamlConverter struct {
	src    []byte
	cursor cursor // offset's
	// inAlias counts the alias expansions being converted; anchored are
	// the offsets of the nodes they reached (nodeOffset).
	inAlias  int
	anchored map[*yaml.Node]int
	// lines are the offsets in src of the lines yaml.v3 numbers from 1:
	// src's, or those of the piece of src it parsed (see YAMLItems).
	lines []int
	gap   lineGap // lines left out of lines
	count int
	// A document's nodes, member lists and element lists are carved from
	// slabs (a document's tree lives and dies whole); fields and items are
	// the stacks open mappings and sequences collect their members on.
	nodeSlab  slab[Node]
	fieldSlab slab[Field]
	itemSlab  slab[*Node]
	fields    []Field
	items     []*Node
	// A block scalar's segments collect on segs and are carved from
	// segSlab (16,000 services' VCL in YAML: 2.6 MB, scalar by scalar,
	// before).
	segs    []Segment
	segSlab slab[Segment]
	// restKey is the outlined key a rest's fast read leaves null.
	restKey string
}

// matchLines is MatchLines, its segments carved from the converter's
// slab.
func (c *yamlConverter) matchLines(region []byte, base int, text string) []Segment {
	c.segs = matchLines(c.segs[:0], region, base, text)
	return c.segSlab.carve(c.segs...)
}

// lineGap is a run of lines left out of a converter's lines: lines
// after+1 to after+n (those of the items YAMLOutline.Rest leaves out, in
// which the rest has no node). full is every line's start, counted if a
// line of the gap is asked for after all.
type lineGap struct {
	after, n int
	full     []int
}

// offset converts yaml.v3's line and column to an offset in src.
func (c *yamlConverter) offset(line, col int) int {
	if g := &c.gap; g.n > 0 && line > g.after {
		if line <= g.after+g.n {
			if g.full == nil {
				g.full = lineStarts(c.src)
			}
			return (&cursor{}).offset(c.src, g.full, line, col)
		}
		line -= g.n
	}
	return c.cursor.offset(c.src, c.lines, line, col)
}

// nodeOffset is a node's offset; within an alias's expansion, kept by
// node, so that each anchored node is counted once.
func (c *yamlConverter) nodeOffset(y *yaml.Node) int {
	if c.inAlias == 0 {
		return c.offset(y.Line, y.Column)
	}
	if off, ok := c.anchored[y]; ok {
		return off
	}
	off := c.offset(y.Line, y.Column)
	if c.anchored == nil {
		c.anchored = map[*yaml.Node]int{}
	}
	c.anchored[y] = off
	return off
}

func (c *yamlConverter) node(n Node) *Node { return &c.nodeSlab.carve(n)[0] }

func (c *yamlConverter) convert(y *yaml.Node, depth int) (*Node, error) {
	c.count++
	if c.count > maxYAMLNodes {
		return nil, &Error{Off: c.offset(y.Line, y.Column), Msg: "document expands to more than a million nodes (alias bomb?)"}
	}
	if depth > MaxDepth {
		return nil, &Error{Off: c.offset(y.Line, y.Column), Msg: "nesting deeper than 1000 levels"}
	}
	off := c.nodeOffset(y)
	switch y.Kind {
	case yaml.DocumentNode:
		if len(y.Content) == 0 {
			return nil, nil
		}
		return c.convert(y.Content[0], depth)
	case yaml.AliasNode:
		if y.Alias == nil {
			return c.node(Node{Kind: Null, Off: off, End: off}), nil
		}
		// The anchor's nodes come before the cursor: they are read with a
		// cursor of their own, and their offsets kept for the next alias
		// of them (an alias expanded many times would otherwise count
		// from its line's start for every node, every time).
		saved := c.cursor
		c.cursor = cursor{}
		c.inAlias++
		n, err := c.convert(y.Alias, depth+1)
		c.inAlias--
		c.cursor = saved
		if err != nil {
			return nil, err
		}
		// An alias's value is written at the anchor; it is used here.
		cp := c.node(*n)
		cp.Off, cp.End = off, off+1+len(y.Value)
		return cp, nil
	case yaml.MappingNode:
		n := c.node(Node{Kind: Object, Off: off, End: off, Flow: y.Style&yaml.FlowStyle != 0})
		base := len(c.fields)
		defer func() { c.fields = c.fields[:base] }()
		for i := 0; i+1 < len(y.Content); i += 2 {
			k, v := y.Content[i], y.Content[i+1]
			koff := c.nodeOffset(k) // before the value's, which comes after it (cursor)
			val, err := c.convert(v, depth+1)
			if err != nil {
				return nil, err
			}
			if k.Kind == yaml.ScalarNode && k.Value == "<<" && k.Tag == "!!merge" {
				if val.Kind == Object {
					c.fields = append(c.fields, val.Fields...)
				}
				continue
			}
			c.fields = append(c.fields, Field{Key: c.text(k, koff), KeyOff: koff, KeyEnd: c.scalarEnd(k, koff), Value: val})
			n.End = max(n.End, val.End)
		}
		if len(c.fields) > base {
			n.Fields = c.fieldSlab.carve(c.fields[base:]...)
		}
		if n.Flow {
			n.End = max(n.End, c.closing(n.End, '}'))
		}
		return n, nil
	case yaml.SequenceNode:
		n := c.node(Node{Kind: Array, Off: off, End: off, Flow: y.Style&yaml.FlowStyle != 0})
		base := len(c.items)
		defer func() { c.items = c.items[:base] }()
		for _, item := range y.Content {
			v, err := c.convert(item, depth+1)
			if err != nil {
				return nil, err
			}
			c.items = append(c.items, v)
			n.End = max(n.End, v.End)
		}
		if len(c.items) > base {
			n.Items = c.itemSlab.carve(c.items[base:]...)
		}
		if n.Flow {
			n.End = max(n.End, c.closing(n.End, ']'))
		}
		return n, nil
	case yaml.ScalarNode:
		return c.scalar(y, off), nil
	}
	return nil, &Error{Off: off, Msg: fmt.Sprintf("unsupported YAML node kind %d", y.Kind)}
}

// text returns a scalar's value, sharing src's memory when the value is
// written there as it is (plain, or quoted without escapes or line
// breaks), so that yaml.v3's copy is garbage at once.
func (c *yamlConverter) text(y *yaml.Node, off int) string {
	v := y.Value
	if y.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		off++
	} else if y.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		return v
	}
	if v == "" || off+len(v) > len(c.src) || string(c.src[off:off+len(v)]) != v {
		return v
	}
	return unsafe.String(&c.src[off], len(v))
}

// closing finds the closing bracket of a flow collection at or after off.
func (c *yamlConverter) closing(off int, bracket byte) int {
	if i := bytes.IndexByte(c.src[min(off, len(c.src)):], bracket); i >= 0 {
		return off + i + 1
	}
	return off
}

func (c *yamlConverter) scalar(y *yaml.Node, off int) *Node {
	n := c.node(Node{Off: off, Text: c.text(y, off), TextOff: off})
	switch y.ShortTag() {
	case "!!null":
		n.Kind = Null
	case "!!bool":
		n.Kind = Bool
		if b, err := strconv.ParseBool(strings.ToLower(y.Value)); err == nil {
			n.Text = strconv.FormatBool(b)
		}
	case "!!int", "!!float":
		n.Kind = Number
	default:
		n.Kind = String
	}
	n.End = c.scalarEnd(y, off)
	n.Segments = c.segments(y, n)
	return n
}

// scalarEnd finds where a scalar's source text ends.
func (c *yamlConverter) scalarEnd(y *yaml.Node, off int) int {
	src := c.src
	switch {
	case y.Style&yaml.DoubleQuotedStyle != 0:
		for i := off + 1; i < len(src); i++ {
			switch src[i] {
			case '\\':
				i++
			case '"':
				return i + 1
			}
		}
		return len(src)
	case y.Style&yaml.SingleQuotedStyle != 0:
		for i := off + 1; i < len(src); i++ {
			if src[i] == '\'' {
				if i+1 < len(src) && src[i+1] == '\'' {
					i++
					continue
				}
				return i + 1
			}
		}
		return len(src)
	case y.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		_, end := c.blockBody(off)
		return end
	default:
		if off+len(y.Value) <= len(src) && string(src[off:off+len(y.Value)]) == y.Value {
			return off + len(y.Value)
		}
		end := off
		for end < len(src) && src[end] != '\n' {
			end++
		}
		return end
	}
}

// blockBody returns the first content offset and the end of a block
// scalar whose indicator ('|' or '>') is at off.
func (c *yamlConverter) blockBody(off int) (start, end int) {
	src := c.src
	i := off
	for i < len(src) && src[i] != '\n' {
		i++
	}
	if i >= len(src) {
		return len(src), len(src)
	}
	i++ // first body line
	start = i
	indent := -1
	end = i
	for line := i; line < len(src); {
		next := line
		for next < len(src) && src[next] != '\n' {
			next++
		}
		text := src[line:next]
		trimmed := bytes.TrimLeft(text, " ")
		ind := len(text) - len(trimmed)
		blank := len(bytes.TrimSpace(text)) == 0
		if !blank {
			if indent < 0 {
				indent = ind
			}
			if ind < indent {
				break
			}
			end = next
		}
		if next >= len(src) {
			break
		}
		line = next + 1
	}
	return start, end
}

// segments maps a string scalar's decoded text to source offsets.
func (c *yamlConverter) segments(y *yaml.Node, n *Node) []Segment {
	if n.Kind != String {
		return nil
	}
	var start, end int
	switch {
	case y.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		start, end = c.blockBody(n.Off)
	case y.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0:
		start, end = n.Off+1, max(n.Off+1, n.End-1)
		n.TextOff = start
		if !bytes.ContainsAny(c.src[start:end], "\\'\n") {
			return nil
		}
		if segs, ok := quotedLineSegments(c.src[start:end], start, n.Text, y.Style&yaml.DoubleQuotedStyle != 0); ok {
			return segs
		}
	default:
		if !bytes.ContainsRune(c.src[n.Off:n.End], '\n') {
			return nil
		}
		start, end = n.Off, n.End
	}
	return c.matchLines(c.src[start:end], start, n.Text)
}

// quotedLineSegments maps a one-line quoted YAML scalar's decoded text to
// its source escape by escape (double: YAML's backslash escapes; single:
// ” for a quote), so that a position after an escape lands on the right
// byte (a secret's mask, a finding). ok is false for anything it does not
// decode exactly to want (a line break inside the scalar folds): the
// caller matches lines instead.
func quotedLineSegments(body []byte, base int, want string, double bool) (segs []Segment, ok bool) {
	if bytes.ContainsAny(body, "\r\n") {
		return nil, false
	}
	var dec []byte
	verbatim := false
	simple := map[byte]string{'0': "\x00", 'a': "\a", 'b': "\b", 't': "\t", '\t': "\t", 'n': "\n", 'v': "\v", 'f': "\f", 'r': "\r",
		'e': "\x1b", ' ': " ", '"': "\"", '/': "/", '\\': "\\", 'N': "\u0085", '_': "\u00a0", 'L': "\u2028", 'P': "\u2029"}
	for i := 0; i < len(body); {
		c := body[i]
		var out string
		width := 0
		switch {
		case double && c == '\\' && i+1 < len(body):
			e := body[i+1]
			if s, ok := simple[e]; ok {
				out, width = s, 2
				break
			}
			n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[e]
			if n == 0 || i+2+n > len(body) {
				return nil, false
			}
			r, err := strconv.ParseUint(string(body[i+2:i+2+n]), 16, 32)
			if err != nil {
				return nil, false
			}
			out, width = string(rune(r)), 2+n
		case !double && c == '\'' && i+1 < len(body) && body[i+1] == '\'':
			out, width = "'", 2
		}
		if width > 0 {
			segs = append(segs, Segment{Dec: int32(len(dec)), Src: int32(base + i)})
			dec = append(dec, out...)
			verbatim = false
			i += width
			continue
		}
		if !verbatim {
			segs = append(segs, Segment{Dec: int32(len(dec)), Src: int32(base + i)})
			verbatim = true
		}
		dec = append(dec, c)
		i++
	}
	if string(dec) != want {
		return nil, false
	}
	return segs, true
}

// MatchLines maps decoded text back to the source region it was decoded
// from (YAML block scalars, HCL heredocs): it finds each source line's
// content in the decoded text, in order, and starts a segment there. It is
// exact for text stored line by line with only indentation removed, and
// line-exact otherwise.
func MatchLines(region []byte, base int, text string) []Segment {
	// A segment a line at most, and the first: sized once (appending
	// allocated twice the segments kept, 3.6 MB for 16,000 services' VCL
	// in YAML).
	return matchLines(make([]Segment, 0, 2+bytes.Count(region, []byte{'\n'})), region, base, text)
}

// matchLines is MatchLines, appending to segs (empty).
func matchLines(segs []Segment, region []byte, base int, text string) []Segment {
	segs = append(segs, Segment{Dec: 0, Src: int32(base)})
	cursor := 0
	lineOff := 0
	for lineOff <= len(region) {
		next := bytes.IndexByte(region[lineOff:], '\n')
		var line []byte
		if next < 0 {
			line = region[lineOff:]
		} else {
			line = region[lineOff : lineOff+next]
		}
		content := bytes.TrimLeft(line, " \t")
		if cut := bytes.IndexAny(content, "\\'"); cut >= 0 {
			content = content[:cut]
		}
		if len(content) > 0 {
			window := text[cursor:]
			if limit := len(content) + len(line) + 64; len(window) > limit {
				window = window[:limit]
			}
			if i := strings.Index(window, string(content)); i >= 0 {
				srcOff := base + lineOff + (len(line) - len(bytes.TrimLeft(line, " \t")))
				segs = append(segs, Segment{Dec: int32(cursor + i), Src: int32(srcOff)})
				cursor += i + len(content)
			}
		}
		if next < 0 {
			break
		}
		lineOff += next + 1
	}
	return segs
}
