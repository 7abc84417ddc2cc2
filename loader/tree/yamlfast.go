package tree

import (
	"strings"
	"unsafe"
)

// fastItem parses an outlined item without yaml.v3 when it is written in
// the block style an export is written in: block mappings and sequences
// of one-line scalars (plain, or quoted without escapes) and literal block
// scalars (| and |-), in ASCII, without comments, flow collections,
// anchors, aliases or tags.
// It builds the nodes the converter builds from yaml.v3's tree (the same
// offsets, texts and segments, from the same slabs); for anything else,
// or anything it is not sure yaml.v3 reads as it does, ok is false and
// the caller parses with yaml.v3.
//
// yaml.v3 spends most of a YAML export's load: its scanner's tokens, its
// parser's events and its nodes were three quarters of what a load of
// 16,000 services allocated (321 MB), and the collector that memory
// drives is what made the load grow faster than its input.
// TestYAMLFastItems and FuzzYAMLItems hold it to the yaml.v3 path.
func (p *YAMLItems) fastItem(i int) (n *Node, ok bool) {
	c := &p.c
	it := p.o.Items[i]
	f := &fastYAML{c: c, src: p.o.src[:it.End], depth: p.o.depth()}
	fields, items := len(c.fields), len(c.items)
	defer func() {
		if r := recover(); r != nil {
			if _, bail := r.(fastBail); !bail {
				panic(r)
			}
			c.fields, c.items = c.fields[:fields], c.items[:items]
			n, ok = nil, false
		}
	}()
	if !fastBytes(f.src[it.Off:]) {
		return nil, false
	}
	c.count = 0
	c.nodeSlab.reset()
	c.fieldSlab.reset()
	c.itemSlab.reset()
	c.segSlab.reset()
	// The item is one "- " line at the sequence's indentation and what
	// belongs to it: a sequence of one item, read as the item.
	col := f.indent(it.Off)
	pos := it.Off + col
	if !f.isItem(pos) {
		return nil, false
	}
	v, next := f.itemValue(pos, col, f.depth)
	if next < len(f.src) {
		f.bail() // something after the item that belongs to it
	}
	return v, true
}

// fastBytes reports text in the fast subset's bytes: ASCII, with no line
// break but LF and no control but tab (other encodings, line breaks and
// controls are yaml.v3's to read).
func fastBytes(text []byte) bool {
	for _, b := range text {
		if b >= 0x80 || b < ' ' && b != '\n' && b != '\t' || b == 0x7f {
			return false
		}
	}
	return true
}

// fastBail is the panic that ends a fast parse: the input is outside the
// subset, and yaml.v3 is to parse it.
type fastBail struct{}

type fastYAML struct {
	c     *yamlConverter
	src   []byte // the document up to the item's end
	depth int
	// skipKey, when skipTo > 0, is the offset of the outlined key whose
	// items a rest leaves out: its value is null, and the mapping goes on
	// at skipTo (fastRest); skipped reports it was met.
	skipKey, skipTo int
	skipped         bool
}

// fastRest reads an outline's rest (Rest) without yaml.v3 when the
// document around the items is in fastItem's subset: a block mapping
// whose first key starts the document, the outlined key alone on its
// line. The outlined key's value is null; ok is false for anything else
// (yaml.v3's to read). Its nodes are the converter's, from slabs of
// their own. (yaml.v3 read the rest of a 16,000-service export, its 1,600
// stores, with 4.9 MB.)
func (o *YAMLOutline) fastRest(start, end int) (n *Node, ok bool) {
	if o.Key == "" || len(o.src) == 0 {
		return nil, false
	}
	if !fastBytes(o.src[:start]) || !fastBytes(o.src[end:]) {
		return nil, false
	}
	c := &yamlConverter{src: o.src, restKey: o.Key}
	f := &fastYAML{c: c, src: o.src, skipKey: o.KeyOff, skipTo: end}
	defer func() {
		if r := recover(); r != nil {
			if _, bail := r.(fastBail); !bail {
				panic(r)
			}
			n, ok = nil, false
		}
	}()
	if f.indent(0) != 0 || f.keyEnd(0, f.lineEnd(0)) == 0 {
		return nil, false
	}
	n, next := f.mapping(0, 0, 1)
	if next < len(o.src) || !f.skipped {
		return nil, false
	}
	return n, true
}

func (f *fastYAML) bail() { panic(fastBail{}) }

// lineEnd is the offset of the line break ending the line at off (or the
// end of the source).
func (f *fastYAML) lineEnd(off int) int {
	for off < len(f.src) && f.src[off] != '\n' {
		off++
	}
	return off
}

// indent counts the spaces starting the line at off; a tab among them is
// not the subset's.
func (f *fastYAML) indent(off int) int {
	n := 0
	for off+n < len(f.src) && f.src[off+n] == ' ' {
		n++
	}
	if off+n < len(f.src) && f.src[off+n] == '\t' {
		f.bail()
	}
	return n
}

// isItem reports a block sequence entry ("- ") at off.
func (f *fastYAML) isItem(off int) bool {
	return off+1 < len(f.src) && f.src[off] == '-' && f.src[off+1] == ' '
}

// nextLine returns the start of the first line after the line break at
// end that is not blank, and its indentation; at the end of the source,
// len(src) and -1. A comment line is not the subset's.
func (f *fastYAML) nextLine(end int) (start, indent int) {
	for off := end + 1; off < len(f.src); {
		ind := f.indent(off)
		switch at := off + ind; {
		case at == len(f.src):
			return len(f.src), -1
		case f.src[at] == '\n':
			if ind > 0 {
				f.bail() // spaces alone on a line
			}
			off = at + 1
		case f.src[at] == '#':
			f.bail()
		default:
			return off, ind
		}
	}
	return len(f.src), -1
}

// itemValue reads a sequence entry whose "- " is at off, at column col,
// and returns its value and the start of the line after it.
func (f *fastYAML) itemValue(off, col, depth int) (*Node, int) {
	at := off + 2
	for at < len(f.src) && f.src[at] == ' ' {
		at++
	}
	end := f.lineEnd(at)
	if at == end || f.isItem(at) || f.src[at] == '-' && at+1 == end {
		f.bail() // the value on the lines below, or a sequence in a sequence
	}
	valueCol := col + at - off
	if f.keyEnd(at, end) > 0 {
		return f.mapping(at, valueCol, depth)
	}
	return f.lineScalar(at, end, col, depth)
}

// keyEnd returns the end of the plain key at off when the line at off
// (ending at end) is "key:" with nothing or a space after the colon, and 0
// otherwise.
func (f *fastYAML) keyEnd(off, end int) int {
	i := off
	for i < end && isKeyChar(f.src[i]) {
		i++
	}
	if i == off || i >= end && i == len(f.src) || f.src[i] != ':' || i+1 < end && f.src[i+1] != ' ' {
		return 0
	}
	if i-off > maxImplicitKey {
		f.bail() // yaml.v3 refuses it ("could not find expected ':'")
	}
	return i
}

// maxImplicitKey is the longest implicit key YAML allows (1.2, 7.4.2;
// libyaml's, so yaml.v3's, simple keys: one whose ':' is further than
// this from its start is stale).
const maxImplicitKey = 1024

func isKeyChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.' || c == '/'
}

// mapping reads a block mapping whose first key is at off, at column col,
// and returns it and the start of the line after it.
func (f *fastYAML) mapping(off, col, depth int) (*Node, int) {
	c := f.c
	f.count(depth)
	n := c.node(Node{Kind: Object, Off: off, End: off})
	base := len(c.fields)
	var next int
	for more := true; more; off, more = f.sibling(next, col) {
		end := f.lineEnd(off)
		k := f.keyEnd(off, end)
		if k == 0 || f.src[off] == '-' {
			f.bail()
		}
		key := unsafe.String(&f.src[off], k-off)
		for _, fd := range c.fields[base:] {
			if fd.Key == key {
				f.bail() // yaml.v3 decides what a repeated key means
			}
		}
		var val *Node
		if f.skipTo > 0 && off == f.skipKey {
			// The outlined key: alone on its line, its items left out.
			if f.skipped || k+1 != end || key != f.c.restKey {
				f.bail()
			}
			f.count(depth + 1)
			val, next, f.skipped = c.node(Node{Kind: Null, Off: k + 1, End: k + 1}), f.skipTo, true
		} else {
			val, next = f.mapValue(k+1, end, col, depth+1)
		}
		c.fields = append(c.fields, Field{Key: key, KeyOff: off, KeyEnd: k, Value: val})
		n.End = max(n.End, val.End)
	}
	n.Fields = c.fieldSlab.carve(c.fields[base:]...)
	c.fields = c.fields[:base]
	return n, next
}

// sibling reads the line at next, after a member of a collection at
// column col: the offset of what it starts, and whether that is the
// collection's next member (a line at col). A line indented more is not
// the subset's.
func (f *fastYAML) sibling(next, col int) (off int, more bool) {
	if next >= len(f.src) {
		return next, false
	}
	ind := f.indent(next)
	if ind > col {
		f.bail()
	}
	return next + ind, ind == col
}

// mapValue reads the value of a key whose colon ends at off, on a line
// ending at end, the key at column col; it returns the value and the
// start of the line after it.
func (f *fastYAML) mapValue(off, end, col, depth int) (*Node, int) {
	at := off
	for at < end && f.src[at] == ' ' {
		at++
	}
	if at == end { // the value is on the lines below
		if at > off {
			f.bail() // trailing spaces
		}
		next, ind := f.nextLine(end)
		switch {
		case ind < 0:
			f.bail() // an empty value
		case f.isItem(next + ind):
			if ind < col {
				f.bail()
			}
			return f.sequence(next+ind, ind, depth)
		case ind > col:
			if f.keyEnd(next+ind, f.lineEnd(next+ind)) == 0 {
				f.bail()
			}
			return f.mapping(next+ind, ind, depth)
		}
		f.bail() // an empty value
	}
	if f.src[at] == '|' {
		return f.literal(at, end, col, depth)
	}
	return f.lineScalar(at, end, col, depth)
}

// sequence reads a block sequence whose first "- " is at off, at column
// col, and returns it and the start of the line after it. (A line at col
// that is not an item ends it: the mapping it is the value of goes on.)
func (f *fastYAML) sequence(off, col, depth int) (*Node, int) {
	c := f.c
	f.count(depth)
	n := c.node(Node{Kind: Array, Off: off, End: off})
	base := len(c.items)
	var next int
	for more := true; more; {
		var v *Node
		v, next = f.itemValue(off, col, depth+1)
		c.items = append(c.items, v)
		n.End = max(n.End, v.End)
		off, more = f.sibling(next, col)
		more = more && f.isItem(off)
	}
	n.Items = c.itemSlab.carve(c.items[base:]...)
	c.items = c.items[:base]
	return n, next
}

// count counts a node at depth as the converter does, and leaves the
// bounds' errors to it.
func (f *fastYAML) count(depth int) {
	f.c.count++
	if f.c.count > maxYAMLNodes || depth > MaxDepth {
		f.bail()
	}
}

// lineScalar reads a one-line scalar from off to the line's end, in a
// collection at column col, and returns it and the start of the line
// after it.
func (f *fastYAML) lineScalar(off, end, col, depth int) (*Node, int) {
	n := f.scalar(off, end, depth)
	next, ind := f.nextLine(end)
	if ind > col {
		f.bail() // a scalar over several lines
	}
	return n, next
}

// scalar reads a one-line scalar from off to the line's end: quoted or
// plain.
func (f *fastYAML) scalar(off, end, depth int) *Node {
	text := f.src[off:end]
	switch {
	case string(text) == "[]" || string(text) == "{}": // an empty flow collection
		f.count(depth)
		kind := Array
		if text[0] == '{' {
			kind = Object
		}
		return f.c.node(Node{Kind: kind, Flow: true, Off: off, End: end})
	case text[0] == '"' || text[0] == '\'':
		return f.quoted(off, end, depth)
	}
	return f.plain(off, end, depth)
}

// quoted reads a quoted scalar that is the whole rest of its line, off
// to end, with no quote, backslash or tab inside: a string whose text is
// the source's between the quotes.
func (f *fastYAML) quoted(off, end, depth int) *Node {
	f.count(depth)
	q := f.src[off]
	if end-off < 2 || f.src[end-1] != q {
		f.bail()
	}
	body := f.src[off+1 : end-1]
	for _, b := range body {
		if b == '"' || b == '\'' || b == '\\' || b == '\t' {
			f.bail() // the converter maps such text escape by escape
		}
	}
	text := ""
	if len(body) > 0 {
		text = unsafe.String(&body[0], len(body))
	}
	return f.c.node(Node{Kind: String, Off: off, End: end, Text: text, TextOff: off + 1})
}

// plain reads a one-line plain scalar from off to the line's end: a
// string yaml.v3 resolves as a string, a decimal whole number, true,
// false or null, in the spellings yaml.v3 resolves (anything that might
// resolve otherwise — a float, a timestamp, a sign, ~ — is not the
// subset's).
func (f *fastYAML) plain(off, end, depth int) *Node {
	f.count(depth)
	text := f.src[off:end]
	if text[len(text)-1] == ' ' || text[len(text)-1] == ':' {
		f.bail()
	}
	for i, b := range text {
		if b == '\t' || b == ':' && text[i+1] == ' ' || b == '#' && i > 0 && text[i-1] == ' ' {
			f.bail()
		}
	}
	kind := String
	switch first := text[0]; {
	case first >= '0' && first <= '9':
		digits, dots := 0, 0
		for _, b := range text {
			switch {
			case b >= '0' && b <= '9':
				digits++
			case b == '.':
				dots++
			}
		}
		switch {
		case digits == len(text) && digits <= 18:
			kind = Number
		case digits+dots == len(text) && dots >= 2 && text[len(text)-1] != '.':
			// a dotted address (192.0.2.1): neither a number nor a
			// timestamp to yaml.v3
		case notNumeric(text):
			// an ID such as 2dnwZTdPkhVYvAbSbd2Tb3
		default:
			f.bail()
		}
	case first >= 'a' && first <= 'z' || first >= 'A' && first <= 'Z' || first == '_' || first == '/':
	default:
		f.bail()
	}
	s := unsafe.String(&f.src[off], len(text))
	switch s {
	case "true", "True", "TRUE":
		kind, s = Bool, "true"
	case "false", "False", "FALSE":
		kind, s = Bool, "false"
	case "null", "Null", "NULL":
		kind = Null
	}
	return f.c.node(Node{Kind: kind, Off: off, End: end, Text: s, TextOff: off})
}

// literal reads a literal block scalar whose indicator (| or |-) is at
// off, on a line ending at end, the key at column col.
func (f *fastYAML) literal(off, end, col, depth int) (*Node, int) {
	f.count(depth)
	strip := false
	switch string(f.src[off:end]) {
	case "|":
	case "|-":
		strip = true
	default:
		f.bail() // keep (+), an indentation indicator, a comment
	}
	if end >= len(f.src) {
		f.bail()
	}
	first := end + 1
	n := f.indent(first)
	if first+n >= len(f.src) || f.src[first+n] == '\n' || n <= col {
		f.bail() // an empty scalar, or one that starts with empty lines
	}
	// The body: lines indented n or more, and empty lines among them. A
	// first pass finds its end and its text's size, so that the text is
	// made once, at its size: the value lives as long as the graph, and
	// the buffers growing it would leave the pages it sits on mostly free.
	last := first // the start of the line after the body's last line
	size, blanks := 0, 0
	for line := first; line < len(f.src); {
		e := f.lineEnd(line)
		if line == e { // an empty line
			blanks++
			line = e + 1
			continue
		}
		ind := 0
		for line+ind < e && f.src[line+ind] == ' ' {
			ind++
		}
		if line+ind == e {
			f.bail() // spaces alone on a line
		}
		if ind < n {
			break
		}
		if e == len(f.src) {
			f.bail() // no line break after the last line
		}
		size += blanks + e - (line + n) + 1
		blanks = 0
		line = e + 1
		last = line
	}
	if strip {
		size--
	}
	var text strings.Builder
	text.Grow(size)
	for line := first; line < last; {
		e := f.lineEnd(line)
		if line < e {
			text.Write(f.src[line+n : e])
		}
		if text.Len() < size {
			text.WriteByte('\n')
		}
		line = e + 1
	}
	next, ind := f.nextLine(last - 1)
	if ind > col {
		f.bail()
	}
	s := text.String()
	node := f.c.node(Node{Kind: String, Off: off, Text: s, TextOff: off})
	start, bodyEnd := f.c.blockBody(off)
	node.End = bodyEnd
	node.Segments = f.c.matchLines(f.c.src[start:bodyEnd], start, s)
	return node, next
}

// notNumeric reports text starting with a digit that yaml.v3 cannot
// resolve as anything but a string: with no '-' or ':' (a timestamp has
// them) and a letter that no number holds (digits, a hexadecimal or
// binary digit, an exponent, a base's x, o or b).
func notNumeric(text []byte) bool {
	letter := false
	for _, b := range text {
		switch {
		case b == '-' || b == ':':
			return false
		case b >= 'a' && b <= 'f' || b >= 'A' && b <= 'F' || b == 'x' || b == 'X' || b == 'o' || b == 'O':
		case b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z':
			letter = true
		}
	}
	return letter
}
