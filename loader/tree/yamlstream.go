package tree

import (
	"bytes"
	"slices"
	"sort"

	"gopkg.in/yaml.v3"
)

// YAMLOutline is a YAML document whose main block sequence — the document
// itself, or the value of one top-level key — is cut into its items by a
// scan of the lines' indentation, without parsing. Each item can then be
// parsed alone (YAMLItems), with the offsets it has in the whole
// document, and the rest of the document without the items (Rest): a
// loader parses a large export on several goroutines, one item at a time,
// instead of holding the whole document's tree.
//
// The outline is a guess the parses confirm. A file it might misread —
// several documents, directives, a tab in the indentation, a flow-style or
// oddly indented sequence — gets no outline; an item the guess cut wrongly
// (inside a multi-line quoted string or flow collection) fails to parse
// alone, and so does an alias to an anchor in another item, and Rest fails
// when the key it found is not the document's own. A caller falls back to
// the whole parse when any part fails.
type YAMLOutline struct {
	// Items are the sequence's items: each starts on a line of its own
	// with "- " at the sequence's indentation, and runs to the next
	// item's line.
	Items []YAMLItem
	// Key is the top-level key whose value the sequence is, at KeyOff;
	// "" for a top-level sequence.
	Key    string
	KeyOff int

	src []byte
}

// depth is the items' nesting depth in the document.
func (o *YAMLOutline) depth() int {
	if o.Key == "" {
		return 1
	}
	return 2
}

// YAMLItem is one outlined sequence item: src[Off:End].
type YAMLItem struct{ Off, End int }

// OutlineYAMLSequence outlines src when it is one block-style YAML
// document that is a sequence at the top level, or a mapping whose
// top-level key holds a block sequence; nil otherwise.
func OutlineYAMLSequence(src []byte, key string) *YAMLOutline {
	const (
		before   = iota // looking for the key (or a top-level item)
		afterKey        // the key's line seen: the first item comes next
		inItems
		after
	)
	if hasOtherBreaks(src) {
		return nil
	}
	o := &YAMLOutline{src: src, KeyOff: -1}
	state, indent, seen := before, -1, false
	var items []YAMLItem
	for start, end := 0, 0; start < len(src); start = end + 1 {
		end = len(src)
		if i := bytes.IndexByte(src[start:], '\n'); i >= 0 {
			end = start + i
		}
		text := bytes.TrimRight(src[start:end], "\r")
		rest := bytes.TrimLeft(text, " ")
		ind := len(text) - len(rest)
		if len(rest) == 0 || rest[0] == '#' {
			continue // blank, or a comment
		}
		if rest[0] == '\t' || ind == 0 && (rest[0] == '%' || bytes.HasPrefix(rest, []byte("---")) || bytes.HasPrefix(rest, []byte("..."))) {
			return nil
		}
		switch state {
		case before:
			switch {
			case ind != 0:
			case isYAMLItem(rest) && !seen:
				state, indent = inItems, 0
				items = append(items, YAMLItem{Off: start})
			case isYAMLKeyLine(rest, key):
				state, o.Key, o.KeyOff = afterKey, key, start
			}
			seen = true
		case afterKey:
			if !isYAMLItem(rest) {
				return nil
			}
			state, indent = inItems, ind
			items = append(items, YAMLItem{Off: start})
		case inItems:
			switch {
			case ind > indent:
			case ind == indent && isYAMLItem(rest):
				items[len(items)-1].End = start
				items = append(items, YAMLItem{Off: start})
			case ind == 0 && o.Key != "":
				state = after
				items[len(items)-1].End = start
			default:
				return nil
			}
		}
		// In state after, the lines are still read: a document marker or
		// a tab further down makes the outline refuse, as above.
	}
	switch state {
	case inItems:
		items[len(items)-1].End = len(src)
	case after:
	default:
		return nil
	}
	o.Items = items
	return o
}

// hasOtherBreaks reports whether src has a line break other than LF and
// CRLF that yaml.v3 counts as one (a lone CR, NEL, LS, PS): lines would
// then be numbered otherwise than the scan and the offsets number them.
func hasOtherBreaks(src []byte) bool {
	for i := 0; i < len(src); i++ {
		switch {
		case src[i] == '\r' && (i+1 == len(src) || src[i+1] != '\n'):
			return true
		case src[i] == 0xC2 && i+1 < len(src) && src[i+1] == 0x85:
			return true
		case src[i] == 0xE2 && i+2 < len(src) && src[i+1] == 0x80 && (src[i+2] == 0xA8 || src[i+2] == 0xA9):
			return true
		}
	}
	return false
}

// isYAMLItem reports whether a line's text (after its indentation) starts
// a block sequence item.
func isYAMLItem(rest []byte) bool {
	return rest[0] == '-' && (len(rest) == 1 || rest[1] == ' ')
}

// isYAMLKeyLine reports whether a line's text is key: with nothing after
// it but a comment.
func isYAMLKeyLine(rest []byte, key string) bool {
	after, ok := bytes.CutPrefix(rest, []byte(key+":"))
	if !ok {
		return false
	}
	if len(after) == 0 {
		return true
	}
	if after[0] != ' ' {
		return false
	}
	after = bytes.TrimLeft(after, " ")
	return len(after) == 0 || after[0] == '#'
}

// Rest parses the document without the sequence's items: a mapping whose
// key (its own, at KeyOff, not text in a string nor a merged key) is left
// null, with the offsets its nodes have in the whole document; an error
// when the document is not that. A top-level sequence's rest (blank lines
// and comments, which must still be valid YAML) gives nil.
func (o *YAMLOutline) Rest() (*Node, error) {
	start, end := o.Items[0].Off, o.Items[len(o.Items)-1].End
	if n, ok := o.fastRest(start, end); ok {
		return n, nil
	}
	return o.yamlRest(start, end)
}

// yamlRest is Rest with yaml.v3.
func (o *YAMLOutline) yamlRest(start, end int) (*Node, error) {
	// The items' lines become empty lines, so that every line after them
	// keeps its number (and the converter finds its text in src).
	lines := bytes.Count(o.src[start:end], []byte{'\n'})
	rest := make([]byte, 0, start+lines+len(o.src)-end)
	rest = append(rest, o.src[:start]...)
	rest = append(rest, bytes.Repeat([]byte{'\n'}, lines)...)
	rest = append(rest, o.src[end:]...)
	var doc yaml.Node
	if err := yaml.Unmarshal(rest, &doc); err != nil {
		return nil, &Error{Off: o.KeyOff, Msg: err.Error()}
	}
	if o.Key == "" {
		return nil, nil
	}
	c := &yamlConverter{src: o.src}
	c.lines, c.gap = linesAround(o.src, start, end)
	n, err := c.convert(&doc, 0)
	if err != nil {
		return nil, err
	}
	notOwn := &Error{Off: o.KeyOff, Msg: "the outlined key is not the document's own"}
	if n == nil || n.Kind != Object {
		return nil, notOwn
	}
	found := false
	for _, f := range n.Fields {
		if f.Key != o.Key {
			continue
		}
		if found || f.KeyOff != o.KeyOff || f.Value.Kind != Null {
			return nil, notOwn
		}
		found = true
	}
	if !found {
		return nil, notOwn
	}
	return n, nil
}

// linesAround returns the starts of src's lines but those that start
// inside start..end (exclusive), and the gap they leave: the rest's nodes
// are all outside the items (whose lines, at 16,000 services, held 4.4
// MB of starts). A document with other line breaks than LF (which the
// outline refuses anyway) gets every line.
func linesAround(src []byte, start, end int) ([]int, lineGap) {
	if bytes.IndexByte(src, '\r') >= 0 || bytes.IndexByte(src, 0xC2) >= 0 || bytes.IndexByte(src, 0xE2) >= 0 || start >= end {
		return lineStarts(src), lineGap{}
	}
	// A line starts after each LF: those at start..end-2 start a line
	// inside the gap.
	n := bytes.Count(src[start:end-1], []byte{'\n'})
	lines := appendLineStarts(make([]int, 0, 2+bytes.Count(src[:start], []byte{'\n'})+bytes.Count(src[end:], []byte{'\n'})), src[:start], 0)
	after := len(lines)
	lines = appendLineStarts(lines, src[end:], end)
	if src[end-1] != '\n' {
		lines = slices.Delete(lines, after, after+1) // end starts no line
	}
	return lines, lineGap{after: after, n: n}
}

// YAMLItems parses an outline's items: an item in the block style an
// export is written in by itself, without yaml.v3 (fastItem); any other a
// few at a time, Parse(i) parsing the items from i up to the next
// multiple of YAMLBatch with yaml.v3 in one go (the order in which a
// loader asks for them), so that each parse's fixed cost is spread over
// several items.
type YAMLItems struct {
	o *YAMLOutline
	c yamlConverter
	// batch holds the parsed items from lo on.
	batch []*yaml.Node
	lo    int
	doc   yaml.Node
	// fast counts the items read without yaml.v3 (fastItem).
	fast int
}

// YAMLBatch is how many items one parse reads, at most. A loader that
// parses an outline's items on several goroutines gives each a whole
// number of batches: Parse(i) reads from i to the end of i's batch, and an
// alias finds only the anchors its own parse read.
const YAMLBatch = 16

// On returns the outline reading its items from src, which must be the
// content it outlined (read again, say, after the content was dropped);
// On(nil) keeps the items' places and no content.
func (o *YAMLOutline) On(src []byte) *YAMLOutline {
	c := *o
	c.src = src
	return &c
}

// NewParser returns a parser of the outline's items. With reuse, each
// item is built in the memory of the one before, which is valid only
// until the next Parse (as with JSONParser.Reuse).
func (o *YAMLOutline) NewParser(reuse bool) *YAMLItems {
	p := &YAMLItems{o: o, c: yamlConverter{src: o.src}}
	p.c.nodeSlab.keep, p.c.fieldSlab.keep, p.c.itemSlab.keep, p.c.segSlab.keep = reuse, reuse, reuse, reuse
	return p
}

// Parse parses the i-th item without the rest of the document (without
// yaml.v3 when fastItem can read it).
func (p *YAMLItems) Parse(i int) (*Node, error) {
	if n, ok := p.fastItem(i); ok {
		p.fast++
		return n, nil
	}
	if i < p.lo || i >= p.lo+len(p.batch) {
		hi := min(len(p.o.Items), (i/YAMLBatch+1)*YAMLBatch)
		if err := p.parse(i, hi); err != nil {
			return nil, err
		}
	}
	c := &p.c
	c.count = 0
	c.nodeSlab.reset()
	c.fieldSlab.reset()
	c.itemSlab.reset()
	c.segSlab.reset()
	return c.convert(p.batch[i-p.lo], p.o.depth())
}

// parse parses items lo to hi (exclusive) in one go.
func (p *YAMLItems) parse(lo, hi int) error {
	p.batch, p.lo = nil, lo
	from, to := p.o.Items[lo].Off, p.o.Items[hi-1].End
	p.doc = yaml.Node{}
	if err := yaml.Unmarshal(p.o.src[from:to], &p.doc); err != nil {
		return &Error{Off: from, Msg: err.Error()}
	}
	d := &p.doc
	if len(d.Content) != 1 || d.Content[0].Kind != yaml.SequenceNode || len(d.Content[0].Content) != hi-lo {
		return &Error{Off: from, Msg: "not the outlined sequence items"}
	}
	p.batch = d.Content[0].Content
	p.c.lines = appendLineStarts(p.c.lines[:0], p.o.src[from:to], from) // yaml.v3 numbers the piece's lines from 1
	p.c.cursor, p.c.anchored = cursor{}, nil                            // its lines are the piece's now
	return nil
}

// LayoutAt returns the layout of the object at offset off inside one of
// the outline's items, parsing that item again (with its batch when it
// does not parse alone); nil when there is no such object. It serves a
// loader that builds an item and forgets its nodes, until a fix needs
// the object's members.
func (o *YAMLOutline) LayoutAt(off int) *Layout {
	i := sort.Search(len(o.Items), func(i int) bool { return o.Items[i].End > off })
	if i == len(o.Items) || off < o.Items[i].Off {
		return nil
	}
	p := o.NewParser(false)
	if p.parse(i, i+1) != nil {
		lo := i / YAMLBatch * YAMLBatch
		if p.parse(lo, min(len(o.Items), lo+YAMLBatch)) != nil {
			return nil
		}
	}
	n, err := p.Parse(i)
	if err != nil {
		return nil
	}
	if obj := objectAt(n, off); obj != nil {
		return LayoutOf(obj)
	}
	return nil
}

// objectAt finds the object node at offset off in n's tree.
func objectAt(n *Node, off int) *Node {
	if n == nil || off < n.Off || off > n.End {
		return nil
	}
	if n.Kind == Object && n.Off == off {
		return n
	}
	for _, f := range n.Fields {
		if m := objectAt(f.Value, off); m != nil {
			return m
		}
	}
	for _, it := range n.Items {
		if m := objectAt(it, off); m != nil {
			return m
		}
	}
	return nil
}
