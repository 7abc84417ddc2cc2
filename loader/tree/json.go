package tree

import (
	"slices"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// ParseJSON parses a JSON document. A leading byte-order mark is skipped.
// It records every value's offsets and, for strings, the mapping from
// decoded bytes to source bytes across escapes.
//
// Strings and numbers without escapes share src's memory rather than
// copying it (most of a document's bytes are such text): src must not be
// modified while the tree is in use. Loaders keep a file's content
// unchanged for the whole run; fixes write new buffers.
func ParseJSON(src []byte) (*Node, error) {
	p := &jsonParser{src: src}
	if len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF {
		p.pos = 3
	}
	p.space()
	if p.pos >= len(src) {
		return nil, &Error{Off: p.pos, Msg: "empty document: expected a JSON value"}
	}
	n, err := p.value(0)
	if err != nil {
		return nil, err
	}
	p.space()
	if p.pos < len(src) {
		return nil, &Error{Off: p.pos, Msg: "unexpected " + p.describe() + " after the top-level value"}
	}
	return n, nil
}

// JSONParser parses the values of one document one at a time (see
// OutlineJSON). Values parsed by one JSONParser share its allocations,
// so a loader that parses many parts of a document in turn reuses one.
type JSONParser struct{ p jsonParser }

// NewJSONParser returns a parser over src.
func NewJSONParser(src []byte) *JSONParser { return &JSONParser{jsonParser{src: src}} }

// Reuse makes each ParseAt build its value in the memory of the values
// before it: a value is valid only until the next ParseAt. It is for a
// caller that turns each value into something else and keeps none of its
// nodes (strings are safe: they share src or are allocated apart).
func (jp *JSONParser) Reuse() {
	jp.p.nodeSlab.keep, jp.p.fieldSlab.keep, jp.p.itemSlab.keep, jp.p.segSlab.keep = true, true, true, true
}

// ParseAt parses the one value starting at src[off], nested depth levels
// deep in its document, and returns it with its end offset. Its nodes
// have the offsets they have in src.
func (jp *JSONParser) ParseAt(off, depth int) (*Node, int, error) {
	// Each value gets slabs of its own, sized by the last value's needs
	// (slabs shared by two values would tie their lifetimes together and,
	// link by link, every value this parser ever parsed), or, after Reuse,
	// the same arrays again.
	p := &jp.p
	p.nodeSlab.reset()
	p.fieldSlab.reset()
	p.itemSlab.reset()
	p.segSlab.reset()
	p.pos = off
	n, err := p.value(depth)
	if err != nil {
		return nil, 0, err
	}
	return n, jp.p.pos, nil
}

type jsonParser struct {
	src []byte
	pos int
	// fields and items are stacks the open objects and arrays collect
	// their members on; each gets an exact-size copy when it closes.
	fields []Field
	items  []*Node
	// slab is where new nodes are carved from.
	// Nodes, and the member and element lists of closed objects and
	// arrays, are carved from slabs.
	nodeSlab  slab[Node]
	fieldSlab slab[Field]
	itemSlab  slab[*Node]
	// A string with escapes collects its segments on segs, then carves
	// them from segSlab (an export's VCL, a segment an escape: 1.9 MB at
	// 16,000 services, allocated string by string before).
	segs    []Segment
	segSlab slab[Segment]
}

// node returns a new node with n's fields, carved from the node slab.
func (p *jsonParser) node(n Node) *Node { return &p.nodeSlab.carve(n)[0] }

// slab hands out runs of T from shared arrays, so that one allocation
// serves many nodes. The next array's size follows what the value being
// parsed has used so far (after reset, what the previous value used):
// a small value does not pay for a large array.
type slab[T any] struct {
	free []T
	next int // the next array's size
	used int // how many were handed out since reset
	// keep records the arrays (in chunks) so that reset hands them out
	// again, from the first (chunk is the next one to reuse).
	keep   bool
	chunks [][]T
	chunk  int
}

// reset starts a new value: on new arrays sized by the last value's
// needs, or on the kept ones.
func (s *slab[T]) reset() {
	s.free, s.next, s.used, s.chunk = nil, s.used*5/4, 0, 0
}

// carve copies xs into the slab; the copy's capacity is its length, so
// appending to it reallocates rather than overwriting a neighbour.
func (s *slab[T]) carve(xs ...T) []T {
	s.used += len(xs)
	for len(xs) > len(s.free) && s.chunk < len(s.chunks) {
		s.free = s.chunks[s.chunk]
		s.chunk++
	}
	if len(xs) > len(s.free) {
		s.free = make([]T, max(len(xs), s.next, 16))
		s.next = min(max(len(s.free)/4, s.used/2, 16), 512)
		if s.keep {
			s.chunks = append(s.chunks, s.free)
			s.chunk = len(s.chunks)
		}
	}
	out := s.free[:len(xs):len(xs)]
	copy(out, xs)
	s.free = s.free[len(xs):]
	return out
}

// text returns src[from:to] as a string sharing src's memory.
func (p *jsonParser) text(from, to int) string {
	if from >= to {
		return ""
	}
	return unsafe.String(&p.src[from], to-from)
}

func (p *jsonParser) space() {
	for p.pos < len(p.src) {
		switch p.src[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

func (p *jsonParser) describe() string {
	if p.pos >= len(p.src) {
		return "end of file"
	}
	r, _ := utf8.DecodeRune(p.src[p.pos:])
	if r == utf8.RuneError {
		return "invalid byte"
	}
	return "character " + strconvQuoteRune(r)
}

func strconvQuoteRune(r rune) string {
	if r < 0x20 {
		return "U+00" + string("0123456789ABCDEF"[r>>4]) + string("0123456789ABCDEF"[r&15])
	}
	return "'" + string(r) + "'"
}

func (p *jsonParser) errf(msg string) error { return &Error{Off: p.pos, Msg: msg} }

func (p *jsonParser) value(depth int) (*Node, error) {
	if depth > MaxDepth {
		return nil, p.errf("nesting deeper than 1000 levels")
	}
	if p.pos >= len(p.src) {
		return nil, p.errf("unexpected end of file: expected a value")
	}
	switch c := p.src[p.pos]; {
	case c == '{':
		return p.object(depth)
	case c == '[':
		return p.array(depth)
	case c == '"':
		return p.string()
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number()
	case c == 't':
		return p.literal("true", Bool)
	case c == 'f':
		return p.literal("false", Bool)
	case c == 'n':
		return p.literal("null", Null)
	default:
		return nil, p.errf("unexpected " + p.describe() + ": expected a value")
	}
}

func (p *jsonParser) literal(word string, k Kind) (*Node, error) {
	if !strings.HasPrefix(string(p.src[p.pos:min(len(p.src), p.pos+len(word))]), word) {
		return nil, p.errf("invalid literal: expected " + word)
	}
	n := p.node(Node{Kind: k, Off: p.pos, End: p.pos + len(word), Text: word, TextOff: p.pos})
	p.pos += len(word)
	return n, nil
}

func (p *jsonParser) number() (*Node, error) {
	start := p.pos
	if p.src[p.pos] == '-' {
		p.pos++
	}
	digits := func() int {
		s := p.pos
		for p.pos < len(p.src) && p.src[p.pos] >= '0' && p.src[p.pos] <= '9' {
			p.pos++
		}
		return p.pos - s
	}
	if digits() == 0 {
		return nil, p.errf("invalid number")
	}
	if p.pos < len(p.src) && p.src[p.pos] == '.' {
		p.pos++
		if digits() == 0 {
			return nil, p.errf("invalid number: expected digits after '.'")
		}
	}
	if p.pos < len(p.src) && (p.src[p.pos] == 'e' || p.src[p.pos] == 'E') {
		p.pos++
		if p.pos < len(p.src) && (p.src[p.pos] == '+' || p.src[p.pos] == '-') {
			p.pos++
		}
		if digits() == 0 {
			return nil, p.errf("invalid number: expected exponent digits")
		}
	}
	return p.node(Node{Kind: Number, Off: start, End: p.pos, Text: p.text(start, p.pos), TextOff: start}), nil
}

// string decodes a string; Segments records where each run of decoded
// bytes sits in the source, a new run starting after every escape.
func (p *jsonParser) string() (*Node, error) {
	n, err := p.str()
	if err != nil {
		return nil, err
	}
	return p.node(n), nil
}

// str decodes a string into a node value (a member name needs no node).
func (p *jsonParser) str() (Node, error) {
	start := p.pos
	p.pos++ // opening quote
	runStart := p.pos
	// Fast path: no escapes.
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		if c == '"' {
			n := Node{Kind: String, Off: start, End: p.pos + 1, Text: p.text(runStart, p.pos), TextOff: runStart}
			p.pos++
			return n, nil
		}
		if c == '\\' {
			break
		}
		if c < 0x20 {
			return Node{}, p.errf("control character in string (escape it)")
		}
		p.pos++
	}
	// Size the value and its runs once: a string with escapes (VCL in an
	// export has one per line) would otherwise regrow both many times.
	size, escapes := p.pos-runStart, 0
	for i := p.pos; i < len(p.src) && p.src[i] != '"'; i++ {
		if p.src[i] == '\\' {
			escapes++
			i++
		}
		size++
	}
	var b strings.Builder
	b.Grow(size)
	b.Write(p.src[runStart:p.pos])
	segs := append(slices.Grow(p.segs[:0], 1+escapes), Segment{Dec: 0, Src: int32(runStart)})
	defer func() { p.segs = segs[:0] }()
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		switch {
		case c == '"':
			p.pos++
			return Node{Kind: String, Off: start, End: p.pos, Text: b.String(), TextOff: runStart, Segments: p.segSlab.carve(segs...)}, nil
		case c == '\\':
			escStart := p.pos
			if p.pos+1 >= len(p.src) {
				return Node{}, p.errf("unterminated escape")
			}
			e := p.src[p.pos+1]
			p.pos += 2
			var out string
			switch e {
			case '"', '\\', '/':
				out = string(e)
			case 'b':
				out = "\b"
			case 'f':
				out = "\f"
			case 'n':
				out = "\n"
			case 'r':
				out = "\r"
			case 't':
				out = "\t"
			case 'u':
				r, ok := p.hex4()
				if !ok {
					p.pos = escStart
					return Node{}, p.errf(`invalid \u escape`)
				}
				if utf16.IsSurrogate(r) {
					if p.pos+1 < len(p.src) && p.src[p.pos] == '\\' && p.src[p.pos+1] == 'u' {
						save := p.pos
						p.pos += 2
						r2, ok2 := p.hex4()
						if d := utf16.DecodeRune(r, r2); ok2 && d != utf8.RuneError {
							r = d
						} else {
							p.pos = save
							r = utf8.RuneError
						}
					} else {
						r = utf8.RuneError
					}
				}
				out = string(r)
			default:
				p.pos = escStart
				return Node{}, p.errf("invalid escape \\" + string(rune(e)))
			}
			// The escape's decoded bytes map to the backslash, which is where
			// the run before it already maps them (it ends there, both in the
			// source and in the value); the run after it starts verbatim at
			// the next source byte.
			b.WriteString(out)
			segs = append(segs, Segment{Dec: int32(b.Len()), Src: int32(p.pos)})
		case c < 0x20:
			return Node{}, p.errf("control character in string (escape it)")
		default:
			b.WriteByte(c)
			p.pos++
		}
	}
	p.pos = start
	return Node{}, p.errf("unterminated string")
}

// JSONEscape returns the width in src of the escape at src[i] (a
// backslash) and the width of what the parser decodes it to: a \u
// escape's UTF-8 bytes, a surrogate pair's one rune, U+FFFD for a lone
// surrogate. (1, 1) for what is not an escape the parser accepts.
func JSONEscape(src []byte, i int) (srcWidth, decWidth int) {
	if i+1 >= len(src) || src[i] != '\\' {
		return 1, 1
	}
	switch src[i+1] {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		return 2, 1
	case 'u':
	default:
		return 1, 1
	}
	p := &jsonParser{src: src, pos: i + 2}
	r, ok := p.hex4()
	if !ok {
		return 1, 1
	}
	if !utf16.IsSurrogate(r) {
		return 6, utf8.RuneLen(r)
	}
	if p.pos+1 < len(src) && src[p.pos] == '\\' && src[p.pos+1] == 'u' {
		p.pos += 2
		if r2, ok2 := p.hex4(); ok2 {
			if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
				return 12, utf8.RuneLen(d)
			}
		}
	}
	return 6, utf8.RuneLen(utf8.RuneError)
}

func (p *jsonParser) hex4() (rune, bool) {
	if p.pos+4 > len(p.src) {
		return 0, false
	}
	var r rune
	for _, c := range p.src[p.pos : p.pos+4] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	p.pos += 4
	return r, true
}

func (p *jsonParser) object(depth int) (*Node, error) {
	n := p.node(Node{Kind: Object, Off: p.pos, Flow: true})
	p.pos++
	p.space()
	if p.pos < len(p.src) && p.src[p.pos] == '}' {
		p.pos++
		n.End = p.pos
		return n, nil
	}
	base := len(p.fields)
	defer func() { p.fields = p.fields[:base] }()
	for {
		p.space()
		if p.pos >= len(p.src) || p.src[p.pos] != '"' {
			return nil, p.errf("unexpected " + p.describe() + ": expected a member name in double quotes")
		}
		key, err := p.str()
		if err != nil {
			return nil, err
		}
		keyText, keyOff, keyEnd := key.Text, key.Off, key.End
		p.space()
		if p.pos >= len(p.src) || p.src[p.pos] != ':' {
			return nil, p.errf("unexpected " + p.describe() + ": expected ':' after member name")
		}
		p.pos++
		p.space()
		v, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		p.fields = append(p.fields, Field{Key: keyText, KeyOff: keyOff, KeyEnd: keyEnd, Value: v})
		p.space()
		if p.pos >= len(p.src) {
			return nil, p.errf("unexpected end of file: expected ',' or '}'")
		}
		switch p.src[p.pos] {
		case ',':
			p.pos++
		case '}':
			p.pos++
			n.End = p.pos
			n.Fields = p.fieldSlab.carve(p.fields[base:]...)
			return n, nil
		default:
			return nil, p.errf("unexpected " + p.describe() + ": expected ',' or '}'")
		}
	}
}

func (p *jsonParser) array(depth int) (*Node, error) {
	n := p.node(Node{Kind: Array, Off: p.pos, Flow: true})
	p.pos++
	p.space()
	if p.pos < len(p.src) && p.src[p.pos] == ']' {
		p.pos++
		n.End = p.pos
		return n, nil
	}
	base := len(p.items)
	defer func() { p.items = p.items[:base] }()
	for {
		p.space()
		v, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		p.items = append(p.items, v)
		p.space()
		if p.pos >= len(p.src) {
			return nil, p.errf("unexpected end of file: expected ',' or ']'")
		}
		switch p.src[p.pos] {
		case ',':
			p.pos++
		case ']':
			p.pos++
			n.End = p.pos
			n.Items = p.itemSlab.carve(p.items[base:]...)
			return n, nil
		default:
			return nil, p.errf("unexpected " + p.describe() + ": expected ',' or ']'")
		}
	}
}
