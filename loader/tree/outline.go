package tree

import (
	"bytes"
	"slices"
)

// Outline is a JSON object's members or an array's elements as byte
// ranges, found without building their values. A loader outlines a large
// document and parses its parts separately (on several goroutines) with
// JSONParser.ParseAt, which gives every node the offsets it has in the whole
// document; only one part's nodes need to be alive at a time.
type Outline struct {
	Kind     Kind // Object or Array
	Off, End int
	Parts    []Part
}

// Part is one member or element of an outlined value.
type Part struct {
	// Key is an object member's decoded name, at src[KeyOff:KeyEnd].
	Key            string
	KeyOff, KeyEnd int
	// Off and End delimit the value.
	Off, End int
	// Inner outlines the value when the outline was asked to expand the
	// member and the value is an object or an array.
	Inner *Outline
}

// OutlineJSONDocument outlines a whole document whose value is an object
// or an array (after an optional byte-order mark). It fails on anything
// else and on a syntax error it finds; a part's own syntax is checked only
// when the part is parsed, so a caller that outlines must parse every part
// (or parse the whole document after all) to check the whole document.
//
// expand names the members (of an outlined object) whose values are
// outlined too, into Part.Inner; nil expands none.
func OutlineJSONDocument(src []byte, expand func(key string) bool) (*Outline, error) {
	p := &jsonParser{src: src}
	if bytes.HasPrefix(src, []byte("\xEF\xBB\xBF")) {
		p.pos = 3
	}
	p.space()
	o, err := OutlineJSON(src, p.pos, expand)
	if err != nil {
		return nil, err
	}
	p.pos = o.End
	p.space()
	if p.pos < len(src) {
		return nil, p.errf("unexpected " + p.describe() + " after the top-level value")
	}
	return o, nil
}

// OutlineJSON outlines the object or array starting at src[off],
// expanding the members expand names.
func OutlineJSON(src []byte, off int, expand func(key string) bool) (*Outline, error) {
	p := &jsonParser{src: src, pos: off}
	if off >= len(src) || (src[off] != '{' && src[off] != '[') {
		return nil, p.errf("expected an object or an array")
	}
	o := &Outline{Kind: Array, Off: off}
	closer := byte(']')
	if src[off] == '{' {
		o.Kind, closer = Object, '}'
	}
	p.pos++
	p.space()
	if p.pos < len(src) && src[p.pos] == closer {
		o.End = p.pos + 1
		return o, nil
	}
	for {
		p.space()
		var part Part
		if o.Kind == Object {
			if p.pos >= len(src) || src[p.pos] != '"' {
				return nil, p.errf("expected a member name")
			}
			key, err := p.string()
			if err != nil {
				return nil, err
			}
			part.Key, part.KeyOff, part.KeyEnd = key.Text, key.Off, key.End
			p.space()
			if p.pos >= len(src) || src[p.pos] != ':' {
				return nil, p.errf("expected ':'")
			}
			p.pos++
			p.space()
		}
		part.Off = p.pos
		if o.Kind == Object && expand != nil && expand(part.Key) && p.pos < len(src) && (src[p.pos] == '{' || src[p.pos] == '[') {
			inner, err := OutlineJSON(src, p.pos, nil)
			if err != nil {
				return nil, err
			}
			part.Inner, part.End, p.pos = inner, inner.End, inner.End
		} else {
			end, ok := skipJSON(src, p.pos)
			if !ok {
				return nil, p.errf("malformed value")
			}
			part.End, p.pos = end, end
		}
		if len(o.Parts) == cap(o.Parts) && len(o.Parts) >= sizeAfter {
			o.Parts = slices.Grow(o.Parts, partsAhead(o, len(src)))
		}
		o.Parts = append(o.Parts, part)
		p.space()
		if p.pos >= len(src) {
			return nil, p.errf("unexpected end of file")
		}
		switch src[p.pos] {
		case ',':
			p.pos++
		case closer:
			o.End = p.pos + 1
			return o, nil
		default:
			return nil, p.errf("expected ',' or the end of the value")
		}
	}
}

// sizeAfter is the parts after which an outline sizes its list from the
// parts so far (partsAhead) rather than by doubling it.
const sizeAfter = 64

// partsAhead estimates how many more parts an outline reading up to
// size bytes may hold: the rest of the input at the parts' mean size so
// far, and a tenth more. An export's list of services is most of its
// file: grown by doubling, the list of 16,000 services' parts was made
// eleven times over (4.5 MB for 1 MB kept); estimated, about once.
func partsAhead(o *Outline, size int) int {
	last := o.Parts[len(o.Parts)-1]
	mean := max((last.End-o.Off)/len(o.Parts), 1)
	return min((size-last.End)/mean*11/10+1, len(o.Parts)*16)
}

// ParseJSONAt parses the one value starting at src[off], nested depth
// levels deep in its document, with a parser of its own.
func ParseJSONAt(src []byte, off, depth int) (*Node, int, error) {
	return NewJSONParser(src).ParseAt(off, depth)
}

// skipJSON returns the end of the value at src[i] by matching brackets
// and skipping strings; it does not check the value's syntax.
func skipJSON(src []byte, i int) (int, bool) {
	depth := 0
	for i < len(src) {
		if depth > 0 {
			// Inside brackets only quotes and brackets matter: pass the
			// rest (names' and values' bytes, indentation) in a tight loop.
			for i < len(src) && !jsonStructural[src[i]] {
				i++
			}
			if i == len(src) {
				break
			}
		}
		switch c := src[i]; c {
		case '"':
			j := skipString(src, i+1)
			if j < 0 {
				return 0, false
			}
			i = j
			if depth == 0 {
				return i, true
			}
		case '{', '[':
			depth++
			i++
		case '}', ']':
			if depth == 0 {
				return i, true
			}
			depth--
			i++
			if depth == 0 {
				return i, true
			}
		case ',', ' ', '\t', '\n', '\r':
			if depth == 0 {
				return i, true
			}
			i++
		default:
			i++
		}
	}
	return i, depth == 0
}

// jsonStructural marks the bytes skipJSON stops at inside brackets.
var jsonStructural = [256]bool{'"': true, '{': true, '[': true, '}': true, ']': true}

// skipString returns the offset after the closing quote of a string whose
// text starts at src[i], or -1.
func skipString(src []byte, i int) int {
	for {
		q := bytes.IndexByte(src[i:], '"')
		if q < 0 {
			return -1
		}
		q += i
		backslashes := 0
		for k := q - 1; k >= i && src[k] == '\\'; k-- {
			backslashes++
		}
		if backslashes%2 == 0 {
			return q + 1
		}
		i = q + 1
	}
}
